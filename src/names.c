/* SPDX-License-Identifier: MIT
 *
 * names.c -- the name rules' driver, token helpers, and propagation.
 *
 * The gazetteer proposes the names it knows; the rules in rule_person.c,
 * rule_org.c and rule_place.c propose names from their shape and context
 * (a given name and a capitalised word; a legal form and a quoted name; an
 * adjective and "область"), and this file then spreads what was found
 * through the document: a surname met in a full name is a person where it
 * recurs in any case form, an acronym defined once is an organisation
 * everywhere, and a weaker reading of the same word gives way.  Every
 * candidate names its rule, so that --explain can say why.  The resolver
 * chooses among all candidates afterwards.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "gaz.h"
#include "names.h"
#include "wordclass.h"

/* ---- token helpers ------------------------------------------------------ */

int tt_n_article_surname(const tt_names *n, size_t i) {
  static const char *const articles[] = {"al-", "el-", "ad-", "ash-", "as-",
                                         "an-", "ar-", "at-", "az-", NULL};
  const tt_token *t = &n->doc->toks[i];
  const char *s = n->doc->text + t->start;
  size_t len = t->end - t->start;
  if (t->lcase != TEITAG_CASE_MIXED || len < 4 || (s[0] != 'a' && s[0] != 'e'))
    return 0; /* the case first: it is in the token, the letters a cache miss away */
  for (size_t k = 0; articles[k]; k++) {
    size_t a = strlen(articles[k]);
    if (len > a + 1 && memcmp(s, articles[k], a) == 0 && s[a] >= 'A' && s[a] <= 'Z')
      return 1;
  }
  return 0;
}

/* Given-name answers by key hash and case, kept by each thread across the
 * documents it annotates with one pipeline (p->serial): a run of
 * articles, each its own document, asked the lexicon again for the same
 * names in every article, and each of those lookups is several cache
 * misses into the mapped gazetteer.  Direct-mapped: a slot holds the
 * last word that hashed to it. */
#define GIVEN_CACHE_SLOTS 4096

static __thread tt_given_memo given_cache[GIVEN_CACHE_SLOTS];
static __thread uint64_t given_cache_serial;

static tt_given_memo *thread_given_cache(const teitag_pipeline *p) {
  if (given_cache_serial != p->serial) {
    memset(given_cache, 0, sizeof given_cache);
    given_cache_serial = p->serial;
  }
  return given_cache;
}

int tt_n_given(const tt_names *n, size_t i, char *gender, unsigned *flags) {
  if (!tt_n_title(n, i) && !tt_n_upper(n, i))
    return 0;
  /* the rules ask about the same word several times: looked up once; and
   * a document repeats its names, whose lookups in the lexicon are cache
   * misses, so answers are remembered by the word's key and case too */
  struct tt_given_answer *a = &n->given[i];
  if (!a->known) {
    const tt_token *t = &n->doc->toks[i];
    tt_given_memo *m = &n->given_memo[t->hash & n->given_memo_mask];
    if (!m->known || m->hash != t->hash || m->lcase != t->lcase) {
      char g = 'u';
      unsigned f = 0, langs;
      int known = tt_pipeline_given_name(n->p, n->doc, i, &g, &f, &langs);
      m->hash = t->hash;
      m->lcase = t->lcase;
      m->known = known ? 2 : 1;
      m->gender = g;
      m->flags = (uint8_t)f;
    }
    a->known = m->known;
    a->gender = m->gender;
    a->flags = m->flags;
  }
  if (a->known != 2)
    return 0;
  *gender = a->gender;
  *flags = a->flags;
  return 1;
}

int tt_n_quote(const tt_names *n, size_t i) {
  const tt_token *t = &n->doc->toks[i];
  if (t->kind != TEITAG_TOKEN_PUNCT ||
      (t->hash != n->punct_hash[TT_N_QUOTE] && t->hash != n->punct_hash[TT_N_APOSTROPHE]))
    return 0;
  size_t len = t->end - t->start;
  if (len == 1) {
    /* " or ' (the only one-byte quotes): opening when followed directly
     * by a word, else closing */
    int glued_right = i + 1 < n->para->tok_end &&
                      !(n->doc->toks[i + 1].flags & TT_TOK_SPACE_BEFORE);
    return glued_right ? 1 : 2;
  }
  /* « „ “ open; » ” close */
  const char *s = n->doc->text + t->start;
  if ((len == 2 && memcmp(s, "\xC2\xAB", 2) == 0) ||
      (len == 3 && (memcmp(s, "\xE2\x80\x9E", 3) == 0 ||
                    memcmp(s, "\xE2\x80\x9C", 3) == 0)))
    return 1;
  if ((len == 2 && memcmp(s, "\xC2\xBB", 2) == 0) ||
      (len == 3 && memcmp(s, "\xE2\x80\x9D", 3) == 0))
    return 2;
  return 0;
}

int tt_n_same_script(const tt_names *n, size_t i, size_t j) {
  return n->doc->toks[i].script == n->doc->toks[j].script;
}

int tt_n_ends(const tt_names *n, size_t i, const char *suffix) {
  const tt_token *t = &n->doc->toks[i];
  size_t k = strlen(suffix);
  return t->key_len > k &&
         memcmp(n->doc->keys.data + t->key + t->key_len - k, suffix, k) == 0;
}

int tt_n_is_any(const tt_names *n, size_t i, const tt_suffix *words) {
  /* the lengths first: the key's bytes are read only for a word of its
   * length */
  const tt_token *t = &n->doc->toks[i];
  for (; words->s; words++)
    if (words->len == t->key_len &&
        memcmp(n->doc->keys.data + t->key, words->s, words->len) == 0)
      return 1;
  return 0;
}

int tt_n_starts_any(const tt_names *n, size_t i, const tt_suffix *prefixes) {
  const tt_token *t = &n->doc->toks[i];
  for (; prefixes->s; prefixes++)
    if (t->key_len >= prefixes->len &&
        memcmp(n->doc->keys.data + t->key, prefixes->s, prefixes->len) == 0)
      return 1;
  return 0;
}

int tt_n_one_letter(const teitag_doc *d, size_t i) {
  const tt_token *t = &d->toks[i];
  size_t len = t->end - t->start;
  /* told by the length where it can be, without reading the text: one
   * byte is one letter, a Cyrillic letter takes two, and no letter more
   * than four */
  if (len == 1)
    return 1;
  if (len > 4)
    return 0;
  if (t->script == TT_SCRIPT_CYRILLIC)
    return len == 2;
  return tt_utf8_count(d->text + t->start, len) == 1;
}

int tt_n_spaced_initial(const teitag_doc *d, size_t i) {
  const tt_token *t = &d->toks[i], *dot = &d->toks[i + 1];
  /* the full stop told by its key's hash, and before the letter, whose
   * count may need the text: a capitalised word before a comma is common */
  return t->kind == TEITAG_TOKEN_WORD &&
         (t->lcase == TEITAG_CASE_UPPER || t->lcase == TEITAG_CASE_TITLE) &&
         dot->kind == TEITAG_TOKEN_PUNCT && dot->end - dot->start == 1 &&
         dot->hash == tt_hash_bytes(".", 1) && tt_n_one_letter(d, i);
}

int tt_n_ends_any(const tt_names *n, size_t i, const tt_suffix *list) {
  const tt_token *t = &n->doc->toks[i];
  const char *key = n->doc->keys.data + t->key;
  if (t->key_len < 2)
    return 0;
  /* every suffix in the lists is at least one letter; compare its last
   * byte before anything else */
  char last = key[t->key_len - 1];
  for (; list->s; list++)
    if (list->last == last && t->key_len > list->len &&
        memcmp(key + t->key_len - list->len, list->s, list->len) == 0)
      return 1;
  return 0;
}

void tt_n_add(tt_names *n, size_t b, size_t e, teitag_type type,
              teitag_cert cert, const char *rule) {
  tt_doc_add_token_span(n->doc, b, e, type, cert, rule);
  if (type == TEITAG_TYPE_PER)
    for (size_t i = b; i < e; i++)
      n->person[i] = 1;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* Brings the index of spans by first token up to the spans of the
 * document now.  Rules only append spans while the index is in use; were
 * some dropped, it is built again. */
static void index_spans(tt_names *n) {
  const teitag_doc *d = n->doc;
  if (!n->span_first || d->n_spans < n->n_indexed) {
    if (!n->span_first)
      n->span_first = tt_xmalloc(d->n_toks * sizeof *n->span_first);
    memset(n->span_first, 0xFF, d->n_toks * sizeof *n->span_first);
    n->n_indexed = 0;
  }
  TT_RESERVE(n->span_next, n->cap_next, d->n_spans);
  for (; n->n_indexed < d->n_spans; n->n_indexed++) {
    const tt_span *sp = &d->spans[n->n_indexed];
    n->span_next[n->n_indexed] = UINT32_MAX;
    if (sp->tok_end == UINT32_MAX || sp->tok_end <= sp->tok_begin ||
        sp->tok_begin >= d->n_toks)
      continue;
    n->span_next[n->n_indexed] = n->span_first[sp->tok_begin];
    n->span_first[sp->tok_begin] = (uint32_t)n->n_indexed;
  }
}

/* The latest span that starts at token b, the head of its chain in
 * n->span_next (UINT32_MAX if none), with the index brought up to date. */
static uint32_t spans_at(tt_names *n, size_t b) {
  index_spans(n);
  return b < n->doc->n_toks ? n->span_first[b] : UINT32_MAX;
}

const tt_span *tt_n_candidate_at(tt_names *n, size_t b) {
  /* a chain runs from the latest span back: the first candidate in it is
   * the last to start at b, as gaz_end was set */
  for (uint32_t s = spans_at(n, b); s != UINT32_MAX; s = n->span_next[s])
    if (s < n->n_candidates)
      return &n->doc->spans[s];
  return NULL;
}

void tt_n_retype(tt_names *n, size_t b, size_t e, teitag_type from,
                 teitag_type to, teitag_cert cert, const char *why) {
  teitag_doc *d = n->doc;
  uint32_t source = 0;
  /* looked up by first token: a scan of every span at each retype made a
   * part with thousands of them (газета «Житомирщина» ...) quadratic */
  for (uint32_t s = spans_at(n, b); s != UINT32_MAX; s = n->span_next[s]) {
    tt_span *sp = &d->spans[s];
    if (sp->tok_end != e || sp->type != from)
      continue;
    if (!source)
      source = tt_doc_str(d, why);
    sp->type = (uint8_t)to;
    sp->cert = (uint8_t)cert;
    sp->ref = sp->norm = 0;
    sp->source = source;
    sp->infl_case = 0; /* no gazetteer match now */
  }
  for (size_t k = b; k < e; k++) {
    n->gaz_type[k] = (uint8_t)to;
    if (to == TEITAG_TYPE_PER)
      n->person[k] = 1;
  }
}

/* The first of the sorted n->caps that is not below `hash` (above it,
 * with `above` set). */
static size_t caps_bound(const tt_names *n, uint64_t hash, int above) {
  size_t lo = 0, hi = n->n_caps;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (n->caps[mid] < hash || (above && n->caps[mid] == hash))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

size_t tt_n_caps_count(const tt_names *n, uint64_t hash) {
  /* two searches, not a walk over the equal ones: an acronym repeated
   * thousands of times in a part is counted as fast as a rare one */
  return caps_bound(n, hash, 1) - caps_bound(n, hash, 0);
}

/* ---- propagation -------------------------------------------------------- */

/* A folded surname or acronym seen in a confident span. */
typedef struct {
  char stem[96];
  size_t len;
  uint8_t type;
  uint8_t script;
  uint32_t ref, norm; /* offsets in doc->strs, 0 if none */
  int exact;          /* acronyms match exactly, surnames by stem */
  int adjectival;     /* a surname in -ський/-ский, whose stem may be a
                         place's name (Київська, Київ) */
  uint64_t before[3]; /* the hashes of the words before the surname in the */
  uint8_t n_before;   /* full name (Tsuneo, van de), to know it again whole */
} known;

/* Case endings stripped to compare surnames across cases (folded keys).
 * Longest first. */
#define E(s) {s, sizeof s - 1}
static const struct {
  const char *s;
  size_t len;
} endings[] = {
    E("ового"), E("овому"), E("евого"), E("евому"), E("ського"), E("ському"),
    E("цького"), E("цькому"), E("ською"), E("ської"), E("ській"), E("ским"),
    E("ской"), E("скую"), E("ского"), E("ском"), E("скому"), E("ська"),
    E("ський"), E("ская"), E("ский"), E("ськ"), E("ого"), E("ому"), E("ими"),
    E("ами"), E("ями"), E("ові"), E("еві"), E("ою"), E("ої"), E("ій"), E("ий"),
    E("им"), E("их"), E("ів"), E("ем"), E("ом"), E("ей"), E("ой"), E("ым"),
    E("ью"), E("а"), E("я"), E("у"), E("ю"), E("і"), E("е"), E("и"), E("ы"),
    E("о"), E("ь")};
#undef E

#define N_ENDINGS (sizeof endings / sizeof *endings)

/* For each last byte, the endings that end in it, in list order (longest
 * first), terminated by N_ENDINGS: a word is compared with these only. */
static uint8_t by_last_byte[256][N_ENDINGS + 1];
static pthread_once_t by_last_byte_once = PTHREAD_ONCE_INIT;

static void index_endings(void) {
  size_t n[256] = {0};
  for (size_t i = 0; i < N_ENDINGS; i++) {
    unsigned char last = (unsigned char)endings[i].s[endings[i].len - 1];
    by_last_byte[last][n[last]++] = (uint8_t)i;
  }
  for (size_t b = 0; b < 256; b++)
    by_last_byte[b][n[b]] = (uint8_t)N_ENDINGS;
}

/* The stem of a folded Cyrillic surname: the key without its case ending,
 * at least three letters long. */
static size_t stem_of(const char *key, size_t len, char *out, size_t cap) {
  size_t keep = len;
  pthread_once(&by_last_byte_once, index_endings);
  const uint8_t *cand = len ? by_last_byte[(unsigned char)key[len - 1]] : by_last_byte[0];
  for (; *cand != N_ENDINGS; cand++) {
    size_t e = endings[*cand].len;
    if (len > e + 5 && memcmp(key + len - e, endings[*cand].s, e) == 0) {
      keep = len - e;
      break;
    }
  }
  if (keep >= cap)
    keep = cap - 1;
  memcpy(out, key, keep);
  out[keep] = '\0';
  return keep;
}

/* The names remembered in a document, with a hash table over their stems
 * (or whole keys, for exact ones) so that a long document with many names
 * is looked up in constant time per word. */
typedef struct {
  known *v;
  size_t n, cap;
  uint32_t *slots; /* index + 1 into v, 0 for empty */
  size_t n_slots;  /* a power of two, at least twice n */
  /* A bit per hash of a remembered key's first four bytes (fewer when it
   * is shorter): a word whose own first bytes have no bit cannot share a
   * remembered stem or key, and most capitalised words are passed over on
   * it without stemming them.  8 KB, allocated with the first name. */
  uint64_t *prefixes;
  /* The key hashes of the words remember() was given, so that a name
   * mentioned again is passed over on its token alone, without reading
   * its key (which a long part has long out of the cache) to stem it
   * again: the first mention decides. */
  tt_hash_set seen;
  /* Once the list is complete (freeze()), recall()'s answers by key
   * hash: a word met again is answered without reading its key. */
  struct recall_memo *memo;
} known_list;

struct recall_memo {
  struct {
    uint64_t hash;
    uint32_t known; /* index + 1 in v, 0 for none */
  } *slots;
  size_t n, cap;
};

#define KNOWN_LIST_INIT {NULL, 0, 0, NULL, 0, NULL, TT_HASH_SET_INIT, NULL}

static void freeze(known_list *l) {
  if (l->n && !l->memo)
    l->memo = tt_xcalloc(1, sizeof *l->memo);
}

#define PREFIX_BITS 65536

static size_t prefix_bit(const char *key, size_t len) {
  return (size_t)tt_hash_bytes(key, len < 4 ? len : 4) & (PREFIX_BITS - 1);
}

static void known_index(known_list *l, uint32_t idx) {
  const known *k = &l->v[idx];
  size_t i = (size_t)tt_hash_bytes(k->stem, k->len) & (l->n_slots - 1);
  while (l->slots[i])
    i = (i + 1) & (l->n_slots - 1);
  l->slots[i] = idx + 1;
}

/* The first remembered name whose stem is `stem` and which `accept`s the
 * token, or NULL. */
static const known *known_find(const known_list *l, const char *stem,
                               size_t len, int exact, uint8_t script) {
  const known *best = NULL;
  if (!l->n_slots)
    return NULL;
  size_t i = (size_t)tt_hash_bytes(stem, len) & (l->n_slots - 1);
  for (; l->slots[i]; i = (i + 1) & (l->n_slots - 1)) {
    const known *k = &l->v[l->slots[i] - 1];
    if (k->len == len && memcmp(k->stem, stem, len) == 0 &&
        (exact < 0 || k->exact == exact) && (!script || k->script == script) &&
        (!best || k < best))
      best = k;
  }
  return best;
}

static void remember(known_list *l, const teitag_doc *d, size_t tok,
                     uint8_t type, const tt_span *from, int exact) {
  const tt_token *t = &d->toks[tok];
  if (!tt_hash_set_add(&l->seen, t->hash, SIZE_MAX))
    return; /* given before */
  known k;
  memset(&k, 0, sizeof k);
  if (exact || t->script != TT_SCRIPT_CYRILLIC) {
    size_t n = t->key_len < sizeof k.stem - 1 ? t->key_len : sizeof k.stem - 1;
    memcpy(k.stem, d->keys.data + t->key, n);
    k.len = n;
    k.exact = 1;
  } else {
    k.len = stem_of(d->keys.data + t->key, t->key_len, k.stem, sizeof k.stem);
    const char *ending = d->keys.data + t->key + k.len;
    size_t left = t->key_len - k.len;
    k.adjectival = (left >= 6 && (memcmp(ending, "ськ", 6) == 0 || memcmp(ending, "цьк", 6) == 0)) ||
                   (left >= 4 && (memcmp(ending, "ск", 4) == 0 || memcmp(ending, "цк", 4) == 0));
  }
  if (k.len < 2)
    return;
  k.type = type;
  k.script = t->script;
  k.ref = from ? from->ref : 0;
  k.norm = from ? from->norm : 0;
  if (from && from->type == TEITAG_TYPE_PER && tok > from->tok_begin &&
      tok - from->tok_begin <= 3) {
    k.n_before = (uint8_t)(tok - from->tok_begin);
    for (size_t b = 0; b < k.n_before; b++)
      k.before[b] = d->toks[from->tok_begin + b].hash;
  }
  if (known_find(l, k.stem, k.len, -1, 0))
    return; /* the first mention decides */
  TT_RESERVE(l->v, l->cap, l->n + 1);
  l->v[l->n++] = k;
  if (!l->prefixes)
    l->prefixes = tt_xcalloc(PREFIX_BITS / 64, sizeof *l->prefixes);
  tt_bit_set(l->prefixes, prefix_bit(k.stem, k.len));
  if (2 * l->n > l->n_slots) {
    free(l->slots);
    l->n_slots = l->n_slots ? 2 * l->n_slots : 64;
    l->slots = tt_xcalloc(l->n_slots, sizeof *l->slots);
    for (uint32_t i = 0; i < l->n; i++)
      known_index(l, i);
  } else {
    known_index(l, (uint32_t)(l->n - 1));
  }
}

static void known_list_free(known_list *l) {
  if (l->memo)
    free(l->memo->slots);
  free(l->memo);
  tt_hash_set_free(&l->seen);
  free(l->v);
  free(l->slots);
  free(l->prefixes);
}

/* The remembered name a word may be, by its key: the whole key, and for
 * Cyrillic words their stem too. */
static const known *find_by_key(const known_list *l, const teitag_doc *d, size_t tok) {
  const tt_token *t = &d->toks[tok];
  const known *whole = known_find(l, d->keys.data + t->key, t->key_len, 1, t->script);
  if (t->script != TT_SCRIPT_CYRILLIC)
    return whole; /* only Cyrillic names are remembered by their stem */
  char stem[96];
  size_t slen = stem_of(d->keys.data + t->key, t->key_len, stem, sizeof stem);
  const known *by_stem = known_find(l, stem, slen, 0, t->script);
  if (whole && by_stem)
    return whole < by_stem ? whole : by_stem;
  return whole ? whole : by_stem;
}

static const known *recall(const known_list *l, const teitag_doc *d,
                           size_t tok) {
  const tt_token *t = &d->toks[tok];
  if (!l->n)
    return NULL;
  struct recall_memo *m = l->memo;
  if (!m)
    return find_by_key(l, d, tok);
  /* the memo is asked first: it answers by the token's hash, while the
   * prefix filter below must read the key, which in a long part is out of
   * the cache, and most capitalised words come again */
  uint64_t h = t->hash ? t->hash : 1;
  size_t k = (size_t)h & (m->cap - 1);
  if (m->cap)
    for (; m->slots[k].hash; k = (k + 1) & (m->cap - 1))
      if (m->slots[k].hash == h)
        return m->slots[k].known ? &l->v[m->slots[k].known - 1] : NULL;
  if (2 * (m->n + 1) > m->cap) {
    size_t cap = m->cap ? 2 * m->cap : 256;
    struct recall_memo grown = {tt_xcalloc(cap, sizeof *m->slots), m->n, cap};
    for (size_t i = 0; i < m->cap; i++)
      if (m->slots[i].hash) {
        size_t j = (size_t)m->slots[i].hash & (cap - 1);
        while (grown.slots[j].hash)
          j = (j + 1) & (cap - 1);
        grown.slots[j] = m->slots[i];
      }
    free(m->slots);
    *m = grown;
    for (k = (size_t)h & (m->cap - 1); m->slots[k].hash; k = (k + 1) & (m->cap - 1))
      ;
  }
  /* a stem is a prefix of its word, four bytes or the whole word long:
   * most words share none, and the 8 KB filter answers them */
  const known *found = NULL;
  if (tt_bit_get(l->prefixes, prefix_bit(d->keys.data + t->key, t->key_len)))
    found = find_by_key(l, d, tok);
  m->slots[k].hash = h;
  m->slots[k].known = found ? (uint32_t)(found - l->v) + 1 : 0;
  m->n++;
  return found;
}

/* Passes over all spans of a long part find its tokens out of the cache:
 * asking for the tokens of a span some way ahead lets the loads overlap
 * instead of waiting for each in turn. */
#define SPAN_LOOKAHEAD 20

TT_PREFETCH_HELPER void prefetch_span(const teitag_doc *d, size_t s) {
  if (s + SPAN_LOOKAHEAD < d->n_spans) {
    uint32_t b = d->spans[s + SPAN_LOOKAHEAD].tok_begin;
    if (b < d->n_toks)
      TT_PREFETCH(&d->toks[b]);
  }
}

/* The same for passes that read a span's last token and the one after. */
TT_PREFETCH_HELPER void prefetch_span_end(const teitag_doc *d, size_t s) {
  if (s + SPAN_LOOKAHEAD < d->n_spans) {
    uint32_t e = d->spans[s + SPAN_LOOKAHEAD].tok_end;
    if (e != UINT32_MAX && e > 0 && e < d->n_toks) {
      TT_PREFETCH(&d->toks[e - 1]);
      TT_PREFETCH(&d->toks[e]);
    }
  }
}

/* Is token i a single comma or full stop (Halvorsen Labs, Inc.)? */
static int comma_or_stop(const tt_names *n, size_t i) {
  return tt_n_punct(n, i, TT_N_COMMA) || tt_n_punct(n, i, TT_N_FULL_STOP);
}

/* Can the word at `core`, a company's, stand alone for it?  Not a word
 * that says something by itself (General, American, Ford as a given name,
 * China). */
static int short_name_word(const tt_names *n, size_t core) {
  const tt_token *t = &n->doc->toks[core];
  if (t->kind != TEITAG_TOKEN_WORD || t->script != TT_SCRIPT_LATIN ||
      t->key_len < 3 ||
      !(t->lcase == TEITAG_CASE_TITLE || t->lcase == TEITAG_CASE_UPPER ||
        tt_n_camel(n, core)))
    return 0;
  if (tt_n_class(n, core) &
      (TT_WC_FUNCTION | TT_WC_ROLE | TT_WC_EN_ROLE | TT_WC_MONTH |
       TT_WC_COMPASS | TT_WC_ADJECTIVE | TT_WC_ORG_HEAD | TT_WC_COMPANY |
       TT_WC_LEGAL | TT_WC_PLACE_TYPE | TT_WC_PLACE_BEFORE))
    return 0;
  char g;
  unsigned f;
  if ((n->gaz_type[core] && n->gaz_type[core] != TEITAG_TYPE_ORG) ||
      tt_n_given(n, core, &g, &f))
    return 0;
  return 1;
}

/* The short name of an English company named in full with designators
 * last (Brightfen Networks Inc., Halvorsen Labs, Inc.): its one word
 * before them, which news then uses alone; SIZE_MAX if there is none. */
static size_t company_short_name(const tt_names *n, const tt_span *sp) {
  const teitag_doc *d = n->doc;
  size_t k = sp->tok_end, designators = 0;
  for (; k > sp->tok_begin + 1; k--) {
    unsigned cls = tt_n_class(n, k - 1);
    if (d->toks[k - 1].kind == TEITAG_TOKEN_WORD &&
        (cls & (TT_WC_LEGAL | TT_WC_COMPANY)) && !(cls & TT_WC_LEGAL_BEFORE))
      designators++;
    else if (!comma_or_stop(n, k - 1))
      break;
  }
  size_t core = sp->tok_begin;
  if (!designators || k != core + 1)
    return SIZE_MAX;
  return short_name_word(n, core) ? core : SIZE_MAX;
}

/* The one word of a company that the ticker rule found (Brightfen
 * (NASDAQ: BFN)), or what only a company has (Brightfen shares, Brightfen's
 * earnings), or a noun for a company before it (carmaker Brightfen),
 * which news then uses alone, as company_short_name; SIZE_MAX if there is
 * none. */
static size_t listed_company_word(const tt_names *n, const tt_span *sp) {
  const teitag_doc *d = n->doc;
  if (sp->tok_end != sp->tok_begin + 1 || sp->tok_end >= d->n_toks || !sp->source)
    return SIZE_MAX;
  /* the tokens around it are looked at first: they are in the cache
   * already, and rule out nearly every span without reading its source */
  size_t next = sp->tok_end;
  int ticker = d->toks[next].hash == n->punct_hash[TT_N_OPEN_PAREN] || tt_n_is(n, next, "'s");
  int context = ticker || (tt_n_class(n, next) & TT_WC_BUSINESS) || tt_n_is(n, next, "'");
  int firm = sp->tok_begin > 0 && (tt_n_class(n, sp->tok_begin - 1) & TT_WC_FIRM);
  if (!context && !firm)
    return SIZE_MAX;
  const char *source = tt_doc_get_str(d, sp->source);
  if (!(ticker && strcmp(source, "rule:org ticker") == 0) &&
      !(context && strcmp(source, "rule:org company-context") == 0) &&
      !(firm && strcmp(source, "rule:org firm+name") == 0))
    return SIZE_MAX;
  return short_name_word(n, sp->tok_begin) ? sp->tok_begin : SIZE_MAX;
}

/* Forgets the companies' short names that the document also writes in
 * lower case: a common word (Summit Holdings ... the summit) names nothing
 * alone.  Their type becomes 0. */
static void forget_common_words(const teitag_doc *d, known_list *companies) {
  if (!companies->n)
    return;
  for (size_t i = 0; i < d->n_toks; i++) {
    const tt_token *t = &d->toks[i];
    if (t->kind != TEITAG_TOKEN_WORD || t->lcase != TEITAG_CASE_LOWER ||
        t->script != TT_SCRIPT_LATIN)
      continue;
    known *k = (known *)recall(companies, d, i);
    if (k)
      k->type = 0;
  }
}

/* Is token i an English possessive glued to the word before it: 's or a
 * lone apostrophe (Motors')?  Every apostrophe folds to "'". */
static int possessive(const tt_names *n, size_t i) {
  const tt_token *t = &n->doc->toks[i];
  if (t->flags & TT_TOK_SPACE_BEFORE)
    return 0;
  return (t->kind == TEITAG_TOKEN_PUNCT && t->hash == n->punct_hash[TT_N_APOSTROPHE]) || tt_n_is(n, i, "'s");
}

/* «центр имени Н. Ф. Гамалеи», «університет імені Шевченка», «ул. им.
 * Ленина»: the person names an institution or a street and is no one
 * taking part in the news; tagged, the surname would also spread to
 * every later mention of the institution.  Persons right after these
 * words are dropped, before propagation reads them. */
static int named_in_honour(const tt_names *n, const tt_span *sp) {
  const teitag_doc *d = n->doc;
  /* храм Христа Спасителя, церкві святого Миколая, собор Святої Софії: a
   * church is named after its saint, who is no one in the news either.
   * The word before is looked up in its token's classes: most persons
   * are passed over on that, without comparing keys. */
  if (sp->type != TEITAG_TYPE_PER || sp->tok_end == UINT32_MAX || sp->tok_begin == 0 ||
      !(tt_n_class(n, sp->tok_begin - 1) & TT_WC_HONOUR) ||
      d->toks[sp->tok_begin - 1].script != TT_SCRIPT_CYRILLIC)
    return 0;
  /* «мальчик по имени Артём» names the person himself */
  return !(tt_n_naming_word(n, sp->tok_begin - 1) && sp->tok_begin > 1 &&
           tt_n_is(n, sp->tok_begin - 2, "по"));
}

/* Do tokens [b, e) end a quoted Cyrillic name of at most three words,
 * glued to its quotes («Салават Юлаев», «Адмирал Нахимов», «Ромы»), which
 * names a club, a ship, a film or a firm after a person, not someone in
 * the news? */
static int ends_quoted_name(const tt_names *n, size_t b, size_t e) {
  const teitag_doc *d = n->doc;
  if (b == 0 || e >= d->n_toks || d->toks[b].script != TT_SCRIPT_CYRILLIC ||
      d->toks[e].hash != n->punct_hash[TT_N_QUOTE] || (d->toks[e].flags & TT_TOK_SPACE_BEFORE))
    return 0;
  /* capitalised words only before it: «голову Биби», «Страсти по Луке»
   * quote words about the person */
  size_t open = b - 1;
  while (open > 0 && b - open < 3 && d->toks[open].kind == TEITAG_TOKEN_WORD &&
         d->toks[open].lcase != TEITAG_CASE_LOWER)
    open--;
  return d->toks[open].hash == n->punct_hash[TT_N_QUOTE] && e - open <= 4 &&
         !(d->toks[open + 1].flags & TT_TOK_SPACE_BEFORE);
}

static int quoted_person(const tt_names *n, const tt_span *sp) {
  return sp->type == TEITAG_TYPE_PER && sp->tok_end != UINT32_MAX &&
         ends_quoted_name(n, sp->tok_begin, sp->tok_end);
}

/* Is token i one Cyrillic word in quotes, glued to both («Агросвіт»,
 * "Дніпра")? */
static int quoted_word(const tt_names *n, size_t i) {
  const teitag_doc *d = n->doc;
  if (i == 0 || i + 1 >= d->n_toks || d->toks[i].kind != TEITAG_TOKEN_WORD ||
      d->toks[i].script != TT_SCRIPT_CYRILLIC ||
      (d->toks[i].flags & TT_TOK_SPACE_BEFORE) ||
      (d->toks[i + 1].flags & TT_TOK_SPACE_BEFORE))
    return 0;
  uint64_t before = d->toks[i - 1].hash, after = d->toks[i + 1].hash;
  return d->toks[i - 1].kind == TEITAG_TOKEN_PUNCT && d->toks[i + 1].kind == TEITAG_TOKEN_PUNCT &&
         (before == n->punct_hash[TT_N_QUOTE] || before == n->punct_hash[TT_N_APOSTROPHE]) &&
         (after == n->punct_hash[TT_N_QUOTE] || after == n->punct_hash[TT_N_APOSTROPHE]);
}

/* Organisations' names of several words that a rule found (the company
 * Sports Direct; ТОВ «Енселко Агро»), for their later mentions in the
 * same words: a gazetteer name is found everywhere already. */
typedef struct {
  uint32_t tok_begin, tok_end, ref, norm;
} repeated_name;

typedef struct {
  repeated_name *v;
  size_t n, cap;
  tt_hash_set heads; /* the first words' hashes, to pass over the rest */
} repeated_list;

static void add_repeated(tt_names *n, repeated_list *l, const tt_span *sp, size_t b,
                         size_t e) {
  TT_RESERVE(l->v, l->cap, l->n + 1);
  l->v[l->n++] = (repeated_name){(uint32_t)b, (uint32_t)e, sp->ref, sp->norm};
  tt_hash_set_add(&l->heads, n->doc->toks[b].hash, SIZE_MAX);
}

/* `by_rule`: the span was added by a rule, not found by a gazetteer; told
 * by its place in the span array, without reading its source string. */
static void remember_repeated(tt_names *n, repeated_list *l, const tt_span *sp,
                              int by_rule) {
  const teitag_doc *d = n->doc;
  size_t b = sp->tok_begin, e = sp->tok_end;
  if (!by_rule || sp->type != TEITAG_TYPE_ORG || sp->cert < TEITAG_CERT_MEDIUM || e - b < 2)
    return;
  /* ТОВ «Енселко Агро»: the quoted words, written later without the form;
   * in nested quotes the innermost (ТОВ «Центр «Сонячне ремесло»») */
  for (size_t q = b; q < e; q++)
    if (tt_n_quote(n, q)) {
      size_t c = q;
      while (c < e && tt_n_quote(n, c) != 2)
        c++;
      size_t open = c;
      while (open > b && tt_n_quote(n, open - 1) != 1)
        open--;
      if (c < e && open > b && c - open >= 2 && c - open <= 6 &&
          (tt_n_title(n, open) || tt_n_upper(n, open)))
        add_repeated(n, l, sp, open, c);
      return;
    }
  /* a Latin name is capitalised at both ends; a Cyrillic one at its start
   * (Поліський єгер) */
  uint8_t script = d->toks[b].script;
  if (e - b > 6 || !(tt_n_title(n, b) || tt_n_upper(n, b)) ||
      (script == TT_SCRIPT_LATIN && !(tt_n_title(n, e - 1) || tt_n_upper(n, e - 1))) ||
      (script != TT_SCRIPT_LATIN && script != TT_SCRIPT_CYRILLIC))
    return;
  add_repeated(n, l, sp, b, e);
}

/* The end of a remembered name written again from token i, in the same
 * words and not inside a longer capitalised name; 0 when there is none. */
static size_t repeated_at(tt_names *n, const repeated_list *l, size_t i,
                          const repeated_name **which) {
  const teitag_doc *d = n->doc;
  const size_t end = n->para->tok_end;
  if (!(tt_n_title(n, i) || tt_n_upper(n, i)) || !tt_hash_set_has(&l->heads, d->toks[i].hash))
    return 0;
  for (size_t r = 0; r < l->n; r++) {
    const repeated_name *rn = &l->v[r];
    size_t len = rn->tok_end - rn->tok_begin, k = 0;
    if (rn->tok_begin == i || i + len > end)
      continue;
    while (k < len && d->toks[i + k].hash == d->toks[rn->tok_begin + k].hash &&
           d->toks[i + k].lcase == d->toks[rn->tok_begin + k].lcase)
      k++;
    if (k < len || (i + len < end && d->toks[i + len].kind == TEITAG_TOKEN_WORD &&
                    (tt_n_title(n, i + len) || tt_n_upper(n, i + len))))
      continue;
    *which = rn;
    return i + len;
  }
  return 0;
}

/* A surname alone after a role (президент Данко, Mr Halvorsen): the role
 * vouches for it as a full name would, in the text's own script (a Latin
 * word after a role in Cyrillic text is as often a union's or a
 * campaign's name). */
static int after_role_alone(const teitag_doc *d, const tt_span *sp, int by_rule) {
  uint8_t script = d->toks[sp->tok_begin].script;
  if (!by_rule || sp->tok_end - sp->tok_begin != 1 ||
      !(script == TT_SCRIPT_CYRILLIC || (script == TT_SCRIPT_LATIN && d->lang == TEITAG_LANG_EN)))
    return 0;
  const char *source = sp->source ? tt_doc_get_str(d, sp->source) : "";
  return strcmp(source, "rule:person after-role") == 0;
}

/* An organisation's acronym that a rule found (a ticker after an exchange,
 * General Motors (NYSE: GM); an agency after a verb of reporting,
 * повідомляє УНН; ТОВ «УПС») names it wherever the text writes it again
 * (GM sells …, КИЇВ. 18 листопада. УНН.); not one the document also
 * writes as a lower-case word (IT, ALL, ON). */
static int acronym_found_by_rule(tt_names *n, const tt_span *sp, int by_rule) {
  const teitag_doc *d = n->doc;
  if (!by_rule || sp->type != TEITAG_TYPE_ORG || sp->tok_end != sp->tok_begin + 1 ||
      d->toks[sp->tok_begin].lcase != TEITAG_CASE_UPPER)
    return 0;
  /* an organisation a rule added is an organisation rule's */
  const char *source = sp->source ? tt_doc_get_str(d, sp->source) : "";
  return (sp->cert >= TEITAG_CERT_MEDIUM || strcmp(source, "rule:org reported-by") == 0) &&
         !tt_n_lower_elsewhere(n, sp->tok_begin);
}

/* Collects surnames from person spans of two words or more (and from
 * confident one-word gazetteer persons), acronyms defined as
 * "Full Name (ACR)", companies' short names, and the one-word quoted
 * names of organisations (whose later mentions in quotes may be in
 * another case: «Агросвіт», «Агросвіту»); drops the persons an
 * institution is named after on the way, in the same pass. */
static void collect(tt_names *n, known_list *people, known_list *given,
                    known_list *acronyms, known_list *companies,
                    known_list *quoted, repeated_list *repeated) {
  teitag_doc *d = n->doc;
  size_t n_spans = d->n_spans, out = 0;
  for (size_t s = 0; s < n_spans; s++) {
    prefetch_span(d, s); /* named_in_honour and quoted_person read its first token */
    prefetch_span_end(d, s);
    /* company_short_name reads the classes of an organisation's last words */
    if (s + SPAN_LOOKAHEAD < n_spans) {
      const tt_span *ahead = &d->spans[s + SPAN_LOOKAHEAD];
      if (ahead->type == TEITAG_TYPE_ORG && ahead->tok_end != UINT32_MAX &&
          ahead->tok_end > ahead->tok_begin)
        TT_PREFETCH(&d->toks[ahead->tok_end - 1]);
    }
    if (named_in_honour(n, &d->spans[s]) || quoted_person(n, &d->spans[s]))
      continue;
    d->spans[out] = d->spans[s];
    const tt_span *sp = &d->spans[out++];
    if (sp->tok_end == UINT32_MAX || sp->tok_end <= sp->tok_begin)
      continue;
    int by_rule = s >= n->n_candidates;
    remember_repeated(n, repeated, sp, by_rule);
    if (acronym_found_by_rule(n, sp, by_rule))
      remember(acronyms, d, sp->tok_begin, TEITAG_TYPE_ORG, sp, 1);
    size_t last = sp->tok_end - 1;
    if (sp->type == TEITAG_TYPE_PER && sp->cert >= TEITAG_CERT_MEDIUM &&
        d->toks[last].kind == TEITAG_TOKEN_WORD &&
        !(d->toks[last].flags & TT_TOK_INITIAL) &&
        (sp->tok_end - sp->tok_begin >= 2 || sp->cert == TEITAG_CERT_HIGH ||
         after_role_alone(d, sp, by_rule)))
      remember(people, d, last, TEITAG_TYPE_PER, sp, 0);
    /* the given name of a Cyrillic full name, for its later mentions
     * alone in any case (Віра Гордійчук ... Віри) */
    if (sp->type == TEITAG_TYPE_PER && sp->cert >= TEITAG_CERT_MEDIUM &&
        sp->tok_end - sp->tok_begin >= 2 &&
        d->toks[sp->tok_begin].script == TT_SCRIPT_CYRILLIC &&
        d->toks[sp->tok_begin].lcase == TEITAG_CASE_TITLE &&
        !(d->toks[sp->tok_begin].flags & TT_TOK_INITIAL) &&
        !(d->toks[sp->tok_begin + 1].flags & TT_TOK_INITIAL))
      remember(given, d, sp->tok_begin, TEITAG_TYPE_PER, NULL, 0);
    /* ORG ( ACR ), the brackets told by their keys' hashes; also after a
     * possessive (Brightfen Motors' (BM), Halvorsen Bank's (HB)), and
     * after one word, a company's ticker (Tesla (TSLA)), in Latin letters
     * only: after a Cyrillic one it is as often its kind (УНІАН (ІА)) */
    if (sp->type == TEITAG_TYPE_ORG && sp->tok_end + 2 < d->n_toks) {
      size_t at = sp->tok_end;
      if (at + 3 < d->n_toks && possessive(n, at))
        at++;
      const tt_token *open = &d->toks[at];
      const tt_token *acr = &d->toks[at + 1];
      const tt_token *close = &d->toks[at + 2];
      if (open->hash == n->punct_hash[TT_N_OPEN_PAREN] &&
          close->hash == n->punct_hash[TT_N_CLOSE_PAREN] &&
          acr->lcase == TEITAG_CASE_UPPER &&
          (sp->tok_end - sp->tok_begin >= 2 || acr->script == TT_SCRIPT_LATIN))
        remember(acronyms, d, at + 1, TEITAG_TYPE_ORG, sp, 1);
    }
    /* «Агросвіт», or ТОВ «Агросвіт» with its quotes */
    size_t word = sp->tok_end - sp->tok_begin == 1 ? sp->tok_begin
                  : sp->tok_end - sp->tok_begin >= 3 ? sp->tok_end - 2
                                                     : SIZE_MAX;
    if (sp->type == TEITAG_TYPE_ORG && sp->cert >= TEITAG_CERT_MEDIUM && word != SIZE_MAX &&
        quoted_word(n, word) && (word == sp->tok_begin || word + 1 == last))
      remember(quoted, d, word, TEITAG_TYPE_ORG, sp, 0);
    if (sp->type == TEITAG_TYPE_ORG && sp->cert >= TEITAG_CERT_MEDIUM &&
        sp->tok_end - sp->tok_begin >= 2) {
      size_t core = company_short_name(n, sp);
      if (core != SIZE_MAX)
        remember(companies, d, core, TEITAG_TYPE_ORG, sp, 1);
    } else if (sp->type == TEITAG_TYPE_ORG && sp->cert >= TEITAG_CERT_MEDIUM) {
      size_t core = listed_company_word(n, sp);
      if (core != SIZE_MAX)
        remember(companies, d, core, TEITAG_TYPE_ORG, sp, 1);
    }
  }
  d->n_spans = out;
  forget_common_words(d, companies);
}

enum { COVER_HIGH = 1, COVER_OTHER = 2 };

/* Marks in `per` the tokens of persons of medium certainty or more, and
 * in `any` those of every span of high certainty (COVER_HIGH) and of
 * every span but a person's, whatever its certainty (COVER_OTHER): one
 * pass for all. */
static void span_cover(const teitag_doc *d, size_t n_spans, uint8_t **per, uint8_t **any) {
  *per = tt_xcalloc(d->n_toks ? d->n_toks : 1, 1);
  *any = tt_xcalloc(d->n_toks ? d->n_toks : 1, 1);
  for (size_t s = 0; s < n_spans; s++) {
    const tt_span *sp = &d->spans[s];
    if (sp->tok_end == UINT32_MAX)
      continue;
    if (sp->type == TEITAG_TYPE_PER && sp->cert >= TEITAG_CERT_MEDIUM)
      memset(*per + sp->tok_begin, 1, sp->tok_end - sp->tok_begin);
    unsigned mark = (sp->cert >= TEITAG_CERT_HIGH ? COVER_HIGH : 0) |
                    (sp->type != TEITAG_TYPE_PER ? COVER_OTHER : 0);
    for (size_t i = sp->tok_begin; mark && i < sp->tok_end; i++)
      (*any)[i] |= (uint8_t)mark;
  }
}

/* A one-word listed place that may rather be the surname of a person
 * named in full in the document (Gwen Bristol ... Later Bristol said)?
 * Not after a preposition or type word of place (in London,
 * в Вашингтоне), where the place is meant, not a country (Lucas Jordan
 * ... Jordan), and not the stem of an adjectival surname (Полтавська,
 * Полтава). */
static int place_or_surname(const tt_names *n, const known_list *people,
                            const tt_span *sp) {
  size_t i = sp->tok_begin;
  if (sp->type != TEITAG_TYPE_LOC || sp->cert != TEITAG_CERT_HIGH ||
      sp->tok_end != i + 1 || n->doc->toks[i].kind != TEITAG_TOKEN_WORD ||
      tt_n_after_place_word(n, i))
    return 0;
  const known *k = recall(people, n->doc, i);
  if (!k || k->adjectival)
    return 0;
  return !tt_n_listed_in(n->doc, sp, "countries");
}

/* Collects the places that place_or_surname doubts, as `suspects`, and
 * forgets those the document writes after a preposition or type word of
 * place somewhere (from Bristol): places here, whatever person shares
 * their name.  Their type becomes 0. */
static void collect_suspects(const tt_names *n, const known_list *people,
                             known_list *suspects) {
  const teitag_doc *d = n->doc;
  for (size_t s = 0; s < d->n_spans; s++) {
    prefetch_span(d, s);
    if (place_or_surname(n, people, &d->spans[s]))
      remember(suspects, d, d->spans[s].tok_begin, TEITAG_TYPE_LOC, NULL, 0);
  }
  if (!suspects->n)
    return;
  freeze(suspects);
  for (size_t i = 1; i < d->n_toks; i++) {
    if (d->toks[i].kind != TEITAG_TOKEN_WORD || d->toks[i].lcase != TEITAG_CASE_TITLE ||
        !tt_n_after_place_word(n, i))
      continue;
    known *k = (known *)recall(suspects, d, i);
    if (k)
      k->type = 0;
  }
}

/* Is the listed place of one word at sp a person's surname here? */
static int surname_not_place(const tt_names *n, const known_list *suspects,
                             const tt_span *sp) {
  if (!suspects->n || sp->type != TEITAG_TYPE_LOC || sp->tok_end != sp->tok_begin + 1)
    return 0;
  const known *k = recall(suspects, n->doc, sp->tok_begin);
  return k && k->type && !tt_n_after_place_word(n, sp->tok_begin);
}

static void finish_span(tt_names *n, tt_span *sp);
static void unlink_later_mentions(tt_names *n);

/* Drops candidates whose tokens a confident person reading contradicts:
 * a word found as a person is not a place or organisation elsewhere by a
 * weaker rule or an inflected gazetteer form, nor a listed place of one
 * word where it is no place (surname_not_place); and gives every span
 * that stays its last touches (finish_span), in the same pass. */
static void give_way(tt_names *n, const known_list *people,
                     const known_list *suspects) {
  teitag_doc *d = n->doc;
  size_t out = 0;
  for (size_t s = 0; s < d->n_spans; s++) {
    tt_span *sp = &d->spans[s];
    int drop = 0;
    prefetch_span(d, s);
    prefetch_span_end(d, s); /* finish_span reads the tokens after it */
    if (sp->type != TEITAG_TYPE_PER && sp->type != TEITAG_TYPE_MONEY &&
        sp->cert <= TEITAG_CERT_MEDIUM && sp->tok_end == sp->tok_begin + 1 &&
        d->toks[sp->tok_begin].kind == TEITAG_TOKEN_WORD) {
      const known *k = recall(people, d, sp->tok_begin);
      drop = k != NULL;
    } else if (surname_not_place(n, suspects, sp)) {
      drop = 1;
    }
    if (drop)
      continue;
    d->spans[out] = *sp;
    finish_span(n, &d->spans[out++]);
  }
  d->n_spans = out;
  unlink_later_mentions(n);
}

/* Around token i, are the words (function words aside) all capitalised,
 * as in a headline ("Kenya Eyes Deals During Obama Summit")? */
static int headline_around(const tt_names *n, size_t i) {
  size_t b = i > n->para->tok_begin + 3 ? i - 3 : n->para->tok_begin;
  size_t e = i + 4 < n->para->tok_end ? i + 4 : n->para->tok_end;
  size_t words = 0;
  for (size_t k = b; k < e; k++) {
    if (n->doc->toks[k].kind != TEITAG_TOKEN_WORD ||
        (tt_n_class(n, k) & TT_WC_FUNCTION))
      continue;
    if (!tt_n_title(n, k) && !tt_n_upper(n, k))
      return 0;
    words++;
  }
  return words >= 4;
}

/* Is an English surname found again part of a longer run of capitals?
 * A given name just before it makes a full name (*given_before is set);
 * another capitalised word before or after makes some other name (Miller
 * Kaplan, Port Hedland, Kenya National Chamber). */
static int inside_capitals(const tt_names *n, size_t i, const uint8_t *per,
                           int *given_before) {
  const teitag_doc *d = n->doc;
  *given_before = 0;
  if (headline_around(n, i))
    return 0;
  if (i > n->para->tok_begin && !tt_n_sentence_start(n, i) && !per[i - 1] &&
      (tt_n_title(n, i - 1) || tt_n_upper(n, i - 1)) &&
      !(tt_n_class(n, i - 1) & (TT_WC_ROLE | TT_WC_EN_ROLE | TT_WC_FUNCTION))) {
    char g;
    unsigned f;
    if (!tt_n_given(n, i - 1, &g, &f) || n->gaz_type[i - 1])
      return 1;
    *given_before = 1;
  }
  return i + 1 < n->para->tok_end && (tt_n_title(n, i + 1) || tt_n_upper(n, i + 1)) &&
         !(d->toks[i + 1].flags & TT_TOK_SENT_START) &&
         !(tt_n_class(n, i + 1) & (TT_WC_FUNCTION | TT_WC_MONTH));
}

/* Does the dictionary form `norm` (a string of the document, 0 for none)
 * start with the word at token b, as written?  If a remembered or listed
 * person's does not start with the given name before a surname, "Olena
 * Zelenska" is someone else than "Volodymyr Zelensky" and keeps no link. */
static int norm_starts_with(const teitag_doc *d, uint32_t norm, size_t b) {
  const char *s = norm ? tt_doc_get_str(d, norm) : NULL;
  const tt_token *t = &d->toks[b];
  size_t len = t->end - t->start;
  return s && strncmp(s, d->text + t->start, len) == 0 &&
         (s[len] == ' ' || s[len] == '\0');
}

/* A company's short name found again, standing alone: no capitalised
 * word joins it on either side (Brightfen Rail, UK Brightfen), nor a
 * designator after it (Halvorsen, Inc. is the full name, found or not). */
static int company_alone(const tt_names *n, size_t i) {
  const unsigned apart = TT_WC_FUNCTION | TT_WC_MONTH | TT_WC_SAYING;
  size_t next = i + 1 < n->para->tok_end && comma_or_stop(n, i + 1) ? i + 2 : i + 1;
  if (next < n->para->tok_end && n->doc->toks[next].kind == TEITAG_TOKEN_WORD &&
      (tt_n_class(n, next) & (TT_WC_LEGAL | TT_WC_COMPANY)))
    return 0;
  if (i > n->para->tok_begin && !tt_n_sentence_start(n, i) &&
      (tt_n_title(n, i - 1) || tt_n_upper(n, i - 1)) &&
      !(tt_n_class(n, i - 1) & (apart | TT_WC_ROLE | TT_WC_EN_ROLE)))
    return 0;
  return !(i + 1 < n->para->tok_end &&
           (tt_n_title(n, i + 1) || tt_n_upper(n, i + 1)) &&
           !(n->doc->toks[i + 1].flags & TT_TOK_SENT_START) &&
           !(tt_n_class(n, i + 1) & apart));
}

/* Tags token i as the company whose short name it is, if it is one. */
static int add_company(tt_names *n, const known_list *companies, size_t i) {
  const known *k = recall(companies, n->doc, i);
  if (!k || !k->type || !company_alone(n, i))
    return 0;
  tt_span *sp = tt_doc_add_token_span(n->doc, i, i + 1, TEITAG_TYPE_ORG,
                                      TEITAG_CERT_MEDIUM, "propagation:short-name");
  sp->ref = k->ref;
  sp->norm = k->norm;
  return 1;
}

/* How many words before the surname at i repeat, in the same words and
 * case, those of the full name it was remembered from; 0 when they do not.
 * The same full name written again is the person wherever it stands. */
static size_t full_name_before(tt_names *n, const known *k, size_t i,
                               const uint8_t *any) {
  const teitag_doc *d = n->doc;
  if (!k->n_before || i < n->para->tok_begin + k->n_before)
    return 0;
  for (size_t b = 0; b < k->n_before; b++) {
    const tt_token *t = &d->toks[i - k->n_before + b];
    if (t->hash != k->before[b] || (b == 0 && t->lcase == TEITAG_CASE_LOWER))
      return 0;
  }
  /* nor inside a longer name (Kim Jong Il after Kim Jong), nor where a
   * rule saw something else in the same words (профспілка Vereinigung
   * Cockpit, after a person's rule erred once) */
  if (i + 1 < n->para->tok_end && (tt_n_title(n, i + 1) || tt_n_upper(n, i + 1)) &&
      !(d->toks[i + 1].flags & TT_TOK_SENT_START))
    return 0;
  for (size_t j = i - k->n_before; j <= i; j++)
    if (any[j] & COVER_OTHER)
      return 0;
  return k->n_before;
}

void tt_names_propagate(tt_names *n) {
  teitag_doc *d = n->doc;
  known_list people = KNOWN_LIST_INIT, acronyms = KNOWN_LIST_INIT;
  known_list given = KNOWN_LIST_INIT, companies = KNOWN_LIST_INIT;
  known_list quoted = KNOWN_LIST_INIT;
  repeated_list repeated = {NULL, 0, 0, TT_HASH_SET_INIT};
  collect(n, &people, &given, &acronyms, &companies, &quoted, &repeated);
  freeze(&people);
  freeze(&given);
  freeze(&acronyms);
  freeze(&companies);
  freeze(&quoted);
  size_t n_spans = d->n_spans;
  uint8_t *per, *any;
  span_cover(d, n_spans, &per, &any);
  known_list suspects = KNOWN_LIST_INIT;
  if (people.n)
    collect_suspects(n, &people, &suspects);
  for (size_t s = 0; s < n_spans && suspects.n; s++)
    if (surname_not_place(n, &suspects, &d->spans[s]))
      any[d->spans[s].tok_begin] &= (uint8_t)~COVER_HIGH;
  for (size_t pi = 0; pi < d->n_paras; pi++) {
    n->para = &d->paras[pi];
    const size_t end = n->para->tok_end;
    for (size_t i = n->para->tok_begin; i < end; i++) {
      /* the spans added here move d->spans, never d->toks */
      const tt_token *t = &d->toks[i];
      /* every reading below starts from a capital, an ALL-CAPS word or a
       * mixed-case one (McPhail, al-Baghdadi): a lower-case word, the
       * most common token, needs no more than its case */
      if (per[i] || (any[i] & COVER_HIGH) || t->kind != TEITAG_TOKEN_WORD ||
          t->lcase == TEITAG_CASE_LOWER || t->lcase == TEITAG_CASE_NONE)
        continue;
      const repeated_name *rn = NULL;
      size_t rend = repeated.n ? repeated_at(n, &repeated, i, &rn) : 0;
      if (rend) {
        tt_span *sp = tt_doc_add_token_span(d, i, rend, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM,
                                            "propagation:repeated-name");
        sp->ref = rn->ref;
        sp->norm = rn->norm;
        i = rend - 1;
        continue;
      }
      if (tt_n_upper(n, i)) {
        const known *k = recall(&acronyms, d, i);
        if (k && (any[i] & COVER_OTHER)) /* where the rule found it */
          continue;
        if (k) {
          tt_span *sp = tt_doc_add_token_span(d, i, i + 1, TEITAG_TYPE_ORG,
                                              TEITAG_CERT_MEDIUM,
                                              "propagation:acronym");
          sp->ref = k->ref;
          sp->norm = k->norm;
        } else {
          add_company(n, &companies, i);
        }
        continue;
      }
      /* McPhail, DeCesare, al-Baghdadi: a Latin surname may have a second
       * capital, or start with a lower-case article */
      int camel = tt_n_camel(n, i) ||
                  (t->script == TT_SCRIPT_LATIN && tt_n_article_surname(n, i));
      if ((!tt_n_title(n, i) && !camel) || (tt_n_class(n, i) & TT_WC_FUNCTION))
        continue;
      if (quoted.n && quoted_word(n, i)) {
        const known *q = recall(&quoted, d, i);
        if (q) {
          tt_span *sp = tt_doc_add_token_span(d, i, i + 1, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM,
                                              "propagation:quoted-name");
          sp->ref = q->ref;
          sp->norm = q->norm;
          continue;
        }
      }
      const known *k = recall(&people, d, i);
      if (!k && add_company(n, &companies, i))
        continue;
      if (!k) {
        /* a given name known from a full name, alone: no ref, since
         * people share given names */
        if (t->script == TT_SCRIPT_CYRILLIC && recall(&given, d, i) &&
            !(i + 1 < end && (tt_n_title(n, i + 1) || tt_n_upper(n, i + 1)))) {
          tt_doc_add_token_span(d, i, i + 1, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM,
                                "propagation:given-name");
          per[i] = 1;
        }
        continue;
      }
      size_t b = i;
      if (ends_quoted_name(n, i, i + 1))
        continue; /* «Тарас Шевченко», the ship */
      size_t whole = full_name_before(n, k, i, any);
      if ((tt_n_class(n, i) & TT_WC_ROLE) && i + 1 < end && tt_n_is(n, i + 1, "of"))
        continue; /* Bishop of London, after Bronwyn Bishop: the title */
      if (d->toks[i].script == TT_SCRIPT_LATIN) {
        /* "takes effect in Austin" after "Lloyd Austin": after in, at,
         * near an English surname alone is a place's name; with a
         * possessive it is the person still (at Rice's hotel) */
        if (!whole && i > n->para->tok_begin && (tt_n_class(n, i - 1) & TT_WC_PREP_PLACE) &&
            !tt_n_is(n, i - 1, "from") && !(i + 1 < end && possessive(n, i + 1)))
          continue;
        if (tt_n_facility_after(n, i))
          continue; /* Charles de Gaulle airport */
        int given_before = 0;
        if (!whole && inside_capitals(n, i, per, &given_before))
          continue; /* Miller Kaplan, Port Hedland, Kaplan Arase */
        b = given_before ? i - 1 : i; /* Bill Shorten */
      }
      if (whole)
        b = i - whole; /* the full name again: Tsuneo Kita */
      tt_span *sp = tt_doc_add_token_span(d, b, i + 1, TEITAG_TYPE_PER,
                                          TEITAG_CERT_MEDIUM,
                                          "propagation:surname");
      if (b == i || norm_starts_with(d, k->norm, b)) {
        sp->ref = k->ref;
        sp->norm = k->norm;
      }
      per[i] = 1;
    }
  }
  give_way(n, &people, &suspects);
  free(per);
  free(any);
  known_list_free(&people);
  known_list_free(&given);
  known_list_free(&acronyms);
  known_list_free(&companies);
  known_list_free(&quoted);
  known_list_free(&suspects);
  free(repeated.v);
  tt_hash_set_free(&repeated.heads);
}

/* ---- regnal numbers ------------------------------------------------------ */

size_t tt_n_roman(const tt_names *n, size_t i) {
  const teitag_doc *d = n->doc;
  if (i >= d->n_toks)
    return 0;
  const tt_token *t = &d->toks[i];
  /* a numeral is in capitals, or one capital (Title case by the
   * tokenizer's count); looked at first, because reading the text itself
   * costs a cache miss the token's case does not */
  if (t->kind != TEITAG_TOKEN_WORD ||
      !(t->lcase == TEITAG_CASE_UPPER ||
        (t->lcase == TEITAG_CASE_TITLE && t->end - t->start <= 2)) ||
      (t->flags & (TT_TOK_PARA_START | TT_TOK_SENT_START | TT_TOK_NL_BEFORE)) ||
      !(t->flags & TT_TOK_SPACE_BEFORE))
    return 0;
  const unsigned char *s = (const unsigned char *)d->text + t->start;
  size_t len = t->end - t->start, letters = 0;
  for (size_t k = 0; k < len; letters++) {
    if (strchr("IVXLC", s[k]) && s[k] != '\0')
      k++;
    else if (k + 1 < len && s[k] == 0xD0 && (s[k + 1] == 0x86 || s[k + 1] == 0xA5))
      k += 2; /* І U+0406, Х U+0425 */
    else
      return 0;
  }
  return letters <= 6 ? letters : 0;
}

int tt_n_regnal(const tt_names *n, size_t first, size_t name, size_t numeral) {
  char g;
  unsigned f;
  size_t letters = tt_n_roman(n, numeral);
  if (!letters)
    return 0;
  unsigned title = TT_WC_ROLE | TT_WC_EN_ROLE;
  int titled = (tt_n_class(n, first) & title) ||
               (first > 0 && (tt_n_class(n, first - 1) & title));
  if (titled) /* King Ottokar I: the title vouches for the name */
    return 1;
  return tt_n_given(n, name, &g, &f) &&
         (letters > 1 || n->doc->toks[name].script == TT_SCRIPT_CYRILLIC);
}

/* Moves a span to tokens [b, e).  A listed name that now takes in other
 * words is no longer the exact listed form: high certainty becomes
 * medium. */
static void reshape(const teitag_doc *d, tt_span *sp, size_t b, size_t e) {
  sp->tok_begin = (uint32_t)b;
  sp->tok_end = (uint32_t)e;
  sp->start = d->toks[b].start;
  sp->end = d->toks[e - 1].end;
  if (sp->cert == TEITAG_CERT_HIGH)
    sp->cert = TEITAG_CERT_MEDIUM;
}

/* A person found without the numeral after the given name that ends it
 * (Queen Elizabeth in the gazetteer, John Paul after a role) takes it. */
static void regnal_number(tt_names *n, tt_span *sp) {
  const teitag_doc *d = n->doc;
  if (sp->type != TEITAG_TYPE_PER || sp->tok_end == UINT32_MAX ||
      sp->tok_end >= d->n_toks || sp->tok_end <= sp->tok_begin ||
      !tt_n_regnal(n, sp->tok_begin, sp->tok_end - 1, sp->tok_end))
    return;
  reshape(d, sp, sp->tok_begin, sp->tok_end + 1);
}

/* ---- initials with a listed or propagated name -------------------------- */

/* Could the person the span links to be written with the initial at token
 * `initial`?  The initial must be the first letter of the given name in
 * one of the person's dictionary forms (О. or А. for Олександр/Александр
 * Лукашенко, J. for Joe Biden): "В. Лукашенко" is someone else, whom the
 * surname alone links wrongly.  A person listed by one word only cannot
 * be told, and fits. */
static int initial_fits(const tt_names *n, const tt_span *sp, size_t initial) {
  const teitag_doc *d = n->doc;
  const char *ref = sp->ref ? tt_doc_get_str(d, sp->ref) : NULL;
  if (!ref)
    return 1;
  const char *norms[4];
  tt_pipeline_entity_norms(n->p, ref, norms);
  const tt_token *t = &d->toks[initial];
  const char *letter = d->keys.data + t->key;
  unsigned char lead = (unsigned char)letter[0];
  size_t letter_len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (t->key_len < letter_len)
    return 1;
  int told = 0;
  tt_buf folded = {NULL, 0, 0};
  int fits = 0;
  for (int l = 0; l < 4 && !fits; l++) {
    if (!norms[l] || !strchr(norms[l], ' '))
      continue;
    told = 1;
    tt_buf_clear(&folded);
    tt_key_append(&folded, norms[l], strcspn(norms[l], " "));
    fits = folded.len >= letter_len && memcmp(folded.data, letter, letter_len) == 0;
  }
  tt_buf_free(&folded);
  return fits || !told;
}

/* Takes the listed person's link off a span that names someone else. */
static void unlink_namesake(tt_names *n, tt_span *sp) {
  if (sp->ref) {
    TT_RESERVE(n->unlinked, n->cap_unlinked, n->n_unlinked + 1);
    n->unlinked[n->n_unlinked++] = (struct tt_unlinked){sp->ref, sp->start};
  }
  sp->ref = 0;
  sp->norm = 0;
}

/* Keeps the span's link only when the initial at `initial` fits it. */
static void check_initial(tt_names *n, tt_span *sp, size_t initial) {
  if (!initial_fits(n, sp, initial))
    unlink_namesake(n, sp);
}

/* "В. Лукашенко", "Б.Обама": the initials rule leaves alone a surname that
 * a gazetteer or propagation already took, so the initials before it are
 * joined here, keeping the span's ID.  A name that starts a sentence keeps
 * its start: the capital and dot before it end the previous sentence. */
static void leading_initials(tt_names *n, tt_span *sp) {
  const teitag_doc *d = n->doc;
  if (sp->type != TEITAG_TYPE_PER || sp->tok_end == UINT32_MAX ||
      sp->tok_end <= sp->tok_begin)
    return;
  /* the segmenter takes "Б . Обама" for a sentence's end and start */
  if ((d->toks[sp->tok_begin].flags & TT_TOK_SENT_START) &&
      !(sp->tok_begin > 1 && tt_n_spaced_initial(d, sp->tok_begin - 2)))
    return;
  size_t b = sp->tok_begin;
  for (int count = 0;; count++) {
    size_t len = 0;
    if (b > 0 && (d->toks[b - 1].flags & TT_TOK_INITIAL))
      len = 1;
    else if (b > 1 && tt_n_spaced_initial(d, b - 2)) /* "Б . Обама" */
      len = 2;
    if (!len || n->gaz_type[b - len] || !tt_n_same_script(n, b - len, sp->tok_begin))
      break;
    if (count == TT_MAX_INITIALS)
      return; /* too many for a name's */
    b -= len;
    if (len == 1 && (d->toks[b].flags & TT_TOK_SENT_START)) /* it starts the name, too */
      break;
  }
  if (b != sp->tok_begin) {
    check_initial(n, sp, b);
    reshape(d, sp, b, sp->tok_end);
  }
}

/* The paragraph that holds token `tok`. */
static const tt_para *para_of(const teitag_doc *d, size_t tok) {
  size_t lo = 0, hi = d->n_paras;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->paras[mid].tok_begin <= tok)
      lo = mid;
    else
      hi = mid;
  }
  return &d->paras[lo];
}

/* "Кисельов В. І.", as registries and court news write a person: the
 * initials after a listed or propagated surname join it.  They open the
 * next name instead where a capitalised word after them can take them. */
static void trailing_initials(tt_names *n, tt_span *sp) {
  const teitag_doc *d = n->doc;
  if (sp->type != TEITAG_TYPE_PER || sp->tok_end == UINT32_MAX ||
      sp->tok_end != sp->tok_begin + 1 ||
      d->toks[sp->tok_begin].script != TT_SCRIPT_CYRILLIC || sp->tok_end >= d->n_toks ||
      !(d->toks[sp->tok_end].flags & TT_TOK_INITIAL || tt_n_one_letter(d, sp->tok_end)))
    return;
  n->para = para_of(d, sp->tok_begin);
  size_t e = tt_n_initials_closing(n, sp->tok_begin); /* also "В . І ." */
  if (!e || e == sp->tok_end)
    return;
  check_initial(n, sp, sp->tok_end);
  reshape(d, sp, sp->tok_begin, e);
}

/* ---- English generic nouns after a listed organisation ----------------- */

/* "Time magazine", "Sputnik news agency": the gazetteer lists such a name
 * with its generic noun when the bare name alone would be ambiguous, but
 * the name is the capitalised part; the span ends there, keeping its ID. */
static void trailing_generic_noun(tt_names *n, tt_span *sp) {
  static const tt_suffix nouns[] = {
      TT_SFX("magazine"), TT_SFX("newspaper"),  TT_SFX("agency"),
      TT_SFX("channel"),  TT_SFX("party"),      TT_SFX("group"),
      TT_SFX("movement"), TT_SFX("militia"),    TT_SFX("battalion"),
      TT_SFX("brigade"),  TT_SFX("unit"),       TT_SFX("network"),
      TT_SFX("company"),  TT_SFX("airline"),    TT_SFX("messenger"),
      TT_SFX("exchange"), TT_SFX("ransomware"), TT_SFX("bloc"),
      TT_SFX("media"),    TT_SFX("forces"),     TT_SFX_END};
  const teitag_doc *d = n->doc;
  if (sp->type != TEITAG_TYPE_ORG || sp->tok_end == UINT32_MAX ||
      sp->tok_end <= sp->tok_begin + 1 ||
      d->toks[sp->tok_begin].script != TT_SCRIPT_LATIN)
    return;
  /* the span's last token before its source: the string is a cache miss
   * on a long part, and few spans end in a lower-case noun */
  size_t e = sp->tok_end;
  if (d->toks[e - 1].lcase != TEITAG_CASE_LOWER || !tt_n_is_any(n, e - 1, nouns))
    return;
  const char *src = tt_doc_get_str(d, sp->source);
  if (!src || strncmp(src, "gazetteer", 9) != 0)
    return;
  e--;
  /* ... and the lower-case words that qualify it: news agency, special unit */
  while (e > sp->tok_begin + 1 && d->toks[e - 1].kind == TEITAG_TOKEN_WORD &&
         d->toks[e - 1].lcase == TEITAG_CASE_LOWER)
    e--;
  if (d->toks[e - 1].kind == TEITAG_TOKEN_WORD &&
      d->toks[e - 1].lcase != TEITAG_CASE_LOWER)
    reshape(d, sp, sp->tok_begin, e);
}

/* ---- a legal form after an organisation ---------------------------------- */

/* "Equinor ASA", "Siemens AG": the legal form after a listed or found
 * company is part of its name as written. */
static void trailing_legal_form(tt_names *n, tt_span *sp) {
  const teitag_doc *d = n->doc;
  if (sp->type != TEITAG_TYPE_ORG || sp->tok_end == UINT32_MAX ||
      sp->tok_end >= d->n_toks || sp->tok_end <= sp->tok_begin)
    return;
  const tt_token *t = &d->toks[sp->tok_end];
  if (t->kind != TEITAG_TOKEN_WORD || t->script != TT_SCRIPT_LATIN ||
      t->lcase == TEITAG_CASE_LOWER || !(tt_n_class(n, sp->tok_end) & TT_WC_LEGAL) ||
      !(t->flags & TT_TOK_SPACE_BEFORE) ||
      d->toks[sp->tok_end - 1].script != TT_SCRIPT_LATIN)
    return;
  reshape(d, sp, sp->tok_begin, sp->tok_end + 1);
}

/* "Олександр Янукович", "Марина Порошенко": a given name before a surname
 * recognised alone (listed, or found again) is one person's name.  The listed
 * person's ID stays only if the listed name starts with this given name
 * as written: the son or the wife of a listed man is someone else. */
static void given_before_listed(tt_names *n, tt_span *sp) {
  const teitag_doc *d = n->doc;
  size_t b = sp->tok_begin;
  /* what the span and the two tokens say first, the lexicon last: this
   * runs for every span of a long part */
  if (sp->type != TEITAG_TYPE_PER || !sp->ref || sp->tok_end != b + 1 || b == 0 ||
      n->gaz_type[b - 1] || !tt_n_title(n, b - 1) ||
      (d->toks[b].flags & TT_TOK_SENT_START) || !tt_n_same_script(n, b - 1, b))
    return;
  char gender;
  unsigned flags;
  /* a given name that is also a word says nothing where a sentence opens
   * with it (Слава Богу) */
  if (!tt_n_given(n, b - 1, &gender, &flags) ||
      ((flags & TT_LEX_COMMON) && tt_n_sentence_start(n, b - 1)))
    return;
  if (!norm_starts_with(d, sp->norm, b - 1))
    unlink_namesake(n, sp);
  reshape(d, sp, b - 1, sp->tok_end);
}

/* A person's full name in the document, linked to a listed person or
 * written by a namesake of one. */
typedef struct {
  const char *ref;
  uint32_t start;
  int namesake;
} full_mention;

static int by_ref_then_start(const void *a, const void *b) {
  const full_mention *x = a, *y = b;
  int c = strcmp(x->ref, y->ref);
  return c ? c : x->start < y->start ? -1 : x->start > y->start;
}

/* The last mention of `ref` that starts before `start`, or NULL. */
static const full_mention *mention_before(const full_mention *m, size_t n_m,
                                          const char *ref, uint32_t start) {
  size_t lo = 0, hi = n_m; /* the first one not before (ref, start) */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(m[mid].ref, ref);
    if (c < 0 || (c == 0 && m[mid].start < start))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo > 0 && strcmp(m[lo - 1].ref, ref) == 0 ? &m[lo - 1] : NULL;
}

/* Once the document has named a namesake of a listed person (Тарас
 * Янукович), the surname alone after that may be either of them; the
 * nearest full name before it says which.  Where that is the namesake's,
 * the listed link, from the gazetteer or from propagation, is taken off;
 * where it is the listed person's own (Віктор Янукович), or where no full
 * name comes before, the link stays.  Sorted, not compared pairwise: a
 * long part may name both thousands of times. */
static void unlink_later_mentions(tt_names *n) {
  teitag_doc *d = n->doc;
  if (!n->n_unlinked)
    return;
  size_t n_m = n->n_unlinked, cap_m = n_m;
  full_mention *m = tt_xmalloc(cap_m * sizeof *m);
  for (size_t u = 0; u < n_m; u++)
    m[u] = (full_mention){tt_doc_get_str(d, n->unlinked[u].ref), n->unlinked[u].start, 1};
  qsort(m, n_m, sizeof *m, by_ref_then_start);
  size_t n_namesakes = n_m;
  for (size_t s = 0; s < d->n_spans; s++) {
    const tt_span *sp = &d->spans[s];
    if (sp->type != TEITAG_TYPE_PER || !sp->ref || sp->tok_end == UINT32_MAX ||
        sp->tok_end < sp->tok_begin + 2)
      continue;
    const char *ref = tt_doc_get_str(d, sp->ref);
    if (!mention_before(m, n_namesakes, ref, UINT32_MAX))
      continue; /* no namesake of this one */
    TT_RESERVE(m, cap_m, n_m + 1);
    m[n_m++] = (full_mention){ref, sp->start, 0};
  }
  qsort(m, n_m, sizeof *m, by_ref_then_start);
  for (size_t s = 0; s < d->n_spans; s++) {
    tt_span *sp = &d->spans[s];
    if (sp->type != TEITAG_TYPE_PER || !sp->ref || sp->tok_end != sp->tok_begin + 1)
      continue;
    const full_mention *nearest = mention_before(m, n_m, tt_doc_get_str(d, sp->ref), sp->start);
    if (nearest && nearest->namesake)
      sp->ref = sp->norm = 0;
  }
  free(m);
}

/* The last touches to a span that stays, given by give_way in its pass:
 * a long part's tokens are long out of the cache by now, and each pass
 * of its own paid for reading them again.  Each looks at its own span
 * only. */
static void finish_span(tt_names *n, tt_span *sp) {
  given_before_listed(n, sp);
  regnal_number(n, sp);
  leading_initials(n, sp);
  trailing_initials(n, sp);
  trailing_generic_noun(n, sp);
  trailing_legal_form(n, sp);
}

/* ---- names given in honour --------------------------------------------- */

int tt_n_listed_in(const teitag_doc *d, const tt_span *sp, const char *file) {
  const char *source = sp && sp->source ? tt_doc_get_str(d, sp->source) : "";
  size_t len = strlen(file);
  return strncmp(source, "gazetteer:", 10) == 0 && strncmp(source + 10, file, len) == 0;
}

size_t tt_n_attribute_len(const tt_names *n, size_t i) {
  static const tt_suffix attributes[] = {TT_SFX("-backed"), TT_SFX("-based"),
      TT_SFX("-owned"), TT_SFX("-run"), TT_SFX("-led"), TT_SFX("-controlled"),
      TT_SFX_END};
  const teitag_doc *d = n->doc;
  const tt_token *t = &d->toks[i];
  if (tt_n_attribute_split(n, i))
    return 3;
  /* asked of most capitalised English words: those without a hyphen are
   * passed over before the list is read */
  if (t->key_len < 5 || !memchr(d->keys.data + t->key, '-', t->key_len))
    return 0;
  return tt_n_ends_any(n, i, attributes) ? 1 : 0;
}

int tt_n_demonym_like(const tt_names *n, size_t i) {
  static const tt_suffix demonym_endings[] = {TT_SFX("ese"), TT_SFX("ish"),
      TT_SFX("ian"), TT_SFX("ean"), TT_SFX("can"), TT_SFX("-majority"),
      TT_SFX("-dominated"), TT_SFX("-controlled"), TT_SFX("-held"),
      TT_SFX("-based"), TT_SFX("-run"), TT_SFX("-speaking"), TT_SFX_END};
  return (tt_n_class(n, i) & TT_WC_ADJECTIVE) || tt_n_ends_any(n, i, demonym_endings);
}

int tt_n_facility_after(const tt_names *n, size_t j) {
  size_t end = n->para->tok_end;
  if (n->doc->toks[j].script != TT_SCRIPT_LATIN)
    return 0;
  for (size_t k = j; k < end && k <= j + 4; k++) {
    if (tt_n_class(n, k) & TT_WC_FACILITY)
      return 1;
    if (k > j && !tt_n_title(n, k) && !(tt_n_is(n, k, ".") && tt_n_is(n, k - 1, "jr")))
      break;
  }
  return 0;
}

int tt_n_lower_elsewhere(tt_names *n, size_t i) {
  return tt_hash_set_has(tt_doc_lower_words(n->doc), n->doc->toks[i].hash);
}

int tt_n_naming_word(const tt_names *n, size_t i) {
  static const tt_suffix naming[] = {TT_SFX("имени"), TT_SFX("им."), TT_SFX("імені"),
                                     TT_SFX("ім."), TT_SFX_END};
  return tt_n_is_any(n, i, naming);
}

/* ---- driver -------------------------------------------------------------- */

teitag_status tt_names_annotate(const teitag_pipeline *p, teitag_doc *doc,
                                teitag_diag *diag) {
  (void)diag;
  if (!doc->n_toks)
    return TEITAG_OK;
  tt_names n;
  n.doc = doc;
  n.p = p;
  n.gaz_type = tt_xcalloc(doc->n_toks, 1);
  n.gaz_end = tt_xcalloc(doc->n_toks, sizeof *n.gaz_end);
  n.person = tt_xcalloc(doc->n_toks, 1);
  n.given = tt_xcalloc(doc->n_toks, sizeof *n.given);
  n.given_memo = thread_given_cache(p);
  n.given_memo_mask = GIVEN_CACHE_SLOTS - 1;
  n.n_candidates = doc->n_spans;
  n.span_first = n.span_next = NULL;
  n.n_indexed = n.cap_next = 0;
  n.unlinked = NULL;
  n.n_unlinked = n.cap_unlinked = 0;
  /* the tokenizer gave the words their classes where it knew the rules
   * would run; a document built otherwise gets them here */
  if (!doc->word_classes) {
    doc->n_caps = 0;
    tt_word_class_doc(doc);
    doc->word_classes = 1;
  }
  n.caps = doc->caps;
  n.n_caps = doc->n_caps;
  if (n.n_caps)
    qsort(n.caps, n.n_caps, sizeof *n.caps, cmp_u64);
  {
    static const char *const marks[TT_N_PUNCTS] = {
        [TT_N_DASH] = "-",       [TT_N_QUOTE] = "\"",       [TT_N_APOSTROPHE] = "'",
        [TT_N_OPEN_PAREN] = "(", [TT_N_CLOSE_PAREN] = ")", [TT_N_AMPERSAND] = "&",
        [TT_N_PLUS] = "+",       [TT_N_COMMA] = ",",        [TT_N_FULL_STOP] = "."};
    tt_buf scratch = {0};
    for (size_t k = 0; k < TT_N_PUNCTS; k++)
      n.punct_hash[k] = tt_key_append_hashed(&scratch, marks[k], strlen(marks[k]));
    tt_buf_free(&scratch);
  }
  for (size_t s = 0; s < doc->n_spans; s++) {
    const tt_span *sp = &doc->spans[s];
    if (sp->tok_end == UINT32_MAX || sp->tok_end <= sp->tok_begin)
      continue;
    for (size_t i = sp->tok_begin; i < sp->tok_end; i++)
      n.gaz_type[i] = sp->type;
    n.gaz_end[sp->tok_begin] = sp->tok_end;
    if (sp->type == TEITAG_TYPE_PER)
      for (size_t i = sp->tok_begin; i < sp->tok_end; i++)
        n.person[i] = 1;
  }
  for (size_t pi = 0; pi < doc->n_paras; pi++) {
    n.para = &doc->paras[pi];
    tt_rules_person(&n);
    tt_rules_org(&n);
    tt_rules_place(&n);
  }
  tt_rules_org_of_place(&n);
  tt_names_propagate(&n);
  free(n.gaz_type);
  free(n.gaz_end);
  free(n.person);
  free(n.given);
  free(n.span_first);
  free(n.span_next);
  free(n.unlinked);
  return TEITAG_OK;
}
