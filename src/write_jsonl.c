/* SPDX-License-Identifier: MIT
 *
 * write_jsonl.c -- one JSON object per document, on one line.
 *
 * Offsets are Unicode code points into the text (end exclusive), as the
 * JSONL contract and Python-based tools expect; they are counted in one
 * pass over the text because spans are sorted.  Amounts are written as
 * JSON numbers straight from their decimal strings, so no value passes
 * through a double.  Each line goes to the sink whole, so a consumer
 * reading line by line never sees half a document.
 */
#include "config.h"

#include <string.h>

#include "writer.h"

/* Advances a code-point counter from byte `*at` to byte `to`. */
static size_t advance(const teitag_doc *doc, size_t *at, size_t *cps,
                      size_t to) {
  if (to < *at) { /* nested span starting before the cursor: recount */
    *at = 0;
    *cps = 0;
  }
  *cps += tt_utf8_count(doc->text + *at, to - *at);
  *at = to;
  return *cps;
}

static void put_str_member(tt_buf *b, const char *name, const char *value) {
  if (!value)
    return;
  tt_buf_printf(b, ", \"%s\": \"", name);
  tt_buf_put_json(b, value, strlen(value));
  tt_buf_putc(b, '"');
}

/* The opening of a document's line, up to the entity list. */
static void line_head(tt_buf *b, const teitag_doc *doc) {
  tt_buf_puts(b, "{\"id\": ");
  if (doc->id && *doc->id) {
    tt_buf_putc(b, '"');
    tt_buf_put_json(b, doc->id, strlen(doc->id));
    tt_buf_putc(b, '"');
  } else {
    tt_buf_puts(b, "null");
  }
  tt_buf_printf(b, ", \"lang\": \"%s\", \"entities\": [",
                teitag_lang_code(doc->lang));
}

/* Each document is one line.  The parts of a streamed input share one
 * line: the first opens it, each adds its entities with offsets counted
 * from the start of the input, and tt_writer_end_input() closes it. */
teitag_status tt_jsonl_write(teitag_writer *w, const teitag_doc *doc,
                             teitag_diag *diag) {
  tt_buf *b = &w->scratch;
  tt_buf_clear(b);
  int in_parts = (doc->part_flags & TT_PART_OF_STREAM) != 0;
  if (!in_parts || !w->line_open) {
    if (w->line_open)
      tt_buf_puts(b, "]}\n");
    line_head(b, doc);
    w->line_open = in_parts;
    w->line_entities = 0;
  }
  size_t at = 0, cps = 0;
  for (size_t i = 0; i < doc->n_spans; i++) {
    const tt_span *sp = &doc->spans[i];
    size_t start = doc->base_cps + advance(doc, &at, &cps, sp->start);
    size_t end = start + tt_utf8_count(doc->text + sp->start, sp->end - sp->start);
    tt_buf_printf(b, "%s{\"start\": %zu, \"end\": %zu, \"type\": \"%s\", \"text\": \"",
                  w->line_entities++ ? ", " : "", start, end,
                  teitag_type_name((teitag_type)sp->type));
    tt_buf_put_json(b, doc->text + sp->start, sp->end - sp->start);
    tt_buf_putc(b, '"');
    if (sp->cert)
      tt_buf_printf(b, ", \"cert\": \"%s\"", teitag_cert_name((teitag_cert)sp->cert));
    put_str_member(b, "ref", tt_doc_get_str(doc, sp->ref));
    put_str_member(b, "norm", tt_doc_get_str(doc, sp->norm));
    if (sp->type == TEITAG_TYPE_MONEY) {
      if (sp->amount)
        tt_buf_printf(b, ", \"amount\": %s", tt_doc_get_str(doc, sp->amount));
      if (sp->amount_min && sp->amount_max)
        tt_buf_printf(b, ", \"amount_min\": %s, \"amount_max\": %s",
                      tt_doc_get_str(doc, sp->amount_min),
                      tt_doc_get_str(doc, sp->amount_max));
      put_str_member(b, "currency", tt_doc_get_str(doc, sp->currency));
    }
    if (sp->nested)
      tt_buf_puts(b, ", \"nested\": true");
    if (w->options & TEITAG_WRITE_EXPLAIN)
      put_str_member(b, "source", tt_doc_get_str(doc, sp->source));
    tt_buf_putc(b, '}');
  }
  if (!in_parts)
    tt_buf_puts(b, "]}\n");
  if (tt_writer_emit(w, b->data, b->len) != 0)
    return tt_fail(diag, TEITAG_EWRITE, 0, 0, TT_NO_OFFSET,
                   "the output refused data (disk full or pipe closed?)");
  return TEITAG_OK;
}
