/* SPDX-License-Identifier: MIT
 *
 * write_conll.c -- CoNLL: one token per line, TAB, its BIO tag; a blank
 * line after each sentence; "-DOCSTART-" before each document, as in the
 * CoNLL-2003 files that most NER tools read.
 *
 * Tokens are the view's (view.c): cut at entity boundaries and at white
 * space, so a token never holds a space or a tab and every entity is a
 * whole number of tokens.  BIO cannot nest, so only outermost entities are
 * written.  Nothing but the tags is kept: IDs and amounts need another
 * format.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "writer.h"

teitag_status tt_conll_write(teitag_writer *w, const teitag_doc *doc,
                             teitag_diag *diag) {
  tt_view v;
  tt_view_build(&v, doc, 1);
  /* tag[k]: entity type in the low bits, 8 when it begins the entity */
  uint8_t *tag = tt_xcalloc(v.n ? v.n : 1, 1);
  for (size_t i = 0; i < doc->n_spans; i++) {
    if (doc->spans[i].nested)
      continue;
    for (size_t k = v.first[i]; k < v.last[i]; k++)
      tag[k] = (uint8_t)(doc->spans[i].type | (k == v.first[i] ? 8 : 0));
  }
  tt_buf *b = &w->scratch;
  tt_buf_clear(b);
  tt_buf_puts(b, "-DOCSTART-\tO\n\n");
  teitag_status st = TEITAG_OK;
  for (size_t k = 0; k < v.n && st == TEITAG_OK; k++) {
    if (k && (v.toks[k].flags & TT_VT_SENT))
      tt_buf_putc(b, '\n');
    tt_buf_put(b, doc->text + v.toks[k].start, v.toks[k].end - v.toks[k].start);
    if (tag[k])
      tt_buf_printf(b, "\t%c-%s\n", (tag[k] & 8) ? 'B' : 'I',
                    teitag_type_name((teitag_type)(tag[k] & 7)));
    else
      tt_buf_puts(b, "\tO\n");
    st = tt_writer_flush(w, 1 << 16, diag);
  }
  if (v.n)
    tt_buf_putc(b, '\n');
  free(tag);
  tt_view_free(&v);
  return st == TEITAG_OK ? tt_writer_flush(w, 0, diag) : st;
}
