/* SPDX-License-Identifier: MIT
 *
 * pipeline.c -- configuration, and the road from bytes to an annotated
 * document: decode, segment and tokenize, detect the language, run the
 * annotators, resolve overlaps.
 *
 * A pipeline is set up once and then only read, so one pipeline can serve
 * many threads.  This file also holds the small name tables of the public
 * enums.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "private.h"

const char *teitag_version(void) { return PACKAGE_VERSION; }

static const char *const type_names[] = {"", "PER", "LOC", "ORG", "MONEY"};

const char *teitag_type_name(teitag_type type) {
  return (unsigned)type <= TEITAG_TYPE_MONEY ? type_names[type] : "";
}

teitag_type teitag_type_from_name(const char *name) {
  for (int t = TEITAG_TYPE_PER; name && t <= TEITAG_TYPE_MONEY; t++)
    if (strcmp(name, type_names[t]) == 0)
      return (teitag_type)t;
  return TEITAG_TYPE_NONE;
}

const char *teitag_cert_name(teitag_cert cert) {
  switch (cert) {
  case TEITAG_CERT_LOW: return "low";
  case TEITAG_CERT_MEDIUM: return "medium";
  case TEITAG_CERT_HIGH: return "high";
  default: return "";
  }
}

static const char *const lang_codes[] = {"und", "en", "uk", "ru"};

const char *teitag_lang_code(teitag_lang lang) {
  return (unsigned)lang <= TEITAG_LANG_RU ? lang_codes[lang] : "und";
}

int teitag_lang_from_code(const char *code) {
  if (!code)
    return -1;
  if (strcmp(code, "auto") == 0)
    return TEITAG_LANG_AUTO;
  for (int l = TEITAG_LANG_EN; l <= TEITAG_LANG_RU; l++)
    if (strcmp(code, lang_codes[l]) == 0)
      return l;
  return -1;
}

/* ---- the pipeline ----------------------------------------------------- */

teitag_pipeline *teitag_pipeline_new(void) {
  tt_chars_init();
  tt_writers_init();
  teitag_pipeline *p = tt_xcalloc(1, sizeof *p);
  p->lang = TEITAG_LANG_AUTO;
  p->min_cert = TEITAG_CERT_NONE;
  tt_pipeline_new_serial(p);
  return p;
}

void tt_pipeline_new_serial(teitag_pipeline *p) {
  static uint64_t last;
  p->serial = __atomic_add_fetch(&last, 1, __ATOMIC_RELAXED);
}

void teitag_pipeline_free(teitag_pipeline *p) {
  if (!p)
    return;
  for (size_t i = 0; i < p->n_gaz; i++)
    tt_gaz_release(p->gaz[i]);
  free(p->gaz);
  free(p->annotators);
  free(p);
}

teitag_status teitag_pipeline_set_lang(teitag_pipeline *p, teitag_lang lang) {
  if (!p || (unsigned)lang > TEITAG_LANG_RU)
    return TEITAG_EARG;
  p->lang = lang;
  return TEITAG_OK;
}

void teitag_pipeline_set_flags(teitag_pipeline *p, unsigned flags) {
  if (p)
    p->flags = flags;
}

void teitag_pipeline_set_min_cert(teitag_pipeline *p, teitag_cert cert) {
  if (p && (unsigned)cert <= TEITAG_CERT_HIGH)
    p->min_cert = cert;
}

teitag_status teitag_pipeline_set_encoding(teitag_pipeline *p,
                                          const char *name,
                                          teitag_diag *diag) {
  tt_diag_clear(diag);
  if (!p)
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET, "NULL argument");
  if (!name || !*name || strcmp(name, "auto") == 0) {
    p->encoding[0] = '\0';
    return TEITAG_OK;
  }
  char canon[32];
  teitag_status st = tt_encoding_name(name, canon, diag);
  if (st == TEITAG_OK)
    memcpy(p->encoding, canon, sizeof p->encoding);
  return st;
}

teitag_status teitag_pipeline_add_annotator(teitag_pipeline *p,
                                            teitag_annotator_fn fn,
                                            void *ctx) {
  if (!p || !fn)
    return TEITAG_EARG;
  TT_RESERVE(p->annotators, p->cap_annotators, p->n_annotators + 1);
  p->annotators[p->n_annotators].fn = fn;
  p->annotators[p->n_annotators].ctx = ctx;
  p->n_annotators++;
  return TEITAG_OK;
}

/* ---- documents -------------------------------------------------------- */

/* Builds paragraphs, tokens, sentences and languages over valid text. */
static teitag_status build(const teitag_pipeline *p, const char *text,
                           size_t len, const char *id, teitag_lang lang,
                           unsigned flags, tt_spare_tokens *spare,
                           teitag_doc **out, teitag_diag *diag) {
  /* Token offsets are 32-bit: a 4 GiB document would not fit, and is
   * better annotated paragraph group by paragraph group anyway. */
  if (len >= UINT32_MAX)
    return tt_fail(diag, TEITAG_ETOOBIG, 0, 0, TT_NO_OFFSET,
                   "document of %zu bytes exceeds the 4 GiB limit", len);
  teitag_doc *doc = tt_doc_new(text, len, id);
  if (spare && spare->toks) {
    doc->toks = spare->toks;
    doc->cap_toks = spare->cap;
    spare->toks = NULL;
    spare->cap = 0;
  }
  doc->pipeline = p;
  doc->lang = lang;
  doc->lang_fixed = lang != TEITAG_LANG_AUTO;
  /* the words' classes serve the name rules only; a caller that passes
   * segmentation flags alone (the stream) has the rules' flag in p */
  doc->word_classes = !((flags | p->flags) & TEITAG_PIPE_NO_RULES);
  tt_segment(doc, flags);
  tt_lang_detect(doc);
  *out = doc;
  return TEITAG_OK;
}

teitag_status teitag_doc_from_bytes(const teitag_pipeline *p,
                                    const char *bytes, size_t len,
                                    const char *name, teitag_doc **out,
                                    teitag_diag *diag) {
  tt_diag_clear(diag);
  if (!p || !out || (!bytes && len))
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET, "NULL argument");
  *out = NULL;
  tt_chars_init();
  const char *text;
  size_t text_len;
  int owned;
  char encoding[32];
  teitag_status st =
      tt_decode_as(p->encoding, bytes ? bytes : "", len, &text, &text_len,
                   &owned, encoding, diag);
  if (st != TEITAG_OK)
    return st;
  st = build(p, text, text_len, name, p->lang, p->flags, NULL, out, diag);
  if (st == TEITAG_OK) {
    teitag_doc *doc = *out;
    doc->input_bytes = len;
    memcpy(doc->encoding, encoding, sizeof doc->encoding);
    tt_sha256 sha;
    tt_sha256_init(&sha);
    tt_sha256_update(&sha, bytes ? bytes : "", len);
    tt_sha256_final(&sha, doc->sha256);
    doc->has_sha256 = 1;
  }
  if (owned)
    free((void *)text);
  return st;
}

teitag_status tt_doc_from_text(const teitag_pipeline *p, const char *text,
                               size_t len, const char *name, unsigned flags,
                               tt_spare_tokens *spare, teitag_doc **out,
                               teitag_diag *diag) {
  *out = NULL;
  return build(p, text, len, name, p->lang, flags, spare, out, diag);
}

teitag_status teitag_doc_from_jsonl(const teitag_pipeline *p, const char *line,
                                    size_t len, teitag_doc **out,
                                    teitag_diag *diag) {
  tt_diag_clear(diag);
  if (!p || !out || (!line && len))
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET, "NULL argument");
  *out = NULL;
  tt_chars_init();
  tt_json *root = tt_json_parse(line ? line : "", len, diag);
  if (!root)
    return TEITAG_ESYNTAX;
  teitag_status st = TEITAG_OK;
  const tt_json *text = tt_json_get(root, "text");
  const tt_json *id = tt_json_get(root, "id");
  const tt_json *lang = tt_json_get(root, "lang");
  teitag_lang l = p->lang;
  if (root->kind != TT_JSON_OBJECT || !text || text->kind != TT_JSON_STRING) {
    st = tt_fail(diag, TEITAG_ESYNTAX, 1, 1, 0,
                 "expected an object with a \"text\" string");
    goto done;
  }
  if (id && id->kind != TT_JSON_STRING && id->kind != TT_JSON_NUMBER) {
    st = tt_fail(diag, TEITAG_ESYNTAX, 1, 1, 0,
                 "\"id\" must be a string or a number");
    goto done;
  }
  if (lang && lang->kind != TT_JSON_NULL) {
    int code = lang->kind == TT_JSON_STRING ? teitag_lang_from_code(lang->str) : -1;
    if (code < 0) {
      st = tt_fail(diag, TEITAG_ESYNTAX, 1, 1, 0,
                   "\"lang\" must be \"en\", \"uk\", \"ru\" or \"auto\"");
      goto done;
    }
    if (code != TEITAG_LANG_AUTO)
      l = (teitag_lang)code;
  }
  st = tt_check_text(text->str, text->len, 0, diag);
  if (st != TEITAG_OK)
    goto done;
  st = build(p, text->str, text->len, id ? id->str : NULL, l, p->flags, NULL,
             out, diag);
  if (st == TEITAG_OK)
    snprintf((*out)->encoding, sizeof (*out)->encoding, "JSON");
done:
  tt_json_free(root);
  return st;
}

teitag_status teitag_doc_annotate(const teitag_pipeline *p, teitag_doc *doc,
                                  teitag_diag *diag) {
  tt_diag_clear(diag);
  if (!p || !doc)
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET, "NULL argument");
  teitag_status st = TEITAG_OK;
  if (!(p->flags & TEITAG_PIPE_NO_GAZETTEER))
    st = tt_gazetteer_annotate(p, doc, diag);
  if (st == TEITAG_OK && !(p->flags & TEITAG_PIPE_NO_MONEY))
    st = tt_money_annotate(p, doc, diag);
  if (st == TEITAG_OK && !(p->flags & TEITAG_PIPE_NO_RULES))
    st = tt_names_annotate(p, doc, diag);
  if (st != TEITAG_OK)
    return st;
  for (size_t i = 0; i < p->n_annotators; i++) {
    st = p->annotators[i].fn(doc, p->annotators[i].ctx, diag);
    if (st != TEITAG_OK)
      return st;
  }
  tt_resolve(doc, (p->flags & TEITAG_PIPE_NESTED) != 0, p->min_cert);
  return TEITAG_OK;
}

teitag_status teitag_annotate(const teitag_pipeline *p, const char *bytes,
                              size_t len, const char *name, teitag_doc **out,
                              teitag_diag *diag) {
  teitag_status st = teitag_doc_from_bytes(p, bytes, len, name, out, diag);
  if (st != TEITAG_OK)
    return st;
  st = teitag_doc_annotate(p, *out, diag);
  if (st != TEITAG_OK) {
    teitag_doc_free(*out);
    *out = NULL;
  }
  return st;
}
