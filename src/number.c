/* SPDX-License-Identifier: MIT
 *
 * number.c -- exact decimal arithmetic, numbers in digits, numeral words.
 *
 * The money recogniser needs three things from numbers: to read "1,000.50",
 * "1 000,50", "1.844.036.360,12" and "5,3" the way an English, Ukrainian or
 * Russian reader does; to multiply by a scale ("bn", "млн") and add a
 * subunit ("50 cents") without any floating-point error; and to know the
 * numeral words of the three languages in all the forms news uses
 * ("двома тисячами", "п'ятьох", "half a billion").
 *
 * The numeral list is written here by hand.  CLDR has spell-out rules, but
 * ICU 72 exposes only nominative forms for uk (and none usable for ru), and
 * its parser returns a double; the oblique case forms that news text needs
 * ("двома тисячами доларів", "полутора миллиардов") are not in CLDR.
 *
 * This file knows nothing about tokens, currencies or documents.
 */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include "number.h"

/* ---- decimal arithmetic -------------------------------------------------- */

void tt_dec_zero(tt_dec *x) {
  x->n = 0;
  x->frac = 0;
}

/* Restores the invariants: no leading integer zeros, no trailing fraction
 * zeros, zero as n == 0. */
static void normalise(tt_dec *x) {
  size_t nint = (size_t)(x->n - x->frac), lead = 0;
  while (lead < nint && x->d[lead] == 0)
    lead++;
  if (lead) {
    memmove(x->d, x->d + lead, x->n - lead);
    x->n = (uint8_t)(x->n - lead);
  }
  while (x->frac && x->d[x->n - 1] == 0) {
    x->n--;
    x->frac--;
  }
  for (size_t i = 0; i < x->n; i++)
    if (x->d[i])
      return;
  tt_dec_zero(x);
}

void tt_dec_from_u32(tt_dec *x, uint32_t v) {
  uint8_t tmp[10];
  size_t n = 0;
  while (v) {
    tmp[n++] = (uint8_t)(v % 10);
    v /= 10;
  }
  for (size_t i = 0; i < n; i++)
    x->d[i] = tmp[n - 1 - i];
  x->n = (uint8_t)n;
  x->frac = 0;
}

int tt_dec_from_digits(tt_dec *x, const char *in, size_t n_in, const char *fr,
                       size_t n_fr) {
  if (n_in + n_fr > TT_DEC_DIGITS)
    return 0;
  for (size_t i = 0; i < n_in; i++) {
    if (in[i] < '0' || in[i] > '9')
      return 0;
    x->d[i] = (uint8_t)(in[i] - '0');
  }
  for (size_t i = 0; i < n_fr; i++) {
    if (fr[i] < '0' || fr[i] > '9')
      return 0;
    x->d[n_in + i] = (uint8_t)(fr[i] - '0');
  }
  x->n = (uint8_t)(n_in + n_fr);
  x->frac = (uint8_t)n_fr;
  normalise(x);
  return 1;
}

int tt_dec_shift(tt_dec *x, int k) {
  if (x->n == 0 || k == 0)
    return 1;
  if (k > 0) {
    if (k <= x->frac) {
      x->frac = (uint8_t)(x->frac - k);
    } else {
      size_t add = (size_t)k - x->frac;
      if (x->n + add > TT_DEC_DIGITS)
        return 0;
      memset(x->d + x->n, 0, add);
      x->n = (uint8_t)(x->n + add);
      x->frac = 0;
    }
  } else {
    size_t frac = (size_t)x->frac + (size_t)(-(long)k);
    if (frac > x->n) { /* 5 * 10^-3: zeros go in front */
      size_t add = frac - x->n;
      if (x->n + add > TT_DEC_DIGITS)
        return 0;
      memmove(x->d + add, x->d, x->n);
      memset(x->d, 0, add);
      x->n = (uint8_t)(x->n + add);
    }
    if (frac > TT_DEC_DIGITS)
      return 0;
    x->frac = (uint8_t)frac;
  }
  normalise(x);
  return 1;
}

int tt_dec_mul_u32(tt_dec *x, uint32_t m) {
  if (m == 0) {
    tt_dec_zero(x);
    return 1;
  }
  uint8_t out[TT_DEC_DIGITS + 10];
  size_t pos = sizeof out;
  uint64_t carry = 0;
  for (size_t i = x->n; i > 0; i--) {
    carry += (uint64_t)x->d[i - 1] * m;
    out[--pos] = (uint8_t)(carry % 10);
    carry /= 10;
  }
  while (carry) {
    out[--pos] = (uint8_t)(carry % 10);
    carry /= 10;
  }
  size_t n = sizeof out - pos;
  /* normalising first may save a digit count that only looked too long */
  while (n > x->frac && out[pos] == 0) {
    pos++;
    n--;
  }
  if (n > TT_DEC_DIGITS)
    return 0;
  memcpy(x->d, out + pos, n);
  x->n = (uint8_t)n;
  normalise(x);
  return 1;
}

/* Writes the digits of `x` aligned to `nint` integer and `frac` fraction
 * places into out[0 .. nint+frac). */
static void align(const tt_dec *x, size_t nint, size_t frac, uint8_t *out) {
  size_t xint = (size_t)(x->n - x->frac);
  memset(out, 0, nint + frac);
  memcpy(out + (nint - xint), x->d, x->n);
}

int tt_dec_add(tt_dec *x, const tt_dec *y) {
  size_t xi = (size_t)(x->n - x->frac), yi = (size_t)(y->n - y->frac);
  size_t nint = (xi > yi ? xi : yi) + 1;
  size_t frac = x->frac > y->frac ? x->frac : y->frac;
  if (nint + frac > TT_DEC_DIGITS + 1)
    return 0;
  uint8_t a[TT_DEC_DIGITS * 2 + 2], b[TT_DEC_DIGITS * 2 + 2];
  align(x, nint, frac, a);
  align(y, nint, frac, b);
  unsigned carry = 0;
  for (size_t i = nint + frac; i > 0; i--) {
    unsigned s = a[i - 1] + b[i - 1] + carry;
    a[i - 1] = (uint8_t)(s % 10);
    carry = s / 10;
  }
  size_t skip = a[0] == 0 ? 1 : 0; /* the spare carry digit */
  if (nint + frac - skip > TT_DEC_DIGITS)
    return 0;
  memcpy(x->d, a + skip, nint + frac - skip);
  x->n = (uint8_t)(nint + frac - skip);
  x->frac = (uint8_t)frac;
  normalise(x);
  return 1;
}

int tt_dec_cmp(const tt_dec *x, const tt_dec *y) {
  size_t xi = (size_t)(x->n - x->frac), yi = (size_t)(y->n - y->frac);
  if (xi != yi)
    return xi < yi ? -1 : 1;
  size_t n = x->n > y->n ? x->n : y->n;
  for (size_t i = 0; i < n; i++) {
    unsigned a = i < x->n ? x->d[i] : 0, b = i < y->n ? y->d[i] : 0;
    if (a != b)
      return a < b ? -1 : 1;
  }
  return 0;
}

size_t tt_dec_format(const tt_dec *x, char *out, size_t cap) {
  char tmp[TT_DEC_STRLEN];
  size_t len = 0;
  size_t nint = (size_t)(x->n - x->frac);
  if (nint == 0)
    tmp[len++] = '0';
  for (size_t i = 0; i < nint; i++)
    tmp[len++] = (char)('0' + x->d[i]);
  if (x->frac) {
    tmp[len++] = '.';
    for (size_t i = nint; i < x->n; i++)
      tmp[len++] = (char)('0' + x->d[i]);
  }
  if (cap == 0)
    return len;
  size_t n = len < cap - 1 ? len : cap - 1;
  memcpy(out, tmp, n);
  out[n] = '\0';
  return len;
}

/* ---- numbers in digits --------------------------------------------------- */

/* The width of a separator at s[i] (0 when there is none) and its kind in
 * *c: ',' '.' or ' ' for every kind of space between digit groups. */
static size_t separator(const char *s, size_t i, size_t len, char *c) {
  unsigned char b = (unsigned char)s[i];
  if (b == ',' || b == '.' || b == ' ') {
    *c = (char)b;
    return 1;
  }
  *c = ' ';
  if (b == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0)
    return 2; /* U+00A0 no-break space */
  if (b == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80) {
    unsigned char c3 = (unsigned char)s[i + 2];
    if (c3 == 0x87 || c3 == 0x89 || c3 == 0xAF)
      return 3; /* U+2007 figure, U+2009 thin, U+202F narrow no-break */
  }
  return 0;
}

/* Decides whether the last separator of a number is its decimal point. */
static int last_is_decimal(const char *sep, size_t nsep, size_t last_group,
                           unsigned flags) {
  char last = sep[nsep - 1];
  if (last == ' ')
    return 0;
  for (size_t k = 0; k + 1 < nsep; k++)
    if (sep[k] == last)
      return 0; /* used more than once: it groups thousands */
  if (last_group != 3 || nsep > 1)
    return 1;
  /* "5,000" / "1.250" / "1,844 млрд": a lone separator before three digits */
  if (last == '.')
    return !(flags & TT_NUM_COMMA_DECIMAL) || (flags & TT_NUM_SCALE_FOLLOWS);
  return (flags & TT_NUM_COMMA_DECIMAL) && (flags & TT_NUM_SCALE_FOLLOWS);
}

#define MAX_GROUPS 24

int tt_number_parse(const char *s, size_t len, unsigned flags, tt_dec *out) {
  size_t gs[MAX_GROUPS], gl[MAX_GROUPS], ng = 0, i = 0;
  char sep[MAX_GROUPS];
  for (;;) {
    size_t st = i;
    while (i < len && s[i] >= '0' && s[i] <= '9')
      i++;
    if (i == st || ng == MAX_GROUPS)
      return 0;
    gs[ng] = st;
    gl[ng] = i - st;
    ng++;
    if (i == len)
      break;
    size_t w = separator(s, i, len, &sep[ng - 1]);
    if (!w || i + w >= len)
      return 0;
    i += w;
  }
  size_t nsep = ng - 1;
  int dec = nsep && last_is_decimal(sep, nsep, gl[ng - 1], flags);
  size_t nint = dec ? ng - 1 : ng; /* groups of the integer part */
  for (size_t k = 1; k < nint; k++)
    if (sep[k - 1] != sep[0] || gl[k] != 3)
      return 0;
  if (nint > 1 && gl[0] > 3)
    return 0;
  if (gl[0] > 1 && s[gs[0]] == '0')
    return 0; /* "0800", "007" are codes, not amounts */
  char digits[20];
  size_t nd = 0;
  for (size_t k = 0; k < nint; k++) {
    if (nd + gl[k] > 19)
      return 0;
    memcpy(digits + nd, s + gs[k], gl[k]);
    nd += gl[k];
  }
  if (dec && gl[ng - 1] > 12)
    return 0;
  return tt_dec_from_digits(out, digits, nd, dec ? s + gs[ng - 1] : NULL,
                            dec ? gl[ng - 1] : 0);
}

/* ---- numeral words ------------------------------------------------------- */

typedef struct {
  const char *word;
  tt_numword w;
} numword_row;

/* The table is laid out one row per word, by hand. */
/* clang-format off */
#define D(v) {TT_NW_DIGIT, 0, 0, v}
#define T(v) {TT_NW_TEEN, 0, 0, v}
#define X(v) {TT_NW_TENS, 0, 0, v}
#define H(v) {TT_NW_HUNDREDS, 0, 0, v}
#define CD(v) {TT_NW_DIGIT, TT_NWF_CYRILLIC, 0, v}
#define CT(v) {TT_NW_TEEN, TT_NWF_CYRILLIC, 0, v}
#define CX(v) {TT_NW_TENS, TT_NWF_CYRILLIC, 0, v}
#define CH(v) {TT_NW_HUNDREDS, TT_NWF_CYRILLIC, 0, v}
/* scale words: singular forms may stand without a number */
#define S1(e) {TT_NW_SCALE, TT_NWF_SINGULAR, e, 1}
#define SP(e) {TT_NW_SCALE, 0, e, 1}
#define CS1(e) {TT_NW_SCALE, TT_NWF_SINGULAR | TT_NWF_CYRILLIC, e, 1}
#define CSP(e) {TT_NW_SCALE, TT_NWF_CYRILLIC, e, 1}
#define ABBR(e) {TT_NW_SCALE, TT_NWF_ABBR | TT_NWF_DOTLESS, e, 1}
#define LETTER(e)                                                            \
  {TT_NW_SCALE, TT_NWF_ABBR | TT_NWF_LETTER | TT_NWF_DOTLESS, e, 1}
#define CABBR(e) {TT_NW_SCALE, TT_NWF_ABBR | TT_NWF_CYRILLIC, e, 1}
#define CDOTLESS(e)                                                          \
  {TT_NW_SCALE, TT_NWF_ABBR | TT_NWF_CYRILLIC | TT_NWF_DOTLESS, e, 1}
/* half of a scale as one word: "півмільйона" = 5 * 10^5 */
#define CHALF(e) {TT_NW_SCALE, TT_NWF_SINGULAR | TT_NWF_CYRILLIC, e - 1, 5}
#define W(k) {k, 0, 0, 0}
/* range words: value 1 pairs "from ... to", value 2 "between ... and" */
#define OPEN(v) {TT_NW_OPENER, 0, 0, v}
#define COPEN(v) {TT_NW_OPENER, TT_NWF_CYRILLIC, 0, v}
#define TO(v) {TT_NW_TO, 0, 0, v}
#define CTO(v) {TT_NW_TO, TT_NWF_CYRILLIC, 0, v}

static const numword_row rows[] = {
    /* ---- English ---- */
    {"one", D(1)}, {"two", D(2)}, {"three", D(3)}, {"four", D(4)},
    {"five", D(5)}, {"six", D(6)}, {"seven", D(7)}, {"eight", D(8)},
    {"nine", D(9)}, {"ten", T(10)}, {"eleven", T(11)}, {"twelve", T(12)},
    {"thirteen", T(13)}, {"fourteen", T(14)}, {"fifteen", T(15)},
    {"sixteen", T(16)}, {"seventeen", T(17)}, {"eighteen", T(18)},
    {"nineteen", T(19)}, {"twenty", X(20)}, {"thirty", X(30)},
    {"forty", X(40)}, {"fifty", X(50)}, {"sixty", X(60)},
    {"seventy", X(70)}, {"eighty", X(80)}, {"ninety", X(90)},
    {"hundred", W(TT_NW_HUNDRED)},
    {"thousand", S1(3)}, {"thousands", SP(3)}, {"million", S1(6)},
    {"millions", SP(6)}, {"billion", S1(9)}, {"billions", SP(9)},
    {"trillion", S1(12)}, {"trillions", SP(12)},
    {"k", LETTER(3)}, {"m", LETTER(6)}, {"b", LETTER(9)},
    {"mn", ABBR(6)}, {"mln", ABBR(6)}, {"bn", ABBR(9)}, {"bln", ABBR(9)},
    {"tn", ABBR(12)}, {"trn", ABBR(12)},
    {"half", {TT_NW_HALF, 0, -1, 5}}, {"quarter", {TT_NW_QUARTER, 0, -2, 25}},
    {"a", {TT_NW_ARTICLE, 0, 0, 1}}, {"an", {TT_NW_ARTICLE, 0, 0, 1}},
    {"and", {TT_NW_AND, 0, 0, 2}}, {"of", W(TT_NW_OF)},
    {"from", OPEN(1)}, {"between", OPEN(2)}, {"to", TO(1)},

    /* ---- Ukrainian: every case form of the cardinals ---- */
    {"один", CD(1)}, {"одна", CD(1)}, {"одне", CD(1)}, {"одну", CD(1)},
    {"одного", CD(1)}, {"одній", CD(1)}, {"одним", CD(1)}, {"одною", CD(1)},
    {"однієї", CD(1)}, {"одному", CD(1)},
    {"два", CD(2)}, {"дві", CD(2)}, {"двох", CD(2)}, {"двом", CD(2)},
    {"двома", CD(2)},
    {"три", CD(3)}, {"трьох", CD(3)}, {"трьом", CD(3)}, {"трьома", CD(3)},
    {"чотири", CD(4)}, {"чотирьох", CD(4)}, {"чотирьом", CD(4)},
    {"чотирма", CD(4)},
    {"п'ять", CD(5)}, {"п'яти", CD(5)}, {"п'ятьох", CD(5)},
    {"п'ятьом", CD(5)}, {"п'ятьма", CD(5)},
    {"шість", CD(6)}, {"шести", CD(6)}, {"шістьох", CD(6)},
    {"шістьом", CD(6)}, {"шістьма", CD(6)},
    {"сім", CD(7)}, {"семи", CD(7)}, {"сімох", CD(7)}, {"сімом", CD(7)},
    {"сьома", CD(7)}, {"сімома", CD(7)},
    {"вісім", CD(8)}, {"восьми", CD(8)}, {"вісьмох", CD(8)},
    {"вісьмом", CD(8)}, {"вісьма", CD(8)}, {"вісьмома", CD(8)},
    {"дев'ять", CD(9)}, {"дев'яти", CD(9)}, {"дев'ятьох", CD(9)},
    {"дев'ятьом", CD(9)}, {"дев'ятьма", CD(9)},
    {"десять", CT(10)}, {"десяти", CT(10)}, {"десятьох", CT(10)},
    {"десятьма", CT(10)},
    {"одинадцять", CT(11)}, {"одинадцяти", CT(11)},
    {"дванадцять", CT(12)}, {"дванадцяти", CT(12)},
    {"тринадцять", CT(13)}, {"тринадцяти", CT(13)},
    {"чотирнадцять", CT(14)}, {"чотирнадцяти", CT(14)},
    {"п'ятнадцять", CT(15)}, {"п'ятнадцяти", CT(15)},
    {"шістнадцять", CT(16)}, {"шістнадцяти", CT(16)},
    {"сімнадцять", CT(17)}, {"сімнадцяти", CT(17)},
    {"вісімнадцять", CT(18)}, {"вісімнадцяти", CT(18)},
    {"дев'ятнадцять", CT(19)}, {"дев'ятнадцяти", CT(19)},
    {"двадцять", CX(20)}, {"двадцяти", CX(20)}, {"двадцятьма", CX(20)},
    {"тридцять", CX(30)}, {"тридцяти", CX(30)}, {"тридцятьма", CX(30)},
    {"сорок", CX(40)}, {"сорока", CX(40)},
    {"п'ятдесят", CX(50)}, {"п'ятдесяти", CX(50)}, {"п'ятдесятьма", CX(50)},
    {"шістдесят", CX(60)}, {"шістдесяти", CX(60)},
    {"сімдесят", CX(70)}, {"сімдесяти", CX(70)},
    {"вісімдесят", CX(80)}, {"вісімдесяти", CX(80)},
    {"дев'яносто", CX(90)}, {"дев'яноста", CX(90)},
    {"сто", CH(100)}, {"ста", CH(100)},
    {"двісті", CH(200)}, {"двохсот", CH(200)}, {"двомстам", CH(200)},
    {"двомастами", CH(200)},
    {"триста", CH(300)}, {"трьохсот", CH(300)},
    {"чотириста", CH(400)}, {"чотирьохсот", CH(400)},
    {"п'ятсот", CH(500)}, {"п'ятисот", CH(500)},
    {"шістсот", CH(600)}, {"шестисот", CH(600)},
    {"сімсот", CH(700)}, {"семисот", CH(700)},
    {"вісімсот", CH(800)}, {"восьмисот", CH(800)},
    {"дев'ятсот", CH(900)}, {"дев'ятисот", CH(900)},
    {"тисяча", CS1(3)}, {"тисячі", CS1(3)}, {"тисячу", CS1(3)},
    {"тисячею", CS1(3)}, {"тисяч", CSP(3)}, {"тисячам", CSP(3)},
    {"тисячами", CSP(3)}, {"тисячах", CSP(3)},
    {"мільйон", CS1(6)}, {"мільйона", CS1(6)}, {"мільйону", CS1(6)},
    {"мільйоном", CS1(6)}, {"мільйоні", CS1(6)}, {"мільйони", CSP(6)},
    {"мільйонів", CSP(6)}, {"мільйонам", CSP(6)}, {"мільйонами", CSP(6)},
    {"мільйонах", CSP(6)},
    {"мільярд", CS1(9)}, {"мільярда", CS1(9)}, {"мільярду", CS1(9)},
    {"мільярдом", CS1(9)}, {"мільярді", CS1(9)}, {"мільярди", CSP(9)},
    {"мільярдів", CSP(9)}, {"мільярдам", CSP(9)}, {"мільярдами", CSP(9)},
    {"мільярдах", CSP(9)},
    {"трильйон", CS1(12)}, {"трильйона", CS1(12)}, {"трильйону", CS1(12)},
    {"трильйоном", CS1(12)}, {"трильйоні", CS1(12)}, {"трильйони", CSP(12)},
    {"трильйонів", CSP(12)}, {"трильйонам", CSP(12)},
    {"трильйонами", CSP(12)}, {"трильйонах", CSP(12)},
    {"півтисячі", CHALF(3)}, {"півмільйона", CHALF(6)},
    {"півмільярда", CHALF(9)}, {"півтрильйона", CHALF(12)},
    {"пів", {TT_NW_HALF, TT_NWF_CYRILLIC, -1, 5}},
    {"півтора", {TT_NW_ONE_HALF, TT_NWF_CYRILLIC, -1, 15}},
    {"півтори", {TT_NW_ONE_HALF, TT_NWF_CYRILLIC, -1, 15}},
    {"від", COPEN(1)}, {"між", COPEN(2)},
    {"до", CTO(1)}, {"і", CTO(2)}, {"й", CTO(2)}, {"та", CTO(2)},

    /* ---- Russian (ё is folded to е in match keys) ---- */
    {"одно", CD(1)}, {"одной", CD(1)}, {"одном", CD(1)},
    {"две", CD(2)}, {"двух", CD(2)}, {"двум", CD(2)}, {"двумя", CD(2)},
    {"трех", CD(3)}, {"трем", CD(3)}, {"тремя", CD(3)},
    {"четыре", CD(4)}, {"четырех", CD(4)}, {"четырем", CD(4)},
    {"четырьмя", CD(4)},
    {"пять", CD(5)}, {"пяти", CD(5)}, {"пятью", CD(5)},
    {"шесть", CD(6)}, {"шестью", CD(6)},
    {"семь", CD(7)}, {"семью", CD(7)},
    {"восемь", CD(8)}, {"восемью", CD(8)}, {"восьмью", CD(8)},
    {"девять", CD(9)}, {"девяти", CD(9)}, {"девятью", CD(9)},
    {"десятью", CT(10)},
    {"одиннадцать", CT(11)}, {"одиннадцати", CT(11)},
    {"двенадцать", CT(12)}, {"двенадцати", CT(12)},
    {"тринадцать", CT(13)}, {"тринадцати", CT(13)},
    {"четырнадцать", CT(14)}, {"четырнадцати", CT(14)},
    {"пятнадцать", CT(15)}, {"пятнадцати", CT(15)},
    {"шестнадцать", CT(16)}, {"шестнадцати", CT(16)},
    {"семнадцать", CT(17)}, {"семнадцати", CT(17)},
    {"восемнадцать", CT(18)}, {"восемнадцати", CT(18)},
    {"девятнадцать", CT(19)}, {"девятнадцати", CT(19)},
    {"двадцать", CX(20)}, {"двадцатью", CX(20)},
    {"тридцать", CX(30)}, {"тридцатью", CX(30)},
    {"пятьдесят", CX(50)}, {"пятидесяти", CX(50)},
    {"шестьдесят", CX(60)}, {"шестидесяти", CX(60)},
    {"семьдесят", CX(70)}, {"семидесяти", CX(70)},
    {"восемьдесят", CX(80)}, {"восьмидесяти", CX(80)},
    {"девяносто", CX(90)},
    {"двести", CH(200)}, {"двухсот", CH(200)}, {"двумстам", CH(200)},
    {"двумястами", CH(200)},
    {"трехсот", CH(300)},
    {"четыреста", CH(400)}, {"четырехсот", CH(400)},
    {"пятьсот", CH(500)}, {"пятисот", CH(500)},
    {"шестьсот", CH(600)},
    {"семьсот", CH(700)},
    {"восемьсот", CH(800)},
    {"девятьсот", CH(900)}, {"девятисот", CH(900)},
    {"тысяча", CS1(3)}, {"тысячи", CS1(3)}, {"тысячу", CS1(3)},
    {"тысячей", CS1(3)}, {"тысячью", CS1(3)}, {"тысяче", CS1(3)},
    {"тысяч", CSP(3)}, {"тысячам", CSP(3)}, {"тысячами", CSP(3)},
    {"тысячах", CSP(3)},
    {"миллион", CS1(6)}, {"миллиона", CS1(6)}, {"миллиону", CS1(6)},
    {"миллионом", CS1(6)}, {"миллионе", CS1(6)}, {"миллионы", CSP(6)},
    {"миллионов", CSP(6)}, {"миллионам", CSP(6)}, {"миллионами", CSP(6)},
    {"миллионах", CSP(6)},
    {"миллиард", CS1(9)}, {"миллиарда", CS1(9)}, {"миллиарду", CS1(9)},
    {"миллиардом", CS1(9)}, {"миллиарде", CS1(9)}, {"миллиарды", CSP(9)},
    {"миллиардов", CSP(9)}, {"миллиардам", CSP(9)},
    {"миллиардами", CSP(9)}, {"миллиардах", CSP(9)},
    {"триллион", CS1(12)}, {"триллиона", CS1(12)}, {"триллиону", CS1(12)},
    {"триллионом", CS1(12)}, {"триллионе", CS1(12)}, {"триллионы", CSP(12)},
    {"триллионов", CSP(12)}, {"триллионам", CSP(12)},
    {"триллионами", CSP(12)}, {"триллионах", CSP(12)},
    {"полтысячи", CHALF(3)}, {"полмиллиона", CHALF(6)},
    {"полмиллиарда", CHALF(9)}, {"полтриллиона", CHALF(12)},
    {"пол", {TT_NW_HALF, TT_NWF_CYRILLIC, -1, 5}},
    {"полтора", {TT_NW_ONE_HALF, TT_NWF_CYRILLIC, -1, 15}},
    {"полторы", {TT_NW_ONE_HALF, TT_NWF_CYRILLIC, -1, 15}},
    {"полутора", {TT_NW_ONE_HALF, TT_NWF_CYRILLIC, -1, 15}},
    {"от", COPEN(1)}, {"между", COPEN(2)}, {"и", CTO(2)},

    /* ---- scale abbreviations, uk and ru (the tokenizer keeps the dot) ---- */
    {"тис", CABBR(3)}, {"тис.", CABBR(3)}, {"тыс", CABBR(3)},
    {"тыс.", CABBR(3)},
    {"млн", CDOTLESS(6)}, {"млн.", CDOTLESS(6)},
    {"млрд", CDOTLESS(9)}, {"млрд.", CDOTLESS(9)},
    {"трлн", CDOTLESS(12)}, {"трлн.", CDOTLESS(12)},
};

/* clang-format on */

tt_lex tt_numwords, tt_numstarts;
static pthread_once_t numwords_once = PTHREAD_ONCE_INIT;

/* Can a word of this kind begin an amount? */
static int starts(const tt_numword *w) {
  switch (w->kind) {
  case TT_NW_AND:
  case TT_NW_OF:
  case TT_NW_TO:
  case TT_NW_HUNDRED: return 0;
  case TT_NW_SCALE: /* "мільйон доларів"; not "мільйонами", not "m" */
    return (w->flags & TT_NWF_SINGULAR) && (w->flags & TT_NWF_CYRILLIC);
  default: return 1;
  }
}

static void build_numwords(void) {
  tt_chars_init();
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    tt_lex_put_text(&tt_numwords, rows[i].word, (uint32_t)i);
    if (starts(&rows[i].w))
      tt_lex_put_text(&tt_numstarts, rows[i].word, (uint32_t)i);
  }
}

void tt_numwords_init(void) { pthread_once(&numwords_once, build_numwords); }

const tt_numword *tt_numword_find(uint64_t hash, const char *key, size_t len) {
  uint32_t v;
  if (!tt_lex_get(&tt_numwords, hash, key, len, &v))
    return NULL;
  return &rows[v].w;
}

unsigned tt_numword_compound(const char *key, size_t len) {
  const char *dash = memchr(key, '-', len);
  if (!dash)
    return 0;
  size_t n1 = (size_t)(dash - key), n2 = len - n1 - 1;
  const tt_numword *tens = tt_numword_get(tt_hash_bytes(key, n1), key, n1);
  const tt_numword *unit =
      tt_numword_get(tt_hash_bytes(dash + 1, n2), dash + 1, n2);
  if (!tens || !unit || tens->kind != TT_NW_TENS || unit->kind != TT_NW_DIGIT ||
      (tens->flags & TT_NWF_CYRILLIC) || (unit->flags & TT_NWF_CYRILLIC))
    return 0;
  return tens->value + unit->value;
}
