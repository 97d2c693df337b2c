/* SPDX-License-Identifier: MIT
 *
 * check_tokenize.c -- paragraphs, sentences and tokens: the cases that
 * Ukrainian, Russian and English news needs (apostrophes in three
 * spellings, hyphenated names, numbers with group separators,
 * abbreviations and initials that do not end a sentence, currency
 * symbols, URLs, e-mail addresses, every quote style).
 */
#include "config.h"

#include "testutil.h"

static teitag_pipeline *pipe_;

static void setup(void) { pipe_ = teitag_pipeline_new(); }
static void teardown(void) { teitag_pipeline_free(pipe_); }

/* The tokens of `doc`, joined with "|". */
static char *joined_tokens(const teitag_doc *doc) {
  tt_buf b = {NULL, 0, 0};
  for (size_t i = 0; i < doc->n_toks; i++) {
    if (i)
      tt_buf_putc(&b, '|');
    tt_buf_put(&b, doc->text + doc->toks[i].start,
               doc->toks[i].end - doc->toks[i].start);
  }
  return tt_buf_steal(&b, NULL);
}

static const struct {
  const char *in, *want;
} token_cases[] = {
    /* Ukrainian apostrophes: U+0027, U+2019, U+02BC stay inside the word */
    {"прем'єр м’ясо пʼять", "прем'єр|м’ясо|пʼять"},
    {"Прем'єр-міністр об’єднання", "Прем'єр-міністр|об’єднання"},
    /* hyphenated names */
    {"Нью-Йорк, Ростов-на-Дону і Jean-Claude.",
     "Нью-Йорк|,|Ростов-на-Дону|і|Jean-Claude|."},
    {"Івано-Франківськ — COVID-19, F-16", "Івано-Франківськ|—|COVID-19|,|F-16"},
    /* a name before an English attributive participle is a word of its
     * own; a lower-case compound, a longer word, a headline's capital and
     * Cyrillic stay whole */
    {"the New York-based firm, Iran-backed and US-listed; state-owned",
     "the|New|York|-|based|firm|,|Iran|-|backed|and|US|-|listed|;|state-owned"},
    {"Paris-basedness, Kyiv-Based. Київ-based", "Paris-basedness|,|Kyiv-Based|.|Київ-based"},
    /* numbers with group separators: comma, no-break space, thin space, dot */
    {"1,000.50 or 1\xC2\xA0" "000,50 or 1\xE2\x80\x89" "000,50 or 1.000,50",
     "1,000.50|or|1\xC2\xA0" "000,50|or|1\xE2\x80\x89" "000,50|or|1.000,50"},
    {"1.844.036.360,12 руб.", "1.844.036.360,12|руб."},
    {"5,3млн. рублей", "5,3|млн.|рублей"},
    {"від 5-7 млн", "від|5|-|7|млн"},
    {"у 2024 році, 24.02.2022 о 12:30", "у|2024|році|,|24.02.2022|о|12:30"},
    {"2 000 people", "2|000|people"}, /* an ordinary space does not join */
    {"1\xC2\xA0" "50", "1|50"},       /* nor does NBSP before two digits */
    /* abbreviations and initials keep their dot */
    {"U.S. Mr. Dr. млн. млрд. тис.", "U.S.|Mr.|Dr.|млн.|млрд.|тис."},
    {"т. зв. г. Москва, ул. Тверская", "т.|зв.|г.|Москва|,|ул.|Тверская"},
    {"В. Зеленський і J. D. Vance", "В.|Зеленський|і|J.|D.|Vance"},
    {"В.В. Путин", "В.В.|Путин"},
    {"It ended.", "It|ended|."},
    {"the G7.", "the|G7|."},
    /* currency symbols */
    {"$300 €1.2bn £5 ₴500 1 000 ₽ US$5m",
     "$|300|€|1.2|bn|£|5|₴|500|1|000|₽|US|$|5|m"},
    /* a unit letter stuck to a number keeps no dot: the sentence ends */
    {"It cost $10m. Then 5k. And 99p.", "It|cost|$|10|m|.|Then|5|k|.|And|99|p|."},
    /* URLs and e-mail addresses */
    {"See https://example.com/a?b=1&c=(2). Mail press@example.org.",
     "See|https://example.com/a?b=1&c=(2)|.|Mail|press@example.org|."},
    {"(www.kmu.gov.ua, info@nbu.gov.ua)",
     "(|www.kmu.gov.ua|,|info@nbu.gov.ua|)"},
    /* a site's name with its domain is one word; a missing space after a
     * full stop, or letters glued after the domain, make none */
    {"Пише LIGA.net, «ZN.UA» і bbc.co.uk.", "Пише|LIGA.net|,|«|ZN.UA|»|і|bbc.co.uk|."},
    {"It ended.The end. See site.uaforum", "It|ended|.|The|end|.|See|site|.|uaforum"},
    /* quote styles */
    {"«Нафтогаз» „Газпром“ \"Shell\" 'BP' “Reuters”",
     "«|Нафтогаз|»|„|Газпром|“|\"|Shell|\"|'|BP|'|“|Reuters|”"},
    /* English clitics split; names with apostrophes do not */
    {"Zelensky's plan, O'Brien, don't", "Zelensky|'s|plan|,|O'Brien|,|don't"},
    {"Putin’s war", "Putin|’s|war"},
    {"d'Ivoire", "d'Ivoire"},
    {"Wait...", "Wait|..."},
    /* invisible direction marks and a zero-width space separate words */
    {"Федір \xE2\x80\x8EЛапій \xE2\x80\xAAОдеса\xE2\x80\xAC Київ\xE2\x80\x8BЛьвів",
     "Федір|Лапій|Одеса|Київ|Львів"},
    /* combining stress mark stays inside the word */
    {"Володи\xCC\x81мир", "Володи\xCC\x81мир"},
};

START_TEST(test_tokens) {
  teitag_doc *doc = tu_doc(pipe_, token_cases[_i].in);
  char *got = joined_tokens(doc);
  ck_assert_str_eq(got, token_cases[_i].want);
  free(got);
  teitag_doc_free(doc);
}
END_TEST

START_TEST(test_kinds_and_case) {
  teitag_doc *doc = tu_doc(pipe_, "Kyiv KYIV kyiv iPhone 2024 $ . http://a.bc/ x@y.org A");
  static const struct {
    teitag_token_kind kind;
    teitag_token_case c;
  } want[] = {
      {TEITAG_TOKEN_WORD, TEITAG_CASE_TITLE},   {TEITAG_TOKEN_WORD, TEITAG_CASE_UPPER},
      {TEITAG_TOKEN_WORD, TEITAG_CASE_LOWER},   {TEITAG_TOKEN_WORD, TEITAG_CASE_MIXED},
      {TEITAG_TOKEN_NUMBER, TEITAG_CASE_NONE},  {TEITAG_TOKEN_SYMBOL, TEITAG_CASE_NONE},
      {TEITAG_TOKEN_PUNCT, TEITAG_CASE_NONE},   {TEITAG_TOKEN_URL, TEITAG_CASE_NONE},
      {TEITAG_TOKEN_EMAIL, TEITAG_CASE_NONE},   {TEITAG_TOKEN_WORD, TEITAG_CASE_TITLE},
  };
  ck_assert_uint_eq(teitag_doc_n_tokens(doc), sizeof want / sizeof *want);
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    teitag_token t;
    ck_assert(teitag_doc_token(doc, i, &t));
    ck_assert_int_eq(t.kind, want[i].kind);
    ck_assert_int_eq(t.letter_case, want[i].c);
  }
  teitag_doc_free(doc);
}
END_TEST

START_TEST(test_title_case_compounds) {
  /* Parts of a compound may each start with a capital and still be Title. */
  teitag_doc *doc = tu_doc(pipe_, "Нью-Йорк Ростов-на-Дону O'Brien McDonald");
  ck_assert_int_eq(doc->toks[0].lcase, TEITAG_CASE_TITLE);
  ck_assert_int_eq(doc->toks[1].lcase, TEITAG_CASE_TITLE);
  ck_assert_int_eq(doc->toks[2].lcase, TEITAG_CASE_TITLE);
  ck_assert_int_eq(doc->toks[3].lcase, TEITAG_CASE_MIXED);
  teitag_doc_free(doc);
}
END_TEST

START_TEST(test_match_keys) {
  /* Keys fold case, ё, apostrophes, dashes and stress marks, so that one
   * gazetteer form matches every spelling. */
  teitag_doc *doc = tu_doc(pipe_, "ОРЁЛ Прем’єр пʼять Володи\xCC\x81мир Ростов‑на‑Дону");
  static const char *const want[] = {"орел", "прем'єр", "п'ять", "володимир",
                                     "ростов-на-дону"};
  for (size_t i = 0; i < 5; i++) {
    const tt_token *t = &doc->toks[i];
    ck_assert_uint_eq(t->key_len, strlen(want[i]));
    ck_assert_mem_eq(doc->keys.data + t->key, want[i], t->key_len);
    ck_assert(t->hash == tt_hash_bytes(want[i], strlen(want[i])));
  }
  teitag_doc_free(doc);
}
END_TEST

/* Sentences: text, then the expected sentences joined with "|". */
static const struct {
  const char *in, *want;
} sentence_cases[] = {
    {"Mr. Smith met Dr. Jones in the U.S. Senate. They talked.",
     "Mr. Smith met Dr. Jones in the U.S. Senate.|They talked."},
    {"J. D. Vance spoke. В. Зеленський прибув до Києва. Він сказав.",
     "J. D. Vance spoke.|В. Зеленський прибув до Києва.|Він сказав."},
    {"Бюджет – 5 млн. Наступного року більше.",
     "Бюджет – 5 млн.|Наступного року більше."},
    {"Це т. зв. «план». Далі буде.", "Це т. зв. «план».|Далі буде."},
    {"В 2022 г. на ул. Тверской было тихо. Потом нет.",
     "В 2022 г. на ул. Тверской было тихо.|Потом нет."},
    {"He said: «Go!» Then left.", "He said: «Go!»|Then left."},
    {"Ціна 5 млн. грн за рік.", "Ціна 5 млн. грн за рік."},
    {"What? No. 5 left", "What?|No. 5 left"},
    {"Really?! Yes.", "Really?!|Yes."},
    {"The end.", "The end."},
};

START_TEST(test_sentences) {
  teitag_doc *doc = tu_doc(pipe_, sentence_cases[_i].in);
  tt_buf b = {NULL, 0, 0};
  for (size_t i = 0; i < teitag_doc_n_sentences(doc); i++) {
    size_t s, e;
    ck_assert(teitag_doc_sentence(doc, i, &s, &e));
    if (i)
      tt_buf_putc(&b, '|');
    tt_buf_put(&b, doc->text + s, e - s);
  }
  ck_assert_str_eq(tt_buf_cstr(&b), sentence_cases[_i].want);
  tt_buf_free(&b);
  teitag_doc_free(doc);
}
END_TEST

/* Paragraphs: text, flags, then the paragraphs joined with "|". */
static const struct {
  const char *in;
  unsigned flags;
  const char *want;
} para_cases[] = {
    {"one\ntwo\nthree\n", 0, "one|two|three"},             /* lines */
    {"Head\n\nfirst line\nsecond\n\n\nlast", 0, "Head|first line\nsecond|last"},
    {"a\r\nb\r\n\r\nc\r\n", 0, "a\r\nb|c"},                  /* CRLF blocks */
    {"a\r\nb\r\n", 0, "a|b"},                                /* CRLF lines */
    {"\n\n  lead\n \t \nnext  \n", 0, "  lead|next  "},      /* blank = spaces */
    {"x\ny\n\nz", TEITAG_PIPE_LINES, "x|y|z"},
    {"x\ny\nz", TEITAG_PIPE_BLOCKS, "x\ny\nz"},
    {"no newline at end", 0, "no newline at end"},
    {"old\rmac\r", 0, "old|mac"},
};

START_TEST(test_paragraphs) {
  teitag_pipeline_set_flags(pipe_, para_cases[_i].flags);
  teitag_doc *doc = tu_doc(pipe_, para_cases[_i].in);
  tt_buf b = {NULL, 0, 0};
  for (size_t i = 0; i < teitag_doc_n_paragraphs(doc); i++) {
    size_t s, e;
    ck_assert(teitag_doc_paragraph(doc, i, &s, &e, NULL));
    if (i)
      tt_buf_putc(&b, '|');
    tt_buf_put(&b, doc->text + s, e - s);
    /* Tokens never leave their paragraph. */
    const tt_para *p = &doc->paras[i];
    for (size_t t = p->tok_begin; t < p->tok_end; t++)
      ck_assert(doc->toks[t].start >= s && doc->toks[t].end <= e);
  }
  ck_assert_str_eq(tt_buf_cstr(&b), para_cases[_i].want);
  tt_buf_free(&b);
  teitag_doc_free(doc);
}
END_TEST

START_TEST(test_token_flags) {
  teitag_doc *doc = tu_doc(pipe_, "A bc.\nC");
  ck_assert(doc->toks[0].flags & TT_TOK_PARA_START);
  ck_assert(doc->toks[0].flags & TT_TOK_SENT_START);
  ck_assert(doc->toks[1].flags & TT_TOK_SPACE_BEFORE);
  ck_assert(!(doc->toks[2].flags & TT_TOK_SPACE_BEFORE));
  ck_assert(doc->toks[3].flags & TT_TOK_PARA_START); /* lines mode */
  teitag_doc_free(doc);
}
END_TEST

START_TEST(test_pathological) {
  /* Long runs of one kind of character stay linear and exact. */
  size_t n = 200000;
  char *s = malloc(n * 3);
  for (size_t i = 0; i < n; i++)
    memcpy(s + 3 * i, "\xE2\x82\xB4", 3); /* ₴ */
  teitag_doc *doc = tu_doc_n(pipe_, s, n * 3);
  ck_assert_uint_eq(teitag_doc_n_tokens(doc), n);
  teitag_doc_free(doc);
  memset(s, 'a', n * 3); /* one 600 KB word */
  doc = tu_doc_n(pipe_, s, n * 3);
  ck_assert_uint_eq(teitag_doc_n_tokens(doc), 1);
  teitag_doc_free(doc);
  for (size_t i = 0; i < n * 3; i++)
    s[i] = "a."[i % 2]; /* a.a.a.a. ... one dotted run */
  doc = tu_doc_n(pipe_, s, n * 3);
  ck_assert_uint_ge(teitag_doc_n_tokens(doc), 1);
  teitag_doc_free(doc);
  for (size_t i = 0; i < n * 3; i++)
    s[i] = "5-"[i % 2]; /* address characters without an @: no rescans */
  doc = tu_doc_n(pipe_, s, n * 3);
  ck_assert_uint_eq(teitag_doc_n_tokens(doc), n * 3);
  teitag_doc_free(doc);
  memcpy(s + n * 3 - 12, "x@ample.org", 11); /* an @ makes it an address */
  doc = tu_doc_n(pipe_, s, n * 3);
  ck_assert_int_eq(doc->toks[doc->n_toks - 2].kind, TEITAG_TOKEN_EMAIL);
  teitag_doc_free(doc);
  free(s);
}
END_TEST

static Suite *tokenize_suite(void) {
  Suite *s = suite_create("tokenize");
  TCase *core = tcase_create("core");
  tcase_add_checked_fixture(core, setup, teardown);
  tcase_add_loop_test(core, test_tokens, 0,
                      (int)(sizeof token_cases / sizeof *token_cases));
  tcase_add_test(core, test_kinds_and_case);
  tcase_add_test(core, test_title_case_compounds);
  tcase_add_test(core, test_match_keys);
  tcase_add_loop_test(core, test_sentences, 0,
                      (int)(sizeof sentence_cases / sizeof *sentence_cases));
  tcase_add_loop_test(core, test_paragraphs, 0,
                      (int)(sizeof para_cases / sizeof *para_cases));
  tcase_add_test(core, test_token_flags);
  suite_add_tcase(s, core);
  TCase *limits = tcase_create("limits");
  tcase_add_checked_fixture(limits, setup, teardown);
  tcase_set_timeout(limits, 30);
  tcase_add_test(limits, test_pathological);
  suite_add_tcase(s, limits);
  return s;
}

TU_MAIN(tokenize_suite)
