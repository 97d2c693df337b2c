/* SPDX-License-Identifier: MIT
 *
 * check_stream.c -- teitag_stream: an input fed in blocks of any size gives
 * the same entities as annotating each of its parts on its own (offsets
 * counted from the start of the input), a small input gives exactly what
 * teitag_annotate gives, and paragraphs longer than a part are continued,
 * not broken, whatever the block size.  A test annotator (every title-case
 * word is a PER) stands in for the real ones, so that there are entities
 * to compare.
 */
#include "config.h"

#include "testutil.h"

/* The stand-in annotator: each title-case word becomes a PER. */
static teitag_status title_words(teitag_doc *doc, void *ctx,
                                 teitag_diag *diag) {
  (void)ctx;
  for (size_t i = 0; i < teitag_doc_n_tokens(doc); i++) {
    teitag_token t;
    teitag_doc_token(doc, i, &t);
    if (t.kind != TEITAG_TOKEN_WORD || t.letter_case != TEITAG_CASE_TITLE)
      continue;
    teitag_span sp;
    memset(&sp, 0, sizeof sp);
    sp.start = t.start;
    sp.end = t.end;
    sp.type = TEITAG_TYPE_PER;
    sp.cert = TEITAG_CERT_LOW;
    teitag_status st = teitag_doc_add_span(doc, &sp, diag);
    if (st != TEITAG_OK)
      return st;
  }
  return TEITAG_OK;
}

static teitag_pipeline *pipe_;

static void setup(void) {
  pipe_ = teitag_pipeline_new();
  teitag_pipeline_add_annotator(pipe_, title_words, NULL);
}
static void teardown(void) { teitag_pipeline_free(pipe_); }

static int buf_sink(void *ctx, const char *data, size_t len) {
  tt_buf_put(ctx, data, len);
  return 0;
}

/* A text of `n` paragraphs in two languages, with blank lines. */
static char *make_text(size_t n, size_t *len) {
  static const char *const lines[] = {
      "The council of Lviv met on Monday and Olena Petrenko spoke first.",
      "Рада Полтави зібралася в понеділок, і першим виступив Андрій Коваль.",
      "Совет Самары собрался утром; первым выступил Игорь Лебедев.",
      "Nothing of note happened in the afternoon session.",
  };
  tt_buf b = {NULL, 0, 0};
  for (size_t i = 0; i < n; i++) {
    tt_buf_printf(&b, "%zu. %s %s\n", i, lines[i % 4], lines[(i * 7) % 4]);
    if (i % 3 == 2)
      tt_buf_putc(&b, '\n');
  }
  return tt_buf_steal(&b, len);
}

/* Feeds `text` to a stream in blocks of `block` bytes; returns the output. */
static char *stream_out(const char *text, size_t len, size_t part,
                        size_t block, teitag_format fmt, size_t *n_parts,
                        size_t *parts_out, size_t cap_parts) {
  tt_buf out = {NULL, 0, 0};
  teitag_writer *w;
  teitag_writer_new(fmt, 0, buf_sink, &out, &w);
  teitag_stream *s;
  ck_assert_int_eq(teitag_stream_new(pipe_, "in.txt", w, &s), TEITAG_OK);
  teitag_stream_set_part_size(s, part);
  teitag_diag diag;
  for (size_t at = 0; at < len; at += block) {
    size_t n = len - at < block ? len - at : block;
    char *copy = tu_copy(text + at, n);
    teitag_status st = teitag_stream_feed(s, copy, n, &diag);
    free(copy);
    ck_assert_msg(st == TEITAG_OK, "feed: %s", diag.message);
  }
  ck_assert_msg(teitag_stream_finish(s, &diag) == TEITAG_OK, "finish: %s",
                diag.message);
  *n_parts = teitag_stream_n_parts(s);
  for (size_t i = 0; i < *n_parts && i < cap_parts; i++)
    teitag_stream_part(s, i, &parts_out[2 * i], &parts_out[2 * i + 1]);
  teitag_stream_free(s);
  ck_assert_int_eq(teitag_writer_finish(w, &diag), TEITAG_OK);
  teitag_writer_free(w);
  size_t n;
  return tt_buf_steal(&out, &n);
}

/* The entities of a JSONL line as "start-end-TYPE;" text, shifted by
 * `shift` code points. */
static void entities_of(const char *line, size_t shift, tt_buf *out) {
  teitag_diag diag;
  tt_json *root = tt_json_parse(line, strlen(line), &diag);
  ck_assert_msg(root != NULL, "JSONL: %s", diag.message);
  const tt_json *ents = tt_json_get(root, "entities");
  ck_assert_ptr_nonnull(ents);
  for (const tt_json *e = ents->child; e; e = e->next) {
    size_t start = strtoul(tt_json_get(e, "start")->str, NULL, 10);
    size_t end = strtoul(tt_json_get(e, "end")->str, NULL, 10);
    tt_buf_printf(out, "%zu-%zu-%s;", start + shift, end + shift,
                  tt_json_get(e, "type")->str);
  }
  tt_json_free(root);
}

/* Feeding in parts == annotating each part alone, for several part and
 * block sizes. */
static const struct {
  size_t part, block;
} sizes[] = {{4096, 1}, {4096, 777}, {4096, 1 << 20}, {9000, 4096},
             {65536, 10000}};

START_TEST(test_parts_equal_separate) {
  size_t len;
  char *text = make_text(400, &len);
  size_t n_parts, parts[2 * 512];
  char *line = stream_out(text, len, sizes[_i].part, sizes[_i].block,
                          TEITAG_FORMAT_JSONL, &n_parts, parts, 512);
  ck_assert_uint_gt(n_parts, 1);
  ck_assert_uint_le(n_parts, 512);
  ck_assert_ptr_nonnull(strchr(line, '\n'));
  ck_assert_msg(strchr(line, '\n')[1] == '\0', "one line per input");
  tt_buf got = {NULL, 0, 0}, want = {NULL, 0, 0};
  entities_of(line, 0, &got);
  size_t prev_end = 0;
  for (size_t i = 0; i < n_parts; i++) {
    size_t start = parts[2 * i], end = parts[2 * i + 1];
    ck_assert_uint_eq(start, prev_end); /* parts tile the text */
    ck_assert_uint_le(end - start, sizes[_i].part);
    prev_end = end;
    teitag_doc *doc;
    teitag_diag diag;
    ck_assert_int_eq(teitag_annotate(pipe_, text + start, end - start, "in.txt",
                                     &doc, &diag),
                     TEITAG_OK);
    char *one;
    size_t one_len;
    ck_assert_int_eq(teitag_render(doc, TEITAG_FORMAT_JSONL, 0, &one, &one_len,
                                   &diag),
                     TEITAG_OK);
    entities_of(one, tt_utf8_count(text, start), &want);
    teitag_free(one);
    teitag_doc_free(doc);
  }
  ck_assert_uint_eq(prev_end, len);
  ck_assert_uint_gt(got.len, 1000);
  ck_assert_str_eq(tt_buf_cstr(&got), tt_buf_cstr(&want));
  tt_buf_free(&got);
  tt_buf_free(&want);
  free(line);
  free(text);
}
END_TEST

/* An input of one part is the document teitag_annotate makes, byte for
 * byte (sha256 included). */
START_TEST(test_small_input_is_one_document) {
  const char *text = "Kyiv is large.\n\nOdesa is by the sea.\n";
  size_t n_parts, parts[2];
  char *tei = stream_out(text, strlen(text), 4096, 5, TEITAG_FORMAT_TEI,
                         &n_parts, parts, 1);
  teitag_doc *doc;
  teitag_diag diag;
  ck_assert_int_eq(teitag_annotate(pipe_, text, strlen(text), "in.txt", &doc,
                                   &diag),
                   TEITAG_OK);
  char *want;
  size_t want_len;
  teitag_render(doc, TEITAG_FORMAT_TEI, 0, &want, &want_len, &diag);
  ck_assert_str_eq(tei, want);
  ck_assert_uint_eq(n_parts, 1);
  teitag_free(want);
  teitag_doc_free(doc);
  free(tei);
}
END_TEST

static size_t count(const char *s, const char *what) {
  size_t n = 0;
  for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
    n++;
  return n;
}

/* Paragraphs longer than a part: one line of words, and one line with no
 * white space at all (two-byte letters, so a cut could split one).  Each
 * stays one <p>, and its words are all found. */
START_TEST(test_long_paragraph_continues) {
  tt_buf b = {NULL, 0, 0};
  tt_buf_puts(&b, "Short first paragraph.\n");
  for (int i = 0; i < 3000; i++)
    tt_buf_printf(&b, "Word%d and ", i);
  tt_buf_puts(&b, "\nЖ");
  for (int i = 0; i < 7000; i++)
    tt_buf_puts(&b, "ж");
  tt_buf_puts(&b, "\nLast paragraph.\n");
  size_t n_parts, parts[2 * 64];
  char *tei = stream_out(b.data, b.len, 4096, 1000, TEITAG_FORMAT_TEI,
                         &n_parts, parts, 64);
  ck_assert_uint_gt(n_parts, 8);
  ck_assert_uint_eq(count(tei, "<p>") + count(tei, "<p xml:lang") - 2, 4);
  ck_assert_uint_eq(count(tei, "</p>") - 2, 4);
  ck_assert_uint_eq(count(tei, "<persName"), 3000 + 3);
  ck_assert_ptr_nonnull(strstr(tei, "Word2999</persName> and </p>"));
  free(tei);
  char *line = stream_out(b.data, b.len, 4096, 1000, TEITAG_FORMAT_JSONL,
                          &n_parts, parts, 64);
  tt_buf got = {NULL, 0, 0};
  entities_of(line, 0, &got);
  ck_assert_uint_eq(count(tt_buf_cstr(&got), ";"), 3000 + 3);
  tt_buf_free(&got);
  free(line);
  tt_buf_free(&b);
}
END_TEST

/* The stream refuses bad input with the offset in the whole input, and
 * keeps refusing. */
START_TEST(test_error_offset_in_input) {
  tt_buf b = {NULL, 0, 0};
  for (int i = 0; i < 2000; i++)
    tt_buf_puts(&b, "Line of plain text.\n");
  size_t bad_at = b.len + 3;
  tt_buf_puts(&b, "abc\xFFxyz\n");
  tt_buf out = {NULL, 0, 0};
  teitag_writer *w;
  teitag_writer_new(TEITAG_FORMAT_TEI, 0, buf_sink, &out, &w);
  teitag_stream *s;
  teitag_stream_new(pipe_, "in.txt", w, &s);
  teitag_stream_set_part_size(s, 4096);
  teitag_diag diag;
  teitag_status st = teitag_stream_feed(s, b.data, b.len, &diag);
  if (st == TEITAG_OK)
    st = teitag_stream_finish(s, &diag);
  ck_assert_int_eq(st, TEITAG_EUTF8);
  ck_assert_uint_eq(diag.offset, bad_at);
  ck_assert_int_eq(teitag_stream_feed(s, "more", 4, &diag), TEITAG_EUTF8);
  teitag_stream_free(s);
  teitag_writer_free(w);
  tt_buf_free(&out);
  tt_buf_free(&b);
}
END_TEST

static Suite *stream_suite(void) {
  Suite *s = suite_create("stream");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_loop_test(tc, test_parts_equal_separate, 0,
                      sizeof sizes / sizeof *sizes);
  tcase_add_test(tc, test_small_input_is_one_document);
  tcase_add_test(tc, test_long_paragraph_continues);
  suite_add_tcase(s, tc);
  TCase *te = tcase_create("errors");
  tcase_add_checked_fixture(te, setup, teardown);
  tcase_add_test(te, test_error_offset_in_input);
  suite_add_tcase(s, te);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(stream_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
