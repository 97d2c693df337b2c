/* SPDX-License-Identifier: MIT
 *
 * fuzz_gaz_image.c -- libFuzzer target: arbitrary bytes as a compiled
 * gazetteer (seeded with real compiled files, which the fuzzer damages).
 * A corrupt file must be refused or detected at lookup, never trusted:
 * any crash or out-of-bounds read is a bug.
 */
#include <stdlib.h>
#include <string.h>

#include "gaz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char text[] =
    "Kyiv and Kiev, the US and NATO; Києва, Москві, Путіним, Центрального "
    "банку Росії, Верховної Ради України. KYIV";

static int on_match(void *ctx, const teitag_gazetteer_match *m) {
  (void)ctx;
  return m->ref[0] == '\x01'; /* read the strings */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  unsigned char *copy = malloc(size ? size : 1);
  memcpy(copy, data, size);
  tt_gaz *g;
  if (tt_gaz_open_image(copy, size, 0, "fuzz.gaz", &g, NULL) != TEITAG_OK) {
    free(copy);
    return 0;
  }
  teitag_pipeline *p = teitag_pipeline_new();
  teitag_pipeline_set_flags(p, TEITAG_PIPE_NO_MONEY | TEITAG_PIPE_NO_RULES);
  TT_RESERVE(p->gaz, p->cap_gaz, 1);
  p->gaz[p->n_gaz++] = g;
  teitag_doc *doc;
  if (teitag_annotate(p, text, sizeof text - 1, "t", &doc, NULL) == TEITAG_OK) {
    char *out;
    size_t len;
    if (teitag_render(doc, TEITAG_FORMAT_TEI, 0, &out, &len, NULL) == TEITAG_OK)
      teitag_free(out);
    teitag_doc_free(doc);
  }
  teitag_gazetteer_lookup(p, text, sizeof text - 1, on_match, NULL, NULL);
  const char *norms[4];
  tt_pipeline_entity_norms(p, "Q1899", norms);
  teitag_pipeline_free(p);
  return 0;
}
