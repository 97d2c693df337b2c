/* SPDX-License-Identifier: MIT
 *
 * lexicon.c -- filling the read-only key tables of lexicon.h.
 *
 * Only the build side lives here; lookups are inline in the header.  The
 * table doubles when it is half full, so probes stay short.  Nothing here
 * is thread-safe: owners fill their tables under pthread_once.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

static void insert_slot(tt_lex_slot *slots, size_t mask, const tt_lex_slot *s) {
  size_t i = (size_t)s->hash & mask;
  while (slots[i].hash)
    i = (i + 1) & mask;
  slots[i] = *s;
}

static void grow(tt_lex *lex) {
  size_t cap = lex->slots ? (lex->mask + 1) * 2 : 64;
  tt_lex_slot *slots = tt_xcalloc(cap, sizeof *slots);
  if (lex->slots)
    for (size_t i = 0; i <= lex->mask; i++)
      if (lex->slots[i].hash)
        insert_slot(slots, cap - 1, &lex->slots[i]);
  free(lex->slots);
  lex->slots = slots;
  lex->mask = cap - 1;
}

int tt_lex_put(tt_lex *lex, const char *key, size_t len, uint32_t value) {
  uint64_t h = tt_hash_bytes(key, len);
  uint32_t old;
  if (tt_lex_get(lex, h, key, len, &old))
    return 0;
  if (!lex->slots || (lex->n + 1) * 2 > lex->mask + 1)
    grow(lex);
  tt_lex_slot s;
  s.hash = h ? h : 1; /* 0 marks empty slots */
  s.key = (uint32_t)lex->keys.len;
  s.len = (uint32_t)len;
  s.value = value;
  tt_buf_put(&lex->keys, key, len);
  insert_slot(lex->slots, lex->mask, &s);
  unsigned bit = (unsigned)(s.hash >> 52);
  lex->filter[bit >> 6] |= (uint64_t)1 << (bit & 63);
  lex->n++;
  return 1;
}

int tt_lex_put_text(tt_lex *lex, const char *text, uint32_t value) {
  tt_buf key = {NULL, 0, 0};
  tt_key_append(&key, text, strlen(text));
  int added = tt_lex_put(lex, key.data ? key.data : "", key.len, value);
  tt_buf_free(&key);
  return added;
}

void tt_lex_free(tt_lex *lex) {
  free(lex->slots);
  tt_buf_free(&lex->keys);
  memset(lex, 0, sizeof *lex);
}
