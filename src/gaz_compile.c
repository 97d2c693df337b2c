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
  uint64_t prefix[TT_GAZ_MAX_TOKENS]; /* sequence hash after each token */
} ckey;

typedef struct {
  const tt_gaz_rows *rows;
  tt_gaz_report_fn report;
  void *ctx;
  pool strings;
  ckey *keys;
  size_t n_keys, cap_keys;
  tt_gz_entity *entities;
  size_t n_entities, cap_entities;
  uint32_t *id_slots; /* entity index + 1, open addressing on the ID */
  size_t id_cap;
  teitag_doc *scratch; /* tokenizes forms exactly as documents */
  const tt_gaz_row *row; /* the row being compiled */
  uint32_t entity;
  int bad;
} compiler;

static uint32_t entity_of(compiler *c, const tt_gaz_row *r) {
  if ((c->n_entities + 1) * 2 > c->id_cap) {
    size_t cap = c->id_cap ? c->id_cap * 2 : 1024;
    uint32_t *s = tt_xcalloc(cap, sizeof *s);
    for (size_t i = 0; i < c->n_entities; i++) {
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
  ckey *k = &c->keys[c->n_keys];
  memset(k, 0, sizeof *k);
  tt_buf joined = {NULL, 0, 0}, orig = {NULL, 0, 0};
  int exact = 0;
  uint64_t h = 0;
  for (size_t i = 0; i < d->n_toks; i++) {
    const tt_token *t = &d->toks[i];
    if (i) {
      tt_buf_putc(&joined, '\x1F');
      tt_buf_putc(&orig, '\x1F');
    }
    tt_buf_put(&joined, d->keys.data + t->key, t->key_len);
    tt_buf_put(&orig, d->text + t->start, t->end - t->start);
    unsigned req = case_requirement(t);
    exact |= req == TT_GZ_CASE_EXACT;
    k->k.casemask |= req << (2 * i);
    h = i ? tt_gz_seq_next(h, t->hash) : tt_gz_seq_start(t->hash);
    k->prefix[i] = h;
  }
  k->hash = h;
  k->first = d->toks[0].hash;
  k->k.entity = c->entity;
  k->k.form = pool_add(&c->strings, form, len);
  k->k.key = pool_add(&c->strings, joined.data, joined.len);
  k->k.orig = exact ? pool_add(&c->strings, orig.data, orig.len) : 0;
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
  tt_buf_free(&joined);
  tt_buf_free(&orig);
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
          keys[j - 1].k.key == keys[i].k.key &&
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

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static size_t count_distinct(uint64_t *v, size_t n) {
  if (n == 0)
    return 0;
  qsort(v, n, sizeof *v, cmp_u64);
  size_t d = 1;
  for (size_t i = 1; i < n; i++)
    d += v[i] != v[i - 1];
  return d;
}

/* Distinct token sequences among keys and their prefixes: the slots. */
static size_t count_distinct_sequences(const ckey *keys, size_t n_keys) {
  size_t n = 0;
  for (size_t i = 0; i < n_keys; i++)
    n += keys[i].k.n_tokens;
  uint64_t *v = tt_xmalloc((n ? n : 1) * sizeof *v);
  size_t k = 0;
  for (size_t i = 0; i < n_keys; i++)
    for (size_t t = 0; t < keys[i].k.n_tokens; t++)
      v[k++] = keys[i].prefix[t];
  size_t d = count_distinct(v, n);
  free(v);
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
  /* Slot table: every key's full sequence and every proper prefix, at a
   * load factor of at most 2/3. */
  size_t n_seq = count_distinct_sequences(keys, n_keys);
  size_t n_slots = pow2_at_least(n_seq + n_seq / 2 + 1);
  tt_gz_slot *slots = tt_xcalloc(n_slots, sizeof *slots);
  tt_gz_key *flat = tt_xmalloc((n_keys ? n_keys : 1) * sizeof *flat);
  for (size_t i = 0; i < n_keys; i++) {
    flat[i] = keys[i].k;
    tt_gz_slot *s = slot_for(slots, n_slots, keys[i].hash);
    if (s->n_keys == 0)
      s->first = (uint32_t)i;
    if (s->n_keys < 0xFFFF)
      s->n_keys++;
    for (size_t t = 0; t + 1 < keys[i].k.n_tokens; t++)
      slot_for(slots, n_slots, keys[i].prefix[t])->flags |= TT_GZ_SLOT_PREFIX;
  }
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
  size_t n_ids = pow2_at_least(c->n_entities * 2 + 1);
  tt_gz_id_slot *ids = tt_xcalloc(n_ids, sizeof *ids);
  for (size_t e = 0; e < c->n_entities; e++) {
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
    c.entity = entity_of(&c, r);
    tt_gz_entity *e = &c.entities[c.entity];
    if (!e->norm[r->lang]) /* the first row of an ID in a language */
      e->norm[r->lang] = pool_add(&c.strings, r->form, strlen(r->form));
    size_t len = strlen(r->form);
    add_key(&c, r->form, len, 0, TT_CASE_NOM);
    if (r->lang == TEITAG_LANG_UK || r->lang == TEITAG_LANG_RU)
      tt_inflect((teitag_lang)r->lang, (teitag_type)r->type, r->form, len,
                 &r->attrs, emit_inflected, &c);
  }
  if (c.n_keys)
    qsort(c.keys, c.n_keys, sizeof *c.keys, by_hash_then_order);
  size_t n = dedupe(c.keys, c.n_keys);
  write_image(&c, c.keys, n, out);
  teitag_doc_free(c.scratch);
  pool_free(&c.strings);
  free(c.keys);
  free(c.entities);
  free(c.id_slots);
  return c.bad ? TEITAG_ESYNTAX : TEITAG_OK;
}
