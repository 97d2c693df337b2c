/* SPDX-License-Identifier: MIT
 *
 * eval.c -- precision, recall and F1 against gold JSONL.
 *
 * Each gold line is annotated by the same path as `annotate -i jsonl`
 * (teitag_doc_from_jsonl, so a given "lang" is used as it would be there),
 * and its spans are compared with the gold ones by exact code-point span
 * and type.  Only the types that a document's "types" lists are scored:
 * a corpus without MONEY must not count our money amounts as errors.
 * Language detection is scored on the side, on the same text, with the
 * gold "lang" hidden from it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "private.h"

#define N_LANG (TEITAG_LANG_RU + 1)
#define N_TYPE (TEITAG_TYPE_MONEY + 1)
#define CONTEXT 40 /* code points shown on each side of an error */

typedef struct {
  size_t gold, pred, tp;
  size_t tp_cert[TEITAG_CERT_HIGH + 1]; /* true positives by certainty */
} tally;

typedef struct {
  uint8_t missed; /* 1: false negative, 0: false positive */
  uint8_t lang, type;
  uint32_t text; /* offset of "id: …context…" in the error buffer */
} error_rec;

struct teitag_eval {
  size_t n_docs;
  size_t docs[N_LANG];
  size_t lang_right, lang_scored;
  tally t[N_LANG][N_TYPE];
  int scored[N_LANG][N_TYPE];
  error_rec *errors;
  size_t n_errors, cap_errors;
  tt_buf error_text;
};

typedef struct {
  size_t start, end; /* code points */
  uint8_t type;
  uint8_t cert;      /* predicted spans only */
} cspan;

teitag_eval *teitag_eval_new(void) {
  teitag_eval *ev = tt_xcalloc(1, sizeof *ev);
  tt_buf_putc(&ev->error_text, '\0');
  return ev;
}

void teitag_eval_free(teitag_eval *ev) {
  if (!ev)
    return;
  free(ev->errors);
  tt_buf_free(&ev->error_text);
  free(ev);
}

static int by_span(const void *a, const void *b) {
  const cspan *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return (int)x->type - (int)y->type;
}

/* Byte offset of every code point (and of the end), so gold offsets can be
 * shown in context. */
static size_t *cp_offsets(const char *text, size_t len, size_t *n_cp) {
  size_t n = tt_utf8_count(text, len);
  size_t *off = tt_xmalloc((n + 1) * sizeof *off);
  size_t k = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)text[i] & 0xC0) != 0x80)
      off[k++] = i;
  off[n] = len;
  *n_cp = n;
  return off;
}

static void note_error(teitag_eval *ev, const char *id, const char *text,
                       const size_t *off, size_t n_cp, const cspan *s,
                       teitag_lang lang, int missed) {
  size_t from = s->start > CONTEXT ? s->start - CONTEXT : 0;
  size_t to = s->end + CONTEXT < n_cp ? s->end + CONTEXT : n_cp;
  tt_buf *b = &ev->error_text;
  uint32_t at = (uint32_t)b->len;
  tt_buf_printf(b, "%s: ", id);
  size_t mark = b->len;
  tt_buf_put(b, text + off[from], off[s->start] - off[from]);
  tt_buf_puts(b, "[[");
  tt_buf_put(b, text + off[s->start], off[s->end] - off[s->start]);
  tt_buf_puts(b, "]]");
  tt_buf_put(b, text + off[s->end], off[to] - off[s->end]);
  for (size_t i = mark; i < b->len; i++)
    if (b->data[i] == '\n' || b->data[i] == '\r' || b->data[i] == '\t')
      b->data[i] = ' ';
  tt_buf_putc(b, '\0');
  TT_RESERVE(ev->errors, ev->cap_errors, ev->n_errors + 1);
  error_rec *e = &ev->errors[ev->n_errors++];
  e->missed = (uint8_t)missed;
  e->lang = (uint8_t)lang;
  e->type = s->type;
  e->text = at;
}

/* Reads the gold spans of one line; returns -1 on a malformed entity. */
static int gold_spans(const tt_json *entities, size_t n_cp, cspan **out,
                      size_t *n_out) {
  size_t n = 0, cap = 0;
  cspan *v = NULL;
  for (const tt_json *e = entities ? entities->child : NULL; e; e = e->next) {
    const tt_json *s = tt_json_get(e, "start"), *en = tt_json_get(e, "end"),
                  *ty = tt_json_get(e, "type");
    if (!s || !en || !ty || s->kind != TT_JSON_NUMBER ||
        en->kind != TT_JSON_NUMBER || ty->kind != TT_JSON_STRING) {
      free(v);
      return -1;
    }
    char *endp;
    unsigned long long a = strtoull(s->str, &endp, 10);
    unsigned long long b = strtoull(en->str, &endp, 10);
    if (s->str[0] == '-' || en->str[0] == '-' || a >= b || b > n_cp) {
      free(v);
      return -1;
    }
    teitag_type t = teitag_type_from_name(ty->str);
    if (t == TEITAG_TYPE_NONE)
      continue; /* a type teitag does not tag */
    TT_RESERVE(v, cap, n + 1);
    v[n].start = (size_t)a;
    v[n].end = (size_t)b;
    v[n].type = (uint8_t)t;
    n++;
  }
  *out = v;
  *n_out = n;
  return 0;
}

/* The predicted spans in code points (top-level and nested alike: gold
 * files are flat, so nested spans only count when nesting is asked for). */
static cspan *pred_spans(const teitag_doc *doc, size_t *n_out) {
  cspan *v = tt_xmalloc((doc->n_spans ? doc->n_spans : 1) * sizeof *v);
  size_t at = 0, cps = 0, n = 0;
  for (size_t i = 0; i < doc->n_spans; i++) {
    const tt_span *sp = &doc->spans[i];
    if (sp->start < at) {
      at = 0;
      cps = 0;
    }
    cps += tt_utf8_count(doc->text + at, sp->start - at);
    at = sp->start;
    v[n].start = cps;
    v[n].end = cps + tt_utf8_count(doc->text + sp->start, sp->end - sp->start);
    v[n].type = sp->type;
    v[n].cert = sp->cert <= TEITAG_CERT_HIGH ? sp->cert : 0;
    n++;
  }
  *n_out = n;
  return v;
}

teitag_status teitag_eval_add_jsonl(teitag_eval *ev, const teitag_pipeline *p,
                                    const char *line, size_t len,
                                    teitag_diag *diag) {
  tt_diag_clear(diag);
  if (!ev || !p)
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET, "NULL argument");
  tt_json *root = tt_json_parse(line, len, diag);
  if (!root)
    return TEITAG_ESYNTAX;
  teitag_status st = TEITAG_OK;
  teitag_doc *doc = NULL;
  cspan *gold = NULL, *pred = NULL;
  size_t *off = NULL;
  const tt_json *text = tt_json_get(root, "text");
  const tt_json *types = tt_json_get(root, "types");
  const tt_json *lang = tt_json_get(root, "lang");
  const tt_json *id = tt_json_get(root, "id");
  if (!text || text->kind != TT_JSON_STRING || !types ||
      types->kind != TT_JSON_ARRAY) {
    st = tt_fail(diag, TEITAG_ESYNTAX, 1, 1, 0,
                 "a gold line needs a \"text\" string and a \"types\" array");
    goto done;
  }
  int scored[N_TYPE] = {0};
  for (const tt_json *t = types->child; t; t = t->next)
    if (t->kind == TT_JSON_STRING)
      scored[teitag_type_from_name(t->str)] = 1;
  size_t n_cp;
  off = cp_offsets(text->str, text->len, &n_cp);
  size_t n_gold, n_pred;
  if (gold_spans(tt_json_get(root, "entities"), n_cp, &gold, &n_gold) < 0) {
    st = tt_fail(diag, TEITAG_ESYNTAX, 1, 1, 0,
                 "a gold entity needs numeric \"start\" < \"end\" within "
                 "the text and a \"type\"");
    goto done;
  }
  st = teitag_doc_from_jsonl(p, line, len, &doc, diag);
  if (st == TEITAG_OK)
    st = teitag_doc_annotate(p, doc, diag);
  if (st != TEITAG_OK)
    goto done;
  teitag_lang gold_lang = doc->lang;
  int lang_known = lang && lang->kind == TT_JSON_STRING &&
                   teitag_lang_from_code(lang->str) > 0;
  if (lang_known) {
    gold_lang = (teitag_lang)teitag_lang_from_code(lang->str);
    ev->lang_scored++;
    ev->lang_right += tt_lang_of_text(text->str, text->len) == gold_lang;
  }
  pred = pred_spans(doc, &n_pred);
  if (n_gold)
    qsort(gold, n_gold, sizeof *gold, by_span);
  if (n_pred)
    qsort(pred, n_pred, sizeof *pred, by_span);
  const char *doc_id = id && id->str ? id->str : "(no id)";
  size_t g = 0, q = 0;
  while (g < n_gold || q < n_pred) {
    int c = g < n_gold && q < n_pred ? by_span(&gold[g], &pred[q])
            : g < n_gold             ? -1
                                     : 1;
    const cspan *s = c <= 0 ? &gold[g] : &pred[q];
    if (scored[s->type]) {
      tally *tl = &ev->t[gold_lang][s->type];
      ev->scored[gold_lang][s->type] = 1;
      if (c == 0) {
        tl->gold++;
        tl->pred++;
        tl->tp++;
        tl->tp_cert[pred[q].cert]++;
      } else if (c < 0) {
        tl->gold++;
        note_error(ev, doc_id, text->str, off, n_cp, s, gold_lang, 1);
      } else {
        tl->pred++;
        note_error(ev, doc_id, text->str, off, n_cp, s, gold_lang, 0);
      }
    }
    if (c <= 0)
      g++;
    if (c >= 0)
      q++;
  }
  for (int t = TEITAG_TYPE_PER; t < N_TYPE; t++)
    if (scored[t])
      ev->scored[gold_lang][t] = 1;
  ev->n_docs++;
  ev->docs[gold_lang]++;
done:
  free(gold);
  free(pred);
  free(off);
  teitag_doc_free(doc);
  tt_json_free(root);
  return st;
}

void teitag_eval_merge(teitag_eval *into, const teitag_eval *from) {
  if (!into || !from)
    return;
  into->n_docs += from->n_docs;
  into->lang_right += from->lang_right;
  into->lang_scored += from->lang_scored;
  for (int l = 0; l < N_LANG; l++) {
    into->docs[l] += from->docs[l];
    for (int t = 0; t < N_TYPE; t++) {
      into->t[l][t].gold += from->t[l][t].gold;
      into->t[l][t].pred += from->t[l][t].pred;
      into->t[l][t].tp += from->t[l][t].tp;
      for (int c = 0; c <= TEITAG_CERT_HIGH; c++)
        into->t[l][t].tp_cert[c] += from->t[l][t].tp_cert[c];
      into->scored[l][t] |= from->scored[l][t];
    }
  }
  for (size_t i = 0; i < from->n_errors; i++) {
    TT_RESERVE(into->errors, into->cap_errors, into->n_errors + 1);
    error_rec e = from->errors[i];
    const char *text = from->error_text.data + e.text;
    e.text = (uint32_t)into->error_text.len;
    tt_buf_put(&into->error_text, text, strlen(text) + 1);
    into->errors[into->n_errors++] = e;
  }
}

/* ---- report ------------------------------------------------------------- */

static tally sum(const teitag_eval *ev, int lang, int type) {
  tally s;
  memset(&s, 0, sizeof s);
  for (int l = 0; l < N_LANG; l++)
    for (int t = TEITAG_TYPE_PER; t < N_TYPE; t++) {
      if ((lang && l != lang) || (type && t != type))
        continue;
      s.gold += ev->t[l][t].gold;
      s.pred += ev->t[l][t].pred;
      s.tp += ev->t[l][t].tp;
      for (int c = 0; c <= TEITAG_CERT_HIGH; c++)
        s.tp_cert[c] += ev->t[l][t].tp_cert[c];
    }
  return s;
}

static void prf(tally s, double *p, double *r, double *f) {
  *p = s.pred ? (double)s.tp / (double)s.pred : 0.0;
  *r = s.gold ? (double)s.tp / (double)s.gold : 0.0;
  *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

void teitag_eval_scores(const teitag_eval *ev, teitag_lang lang,
                        teitag_type type, double *precision, double *recall,
                        double *f1) {
  double p = 0, r = 0, f = 0;
  if (ev)
    prf(sum(ev, lang, type), &p, &r, &f);
  if (precision)
    *precision = p;
  if (recall)
    *recall = r;
  if (f1)
    *f1 = f;
}

static void row(tt_buf *b, const char *lang, const char *type, tally s) {
  double p, r, f;
  prf(s, &p, &r, &f);
  tt_buf_printf(b, "%-5s %-6s %7zu %7zu %7zu %9.4f %7.4f %7.4f\n", lang, type,
                s.gold, s.pred, s.tp, p, r, f);
}

char *teitag_eval_report(const teitag_eval *ev, size_t max_errors) {
  tt_buf b = {NULL, 0, 0};
  if (!ev)
    return tt_buf_steal(&b, NULL);
  tt_buf_printf(&b, "documents: %zu", ev->n_docs);
  for (int l = 1; l < N_LANG; l++)
    if (ev->docs[l])
      tt_buf_printf(&b, "%s%s %zu", l == 1 || !ev->docs[1] ? " (" : ", ",
                    teitag_lang_code((teitag_lang)l), ev->docs[l]);
  tt_buf_puts(&b, ev->n_docs ? ")\n" : "\n");
  if (ev->lang_scored)
    tt_buf_printf(&b, "language detected correctly: %zu of %zu (%.2f%%)\n",
                  ev->lang_right, ev->lang_scored,
                  100.0 * (double)ev->lang_right / (double)ev->lang_scored);
  tt_buf_printf(&b, "\n%-5s %-6s %7s %7s %7s %9s %7s %7s\n", "lang", "type",
                "gold", "pred", "tp", "precision", "recall", "F1");
  int any_type[N_TYPE] = {0};
  for (int l = 1; l < N_LANG; l++) {
    int n = 0;
    for (int t = TEITAG_TYPE_PER; t < N_TYPE; t++)
      if (ev->scored[l][t]) {
        any_type[t] = 1;
        n++;
        row(&b, teitag_lang_code((teitag_lang)l),
            teitag_type_name((teitag_type)t), ev->t[l][t]);
      }
    if (n > 1)
      row(&b, teitag_lang_code((teitag_lang)l), "all", sum(ev, l, 0));
  }
  for (int t = TEITAG_TYPE_PER; t < N_TYPE; t++)
    if (any_type[t])
      row(&b, "all", teitag_type_name((teitag_type)t), sum(ev, 0, t));
  row(&b, "all", "all", sum(ev, 0, 0));
  /* Where the hits came from: exact gazetteer forms are high, inflected
   * forms and strong rules medium, weak rules low. */
  tt_buf_puts(&b, "\ntrue positives by certainty (high / medium / low):\n");
  for (int l = 1; l < N_LANG; l++) {
    if (!ev->docs[l])
      continue;
    tally s = sum(ev, l, 0);
    tt_buf_printf(&b, "  %s: %zu / %zu / %zu", teitag_lang_code((teitag_lang)l),
                  s.tp_cert[TEITAG_CERT_HIGH], s.tp_cert[TEITAG_CERT_MEDIUM],
                  s.tp_cert[TEITAG_CERT_LOW]);
    if (s.tp)
      tt_buf_printf(&b, " (%.1f%% medium)", 100.0 * (double)s.tp_cert[TEITAG_CERT_MEDIUM] / (double)s.tp);
    tt_buf_putc(&b, '\n');
  }
  for (int missed = 1; max_errors && missed >= 0; missed--)
    for (int t = TEITAG_TYPE_PER; t < N_TYPE; t++) {
      size_t shown = 0, total = 0;
      for (size_t i = 0; i < ev->n_errors; i++)
        total += ev->errors[i].missed == missed && ev->errors[i].type == t;
      if (!total)
        continue;
      tt_buf_printf(&b, "\n%s %s (%zu, showing up to %zu):\n",
                    missed ? "false negatives (missed)"
                           : "false positives (spurious)",
                    teitag_type_name((teitag_type)t), total, max_errors);
      for (size_t i = 0; i < ev->n_errors && shown < max_errors; i++) {
        const error_rec *e = &ev->errors[i];
        if (e->missed != missed || e->type != t)
          continue;
        tt_buf_printf(&b, "  [%s] %s\n", teitag_lang_code((teitag_lang)e->lang),
                      ev->error_text.data + e->text);
        shown++;
      }
    }
  return tt_buf_steal(&b, NULL);
}
