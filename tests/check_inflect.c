/* SPDX-License-Identifier: MIT
 *
 * check_inflect.c -- inflected names found by the matcher.
 *
 * tests/data/inflection-{uk,ru}.tsv hold sentences written for teitag in
 * which one form of a name is marked ⟦…⟧, with the name's dictionary form,
 * type and attrs.  Each line gets a gazetteer of that one entry; the
 * sentence is annotated; the marked form must be found, with the entry's
 * ID and dictionary form, and nothing else may be (a false match).  NEG
 * lines (NEG:TYPE for an entry of another type than LOC) mark a
 * look-alike that must not match.  The suite prints the
 * counts and fails below the recall and above the false-match levels
 * asserted at the end.
 */
#include "config.h"

#include <stdio.h>

#include "gaz.h"
#include "inflect.h"
#include "testutil.h"

/* A pipeline whose only gazetteer is the given TSV text. */
static teitag_pipeline *pipeline_with(const char *tsv) {
  tt_gaz_rows rows;
  memset(&rows, 0, sizeof rows);
  size_t bad = tt_gaz_parse(&rows, "test.tsv", tsv, strlen(tsv), NULL, NULL);
  ck_assert_msg(bad == 0, "bad row: %s", tsv);
  tt_buf image = {NULL, 0, 0};
  ck_assert_int_eq(tt_gaz_compile(&rows, &image, NULL, NULL), TEITAG_OK);
  tt_gaz_rows_free(&rows);
  size_t n = image.len;
  unsigned char *bytes = (unsigned char *)tt_buf_steal(&image, NULL);
  tt_gaz *g;
  ck_assert_int_eq(tt_gaz_open_image(bytes, n, 0, "test.tsv", &g, NULL), TEITAG_OK);
  teitag_pipeline *p = teitag_pipeline_new();
  teitag_pipeline_set_flags(p, TEITAG_PIPE_NO_MONEY | TEITAG_PIPE_NO_RULES);
  TT_RESERVE(p->gaz, p->cap_gaz, 1);
  p->gaz[p->n_gaz++] = g;
  return p;
}

typedef struct {
  int lines, found, missed, false_matches, neg, neg_matched;
} tally;

static void run_file(const char *lang, tally *t) {
  char path[1024];
  const char *top = getenv("top_srcdir");
  snprintf(path, sizeof path, "%s/tests/data/inflection-%s.tsv", top ? top : "..", lang);
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  char line[4096];
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n')
      continue;
    line[strcspn(line, "\r\n")] = '\0';
    char *cols[5];
    int n = 0;
    for (char *s = line; n < 5; n++) {
      cols[n] = s;
      char *tab = strchr(s, '\t');
      if (!tab) {
        n++;
        break;
      }
      *tab = '\0';
      s = tab + 1;
    }
    ck_assert_msg(n == 5, "bad test line in %s", path);
    /* NEG lines name the entry's type after a colon (NEG:PER), LOC
     * without one */
    int neg = strncmp(cols[0], "NEG", 3) == 0;
    const char *neg_type = cols[0][3] == ':' ? cols[0] + 4 : "LOC";
    char tsv[1024];
    snprintf(tsv, sizeof tsv, "Q1\t%s\t%s\t%s%s%s\n", neg ? neg_type : cols[0], lang,
             cols[1], strcmp(cols[2], "-") ? "\t" : "",
             strcmp(cols[2], "-") ? cols[2] : "");
    /* the sentence without its markers, and the marked byte range */
    char text[2048];
    const char *open = strstr(cols[3], "⟦"), *close = strstr(cols[3], "⟧");
    ck_assert(open && close && close > open);
    size_t a = (size_t)(open - cols[3]), b = (size_t)(close - cols[3]) - 3;
    snprintf(text, sizeof text, "%.*s%.*s%s", (int)a, cols[3], (int)(b - a),
             open + 3, close + 3);
    teitag_pipeline *p = pipeline_with(tsv);
    teitag_doc *doc = NULL;
    teitag_diag diag;
    ck_assert_int_eq(teitag_annotate(p, text, strlen(text), "t", &doc, &diag),
                     TEITAG_OK);
    int hit = 0, others = 0;
    for (size_t i = 0; i < teitag_doc_n_spans(doc); i++) {
      teitag_span sp;
      teitag_doc_span(doc, i, &sp);
      if (sp.start == a && sp.end == b && strcmp(sp.ref, "Q1") == 0 &&
          strcmp(sp.norm, cols[1]) == 0 &&
          (neg || strcmp(teitag_type_name(sp.type), cols[0]) == 0))
        hit = 1;
      else
        others++;
    }
    t->lines++;
    if (neg) {
      t->neg++;
      t->neg_matched += hit;
      if (hit)
        printf("  %s NEG matched: %s\n", lang, cols[3]);
    } else {
      t->found += hit;
      t->missed += !hit;
      if (!hit)
        printf("  %s missed (%s, %s): %s\n", lang, cols[4], cols[1], cols[3]);
    }
    t->false_matches += others;
    if (others)
      printf("  %s false match: %s\n", lang, cols[3]);
    teitag_doc_free(doc);
    teitag_pipeline_free(p);
  }
  fclose(f);
}

static void check_language(const char *lang) {
  tally t;
  memset(&t, 0, sizeof t);
  run_file(lang, &t);
  int positive = t.found + t.missed;
  printf("%s: %d of %d inflected-name forms found (%.1f%%); %d false matches "
         "in %d sentences; %d of %d look-alikes matched\n",
         lang, t.found, positive, 100.0 * t.found / positive, t.false_matches,
         t.lines, t.neg_matched, t.neg);
  ck_assert_int_ge(positive, 300); /* the issue asks for 300+ forms */
  /* every form is found and nothing else is: a form lost or a false
   * match gained by a change of the inflector fails here, not in a
   * percentage that still looks fine */
  ck_assert_msg(t.found == positive, "%s: %d of %d forms not found", lang,
                positive - t.found, positive);
  ck_assert_msg(t.false_matches == 0, "%s: %d false matches", lang, t.false_matches);
  ck_assert_msg(t.neg_matched == 0, "%s: %d look-alikes matched", lang, t.neg_matched);
}

static void count_form(void *ctx, const char *form, size_t len, int case_id) {
  (void)form;
  (void)len;
  (void)case_id;
  (*(int *)ctx)++;
}

/* A word longer than the inflector's buffers (found by fuzz_gaz_source):
 * no forms, and nothing read that was never written. */
START_TEST(test_overlong_word) {
  char form[600] = "Київська ";
  for (int i = 0; i < 100; i++)
    strcat(form, "ш");
  strcat(form, "а область");
  tt_infl_attrs a = {0, 0, 0, 0, -1, NULL, 0};
  int n = 0;
  tt_inflect(TEITAG_LANG_UK, TEITAG_TYPE_LOC, form, strlen(form), &a, count_form, &n);
  ck_assert_int_eq(n, 0);
  /* ... also one whose vowel alternates before its last consonant, which
   * the oblique stems copy to a buffer of their own (Львів/Львова) */
  char alternating[400] = "Зор";
  for (int i = 0; i < 95; i++)
    strcat(alternating, "ш");
  strcat(alternating, "ів");
  tt_inflect(TEITAG_LANG_UK, TEITAG_TYPE_LOC, alternating, strlen(alternating), &a,
             count_form, &n);
  tt_inflect(TEITAG_LANG_RU, TEITAG_TYPE_LOC, alternating, strlen(alternating), &a,
             count_form, &n);
  ck_assert_int_eq(n, 0);
  /* the short name still declines */
  const char *ok = "Київська область";
  tt_inflect(TEITAG_LANG_UK, TEITAG_TYPE_LOC, ok, strlen(ok), &a, count_form, &n);
  ck_assert_int_gt(n, 3);
}
END_TEST

typedef struct {
  const char *want, *unwanted;
  int has_want, has_unwanted;
} form_probe;

static void probe_form(void *ctx, const char *form, size_t len, int case_id) {
  (void)case_id;
  form_probe *p = ctx;
  p->has_want |= strlen(p->want) == len && memcmp(form, p->want, len) == 0;
  p->has_unwanted |= strlen(p->unwanted) == len && memcmp(form, p->unwanted, len) == 0;
}

/* Стрий and Стрый end like adjectives, but a stem without a vowel is no
 * adjective's: they decline as nouns in -й (Стриєм, not Стрим). */
START_TEST(test_vowelless_stem) {
  static const struct {
    teitag_lang lang;
    const char *name, *want, *unwanted;
  } cases[] = {{TEITAG_LANG_UK, "Стрий", "Стриєм", "Стрим"},
               {TEITAG_LANG_UK, "Стрий", "Стрия", "Строго"},
               {TEITAG_LANG_RU, "Стрый", "Стрыем", "Стрым"},
               {TEITAG_LANG_UK, "Кропивницький", "Кропивницького", "Кропивницькия"}};
  tt_infl_attrs a = {0, 0, 0, 0, -1, NULL, 0};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    form_probe p = {cases[i].want, cases[i].unwanted, 0, 0};
    tt_inflect(cases[i].lang, TEITAG_TYPE_LOC, cases[i].name, strlen(cases[i].name),
               &a, probe_form, &p);
    ck_assert_msg(p.has_want && !p.has_unwanted, "%s: %s %s, %s %s", cases[i].name,
                  cases[i].want, p.has_want ? "made" : "missing", cases[i].unwanted,
                  p.has_unwanted ? "made" : "not made");
  }
}
END_TEST

START_TEST(test_uk) { check_language("uk"); }
END_TEST

START_TEST(test_ru) { check_language("ru"); }
END_TEST

static Suite *inflect_suite(void) {
  Suite *s = suite_create("inflect");
  TCase *core = tcase_create("core");
  tcase_set_timeout(core, 120);
  tcase_add_test(core, test_overlong_word);
  tcase_add_test(core, test_vowelless_stem);
  tcase_add_test(core, test_uk);
  tcase_add_test(core, test_ru);
  suite_add_tcase(s, core);
  return s;
}

TU_MAIN(inflect_suite)
