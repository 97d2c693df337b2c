/* SPDX-License-Identifier: MIT
 *
 * write_brat.c -- brat standoff: the .ann file of a document.
 *
 * The matching .txt is the document text itself (teitag_doc_text(), UTF-8,
 * byte for byte), so the offsets here are Unicode code points into it, end
 * exclusive, as brat counts them.  One T line per entity; an entity that
 * spans a line break is written as fragments ("0 5;6 11"), because a
 * covered-text column cannot hold the break.  What brat has no field for
 * (dictionary form, certainty, amount) goes into an AnnotatorNotes line,
 * and a Wikidata QID also into a Reference normalisation that brat links.
 * The writer holds one document: the offsets refer to one text.
 */
#include "config.h"

#include <string.h>

#include "writer.h"

static int is_qid(const char *ref) {
  return ref && ref[0] == 'Q' && ref[1] >= '1' && ref[1] <= '9' &&
         strspn(ref + 1, "0123456789") == strlen(ref + 1);
}

/* Appends `s` with tabs and line breaks made spaces: they end a field. */
static void put_field(tt_buf *b, const char *s, size_t len) {
  size_t start = b->len;
  tt_buf_put(b, s, len);
  for (size_t i = start; i < b->len; i++)
    if (b->data[i] == '\t' || b->data[i] == '\n' || b->data[i] == '\r')
      b->data[i] = ' ';
}

/* "START END" fragments of [s, e) split at line breaks (CR, LF), in code
 * points from `cp` (the code point offset of byte s); the covered text,
 * fragments joined by a space, goes to `text`. */
static void fragments(tt_buf *b, tt_buf *text, const teitag_doc *doc, size_t s,
                      size_t e, size_t cp) {
  int first = 1;
  size_t i = s;
  while (i < e) {
    while (i < e && (doc->text[i] == '\n' || doc->text[i] == '\r')) {
      i++;
      cp++;
    }
    if (i >= e)
      break;
    size_t j = i;
    while (j < e && doc->text[j] != '\n' && doc->text[j] != '\r')
      j++;
    size_t n = tt_cp_count(doc->text, i, j);
    tt_buf_printf(b, "%s%zu %zu", first ? "" : ";", cp, cp + n);
    if (!first)
      tt_buf_putc(text, ' ');
    tt_buf_put(text, doc->text + i, j - i);
    first = 0;
    cp += n;
    i = j;
  }
}

static void notes(tt_buf *b, const teitag_doc *doc, const tt_span *sp,
                  size_t id) {
  const char *ref = tt_doc_get_str(doc, sp->ref);
  const char *norm = tt_doc_get_str(doc, sp->norm);
  tt_buf note = {NULL, 0, 0};
  if (norm)
    tt_buf_printf(&note, "norm: %s; ", norm);
  if (ref)
    tt_buf_printf(&note, "ref: %s; ", ref);
  if (sp->cert)
    tt_buf_printf(&note, "cert: %s; ", teitag_cert_name((teitag_cert)sp->cert));
  if (sp->amount)
    tt_buf_printf(&note, "amount: %s; ", tt_doc_get_str(doc, sp->amount));
  if (sp->amount_min && sp->amount_max)
    tt_buf_printf(&note, "range: %s-%s; ", tt_doc_get_str(doc, sp->amount_min),
                  tt_doc_get_str(doc, sp->amount_max));
  if (sp->currency)
    tt_buf_printf(&note, "currency: %s; ", tt_doc_get_str(doc, sp->currency));
  if (note.len) {
    tt_buf_printf(b, "#%zu\tAnnotatorNotes T%zu\t", id, id);
    put_field(b, note.data, note.len - 2);
    tt_buf_putc(b, '\n');
  }
  tt_buf_free(&note);
  if (is_qid(ref)) {
    tt_buf_printf(b, "N%zu\tReference T%zu Wikidata:%s\t", id, id, ref);
    if (norm)
      put_field(b, norm, strlen(norm));
    else
      put_field(b, doc->text + sp->start, sp->end - sp->start);
    tt_buf_putc(b, '\n');
  }
}

teitag_status tt_brat_write(teitag_writer *w, const teitag_doc *doc,
                            teitag_diag *diag) {
  tt_buf *b = &w->scratch;
  tt_buf_clear(b);
  tt_buf text = {NULL, 0, 0};
  size_t at = 0, cp = 0; /* spans are sorted by start */
  teitag_status st = TEITAG_OK;
  for (size_t i = 0; i < doc->n_spans && st == TEITAG_OK; i++) {
    const tt_span *sp = &doc->spans[i];
    cp += tt_cp_count(doc->text, at, sp->start);
    at = sp->start;
    tt_buf_clear(&text);
    tt_buf_printf(b, "T%zu\t%s ", i + 1,
                  teitag_type_name((teitag_type)sp->type));
    fragments(b, &text, doc, sp->start, sp->end, cp);
    tt_buf_putc(b, '\t');
    tt_buf_put(b, text.data ? text.data : "", text.len);
    tt_buf_putc(b, '\n');
    notes(b, doc, sp, i + 1);
    st = tt_writer_flush(w, 1 << 16, diag);
  }
  tt_buf_free(&text);
  return st == TEITAG_OK ? tt_writer_flush(w, 0, diag) : st;
}
