/* SPDX-License-Identifier: MIT
 *
 * money.c -- the money recogniser: amounts of money in English, Ukrainian
 * and Russian text, normalised to a plain decimal and an ISO 4217 code.
 *
 * It walks the tokens of each paragraph once.  Most tokens are rejected by
 * their kind or by one probe of the numeral table; at a number, a currency
 * sign, an ISO code or a numeral word it reads, token by token:
 *
 *   [range opener] [sign or code] quantity [scale]
 *       [dash or range word  [sign] quantity [scale]]
 *       [currency after]  [subunits: "50 cents", "20 коп."]
 *
 * where a quantity is a number in digits (with groups joined across
 * ordinary spaces: "1 000 ₽") or in words ("half a billion", "двома
 * тисячами").  An amount needs a currency before or after it; a range
 * ("$5–10 million", "від 5 до 7 млн гривень") shares one currency and one
 * scale.  Two amounts each with their own currency stay two spans ("from
 * RUB 60 million to RUB 20 million").  Hedges (about, понад, около) stay
 * outside the span, and the amount is the one written.
 *
 * Certainty: `high` for digits with an explicit currency (sign, code,
 * name, abbreviation); `medium` for amounts in words and for weak
 * currency signals (a franc without a country, "р.").
 *
 * Numbers and their arithmetic are in number.c, the currency lexicon in
 * currency.c; this file only decides what is an amount.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "currency.h"
#include "number.h"

/* The paragraph being read. */
typedef struct ctx {
  teitag_doc *doc;
  size_t pb, pe;    /* its tokens */
  teitag_lang lang; /* its language */
} ctx;

/* A quantity: a number with its scale. */
typedef struct qty {
  size_t tb, te;           /* its tokens, scale included */
  size_t nb, ne;           /* bytes of the digits, to read them again */
  tt_dec val;              /* the value, scale applied */
  const tt_numword *scale; /* the (last) scale word, or NULL */
  size_t scale_at;         /* its token */
  int words;               /* written in words */
} qty;

/* An amount found. */
typedef struct found {
  size_t tb, te; /* tokens of the span */
  tt_dec amount; /* single amount, or the lower end of a range */
  tt_dec upper;  /* the upper end of a range */
  int range;
  char code[4];
  teitag_cert cert;
  int trim; /* the span ends before the last token's dot (a full stop) */
} found;

#define TOK(c, i) (&(c)->doc->toks[i])

static const char *key_of(const ctx *c, size_t i) {
  return c->doc->keys.data + TOK(c, i)->key;
}

static int key_is(const ctx *c, size_t i, const char *lit) {
  size_t n = strlen(lit);
  return TOK(c, i)->key_len == n && memcmp(key_of(c, i), lit, n) == 0;
}

static const tt_numword *numword(const ctx *c, size_t i) {
  const tt_token *t = TOK(c, i);
  if (t->kind != TEITAG_TOKEN_WORD)
    return NULL;
  return tt_numword_get(t->hash, key_of(c, i), t->key_len);
}

static int attached(const ctx *c, size_t i) {
  return i > 0 && TOK(c, i)->start == TOK(c, i - 1)->end;
}

/* ---- quantities in digits ------------------------------------------------ */

/* Does token i hold only digits and digit-group separators?  ("12:30",
 * "24/7" are times and fractions.) */
static int plain_number(const ctx *c, size_t i) {
  const tt_token *t = TOK(c, i);
  if (t->kind != TEITAG_TOKEN_NUMBER)
    return 0;
  const char *s = c->doc->text;
  for (size_t k = t->start; k < t->end; k++)
    if (s[k] == ':' || s[k] == '/')
      return 0;
  return s[t->start] >= '0' && s[t->start] <= '9'; /* not ٣ or ३ */
}

/* Can token j continue the digit groups of token j-1 across one ordinary
 * space ("1 000 000", "25 000,50")?  It must start with exactly three
 * digits, and j-1 must not have a decimal part already. */
static int joins_group(const ctx *c, size_t j) {
  const tt_token *p = TOK(c, j - 1), *t = TOK(c, j);
  const char *s = c->doc->text;
  if (t->kind != TEITAG_TOKEN_NUMBER || t->start != p->end + 1 ||
      s[p->end] != ' ' || !plain_number(c, j))
    return 0;
  for (size_t k = p->start; k < p->end; k++)
    if (s[k] == ',' || s[k] == '.')
      return 0;
  size_t k = t->start;
  while (k < t->end && s[k] >= '0' && s[k] <= '9')
    k++;
  return k - t->start == 3 && (k == t->end || s[k] == ',' || s[k] == '.');
}

/* The scale word at token k after digits, if it may count there, and the
 * tokens it takes in *n: a one-letter abbreviation only right after the
 * digits ("5m") or after a currency sign ("$5 m"), since "5 m" alone is
 * five metres; a word may hang on a hyphen ("$5-million"). */
static const tt_numword *scale_after(const ctx *c, size_t k, int after_sign,
                                     size_t *n) {
  *n = 1;
  if (k >= c->pe)
    return NULL;
  const tt_numword *nw = numword(c, k);
  const tt_token *t = TOK(c, k);
  if (!nw && t->kind == TEITAG_TOKEN_PUNCT && key_is(c, k, "-") &&
      attached(c, k) && k + 1 < c->pe && attached(c, k + 1)) {
    nw = numword(c, k + 1);
    if (!nw || nw->kind != TT_NW_SCALE || (nw->flags & TT_NWF_ABBR) ||
        (nw->flags & TT_NWF_CYRILLIC))
      return NULL;
    *n = 2;
    return nw->value == 1 ? nw : NULL;
  }
  if (!nw && t->kind == TEITAG_TOKEN_WORD && t->key_len > 1 &&
      key_of(c, k)[t->key_len - 1] == '.' && t->script == TT_SCRIPT_LATIN) {
    /* "£184 m." -- the tokenizer took the full stop for an initial's */
    size_t len = t->key_len - 1;
    nw = tt_numword_get(tt_hash_bytes(key_of(c, k), len), key_of(c, k), len);
    if (nw && !(nw->flags & TT_NWF_ABBR))
      nw = NULL;
  }
  if (!nw || nw->kind != TT_NW_SCALE || nw->value != 1)
    return NULL;
  if ((nw->flags & TT_NWF_LETTER) && !attached(c, k) && !after_sign)
    return NULL;
  if (t->flags & TT_TOK_NL_BEFORE)
    return NULL;
  return nw;
}

/* Reads bytes [nb, ne) as a number and applies `scale`. */
static int read_digits(const ctx *c, size_t nb, size_t ne,
                       const tt_numword *scale, tt_dec *out) {
  unsigned flags = 0;
  if (c->lang != TEITAG_LANG_EN || (scale && (scale->flags & TT_NWF_CYRILLIC)))
    flags |= TT_NUM_COMMA_DECIMAL;
  if (scale)
    flags |= TT_NUM_SCALE_FOLLOWS;
  if (!tt_number_parse(c->doc->text + nb, ne - nb, flags, out))
    return 0;
  return !scale || tt_dec_shift(out, scale->exp10);
}

/* Is token k a small whole number (1 to 3 digits, no separators)? */
static int small_integer(const ctx *c, size_t k) {
  const tt_token *t = TOK(c, k);
  if (t->kind != TEITAG_TOKEN_NUMBER || t->end - t->start > 3 ||
      (t->flags & TT_TOK_NL_BEFORE))
    return 0;
  for (size_t b = t->start; b < t->end; b++)
    if (c->doc->text[b] < '0' || c->doc->text[b] > '9')
      return 0;
  return 1;
}

/* "1 млрд 200 млн", "5 млн 300 тис.", "2 тыс. 500 руб.": further groups
 * with smaller scales (or units after thousands) add to the quantity. */
static void more_scales(const ctx *c, qty *q, int after_sign) {
  while (q->te + 1 < c->pe && small_integer(c, q->te)) {
    size_t k = q->te, n;
    const tt_numword *scale = scale_after(c, k + 1, after_sign, &n);
    tt_cur_match m;
    int units = !scale && q->scale->exp10 == 3 &&
                tt_currency_after(c->doc, k + 1, c->pe, c->lang, &m) &&
                m.kind != TT_CUR_SUBUNIT;
    if ((!scale || scale->exp10 >= q->scale->exp10) && !units)
      return;
    tt_dec v;
    if (!tt_dec_from_digits(&v, c->doc->text + TOK(c, k)->start,
                            TOK(c, k)->end - TOK(c, k)->start, NULL, 0) ||
        (scale && !tt_dec_shift(&v, scale->exp10)) || !tt_dec_add(&q->val, &v))
      return;
    if (units) {
      q->te = k + 1;
      return;
    }
    q->te = k + 1 + n;
    q->scale = scale;
    q->scale_at = q->te - 1;
  }
}

/* A quantity in digits from token i.  Groups joined across ordinary spaces
 * are tried longest first, since "2022 500" must fall back to "2022". */
static int digits_qty(const ctx *c, size_t i, int after_sign, qty *q) {
  if (!plain_number(c, i))
    return 0;
  size_t last = i;
  while (last + 1 < c->pe && last - i < 8 && joins_group(c, last + 1))
    last++;
  for (;; last--) {
    size_t n;
    const tt_numword *scale = scale_after(c, last + 1, after_sign, &n);
    q->nb = TOK(c, i)->start;
    q->ne = TOK(c, last)->end;
    if (read_digits(c, q->nb, q->ne, scale, &q->val)) {
      q->tb = i;
      q->te = last + 1 + (scale ? n : 0);
      q->scale = scale;
      q->scale_at = q->te - 1;
      q->words = 0;
      if (scale)
        more_scales(c, q, after_sign);
      return 1;
    }
    if (last == i)
      return 0;
  }
}

/* "$US500 million": after a dollar sign the tokenizer sees one word. */
static int us_digits_qty(const ctx *c, size_t i, qty *q) {
  const tt_token *t = TOK(c, i);
  const char *k = key_of(c, i);
  if (t->key_len < 3 || k[0] != 'u' || k[1] != 's')
    return 0;
  for (size_t n = 2; n < t->key_len; n++)
    if (k[n] < '0' || k[n] > '9')
      return 0;
  size_t n;
  const tt_numword *scale = scale_after(c, i + 1, 1, &n);
  q->nb = t->start + 2;
  q->ne = t->end;
  if (!read_digits(c, q->nb, q->ne, scale, &q->val))
    return 0;
  q->tb = i;
  q->te = i + 1 + (scale ? n : 0);
  q->scale = scale;
  q->scale_at = q->te - 1;
  q->words = 0;
  return 1;
}

/* ---- quantities in words ------------------------------------------------- */

/* Order of the parts of a numeral: each part is smaller than the one
 * before it ("сто двадцять п'ять", not "п'ять двадцять"). */
static int rank(int kind) {
  switch (kind) {
  case TT_NW_HUNDREDS: return 3;
  case TT_NW_TENS: return 2;
  default: return 1;
  }
}

/* State of a numeral being read: total = sum of completed scale groups,
 * cur = the group being built. */
typedef struct words {
  tt_dec total, cur;
  int have_cur;
  int last_rank; /* rank of the last part added to cur (0: none) */
  int last_exp;  /* exponent of the last scale (99: none yet) */
  const tt_numword *scale;
  size_t scale_at; /* its token */
} words;

static int add_small(words *w, unsigned value, int r) {
  if (w->have_cur &&
      (w->last_rank == 0 || r >= w->last_rank || w->last_rank == 1))
    return 0;
  tt_dec v;
  tt_dec_from_u32(&v, value);
  if (!tt_dec_add(&w->cur, &v))
    return 0;
  w->have_cur = 1;
  w->last_rank = r;
  return 1;
}

/* Sets cur to value * 10^exp10 (half: 0.5, півтора: 1.5). */
static void set_cur(words *w, unsigned value, int exp10) {
  tt_dec_from_u32(&w->cur, value);
  tt_dec_shift(&w->cur, exp10);
  w->have_cur = 1;
  w->last_rank = 0;
}

/* Closes a scale group: total += cur * scale. */
static int add_scale(words *w, const tt_numword *nw) {
  if (nw->exp10 >= w->last_exp)
    return 0;
  tt_dec g = w->cur;
  if (!tt_dec_mul_u32(&g, nw->value) || !tt_dec_shift(&g, nw->exp10) ||
      !tt_dec_add(&w->total, &g))
    return 0;
  tt_dec_zero(&w->cur);
  w->have_cur = 0;
  w->last_rank = 0;
  w->last_exp = nw->exp10;
  w->scale = nw;
  return 1;
}

static int is_scale_word(const tt_numword *nw) {
  return nw && nw->kind == TT_NW_SCALE && !(nw->flags & TT_NWF_ABBR);
}

/* The numeral word at token j (NULL past the paragraph). */
static const tt_numword *nw_at(const ctx *c, size_t j) {
  return j < c->pe ? numword(c, j) : NULL;
}

/* A scale word, "hundred" or a lone scale, at token j. */
static int scale_word_at(const ctx *c, size_t j) {
  return is_scale_word(nw_at(c, j));
}

/* "мільйон доларів", "тисячу", "півмільйона", "five million". */
static size_t scale_step(words *w, const tt_numword *nw, size_t j) {
  if (nw->flags & TT_NWF_LETTER)
    return 0;
  if (!w->have_cur) { /* only a singular Cyrillic form stands alone */
    if (!(nw->flags & TT_NWF_SINGULAR) || !(nw->flags & TT_NWF_CYRILLIC) ||
        w->last_exp != 99)
      return 0;
    set_cur(w, 1, 0);
  }
  if (!add_scale(w, nw))
    return 0;
  w->scale_at = j;
  return 1;
}

/* "a million", "a hundred", "a quarter of a million". */
static size_t article_step(const ctx *c, size_t j, words *w) {
  const tt_numword *n1 = nw_at(c, j + 1), *n2 = nw_at(c, j + 2),
                   *n3 = nw_at(c, j + 3);
  if (w->have_cur || w->last_exp != 99 || !n1)
    return 0;
  if (is_scale_word(n1) || n1->kind == TT_NW_HUNDRED) {
    set_cur(w, 1, 0);
    w->last_rank = 1;
    return 1;
  }
  if (n1->kind == TT_NW_QUARTER && n2 && n2->kind == TT_NW_OF && n3 &&
      n3->kind == TT_NW_ARTICLE && scale_word_at(c, j + 4)) {
    set_cur(w, n1->value, n1->exp10);
    return 4;
  }
  return 0;
}

/* "half a billion", "пів мільйона", "півтора мільярда". */
static size_t half_step(const ctx *c, size_t j, const tt_numword *nw,
                        words *w) {
  const tt_numword *n1 = nw_at(c, j + 1);
  if (w->have_cur || w->last_exp != 99)
    return 0;
  if (nw->kind == TT_NW_HALF && n1 && n1->kind == TT_NW_ARTICLE &&
      scale_word_at(c, j + 2)) {
    set_cur(w, nw->value, nw->exp10);
    return 2;
  }
  if ((nw->flags & TT_NWF_CYRILLIC) && is_scale_word(n1)) {
    set_cur(w, nw->value, nw->exp10);
    return 1;
  }
  return 0;
}

/* "three and a half million", "one hundred and five". */
static size_t and_step(const ctx *c, size_t j, words *w) {
  const tt_numword *n1 = nw_at(c, j + 1), *n2 = nw_at(c, j + 2);
  if (w->have_cur && n1 && n1->kind == TT_NW_ARTICLE && n2 &&
      n2->kind == TT_NW_HALF && scale_word_at(c, j + 3)) {
    tt_dec half;
    tt_dec_from_u32(&half, 5);
    if (!tt_dec_shift(&half, -1) || !tt_dec_add(&w->cur, &half))
      return 0;
    w->last_rank = 1;
    return 3;
  }
  if (w->last_rank == 3 && n1 &&
      (n1->kind == TT_NW_DIGIT || n1->kind == TT_NW_TEEN ||
       n1->kind == TT_NW_TENS))
    return 1;
  return 0;
}

/* Reads one numeral word (or a fixed phrase: "half a", "a quarter of a",
 * "and a half") at token j; returns the tokens used, 0 to stop. */
static size_t word_step(const ctx *c, size_t j, words *w) {
  const tt_numword *nw = numword(c, j);
  if (!nw) { /* "twenty-five" */
    unsigned v = TOK(c, j)->kind == TEITAG_TOKEN_WORD
                     ? tt_numword_compound(key_of(c, j), TOK(c, j)->key_len)
                     : 0;
    return v && add_small(w, v, 2) ? 1 : 0;
  }
  switch (nw->kind) {
  case TT_NW_DIGIT:
  case TT_NW_TEEN:
  case TT_NW_TENS:
  case TT_NW_HUNDREDS: return add_small(w, nw->value, rank(nw->kind)) ? 1 : 0;
  case TT_NW_HUNDRED: /* en "two hundred" */
    if (!w->have_cur || w->last_rank != 1 || !tt_dec_mul_u32(&w->cur, 100))
      return 0;
    w->last_rank = 3;
    return 1;
  case TT_NW_SCALE: return scale_step(w, nw, j);
  case TT_NW_ARTICLE: return article_step(c, j, w);
  case TT_NW_HALF:
  case TT_NW_ONE_HALF: return half_step(c, j, nw, w);
  case TT_NW_AND: return and_step(c, j, w);
  default: return 0;
  }
}

/* A quantity in words from token i. */
static int words_qty(const ctx *c, size_t i, qty *q) {
  words w;
  tt_dec_zero(&w.total);
  tt_dec_zero(&w.cur);
  w.have_cur = 0;
  w.last_rank = 0;
  w.last_exp = 99;
  w.scale = NULL;
  w.scale_at = SIZE_MAX;
  size_t j = i;
  while (j < c->pe && TOK(c, j)->kind == TEITAG_TOKEN_WORD &&
         (j == i || !(TOK(c, j)->flags & TT_TOK_NL_BEFORE))) {
    size_t used = word_step(c, j, &w);
    if (!used)
      break;
    j += used;
  }
  if (j == i || !tt_dec_add(&w.total, &w.cur) || tt_dec_is_zero(&w.total))
    return 0;
  q->tb = i;
  q->te = j;
  q->nb = q->ne = 0;
  q->val = w.total;
  q->scale = w.scale;
  q->scale_at = w.scale_at;
  q->words = 1;
  return 1;
}

static int quantity(const ctx *c, size_t i, int after_sign, qty *q) {
  if (i >= c->pe)
    return 0;
  const tt_token *t = TOK(c, i);
  if (t->kind == TEITAG_TOKEN_NUMBER)
    return digits_qty(c, i, after_sign, q);
  if (t->kind != TEITAG_TOKEN_WORD)
    return 0;
  if (after_sign && us_digits_qty(c, i, q))
    return 1;
  return words_qty(c, i, q);
}

/* ---- ranges -------------------------------------------------------------- */

/* A dash between the ends of a range: touching both numbers, or with
 * spaces on both sides unless it is an em dash (a clause break). */
static int dash_at(const ctx *c, size_t j) {
  const tt_token *t = TOK(c, j);
  if (t->kind != TEITAG_TOKEN_PUNCT || !key_is(c, j, "-") || j + 1 >= c->pe)
    return 0;
  int before = attached(c, j), after = attached(c, j + 1);
  if (before != after || (t->flags & TT_TOK_NL_BEFORE) ||
      (TOK(c, j + 1)->flags & TT_TOK_NL_BEFORE))
    return 0;
  const unsigned char *s = (const unsigned char *)c->doc->text + t->start;
  int em =
      t->end - t->start == 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x94;
  return before || !em;
}

/* The word that closes a range's first end, matching its opener: "from
 * ... to", "від ... до", "between ... and", "між ... і". */
static int range_word_at(const ctx *c, size_t j, const tt_numword *open) {
  const tt_numword *nw = numword(c, j);
  return open && nw && (nw->kind == TT_NW_TO || nw->kind == TT_NW_AND) &&
         nw->value == open->value;
}

/* Gives a range's first end the scale of its second: "$5–10 million". */
static int share_scale(const ctx *c, qty *a, const qty *b) {
  if (a->words)
    return tt_dec_shift(&a->val, b->scale->exp10);
  return read_digits(c, a->nb, a->ne, b->scale, &a->val);
}

/* ---- filters ------------------------------------------------------------- */

/* "lost 20 pounds", "weighed 200 pounds", "20 pounds of flour": weight. */
static int pounds_of_weight(const ctx *c, size_t tb, size_t after) {
  static const char *const cues[] = {
      "weigh",   "weighs",  "weighed",    "weighing", "weight", "lost",
      "lose",    "loses",   "losing",     "gained",   "gain",   "gains",
      "heavier", "lighter", "overweight", "shed",     NULL};
  if (after < c->pe && key_is(c, after, "of"))
    return 1;
  for (size_t k = tb, n = 0; k > c->pb && n < 4; k--, n++) {
    if (TOK(c, k)->flags & TT_TOK_SENT_START)
      break;
    for (size_t q = 0; cues[q]; q++)
      if (key_is(c, k - 1, cues[q]))
        return 1;
  }
  return 0;
}

/* ---- one amount ---------------------------------------------------------- */

/* "3 dollars 50 cents", "5 грн 20 коп.", "2 dollars and 75 cents": the
 * subunits after a unit at token k.  Adds them to f and returns the end of
 * the compound, or k when there are none. */
static size_t subunits(const ctx *c, size_t k, const tt_cur_match *unit,
                       found *f) {
  size_t start = k;
  const tt_numword *nw = k < c->pe ? numword(c, k) : NULL;
  if (nw && nw->value == 2 && (nw->kind == TT_NW_AND || nw->kind == TT_NW_TO))
    k++; /* "2 dollars and 75 cents" */
  if (k >= c->pe || !plain_number(c, k) ||
      TOK(c, k)->end - TOK(c, k)->start > 2 ||
      (TOK(c, k)->flags & TT_TOK_NL_BEFORE))
    return start;
  const char *s = c->doc->text + TOK(c, k)->start;
  size_t n = TOK(c, k)->end - TOK(c, k)->start;
  for (size_t q = 0; q < n; q++)
    if (s[q] < '0' || s[q] > '9')
      return start;
  size_t m = k + 1;
  tt_cur_match sub;
  if (m >= c->pe || !tt_currency_after(c->doc, m, c->pe, c->lang, &sub) ||
      sub.kind != TT_CUR_SUBUNIT ||
      !tt_currency_subunit_of((tt_cur_noun)sub.noun, (tt_cur_noun)unit->noun))
    return start;
  tt_dec cents;
  if (!tt_dec_from_digits(&cents, s, n, NULL, 0) || !tt_dec_shift(&cents, -2) ||
      !tt_dec_add(&f->amount, &cents))
    return start;
  return m + sub.ntok;
}

/* Is the dot that ends token `last` (the span's last) a full stop rather
 * than part of an abbreviation?  Only at the end of a sentence, and only
 * when the abbreviation is standardly written without a dot (млн, млрд,
 * трлн, грн, bn, m) or the writer leaves the dots out of this amount
 * ("30 тыс руб."). */
static int dot_is_full_stop(const ctx *c, size_t last, const qty *q,
                            const tt_cur_match *post) {
  const tt_token *t = TOK(c, last);
  if (t->end - t->start < 2 || c->doc->text[t->end - 1] != '.' ||
      !(last + 1 >= c->pe || (TOK(c, last + 1)->flags & TT_TOK_SENT_START)))
    return 0;
  if (!post)
    return q->scale && q->scale_at == last &&
           (q->scale->flags & TT_NWF_DOTLESS);
  if (post->flags & TT_CURF_DOTLESS)
    return 1;
  if (!q->scale ||
      (q->scale->flags & (TT_NWF_DOTLESS | TT_NWF_ABBR)) != TT_NWF_ABBR)
    return 0;
  const tt_token *sc = TOK(c, q->scale_at); /* "тыс" for standard "тыс." */
  return c->doc->text[sc->end - 1] != '.';
}

/* The currency after an amount at token p.  After a sign or code only a
 * name of the same currency may follow ("$5 million US dollars"): in
 * "$5 $6" the second sign starts the next amount. */
static int post_currency(const ctx *c, size_t p, const tt_cur_match *pre,
                         tt_cur_match *post) {
  if (p >= c->pe || !tt_currency_after(c->doc, p, c->pe, c->lang, post))
    return 0;
  return !pre || ((post->kind == TT_CUR_NAME || post->kind == TT_CUR_ABBR) &&
                  strcmp(pre->code, post->code) == 0);
}

/* What amount_at has read so far. */
typedef struct reading {
  const tt_numword *open;       /* a range opener (from, від), or NULL */
  tt_cur_match pre, pre2, post; /* currency before each end, and after */
  int has_pre, has_pre2, has_post;
  int range, by_words; /* a range; joined by a word, not a dash */
  qty a, b;            /* the quantity, or the ends of the range */
  size_t p;            /* the next token */
} reading;

/* The currency before the amount at r->p, if any. */
static int read_sign(const ctx *c, reading *r) {
  if (TOK(c, r->p)->kind == TEITAG_TOKEN_NUMBER ||
      !(r->has_pre = tt_currency_before(c->doc, r->p, c->pe, &r->pre)))
    return 1;
  if (r->pre.kind == TT_CUR_CODE && r->p > c->pb + 1 && attached(c, r->p) &&
      key_is(c, r->p - 1, "/"))
    return 0; /* "EUR/USD 1.08" is an exchange rate */
  r->p += r->pre.ntok;
  return r->p < c->pe && !(TOK(c, r->p)->flags & TT_TOK_NL_BEFORE);
}

/* The second end of a range after r->a, at r->p: "$5–10 million",
 * "€5bn-€7bn", "від 5 до 7 млн".  Both ends share the scale of the
 * second when the first has none; the first must be the smaller. */
static void read_range(const ctx *c, reading *r) {
  int dash = dash_at(c, r->p);
  r->by_words = !dash && !r->has_pre && range_word_at(c, r->p, r->open);
  size_t q = r->p + 1;
  if (dash && TOK(c, q)->kind != TEITAG_TOKEN_NUMBER &&
      (r->has_pre2 = tt_currency_before(c->doc, q, c->pe, &r->pre2))) {
    if (r->has_pre && strcmp(r->pre.code, r->pre2.code) != 0)
      dash = 0;
    q += r->pre2.ntok;
  }
  qty *a = &r->a, *b = &r->b;
  if ((dash || r->by_words) && quantity(c, q, r->has_pre || r->has_pre2, b) &&
      !(a->scale && !b->scale) &&
      (a->scale || !b->scale || share_scale(c, a, b)) &&
      tt_dec_cmp(&a->val, &b->val) < 0) {
    r->range = 1;
    r->p = b->te;
    r->has_post = post_currency(c, r->p,
                                r->has_pre    ? &r->pre
                                : r->has_pre2 ? &r->pre2
                                              : NULL,
                                &r->post);
  } else {
    r->has_pre2 = 0;
  }
}

/* Turns what was read into the amount in f; 0 when it is no money after
 * all (a weight in pounds, a subunit that does not fit). */
static int settle(const ctx *c, size_t i, const reading *r, found *f) {
  size_t last = r->p - 1;
  const tt_cur_match *post = &r->post;
  f->amount = r->a.val;
  f->upper = r->range ? r->b.val : r->a.val;
  f->range = r->range;
  f->cert = r->a.words ? TEITAG_CERT_MEDIUM : TEITAG_CERT_HIGH;
  if (r->has_post) {
    last = r->p + post->ntok - 1;
    if (post->kind == TT_CUR_SUBUNIT &&
        (!tt_dec_shift(&f->amount, -2) || !tt_dec_shift(&f->upper, -2)))
      return 0;
    if (post->flags & TT_CURF_WEAK)
      f->cert = TEITAG_CERT_MEDIUM;
    if (post->noun == TT_NOUN_POUND && !(post->flags & TT_CURF_QUALIFIED) &&
        !r->has_pre && !r->a.scale && c->lang == TEITAG_LANG_EN &&
        pounds_of_weight(c, r->open ? i + 1 : i, last + 1))
      return 0;
  }
  f->trim = dot_is_full_stop(c, last, r->range ? &r->b : &r->a,
                             r->has_post ? post : NULL);
  if (r->has_post && !r->range && !r->has_pre &&
      (post->kind == TT_CUR_NAME || post->kind == TT_CUR_ABBR)) {
    size_t end = subunits(c, last + 1, post, f);
    if (end != last + 1)
      f->trim = 0;
    last = end - 1;
  }
  const tt_cur_match *cur = r->has_pre    ? &r->pre
                            : r->has_pre2 ? &r->pre2
                                          : post;
  memcpy(f->code, cur->code, 4);
  f->tb = i;
  f->te = last + 1;
  return 1;
}

/* Reads an amount that starts at token i.  Returns 1 and fills f. */
static int amount_at(const ctx *c, size_t i, found *f) {
  reading r;
  memset(&r, 0, sizeof r);
  r.p = i;
  r.open = numword(c, i);
  if (r.open && r.open->kind == TT_NW_OPENER)
    r.p++;
  else
    r.open = NULL;
  if (r.p >= c->pe || !read_sign(c, &r) || !quantity(c, r.p, r.has_pre, &r.a))
    return 0;
  r.p = r.a.te;
  r.has_post = post_currency(c, r.p, r.has_pre ? &r.pre : NULL, &r.post);
  if (!r.has_post && r.p + 1 < c->pe)
    read_range(c, &r);
  if (r.open && !(r.range && r.by_words))
    return 0; /* the opener belongs only to a range of bare numbers */
  if (!r.has_pre && !r.has_pre2 && !r.has_post)
    return 0;
  return settle(c, i, &r, f);
}

/* ---- the walk ------------------------------------------------------------ */

/* Can token i start an amount?  Cheap tests first: this runs on every
 * token. */
static int may_start(const ctx *c, size_t i) {
  const tt_token *t = TOK(c, i);
  switch (t->kind) {
  case TEITAG_TOKEN_NUMBER:
  case TEITAG_TOKEN_SYMBOL: return 1;
  case TEITAG_TOKEN_WORD: break;
  default: return 0;
  }
  if (tt_numword_start(t->hash, key_of(c, i), t->key_len))
    return 1;
  if (t->key_len == 3 && t->lcase == TEITAG_CASE_UPPER)
    return 1; /* an ISO code */
  if (t->key_len <= 4 && i + 1 < c->pe &&
      TOK(c, i + 1)->kind == TEITAG_TOKEN_SYMBOL && attached(c, i + 1))
    return 1; /* US$, HK$ */
  /* "twenty-one" .. "ninety-nine": 9 to 13 letters */
  return t->script == TT_SCRIPT_LATIN && t->key_len >= 9 && t->key_len <= 13 &&
         memchr(key_of(c, i), '-', t->key_len) &&
         tt_numword_compound(key_of(c, i), t->key_len);
}

static void emit(teitag_doc *doc, const found *f) {
  char buf[TT_DEC_STRLEN];
  uint32_t amount = 0, lo = 0, hi = 0;
  if (f->range) {
    tt_dec_format(&f->amount, buf, sizeof buf);
    lo = tt_doc_str(doc, buf);
    tt_dec_format(&f->upper, buf, sizeof buf);
    hi = tt_doc_str(doc, buf);
  } else {
    tt_dec_format(&f->amount, buf, sizeof buf);
    amount = tt_doc_str(doc, buf);
  }
  uint32_t code = tt_doc_str(doc, f->code);
  /* strings first: adding them may move doc->strs, never doc->spans */
  tt_span *sp = tt_doc_add_token_span(doc, f->tb, f->te, TEITAG_TYPE_MONEY,
                                      f->cert, "money");
  sp->amount = amount;
  sp->amount_min = lo;
  sp->amount_max = hi;
  sp->currency = code;
  if (f->trim)
    sp->end--;
}

teitag_status tt_money_annotate(const teitag_pipeline *p, teitag_doc *doc,
                                teitag_diag *diag) {
  (void)p;
  tt_numwords_init();
  teitag_status st = tt_currency_init(diag);
  if (st != TEITAG_OK)
    return st;
  for (size_t k = 0; k < doc->n_paras; k++) {
    ctx c;
    c.doc = doc;
    c.pb = doc->paras[k].tok_begin;
    c.pe = doc->paras[k].tok_end;
    c.lang = doc->paras[k].lang != TEITAG_LANG_AUTO
                 ? (teitag_lang)doc->paras[k].lang
                 : doc->lang;
    for (size_t i = c.pb; i < c.pe;) {
      found f;
      if (may_start(&c, i) && amount_at(&c, i, &f)) {
        emit(doc, &f);
        i = f.te;
      } else {
        i++;
      }
    }
  }
  return TEITAG_OK;
}
