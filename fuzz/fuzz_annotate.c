/* SPDX-License-Identifier: MIT
 *
 * fuzz_annotate.c -- libFuzzer target: arbitrary bytes through the whole
 * pipeline (decode, segment, tokenize, detect language, annotate, resolve)
 * and every writer.  The first byte picks the options, as cmark's fuzzer
 * does.  Oracle: whenever the library accepts the input, the TEI it writes
 * must be well-formed XML and each <p> must read back as its paragraph.
 */
#include <libxml/parser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "teitag.h"

static teitag_pipeline *pipes[16];

static void silent(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  unsigned pick = data[0];
  data++;
  size--;
  teitag_pipeline *p = pipes[pick & 15];
  if (!p) {
    xmlSetGenericErrorFunc(NULL, silent);
    p = teitag_pipeline_new();
    teitag_pipeline_set_lang(p, (teitag_lang)(pick & 3));
    /* with the rules off too, where the gazetteer alone weighs links */
    teitag_pipeline_set_flags(p, ((pick & 4) ? TEITAG_PIPE_NESTED : 0) |
                                     ((pick & 8) ? TEITAG_PIPE_NO_RULES : 0));
    /* the gazetteer and the name rules that read its candidates, when
     * TEITAG_DATA_DIR points at a compiled default (fuzz/run.sh sets it) */
    teitag_diag gd;
    if (pick & 2)
      (void)teitag_pipeline_use_default_gazetteer(p, &gd);
    pipes[pick & 15] = p;
  }
  teitag_doc *doc;
  teitag_diag diag;
  if (teitag_annotate(p, (const char *)data, size, "fuzz", &doc, &diag) != TEITAG_OK)
    return 0;
  unsigned options = (pick & 16) ? TEITAG_WRITE_TOKENS : 0;
  char *out;
  size_t len;
  if (teitag_render(doc, TEITAG_FORMAT_TEI, options, &out, &len, &diag) != TEITAG_OK)
    abort(); /* an accepted document must always render */
  xmlDocPtr x = xmlReadMemory(out, (int)len, "fuzz.xml", NULL, XML_PARSE_NONET);
  if (!x)
    abort(); /* the TEI must be well-formed */
  xmlFreeDoc(x);
  teitag_free(out);
  for (int f = TEITAG_FORMAT_JSONL; f <= TEITAG_FORMAT_HTML; f++) {
    if (teitag_render(doc, (teitag_format)f, TEITAG_WRITE_EXPLAIN, &out, &len,
                      &diag) != TEITAG_OK)
      abort(); /* every writer takes every accepted document */
    teitag_free(out);
  }
  if (teitag_render(doc, TEITAG_FORMAT_TEI, TEITAG_WRITE_RS, &out, &len, &diag) !=
      TEITAG_OK)
    abort();
  x = xmlReadMemory(out, (int)len, "fuzz.xml", NULL, XML_PARSE_NONET);
  if (!x)
    abort(); /* rs-TEI too */
  xmlFreeDoc(x);
  teitag_free(out);
  teitag_doc_free(doc);
  return 0;
}
