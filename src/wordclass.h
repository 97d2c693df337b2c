/* SPDX-License-Identifier: MIT
 *
 * wordclass.h -- closed word classes the annotators consult: function
 * words, titles and roles, organisation heads and legal forms, place type
 * words, prepositions of place, verbs of reporting, name particles.
 * Lookups take the hash of a token's folded key (tt_token.hash); Ukrainian
 * and Russian nouns are known in all their case forms.
 */
#ifndef TEITAG_WORDCLASS_H
#define TEITAG_WORDCLASS_H

#include "private.h"

enum {
  TT_WC_FUNCTION = 1u << 0,   /* pronoun, determiner, conjunction, adverb */
  TT_WC_ROLE = 1u << 1,       /* a title or role before a name: президент */
  TT_WC_ORG_HEAD = 1u << 2,   /* a noun that heads an org name: міністерство */
  TT_WC_LEGAL = 1u << 3,      /* a legal form: ТОВ, ООО, Inc., Ltd */
  TT_WC_PLACE_TYPE = 1u << 4, /* область, район, river, street */
  TT_WC_PLACE_BEFORE = 1u << 5, /* a type word before a place: місто, село */
  TT_WC_PREP_PLACE = 1u << 6, /* a preposition of place: у, біля, near */
  TT_WC_REPORT = 1u << 7,     /* a verb of reporting: повідомляє, reports */
  TT_WC_PARTICLE = 1u << 8,   /* a name particle: von, de, bin, al */
  TT_WC_EN_ROLE = 1u << 9,    /* next to an English name, not part of it */
  TT_WC_MONTH = 1u << 10,     /* month or weekday names */
  TT_WC_ADJECTIVE = 1u << 11, /* a capitalised English adjective that is
                                 no surname: American, Catholic, Democratic */
  TT_WC_STREET = 1u << 12,    /* a street type, part of the street's name */
  TT_WC_COMPASS = 1u << 13,   /* North, Eastern, Central: part of a region's
                                 name before a place (East Africa) */
  TT_WC_SAYING = 1u << 14,    /* said, told; Editing (by): an English name
                                 follows */
  TT_WC_LEGAL_BEFORE = 1u << 15, /* a legal form that precedes its name, never
                                    follows it: ТОВ, ООО (also TT_WC_LEGAL) */
  TT_WC_CN_FAMILY = 1u << 16, /* a common Chinese family name in pinyin */
  TT_WC_MINISTRY = 1u << 17,  /* a ministry's short name: МЗС, Минфина */
  TT_WC_COMPANY = 1u << 18,   /* ends an English company's name and leaves
                                 its short name: Labs, Solutions, Group */
  TT_WC_NO_COMPLEMENT = 1u << 19, /* no part of an organisation's genitive
                                    complement: країни, минулого (тижня) */
  TT_WC_TYPE_ABBREV = 1u << 20, /* обл., р-н: an abbreviated type word, which
                                   follows its name and announces no other */
  TT_WC_ORG_PERSON = 1u << 21 /* one who owns, runs, works or plays for an
                                 organisation, or beats a club: директор
                                 «X», власниками «X», футболісти «X» */,
  TT_WC_MIL_UNIT = 1u << 22,  /* a military unit's head noun: бригада, полк */
  TT_WC_RESULT = 1u << 23,    /* the verb of a match's result: beat, drew */
  TT_WC_HONOUR = 1u << 24,    /* a word before the person something is named
                                 after: імені, святого, храм, church */
  TT_WC_BUSINESS = 1u << 25,  /* what only a company has, after its name:
                                 shares, earnings, CEO; chief (executive) */
  TT_WC_FACILITY = 1u << 26,  /* after an English name, what is named after
                                 a person: airport, stadium, prize */
  TT_WC_FIRM = 1u << 27,      /* a lower-case English noun for a company
                                 before its name: firm, lender, carmaker */
  TT_WC_PLACE_PREFIX = 1u << 28 /* begins an English place's name: Port,
                                   Fort, Mount, Lake, Cape */
};

/* The TT_WC_* classes of a word, 0 when it is in none. */
unsigned tt_word_class(uint64_t key_hash);

/* Gives every token of `doc` its classes (a word's, 0 for other tokens)
 * and every paragraph the classes of its words, as the tokenizer does
 * with tt_word_class_token: the name rules call it on a document whose
 * tokenizer did not (doc->word_classes unset). */
void tt_word_class_doc(teitag_doc *doc);

/* ---- the lookup inlined into the tokenizer ---------------------------- */

/* An open-addressing table from a folded key's hash to its classes, and a
 * bit per 2^16 slices of the hash space set for the words of the table:
 * most words of a text are in no class, and the filter's 8 KB answers for
 * them from the first-level cache, where the table (256 KB) would cost a
 * miss per word on a long text. */
struct tt_wc_tables {
  struct tt_wc_slot {
    uint64_t hash;
    unsigned classes;
  } *slots;
  size_t mask;
  uint64_t filter[1024];
};
extern struct tt_wc_tables tt_wc_tables;

/* Builds the tables, once per process; tt_word_class_lookup and
 * tt_word_class_token need it called first. */
void tt_word_class_init(void);

static inline size_t tt_wc_filter_bit(uint64_t h) { return (size_t)(h >> 40) & 0xFFFF; }

static inline unsigned tt_word_class_lookup(uint64_t key_hash) {
  const struct tt_wc_tables *t = &tt_wc_tables;
  uint64_t h = key_hash ? key_hash : 1;
  if (!tt_bit_get(t->filter, tt_wc_filter_bit(h)))
    return 0;
  for (size_t i = (size_t)h & t->mask; t->slots[i].hash; i = (i + 1) & t->mask)
    if (t->slots[i].hash == h)
      return t->slots[i].classes;
  return 0;
}

/* Gives word token `t` of `doc` its classes, adds them to
 * doc->tok_classes, and adds its key hash to doc->caps when it is in
 * capitals and, when doc->gather_lower is set, to doc->lowers when it is
 * in lower case (see tt_doc_lower_words).  The tokenizer calls it as it makes
 * each word (while the token is in a register, not in a second pass)
 * when doc->word_classes is set. */
static inline void tt_word_class_token(teitag_doc *doc, tt_token *t) {
  t->classes = tt_word_class_lookup(t->hash);
  doc->tok_classes |= t->classes;
  if (t->lcase == TEITAG_CASE_LOWER) {
    if (doc->gather_lower) {
      TT_RESERVE(doc->lowers, doc->cap_lowers, doc->n_lowers + 1);
      doc->lowers[doc->n_lowers++] = t->hash;
    }
  } else if (t->lcase == TEITAG_CASE_UPPER) {
    TT_RESERVE(doc->caps, doc->cap_caps, doc->n_caps + 1);
    doc->caps[doc->n_caps++] = t->hash;
  }
}

/* Shorthands used by the gazetteer's context checks. */
static inline int tt_is_function_word(uint64_t h) {
  return (tt_word_class(h) & TT_WC_FUNCTION) != 0;
}
static inline int tt_is_compass_word(uint64_t h) {
  return (tt_word_class(h) & TT_WC_COMPASS) != 0;
}
static inline int tt_is_role_word(uint64_t h) {
  return (tt_word_class(h) & (TT_WC_EN_ROLE | TT_WC_MONTH)) != 0;
}

#endif
