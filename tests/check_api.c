/* SPDX-License-Identifier: MIT
 *
 * check_api.c -- the public API as a program sees it: only <teitag.h>,
 * linked against libteitag.  Covers the life cycle of every handle, error
 * reporting, the annotator hook, rendering and evaluation.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <teitag.h>

START_TEST(test_version_and_names) {
  ck_assert_str_eq(teitag_version(), TEITAG_VERSION_STRING);
  ck_assert_str_eq(teitag_type_name(TEITAG_TYPE_MONEY), "MONEY");
  ck_assert_int_eq(teitag_type_from_name("ORG"), TEITAG_TYPE_ORG);
  ck_assert_int_eq(teitag_type_from_name("MISC"), TEITAG_TYPE_NONE);
  ck_assert_str_eq(teitag_cert_name(TEITAG_CERT_MEDIUM), "medium");
  ck_assert_str_eq(teitag_lang_code(TEITAG_LANG_UK), "uk");
  ck_assert_int_eq(teitag_lang_from_code("ru"), TEITAG_LANG_RU);
  ck_assert_int_eq(teitag_lang_from_code("de"), -1);
  ck_assert_int_eq(teitag_format_from_name("jsonl"), TEITAG_FORMAT_JSONL);
  ck_assert_int_eq(teitag_format_from_name("pdf"), -1);
  for (int s = TEITAG_OK; s <= TEITAG_EWRITE; s++)
    ck_assert(teitag_strerror((teitag_status)s)[0]);
}
END_TEST

START_TEST(test_null_safety) {
  teitag_pipeline_free(NULL);
  teitag_doc_free(NULL);
  teitag_writer_free(NULL);
  teitag_eval_free(NULL);
  teitag_free(NULL);
  teitag_diag diag;
  teitag_doc *doc = (teitag_doc *)1;
  ck_assert_int_eq(teitag_annotate(NULL, "x", 1, NULL, &doc, &diag), TEITAG_EARG);
  ck_assert_uint_eq(teitag_doc_n_spans(NULL), 0);
  teitag_span sp;
  ck_assert_int_eq(teitag_doc_span(NULL, 0, &sp), 0);
}
END_TEST

/* A caller's annotator: tags every occurrence of "Kyiv" as a place. */
static teitag_status kyiv_annotator(teitag_doc *doc, void *ctx,
                                    teitag_diag *diag) {
  int *calls = ctx;
  (*calls)++;
  size_t len;
  const char *text = teitag_doc_text(doc, &len);
  for (const char *p = text; (p = strstr(p, "Kyiv")) != NULL; p += 4) {
    teitag_span sp;
    memset(&sp, 0, sizeof sp);
    sp.start = (size_t)(p - text);
    sp.end = sp.start + 4;
    sp.type = TEITAG_TYPE_LOC;
    sp.cert = TEITAG_CERT_LOW;
    sp.ref = "Q1899";
    sp.source = "kyiv-rule";
    teitag_status st = teitag_doc_add_span(doc, &sp, diag);
    if (st != TEITAG_OK)
      return st;
  }
  return TEITAG_OK;
}

START_TEST(test_annotator_hook) {
  teitag_pipeline *p = teitag_pipeline_new();
  int calls = 0;
  ck_assert_int_eq(teitag_pipeline_add_annotator(p, kyiv_annotator, &calls),
                   TEITAG_OK);
  ck_assert_int_eq(teitag_pipeline_add_annotator(p, NULL, NULL), TEITAG_EARG);
  static const char text[] = "Kyiv and Kyiv again.";
  char *copy = malloc(sizeof text - 1);
  memcpy(copy, text, sizeof text - 1);
  teitag_doc *doc;
  teitag_diag diag;
  ck_assert_int_eq(teitag_annotate(p, copy, sizeof text - 1, "hook.txt", &doc, &diag),
                   TEITAG_OK);
  free(copy);
  ck_assert_int_eq(calls, 1);
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 2);
  teitag_span sp;
  ck_assert(teitag_doc_span(doc, 1, &sp));
  ck_assert_uint_eq(sp.start, 9);
  ck_assert_str_eq(sp.ref, "Q1899");
  ck_assert_str_eq(sp.source, "kyiv-rule");
  ck_assert_ptr_null(sp.norm);
  ck_assert_str_eq(teitag_doc_id(doc), "hook.txt");
  char *out;
  size_t out_len;
  ck_assert_int_eq(teitag_render(doc, TEITAG_FORMAT_TEI, 0, &out, &out_len, &diag),
                   TEITAG_OK);
  ck_assert(strstr(out, "<placeName ref=\"#Q1899\" cert=\"low\" resp=\"#teitag\">Kyiv</placeName>"));
  teitag_free(out);
  teitag_doc_free(doc);
  /* --min-cert medium removes the annotator's low-certainty spans */
  teitag_pipeline_set_min_cert(p, TEITAG_CERT_MEDIUM);
  ck_assert_int_eq(teitag_annotate(p, text, sizeof text - 1, NULL, &doc, NULL),
                   TEITAG_OK);
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 0);
  teitag_doc_free(doc);
  teitag_pipeline_free(p);
}
END_TEST

static teitag_status failing_annotator(teitag_doc *doc, void *ctx,
                                       teitag_diag *diag) {
  (void)ctx;
  teitag_span sp;
  memset(&sp, 0, sizeof sp);
  sp.start = 0;
  sp.end = teitag_doc_n_tokens(doc) + 1000; /* outside the text */
  sp.type = TEITAG_TYPE_PER;
  return teitag_doc_add_span(doc, &sp, diag);
}

START_TEST(test_annotator_error) {
  teitag_pipeline *p = teitag_pipeline_new();
  teitag_pipeline_add_annotator(p, failing_annotator, NULL);
  teitag_doc *doc = (teitag_doc *)1;
  teitag_diag diag;
  ck_assert_int_eq(teitag_annotate(p, "short", 5, NULL, &doc, &diag), TEITAG_EARG);
  ck_assert_ptr_null(doc);
  ck_assert(strstr(diag.message, "outside"));
  teitag_pipeline_free(p);
}
END_TEST

START_TEST(test_errors_name_the_place) {
  teitag_pipeline *p = teitag_pipeline_new();
  teitag_doc *doc;
  teitag_diag diag;
  ck_assert_int_eq(teitag_annotate(p, "abc\xFF", 4, "x.txt", &doc, &diag),
                   TEITAG_EUTF8);
  ck_assert_uint_eq(diag.offset, 3);
  ck_assert_int_eq(teitag_doc_from_jsonl(p, "{\"text\": 5}", 11, &doc, &diag),
                   TEITAG_ESYNTAX);
  ck_assert_int_eq(teitag_doc_from_jsonl(p, "{\"text\": \"a\\u0001\"}", 19, &doc, &diag),
                   TEITAG_EBINARY);
  teitag_pipeline_free(p);
}
END_TEST

START_TEST(test_doc_accessors) {
  teitag_pipeline *p = teitag_pipeline_new();
  teitag_doc *doc;
  ck_assert_int_eq(teitag_annotate(p, "One. Two.\n\nThree", 16, NULL, &doc, NULL),
                   TEITAG_OK);
  ck_assert_uint_eq(teitag_doc_n_paragraphs(doc), 2);
  ck_assert_uint_eq(teitag_doc_n_sentences(doc), 3);
  ck_assert_uint_eq(teitag_doc_n_tokens(doc), 5);
  size_t s, e;
  teitag_lang l;
  ck_assert(teitag_doc_paragraph(doc, 1, &s, &e, &l));
  ck_assert_uint_eq(s, 11);
  ck_assert_uint_eq(e, 16);
  ck_assert(!teitag_doc_paragraph(doc, 2, &s, &e, &l));
  teitag_token t;
  ck_assert(teitag_doc_token(doc, 2, &t));
  ck_assert(t.sentence_start);
  ck_assert(!teitag_doc_token(doc, 5, &t));
  teitag_doc_free(doc);
  teitag_pipeline_free(p);
}
END_TEST

/* Encodings as a program names and reads them: KOI8-U bytes of "Київ є"
 * decoded when named and when detected; an unknown name is refused. */
START_TEST(test_encodings) {
  static const char koi8u[] = "\xEB\xC9\xA7\xD7 \xA4 \xA6 \xCC\xA6\xD3 "
                              "\xD4\xC1 \xD0\xCF\xCC\xC5.";
  static const char utf8[] = "Київ є і ліс та поле.";
  teitag_pipeline *p = teitag_pipeline_new();
  teitag_diag diag;
  ck_assert_int_eq(teitag_pipeline_set_encoding(p, "no-such-charset", &diag),
                   TEITAG_EARG);
  ck_assert_ptr_nonnull(strstr(diag.message, "no-such-charset"));
  for (int named = 0; named < 2; named++) {
    if (named)
      ck_assert_int_eq(teitag_pipeline_set_encoding(p, "koi8-u", &diag),
                       TEITAG_OK);
    teitag_doc *doc;
    ck_assert_int_eq(teitag_doc_from_bytes(p, koi8u, sizeof koi8u - 1, "k",
                                           &doc, &diag),
                     TEITAG_OK);
    ck_assert_str_eq(teitag_doc_encoding(doc), "KOI8-U");
    size_t len;
    const char *text = teitag_doc_text(doc, &len);
    ck_assert_uint_eq(len, strlen(utf8));
    ck_assert(memcmp(text, utf8, len) == 0);
    teitag_doc_free(doc);
  }
  ck_assert_int_eq(teitag_pipeline_set_encoding(p, "auto", &diag), TEITAG_OK);
  teitag_pipeline_free(p);
}
END_TEST

static int count_sink(void *ctx, const char *data, size_t len) {
  (void)data;
  *(size_t *)ctx += len;
  return 0;
}

/* A stream through the public API: fed in small blocks, it reports its
 * encoding and parts, and writes one JSONL line. */
START_TEST(test_stream_api) {
  teitag_pipeline *p = teitag_pipeline_new();
  size_t written = 0;
  teitag_writer *w;
  ck_assert_int_eq(teitag_writer_new(TEITAG_FORMAT_JSONL, 0, count_sink,
                                     &written, &w),
                   TEITAG_OK);
  teitag_stream *s;
  ck_assert_int_eq(teitag_stream_new(p, "s.txt", w, &s), TEITAG_OK);
  teitag_stream_set_part_size(s, 4096);
  teitag_diag diag;
  const char *line = "A line of text about nothing in particular.\n";
  for (int i = 0; i < 500; i++)
    ck_assert_int_eq(teitag_stream_feed(s, line, strlen(line), &diag),
                     TEITAG_OK);
  ck_assert_int_eq(teitag_stream_finish(s, &diag), TEITAG_OK);
  ck_assert_str_eq(teitag_stream_encoding(s), "UTF-8");
  ck_assert_uint_gt(teitag_stream_n_parts(s), 4);
  size_t start, end;
  ck_assert(teitag_stream_part(s, 1, &start, &end) && start > 0 && end > start);
  ck_assert(!teitag_stream_part(s, 1000, &start, &end));
  teitag_stream_free(s);
  ck_assert_int_eq(teitag_writer_finish(w, &diag), TEITAG_OK);
  teitag_writer_free(w);
  ck_assert_uint_gt(written, 10);
  teitag_stream_free(NULL);
  ck_assert_int_eq(teitag_stream_new(p, "x", NULL, &s), TEITAG_EARG);
  teitag_pipeline_free(p);
}
END_TEST

START_TEST(test_eval) {
  teitag_pipeline *p = teitag_pipeline_new();
  int calls = 0;
  teitag_pipeline_add_annotator(p, kyiv_annotator, &calls);
  teitag_eval *ev = teitag_eval_new();
  /* Gold: Kyiv (found), Lviv (missed); the second Kyiv is not gold (false
   * positive); PER is not in "types", so the PER gold span is not scored. */
  static const char gold[] =
      "{\"id\": \"g1\", \"lang\": \"en\", \"types\": [\"LOC\"], \"text\": "
      "\"Kyiv, Lviv, Kyiv, Anna\", \"entities\": [{\"start\": 0, \"end\": 4, "
      "\"type\": \"LOC\"}, {\"start\": 6, \"end\": 10, \"type\": \"LOC\"}, "
      "{\"start\": 18, \"end\": 22, \"type\": \"PER\"}]}";
  teitag_diag diag;
  ck_assert_int_eq(teitag_eval_add_jsonl(ev, p, gold, sizeof gold - 1, &diag),
                   TEITAG_OK);
  ck_assert_int_eq(teitag_eval_add_jsonl(ev, p, "{\"text\": \"x\"}", 13, &diag),
                   TEITAG_ESYNTAX);
  double pr, rc, f1;
  teitag_eval_scores(ev, TEITAG_LANG_AUTO, TEITAG_TYPE_NONE, &pr, &rc, &f1);
  ck_assert_double_eq_tol(pr, 0.5, 1e-9);
  ck_assert_double_eq_tol(rc, 0.5, 1e-9);
  ck_assert_double_eq_tol(f1, 0.5, 1e-9);
  teitag_eval_scores(ev, TEITAG_LANG_EN, TEITAG_TYPE_PER, &pr, &rc, &f1);
  ck_assert_double_eq_tol(rc, 0.0, 1e-9);
  char *report = teitag_eval_report(ev, 5);
  ck_assert(strstr(report, "documents: 1 (en 1)"));
  ck_assert(strstr(report, "language detected correctly: 1 of 1"));
  ck_assert(strstr(report, "g1: Kyiv, [[Lviv]], Kyiv, Anna"));
  ck_assert(strstr(report, "g1: Kyiv, Lviv, [[Kyiv]], Anna"));
  ck_assert_ptr_null(strstr(report, "PER"));
  teitag_free(report);
  teitag_eval *all = teitag_eval_new();
  teitag_eval_merge(all, ev);
  teitag_eval_merge(all, ev);
  teitag_eval_scores(all, TEITAG_LANG_EN, TEITAG_TYPE_LOC, &pr, &rc, &f1);
  ck_assert_double_eq_tol(f1, 0.5, 1e-9);
  report = teitag_eval_report(all, 0);
  ck_assert(strstr(report, "documents: 2 (en 2)"));
  teitag_free(report);
  teitag_eval_free(all);
  teitag_eval_free(ev);
  teitag_pipeline_free(p);
}
END_TEST

START_TEST(test_tei_in_and_formats) {
  /* TEI in, through the public library only: the annotator hook, the
   * document text of a TEI input, and every output format. */
  static const char xml[] =
      "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body>"
      "<p>From <hi>Kyiv</hi>, <persName>Olena</persName>.</p></body></text></TEI>";
  teitag_pipeline *p = teitag_pipeline_new();
  int calls = 0;
  teitag_pipeline_add_annotator(p, kyiv_annotator, &calls);
  char *copy = malloc(sizeof xml - 1);
  memcpy(copy, xml, sizeof xml - 1);
  teitag_doc *doc;
  teitag_diag diag;
  ck_assert_int_eq(teitag_doc_from_tei(p, copy, sizeof xml - 1, "a.xml", &doc, &diag),
                   TEITAG_OK);
  free(copy);
  ck_assert_int_eq(teitag_doc_annotate(p, doc, &diag), TEITAG_OK);
  ck_assert_str_eq(teitag_doc_text(doc, NULL), "From Kyiv, Olena.");
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 2); /* Kyiv, and Olena of the input */
  char *out;
  size_t len;
  ck_assert_int_eq(teitag_render(doc, TEITAG_FORMAT_TEI, 0, &out, &len, &diag), TEITAG_OK);
  ck_assert_ptr_nonnull(strstr(out, "<hi><placeName ref=\"#Q1899\" cert=\"low\" "
                                    "resp=\"#teitag\">Kyiv</placeName></hi>"));
  teitag_free(out);
  static const char *const names[] = {"tei", "jsonl", "brat", "webanno", "conll", "html"};
  for (int f = 0; f < 6; f++) {
    ck_assert_int_eq(teitag_format_from_name(names[f]), f);
    ck_assert_int_eq(teitag_render(doc, (teitag_format)f, 0, &out, &len, &diag),
                     TEITAG_OK);
    ck_assert(len > 0 && strlen(out) == len);
    teitag_free(out);
  }
  teitag_doc_free(doc);
  ck_assert_int_eq(teitag_doc_from_tei(p, "<html/>", 7, "b", &doc, &diag),
                   TEITAG_EFORMAT);
  ck_assert_ptr_null(doc);
  teitag_pipeline_free(p);
}
END_TEST

static Suite *api_suite(void) {
  Suite *s = suite_create("api");
  TCase *core = tcase_create("core");
  tcase_add_test(core, test_version_and_names);
  tcase_add_test(core, test_annotator_hook);
  tcase_add_test(core, test_doc_accessors);
  tcase_add_test(core, test_eval);
  tcase_add_test(core, test_tei_in_and_formats);
  tcase_add_test(core, test_encodings);
  tcase_add_test(core, test_stream_api);
  suite_add_tcase(s, core);
  TCase *errors = tcase_create("errors");
  tcase_add_test(errors, test_null_safety);
  tcase_add_test(errors, test_annotator_error);
  tcase_add_test(errors, test_errors_name_the_place);
  suite_add_tcase(s, errors);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(api_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
