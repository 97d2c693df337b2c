/* SPDX-License-Identifier: MIT
 *
 * view.c -- the tokens that CoNLL, WebAnno TSV and TEI with <w> write.
 *
 * Those formats can only mark whole tokens, and their readers take an
 * entity to be the tokens it covers.  So that an entity reads back exactly
 * (an annotator may end a span inside a token: "Kyiv" in "Kyiv-based"),
 * the document's tokens are cut at every span boundary.  CoNLL and TSV
 * also need tokens without white space, so a number token such as
 * "1 000" can be cut at its spaces too.  A sentence break inside an entity
 * is dropped, because none of the formats lets an entity cross one.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "writer.h"

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

static int is_space(const teitag_doc *doc, size_t i, size_t *n) {
  uint32_t cp;
  *n = tt_utf8_next((const unsigned char *)doc->text + i, &cp);
  return (tt_cp_class(cp) & (TT_C_SPACE | TT_C_NEWLINE)) != 0;
}

static void push(tt_view *v, uint32_t start, uint32_t end, uint8_t kind,
                 uint8_t *flags) {
  TT_RESERVE(v->toks, v->cap, v->n + 1);
  tt_vtok *t = &v->toks[v->n++];
  t->start = start;
  t->end = end;
  t->kind = kind;
  t->flags = *flags;
  *flags = 0; /* only the first piece starts a sentence or paragraph */
}

/* Emits the non-space runs of [from, to) (or the whole, trimmed). */
static void emit(tt_view *v, const teitag_doc *doc, size_t from, size_t to,
                 uint8_t kind, uint8_t *flags, int split_space) {
  size_t i = from, n;
  while (i < to) {
    while (i < to && is_space(doc, i, &n))
      i += n;
    if (i >= to)
      break;
    size_t j = i, end = i;
    while (j < to) {
      if (is_space(doc, j, &n)) {
        if (split_space)
          break;
      } else {
        end = j + n;
      }
      j += n;
    }
    push(v, (uint32_t)i, (uint32_t)end, kind, flags);
    i = j;
  }
}

static size_t lower_bound(const tt_view *v, uint32_t at) {
  size_t lo = 0, hi = v->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (v->toks[mid].start < at)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

void tt_view_build(tt_view *v, const teitag_doc *doc, int split_space) {
  memset(v, 0, sizeof *v);
  size_t nb = 0;
  uint32_t *cuts = tt_xmalloc((2 * doc->n_spans + 1) * sizeof *cuts);
  for (size_t i = 0; i < doc->n_spans; i++) {
    cuts[nb++] = doc->spans[i].start;
    cuts[nb++] = doc->spans[i].end;
  }
  qsort(cuts, nb, sizeof *cuts, cmp_u32);
  size_t ci = 0;
  for (size_t t = 0; t < doc->n_toks; t++) {
    const tt_token *tok = &doc->toks[t];
    uint8_t flags =
        (uint8_t)(((tok->flags & TT_TOK_SENT_START) ? TT_VT_SENT : 0) |
                  ((tok->flags & TT_TOK_PARA_START) ? TT_VT_PARA : 0));
    while (ci < nb && cuts[ci] <= tok->start)
      ci++;
    size_t pos = tok->start;
    for (;;) {
      size_t cut = ci < nb && cuts[ci] < tok->end ? cuts[ci] : tok->end;
      emit(v, doc, pos, cut, tok->kind, &flags, split_space);
      if (cut == tok->end)
        break;
      pos = cut;
      ci++;
    }
  }
  free(cuts);
  size_t ns = doc->n_spans ? doc->n_spans : 1;
  v->first = tt_xmalloc(ns * sizeof *v->first);
  v->last = tt_xmalloc(ns * sizeof *v->last);
  for (size_t i = 0; i < doc->n_spans; i++) {
    size_t a = lower_bound(v, doc->spans[i].start);
    size_t b = lower_bound(v, doc->spans[i].end);
    v->first[i] = (uint32_t)a;
    v->last[i] = (uint32_t)(b > a ? b : a);
    for (size_t k = a + 1; k < b; k++)
      v->toks[k].flags &= (uint8_t)~TT_VT_SENT;
  }
}

void tt_view_free(tt_view *v) {
  free(v->toks);
  free(v->first);
  free(v->last);
  memset(v, 0, sizeof *v);
}
