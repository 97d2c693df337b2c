/* SPDX-License-Identifier: MIT
 *
 * write_tei.c -- TEI P5 output through libxml2's xmlTextWriter.
 *
 * The body holds every character of every paragraph, in order: a reader
 * that concatenates the text nodes of a <p> gets the paragraph back, so
 * offsets can be recovered.  Entities are walked as enter/exit events over
 * the sorted spans (nested spans follow their parent), and with
 * TEITAG_WRITE_TOKENS sentences and tokens are wrapped as <s>, <w>, <pc>
 * with names around whole tokens (tokens are cut where a name starts or
 * ends inside one, view.c).  TEITAG_WRITE_RS is the form INCEpTION reads:
 * <rs type> around <w> tokens, and inside <text> exactly the characters of
 * the input -- the white space between paragraphs instead of indentation.  Text runs are escaped here and passed as
 * raw bytes, because one xmlTextWriterWriteString per run would copy every
 * run into a NUL-terminated string first.  Linked entities are collected
 * while writing and listed in <standOff> at the end.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "writer.h"

#define TEI_NS "http://www.tei-c.org/ns/1.0"

/* Every xmlTextWriter call is checked; a failure ends the document. */
#define X(call)                                                               \
  do {                                                                        \
    if ((call) < 0)                                                           \
      return -1;                                                              \
  } while (0)

#define BAD(s) ((const xmlChar *)(s))

static int io_write(void *ctx, const char *data, int len) {
  teitag_writer *w = ctx;
  return tt_writer_emit(w, data, (size_t)len) == 0 ? len : -1;
}

static int io_close(void *ctx) {
  (void)ctx;
  return 0;
}

static const char *element_of(uint8_t type) {
  switch (type) {
  case TEITAG_TYPE_PER: return "persName";
  case TEITAG_TYPE_LOC: return "placeName";
  case TEITAG_TYPE_ORG: return "orgName";
  default: return "measure";
  }
}

/* ---- the entity registry (standOff) ----------------------------------- */

static uint64_t ref_hash(const char *s) { return tt_hash_bytes(s, strlen(s)); }

static tt_entity *registry_find_or_add(teitag_writer *w, const char *ref,
                                       uint8_t type) {
  if (w->n_entities * 2 >= w->index_cap) {
    size_t cap = w->index_cap ? w->index_cap * 2 : 64;
    uint32_t *idx = tt_xcalloc(cap, sizeof *idx);
    for (size_t i = 0; i < w->n_entities; i++) {
      size_t h = (size_t)ref_hash(w->entities[i].ref) & (cap - 1);
      while (idx[h])
        h = (h + 1) & (cap - 1);
      idx[h] = (uint32_t)(i + 1);
    }
    free(w->entity_index);
    w->entity_index = idx;
    w->index_cap = cap;
  }
  size_t h = (size_t)ref_hash(ref) & (w->index_cap - 1);
  while (w->entity_index[h]) {
    tt_entity *e = &w->entities[w->entity_index[h] - 1];
    if (strcmp(e->ref, ref) == 0)
      return e;
    h = (h + 1) & (w->index_cap - 1);
  }
  TT_RESERVE(w->entities, w->cap_entities, w->n_entities + 1);
  tt_entity *e = &w->entities[w->n_entities++];
  memset(e, 0, sizeof *e);
  e->ref = tt_xstrdup(ref);
  e->type = type;
  w->entity_index[h] = (uint32_t)w->n_entities;
  return e;
}

/* Notes a linked span: its entity and its dictionary form in `lang`. */
static void registry_note(teitag_writer *w, const teitag_doc *doc,
                          const tt_span *sp, teitag_lang lang) {
  const char *ref = tt_doc_get_str(doc, sp->ref);
  if (!ref || sp->type == TEITAG_TYPE_MONEY)
    return;
  tt_entity *e = registry_find_or_add(w, ref, sp->type);
  if (!e->looked_up) {
    /* The gazetteer knows the entity's name in every language. */
    const char *norms[4];
    tt_pipeline_entity_norms(doc->pipeline, ref, norms);
    for (int l = TEITAG_LANG_EN; l <= TEITAG_LANG_RU; l++)
      if (norms[l] && !e->norm[l])
        e->norm[l] = tt_xstrdup(norms[l]);
    e->looked_up = 1;
  }
  if ((unsigned)lang > TEITAG_LANG_RU || e->norm[lang])
    return;
  const char *norm = tt_doc_get_str(doc, sp->norm);
  e->norm[lang] = norm ? tt_xstrdup(norm)
                       : tt_xstrndup(doc->text + sp->start, sp->end - sp->start);
}

/* ---- header ------------------------------------------------------------ */

static int ws(xmlTextWriterPtr xw, const char *indent) {
  return xmlTextWriterWriteRaw(xw, BAD(indent));
}

static int simple(xmlTextWriterPtr xw, const char *name, const char *text) {
  X(xmlTextWriterStartElement(xw, BAD(name)));
  X(xmlTextWriterWriteString(xw, BAD(text)));
  return xmlTextWriterEndElement(xw);
}

static int rs_mode(const teitag_writer *w) {
  return (w->options & TEITAG_WRITE_RS) != 0;
}

static const char *rs_type(uint8_t type) {
  switch (type) {
  case TEITAG_TYPE_PER: return "person";
  case TEITAG_TYPE_LOC: return "place";
  case TEITAG_TYPE_ORG: return "org";
  default: return "money";
  }
}

static int write_header(teitag_writer *w, const teitag_doc *doc) {
  xmlTextWriterPtr xw = w->xw;
  const char *title = doc->id && *doc->id ? doc->id : "stdin";
  w->root_lang = doc->lang;
  X(xmlTextWriterStartDocument(xw, "1.0", "UTF-8", NULL));
  X(xmlTextWriterStartElement(xw, BAD("TEI")));
  X(xmlTextWriterWriteAttribute(xw, BAD("xmlns"), BAD(TEI_NS)));
  X(xmlTextWriterWriteAttribute(xw, BAD("xml:lang"),
                                BAD(teitag_lang_code(doc->lang))));
  X(ws(xw, "\n  "));
  X(xmlTextWriterStartElement(xw, BAD("teiHeader")));
  X(ws(xw, "\n    "));
  X(xmlTextWriterStartElement(xw, BAD("fileDesc")));
  X(ws(xw, "\n      "));
  X(xmlTextWriterStartElement(xw, BAD("titleStmt")));
  X(simple(xw, "title", title));
  X(xmlTextWriterEndElement(xw));
  X(ws(xw, "\n      "));
  X(xmlTextWriterStartElement(xw, BAD("publicationStmt")));
  X(simple(xw, "p", "Unpublished; annotated automatically by teitag."));
  X(xmlTextWriterEndElement(xw));
  X(ws(xw, "\n      "));
  X(xmlTextWriterStartElement(xw, BAD("sourceDesc")));
  tt_buf *b = &w->scratch;
  tt_buf_clear(b);
  const char *enc = doc->encoding[0] ? doc->encoding : "UTF-8";
  if (doc->part_flags & TT_PART_OF_STREAM) {
    /* Written before the rest of the input is read: no checksum yet. */
    tt_buf_printf(b, "%s, ", title);
    if (doc->input_bytes)
      tt_buf_printf(b, "%zu bytes, ", doc->input_bytes);
    tt_buf_printf(b, "%s, annotated in parts of up to %zu bytes", enc,
                  doc->part_size);
  } else {
    tt_buf_printf(b, "%s, %zu bytes, %s", title, doc->input_bytes, enc);
  }
  if (doc->has_sha256 && !(w->options & TEITAG_WRITE_NO_HEADER)) {
    tt_buf_puts(b, ", sha256 ");
    for (int i = 0; i < 32; i++)
      tt_buf_printf(b, "%02x", doc->sha256[i]);
  }
  X(simple(xw, "p", tt_buf_cstr(b)));
  X(xmlTextWriterEndElement(xw));
  X(ws(xw, "\n    "));
  X(xmlTextWriterEndElement(xw)); /* fileDesc */
  X(ws(xw, "\n    "));
  X(xmlTextWriterStartElement(xw, BAD("encodingDesc")));
  X(xmlTextWriterStartElement(xw, BAD("appInfo")));
  X(xmlTextWriterStartElement(xw, BAD("application")));
  X(xmlTextWriterWriteAttribute(xw, BAD("xml:id"), BAD("teitag")));
  X(xmlTextWriterWriteAttribute(xw, BAD("ident"), BAD("teitag")));
  X(xmlTextWriterWriteAttribute(xw, BAD("version"), BAD(teitag_version())));
  X(simple(xw, "label", "teitag"));
  X(xmlTextWriterEndElement(xw));
  X(xmlTextWriterEndElement(xw));
  X(xmlTextWriterEndElement(xw));
  X(ws(xw, "\n    "));
  X(xmlTextWriterStartElement(xw, BAD("profileDesc")));
  X(xmlTextWriterStartElement(xw, BAD("langUsage")));
  int seen[TEITAG_LANG_RU + 1] = {0};
  seen[doc->lang] = 1;
  X(xmlTextWriterStartElement(xw, BAD("language")));
  X(xmlTextWriterWriteAttribute(xw, BAD("ident"), BAD(teitag_lang_code(doc->lang))));
  X(xmlTextWriterEndElement(xw));
  for (size_t i = 0; i < doc->n_paras; i++) {
    uint8_t l = doc->paras[i].lang;
    if (l > TEITAG_LANG_RU || seen[l])
      continue;
    seen[l] = 1;
    X(xmlTextWriterStartElement(xw, BAD("language")));
    X(xmlTextWriterWriteAttribute(xw, BAD("ident"), BAD(teitag_lang_code(l))));
    X(xmlTextWriterEndElement(xw));
  }
  X(xmlTextWriterEndElement(xw));
  X(xmlTextWriterEndElement(xw));
  X(ws(xw, "\n  "));
  X(xmlTextWriterEndElement(xw)); /* teiHeader */
  X(ws(xw, "\n  "));
  X(xmlTextWriterStartElement(xw, BAD("text")));
  if (!rs_mode(w)) /* in rs mode, all text inside <text> is document text */
    X(ws(xw, "\n    "));
  X(xmlTextWriterStartElement(xw, BAD("body")));
  return 0;
}

/* ---- body -------------------------------------------------------------- */

/* Body text and entity tags are built in w->scratch and handed to the
 * xmlTextWriter as raw bytes: a plain paragraph in one call, because each
 * call costs more than copying the bytes it carries. */
static int flush_raw(teitag_writer *w) {
  tt_buf *b = &w->scratch;
  if (b->len == 0)
    return 0;
  int rc = xmlTextWriterWriteRawLen(w->xw, BAD(b->data), (int)b->len);
  tt_buf_clear(b);
  return rc;
}

/* Appends bytes [from, to) of the text, escaped. */
static void put_text_run(teitag_writer *w, const teitag_doc *doc, size_t from,
                         size_t to) {
  if (from < to)
    tt_buf_put_xml(&w->scratch, doc->text + from, to - from, 0);
}

static int text_run(teitag_writer *w, const teitag_doc *doc, size_t from,
                    size_t to) {
  tt_buf_clear(&w->scratch);
  put_text_run(w, doc, from, to);
  return flush_raw(w);
}

/* A money range without a single amount: "$5-10 million". */
static int is_range(const tt_span *sp) {
  return sp->type == TEITAG_TYPE_MONEY && !sp->amount && sp->amount_min &&
         sp->amount_max;
}

/* One attribute, escaped, onto the start tag being built.  Macros, so
 * that " name=\"" is a literal whose length and copy the compiler works
 * out: a call per piece was a third of the cost of an entity's start
 * tag.  ATTR_SAFE is for values that are our own words (a certainty, a
 * type), which never need escaping. */
#define ATTR(b, name, value)                                                  \
  do {                                                                        \
    tt_buf_puts((b), " " name "=\"");                                         \
    attr_value((b), (value));                                                 \
  } while (0)
#define ATTR_SAFE(b, name, value)                                             \
  do {                                                                        \
    tt_buf_puts((b), " " name "=\"");                                         \
    tt_buf_puts((b), (value));                                                \
    tt_buf_putc((b), '"');                                                    \
  } while (0)

static void attr_value(tt_buf *b, const char *value) {
  tt_buf_put_xml(b, value, strlen(value), 1);
  tt_buf_putc(b, '"');
}

/* Entity start tags are built as text and written raw: libxml2's
 * attribute calls cost a tenth of the whole run in entity-dense text.
 * The writer's own elements (p, s, w) nest around them as before. */
static void put_open_span(teitag_writer *w, const teitag_doc *doc,
                          const tt_span *sp, teitag_lang lang) {
  tt_buf *b = &w->scratch;
  tt_buf_putc(b, '<');
  tt_buf_puts(b, rs_mode(w) ? "rs" : element_of(sp->type));
  if (rs_mode(w)) {
    ATTR_SAFE(b, "type", rs_type(sp->type));
  } else if (sp->type == TEITAG_TYPE_MONEY) {
    ATTR_SAFE(b, "type", "currency");
    if (sp->amount)
      ATTR(b, "quantity", tt_doc_get_str(doc, sp->amount));
    if (sp->currency)
      ATTR(b, "unit", tt_doc_get_str(doc, sp->currency));
  }
  if (sp->ref && sp->type != TEITAG_TYPE_MONEY) {
    tt_buf_puts(b, " ref=\"#");
    const char *ref = tt_doc_get_str(doc, sp->ref);
    tt_buf_put_xml(b, ref, strlen(ref), 1);
    tt_buf_putc(b, '"');
    registry_note(w, doc, sp, lang);
  }
  if (sp->cert)
    ATTR_SAFE(b, "cert", teitag_cert_name((teitag_cert)sp->cert));
  tt_buf_puts(b, " resp=\"#teitag\">");
  if (is_range(sp) && !rs_mode(w)) {
    /* TEI's measure has no atLeast/atMost (att.ranging); num has them. */
    tt_buf_puts(b, "<num");
    ATTR_SAFE(b, "type", "range");
    ATTR(b, "atLeast", tt_doc_get_str(doc, sp->amount_min));
    ATTR(b, "atMost", tt_doc_get_str(doc, sp->amount_max));
    tt_buf_putc(b, '>');
  }
}

static int open_span(teitag_writer *w, const teitag_doc *doc,
                     const tt_span *sp, teitag_lang lang) {
  tt_buf_clear(&w->scratch);
  put_open_span(w, doc, sp, lang);
  return flush_raw(w);
}

static void put_close_span(teitag_writer *w, const tt_span *sp) {
  tt_buf *b = &w->scratch;
  if (is_range(sp) && !rs_mode(w))
    tt_buf_puts(b, "</num>");
  tt_buf_puts(b, "</");
  tt_buf_puts(b, rs_mode(w) ? "rs" : element_of(sp->type));
  tt_buf_puts(b, ">");
}

static int close_span(teitag_writer *w, const tt_span *sp) {
  tt_buf_clear(&w->scratch);
  put_close_span(w, sp);
  return flush_raw(w);
}

/* Paragraph text with entities as nested elements, appended to w->scratch:
 * spans are sorted by start (outer first), so a stack of open spans is all
 * the state needed. */
static void paragraph_plain(teitag_writer *w, const teitag_doc *doc,
                            const tt_para *p, size_t *cursor) {
  const tt_span *stack[64];
  size_t depth = 0, pos = p->start;
  teitag_lang lang = (teitag_lang)p->lang;
  while (*cursor < doc->n_spans && doc->spans[*cursor].start < p->end) {
    const tt_span *sp = &doc->spans[(*cursor)++];
    if (sp->start < pos || sp->end > p->end)
      continue; /* crosses what is already written: cannot nest */
    while (depth && stack[depth - 1]->end <= sp->start) {
      put_text_run(w, doc, pos, stack[depth - 1]->end);
      pos = stack[--depth]->end;
      put_close_span(w, stack[depth]);
    }
    if (depth && sp->end > stack[depth - 1]->end)
      continue; /* would cross its parent */
    if (depth == sizeof stack / sizeof *stack)
      continue;
    put_text_run(w, doc, pos, sp->start);
    pos = sp->start;
    put_open_span(w, doc, sp, lang);
    stack[depth++] = sp;
  }
  while (depth) {
    put_text_run(w, doc, pos, stack[depth - 1]->end);
    pos = stack[--depth]->end;
    put_close_span(w, stack[depth]);
  }
  put_text_run(w, doc, pos, p->end);
}

/* Paragraph as sentences and tokens (the view's tokens, so that names
 * cover exactly their text).  Entities open before their first token and
 * close after their last; the view never starts a sentence inside an
 * entity, so the elements stay nested. */
static int paragraph_tokens(teitag_writer *w, const teitag_doc *doc,
                            const tt_view *v, const tt_para *p, size_t *vt,
                            size_t *cursor) {
  const tt_span *stack[64];
  size_t lasts[64];
  size_t depth = 0, pos = p->start;
  int in_s = 0;
  teitag_lang lang = (teitag_lang)p->lang;
  while (*vt < v->n && v->toks[*vt].start < p->start)
    (*vt)++;
  size_t end_k = *vt;
  while (end_k < v->n && v->toks[end_k].start < p->end)
    end_k++;
  for (size_t k = *vt; k < end_k; k++) {
    const tt_vtok *tok = &v->toks[k];
    while (depth && lasts[depth - 1] <= k) {
      depth--;
      X(close_span(w, stack[depth]));
    }
    if ((tok->flags & TT_VT_SENT) && in_s && depth == 0) {
      X(xmlTextWriterEndElement(w->xw));
      in_s = 0;
    }
    X(text_run(w, doc, pos, tok->start));
    pos = tok->start;
    if (!in_s) {
      X(xmlTextWriterStartElement(w->xw, BAD("s")));
      in_s = 1;
    }
    while (*cursor < doc->n_spans && v->first[*cursor] <= k &&
           doc->spans[*cursor].start < p->end) {
      size_t i = (*cursor)++;
      const tt_span *sp = &doc->spans[i];
      size_t last = v->last[i];
      if (v->first[i] != k || last <= k || last > end_k)
        continue;
      if (depth && last > lasts[depth - 1])
        continue;
      if (depth == sizeof stack / sizeof *stack)
        continue;
      X(open_span(w, doc, sp, lang));
      stack[depth] = sp;
      lasts[depth++] = last;
    }
    const char *el = tok->kind == TEITAG_TOKEN_PUNCT && !rs_mode(w) ? "pc" : "w";
    X(xmlTextWriterStartElement(w->xw, BAD(el)));
    X(text_run(w, doc, tok->start, tok->end));
    X(xmlTextWriterEndElement(w->xw));
    pos = tok->end;
  }
  *vt = end_k;
  while (depth) {
    depth--;
    X(close_span(w, stack[depth]));
  }
  if (in_s)
    X(xmlTextWriterEndElement(w->xw));
  /* Spans of a paragraph without tokens are skipped. */
  while (*cursor < doc->n_spans && doc->spans[*cursor].start < p->end)
    (*cursor)++;
  return text_run(w, doc, pos, p->end);
}

/* A part of a streamed input may begin with the rest of a paragraph that
 * the previous part began (its <p> is still open) and may end inside one
 * (its <p> stays open for the next part). */
static int goes_on(const teitag_doc *doc, size_t i) {
  return i == 0 && (doc->part_flags & TT_PART_CONT_FIRST) &&
         doc->paras[0].start == 0;
}

static int stays_open(const teitag_doc *doc, size_t i) {
  return i + 1 == doc->n_paras && (doc->part_flags & TT_PART_CONT_LAST) &&
         doc->paras[i].end == doc->len;
}

/* A paragraph's <p> goes into w->scratch with its text, raw: libxml2's
 * element and attribute calls for every paragraph cost 3% of a run.  The
 * writer never holds the element, so its end is raw too, and an open <p>
 * is only w->p_open. */
static void put_open_p(teitag_writer *w, uint8_t lang) {
  tt_buf *b = &w->scratch;
  tt_buf_puts(b, "<p");
  /* Compared with the root's language: parts of a streamed input may each
   * have detected another one. */
  if (lang != w->root_lang && lang != TEITAG_LANG_AUTO)
    ATTR_SAFE(b, "xml:lang", teitag_lang_code((teitag_lang)lang));
  tt_buf_putc(b, '>');
}

static int close_p(teitag_writer *w) {
  return xmlTextWriterWriteRaw(w->xw, BAD("</p>"));
}

static int write_paragraphs(teitag_writer *w, const teitag_doc *doc,
                            const tt_view *v) {
  size_t cursor = 0, vt = 0, prev_end = 0;
  if (w->p_open && !(doc->n_paras && goes_on(doc, 0))) {
    X(close_p(w));
    w->p_open = 0;
  }
  for (size_t i = 0; i < doc->n_paras; i++) {
    const tt_para *p = &doc->paras[i];
    while (cursor < doc->n_spans && doc->spans[cursor].end <= p->start)
      cursor++; /* spans outside any paragraph cannot be written */
    tt_buf_clear(&w->scratch);
    if (!(w->p_open && goes_on(doc, i))) {
      if (rs_mode(w)) /* the line breaks of the input, not indentation */
        X(text_run(w, doc, prev_end, p->start));
      else
        X(ws(w->xw, "\n      "));
      put_open_p(w, p->lang);
      w->n_paras++;
    }
    if (v) {
      X(flush_raw(w));
      X(paragraph_tokens(w, doc, v, p, &vt, &cursor));
    } else {
      paragraph_plain(w, doc, p, &cursor);
    }
    prev_end = p->end;
    w->p_open = stays_open(doc, i);
    if (!w->p_open)
      tt_buf_puts(&w->scratch, "</p>");
    X(flush_raw(w));
  }
  if (rs_mode(w))
    X(text_run(w, doc, prev_end, doc->len));
  return 0;
}

static int write_body(teitag_writer *w, const teitag_doc *doc) {
  if (!(w->options & (TEITAG_WRITE_TOKENS | TEITAG_WRITE_RS)))
    return write_paragraphs(w, doc, NULL);
  tt_view v;
  tt_view_build(&v, doc, 0);
  int rc = write_paragraphs(w, doc, &v);
  tt_view_free(&v);
  return rc;
}

/* ---- standOff ----------------------------------------------------------- */

static int write_list(teitag_writer *w, uint8_t type, const char *list,
                      const char *item, const char *name) {
  xmlTextWriterPtr xw = w->xw;
  int opened = 0;
  for (size_t i = 0; i < w->n_entities; i++) {
    const tt_entity *e = &w->entities[i];
    if (e->type != type)
      continue;
    if (!opened) {
      X(ws(xw, "\n    "));
      X(xmlTextWriterStartElement(xw, BAD(list)));
      opened = 1;
    }
    X(ws(xw, "\n      "));
    X(xmlTextWriterStartElement(xw, BAD(item)));
    X(xmlTextWriterWriteAttribute(xw, BAD("xml:id"), BAD(e->ref)));
    for (int l = TEITAG_LANG_EN; l <= TEITAG_LANG_RU; l++) {
      if (!e->norm[l])
        continue;
      X(xmlTextWriterStartElement(xw, BAD(name)));
      X(xmlTextWriterWriteAttribute(xw, BAD("xml:lang"),
                                    BAD(teitag_lang_code((teitag_lang)l))));
      X(xmlTextWriterWriteString(xw, BAD(e->norm[l])));
      X(xmlTextWriterEndElement(xw));
    }
    if (e->ref[0] == 'Q' && e->ref[1] >= '1' && e->ref[1] <= '9' &&
        strspn(e->ref + 1, "0123456789") == strlen(e->ref + 1)) {
      X(xmlTextWriterStartElement(xw, BAD("idno")));
      X(xmlTextWriterWriteAttribute(xw, BAD("type"), BAD("wikidata")));
      X(xmlTextWriterWriteString(xw, BAD(e->ref)));
      X(xmlTextWriterEndElement(xw));
    }
    X(xmlTextWriterEndElement(xw));
  }
  if (opened) {
    X(ws(xw, "\n    "));
    X(xmlTextWriterEndElement(xw));
  }
  return 0;
}

static int write_end(teitag_writer *w) {
  xmlTextWriterPtr xw = w->xw;
  if (w->p_open) {
    X(close_p(w));
    w->p_open = 0;
  }
  if (w->n_paras == 0) { /* TEI's body may not be empty */
    if (!rs_mode(w))
      X(ws(xw, "\n      "));
    X(xmlTextWriterStartElement(xw, BAD("p")));
    X(xmlTextWriterEndElement(xw));
  }
  if (!rs_mode(w))
    X(ws(xw, "\n    "));
  X(xmlTextWriterEndElement(xw)); /* body */
  if (!rs_mode(w))
    X(ws(xw, "\n  "));
  X(xmlTextWriterEndElement(xw)); /* text */
  if (w->n_entities) {
    X(ws(xw, "\n  "));
    X(xmlTextWriterStartElement(xw, BAD("standOff")));
    X(write_list(w, TEITAG_TYPE_PER, "listPerson", "person", "persName"));
    X(write_list(w, TEITAG_TYPE_LOC, "listPlace", "place", "placeName"));
    X(write_list(w, TEITAG_TYPE_ORG, "listOrg", "org", "orgName"));
    X(ws(xw, "\n  "));
    X(xmlTextWriterEndElement(xw));
  }
  X(ws(xw, "\n"));
  X(xmlTextWriterEndElement(xw)); /* TEI */
  X(xmlTextWriterEndDocument(xw));
  return xmlTextWriterFlush(xw);
}

/* ---- entry points ------------------------------------------------------- */

static teitag_status xml_failure(teitag_writer *w, teitag_diag *diag) {
  if (w->failed)
    return tt_fail(diag, TEITAG_EWRITE, 0, 0, TT_NO_OFFSET,
                   "the output refused data (disk full or pipe closed?)");
  return tt_fail(diag, TEITAG_EXML, 0, 0, TT_NO_OFFSET,
                 "libxml2 failed to write the TEI document");
}

teitag_status tt_tei_write(teitag_writer *w, const teitag_doc *doc,
                           teitag_diag *diag) {
  if (!w->started) {
    w->xout = xmlOutputBufferCreateIO(io_write, io_close, w, NULL);
    if (!w->xout)
      return tt_fail(diag, TEITAG_ENOMEM, 0, 0, TT_NO_OFFSET,
                     "libxml2 could not create an output buffer");
    w->xw = xmlNewTextWriter(w->xout);
    if (!w->xw) {
      xmlOutputBufferClose(w->xout);
      w->xout = NULL;
      return tt_fail(diag, TEITAG_ENOMEM, 0, 0, TT_NO_OFFSET,
                     "libxml2 could not create a text writer");
    }
    w->started = 1;
    if (write_header(w, doc) < 0)
      return xml_failure(w, diag);
  }
  if (write_body(w, doc) < 0 || xmlTextWriterFlush(w->xw) < 0)
    return xml_failure(w, diag);
  return w->failed ? xml_failure(w, diag) : TEITAG_OK;
}

teitag_status tt_tei_finish(teitag_writer *w, teitag_diag *diag) {
  if (!w->started)
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET,
                   "no document was written");
  if (write_end(w) < 0 || w->failed)
    return xml_failure(w, diag);
  return TEITAG_OK;
}

void tt_tei_free(teitag_writer *w) {
  if (w->xw)
    xmlFreeTextWriter(w->xw); /* also closes w->xout */
  w->xw = NULL;
  w->xout = NULL;
  for (size_t i = 0; i < w->n_entities; i++) {
    free(w->entities[i].ref);
    for (int l = 0; l <= TEITAG_LANG_RU; l++)
      free(w->entities[i].norm[l]);
  }
  free(w->entities);
  free(w->entity_index);
  w->entities = NULL;
  w->entity_index = NULL;
  w->n_entities = 0;
}
