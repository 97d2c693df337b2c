/* SPDX-License-Identifier: MIT
 *
 * writer.h -- what the output writers share: the writer handle, its sink,
 * and the registry of linked entities that becomes TEI's <standOff>.
 * Writers only read documents; they never decide what an entity is.
 */
#ifndef TEITAG_WRITER_H
#define TEITAG_WRITER_H

#include <libxml/xmlwriter.h>

#include "private.h"

/* One linked entity seen in the output, for the standOff lists. */
typedef struct tt_entity {
  char *ref;
  uint8_t type;
  char *norm[TEITAG_LANG_RU + 1]; /* dictionary form per language, or NULL */
  int looked_up;                  /* the gazetteers were asked for names */
} tt_entity;

/* ---- view.c: the tokens that token-based formats write ---------------- */

/* A token as written: a token of the document, cut where an entity starts
 * or ends inside it (so every entity covers whole tokens) and, on request,
 * at white space inside it ("1 000"). */
typedef struct tt_vtok {
  uint32_t start, end; /* bytes */
  uint8_t kind;        /* teitag_token_kind of the token it comes from */
  uint8_t flags;       /* TT_VT_* */
} tt_vtok;

enum {
  TT_VT_SENT = 1u << 0, /* first token of a sentence (never inside an entity) */
  TT_VT_PARA = 1u << 1  /* first token of a paragraph */
};

typedef struct tt_view {
  tt_vtok *toks;
  size_t n, cap;
  uint32_t *first, *last; /* per span of the document: tokens [first, last) */
} tt_view;

/* Builds the view of `doc`; a sentence that ends inside an entity is
 * joined to the next.  Free it with tt_view_free(). */
void tt_view_build(tt_view *v, const teitag_doc *doc, int split_space);
void tt_view_free(tt_view *v);

struct teitag_writer {
  teitag_format format;
  unsigned options;
  teitag_sink_fn sink;
  void *ctx;
  int failed;   /* the sink refused data: every later call fails */
  int started;  /* TEI: the header has been written */
  int finished;
  int from_tei; /* TEI: the document came from teitag_doc_from_tei() */
  size_t n_docs;
  size_t n_paras; /* TEI: paragraphs written so far */
  teitag_lang root_lang; /* TEI: the xml:lang of the root element */
  int p_open;     /* TEI: a part ended inside a paragraph: its <p> is open */
  int line_open;  /* JSONL: a line of a streamed input is not closed yet */
  size_t line_entities; /* JSONL: entities written on the open line */

  /* TEI */
  xmlOutputBufferPtr xout;
  xmlTextWriterPtr xw;
  tt_entity *entities;
  size_t n_entities, cap_entities;
  uint32_t *entity_index; /* open-addressing table of entity numbers + 1 */
  size_t index_cap;

  tt_buf scratch;
};

/* Passes bytes to the sink; returns 0 or -1 (and marks the writer failed). */
int tt_writer_emit(teitag_writer *w, const char *data, size_t len);

/* Ends the output of one streamed input (stream.c): closes a JSONL line
 * that its parts left open.  TEI needs nothing: finish closes it. */
void tt_writer_end_input(teitag_writer *w);

teitag_status tt_tei_write(teitag_writer *w, const teitag_doc *doc,
                           teitag_diag *diag);
teitag_status tt_tei_finish(teitag_writer *w, teitag_diag *diag);
void tt_tei_free(teitag_writer *w);

teitag_status tt_jsonl_write(teitag_writer *w, const teitag_doc *doc,
                             teitag_diag *diag);
teitag_status tt_tei_in_write(teitag_writer *w, const teitag_doc *doc,
                              teitag_diag *diag);
teitag_status tt_brat_write(teitag_writer *w, const teitag_doc *doc,
                            teitag_diag *diag);
teitag_status tt_webanno_write(teitag_writer *w, const teitag_doc *doc,
                               teitag_diag *diag);
teitag_status tt_conll_write(teitag_writer *w, const teitag_doc *doc,
                             teitag_diag *diag);
teitag_status tt_html_write(teitag_writer *w, const teitag_doc *doc,
                            teitag_diag *diag);
teitag_status tt_html_finish(teitag_writer *w, teitag_diag *diag);

/* Hands w->scratch to the sink when it holds more than `threshold` bytes
 * (0: always) and clears it; TEITAG_EWRITE with a message on failure. */
teitag_status tt_writer_flush(teitag_writer *w, size_t threshold,
                              teitag_diag *diag);
/* Appends a code point count: the code points of [from, to) of text. */
size_t tt_cp_count(const char *text, size_t from, size_t to);

#endif
