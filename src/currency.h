/* SPDX-License-Identifier: MIT
 *
 * currency.h -- the currency lexicon of the money recogniser: symbols,
 * ISO 4217 codes and currency names of en/uk/ru text, matched on tokens.
 *
 * The lexicon is built once per process (tt_currency_init, thread-safe)
 * from ICU/CLDR -- every ISO code, the symbols and narrow symbols of the
 * en, uk and ru locales, and the long and plural names of every currency
 * in those locales -- plus hand-written lists of what CLDR lacks: the case
 * forms of currency nouns ("доларами", "гривень", "рублей"), press forms
 * (US$, C$, bn), abbreviations (грн, руб., р., долл.) and subunits
 * (cents, pence, копійок).  After that it is only read.
 *
 *     tt_cur_match m;
 *     if (tt_currency_after(doc, i, para_end, TEITAG_LANG_UK, &m))
 *       ... m.code is "UAH", m.ntok tokens from i ...
 */
#ifndef TEITAG_CURRENCY_H
#define TEITAG_CURRENCY_H

#include <stddef.h>
#include <stdint.h>

#include "private.h"

/* What kind of mention named the currency. */
typedef enum tt_cur_kind {
  TT_CUR_SYMBOL = 1, /* a sign, alone or with letters: $ € ₴ US$ HK$ zł */
  TT_CUR_CODE,       /* an ISO 4217 code in capitals: USD, UAH */
  TT_CUR_NAME,   /* a noun or a name: dollars, гривень, Swiss francs */
  TT_CUR_ABBR,   /* an abbreviated noun: грн, руб., долл. */
  TT_CUR_SUBUNIT /* a hundredth: cents, pence, p, копійок, коп. */
} tt_cur_kind;

/* The families of currency nouns, so that a subunit can join its unit
 * ("3 dollars 50 cents") and filters can single one out. */
typedef enum tt_cur_noun {
  TT_NOUN_NONE = 0,
  TT_NOUN_DOLLAR,
  TT_NOUN_EURO,
  TT_NOUN_POUND,
  TT_NOUN_HRYVNIA,
  TT_NOUN_RUBLE,
  TT_NOUN_YUAN,
  TT_NOUN_YEN,
  TT_NOUN_FRANC,
  TT_NOUN_ZLOTY,
  TT_NOUN_LIRA,
  TT_NOUN_RUPEE,
  TT_NOUN_TENGE,
  TT_NOUN_SHEKEL,
  TT_NOUN_FORINT,
  TT_NOUN_CROWN,
  TT_NOUN_PESO,
  TT_NOUN_DINAR,
  TT_NOUN_REAL,
  TT_NOUN_RAND,
  TT_NOUN_LEU,
  TT_NOUN_LARI,
  TT_NOUN_CENT, /* subunits from here on */
  TT_NOUN_PENNY,
  TT_NOUN_KOPEK,
  TT_NOUN_COUNT
} tt_cur_noun;

/* Flags of a match. */
enum {
  /* A country or "sterling" named the currency: "US dollars", "доларів
   * США", "pounds sterling". */
  TT_CURF_QUALIFIED = 1u << 0,
  /* A weak signal: the currency is a guess ("франків" without a country
   * is taken as Swiss, "р." as roubles).  Lowers the certainty. */
  TT_CURF_WEAK = 1u << 1,
  /* An abbreviation whose standard spelling has no dot (грн): a dot after
   * it at the end of a sentence is a full stop. */
  TT_CURF_DOTLESS = 1u << 2
};

typedef struct tt_cur_match {
  char code[4];  /* ISO 4217, NUL-terminated */
  uint8_t kind;  /* tt_cur_kind */
  uint8_t noun;  /* tt_cur_noun of a name, abbreviation or subunit */
  uint8_t flags; /* TT_CURF_* */
  uint8_t ntok;  /* tokens covered */
} tt_cur_match;

/* Builds the lexicon once per process; thread-safe.  Returns TEITAG_EICU
 * (with a message in `diag`) when ICU's currency data cannot be read. */
teitag_status tt_currency_init(teitag_diag *diag);

/* A currency that can stand before an amount, starting at token i (tokens
 * before `end` only): a sign or sign phrase ("$", "€", "US$", "HK$") or an
 * ISO code in capitals ("USD").  Returns 1 and fills *out, or 0. */
int tt_currency_before(const teitag_doc *doc, size_t i, size_t end,
                       tt_cur_match *out);

/* A currency that can follow an amount, starting at token i: a sign, a
 * code, a currency name in any case form with its country ("австралійських
 * доларів", "доларів США", "Hong Kong dollars"), an abbreviation or a
 * subunit.  `lang` is the paragraph's language (some abbreviations depend
 * on it); some forms must touch the amount ("99p").  The longest match
 * wins.  Returns 1 and fills *out, or 0. */
int tt_currency_after(const teitag_doc *doc, size_t i, size_t end,
                      teitag_lang lang, tt_cur_match *out);

/* Is `sub` (a subunit noun) the hundredth of the currency `unit`?
 * ("cents" of dollars and euros, "pence" of pounds, "копійок" of hryvnias
 * and roubles). */
int tt_currency_subunit_of(tt_cur_noun sub, tt_cur_noun unit);

#endif /* TEITAG_CURRENCY_H */
