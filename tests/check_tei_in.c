/* SPDX-License-Identifier: MIT
 *
 * check_tei_in.c -- TEI in, TEI out: what is read from an existing TEI
 * document, where new entities go (never across an element boundary, never
 * into a token or a name already there), that everything else comes out as
 * it went in (header, comments, processing instructions, attributes), and
 * that hostile or broken XML (XXE, "billion laughs", malformed, not TEI) is
 * refused with a message naming the place.  Outputs whose input is valid
 * TEI are validated against tei_all.rng with jing when it is there.
 */
#include "config.h"

#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <unistd.h>

#include "testutil.h"

static char out_dir[] = "/tmp/teitag-tei-in-XXXXXX";
static int n_outputs;

/* ---- a test annotator: every occurrence of each listed string --------- */

typedef struct {
  const char *text;
  teitag_type type;
  const char *ref;
} proposal;

static teitag_status propose(teitag_doc *doc, void *ctx, teitag_diag *diag) {
  size_t len;
  const char *text = teitag_doc_text(doc, &len);
  for (const proposal *p = ctx; p->text; p++) {
    size_t n = strlen(p->text);
    for (const char *at = text; (at = strstr(at, p->text)) != NULL; at += n) {
      teitag_span sp;
      memset(&sp, 0, sizeof sp);
      sp.start = (size_t)(at - text);
      sp.end = sp.start + n;
      sp.type = p->type;
      sp.cert = TEITAG_CERT_MEDIUM;
      sp.ref = p->ref;
      if (p->type == TEITAG_TYPE_MONEY) {
        sp.amount = "5";
        sp.currency = "USD";
      }
      /* Spans across paragraphs are the annotator's error: skip them. */
      if (teitag_doc_add_span(doc, &sp, diag) != TEITAG_OK)
        continue;
    }
  }
  return TEITAG_OK;
}

static const proposal places[] = {
    {"Kyiv", TEITAG_TYPE_LOC, "Q1899"},
    {"Moscow", TEITAG_TYPE_LOC, "Q649"},
    {"Vladimir Putin", TEITAG_TYPE_PER, "Q7747"},
    {"Petro", TEITAG_TYPE_PER, NULL},        /* already a persName */
    {"five dollars", TEITAG_TYPE_MONEY, NULL}, /* already a measure */
    {NULL, 0, NULL}};

static char *read_file(const char *rel, size_t *len) {
  char path[1024];
  const char *top = getenv("top_srcdir");
  snprintf(path, sizeof path, "%s/%s", top ? top : "..", rel);
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  tt_buf b = {NULL, 0, 0};
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    tt_buf_put(&b, chunk, n);
  fclose(f);
  return tt_buf_steal(&b, len);
}

/* Reads TEI (an exactly-sized copy), annotates it with `props` and renders
 * `fmt`.  Returns the output; the document in *out_doc when asked for. */
static char *tei_through(const char *xml, size_t len, const proposal *props,
                         unsigned flags, teitag_format fmt, unsigned options,
                         size_t *out_len, teitag_doc **out_doc) {
  teitag_pipeline *p = teitag_pipeline_new();
  /* placement is tested with the proposals alone */
  teitag_pipeline_set_flags(p, props ? flags | TEITAG_PIPE_NO_RULES | TEITAG_PIPE_NO_MONEY
                                     : flags);
  if (props)
    teitag_pipeline_add_annotator(p, propose, (void *)props);
  char *copy = tu_copy(xml, len);
  teitag_doc *doc;
  teitag_diag diag;
  teitag_status st = teitag_doc_from_tei(p, copy, len, "in.xml", &doc, &diag);
  free(copy);
  ck_assert_msg(st == TEITAG_OK, "from_tei: %s", diag.message);
  ck_assert_int_eq(teitag_doc_annotate(p, doc, &diag), TEITAG_OK);
  char *out;
  ck_assert_msg(teitag_render(doc, fmt, options, &out, out_len, &diag) == TEITAG_OK,
                "render: %s", diag.message);
  if (out_doc)
    *out_doc = doc;
  else
    teitag_doc_free(doc);
  teitag_pipeline_free(p);
  return out;
}

static void keep_for_jing(const char *xml, size_t len) {
  char path[128];
  snprintf(path, sizeof path, "%s/%03d.xml", out_dir, n_outputs++);
  FILE *f = fopen(path, "w");
  if (f) {
    fwrite(xml, 1, len, f);
    fclose(f);
  }
}

static int count(xmlDocPtr x, const char *expr) {
  xmlXPathContextPtr ctx = xmlXPathNewContext(x);
  xmlXPathRegisterNs(ctx, BAD_CAST "t", BAD_CAST "http://www.tei-c.org/ns/1.0");
  xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
  xmlXPathFreeContext(ctx);
  ck_assert_msg(r != NULL, "bad XPath %s", expr);
  int n = r->type == XPATH_NUMBER ? (int)r->floatval
          : r->nodesetval        ? r->nodesetval->nodeNr
                                 : 0;
  xmlXPathFreeObject(r);
  return n;
}

static xmlDocPtr parse(const char *xml, size_t len) {
  xmlDocPtr x = xmlReadMemory(xml, (int)len, "out.xml", NULL, XML_PARSE_NONET);
  ck_assert_msg(x != NULL, "output is not well-formed:\n%s", xml);
  return x;
}

/* Undoes what teitag adds -- its entities (unwrapped), its application,
 * the appInfo/encodingDesc it had to create, its standOff -- so that the
 * rest can be compared with the input. */
static void strip_teitag(xmlNodePtr n, const char *resp) {
  for (xmlNodePtr c = n->children, next; c; c = next) {
    next = c->next;
    if (c->type != XML_ELEMENT_NODE)
      continue;
    strip_teitag(c, resp);
    xmlChar *r = xmlGetProp(c, BAD_CAST "resp");
    int ours = r && xmlStrEqual(r, BAD_CAST resp);
    xmlFree(r);
    int added = xmlHasProp(c, BAD_CAST "data-added") != NULL;
    if (ours) { /* unwrap */
      xmlNodePtr kid = c->children;
      while (kid && xmlStrEqual(kid->name, BAD_CAST "num") && !kid->next)
        kid = kid->children; /* a money range's <num> is ours too */
      while (kid) {
        xmlNodePtr k2 = kid->next;
        xmlUnlinkNode(kid);
        xmlAddPrevSibling(c, kid);
        kid = k2;
      }
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    } else if (added || xmlStrEqual(c->name, BAD_CAST "standOff")) {
      if (c->prev && xmlIsBlankNode(c->prev)) {
        xmlNodePtr ws = c->prev;
        xmlUnlinkNode(ws);
        xmlFreeNode(ws);
      }
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    }
  }
}

/* Canonical XML of a document, for comparing what did not change. */
static char *canonical(xmlDocPtr x) {
  xmlChar *out = NULL;
  ck_assert_int_ge(xmlC14NDocDumpMemory(x, NULL, XML_C14N_1_1, NULL, 1, &out), 0);
  return (char *)out;
}

/* Marks the encodingDesc/appInfo that teitag created in `out` (those the
 * input does not have), so that strip_teitag removes them. */
static void mark_created(xmlDocPtr in, xmlDocPtr out) {
  static const char *const paths[] = {"//t:teiHeader/t:encodingDesc",
                                      "//t:encodingDesc/t:appInfo",
                                      "//t:application[@ident='teitag']"};
  for (int i = 0; i < 3; i++) {
    if (count(in, paths[i]) > 0)
      continue;
    xmlXPathContextPtr ctx = xmlXPathNewContext(out);
    xmlXPathRegisterNs(ctx, BAD_CAST "t", BAD_CAST "http://www.tei-c.org/ns/1.0");
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST paths[i], ctx);
    for (int k = 0; r->nodesetval && k < r->nodesetval->nodeNr; k++)
      xmlSetProp(r->nodesetval->nodeTab[k], BAD_CAST "data-added", BAD_CAST "1");
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
  }
}

/* Everything but teitag's additions is as it was in the input. */
static void expect_rest_unchanged(const char *in, size_t in_len, xmlDocPtr out,
                                  const char *resp) {
  xmlDocPtr orig = xmlReadMemory(in, (int)in_len, "in.xml", NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOENT);
  ck_assert_ptr_nonnull(orig);
  mark_created(orig, out);
  strip_teitag(xmlDocGetRootElement(out), resp);
  char *a = canonical(orig), *b = canonical(out);
  ck_assert_msg(strcmp(a, b) == 0, "output differs from the input beyond "
                "teitag's additions:\n--- in\n%s\n--- out\n%s", a, b);
  xmlFree(a);
  xmlFree(b);
  xmlFreeDoc(orig);
}

/* ---- core ----------------------------------------------------------------- */

START_TEST(test_edition) {
  size_t len, out_len;
  char *in = read_file("tests/data/tei/edition.xml", &len);
  char *out = tei_through(in, len, places, 0, TEITAG_FORMAT_TEI, 0, &out_len, NULL);
  keep_for_jing(out, out_len);
  xmlDocPtr x = parse(out, out_len);
  /* where the places went: head, dateline, two in p, the note, two in p2
   * (not inside <choice>), two <w>, the Ukrainian p, two items, two l,
   * inside <foreign>, the salute -- not in the header, egXML or CDATA */
  ck_assert_int_eq(count(x, "//t:body//t:placeName[@resp='#teitag']"), 16);
  ck_assert_int_eq(count(x, "//t:teiHeader//t:placeName"), 0);
  ck_assert_int_eq(count(x, "//t:choice//t:placeName"), 0);
  ck_assert_int_eq(count(x, "//t:placeName[t:w]"), 2);
  ck_assert_int_eq(count(x, "//t:w/*"), 0); /* never inside a token */
  ck_assert_int_eq(count(x, "//t:note/t:placeName"), 1);
  ck_assert_int_eq(count(x, "//t:hi/t:persName[@ref='#Q7747']"), 1);
  /* names already there are not annotated again */
  ck_assert_int_eq(count(x, "//t:persName[.='Petro']"), 1);
  ck_assert_int_eq(count(x, "//t:persName//t:persName"), 0);
  ck_assert_int_eq(count(x, "//t:measure"), 1);
  ck_assert_int_eq(count(x, "//t:placeName[@cert='medium'][@ref='#Q1899']"), 9);
  /* the header: teitag added to the existing encodingDesc */
  ck_assert_int_eq(count(x, "//t:encodingDesc/t:appInfo/t:application[@ident='teitag']"
                            "[@xml:id='teitag'][t:label='teitag']"), 1);
  ck_assert_int_eq(count(x, "//t:encodingDesc/t:p"), 1);
  /* standOff for the linked entities, after <text> */
  ck_assert_int_eq(count(x, "/t:TEI/t:text/following-sibling::t:standOff"
                            "/t:listPlace/t:place[@xml:id='Q1899']"), 1);
  ck_assert_int_eq(count(x, "//t:person[@xml:id='Q7747']/t:idno[@type='wikidata']"), 1);
  /* comments and processing instructions, in the text and around it */
  ck_assert_int_eq(count(x, "count(//comment())"), 3);
  ck_assert_int_eq(count(x, "count(//processing-instruction())"), 2);
  expect_rest_unchanged(in, len, x, "#teitag");
  xmlFreeDoc(x);
  /* Read back and written again: the same document. */
  size_t again_len;
  char *again = tei_through(out, out_len, places, 0, TEITAG_FORMAT_TEI, 0,
                            &again_len, NULL);
  ck_assert_msg(again_len == out_len && memcmp(again, out, out_len) == 0,
                "TEI re-read is not the same document:\n%s", again);
  free(again);
  free(out);
  free(in);
}
END_TEST

START_TEST(test_edition_rs) {
  size_t len, out_len;
  char *in = read_file("tests/data/tei/edition.xml", &len);
  char *out = tei_through(in, len, places, 0, TEITAG_FORMAT_TEI, TEITAG_WRITE_RS,
                          &out_len, NULL);
  keep_for_jing(out, out_len);
  xmlDocPtr x = parse(out, out_len);
  ck_assert_int_eq(count(x, "//t:rs[@type='place'][@resp='#teitag']"), 16);
  ck_assert_int_eq(count(x, "//t:rs[@type='person']"), 1);
  ck_assert_int_eq(count(x, "//t:body//t:placeName"), 0);
  expect_rest_unchanged(in, len, x, "#teitag");
  xmlFreeDoc(x);
  free(out);
  free(in);
}
END_TEST

START_TEST(test_edition_other_formats) {
  /* The document text of a TEI input: its blocks, a blank line apart. */
  size_t len, out_len;
  char *in = read_file("tests/data/tei/edition.xml", &len);
  teitag_doc *doc;
  char *jsonl = tei_through(in, len, places, 0, TEITAG_FORMAT_JSONL, 0, &out_len, &doc);
  size_t tlen;
  const char *text = teitag_doc_text(doc, &tlen);
  ck_assert_ptr_nonnull(strstr(text, "A letter from Kyiv\n\nKyiv, 1 May 1919"));
  ck_assert_ptr_null(strstr(text, "Kiev")); /* <choice> is not read */
  ck_assert_ptr_null(strstr(text, "Test data")); /* nor the header */
  ck_assert_ptr_nonnull(strstr(text, " Moscow <raw> ")); /* CDATA is */
  /* names of the input are entities: Petro (with its ref), the money */
  ck_assert_ptr_nonnull(strstr(jsonl, "\"text\": \"Petro\", \"ref\": \"petro\""));
  ck_assert_ptr_nonnull(strstr(jsonl, "\"text\": \"five dollars\", \"amount\": 5, "
                                      "\"currency\": \"USD\""));
  ck_assert_ptr_nonnull(strstr(jsonl, "\"text\": \"Olena\""));
  /* the Ukrainian paragraph keeps its declared language */
  size_t n = teitag_doc_n_paragraphs(doc), uk = 0;
  for (size_t i = 0; i < n; i++) {
    teitag_lang l;
    teitag_doc_paragraph(doc, i, NULL, NULL, &l);
    uk += l == TEITAG_LANG_UK;
  }
  ck_assert_uint_eq(uk, 1);
  ck_assert_int_eq(teitag_doc_lang(doc), TEITAG_LANG_EN);
  char *ann;
  size_t ann_len;
  ck_assert_int_eq(teitag_render(doc, TEITAG_FORMAT_BRAT, 0, &ann, &ann_len, NULL),
                   TEITAG_OK);
  ck_assert_ptr_nonnull(strstr(ann, "\tPER 167 181\tVladimir Putin\n"));
  teitag_free(ann);
  teitag_doc_free(doc);
  free(jsonl);
  free(in);
}
END_TEST

/* A flag of the table below: the input is not valid TEI (text straight in
 * <body>), so its output is not checked against tei_all. */
#define INVALID_TEI (1u << 30)

/* Where a proposed entity may go, table-driven: a body, the string
 * proposed, and how many entities teitag should add. */
static const struct {
  const char *body;
  const char *text;
  unsigned flags;
  int added;
  const char *xpath; /* must select exactly one node when added */
} placements[] = {
    /* crossing the end of <hi>: dropped; wholly outside: kept */
    {"<p>the <hi>Central Bank</hi> of Russia</p>", "Bank of Russia", 0, 0, NULL},
    {"<p>the Central <hi>Bank of</hi> Russia</p>", "Central Bank", 0, 0, NULL},
    {"<p>the <hi>Central</hi> Bank of Russia</p>", "Bank of Russia", 0, 1,
     "//t:p/t:orgName[.='Bank of Russia']"},
    /* starting at the start of <hi>: the whole <hi> is wrapped */
    {"<p>the <hi>Central</hi> Bank</p>", "Central Bank", 0, 1,
     "//t:p/t:orgName[t:hi='Central']"},
    {"<p>the <hi>Central</hi> Bank of Russia</p>", "Central Bank of Russia", 0, 1,
     "//t:p/t:orgName[t:hi='Central']"},
    {"<p><hi><hi>Central</hi> Bank</hi></p>", "Central Bank", 0, 1,
     "//t:p/t:hi/t:orgName[t:hi='Central']"},
    /* inside <hi> only */
    {"<p>the <hi>Central Bank</hi> said</p>", "Central Bank", 0, 1,
     "//t:hi/t:orgName"},
    /* part of a token: dropped; whole tokens: wrapped */
    {"<p><w>Kyivs</w> <w>way</w></p>", "Kyiv", 0, 0, NULL},
    {"<p><w>Central</w> <w>Bank</w> <w>said</w></p>", "Central Bank", 0, 1,
     "//t:orgName[count(t:w)=2]"},
    /* overlapping a name already there: dropped, also when nested */
    {"<p>the <orgName>Central Bank</orgName> of Russia</p>", "Bank of Russia", 0, 0, NULL},
    {"<p>the <orgName>Central Bank</orgName> of Russia</p>", "Central Bank of Russia", 0, 0, NULL},
    {"<p>the <orgName>Central Bank of Russia</orgName></p>", "Russia", TEITAG_PIPE_NESTED, 0, NULL},
    {"<p>the <orgName>Central Bank</orgName></p>", "Central Bank", 0, 0, NULL},
    /* a note in the middle: never wrapped */
    {"<p>Central<note>a note</note> Bank</p>", "Central Bank", 0, 0, NULL},
    /* a line break element inside a name is fine */
    {"<p>the Central<lb/>Bank</p>", "Central Bank", 0, 1,
     "//t:orgName[t:lb]"},
    {"<p>Central <pb n=\"2\" break=\"no\"/>Bank</p>", "Central Bank", 0, 1,
     "//t:orgName[t:pb]"},
    {"<p>Central<pb n=\"2\"/> Bank</p>", "Central Bank", 0, 0, NULL},
    /* CDATA is read but not split */
    {"<p>x<![CDATA[ Central Bank ]]>y</p>", "Central Bank", 0, 0, NULL},
    {"<p>x <![CDATA[Central Bank]]> y</p>", "Central Bank", 0, 1,
     "//t:orgName[.='Central Bank']"},
    /* a comment and a processing instruction inside are kept inside */
    {"<p>Central<!-- c --> Bank</p>", "Central Bank", 0, 1, "//t:orgName[comment()]"},
    /* other vocabularies are not read */
    {"<p>see <egXML xmlns=\"http://www.tei-c.org/ns/Examples\"><p>Central Bank</p>"
     "</egXML></p>", "Central Bank", 0, 0, NULL},
    /* a head, a cell, a quotation in a div: all read */
    {"<div><head>Central Bank</head><table><row><cell>Central Bank</cell></row>"
     "</table><quote>Central Bank</quote></div>", "Central Bank", 0, 3, NULL},
    /* text straight in <body> or a <div>: a block of its own; once the
     * text is wrapped in a name, it must still read back the same */
    {"Central Bank<div><p>Central Bank</p></div>", "Central Bank", INVALID_TEI, 2, NULL},
    {"<div>Central Bank<p>Central Bank</p></div>", "Central Bank", INVALID_TEI, 2, NULL},
    {"<div><persName><hi>Central Bank</hi></persName></div>", "Central Bank",
     INVALID_TEI, 0, NULL},
    /* nested names of our own, inside and around */
    {"<p>the Central Bank of Russia</p>", "Bank of Russia", TEITAG_PIPE_NESTED, 1, NULL},
};

static const char *wrap_open =
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt>"
    "<title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>"
    "<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body>";
static const char *wrap_close = "</body></text></TEI>";

START_TEST(test_placement) {
  tt_buf in = {NULL, 0, 0};
  tt_buf_puts(&in, wrap_open);
  tt_buf_puts(&in, placements[_i].body);
  tt_buf_puts(&in, wrap_close);
  proposal props[3] = {{placements[_i].text, TEITAG_TYPE_ORG, NULL},
                       {NULL, 0, NULL},
                       {NULL, 0, NULL}};
  if (placements[_i].flags & TEITAG_PIPE_NESTED) /* and the outer one */
    props[1] = (proposal){"Central Bank of Russia", TEITAG_TYPE_ORG, NULL};
  size_t out_len;
  unsigned flags = placements[_i].flags & ~INVALID_TEI;
  char *out = tei_through(in.data, in.len, props, flags, TEITAG_FORMAT_TEI, 0,
                          &out_len, NULL);
  if (!(placements[_i].flags & INVALID_TEI))
    keep_for_jing(out, out_len);
  xmlDocPtr x = parse(out, out_len);
  int added = count(x, "//t:body//*[@resp='#teitag']");
  int want = placements[_i].added +
             ((placements[_i].flags & TEITAG_PIPE_NESTED) &&
              !strstr(placements[_i].body, "orgName"));
  ck_assert_msg(added == want, "case %d (%s / %s): %d added, want %d:\n%s", _i,
                placements[_i].body, placements[_i].text, added, want, out);
  if (placements[_i].xpath)
    ck_assert_msg(count(x, placements[_i].xpath) == 1, "case %d: no %s in\n%s",
                  _i, placements[_i].xpath, out);
  /* read back and written again: the same document */
  size_t again_len;
  char *again = tei_through(out, out_len, props, flags, TEITAG_FORMAT_TEI, 0,
                            &again_len, NULL);
  ck_assert_msg(again_len == out_len && memcmp(again, out, out_len) == 0,
                "case %d: re-read differs:\n%s\n---\n%s", _i, out, again);
  free(again);
  expect_rest_unchanged(in.data, in.len, x, "#teitag");
  xmlFreeDoc(x);
  free(out);
  tt_buf_free(&in);
}
END_TEST

/* The header is completed as needed, and resp points at teitag's own
 * application even when the id "teitag" is taken. */
static const struct {
  const char *header;
  const char *resp;
  const char *xpath;
} headers[] = {
    {"<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>"
     "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>"
     "</fileDesc><profileDesc/></teiHeader>",
     "#teitag", "//t:fileDesc/following-sibling::*[1][self::t:encodingDesc]/t:appInfo"},
    {"<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>"
     "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>"
     "</fileDesc><encodingDesc><appInfo><application ident=\"x\" version=\"1\">"
     "<label>x</label></application></appInfo></encodingDesc></teiHeader>",
     "#teitag", "//t:appInfo[count(t:application)=2]"},
    {"<teiHeader xml:id=\"teitag\"><fileDesc><titleStmt><title>t</title></titleStmt>"
     "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>"
     "</fileDesc></teiHeader>",
     "#teitag-2", "//t:application[@xml:id='teitag-2']"},
    {"<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>"
     "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>"
     "</fileDesc><encodingDesc><appInfo><application xml:id=\"tt\" ident=\"teitag\" "
     "version=\"0.0.1\"><label>teitag</label></application></appInfo></encodingDesc>"
     "</teiHeader>",
     "#tt", "//t:application[@xml:id='tt'][@version='0.0.1']"},
};

START_TEST(test_header) {
  tt_buf in = {NULL, 0, 0};
  tt_buf_puts(&in, "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">");
  tt_buf_puts(&in, headers[_i].header);
  tt_buf_puts(&in, "<text><body><p>Kyiv</p></body></text></TEI>");
  size_t out_len;
  char *out = tei_through(in.data, in.len, places, 0, TEITAG_FORMAT_TEI, 0,
                          &out_len, NULL);
  keep_for_jing(out, out_len);
  xmlDocPtr x = parse(out, out_len);
  ck_assert_int_eq(count(x, "//t:application[@ident='teitag']"), 1);
  char expr[128];
  snprintf(expr, sizeof expr, "//t:placeName[@resp='%s']", headers[_i].resp);
  ck_assert_msg(count(x, expr) == 1, "case %d: no %s in\n%s", _i, expr, out);
  ck_assert_msg(count(x, headers[_i].xpath) == 1, "case %d: no %s in\n%s", _i,
                headers[_i].xpath, out);
  expect_rest_unchanged(in.data, in.len, x, headers[_i].resp);
  xmlFreeDoc(x);
  free(out);
  tt_buf_free(&in);
}
END_TEST

START_TEST(test_namespaces_and_corpus) {
  /* A prefixed TEI namespace: new elements use the same prefix. */
  static const char prefixed[] =
      "<tei:TEI xmlns:tei=\"http://www.tei-c.org/ns/1.0\"><tei:teiHeader>"
      "<tei:fileDesc><tei:titleStmt><tei:title>t</tei:title></tei:titleStmt>"
      "<tei:publicationStmt><tei:p>p</tei:p></tei:publicationStmt><tei:sourceDesc>"
      "<tei:p>s</tei:p></tei:sourceDesc></tei:fileDesc></tei:teiHeader><tei:text>"
      "<tei:body><tei:p>From Kyiv.</tei:p></tei:body></tei:text></tei:TEI>";
  size_t len;
  char *out = tei_through(prefixed, sizeof prefixed - 1, places, 0,
                          TEITAG_FORMAT_TEI, 0, &len, NULL);
  ck_assert_ptr_nonnull(strstr(out, "<tei:placeName ref=\"#Q1899\""));
  ck_assert_ptr_nonnull(strstr(out, "<tei:application xml:id=\"teitag\""));
  keep_for_jing(out, len);
  free(out);
  /* TEI without a namespace (as P4 files are): read and written as is. */
  static const char bare[] =
      "<TEI><teiHeader/><text><body><p>From Kyiv.</p></body></text></TEI>";
  out = tei_through(bare, sizeof bare - 1, places, 0, TEITAG_FORMAT_TEI, 0, &len, NULL);
  ck_assert_ptr_nonnull(strstr(out, "<p>From <placeName ref=\"#Q1899\""));
  free(out);
  /* teiCorpus: every TEI's body; one application, one standOff per TEI. */
  static const char corpus_xml[] =
      "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc>"
      "<titleStmt><title>c</title></titleStmt><publicationStmt><p>p</p>"
      "</publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
      "<TEI><teiHeader><fileDesc><titleStmt><title>a</title></titleStmt>"
      "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>"
      "</sourceDesc></fileDesc></teiHeader><text><body><p>Kyiv</p></body></text></TEI>"
      "<TEI><teiHeader><fileDesc><titleStmt><title>b</title></titleStmt>"
      "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>"
      "</sourceDesc></fileDesc></teiHeader><text><body><p>Moscow and Kyiv</p>"
      "</body></text></TEI></teiCorpus>";
  out = tei_through(corpus_xml, sizeof corpus_xml - 1, places, 0, TEITAG_FORMAT_TEI,
                    0, &len, NULL);
  keep_for_jing(out, len);
  xmlDocPtr x = parse(out, len);
  ck_assert_int_eq(count(x, "//t:body//t:placeName"), 3);
  ck_assert_int_eq(count(x, "//t:application"), 1);
  ck_assert_int_eq(count(x, "/t:teiCorpus/t:teiHeader//t:application"), 1);
  ck_assert_int_eq(count(x, "//t:TEI[1]/t:standOff//t:place"), 1);
  ck_assert_int_eq(count(x, "//t:TEI[2]/t:standOff//t:place"), 1); /* Moscow */
  ck_assert_int_eq(count(x, "//t:place[@xml:id='Q1899']"), 1);
  xmlFreeDoc(x);
  free(out);
}
END_TEST

START_TEST(test_encodings_and_entities) {
  /* UTF-16 input, an internal entity, character references. */
  static const char text[] =
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
      "<!DOCTYPE TEI [<!ENTITY cap \"Kyiv\">]>\n"
      "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body>"
      "<p>&cap; and Mos&#99;ow, &#x41A;&#x438;&#x457;&#x432;.</p></body></text></TEI>";
  tt_buf u16 = {NULL, 0, 0};
  tt_buf_put(&u16, "\xFF\xFE", 2);
  for (const char *s = text; *s; s++) {
    tt_buf_putc(&u16, *s);
    tt_buf_putc(&u16, '\0');
  }
  size_t len;
  teitag_doc *doc;
  char *out = tei_through(u16.data, u16.len, places, 0, TEITAG_FORMAT_TEI, 0,
                          &len, &doc);
  size_t tlen;
  ck_assert_str_eq(teitag_doc_text(doc, &tlen), "Kyiv and Moscow, Київ.");
  ck_assert_ptr_nonnull(strstr(out, "encoding=\"UTF-8\""));
  ck_assert_ptr_nonnull(strstr(out, "<placeName ref=\"#Q1899\" cert=\"medium\" "
                                    "resp=\"#teitag\">Kyiv</placeName> and "
                                    "<placeName ref=\"#Q649\""));
  ck_assert_ptr_nonnull(strstr(out, "<!ENTITY cap \"Kyiv\">"));
  teitag_doc_free(doc);
  free(out);
  tt_buf_free(&u16);
}
END_TEST

/* ---- errors --------------------------------------------------------------- */

static const struct {
  const char *xml;
  teitag_status st;
  const char *message; /* a part of the message */
  size_t line;         /* the line it names (0: any) */
} bad[] = {
    /* XXE: a file, a URL, a parameter entity */
    {"<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n"
     "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>&x;</p></body></text></TEI>",
     TEITAG_ESYNTAX, "external entity 'x'", 3},
    {"<!DOCTYPE TEI [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>"
     "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>&x;</p></body></text></TEI>",
     TEITAG_ESYNTAX, "never loads external entities", 1},
    {"<!DOCTYPE TEI [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>"
     "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>",
     TEITAG_ESYNTAX, "external entity 'p'", 1},
    /* billion laughs, and one big entity used many times */
    {"<!DOCTYPE TEI [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
     "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
     "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
     "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">"
     "<!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">]>"
     "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>&i;</p></body></text></TEI>",
     TEITAG_ETOOBIG, "billion laughs", 1},
    /* a DTD that is not read leaves &nbsp; undefined */
    {"<!DOCTYPE TEI SYSTEM \"tei_all.dtd\">\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">"
     "<text><body><p>a&nbsp;b</p></body></text></TEI>",
     TEITAG_ESYNTAX, "nbsp", 2},
    /* malformed: the place is named */
    {"<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<text>\n<body><p>Kyiv</div>"
     "</body></text></TEI>",
     TEITAG_ESYNTAX, "line 3, column", 3},
    {"", TEITAG_ESYNTAX, "malformed XML", 0},
    {"Kyiv and Moscow, plain text", TEITAG_ESYNTAX, "line 1", 1},
    {"<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><p>a &undefined; b</p></TEI>",
     TEITAG_ESYNTAX, "undefined", 1},
    {"\xff\xfe\x00\x01garbage", TEITAG_ESYNTAX, "malformed XML", 0},
    /* well-formed, but not TEI */
    {"<html><body><p>Kyiv</p></body></html>", TEITAG_EFORMAT, "not a TEI document", 0},
    {"<TEI xmlns=\"http://example.org/not-tei\"/>", TEITAG_EFORMAT, "namespace", 0},
    /* a namespace name libxml2 would write back unescaped */
    {"<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body>\n<p><x xmlns=\"a&amp;b\"/>"
     "</p></body></text></TEI>", TEITAG_EFORMAT, "cannot write back", 2},
};

START_TEST(test_refused) {
  size_t len = strlen(bad[_i].xml);
  if (_i == 9)
    len = 12;
  char *copy = tu_copy(bad[_i].xml, len);
  teitag_pipeline *p = teitag_pipeline_new();
  teitag_doc *doc = (teitag_doc *)1;
  teitag_diag diag;
  teitag_status st = teitag_doc_from_tei(p, copy, len, "bad.xml", &doc, &diag);
  free(copy);
  ck_assert_msg(st == bad[_i].st, "case %d: status %d (%s), want %d", _i, st,
                diag.message, bad[_i].st);
  ck_assert_ptr_null(doc);
  ck_assert_msg(strstr(diag.message, bad[_i].message) != NULL,
                "case %d: message \"%s\" lacks \"%s\"", _i, diag.message,
                bad[_i].message);
  if (bad[_i].line)
    ck_assert_msg(diag.line == bad[_i].line, "case %d: line %zu, want %zu (%s)",
                  _i, diag.line, bad[_i].line, diag.message);
  teitag_pipeline_free(p);
}
END_TEST

START_TEST(test_quadratic_blowup) {
  /* One 100 kB entity referenced 2,000 times: 200 MB from 300 kB. */
  tt_buf in = {NULL, 0, 0};
  tt_buf_puts(&in, "<!DOCTYPE TEI [<!ENTITY big \"");
  for (int i = 0; i < 10000; i++)
    tt_buf_puts(&in, "Kyiv Kyiv ");
  tt_buf_puts(&in, "\">]><TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>");
  for (int i = 0; i < 2000; i++)
    tt_buf_puts(&in, "&big;");
  tt_buf_puts(&in, "</p></body></text></TEI>");
  teitag_pipeline *p = teitag_pipeline_new();
  teitag_doc *doc;
  teitag_diag diag;
  ck_assert_int_eq(teitag_doc_from_tei(p, in.data, in.len, "big.xml", &doc, &diag),
                   TEITAG_ETOOBIG);
  ck_assert_ptr_nonnull(strstr(diag.message, "expands beyond the limit"));
  teitag_pipeline_free(p);
  tt_buf_free(&in);
}
END_TEST

static int buf_sink(void *ctx, const char *data, size_t len) {
  tt_buf_put(ctx, data, len);
  return 0;
}

START_TEST(test_pasted_document) {
  /* A TEI document pasted into another's body (as a fuzzer did) is text
   * of the outer one: the standOff of what is linked in it goes to the
   * outer TEI, not into the body, where reading the output back would
   * take the list for text. */
  static const char xml[] =
      "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body><div>"
      "<p>From Kyiv.</p>"
      "<TEI><teiHeader><fileDesc><publicationStmt><p>Printed in Moscow.</p>"
      "</publicationStmt></fileDesc></teiHeader><text><body><p>Back to Kyiv.</p>"
      "</body></text></TEI>"
      "</div></body></text></TEI>";
  size_t len, len2;
  char *out = tei_through(xml, sizeof xml - 1, places, 0, TEITAG_FORMAT_TEI, 0, &len, NULL);
  xmlDocPtr x = parse(out, len);
  ck_assert_int_eq(count(x, "count(/t:TEI/t:standOff//t:place)"), 2);
  ck_assert_int_eq(count(x, "count(//t:body//t:standOff)"), 0);
  xmlFreeDoc(x);
  char *again = tei_through(out, len, places, 0, TEITAG_FORMAT_TEI, 0, &len2, NULL);
  ck_assert_msg(len2 == len && memcmp(out, again, len) == 0, "read back, written again:\n%s\n%s",
                out, again);
  free(out);
  free(again);
}
END_TEST

START_TEST(test_one_document_per_writer) {
  /* A TEI input is written back whole: a second document cannot join it,
   * nor can it join text documents. */
  static const char xml[] =
      "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body><p>Kyiv</p>"
      "</body></text></TEI>";
  teitag_pipeline *p = teitag_pipeline_new();
  teitag_doc *doc, *text;
  ck_assert_int_eq(teitag_doc_from_tei(p, xml, sizeof xml - 1, "a", &doc, NULL),
                   TEITAG_OK);
  text = tu_doc(p, "Kyiv.");
  tt_buf out = {NULL, 0, 0};
  teitag_writer *w;
  teitag_diag diag;
  ck_assert_int_eq(teitag_writer_new(TEITAG_FORMAT_TEI, 0, buf_sink, &out, &w),
                   TEITAG_OK);
  ck_assert_int_eq(teitag_writer_write(w, doc, &diag), TEITAG_OK);
  ck_assert_int_eq(teitag_writer_write(w, doc, &diag), TEITAG_EARG);
  ck_assert_int_eq(teitag_writer_write(w, text, &diag), TEITAG_EARG);
  ck_assert_int_eq(teitag_writer_finish(w, &diag), TEITAG_OK);
  teitag_writer_free(w);
  xmlDocPtr x = parse(out.data, out.len);
  ck_assert_int_eq(count(x, "count(//t:p)"), 1);
  xmlFreeDoc(x);
  tt_buf_clear(&out);
  ck_assert_int_eq(teitag_writer_new(TEITAG_FORMAT_TEI, 0, buf_sink, &out, &w),
                   TEITAG_OK);
  ck_assert_int_eq(teitag_writer_write(w, text, &diag), TEITAG_OK);
  ck_assert_int_eq(teitag_writer_write(w, doc, &diag), TEITAG_EARG);
  teitag_writer_free(w);
  teitag_doc_free(text);
  teitag_doc_free(doc);
  teitag_pipeline_free(p);
  tt_buf_free(&out);
}
END_TEST

/* ---- limits ----------------------------------------------------------------- */

START_TEST(test_many_paragraphs) {
  tt_buf in = {NULL, 0, 0};
  tt_buf_puts(&in, wrap_open);
  for (int i = 0; i < 20000; i++)
    tt_buf_puts(&in, "<p>From <hi>Kyiv</hi> to Moscow, <w>Kyiv</w> again.</p>\n");
  tt_buf_puts(&in, wrap_close);
  size_t len;
  char *out = tei_through(in.data, in.len, places, 0, TEITAG_FORMAT_TEI, 0, &len, NULL);
  xmlDocPtr x = parse(out, len);
  ck_assert_int_eq(count(x, "count(//t:body//t:placeName)"), 60000);
  xmlFreeDoc(x);
  free(out);
  tt_buf_free(&in);
}
END_TEST

START_TEST(test_deep_nesting) {
  /* 200 nested <hi> (libxml2 refuses beyond 256): Kyiv in the innermost. */
  tt_buf in = {NULL, 0, 0};
  tt_buf_puts(&in, wrap_open);
  tt_buf_puts(&in, "<p>");
  for (int i = 0; i < 200; i++)
    tt_buf_puts(&in, "<hi>");
  tt_buf_puts(&in, "Kyiv");
  for (int i = 0; i < 200; i++)
    tt_buf_puts(&in, "</hi>");
  tt_buf_puts(&in, " and Moscow</p>");
  tt_buf_puts(&in, wrap_close);
  size_t len;
  char *out = tei_through(in.data, in.len, places, 0, TEITAG_FORMAT_TEI, 0, &len, NULL);
  xmlDocPtr x = parse(out, len);
  ck_assert_int_eq(count(x, "count(//t:body//t:placeName)"), 2);
  ck_assert_int_eq(count(x, "count(//t:hi[not(t:hi)]/t:placeName)"), 1);
  xmlFreeDoc(x);
  free(out);
  tt_buf_free(&in);
}
END_TEST

static Suite *tei_in_suite(void) {
  Suite *s = suite_create("tei_in");
  TCase *core = tcase_create("core");
  tcase_add_test(core, test_edition);
  tcase_add_test(core, test_edition_rs);
  tcase_add_test(core, test_edition_other_formats);
  tcase_add_loop_test(core, test_placement, 0,
                      (int)(sizeof placements / sizeof *placements));
  tcase_add_loop_test(core, test_header, 0, (int)(sizeof headers / sizeof *headers));
  tcase_add_test(core, test_namespaces_and_corpus);
  tcase_add_test(core, test_encodings_and_entities);
  tcase_add_test(core, test_pasted_document);
  suite_add_tcase(s, core);
  TCase *errors = tcase_create("errors");
  tcase_add_loop_test(errors, test_refused, 0, (int)(sizeof bad / sizeof *bad));
  tcase_add_test(errors, test_quadratic_blowup);
  tcase_add_test(errors, test_one_document_per_writer);
  suite_add_tcase(s, errors);
  TCase *limits = tcase_create("limits");
  tcase_set_timeout(limits, 60);
  tcase_add_test(limits, test_many_paragraphs);
  tcase_add_test(limits, test_deep_nesting);
  suite_add_tcase(s, limits);
  return s;
}

/* Validates the outputs whose inputs are valid TEI against tei_all.rng. */
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
  snprintf(cmd, sizeof cmd, "jing '%s' %s/*.xml", tei_all, out_dir);
  int rc = system(cmd);
  printf("%s: %d TEI-in outputs against tei_all.rng with jing\n",
         rc ? "FAIL" : "PASS", n_outputs);
  return rc != 0;
}

int main(void) {
  if (!mkdtemp(out_dir))
    return EXIT_FAILURE;
  SRunner *sr = srunner_create(tei_in_suite());
  srunner_set_fork_status(sr, CK_NOFORK);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  failed += check_tei_all();
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf %s", out_dir);
  if (system(cmd) != 0)
    failed++;
  xmlCleanupParser();
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
