/* SPDX-License-Identifier: MIT
 *
 * fuzz_jsonl.c -- libFuzzer target: one JSONL line as `annotate -i jsonl`
 * and `eval` read it.  Exercises the JSON reader (escapes, surrogates,
 * depth, numbers) and the gold-file reader of the evaluation.
 */
#include <stdint.h>
#include <stdlib.h>

#include "teitag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static teitag_pipeline *p;
  if (!p)
    p = teitag_pipeline_new();
  teitag_doc *doc;
  teitag_diag diag;
  if (teitag_doc_from_jsonl(p, (const char *)data, size, &doc, &diag) == TEITAG_OK) {
    if (teitag_doc_annotate(p, doc, &diag) == TEITAG_OK) {
      char *out;
      size_t len;
      if (teitag_render(doc, TEITAG_FORMAT_JSONL, 0, &out, &len, &diag) != TEITAG_OK)
        abort();
      teitag_free(out);
    }
    teitag_doc_free(doc);
  }
  teitag_eval *ev = teitag_eval_new();
  teitag_eval_add_jsonl(ev, p, (const char *)data, size, &diag);
  char *report = teitag_eval_report(ev, 3);
  teitag_free(report);
  teitag_eval_free(ev);
  return 0;
}
