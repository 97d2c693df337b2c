/* SPDX-License-Identifier: MIT
 *
 * check_roundtrip.c -- every article of corpus/ through every output
 * format and back: the entities read back from TEI, rs-TEI (as INCEpTION
 * reads it), brat, WebAnno TSV 3.3 (as INCEpTION's reader rebuilds the
 * text), CoNLL and HTML are the same spans and types as the JSONL output,
 * and TEI re-read with teitag_doc_from_tei() and written again is the same
 * document, byte for byte, with no entity added twice.
 *
 * Two pipelines drive it: the default one (whatever the built-in
 * annotators find) and the default one plus an annotator that proposes
 * the gold spans of corpus/gold.jsonl through the public hook, so that the
 * round trips carry hundreds of entities of all four types whatever the
 * built-in annotators find.  The readers are written here, independently
 * of the writers, after the editors' own readers (docs: EDITORS.md).  Every
 * TEI output is validated against schema/teitag.rng, and against
 * tei_all.rng with jing when both are there.
 */
#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <unistd.h>

#include "testutil.h"

/* ---- entities as the readers see them: code points, type -------------- */

typedef struct {
  size_t start, end;
  int type;
} ent;

typedef struct {
  ent *v;
  size_t n, cap;
} ents;

static void ents_add(ents *e, size_t start, size_t end, int type) {
  TT_RESERVE(e->v, e->cap, e->n + 1);
  e->v[e->n++] = (ent){start, end, type};
}

static int ent_cmp(const void *a, const void *b) {
  const ent *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x->type - y->type;
}

/* Asserts that `got` (read back from `what`) equals the reference. */
static void expect_same(const ents *want, ents *got, const char *id,
                        const char *what) {
  if (got->n)
    qsort(got->v, got->n, sizeof *got->v, ent_cmp);
  for (size_t i = 0; i < want->n && i < got->n; i++)
    ck_assert_msg(ent_cmp(&want->v[i], &got->v[i]) == 0,
                  "%s, %s: entity %zu is %zu-%zu %s, JSONL says %zu-%zu %s", id,
                  what, i, got->v[i].start, got->v[i].end,
                  teitag_type_name((teitag_type)got->v[i].type), want->v[i].start,
                  want->v[i].end, teitag_type_name((teitag_type)want->v[i].type));
  ck_assert_msg(want->n == got->n, "%s, %s: %zu entities, JSONL has %zu", id,
                what, got->n, want->n);
}

/* ---- the corpus and its gold spans ---------------------------------- */

typedef struct {
  size_t para;            /* paragraph of the plain-text document */
  size_t start, end;      /* bytes from the paragraph's start */
  teitag_span span;       /* type and money attributes */
} gold_ent;

typedef struct {
  char *id, *text;
  size_t len;
  gold_ent *ents;
  size_t n_ents;
  tt_json *json; /* owns the strings the spans point to */
} gold_doc;

static gold_doc corpus[64];
static size_t n_corpus;
static teitag_pipeline *plain_pipe, *gold_pipe;
static xmlRelaxNGPtr schema;
static char out_dir[] = "/tmp/teitag-roundtrip-XXXXXX";
static int n_outputs;
static size_t n_checked[8];

static const char *top(void) {
  const char *t = getenv("top_srcdir");
  return t ? t : "..";
}

static const char *str_member(const tt_json *o, const char *name) {
  const tt_json *v = tt_json_get(o, name);
  return v && v->kind == TT_JSON_STRING ? v->str : NULL;
}

/* Setup failures happen outside any test, where Check cannot report. */
static void die(const char *what, const char *detail) {
  fprintf(stderr, "check_roundtrip: %s: %s\n", what, detail);
  exit(EXIT_FAILURE);
}

/* Reads corpus/gold.jsonl; each gold entity is located by paragraph, so
 * that it can be put into any document with the same paragraphs (the
 * text itself, or a TEI document read back). */
static void load_corpus(void) {
  char path[1024];
  snprintf(path, sizeof path, "%s/corpus/gold.jsonl", top());
  FILE *f = fopen(path, "r");
  if (!f)
    die(path, "cannot open");
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, f)) > 0 && n_corpus < 64) {
    gold_doc *g = &corpus[n_corpus++];
    g->json = tt_json_parse(line, (size_t)n, NULL);
    if (!g->json || !str_member(g->json, "id") || !tt_json_get(g->json, "text"))
      die(path, "a line is not a gold document");
    g->id = tt_xstrdup(str_member(g->json, "id"));
    const tt_json *text = tt_json_get(g->json, "text");
    g->text = tt_xstrndup(text->str, text->len);
    g->len = text->len;
    teitag_doc *doc;
    if (teitag_doc_from_bytes(plain_pipe, g->text, g->len, g->id, &doc, NULL))
      die(g->id, "teitag_doc_from_bytes failed");
    size_t n_cp = tt_utf8_count(g->text, g->len);
    size_t *off = tt_xmalloc((n_cp + 1) * sizeof *off);
    for (size_t i = 0, k = 0; i < g->len; i++)
      if (((unsigned char)g->text[i] & 0xC0) != 0x80)
        off[k++] = i;
    off[n_cp] = g->len;
    size_t cap_e = 0;
    for (const tt_json *e = tt_json_get(g->json, "entities")->child; e; e = e->next) {
      size_t s = off[strtoul(tt_json_get(e, "start")->str, NULL, 10)];
      size_t t = off[strtoul(tt_json_get(e, "end")->str, NULL, 10)];
      size_t p = 0, ps, pe;
      while (teitag_doc_paragraph(doc, p, &ps, &pe, NULL) && pe < t)
        p++;
      if (!teitag_doc_paragraph(doc, p, &ps, &pe, NULL) || ps > s)
        die(g->id, "a gold entity is outside a paragraph");
      TT_RESERVE(g->ents, cap_e, g->n_ents + 1);
      gold_ent *ge = &g->ents[g->n_ents++];
      memset(ge, 0, sizeof *ge);
      ge->para = p;
      ge->start = s - ps;
      ge->end = t - ps;
      ge->span.type = teitag_type_from_name(str_member(e, "type"));
      ge->span.cert = TEITAG_CERT_HIGH;
      ge->span.source = "gold";
      ge->span.amount = str_member(e, "amount");
      ge->span.amount_min = str_member(e, "amount_min");
      ge->span.amount_max = str_member(e, "amount_max");
      ge->span.currency = str_member(e, "currency");
    }
    free(off);
    teitag_doc_free(doc);
  }
  free(line);
  fclose(f);
}

/* The annotator behind the public hook: the gold spans of the document
 * with this id, put into its paragraphs. */
static teitag_status gold_annotator(teitag_doc *doc, void *ctx,
                                    teitag_diag *diag) {
  (void)ctx;
  const gold_doc *g = NULL;
  for (size_t i = 0; i < n_corpus && !g; i++)
    if (strcmp(corpus[i].id, teitag_doc_id(doc)) == 0)
      g = &corpus[i];
  if (!g)
    return TEITAG_OK;
  for (size_t i = 0; i < g->n_ents; i++) {
    size_t ps, pe;
    if (!teitag_doc_paragraph(doc, g->ents[i].para, &ps, &pe, NULL))
      return tt_fail(diag, TEITAG_EARG, 0, 0, 0, "%s: paragraph %zu missing",
                     g->id, g->ents[i].para);
    teitag_span sp = g->ents[i].span;
    sp.start = ps + g->ents[i].start;
    sp.end = ps + g->ents[i].end;
    teitag_status st = teitag_doc_add_span(doc, &sp, diag);
    if (st != TEITAG_OK)
      return st;
  }
  return TEITAG_OK;
}

/* ---- helpers ------------------------------------------------------------ */

static char *render(const teitag_doc *doc, teitag_format fmt, unsigned opts,
                    size_t *len) {
  char *out;
  teitag_diag diag;
  ck_assert_msg(teitag_render(doc, fmt, opts, &out, len, &diag) == TEITAG_OK,
                "render: %s", diag.message);
  return out;
}

static size_t cp_of(const char *text, size_t bytes) {
  return tt_utf8_count(text, bytes);
}

/* Byte offset of code point `cp` in text (len bytes). */
static size_t byte_of(const char *text, size_t len, size_t cp) {
  size_t i = 0;
  while (i < len && cp) {
    i++;
    while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
      i++;
    cp--;
  }
  return i;
}

static xmlDocPtr parse_valid(const char *xml, size_t len, const char *id,
                             const char *what) {
  xmlDocPtr x = xmlReadMemory(xml, (int)len, "out.xml", NULL, XML_PARSE_NONET);
  ck_assert_msg(x != NULL, "%s, %s: not well-formed", id, what);
  xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(schema);
  int rc = xmlRelaxNGValidateDoc(v, x);
  xmlRelaxNGFreeValidCtxt(v);
  ck_assert_msg(rc == 0, "%s, %s: invalid against teitag.rng", id, what);
  char path[128];
  snprintf(path, sizeof path, "%s/%04d.xml", out_dir, n_outputs++);
  FILE *f = fopen(path, "w");
  if (f) {
    fwrite(xml, 1, len, f);
    fclose(f);
  }
  return x;
}

static int type_of_element(const xmlChar *name, xmlNodePtr n) {
  if (xmlStrEqual(name, BAD_CAST "persName"))
    return TEITAG_TYPE_PER;
  if (xmlStrEqual(name, BAD_CAST "placeName"))
    return TEITAG_TYPE_LOC;
  if (xmlStrEqual(name, BAD_CAST "orgName"))
    return TEITAG_TYPE_ORG;
  if (xmlStrEqual(name, BAD_CAST "measure"))
    return TEITAG_TYPE_MONEY;
  if (xmlStrEqual(name, BAD_CAST "rs")) {
    xmlChar *t = xmlGetProp(n, BAD_CAST "type");
    int type = !t ? 0
               : xmlStrEqual(t, BAD_CAST "person") ? TEITAG_TYPE_PER
               : xmlStrEqual(t, BAD_CAST "place")  ? TEITAG_TYPE_LOC
               : xmlStrEqual(t, BAD_CAST "org")    ? TEITAG_TYPE_ORG
               : xmlStrEqual(t, BAD_CAST "money")  ? TEITAG_TYPE_MONEY
                                                   : 0;
    xmlFree(t);
    return type;
  }
  return 0;
}

/* Collects the text under `n` into `text` and the entity elements as
 * code-point spans, relative to the start of `text`'s owner. */
static void collect(xmlNodePtr n, tt_buf *text, ents *out, size_t base_cp) {
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      tt_buf_puts(text, (const char *)c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      size_t s = tt_utf8_count(text->data ? text->data : "", text->len);
      collect(c, text, out, base_cp);
      size_t e = tt_utf8_count(text->data ? text->data : "", text->len);
      int type = type_of_element(c->name, c);
      if (type)
        ents_add(out, base_cp + s, base_cp + e, type);
    }
  }
}

static xmlNodePtr first_child(xmlNodePtr n, const char *name) {
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST name))
      return c;
  return NULL;
}

/* ---- one document through every format -------------------------------- */

typedef struct {
  const gold_doc *g;
  teitag_doc *doc;
  const char *text;
  size_t len;
  ents ref; /* from JSONL */
} subject;

static void read_jsonl(subject *s) {
  size_t len;
  char *line = render(s->doc, TEITAG_FORMAT_JSONL, 0, &len);
  tt_json *v = tt_json_parse(line, len, NULL);
  ck_assert_ptr_nonnull(v);
  for (const tt_json *e = tt_json_get(v, "entities")->child; e; e = e->next) {
    size_t a = strtoul(tt_json_get(e, "start")->str, NULL, 10);
    size_t b = strtoul(tt_json_get(e, "end")->str, NULL, 10);
    const char *t = str_member(e, "text");
    size_t ba = byte_of(s->text, s->len, a), bb = byte_of(s->text, s->len, b);
    ck_assert_msg(strlen(t) == bb - ba && memcmp(t, s->text + ba, bb - ba) == 0,
                  "%s, JSONL: \"text\" of %zu-%zu is not the text there",
                  s->g->id, a, b);
    ents_add(&s->ref, a, b, teitag_type_from_name(str_member(e, "type")));
  }
  tt_json_free(v);
  free(line);
  if (s->ref.n)
    qsort(s->ref.v, s->ref.n, sizeof *s->ref.v, ent_cmp);
}

/* TEI: each <p> is a paragraph; its text is the paragraph's text. */
static void check_tei(subject *s) {
  size_t len;
  char *xml = render(s->doc, TEITAG_FORMAT_TEI, 0, &len);
  xmlDocPtr x = parse_valid(xml, len, s->g->id, "TEI");
  xmlNodePtr body = first_child(first_child(xmlDocGetRootElement(x), "text"), "body");
  ents got = {NULL, 0, 0};
  size_t i = 0, ps, pe;
  for (xmlNodePtr p = body->children; p; p = p->next) {
    if (p->type != XML_ELEMENT_NODE)
      continue;
    ck_assert(teitag_doc_paragraph(s->doc, i, &ps, &pe, NULL));
    tt_buf text = {NULL, 0, 0};
    collect(p, &text, &got, cp_of(s->text, ps));
    ck_assert_msg(text.len == pe - ps && memcmp(text.data, s->text + ps, text.len) == 0,
                  "%s, TEI: paragraph %zu differs", s->g->id, i);
    tt_buf_free(&text);
    i++;
  }
  expect_same(&s->ref, &got, s->g->id, "TEI");
  free(got.v);
  xmlFreeDoc(x);
  /* Read back as TEI and written again: the same document. */
  teitag_doc *again;
  teitag_diag diag;
  ck_assert_msg(teitag_doc_from_tei(s->doc->pipeline, xml, len, s->g->id, &again,
                                    &diag) == TEITAG_OK,
                "%s: %s", s->g->id, diag.message);
  ck_assert_int_eq(teitag_doc_annotate(s->doc->pipeline, again, &diag), TEITAG_OK);
  ck_assert_msg(teitag_doc_n_spans(again) == s->ref.n,
                "%s: TEI read back has %zu entities, not %zu", s->g->id,
                teitag_doc_n_spans(again), s->ref.n);
  size_t len2;
  char *xml2 = render(again, TEITAG_FORMAT_TEI, 0, &len2);
  ck_assert_msg(len2 == len && memcmp(xml, xml2, len) == 0,
                "%s: TEI re-read with -i tei is not the same document", s->g->id);
  free(xml2);
  teitag_doc_free(again);
  free(xml);
  n_checked[0]++;
}

/* rs-TEI as INCEpTION's TeiReader sees it: the document text is every
 * character inside <text>, and each <rs type> is a named entity. */
static void check_rs(subject *s) {
  size_t len;
  char *xml = render(s->doc, TEITAG_FORMAT_TEI, TEITAG_WRITE_RS, &len);
  xmlDocPtr x = parse_valid(xml, len, s->g->id, "rs-TEI");
  xmlNodePtr text_el = first_child(xmlDocGetRootElement(x), "text");
  ents got = {NULL, 0, 0};
  tt_buf text = {NULL, 0, 0};
  collect(text_el, &text, &got, 0);
  ck_assert_msg(text.len == s->len && memcmp(text.data, s->text, s->len) == 0,
                "%s, rs-TEI: the text inside <text> is not the input text",
                s->g->id);
  tt_buf_free(&text);
  expect_same(&s->ref, &got, s->g->id, "rs-TEI");
  free(got.v);
  xmlFreeDoc(x);
  teitag_doc *again;
  teitag_diag diag;
  ck_assert_int_eq(teitag_doc_from_tei(s->doc->pipeline, xml, len, s->g->id,
                                       &again, &diag), TEITAG_OK);
  ck_assert_int_eq(teitag_doc_annotate(s->doc->pipeline, again, &diag), TEITAG_OK);
  ck_assert_uint_eq(teitag_doc_n_spans(again), s->ref.n);
  size_t len2;
  char *xml2 = render(again, TEITAG_FORMAT_TEI, TEITAG_WRITE_RS, &len2);
  ck_assert_msg(len2 == len && memcmp(xml, xml2, len) == 0,
                "%s: rs-TEI re-read with -i tei is not the same document", s->g->id);
  free(xml2);
  teitag_doc_free(again);
  free(xml);
  n_checked[1]++;
}

/* brat: T lines with code-point fragments; the covered text must be the
 * text of the .txt (the document text) at those offsets. */
static void check_brat(subject *s) {
  size_t len;
  char *ann = render(s->doc, TEITAG_FORMAT_BRAT, 0, &len);
  ents got = {NULL, 0, 0};
  size_t n_t = 0;
  for (char *line = strtok(ann, "\n"); line; line = strtok(NULL, "\n")) {
    if (line[0] == '#' || line[0] == 'N') {
      char *target = strstr(line, " T");
      ck_assert_msg(target && strtoul(target + 2, NULL, 10) >= 1 &&
                        strtoul(target + 2, NULL, 10) <= n_t,
                    "%s, brat: note refers to no T line: %s", s->g->id, line);
      continue;
    }
    ck_assert_msg(line[0] == 'T', "%s, brat: line %s", s->g->id, line);
    n_t++;
    char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
    ck_assert(tab1 && tab2);
    *tab2 = '\0';
    char type[16];
    int used;
    ck_assert(sscanf(tab1 + 1, "%15s%n", type, &used) == 1);
    size_t first = (size_t)-1, last = 0;
    tt_buf covered = {NULL, 0, 0};
    for (char *frag = tab1 + 1 + used; *frag;) {
      size_t a, b;
      int k;
      ck_assert(sscanf(frag, " %zu %zu%n", &a, &b, &k) == 2);
      if (covered.len)
        tt_buf_putc(&covered, ' ');
      size_t ba = byte_of(s->text, s->len, a), bb = byte_of(s->text, s->len, b);
      tt_buf_put(&covered, s->text + ba, bb - ba);
      first = a < first ? a : first;
      last = b;
      frag += k;
      if (*frag == ';')
        frag++;
    }
    ck_assert_msg(covered.len == strlen(tab2 + 1) &&
                      memcmp(covered.data, tab2 + 1, covered.len) == 0,
                  "%s, brat: covered text of %s differs", s->g->id, line);
    tt_buf_free(&covered);
    ents_add(&got, first, last, teitag_type_from_name(type));
  }
  expect_same(&s->ref, &got, s->g->id, "brat");
  free(got.v);
  free(ann);
  n_checked[2]++;
}

/* ---- WebAnno TSV, read the way INCEpTION's Tsv3XDeserializer reads it -- */

static void tsv_unescape_text(tt_buf *out, const char *s) {
  for (; *s; s++) {
    if (*s == '\\' && s[1]) {
      s++;
      switch (*s) {
      case 't': tt_buf_putc(out, '\t'); break;
      case 'n': tt_buf_putc(out, '\n'); break;
      case 'r': tt_buf_putc(out, '\r'); break;
      case 'f': tt_buf_putc(out, '\f'); break;
      case 'b': tt_buf_putc(out, '\b'); break;
      default: tt_buf_putc(out, *s);
      }
    } else {
      tt_buf_putc(out, *s);
    }
  }
}

/* UTF-16 units -> code points over the original text. */
typedef struct {
  size_t *u16_to_cp; /* index by UTF-16 offset */
  size_t n16;
} u16map;

static void u16map_build(u16map *m, const char *text, size_t len) {
  size_t n16 = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)text[i] & 0xC0) != 0x80)
      n16 += (unsigned char)text[i] >= 0xF0 ? 2 : 1;
  m->n16 = n16;
  m->u16_to_cp = tt_xmalloc((n16 + 1) * sizeof *m->u16_to_cp);
  size_t u = 0, cp = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    if ((c & 0xC0) == 0x80)
      continue;
    m->u16_to_cp[u++] = cp;
    if (c >= 0xF0)
      m->u16_to_cp[u++] = (size_t)-1; /* inside a surrogate pair */
    cp++;
  }
  m->u16_to_cp[u] = cp;
}

typedef struct {
  long id;
  size_t start16, end16;
  int type;
} tsv_ent;

static void check_webanno(subject *s) {
  size_t len;
  char *tsv = render(s->doc, TEITAG_FORMAT_WEBANNO, 0, &len);
  ck_assert_msg(len && tsv[len - 1] == '\n' && (len < 2 || tsv[len - 2] != '\n'),
                "%s, TSV: must end with one line break, no empty line", s->g->id);
  u16map m;
  u16map_build(&m, s->text, s->len);
  uint16_t *r16 = NULL; /* the text INCEpTION rebuilds, in UTF-16 */
  size_t n16 = 0, cap16 = 0;
  tsv_ent *te = NULL;
  size_t n_te = 0, cap_te = 0;
  char *line;
  int lineno = 0, state = 0; /* 0 header, 1 between, 2 sentence header, 3 tokens */
  tt_buf sentence = {NULL, 0, 0};
  char *copy = tt_xstrndup(tsv, len);
  for (char *p = copy; p && *p; lineno++) {
    line = p;
    char *nl = strchr(p, '\n');
    *nl = '\0';
    p = nl + 1;
    if (lineno == 0) {
      ck_assert_str_eq(line, "#FORMAT=WebAnno TSV 3.3");
      continue;
    }
    if (lineno == 1) {
      ck_assert_str_eq(line, "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type."
                             "NamedEntity|identifier|value");
      continue;
    }
    if (lineno == 2 || lineno == 3) {
      ck_assert_msg(!*line, "%s, TSV: line %d must be empty", s->g->id, lineno + 1);
      state = 1;
      continue;
    }
    if (!*line) {
      ck_assert_msg(state == 3, "%s, TSV: empty line %d not after tokens",
                    s->g->id, lineno + 1);
      state = 1;
      continue;
    }
    if (strncmp(line, "#Text=", 6) == 0) {
      ck_assert_msg(state == 1 || state == 2, "%s, TSV: #Text at %d", s->g->id,
                    lineno + 1);
      if (state == 1)
        tt_buf_clear(&sentence);
      tsv_unescape_text(&sentence, line + 6);
      tt_buf_putc(&sentence, '\n');
      state = 2;
      continue;
    }
    ck_assert_msg(state == 2 || state == 3, "%s, TSV: row at line %d", s->g->id,
                  lineno + 1);
    char *f[6] = {0};
    size_t nf = 0;
    for (char *q = line; nf < 6; nf++) {
      f[nf] = q;
      char *tab = strchr(q, '\t');
      if (!tab)
        break;
      *tab = '\0';
      q = tab + 1;
    }
    ck_assert_msg(nf >= 5, "%s, TSV: row with %zu fields", s->g->id, nf);
    size_t b16, e16;
    ck_assert(sscanf(f[1], "%zu-%zu", &b16, &e16) == 2);
    if (state == 2) { /* INCEpTION: the sentence text goes at its first offset */
      if (n16 > b16) {
        ck_assert_msg(n16 == b16 + 1 && r16[n16 - 1] == '\n', "%s, TSV: overlap",
                      s->g->id);
        n16--;
      }
      while (n16 < b16) {
        TT_RESERVE(r16, cap16, n16 + 1);
        r16[n16++] = ' ';
      }
      for (size_t i = 0; i < sentence.len;) {
        uint32_t cp;
        i += tt_utf8_next((const unsigned char *)sentence.data + i, &cp);
        TT_RESERVE(r16, cap16, n16 + 2);
        if (cp >= 0x10000) {
          r16[n16++] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
          r16[n16++] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
          r16[n16++] = (uint16_t)cp;
        }
      }
      state = 3;
    }
    /* The token column is never read by INCEpTION: the offsets must point
     * at that token in the rebuilt text and in the original. */
    ck_assert_msg(e16 <= m.n16 && m.u16_to_cp[b16] != (size_t)-1 &&
                      m.u16_to_cp[e16] != (size_t)-1,
                  "%s, TSV: bad offsets %s", s->g->id, f[1]);
    size_t ba = byte_of(s->text, s->len, m.u16_to_cp[b16]);
    size_t bb = byte_of(s->text, s->len, m.u16_to_cp[e16]);
    ck_assert_msg(strlen(f[2]) == bb - ba && memcmp(f[2], s->text + ba, bb - ba) == 0,
                  "%s, TSV: %s is not \"%s\" in the text", s->g->id, f[1], f[2]);
    ck_assert_msg(e16 <= n16, "%s, TSV: token %s beyond its sentence text",
                  s->g->id, f[1]);
    size_t k16 = b16; /* the rebuilt text holds the token there too */
    for (size_t i = ba; i < bb;) {
      uint32_t cp;
      i += tt_utf8_next((const unsigned char *)s->text + i, &cp);
      uint16_t want = cp >= 0x10000 ? (uint16_t)(0xD800 + ((cp - 0x10000) >> 10))
                                    : (uint16_t)cp;
      ck_assert_msg(r16[k16] == want, "%s, TSV: rebuilt text differs at %s",
                    s->g->id, f[1]);
      k16 += cp >= 0x10000 ? 2 : 1;
    }
    /* value column (f[4]), stacked on '|', with [N] ids */
    if (strcmp(f[4], "_") != 0) {
      char *v = f[4];
      while (v && *v) {
        char *bar = strchr(v, '|');
        if (bar)
          *bar = '\0';
        char *br = strchr(v, '[');
        long id = br ? strtol(br + 1, NULL, 10) : -1;
        if (br)
          *br = '\0';
        int type = teitag_type_from_name(v);
        ck_assert_msg(type, "%s, TSV: value %s", s->g->id, v);
        size_t k = n_te;
        if (id >= 0)
          for (k = 0; k < n_te && te[k].id != id; k++)
            ;
        if (k == n_te) {
          TT_RESERVE(te, cap_te, n_te + 1);
          te[n_te++] = (tsv_ent){id, b16, e16, type};
        } else {
          te[k].end16 = e16;
        }
        v = bar ? bar + 1 : NULL;
      }
    }
  }
  ents got = {NULL, 0, 0};
  for (size_t i = 0; i < n_te; i++)
    ents_add(&got, m.u16_to_cp[te[i].start16], m.u16_to_cp[te[i].end16], te[i].type);
  expect_same(&s->ref, &got, s->g->id, "WebAnno TSV");
  free(got.v);
  free(te);
  free(r16);
  free(m.u16_to_cp);
  tt_buf_free(&sentence);
  free(copy);
  free(tsv);
  n_checked[3]++;
}

/* CoNLL: tokens are found in the text in order; B-/I- tags make spans. */
static void check_conll(subject *s) {
  size_t len;
  char *conll = render(s->doc, TEITAG_FORMAT_CONLL, 0, &len);
  ents got = {NULL, 0, 0};
  size_t at = 0; /* bytes into the text */
  int open_type = 0;
  size_t open_start = 0, prev_end = 0;
  ck_assert_msg(strncmp(conll, "-DOCSTART-\tO\n\n", 14) == 0, "%s, CoNLL: no DOCSTART",
                s->g->id);
  for (char *line = strtok(conll + 14, "\n"); line; line = strtok(NULL, "\n")) {
    char *tab = strchr(line, '\t');
    ck_assert_msg(tab && !strchr(tab + 1, '\t'), "%s, CoNLL: line %s", s->g->id, line);
    *tab = '\0';
    size_t n = strlen(line);
    while (at < s->len && strncmp(s->text + at, line, n) != 0) {
      ck_assert_msg(strchr(" \t\r\n", s->text[at]) || (unsigned char)s->text[at] >= 0x80,
                    "%s, CoNLL: token %s not next in the text", s->g->id, line);
      at++;
    }
    ck_assert_msg(at < s->len, "%s, CoNLL: token %s not found", s->g->id, line);
    const char *tag = tab + 1;
    int type = tag[0] == 'O' ? 0 : teitag_type_from_name(tag + 2);
    if (open_type && (tag[0] != 'I' || type != open_type)) {
      ents_add(&got, cp_of(s->text, open_start), cp_of(s->text, prev_end), open_type);
      open_type = 0;
    }
    if (tag[0] == 'B') {
      open_type = type;
      open_start = at;
    }
    ck_assert_msg(tag[0] != 'I' || open_type, "%s, CoNLL: I- without B-", s->g->id);
    at += n;
    prev_end = at;
  }
  if (open_type)
    ents_add(&got, cp_of(s->text, open_start), cp_of(s->text, prev_end), open_type);
  expect_same(&s->ref, &got, s->g->id, "CoNLL");
  free(got.v);
  free(conll);
  n_checked[4]++;
}

/* HTML: parsed as a browser would; each <mark> of the article is an
 * entity, and each paragraph's text is the input paragraph. */
static void html_marks(xmlNodePtr n, tt_buf *text, ents *out, size_t base_cp) {
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      tt_buf_puts(text, (const char *)c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      size_t st = tt_utf8_count(text->data ? text->data : "", text->len);
      html_marks(c, text, out, base_cp);
      size_t e = tt_utf8_count(text->data ? text->data : "", text->len);
      xmlChar *cls = xmlGetProp(c, BAD_CAST "class");
      int type = !cls ? 0
                 : xmlStrEqual(cls, BAD_CAST "per") ? TEITAG_TYPE_PER
                 : xmlStrEqual(cls, BAD_CAST "loc") ? TEITAG_TYPE_LOC
                 : xmlStrEqual(cls, BAD_CAST "org") ? TEITAG_TYPE_ORG
                 : xmlStrEqual(cls, BAD_CAST "money") ? TEITAG_TYPE_MONEY : 0;
      xmlFree(cls);
      if (type && xmlStrEqual(c->name, BAD_CAST "mark"))
        ents_add(out, base_cp + st, base_cp + e, type);
    }
  }
}

static void check_html(subject *s) {
  size_t len;
  char *html = render(s->doc, TEITAG_FORMAT_HTML, 0, &len);
  htmlDocPtr h = htmlReadMemory(html, (int)len, "out.html", "UTF-8",
                                HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                    HTML_PARSE_NOWARNING);
  ck_assert_ptr_nonnull(h);
  xmlNodePtr body = first_child(xmlDocGetRootElement(h), "body");
  xmlNodePtr article = first_child(body, "article");
  ck_assert_msg(article != NULL, "%s, HTML: no article", s->g->id);
  ents got = {NULL, 0, 0};
  size_t i = 0, ps, pe;
  for (xmlNodePtr p = article->children; p; p = p->next) {
    if (p->type != XML_ELEMENT_NODE || !xmlStrEqual(p->name, BAD_CAST "p") ||
        xmlHasProp(p, BAD_CAST "class"))
      continue;
    ck_assert(teitag_doc_paragraph(s->doc, i, &ps, &pe, NULL));
    tt_buf text = {NULL, 0, 0};
    html_marks(p, &text, &got, cp_of(s->text, ps));
    ck_assert_msg(text.len == pe - ps && memcmp(text.data, s->text + ps, text.len) == 0,
                  "%s, HTML: paragraph %zu differs", s->g->id, i);
    tt_buf_free(&text);
    i++;
  }
  ck_assert_uint_eq(i, teitag_doc_n_paragraphs(s->doc));
  expect_same(&s->ref, &got, s->g->id, "HTML");
  free(got.v);
  xmlFreeDoc(h);
  free(html);
  n_checked[5]++;
}

/* ---- the test loop ------------------------------------------------------ */

static void run_one(size_t i, teitag_pipeline *p, int gold) {
  const gold_doc *g = &corpus[i];
  subject s;
  memset(&s, 0, sizeof s);
  s.g = g;
  char *copy = tu_copy(g->text, g->len);
  teitag_diag diag;
  ck_assert_msg(teitag_annotate(p, copy, g->len, g->id, &s.doc, &diag) == TEITAG_OK,
                "%s: %s", g->id, diag.message);
  free(copy);
  s.text = teitag_doc_text(s.doc, &s.len);
  read_jsonl(&s);
  if (gold) {
    /* Meaningful today, valid tomorrow: when the built-in annotators find
     * nothing in this article, the gold spans are exactly the entities;
     * when they find something, the round trips below still hold. */
    teitag_doc *plain;
    char *c2 = tu_copy(g->text, g->len);
    ck_assert_int_eq(teitag_annotate(plain_pipe, c2, g->len, g->id, &plain, &diag),
                     TEITAG_OK);
    free(c2);
    ck_assert_msg(s.ref.n > 0, "%s: no entities with the gold annotator", g->id);
    if (teitag_doc_n_spans(plain) == 0)
      ck_assert_msg(s.ref.n == g->n_ents, "%s: %zu entities, gold has %zu", g->id,
                    s.ref.n, g->n_ents);
    teitag_doc_free(plain);
  }
  check_tei(&s);
  check_rs(&s);
  check_brat(&s);
  check_webanno(&s);
  check_conll(&s);
  check_html(&s);
  free(s.ref.v);
  teitag_doc_free(s.doc);
}

START_TEST(test_gold_roundtrip) { run_one((size_t)_i, gold_pipe, 1); }
END_TEST

START_TEST(test_pipeline_roundtrip) { run_one((size_t)_i, plain_pipe, 0); }
END_TEST

static Suite *roundtrip_suite(void) {
  Suite *s = suite_create("roundtrip");
  TCase *core = tcase_create("core");
  tcase_set_timeout(core, 120);
  tcase_add_loop_test(core, test_gold_roundtrip, 0, (int)n_corpus);
  tcase_add_loop_test(core, test_pipeline_roundtrip, 0, (int)n_corpus);
  suite_add_tcase(s, core);
  return s;
}

/* Validates the kept TEI outputs against tei_all.rng with jing, when both
 * are there; says so when they are not. */
static int check_tei_all(void) {
  const char *tei_all = getenv("TEI_ALL");
  if (!tei_all || access(tei_all, R_OK) != 0 ||
      system("command -v jing >/dev/null 2>&1") != 0) {
    printf("SKIP: jing or tei_all.rng (TEI_ALL=%s) not available; not "
           "validating against full TEI\n",
           tei_all ? tei_all : "unset");
    return 0;
  }
  char cmd[512];
  snprintf(cmd, sizeof cmd, "jing '%s' %s/*.xml 2>/dev/null", tei_all, out_dir);
  int rc = system(cmd);
  printf("%s: %d TEI outputs against tei_all.rng with jing\n", rc ? "FAIL" : "PASS",
         n_outputs);
  return rc != 0;
}

int main(void) {
  char path[1024];
  snprintf(path, sizeof path, "%s/schema/teitag.rng", top());
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(path);
  schema = xmlRelaxNGParse(pc);
  xmlRelaxNGFreeParserCtxt(pc);
  if (!schema || !mkdtemp(out_dir)) {
    fprintf(stderr, "cannot load %s or make a scratch directory\n", path);
    return EXIT_FAILURE;
  }
  /* The plain pipeline is what users run; the gold one carries the gold
   * spans alone, because names found around them by the rules would depend
   * on the order in which the spans arrive (read back from TEI, the gold
   * names exist before the rules run and feed their propagation). */
  plain_pipe = teitag_pipeline_new();
  teitag_diag gaz_diag;
  if (teitag_pipeline_use_default_gazetteer(plain_pipe, &gaz_diag) != TEITAG_OK)
    fprintf(stderr, "note: %s; round trips without the default gazetteer\n",
            gaz_diag.message);
  gold_pipe = teitag_pipeline_new();
  teitag_pipeline_set_flags(gold_pipe, TEITAG_PIPE_NO_RULES | TEITAG_PIPE_NO_MONEY);
  teitag_pipeline_add_annotator(gold_pipe, gold_annotator, NULL);
  load_corpus();
  SRunner *sr = srunner_create(roundtrip_suite());
  srunner_set_fork_status(sr, CK_NOFORK);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  printf("checked: %zu TEI, %zu rs-TEI, %zu brat, %zu TSV, %zu CoNLL, %zu HTML "
         "round trips\n",
         n_checked[0], n_checked[1], n_checked[2], n_checked[3], n_checked[4],
         n_checked[5]);
  failed += check_tei_all();
  snprintf(path, sizeof path, "rm -rf %s", out_dir);
  if (system(path) != 0)
    failed++;
  for (size_t i = 0; i < n_corpus; i++) {
    free(corpus[i].id);
    free(corpus[i].text);
    free(corpus[i].ents);
    tt_json_free(corpus[i].json);
  }
  teitag_pipeline_free(plain_pipe);
  teitag_pipeline_free(gold_pipe);
  xmlRelaxNGFree(schema);
  xmlCleanupParser();
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
