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

static inline int position_cmp(const tt_span *x, const tt_span *y) {
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x->nested < y->nested ? -1 : x->nested > y->nested;
}

static int by_position(const void *a, const void *b) {
  return position_cmp(a, b);
}

/* Sorts a[] from lo on as far as it is nearly in order and returns where
 * that run ends.  A candidate at most a few places out of order is moved
 * back into place: the name rules propose their kinds of name in turns,
 * and cutting a run at each of those small steps back made thousands of
 * runs where there are a few. */
static size_t run_end(tt_span *a, size_t lo, size_t n) {
  size_t i = lo + 1;
  for (; i < n; i++) {
    if (position_cmp(&a[i - 1], &a[i]) <= 0)
      continue;
    size_t floor = i - lo > 8 ? i - 8 : lo, j = i - 1;
    while (j > floor && position_cmp(&a[j - 1], &a[i]) > 0)
      j--;
    if (j > lo && position_cmp(&a[j - 1], &a[i]) > 0)
      break; /* further out of order: the next run begins here */
    tt_span x = a[i];
    memmove(a + j + 1, a + j, (i - j) * sizeof *a);
    a[j] = x;
  }
  return i;
}

/* Merges the runs a[lo, mid) and a[mid, hi) into out[lo, hi), stably. */
static void merge_runs(const tt_span *a, size_t lo, size_t mid, size_t hi,
                       tt_span *out) {
  size_t i = lo, j = mid, o = lo;
  while (i < mid && j < hi)
    out[o++] = position_cmp(&a[j], &a[i]) < 0 ? a[j++] : a[i++];
  memcpy(out + o, a + i, (mid - i) * sizeof *a);
  o += mid - i;
  memcpy(out + o, a + j, (hi - j) * sizeof *a);
}

/* Sorts all candidates by position.  Each annotator proposes nearly in
 * text order, so they arrive as a few runs, and a stable merge of those
 * runs with the comparison inline costs a fraction of qsort's (2.2% of a
 * whole run).  Stable like glibc's qsort, so ties keep their order. */
static void sort_by_position(tt_span *a, size_t n) {
  if (n < 2 || run_end(a, 0, n) == n)
    return;
  tt_span *tmp = tt_xmalloc(n * sizeof *tmp);
  tt_span *src = a, *dst = tmp;
  for (;;) {
    size_t runs = 0;
    for (size_t lo = 0; lo < n; runs++) {
      size_t mid = run_end(src, lo, n);
      size_t hi = mid < n ? run_end(src, mid, n) : n;
      merge_runs(src, lo, mid, hi, dst);
      lo = hi;
    }
    tt_span *t = src;
    src = dst;
    dst = t;
    if (runs == 1)
      break;
  }
  if (src != a)
    memcpy(a, src, n * sizeof *a);
  free(tmp);
}

/* Sorts a cluster.  Nearly every cluster holds one to three candidates,
 * where qsort's set-up and calls through a pointer cost far more than the
 * sorting (2.7% of a whole run).  Both orders are total (`order` is
 * unique), so any correct sort gives the same result. */
static void sort_spans(tt_span *a, size_t n,
                       int (*cmp)(const void *, const void *)) {
  if (n > 8) {
    qsort(a, n, sizeof *a, cmp);
    return;
  }
  for (size_t i = 1; i < n; i++) {
    tt_span x = a[i];
    size_t j = i;
    for (; j > 0 && cmp(&a[j - 1], &x) > 0; j--)
      a[j] = a[j - 1];
    a[j] = x;
  }
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
  sort_spans(c, n, by_priority);
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
    sort_spans(kept, n_kept, by_position);
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
  sort_by_position(doc->spans, n);
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
    if (b - a == 1) { /* nearly every cluster: one candidate, kept */
      doc->spans[out] = doc->spans[a];
      doc->spans[out++].nested = 0;
      a = b;
      continue;
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
