/* SPDX-License-Identifier: MIT
 *
 * inflect.h -- case forms of Ukrainian and Russian names.
 *
 * A gazetteer entry is written in its dictionary form; the compiler asks
 * this module for its case forms and stores them as further keys, so that
 * matching stays a plain lookup.  Generation is rule-based: a paradigm is
 * chosen per word from its ending, the entry's type, gender and position
 * (adjectives agree with the head noun), then endings are attached with the
 * spelling rules of each language.  It over-generates a little (both
 * variants where usage varies) rather than miss a form news really uses.
 */
#ifndef TEITAG_INFLECT_H
#define TEITAG_INFLECT_H

#include "private.h"

/* Grammatical cases; TT_CASE_LOC is the Russian prepositional too. */
enum {
  TT_CASE_NOM = 0, TT_CASE_GEN, TT_CASE_DAT, TT_CASE_ACC, TT_CASE_INS,
  TT_CASE_LOC, TT_CASE_VOC, TT_N_CASES
};

/* Short names of the cases ("nom", "gen", ... "voc"). */
const char *tt_case_name(int c);

/* What a gazetteer row says about inflection (its attrs column). */
/* infl= of a name whose last word alone declines (Ким Чен Ын). */
enum { TT_INFL_DECIDE = -1, TT_INFL_LAST = -2 };

typedef struct tt_infl_attrs {
  char gender;         /* 'm', 'f', 'n', 'p' (plural-only), or 0 */
  int indecl;          /* never declines */
  int soft;            /* a soft stem without a written soft sign (Ігор) */
  int given;           /* a given name alone (declines as one, not as a
                          surname: Олена -> Олени, not Оленої) */
  int infl;            /* how many leading words decline; -1: decide;
                          TT_INFL_LAST: the last word only */
  const char *stems;   /* "WORD>STEM,WORD>STEM", or NULL */
  size_t stems_len;
} tt_infl_attrs;

/* Receives one generated form (UTF-8, words separated by single spaces)
 * and its case. */
typedef void (*tt_infl_emit_fn)(void *ctx, const char *form, size_t len,
                                int case_id);

/* Emits the case forms of `form` (the dictionary form, words separated by
 * single spaces) in `lang` (only TEITAG_LANG_UK and TEITAG_LANG_RU
 * inflect).  Each distinct form is emitted once, the dictionary form never.
 * `type` is the entry's type: persons decline every word and are animate. */
void tt_inflect(teitag_lang lang, teitag_type type, const char *form,
                size_t len, const tt_infl_attrs *attrs, tt_infl_emit_fn emit,
                void *ctx);

#endif
