/* SPDX-License-Identifier: MIT
 *
 * buf.c -- a growable byte buffer, with the escaping that writers need.
 *
 * Writers build their output here and hand it to a sink in large pieces;
 * the escaping functions scan for the few bytes that need care and copy the
 * runs between them in one memcpy, because output is on the hot path.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

void tt_buf_grow(tt_buf *b, size_t extra) {
  size_t need = b->len + extra + 1;
  size_t n = b->cap ? b->cap : 256;
  while (n < need)
    n *= 2;
  b->data = tt_xrealloc(b->data, n);
  b->cap = n;
}

void tt_buf_printf(tt_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char small[256];
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0)
    return;
  if ((size_t)n < sizeof small) {
    tt_buf_put(b, small, (size_t)n);
    return;
  }
  tt_buf_reserve(b, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void tt_buf_put_json(tt_buf *b, const char *s, size_t len) {
  static const char hex[] = "0123456789abcdef";
  size_t run = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\')
      continue;
    tt_buf_put(b, s + run, i - run);
    run = i + 1;
    switch (c) {
    case '"': tt_buf_put(b, "\\\"", 2); break;
    case '\\': tt_buf_put(b, "\\\\", 2); break;
    case '\n': tt_buf_put(b, "\\n", 2); break;
    case '\r': tt_buf_put(b, "\\r", 2); break;
    case '\t': tt_buf_put(b, "\\t", 2); break;
    default: {
      char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      tt_buf_put(b, esc, 6);
    }
    }
  }
  tt_buf_put(b, s + run, len - run);
}

/* Bytes that need escaping: 1 in text and attributes, 2 in attributes
 * only.  A table lookup per byte instead of a switch: every character of
 * the output passes here. */
static const unsigned char xml_special[256] = {
    ['&'] = 1, ['<'] = 1, ['>'] = 1, ['\r'] = 1,
    ['"'] = 2, ['\n'] = 2, ['\t'] = 2};

/* The offset of the first byte of u[i, len) that needs escaping, or len.
 * Text has few of them, so most of it is passed sixteen bytes at a time
 * (SSE2, which every x86-64 has) rather than looked up byte by byte. */
#if defined(__SSE2__)
#include <emmintrin.h>
static inline unsigned special_mask(const unsigned char *u, int attr) {
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)u);
  __m128i hit = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')),
                   _mm_cmpeq_epi8(v, _mm_set1_epi8('<'))),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('>')),
                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
  if (attr)
    hit = _mm_or_si128(
        hit, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                       _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                          _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))));
  return (unsigned)_mm_movemask_epi8(hit);
}
#endif

static inline size_t next_special(const unsigned char *u, size_t i,
                                  size_t len, int attr) {
#if defined(__SSE2__)
  for (; i + 16 <= len; i += 16) {
    unsigned m = special_mask(u + i, attr);
    if (m)
      return i + (size_t)__builtin_ctz(m);
  }
#endif
  unsigned mask = attr ? 3 : 1;
  while (i < len && !(xml_special[u[i]] & mask))
    i++;
  return i;
}

void tt_buf_put_xml(tt_buf *b, const char *s, size_t len, int attr) {
  const unsigned char *u = (const unsigned char *)s;
  size_t run = 0;
  for (size_t i = next_special(u, 0, len, attr); i < len;
       i = next_special(u, i + 1, len, attr)) {
    const char *rep;
    switch (s[i]) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '\r': rep = "&#13;"; break;
    case '"': rep = "&quot;"; break;
    case '\n': rep = "&#10;"; break;
    default: rep = "&#9;"; break;
    }
    tt_buf_put(b, s + run, i - run);
    tt_buf_puts(b, rep);
    run = i + 1;
  }
  tt_buf_put(b, s + run, len - run);
}

const char *tt_buf_cstr(tt_buf *b) {
  tt_buf_reserve(b, 0);
  b->data[b->len] = '\0';
  return b->data;
}

void tt_buf_clear(tt_buf *b) {
  b->len = 0;
  if (b->data)
    b->data[0] = '\0';
}

void tt_buf_free(tt_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

char *tt_buf_steal(tt_buf *b, size_t *len) {
  tt_buf_reserve(b, 0);
  b->data[b->len] = '\0';
  char *p = b->data;
  if (len)
    *len = b->len;
  b->data = NULL;
  b->len = b->cap = 0;
  return p;
}
