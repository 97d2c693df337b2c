/* SPDX-License-Identifier: MIT
 *
 * fuzz_gaz_image.c -- libFuzzer target: arbitrary bytes as a compiled
 * gazetteer (seeded with real compiled files, which the fuzzer damages).
 * A corrupt file must be refused or detected at lookup, never trusted:
 * any crash or out-of-bounds read is a bug.  Checksums catch accidental
 * damage but not a crafted file, so inputs whose last byte is even (as a
 * compiled file's zero padding is) get their size and checksums resealed
 * first: the reader's own bounds checks must then hold on their own.
 */
#include <stddef.h>
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

/* Makes the block and header checksums agree with the bytes, as the
 * compiler would, wherever the header's block table lies within the file. */
static void reseal(unsigned char *p, size_t size) {
  tt_gz_header h;
  if (size < sizeof h)
    return;
  memcpy(&h, p, sizeof h);
  h.file_size = size;
  memcpy(p, &h, sizeof h);
  if (h.block_size != TT_GAZ_BLOCK || h.blocks_off > size ||
      h.n_blocks > (size - h.blocks_off) / 8 || h.payload_off > size)
    return;
  for (uint32_t b = 0; b < h.n_blocks; b++) {
    uint64_t off = h.payload_off + (uint64_t)b * TT_GAZ_BLOCK;
    if (off >= size)
      break;
    size_t len = size - off < TT_GAZ_BLOCK ? (size_t)(size - off) : TT_GAZ_BLOCK;
    uint64_t sum = tt_gz_checksum(p + off, len);
    memcpy(p + h.blocks_off + (size_t)b * 8, &sum, 8);
  }
  uint64_t hs = tt_gz_checksum(p, offsetof(tt_gz_header, header_checksum)) ^
                tt_gz_checksum(p + h.blocks_off, (size_t)h.n_blocks * 8);
  memcpy(p + offsetof(tt_gz_header, header_checksum), &hs, 8);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  unsigned char *copy = malloc(size ? size : 1);
  memcpy(copy, data, size);
  if (size && data[size - 1] % 2 == 0)
    reseal(copy, size);
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
