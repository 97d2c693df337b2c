/* SPDX-License-Identifier: MIT
 *
 * gazetteer.c -- loading compiled gazetteers and matching them over tokens.
 *
 * A compiled file is memory-mapped and used in place: loading checks only
 * the header (magic, version, size, header checksum, section bounds), so
 * it costs the same for a thousand entries as for a million, and every
 * block of the file is checked against its checksum the first time a
 * lookup reads it.  Matching is token-based and leftmost-longest: at each
 * token a bitset of first tokens rejects almost every word at the cost of
 * one memory read; survivors are extended token by token through the slot
 * table, which holds every key and every proper prefix of a key.  Case
 * rules are the forms' own: a capitalised form word needs a capitalised or
 * ALL-CAPS text word, an acronym needs capitals, a lower-case form word
 * takes any case.  Later gazetteers win over earlier ones.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gaz.h"
#include "inflect.h"
#include "names.h"
#include "wordclass.h"

/* ---- opening -------------------------------------------------------------- */

static int section_ok(uint64_t off, uint64_t count, uint64_t elem,
                      uint64_t size) {
  if (off % 8 || off > size)
    return 0;
  if (elem && count > (size - off) / elem)
    return 0;
  return 1;
}

static int pow2(uint64_t n) { return n && !(n & (n - 1)); }

teitag_status tt_gaz_open_image(const unsigned char *data, size_t size,
                                int mapped, const char *path, tt_gaz **out,
                                teitag_diag *diag) {
  *out = NULL;
  const char *why = NULL;
  tt_gz_header h;
  if (size < sizeof h) {
    why = "file too short for a gazetteer header (truncated?)";
    goto bad;
  }
  memcpy(&h, data, sizeof h);
  if (memcmp(h.magic, TT_GAZ_MAGIC, 8) != 0) {
    why = "not a compiled teitag gazetteer (bad magic)";
    goto bad;
  }
  if (h.byte_order != TT_GAZ_BYTE_ORDER) {
    why = "compiled on a machine of another byte order; recompile it";
    goto bad;
  }
  if (h.version != TT_GAZ_VERSION) {
    why = "compiled by another version of teitag; recompile it";
    goto bad;
  }
  if (h.file_size != size) {
    why = "truncated or extended: its size differs from its header";
    goto bad;
  }
  if (h.block_size != TT_GAZ_BLOCK || !section_ok(h.blocks_off, h.n_blocks, 8, size) ||
      h.payload_off < h.blocks_off + (uint64_t)h.n_blocks * 8 || h.payload_off > size ||
      (uint64_t)h.n_blocks * TT_GAZ_BLOCK < size - h.payload_off ||
      (uint64_t)h.n_blocks > (size - h.payload_off) / TT_GAZ_BLOCK + 1) {
    why = "corrupt header (block table)";
    goto bad;
  }
  uint64_t hs = tt_gz_checksum(data, offsetof(tt_gz_header, header_checksum)) ^
                tt_gz_checksum(data + h.blocks_off, (size_t)h.n_blocks * 8);
  if (hs != h.header_checksum) {
    why = "corrupt header (checksum mismatch)";
    goto bad;
  }
  if (!section_ok(h.strings_off, h.strings_size, 1, size) || h.strings_size == 0 ||
      h.strings_size > UINT32_MAX ||
      !section_ok(h.entities_off, h.n_entities, sizeof(tt_gz_entity), size) ||
      !section_ok(h.keys_off, h.n_keys, sizeof(tt_gz_key), size) ||
      !section_ok(h.slots_off, h.n_slots, sizeof(tt_gz_slot), size) ||
      !section_ok(h.prefixes_off, h.n_prefixes, 8, size) || !pow2(h.n_prefixes) ||
      !section_ok(h.ids_off, h.n_ids, sizeof(tt_gz_id_slot), size) ||
      !section_ok(h.filter_off, h.filter_bits / 32, 8, size) ||
      !section_ok(h.files_off, h.n_files, 4, size) || !pow2(h.n_slots) ||
      !pow2(h.n_ids) || !pow2(h.filter_bits) || h.filter_bits < 64 ||
      h.strings_off < h.payload_off || h.n_keys > UINT32_MAX ||
      h.n_entities > UINT32_MAX) {
    why = "corrupt header (section bounds)";
    goto bad;
  }
  tt_gaz *g = tt_xcalloc(1, sizeof *g);
  g->path = tt_xstrdup(path ? path : "");
  g->base = data;
  g->size = size;
  g->mapped = mapped;
  g->h = (const tt_gz_header *)(const void *)data;
  g->strings = (const char *)data + h.strings_off;
  g->entities = (const tt_gz_entity *)(const void *)(data + h.entities_off);
  g->keys = (const tt_gz_key *)(const void *)(data + h.keys_off);
  g->slots = (const tt_gz_slot *)(const void *)(data + h.slots_off);
  g->prefixes = (const uint64_t *)(const void *)(data + h.prefixes_off);
  g->ids = (const tt_gz_id_slot *)(const void *)(data + h.ids_off);
  g->filter = (const uint64_t *)(const void *)(data + h.filter_off);
  g->files = (const uint32_t *)(const void *)(data + h.files_off);
  g->verified = tt_xcalloc(h.n_blocks / 32 + 1, sizeof *g->verified);
  /* The string pool must end with a NUL so that no string runs past it. */
  if (!tt_gaz_trust(g, h.strings_off + h.strings_size - 1, 1) ||
      g->strings[h.strings_size - 1] != '\0') {
    g->base = NULL; /* the caller still owns the data on failure */
    tt_gaz_free(g);
    why = "corrupt string pool";
    goto bad;
  }
  *out = g;
  return TEITAG_OK;
bad:
  return tt_fail(diag, TEITAG_EFORMAT, 0, 0, TT_NO_OFFSET, "%s: %s",
                 path ? path : "gazetteer", why);
}

int tt_gaz_trust_blocks(tt_gaz *g, uint64_t off, uint64_t len) {
  const tt_gz_header *h = g->h;
  if (off > g->size || len > g->size - off)
    return 0;
  if (len == 0 || off + len <= h->payload_off)
    return 1; /* the header and block table were checked on opening */
  uint64_t from = off < h->payload_off ? 0 : (off - h->payload_off) / TT_GAZ_BLOCK;
  uint64_t to = (off + len - 1 - h->payload_off) / TT_GAZ_BLOCK;
  for (uint64_t b = from; b <= to; b++) {
    uint32_t bit = 1u << (b % 32);
    if (__atomic_load_n(&g->verified[b / 32], __ATOMIC_ACQUIRE) & bit)
      continue;
    uint64_t start = h->payload_off + b * TT_GAZ_BLOCK;
    uint64_t n = g->size - start < TT_GAZ_BLOCK ? g->size - start : TT_GAZ_BLOCK;
    uint64_t want;
    memcpy(&want, g->base + h->blocks_off + b * 8, 8);
    if (tt_gz_checksum(g->base + start, (size_t)n) != want) {
      g->corrupt = 1;
      return 0;
    }
    __atomic_fetch_or(&g->verified[b / 32], bit, __ATOMIC_RELEASE);
  }
  return 1;
}

const char *tt_gaz_str(const tt_gaz *g, uint32_t off) {
  if (off == 0 || off >= g->h->strings_size)
    return "";
  const char *s = g->strings + off;
  size_t max = (size_t)(g->h->strings_size - off);
  const char *nul = memchr(s, '\0', max);
  if (!nul || !tt_gaz_trust((tt_gaz *)g, g->h->strings_off + off,
                            (uint64_t)(nul - s) + 1))
    return "";
  return s;
}

void tt_gaz_free(tt_gaz *g) {
  if (!g)
    return;
  if (g->base) {
    if (g->mapped)
      munmap((void *)g->base, g->size);
    else
      free((void *)g->base);
  }
  free(g->verified);
  free(g->path);
  free(g);
}

void tt_gaz_release(struct tt_gaz *g) { tt_gaz_free(g); }

static void collect_report(void *ctx, const char *file, size_t line,
                           const char *message) {
  tt_buf *b = ctx;
  if (b->len)
    return; /* the first problem is enough for a diagnostic */
  tt_buf_printf(b, "%s:%zu: %s", file, line, message);
}

static void add_row(void *ctx, const tt_gaz_row *row) {
  tt_gaz_compiler_add(ctx, row);
}

teitag_status tt_gaz_load(const char *path, tt_gaz **out, teitag_diag *diag) {
  *out = NULL;
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return tt_fail(diag, TEITAG_EIO, 0, 0, TT_NO_OFFSET, "%s: cannot open: %s",
                   path, strerror(errno));
  struct stat st;
  char magic[8] = {0};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return tt_fail(diag, TEITAG_EIO, 0, 0, TT_NO_OFFSET,
                   "%s: not a regular file", path);
  }
  ssize_t got = pread(fd, magic, sizeof magic, 0);
  /* A .gaz file must be compiled: a truncated one is not a source. */
  size_t plen = strlen(path);
  int compiled_name = plen > 4 && strcmp(path + plen - 4, ".gaz") == 0;
  if (compiled_name ||
      (got == (ssize_t)sizeof magic && memcmp(magic, TT_GAZ_MAGIC, 8) == 0)) {
    if (st.st_size < (off_t)sizeof(tt_gz_header)) {
      close(fd);
      return tt_fail(diag, TEITAG_EFORMAT, 0, 0, TT_NO_OFFSET,
                     "%s: file too short for a gazetteer header (truncated?)",
                     path);
    }
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
      return tt_fail(diag, TEITAG_EIO, 0, 0, TT_NO_OFFSET, "%s: cannot map: %s",
                     path, strerror(errno));
    teitag_status st2 = tt_gaz_open_image(map, (size_t)st.st_size, 1, path, out, diag);
    if (st2 != TEITAG_OK)
      munmap(map, (size_t)st.st_size);
    return st2;
  }
  close(fd);
  /* A source file: compile it in memory. */
  tt_buf first = {NULL, 0, 0};
  const char *paths[1] = {path};
  tt_gaz_compiler *c = tt_gaz_compiler_new(paths, 1, NULL, collect_report, &first);
  tt_gaz_reader *r = tt_gaz_reader_new(add_row, c, collect_report, &first);
  size_t bad = tt_gaz_reader_read(r, path);
  tt_gaz_reader_free(r);
  teitag_status st2 = TEITAG_OK;
  if (bad) {
    st2 = tt_fail(diag, TEITAG_ESYNTAX, 0, 0, TT_NO_OFFSET,
                  "%s (%zu bad row%s; see 'teitag gazetteer check')",
                  tt_buf_cstr(&first), bad, bad == 1 ? "" : "s");
  } else {
    tt_buf image = {NULL, 0, 0};
    st2 = tt_gaz_compiler_build(c, diag);
    if (st2 == TEITAG_OK)
      st2 = tt_gaz_compiler_write(c, -1, &image, NULL, diag);
    if (st2 == TEITAG_ESYNTAX)
      st2 = tt_fail(diag, st2, 0, 0, TT_NO_OFFSET, "%s", tt_buf_cstr(&first));
    if (st2 != TEITAG_OK) {
      tt_buf_free(&image);
    } else {
      size_t n = image.len;
      unsigned char *bytes = (unsigned char *)tt_buf_steal(&image, NULL);
      st2 = tt_gaz_open_image(bytes, n, 0, path, out, diag);
      if (st2 != TEITAG_OK)
        free(bytes);
    }
  }
  tt_buf_free(&first);
  tt_gaz_compiler_free(c);
  return st2;
}

/* ---- lookups ---------------------------------------------------------------- */

static const tt_gz_slot *find_slot(tt_gaz *g, uint64_t hash) {
  uint64_t mask = g->h->n_slots - 1;
  for (uint64_t i = hash & mask, probes = 0; probes <= mask;
       i = (i + 1) & mask, probes++) {
    if (!tt_gaz_trust(g, g->h->slots_off + i * sizeof(tt_gz_slot),
                      sizeof(tt_gz_slot)))
      return NULL;
    const tt_gz_slot *s = &g->slots[i];
    if (s->hash == hash)
      return s;
    if (!s->hash)
      return NULL;
  }
  return NULL;
}

/* Is `hash` a sequence that only begins longer keys? */
static int in_prefix_set(tt_gaz *g, uint64_t hash) {
  uint64_t mask = g->h->n_prefixes - 1;
  for (uint64_t i = hash & mask, probes = 0; probes <= mask;
       i = (i + 1) & mask, probes++) {
    if (!tt_gaz_trust(g, g->h->prefixes_off + i * 8, 8))
      return 0;
    if (g->prefixes[i] == hash)
      return 1;
    if (!g->prefixes[i])
      return 0;
  }
  return 0;
}

/* Where matching stands after a token sequence: a slot when keys end
 * here, and whether longer keys continue. */
static int step(tt_gaz *g, uint64_t hash, const tt_gz_slot **slot) {
  *slot = find_slot(g, hash);
  if (*slot)
    return ((*slot)->flags & TT_GZ_SLOT_PREFIX) != 0;
  return in_prefix_set(g, hash);
}

const tt_gz_entity *tt_gaz_find_id(tt_gaz *g, const char *id) {
  uint64_t hash = tt_hash_bytes(id, strlen(id));
  hash = hash ? hash : 1;
  uint64_t mask = g->h->n_ids - 1;
  for (uint64_t i = hash & mask, probes = 0; probes <= mask;
       i = (i + 1) & mask, probes++) {
    if (!tt_gaz_trust(g, g->h->ids_off + i * sizeof(tt_gz_id_slot),
                      sizeof(tt_gz_id_slot)))
      return NULL;
    const tt_gz_id_slot *s = &g->ids[i];
    if (!s->hash)
      return NULL;
    if (s->hash != hash || s->entity >= g->h->n_entities ||
        !tt_gaz_trust(g, g->h->entities_off + (uint64_t)s->entity * sizeof(tt_gz_entity),
                      sizeof(tt_gz_entity)))
      continue;
    const tt_gz_entity *e = &g->entities[s->entity];
    if (strcmp(tt_gaz_str(g, e->id), id) == 0)
      return e;
  }
  return NULL;
}

static int filter_pass(const tt_gaz *g, uint64_t tok_hash, int lower) {
  uint64_t bits = g->h->filter_bits;
  uint64_t bit = (tok_hash ^ (tok_hash >> 29)) & (bits - 1);
  const uint64_t *set = lower ? g->filter : g->filter + bits / 64;
  return tt_bit_get(set, bit);
}

/* Does the next word of a stored key (words joined by 0x1F) equal a
 * token's key?  Returns where the key's following word starts (at its NUL
 * after the last word), or NULL.  One pass that stops at the first
 * difference: most calls differ early, and a token key holds neither NUL
 * nor 0x1F (the text has no C0 controls), so the stored key's end stops
 * the comparison too. */
static const char *key_word_matches(const char *key, const char *tok,
                                    size_t len) {
  for (size_t i = 0; i < len; i++)
    if (key[i] != tok[i])
      return NULL;
  if (key[len] == '\x1F')
    return key + len + 1;
  return key[len] == '\0' ? key + len : NULL;
}

/* Do tokens [b, e) of the document satisfy key `k`: the same folded keys
 * (a hash collision is not a match) and the case each form word asks? */
static int key_matches(tt_gaz *g, const tt_gz_key *k, const teitag_doc *doc,
                       size_t b, size_t e) {
  if (k->n_tokens != e - b)
    return 0;
  const char *key = k->key ? tt_gaz_str(g, k->key) : NULL;
  const char *orig = k->flags & TT_GZ_HAS_EXACT ? tt_gaz_str(g, k->orig) : NULL;
  for (size_t i = b; i < e; i++) {
    const tt_token *t = &doc->toks[i];
    if (key) {
      key = key_word_matches(key, doc->keys.data + t->key, t->key_len);
      if (!key)
        return 0;
    }
    unsigned req = (k->casemask >> (2 * (i - b))) & 3;
    const char *o = orig;
    size_t ol = 0;
    if (orig) {
      const char *osep = strchr(orig, '\x1F');
      ol = osep ? (size_t)(osep - orig) : strlen(orig);
      orig = osep ? osep + 1 : orig + ol;
    }
    switch (req) {
    case TT_GZ_CASE_NOT_LOWER:
      if (t->lcase == TEITAG_CASE_LOWER)
        return 0;
      break;
    case TT_GZ_CASE_UPPER:
      if (t->lcase != TEITAG_CASE_UPPER)
        return 0;
      break;
    case TT_GZ_CASE_EXACT:
      if (!o || t->end - t->start != ol ||
          memcmp(doc->text + t->start, o, ol) != 0)
        return 0;
      break;
    default: break;
    }
  }
  return 1;
}

/* The entity record `i`, checked, or NULL. */
static const tt_gz_entity *entity_at(tt_gaz *g, uint32_t i) {
  if (i >= g->h->n_entities ||
      !tt_gaz_trust(g, g->h->entities_off + (uint64_t)i * sizeof(tt_gz_entity),
                    sizeof(tt_gz_entity)))
    return NULL;
  return &g->entities[i];
}

/* Is a punctuation token one of the given ASCII marks or « » “ ” —? */
static int punct_in(const teitag_doc *doc, size_t i, const char *ascii) {
  const tt_token *t = &doc->toks[i];
  if (t->kind != TEITAG_TOKEN_PUNCT)
    return 0;
  const char *s = doc->text + t->start;
  size_t len = t->end - t->start;
  if (len == 1)
    return strchr(ascii, s[0]) != NULL;
  return (len == 2 && (memcmp(s, "\xC2\xAB", 2) == 0 || memcmp(s, "\xC2\xBB", 2) == 0)) ||
         (len == 3 && (memcmp(s, "\xE2\x80\x9C", 3) == 0 ||
                       memcmp(s, "\xE2\x80\x9D", 3) == 0 ||
                       memcmp(s, "\xE2\x80\x94", 3) == 0));
}

/* A name is called by its vocative between commas, quotes or an
 * exclamation («Дякуємо, Львове!», «Олено Зеленська, ...»); elsewhere the
 * same letters are another word (Головне — ..., «Енселко Агро»). */
static int vocative_place(const teitag_doc *doc, const tt_para *p, size_t b, size_t e) {
  int before = b == p->tok_begin || (doc->toks[b].flags & TT_TOK_SENT_START) ||
               punct_in(doc, b - 1, ",(\"!");
  int after = e == p->tok_end || punct_in(doc, e, ",!?\")");
  return before && after;
}

/* The best key of a slot for tokens [b, e): as-written forms before
 * generated ones, then the paragraph's language, then priority order. */
static const tt_gz_key *best_key(tt_gaz *g, const tt_gz_slot *s,
                                 const teitag_doc *doc, const tt_para *p,
                                 size_t b, size_t e, teitag_lang lang) {
  if (s->first >= g->h->n_keys || s->n_keys > g->h->n_keys - s->first ||
      !tt_gaz_trust(g, g->h->keys_off + (uint64_t)s->first * sizeof(tt_gz_key),
                    (uint64_t)s->n_keys * sizeof(tt_gz_key)))
    return NULL;
  const tt_gz_key *best = NULL;
  int best_score = -1;
  for (uint32_t i = 0; i < s->n_keys; i++) {
    const tt_gz_key *k = &g->keys[s->first + i];
    const tt_gz_entity *ent = entity_at(g, k->entity);
    if (!ent || ent->type > TEITAG_TYPE_ORG || !key_matches(g, k, doc, b, e) ||
        ((k->flags & TT_GZ_INFLECTED) && k->case_id == TT_CASE_VOC &&
         lang == TEITAG_LANG_UK && !vocative_place(doc, p, b, e)))
      continue;
    int score = (!(k->flags & TT_GZ_INFLECTED) ? 2 : 0) + (k->lang == lang);
    if (score > best_score) {
      best = k;
      best_score = score;
    }
  }
  return best;
}

/* The longest key of `g` that starts at token `b` of paragraph `p`;
 * stores its end in *end. */
static const tt_gz_key *longest_at(tt_gaz *g, const teitag_doc *doc,
                                   const tt_para *p, size_t b, size_t *end) {
  const tt_token *t = &doc->toks[b];
  int lower = t->lcase == TEITAG_CASE_LOWER || t->lcase == TEITAG_CASE_NONE;
  if (!filter_pass(g, t->hash, lower))
    return NULL;
  const tt_gz_key *best = NULL;
  uint64_t h = tt_gz_seq_start(t->hash);
  for (size_t j = b; j < p->tok_end && j - b < TT_GAZ_MAX_TOKENS;) {
    const tt_gz_slot *s;
    int more = step(g, h, &s);
    if (s && s->n_keys) {
      const tt_gz_key *k = best_key(g, s, doc, p, b, j + 1, (teitag_lang)p->lang);
      if (k) {
        best = k;
        *end = j + 1;
      }
    }
    if (!more || ++j >= p->tok_end)
      break;
    h = tt_gz_seq_next(h, doc->toks[j].hash);
  }
  return best;
}

static int can_start(const tt_token *t) {
  return t->kind == TEITAG_TOKEN_WORD || t->kind == TEITAG_TOKEN_NUMBER;
}

/* "gazetteer:people.tsv:123" or "...:123 inflected gen" */
static void describe(tt_gaz *g, const tt_gz_key *k, tt_buf *b) {
  tt_buf_clear(b);
  const char *file = k->file < g->h->n_files &&
                             tt_gaz_trust(g, g->h->files_off + (uint64_t)k->file * 4, 4)
                         ? tt_gaz_str(g, g->files[k->file])
                         : "?";
  /* "gazetteer:FILE:LINE[ inflected CASE[ abbreviated]]", once per match: written by
   * hand, as printf was a twentieth of the matcher's time */
  char digits[10];
  size_t n = 0;
  uint32_t line = k->line;
  do {
    digits[sizeof digits - 1 - n++] = (char)('0' + line % 10);
    line /= 10;
  } while (line);
  tt_buf_put(b, "gazetteer:", 10);
  tt_buf_puts(b, file);
  tt_buf_putc(b, ':');
  tt_buf_put(b, digits + sizeof digits - n, n);
  if (k->flags & TT_GZ_INFLECTED) {
    tt_buf_put(b, " inflected ", 11);
    tt_buf_puts(b, tt_case_name(k->case_id));
  }
  if (k->flags & TT_GZ_ABBREVIATED)
    tt_buf_put(b, " abbreviated", 12);
}

/* Is token i the first word of its sentence, perhaps after an opening
 * quote or dash? */
static int sentence_initial(const teitag_doc *doc, size_t i) {
  return (doc->toks[i].flags & TT_TOK_OPENS) != 0; /* marked by the tokenizer */
}

static int title_word(const tt_token *t) {
  return t->kind == TEITAG_TOKEN_WORD && t->lcase == TEITAG_CASE_TITLE &&
         t->script == TT_SCRIPT_LATIN;
}

/* Is a Title-case word a compound whose last part is in lower case
 * ("Russian-occupied", "Kremlin-backed")?  It describes the name next to
 * it and is no part of it. */
static int attribute_compound(const teitag_doc *doc, const tt_token *t) {
  for (size_t k = t->end; k > t->start + 1; k--)
    if (doc->text[k - 1] == '-')
      return k < t->end && doc->text[k] >= 'a' && doc->text[k] <= 'z';
  return 0;
}

/* Is the paragraph a headline, every word in it but function words
 * capitalised ("Audi and Daimler Near Deal to Buy Mapping Service")? */
static int headline(const teitag_doc *doc, const tt_para *p) {
  size_t words = 0;
  for (size_t k = p->tok_begin; k < p->tok_end; k++) {
    const tt_token *t = &doc->toks[k];
    if (t->kind != TEITAG_TOKEN_WORD || tt_is_function_word(t->hash))
      continue;
    if ((t->lcase != TEITAG_CASE_TITLE && t->lcase != TEITAG_CASE_UPPER) || ++words > 24)
      return 0;
  }
  return words >= 3;
}

/* Context that makes a gazetteer match unlikely to be the name it looks
 * like: a function word opening a sentence ("Мені", "Того"), or, in Latin
 * script, a place or person name that is only part of a longer capitalised
 * name ("Washington Times", "Niger Delta", "Baghdad International
 * Airport"), unless the neighbour is a title or role word. */
static int implausible(const teitag_doc *doc, const tt_para *p, size_t b,
                       size_t e, teitag_type type) {
  const tt_token *first = &doc->toks[b];
  /* In an ALL-CAPS headline every word looks like an acronym: there a
   * function word is a function word too.  A lone acronym ("US") is not. */
  int caps_run = first->lcase == TEITAG_CASE_UPPER &&
                 ((b > p->tok_begin && doc->toks[b - 1].lcase == TEITAG_CASE_UPPER) ||
                  (e < p->tok_end && doc->toks[e].lcase == TEITAG_CASE_UPPER));
  if (e - b == 1 && tt_is_function_word(first->hash) &&
      ((sentence_initial(doc, b) &&
        first->lcase != TEITAG_CASE_UPPER) ||
       caps_run))
    return 1;
  if (first->script != TT_SCRIPT_LATIN)
    return 0;
  /* An English organisation's one word before a Title-case word is part
   * of a longer name, a product's, an index's or an agency's (Apple Watch,
   * Nikkei Asian Review, U.N. Environment Program), unless a role follows
   * (Apple CEO) or the line is a headline, where every word has a capital
   * (Daimler Near Deal). */
  if (type == TEITAG_TYPE_ORG)
    return p->lang == TEITAG_LANG_EN && e - b == 1 && title_word(first) &&
           e < p->tok_end &&
           title_word(&doc->toks[e]) && !(doc->toks[e].flags & TT_TOK_SENT_START) &&
           !(doc->toks[e].flags & TT_TOK_NL_BEFORE) && !tt_is_role_word(doc->toks[e].hash) &&
           !tt_is_function_word(doc->toks[e].hash) && !headline(doc, p);
  /* A name in capitals next to a word in Title case is no part of a
   * longer name written that way: a dateline after a byline ("Alvar
   * Smoutten LONDON, Sept 14").  Short ones are acronyms, which do stand in
   * such names (US Treasury, UK Parliament). */
  if (first->lcase == TEITAG_CASE_UPPER && doc->toks[e - 1].lcase == TEITAG_CASE_UPPER &&
      (e - b > 1 || first->end - first->start >= 4))
    return 0;
  /* a role after a place stands apart (Kyiv Mayor …), unless a head
   * follows it, which makes one name of them (Texas State University) */
  if (e < p->tok_end && title_word(&doc->toks[e]) &&
      !(doc->toks[e].flags & TT_TOK_SENT_START) &&
      !(doc->toks[e].flags & TT_TOK_NL_BEFORE) &&
      (!tt_is_role_word(doc->toks[e].hash) ||
       (e + 1 < p->tok_end && title_word(&doc->toks[e + 1]) &&
        (tt_word_class(doc->toks[e + 1].hash) & TT_WC_ORG_HEAD))))
    return 1;
  if (b > p->tok_begin && title_word(&doc->toks[b - 1]) &&
      !attribute_compound(doc, &doc->toks[b - 1]) &&
      !sentence_initial(doc, b - 1) &&
      !tt_is_role_word(doc->toks[b - 1].hash) &&
      !tt_is_function_word(doc->toks[b - 1].hash) &&
      !(type == TEITAG_TYPE_LOC && tt_is_compass_word(doc->toks[b - 1].hash)))
    return 1;
  return 0;
}


/* A one-word Cyrillic match in Title case opening a sentence, whose word
 * the document also writes in lower case. */
static int common_word_at_start(teitag_doc *doc, size_t i, size_t end) {
  /* Latin words in lower case are as often parts of addresses
   * (facebook.com) as words */
  if (end != i + 1 || doc->toks[i].lcase != TEITAG_CASE_TITLE ||
      doc->toks[i].script != TT_SCRIPT_CYRILLIC || !sentence_initial(doc, i))
    return 0;
  return tt_hash_set_has(tt_doc_lower_words(doc), doc->toks[i].hash);
}

/* "Українська співачка", "Покровську громаду": opening a sentence, a
 * town's case form that is spelt like an adjective (Українська, genitive
 * of Українськ) and is followed by a word in lower case is the adjective
 * of the noun after it.  Within a sentence the capital says it is the
 * town. */
static int adjective_at_start(const teitag_doc *doc, const tt_para *p, size_t i,
                              size_t end, const tt_gz_key *k) {
  static const char *const endings[] = {"ська", "цька", "ську", "цьку", "ское", "цкое"};
  const tt_token *t = &doc->toks[i];
  if (end != i + 1 || !(k->flags & TT_GZ_INFLECTED) || t->script != TT_SCRIPT_CYRILLIC ||
      end >= p->tok_end || doc->toks[end].kind != TEITAG_TOKEN_WORD ||
      doc->toks[end].lcase != TEITAG_CASE_LOWER ||
      doc->toks[end].script != TT_SCRIPT_CYRILLIC || !sentence_initial(doc, i))
    return 0;
  const char *key = doc->keys.data + t->key;
  for (size_t e = 0; e < sizeof endings / sizeof *endings; e++) {
    size_t n = strlen(endings[e]);
    if (t->key_len > n && memcmp(key + t->key_len - n, endings[e], n) == 0)
      return 1;
  }
  return 0;
}

/* "Кошти передадуть …": a person's name of one word in the genitive
 * (Кошта, Кошти) seldom opens a sentence, while the common nouns such
 * forms spell (кошти, funds) often do. */
static int genitive_person_at_start(const teitag_doc *doc, const tt_para *p, size_t i,
                                    size_t end, const tt_gz_key *k, teitag_type type) {
  if (type != TEITAG_TYPE_PER || end != i + 1 || !(k->flags & TT_GZ_INFLECTED) ||
      k->case_id != TT_CASE_GEN || doc->toks[i].lcase != TEITAG_CASE_TITLE ||
      !sentence_initial(doc, i))
    return 0;
  /* an initial before it ("указу В . Ющенка") is no sentence's end */
  if (i >= p->tok_begin + 2 && doc->toks[i - 1].kind == TEITAG_TOKEN_PUNCT &&
      doc->text[doc->toks[i - 1].start] == '.' &&
      doc->toks[i - 2].kind == TEITAG_TOKEN_WORD && doc->toks[i - 2].lcase != TEITAG_CASE_LOWER &&
      tt_utf8_count(doc->text + doc->toks[i - 2].start,
                     doc->toks[i - 2].end - doc->toks[i - 2].start) == 1)
    return 0;
  return 1;
}

/* «Sofia», "Донбас": a place's name alone in quotes names something
 * else, an album, a hotel, a ship or a club.  `quote_hash` is the key
 * hash every quote folds to. */
static int quoted_place(const teitag_doc *doc, const tt_para *p, size_t b, size_t e,
                        teitag_type type, uint64_t quote_hash) {
  if (type != TEITAG_TYPE_LOC || b == p->tok_begin || e >= p->tok_end)
    return 0;
  return doc->toks[b - 1].hash == quote_hash && doc->toks[e].hash == quote_hash;
}

/* Charles de Gaulle airport, John Lennon Airport, Nobel Prize: a listed
 * person's English name before what is named after him, in the next
 * three words if all of them are capitalised, is not the person. */
static int facility_named_after(const teitag_doc *doc, const tt_para *p, size_t b,
                                size_t e, teitag_type type) {
  if (type != TEITAG_TYPE_PER || doc->toks[b].script != TT_SCRIPT_LATIN)
    return 0;
  for (size_t k = e; k < p->tok_end && k < e + 3; k++) {
    if (tt_word_class(doc->toks[k].hash) & TT_WC_FACILITY)
      return 1;
    if (!title_word(&doc->toks[k]))
      break;
  }
  return 0;
}

/* "The Wall Street Journal" is how Ukrainian and Russian rows write a
 * Latin title, article included; English rows leave the article out, and
 * so English text matches from the next word. */
static int english_article_of_other(const teitag_doc *doc, const tt_para *p,
                                     size_t i, const tt_gz_key *k) {
  const tt_token *t = &doc->toks[i];
  return p->lang == TEITAG_LANG_EN && k->lang != TEITAG_LANG_EN &&
         k->n_tokens > 1 && t->key_len == 3 &&
         memcmp(doc->keys.data + t->key, "the", 3) == 0;
}

/* "В." or, in a tokenised text, "В ." at token i: how many tokens the
 * initial takes, 0 if it is none. */
static size_t initial_at(const teitag_doc *doc, const tt_para *p, size_t i) {
  const tt_token *t = &doc->toks[i];
  if (t->kind != TEITAG_TOKEN_WORD)
    return 0;
  if (t->flags & TT_TOK_INITIAL)
    return 1;
  return i + 1 < p->tok_end && tt_n_spaced_initial(doc, i) ? 2 : 0;
}

/* The first token of the one or two initials that end right before token
 * j (В. І. Ревенко, В . І . Ревенко), or j itself if there are none. */
static size_t initials_before(const teitag_doc *doc, const tt_para *p, size_t j) {
  for (int n = 0; n < 2; n++) {
    if (j > p->tok_begin && initial_at(doc, p, j - 1) == 1)
      j -= 1;
    else if (j >= p->tok_begin + 2 && initial_at(doc, p, j - 2) == 2)
      j -= 2;
    else
      break;
  }
  return j;
}

/* A person's name right after a street's type word or a word of honour
 * (вулиці Івасюка, вул. Л. Курбаса, імені Тараса Шевченка, святого
 * Онуфрія) is the name of the street or of what is named after them. */
static int named_for_person(const teitag_doc *doc, const tt_para *p, size_t b,
                            teitag_type type) {
  if (type != TEITAG_TYPE_PER || b == p->tok_begin)
    return 0;
  size_t start = initials_before(doc, p, b); /* імені А. С. Пушкіна */
  if (start == p->tok_begin)
    return 0;
  size_t k = start - 1;
  if (k > p->tok_begin && doc->toks[k].kind == TEITAG_TOKEN_PUNCT &&
      doc->toks[k].end - doc->toks[k].start == 1 && doc->text[doc->toks[k].start] == '.')
    k--; /* "вул . Леніна" in a tokenised text */
  const tt_token *t = &doc->toks[k];
  if (t->script != TT_SCRIPT_CYRILLIC || !(tt_word_class(t->hash) & (TT_WC_STREET | TT_WC_HONOUR)))
    return 0;
  /* «хлопчик на ім'я Артем», «мальчик по имени Артём» names the person */
  return !(k > p->tok_begin && doc->toks[k - 1].key_len == 4 &&
           memcmp(doc->keys.data + doc->toks[k - 1].key, "по", 4) == 0);
}

/* Without the rules, which would take the whole name, a listed surname
 * matched alone right after one or two initials or a given name that the
 * lexicon knows (Анатолій Ревенко, В. І. Ревенко, М. Обама) takes them into
 * its span: the surname alone would be a span cut short.  Returns the
 * first token of the name. */
static size_t given_names_before(const teitag_pipeline *pl, const teitag_doc *doc,
                                 const tt_para *p, size_t b) {
  size_t j = initials_before(doc, p, b);
  char g;
  unsigned f, langs;
  const tt_token *t = j > p->tok_begin ? &doc->toks[j - 1] : NULL;
  if (j == b && t && t->kind == TEITAG_TOKEN_WORD && t->lcase == TEITAG_CASE_TITLE &&
      tt_pipeline_given_name(pl, doc, j - 1, &g, &f, &langs))
    j--;
  return j;
}

/* "Янукович В. Ф.": two initials after a listed surname matched alone
 * join its span, as the rules would join them.  Returns the token after
 * the name. */
static size_t initials_after(const teitag_doc *doc, const tt_para *p, size_t e) {
  size_t j = e;
  for (int n = 0; n < 2; n++) {
    size_t taken = j < p->tok_end ? initial_at(doc, p, j) : 0;
    if (!taken)
      return e; /* one initial alone may open the next sentence */
    j += taken;
  }
  return j;
}

/* The given name or initial at `first` before a listed surname names
 * someone else (Мішель Обама, Алла Бут, О. Лукашенко for Viktor's
 * relative): the span keeps no link.  `norm` is the entry's dictionary
 * form, given name first.  Same given name: their bytes agree but for a
 * case ending (Реджепом, Реджеп). */
static int namesake_at(const teitag_doc *doc, const tt_para *p, size_t first_tok,
                       const char *norm) {
  if (!norm)
    return 1;
  const tt_token *t = &doc->toks[first_tok];
  const char *word = doc->text + t->start;
  size_t len = t->end - t->start, first = strcspn(norm, " ");
  size_t initial = initial_at(doc, p, first_tok);
  if (initial) {
    size_t letter = initial == 1 && len > 1 ? len - 1 : len; /* without its dot */
    return first < letter || memcmp(norm, word, letter) != 0;
  }
  size_t common = 0;
  while (common < len && common < first && word[common] == norm[common])
    common++;
  return common + 4 < first || common + 4 < len;
}

static teitag_status corrupt(tt_gaz *g, teitag_diag *diag) {
  return tt_fail(diag, TEITAG_EFORMAT, 0, 0, TT_NO_OFFSET,
                 "%s: corrupt gazetteer (a block does not match its checksum)",
                 g->path);
}

teitag_status tt_gazetteer_annotate(const teitag_pipeline *pl, teitag_doc *doc,
                                    teitag_diag *diag) {
  if (!pl->n_gaz)
    return TEITAG_OK;
  tt_buf desc = {NULL, 0, 0};
  /* computed here, not in a static on first use, which threads annotating
   * at once would write together */
  const uint64_t quote_hash = tt_hash_bytes("\"", 1);
  for (size_t pi = 0; pi < doc->n_paras; pi++) {
    const tt_para *p = &doc->paras[pi];
    for (size_t i = p->tok_begin; i < p->tok_end; i++) {
      if (!can_start(&doc->toks[i]))
        continue;
      const tt_gz_key *best = NULL;
      tt_gaz *from = NULL;
      size_t best_end = 0;
      /* Later gazetteers override earlier ones: on equal length, the first
       * found (the latest loaded) stays. */
      for (size_t gi = pl->n_gaz; gi-- > 0;) {
        size_t end = 0;
        const tt_gz_key *k = longest_at(pl->gaz[gi], doc, p, i, &end);
        if (k && end > best_end) {
          best = k;
          from = pl->gaz[gi];
          best_end = end;
        }
      }
      if (!best)
        continue;
      const tt_gz_entity *e = &from->entities[best->entity];
      if (!tt_gaz_trust(from, from->h->entities_off +
                                  (uint64_t)best->entity * sizeof *e,
                        sizeof *e))
        break;
      if (implausible(doc, p, i, best_end, (teitag_type)e->type) ||
          common_word_at_start(doc, i, best_end) ||
          adjective_at_start(doc, p, i, best_end, best) ||
          genitive_person_at_start(doc, p, i, best_end, best, (teitag_type)e->type) ||
          quoted_place(doc, p, i, best_end, (teitag_type)e->type, quote_hash) ||
          facility_named_after(doc, p, i, best_end, (teitag_type)e->type) ||
          english_article_of_other(doc, p, i, best))
        continue;
      if (named_for_person(doc, p, i, (teitag_type)e->type)) {
        i = best_end - 1; /* nor is a word of the name a place: Чайковского */
        continue;
      }
      describe(from, best, &desc);
      /* the dictionary form in the text's language where the ID has one:
       * a Ukrainian row's form met in Russian text (Рааб) reports the
       * Russian name */
      uint32_t norm_at = p->lang < 4 && e->norm[p->lang] ? e->norm[p->lang]
                                                         : e->norm[best->lang < 4 ? best->lang : 0];
      const char *norm = tt_gaz_str(from, norm_at);
      uint32_t ref = tt_doc_str(doc, tt_gaz_str(from, e->id));
      uint32_t nrm = *norm ? tt_doc_str(doc, norm) : 0;
      size_t name_start = i, name_end = best_end;
      if ((pl->flags & TEITAG_PIPE_NO_RULES) && e->type == TEITAG_TYPE_PER &&
          best_end == i + 1) {
        name_start = given_names_before(pl, doc, p, i);
        if (name_start == i)
          name_end = initials_after(doc, p, best_end);
        size_t named_by = name_start < i ? name_start : best_end;
        if (name_end > best_end || name_start < i) {
          if (namesake_at(doc, p, named_by, norm))
            ref = nrm = 0;
          tt_buf_puts(&desc, name_start < i ? " with the given name or initials before"
                                            : " with the initials after");
        }
      }
      /* a person listed with the title the news puts before the name
       * (Pope Francis, Митрополит Епіфаній, Король Чарльз): the title
       * helps the match and stays outside the name */
      size_t first = name_start;
      while (e->type == TEITAG_TYPE_PER && first + 1 < best_end &&
             (tt_word_class(doc->toks[first].hash) & TT_WC_ROLE))
        first++;
      tt_span *sp = tt_doc_add_token_span(
          doc, first, name_end, (teitag_type)e->type,
          best->flags & TT_GZ_INFLECTED || name_start < i || name_end > best_end
              ? TEITAG_CERT_MEDIUM
              : TEITAG_CERT_HIGH,
          tt_buf_cstr(&desc));
      sp->ref = ref;
      sp->norm = nrm;
      sp->infl_case = best->flags & TT_GZ_INFLECTED ? (uint8_t)(best->case_id + 1) : 0;
      i = name_end - 1;
    }
  }
  tt_buf_free(&desc);
  for (size_t gi = 0; gi < pl->n_gaz; gi++)
    if (pl->gaz[gi]->corrupt)
      return corrupt(pl->gaz[gi], diag);
  return TEITAG_OK;
}

/* ---- the public API --------------------------------------------------------- */

teitag_status teitag_pipeline_add_gazetteer(teitag_pipeline *p,
                                            const char *path,
                                            teitag_diag *diag) {
  tt_diag_clear(diag);
  if (!p || !path)
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET, "NULL argument");
  tt_chars_init();
  tt_gaz *g;
  teitag_status st = tt_gaz_load(path, &g, diag);
  if (st != TEITAG_OK)
    return st;
  TT_RESERVE(p->gaz, p->cap_gaz, p->n_gaz + 1);
  p->gaz[p->n_gaz++] = g;
  tt_pipeline_new_serial(p);
  return TEITAG_OK;
}

teitag_status teitag_pipeline_use_default_gazetteer(teitag_pipeline *p,
                                                    teitag_diag *diag) {
  const char *dir = getenv("TEITAG_DATA_DIR");
  char path[4096];
  if (dir && *dir)
    snprintf(path, sizeof path, "%s/teitag.gaz", dir);
  else
    snprintf(path, sizeof path, "%s", TEITAG_PKGDATADIR "/teitag.gaz");
  return teitag_pipeline_add_gazetteer(p, path, diag);
}

static void forward_report(void *ctx, const char *file, size_t line,
                           const char *message) {
  void **pair = ctx;
  teitag_report_fn fn = (teitag_report_fn)(uintptr_t)pair[0];
  if (fn)
    fn(pair[1], file, line, message);
}

teitag_status teitag_gazetteer_check(const char *const *paths, size_t n_paths,
                                     teitag_report_fn report, void *ctx,
                                     size_t *n_problems) {
  void *pair[2] = {(void *)(uintptr_t)report, ctx};
  /* Rows are checked and forgotten: one entry per ID is all that stays. */
  tt_gaz_reader *r = tt_gaz_reader_new(NULL, NULL, forward_report, pair);
  for (size_t i = 0; i < n_paths; i++)
    tt_gaz_reader_read(r, paths[i]);
  size_t bad = tt_gaz_reader_problems(r);
  tt_gaz_reader_free(r);
  if (n_problems)
    *n_problems = bad;
  return bad ? TEITAG_ESYNTAX : TEITAG_OK;
}

/* Writes the image under a temporary name in the output's directory and
 * renames it: never half a file, and no temporary file left on failure. */
static teitag_status write_compiled(tt_gaz_compiler *c, const char *out_path,
                                    teitag_diag *diag) {
  size_t n = strlen(out_path);
  char *tmp = tt_xmalloc(n + 16);
  snprintf(tmp, n + 16, "%s.tmpXXXXXX", out_path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    teitag_status st = tt_fail(diag, TEITAG_EIO, 0, 0, TT_NO_OFFSET,
                               "%s: cannot create: %s", out_path, strerror(errno));
    free(tmp);
    return st;
  }
  uint64_t size = 0;
  teitag_status st = tt_gaz_compiler_write(c, fd, NULL, &size, diag);
  int err = 0;
  if (st == TEITAG_OK && fsync(fd) != 0 && errno != EINVAL)
    err = errno;
  if (close(fd) != 0 && st == TEITAG_OK && !err)
    err = errno;
  mode_t mask = umask(0);
  umask(mask);
  if (st == TEITAG_OK && !err)
    chmod(tmp, 0666 & ~mask);
  if (st == TEITAG_OK && !err && rename(tmp, out_path) != 0)
    err = errno;
  if (st != TEITAG_OK || err)
    unlink(tmp);
  if (err)
    st = tt_fail(diag, TEITAG_EIO, 0, 0, TT_NO_OFFSET, "%s: write error: %s",
                 out_path, strerror(err));
  else if (st == TEITAG_OK)
    tt_fail(diag, TEITAG_OK, 0, 0, TT_NO_OFFSET, "%zu rows, %zu bytes",
            tt_gaz_compiler_rows(c), (size_t)size);
  free(tmp);
  return st;
}

teitag_status teitag_gazetteer_compile(const char *const *paths,
                                       size_t n_paths, const char *out_path,
                                       teitag_report_fn report, void *ctx,
                                       teitag_diag *diag) {
  tt_diag_clear(diag);
  if (!paths || !out_path)
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET, "NULL argument");
  void *pair[2] = {(void *)(uintptr_t)report, ctx};
  /* Every source is checked before anything is compiled; rows are logged
   * meanwhile, so they are read once. */
  tt_gaz_compiler *c = tt_gaz_compiler_new(paths, n_paths, out_path,
                                           forward_report, pair);
  tt_gaz_reader *r = tt_gaz_reader_new(add_row, c, forward_report, pair);
  for (size_t i = 0; i < n_paths; i++)
    tt_gaz_reader_read(r, paths[i]);
  size_t bad = tt_gaz_reader_problems(r);
  tt_gaz_reader_free(r);
  teitag_status st;
  if (bad) {
    st = tt_fail(diag, TEITAG_ESYNTAX, 0, 0, TT_NO_OFFSET,
                 "%s: %zu bad row%s; nothing written", out_path, bad,
                 bad == 1 ? "" : "s");
  } else {
    st = tt_gaz_compiler_build(c, diag);
    if (st == TEITAG_ESYNTAX)
      st = tt_fail(diag, st, 0, 0, TT_NO_OFFSET, "%s: bad rows; nothing written",
                   out_path);
    else if (st == TEITAG_OK)
      st = write_compiled(c, out_path, diag);
  }
  tt_gaz_compiler_free(c);
  return st;
}

teitag_status teitag_gazetteer_lookup(const teitag_pipeline *p,
                                      const char *text, size_t len,
                                      teitag_match_fn fn, void *ctx,
                                      teitag_diag *diag) {
  teitag_doc *doc;
  teitag_status st = teitag_doc_from_bytes(p, text, len, "lookup", &doc, diag);
  if (st != TEITAG_OK)
    return st;
  tt_buf desc = {NULL, 0, 0};
  int stop = 0;
  for (size_t pi = 0; pi < doc->n_paras && !stop; pi++) {
    const tt_para *para = &doc->paras[pi];
    for (size_t b = para->tok_begin; b < para->tok_end && !stop; b++) {
      if (!can_start(&doc->toks[b]))
        continue;
      for (size_t gi = p->n_gaz; gi-- > 0 && !stop;) {
        tt_gaz *g = p->gaz[gi];
        /* Report every key that fits at b, of every length. */
        uint64_t h = tt_gz_seq_start(doc->toks[b].hash);
        for (size_t j = b; j < para->tok_end && !stop;) {
          const tt_gz_slot *s;
          int more = step(g, h, &s);
          for (uint32_t i = 0; s && i < s->n_keys && !stop; i++) {
            if (s->first >= g->h->n_keys || i >= g->h->n_keys - s->first ||
                !tt_gaz_trust(g, g->h->keys_off + (uint64_t)(s->first + i) * sizeof(tt_gz_key),
                              sizeof(tt_gz_key)))
              break;
            const tt_gz_key *k = &g->keys[s->first + i];
            const tt_gz_entity *e = entity_at(g, k->entity);
            if (!e || !key_matches(g, k, doc, b, j + 1))
              continue;
            describe(g, k, &desc);
            teitag_gazetteer_match m;
            m.start = doc->toks[b].start;
            m.end = doc->toks[j].end;
            /* lexicon entries (given names) show with type NONE */
            m.type = e->type <= TEITAG_TYPE_ORG ? (teitag_type)e->type : TEITAG_TYPE_NONE;
            m.cert = k->flags & TT_GZ_INFLECTED ? TEITAG_CERT_MEDIUM : TEITAG_CERT_HIGH;
            m.ref = tt_gaz_str(g, e->id);
            m.norm = tt_gaz_str(g, e->norm[k->lang < 4 ? k->lang : 0]);
            m.form = k->form ? tt_gaz_str(g, k->form) : "";
            m.lang = (teitag_lang)k->lang;
            m.source = tt_buf_cstr(&desc);
            m.gazetteer = g->path;
            stop = fn(ctx, &m) != 0;
          }
          if (!more || ++j >= para->tok_end)
            break;
          h = tt_gz_seq_next(h, doc->toks[j].hash);
        }
      }
    }
  }
  tt_buf_free(&desc);
  teitag_doc_free(doc);
  for (size_t gi = 0; gi < p->n_gaz; gi++)
    if (p->gaz[gi]->corrupt)
      return corrupt(p->gaz[gi], diag);
  return TEITAG_OK;
}

int tt_pipeline_given_name(const teitag_pipeline *p, const teitag_doc *doc,
                           size_t tok, char *gender, unsigned *flags,
                           unsigned *langs) {
  char g_all = 0;
  unsigned f_all = 0, l_all = 0;
  int found = 0;
  for (size_t gi = 0; gi < p->n_gaz; gi++) {
    tt_gaz *g = p->gaz[gi];
    const tt_gz_slot *s;
    step(g, tt_gz_seq_start(doc->toks[tok].hash), &s);
    for (uint32_t i = 0; s && i < s->n_keys; i++) {
      if (s->first >= g->h->n_keys || i >= g->h->n_keys - s->first ||
          !tt_gaz_trust(g, g->h->keys_off + (uint64_t)(s->first + i) * sizeof(tt_gz_key),
                        sizeof(tt_gz_key)))
        break;
      const tt_gz_key *k = &g->keys[s->first + i];
      const tt_gz_entity *e = entity_at(g, k->entity);
      if (!e || e->type != TT_GZ_TYPE_GIVEN || !key_matches(g, k, doc, tok, tok + 1))
        continue;
      char eg = e->gender == 'm' || e->gender == 'f' ? (char)e->gender : 'u';
      g_all = !found ? eg : g_all == eg ? g_all : 'u';
      f_all |= e->flags;
      l_all |= 1u << (e->lang & 3);
      found = 1;
    }
  }
  if (found) {
    *gender = g_all;
    *flags = f_all;
    *langs = l_all;
  }
  return found;
}

/* Dictionary forms of an entity in every language, for standOff lists. */
void tt_pipeline_entity_norms(const teitag_pipeline *p, const char *id,
                              const char *norms[4]) {
  for (int l = 0; l < 4; l++)
    norms[l] = NULL;
  if (!p)
    return;
  for (size_t gi = p->n_gaz; gi-- > 0;) {
    tt_gaz *g = p->gaz[gi];
    const tt_gz_entity *e = tt_gaz_find_id(g, id);
    if (!e)
      continue;
    for (int l = TEITAG_LANG_EN; l <= TEITAG_LANG_RU; l++)
      if (!norms[l] && e->norm[l])
        norms[l] = tt_gaz_str(g, e->norm[l]);
  }
}
