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
} tt_entity;

struct teitag_writer {
  teitag_format format;
  unsigned options;
  teitag_sink_fn sink;
  void *ctx;
  int failed;   /* the sink refused data: every later call fails */
  int started;  /* TEI: the header has been written */
  int finished;
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

#endif
