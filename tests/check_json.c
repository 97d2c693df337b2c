/* SPDX-License-Identifier: MIT
 *
 * check_json.c -- the strict JSON reader behind JSONL input and gold files.
 */
#include "config.h"

#include "testutil.h"

static const char *const valid[] = {
    "{}", "[]", " {\"a\": [1, -2.5e3, true, false, null, \"x\"]} ",
    "\"\\u00e9\\ud83d\\ude00\\n\\\"\\\\\\/\"", "0", "-0.0", "1E+2",
    "{\"text\": \"\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2\"}",
};

static const struct {
  const char *in;
  size_t column; /* 1-based column the error must name */
} invalid[] = {
    {"", 1},
    {"{", 2},
    {"{\"a\" 1}", 6},
    {"{\"a\": 1,}", 9},
    {"[1 2]", 4},
    {"\"unterminated", 1},
    {"\"bad \\x escape\"", 6},
    {"\"\\ud800\"", 8},         /* lone high surrogate */
    {"\"\\udc00\"", 8},         /* lone low surrogate */
    {"\"tab\there\"", 5},       /* raw control character */
    {"\"\xC3\x28\"", 2},        /* invalid UTF-8 */
    {"01", 2},                  /* leading zero: text after the value */
    {"1.", 3},
    {"-", 2},
    {"tru", 1},
    {"{} {}", 4},
    {"NaN", 1},
};

START_TEST(test_valid) {
  size_t len = strlen(valid[_i]);
  char *s = tu_copy(valid[_i], len);
  teitag_diag diag;
  tt_json *v = tt_json_parse(s, len, &diag);
  ck_assert_msg(v != NULL, "'%s': %s", valid[_i], diag.message);
  tt_json_free(v);
  free(s);
}
END_TEST

START_TEST(test_invalid) {
  size_t len = strlen(invalid[_i].in);
  char *s = tu_copy(invalid[_i].in, len);
  teitag_diag diag;
  tt_json *v = tt_json_parse(s, len, &diag);
  ck_assert_msg(v == NULL, "'%s' was accepted", invalid[_i].in);
  ck_assert_msg(diag.column == invalid[_i].column, "'%s': column %zu, want %zu (%s)",
                invalid[_i].in, diag.column, invalid[_i].column, diag.message);
  free(s);
}
END_TEST

START_TEST(test_values) {
  const char *in = "{\"id\": 7, \"s\": \"a\\u00e9\\ud83d\\ude00\", \"n\": "
                   "1844036360.12, \"id\": \"last\", \"arr\": [1, [2]]}";
  tt_json *v = tt_json_parse(in, strlen(in), NULL);
  ck_assert_ptr_nonnull(v);
  const tt_json *s = tt_json_get(v, "s");
  ck_assert_str_eq(s->str, "a\xC3\xA9\xF0\x9F\x98\x80");
  ck_assert_uint_eq(s->len, 7);
  ck_assert_str_eq(tt_json_get(v, "n")->str, "1844036360.12"); /* exact */
  ck_assert_str_eq(tt_json_get(v, "id")->str, "last");          /* last wins */
  const tt_json *arr = tt_json_get(v, "arr");
  ck_assert_int_eq(arr->kind, TT_JSON_ARRAY);
  ck_assert_int_eq(arr->child->next->kind, TT_JSON_ARRAY);
  ck_assert_ptr_null(tt_json_get(v, "missing"));
  tt_json_free(v);
}
END_TEST

START_TEST(test_nul_in_string) {
  /* An escaped NUL is allowed in JSON; the text check refuses it later. */
  const char in[] = "\"a\\u0000b\"";
  tt_json *v = tt_json_parse(in, sizeof in - 1, NULL);
  ck_assert_ptr_nonnull(v);
  ck_assert_uint_eq(v->len, 3);
  tt_json_free(v);
}
END_TEST

START_TEST(test_depth_limit) {
  char deep[200];
  memset(deep, '[', 100);
  memset(deep + 100, ']', 100);
  teitag_diag diag;
  ck_assert_ptr_null(tt_json_parse(deep, 200, &diag));
  ck_assert(strstr(diag.message, "deep"));
  tt_json *ok = tt_json_parse(deep + 40, 120, NULL); /* 60 levels */
  ck_assert_ptr_nonnull(ok);
  tt_json_free(ok);
}
END_TEST

START_TEST(test_big_string) {
  /* A long string spans several arena blocks. */
  size_t n = 100000;
  char *s = malloc(n + 2);
  s[0] = '"';
  memset(s + 1, 'x', n);
  s[n + 1] = '"';
  tt_json *v = tt_json_parse(s, n + 2, NULL);
  ck_assert_ptr_nonnull(v);
  ck_assert_uint_eq(v->len, n);
  tt_json_free(v);
  free(s);
}
END_TEST

static Suite *json_suite(void) {
  Suite *s = suite_create("json");
  TCase *core = tcase_create("core");
  tcase_add_loop_test(core, test_valid, 0, (int)(sizeof valid / sizeof *valid));
  tcase_add_test(core, test_values);
  tcase_add_test(core, test_nul_in_string);
  suite_add_tcase(s, core);
  TCase *errors = tcase_create("errors");
  tcase_add_loop_test(errors, test_invalid, 0,
                      (int)(sizeof invalid / sizeof *invalid));
  suite_add_tcase(s, errors);
  TCase *limits = tcase_create("limits");
  tcase_add_test(limits, test_depth_limit);
  tcase_add_test(limits, test_big_string);
  suite_add_tcase(s, limits);
  return s;
}

TU_MAIN(json_suite)
