/* SPDX-License-Identifier: MIT
 *
 * check_resolve.c -- choosing among overlapping candidate spans.
 */
#include "config.h"

#include "testutil.h"

static teitag_pipeline *pipe_;
static teitag_doc *doc;

static const char text[] = "the Central Bank of Russia and Kyiv Lviv";

static void setup(void) {
  pipe_ = teitag_pipeline_new();
  doc = tu_doc(pipe_, text);
}

static void teardown(void) {
  teitag_doc_free(doc);
  teitag_pipeline_free(pipe_);
}

/* Adds a span over the first occurrence of `s` in the text. */
static void add(const char *s, teitag_type type, teitag_cert cert,
                const char *source) {
  teitag_span sp;
  memset(&sp, 0, sizeof sp);
  sp.start = tu_find(doc, s);
  sp.end = sp.start + strlen(s);
  sp.type = type;
  sp.cert = cert;
  sp.source = source;
  teitag_diag diag;
  ck_assert_int_eq(teitag_doc_add_span(doc, &sp, &diag), TEITAG_OK);
}

static void expect(size_t i, const char *s, teitag_type type,
                   const char *source) {
  teitag_span sp;
  ck_assert(teitag_doc_span(doc, i, &sp));
  ck_assert_uint_eq(sp.start, tu_find(doc, s));
  ck_assert_uint_eq(sp.end, sp.start + strlen(s));
  ck_assert_int_eq(sp.type, type);
  if (source)
    ck_assert_str_eq(sp.source, source);
}

START_TEST(test_longest_wins) {
  add("Russia", TEITAG_TYPE_LOC, TEITAG_CERT_HIGH, "a");
  add("Central Bank of Russia", TEITAG_TYPE_ORG, TEITAG_CERT_LOW, "b");
  add("Bank", TEITAG_TYPE_ORG, TEITAG_CERT_HIGH, "c");
  teitag_doc_resolve(doc, 0);
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 1);
  expect(0, "Central Bank of Russia", TEITAG_TYPE_ORG, "b");
}
END_TEST

START_TEST(test_cert_breaks_ties) {
  add("Kyiv", TEITAG_TYPE_PER, TEITAG_CERT_LOW, "rule");
  add("Kyiv", TEITAG_TYPE_LOC, TEITAG_CERT_HIGH, "gazetteer");
  teitag_doc_resolve(doc, 0);
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 1);
  expect(0, "Kyiv", TEITAG_TYPE_LOC, "gazetteer");
}
END_TEST

START_TEST(test_order_breaks_ties) {
  /* "Kyiv Lviv": two crossing candidates of equal length and certainty */
  add("and Kyiv", TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "first");
  add("Kyiv Lvi", TEITAG_TYPE_LOC, TEITAG_CERT_MEDIUM, "second");
  teitag_doc_resolve(doc, 0);
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 1);
  expect(0, "and Kyiv", TEITAG_TYPE_ORG, "first");
}
END_TEST

START_TEST(test_disjoint_sorted) {
  add("Lviv", TEITAG_TYPE_LOC, TEITAG_CERT_HIGH, NULL);
  add("Kyiv", TEITAG_TYPE_LOC, TEITAG_CERT_HIGH, NULL);
  add("Russia", TEITAG_TYPE_LOC, TEITAG_CERT_HIGH, NULL);
  add("Kyiv", TEITAG_TYPE_LOC, TEITAG_CERT_HIGH, NULL); /* duplicate */
  teitag_doc_resolve(doc, 0);
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 3);
  expect(0, "Russia", TEITAG_TYPE_LOC, NULL);
  expect(1, "Kyiv", TEITAG_TYPE_LOC, NULL);
  expect(2, "Lviv", TEITAG_TYPE_LOC, "api");
}
END_TEST

START_TEST(test_nested) {
  add("Russia", TEITAG_TYPE_LOC, TEITAG_CERT_HIGH, NULL);
  add("Central Bank of Russia", TEITAG_TYPE_ORG, TEITAG_CERT_HIGH, NULL);
  add("Bank of Russia", TEITAG_TYPE_ORG, TEITAG_CERT_HIGH, NULL);
  add("of Russia and", TEITAG_TYPE_ORG, TEITAG_CERT_HIGH, NULL); /* crosses */
  teitag_doc_resolve(doc, 1);
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 3);
  expect(0, "Central Bank of Russia", TEITAG_TYPE_ORG, NULL);
  expect(1, "Bank of Russia", TEITAG_TYPE_ORG, NULL);
  expect(2, "Russia", TEITAG_TYPE_LOC, NULL);
  ck_assert_int_eq(doc->spans[0].nested, 0);
  ck_assert_int_eq(doc->spans[1].nested, 1);
  ck_assert_int_eq(doc->spans[2].nested, 1);
}
END_TEST

START_TEST(test_min_cert) {
  add("Kyiv", TEITAG_TYPE_LOC, TEITAG_CERT_LOW, NULL);
  add("Lviv", TEITAG_TYPE_LOC, TEITAG_CERT_MEDIUM, NULL);
  tt_resolve(doc, 0, TEITAG_CERT_MEDIUM);
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 1);
  expect(0, "Lviv", TEITAG_TYPE_LOC, NULL);
}
END_TEST

START_TEST(test_many_overlaps) {
  /* 10,000 overlapping candidates resolve quickly to disjoint winners. */
  for (int i = 0; i < 10000; i++) {
    teitag_span sp;
    memset(&sp, 0, sizeof sp);
    sp.start = (size_t)(i % 30);
    sp.end = sp.start + 1 + (size_t)(i % 7);
    sp.type = TEITAG_TYPE_ORG;
    ck_assert_int_eq(teitag_doc_add_span(doc, &sp, NULL), TEITAG_OK);
  }
  teitag_doc_resolve(doc, 0);
  size_t n = teitag_doc_n_spans(doc);
  ck_assert_uint_gt(n, 0);
  for (size_t i = 1; i < n; i++)
    ck_assert_uint_le(doc->spans[i - 1].end, doc->spans[i].start);
}
END_TEST

static Suite *resolve_suite(void) {
  Suite *s = suite_create("resolve");
  TCase *core = tcase_create("core");
  tcase_add_checked_fixture(core, setup, teardown);
  tcase_add_test(core, test_longest_wins);
  tcase_add_test(core, test_cert_breaks_ties);
  tcase_add_test(core, test_order_breaks_ties);
  tcase_add_test(core, test_disjoint_sorted);
  tcase_add_test(core, test_nested);
  tcase_add_test(core, test_min_cert);
  suite_add_tcase(s, core);
  TCase *limits = tcase_create("limits");
  tcase_add_checked_fixture(limits, setup, teardown);
  tcase_set_timeout(limits, 30);
  tcase_add_test(limits, test_many_overlaps);
  suite_add_tcase(s, limits);
  return s;
}

TU_MAIN(resolve_suite)
