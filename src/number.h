/* SPDX-License-Identifier: MIT
 *
 * number.h -- exact decimal numbers for the money recogniser: arithmetic
 * on decimal digit strings, numbers written in digits with en/uk/ru group
 * and decimal separators, and numerals written as words.
 *
 * Nothing here uses floating point: an amount is a string of decimal
 * digits with a decimal point position, so "1.2" times a billion is
 * exactly 1200000000 and "5,3" times a million exactly 5300000.
 *
 * Usage:
 *
 *     tt_dec d;
 *     if (tt_number_parse("1.844.036.360,12", 16, TT_NUM_COMMA_DECIMAL, &d)) {
 *       char out[TT_DEC_STRLEN];
 *       tt_dec_format(&d, out, sizeof out);     // "1844036360.12"
 *     }
 */
#ifndef TEITAG_NUMBER_H
#define TEITAG_NUMBER_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"

/* At most this many significant digits.  The largest amount a text can
 * produce is a 19-digit integer part times a trillion plus 12 fraction
 * digits; 48 leaves room for that. */
#define TT_DEC_DIGITS 48
/* Room for the formatted form: digits, a point, a NUL. */
#define TT_DEC_STRLEN (TT_DEC_DIGITS + 3)

/* A non-negative decimal number: `n` digits, most significant first, of
 * which the last `frac` are after the decimal point.  Kept normalised: no
 * leading zeros before the point, no trailing zeros after it, and zero is
 * n == 0. */
typedef struct tt_dec {
  uint8_t d[TT_DEC_DIGITS];
  uint8_t n;
  uint8_t frac;
} tt_dec;

/* Sets `x` to zero. */
void tt_dec_zero(tt_dec *x);
/* Sets `x` to `v`. */
void tt_dec_from_u32(tt_dec *x, uint32_t v);
/* Sets `x` to the number with integer digits `in` (n_in ASCII digits) and
 * fraction digits `fr` (n_fr ASCII digits).  Returns 0 when a byte is not
 * a digit or the number has too many digits. */
int tt_dec_from_digits(tt_dec *x, const char *in, size_t n_in, const char *fr,
                       size_t n_fr);
/* Multiplies `x` by 10^k (k may be negative).  Returns 0 on overflow
 * (then `x` is unspecified). */
int tt_dec_shift(tt_dec *x, int k);
/* Multiplies `x` by `m`.  Returns 0 on overflow. */
int tt_dec_mul_u32(tt_dec *x, uint32_t m);
/* x += y.  Returns 0 on overflow. */
int tt_dec_add(tt_dec *x, const tt_dec *y);
/* -1, 0 or 1 as x is less than, equal to or greater than y. */
int tt_dec_cmp(const tt_dec *x, const tt_dec *y);
static inline int tt_dec_is_zero(const tt_dec *x) { return x->n == 0; }
/* Is `x` a whole number? */
static inline int tt_dec_is_integer(const tt_dec *x) { return x->frac == 0; }
/* Writes `x` as a plain decimal ("0", "12", "0.5", "1844036360.12") into
 * `out` (cap bytes, TT_DEC_STRLEN is always enough) and returns its
 * length. */
size_t tt_dec_format(const tt_dec *x, char *out, size_t cap);

/* ---- numbers in digits --------------------------------------------------- */

/* tt_number_parse flags. */
enum {
  /* Ukrainian/Russian conventions: a lone comma before three digits is
   * decimal when a scale word follows ("1,844 млрд"), and a lone dot
   * before three digits groups thousands ("1.000 руб."). */
  TT_NUM_COMMA_DECIMAL = 1u << 0,
  /* A scale word (million, млрд, bn...) follows the number. */
  TT_NUM_SCALE_FOLLOWS = 1u << 1
};

/* Parses a number written in digits: digit groups separated by ',' or '.'
 * or a space (U+0020, U+00A0, U+2007, U+2009 or U+202F, one per gap):
 * "1,000.50", "1 000,50", "1.000,50", "1.844.036.360,12", "5,3", "0.99".
 * Group separators must all be the same and every group after the first
 * must have three digits; the decimal separator is the last separator when
 * it differs from the others or, used once, by `flags` (see above).
 * Rejects leading zeros ("0800"), dates ("24.02.2022"), times, and more
 * than 19 integer or 12 fraction digits.  `s` need not be NUL-terminated.
 * Returns 1 and sets *out, or 0. */
int tt_number_parse(const char *s, size_t len, unsigned flags, tt_dec *out);

/* ---- numerals written as words ------------------------------------------- */

/* What a numeral word is. */
typedef enum tt_numword_kind {
  TT_NW_NONE = 0,
  TT_NW_DIGIT, /* 1..9 ("five", "п'ять", "двома", "одну") */
  TT_NW_TEEN,  /* 10..19 */
  TT_NW_TENS,  /* 20, 30 ... 90 */
  TT_NW_HUNDREDS, /* 100 ... 900 as one word ("сто", "двісті", "пятьсот") */
  TT_NW_HUNDRED, /* en "hundred": multiplies what precedes it */
  TT_NW_SCALE,   /* thousand ... trillion, тис./млн/млрд, k/m/bn */
  TT_NW_HALF, /* "half", "пів", "пол" (0.5 of the scale that follows) */
  TT_NW_QUARTER,  /* "quarter" (0.25) */
  TT_NW_ONE_HALF, /* "півтора", "полторы" (1.5) */
  TT_NW_ARTICLE,  /* "a", "an": one, before a scale ("a million") */
  TT_NW_AND,      /* "and" inside an English numeral */
  TT_NW_OF,       /* "of" in "a quarter of a million" */
  TT_NW_OPENER, /* opens a range: from, від, от (value 1); between, між,
                   между (value 2) */
  TT_NW_TO      /* joins a range's ends: to, до (value 1, after a value-1
                   opener); і, и, та, й (value 2; "and" is TT_NW_AND
                   with value 2) */
} tt_numword_kind;

/* Flags of a numeral word. */
enum {
  /* A scale abbreviation (k, m, bn, млн, тис.). */
  TT_NWF_ABBR = 1u << 0,
  /* A one-letter Latin abbreviation (k, m, b): only right after the
   * digits ("5m") or after a currency sign ("$5 m"), since "5 m" alone is
   * five metres. */
  TT_NWF_LETTER = 1u << 1,
  /* A form that names one unit of its scale without a number before it:
   * "мільйон", "тисячу", "тисячі", "million" (after "a").  Plural forms
   * ("мільйони", "тисячами", "millions") without a number are indefinite
   * ("мільйонами доларів") and are not amounts. */
  TT_NWF_SINGULAR = 1u << 2,
  /* The standard spelling has no dot (млн, млрд, трлн): a dot after it
   * at the end of a sentence is a full stop. */
  TT_NWF_DOTLESS = 1u << 3,
  /* A Cyrillic word: numbers next to it follow uk/ru conventions. */
  TT_NWF_CYRILLIC = 1u << 4
};

/* One numeral word.  The value is `value` times 10^`exp10`: "five" is
 * (5, 0), "million" is (1, 6), "півмільйона" is (5, 5), "half" (5, -1). */
typedef struct tt_numword {
  uint8_t kind;  /* tt_numword_kind */
  uint8_t flags; /* TT_NWF_* */
  int8_t exp10;
  uint16_t value;
} tt_numword;

/* Builds the numeral table once per process (thread-safe). */
void tt_numwords_init(void);
/* Looks up a folded match key (with its tt_hash_bytes hash).  Returns the
 * entry or NULL.  An English hyphenated numeral ("twenty-five") is one
 * entry per part: see tt_numword_compound(). */
const tt_numword *tt_numword_find(uint64_t hash, const char *key, size_t len);
/* The same, with the common case -- a word that is no numeral -- decided
 * inline by the table's filter. */
extern tt_lex tt_numwords, tt_numstarts;
static inline const tt_numword *tt_numword_get(uint64_t hash, const char *key,
                                               size_t len) {
  if (!tt_lex_may_have(&tt_numwords, hash ? hash : 1))
    return NULL;
  return tt_numword_find(hash, key, len);
}
/* A numeral word that can begin an amount ("five", "a", "мільйон",
 * "від"), or NULL.  Connectives ("and", "of", "і", "до"), the commonest
 * words of all, are left out, so the filter turns them away. */
static inline const tt_numword *tt_numword_start(uint64_t hash, const char *key,
                                                 size_t len) {
  uint32_t v;
  if (!tt_lex_get(&tt_numstarts, hash, key, len, &v))
    return NULL;
  return tt_numword_find(hash, key, len);
}
/* The value of a hyphenated English numeral ("twenty-five" -> 25, "ninety-
 * nine" -> 99) or 0 when `key` is not one. */
unsigned tt_numword_compound(const char *key, size_t len);

#endif /* TEITAG_NUMBER_H */
