/* SPDX-License-Identifier: MIT
 *
 * write_webanno.c -- WebAnno TSV 3.3, INCEpTION's own exchange format,
 * with the NamedEntity layer (features identifier and value).
 *
 * The layout is the one INCEpTION's reader expects: the format line, the
 * layer line, two empty lines, then per sentence its #Text= lines (one per
 * line of the sentence, escaped), one row per token, and one empty line
 * between sentences but none at the end.  Offsets are UTF-16 code units
 * from the start of the document, because INCEpTION (Java) counts that way
 * and never reads the token column: a wrong offset would silently move an
 * annotation.  An entity over several tokens, or sharing a token with
 * another, carries a document-wide [N] on every row, or the rows would be
 * read as separate entities.  Tokens are the view's (view.c): cut at entity
 * boundaries and at white space.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "writer.h"

#define NE_LAYER "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"

/* #Text escaping: backslash, and the control characters as INCEpTION's
 * reader unescapes them (\t, \r, ...; a line break ends the line). */
static void put_text(tt_buf *b, const char *s, size_t len) {
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
    case '\\': tt_buf_puts(b, "\\\\"); break;
    case '\t': tt_buf_puts(b, "\\t"); break;
    case '\r': tt_buf_puts(b, "\\r"); break;
    case '\f': tt_buf_puts(b, "\\f"); break;
    case '\b': tt_buf_puts(b, "\\b"); break;
    default:
      if (c < 0x20 && (c < 8 || c > 13))
        tt_buf_putc(b, '\\');
      tt_buf_putc(b, (char)c);
    }
  }
}

/* Feature value escaping: the characters that mean something in a cell. */
static void put_value(tt_buf *b, const char *s) {
  for (; *s; s++) {
    switch (*s) {
    case '\\':
    case '[':
    case ']':
    case '|':
    case '_':
    case ';':
    case '*':
      tt_buf_putc(b, '\\');
      tt_buf_putc(b, *s);
      break;
    case '-':
      if (s[1] == '>')
        tt_buf_putc(b, '\\');
      tt_buf_putc(b, *s);
      break;
    case '\t': tt_buf_puts(b, "\\t"); break;
    case '\n': tt_buf_puts(b, "\\n"); break;
    default: tt_buf_putc(b, *s);
    }
  }
}

static int is_qid(const char *ref) {
  return ref && ref[0] == 'Q' && ref[1] >= '1' && ref[1] <= '9' &&
         strspn(ref + 1, "0123456789") == strlen(ref + 1);
}

/* UTF-16 code units of [from, to) of valid UTF-8: 2 for a 4-byte sequence. */
static size_t u16_count(const char *s, size_t from, size_t to) {
  size_t n = 0;
  for (size_t i = from; i < to; i++) {
    unsigned char c = (unsigned char)s[i];
    if ((c & 0xC0) != 0x80)
      n += c >= 0xF0 ? 2 : 1;
  }
  return n;
}

/* Which entities cover each token: a compact list per token, in span
 * order (outer first), and the [N] of each entity (0: none needed). */
typedef struct {
  uint32_t *off;  /* n_toks + 1 offsets into ents */
  uint32_t *ents; /* span indices */
  uint32_t *ids;  /* per span */
} coverage;

static void cover(coverage *c, const teitag_doc *doc, const tt_view *v) {
  c->off = tt_xcalloc(v->n + 1, sizeof *c->off);
  for (size_t i = 0; i < doc->n_spans; i++)
    for (size_t k = v->first[i]; k < v->last[i]; k++)
      c->off[k + 1]++;
  for (size_t k = 0; k < v->n; k++)
    c->off[k + 1] += c->off[k];
  c->ents = tt_xmalloc((c->off[v->n] + 1) * sizeof *c->ents);
  uint32_t *fill = tt_xcalloc(v->n + 1, sizeof *fill);
  c->ids = tt_xcalloc(doc->n_spans + 1, sizeof *c->ids);
  uint32_t next_id = 1;
  for (size_t i = 0; i < doc->n_spans; i++) {
    int needs = v->last[i] - v->first[i] > 1;
    for (size_t k = v->first[i]; k < v->last[i]; k++) {
      c->ents[c->off[k] + fill[k]++] = (uint32_t)i;
      needs |= c->off[k + 1] - c->off[k] > 1;
    }
    if (needs && v->last[i] > v->first[i])
      c->ids[i] = next_id++;
  }
  free(fill);
}

static void put_cells(tt_buf *b, const teitag_doc *doc, const coverage *c,
                      size_t k) {
  uint32_t from = c->off[k], to = c->off[k + 1];
  for (int column = 0; column < 2; column++) {
    if (from == to)
      tt_buf_putc(b, '_');
    for (uint32_t j = from; j < to; j++) {
      const tt_span *sp = &doc->spans[c->ents[j]];
      if (j > from)
        tt_buf_putc(b, '|');
      if (column == 1) {
        put_value(b, teitag_type_name((teitag_type)sp->type));
      } else {
        const char *ref = tt_doc_get_str(doc, sp->ref);
        if (is_qid(ref))
          tt_buf_puts(b, "http://www.wikidata.org/entity/");
        if (ref)
          put_value(b, ref);
        else
          tt_buf_putc(b, '*'); /* the annotation is there, the feature null */
      }
      if (c->ids[c->ents[j]])
        tt_buf_printf(b, "[%u]", c->ids[c->ents[j]]);
    }
    tt_buf_putc(b, '\t');
  }
}

/* The #Text lines of a sentence: one per line of its text. */
static void put_sentence_text(tt_buf *b, const teitag_doc *doc, size_t s,
                              size_t e) {
  size_t i = s;
  for (;;) {
    const char *nl = memchr(doc->text + i, '\n', e - i);
    size_t j = nl ? (size_t)(nl - doc->text) : e;
    tt_buf_puts(b, "#Text=");
    put_text(b, doc->text + i, j - i);
    tt_buf_putc(b, '\n');
    if (!nl)
      break;
    i = j + 1;
  }
}

teitag_status tt_webanno_write(teitag_writer *w, const teitag_doc *doc,
                               teitag_diag *diag) {
  tt_view v;
  tt_view_build(&v, doc, 1);
  coverage c;
  cover(&c, doc, &v);
  tt_buf *b = &w->scratch;
  tt_buf_clear(b);
  tt_buf_puts(b, "#FORMAT=WebAnno TSV 3.3\n#T_SP=" NE_LAYER
                 "|identifier|value\n\n");
  size_t at = 0, u16 = 0, sent = 0, in_sent = 0;
  teitag_status st = TEITAG_OK;
  for (size_t k = 0; k < v.n && st == TEITAG_OK; k++) {
    if (k == 0 || (v.toks[k].flags & TT_VT_SENT)) {
      size_t e = k + 1; /* the sentence: tokens k .. e-1 */
      while (e < v.n && !(v.toks[e].flags & TT_VT_SENT))
        e++;
      tt_buf_putc(b, '\n');
      put_sentence_text(b, doc, v.toks[k].start, v.toks[e - 1].end);
      sent++;
      in_sent = 0;
    }
    const tt_vtok *t = &v.toks[k];
    u16 += u16_count(doc->text, at, t->start);
    size_t len16 = u16_count(doc->text, t->start, t->end);
    tt_buf_printf(b, "%zu-%zu\t%zu-%zu\t", sent, ++in_sent, u16, u16 + len16);
    tt_buf_put(b, doc->text + t->start, t->end - t->start);
    tt_buf_putc(b, '\t');
    put_cells(b, doc, &c, k);
    tt_buf_putc(b, '\n');
    u16 += len16;
    at = t->end;
    st = tt_writer_flush(w, 1 << 16, diag);
  }
  free(c.off);
  free(c.ents);
  free(c.ids);
  tt_view_free(&v);
  return st == TEITAG_OK ? tt_writer_flush(w, 0, diag) : st;
}
