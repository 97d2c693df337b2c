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
 *
 * Memory does not grow with the number of keys.  Rows are only logged
 * until every source has been checked.  Compiling them sorts keys and
 * prefix hashes in bounded runs kept in a temporary file next to the
 * output (spill.h); one merge drops duplicate keys, counts, and leaves the
 * keys in order in a second temporary file, so that every section's size
 * is known before the first byte is written.  The image then goes out
 * section by section, each 64 KiB block's checksum taken on the way, with
 * the header and the block table last.  What stays in memory is the
 * string pool and the entities while rows are compiled, then one hash
 * table at a time.
 */
#include "config.h"

#include <assert.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gaz.h"
#include "spill.h"

/* Bounds of what is held in memory (in-memory compiles hold everything). */
enum {
  SPILL_MEM_LIMIT = 32 << 20, /* store bytes before moving to a file */
  KEY_RUN = 1 << 18,          /* keys sorted at a time (14 MiB) */
  PREFIX_RUN = 1 << 20,       /* prefix hashes sorted at a time (8 MiB) */
  LOG_WINDOW = 1 << 20,       /* read-ahead of the row log */
  PREFETCH_BATCH = 32,        /* hash-table inserts asked for ahead */
  RECENT_PREFIXES = 4096,     /* prefixes remembered to skip repeats */
  ROW_GROUP = 16              /* rows whose strings are looked up ahead */
};

/* ---- a string pool with interning --------------------------------------- */

/* Each slot holds 32 bits of the string's hash above its offset + 1, so a
 * probe rejects other strings without reading them (a cache miss each in
 * a pool of tens of megabytes), and growing never rereads the pool. */
typedef struct {
  tt_buf data;
  uint64_t *slots; /* 0: empty */
  size_t cap, n;
} pool;

static void pool_init(pool *p) {
  memset(p, 0, sizeof *p);
  tt_buf_putc(&p->data, '\0');
}

static void pool_grow(pool *p) {
  size_t cap = p->cap ? p->cap * 2 : 4096;
  uint64_t *s = tt_xcalloc_table(cap, sizeof *s);
  for (size_t i = 0; i < p->cap; i++) {
    if (!p->slots[i])
      continue;
    size_t h = (size_t)(p->slots[i] >> 32) & (cap - 1);
    while (s[h])
      h = (h + 1) & (cap - 1);
    s[h] = p->slots[i];
  }
  free(p->slots);
  p->slots = s;
  p->cap = cap;
}

/* Interns `s`, whose tt_hash_bytes() is `hash`; returns its offset. */
static uint32_t pool_add_hashed(pool *p, const char *s, size_t len,
                                uint64_t hash) {
  if (len == 0)
    return 0;
  if ((p->n + 1) * 4 > p->cap * 3)
    pool_grow(p);
  uint64_t tag = hash >> 32;
  size_t h = (size_t)tag & (p->cap - 1);
  for (; p->slots[h]; h = (h + 1) & (p->cap - 1)) {
    if (p->slots[h] >> 32 != tag)
      continue;
    size_t off = (uint32_t)p->slots[h] - 1;
    if (off + len < p->data.len && p->data.data[off + len] == '\0' &&
        memcmp(p->data.data + off, s, len) == 0)
      return (uint32_t)off;
  }
  uint32_t off = (uint32_t)p->data.len;
  tt_buf_put(&p->data, s, len);
  tt_buf_putc(&p->data, '\0');
  p->slots[h] = tag << 32 | (uint64_t)(off + 1);
  p->n++;
  return off;
}

static uint32_t pool_add(pool *p, const char *s, size_t len) {
  return pool_add_hashed(p, s, len, tt_hash_bytes(s, len));
}

/* Asks for the slot where a string of this hash is looked up first. */
TT_PREFETCH_HELPER void pool_prefetch(const pool *p, uint64_t hash) {
  if (p->cap)
    TT_PREFETCH(&p->slots[(size_t)(hash >> 32) & (p->cap - 1)]);
}

/* No more strings come: the interning table can go. */
static void pool_seal(pool *p) {
  free(p->slots);
  p->slots = NULL;
  p->cap = p->n = 0;
}

static void pool_free(pool *p) {
  tt_buf_free(&p->data);
  free(p->slots);
}

/* Distinct first-token hashes are counted until the filter size stops
 * depending on them (FIRST_CAP of them give the largest filter). */
enum { FIRST_CAP = 1 << 20 };

/* Adds first-token hashes in a batch, the slots asked for ahead. */
static void hash_set_add_all(tt_hash_set *s, const uint64_t *v, size_t n) {
  for (size_t i = 0; i < n && s->cap; i++)
    TT_PREFETCH(&s->slots[v[i] & (s->cap - 1)]);
  for (size_t i = 0; i < n; i++)
    tt_hash_set_add(s, v[i], FIRST_CAP);
}

/* ---- keys while compiling ------------------------------------------------- */

/* A key on its way to the image, as sorted in runs. */
typedef struct {
  uint64_t hash;   /* sequence hash; first, as spill.h sorts by it */
  uint64_t first;  /* hash of the first token's key */
  uint64_t order;  /* priority: lower wins among equal sequences */
  tt_gz_key k;
} ckey;

/* A key merged back in order, without duplicates; read twice: for the
 * prefix flags, then to write. */
typedef struct {
  uint64_t hash;
  uint64_t first;
  tt_gz_key k;
} sorted_key;

/* A row as logged: its strings follow, each with its NUL. */
typedef struct {
  uint32_t file, line, id_index;
  uint32_t id_len, form_len, stems_len;
  int32_t infl;
  uint8_t type, lang, gender, flags;
  char attr_gender;
  uint8_t indecl, soft, given;
} logged_row;

/* Sizes and offsets of every section, known before writing. */
typedef struct {
  uint64_t n_keys;    /* after dropping duplicates */
  uint64_t n_seq;     /* distinct key sequences */
  uint64_t n_only;    /* prefixes that are not keys themselves */
  uint64_t n_first;   /* distinct first tokens, counted up to a cap */
  size_t n_slots, n_prefix_slots, n_ids, filter_bits, n_blocks;
  tt_gz_header h;     /* all but the checksums */
} layout;

struct tt_gaz_compiler {
  tt_gaz_report_fn report;
  void *ctx;
  char **files; /* source names as given */
  size_t n_files;
  char *out_path; /* for messages; NULL for an image in memory */
  tt_spill *spill;  /* the row log, then runs of keys and prefixes */
  tt_spill *sorted; /* the keys merged, then the prefixes that are not keys;
                       a store of its own, so that the first can go before
                       the output is written */
  int store_err;          /* errno of the first failure of either */
  const char *store_what; /* what failed: "create", "write", "read" */
  uint64_t log_size;
  size_t n_rows;
  int built;
  /* compiling rows */
  pool strings;
  tt_gz_entity *entities;
  size_t n_entities, cap_entities;
  uint64_t *id_hash; /* per entity: hash for the ID table; 0: no ID */
  size_t cap_id_hash;
  uint32_t *entity_of_id; /* entity + 1 by ID number */
  size_t cap_entity_of_id;
  tt_runs keys, prefixes;
  uint64_t recent_prefixes[RECENT_PREFIXES];
  teitag_doc *scratch; /* tokenizes forms exactly as documents */
  size_t scratch_cap;
  tt_buf joined; /* scratch for one key's strings */
  const tt_gaz_row *row; /* the row being compiled */
  size_t row_index;
  uint32_t entity;
  size_t bad;
  /* counting and writing */
  uint64_t sorted_off;  /* the merged keys (sorted_key), in the store */
  uint64_t only_off;    /* the prefixes that are not keys, ascending */
  unsigned char *seq_is_prefix; /* a bit per distinct key sequence */
  uint32_t *file_names; /* pool offsets of the files' base names */
  layout L;
};

static uint32_t new_entity(tt_gaz_compiler *c, uint8_t type, uint64_t id_hash) {
  TT_RESERVE(c->entities, c->cap_entities, c->n_entities + 1);
  TT_RESERVE(c->id_hash, c->cap_id_hash, c->n_entities + 1);
  tt_gz_entity *e = &c->entities[c->n_entities];
  memset(e, 0, sizeof *e);
  e->type = type;
  c->id_hash[c->n_entities] = id_hash;
  return (uint32_t)c->n_entities++;
}

/* The entity of a row with an ID: the reader numbered the IDs, so equal
 * IDs are found without comparing strings. */
static uint32_t entity_of(tt_gaz_compiler *c, const tt_gaz_row *r,
                          uint64_t id_hash) {
  size_t have = c->cap_entity_of_id;
  TT_RESERVE(c->entity_of_id, c->cap_entity_of_id, (size_t)r->id_index + 1);
  memset(c->entity_of_id + have, 0,
         (c->cap_entity_of_id - have) * sizeof *c->entity_of_id);
  if (c->entity_of_id[r->id_index])
    return c->entity_of_id[r->id_index] - 1;
  uint32_t e = new_entity(c, r->type, id_hash ? id_hash : 1);
  c->entities[e].id = pool_add_hashed(&c->strings, r->id, strlen(r->id), id_hash);
  c->entity_of_id[r->id_index] = e + 1;
  return e;
}

/* A lexicon entry: one entity of its own, with no ID. */
static uint32_t lexicon_entity(tt_gaz_compiler *c, const tt_gaz_row *r) {
  uint32_t e = new_entity(c, r->type, 0);
  c->entities[e].gender = r->gender;
  c->entities[e].flags = r->flags;
  c->entities[e].lang = r->lang;
  return e;
}

/* Cuts `form` into tokens with the document tokenizer.  The scratch
 * document's text buffer is reused: millions of forms pass through it. */
static void tokenize_form(tt_gaz_compiler *c, const char *form, size_t len) {
  teitag_doc *d = c->scratch;
  if (len + 1 > c->scratch_cap) {
    c->scratch_cap = (len + 1) * 2;
    d->text = tt_xrealloc(d->text, c->scratch_cap);
  }
  memcpy(d->text, form, len);
  d->text[len] = '\0';
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

/* Interns the tokens' keys (`as_written` 0) or their text (1), joined by
 * 0x1F. */
static uint32_t pool_add_tokens(tt_gaz_compiler *c, int as_written) {
  const teitag_doc *d = c->scratch;
  tt_buf *b = &c->joined;
  tt_buf_clear(b);
  for (size_t i = 0; i < d->n_toks; i++) {
    const tt_token *t = &d->toks[i];
    if (i)
      tt_buf_putc(b, '\x1F');
    if (as_written)
      tt_buf_put(b, d->text + t->start, t->end - t->start);
    else
      tt_buf_put(b, d->keys.data + t->key, t->key_len);
  }
  return pool_add(&c->strings, b->data, b->len);
}

/* Case forms of one name share some of their prefixes: a small table of
 * recent ones keeps those repeats out of the runs (which would drop them
 * when sorting anyway; a bigger table costs more in cache misses than the
 * sorting it saves).  Sequence hashes are never 0, an empty entry. */
static void add_prefix(tt_gaz_compiler *c, uint64_t hash) {
  uint64_t *seen = &c->recent_prefixes[(hash ^ hash >> 32) % RECENT_PREFIXES];
  if (*seen == hash)
    return;
  *seen = hash;
  memcpy(tt_runs_push(&c->prefixes), &hash, sizeof hash);
}

/* Adds one key for `form` (a dictionary form, whose tt_hash_bytes() is
 * `form_hash`, or a generated case form). */
static void add_key(tt_gaz_compiler *c, const char *form, size_t len,
                    uint64_t form_hash, unsigned generated, int case_id) {
  int inflected = generated != 0;
  tokenize_form(c, form, len);
  const teitag_doc *d = c->scratch;
  if (d->n_toks == 0)
    return;
  if (d->n_toks > TT_GAZ_MAX_TOKENS) {
    if (!inflected && c->report) {
      char msg[128];
      snprintf(msg, sizeof msg, "form has %zu tokens; at most %d are matched",
               d->n_toks, TT_GAZ_MAX_TOKENS);
      c->report(c->ctx, c->files[c->row->file], c->row->line, msg);
    }
    c->bad += !inflected;
    return;
  }
  ckey *k = tt_runs_push(&c->keys);
  memset(k, 0, sizeof *k);
  int exact = 0;
  uint64_t h = 0;
  for (size_t i = 0; i < d->n_toks; i++) {
    const tt_token *t = &d->toks[i];
    unsigned req = case_requirement(t);
    exact |= req == TT_GZ_CASE_EXACT;
    k->k.casemask |= req << (2 * i);
    if (i) /* the sequence before token i */
      add_prefix(c, h);
    h = i ? tt_gz_seq_next(h, t->hash) : tt_gz_seq_start(t->hash);
  }
  k->hash = h;
  k->first = d->toks[0].hash;
  k->k.entity = c->entity;
  /* A generated form is the matched text itself; its hash stands for it. */
  k->k.form = inflected ? 0 : pool_add_hashed(&c->strings, form, len, form_hash);
  k->k.key = inflected ? 0 : pool_add_tokens(c, 0);
  k->k.orig = exact ? pool_add_tokens(c, 1) : 0;
  k->k.line = c->row->line;
  k->k.file = (uint16_t)(c->row->file < 0xFFFF ? c->row->file : 0xFFFF);
  k->k.lang = c->row->lang;
  k->k.flags = (uint8_t)(generated |
                         (exact ? TT_GZ_HAS_EXACT : 0));
  k->k.n_tokens = (uint8_t)d->n_toks;
  k->k.case_id = (uint8_t)case_id;
  /* Later files override earlier ones; within a file the first row wins;
   * an as-written form beats a generated one. */
  uint64_t files_after = c->n_files - 1 - c->row->file;
  k->order = (files_after << 40) | ((uint64_t)c->row_index << 1) |
             (inflected ? 1u : 0u);
}

/* Regions are written with their type word abbreviated as often as in
 * full (Донецька обл., Курской обл., Бахмутський р-н): a form whose
 * last word is a case form of область or район also gets keys with that
 * word abbreviated.  "обл." stands for every case, so it takes the case
 * of the adjective before it; "р-н" keeps the ending (р-ну, р-ні, р-не).
 * The abbreviation's dot is part of its token, so keys are made with the
 * dot and without it (Донецька обл, as text is sometimes cut). */
static void add_abbreviated(tt_gaz_compiler *c, const char *form, size_t len,
                            int case_id) {
  static const struct {
    const char *stem, *abbrev;
    int keep_ending;
  } words[] = {{"област", "обл", 0}, {"район", "р-н", 1}};
  const char *space = NULL;
  for (size_t i = len; i > 0 && !space; i--)
    if (form[i - 1] == ' ')
      space = form + i - 1;
  if (!space || space == form)
    return;
  const char *last = space + 1;
  size_t last_len = len - (size_t)(last - form);
  for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
    size_t stem = strlen(words[w].stem);
    if (last_len < stem || memcmp(last, words[w].stem, stem) != 0)
      continue;
    const char *ending = words[w].keep_ending ? last + stem : last + last_len;
    size_t ending_len = (size_t)(form + len - ending);
    if (ending_len > 4 || (ending_len && !((unsigned char)ending[0] & 0x80)))
      return; /* районний is another word; р-н takes а, у, і, е, ом */
    char buf[512];
    int n = snprintf(buf, sizeof buf, "%.*s %s%.*s", (int)(space - form), form,
                     words[w].abbrev, (int)ending_len, ending);
    if (n <= 0 || (size_t)n >= sizeof buf - 1)
      return;
    add_key(c, buf, (size_t)n, 0, TT_GZ_INFLECTED | TT_GZ_ABBREVIATED, case_id);
    if (ending_len == 0) { /* обл., р-н. */
      buf[n] = '.';
      add_key(c, buf, (size_t)n + 1, 0, TT_GZ_INFLECTED | TT_GZ_ABBREVIATED, case_id);
    }
    return;
  }
}

static void emit_inflected(void *ctx, const char *form, size_t len,
                           int case_id) {
  tt_gaz_compiler *c = ctx;
  add_key(c, form, len, 0, TT_GZ_INFLECTED, case_id);
  if (c->row->type == TEITAG_TYPE_LOC)
    add_abbreviated(c, form, len, case_id);
}

/* A row read back from the log, with the hashes of its ID and form. */
typedef struct {
  tt_gaz_row row;
  size_t text; /* where its strings are in the group's text */
  uint64_t id_hash, form_hash;
} logged;

static void compile_row(tt_gaz_compiler *c, const logged *g) {
  const tt_gaz_row *r = &g->row;
  c->row = r;
  c->entity = r->type == TT_GZ_TYPE_GIVEN ? lexicon_entity(c, r)
                                          : entity_of(c, r, g->id_hash);
  tt_gz_entity *e = &c->entities[c->entity];
  size_t len = strlen(r->form);
  if (!e->norm[r->lang]) /* the first row of an ID in a language */
    e->norm[r->lang] = pool_add_hashed(&c->strings, r->form, len, g->form_hash);
  add_key(c, r->form, len, g->form_hash, 0, TT_CASE_NOM);
  if (r->lang == TEITAG_LANG_UK || r->lang == TEITAG_LANG_RU)
    /* a given name declines as a person's name */
    tt_inflect((teitag_lang)r->lang,
               r->type == TT_GZ_TYPE_GIVEN ? TEITAG_TYPE_PER : (teitag_type)r->type,
               r->form, len, &r->attrs, emit_inflected, c);
  c->row_index++;
}

/* Among keys of one sequence, as-written forms first, then by priority. */
static int by_priority(const void *a, const void *b) {
  const ckey *x = a, *y = b;
  int xi = x->k.flags & TT_GZ_INFLECTED, yi = y->k.flags & TT_GZ_INFLECTED;
  if (xi != yi)
    return xi ? 1 : -1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* ---- the row log ------------------------------------------------------------ */

tt_gaz_compiler *tt_gaz_compiler_new(const char *const *files, size_t n_files,
                                     const char *out_path,
                                     tt_gaz_report_fn report, void *ctx) {
  tt_chars_init();
  tt_gaz_compiler *c = tt_xcalloc(1, sizeof *c);
  c->report = report;
  c->ctx = ctx;
  c->files = tt_xcalloc(n_files + 1, sizeof *c->files);
  for (size_t i = 0; i < n_files; i++)
    c->files[i] = tt_xstrdup(files[i]);
  c->n_files = n_files;
  c->out_path = out_path ? tt_xstrdup(out_path) : NULL;
  pool_init(&c->strings);
  tt_gaz_compiler_limits(c, KEY_RUN, PREFIX_RUN, SPILL_MEM_LIMIT);
  return c;
}

void tt_gaz_compiler_limits(tt_gaz_compiler *c, size_t key_run,
                            size_t prefix_run, size_t mem_limit) {
  assert(c->n_rows == 0 && !c->built);
  tt_runs_free(&c->keys);
  tt_runs_free(&c->prefixes);
  tt_spill_free(c->spill);
  tt_spill_free(c->sorted);
  c->spill = tt_spill_new(c->out_path, mem_limit);
  c->sorted = tt_spill_new(c->out_path, mem_limit);
  tt_runs_init(&c->keys, c->spill, sizeof(ckey), key_run, by_priority, 0);
  tt_runs_init(&c->prefixes, c->spill, sizeof(uint64_t), prefix_run, NULL, 1);
}

void tt_gaz_compiler_add(tt_gaz_compiler *c, const tt_gaz_row *r) {
  assert(!c->built && r->file < c->n_files);
  logged_row lr;
  memset(&lr, 0, sizeof lr);
  lr.file = r->file;
  lr.line = r->line;
  lr.id_index = r->id_index;
  lr.id_len = (uint32_t)strlen(r->id);
  lr.form_len = (uint32_t)strlen(r->form);
  lr.stems_len = r->attrs.stems ? (uint32_t)r->attrs.stems_len : 0;
  lr.infl = r->attrs.infl;
  lr.type = r->type;
  lr.lang = r->lang;
  lr.gender = r->gender;
  lr.flags = r->flags;
  lr.attr_gender = r->attrs.gender;
  lr.indecl = (uint8_t)r->attrs.indecl;
  lr.soft = (uint8_t)r->attrs.soft;
  lr.given = (uint8_t)r->attrs.given;
  tt_spill_append(c->spill, &lr, sizeof lr);
  tt_spill_append(c->spill, r->id, lr.id_len + 1);
  tt_spill_append(c->spill, r->form, lr.form_len + 1);
  tt_spill_append(c->spill, r->attrs.stems ? r->attrs.stems : "", lr.stems_len);
  tt_spill_append(c->spill, "", 1);
  c->n_rows++;
}

size_t tt_gaz_compiler_rows(const tt_gaz_compiler *c) { return c->n_rows; }

/* Reads the next logged row into `g`, its strings to the end of `text`. */
static int next_logged_row(tt_spill_cursor *cur, logged *g, tt_buf *text) {
  logged_row lr;
  if (!tt_spill_cursor_read(cur, &lr, sizeof lr))
    return 0;
  size_t n = (size_t)lr.id_len + lr.form_len + lr.stems_len + 3;
  tt_buf_reserve(text, n);
  if (!tt_spill_cursor_read(cur, text->data + text->len, n))
    return 0;
  g->text = text->len;
  text->len += n;
  tt_gaz_row *row = &g->row;
  memset(row, 0, sizeof *row);
  row->file = lr.file;
  row->line = lr.line;
  row->id_index = lr.id_index;
  row->type = lr.type;
  row->lang = lr.lang;
  row->gender = lr.gender;
  row->flags = lr.flags;
  row->attrs.gender = lr.attr_gender;
  row->attrs.indecl = lr.indecl;
  row->attrs.soft = lr.soft;
  row->attrs.given = lr.given;
  row->attrs.infl = lr.infl;
  row->attrs.stems_len = lr.stems_len;
  return 1;
}

/* Reads up to ROW_GROUP rows; returns how many. */
static size_t read_row_group(tt_spill_cursor *cur, logged *group, tt_buf *text) {
  size_t n = 0;
  tt_buf_clear(text);
  while (n < ROW_GROUP && next_logged_row(cur, &group[n], text))
    n++;
  /* The text is all in (it may have moved): point the rows at it. */
  for (size_t i = 0; i < n; i++) {
    tt_gaz_row *r = &group[i].row;
    r->id = text->data + group[i].text;
    size_t id_len = strlen(r->id);
    r->form = r->id + id_len + 1;
    size_t form_len = strlen(r->form);
    if (r->attrs.stems_len)
      r->attrs.stems = r->form + form_len + 1;
    group[i].id_hash = tt_hash_bytes(r->id, id_len);
    group[i].form_hash = tt_hash_bytes(r->form, form_len);
  }
  return n;
}

/* Rows are compiled a group at a time: the pool slots of their IDs and
 * forms are asked for first, so that those cache misses overlap the
 * tokenizing of the rows before them. */
static void compile_logged_rows(tt_gaz_compiler *c) {
  c->scratch = tt_doc_new("", 0, NULL);
  c->scratch_cap = 1;
  tt_spill_cursor cur;
  tt_spill_cursor_init(&cur, c->spill, 0, c->log_size, LOG_WINDOW);
  tt_buf text = {NULL, 0, 0};
  logged group[ROW_GROUP];
  for (size_t n; (n = read_row_group(&cur, group, &text));) {
    for (size_t i = 0; i < n; i++) {
      pool_prefetch(&c->strings, group[i].id_hash);
      pool_prefetch(&c->strings, group[i].form_hash);
    }
    for (size_t i = 0; i < n; i++)
      compile_row(c, &group[i]);
  }
  tt_buf_free(&text);
  tt_spill_cursor_free(&cur);
  teitag_doc_free(c->scratch);
  c->scratch = NULL;
  tt_buf_free(&c->joined);
  free(c->entity_of_id);
  c->entity_of_id = NULL;
}

/* ---- merging and counting: the layout ------------------------------------------ */

/* The sorted keys with duplicates dropped: two keys are the same
 * candidate when they name the same entity through the same tokens in
 * the same language; the earlier (exact, higher-priority) one stays.  A
 * form two languages share is kept for each, since its case may differ
 * (Пакистане: Ukrainian vocative, Russian locative) and the text's
 * language picks. */
typedef struct {
  tt_merge *m;
  struct kept_key { /* what the kept keys of the current hash are */
    uint32_t entity, casemask;
    uint8_t n_tokens, lang;
  } *same;
  size_t n_same, cap_same;
  uint64_t hash;
} key_stream;

static void key_stream_open(key_stream *ks, const tt_gaz_compiler *c) {
  memset(ks, 0, sizeof *ks);
  ks->m = tt_merge_new(&c->keys);
}

static void key_stream_close(key_stream *ks) {
  tt_merge_free(ks->m);
  free(ks->same);
}

static const ckey *next_key(key_stream *ks) {
  const ckey *k;
  while ((k = tt_merge_next(ks->m))) {
    if (ks->n_same && k->hash == ks->hash) {
      size_t j = 0;
      while (j < ks->n_same && !(ks->same[j].entity == k->k.entity &&
                                 ks->same[j].n_tokens == k->k.n_tokens &&
                                 ks->same[j].lang == k->k.lang &&
                                 ks->same[j].casemask == k->k.casemask))
        j++;
      if (j < ks->n_same)
        continue; /* a duplicate */
    } else {
      ks->n_same = 0;
      ks->hash = k->hash;
    }
    TT_RESERVE(ks->same, ks->cap_same, ks->n_same + 1);
    ks->same[ks->n_same].entity = k->k.entity;
    ks->same[ks->n_same].casemask = k->k.casemask;
    ks->same[ks->n_same].n_tokens = k->k.n_tokens;
    ks->same[ks->n_same].lang = k->k.lang;
    ks->n_same++;
    return k;
  }
  return NULL;
}

/* The one merge of the key runs: drops duplicates, counts keys,
 * sequences and first tokens, and appends the keys in order to the
 * store, where the next passes read them straight through. */
static void merge_keys(tt_gaz_compiler *c) {
  layout *L = &c->L;
  c->sorted_off = tt_spill_size(c->sorted);
  key_stream ks;
  key_stream_open(&ks, c);
  tt_hash_set firsts = TT_HASH_SET_INIT;
  uint64_t batch[PREFETCH_BATCH];
  size_t n_batch = 0;
  const ckey *k;
  while ((k = next_key(&ks))) {
    sorted_key sk;
    sk.hash = k->hash;
    sk.first = k->first;
    sk.k = k->k;
    tt_spill_append(c->sorted, &sk, sizeof sk);
    L->n_seq += ks.n_same == 1; /* the first key of a sequence */
    L->n_keys++;
    batch[n_batch++] = k->first;
    if (n_batch == PREFETCH_BATCH) {
      hash_set_add_all(&firsts, batch, n_batch);
      n_batch = 0;
    }
  }
  hash_set_add_all(&firsts, batch, n_batch);
  L->n_first = firsts.n + (size_t)firsts.zero;
  tt_hash_set_free(&firsts);
  key_stream_close(&ks);
}

/* Reads the merged keys back, a window of whole records at a time. */
static void open_sorted_keys(tt_gaz_compiler *c, tt_spill_cursor *cur) {
  tt_spill_cursor_init(cur, c->sorted, c->sorted_off,
                       c->L.n_keys * sizeof(sorted_key),
                       (1 << 20) / sizeof(sorted_key) * sizeof(sorted_key));
}

/* The merge of the prefix runs, walked alongside the distinct key
 * sequences (both ascending): a prefix equal to a key flags that key's
 * slot, the others are appended to the store for the prefix set. */
static void merge_prefixes(tt_gaz_compiler *c) {
  layout *L = &c->L;
  c->only_off = tt_spill_size(c->sorted);
  c->seq_is_prefix = tt_xcalloc(L->n_seq / 8 + 1, 1);
  tt_merge *m = tt_merge_new(&c->prefixes);
  const uint64_t *p = tt_merge_next(m);
  tt_spill_cursor cur;
  open_sorted_keys(c, &cur);
  const sorted_key *sk;
  uint64_t seq = 0, last = 0;
  for (size_t n; (n = tt_spill_cursor_next(&cur, sizeof *sk, SIZE_MAX,
                                            (const void **)&sk));)
    for (; n--; sk++) {
      if (seq && sk->hash == last)
        continue; /* the same sequence */
      last = sk->hash;
      for (; p && *p < sk->hash; p = tt_merge_next(m), L->n_only++)
        tt_spill_append(c->sorted, p, sizeof *p);
      if (p && *p == sk->hash) {
        c->seq_is_prefix[seq / 8] |= (unsigned char)(1u << (seq % 8));
        p = tt_merge_next(m);
      }
      seq++;
    }
  for (; p; p = tt_merge_next(m), L->n_only++)
    tt_spill_append(c->sorted, p, sizeof *p);
  tt_spill_cursor_free(&cur);
  tt_merge_free(m);
}

static size_t pow2_at_least(size_t n) {
  size_t p = 16;
  while (p < n)
    p *= 2;
  return p;
}

static uint64_t align8(uint64_t n) { return (n + 7) & ~(uint64_t)7; }

/* Places the sections one after another, each 8-aligned, after the header
 * and a block table sized from an upper bound of the payload. */
static void plan_layout(tt_gaz_compiler *c) {
  layout *L = &c->L;
  /* Slot table and prefix set at a load of at most 3/4; the first-token
   * filter at 16 bits per first token, within [2^16, 2^24]. */
  L->n_slots = pow2_at_least(L->n_seq + L->n_seq / 3 + 1);
  L->n_prefix_slots = pow2_at_least(L->n_only + L->n_only / 3 + 1);
  L->filter_bits = pow2_at_least(L->n_first * 16);
  if (L->filter_bits < 65536)
    L->filter_bits = 65536;
  if (L->filter_bits > (1u << 24))
    L->filter_bits = 1u << 24;
  L->n_ids = pow2_at_least(c->n_entities + c->n_entities / 3 + 1);
  size_t payload_est = c->strings.data.len + c->n_entities * sizeof(tt_gz_entity) +
                       L->n_keys * sizeof(tt_gz_key) + L->n_slots * sizeof(tt_gz_slot) +
                       L->n_prefix_slots * 8 + 8 + L->n_ids * sizeof(tt_gz_id_slot) +
                       L->filter_bits / 4 + c->n_files * 4 + 64;
  L->n_blocks = payload_est / TT_GAZ_BLOCK + 2;
  tt_gz_header *h = &L->h;
  memset(h, 0, sizeof *h);
  memcpy(h->magic, TT_GAZ_MAGIC, 8);
  h->version = TT_GAZ_VERSION;
  h->byte_order = TT_GAZ_BYTE_ORDER;
  h->block_size = TT_GAZ_BLOCK;
  h->n_rows = c->n_rows;
  h->blocks_off = align8(sizeof *h);
  h->payload_off = align8(h->blocks_off + L->n_blocks * 8);
  h->strings_off = h->payload_off;
  h->strings_size = c->strings.data.len;
  h->entities_off = align8(h->strings_off + h->strings_size);
  h->n_entities = c->n_entities;
  h->keys_off = align8(h->entities_off + h->n_entities * sizeof(tt_gz_entity));
  h->n_keys = L->n_keys;
  h->slots_off = align8(h->keys_off + h->n_keys * sizeof(tt_gz_key));
  h->n_slots = L->n_slots;
  h->prefixes_off = align8(h->slots_off + h->n_slots * sizeof(tt_gz_slot));
  h->n_prefixes = L->n_prefix_slots;
  h->ids_off = align8(h->prefixes_off + h->n_prefixes * 8);
  h->n_ids = L->n_ids;
  h->filter_off = align8(h->ids_off + h->n_ids * sizeof(tt_gz_id_slot));
  h->filter_bits = L->filter_bits;
  h->files_off = align8(h->filter_off + h->filter_bits / 4);
  h->n_files = c->n_files;
  h->file_size = align8(h->files_off + h->n_files * 4);
  uint64_t payload = h->file_size - h->payload_off;
  h->n_blocks = (uint32_t)((payload + TT_GAZ_BLOCK - 1) / TT_GAZ_BLOCK);
  if (h->n_blocks > L->n_blocks)
    h->n_blocks = (uint32_t)L->n_blocks; /* cannot happen: the estimate is an upper bound */
}

/* The files keep their base names, after every other string. */
static void name_files(tt_gaz_compiler *c) {
  c->file_names = tt_xmalloc((c->n_files + 1) * sizeof *c->file_names);
  for (size_t f = 0; f < c->n_files; f++) {
    const char *name = c->files[f];
    const char *slash = strrchr(name, '/');
    name = slash ? slash + 1 : name;
    c->file_names[f] = pool_add(&c->strings, name, strlen(name));
  }
}

/* Has a temporary store failed?  Notes the first failure, which outlives
 * the store. */
static int stores_failed(tt_gaz_compiler *c) {
  tt_spill *stores[2] = {c->spill, c->sorted};
  for (int i = 0; i < 2 && !c->store_err; i++)
    if (stores[i])
      c->store_err = tt_spill_error(stores[i], &c->store_what);
  return c->store_err != 0;
}

/* Frees a store that is done with; its file, already unlinked, goes. */
static void drop_store(tt_gaz_compiler *c, tt_spill **s) {
  stores_failed(c);
  tt_spill_free(*s);
  *s = NULL;
}

static teitag_status spill_failed(const tt_gaz_compiler *c, teitag_diag *diag) {
  const char *path = c->out_path ? c->out_path : "gazetteer";
  if (strcmp(c->store_what, "create") == 0)
    return tt_fail(diag, TEITAG_EIO, 0, 0, TT_NO_OFFSET,
                   "%s: cannot create a temporary file next to it: %s", path,
                   strerror(c->store_err));
  return tt_fail(diag, TEITAG_EIO, 0, 0, TT_NO_OFFSET,
                 "%s: %s error in a temporary file next to it: %s", path,
                 c->store_what, strerror(c->store_err));
}

teitag_status tt_gaz_compiler_build(tt_gaz_compiler *c, teitag_diag *diag) {
  assert(!c->built);
  c->built = 1;
  c->log_size = tt_spill_size(c->spill);
  compile_logged_rows(c);
  tt_runs_flush(&c->keys);
  tt_runs_flush(&c->prefixes);
  name_files(c);
  pool_seal(&c->strings);
  if (stores_failed(c))
    return spill_failed(c, diag);
  if (c->bad)
    return TEITAG_ESYNTAX;
  merge_keys(c);
  merge_prefixes(c);
  plan_layout(c);
  if (stores_failed(c))
    return spill_failed(c, diag);
  /* The runs are merged: their disk space goes before the output's. */
  tt_runs_free(&c->keys);
  tt_runs_free(&c->prefixes);
  drop_store(c, &c->spill);
  return TEITAG_OK;
}

/* ---- writing the image -------------------------------------------------------- */

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

/* The image on its way out: payload blocks are filled one at a time,
 * checksummed and written at their place; the header and block table go
 * to the front last. */
typedef struct {
  int fd;          /* the file, or -1 */
  tt_buf *mem;     /* else the image is built here */
  uint64_t pos;    /* bytes of the image so far */
  uint64_t payload_off;
  unsigned char *block;
  size_t fill;
  uint64_t *sums;  /* one per block, as many as the table has room for */
  size_t n_sums, max_sums;
  int err;         /* errno of the first failed write */
} image_out;

static void out_open(image_out *o, int fd, tt_buf *mem, const layout *L) {
  memset(o, 0, sizeof *o);
  o->fd = fd;
  o->mem = mem;
  o->pos = o->payload_off = L->h.payload_off;
  o->block = tt_xmalloc(TT_GAZ_BLOCK);
  o->max_sums = L->n_blocks;
  o->sums = tt_xcalloc(o->max_sums, sizeof *o->sums);
  if (mem) {
    tt_buf_clear(mem);
    tt_buf_reserve(mem, L->h.file_size);
    memset(mem->data, 0, L->h.payload_off);
    mem->len = L->h.payload_off;
  }
}

static void flush_block(image_out *o) {
  if (o->fill == 0)
    return;
  uint64_t off = o->payload_off + o->n_sums * (uint64_t)TT_GAZ_BLOCK;
  if (o->n_sums < o->max_sums)
    o->sums[o->n_sums] = tt_gz_checksum(o->block, o->fill);
  o->n_sums++;
  if (o->mem)
    tt_buf_put(o->mem, (const char *)o->block, o->fill);
  else if (!o->err)
    o->err = tt_write_all_at(o->fd, o->block, o->fill, off);
  o->fill = 0;
}

static void out_put(image_out *o, const void *p, size_t len) {
  const unsigned char *s = p;
  while (len) {
    size_t k = TT_GAZ_BLOCK - o->fill < len ? TT_GAZ_BLOCK - o->fill : len;
    memcpy(o->block + o->fill, s, k);
    o->fill += k;
    o->pos += k;
    s += k;
    len -= k;
    if (o->fill == TT_GAZ_BLOCK)
      flush_block(o);
  }
}

/* Zeros up to where the next section starts. */
static void out_pad_to(image_out *o, uint64_t off) {
  static const unsigned char zeros[8];
  assert(o->pos <= off && off - o->pos < sizeof zeros);
  out_put(o, zeros, (size_t)(off - o->pos));
}

/* Writes the header and the block table, the header's checksum covering
 * both. */
static void out_close(image_out *o, tt_gz_header h) {
  flush_block(o);
  size_t front = (size_t)o->payload_off;
  unsigned char *buf = tt_xcalloc(front, 1);
  memcpy(buf + h.blocks_off, o->sums, (size_t)h.n_blocks * 8);
  memcpy(buf, &h, sizeof h);
  uint64_t hs = tt_gz_checksum(buf, offsetof(tt_gz_header, header_checksum)) ^
                tt_gz_checksum(buf + h.blocks_off, (size_t)h.n_blocks * 8);
  memcpy(buf + offsetof(tt_gz_header, header_checksum), &hs, 8);
  if (o->mem)
    memcpy(o->mem->data, buf, front);
  else if (!o->err)
    o->err = tt_write_all_at(o->fd, buf, front, 0);
  free(buf);
  free(o->block);
  free(o->sums);
}

static void write_strings(tt_gaz_compiler *c, image_out *o) {
  out_put(o, c->strings.data.data, c->strings.data.len);
  pool_free(&c->strings);
  memset(&c->strings, 0, sizeof c->strings);
}

static void write_entities(tt_gaz_compiler *c, image_out *o) {
  out_pad_to(o, c->L.h.entities_off);
  out_put(o, c->entities, c->n_entities * sizeof *c->entities);
  free(c->entities);
  c->entities = NULL;
}

/* Puts a sequence hash into the slot table; returns its slot. */
static tt_gz_slot *slot_for(tt_gz_slot *slots, size_t n_slots, uint64_t hash) {
  size_t h = (size_t)hash & (n_slots - 1);
  while (slots[h].hash && slots[h].hash != hash)
    h = (h + 1) & (n_slots - 1);
  slots[h].hash = hash;
  return &slots[h];
}

/* The last pass over the sorted keys: writes them, and fills the slot
 * table (every key's full sequence; proper prefixes that are full keys
 * too have a flag in their slot) and the first-token filter (bitset 0 for
 * forms whose first word may be lower case, bitset 1 for all). */
static void write_keys(tt_gaz_compiler *c, image_out *o, tt_gz_slot *slots,
                       uint64_t *filter) {
  const layout *L = &c->L;
  out_pad_to(o, L->h.keys_off);
  tt_spill_cursor cur;
  open_sorted_keys(c, &cur);
  tt_gz_slot *s = NULL;
  const sorted_key *batch;
  uint64_t seq = 0, last = 0;
  uint32_t i = 0;
  /* Slots are read at random: asking for a batch of them ahead hides
   * most of the cache misses. */
  for (size_t n; (n = tt_spill_cursor_next(&cur, sizeof *batch, PREFETCH_BATCH,
                                            (const void **)&batch));) {
    for (size_t j = 0; j < n; j++)
      TT_PREFETCH(&slots[batch[j].hash & (L->n_slots - 1)]);
    for (const sorted_key *sk = batch; sk < batch + n; sk++, i++) {
      out_put(o, &sk->k, sizeof sk->k);
      if (i == 0 || sk->hash != last) { /* a new sequence */
        last = sk->hash;
        s = slot_for(slots, L->n_slots, sk->hash);
        s->first = i;
        if (c->seq_is_prefix[seq / 8] & (1u << (seq % 8)))
          s->flags |= TT_GZ_SLOT_PREFIX;
        seq++;
      }
      if (s->n_keys < 0xFFFF)
        s->n_keys++;
      size_t bit = (size_t)(sk->first ^ (sk->first >> 29)) & (L->filter_bits - 1);
      if ((sk->k.casemask & 3) == TT_GZ_CASE_ANY)
        tt_bit_set(filter, bit);
      tt_bit_set(filter + L->filter_bits / 64, bit);
    }
  }
  tt_spill_cursor_free(&cur);
}

static void write_slots(tt_gaz_compiler *c, image_out *o, tt_gz_slot *slots) {
  out_pad_to(o, c->L.h.slots_off);
  out_put(o, slots, c->L.n_slots * sizeof *slots);
}

/* The prefix set: bare hashes, inserted in ascending order. */
static void write_prefixes(tt_gaz_compiler *c, image_out *o) {
  size_t n = c->L.n_prefix_slots;
  uint64_t *set = tt_xcalloc_table(n, sizeof *set);
  tt_spill_cursor cur;
  tt_spill_cursor_init(&cur, c->sorted, c->only_off, c->L.n_only * 8, 1 << 16);
  const uint64_t *batch;
  for (size_t k; (k = tt_spill_cursor_next(&cur, sizeof *batch, PREFETCH_BATCH,
                                            (const void **)&batch));) {
    for (size_t j = 0; j < k; j++)
      TT_PREFETCH(&set[batch[j] & (n - 1)]);
    for (size_t j = 0; j < k; j++) {
      size_t h = (size_t)batch[j] & (n - 1);
      while (set[h])
        h = (h + 1) & (n - 1);
      set[h] = batch[j];
    }
  }
  tt_spill_cursor_free(&cur);
  out_pad_to(o, c->L.h.prefixes_off);
  out_put(o, set, n * sizeof *set);
  free(set);
}

/* The ID table, in entity order; lexicon entries have no ID. */
static void write_ids(tt_gaz_compiler *c, image_out *o) {
  size_t n = c->L.n_ids;
  tt_gz_id_slot *ids = tt_xcalloc_table(n, sizeof *ids);
  for (size_t e = 0; e < c->n_entities; e++) {
    if (e + PREFETCH_BATCH < c->n_entities)
      TT_PREFETCH(&ids[c->id_hash[e + PREFETCH_BATCH] & (n - 1)]);
    uint64_t hash = c->id_hash[e];
    if (!hash)
      continue;
    size_t h = (size_t)hash & (n - 1);
    while (ids[h].hash)
      h = (h + 1) & (n - 1);
    ids[h].hash = hash;
    ids[h].entity = (uint32_t)e;
  }
  out_pad_to(o, c->L.h.ids_off);
  out_put(o, ids, n * sizeof *ids);
  free(ids);
}

teitag_status tt_gaz_compiler_write(tt_gaz_compiler *c, int fd, tt_buf *mem,
                                    uint64_t *size, teitag_diag *diag) {
  assert(c->built && !c->bad && (fd >= 0) != (mem != NULL));
  const layout *L = &c->L;
  image_out o;
  out_open(&o, fd, mem, L);
  write_strings(c, &o);
  write_entities(c, &o);
  /* One table at a time: the slots, then the prefix set, then the IDs. */
  tt_gz_slot *slots = tt_xcalloc_table(L->n_slots, sizeof *slots);
  uint64_t *filter = tt_xcalloc(L->filter_bits / 32, sizeof *filter);
  write_keys(c, &o, slots, filter);
  write_slots(c, &o, slots);
  free(slots);
  write_prefixes(c, &o);
  drop_store(c, &c->sorted); /* read for the last time */
  write_ids(c, &o);
  out_pad_to(&o, L->h.filter_off);
  out_put(&o, filter, L->filter_bits / 4);
  free(filter);
  out_pad_to(&o, L->h.files_off);
  out_put(&o, c->file_names, c->n_files * sizeof *c->file_names);
  out_pad_to(&o, L->h.file_size);
  flush_block(&o);
  tt_gz_header h = L->h;
  h.n_blocks = (uint32_t)(o.n_sums < o.max_sums ? o.n_sums : o.max_sums);
  assert(o.pos == h.file_size && h.n_blocks == L->h.n_blocks);
  out_close(&o, h);
  if (size)
    *size = h.file_size;
  if (stores_failed(c))
    return spill_failed(c, diag);
  if (o.err)
    return tt_fail(diag, TEITAG_EIO, 0, 0, TT_NO_OFFSET, "%s: write error: %s",
                   c->out_path ? c->out_path : "gazetteer", strerror(o.err));
  return TEITAG_OK;
}

void tt_gaz_compiler_free(tt_gaz_compiler *c) {
  if (!c)
    return;
  for (size_t i = 0; i < c->n_files; i++)
    free(c->files[i]);
  free(c->files);
  free(c->out_path);
  tt_runs_free(&c->keys);
  tt_runs_free(&c->prefixes);
  tt_spill_free(c->spill);
  tt_spill_free(c->sorted);
  pool_free(&c->strings);
  free(c->entities);
  free(c->id_hash);
  free(c->entity_of_id);
  teitag_doc_free(c->scratch);
  tt_buf_free(&c->joined);
  free(c->file_names);
  free(c->seq_is_prefix);
  free(c);
}

teitag_status tt_gaz_compile(const tt_gaz_rows *rows, tt_buf *out,
                             tt_gaz_report_fn report, void *ctx) {
  tt_gaz_compiler *c = tt_gaz_compiler_new((const char *const *)rows->files,
                                           rows->n_files, NULL, report, ctx);
  for (size_t i = 0; i < rows->n; i++)
    tt_gaz_compiler_add(c, &rows->rows[i]);
  teitag_status st = tt_gaz_compiler_build(c, NULL);
  if (st == TEITAG_OK)
    st = tt_gaz_compiler_write(c, -1, out, NULL, NULL);
  tt_gaz_compiler_free(c);
  return st;
}
