/* SPDX-License-Identifier: MIT
 *
 * chars.c -- character classes and the folding that makes match keys.
 *
 * Tokenizing and key-making look at every code point, so they read two
 * 64K-entry tables (class bits and folded code point) built once from
 * utf8proc's Unicode data instead of calling a library per character.
 * Code points outside the Basic Multilingual Plane are rare in news and
 * take the slow path through utf8proc.  This file does not decide what a
 * token is; tokenize.c does.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "private.h"

/* Read by the inline tt_cp_class/tt_cp_fold of private.h: a call per
 * code point cost a sixth of the tokenizer's time. */
uint16_t tt_class_table[0x10000];
uint16_t tt_fold_table[0x10000];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static int is_latin(uint32_t cp) {
  return (cp >= 0x41 && cp <= 0x5A) || (cp >= 0x61 && cp <= 0x7A) ||
         (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
         (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2C60 && cp <= 0x2C7F) ||
         (cp >= 0xA720 && cp <= 0xA7FF) || (cp >= 0xFF21 && cp <= 0xFF5A);
}

static int is_cyrillic(uint32_t cp) {
  return (cp >= 0x400 && cp <= 0x52F) || (cp >= 0x1C80 && cp <= 0x1C8F) ||
         (cp >= 0x2DE0 && cp <= 0x2DFF) || (cp >= 0xA640 && cp <= 0xA69F);
}

/* Apostrophes that may stand inside a word: прем'єр, м’ясо, пʼять, O'Brien. */
static int is_apostrophe(uint32_t cp) {
  return cp == 0x27 || cp == 0x2019 || cp == 0x02BC || cp == 0x2018 ||
         cp == 0x60 || cp == 0xB4 || cp == 0x02B9;
}

static int is_quote(uint32_t cp) {
  return cp == 0x22 || cp == 0x27 || cp == 0xAB || cp == 0xBB ||
         (cp >= 0x2018 && cp <= 0x201F) || cp == 0x2039 || cp == 0x203A ||
         cp == 0x300C || cp == 0x300D || cp == 0xFF02;
}

static int is_dash(uint32_t cp) {
  return cp == 0x2D || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 ||
         cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF0D;
}

static unsigned compute_class(uint32_t cp) {
  unsigned c = 0;
  switch (utf8proc_category((utf8proc_int32_t)cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LT: c = TT_C_ALPHA | TT_C_UPPER; break;
  case UTF8PROC_CATEGORY_LL: c = TT_C_ALPHA | TT_C_LOWER; break;
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO: c = TT_C_ALPHA; break;
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ME:
  case UTF8PROC_CATEGORY_CF: c = TT_C_MARK; break;
  case UTF8PROC_CATEGORY_ND: c = TT_C_DIGIT; break;
  case UTF8PROC_CATEGORY_ZS: c = TT_C_SPACE; break;
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP: c = TT_C_NEWLINE; break;
  case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
  case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
  case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
  case UTF8PROC_CATEGORY_PO: c = TT_C_PUNCT; break;
  case UTF8PROC_CATEGORY_SC: c = TT_C_SYMBOL | TT_C_CURRENCY; break;
  case UTF8PROC_CATEGORY_CC:
    if (cp == '\t')
      c = TT_C_SPACE;
    else if (cp == '\n' || cp == '\r' || cp == 0x85)
      c = TT_C_NEWLINE;
    else if (cp < 0x20)
      c = TT_C_BAD; /* XML 1.0 cannot carry C0 controls */
    else
      c = TT_C_SYMBOL;
    break;
  default: c = TT_C_SYMBOL; break; /* S*, N[lo], Co, Cn */
  }
  /* zero-width space separates words, and so do the invisible direction
   * marks that copy-and-paste leaves before names ("\u200EЛапій") */
  if (cp == 0x200B || cp == 0x200E || cp == 0x200F ||
      (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
    c = TT_C_SPACE;
  if (cp == 0xFFFE || cp == 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    c = TT_C_BAD;
  if (c & TT_C_ALPHA) {
    if (is_latin(cp))
      c |= TT_C_LATIN;
    else if (is_cyrillic(cp))
      c |= TT_C_CYRILLIC;
  }
  if (is_apostrophe(cp))
    c |= TT_C_APOS;
  if (cp == 0x2D || cp == 0x2010 || cp == 0x2011)
    c |= TT_C_HYPHEN;
  if (is_quote(cp))
    c |= TT_C_QUOTE;
  return c;
}

static uint32_t compute_fold(uint32_t cp, unsigned cls) {
  if (cp == 0x0301 || cp == 0x0300) /* stress marks: Володи́мир */
    return 0;
  if (cp == 0x0451 || cp == 0x0401) /* ё, Ё: often written е */
    return 0x0435;
  if (is_apostrophe(cp))
    return 0x27;
  if (is_dash(cp))
    return 0x2D;
  if (is_quote(cp))
    return 0x22;
  if (cls & TT_C_SPACE)
    return 0x20;
  return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

static void build_tables(void) {
  for (uint32_t cp = 0; cp < 0x10000; cp++) {
    unsigned cls = compute_class(cp);
    uint32_t f = compute_fold(cp, cls);
    tt_class_table[cp] = (uint16_t)cls;
    tt_fold_table[cp] = (uint16_t)(f < 0x10000 ? f : cp);
  }
}

void tt_chars_init(void) { pthread_once(&tables_once, build_tables); }

unsigned tt_cp_class_astral(uint32_t cp) {
  return cp > 0x10FFFF ? TT_C_BAD : compute_class(cp);
}

uint32_t tt_cp_fold_astral(uint32_t cp) {
  return compute_fold(cp, compute_class(cp));
}

#if defined(__SSE2__)
#include <emmintrin.h>
/* How many of the sixteen bytes at s (a character boundary) are whole
 * valid characters of one or two bytes (ASCII, or a lead byte C2..DF and
 * its continuation): 15 or 16, or 0 when the block holds anything else.
 * News in English, Ukrainian and Russian is nearly all such blocks, and
 * checking them byte by byte was 3% of a whole run. */
static inline size_t short_chars_block(const unsigned char *s) {
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
  unsigned high = (unsigned)_mm_movemask_epi8(v);
  if (!high)
    return 16;
  /* As signed bytes: continuations 80..BF are -128..-65, leads C2..DF
   * are -62..-33. */
  unsigned cont =
      (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(_mm_set1_epi8(-64), v));
  unsigned lead = (unsigned)_mm_movemask_epi8(
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-63)),
                    _mm_cmpgt_epi8(_mm_set1_epi8(-32), v)));
  if ((high & ~(cont | lead)) || ((lead << 1) & 0xFFFFu) != cont)
    return 0;
  return lead & 0x8000u ? 15 : 16; /* a last lead byte waits for its pair */
}
#endif

/* Validation follows the well-formed byte sequences of Unicode 15, table
 * 3-7: no overlong forms, no surrogates, nothing above U+10FFFF. */
size_t tt_utf8_check(const unsigned char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
#if defined(__SSE2__)
    size_t run;
    while (i + 16 <= len && (run = short_chars_block(s + i)) != 0)
      i += run;
#else
    /* Skip ASCII eight bytes at a time: most news is mostly ASCII or
     * two-byte Cyrillic. */
    while (i + 8 <= len) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ULL)
        break;
      i += 8;
    }
#endif
    /* Then ASCII and two-byte sequences (Cyrillic), mixed as Ukrainian
     * and Russian text mixes them, without the general range logic. */
    while (i + 1 < len) {
      unsigned b = s[i];
      if (b < 0x80)
        i++;
      else if (b - 0xC2u < 30u && (s[i + 1] & 0xC0) == 0x80)
        i += 2;
      else
        break;
      if (b < 0x80 && s[i] < 0x80)
        break; /* two ASCII bytes: perhaps English, skip by words again */
    }
    if (i >= len)
      break;
    unsigned c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    size_t n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
      n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
    } else
      return i;
    if (i + n > len)
      return i;
    if (s[i + 1] < lo || s[i + 1] > hi)
      return i;
    for (size_t k = 2; k < n; k++)
      if ((s[i + k] & 0xC0) != 0x80)
        return i;
    i += n;
  }
  return len;
}

/* Counts the bytes that are not continuation bytes (10xxxxxx), eight at a
 * time: the JSONL writer counts every byte of every text. */
size_t tt_utf8_count(const char *s, size_t len) {
  size_t n = 0, i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    /* a continuation byte has bit 7 set and bit 6 clear */
    uint64_t cont = w & ~(w << 1) & 0x8080808080808080ULL;
    n += 8 - (size_t)__builtin_popcountll(cont);
  }
  for (; i < len; i++)
    n += ((unsigned char)s[i] & 0xC0) != 0x80;
  return n;
}

/* Folds [p, p+len) into `out`.  With `stop_at_mark`, returns 1 as soon as
 * it meets a combining mark (the caller then composes the text first and
 * folds again); otherwise returns 0.  Lead bytes below 0xCC (U+0300) and
 * the Cyrillic 0xD0/0xD1 (U+0400..U+047F) never start a mark, so the check
 * costs nearly nothing on Latin and Cyrillic text. */
static int fold_into(tt_buf *out, const unsigned char *p, size_t len,
                     int stop_at_mark) {
  tt_buf_reserve(out, len * 2);
  /* A local cursor: stores through out->data could alias `out` itself, so
   * the compiler would reload it after every byte. */
  char *o = out->data + out->len;
  for (size_t i = 0; i < len;) {
    unsigned char c = p[i];
    if (c < 0x80) { /* ASCII fast path */
      *o++ = (char)tt_fold_table[c];
      i++;
      continue;
    }
    if ((c == 0xD0 || c == 0xD1) && i + 1 < len) {
      /* U+0400..U+047F, Cyrillic letters: they fold within the same range,
       * to two bytes again, and are never combining marks. */
      uint32_t f = tt_fold_table[((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu)];
      o[0] = (char)(0xC0 | (f >> 6));
      o[1] = (char)(0x80 | (f & 0x3F));
      o += 2;
      i += 2;
      continue;
    }
    uint32_t cp;
    i += tt_utf8_next(p + i, &cp);
    if (stop_at_mark && c >= 0xCC && c != 0xD0 && c != 0xD1 &&
        (tt_cp_class(cp) & TT_C_MARK)) {
      out->len = (size_t)(o - out->data);
      return 1;
    }
    uint32_t f = tt_cp_fold(cp);
    if (f) {
      out->len = (size_t)(o - out->data);
      if (TT_UNLIKELY(out->len + 5 > out->cap))
        tt_buf_reserve(out, 4);
      o = out->data + out->len;
      o += tt_utf8_put(f, o);
    }
  }
  out->len = (size_t)(o - out->data);
  return 0;
}

uint64_t tt_key_append_hashed(tt_buf *out, const char *s, size_t len) {
  /* The fast paths of fold_into with the hash of each byte folded in:
   * the tokenizer wants both for every token, and reading every key a
   * second time to hash it cost nearly as much as folding it. */
  const unsigned char *p = (const unsigned char *)s;
  tt_buf_reserve(out, len * 2);
  unsigned char *o = (unsigned char *)out->data + out->len;
  uint64_t h = TT_HASH_BASIS;
  size_t i = 0;
  while (i < len) {
    unsigned c = p[i];
    if (c < 0x80) {
      o = tt_fold_ascii_hashed(c, o, &h);
      i++;
    } else if ((c == 0xD0 || c == 0xD1) && i + 1 < len) {
      o = tt_fold_2byte_hashed(((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu), o, &h);
      i += 2;
    } else {
      break;
    }
  }
  if (TT_LIKELY(i == len)) {
    out->len = (size_t)((char *)o - out->data);
    out->data[out->len] = '\0';
    return h;
  }
  /* Anything else (other scripts, marks, punctuation): the general way. */
  size_t mark = out->len;
  tt_key_append(out, s, len);
  return tt_hash_bytes(out->data + mark, out->len - mark);
}

void tt_key_append(tt_buf *out, const char *s, size_t len) {
  size_t mark = out->len;
  /* Only text with combining marks needs NFC first (и + U+0306 -> й). */
  if (fold_into(out, (const unsigned char *)s, len, 1)) {
    out->len = mark;
    unsigned char *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const unsigned char *)s,
                                      (utf8proc_ssize_t)len, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n >= 0)
      fold_into(out, nfc, (size_t)n, 0);
    else
      fold_into(out, (const unsigned char *)s, len, 0);
    free(nfc);
  }
  out->data[out->len] = '\0';
}
