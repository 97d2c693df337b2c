/* SPDX-License-Identifier: MIT
 *
 * fuzz_gaz_source.c -- libFuzzer target: arbitrary bytes as a gazetteer
 * source.  Parses, compiles what parses (inflection included), opens the
 * image and matches a text with it.  Oracle: compiling good rows always
 * yields an image that opens.
 */
#include <stdlib.h>
#include <string.h>

#include "gaz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  tt_gaz_rows rows;
  memset(&rows, 0, sizeof rows);
  tt_gaz_parse(&rows, "fuzz.tsv", (const char *)data, size, NULL, NULL);
  tt_buf image = {NULL, 0, 0};
  if (tt_gaz_compile(&rows, &image, NULL, NULL) == TEITAG_OK) {
    size_t n = image.len;
    unsigned char *bytes = (unsigned char *)tt_buf_steal(&image, NULL);
    tt_gaz *g;
    if (tt_gaz_open_image(bytes, n, 0, "fuzz", &g, NULL) != TEITAG_OK)
      abort(); /* the compiler wrote an image the loader refuses */
    teitag_pipeline *p = teitag_pipeline_new();
    teitag_pipeline_set_flags(p, TEITAG_PIPE_NO_MONEY | TEITAG_PIPE_NO_RULES);
    TT_RESERVE(p->gaz, p->cap_gaz, 1);
    p->gaz[p->n_gaz++] = g;
    /* the rows' own forms are the text to match */
    tt_buf text = {NULL, 0, 0};
    for (size_t i = 0; i < rows.n && i < 64; i++) {
      tt_buf_puts(&text, rows.rows[i].form);
      tt_buf_puts(&text, " і ");
    }
    teitag_doc *doc;
    if (teitag_annotate(p, text.data ? text.data : "", text.len, "t", &doc, NULL) == TEITAG_OK)
      teitag_doc_free(doc);
    tt_buf_free(&text);
    teitag_pipeline_free(p);
  } else {
    tt_buf_free(&image);
  }
  tt_gaz_rows_free(&rows);
  return 0;
}
