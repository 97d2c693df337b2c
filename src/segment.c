/* SPDX-License-Identifier: MIT
 *
 * segment.c -- paragraphs: blank-line separated blocks, or single lines.
 *
 * A file with a blank line anywhere is read as blocks (a paragraph may span
 * several lines); a file without one, as news dumps often are, has one
 * paragraph per line.  A paragraph's byte range excludes the line break
 * that ends it, so the TEI <p> holds exactly the paragraph's characters.
 * Tokens and sentences are made here, paragraph by paragraph, so that no
 * token or sentence ever crosses a paragraph boundary.
 */
#include "config.h"

#include <string.h>

#include "private.h"

/* End of the line that starts at i: the offset of its \n, \r\n or \r. */
static size_t line_end(const char *s, size_t i, size_t len) {
  const char *nl = memchr(s + i, '\n', len - i);
  size_t e = nl ? (size_t)(nl - s) : len;
  const char *cr = memchr(s + i, '\r', e - i);
  if (cr)
    e = (size_t)(cr - s);
  return e;
}

/* Offset just past the line break at e (which is \n, \r\n, \r or len). */
static size_t skip_break(const char *s, size_t e, size_t len) {
  if (e >= len)
    return len;
  if (s[e] == '\r' && e + 1 < len && s[e + 1] == '\n')
    return e + 2;
  return e + 1;
}

static int blank(const char *s, size_t start, size_t end) {
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = start; i < end;) {
    uint32_t cp;
    size_t n = tt_utf8_next(u + i, &cp);
    if (!(tt_cp_class(cp) & TT_C_SPACE))
      return 0;
    i += n;
  }
  return 1;
}

/* Is there a blank line between two lines of text anywhere?  (Also used
 * by stream.c to choose the paragraph mode of a file read in parts.) */
int tt_has_blank_line(const char *s, size_t len) {
  int seen_text = 0, pending_blank = 0;
  for (size_t i = 0; i < len;) {
    size_t e = line_end(s, i, len);
    if (blank(s, i, e)) {
      pending_blank = seen_text;
    } else {
      if (pending_blank)
        return 1;
      seen_text = 1;
    }
    i = skip_break(s, e, len);
  }
  return 0;
}

static void add_paragraph(teitag_doc *doc, size_t start, size_t end) {
  TT_RESERVE(doc->paras, doc->cap_paras, doc->n_paras + 1);
  tt_para *p = &doc->paras[doc->n_paras++];
  p->start = (uint32_t)start;
  p->end = (uint32_t)end;
  p->tok_begin = (uint32_t)doc->n_toks;
  tt_tokenize(doc, start, end);
  p->counts = doc->tok_counts;
  p->classes = doc->tok_classes;
  p->tok_end = (uint32_t)doc->n_toks;
  p->lang = TEITAG_LANG_AUTO;
  tt_split_sentences(doc, p->tok_begin, p->tok_end);
}

/* Room for the tokens, keys, spans and span strings of `len` bytes of
 * news text, so that the arrays are not copied on every doubling as they
 * grow from nothing (the copies were 2% of a run).  Text denser in tokens
 * than this still grows them as before. */
static void reserve_for(teitag_doc *doc, size_t len) {
  /* exactly this much: doubling from 16 would round a 4 MB part's 22 MB
   * up to 32 MB, which glibc maps afresh for every part, and the kernel
   * then zeroes every page of it again */
  size_t toks = len / 6 + 16;
  if (doc->cap_toks < toks) {
    doc->toks = tt_xrealloc(doc->toks, toks * sizeof *doc->toks);
    doc->cap_toks = toks;
  }
  tt_buf_reserve(&doc->keys, len + 16);
  TT_RESERVE(doc->spans, doc->cap_spans, len / 48 + 16);
  tt_buf_reserve(&doc->strs, len / 2 + 16);
}

/* From this length on, the words in lower case are listed as the text is
 * tokenized (see tt_segment). */
#define EAGER_LOWER_MIN (32 * 1024)

void tt_segment(teitag_doc *doc, unsigned flags) {
  const char *s = doc->text;
  size_t len = doc->len;
  int blocks;
  if (flags & TEITAG_PIPE_LINES)
    blocks = 0;
  else if (flags & TEITAG_PIPE_BLOCKS)
    blocks = 1;
  else
    blocks = tt_has_blank_line(s, len);
  reserve_for(doc, len);
  /* new tokens.  With the rules' word classes, the tokenizer lists the
   * words in lower case as it goes in a long text, for the set of them
   * that the rules may ask for: a pass over a long text's tokens, out of
   * the cache by then, cost more.  A single article's pass is cheap, and
   * most never ask. */
  tt_hash_set_free(&doc->lower);
  doc->lower_built = 0;
  doc->n_lowers = 0;
  doc->gather_lower = doc->word_classes && len >= EAGER_LOWER_MIN;
  size_t para_start = 0, para_end = 0;
  int open = 0;
  for (size_t i = 0; i < len;) {
    size_t e = line_end(s, i, len);
    if (blank(s, i, e)) {
      if (open)
        add_paragraph(doc, para_start, para_end);
      open = 0;
    } else if (!blocks) {
      add_paragraph(doc, i, e);
    } else {
      if (!open)
        para_start = i;
      open = 1;
      para_end = e;
    }
    i = skip_break(s, e, len);
  }
  if (open)
    add_paragraph(doc, para_start, para_end);
}
