/* SPDX-License-Identifier: MIT
 *
 * hashset.c -- a set of 64-bit key hashes, open addressing.
 *
 * The gazetteer compiler counts the distinct first tokens of its keys
 * with it, and name propagation remembers which words it has seen.
 * Hashes are already well mixed, so a slot is the hash's low bits.
 */
#include "config.h"

#include <stdlib.h>

#include "private.h"

int tt_hash_set_add(tt_hash_set *s, uint64_t v, size_t max) {
  if (v == 0) { /* 0 marks an empty slot: kept aside */
    int added = !s->zero;
    s->zero = 1;
    return added;
  }
  if ((s->n + 1) * 2 > s->cap && s->n < max) {
    size_t cap = s->cap ? s->cap * 2 : 256;
    uint64_t *t = tt_xcalloc(cap, sizeof *t);
    for (size_t i = 0; i < s->cap; i++)
      if (s->slots[i]) {
        size_t h = (size_t)s->slots[i] & (cap - 1);
        while (t[h])
          h = (h + 1) & (cap - 1);
        t[h] = s->slots[i];
      }
    free(s->slots);
    s->slots = t;
    s->cap = cap;
  }
  if (!s->cap)
    return 0; /* max == 0 */
  size_t h = (size_t)v & (s->cap - 1);
  while (s->slots[h] && s->slots[h] != v)
    h = (h + 1) & (s->cap - 1);
  if (s->slots[h] || s->n >= max)
    return 0;
  s->slots[h] = v;
  s->n++;
  return 1;
}

int tt_hash_set_has(const tt_hash_set *s, uint64_t v) {
  if (v == 0)
    return s->zero;
  if (!s->cap)
    return 0;
  size_t h = (size_t)v & (s->cap - 1);
  while (s->slots[h] && s->slots[h] != v)
    h = (h + 1) & (s->cap - 1);
  return s->slots[h] == v;
}

void tt_hash_set_free(tt_hash_set *s) {
  free(s->slots);
  s->slots = NULL;
  s->cap = s->n = 0;
  s->zero = 0;
}
