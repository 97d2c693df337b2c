/* SPDX-License-Identifier: MIT
 *
 * write_html.c -- one self-contained HTML page for reading the result.
 *
 * Each entity is a <mark> coloured by its type, with its dictionary form,
 * ID, certainty and amount in the title (shown on hover) and as data-*
 * attributes; a legend names the colours.  The page needs nothing from the
 * network: the style sheet is inline and there is no script.  Every piece
 * of text and every attribute value is escaped.  Each document is an
 * <article> of the page; the page is opened by the first document and
 * closed by teitag_writer_finish().  Paragraph text keeps its line breaks
 * (white-space: pre-wrap), so what is shown is the text that was tagged.
 */
#include "config.h"

#include <string.h>

#include "writer.h"

static const char style[] =
    "body{font:16px/1.6 system-ui,-apple-system,\"Segoe UI\",sans-serif;"
    "max-width:52em;margin:2em auto;padding:0 1em;color:#1a1a1a;"
    "background:#fff}\n"
    "h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em}\n"
    "p{white-space:pre-wrap}\n"
    ".legend{position:sticky;top:0;background:#fff;padding:.5em 0;"
    "border-bottom:1px solid #ddd}\n"
    ".legend span{margin-right:1em;padding:.1em .4em;border-radius:.25em}\n"
    "mark{color:inherit;padding:.05em .15em;border-radius:.25em;"
    "border-bottom:2px solid}\n"
    "mark:hover{outline:2px solid #333}\n"
    ".per{background:#cfe2ff;border-color:#0b5ed7}\n"
    ".loc{background:#d1f2d8;border-color:#198754}\n"
    ".org{background:#ffe5bf;border-color:#d97706}\n"
    ".money{background:#ecdcff;border-color:#7c3aed}\n"
    ".summary{color:#555;font-size:.9em}\n";

static const char *css_class(uint8_t type) {
  switch (type) {
  case TEITAG_TYPE_PER: return "per";
  case TEITAG_TYPE_LOC: return "loc";
  case TEITAG_TYPE_ORG: return "org";
  default: return "money";
  }
}

static const char *label(uint8_t type) {
  switch (type) {
  case TEITAG_TYPE_PER: return "person";
  case TEITAG_TYPE_LOC: return "place";
  case TEITAG_TYPE_ORG: return "organisation";
  default: return "money";
  }
}

/* Text and attribute values: &, <, >, " and ' escaped. */
static void put_esc(tt_buf *b, const char *s, size_t len) {
  size_t run = 0;
  for (size_t i = 0; i < len; i++) {
    const char *rep;
    switch (s[i]) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = "&quot;"; break;
    case '\'': rep = "&#39;"; break;
    default: rep = NULL;
    }
    if (!rep)
      continue;
    tt_buf_put(b, s + run, i - run);
    tt_buf_puts(b, rep);
    run = i + 1;
  }
  tt_buf_put(b, s + run, len - run);
}

static void put_esc_str(tt_buf *b, const char *s) {
  if (s)
    put_esc(b, s, strlen(s));
}

static void start_page(teitag_writer *w, const teitag_doc *doc) {
  tt_buf *b = &w->scratch;
  const char *title = doc->id && *doc->id ? doc->id : "stdin";
  tt_buf_printf(b,
                "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                "<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, "
                "initial-scale=1\">\n"
                "<meta name=\"generator\" content=\"teitag %s\">\n<title>",
                teitag_lang_code(doc->lang), teitag_version());
  put_esc_str(b, title);
  tt_buf_printf(
      b,
      " \xE2\x80\x93 teitag</title>\n<style>\n%s</style>\n</head>\n<body>\n"
      "<h1>",
      style);
  put_esc_str(b, title);
  tt_buf_puts(b, "</h1>\n<p class=\"legend\">");
  for (uint8_t t = TEITAG_TYPE_PER; t <= TEITAG_TYPE_MONEY; t++)
    tt_buf_printf(b, "<span class=\"%s\">%s</span>", css_class(t), label(t));
  tt_buf_puts(b, "</p>\n");
}

/* The hover text: dictionary form, ID, certainty, amount. */
static void put_title(tt_buf *b, const teitag_doc *doc, const tt_span *sp) {
  const char *norm = tt_doc_get_str(doc, sp->norm);
  const char *ref = tt_doc_get_str(doc, sp->ref);
  tt_buf_puts(b, " title=\"");
  put_esc_str(b, label(sp->type));
  if (norm) {
    tt_buf_puts(b, ": ");
    put_esc_str(b, norm);
  }
  if (ref) {
    tt_buf_puts(b, " \xC2\xB7 ");
    put_esc_str(b, ref);
  }
  if (sp->amount) {
    tt_buf_puts(b, " \xC2\xB7 ");
    put_esc_str(b, tt_doc_get_str(doc, sp->amount));
  } else if (sp->amount_min && sp->amount_max) {
    tt_buf_puts(b, " \xC2\xB7 ");
    put_esc_str(b, tt_doc_get_str(doc, sp->amount_min));
    tt_buf_puts(b, "\xE2\x80\x93");
    put_esc_str(b, tt_doc_get_str(doc, sp->amount_max));
  }
  if (sp->currency) {
    tt_buf_putc(b, ' ');
    put_esc_str(b, tt_doc_get_str(doc, sp->currency));
  }
  if (sp->cert)
    tt_buf_printf(b, " \xC2\xB7 %s", teitag_cert_name((teitag_cert)sp->cert));
  tt_buf_putc(b, '"');
  if (ref) {
    tt_buf_puts(b, " data-ref=\"");
    put_esc_str(b, ref);
    tt_buf_putc(b, '"');
  }
  if (norm) {
    tt_buf_puts(b, " data-norm=\"");
    put_esc_str(b, norm);
    tt_buf_putc(b, '"');
  }
}

/* A paragraph with its entities as nested <mark>s (spans are sorted with
 * outer ones first, so a stack of open ends is all the state needed). */
static void paragraph(tt_buf *b, const teitag_doc *doc, const tt_para *p,
                      size_t *cursor) {
  uint32_t ends[64];
  size_t depth = 0, pos = p->start;
  while (*cursor < doc->n_spans && doc->spans[*cursor].start < p->end) {
    const tt_span *sp = &doc->spans[(*cursor)++];
    if (sp->start < pos || sp->end > p->end)
      continue;
    while (depth && ends[depth - 1] <= sp->start) {
      put_esc(b, doc->text + pos, ends[depth - 1] - pos);
      pos = ends[--depth];
      tt_buf_puts(b, "</mark>");
    }
    if ((depth && sp->end > ends[depth - 1]) || depth == 64)
      continue;
    put_esc(b, doc->text + pos, sp->start - pos);
    pos = sp->start;
    tt_buf_printf(b, "<mark class=\"%s\"", css_class(sp->type));
    put_title(b, doc, sp);
    tt_buf_putc(b, '>');
    ends[depth++] = sp->end;
  }
  while (depth) {
    put_esc(b, doc->text + pos, ends[depth - 1] - pos);
    pos = ends[--depth];
    tt_buf_puts(b, "</mark>");
  }
  put_esc(b, doc->text + pos, p->end - pos);
}

teitag_status tt_html_write(teitag_writer *w, const teitag_doc *doc,
                            teitag_diag *diag) {
  tt_buf *b = &w->scratch;
  tt_buf_clear(b);
  if (!w->started) {
    start_page(w, doc);
    w->started = 1;
  }
  size_t counts[TEITAG_TYPE_MONEY + 1] = {0};
  for (size_t i = 0; i < doc->n_spans; i++)
    counts[doc->spans[i].type <= TEITAG_TYPE_MONEY ? doc->spans[i].type : 0]++;
  tt_buf_printf(b, "<article lang=\"%s\">\n", teitag_lang_code(doc->lang));
  if (w->n_docs) {
    tt_buf_puts(b, "<h2>");
    put_esc_str(b, doc->id && *doc->id ? doc->id : "stdin");
    tt_buf_puts(b, "</h2>\n");
  }
  tt_buf_puts(b, "<p class=\"summary\">");
  for (uint8_t t = TEITAG_TYPE_PER; t <= TEITAG_TYPE_MONEY; t++)
    tt_buf_printf(b, "%s%s: %zu", t > TEITAG_TYPE_PER ? " \xC2\xB7 " : "",
                  label(t), counts[t]);
  tt_buf_puts(b, "</p>\n");
  size_t cursor = 0;
  teitag_status st = TEITAG_OK;
  for (size_t i = 0; i < doc->n_paras && st == TEITAG_OK; i++) {
    const tt_para *p = &doc->paras[i];
    if (p->lang != doc->lang && p->lang != TEITAG_LANG_AUTO)
      tt_buf_printf(b, "<p lang=\"%s\">", teitag_lang_code(p->lang));
    else
      tt_buf_puts(b, "<p>");
    paragraph(b, doc, p, &cursor);
    tt_buf_puts(b, "</p>\n");
    st = tt_writer_flush(w, 1 << 16, diag);
  }
  tt_buf_puts(b, "</article>\n");
  return st == TEITAG_OK ? tt_writer_flush(w, 0, diag) : st;
}

teitag_status tt_html_finish(teitag_writer *w, teitag_diag *diag) {
  tt_buf *b = &w->scratch;
  tt_buf_clear(b);
  if (!w->started) { /* no document: still a complete page */
    tt_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n<title>teitag</title>\n</head>\n"
                   "<body>\n<p>No documents.</p>\n");
    w->started = 1;
  }
  tt_buf_puts(b, "</body>\n</html>\n");
  return tt_writer_flush(w, 0, diag);
}
