/* SPDX-License-Identifier: MIT
 *
 * fuzz_stream.c -- libFuzzer target: arbitrary bytes through teitag_stream
 * with the smallest part size, fed in blocks whose size the first byte
 * picks, so that parts, paragraph cuts, cuts inside long paragraphs and
 * encoding detection on a prefix are all exercised.  Oracles: an accepted
 * input gives well-formed TEI with a single root, and the JSONL output of
 * the same input is exactly one line.
 */
#include <libxml/parser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "teitag.h"

static teitag_pipeline *pipe_;

typedef struct {
  char *data;
  size_t len, cap;
} sink_buf;

static int sink(void *ctx, const char *data, size_t len) {
  sink_buf *b = ctx;
  if (b->len + len + 1 > b->cap) {
    b->cap = (b->len + len + 1) * 2;
    b->data = realloc(b->data, b->cap);
    if (!b->data)
      abort();
  }
  memcpy(b->data + b->len, data, len);
  b->len += len;
  return 0;
}

static void silent(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

/* Streams data into `out`; returns 1 when the stream accepted it. */
static int run(const uint8_t *data, size_t size, size_t block,
               teitag_format fmt, sink_buf *out) {
  teitag_writer *w;
  teitag_writer_new(fmt, 0, sink, out, &w);
  teitag_stream *s;
  teitag_stream_new(pipe_, "fuzz", w, &s);
  teitag_stream_set_part_size(s, 4096);
  teitag_diag diag;
  teitag_status st = TEITAG_OK;
  for (size_t at = 0; at < size && st == TEITAG_OK; at += block)
    st = teitag_stream_feed(s, (const char *)data + at,
                            size - at < block ? size - at : block, &diag);
  if (st == TEITAG_OK)
    st = teitag_stream_finish(s, &diag);
  teitag_stream_free(s);
  if (st == TEITAG_OK)
    st = teitag_writer_finish(w, &diag);
  teitag_writer_free(w);
  return st == TEITAG_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  size_t block = 1 + (size_t)data[0] * 37;
  data++;
  size--;
  if (!pipe_) {
    pipe_ = teitag_pipeline_new();
    xmlSetGenericErrorFunc(NULL, silent);
  }
  sink_buf tei = {NULL, 0, 0}, jsonl = {NULL, 0, 0};
  int ok = run(data, size, block, TEITAG_FORMAT_TEI, &tei);
  int ok2 = run(data, size, block, TEITAG_FORMAT_JSONL, &jsonl);
  if (ok != ok2)
    abort(); /* the output format cannot change what input is accepted */
  if (ok) {
    xmlDocPtr doc = xmlReadMemory(tei.data, (int)tei.len, "fuzz.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_HUGE |
                                      XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
      abort(); /* accepted input must give well-formed TEI */
    xmlFreeDoc(doc);
    if (jsonl.len == 0 || jsonl.data[jsonl.len - 1] != '\n' ||
        memchr(jsonl.data, '\n', jsonl.len) != jsonl.data + jsonl.len - 1)
      abort(); /* one input, one JSONL line */
  }
  free(tei.data);
  free(jsonl.data);
  return 0;
}
