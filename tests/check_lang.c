/* SPDX-License-Identifier: MIT
 *
 * check_lang.c -- English, Ukrainian and Russian per document and per
 * paragraph, and a caller's language winning over detection.
 */
#include "config.h"

#include "testutil.h"

static teitag_pipeline *pipe_;

static void setup(void) { pipe_ = teitag_pipeline_new(); }
static void teardown(void) { teitag_pipeline_free(pipe_); }

static const struct {
  const char *in;
  teitag_lang want;
} doc_cases[] = {
    {"The central bank kept its key rate unchanged on Friday.", TEITAG_LANG_EN},
    {"Національний банк залишив облікову ставку без змін.", TEITAG_LANG_UK},
    {"Центробанк сохранил ключевую ставку на прежнем уровне.", TEITAG_LANG_RU},
    /* without і/ї/є/ґ or ы/э/ъ/ё: function words decide */
    {"Він сказав, що план готовий, але не весь.", TEITAG_LANG_UK},
    {"Он сказал, что план готов, но не весь.", TEITAG_LANG_RU},
    /* Cyrillic text quoting a Latin name is still Cyrillic */
    {"Компанія Google заявила про нові інвестиції в Україні.", TEITAG_LANG_UK},
    {"Reuters: Путин", TEITAG_LANG_EN},
    {"Москва", TEITAG_LANG_RU}, /* no cue at all: Russian is likelier */
    {"12345", TEITAG_LANG_EN},  /* no letters */
};

START_TEST(test_document_language) {
  teitag_doc *doc = tu_doc(pipe_, doc_cases[_i].in);
  ck_assert_msg(teitag_doc_lang(doc) == doc_cases[_i].want,
                "'%s': got %s", doc_cases[_i].in,
                teitag_lang_code(teitag_doc_lang(doc)));
  teitag_doc_free(doc);
}
END_TEST

START_TEST(test_paragraph_language) {
  teitag_doc *doc = tu_doc(
      pipe_,
      "Президент України виступив у Верховній Раді з посланням про стан "
      "держави.\n\n"
      "The speech was broadcast live and translated into English for foreign "
      "diplomats.\n\n"
      "Він також зустрівся з міністрами і депутатами фракцій.\n\n"
      "Кремль заявил, что это выступление не будет комментировать.\n\n"
      "ОК");
  ck_assert_int_eq(teitag_doc_lang(doc), TEITAG_LANG_UK);
  static const teitag_lang want[] = {TEITAG_LANG_UK, TEITAG_LANG_EN,
                                     TEITAG_LANG_UK, TEITAG_LANG_RU,
                                     TEITAG_LANG_UK}; /* too short: inherits */
  ck_assert_uint_eq(teitag_doc_n_paragraphs(doc), 5);
  for (size_t i = 0; i < 5; i++) {
    teitag_lang l;
    ck_assert(teitag_doc_paragraph(doc, i, NULL, NULL, &l));
    ck_assert_msg(l == want[i], "paragraph %zu: %s", i, teitag_lang_code(l));
  }
  teitag_doc_free(doc);
}
END_TEST

START_TEST(test_fixed_language) {
  teitag_pipeline_set_lang(pipe_, TEITAG_LANG_RU);
  teitag_doc *doc = tu_doc(pipe_, "Київ і Львів.\n\nKyiv and Lviv are cities.");
  ck_assert_int_eq(teitag_doc_lang(doc), TEITAG_LANG_RU);
  teitag_lang l;
  teitag_doc_paragraph(doc, 1, NULL, NULL, &l);
  ck_assert_int_eq(l, TEITAG_LANG_RU);
  teitag_doc_free(doc);
  ck_assert_int_eq(teitag_pipeline_set_lang(pipe_, (teitag_lang)7), TEITAG_EARG);
}
END_TEST

START_TEST(test_jsonl_language) {
  static const char line[] = "{\"id\": \"x\", \"text\": \"Київ\", \"lang\": \"uk\"}";
  teitag_doc *doc = NULL;
  teitag_diag diag;
  ck_assert_int_eq(teitag_doc_from_jsonl(pipe_, line, sizeof line - 1, &doc, &diag),
                   TEITAG_OK);
  ck_assert_int_eq(teitag_doc_lang(doc), TEITAG_LANG_UK);
  teitag_doc_free(doc);
  static const char bad[] = "{\"text\": \"x\", \"lang\": \"de\"}";
  ck_assert_int_eq(teitag_doc_from_jsonl(pipe_, bad, sizeof bad - 1, &doc, &diag),
                   TEITAG_ESYNTAX);
  ck_assert_ptr_null(doc);
}
END_TEST

static Suite *lang_suite(void) {
  Suite *s = suite_create("lang");
  TCase *core = tcase_create("core");
  tcase_add_checked_fixture(core, setup, teardown);
  tcase_add_loop_test(core, test_document_language, 0,
                      (int)(sizeof doc_cases / sizeof *doc_cases));
  tcase_add_test(core, test_paragraph_language);
  tcase_add_test(core, test_fixed_language);
  tcase_add_test(core, test_jsonl_language);
  suite_add_tcase(s, core);
  return s;
}

TU_MAIN(lang_suite)
