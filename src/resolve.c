/* SPDX-License-Identifier: MIT
 *
 * resolve.c -- one winner per stretch of text.
 *
 * Annotators propose candidates freely and may overlap.  The resolver
 * keeps, greedily, the longest candidate, then the more certain, then the
 * one proposed first (annotator order), and drops every candidate that
 * overlaps a kept one.  With nesting on, a candidate wholly inside a kept
 * one survives as a nested name; crossing candidates never do, because XML
 * cannot hold them.  The result is sorted by start, outer spans first.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "private.h"

static int by_priority(const void *a, const void *b) {
  const tt_span *x = a, *y = b;
  uint32_t lx = x->end - x->start, ly = y->end - y->start;
  if (lx != ly)
    return lx > ly ? -1 : 1;
  if (x->cert != y->cert)
    return x->cert > y->cert ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static int by_position(const void *a, const void *b) {
  const tt_span *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x->nested < y->nested ? -1 : x->nested > y->nested;
}

/* Flat mode: kept spans are disjoint, held sorted by start, so overlap with
 * a new candidate needs only its two neighbours. */
static int overlaps_kept(const tt_span *kept, size_t n, const tt_span *c,
                         size_t *pos) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (kept[mid].start < c->start)
      lo = mid + 1;
    else
      hi = mid;
  }
  *pos = lo;
  if (lo < n && kept[lo].start < c->end)
    return 1;
  if (lo > 0 && kept[lo - 1].end > c->start)
    return 1;
  return 0;
}

/* Nested mode: a candidate may sit inside or around kept spans, but may
 * not cross one, and may not repeat the same stretch. */
static int crosses_kept(const tt_span *kept, size_t n, const tt_span *c,
                        int *inside) {
  *inside = 0;
  for (size_t i = 0; i < n; i++) {
    const tt_span *k = &kept[i];
    if (c->end <= k->start || k->end <= c->start)
      continue;
    if (c->start == k->start && c->end == k->end)
      return 1;
    if (k->start <= c->start && c->end <= k->end) {
      *inside = 1;
      continue;
    }
    if (c->start <= k->start && k->end <= c->end)
      continue;
    return 1;
  }
  return 0;
}

/* Resolves one cluster of candidates (n of them, in `c`) into `kept`;
 * returns how many were kept, sorted by position. */
static size_t resolve_cluster(tt_span *c, size_t n, tt_span *kept, int nested) {
  qsort(c, n, sizeof *c, by_priority);
  size_t n_kept = 0;
  for (size_t i = 0; i < n; i++) {
    tt_span s = c[i];
    if (nested) {
      int inside;
      if (crosses_kept(kept, n_kept, &s, &inside))
        continue;
      s.nested = (uint8_t)inside;
      kept[n_kept++] = s;
    } else {
      size_t pos;
      if (overlaps_kept(kept, n_kept, &s, &pos))
        continue;
      memmove(kept + pos + 1, kept + pos, (n_kept - pos) * sizeof *kept);
      s.nested = 0;
      kept[pos] = s;
      n_kept++;
    }
  }
  if (nested)
    qsort(kept, n_kept, sizeof *kept, by_position);
  return n_kept;
}

/* Candidates that do not overlap cannot compete, so the text splits into
 * clusters of overlapping candidates, each resolved on its own: the result
 * is the same as resolving all at once, in time that grows with the size
 * of the largest cluster rather than with the whole document. */
void tt_resolve(teitag_doc *doc, int nested, teitag_cert min_cert) {
  if (doc->tei)
    tt_tei_prune(doc);
  if (doc->n_spans == 0)
    return;
  size_t n = 0;
  for (size_t i = 0; i < doc->n_spans; i++)
    if (doc->spans[i].cert >= min_cert || doc->spans[i].cert == 0)
      doc->spans[n++] = doc->spans[i];
  qsort(doc->spans, n, sizeof *doc->spans, by_position);
  size_t cap = 16, out = 0;
  tt_span *work = tt_xmalloc(cap * sizeof *work);
  tt_span *kept = tt_xmalloc(cap * sizeof *kept);
  for (size_t a = 0; a < n;) {
    size_t b = a + 1;
    uint32_t reach = doc->spans[a].end;
    while (b < n && doc->spans[b].start < reach) {
      if (doc->spans[b].end > reach)
        reach = doc->spans[b].end;
      b++;
    }
    if (b - a > cap) {
      cap = b - a;
      work = tt_xrealloc(work, cap * sizeof *work);
      kept = tt_xrealloc(kept, cap * sizeof *kept);
    }
    memcpy(work, doc->spans + a, (b - a) * sizeof *work);
    size_t k = resolve_cluster(work, b - a, kept, nested);
    memcpy(doc->spans + out, kept, k * sizeof *kept); /* out <= a */
    out += k;
    a = b;
  }
  doc->n_spans = out;
  free(work);
  free(kept);
}

void teitag_doc_resolve(teitag_doc *doc, int nested) {
  if (doc)
    tt_resolve(doc, nested, TEITAG_CERT_NONE);
}
