/* SPDX-License-Identifier: MIT
 *
 * writer.c -- the writer handle: format dispatch, the sink, and rendering
 * into a memory buffer.  Each format lives in its own write_*.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <pthread.h>

#include "writer.h"

static const char *const format_names[] = {"tei",   "jsonl", "brat", "webanno",
                                           "conll", "html",  NULL};

/* libxml2 reports I/O errors by printing them; a library must not print,
 * so its (thread-local) error handlers are silenced while we write and
 * restored afterwards.  Our own status codes carry the error. */
typedef struct {
  xmlGenericErrorFunc generic;
  void *generic_ctx;
  xmlStructuredErrorFunc structured;
  void *structured_ctx;
} quiet_state;

static void silent_generic(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

static void silent_structured(void *ctx, xmlErrorPtr err) {
  (void)ctx;
  (void)err;
}

static void quiet_begin(quiet_state *q) {
  q->generic = xmlGenericError;
  q->generic_ctx = xmlGenericErrorContext;
  q->structured = xmlStructuredError;
  q->structured_ctx = xmlStructuredErrorContext;
  xmlSetGenericErrorFunc(NULL, silent_generic);
  xmlSetStructuredErrorFunc(NULL, silent_structured);
}

static void quiet_end(const quiet_state *q) {
  xmlSetGenericErrorFunc(q->generic_ctx, q->generic);
  xmlSetStructuredErrorFunc(q->structured_ctx, q->structured);
}

/* libxml2 (2.9) sets up its encoding handlers lazily, and two threads
 * that write their first document at once race in that set-up (leaks, or
 * worse).  xmlInitParser() does it once; teitag_pipeline_new() calls this,
 * which a program does before it starts threads. */
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void init_xml(void) { xmlInitParser(); }

void tt_writers_init(void) { pthread_once(&xml_once, init_xml); }

int teitag_format_from_name(const char *name) {
  for (int i = 0; name && format_names[i]; i++)
    if (strcmp(name, format_names[i]) == 0)
      return i;
  return -1;
}

teitag_status tt_writer_flush(teitag_writer *w, size_t threshold,
                              teitag_diag *diag) {
  if (w->scratch.len <= threshold && threshold)
    return TEITAG_OK;
  int rc = tt_writer_emit(w, w->scratch.data, w->scratch.len);
  tt_buf_clear(&w->scratch);
  if (rc != 0)
    return tt_fail(diag, TEITAG_EWRITE, 0, 0, TT_NO_OFFSET,
                   "the output refused data (disk full or pipe closed?)");
  return TEITAG_OK;
}

size_t tt_cp_count(const char *text, size_t from, size_t to) {
  return tt_utf8_count(text + from, to - from);
}

int tt_writer_emit(teitag_writer *w, const char *data, size_t len) {
  if (w->failed)
    return -1;
  if (len && w->sink(w->ctx, data, len) != 0) {
    w->failed = 1;
    return -1;
  }
  return 0;
}

teitag_status teitag_writer_new(teitag_format format, unsigned options,
                                teitag_sink_fn sink, void *ctx,
                                teitag_writer **out) {
  if (!out)
    return TEITAG_EARG;
  *out = NULL;
  tt_writers_init();
  if (!sink || (unsigned)format > TEITAG_FORMAT_HTML)
    return TEITAG_EARG;
  teitag_writer *w = tt_xcalloc(1, sizeof *w);
  w->format = format;
  w->options = options;
  w->sink = sink;
  w->ctx = ctx;
  *out = w;
  return TEITAG_OK;
}

static teitag_status dispatch(teitag_writer *w, const teitag_doc *doc,
                              teitag_diag *diag) {
  switch (w->format) {
  case TEITAG_FORMAT_TEI:
    if (doc->tei) {
      w->from_tei = 1;
      return tt_tei_in_write(w, doc, diag);
    }
    return tt_tei_write(w, doc, diag);
  case TEITAG_FORMAT_JSONL: return tt_jsonl_write(w, doc, diag);
  case TEITAG_FORMAT_BRAT: return tt_brat_write(w, doc, diag);
  case TEITAG_FORMAT_WEBANNO: return tt_webanno_write(w, doc, diag);
  case TEITAG_FORMAT_CONLL: return tt_conll_write(w, doc, diag);
  case TEITAG_FORMAT_HTML: return tt_html_write(w, doc, diag);
  }
  return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET, "unknown format");
}

teitag_status teitag_writer_write(teitag_writer *w, const teitag_doc *doc,
                                  teitag_diag *diag) {
  tt_diag_clear(diag);
  if (!w || !doc)
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET, "NULL argument");
  if (w->finished)
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET,
                   "the writer is already finished");
  if (w->failed)
    return tt_fail(diag, TEITAG_EWRITE, 0, 0, TT_NO_OFFSET,
                   "an earlier write to the output failed");
  if (w->n_docs && (w->format == TEITAG_FORMAT_BRAT ||
                    w->format == TEITAG_FORMAT_WEBANNO ||
                    (w->format == TEITAG_FORMAT_TEI && (w->from_tei || doc->tei))))
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET,
                   "this output holds one document; use one writer per "
                   "document");
  quiet_state q;
  quiet_begin(&q);
  teitag_status st = dispatch(w, doc, diag);
  quiet_end(&q);
  w->n_docs++;
  return st;
}

void tt_writer_end_input(teitag_writer *w) {
  if (w->format == TEITAG_FORMAT_JSONL && w->line_open) {
    tt_writer_emit(w, "]}\n", 3);
    w->line_open = 0;
  }
}

teitag_status teitag_writer_finish(teitag_writer *w, teitag_diag *diag) {
  tt_diag_clear(diag);
  if (!w)
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET, "NULL argument");
  if (w->finished)
    return TEITAG_OK;
  tt_writer_end_input(w);
  w->finished = 1;
  if (w->failed)
    return tt_fail(diag, TEITAG_EWRITE, 0, 0, TT_NO_OFFSET,
                   "an earlier write to the output failed");
  if (w->format == TEITAG_FORMAT_HTML)
    return tt_html_finish(w, diag);
  if (w->format != TEITAG_FORMAT_TEI || w->from_tei)
    return TEITAG_OK;
  quiet_state q;
  quiet_begin(&q);
  teitag_status st = tt_tei_finish(w, diag);
  quiet_end(&q);
  return st;
}

void teitag_writer_free(teitag_writer *w) {
  if (!w)
    return;
  quiet_state q;
  quiet_begin(&q);
  tt_tei_free(w);
  quiet_end(&q);
  tt_buf_free(&w->scratch);
  free(w);
}

static int buf_sink(void *ctx, const char *data, size_t len) {
  tt_buf_put(ctx, data, len);
  return 0;
}

teitag_status teitag_render(const teitag_doc *doc, teitag_format format,
                            unsigned options, char **out, size_t *out_len,
                            teitag_diag *diag) {
  tt_diag_clear(diag);
  if (!out)
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET, "NULL argument");
  *out = NULL;
  tt_buf buf = {NULL, 0, 0};
  teitag_writer *w;
  teitag_status st = teitag_writer_new(format, options, buf_sink, &buf, &w);
  if (st != TEITAG_OK)
    return tt_fail(diag, st, 0, 0, TT_NO_OFFSET, "unknown output format");
  st = teitag_writer_write(w, doc, diag);
  if (st == TEITAG_OK)
    st = teitag_writer_finish(w, diag);
  teitag_writer_free(w);
  if (st != TEITAG_OK) {
    tt_buf_free(&buf);
    return st;
  }
  *out = tt_buf_steal(&buf, out_len);
  return TEITAG_OK;
}
