/* SPDX-License-Identifier: MIT
 *
 * check_corpus.c -- the gold annotations of corpus/ stay consistent with
 * the articles: every gold line's text is its file's content, every
 * entity's offsets (code points) cover exactly its "text", entities are
 * sorted and flat, and money has a plain decimal amount (or range) and an
 * ISO 4217 code.  Hand edits to either file are caught here.
 */
#include "config.h"

#include <stdio.h>

#include "testutil.h"

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  tt_buf b = {NULL, 0, 0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    tt_buf_put(&b, chunk, n);
  fclose(f);
  return tt_buf_steal(&b, len);
}

static int plain_decimal(const tt_json *v) {
  if (!v || v->kind != TT_JSON_STRING || !v->len)
    return 0;
  size_t dots = 0;
  for (size_t i = 0; i < v->len; i++) {
    if (v->str[i] == '.' && !dots++ && i > 0 && i + 1 < v->len)
      continue;
    if (v->str[i] < '0' || v->str[i] > '9')
      return 0;
  }
  return !(v->str[0] == '0' && v->len > 1 && v->str[1] != '.');
}

static const char *top(void) {
  const char *t = getenv("top_srcdir");
  return t ? t : "..";
}

START_TEST(test_gold_matches_articles) {
  char path[1024];
  snprintf(path, sizeof path, "%s/corpus/gold.jsonl", top());
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  char *line = NULL;
  size_t cap = 0, docs = 0, entities = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, f)) > 0) {
    docs++;
    teitag_diag diag;
    tt_json *v = tt_json_parse(line, (size_t)n, &diag);
    ck_assert_msg(v != NULL, "gold line %zu: %s", docs, diag.message);
    const tt_json *id = tt_json_get(v, "id"), *text = tt_json_get(v, "text");
    ck_assert(id && text && id->kind == TT_JSON_STRING);
    snprintf(path, sizeof path, "%s/corpus/%s.txt", top(), id->str);
    size_t len;
    char *file = read_all(path, &len);
    ck_assert_msg(file != NULL, "%s: no article file", id->str);
    ck_assert_msg(len == text->len && memcmp(file, text->str, len) == 0,
                  "%s: gold text differs from %s", id->str, path);
    free(file);
    /* code point -> byte offsets */
    size_t n_cp = tt_utf8_count(text->str, text->len);
    size_t *off = malloc((n_cp + 1) * sizeof *off);
    for (size_t i = 0, k = 0; i < text->len; i++)
      if (((unsigned char)text->str[i] & 0xC0) != 0x80)
        off[k++] = i;
    off[n_cp] = text->len;
    size_t prev_end = 0;
    for (const tt_json *e = tt_json_get(v, "entities")->child; e; e = e->next) {
      entities++;
      size_t s = strtoul(tt_json_get(e, "start")->str, NULL, 10);
      size_t t = strtoul(tt_json_get(e, "end")->str, NULL, 10);
      const tt_json *et = tt_json_get(e, "text"), *ty = tt_json_get(e, "type");
      ck_assert_msg(s < t && t <= n_cp && s >= prev_end,
                    "%s: entity %zu-%zu unsorted, overlapping or outside",
                    id->str, s, t);
      prev_end = t;
      ck_assert_msg(et->len == off[t] - off[s] &&
                        memcmp(et->str, text->str + off[s], et->len) == 0,
                    "%s: entity %zu-%zu is not \"%s\"", id->str, s, t, et->str);
      teitag_type type = teitag_type_from_name(ty->str);
      ck_assert_msg(type != TEITAG_TYPE_NONE, "%s: type %s", id->str, ty->str);
      if (type == TEITAG_TYPE_MONEY) {
        const tt_json *cur = tt_json_get(e, "currency");
        ck_assert_msg(cur && cur->len == 3, "%s: \"%s\" has no currency",
                      id->str, et->str);
        ck_assert_msg(plain_decimal(tt_json_get(e, "amount")) ||
                          (plain_decimal(tt_json_get(e, "amount_min")) &&
                           plain_decimal(tt_json_get(e, "amount_max"))),
                      "%s: \"%s\" has no plain decimal amount", id->str, et->str);
      }
    }
    free(off);
    tt_json_free(v);
  }
  free(line);
  fclose(f);
  ck_assert_uint_ge(docs, 15);
  ck_assert_uint_ge(entities, 300);
}
END_TEST

static Suite *corpus_suite(void) {
  Suite *s = suite_create("corpus");
  TCase *core = tcase_create("core");
  tcase_add_test(core, test_gold_matches_articles);
  suite_add_tcase(s, core);
  return s;
}

TU_MAIN(corpus_suite)
