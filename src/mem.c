/* SPDX-License-Identifier: MIT
 *
 * mem.c -- allocation that aborts with a message instead of returning NULL.
 *
 * Out-of-memory is not an error the library reports: once malloc fails a
 * tagger has nothing useful to do, and hand-written ENOMEM paths in every
 * function would be the least tested code in it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "private.h"

static void out_of_memory(size_t size) {
  fprintf(stderr, "teitag: out of memory (allocating %zu bytes)\n", size);
  abort();
}

void *tt_xmalloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p)
    out_of_memory(size);
  return p;
}

void *tt_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p)
    out_of_memory(n * size);
  return p;
}

void *tt_xrealloc(void *ptr, size_t size) {
  void *p = realloc(ptr, size ? size : 1);
  if (!p)
    out_of_memory(size);
  return p;
}

void *tt_xcalloc_table(size_t n, size_t size) {
#ifdef MADV_HUGEPAGE
  /* Transparent huge pages come to 2 MiB-aligned ranges that ask. */
  size_t huge = (size_t)2 << 20;
  if (n && size && n <= ((size_t)-1) / size && n * size >= huge) {
    void *p;
    if (posix_memalign(&p, huge, n * size) != 0)
      out_of_memory(n * size);
    madvise(p, n * size, MADV_HUGEPAGE); /* a hint: failure is harmless */
    memset(p, 0, n * size);
    return p;
  }
#endif
  return tt_xcalloc(n, size);
}

char *tt_xstrndup(const char *s, size_t len) {
  char *p = tt_xmalloc(len + 1);
  memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

char *tt_xstrdup(const char *s) { return tt_xstrndup(s, strlen(s)); }

void *tt_xcheck(void *p) {
  if (!p)
    out_of_memory(0);
  return p;
}

void tt_grow(void **ptr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap)
    return;
  size_t n = *cap ? *cap : 16;
  while (n < need) {
    if (n > ((size_t)-1) / 2 / elem)
      out_of_memory(need * elem);
    n *= 2;
  }
  *ptr = tt_xrealloc(*ptr, n * elem);
  *cap = n;
}

void teitag_free(void *ptr) { free(ptr); }
