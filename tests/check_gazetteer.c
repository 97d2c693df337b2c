/* SPDX-License-Identifier: MIT
 *
 * check_gazetteer.c -- gazetteer sources, the compiled format, and matching.
 *
 * Sources: every kind of bad row is reported as file:line: reason, and the
 * compiler refuses the same rows.  Compiled files: a truncated, corrupted
 * or foreign file is detected, never trusted, and compiling is
 * deterministic.  Matching: case rules, leftmost-longest, never inside a
 * word, normalised apostrophes and dashes, certainty, IDs, dictionary
 * forms, and later gazetteers overriding earlier ones.  Limits: keys
 * sorted in many tiny runs through temporary files give the same bytes as
 * one run in memory, and the temporary files' failures are reported.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gaz.h"
#include "spill.h"
#include "testutil.h"

static char dir[] = "/tmp/teitag-gaz-XXXXXX";
static char path_buf[8][1024];
static int n_paths;

/* Writes `content` to a new file in the scratch directory. */
static const char *write_file(const char *name, const char *content, size_t len) {
  char *p = path_buf[n_paths++ % 8];
  snprintf(p, 1024, "%s/%s", dir, name);
  FILE *f = fopen(p, "wb");
  ck_assert_ptr_nonnull(f);
  fwrite(content, 1, len, f);
  fclose(f);
  return p;
}

static const char *write_str(const char *name, const char *content) {
  return write_file(name, content, strlen(content));
}

/* ---- sources ------------------------------------------------------------- */

typedef struct {
  char text[4096];
  int n;
} reports;

static void collect(void *ctx, const char *file, size_t line, const char *msg) {
  reports *r = ctx;
  const char *base = strrchr(file, '/');
  size_t used = strlen(r->text);
  snprintf(r->text + used, sizeof r->text - used, "%s:%zu: %s\n",
           base ? base + 1 : file, line, msg);
  r->n++;
}

static const struct {
  const char *row;
  const char *reason;
} bad_rows[] = {
    {"Q1\tLOC\ten", "wrong number of columns"},
    {"Q1\tLOC\ten\tKyiv\tg=f\textra", "wrong number of columns"},
    {"Q1\tPLACE\ten\tKyiv", "unknown type"},
    {"Q1\tLOC\tde\tKiew", "unknown language"},
    {"1abc\tLOC\ten\tKyiv", "bad id"},
    {"Q1\tLOC\ten\t", "empty form"},
    {"Q1\tLOC\ten\t Kyiv", "starts or ends with a space"},
    {"Q1\tLOC\ten\tNew  York", "two spaces"},
    {"Q1\tLOC\tuk\tКиїв\tg=x", "unknown attribute"},
    {"Q1\tLOC\tuk\tКиїв\tinfl=two", "infl= needs a number"},
    {"Q1\tLOC\tuk\tКиїв\tstem=Києв", "stem= needs WORD>STEM"},
    {"Q1\tLOC\ten\t---", "no letter or digit"},
    {"Q1\tLOC\ten\tKy\xffiv", "invalid UTF-8"},
};

START_TEST(test_bad_rows) {
  char content[256];
  snprintf(content, sizeof content, "# a comment\n\nQ2\tLOC\ten\tLviv\n%s\n",
           bad_rows[_i].row);
  const char *p = write_str("bad.tsv", content);
  reports r = {{0}, 0};
  size_t n = 99;
  ck_assert_int_eq(teitag_gazetteer_check(&p, 1, collect, &r, &n), TEITAG_ESYNTAX);
  ck_assert_uint_eq(n, 1);
  ck_assert_msg(strstr(r.text, "bad.tsv:4: ") && strstr(r.text, bad_rows[_i].reason),
                "row %d: got '%s', want line 4 and '%s'", _i, r.text,
                bad_rows[_i].reason);
  /* the compiler refuses the same row and writes nothing */
  char out[1100];
  snprintf(out, sizeof out, "%s/bad.gaz", dir);
  unlink(out);
  teitag_diag diag;
  ck_assert_int_eq(teitag_gazetteer_compile(&p, 1, out, NULL, NULL, &diag),
                   TEITAG_ESYNTAX);
  ck_assert_int_ne(access(out, F_OK), 0);
}
END_TEST

START_TEST(test_conflicting_types) {
  const char *a = write_str("a.tsv", "org-x\tORG\ten\tAcme\n");
  const char *b = write_str("b.tsv", "Q9\tPER\ten\tJohn Roe\norg-x\tLOC\tuk\tАкме\n");
  const char *paths[2] = {a, b};
  reports r = {{0}, 0};
  size_t n;
  ck_assert_int_eq(teitag_gazetteer_check(paths, 2, collect, &r, &n), TEITAG_ESYNTAX);
  ck_assert_uint_eq(n, 1);
  ck_assert_msg(strstr(r.text, "b.tsv:2: id org-x is LOC here but ORG at"), "%s", r.text);
}
END_TEST

START_TEST(test_every_bad_row_reported) {
  const char *p = write_str("many.tsv", "Q1\tLOC\n\tLOC\ten\tX\nQ2\tXYZ\ten\tY\n"
                                        "Q3\tLOC\ten\tGood\nQ4\tLOC\tfr\tZ\n");
  reports r = {{0}, 0};
  size_t n;
  teitag_gazetteer_check(&p, 1, collect, &r, &n);
  ck_assert_uint_eq(n, 4);
  ck_assert(strstr(r.text, "many.tsv:1:") && strstr(r.text, "many.tsv:2:") &&
            strstr(r.text, "many.tsv:3:") && strstr(r.text, "many.tsv:5:"));
  ck_assert_ptr_null(strstr(r.text, "many.tsv:4:"));
}
END_TEST

START_TEST(test_missing_file) {
  const char *p = "/nonexistent/x.tsv";
  reports r = {{0}, 0};
  size_t n;
  ck_assert_int_eq(teitag_gazetteer_check(&p, 1, collect, &r, &n), TEITAG_ESYNTAX);
  ck_assert(strstr(r.text, "x.tsv:0: cannot open"));
}
END_TEST

/* ---- compiled files ------------------------------------------------------- */

static const char sample[] =
    "# id\ttype\tlang\tform\tattrs\n"
    "Q1899\tLOC\ten\tKyiv\n"
    "Q1899\tLOC\ten\tKiev\n"
    "Q1899\tLOC\tuk\tКиїв\tstem=Київ>Києв\n"
    "Q1899\tLOC\tru\tКиев\n"
    "Q30\tLOC\ten\tUS\n"
    "Q30\tLOC\ten\tUnited States\n"
    "org-bank\tORG\ten\tBank\n"
    "org-boe\tORG\ten\tBank of England\n"
    "org-cbr\tORG\tuk\tЦентральний банк Росії\tinfl=2\n"
    "Q159\tLOC\tuk\tРосія\n"
    "org-nato\tORG\ten\tNATO\n"
    "org-apple\tORG\ten\tiPhone\n"
    "loc-kam\tLOC\tuk\tКам'янець-Подільський\tstem=Кам'янець>Кам'янц\n"
    "loc-rnd\tLOC\tru\tРостов-на-Дону\n"
    "Q7747\tPER\tuk\tВолодимир Путін\tg=m\n"
    "Q7747\tPER\tuk\tПутін\tg=m\n"
    "loc-mena\tLOC\tuk\tМена\n"
    "loc-zor-obl\tLOC\tru\tЗорянская область\n"
    "loc-zor-r\tLOC\tuk\tЗорянський район\n";

static char *compile_sample(size_t *len) {
  const char *src = write_str("sample.tsv", sample);
  char out[1100];
  snprintf(out, sizeof out, "%s/sample.gaz", dir);
  teitag_diag diag;
  ck_assert_int_eq(teitag_gazetteer_compile(&src, 1, out, NULL, NULL, &diag), TEITAG_OK);
  ck_assert(strstr(diag.message, "19 rows"));
  FILE *f = fopen(out, "rb");
  tt_buf b = {NULL, 0, 0};
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    tt_buf_put(&b, chunk, n);
  fclose(f);
  return tt_buf_steal(&b, len);
}

START_TEST(test_deterministic) {
  size_t a_len, b_len;
  char *a = compile_sample(&a_len);
  char *b = compile_sample(&b_len);
  ck_assert_uint_eq(a_len, b_len);
  ck_assert_mem_eq(a, b, a_len);
  free(a);
  free(b);
}
END_TEST

/* Loads `bytes` as a compiled file and annotates a text that touches every
 * key, returning the status of the whole. */
static teitag_status load_and_use(const char *bytes, size_t len, teitag_diag *diag) {
  const char *p = write_file("damaged.gaz", bytes, len);
  teitag_pipeline *pl = teitag_pipeline_new();
  teitag_status st = teitag_pipeline_add_gazetteer(pl, p, diag);
  if (st == TEITAG_OK) {
    static const char text[] = "Kyiv Kiev US United States Bank of England NATO "
                               "Центрального банку Росії Путіним Києва";
    teitag_doc *doc = NULL;
    st = teitag_annotate(pl, text, sizeof text - 1, "t", &doc, diag);
    teitag_doc_free(doc);
  }
  teitag_pipeline_free(pl);
  return st;
}

START_TEST(test_damaged_files) {
  size_t len;
  char *good = compile_sample(&len);
  teitag_diag diag;
  ck_assert_int_eq(load_and_use(good, len, &diag), TEITAG_OK);
  /* truncated anywhere */
  size_t cuts[] = {0, 10, sizeof(tt_gz_header) - 1, sizeof(tt_gz_header) + 3, len / 2, len - 1};
  for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
    ck_assert_int_eq(load_and_use(good, cuts[i], &diag), TEITAG_EFORMAT);
    ck_assert(strstr(diag.message, "damaged.gaz"));
  }
  /* one flipped byte: in the header, in the block table, in the payload */
  char *bad = malloc(len);
  size_t flips[] = {3, 9, offsetof(tt_gz_header, n_keys), sizeof(tt_gz_header) + 2,
                    len / 3, len / 2, len - 5};
  for (size_t i = 0; i < sizeof flips / sizeof *flips; i++) {
    memcpy(bad, good, len);
    bad[flips[i]] ^= 0x20;
    ck_assert_msg(load_and_use(bad, len, &diag) == TEITAG_EFORMAT,
                  "flip at %zu not detected", flips[i]);
  }
  /* another version */
  memcpy(bad, good, len);
  uint32_t v = 99;
  memcpy(bad + offsetof(tt_gz_header, version), &v, 4);
  ck_assert_int_eq(load_and_use(bad, len, &diag), TEITAG_EFORMAT);
  ck_assert(strstr(diag.message, "another version"));
  free(bad);
  free(good);
}
END_TEST

/* ---- matching -------------------------------------------------------------- */

static teitag_pipeline *pipe_;

static void setup_pipe(void) {
  pipe_ = teitag_pipeline_new();
  teitag_pipeline_set_flags(pipe_, TEITAG_PIPE_NO_MONEY | TEITAG_PIPE_NO_RULES);
  const char *src = write_str("match.tsv", sample);
  teitag_diag diag;
  ck_assert_int_eq(teitag_pipeline_add_gazetteer(pipe_, src, &diag), TEITAG_OK);
}

static void teardown_pipe(void) { teitag_pipeline_free(pipe_); }

/* Spans as "text|TYPE|ref|norm|cert" joined by "; ". */
static char *spans_of(const char *text) {
  teitag_doc *doc;
  teitag_diag diag;
  ck_assert_int_eq(teitag_annotate(pipe_, text, strlen(text), "t", &doc, &diag),
                   TEITAG_OK);
  tt_buf b = {NULL, 0, 0};
  for (size_t i = 0; i < teitag_doc_n_spans(doc); i++) {
    teitag_span s;
    teitag_doc_span(doc, i, &s);
    tt_buf_printf(&b, "%s%.*s|%s|%s|%s|%s", i ? "; " : "", (int)(s.end - s.start),
                  text + s.start, teitag_type_name(s.type), s.ref, s.norm,
                  teitag_cert_name(s.cert));
  }
  teitag_doc_free(doc);
  return tt_buf_steal(&b, NULL);
}

static const struct {
  const char *text, *want;
} match_cases[] = {
    /* exact form: high; dictionary form and ID */
    {"Troops left Kyiv.", "Kyiv|LOC|Q1899|Kyiv|high"},
    {"Troops left Kiev.", "Kiev|LOC|Q1899|Kyiv|high"},
    /* the dictionary form is the text's language's where the ID has one,
     * whatever language the matched form is in */
    {"Войска покинули Kyiv и вернулись домой.", "Kyiv|LOC|Q1899|Киев|high"},
    {"Войска вышли из Києва и вернулись домой.", "Києва|LOC|Q1899|Киев|medium"},
    /* headlines in Title Case and ALL CAPS match */
    {"STRIKES ON KYIV", "KYIV|LOC|Q1899|Kyiv|high"},
    /* lower case common words do not; acronyms only in capitals */
    {"let us go to the bank", ""},
    {"Let US troops go, said the Bank", "US|LOC|Q30|US|high; Bank|ORG|org-bank|Bank|high"},
    {"STRIKES ON KYIV, LET US SEE", "KYIV|LOC|Q1899|Kyiv|high"},
    {"US troops left. Us too.", "US|LOC|Q30|US|high"},
    {"nato and Nato are not NATO", "NATO|ORG|org-nato|NATO|high"},
    /* mixed case exactly as written */
    {"an iPhone, not an IPHONE or iphone", "iPhone|ORG|org-apple|iPhone|high"},
    /* leftmost-longest */
    {"the Bank of England said", "Bank of England|ORG|org-boe|Bank of England|high"},
    {"the United States and the US", "United States|LOC|Q30|US|high; US|LOC|Q30|US|high"},
    /* never inside a word; the tokenizer parts a name from an English
     * participle after it, though */
    {"a Kyiv-style firm", ""},
    {"a Kyiv-based firm", "Kyiv|LOC|Q1899|Kyiv|high"},
    {"Kyivans", ""},
    /* inflection: medium, dictionary form reported */
    {"до Києва", "Києва|LOC|Q1899|Київ|medium"},
    {"активи Центрального банку Росії", "Центрального банку Росії|ORG|org-cbr|Центральний банк Росії|medium"},
    {"з Володимиром Путіним і Путіним", "Володимиром Путіним|PER|Q7747|Володимир Путін|medium; Путіним|PER|Q7747|Володимир Путін|medium"},
    /* apostrophes, hyphens and quotes normalised on both sides */
    {"у Кам’янці-Подільському", "Кам’янці-Подільському|LOC|loc-kam|Кам'янець-Подільський|medium"},
    {"в Ростове‑на‑Дону", "Ростове‑на‑Дону|LOC|loc-rnd|Ростов-на-Дону|medium"},
    {"«Київ уночі»", "Київ|LOC|Q1899|Київ|high"},
    /* ... but a place's name alone in quotes names something else */
    {"альбом «Київ»", ""},
    /* a function word opening a sentence is not a name ("Мені" is also a
     * form of the town Мена); the same word inside a sentence may be */
    {"Мені сказали. Новини з Мени, у Мені тихо.", "Мени|LOC|loc-mena|Мена|medium; Мені|LOC|loc-mena|Мена|medium"},
    /* a region's type word abbreviated, in every case of its adjective,
     * with the abbreviation's dot or without: medium, as generated */
    {"в Зорянской обл. и Зорянскую обл", "Зорянской обл.|LOC|loc-zor-obl|Зорянская область|medium; "
     "Зорянскую обл|LOC|loc-zor-obl|Зорянская область|medium"},
    {"у Зорянському р-ні, до Зорянського р-ну", "Зорянському р-ні|LOC|loc-zor-r|Зорянський район|medium; "
     "Зорянського р-ну|LOC|loc-zor-r|Зорянський район|medium"},
};

START_TEST(test_matching) {
  char *got = spans_of(match_cases[_i].text);
  ck_assert_msg(strcmp(got, match_cases[_i].want) == 0, "'%s': got '%s', want '%s'",
                match_cases[_i].text, got, match_cases[_i].want);
  free(got);
}
END_TEST

/* A form that two languages' rows share keeps the case of each: the
 * text's language picks (Russian locative, not Ukrainian vocative). */
START_TEST(test_shared_form_case) {
  const char *src = write_str("shared.tsv", "loc-zor\tLOC\tuk\tЗористан\n"
                                            "loc-zor\tLOC\tru\tЗористан\n");
  teitag_pipeline *p = teitag_pipeline_new();
  teitag_pipeline_set_flags(p, TEITAG_PIPE_NO_MONEY | TEITAG_PIPE_NO_RULES);
  ck_assert_int_eq(teitag_pipeline_set_lang(p, TEITAG_LANG_RU), TEITAG_OK);
  teitag_diag diag;
  ck_assert_int_eq(teitag_pipeline_add_gazetteer(p, src, &diag), TEITAG_OK);
  const char *text = "Выборы прошли в Зористане.";
  teitag_doc *doc;
  ck_assert_int_eq(teitag_annotate(p, text, strlen(text), "t", &doc, &diag), TEITAG_OK);
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 1);
  teitag_span s;
  teitag_doc_span(doc, 0, &s);
  ck_assert_msg(strstr(s.source, ":2 inflected loc") != NULL, "source: %s", s.source);
  teitag_doc_free(doc);
  teitag_pipeline_free(p);
}
END_TEST

START_TEST(test_override) {
  /* A later gazetteer wins where both match the same words. */
  const char *mine = write_str("mine.tsv", "my-bank\tPER\ten\tBank\n");
  teitag_diag diag;
  ck_assert_int_eq(teitag_pipeline_add_gazetteer(pipe_, mine, &diag), TEITAG_OK);
  char *got = spans_of("the Bank of England and the Bank");
  ck_assert_str_eq(got, "Bank of England|ORG|org-boe|Bank of England|high; "
                        "Bank|PER|my-bank|Bank|high");
  free(got);
  /* a broken user gazetteer is refused with its row */
  const char *broken = write_str("broken.tsv", "x\tLOC\ten\tOK\ny\tBAD\ten\tZ\n");
  ck_assert_int_eq(teitag_pipeline_add_gazetteer(pipe_, broken, &diag), TEITAG_ESYNTAX);
  ck_assert_msg(strstr(diag.message, "broken.tsv:2: unknown type"), "%s", diag.message);
}
END_TEST

static int count_match(void *ctx, const teitag_gazetteer_match *m) {
  tt_buf *b = ctx;
  tt_buf_printf(b, "%s %s via %s [%s]; ", m->ref, teitag_cert_name(m->cert), m->form,
                m->source);
  return 0;
}

START_TEST(test_lookup) {
  static const char text[] = "Центрального банку Росії";
  tt_buf b = {NULL, 0, 0};
  teitag_diag diag;
  ck_assert_int_eq(teitag_gazetteer_lookup(pipe_, text, sizeof text - 1, count_match,
                                           &b, &diag),
                   TEITAG_OK);
  ck_assert_msg(strstr(tt_buf_cstr(&b), "org-cbr medium via  "
                                        "[gazetteer:match.tsv:10 inflected gen]"),
                "%s", b.data);
  ck_assert_msg(strstr(b.data, "Q159 medium via  [gazetteer:match.tsv:11 inflected gen]"),
                "%s", b.data);
  tt_buf_free(&b);
}
END_TEST

START_TEST(test_standoff_names) {
  /* standOff lists an entity's dictionary form in every language */
  static const char text[] = "Troops left Kyiv.";
  teitag_doc *doc;
  ck_assert_int_eq(teitag_annotate(pipe_, text, sizeof text - 1, "t", &doc, NULL), TEITAG_OK);
  char *xml;
  size_t len;
  ck_assert_int_eq(teitag_render(doc, TEITAG_FORMAT_TEI, 0, &xml, &len, NULL), TEITAG_OK);
  ck_assert(strstr(xml, "<place xml:id=\"Q1899\"><placeName xml:lang=\"en\">Kyiv</placeName>"
                        "<placeName xml:lang=\"uk\">Київ</placeName>"
                        "<placeName xml:lang=\"ru\">Киев</placeName>"
                        "<idno type=\"wikidata\">Q1899</idno></place>"));
  teitag_free(xml);
  teitag_doc_free(doc);
}
END_TEST

/* ---- limits: sorting in runs, temporary files ----------------------------- */

typedef struct {
  uint64_t hash; /* spill.h sorts by the leading hash */
  uint32_t key;  /* then by this */
  uint32_t seq;  /* arrival, which must break the remaining ties */
} rec;

static int by_key(const void *a, const void *b) {
  const rec *x = a, *y = b;
  return x->key < y->key ? -1 : x->key > y->key;
}

static int by_hash_key_seq(const void *a, const void *b) {
  const rec *x = a, *y = b;
  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  int c = by_key(a, b);
  return c ? c : (x->seq < y->seq ? -1 : x->seq > y->seq);
}

/* Files in a directory, "." and ".." aside. */
static int count_files(const char *path) {
  DIR *d = opendir(path);
  ck_assert_ptr_nonnull(d);
  int n = 0;
  for (struct dirent *e; (e = readdir(d));)
    n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
  closedir(d);
  return n;
}

/* Runs of 7 records, many hashes equal: the merge gives one stable sort,
 * in memory and (_i == 1) through a temporary file, which is gone at
 * once. */
START_TEST(test_spill_merge) {
  char sub[1100], near[1200];
  snprintf(sub, sizeof sub, "%s/merge%d", dir, _i);
  ck_assert_int_eq(mkdir(sub, 0700), 0);
  snprintf(near, sizeof near, "%s/out", sub);
  tt_spill *s = tt_spill_new(_i ? near : NULL, 0);
  enum { N = 1000 };
  rec want[N];
  tt_runs r;
  tt_runs_init(&r, s, sizeof(rec), 7, by_key, 0);
  for (uint32_t i = 0; i < N; i++) {
    rec x = {(i * 7919u) % 97u * 0x9e3779b97f4a7c15ULL, i % 5, i};
    memcpy(tt_runs_push(&r), &x, sizeof x);
    want[i] = x;
  }
  tt_runs_flush(&r);
  ck_assert_uint_eq(r.n_runs, (N + 6) / 7);
  ck_assert_int_eq(count_files(sub), 0);
  qsort(want, N, sizeof *want, by_hash_key_seq);
  tt_merge *m = tt_merge_new(&r);
  size_t n = 0;
  for (const rec *x; (x = tt_merge_next(m)); n++) {
    ck_assert_uint_lt(n, N);
    ck_assert_msg(memcmp(x, &want[n], sizeof *x) == 0, "record %zu out of order", n);
  }
  ck_assert_uint_eq(n, N);
  tt_merge_free(m);
  tt_runs_free(&r);
  /* bare hashes, one of each kept */
  tt_runs u;
  tt_runs_init(&u, s, sizeof(uint64_t), 5, NULL, 1);
  for (uint64_t i = 0; i < N; i++) {
    uint64_t h = (i * 31) % 64;
    memcpy(tt_runs_push(&u), &h, sizeof h);
  }
  tt_runs_flush(&u);
  m = tt_merge_new(&u);
  n = 0;
  for (const uint64_t *h; (h = tt_merge_next(m)); n++)
    ck_assert_uint_eq(*h, n);
  ck_assert_uint_eq(n, 64);
  tt_merge_free(m);
  tt_runs_free(&u);
  ck_assert_int_eq(tt_spill_error(s, NULL), 0);
  tt_spill_free(s);
  ck_assert_int_eq(count_files(sub), 0);
}
END_TEST

/* Rows that fill many tiny runs: forms shared by several IDs and
 * languages (ties broken by priority), IDs with repeated forms (duplicate
 * keys), case forms, and two files (the later one wins). */
static void generated_rows(tt_gaz_rows *rows) {
  static const char *const given[] = {"Олена", "Петро", "Марія", "Іван"};
  static const char *const last[] = {"Петренко", "Коваль", "Шевченко"};
  static const char *const words[] = {"North", "Bank", "Acme", "Kyiv", "Union"};
  tt_buf a = {NULL, 0, 0}, b = {NULL, 0, 0};
  for (int i = 0; i < 150; i++) {
    tt_buf_printf(&a, "per-%d\tPER\tuk\t%s %s\n", i % 60, given[i % 4], last[i % 3]);
    tt_buf_printf(&a, "org-%d\tORG\ten\t%s %s\n", i % 45, words[i % 5], words[i / 5 % 5]);
    tt_buf_printf(&b, "loc-%d\tLOC\tru\tСеверная %s\n", i % 35, i % 2 ? "Дума" : "Гавань");
    tt_buf_printf(&b, "org-%d\tORG\tuk\t%s\n", i % 45, last[i % 3]);
  }
  ck_assert_uint_eq(tt_gaz_parse(rows, "a.tsv", a.data, a.len, NULL, NULL), 0);
  ck_assert_uint_eq(tt_gaz_parse(rows, "b.tsv", b.data, b.len, NULL, NULL), 0);
  tt_buf_free(&a);
  tt_buf_free(&b);
}

/* The same rows compiled in one run in memory, and in runs of a few keys
 * spilled to temporary files: the same bytes, and no file left behind. */
START_TEST(test_small_runs) {
  tt_gaz_rows rows;
  memset(&rows, 0, sizeof rows);
  generated_rows(&rows);
  tt_buf want = {NULL, 0, 0};
  ck_assert_int_eq(tt_gaz_compile(&rows, &want, NULL, NULL), TEITAG_OK);
  char sub[1100], out[1200];
  snprintf(sub, sizeof sub, "%s/runs", dir);
  ck_assert_int_eq(mkdir(sub, 0700), 0);
  snprintf(out, sizeof out, "%s/out.gaz", sub);
  tt_gaz_compiler *c = tt_gaz_compiler_new((const char *const *)rows.files,
                                           rows.n_files, out, NULL, NULL);
  tt_gaz_compiler_limits(c, 3, 5, 0);
  for (size_t i = 0; i < rows.n; i++)
    tt_gaz_compiler_add(c, &rows.rows[i]);
  teitag_diag diag;
  ck_assert_int_eq(tt_gaz_compiler_build(c, &diag), TEITAG_OK);
  int fd = open(out, O_RDWR | O_CREAT | O_TRUNC, 0600);
  ck_assert_int_ge(fd, 0);
  uint64_t size = 0;
  ck_assert_int_eq(tt_gaz_compiler_write(c, fd, NULL, &size, &diag), TEITAG_OK);
  tt_gaz_compiler_free(c);
  ck_assert_uint_eq(size, want.len);
  char *got = malloc(want.len);
  ck_assert_int_eq(pread(fd, got, want.len, 0), (ssize_t)want.len);
  close(fd);
  ck_assert_msg(memcmp(got, want.data, want.len) == 0, "images differ");
  ck_assert_int_eq(count_files(sub), 1);
  free(got);
  tt_buf_free(&want);
  tt_gaz_rows_free(&rows);
}
END_TEST

/* A temporary file that cannot be created is an error naming the output,
 * kept until asked for. */
START_TEST(test_spill_errors) {
  tt_spill *s = tt_spill_new("/nonexistent-teitag-dir/x.gaz", 0);
  tt_spill_append(s, "abc", 3);
  const char *what;
  ck_assert_int_eq(tt_spill_error(s, &what), ENOENT);
  ck_assert_str_eq(what, "create");
  char buf[3];
  ck_assert_int_eq(tt_spill_read(s, 0, buf, sizeof buf), 0);
  tt_spill_free(s);
  tt_gaz_rows rows;
  memset(&rows, 0, sizeof rows);
  ck_assert_uint_eq(tt_gaz_parse(&rows, "s.tsv", sample, strlen(sample), NULL, NULL), 0);
  tt_gaz_compiler *c = tt_gaz_compiler_new((const char *const *)rows.files, rows.n_files,
                                           "/nonexistent-teitag-dir/x.gaz", NULL, NULL);
  tt_gaz_compiler_limits(c, 3, 5, 0);
  for (size_t i = 0; i < rows.n; i++)
    tt_gaz_compiler_add(c, &rows.rows[i]);
  teitag_diag diag;
  ck_assert_int_eq(tt_gaz_compiler_build(c, &diag), TEITAG_EIO);
  ck_assert_msg(strstr(diag.message, "x.gaz: cannot create a temporary file"), "%s",
                diag.message);
  tt_gaz_compiler_free(c);
  tt_gaz_rows_free(&rows);
}
END_TEST

static void setup_dir(void) {
  if (!mkdtemp(dir))
    abort();
}

static Suite *gazetteer_suite(void) {
  Suite *s = suite_create("gazetteer");
  TCase *errors = tcase_create("errors");
  tcase_add_loop_test(errors, test_bad_rows, 0, (int)(sizeof bad_rows / sizeof *bad_rows));
  tcase_add_test(errors, test_conflicting_types);
  tcase_add_test(errors, test_every_bad_row_reported);
  tcase_add_test(errors, test_missing_file);
  tcase_add_test(errors, test_damaged_files);
  suite_add_tcase(s, errors);
  TCase *core = tcase_create("core");
  tcase_add_checked_fixture(core, setup_pipe, teardown_pipe);
  tcase_add_test(core, test_deterministic);
  tcase_add_loop_test(core, test_matching, 0, (int)(sizeof match_cases / sizeof *match_cases));
  tcase_add_test(core, test_override);
  tcase_add_test(core, test_shared_form_case);
  tcase_add_test(core, test_lookup);
  tcase_add_test(core, test_standoff_names);
  suite_add_tcase(s, core);
  TCase *limits = tcase_create("limits");
  tcase_add_loop_test(limits, test_spill_merge, 0, 2);
  tcase_add_test(limits, test_small_runs);
  tcase_add_test(limits, test_spill_errors);
  suite_add_tcase(s, limits);
  return s;
}

int main(void) {
  setup_dir();
  SRunner *sr = srunner_create(gazetteer_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  if (system(cmd) != 0)
    failed++;
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
