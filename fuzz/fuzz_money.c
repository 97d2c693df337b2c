/* SPDX-License-Identifier: MIT
 *
 * fuzz_money.c -- libFuzzer target for the money recogniser's number and
 * amount reading.  The first byte picks the language and the number flags.
 *
 * Oracles:
 *  - tt_number_parse: whatever it accepts formats as a canonical plain
 *    decimal (digits, at most one point, no leading or trailing zeros),
 *    which reads back to the same value; scaling by 10^k and back, and
 *    adding zero, change nothing.
 *  - the recogniser, on the same bytes as a document: every MONEY span lies
 *    on token boundaries inside the text, has a three-letter code and a
 *    canonical amount, or a range whose lower end is below its upper end.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/number.h"
#include "../src/private.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static teitag_pipeline *pipes[4];

static int canonical(const char *s) {
  size_t n = strlen(s), dot = n;
  if (!n)
    return 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '.') {
      if (dot != n || i == 0 || i + 1 == n)
        return 0;
      dot = i;
    } else if (s[i] < '0' || s[i] > '9') {
      return 0;
    }
  }
  if (s[0] == '0' && dot != 1 && n > 1)
    return 0; /* "007" */
  if (dot != n && s[n - 1] == '0')
    return 0; /* "1.50" */
  return 1;
}

static void check_number(const uint8_t *data, size_t size, unsigned flags) {
  tt_dec d, e;
  if (!tt_number_parse((const char *)data, size, flags, &d))
    return;
  char out[TT_DEC_STRLEN];
  size_t len = tt_dec_format(&d, out, sizeof out);
  if (len >= sizeof out || !canonical(out))
    abort();
  /* the formatted form reads back (en conventions: '.' is the point) */
  if (!tt_number_parse(out, len, 0, &e) || tt_dec_cmp(&d, &e) != 0)
    abort();
  e = d;
  if (tt_dec_shift(&e, 12) && (!tt_dec_shift(&e, -12) || tt_dec_cmp(&d, &e)))
    abort();
  tt_dec zero;
  tt_dec_zero(&zero);
  e = d;
  if (!tt_dec_add(&e, &zero) || tt_dec_cmp(&d, &e) != 0)
    abort();
  e = d;
  if (tt_dec_mul_u32(&e, 2) && tt_dec_cmp(&e, &d) < 0)
    abort();
}

static void check_money(const uint8_t *data, size_t size, teitag_lang lang) {
  teitag_pipeline *p = pipes[lang];
  if (!p) {
    p = teitag_pipeline_new();
    teitag_pipeline_set_lang(p, lang);
    teitag_pipeline_set_flags(p,
                              TEITAG_PIPE_NO_GAZETTEER | TEITAG_PIPE_NO_RULES);
    pipes[lang] = p;
  }
  teitag_doc *doc;
  teitag_diag diag;
  if (teitag_annotate(p, (const char *)data, size, "fuzz", &doc, &diag) !=
      TEITAG_OK)
    return;
  for (size_t i = 0; i < doc->n_spans; i++) {
    const tt_span *sp = &doc->spans[i];
    if (sp->type != TEITAG_TYPE_MONEY)
      continue;
    if (sp->start >= sp->end || sp->end > doc->len ||
        sp->tok_begin >= sp->tok_end || sp->tok_end > doc->n_toks ||
        sp->start != doc->toks[sp->tok_begin].start ||
        sp->end > doc->toks[sp->tok_end - 1].end ||
        sp->end + 1 < doc->toks[sp->tok_end - 1].end)
      abort();
    const char *cur = tt_doc_get_str(doc, sp->currency);
    if (!cur || strlen(cur) != 3)
      abort();
    for (int k = 0; k < 3; k++)
      if (cur[k] < 'A' || cur[k] > 'Z')
        abort();
    const char *amount = tt_doc_get_str(doc, sp->amount);
    const char *lo = tt_doc_get_str(doc, sp->amount_min);
    const char *hi = tt_doc_get_str(doc, sp->amount_max);
    if (amount) {
      if (lo || hi || !canonical(amount))
        abort();
    } else {
      tt_dec a, b;
      if (!lo || !hi || !canonical(lo) || !canonical(hi))
        abort();
      /* canonical strings have no group separators: en reading is exact */
      if (strlen(lo) <= 20 && strlen(hi) <= 20 &&
          tt_number_parse(lo, strlen(lo), 0, &a) &&
          tt_number_parse(hi, strlen(hi), 0, &b) && tt_dec_cmp(&a, &b) >= 0)
        abort();
    }
  }
  teitag_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  unsigned pick = data[0];
  data++;
  size--;
  if (size <= 64)
    check_number(data, size, pick & 3);
  check_money(data, size, (teitag_lang)((pick >> 2) & 3));
  return 0;
}
