/* SPDX-License-Identifier: MIT
 *
 * testutil.h -- helpers shared by the Check unit tests.
 *
 * Inputs are copied into exactly-sized heap buffers without a terminating
 * NUL, so that AddressSanitizer and valgrind catch any read past the end
 * (the technique of utf8proc's tests).
 */
#ifndef TEITAG_TESTUTIL_H
#define TEITAG_TESTUTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"

static inline char *tu_copy(const char *s, size_t len) {
  char *p = malloc(len ? len : 1);
  memcpy(p, s, len);
  return p;
}

/* Builds a document (no annotation) from `len` bytes; fails the test when
 * the library refuses them. */
static inline teitag_doc *tu_doc_n(const teitag_pipeline *p, const char *s,
                                   size_t len) {
  char *copy = tu_copy(s, len);
  teitag_doc *doc = NULL;
  teitag_diag diag;
  teitag_status st = teitag_doc_from_bytes(p, copy, len, "test", &doc, &diag);
  free(copy);
  ck_assert_msg(st == TEITAG_OK, "doc_from_bytes failed: %s", diag.message);
  return doc;
}

static inline teitag_doc *tu_doc(const teitag_pipeline *p, const char *s) {
  return tu_doc_n(p, s, strlen(s));
}

/* Byte offset of the first occurrence of `needle` in the document text. */
static inline size_t tu_find(const teitag_doc *doc, const char *needle) {
  const char *hit = strstr(doc->text, needle);
  ck_assert_msg(hit != NULL, "'%s' not in text", needle);
  return (size_t)(hit - doc->text);
}

#define TU_MAIN(make_suite)                                                   \
  int main(void) {                                                            \
    SRunner *sr = srunner_create(make_suite());                               \
    srunner_run_all(sr, CK_NORMAL);                                           \
    int failed = srunner_ntests_failed(sr);                                   \
    srunner_free(sr);                                                         \
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;                              \
  }

#endif
