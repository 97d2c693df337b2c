/* SPDX-License-Identifier: MIT
 *
 * gaz_compile.c -- gazetteer rows to the binary format of gaz.h.
 *
 * Every row becomes a key: its form cut into tokens exactly as document
 * text is (so "Ростов-на-Дону" is one token and "В. Зеленський" two),
 * folded, hashed as a token sequence.  Ukrainian and Russian rows add the
 * case forms tt_inflect() generates, marked as inflected.  Keys are sorted
 * by sequence hash so that one hash-table slot names a run of candidates,
 * and every proper prefix of a key gets a slot too, so that matching can
 * extend a sequence token by token and stop at the first miss.  The output
 * is deterministic (same rows, same bytes) and holds no timestamps.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gaz.h"

/* ---- a string pool with interning --------------------------------------- */

typedef struct {
  tt_buf data;
  uint32_t *slots; /* offsets + 1 */
  size_t cap, n;
} pool;

static void pool_init(pool *p) {
  memset(p, 0, sizeof *p);
  tt_buf_putc(&p->data, '\0');
}

static void pool_grow(pool *p) {
  size_t cap = p->cap ? p->cap * 2 : 4096;
  uint32_t *s = tt_xcalloc(cap, sizeof *s);
  for (size_t i = 0; i < p->cap; i++) {
    if (!p->slots[i])
      continue;
    const char *str = p->data.data + p->slots[i] - 1;
    size_t h = (size_t)tt_hash_bytes(str, strlen(str)) & (cap - 1);
    while (s[h])
      h = (h + 1) & (cap - 1);
    s[h] = p->slots[i];
  }
  free(p->slots);
  p->slots = s;
  p->cap = cap;
}

static uint32_t pool_add(pool *p, const char *s, size_t len) {
  if (len == 0)
    return 0;
  if ((p->n + 1) * 2 > p->cap)
    pool_grow(p);
  size_t h = (size_t)tt_hash_bytes(s, len) & (p->cap - 1);
  while (p->slots[h]) {
    const char *str = p->data.data + p->slots[h] - 1;
    if (strlen(str) == len && memcmp(str, s, len) == 0)
      return p->slots[h] - 1;
    h = (h + 1) & (p->cap - 1);
  }
  uint32_t off = (uint32_t)p->data.len;
  tt_buf_put(&p->data, s, len);
  tt_buf_putc(&p->data, '\0');
  p->slots[h] = off + 1;
  p->n++;
  return off;
}

static void pool_free(pool *p) {
  tt_buf_free(&p->data);
  free(p->slots);
}

/* ---- keys while compiling ------------------------------------------------- */

typedef struct {
  tt_gz_key k;
  uint64_t hash;    /* sequence hash */
  uint64_t first;   /* hash of the first token's key */
  uint64_t order;   /* priority: lower wins among equal sequences */
  uint32_t prefix;  /* index in compiler.prefixes of the sequence hashes
                       after each token but the last */
} ckey;

typedef struct {
  const tt_gaz_rows *rows;
  tt_gaz_report_fn report;
  void *ctx;
  pool strings;
  ckey *keys;
  size_t n_keys, cap_keys;
  uint64_t *prefixes;
  size_t n_prefixes, cap_prefixes;
  tt_gz_entity *entities;
  size_t n_entities, cap_entities;
  uint32_t *id_slots; /* entity index + 1, open addressing on the ID */
  size_t id_cap;
  teitag_doc *scratch; /* tokenizes forms exactly as documents */
  tt_buf joined, orig; /* scratch for one key's strings */
  const tt_gaz_row *row; /* the row being compiled */
  uint32_t entity;
  int bad;
} compiler;

static uint32_t entity_of(compiler *c, const tt_gaz_row *r) {
  if ((c->n_entities + 1) * 2 > c->id_cap) {
    size_t cap = c->id_cap ? c->id_cap * 2 : 1024;
    uint32_t *s = tt_xcalloc(cap, sizeof *s);
    for (size_t i = 0; i < c->n_entities; i++) {
      if (c->entities[i].type == TT_GZ_TYPE_GIVEN)
        continue;
      const char *id = c->strings.data.data + c->entities[i].id;
      size_t h = (size_t)tt_hash_bytes(id, strlen(id)) & (cap - 1);
      while (s[h])
        h = (h + 1) & (cap - 1);
      s[h] = (uint32_t)(i + 1);
    }
    free(c->id_slots);
    c->id_slots = s;
    c->id_cap = cap;
  }
  size_t h = (size_t)tt_hash_bytes(r->id, strlen(r->id)) & (c->id_cap - 1);
  while (c->id_slots[h]) {
    tt_gz_entity *e = &c->entities[c->id_slots[h] - 1];
    if (strcmp(c->strings.data.data + e->id, r->id) == 0)
      return c->id_slots[h] - 1;
    h = (h + 1) & (c->id_cap - 1);
  }
  TT_RESERVE(c->entities, c->cap_entities, c->n_entities + 1);
  tt_gz_entity *e = &c->entities[c->n_entities];
  memset(e, 0, sizeof *e);
  e->id = pool_add(&c->strings, r->id, strlen(r->id));
  e->type = r->type;
  c->id_slots[h] = (uint32_t)(c->n_entities + 1);
  return (uint32_t)c->n_entities++;
}

/* Cuts `form` into tokens with the document tokenizer. */
static void tokenize_form(teitag_doc *d, const char *form, size_t len) {
  free(d->text);
  d->text = tt_xstrndup(form, len);
  d->len = len;
  d->n_toks = 0;
  tt_buf_clear(&d->keys);
  tt_tokenize(d, 0, len);
}

static unsigned case_requirement(const tt_token *t) {
  switch (t->lcase) {
  case TEITAG_CASE_UPPER: return TT_GZ_CASE_UPPER;
  case TEITAG_CASE_MIXED: return TT_GZ_CASE_EXACT;
  case TEITAG_CASE_TITLE: return TT_GZ_CASE_NOT_LOWER;
  default: return TT_GZ_CASE_ANY;
  }
}

/* Adds one key for `form` (a dictionary form or a generated case form). */
static void add_key(compiler *c, const char *form, size_t len, int inflected,
                    int case_id) {
  teitag_doc *d = c->scratch;
  tokenize_form(d, form, len);
  if (d->n_toks == 0)
    return;
  if (d->n_toks > TT_GAZ_MAX_TOKENS) {
    if (!inflected && c->report) {
      char msg[128];
      snprintf(msg, sizeof msg, "form has %zu tokens; at most %d are matched",
               d->n_toks, TT_GAZ_MAX_TOKENS);
      c->report(c->ctx, c->rows->files[c->row->file], c->row->line, msg);
    }
    c->bad += !inflected;
    return;
  }
  TT_RESERVE(c->keys, c->cap_keys, c->n_keys + 1);
  TT_RESERVE(c->prefixes, c->cap_prefixes, c->n_prefixes + d->n_toks);
  ckey *k = &c->keys[c->n_keys];
  memset(k, 0, sizeof *k);
  k->prefix = (uint32_t)c->n_prefixes;
  tt_buf *joined = &c->joined, *orig = &c->orig;
  tt_buf_clear(joined);
  tt_buf_clear(orig);
  int exact = 0;
  uint64_t h = 0;
  for (size_t i = 0; i < d->n_toks; i++) {
    const tt_token *t = &d->toks[i];
    if (i) {
      tt_buf_putc(joined, '\x1F');
      tt_buf_putc(orig, '\x1F');
    }
    tt_buf_put(joined, d->keys.data + t->key, t->key_len);
    tt_buf_put(orig, d->text + t->start, t->end - t->start);
    unsigned req = case_requirement(t);
    exact |= req == TT_GZ_CASE_EXACT;
    k->k.casemask |= req << (2 * i);
    if (i)
      c->prefixes[c->n_prefixes++] = h; /* the sequence before token i */
    h = i ? tt_gz_seq_next(h, t->hash) : tt_gz_seq_start(t->hash);
  }
  k->hash = h;
  k->first = d->toks[0].hash;
  k->k.entity = c->entity;
  /* A generated form is the matched text itself; its hash stands for it. */
  k->k.form = inflected ? 0 : pool_add(&c->strings, form, len);
  k->k.key = inflected ? 0 : pool_add(&c->strings, joined->data, joined->len);
  k->k.orig = exact ? pool_add(&c->strings, orig->data, orig->len) : 0;
  k->k.line = c->row->line;
  k->k.file = (uint16_t)(c->row->file < 0xFFFF ? c->row->file : 0xFFFF);
  k->k.lang = c->row->lang;
  k->k.flags = (uint8_t)((inflected ? TT_GZ_INFLECTED : 0) |
                         (exact ? TT_GZ_HAS_EXACT : 0));
  k->k.n_tokens = (uint8_t)d->n_toks;
  k->k.case_id = (uint8_t)case_id;
  /* Later files override earlier ones; within a file the first row wins;
   * an as-written form beats a generated one. */
  uint64_t files_after = c->rows->n_files - 1 - c->row->file;
  k->order = (files_after << 40) | ((uint64_t)(c->row - c->rows->rows) << 1) |
             (inflected ? 1u : 0u);
  c->n_keys++;
}

static void emit_inflected(void *ctx, const char *form, size_t len,
                           int case_id) {
  add_key(ctx, form, len, 1, case_id);
}

static int by_hash_then_order(const void *a, const void *b) {
  const ckey *x = a, *y = b;
  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  int xi = x->k.flags & TT_GZ_INFLECTED, yi = y->k.flags & TT_GZ_INFLECTED;
  if (xi != yi)
    return xi ? 1 : -1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Two keys are the same candidate when they name the same entity through
 * the same tokens; the earlier (exact, higher-priority) one stays. */
static size_t dedupe(ckey *keys, size_t n) {
  size_t out = 0;
  for (size_t i = 0; i < n; i++) {
    int dup = 0;
    for (size_t j = out; j > 0 && keys[j - 1].hash == keys[i].hash; j--)
      if (keys[j - 1].k.entity == keys[i].k.entity &&
          keys[j - 1].k.n_tokens == keys[i].k.n_tokens &&
          keys[j - 1].k.casemask == keys[i].k.casemask) {
        dup = 1;
        break;
      }
    if (!dup)
      keys[out++] = keys[i];
  }
  return out;
}

static size_t pow2_at_least(size_t n) {
  size_t p = 16;
  while (p < n)
    p *= 2;
  return p;
}

/* Puts a sequence hash into the slot table; returns its slot. */
static tt_gz_slot *slot_for(tt_gz_slot *slots, size_t n_slots, uint64_t hash) {
  size_t h = (size_t)hash & (n_slots - 1);
  while (slots[h].hash && slots[h].hash != hash)
    h = (h + 1) & (n_slots - 1);
  slots[h].hash = hash;
  return &slots[h];
}

/* LSD radix sort of 64-bit values, 8 bits a pass: millions of keys sort
 * in a fraction of the time of qsort.  Stable. */
static void radix_u64(uint64_t *v, size_t n) {
  uint64_t *tmp = tt_xmalloc((n ? n : 1) * sizeof *tmp);
  for (int shift = 0; shift < 64; shift += 8) {
    size_t count[257] = {0};
    for (size_t i = 0; i < n; i++)
      count[((v[i] >> shift) & 0xFF) + 1]++;
    for (int b = 0; b < 256; b++)
      count[b + 1] += count[b];
    for (size_t i = 0; i < n; i++)
      tmp[count[(v[i] >> shift) & 0xFF]++] = v[i];
    memcpy(v, tmp, n * sizeof *v);
  }
  free(tmp);
}

typedef struct {
  uint64_t hash;
  uint64_t index;
} hash_index;

static void radix_pairs(hash_index *v, size_t n) {
  hash_index *tmp = tt_xmalloc((n ? n : 1) * sizeof *tmp);
  for (int shift = 0; shift < 64; shift += 8) {
    size_t count[257] = {0};
    for (size_t i = 0; i < n; i++)
      count[((v[i].hash >> shift) & 0xFF) + 1]++;
    for (int b = 0; b < 256; b++)
      count[b + 1] += count[b];
    for (size_t i = 0; i < n; i++)
      tmp[count[(v[i].hash >> shift) & 0xFF]++] = v[i];
    memcpy(v, tmp, n * sizeof *v);
  }
  free(tmp);
}

/* Sorts keys by sequence hash, and among equal hashes by priority. */
static void sort_keys(ckey **keys, size_t n) {
  hash_index *hi = tt_xmalloc((n ? n : 1) * sizeof *hi);
  for (size_t i = 0; i < n; i++) {
    hi[i].hash = (*keys)[i].hash;
    hi[i].index = i;
  }
  radix_pairs(hi, n);
  /* Runs of one hash are short: insertion-sort them by priority. */
  for (size_t i = 1; i < n; i++) {
    hash_index x = hi[i];
    size_t j = i;
    while (j > 0 && hi[j - 1].hash == x.hash &&
           by_hash_then_order(&(*keys)[hi[j - 1].index], &(*keys)[x.index]) > 0) {
      hi[j] = hi[j - 1];
      j--;
    }
    hi[j] = x;
  }
  ckey *sorted = tt_xmalloc((n ? n : 1) * sizeof *sorted);
  for (size_t i = 0; i < n; i++)
    sorted[i] = (*keys)[hi[i].index];
  free(hi);
  free(*keys);
  *keys = sorted;
}

static size_t count_distinct(uint64_t *v, size_t n) {
  if (n == 0)
    return 0;
  radix_u64(v, n);
  size_t d = 1;
  for (size_t i = 1; i < n; i++)
    d += v[i] != v[i - 1];
  return d;
}

/* Distinct full-key sequences: the slots (keys are sorted by hash). */
static size_t count_distinct_sequences(const ckey *keys, size_t n_keys) {
  size_t d = 0;
  for (size_t i = 0; i < n_keys; i++)
    d += i == 0 || keys[i].hash != keys[i - 1].hash;
  return d;
}

static size_t count_distinct_first(const ckey *keys, size_t n_keys) {
  uint64_t *v = tt_xmalloc((n_keys ? n_keys : 1) * sizeof *v);
  for (size_t i = 0; i < n_keys; i++)
    v[i] = keys[i].first;
  size_t d = count_distinct(v, n_keys);
  free(v);
  return d;
}

static size_t align8(tt_buf *b) {
  while (b->len % 8)
    tt_buf_putc(b, '\0');
  return b->len;
}

uint64_t tt_gz_checksum(const unsigned char *p, size_t len) {
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ len;
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  for (; i < len; i++)
    h = (h ^ p[i]) * 0x100000001b3ULL;
  return h ^ (h >> 29);
}

/* Lays out the sections after a reserved header and block table, then
 * fills in both. */
static void write_image(compiler *c, ckey *keys, size_t n_keys, tt_buf *out) {
  /* Slot table: every key's full sequence, at a load factor of at most
   * 2/3.  Proper prefixes that are full keys too get a flag in their slot;
   * the others go into the prefix set. */
  size_t n_seq = count_distinct_sequences(keys, n_keys);
  size_t n_slots = pow2_at_least(n_seq + n_seq / 3 + 1); /* load <= 3/4 */
  tt_gz_slot *slots = tt_xcalloc(n_slots, sizeof *slots);
  tt_gz_key *flat = tt_xmalloc((n_keys ? n_keys : 1) * sizeof *flat);
  for (size_t i = 0; i < n_keys; i++) {
    flat[i] = keys[i].k;
    tt_gz_slot *s = slot_for(slots, n_slots, keys[i].hash);
    if (s->n_keys == 0)
      s->first = (uint32_t)i;
    if (s->n_keys < 0xFFFF)
      s->n_keys++;
  }
  /* Prefix hashes, sorted, merged against the sorted key hashes: those
   * that are keys too are flagged in their slot, the rest form the set. */
  uint64_t *pre = c->n_prefixes ? c->prefixes : NULL;
  size_t n_pre = count_distinct(pre, c->n_prefixes); /* sorts in place */
  uint64_t *only_prefix = tt_xmalloc((n_pre ? n_pre : 1) * 8);
  size_t n_only = 0;
  for (size_t i = 0, k = 0; i < c->n_prefixes; i++) {
    if (i && pre[i] == pre[i - 1])
      continue;
    while (k < n_keys && keys[k].hash < pre[i])
      k++;
    if (k < n_keys && keys[k].hash == pre[i])
      slot_for(slots, n_slots, pre[i])->flags |= TT_GZ_SLOT_PREFIX;
    else
      only_prefix[n_only++] = pre[i];
  }
  size_t n_prefix_slots = pow2_at_least(n_only + n_only / 3 + 1);
  uint64_t *prefix_set = tt_xcalloc(n_prefix_slots, sizeof *prefix_set);
  for (size_t i = 0; i < n_only; i++) {
    size_t h = (size_t)only_prefix[i] & (n_prefix_slots - 1);
    while (prefix_set[h])
      h = (h + 1) & (n_prefix_slots - 1);
    prefix_set[h] = only_prefix[i];
  }
  free(only_prefix);
  /* First-token filter: bitset 0 for forms whose first word may be lower
   * case, bitset 1 for all. */
  size_t filter_bits = pow2_at_least(count_distinct_first(keys, n_keys) * 16);
  if (filter_bits < 65536)
    filter_bits = 65536;
  if (filter_bits > (1u << 24))
    filter_bits = 1u << 24;
  uint64_t *filter = tt_xcalloc(filter_bits / 32, sizeof *filter);
  for (size_t i = 0; i < n_keys; i++) {
    uint64_t f = keys[i].first;
    size_t bit = (size_t)(f ^ (f >> 29)) & (filter_bits - 1);
    if ((keys[i].k.casemask & 3) == TT_GZ_CASE_ANY)
      filter[bit / 64] |= 1ULL << (bit % 64);
    filter[filter_bits / 64 + bit / 64] |= 1ULL << (bit % 64);
  }
  size_t n_ids = pow2_at_least(c->n_entities + c->n_entities / 3 + 1);
  tt_gz_id_slot *ids = tt_xcalloc(n_ids, sizeof *ids);
  for (size_t e = 0; e < c->n_entities; e++) {
    if (c->entities[e].type == TT_GZ_TYPE_GIVEN)
      continue;
    const char *id = c->strings.data.data + c->entities[e].id;
    uint64_t hash = tt_hash_bytes(id, strlen(id));
    hash = hash ? hash : 1;
    size_t h = (size_t)hash & (n_ids - 1);
    while (ids[h].hash)
      h = (h + 1) & (n_ids - 1);
    ids[h].hash = hash;
    ids[h].entity = (uint32_t)e;
  }
  uint32_t *files = tt_xmalloc((c->rows->n_files + 1) * sizeof *files);
  for (size_t f = 0; f < c->rows->n_files; f++) {
    const char *name = c->rows->files[f];
    const char *slash = strrchr(name, '/');
    name = slash ? slash + 1 : name;
    files[f] = pool_add(&c->strings, name, strlen(name));
  }

  /* The payload, after a reserved header and block table. */
  tt_gz_header h;
  memset(&h, 0, sizeof h);
  size_t payload_est = c->strings.data.len + c->n_entities * sizeof(tt_gz_entity) +
                       n_keys * sizeof *flat + n_slots * sizeof *slots +
                       n_prefix_slots * 8 + 8 +
                       n_ids * sizeof *ids + filter_bits / 4 +
                       c->rows->n_files * 4 + 64;
  size_t n_blocks = payload_est / TT_GAZ_BLOCK + 2;
  tt_buf_clear(out);
  tt_buf_reserve(out, sizeof h + n_blocks * 8 + payload_est);
  tt_buf_put(out, (const char *)&h, sizeof h);
  h.blocks_off = align8(out);
  for (size_t i = 0; i < n_blocks; i++)
    tt_buf_put(out, "\0\0\0\0\0\0\0\0", 8);
  h.payload_off = align8(out);
  h.strings_off = out->len;
  h.strings_size = c->strings.data.len;
  tt_buf_put(out, c->strings.data.data, c->strings.data.len);
  h.entities_off = align8(out);
  h.n_entities = c->n_entities;
  tt_buf_put(out, (const char *)c->entities, c->n_entities * sizeof(tt_gz_entity));
  h.keys_off = align8(out);
  h.n_keys = n_keys;
  tt_buf_put(out, (const char *)flat, n_keys * sizeof *flat);
  h.slots_off = align8(out);
  h.n_slots = n_slots;
  tt_buf_put(out, (const char *)slots, n_slots * sizeof *slots);
  h.prefixes_off = align8(out);
  h.n_prefixes = n_prefix_slots;
  tt_buf_put(out, (const char *)prefix_set, n_prefix_slots * 8);
  h.ids_off = align8(out);
  h.n_ids = n_ids;
  tt_buf_put(out, (const char *)ids, n_ids * sizeof *ids);
  h.filter_off = align8(out);
  h.filter_bits = filter_bits;
  tt_buf_put(out, (const char *)filter, filter_bits / 4);
  h.files_off = align8(out);
  h.n_files = c->rows->n_files;
  tt_buf_put(out, (const char *)files, c->rows->n_files * sizeof *files);
  align8(out);
  /* Checksums of the payload's blocks, then the header's own. */
  size_t payload = out->len - h.payload_off;
  h.n_blocks = (uint32_t)((payload + TT_GAZ_BLOCK - 1) / TT_GAZ_BLOCK);
  if (h.n_blocks > n_blocks)
    h.n_blocks = (uint32_t)n_blocks; /* cannot happen: the estimate is an upper bound */
  memcpy(h.magic, TT_GAZ_MAGIC, 8);
  h.version = TT_GAZ_VERSION;
  h.byte_order = TT_GAZ_BYTE_ORDER;
  h.file_size = out->len;
  h.block_size = TT_GAZ_BLOCK;
  h.n_rows = c->rows->n;
  for (uint32_t b = 0; b < h.n_blocks; b++) {
    size_t off = h.payload_off + (size_t)b * TT_GAZ_BLOCK;
    size_t len = out->len - off < TT_GAZ_BLOCK ? out->len - off : TT_GAZ_BLOCK;
    uint64_t sum = tt_gz_checksum((const unsigned char *)out->data + off, len);
    memcpy(out->data + h.blocks_off + (size_t)b * 8, &sum, 8);
  }
  memcpy(out->data, &h, sizeof h);
  uint64_t hs = tt_gz_checksum((const unsigned char *)out->data,
                               offsetof(tt_gz_header, header_checksum));
  hs ^= tt_gz_checksum((const unsigned char *)out->data + h.blocks_off,
                       (size_t)h.n_blocks * 8);
  memcpy(out->data + offsetof(tt_gz_header, header_checksum), &hs, 8);
  free(slots);
  free(prefix_set);
  free(flat);
  free(filter);
  free(ids);
  free(files);
}

teitag_status tt_gaz_compile(const tt_gaz_rows *rows, tt_buf *out,
                             tt_gaz_report_fn report, void *ctx) {
  tt_chars_init();
  compiler c;
  memset(&c, 0, sizeof c);
  c.rows = rows;
  c.report = report;
  c.ctx = ctx;
  pool_init(&c.strings);
  c.scratch = tt_doc_new("", 0, NULL);
  for (size_t i = 0; i < rows->n; i++) {
    const tt_gaz_row *r = &rows->rows[i];
    c.row = r;
    if (r->type == TT_GZ_TYPE_GIVEN) {
      /* a lexicon entry: one entity of its own, with no ID */
      TT_RESERVE(c.entities, c.cap_entities, c.n_entities + 1);
      tt_gz_entity *le = &c.entities[c.n_entities];
      memset(le, 0, sizeof *le);
      le->type = r->type;
      le->gender = r->gender;
      le->flags = r->flags;
      le->lang = r->lang;
      c.entity = (uint32_t)c.n_entities++;
    } else {
      c.entity = entity_of(&c, r);
    }
    tt_gz_entity *e = &c.entities[c.entity];
    if (!e->norm[r->lang]) /* the first row of an ID in a language */
      e->norm[r->lang] = pool_add(&c.strings, r->form, strlen(r->form));
    size_t len = strlen(r->form);
    add_key(&c, r->form, len, 0, TT_CASE_NOM);
    if (r->lang == TEITAG_LANG_UK || r->lang == TEITAG_LANG_RU)
      /* a given name declines as a person's name */
      tt_inflect((teitag_lang)r->lang,
                 r->type == TT_GZ_TYPE_GIVEN ? TEITAG_TYPE_PER : (teitag_type)r->type,
                 r->form, len, &r->attrs, emit_inflected, &c);
  }
  sort_keys(&c.keys, c.n_keys);
  c.cap_keys = c.n_keys;
  size_t n = dedupe(c.keys, c.n_keys);
  write_image(&c, c.keys, n, out);
  teitag_doc_free(c.scratch);
  tt_buf_free(&c.joined);
  tt_buf_free(&c.orig);
  pool_free(&c.strings);
  free(c.keys);
  free(c.prefixes);
  free(c.entities);
  free(c.id_slots);
  return c.bad ? TEITAG_ESYNTAX : TEITAG_OK;
}
