/* SPDX-License-Identifier: MIT
 *
 * check_decode.c -- input decoding: UTF-8 validation with byte offsets, BOMs,
 * UTF-16, CRLF, and the refusal of NUL bytes and binary data.
 */
#include "config.h"

#include "testutil.h"

static teitag_pipeline *pipe_;

static void setup(void) { pipe_ = teitag_pipeline_new(); }
static void teardown(void) { teitag_pipeline_free(pipe_); }

/* Each case: bytes, their length, the status, and (for errors) the byte
 * offset the diagnostic must name, or (for success) the decoded text. */
static const struct {
  const char *in;
  size_t len;
  teitag_status st;
  size_t offset;
  const char *text;
} cases[] = {
    {"plain ASCII", 11, TEITAG_OK, 0, "plain ASCII"},
    {"\xEF\xBB\xBF\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2", 11, TEITAG_OK, 0,
     "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2"}, /* BOM + Київ */
    {"line\r\nnext\r\n", 12, TEITAG_OK, 0, "line\r\nnext\r\n"},
    {"ab\xC3", 3, TEITAG_EUTF8, 2, NULL},             /* truncated */
    {"\xC0\xAF", 2, TEITAG_EUTF8, 0, NULL},           /* overlong '/' */
    {"ok \xED\xA0\x80", 6, TEITAG_EUTF8, 3, NULL},    /* surrogate */
    {"\xF4\x90\x80\x80", 4, TEITAG_EUTF8, 0, NULL},   /* above U+10FFFF */
    {"\xEF\xBB\xBF" "a\xFF", 5, TEITAG_EUTF8, 4, NULL}, /* offset counts BOM */
    {"abcdefghij\x80xyz", 14, TEITAG_EUTF8, 10, NULL}, /* past the fast path */
    {"abc\0def", 7, TEITAG_EBINARY, 3, NULL},
    {"a\x01" "b", 3, TEITAG_EBINARY, 1, NULL},
    {"page\x0c" "break", 10, TEITAG_EBINARY, 4, NULL}, /* form feed */
    {"x\xEF\xBF\xBE", 4, TEITAG_EBINARY, 1, NULL},     /* U+FFFE */
    /* UTF-16LE "Київ" and UTF-16BE "a😀" (a surrogate pair) */
    {"\xFF\xFE\x1A\x04\x38\x04\x57\x04\x32\x04", 10, TEITAG_OK, 0,
     "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2"},
    {"\xFE\xFF\x00" "a\xD8\x3D\xDE\x00", 8, TEITAG_OK, 0, "a\xF0\x9F\x98\x80"},
    {"\xFF\xFE" "a\x00" "b", 5, TEITAG_EUTF8, 4, NULL}, /* odd length */
    {"\xFE\xFF\x00" "a\xDC\x00\x00" "b", 8, TEITAG_EUTF8, 4, NULL}, /* lone low */
    /* U+0000: the offset is in the input (BOM, "a"), not in the UTF-8 */
    {"\xFF\xFE" "a\x00\x00\x00", 6, TEITAG_EBINARY, 4, NULL},
};

START_TEST(test_decode_cases) {
  char *copy = tu_copy(cases[_i].in, cases[_i].len);
  teitag_doc *doc = NULL;
  teitag_diag diag;
  teitag_status st =
      teitag_doc_from_bytes(pipe_, copy, cases[_i].len, "in.txt", &doc, &diag);
  free(copy);
  ck_assert_msg(st == cases[_i].st, "case %d: status %d (%s), want %d", _i,
                st, st ? diag.message : "", cases[_i].st);
  if (st == TEITAG_OK) {
    size_t len;
    const char *text = teitag_doc_text(doc, &len);
    ck_assert_uint_eq(len, strlen(cases[_i].text));
    ck_assert_mem_eq(text, cases[_i].text, len);
  } else {
    ck_assert_ptr_null(doc);
    ck_assert_uint_eq(diag.offset, cases[_i].offset);
    /* The message names the offset in words too. */
    char want[32];
    snprintf(want, sizeof want, "offset %zu", cases[_i].offset);
    ck_assert_msg(strstr(diag.message, want), "case %d: '%s' lacks '%s'", _i,
                  diag.message, want);
  }
  teitag_doc_free(doc);
}
END_TEST

START_TEST(test_empty_input) {
  teitag_doc *doc = tu_doc_n(pipe_, "", 0);
  ck_assert_uint_eq(teitag_doc_n_paragraphs(doc), 0);
  ck_assert_uint_eq(teitag_doc_n_tokens(doc), 0);
  teitag_doc_free(doc);
}
END_TEST

START_TEST(test_header_facts) {
  /* The TEI header reports the input's size, encoding and fingerprint. */
  teitag_doc *doc = tu_doc(pipe_, "abc");
  ck_assert_uint_eq(doc->input_bytes, 3);
  ck_assert_str_eq(doc->encoding, "UTF-8");
  /* SHA-256("abc") from FIPS 180-2, appendix B.1 */
  static const unsigned char abc[4] = {0xba, 0x78, 0x16, 0xbf};
  ck_assert_mem_eq(doc->sha256, abc, 4);
  teitag_doc_free(doc);
}
END_TEST

START_TEST(test_sha256_long) {
  /* FIPS 180-2 B.3: one million 'a' ends in ...04 6e ... c7 d3 c2 43 */
  tt_sha256 c;
  tt_sha256_init(&c);
  char chunk[1001];
  memset(chunk, 'a', sizeof chunk);
  for (int i = 0; i < 1000; i++)
    tt_sha256_update(&c, chunk, i % 2 ? 999 : 1001);
  unsigned char out[32];
  tt_sha256_final(&c, out);
  static const unsigned char head[4] = {0xcd, 0xc7, 0x6e, 0x5c};
  ck_assert_mem_eq(out, head, 4);
}
END_TEST

/* The processor's SHA instructions (where there are any) and the portable
 * code agree for every length around the block size and for long inputs
 * fed in uneven pieces. */
START_TEST(test_sha256_paths_agree) {
  unsigned char data[3000];
  for (size_t i = 0; i < sizeof data; i++)
    data[i] = (unsigned char)(i * 131 + (i >> 7));
  for (size_t len = 0; len < sizeof data; len += len < 300 ? 1 : 97) {
    unsigned char out[2][32];
    for (int portable = 0; portable < 2; portable++) {
      tt_sha256_portable = portable;
      tt_sha256 c;
      tt_sha256_init(&c);
      for (size_t at = 0; at < len; at += 77)
        tt_sha256_update(&c, data + at, len - at < 77 ? len - at : 77);
      tt_sha256_final(&c, out[portable]);
    }
    tt_sha256_portable = 0;
    ck_assert_msg(memcmp(out[0], out[1], 32) == 0, "length %zu differs", len);
  }
}
END_TEST

START_TEST(test_utf8_check_all_lengths) {
  /* Every valid sequence length, at every alignment of the 8-byte scan. */
  const char *valid = "a\xD0\x96\xE2\x82\xAC\xF0\x9F\x98\x80";
  char buf[32];
  for (size_t pad = 0; pad < 9; pad++) {
    memset(buf, 'x', pad);
    memcpy(buf + pad, valid, 10);
    ck_assert_uint_eq(tt_utf8_check((const unsigned char *)buf, pad + 10),
                      pad + 10);
    buf[pad + 2] = 'x'; /* break the 2-byte sequence */
    ck_assert_uint_eq(tt_utf8_check((const unsigned char *)buf, pad + 10),
                      pad + 1);
  }
}
END_TEST

static Suite *decode_suite(void) {
  Suite *s = suite_create("decode");
  TCase *core = tcase_create("core");
  tcase_add_checked_fixture(core, setup, teardown);
  tcase_add_loop_test(core, test_decode_cases, 0,
                      (int)(sizeof cases / sizeof *cases));
  tcase_add_test(core, test_empty_input);
  tcase_add_test(core, test_header_facts);
  tcase_add_test(core, test_sha256_long);
  tcase_add_test(core, test_sha256_paths_agree);
  tcase_add_test(core, test_utf8_check_all_lengths);
  suite_add_tcase(s, core);
  return s;
}

TU_MAIN(decode_suite)
