/* SPDX-License-Identifier: MIT
 *
 * stream.c -- one input of any size, annotated part by part in bounded
 * memory.
 *
 * Bytes are fed in blocks.  The first part (up to the part size) decides
 * the encoding and the paragraph mode; after that the input is decoded to
 * UTF-8 as it comes (UTF-8 is only checked; other encodings go through an
 * ICU converter pair that keeps its state across blocks), and whenever a
 * part's worth of text is pending it is cut at the last paragraph boundary
 * before the part size, annotated as a document of its own and handed to
 * the writer, which appends its paragraphs to the same output document.
 * A paragraph longer than a part (a 100 MB line) is cut at white space
 * (or, with none, at a character boundary) and the writer continues the
 * same <p> in the next part, so memory stays bounded by the part size
 * whatever the input.  An input no larger than one part is one document,
 * exactly as teitag_annotate() makes it.  This file does not read files:
 * the caller feeds bytes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>

#include "writer.h"

#define DEFAULT_PART_SIZE ((size_t)4 << 20)
#define MIN_PART_SIZE ((size_t)4096)
#define PIVOT_UNITS 4096

typedef struct tt_part_range {
  size_t start, end; /* bytes of decoded text */
} tt_part_range;

struct teitag_stream {
  const teitag_pipeline *p;
  teitag_writer *w;
  char *name;
  size_t part_size;
  size_t input_size; /* the caller's hint for the header; 0 = unknown */

  teitag_status failed; /* the first error; every later call repeats it */
  teitag_diag fail_diag;

  int decided;          /* encoding and paragraph mode are known */
  char encoding[32];
  int utf8;             /* the text is the input itself, only checked */
  unsigned seg_flags;   /* TEITAG_PIPE_LINES or TEITAG_PIPE_BLOCKS */
  UConverter *from, *to;
  UChar pivot[PIVOT_UNITS];
  UChar *pivot_src, *pivot_tgt;
  int pivot_reset;

  tt_buf raw;          /* input held back until the encoding is decided */
  tt_buf text;         /* decoded UTF-8 not yet annotated */
  size_t in_fed;       /* input bytes fed so far */
  size_t in_done;      /* input bytes behind the text already annotated */
  size_t text_done;    /* decoded bytes already annotated */
  size_t cps_done;     /* code points already annotated */
  int mid_paragraph;   /* the last part ended inside a paragraph */

  tt_part_range *parts;
  size_t n_parts, cap_parts;
  tt_spare_tokens spare; /* the last part's token array, for the next */
  size_t n_entities[TEITAG_TYPE_MONEY + 1];
};

/* Records the first failure; later calls return it again. */
static teitag_status fail(teitag_stream *s, teitag_status st,
                          const teitag_diag *d, teitag_diag *diag) {
  if (!s->failed) {
    s->failed = st;
    if (d)
      s->fail_diag = *d;
  }
  if (diag)
    *diag = s->fail_diag;
  return s->failed;
}

teitag_status teitag_stream_new(const teitag_pipeline *p, const char *name,
                                teitag_writer *w, teitag_stream **out) {
  if (!out)
    return TEITAG_EARG;
  *out = NULL;
  if (!p || !w)
    return TEITAG_EARG;
  tt_chars_init();
  teitag_stream *s = tt_xcalloc(1, sizeof *s);
  s->p = p;
  s->w = w;
  s->name = tt_xstrdup(name ? name : "");
  s->part_size = DEFAULT_PART_SIZE;
  tt_diag_clear(&s->fail_diag);
  *out = s;
  return TEITAG_OK;
}

void teitag_stream_set_part_size(teitag_stream *s, size_t bytes) {
  if (s && !s->decided && s->raw.len == 0)
    s->part_size = bytes < MIN_PART_SIZE ? MIN_PART_SIZE : bytes;
}

void teitag_stream_set_input_size(teitag_stream *s, size_t bytes) {
  if (s)
    s->input_size = bytes;
}

void teitag_stream_free(teitag_stream *s) {
  if (!s)
    return;
  if (s->from)
    ucnv_close(s->from);
  if (s->to)
    ucnv_close(s->to);
  tt_buf_free(&s->raw);
  tt_buf_free(&s->text);
  free(s->spare.toks);
  free(s->parts);
  free(s->name);
  free(s);
}

const char *teitag_stream_encoding(const teitag_stream *s) {
  return s && s->encoding[0] ? s->encoding : "";
}

size_t teitag_stream_n_entities(const teitag_stream *s, teitag_type type) {
  return s && (unsigned)type <= TEITAG_TYPE_MONEY ? s->n_entities[type] : 0;
}

size_t teitag_stream_n_parts(const teitag_stream *s) {
  return s ? s->n_parts : 0;
}

int teitag_stream_part(const teitag_stream *s, size_t i, size_t *start,
                       size_t *end) {
  if (!s || i >= s->n_parts)
    return 0;
  if (start)
    *start = s->parts[i].start;
  if (end)
    *end = s->parts[i].end;
  return 1;
}

/* ---- one part ------------------------------------------------------------ */

static void count_entities(teitag_stream *s, const teitag_doc *doc) {
  for (size_t i = 0; i < doc->n_spans; i++)
    if (doc->spans[i].type <= TEITAG_TYPE_MONEY)
      s->n_entities[doc->spans[i].type]++;
}

/* Checks the first `len` bytes of pending text: valid UTF-8 that XML can
 * carry.  Offsets in errors are offsets into the input. */
static teitag_status check_part(teitag_stream *s, size_t len,
                                teitag_diag *diag) {
  const char *t = s->text.data;
  if (s->utf8) {
    size_t bad = tt_utf8_check((const unsigned char *)t, len);
    if (bad != len) {
      size_t at = s->in_done + bad;
      return tt_fail(diag, TEITAG_EUTF8, 0, 0, at,
                     "invalid UTF-8 (byte 0x%02X) at byte offset %zu",
                     (unsigned char)t[bad], at);
    }
  }
  teitag_status st = tt_check_text(t, len, 0, diag);
  if (st != TEITAG_OK && diag) {
    size_t span = tt_input_span(s->encoding, t, diag->offset);
    tt_diag_move_offset(diag, span == TT_NO_OFFSET ? span : s->in_done + span);
  }
  return st;
}

/* Annotates the first `len` bytes of pending text as one part.
 * `cont_last`: the cut falls inside a paragraph. */
static teitag_status emit_part(teitag_stream *s, size_t len, int cont_last,
                               teitag_diag *diag) {
  teitag_diag d;
  teitag_status st = check_part(s, len, &d);
  teitag_doc *doc = NULL;
  if (st == TEITAG_OK)
    st = tt_doc_from_text(s->p, s->text.data, len, s->name, s->seg_flags,
                          &s->spare, &doc, &d);
  if (st == TEITAG_OK) {
    doc->part_flags = TT_PART_OF_STREAM |
                      (s->mid_paragraph ? TT_PART_CONT_FIRST : 0) |
                      (cont_last ? TT_PART_CONT_LAST : 0);
    doc->base_cps = s->cps_done;
    doc->part_size = s->part_size;
    doc->input_bytes = s->input_size;
    snprintf(doc->encoding, sizeof doc->encoding, "%s", s->encoding);
    st = teitag_doc_annotate(s->p, doc, &d);
  }
  if (st == TEITAG_OK)
    st = teitag_writer_write(s->w, doc, &d);
  if (st == TEITAG_OK)
    count_entities(s, doc);
  if (doc)
    tt_doc_spare_tokens(doc, &s->spare);
  teitag_doc_free(doc);
  if (st != TEITAG_OK)
    return fail(s, st, &d, diag);
  TT_RESERVE(s->parts, s->cap_parts, s->n_parts + 1);
  s->parts[s->n_parts].start = s->text_done;
  s->parts[s->n_parts].end = s->text_done + len;
  s->n_parts++;
  size_t span = tt_input_span(s->encoding, s->text.data, len);
  s->in_done += span == TT_NO_OFFSET ? 0 : span;
  s->text_done += len;
  /* Code points are needed only for the offsets of JSONL output. */
  if (s->w->format == TEITAG_FORMAT_JSONL)
    s->cps_done += tt_utf8_count(s->text.data, len);
  s->mid_paragraph = cont_last;
  memmove(s->text.data, s->text.data + len, s->text.len - len);
  s->text.len -= len;
  return TEITAG_OK;
}

/* Where to end a part within t[0, limit): just after the last paragraph
 * boundary (a blank line in blocks mode, a line break in lines mode).
 * Returns 0 when there is none. */
static size_t paragraph_cut(const char *t, size_t limit, int blocks) {
  for (size_t i = limit; i > 1; i--) {
    if (t[i - 1] != '\n')
      continue;
    if (!blocks)
      return i;
    /* blank line: "\n\n", "\n\r\n", or "\n" + spaces/tabs + "\n" */
    size_t j = i - 1;
    while (j > 0 && (t[j - 1] == ' ' || t[j - 1] == '\t' || t[j - 1] == '\r'))
      j--;
    if (j > 0 && t[j - 1] == '\n')
      return i;
  }
  return 0;
}

/* A cut inside a paragraph that is longer than a part: after white space
 * that is followed by text (so that the next part begins with the rest of
 * the paragraph), else at the last character boundary. */
static size_t inner_cut(const char *t, size_t limit) {
  for (size_t i = limit; i > 1; i--)
    if ((t[i - 1] == ' ' || t[i - 1] == '\t') && t[i] != ' ' &&
        t[i] != '\t' && t[i] != '\n' && t[i] != '\r')
      return i;
  size_t i = limit;
  while (i > 1 && ((unsigned char)t[i] & 0xC0) == 0x80)
    i--;
  return i;
}

/* Emits parts while more than a part's worth of text is pending. */
static teitag_status drain(teitag_stream *s, teitag_diag *diag) {
  while (s->text.len > s->part_size) {
    int blocks = (s->seg_flags & TEITAG_PIPE_BLOCKS) != 0;
    size_t cut = paragraph_cut(s->text.data, s->part_size, blocks);
    int inside = cut == 0;
    if (inside)
      cut = inner_cut(s->text.data, s->part_size);
    teitag_status st = emit_part(s, cut, inside, diag);
    if (st != TEITAG_OK)
      return st;
  }
  return TEITAG_OK;
}

/* ---- decoding as the bytes come ---------------------------------------- */

static teitag_status convert(teitag_stream *s, const char *bytes, size_t len,
                             int flush, teitag_diag *diag) {
  const char *src = bytes;
  for (;;) {
    tt_buf_reserve(&s->text, len * 2 + 4096);
    char *tgt = s->text.data + s->text.len;
    char *tgt_end = s->text.data + s->text.cap - 1;
    UErrorCode err = U_ZERO_ERROR;
    ucnv_convertEx(s->to, s->from, &tgt, tgt_end, &src, bytes + len,
                   s->pivot, &s->pivot_src, &s->pivot_tgt,
                   s->pivot + PIVOT_UNITS, s->pivot_reset, flush, &err);
    s->pivot_reset = 0;
    s->text.len = (size_t)(tgt - s->text.data);
    if (err == U_BUFFER_OVERFLOW_ERROR)
      continue;
    if (U_FAILURE(err)) {
      char bad[32];
      int8_t bad_len = (int8_t)sizeof bad;
      UErrorCode e2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(s->from, bad, &bad_len, &e2);
      size_t at = s->in_fed + (size_t)(src - bytes) -
                  (U_SUCCESS(e2) ? (size_t)bad_len : 0);
      teitag_diag d;
      tt_fail(&d, TEITAG_EUTF8, 0, 0, at, "invalid %s at byte offset %zu",
              s->encoding, at);
      return fail(s, TEITAG_EUTF8, &d, diag);
    }
    break;
  }
  s->in_fed += len;
  return TEITAG_OK;
}

/* Takes bytes into the pending text (checked or converted). */
static teitag_status take(teitag_stream *s, const char *bytes, size_t len,
                          teitag_diag *diag) {
  if (s->utf8) {
    tt_buf_put(&s->text, bytes, len);
    s->in_fed += len;
    return TEITAG_OK;
  }
  return convert(s, bytes, len, 0, diag);
}

static teitag_status open_converters(teitag_stream *s, teitag_diag *diag) {
  UErrorCode err = U_ZERO_ERROR;
  s->from = ucnv_open(s->encoding, &err);
  if (U_SUCCESS(err))
    ucnv_setToUCallBack(s->from, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL,
                        &err);
  if (U_SUCCESS(err))
    s->to = ucnv_open("UTF-8", &err);
  if (U_FAILURE(err)) {
    teitag_diag d;
    tt_fail(&d, TEITAG_EICU, 0, 0, TT_NO_OFFSET,
            "cannot open the %s converter: %s", s->encoding, u_errorName(err));
    return fail(s, TEITAG_EICU, &d, diag);
  }
  s->pivot_src = s->pivot_tgt = s->pivot;
  s->pivot_reset = 1;
  return TEITAG_OK;
}

/* The first part is here: decide the encoding and the paragraph mode,
 * then decode what was held back. */
static teitag_status decide(teitag_stream *s, teitag_diag *diag) {
  teitag_diag d;
  const char *forced = s->p->encoding;
  teitag_status st = TEITAG_OK;
  if (forced[0])
    snprintf(s->encoding, sizeof s->encoding, "%s", forced);
  else
    st = tt_detect_encoding(s->raw.data, s->raw.len, 1, s->encoding, &d);
  if (st != TEITAG_OK)
    return fail(s, st, &d, diag);
  s->decided = 1;
  const unsigned char *b = (const unsigned char *)s->raw.data;
  size_t skip = 0;
  if (strncmp(s->encoding, "UTF-8", 5) == 0) {
    s->utf8 = 1;
    if (s->raw.len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
      skip = 3;
  } else {
    /* UTF-16LE/BE converters would keep a BOM as text. */
    if (strncmp(s->encoding, "UTF-16", 6) == 0 && s->encoding[6] &&
        ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
      skip = 2;
    if (open_converters(s, diag) != TEITAG_OK)
      return s->failed;
  }
  s->in_fed = s->in_done = skip;
  st = take(s, s->raw.data + skip, s->raw.len - skip, diag);
  tt_buf_free(&s->raw);
  if (st != TEITAG_OK)
    return st;
  /* Paragraph mode: as for a whole file, but judged on the first part. */
  unsigned pf = s->p->flags;
  if (pf & (TEITAG_PIPE_LINES | TEITAG_PIPE_BLOCKS))
    s->seg_flags = pf & (TEITAG_PIPE_LINES | TEITAG_PIPE_BLOCKS);
  else
    s->seg_flags = tt_has_blank_line(s->text.data, s->text.len)
                       ? TEITAG_PIPE_BLOCKS
                       : TEITAG_PIPE_LINES;
  return TEITAG_OK;
}

teitag_status teitag_stream_feed(teitag_stream *s, const char *bytes,
                                 size_t len, teitag_diag *diag) {
  tt_diag_clear(diag);
  if (!s || (!bytes && len))
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET, "NULL argument");
  if (s->failed)
    return fail(s, s->failed, NULL, diag);
  if (!s->decided) {
    tt_buf_put(&s->raw, bytes, len);
    if (s->raw.len <= s->part_size)
      return TEITAG_OK;
    teitag_status st = decide(s, diag);
    return st != TEITAG_OK ? st : drain(s, diag);
  }
  teitag_status st = take(s, bytes, len, diag);
  return st != TEITAG_OK ? st : drain(s, diag);
}

/* An input of at most one part: one document, as teitag_annotate makes. */
static teitag_status finish_whole(teitag_stream *s, teitag_diag *diag) {
  teitag_diag d;
  teitag_doc *doc = NULL;
  teitag_status st = teitag_annotate(s->p, s->raw.data ? s->raw.data : "",
                                     s->raw.len, s->name, &doc, &d);
  if (st == TEITAG_OK) {
    snprintf(s->encoding, sizeof s->encoding, "%s", doc->encoding);
    st = teitag_writer_write(s->w, doc, &d);
  }
  if (st == TEITAG_OK) {
    count_entities(s, doc);
    TT_RESERVE(s->parts, s->cap_parts, 1);
    s->parts[0].start = 0;
    s->parts[0].end = doc->len;
    s->n_parts = 1;
  }
  teitag_doc_free(doc);
  tt_buf_free(&s->raw);
  return st == TEITAG_OK ? TEITAG_OK : fail(s, st, &d, diag);
}

teitag_status teitag_stream_finish(teitag_stream *s, teitag_diag *diag) {
  tt_diag_clear(diag);
  if (!s)
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET, "NULL argument");
  if (s->failed)
    return fail(s, s->failed, NULL, diag);
  if (!s->decided)
    return finish_whole(s, diag);
  teitag_status st = s->utf8 ? TEITAG_OK : convert(s, "", 0, 1, diag);
  if (st == TEITAG_OK)
    st = drain(s, diag);
  if (st == TEITAG_OK && (s->text.len || s->n_parts == 0))
    st = emit_part(s, s->text.len, 0, diag);
  if (st == TEITAG_OK)
    tt_writer_end_input(s->w);
  s->failed = st != TEITAG_OK ? st : TEITAG_EARG; /* no more input */
  if (st == TEITAG_OK)
    tt_fail(&s->fail_diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET,
            "the stream is already finished");
  return st;
}
