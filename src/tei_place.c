/* SPDX-License-Identifier: MIT
 *
 * tei_place.c -- where a new entity goes in an existing TEI tree.
 *
 * An entity over a stretch of the document text becomes an element that
 * wraps a run of siblings: the text it starts in is split when the entity
 * starts inside it, and when it starts at the very beginning of an inline
 * element (a <w> token, a <hi>), the start is lifted out of that element so
 * that the entity wraps it whole; the same goes for the end.  The entity
 * goes under the deepest parent the two ends share, provided that parent
 * may hold it (not a token, not a name) and that nothing between the ends
 * is a block, a name or an unread element.  If no such parent exists the
 * entity would cross an element boundary and is not placed.  The same code
 * answers "can it be placed?" while annotating (on the parsed tree) and
 * places it while writing (on a copy), so the two never disagree.  Text
 * nodes are split and elements linked by hand, because libxml2's own
 * sibling functions merge adjacent text nodes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tei.h"

/* An element an entity may not be lifted out of, and one it may not be
 * put inside, and one it may not contain. */
#define NO_LIFT (TT_NODE_BLOCK | TT_NODE_ROOT | TT_NODE_NAME | TT_NODE_OPAQUE)
#define NO_INSIDE (TT_NODE_TOKEN | TT_NODE_NAME | TT_NODE_OPAQUE)
#define NO_WRAP (TT_NODE_BLOCK | TT_NODE_ROOT | TT_NODE_NAME | TT_NODE_OPAQUE)

/* Deepest nesting followed while lifting an end out of inline elements. */
#define MAX_LIFT 32

static unsigned flags_of(const tt_tei_src *src, xmlNodePtr n) {
  uintptr_t ord = (uintptr_t)n->_private;
  return ord && ord <= src->n_nodes ? src->node_flags[ord - 1] : 0;
}

void tt_tei_map_init(tt_tei_map *m, const tt_tei_src *src, xmlNodePtr *nodes) {
  m->src = src;
  m->n = src->n_segs;
  m->cap = src->n_segs + 16;
  m->pieces = tt_xmalloc(m->cap * sizeof *m->pieces);
  for (size_t i = 0; i < src->n_segs; i++) {
    m->pieces[i].start = src->segs[i].start;
    m->pieces[i].len = src->segs[i].len;
    m->pieces[i].node = nodes[src->segs[i].node];
    m->pieces[i].next = -1;
  }
}

void tt_tei_map_free(tt_tei_map *m) {
  free(m->pieces);
  m->pieces = NULL;
  m->n = m->cap = 0;
}

/* The piece holding byte `at`, or -1 when `at` is in no text node (a
 * separator between blocks or for a milestone element). */
static int32_t lookup(const tt_tei_map *m, uint32_t at) {
  const tt_tei_seg *segs = m->src->segs;
  size_t lo = 0, hi = m->src->n_segs;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (segs[mid].start + segs[mid].len <= at)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == m->src->n_segs || segs[lo].start > at)
    return -1;
  int32_t p = (int32_t)lo;
  while (m->pieces[p].next >= 0 && at >= m->pieces[m->pieces[p].next].start)
    p = m->pieces[p].next;
  return p;
}

int tt_tei_guarded(const tt_tei_src *src, uint32_t start, uint32_t end) {
  size_t lo = 0, hi = src->n_guard;
  while (lo < hi) { /* first guard that ends after start */
    size_t mid = (lo + hi) / 2;
    if (src->guard[2 * mid + 1] <= start)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < src->n_guard && src->guard[2 * lo] < end;
}

/* The (parent, child) pairs an end point can be described by, innermost
 * first: the text node itself, then each inline element it opens (start)
 * or closes (end) exactly.  `edge` says whether the point is at the edge
 * of the text node, which is the only way it can be lifted. */
static size_t chain(const tt_tei_src *src, xmlNodePtr node, int edge,
                    int at_start, xmlNodePtr parents[], xmlNodePtr kids[]) {
  size_t n = 0;
  xmlNodePtr child = node, parent = node->parent;
  while (parent && n < MAX_LIFT) {
    parents[n] = parent;
    kids[n] = child;
    n++;
    if (!edge || parent->type != XML_ELEMENT_NODE ||
        (flags_of(src, parent) & NO_LIFT) ||
        (at_start ? child->prev != NULL : child->next != NULL))
      break;
    child = parent;
    parent = parent->parent;
  }
  return n;
}

/* May `n` (and everything inside it) be wrapped by an entity? */
static int wrappable(const tt_tei_src *src, xmlNodePtr n) {
  if (n->type != XML_ELEMENT_NODE)
    return 1;
  if (flags_of(src, n) & NO_WRAP)
    return 0;
  /* Walk the subtree without recursion: it may be deep. */
  xmlNodePtr cur = n->children;
  while (cur && cur != n) {
    if (cur->type == XML_ELEMENT_NODE && (flags_of(src, cur) & NO_WRAP))
      return 0;
    if (cur->type == XML_ELEMENT_NODE && cur->children) {
      cur = cur->children;
      continue;
    }
    while (cur != n && !cur->next)
      cur = cur->parent;
    if (cur != n)
      cur = cur->next;
  }
  return 1;
}

int tt_tei_plan_span(const tt_tei_map *m, uint32_t start, uint32_t end,
                     tt_tei_plan *plan) {
  if (start >= end)
    return 0;
  int32_t pa = lookup(m, start), pb = lookup(m, end - 1);
  if (pa < 0 || pb < 0)
    return 0;
  const tt_tei_piece *a = &m->pieces[pa], *b = &m->pieces[pb];
  uint32_t off_a = start - a->start, off_b = end - b->start;
  int split_a = off_a > 0, split_b = off_b < b->len;
  /* A CDATA section is kept whole. */
  if ((split_a && a->node->type == XML_CDATA_SECTION_NODE) ||
      (split_b && b->node->type == XML_CDATA_SECTION_NODE))
    return 0;
  xmlNodePtr ps[MAX_LIFT], ks[MAX_LIFT], pe[MAX_LIFT], ke[MAX_LIFT];
  size_t ns = chain(m->src, a->node, !split_a, 1, ps, ks);
  size_t ne = chain(m->src, b->node, !split_b, 0, pe, ke);
  for (size_t i = 0; i < ns; i++) {
    if (ps[i]->type != XML_ELEMENT_NODE ||
        (flags_of(m->src, ps[i]) & NO_INSIDE))
      continue;
    for (size_t j = 0; j < ne; j++) {
      if (pe[j] != ps[i])
        continue;
      /* The run of siblings ks[i]..ke[j], in order, all wrappable. */
      xmlNodePtr cur = ks[i];
      for (; cur; cur = cur->next) {
        if (!wrappable(m->src, cur))
          return 0;
        if (cur == ke[j])
          break;
      }
      if (!cur)
        return 0;
      plan->parent = ps[i];
      plan->first = ks[i];
      plan->last = ke[j];
      plan->first_piece = pa;
      plan->last_piece = pb;
      plan->first_off = off_a;
      plan->last_off = off_b;
      plan->split_first = split_a;
      plan->split_last = split_b;
      return 1;
    }
  }
  return 0;
}

/* Splits the text node of piece `p` at byte `off` of the piece; returns the
 * new tail node, linked right after the head. */
static xmlNodePtr split(tt_tei_map *m, int32_t p, uint32_t off) {
  xmlNodePtr head = m->pieces[p].node;
  const xmlChar *content = head->content;
  xmlNodePtr tail = tt_xcheck(xmlNewDocTextLen(head->doc, content + off,
                                               (int)(m->pieces[p].len - off)));
  xmlChar *front = tt_xcheck(xmlStrndup(content, (int)off));
  xmlNodeSetContent(head, NULL);
  head->content = front;
  tail->parent = head->parent;
  tail->prev = head;
  tail->next = head->next;
  if (head->next)
    head->next->prev = tail;
  else if (head->parent)
    head->parent->last = tail;
  head->next = tail;
  TT_RESERVE(m->pieces, m->cap, m->n + 1);
  tt_tei_piece *q = &m->pieces[m->n];
  q->start = m->pieces[p].start + off;
  q->len = m->pieces[p].len - off;
  q->node = tail;
  q->next = m->pieces[p].next;
  m->pieces[p].len = off;
  m->pieces[p].next = (int32_t)m->n;
  m->n++;
  return tail;
}

void tt_tei_apply(tt_tei_map *m, const tt_tei_plan *plan, xmlNodePtr elem) {
  xmlNodePtr first = plan->first, last = plan->last;
  /* The end first: splitting it leaves the head where the start is. */
  if (plan->split_last)
    split(m, plan->last_piece, plan->last_off);
  if (plan->split_first) {
    xmlNodePtr tail = split(m, plan->first_piece, plan->first_off);
    if (last == first)
      last = tail;
    first = tail;
  }
  xmlNodePtr parent = plan->parent;
  elem->parent = parent;
  elem->doc = parent->doc;
  elem->prev = first->prev;
  elem->next = last->next;
  if (first->prev)
    first->prev->next = elem;
  else
    parent->children = elem;
  if (last->next)
    last->next->prev = elem;
  else
    parent->last = elem;
  first->prev = NULL;
  last->next = NULL;
  elem->children = first;
  elem->last = last;
  for (xmlNodePtr c = first; c; c = c->next)
    c->parent = elem;
}
