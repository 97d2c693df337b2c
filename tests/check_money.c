/* SPDX-License-Identifier: MIT
 *
 * check_money.c -- the money recogniser, its exact decimals and its
 * number reading.
 *
 * core: decimal arithmetic, numbers in digits (en/uk/ru separators),
 *   numeral words, and every line of tests/data/money-{en,uk,ru}.tsv: a
 *   sentence with each money span marked ⟦…⟧ and the expected amounts and
 *   ISO codes, or "-" when the sentence holds no money.  Each line must give
 *   exactly those spans (byte for byte), amounts and codes, and no other
 *   MONEY span.
 * corpus: every MONEY span of corpus/gold.jsonl, with its amount or range
 *   and code, and no MONEY span that the gold does not have.
 * limits: pathological inputs (100k signs, a 1 MB number, long numerals)
 *   finish quickly and find nothing false.
 * errors: numbers that are not amounts (dates, codes, too many digits).
 */
#include "config.h"

#include <stdio.h>

#include "../src/number.h"
#include "testutil.h"

static const char *top(void) {
  const char *t = getenv("top_srcdir");
  return t ? t : "..";
}

/* ---- decimal arithmetic -------------------------------------------------- */

static char *fmt(const tt_dec *d) {
  static char buf[TT_DEC_STRLEN];
  tt_dec_format(d, buf, sizeof buf);
  return buf;
}

static const struct {
  const char *in, *fr;
  int shift;
  unsigned mul;
  const char *want;
} dec_cases[] = {
    {"1", "2", 9, 1, "1200000000"}, /* €1.2bn */
    {"5", "3", 6, 1, "5300000"},    /* 5,3 млн */
    {"0", "1", 1, 1, "1"},
    {"0", "05", 0, 1, "0.05"},
    {"3", "50", 0, 1, "3.5"}, /* trailing zeros go */
    {"007", "", 0, 1, "7"},   /* leading zeros go */
    {"1844036360", "12", 0, 1, "1844036360.12"},
    {"5", "", -1, 1, "0.5"},
    {"5", "", -3, 1, "0.005"},
    {"99", "", -2, 1, "0.99"},      /* 99p */
    {"15", "", 8, 1, "1500000000"}, /* півтора мільярда */
    {"25", "", -2, 1, "0.25"},
    {"0", "", 12, 1, "0"},
    {"1", "5", 0, 3, "4.5"},
    {"999999999", "", 0, 1000, "999999999000"},
    {"123456789", "123", 12, 7, "864197523861000000000"},
};

START_TEST(test_dec) {
  tt_dec d;
  const char *in = dec_cases[_i].in, *fr = dec_cases[_i].fr;
  ck_assert(tt_dec_from_digits(&d, in, strlen(in), fr, strlen(fr)));
  ck_assert(tt_dec_mul_u32(&d, dec_cases[_i].mul));
  ck_assert(tt_dec_shift(&d, dec_cases[_i].shift));
  ck_assert_str_eq(fmt(&d), dec_cases[_i].want);
}
END_TEST

START_TEST(test_dec_add_cmp) {
  tt_dec a, b;
  tt_dec_from_digits(&a, "3", 1, NULL, 0);
  tt_dec_from_digits(&b, "0", 1, "5", 1);
  ck_assert(tt_dec_add(&a, &b));
  ck_assert_str_eq(fmt(&a), "3.5");
  tt_dec_from_digits(&b, "96", 2, NULL, 0);
  tt_dec_shift(&b, -2);
  tt_dec_from_digits(&a, "7", 1, NULL, 0);
  ck_assert(tt_dec_add(&a, &b));
  ck_assert_str_eq(fmt(&a), "7.96"); /* 7 гривень 96 копійок */
  tt_dec_from_digits(&a, "999", 3, "99", 2);
  tt_dec_from_digits(&b, "0", 1, "01", 2);
  ck_assert(tt_dec_add(&a, &b));
  ck_assert_str_eq(fmt(&a), "1000");
  ck_assert_int_eq(tt_dec_cmp(&a, &b), 1);
  ck_assert_int_eq(tt_dec_cmp(&b, &a), -1);
  tt_dec_from_u32(&b, 1000);
  ck_assert_int_eq(tt_dec_cmp(&a, &b), 0);
  tt_dec_zero(&b);
  ck_assert_str_eq(fmt(&b), "0");
  ck_assert(tt_dec_is_zero(&b));
  ck_assert(tt_dec_add(&b, &a));
  ck_assert_str_eq(fmt(&b), "1000");
}
END_TEST

START_TEST(test_dec_overflow) {
  tt_dec d;
  char digits[TT_DEC_DIGITS + 1];
  memset(digits, '9', sizeof digits);
  ck_assert(!tt_dec_from_digits(&d, digits, TT_DEC_DIGITS + 1, NULL, 0));
  ck_assert(tt_dec_from_digits(&d, digits, TT_DEC_DIGITS, NULL, 0));
  ck_assert(!tt_dec_shift(&d, 1));
  ck_assert(tt_dec_from_digits(&d, digits, TT_DEC_DIGITS, NULL, 0));
  ck_assert(!tt_dec_mul_u32(&d, 10));
  tt_dec e;
  ck_assert(tt_dec_from_digits(&d, digits, TT_DEC_DIGITS, NULL, 0));
  tt_dec_from_u32(&e, 1);
  ck_assert(!tt_dec_add(&d, &e));
  tt_dec_from_u32(&d, 1);
  ck_assert(!tt_dec_shift(&d, -(TT_DEC_DIGITS + 1)));
  tt_dec_from_u32(&d, 1);
  ck_assert(!tt_dec_shift(&d, 1000));
  char out[4];
  tt_dec_from_u32(&d, 123456);
  ck_assert_uint_eq(tt_dec_format(&d, out, sizeof out), 6); /* truncated */
  ck_assert_str_eq(out, "123");
}
END_TEST

/* ---- numbers in digits --------------------------------------------------- */

#define UKRU TT_NUM_COMMA_DECIMAL
#define SC TT_NUM_SCALE_FOLLOWS

static const struct {
  const char *in;
  unsigned flags;
  const char *want; /* NULL: not a number */
} num_cases[] = {
    {"1,000.50", 0, "1000.5"},
    {"1 000,50", UKRU, "1000.5"},
    {"1\xC2\xA0"
     "000,50",
     UKRU, "1000.5"}, /* no-break space */
    {"1\xE2\x80\x89"
     "000,50",
     UKRU, "1000.5"}, /* thin space */
    {"1\xE2\x80\xAF"
     "000 000",
     UKRU, "1000000"}, /* narrow no-break */
    {"1.000,50", UKRU, "1000.5"},
    {"1.844.036.360,12", UKRU, "1844036360.12"},
    {"1.844.036.360,12", 0, "1844036360.12"},
    {"1,250,000", 0, "1250000"},
    {"5,3", UKRU | SC, "5.3"},
    {"1,5", UKRU | SC, "1.5"},
    {"1,5", 0, "1.5"},
    {"0.99", 0, "0.99"},
    {"0,99", UKRU, "0.99"},
    {"5,000", 0, "5000"},          /* en: comma groups */
    {"5,000", UKRU, "5000"},       /* uk/ru without a scale: groups too */
    {"1,844", UKRU | SC, "1.844"}, /* "1,844 млрд" */
    {"1,500", SC, "1500"},         /* "$1,500 million" */
    {"1.250", 0, "1.25"},          /* en: a dot is decimal */
    {"1.250", UKRU, "1250"},       /* ru: "1.250 руб." groups */
    {"1.250", UKRU | SC, "1.25"},
    {"2,400.5", 0, "2400.5"},
    {"300", 0, "300"},
    {"0", 0, "0"},
    {"2022", 0, "2022"},
    {"24.02.2022", 0, NULL}, /* a date */
    {"24.02.2022", UKRU, NULL},
    {"12:30", 0, NULL},
    {"0800", 0, NULL},       /* a phone prefix */
    {"1,00,000", 0, NULL},   /* Indian grouping is not ours */
    {"1,000 000", 0, NULL},  /* mixed group separators */
    {"1000,000.5", 0, NULL}, /* first group too long */
    {"1.2.3", 0, NULL},
    {"1.", 0, NULL},
    {".5", 0, NULL},
    {"1,,000", 0, NULL},
    {"1  000", 0, NULL},
    {"", 0, NULL},
    {"12345678901234567890", 0, NULL}, /* 20 integer digits */
    {"1.1234567890123", 0, NULL},      /* 13 fraction digits */
    {"1\xC2\xA0", 0, NULL},
    {"1\xE2\x80", 0, NULL},
};

START_TEST(test_number_parse) {
  const char *in = num_cases[_i].in;
  size_t len = strlen(in);
  char *copy = tu_copy(in, len);
  tt_dec d;
  int ok = tt_number_parse(copy, len, num_cases[_i].flags, &d);
  free(copy);
  if (!num_cases[_i].want)
    ck_assert_msg(!ok, "'%s' read as %s", in, fmt(&d));
  else {
    ck_assert_msg(ok, "'%s' not read", in);
    ck_assert_str_eq(fmt(&d), num_cases[_i].want);
  }
}
END_TEST

/* ---- amounts in text ----------------------------------------------------- */

static teitag_pipeline *pipes[4];

static void setup(void) {
  for (int l = TEITAG_LANG_AUTO; l <= TEITAG_LANG_RU; l++) {
    pipes[l] = teitag_pipeline_new();
    teitag_pipeline_set_lang(pipes[l], (teitag_lang)l);
  }
}

static void teardown(void) {
  for (int l = 0; l < 4; l++)
    teitag_pipeline_free(pipes[l]);
}

/* The MONEY spans of an annotated text as "⟦text⟧ amount CODE ; ...", in
 * the notation of the .tsv files (ranges as "min-max"). */
static char *money_of(const teitag_doc *doc, tt_buf *marked) {
  tt_buf b = {NULL, 0, 0};
  size_t pos = 0;
  for (size_t i = 0; i < doc->n_spans; i++) {
    const tt_span *sp = &doc->spans[i];
    if (sp->type != TEITAG_TYPE_MONEY)
      continue;
    if (b.len)
      tt_buf_puts(&b, " ; ");
    if (sp->amount)
      tt_buf_puts(&b, tt_doc_get_str(doc, sp->amount));
    else
      tt_buf_printf(&b, "%s-%s", tt_doc_get_str(doc, sp->amount_min),
                    tt_doc_get_str(doc, sp->amount_max));
    tt_buf_printf(&b, " %s", tt_doc_get_str(doc, sp->currency));
    if (marked) {
      tt_buf_put(marked, doc->text + pos, sp->start - pos);
      tt_buf_puts(marked, "⟦");
      tt_buf_put(marked, doc->text + sp->start, sp->end - sp->start);
      tt_buf_puts(marked, "⟧");
      pos = sp->end;
    }
  }
  if (marked)
    tt_buf_put(marked, doc->text + pos, doc->len - pos);
  if (!b.len)
    tt_buf_putc(&b, '-');
  return tt_buf_steal(&b, NULL);
}

/* Annotates `text` (copied to an exactly-sized buffer) with the pipeline
 * of `lang`; returns the money found and, in *marked, the text with the
 * spans marked. */
static char *annotate(const char *text, size_t len, teitag_lang lang,
                      char **marked) {
  teitag_doc *doc = tu_doc_n(pipes[lang], text, len);
  teitag_diag diag;
  ck_assert_msg(teitag_doc_annotate(pipes[lang], doc, &diag) == TEITAG_OK,
                "annotate: %s", diag.message);
  tt_buf m = {NULL, 0, 0};
  char *got = money_of(doc, marked ? &m : NULL);
  if (marked)
    *marked = tt_buf_steal(&m, NULL);
  teitag_doc_free(doc);
  return got;
}

/* The lines of the three .tsv files, loaded once. */
typedef struct tsv_line {
  char *marked; /* the sentence with ⟦⟧ */
  char *want;   /* "300000000 USD ; ..." or "-" */
  teitag_lang lang;
  const char *file;
  size_t lineno;
} tsv_line;

static tsv_line *lines;
static size_t n_lines;
static size_t per_lang[4];

static void load_tsv(const char *name, teitag_lang lang) {
  char path[1024];
  snprintf(path, sizeof path, "%s/tests/data/%s", top(), name);
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "check_money: cannot open %s\n", path);
    exit(EXIT_FAILURE);
  }
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, f)) > 0) {
    lineno++;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      line[--n] = '\0';
    char *tab = strchr(line, '\t');
    if (!n || line[0] == '#' || !tab)
      continue;
    *tab = '\0';
    lines = realloc(lines, (n_lines + 1) * sizeof *lines);
    lines[n_lines].marked = strdup(line);
    lines[n_lines].want = strdup(tab + 1);
    lines[n_lines].lang = lang;
    lines[n_lines].file = name;
    lines[n_lines].lineno = lineno;
    n_lines++;
    per_lang[lang]++;
  }
  free(line);
  fclose(f);
}

/* Removes the ⟦ ⟧ marks. */
static char *unmark(const char *s, size_t *len) {
  tt_buf b = {NULL, 0, 0};
  for (const char *p = s; *p;) {
    if (strncmp(p, "⟦", 3) == 0 || strncmp(p, "⟧", 3) == 0) {
      p += 3;
      continue;
    }
    tt_buf_putc(&b, *p++);
  }
  return tt_buf_steal(&b, len);
}

START_TEST(test_tsv_line) {
  const tsv_line *l = &lines[_i];
  size_t len;
  char *text = unmark(l->marked, &len);
  char *marked = NULL;
  char *got = annotate(text, len, l->lang, &marked);
  ck_assert_msg(strcmp(marked, l->marked) == 0 && strcmp(got, l->want) == 0,
                "%s:%zu\n  want: %s\t%s\n  got:  %s\t%s", l->file, l->lineno,
                l->marked, l->want, marked, got);
  free(got);
  free(marked);
  free(text);
}
END_TEST

/* Amounts beyond the test files: numeral syntax, compounds, conventions. */
static const struct {
  teitag_lang lang;
  const char *marked, *want;
} extra_cases[] = {
    {TEITAG_LANG_EN, "He paid ⟦one hundred and fifty dollars⟧.", "150 USD"},
    {TEITAG_LANG_EN, "It cost ⟦two hundred thousand euros⟧.", "200000 EUR"},
    {TEITAG_LANG_EN, "A ⟦$10m⟧. Then ⟦5k euros⟧.", "10000000 USD ; 5000 EUR"},
    {TEITAG_LANG_EN, "Only ⟦50 euro cents⟧.", "0.5 EUR"},
    {TEITAG_LANG_EN, "Worth ⟦NZ$40 million⟧.", "40000000 NZD"},
    {TEITAG_LANG_EN, "Worth ⟦500 Swedish kronor⟧.", "500 SEK"},
    {TEITAG_LANG_EN, "It fell from 5 to 3 per cent.", "-"},
    {TEITAG_LANG_EN, "Scores were 10-20 and 30-40.", "-"},
    {TEITAG_LANG_EN, "The 5 m pole and the 3 k run.", "-"},
    {TEITAG_LANG_EN, "He lost 20 pounds of weight.", "-"},
    {TEITAG_LANG_EN, "ALL 5 MEMBERS VOTED.", "-"},
    {TEITAG_LANG_EN, "The ship sailed at 30 kn and 500 KM away.", "-"},
    {TEITAG_LANG_UK, "Понад ⟦два мільйони п'ятсот тисяч гривень⟧.",
     "2500000 UAH"},
    {TEITAG_LANG_UK, "Це ⟦сто двадцять п’ять доларів⟧.", "125 USD"},
    {TEITAG_LANG_UK, "Ціна — ⟦7 гривень 96 копійок⟧.", "7.96 UAH"},
    {TEITAG_LANG_UK, "Це коштувало ⟦22,5 млн злотих⟧.", "22500000 PLN"},
    {TEITAG_LANG_UK, "Мільйонами доларів і мільярдами гривень.", "-"},
    {TEITAG_LANG_UK, "Кредит становить ⟦EUR 1,2 млн⟧. Потім інше.",
     "1200000 EUR"},
    {TEITAG_LANG_UK, "Вартість ⟦25 000 грн⟧. Наступного дня.", "25000 UAH"},
    {TEITAG_LANG_UK, "Обмін по ⟦41,80–42,10 гривні⟧.", "41.8-42.1 UAH"},
    {TEITAG_LANG_UK, "Донори дали ⟦100 млн австралійськими доларами⟧.",
     "100000000 AUD"},
    {TEITAG_LANG_RU, "Стоит ⟦полтора миллиона рублей⟧.", "1500000 RUB"},
    {TEITAG_LANG_RU, "Около ⟦полутора миллиардов долларов⟧.", "1500000000 USD"},
    {TEITAG_LANG_RU, "С ⟦60 млн рублей⟧ до ⟦20 млн рублей⟧.",
     "60000000 RUB ; 20000000 RUB"},
    {TEITAG_LANG_RU, "Миллиарды евро и сотнями миллиардов рублей.", "-"},
    {TEITAG_LANG_RU, "Было ⟦5 млн белорусских рублей⟧.", "5000000 BYN"},
    {TEITAG_LANG_RU, "Курс — ⟦92 рубля⟧ за доллар.", "92 RUB"},
    {TEITAG_LANG_EN, "A ⟦$5-million⟧ deal and a ⟦$1.5-billion⟧ one.",
     "5000000 USD ; 1500000000 USD"},
    {TEITAG_LANG_UK, "Бюджет — ⟦1 млрд 200 млн гривень⟧.", "1200000000 UAH"},
    {TEITAG_LANG_UK, "Ще ⟦5 млн 300 тис. доларів⟧.", "5300000 USD"},
    {TEITAG_LANG_RU, "Штраф ⟦2 тыс. 500 руб.⟧", "2500 RUB"},
    {TEITAG_LANG_EN, "It costs ⟦99¢⟧ now.", "0.99 USD"},
    {TEITAG_LANG_EN, "EUR/USD hit 1.08 and USD/UAH 41.5.", "-"},
    {TEITAG_LANG_EN, "From ⟦€5bn-€7bn⟧ or ⟦$5,000-$10,000⟧.",
     "5000000000-7000000000 EUR ; 5000-10000 USD"},
    {TEITAG_LANG_EN, "Paid ⟦5 million U.S. dollars⟧.", "5000000 USD"},
    {TEITAG_LANG_UK, "Проїзд — ⟦8 грн⟧. Наступного дня ⟦9 грн⟧.",
     "8 UAH ; 9 UAH"},
};

START_TEST(test_extra) {
  size_t len;
  char *text = unmark(extra_cases[_i].marked, &len);
  char *marked = NULL;
  char *got = annotate(text, len, extra_cases[_i].lang, &marked);
  ck_assert_msg(strcmp(marked, extra_cases[_i].marked) == 0 &&
                    strcmp(got, extra_cases[_i].want) == 0,
                "want: %s\t%s\n  got:  %s\t%s", extra_cases[_i].marked,
                extra_cases[_i].want, marked, got);
  free(got);
  free(marked);
  free(text);
}
END_TEST

/* Certainty: digits with a currency are high; words and guesses medium. */
START_TEST(test_cert) {
  static const struct {
    const char *text;
    teitag_lang lang;
    teitag_cert cert;
  } cases[] = {
      {"It cost $5 million.", TEITAG_LANG_EN, TEITAG_CERT_HIGH},
      {"It cost 300 млн гривень.", TEITAG_LANG_UK, TEITAG_CERT_HIGH},
      {"It cost five million dollars.", TEITAG_LANG_EN, TEITAG_CERT_MEDIUM},
      {"Стоит 50 р. за штуку.", TEITAG_LANG_RU, TEITAG_CERT_MEDIUM},
      {"Fined 5 million francs.", TEITAG_LANG_EN, TEITAG_CERT_MEDIUM},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    teitag_doc *doc = tu_doc(pipes[cases[k].lang], cases[k].text);
    ck_assert(teitag_doc_annotate(pipes[cases[k].lang], doc, NULL) ==
              TEITAG_OK);
    size_t money = 0;
    for (size_t i = 0; i < doc->n_spans; i++) {
      const tt_span *sp = &doc->spans[i];
      if (sp->type != TEITAG_TYPE_MONEY)
        continue;
      money++;
      ck_assert_msg(sp->cert == cases[k].cert, "%s: cert %d", cases[k].text,
                    sp->cert);
      ck_assert_str_eq(tt_doc_get_str(doc, sp->source), "money");
    }
    ck_assert_uint_eq(money, 1);
    teitag_doc_free(doc);
  }
}
END_TEST

/* ---- corpus/gold.jsonl --------------------------------------------------- */

static size_t cp_offset(const char *s, size_t bytes) {
  return tt_utf8_count(s, bytes);
}

static const char *member(const tt_json *e, const char *name) {
  const tt_json *v = tt_json_get(e, name);
  return v && v->kind == TT_JSON_STRING ? v->str : NULL;
}

START_TEST(test_corpus_gold) {
  char path[1024];
  snprintf(path, sizeof path, "%s/corpus/gold.jsonl", top());
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  char *line = NULL;
  size_t cap = 0, gold = 0, found = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, f)) > 0) {
    teitag_doc *doc = NULL;
    teitag_diag diag;
    ck_assert(teitag_doc_from_jsonl(pipes[0], line, (size_t)n, &doc, &diag) ==
              TEITAG_OK);
    ck_assert(teitag_doc_annotate(pipes[0], doc, &diag) == TEITAG_OK);
    tt_json *v = tt_json_parse(line, (size_t)n, &diag);
    const char *id = member(v, "id");
    size_t k = 0; /* next MONEY span of ours */
    for (const tt_json *e = tt_json_get(v, "entities")->child; e; e = e->next) {
      if (strcmp(member(e, "type"), "MONEY") != 0)
        continue;
      gold++;
      size_t s = strtoul(tt_json_get(e, "start")->str, NULL, 10);
      size_t t = strtoul(tt_json_get(e, "end")->str, NULL, 10);
      while (k < doc->n_spans &&
             (doc->spans[k].type != TEITAG_TYPE_MONEY ||
              cp_offset(doc->text, doc->spans[k].start) < s)) {
        ck_assert_msg(doc->spans[k].type != TEITAG_TYPE_MONEY,
                      "%s: false money '%.*s'", id,
                      (int)(doc->spans[k].end - doc->spans[k].start),
                      doc->text + doc->spans[k].start);
        k++;
      }
      ck_assert_msg(k < doc->n_spans, "%s: missed '%s'", id, member(e, "text"));
      const tt_span *sp = &doc->spans[k];
      ck_assert_msg(cp_offset(doc->text, sp->start) == s &&
                        cp_offset(doc->text, sp->end) == t,
                    "%s: '%s' found as '%.*s'", id, member(e, "text"),
                    (int)(sp->end - sp->start), doc->text + sp->start);
      const char *amount = member(e, "amount");
      const char *got = tt_doc_get_str(doc, sp->amount);
      ck_assert_msg((!amount && !got) ||
                        (amount && got && !strcmp(amount, got)),
                    "%s: '%s' amount %s, want %s", id, member(e, "text"),
                    got ? got : "-", amount ? amount : "-");
      if (!amount) {
        ck_assert_str_eq(tt_doc_get_str(doc, sp->amount_min),
                         member(e, "amount_min"));
        ck_assert_str_eq(tt_doc_get_str(doc, sp->amount_max),
                         member(e, "amount_max"));
      }
      ck_assert_str_eq(tt_doc_get_str(doc, sp->currency),
                       member(e, "currency"));
      found++;
      k++;
    }
    for (; k < doc->n_spans; k++)
      ck_assert_msg(doc->spans[k].type != TEITAG_TYPE_MONEY,
                    "%s: false money '%.*s'", id,
                    (int)(doc->spans[k].end - doc->spans[k].start),
                    doc->text + doc->spans[k].start);
    tt_json_free(v);
    teitag_doc_free(doc);
  }
  free(line);
  fclose(f);
  ck_assert_uint_ge(gold, 179);
  ck_assert_uint_eq(found, gold);
}
END_TEST

/* ---- limits -------------------------------------------------------------- */

/* Builds `n` copies of `unit` and annotates them as English; returns the
 * number of MONEY spans. */
static size_t repeat_spans(const char *unit, size_t n, const char *prefix) {
  tt_buf b = {NULL, 0, 0};
  tt_buf_puts(&b, prefix);
  for (size_t i = 0; i < n; i++)
    tt_buf_puts(&b, unit);
  teitag_doc *doc = tu_doc_n(pipes[TEITAG_LANG_EN], b.data, b.len);
  ck_assert(teitag_doc_annotate(pipes[TEITAG_LANG_EN], doc, NULL) == TEITAG_OK);
  size_t spans = 0;
  for (size_t i = 0; i < doc->n_spans; i++)
    spans += doc->spans[i].type == TEITAG_TYPE_MONEY;
  teitag_doc_free(doc);
  tt_buf_free(&b);
  return spans;
}

START_TEST(test_many_signs) {
  ck_assert_uint_eq(repeat_spans("$", 100000, ""), 0);
  ck_assert_uint_eq(repeat_spans("€ ", 100000, ""), 0);
  ck_assert_uint_eq(repeat_spans("$5 ", 100000, ""), 100000);
  ck_assert_uint_eq(repeat_spans("1 000 ", 100000, ""), 0);
  ck_assert_uint_eq(repeat_spans("5-", 100000, ""), 0);
}
END_TEST

START_TEST(test_huge_number) {
  /* one megabyte of digits, then a sign: too many digits to be money */
  ck_assert_uint_eq(repeat_spans("9", 1u << 20, ""), 0);
  ck_assert_uint_eq(repeat_spans("9", 1u << 20, "$"), 0);
  ck_assert_uint_eq(repeat_spans(",999", 100000, "$1"), 0);
  /* the largest amounts still come out exactly */
  char *got =
      annotate("$9999999999999999999 trillion", 29, TEITAG_LANG_EN, NULL);
  ck_assert_str_eq(got, "9999999999999999999000000000000 USD");
  free(got);
}
END_TEST

START_TEST(test_long_numerals) {
  ck_assert_uint_eq(repeat_spans("one ", 50000, "dollars "), 0);
  ck_assert_uint_eq(repeat_spans("мільйон ", 50000, ""), 0);
  ck_assert_uint_eq(repeat_spans("a million ", 50000, ""), 0);
  ck_assert_uint_eq(repeat_spans("half a ", 50000, ""), 0);
  ck_assert_uint_eq(repeat_spans("five million dollars ", 20000, ""), 20000);
}
END_TEST

/* ---- errors: numbers that are not amounts -------------------------------- */

static const struct {
  teitag_lang lang;
  const char *text;
} not_money[] = {
    {TEITAG_LANG_EN, "On 24.02.2022 $ rose."},
    {TEITAG_LANG_EN, "At 12:30 $ traded."},
    {TEITAG_LANG_EN, "Dial 0800 $ now."},
    {TEITAG_LANG_EN, "It was 24/7 $."},
    {TEITAG_LANG_EN, "Code 1,00,000 USD"},
    {TEITAG_LANG_UK, "Ставка 13,5% і 5 відсотків."},
    {TEITAG_LANG_UK, "У 2023 р. ціни зросли."},
    {TEITAG_LANG_RU, "Лодка на р. Волге, он р. в 1952 г."},
    {TEITAG_LANG_EN,
     "$\n5 million"}, /* a sign on one line, the number on the next */
};

START_TEST(test_not_money) {
  const char *t = not_money[_i].text;
  char *got = annotate(t, strlen(t), not_money[_i].lang, NULL);
  ck_assert_msg(strcmp(got, "-") == 0, "'%s' gave %s", t, got);
  free(got);
}
END_TEST

static Suite *money_suite(void) {
  load_tsv("money-en.tsv", TEITAG_LANG_EN);
  load_tsv("money-uk.tsv", TEITAG_LANG_UK);
  load_tsv("money-ru.tsv", TEITAG_LANG_RU);
  printf("money test lines: en %zu, uk %zu, ru %zu\n", per_lang[1], per_lang[2],
         per_lang[3]);
  Suite *s = suite_create("money");
  TCase *core = tcase_create("core");
  tcase_add_checked_fixture(core, setup, teardown);
  tcase_add_loop_test(core, test_dec, 0,
                      sizeof dec_cases / sizeof dec_cases[0]);
  tcase_add_test(core, test_dec_add_cmp);
  tcase_add_test(core, test_dec_overflow);
  tcase_add_loop_test(core, test_number_parse, 0,
                      sizeof num_cases / sizeof num_cases[0]);
  tcase_add_loop_test(core, test_tsv_line, 0, (int)n_lines);
  tcase_add_loop_test(core, test_extra, 0,
                      sizeof extra_cases / sizeof extra_cases[0]);
  tcase_add_test(core, test_cert);
  suite_add_tcase(s, core);
  TCase *corpus = tcase_create("corpus");
  tcase_add_checked_fixture(corpus, setup, teardown);
  tcase_add_test(corpus, test_corpus_gold);
  tcase_set_timeout(corpus, 60);
  suite_add_tcase(s, corpus);
  TCase *limits = tcase_create("limits");
  tcase_add_checked_fixture(limits, setup, teardown);
  tcase_add_test(limits, test_many_signs);
  tcase_add_test(limits, test_huge_number);
  tcase_add_test(limits, test_long_numerals);
  tcase_set_timeout(limits, 60);
  suite_add_tcase(s, limits);
  TCase *errors = tcase_create("errors");
  tcase_add_checked_fixture(errors, setup, teardown);
  tcase_add_loop_test(errors, test_not_money, 0,
                      sizeof not_money / sizeof not_money[0]);
  suite_add_tcase(s, errors);
  return s;
}

TU_MAIN(money_suite)
