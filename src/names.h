/* SPDX-License-Identifier: MIT
 *
 * names.h -- what the name rules share: a view of one document with the
 * gazetteer's candidates marked per token, and helpers to read tokens and
 * propose spans.  names.c drives the rules (person, org, place) and then
 * propagates names through the document; each rule lives in its own file.
 */
#ifndef TEITAG_NAMES_H
#define TEITAG_NAMES_H

#include <string.h>

#include "private.h"
#include "wordclass.h"

/* A given-name lexicon answer for a word of one key hash and case. */
typedef struct tt_given_memo {
  uint64_t hash;
  uint8_t lcase;
  uint8_t known; /* 0 empty, 1 no given name, 2 one */
  char gender;
  uint8_t flags;
} tt_given_memo;

/* No name has more initials than this (J. R. R. Tolkien has three): the
 * rules read a run of initials no further, so that a run of thousands
 * costs a bounded look from each token, not a scan to its end. */
#define TT_MAX_INITIALS 4

/* Punctuation the rules look for, told by the hash of its key
 * (tt_n_punct, tt_names.punct_hash): reading the text of every comma to
 * see whether it was one of these was a cache miss each in a long part. */
enum {
  TT_N_DASH,       /* every hyphen, dash and minus: the tokenizer folds them to "-" */
  TT_N_QUOTE,      /* every double quote and guillemet folds to '"' */
  TT_N_APOSTROPHE, /* every single quote and apostrophe folds to "'" */
  TT_N_OPEN_PAREN, TT_N_CLOSE_PAREN, TT_N_AMPERSAND, TT_N_PLUS, TT_N_COMMA,
  TT_N_FULL_STOP, TT_N_PUNCTS
};

typedef struct tt_names {
  teitag_doc *doc;
  const teitag_pipeline *p;
  const tt_para *para;    /* the paragraph being read */
  uint8_t *gaz_type;      /* per token: type of a gazetteer candidate on it */
  uint32_t *gaz_end;      /* per token: end token of the gazetteer candidate
                             that starts there, 0 if none */
  uint8_t *person;        /* per token: 1 when a person rule claimed it */
  /* per token, tt_n_given's answer: one record, since its three parts
   * in three arrays were three cache misses on a long part */
  struct tt_given_answer {
    uint8_t known; /* 0 not asked, 1 no given name, 2 one */
    char gender;   /* when known == 2 */
    uint8_t flags; /* TT_LEX_* when known == 2 */
  } *given;
  struct tt_given_memo *given_memo; /* answers by key hash, see tt_n_given */
  size_t given_memo_mask;
  uint64_t *caps;         /* sorted hashes of the document's ALL-CAPS words */
  size_t n_caps;
  uint64_t punct_hash[TT_N_PUNCTS]; /* of the keys of the TT_N_* marks */
  size_t n_candidates;     /* doc->spans from before the rules: the
                              candidates gaz_type and gaz_end describe */
  /* The spans by first token, for tt_n_retype and tt_n_candidate_at: per
   * token the last span indexed that starts there, and per span the one
   * before it (UINT32_MAX ends a chain).  Built at the first lookup, which
   * most documents never make, and extended with the spans added since at
   * each one after. */
  uint32_t *span_first, *span_next;
  size_t n_indexed, cap_next;
  /* Links taken off a listed surname because the given name or initial
   * with it names someone else (Тарас Янукович): the ref's offset in
   * doc->strs and where that name starts. */
  struct tt_unlinked {
    uint32_t ref, start;
  } *unlinked;
  size_t n_unlinked, cap_unlinked;
} tt_names;

/* How often an ALL-CAPS word with this key hash occurs in the document. */
size_t tt_n_caps_count(const tt_names *n, uint64_t hash);

/* ---- reading tokens --------------------------------------------------- */

/* A word in Title case (or a single capital letter). */
static inline int tt_n_title(const tt_names *n, size_t i) {
  const tt_token *t = &n->doc->toks[i];
  return t->kind == TEITAG_TOKEN_WORD && t->lcase == TEITAG_CASE_TITLE;
}
/* A word in capitals only (an acronym), at least two letters. */
static inline int tt_n_upper(const tt_names *n, size_t i) {
  const tt_token *t = &n->doc->toks[i];
  return t->kind == TEITAG_TOKEN_WORD && t->lcase == TEITAG_CASE_UPPER;
}
/* Is token i the first of its sentence (perhaps after a quote or dash)? */
static inline int tt_n_sentence_start(const tt_names *n, size_t i) {
  return (n->doc->toks[i].flags & TT_TOK_OPENS) != 0;
}
/* TT_WC_* classes of token i. */
static inline unsigned tt_n_class(const tt_names *n, size_t i) {
  return n->doc->toks[i].classes;
}
/* A Latin word in mixed case that starts with a capital: McPhail,
 * LifePoint. */
static inline int tt_n_camel(const tt_names *n, size_t i) {
  const tt_token *t = &n->doc->toks[i];
  /* the text is read last: for most tokens it would be a cache miss */
  if (t->kind != TEITAG_TOKEN_WORD || t->lcase != TEITAG_CASE_MIXED ||
      t->script != TT_SCRIPT_LATIN)
    return 0;
  char first = n->doc->text[t->start];
  return first >= 'A' && first <= 'Z';
}
/* Does token i follow a preposition or type word of place (у, near,
 * село, river)? */
static inline int tt_n_after_place_word(const tt_names *n, size_t i) {
  return i > 0 && (tt_n_class(n, i - 1) &
                   (TT_WC_PREP_PLACE | TT_WC_PLACE_BEFORE | TT_WC_PLACE_TYPE)) &&
         !(tt_n_class(n, i - 1) & TT_WC_TYPE_ABBREV);
}
/* Is token i a given name?  Stores gender and TT_LEX_* flags. */
int tt_n_given(const tt_names *n, size_t i, char *gender, unsigned *flags);
/* An Arabic surname with the article: al-Maliki, el-Sisi, ad-Din. */
int tt_n_article_surname(const tt_names *n, size_t i);
/* Is token i the mark `which` (TT_N_COMMA ...)? */
static inline int tt_n_punct(const tt_names *n, size_t i, int which) {
  const tt_token *t = &n->doc->toks[i];
  return t->kind == TEITAG_TOKEN_PUNCT && t->hash == n->punct_hash[which];
}
/* Is token i a hyphen or a dash of any length? */
static inline int tt_n_dash(const tt_names *n, size_t i) {
  return tt_n_punct(n, i, TT_N_DASH);
}
/* Is token i an opening (1) or closing (2) quotation mark, else 0? */
int tt_n_quote(const tt_names *n, size_t i);
/* Same script (Latin or Cyrillic) for tokens i and j? */
int tt_n_same_script(const tt_names *n, size_t i, size_t j);
/* Does the folded key of token i end with `suffix` (folded UTF-8)? */
int tt_n_ends(const tt_names *n, size_t i, const char *suffix);
/* Is the folded key of token i exactly `word`?  The lengths are compared
 * first: the key's bytes lie elsewhere in memory, and reading them for
 * every word the rules ask about was a cache miss each. */
static inline int tt_n_is(const tt_names *n, size_t i, const char *word) {
  const tt_token *t = &n->doc->toks[i];
  size_t len = strlen(word);
  return t->key_len == len && memcmp(n->doc->keys.data + t->key, word, len) == 0;
}

/* A word, prefix or suffix with its length in bytes, for tt_n_is_any,
 * tt_n_starts_any and tt_n_ends_any: knowing the length, they read a
 * key's bytes only when the lengths allow a match.  Lists end with
 * TT_SFX_END.  The last byte is kept beside the pointer: tt_n_ends_any
 * compares it first, and most words end with none of a list's, so the
 * scan of a list reads no string. */
typedef struct {
  const char *s;
  uint32_t len;
  char last;
} tt_suffix;
#define TT_SFX(lit) {lit, sizeof lit - 1, lit[sizeof lit - 2]}
#define TT_SFX_END {NULL, 0, 0}
/* Is the folded key of token i exactly one of `words` (TT_SFX items,
 * ending with TT_SFX_END)? */
int tt_n_is_any(const tt_names *n, size_t i, const tt_suffix *words);
/* Does the folded key of token i end with one of `list`? */
int tt_n_ends_any(const tt_names *n, size_t i, const tt_suffix *list);
/* Does the folded key of token i start with one of `prefixes`? */
int tt_n_starts_any(const tt_names *n, size_t i, const tt_suffix *prefixes);

/* Is token i a word that names an institution or street after a person
 * (імені, ім., имени, им.)? */
int tt_n_naming_word(const tt_names *n, size_t i);
/* Does an attribute compound start at token i, which describes a name
 * and is none (State-backed, India-based, U.S.-led)?  Its length in
 * tokens: 1 when it is one word, 3 when the tokenizer wrote the name
 * before the participle as a word of its own (State - backed), 0 when
 * there is none. */
size_t tt_n_attribute_len(const tt_names *n, size_t i);
/* The three-token form alone: a word, then a hyphen and a lower-case word
 * glued to it.  The tokenizer parts a capitalised Latin word from the
 * participle after its hyphen; nothing else leaves that sequence.
 * Inline: the organisation rules' loop asks it of capitalised words. */
static inline int tt_n_attribute_split(const tt_names *n, size_t i) {
  const tt_token *t = &n->doc->toks[i];
  /* the dash's hash first: the one test that nearly always fails */
  return i + 2 < n->para->tok_end && t[1].hash == n->punct_hash[TT_N_DASH] &&
         !(t[1].flags & TT_TOK_SPACE_BEFORE) && t[1].kind == TEITAG_TOKEN_PUNCT &&
         t[2].kind == TEITAG_TOKEN_WORD && t[2].lcase == TEITAG_CASE_LOWER &&
         !(t[2].flags & TT_TOK_SPACE_BEFORE) && t->kind == TEITAG_TOKEN_WORD &&
         t->script == TT_SCRIPT_LATIN;
}
/* Is token i an English adjective of nationality, faith or majority
 * (Sudanese, Kurdish, Muslim-majority), which names nothing by itself? */
int tt_n_demonym_like(const tt_names *n, size_t i);
/* Does the document write the word at token i in lower case somewhere
 * (Країна Дурнів ... країна): then it is a common word, not a name. */
int tt_n_lower_elsewhere(tt_names *n, size_t i);
/* At or after token j, the last word of an English name: is the name
 * that of a facility or an honour named after a person (Charles De
 * Gaulle airport, Louis Armstrong International Airport, Martin Luther
 * King Jr. Boulevard)? */
int tt_n_facility_after(const tt_names *n, size_t j);
/* Did the default gazetteer's source `file` (a prefix: "countries" also
 * covers countries-extra.tsv) list span `sp`? */
int tt_n_listed_in(const teitag_doc *d, const tt_span *sp, const char *file);

/* Is token i a single letter? */
int tt_n_one_letter(const teitag_doc *d, size_t i);
/* Is token i a capital letter and token i + 1 a full stop, as text
 * tokenized before it came here writes an initial ("Т . Кравельтон")?
 * Token i + 1 must exist. */
int tt_n_spaced_initial(const teitag_doc *d, size_t i);
/* Do initials between the word `before` and token `after` close the name
 * before them rather than open one after them (rule_person.c)? */
int tt_n_initials_close_name(const tt_names *n, size_t before, size_t after);
/* The end of the initials of the same script after the word `before`
 * (Януковича В. Ф., директором Гарматюком В. І.), at most
 * TT_MAX_INITIALS of them, when they close that name rather than open the
 * next; else 0 (rule_person.c). */
size_t tt_n_initials_closing(const tt_names *n, size_t before);

/* The letters of a Roman numeral (I..XXIII, Latin or with Cyrillic І
 * and Х) at token i, inside a sentence after a space; 0 if it is none. */
size_t tt_n_roman(const tt_names *n, size_t i);
/* Is token `numeral` the regnal number of the name ending at token `name`
 * (Elizabeth II, Петра I)?  The name must be a given name, or have a
 * title at `first` (its first token) or before it; a lone Latin "I" may
 * be the pronoun, so it needs the title. */
int tt_n_regnal(const tt_names *n, size_t first, size_t name, size_t numeral);

/* The spans of type `from` over exactly tokens [b, e) become `to`,
 * without an entry's ID and norm (they named something else): a place's
 * name that names a newspaper or a person here, a person's that names a
 * listed company.  Gazetteer spans and those the rules added before. */
void tt_n_retype(tt_names *n, size_t b, size_t e, teitag_type from,
                 teitag_type to, teitag_cert cert, const char *why);
/* The candidate that starts at token b, the one gaz_end[b] describes (its
 * type may have changed since), or NULL.  Valid until a span is added. */
const tt_span *tt_n_candidate_at(tt_names *n, size_t b);
/* Adds a candidate over tokens [b, e). */
void tt_n_add(tt_names *n, size_t b, size_t e, teitag_type type,
              teitag_cert cert, const char *rule);

/* ---- the rules -------------------------------------------------------- */

void tt_rules_person(tt_names *n);
void tt_rules_org(tt_names *n);
void tt_rules_place(tt_names *n);
/* Over the whole document: a known organisation and a known place in the
 * genitive after it make one organisation. */
void tt_rules_org_of_place(tt_names *n);
/* Within the whole document: surnames and acronyms found once are tagged
 * wherever they recur, and weaker rules give way to stronger evidence. */
void tt_names_propagate(tt_names *n);

#endif
