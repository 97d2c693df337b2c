/* SPDX-License-Identifier: MIT
 *
 * doc.c -- the document model: text, paragraphs, sentences, tokens, spans.
 *
 * The document owns everything it lends out: token keys live in one
 * buffer, span strings (ID, dictionary form, amount, ...) in another, and
 * callers get borrowed pointers into them.  Annotators add spans here;
 * resolve.c chooses among them; writers read the result.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "private.h"

teitag_doc *tt_doc_new(const char *text, size_t len, const char *id) {
  teitag_doc *doc = tt_xcalloc(1, sizeof *doc);
  doc->text = tt_xstrndup(text, len);
  doc->len = len;
  doc->id = tt_xstrdup(id ? id : "");
  doc->input_bytes = len;
  tt_buf_putc(&doc->strs, '\0'); /* offset 0 means "no string" */
  return doc;
}

void teitag_doc_free(teitag_doc *doc) {
  if (!doc)
    return;
  free(doc->text);
  free(doc->id);
  free(doc->paras);
  free(doc->sents);
  free(doc->toks);
  free(doc->spans);
  free(doc->caps);
  free(doc->lowers);
  tt_hash_set_free(&doc->lower);
  tt_buf_free(&doc->keys);
  tt_buf_free(&doc->strs);
  tt_tei_src_free(doc->tei);
  free(doc);
}

void tt_doc_spare_tokens(teitag_doc *doc, tt_spare_tokens *spare) {
  free(spare->toks);
  spare->toks = doc->toks;
  spare->cap = doc->cap_toks;
  doc->lower_built = 0;
  doc->toks = NULL;
  doc->cap_toks = doc->n_toks = 0;
}

const char *teitag_doc_encoding(const teitag_doc *doc) {
  return doc && doc->encoding[0] ? doc->encoding : "UTF-8";
}

uint32_t tt_doc_strn(teitag_doc *doc, const char *s, size_t len) {
  if (!s)
    return 0;
  uint32_t off = (uint32_t)doc->strs.len;
  tt_buf_put(&doc->strs, s, len);
  tt_buf_putc(&doc->strs, '\0');
  return off;
}

const tt_hash_set *tt_doc_lower_words(teitag_doc *doc) {
  if (!doc->lower_built) {
    tt_hash_set_free(&doc->lower);
    if (doc->gather_lower) /* listed on the tokenizer's way */
      for (size_t i = 0; i < doc->n_lowers; i++)
        tt_hash_set_add(&doc->lower, doc->lowers[i], SIZE_MAX);
    else
      for (size_t i = 0; i < doc->n_toks; i++)
        if (doc->toks[i].kind == TEITAG_TOKEN_WORD && doc->toks[i].lcase == TEITAG_CASE_LOWER)
          tt_hash_set_add(&doc->lower, doc->toks[i].hash, SIZE_MAX);
    doc->lower_built = 1;
  }
  return &doc->lower;
}

uint32_t tt_doc_str(teitag_doc *doc, const char *s) {
  return s ? tt_doc_strn(doc, s, strlen(s)) : 0;
}

tt_span *tt_doc_add_token_span(teitag_doc *doc, size_t tb, size_t te,
                               teitag_type type, teitag_cert cert,
                               const char *source) {
  TT_RESERVE(doc->spans, doc->cap_spans, doc->n_spans + 1);
  tt_span *sp = &doc->spans[doc->n_spans];
  memset(sp, 0, sizeof *sp);
  sp->start = doc->toks[tb].start;
  sp->end = doc->toks[te - 1].end;
  sp->tok_begin = (uint32_t)tb;
  sp->tok_end = (uint32_t)te;
  sp->type = (uint8_t)type;
  sp->cert = (uint8_t)cert;
  sp->order = (uint32_t)doc->n_spans;
  sp->source = tt_doc_str(doc, source);
  doc->n_spans++;
  return sp;
}

/* ---- getters ---------------------------------------------------------- */

const char *teitag_doc_text(const teitag_doc *doc, size_t *len) {
  if (len)
    *len = doc ? doc->len : 0;
  return doc ? doc->text : NULL;
}

const char *teitag_doc_id(const teitag_doc *doc) { return doc ? doc->id : NULL; }

teitag_lang teitag_doc_lang(const teitag_doc *doc) {
  return doc ? doc->lang : TEITAG_LANG_AUTO;
}

size_t teitag_doc_n_paragraphs(const teitag_doc *doc) {
  return doc ? doc->n_paras : 0;
}

size_t teitag_doc_n_sentences(const teitag_doc *doc) {
  return doc ? doc->n_sents : 0;
}

size_t teitag_doc_n_tokens(const teitag_doc *doc) {
  return doc ? doc->n_toks : 0;
}

size_t teitag_doc_n_spans(const teitag_doc *doc) {
  return doc ? doc->n_spans : 0;
}

int teitag_doc_paragraph(const teitag_doc *doc, size_t i, size_t *start,
                         size_t *end, teitag_lang *lang) {
  if (!doc || i >= doc->n_paras)
    return 0;
  if (start)
    *start = doc->paras[i].start;
  if (end)
    *end = doc->paras[i].end;
  if (lang)
    *lang = (teitag_lang)doc->paras[i].lang;
  return 1;
}

int teitag_doc_sentence(const teitag_doc *doc, size_t i, size_t *start,
                        size_t *end) {
  if (!doc || i >= doc->n_sents)
    return 0;
  const tt_sent *s = &doc->sents[i];
  if (start)
    *start = doc->toks[s->tok_begin].start;
  if (end)
    *end = doc->toks[s->tok_end - 1].end;
  return 1;
}

int teitag_doc_token(const teitag_doc *doc, size_t i, teitag_token *out) {
  if (!doc || i >= doc->n_toks || !out)
    return 0;
  const tt_token *t = &doc->toks[i];
  out->start = t->start;
  out->end = t->end;
  out->kind = (teitag_token_kind)t->kind;
  out->letter_case = (teitag_token_case)t->lcase;
  out->sentence_start = (t->flags & TT_TOK_SENT_START) != 0;
  return 1;
}

int teitag_doc_span(const teitag_doc *doc, size_t i, teitag_span *out) {
  if (!doc || i >= doc->n_spans || !out)
    return 0;
  const tt_span *sp = &doc->spans[i];
  out->start = sp->start;
  out->end = sp->end;
  out->type = (teitag_type)sp->type;
  out->cert = (teitag_cert)sp->cert;
  out->ref = tt_doc_get_str(doc, sp->ref);
  out->norm = tt_doc_get_str(doc, sp->norm);
  out->source = tt_doc_get_str(doc, sp->source);
  out->amount = tt_doc_get_str(doc, sp->amount);
  out->amount_min = tt_doc_get_str(doc, sp->amount_min);
  out->amount_max = tt_doc_get_str(doc, sp->amount_max);
  out->currency = tt_doc_get_str(doc, sp->currency);
  return 1;
}

/* ---- spans from callers ----------------------------------------------- */

/* An entity ID must be usable as an xml:id (an NCName, ASCII here) and
 * must not be the ID of the application element. */
int tt_valid_id(const char *id) {
  if (!id || !*id || strcmp(id, "teitag") == 0)
    return 0;
  unsigned char c = (unsigned char)id[0];
  if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'))
    return 0;
  for (size_t i = 1; id[i]; i++) {
    c = (unsigned char)id[i];
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
          (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
      return 0;
  }
  return 1;
}

/* The paragraph holding byte range [start, end), or n_paras if none. */
static size_t paragraph_of(const teitag_doc *doc, size_t start, size_t end) {
  size_t lo = 0, hi = doc->n_paras;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->paras[mid].end < start)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < doc->n_paras && doc->paras[lo].start <= start &&
      end <= doc->paras[lo].end)
    return lo;
  return doc->n_paras;
}

/* Token range covering bytes [start, end) inside paragraph p. */
static void token_range(const teitag_doc *doc, const tt_para *p, size_t start,
                        size_t end, uint32_t *tb, uint32_t *te) {
  size_t b = p->tok_begin, e = p->tok_end;
  while (b < e && doc->toks[b].end <= start)
    b++;
  size_t k = b;
  while (k < e && doc->toks[k].start < end)
    k++;
  *tb = (uint32_t)b;
  *te = (uint32_t)k;
}

/* A plain decimal as JSON and TEI want it: no exponent, no grouping, no
 * leading zeros ("0.5" but not "00.5"), no trailing dot. */
static int valid_decimal(const char *s) {
  if (!s || !*s)
    return 0;
  size_t i = 0, digits = 0, dots = 0;
  if (s[i] == '-')
    i++;
  if (s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9')
    return 0;
  for (; s[i]; i++) {
    if (s[i] >= '0' && s[i] <= '9')
      digits++;
    else if (s[i] == '.' && !dots++)
      continue;
    else
      return 0;
  }
  return digits > 0 && s[i - 1] != '.';
}

teitag_status teitag_doc_add_span(teitag_doc *doc, const teitag_span *span,
                                  teitag_diag *diag) {
  if (!doc || !span)
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET, "NULL argument");
  size_t start = span->start, end = span->end;
  if (start >= end || end > doc->len)
    return tt_fail(diag, TEITAG_EARG, 0, 0, start,
                   "span %zu-%zu is empty or outside the text (%zu bytes)",
                   start, end, doc->len);
  if ((doc->text[start] & 0xC0) == 0x80 ||
      (end < doc->len && (doc->text[end] & 0xC0) == 0x80))
    return tt_fail(diag, TEITAG_EARG, 0, 0, start,
                   "span %zu-%zu does not fall on character boundaries",
                   start, end);
  if (span->type < TEITAG_TYPE_PER || span->type > TEITAG_TYPE_MONEY)
    return tt_fail(diag, TEITAG_EARG, 0, 0, start, "span has no valid type");
  if (span->cert > TEITAG_CERT_HIGH)
    return tt_fail(diag, TEITAG_EARG, 0, 0, start, "span has no valid cert");
  if (span->type == TEITAG_TYPE_MONEY &&
      (!span->currency || !*span->currency ||
       !(valid_decimal(span->amount) ||
         (valid_decimal(span->amount_min) && valid_decimal(span->amount_max)))))
    return tt_fail(diag, TEITAG_EARG, 0, 0, start,
                   "a MONEY span needs a currency and a plain decimal "
                   "amount or range");
  if (span->ref && !tt_valid_id(span->ref))
    return tt_fail(diag, TEITAG_EARG, 0, 0, start,
                   "ref \"%s\" is not an XML name (letters, digits, '-', "
                   "'_', '.'; not starting with a digit)",
                   span->ref);
  size_t p = paragraph_of(doc, start, end);
  if (p == doc->n_paras)
    return tt_fail(diag, TEITAG_EARG, 0, 0, start,
                   "span %zu-%zu is not inside one paragraph", start, end);
  TT_RESERVE(doc->spans, doc->cap_spans, doc->n_spans + 1);
  tt_span *sp = &doc->spans[doc->n_spans];
  memset(sp, 0, sizeof *sp);
  sp->start = (uint32_t)start;
  sp->end = (uint32_t)end;
  token_range(doc, &doc->paras[p], start, end, &sp->tok_begin, &sp->tok_end);
  sp->type = (uint8_t)span->type;
  sp->cert = (uint8_t)span->cert;
  sp->order = (uint32_t)doc->n_spans;
  /* Strings are added after the span is placed: adding may move strs. */
  doc->n_spans++;
  uint32_t ref = tt_doc_str(doc, span->ref);
  uint32_t norm = tt_doc_str(doc, span->norm);
  uint32_t source = tt_doc_str(doc, span->source ? span->source : "api");
  uint32_t amount = tt_doc_str(doc, span->amount);
  uint32_t amin = tt_doc_str(doc, span->amount_min);
  uint32_t amax = tt_doc_str(doc, span->amount_max);
  uint32_t cur = tt_doc_str(doc, span->currency);
  sp = &doc->spans[doc->n_spans - 1];
  sp->ref = ref;
  sp->norm = norm;
  sp->source = source;
  sp->amount = amount;
  sp->amount_min = amin;
  sp->amount_max = amax;
  sp->currency = cur;
  return TEITAG_OK;
}
