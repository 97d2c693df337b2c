/* SPDX-License-Identifier: MIT
 *
 * lexicon.h -- a small read-only hash table from folded match keys to
 * 32-bit payloads, for the money recogniser's word lists.
 *
 * A table is filled once (under pthread_once, by its owner) and then only
 * read, so any number of threads may look keys up at the same time.
 * Lookups take the token's precomputed hash (tt_hash_bytes of its key), so
 * that a word that is in no list costs one probe and no hashing.  Keys are
 * stored and compared in full: a hash collision never yields a wrong hit.
 *
 *     tt_lex lex = {0};
 *     tt_lex_put_text(&lex, "мільйонів", 7);   // folds the key first
 *     uint32_t v;
 *     if (tt_lex_get(&lex, tok->hash, key, key_len, &v)) ...
 *     tt_lex_free(&lex);
 */
#ifndef TEITAG_LEXICON_H
#define TEITAG_LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "private.h"

typedef struct tt_lex_slot {
  uint64_t hash;  /* tt_hash_bytes of the key; 0 marks an empty slot */
  uint32_t key;   /* offset of the key in tt_lex.keys */
  uint32_t len;   /* key length in bytes */
  uint32_t value; /* the payload */
} tt_lex_slot;

typedef struct tt_lex {
  tt_lex_slot *slots; /* open addressing, linear probing */
  size_t mask;        /* number of slots - 1 (a power of two) */
  size_t n;           /* keys stored */
  tt_buf keys;        /* the keys, back to back */
  /* One bit per 4096th of the hash space: most words of a text are in no
   * list, and this 512-byte filter, which stays in cache, turns them away
   * before the table is touched. */
  uint64_t filter[64];
} tt_lex;

static inline int tt_lex_may_have(const tt_lex *lex, uint64_t hash) {
  unsigned bit = (unsigned)(hash >> 52);
  return (lex->filter[bit >> 6] >> (bit & 63)) & 1;
}

/* Adds `key` (already folded) with payload `value`.  A key that is already
 * there keeps its first payload: returns 0 then, 1 when added. */
int tt_lex_put(tt_lex *lex, const char *key, size_t len, uint32_t value);
/* Folds `text` into a match key (as the tokenizer does) and adds it. */
int tt_lex_put_text(tt_lex *lex, const char *text, uint32_t value);
/* Looks up a folded key with its hash; stores the payload in *value. */
static inline int tt_lex_get(const tt_lex *lex, uint64_t hash, const char *key,
                             size_t len, uint32_t *value) {
  uint64_t h = hash ? hash : 1;
  if (!lex->slots || !tt_lex_may_have(lex, h))
    return 0;
  for (size_t i = (size_t)h & lex->mask;; i = (i + 1) & lex->mask) {
    const tt_lex_slot *s = &lex->slots[i];
    if (s->hash == 0)
      return 0;
    if (s->hash == h && s->len == len &&
        memcmp(lex->keys.data + s->key, key, len) == 0) {
      *value = s->value;
      return 1;
    }
  }
}
/* Frees the table's memory; the table is empty afterwards. */
void tt_lex_free(tt_lex *lex);

#endif /* TEITAG_LEXICON_H */
