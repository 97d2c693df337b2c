/* SPDX-License-Identifier: MIT
 *
 * fuzz_tei.c -- libFuzzer target: arbitrary bytes as a TEI document through
 * teitag_doc_from_tei(), an annotator that proposes entities everywhere
 * (single tokens, token pairs that often cross markup, money), and every
 * writer.  The first byte picks the options.  Oracles: an accepted
 * document always renders; its TEI is well-formed; read back and written
 * again it is the same document, byte for byte (nothing added twice,
 * nothing placed differently); refusals carry a message.
 */
#include <libxml/parser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "teitag.h"

static teitag_pipeline *pipes[4];

static void silent(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

/* Proposes a place for every capitalised token, an organisation for every
 * pair of tokens starting at a multiple of 3, money for every number. */
static teitag_status everywhere(teitag_doc *doc, void *ctx, teitag_diag *diag) {
  (void)ctx;
  size_t n = teitag_doc_n_tokens(doc);
  for (size_t i = 0; i < n; i++) {
    teitag_token t, u;
    teitag_doc_token(doc, i, &t);
    teitag_span sp;
    memset(&sp, 0, sizeof sp);
    sp.cert = TEITAG_CERT_LOW;
    sp.start = t.start;
    sp.end = t.end;
    if (t.kind == TEITAG_TOKEN_NUMBER) {
      sp.type = TEITAG_TYPE_MONEY;
      sp.amount = (i & 1) ? "12.5" : NULL;
      sp.amount_min = "1";
      sp.amount_max = "2";
      sp.currency = "EUR";
      teitag_doc_add_span(doc, &sp, diag);
    } else if (t.letter_case == TEITAG_CASE_TITLE ||
               t.letter_case == TEITAG_CASE_UPPER) {
      sp.type = TEITAG_TYPE_LOC;
      sp.ref = (i & 1) ? "Q1899" : NULL;
      sp.norm = (i & 2) ? "Ки\xD1\x97в" : NULL;
      teitag_doc_add_span(doc, &sp, diag);
    }
    if (i % 3 == 0 && teitag_doc_token(doc, i + 1, &u)) {
      sp.type = TEITAG_TYPE_ORG;
      sp.end = u.end;
      sp.ref = "org-x";
      sp.amount = sp.amount_min = sp.amount_max = sp.currency = NULL;
      teitag_doc_add_span(doc, &sp, diag); /* may cross paragraphs: refused */
    }
  }
  return TEITAG_OK;
}

static teitag_pipeline *pipeline(unsigned pick) {
  teitag_pipeline **p = &pipes[pick & 3];
  if (!*p) {
    xmlSetGenericErrorFunc(NULL, silent);
    *p = teitag_pipeline_new();
    teitag_pipeline_set_flags(*p, (pick & 1) ? TEITAG_PIPE_NESTED : 0);
    if (pick & 2)
      teitag_pipeline_set_lang(*p, TEITAG_LANG_UK);
    teitag_pipeline_add_annotator(*p, everywhere, NULL);
  }
  return *p;
}

/* Reads TEI and annotates it; NULL when refused (with a message). */
static teitag_doc *read_tei(teitag_pipeline *p, const char *data, size_t size,
                            teitag_diag *diag) {
  teitag_doc *doc;
  if (teitag_doc_from_tei(p, data, size, "fuzz.xml", &doc, diag) != TEITAG_OK) {
    if (!diag->message[0])
      abort(); /* a refusal must say why */
    return NULL;
  }
  if (teitag_doc_annotate(p, doc, diag) != TEITAG_OK)
    abort(); /* the annotator never fails */
  return doc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  unsigned pick = data[0];
  teitag_pipeline *p = pipeline(pick);
  teitag_diag diag;
  teitag_doc *doc = read_tei(p, (const char *)data + 1, size - 1, &diag);
  if (!doc)
    return 0;
  unsigned options = (pick & 4) ? TEITAG_WRITE_RS : 0;
  char *out;
  size_t len;
  if (teitag_render(doc, TEITAG_FORMAT_TEI, options, &out, &len, &diag) != TEITAG_OK)
    abort(); /* an accepted document must always render */
  xmlDocPtr x = xmlReadMemory(out, (int)len, "out.xml", NULL, XML_PARSE_NONET);
  if (!x)
    abort(); /* the TEI must be well-formed */
  xmlFreeDoc(x);
  /* Read back and written again: the same bytes. */
  teitag_doc *again = read_tei(p, out, len, &diag);
  if (!again && !strstr(diag.message, "depth"))
    abort(); /* our own output must read back (unless nested too deep) */
  if (again) {
    char *out2;
    size_t len2;
    if (teitag_render(again, TEITAG_FORMAT_TEI, options, &out2, &len2, &diag) !=
            TEITAG_OK ||
        len2 != len || memcmp(out, out2, len) != 0)
      abort();
    teitag_free(out2);
    teitag_doc_free(again);
  }
  teitag_free(out);
  for (int f = TEITAG_FORMAT_JSONL; f <= TEITAG_FORMAT_HTML; f++) {
    if (teitag_render(doc, (teitag_format)f, 0, &out, &len, &diag) != TEITAG_OK)
      abort();
    teitag_free(out);
  }
  teitag_doc_free(doc);
  return 0;
}
