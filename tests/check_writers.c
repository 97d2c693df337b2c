/* SPDX-License-Identifier: MIT
 *
 * check_writers.c -- TEI and JSONL output of spans made in the tests:
 * elements and attributes, nested and adjacent names, XML escaping inside
 * names, standOff lists, money ranges, token mode, streaming in parts.
 * Every TEI output is validated against the project's RELAX NG schema
 * with libxml2 and its paragraphs are read back and compared with the
 * input character for character.  When TEI_ALL names tei_all.rng and jing
 * is installed, all outputs are also validated against full TEI P5.
 */
#include "config.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <unistd.h>

#include "testutil.h"

static teitag_pipeline *pipe_;
static teitag_doc *doc;
static xmlRelaxNGPtr schema;
static char out_dir[] = "/tmp/teitag-writers-XXXXXX";
static int n_outputs;

static void setup(void) { pipe_ = teitag_pipeline_new(); doc = NULL; }
static void teardown(void) {
  teitag_doc_free(doc);
  teitag_pipeline_free(pipe_);
}

static void add(const char *s, teitag_type type, const char *ref,
                const char *norm, const char *amount, const char *currency) {
  teitag_span sp;
  memset(&sp, 0, sizeof sp);
  sp.start = tu_find(doc, s);
  sp.end = sp.start + strlen(s);
  sp.type = type;
  sp.cert = TEITAG_CERT_HIGH;
  sp.ref = ref;
  sp.norm = norm;
  sp.amount = amount;
  sp.currency = currency;
  teitag_diag diag;
  ck_assert_msg(teitag_doc_add_span(doc, &sp, &diag) == TEITAG_OK, "%s",
                diag.message);
}

static char *render(unsigned options, teitag_format fmt) {
  char *out;
  size_t len;
  teitag_diag diag;
  ck_assert_msg(teitag_render(doc, fmt, options, &out, &len, &diag) == TEITAG_OK,
                "%s", diag.message);
  ck_assert_uint_eq(strlen(out), len);
  return out;
}

/* Parses TEI, validates it, keeps a copy for jing, and returns the tree. */
static xmlDocPtr parse_valid(const char *xml) {
  xmlDocPtr x = xmlReadMemory(xml, (int)strlen(xml), "out.xml", NULL, XML_PARSE_NONET);
  ck_assert_msg(x != NULL, "not well-formed:\n%s", xml);
  xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(schema);
  int rc = xmlRelaxNGValidateDoc(v, x);
  xmlRelaxNGFreeValidCtxt(v);
  ck_assert_msg(rc == 0, "invalid against teitag.rng:\n%s", xml);
  char path[64];
  snprintf(path, sizeof path, "%s/%03d.xml", out_dir, n_outputs++);
  FILE *f = fopen(path, "w");
  if (f) {
    fputs(xml, f);
    fclose(f);
  }
  return x;
}

static xmlXPathObjectPtr xpath(xmlDocPtr x, const char *expr) {
  xmlXPathContextPtr ctx = xmlXPathNewContext(x);
  xmlXPathRegisterNs(ctx, BAD_CAST "t", BAD_CAST "http://www.tei-c.org/ns/1.0");
  xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
  xmlXPathFreeContext(ctx);
  ck_assert_ptr_nonnull(r);
  return r;
}

static int count(xmlDocPtr x, const char *expr) {
  xmlXPathObjectPtr r = xpath(x, expr);
  int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
  xmlXPathFreeObject(r);
  return n;
}

/* The string value of the first node `expr` selects. */
static char *value(xmlDocPtr x, const char *expr) {
  xmlXPathObjectPtr r = xpath(x, expr);
  ck_assert_msg(r->nodesetval && r->nodesetval->nodeNr > 0, "no %s", expr);
  char *s = (char *)xmlNodeGetContent(r->nodesetval->nodeTab[0]);
  xmlXPathFreeObject(r);
  return s;
}

static void expect_value(xmlDocPtr x, const char *expr, const char *want) {
  char *s = value(x, expr);
  ck_assert_str_eq(s, want);
  xmlFree(s);
}

/* Every <p> of the body reads back as its paragraph, character for
 * character. */
static void expect_paragraphs(xmlDocPtr x, const teitag_doc *d) {
  xmlXPathObjectPtr r = xpath(x, "/t:TEI/t:text/t:body/t:p");
  size_t n = d->n_paras ? d->n_paras : 1;
  ck_assert_int_eq(r->nodesetval->nodeNr, (int)n);
  for (size_t i = 0; i < d->n_paras; i++) {
    char *s = (char *)xmlNodeGetContent(r->nodesetval->nodeTab[i]);
    size_t len = d->paras[i].end - d->paras[i].start;
    ck_assert_uint_eq(strlen(s), len);
    ck_assert_mem_eq(s, d->text + d->paras[i].start, len);
    xmlFree(s);
  }
  xmlXPathFreeObject(r);
}

static const char witkoff[] =
    "US special envoy Steve Witkoff met Vladimir Putin in Moscow on the fate "
    "of about $ 300 billion in frozen Central Bank of Russia assets.";

START_TEST(test_tei_entities) {
  doc = tu_doc(pipe_, witkoff);
  add("US", TEITAG_TYPE_LOC, "Q30", "United States", NULL, NULL);
  add("Steve Witkoff", TEITAG_TYPE_PER, "per-steve-witkoff", "Steve Witkoff",
      NULL, NULL);
  add("Vladimir Putin", TEITAG_TYPE_PER, "Q7747", "Vladimir Putin", NULL, NULL);
  add("Moscow", TEITAG_TYPE_LOC, NULL, NULL, NULL, NULL);
  add("$ 300 billion", TEITAG_TYPE_MONEY, NULL, NULL, "300000000000", "USD");
  add("Central Bank of Russia", TEITAG_TYPE_ORG, "org-cbr", NULL, NULL, NULL);
  teitag_doc_resolve(doc, 0);
  char *xml = render(0, TEITAG_FORMAT_TEI);
  xmlDocPtr x = parse_valid(xml);
  expect_paragraphs(x, doc);
  ck_assert_int_eq(count(x, "//t:body//t:persName"), 2);
  ck_assert_int_eq(count(x, "//t:body//t:placeName"), 2);
  ck_assert_int_eq(count(x, "//t:body//t:orgName"), 1);
  expect_value(x, "//t:persName[@ref='#Q7747']", "Vladimir Putin");
  expect_value(x, "//t:persName[@ref='#Q7747']/@cert", "high");
  expect_value(x, "//t:persName[@ref='#Q7747']/@resp", "#teitag");
  expect_value(x, "//t:measure[@type='currency']/@quantity", "300000000000");
  expect_value(x, "//t:measure/@unit", "USD");
  expect_value(x, "//t:measure", "$ 300 billion");
  ck_assert_int_eq(count(x, "//t:placeName[.='Moscow'][@ref]"), 0);
  /* standOff: one entry per linked entity, idno only for Wikidata QIDs */
  expect_value(x, "//t:standOff/t:listPerson/t:person[@xml:id='Q7747']/t:persName[@xml:lang='en']",
               "Vladimir Putin");
  expect_value(x, "//t:person[@xml:id='Q7747']/t:idno[@type='wikidata']", "Q7747");
  ck_assert_int_eq(count(x, "//t:person[@xml:id='per-steve-witkoff']/t:idno"), 0);
  ck_assert_int_eq(count(x, "//t:listPlace/t:place"), 1);
  expect_value(x, "//t:listOrg/t:org/@xml:id", "org-cbr");
  expect_value(x, "//t:listOrg/t:org/t:orgName", "Central Bank of Russia");
  expect_value(x, "/t:TEI/@xml:lang", "en");
  expect_value(x, "//t:application/@version", teitag_version());
  xmlFreeDoc(x);
  free(xml);
}
END_TEST

START_TEST(test_tei_escaping) {
  doc = tu_doc(pipe_, "Smith & Sons <Ltd> \"Q\" > 'x' said ]]> ok");
  add("Smith & Sons <Ltd> \"Q\"", TEITAG_TYPE_ORG, "org-x", "A&B <\"c\">", NULL,
      NULL);
  teitag_doc_resolve(doc, 0);
  char *xml = render(0, TEITAG_FORMAT_TEI);
  ck_assert_ptr_null(strstr(xml, "]]>"));
  xmlDocPtr x = parse_valid(xml);
  expect_paragraphs(x, doc);
  expect_value(x, "//t:body//t:orgName", "Smith & Sons <Ltd> \"Q\"");
  expect_value(x, "//t:listOrg/t:org/t:orgName", "A&B <\"c\">");
  xmlFreeDoc(x);
  free(xml);
}
END_TEST

START_TEST(test_tei_nested_and_adjacent) {
  doc = tu_doc(pipe_, "The Central Bank of Russia and KyivLviv.");
  add("Central Bank of Russia", TEITAG_TYPE_ORG, NULL, NULL, NULL, NULL);
  add("Russia", TEITAG_TYPE_LOC, "Q159", NULL, NULL, NULL);
  add("Kyiv", TEITAG_TYPE_LOC, NULL, NULL, NULL, NULL);
  add("Lviv", TEITAG_TYPE_LOC, NULL, NULL, NULL, NULL);
  teitag_doc_resolve(doc, 1);
  char *xml = render(0, TEITAG_FORMAT_TEI);
  xmlDocPtr x = parse_valid(xml);
  expect_paragraphs(x, doc);
  expect_value(x, "//t:orgName/t:placeName", "Russia");
  ck_assert_int_eq(count(x, "//t:p/t:placeName"), 2);
  expect_value(x, "//t:p/t:placeName[1]", "Kyiv");
  expect_value(x, "//t:p/t:placeName[2]", "Lviv");
  /* the registry takes the span text when there is no dictionary form */
  expect_value(x, "//t:place[@xml:id='Q159']/t:placeName", "Russia");
  xmlFreeDoc(x);
  free(xml);
  /* flat: the outer name wins */
  teitag_doc_resolve(doc, 0);
  xml = render(0, TEITAG_FORMAT_TEI);
  x = parse_valid(xml);
  ck_assert_int_eq(count(x, "//t:orgName/t:placeName"), 0);
  ck_assert_int_eq(count(x, "//t:standOff"), 0);
  xmlFreeDoc(x);
  free(xml);
}
END_TEST

START_TEST(test_tei_money_range) {
  doc = tu_doc(pipe_, "від 5 до 7 млн гривень на рік");
  teitag_span sp;
  memset(&sp, 0, sizeof sp);
  sp.start = 0;
  sp.end = tu_find(doc, " на рік");
  sp.type = TEITAG_TYPE_MONEY;
  sp.cert = TEITAG_CERT_MEDIUM;
  sp.amount_min = "5000000";
  sp.amount_max = "7000000";
  sp.currency = "UAH";
  ck_assert_int_eq(teitag_doc_add_span(doc, &sp, NULL), TEITAG_OK);
  teitag_doc_resolve(doc, 0);
  char *xml = render(0, TEITAG_FORMAT_TEI);
  xmlDocPtr x = parse_valid(xml);
  expect_value(x, "//t:measure/t:num[@type='range']/@atLeast", "5000000");
  expect_value(x, "//t:measure/t:num/@atMost", "7000000");
  expect_value(x, "//t:measure/t:num", "від 5 до 7 млн гривень");
  expect_value(x, "//t:measure/@unit", "UAH");
  expect_value(x, "//t:measure/@cert", "medium");
  ck_assert_int_eq(count(x, "//t:measure/@quantity"), 0);
  expect_value(x, "/t:TEI/@xml:lang", "uk");
  xmlFreeDoc(x);
  free(xml);
}
END_TEST

START_TEST(test_tei_tokens) {
  doc = tu_doc(pipe_, "Mr. Steve Witkoff met Putin. He paid $ 5, she said.\n\n"
                      "Друга частина: «Нафтогаз».");
  add("Steve Witkoff", TEITAG_TYPE_PER, NULL, NULL, NULL, NULL);
  add("Putin. He", TEITAG_TYPE_PER, NULL, NULL, NULL, NULL); /* crosses <s> */
  add("$ 5", TEITAG_TYPE_MONEY, NULL, NULL, "5", "USD");
  add("Нафтогаз", TEITAG_TYPE_ORG, NULL, NULL, NULL, NULL);
  teitag_doc_resolve(doc, 0);
  char *xml = render(TEITAG_WRITE_TOKENS, TEITAG_FORMAT_TEI);
  xmlDocPtr x = parse_valid(xml);
  expect_paragraphs(x, doc);
  ck_assert_int_eq(count(x, "//t:s"), 2); /* the crossing name joins two */
  ck_assert_int_eq(count(x, "//t:persName/t:w"), 4);
  expect_value(x, "//t:orgName/t:w", "Нафтогаз");
  ck_assert_int_eq(count(x, "//t:p[2]//t:pc"), 4);
  ck_assert_int_eq(count(x, "//t:measure/t:w"), 2);
  xmlFreeDoc(x);
  free(xml);
}
END_TEST

START_TEST(test_tei_crlf_and_languages) {
  doc = tu_doc(pipe_, "The first paragraph is English\r\nand has two lines, and it is "
                      "longer than the second one, so that English wins.\r\n\r\n"
                      "Другий абзац написаний українською мовою і має слова.\r\n");
  char *xml = render(0, TEITAG_FORMAT_TEI);
  xmlDocPtr x = parse_valid(xml);
  expect_paragraphs(x, doc); /* the CR survives as &#13; */
  expect_value(x, "//t:p[2]/@xml:lang", "uk");
  ck_assert_int_eq(count(x, "//t:p[1]/@xml:lang"), 0);
  ck_assert_int_eq(count(x, "//t:langUsage/t:language"), 2);
  xmlFreeDoc(x);
  free(xml);
}
END_TEST

START_TEST(test_tei_empty) {
  doc = tu_doc_n(pipe_, "", 0);
  char *xml = render(0, TEITAG_FORMAT_TEI);
  xmlDocPtr x = parse_valid(xml);
  ck_assert_int_eq(count(x, "//t:body/t:p"), 1);
  xmlFreeDoc(x);
  free(xml);
}
END_TEST

static int buf_sink(void *ctx, const char *data, size_t len) {
  tt_buf_put(ctx, data, len);
  return 0;
}

START_TEST(test_tei_in_parts) {
  /* A huge input is written part by part into one TEI document. */
  tt_buf out = {NULL, 0, 0};
  teitag_writer *w;
  ck_assert_int_eq(teitag_writer_new(TEITAG_FORMAT_TEI, 0, buf_sink, &out, &w),
                   TEITAG_OK);
  const char *parts[] = {"Kyiv is big.\nLviv too.", "Kyiv again."};
  for (int i = 0; i < 2; i++) {
    doc = tu_doc(pipe_, parts[i]);
    add("Kyiv", TEITAG_TYPE_LOC, "Q1899", "Kyiv", NULL, NULL);
    teitag_doc_resolve(doc, 0);
    ck_assert_int_eq(teitag_writer_write(w, doc, NULL), TEITAG_OK);
    teitag_doc_free(doc);
    doc = NULL;
  }
  ck_assert_int_eq(teitag_writer_finish(w, NULL), TEITAG_OK);
  ck_assert_int_eq(teitag_writer_write(w, doc ? doc : NULL, NULL), TEITAG_EARG);
  teitag_writer_free(w);
  xmlDocPtr x = parse_valid(tt_buf_cstr(&out));
  ck_assert_int_eq(count(x, "//t:body/t:p"), 3);
  ck_assert_int_eq(count(x, "//t:body//t:placeName"), 2);
  ck_assert_int_eq(count(x, "//t:listPlace/t:place"), 1);
  xmlFreeDoc(x);
  tt_buf_free(&out);
}
END_TEST

static int failing_sink(void *ctx, const char *data, size_t len) {
  (void)data;
  size_t *budget = ctx;
  if (len > *budget)
    return -1;
  *budget -= len;
  return 0;
}

START_TEST(test_sink_failure) {
  /* A full disk mid-way is an error, never a silently short output. */
  doc = tu_doc(pipe_, witkoff);
  add("Vladimir Putin", TEITAG_TYPE_PER, "Q7747", NULL, NULL, NULL);
  teitag_doc_resolve(doc, 0);
  for (int f = TEITAG_FORMAT_TEI; f <= TEITAG_FORMAT_HTML; f++) {
    size_t budget = 20; /* less than any output */
    teitag_writer *w;
    teitag_writer_new((teitag_format)f, 0, failing_sink, &budget, &w);
    teitag_diag diag;
    teitag_status st = teitag_writer_write(w, doc, &diag);
    if (st == TEITAG_OK)
      st = teitag_writer_finish(w, &diag);
    ck_assert_msg(st == TEITAG_EWRITE, "format %d: status %d", f, st);
    teitag_writer_free(w);
  }
}
END_TEST

START_TEST(test_jsonl) {
  doc = tu_doc(pipe_, "Київ — столиця.\n\"Цитата\"\tі $5 для «Нафтогазу»");
  add("Київ", TEITAG_TYPE_LOC, "Q1899", "Київ", NULL, NULL);
  add("$5", TEITAG_TYPE_MONEY, NULL, NULL, "5", "USD");
  add("Нафтогазу", TEITAG_TYPE_ORG, NULL, "Нафтогаз", NULL, NULL);
  teitag_doc_resolve(doc, 0);
  char *line = render(TEITAG_WRITE_EXPLAIN, TEITAG_FORMAT_JSONL);
  ck_assert_str_eq(
      line,
      "{\"id\": \"test\", \"lang\": \"uk\", \"entities\": ["
      "{\"start\": 0, \"end\": 4, \"type\": \"LOC\", \"text\": \"Київ\", "
      "\"cert\": \"high\", \"ref\": \"Q1899\", \"norm\": \"Київ\", \"source\": \"api\"}, "
      "{\"start\": 27, \"end\": 29, \"type\": \"MONEY\", \"text\": \"$5\", "
      "\"cert\": \"high\", \"amount\": 5, \"currency\": \"USD\", \"source\": \"api\"}, "
      "{\"start\": 35, \"end\": 44, \"type\": \"ORG\", \"text\": \"Нафтогазу\", "
      "\"cert\": \"high\", \"norm\": \"Нафтогаз\", \"source\": \"api\"}]}\n");
  /* The line is valid JSON and its offsets are code points. */
  tt_json *v = tt_json_parse(line, strlen(line) - 1, NULL);
  ck_assert_ptr_nonnull(v);
  tt_json_free(v);
  free(line);
}
END_TEST

START_TEST(test_bad_spans) {
  doc = tu_doc(pipe_, "Київ.\nЛьвів.");
  static const struct {
    size_t start, end;
    teitag_type type;
    const char *ref, *amount, *currency;
  } bad[] = {
      {3, 3, TEITAG_TYPE_LOC, NULL, NULL, NULL},    /* empty */
      {0, 999, TEITAG_TYPE_LOC, NULL, NULL, NULL},  /* outside */
      {1, 4, TEITAG_TYPE_LOC, NULL, NULL, NULL},    /* mid-character */
      {0, 8, TEITAG_TYPE_NONE, NULL, NULL, NULL},   /* no type */
      {0, 17, TEITAG_TYPE_LOC, NULL, NULL, NULL},   /* two paragraphs */
      {0, 8, TEITAG_TYPE_LOC, "a b", NULL, NULL},   /* ref not a name */
      {0, 8, TEITAG_TYPE_LOC, "teitag", NULL, NULL},
      {0, 8, TEITAG_TYPE_MONEY, NULL, "5", NULL},   /* no currency */
      {0, 8, TEITAG_TYPE_MONEY, NULL, "5e3", "USD"}, /* not plain decimal */
      {0, 8, TEITAG_TYPE_MONEY, NULL, "05", "USD"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    teitag_span sp;
    memset(&sp, 0, sizeof sp);
    sp.start = bad[i].start;
    sp.end = bad[i].end;
    sp.type = bad[i].type;
    sp.ref = bad[i].ref;
    sp.amount = bad[i].amount;
    sp.currency = bad[i].currency;
    teitag_diag diag;
    ck_assert_msg(teitag_doc_add_span(doc, &sp, &diag) == TEITAG_EARG,
                  "bad span %zu accepted", i);
    ck_assert(diag.message[0]);
  }
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 0);
}
END_TEST

/* ---- brat, WebAnno TSV, CoNLL, HTML, rs-TEI ------------------------- */

/* An emoji (two UTF-16 units, one code point), Cyrillic (two bytes), a
 * name across a line break, and characters each format must escape. */
static const char mixed[] =
    "\xF0\x9F\x98\x80 Путін met Steve\nWitkoff in Kyiv-style [Bank|X] "
    "-> *_; \\ office.\n\nЗеленський & <Co> \"quoted\".";

static void add_mixed(void) {
  add("Путін", TEITAG_TYPE_PER, "Q7747", "Володимир Путін", NULL, NULL);
  add("Steve\nWitkoff", TEITAG_TYPE_PER, "per_witkoff", NULL, NULL, NULL);
  add("Kyiv", TEITAG_TYPE_LOC, "Q1899", NULL, NULL, NULL); /* inside a token */
  add("[Bank|X] -> *_; \\ office", TEITAG_TYPE_ORG, NULL, "A|B [c]", NULL, NULL);
  add("Зеленський & <Co>", TEITAG_TYPE_PER, NULL, NULL, NULL, NULL);
}

START_TEST(test_brat) {
  doc = tu_doc(pipe_, mixed);
  add_mixed();
  teitag_doc_resolve(doc, 0);
  char *ann = render(0, TEITAG_FORMAT_BRAT);
  /* code points: the emoji counts one; the line break splits a fragment */
  ck_assert_ptr_nonnull(strstr(ann, "T1\tPER 2 7\tПутін\n"));
  ck_assert_ptr_nonnull(strstr(ann, "T2\tPER 12 17;18 25\tSteve Witkoff\n"));
  ck_assert_ptr_nonnull(strstr(ann, "T3\tLOC 29 33\tKyiv\n"));
  ck_assert_ptr_nonnull(strstr(ann, "#1\tAnnotatorNotes T1\tnorm: Володимир Путін; "
                                    "ref: Q7747; cert: high\n"));
  ck_assert_ptr_nonnull(strstr(ann, "N1\tReference T1 Wikidata:Q7747\tВолодимир Путін\n"));
  ck_assert_ptr_null(strstr(ann, "N2\t")); /* a slug is no Wikidata ID */
  ck_assert_ptr_nonnull(strstr(ann, "#2\tAnnotatorNotes T2\tref: per_witkoff; cert: high\n"));
  ck_assert_ptr_nonnull(strstr(ann, "\tЗеленський & <Co>\n"));
  free(ann);
}
END_TEST

START_TEST(test_webanno) {
  doc = tu_doc(pipe_, mixed);
  add_mixed();
  teitag_doc_resolve(doc, 0);
  char *tsv = render(0, TEITAG_FORMAT_WEBANNO);
  static const char header[] =
      "#FORMAT=WebAnno TSV 3.3\n#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type."
      "NamedEntity|identifier|value\n\n\n#Text=";
  ck_assert_msg(strncmp(tsv, header, sizeof header - 1) == 0, "header:\n%s", tsv);
  /* UTF-16: the emoji is two units, so Путін starts at 3 */
  ck_assert_ptr_nonnull(strstr(tsv, "1-1\t0-2\t\xF0\x9F\x98\x80\t_\t_\t\n"));
  ck_assert_ptr_nonnull(strstr(tsv, "1-2\t3-8\tПутін\thttp://www.wikidata.org/entity/"
                                    "Q7747\tPER\t\n"));
  /* a name over two tokens and a line break: one [N] on both rows; the
   * sentence text continues on a second #Text line */
  ck_assert_ptr_nonnull(strstr(tsv, "\tSteve\tper\\_witkoff[1]\tPER[1]\t\n"));
  ck_assert_ptr_nonnull(strstr(tsv, "\tWitkoff\tper\\_witkoff[1]\tPER[1]\t\n"));
  ck_assert_ptr_nonnull(strstr(tsv, "#Text=\xF0\x9F\x98\x80 Путін met Steve\n#Text=Witkoff in"));
  /* Kyiv is cut out of Kyiv-style */
  ck_assert_ptr_nonnull(strstr(tsv, "\tKyiv\t"));
  ck_assert_ptr_nonnull(strstr(tsv, "\t-style\t_\t_\t\n"));
  /* backslash escaped in #Text; no identifier is '*' */
  ck_assert_ptr_nonnull(strstr(tsv, "-> *_; \\\\ office."));
  ck_assert_ptr_nonnull(strstr(tsv, "\tЗеленський\t*[3]\tPER[3]\t\n"));
  /* one empty line between sentences, none at the end */
  ck_assert_ptr_nonnull(strstr(tsv, "\t_\t_\t\n\n#Text=Зеленський"));
  size_t n = strlen(tsv);
  ck_assert(tsv[n - 1] == '\n' && tsv[n - 2] != '\n');
  free(tsv);
}
END_TEST

START_TEST(test_webanno_stacked) {
  /* Nested names share tokens: every value carries its [N], stacked on |. */
  doc = tu_doc(pipe_, "The Central Bank of Russia said.");
  add("Central Bank of Russia", TEITAG_TYPE_ORG, NULL, NULL, NULL, NULL);
  add("Russia", TEITAG_TYPE_LOC, "Q159", NULL, NULL, NULL);
  teitag_doc_resolve(doc, 1);
  char *tsv = render(0, TEITAG_FORMAT_WEBANNO);
  ck_assert_ptr_nonnull(strstr(tsv, "1-2\t4-11\tCentral\t*[1]\tORG[1]\t\n"));
  ck_assert_ptr_nonnull(strstr(tsv, "1-5\t20-26\tRussia\t*[1]|http://www.wikidata.org/"
                                    "entity/Q159[2]\tORG[1]|LOC[2]\t\n"));
  char *conll = render(0, TEITAG_FORMAT_CONLL);
  /* BIO cannot nest: the outer name only */
  ck_assert_str_eq(conll, "-DOCSTART-\tO\n\nThe\tO\nCentral\tB-ORG\nBank\tI-ORG\n"
                          "of\tI-ORG\nRussia\tI-ORG\nsaid\tO\n.\tO\n\n");
  free(conll);
  free(tsv);
}
END_TEST

START_TEST(test_conll) {
  doc = tu_doc(pipe_, "Mr. Steve Witkoff met Putin. He paid $ 1 000 in Kyiv-style banks.\n\n"
                      "Друга частина: «Нафтогаз».");
  add("Putin. He", TEITAG_TYPE_PER, NULL, NULL, NULL, NULL); /* crosses a sentence */
  add("$ 1 000", TEITAG_TYPE_MONEY, NULL, NULL, "1000", "USD");
  add("Kyiv", TEITAG_TYPE_LOC, NULL, NULL, NULL, NULL);
  add("Нафтогаз", TEITAG_TYPE_ORG, NULL, NULL, NULL, NULL);
  teitag_doc_resolve(doc, 0);
  char *conll = render(0, TEITAG_FORMAT_CONLL);
  ck_assert_str_eq(conll,
                   "-DOCSTART-\tO\n\n"
                   "Mr.\tO\nSteve\tO\nWitkoff\tO\nmet\tO\nPutin\tB-PER\n.\tI-PER\n"
                   "He\tI-PER\npaid\tO\n$\tB-MONEY\n1\tI-MONEY\n000\tI-MONEY\n"
                   "in\tO\nKyiv\tB-LOC\n-style\tO\nbanks\tO\n.\tO\n\n"
                   "Друга\tO\nчастина\tO\n:\tO\n«\tO\nНафтогаз\tB-ORG\n»\tO\n.\tO\n\n");
  free(conll);
}
END_TEST

START_TEST(test_html) {
  doc = tu_doc(pipe_, mixed);
  add_mixed();
  teitag_doc_resolve(doc, 0);
  char *html = render(0, TEITAG_FORMAT_HTML);
  char head[64];
  snprintf(head, sizeof head, "<!DOCTYPE html>\n<html lang=\"%s\">",
           teitag_lang_code(teitag_doc_lang(doc)));
  ck_assert_ptr_nonnull(strstr(html, head));
  ck_assert_ptr_nonnull(strstr(html, "<span class=\"per\">person</span>"));
  ck_assert_ptr_nonnull(strstr(html, "<mark class=\"per\" title=\"person: Володимир "
                                     "Путін · Q7747 · high\" data-ref=\"Q7747\" "
                                     "data-norm=\"Володимир Путін\">Путін</mark>"));
  ck_assert_ptr_nonnull(strstr(html, "<mark class=\"per\" title=\"person · high\">"
                                     "Зеленський &amp; &lt;Co&gt;</mark> &quot;quoted&quot;."));
  ck_assert_ptr_nonnull(strstr(html, "person: 3 · place: 1 · organisation: 1 · "
                                     "money: 0"));
  ck_assert_ptr_nonnull(strstr(html, "</body>\n</html>\n"));
  ck_assert_ptr_null(strstr(html, "<script"));
  ck_assert_ptr_null(strstr(html, "http")); /* nothing from the network */
  free(html);
}
END_TEST

START_TEST(test_rs) {
  doc = tu_doc(pipe_, "\n\nMr. Steve Witkoff met Putin. He paid $ 5.\r\n\r\n"
                      "Друга частина: «Нафтогаз».\n");
  add("Steve Witkoff", TEITAG_TYPE_PER, "Q1", NULL, NULL, NULL);
  add("Putin. He", TEITAG_TYPE_PER, NULL, NULL, NULL, NULL);
  add("$ 5", TEITAG_TYPE_MONEY, NULL, NULL, "5", "USD");
  add("Нафтогаз", TEITAG_TYPE_ORG, NULL, NULL, NULL, NULL);
  teitag_doc_resolve(doc, 0);
  char *xml = render(TEITAG_WRITE_RS, TEITAG_FORMAT_TEI);
  xmlDocPtr x = parse_valid(xml);
  /* INCEpTION's document text: everything inside <text>, exactly the input */
  char *all = value(x, "/t:TEI/t:text");
  ck_assert_str_eq(all, doc->text);
  xmlFree(all);
  ck_assert_int_eq(count(x, "//t:rs"), 4);
  ck_assert_int_eq(count(x, "//t:rs[not(ancestor::t:s)]"), 0);
  ck_assert_int_eq(count(x, "//t:pc"), 0); /* every token a <w> */
  ck_assert_int_eq(count(x, "//t:s[not(*)]"), 0);
  expect_value(x, "//t:rs[@type='person'][1]/@ref", "#Q1");
  expect_value(x, "//t:rs[@type='money']", "$ 5");
  ck_assert_int_eq(count(x, "//t:rs[@type='money']/@quantity"), 0);
  expect_value(x, "//t:rs[@type='org']", "Нафтогаз");
  ck_assert_int_eq(count(x, "//t:person[@xml:id='Q1']"), 1);
  xmlFreeDoc(x);
  free(xml);
}
END_TEST

START_TEST(test_one_document_formats) {
  /* brat and TSV offsets refer to one text: a second document is refused */
  doc = tu_doc(pipe_, "Kyiv.");
  for (int f = TEITAG_FORMAT_BRAT; f <= TEITAG_FORMAT_WEBANNO; f++) {
    tt_buf out = {NULL, 0, 0};
    teitag_writer *w;
    ck_assert_int_eq(teitag_writer_new((teitag_format)f, 0, buf_sink, &out, &w),
                     TEITAG_OK);
    ck_assert_int_eq(teitag_writer_write(w, doc, NULL), TEITAG_OK);
    ck_assert_int_eq(teitag_writer_write(w, doc, NULL), TEITAG_EARG);
    teitag_writer_free(w);
    tt_buf_free(&out);
  }
  /* CoNLL and HTML take several: one DOCSTART / article each */
  tt_buf out = {NULL, 0, 0};
  teitag_writer *w;
  ck_assert_int_eq(teitag_writer_new(TEITAG_FORMAT_HTML, 0, buf_sink, &out, &w),
                   TEITAG_OK);
  ck_assert_int_eq(teitag_writer_write(w, doc, NULL), TEITAG_OK);
  ck_assert_int_eq(teitag_writer_write(w, doc, NULL), TEITAG_OK);
  ck_assert_int_eq(teitag_writer_finish(w, NULL), TEITAG_OK);
  teitag_writer_free(w);
  ck_assert_ptr_nonnull(strstr(tt_buf_cstr(&out), "<article lang=\"en\">\n<h2>test</h2>"));
  ck_assert_ptr_null(strstr(strstr(out.data, "</html>"), "<article"));
  tt_buf_free(&out);
  ck_assert_int_eq(teitag_format_from_name("webanno"), TEITAG_FORMAT_WEBANNO);
  ck_assert_int_eq(teitag_format_from_name("html"), TEITAG_FORMAT_HTML);
}
END_TEST

static Suite *writers_suite(void) {
  Suite *s = suite_create("writers");
  TCase *core = tcase_create("core");
  tcase_add_checked_fixture(core, setup, teardown);
  tcase_add_test(core, test_tei_entities);
  tcase_add_test(core, test_tei_escaping);
  tcase_add_test(core, test_tei_nested_and_adjacent);
  tcase_add_test(core, test_tei_money_range);
  tcase_add_test(core, test_tei_tokens);
  tcase_add_test(core, test_tei_crlf_and_languages);
  tcase_add_test(core, test_tei_empty);
  tcase_add_test(core, test_tei_in_parts);
  tcase_add_test(core, test_jsonl);
  tcase_add_test(core, test_brat);
  tcase_add_test(core, test_webanno);
  tcase_add_test(core, test_webanno_stacked);
  tcase_add_test(core, test_conll);
  tcase_add_test(core, test_html);
  tcase_add_test(core, test_rs);
  tcase_add_test(core, test_one_document_formats);
  suite_add_tcase(s, core);
  TCase *errors = tcase_create("errors");
  tcase_add_checked_fixture(errors, setup, teardown);
  tcase_add_test(errors, test_sink_failure);
  tcase_add_test(errors, test_bad_spans);
  suite_add_tcase(s, errors);
  return s;
}

/* Validates every kept output against tei_all.rng with jing, when both are
 * there; says so when they are not. */
static int check_tei_all(void) {
  const char *tei_all = getenv("TEI_ALL");
  if (!tei_all || access(tei_all, R_OK) != 0) {
    printf("SKIP: tei_all.rng not available (TEI_ALL=%s)\n",
           tei_all ? tei_all : "unset");
    return 0;
  }
  if (system("command -v jing >/dev/null 2>&1") != 0) {
    printf("SKIP: jing is not installed; not validating against tei_all\n");
    return 0;
  }
  char cmd[512];
  snprintf(cmd, sizeof cmd, "jing '%s' %s/*.xml 2>/dev/null", tei_all, out_dir);
  int rc = system(cmd);
  printf("%s: %d outputs against tei_all.rng with jing\n", rc ? "FAIL" : "PASS",
         n_outputs);
  return rc != 0;
}

int main(void) {
  const char *top = getenv("top_srcdir");
  char path[1024];
  snprintf(path, sizeof path, "%s/schema/teitag.rng", top ? top : "..");
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(path);
  schema = xmlRelaxNGParse(pc);
  xmlRelaxNGFreeParserCtxt(pc);
  if (!schema) {
    fprintf(stderr, "cannot load %s\n", path);
    return EXIT_FAILURE;
  }
  if (!mkdtemp(out_dir))
    return EXIT_FAILURE;
  SRunner *sr = srunner_create(writers_suite());
  srunner_set_fork_status(sr, CK_NOFORK); /* outputs count across tests */
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  failed += check_tei_all();
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf %s", out_dir);
  if (system(cmd) != 0)
    failed++;
  xmlRelaxNGFree(schema);
  xmlCleanupParser();
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
