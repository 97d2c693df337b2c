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

/* Gives the tokens of `doc` from `first` on their classes (a word's, 0
 * for other tokens) and adds the key hashes of words in capitals to
 * doc->caps: the tokenizer calls it on each paragraph's tokens when
 * doc->word_classes is set, and the name rules on a document's whole
 * when it was not. */
void tt_word_class_tokens(teitag_doc *doc, size_t first);

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
