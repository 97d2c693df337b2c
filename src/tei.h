/* SPDX-License-Identifier: MIT
 *
 * tei.h -- what the TEI reader (read_tei.c), the placement of entities in a
 * tree (tei_place.c) and the TEI-in writer (write_tei_in.c) share.
 *
 * A document read from TEI keeps its parsed tree.  Every node below the
 * root element has an ordinal (its position in document order, stored
 * plus one in the node's _private field), so that a copy of the tree made
 * at write time can be matched node for node with the original.  Each
 * text node that contributes to the document text is a segment: a byte
 * range of doc->text and the ordinal of its node.  Nothing here is
 * installed.
 */
#ifndef TEITAG_TEI_H
#define TEITAG_TEI_H

#include <libxml/tree.h>

#include "private.h"

#define TT_TEI_NS "http://www.tei-c.org/ns/1.0"

/* What an element (by ordinal) is to the reader. */
enum {
  TT_NODE_BLOCK = 1u << 0, /* p, head, note, ...: a unit of text */
  TT_NODE_ROOT = 1u << 1,  /* the element that opened a block */
  TT_NODE_TOKEN = 1u << 2, /* w, pc, c, mw: wrapped whole, never entered */
  TT_NODE_NAME = 1u << 3,  /* a name already there: never entered or wrapped */
  TT_NODE_OPAQUE = 1u << 4 /* not read (other namespaces, choice, fw, ...) */
};

/* One text node's share of doc->text. */
typedef struct tt_tei_seg {
  uint32_t start, len; /* bytes of doc->text */
  uint32_t node;       /* ordinal of the text (or CDATA) node */
} tt_tei_seg;

typedef struct tt_tei_src {
  xmlDocPtr xml;
  size_t n_nodes;
  uint8_t *node_flags; /* TT_NODE_* per ordinal */
  xmlNodePtr *nodes;   /* per ordinal, in `xml` */
  tt_tei_seg *segs;    /* sorted by start, disjoint */
  size_t n_segs;
  uint32_t *guard; /* sorted disjoint [start, end) pairs covered by the
                      names already in the input: no new entity may
                      touch them */
  size_t n_guard;
  uint32_t fixed_source; /* doc->strs offset of the `source` of input names */
  char **ids;            /* open-addressing set of the xml:id values */
  size_t n_ids, ids_cap;
} tt_tei_src;

/* Numbers every node below `root` in document order, storing ordinal + 1
 * in _private and the node in nodes[] (when not NULL).  Returns the count;
 * the same tree shape always gives the same numbering. */
size_t tt_tei_number(xmlNodePtr root, xmlNodePtr *nodes);

/* Is the xml:id `id` used in the source document? */
int tt_tei_has_id(const tt_tei_src *src, const char *id);

/* ---- placing an entity in the tree (tei_place.c) ---------------------- */

/* A piece of a text node after splits: each segment starts as one piece,
 * and splitting a piece appends the tail and chains it after the head. */
typedef struct tt_tei_piece {
  uint32_t start, len;
  xmlNodePtr node;
  int32_t next; /* index of the next piece of the same segment, or -1 */
} tt_tei_piece;

typedef struct tt_tei_map {
  const tt_tei_src *src;
  tt_tei_piece *pieces;
  size_t n, cap;
} tt_tei_map;

/* Where an entity over [start, end) goes: it wraps the siblings
 * first..last of `parent`, after splitting the text node `first` at
 * `first_off` (when > 0) and `last` at `last_off` (when short of its
 * end). */
typedef struct tt_tei_plan {
  xmlNodePtr parent, first, last;
  int32_t first_piece, last_piece;
  uint32_t first_off, last_off;
  int split_first, split_last;
} tt_tei_plan;

/* Starts a map over the tree whose nodes by ordinal are nodes[]. */
void tt_tei_map_init(tt_tei_map *m, const tt_tei_src *src, xmlNodePtr *nodes);
void tt_tei_map_free(tt_tei_map *m);
/* Finds where [start, end) can be wrapped without crossing an element,
 * entering a token or a name, or wrapping a block or a name.  Returns 1
 * and fills `plan`, or 0. */
int tt_tei_plan_span(const tt_tei_map *m, uint32_t start, uint32_t end,
                     tt_tei_plan *plan);
/* Carries out `plan`, making `elem` (a new, unlinked element) the parent
 * of the wrapped nodes; the map follows the splits. */
void tt_tei_apply(tt_tei_map *m, const tt_tei_plan *plan, xmlNodePtr elem);
/* Does [start, end) touch a name that was in the input? */
int tt_tei_guarded(const tt_tei_src *src, uint32_t start, uint32_t end);

#endif
