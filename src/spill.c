/* SPDX-License-Identifier: MIT
 *
 * spill.c -- an append-only store that moves to a temporary file once it
 * outgrows a memory limit, and sorted runs of records merged back from it.
 *
 * The file is created next to a path the caller names (the output being
 * written, whose file system must have room for the output anyway) and
 * unlinked at once, so nothing is left behind, whatever happens to the
 * process.  The store is a scratch area: it is never synced, and its
 * contents never reach an output except through the caller.
 */
#include "config.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spill.h"

struct tt_spill {
  char *near;       /* the file goes in this path's directory; NULL: never */
  size_t mem_limit;
  int fd;           /* -1 while the store is in memory */
  tt_buf mem;       /* the whole store, while in memory */
  unsigned char *pending; /* appends not yet written to the file */
  size_t n_pending;
  uint64_t size;    /* bytes appended */
  uint64_t written; /* bytes in the file */
  int err;
  const char *what;
};

/* Appends are written to the file in pieces of this size. */
enum { SPILL_PIECE = 1 << 20 };

tt_spill *tt_spill_new(const char *near, size_t mem_limit) {
  tt_spill *s = tt_xcalloc(1, sizeof *s);
  s->near = near ? tt_xstrdup(near) : NULL;
  s->mem_limit = mem_limit;
  s->fd = -1;
  return s;
}

void tt_spill_free(tt_spill *s) {
  if (!s)
    return;
  if (s->fd >= 0)
    close(s->fd); /* already unlinked: this removes it */
  tt_buf_free(&s->mem);
  free(s->pending);
  free(s->near);
  free(s);
}

static void fail(tt_spill *s, int err, const char *what) {
  if (!s->err) {
    s->err = err ? err : EIO;
    s->what = what;
  }
}

int tt_write_all_at(int fd, const void *buf, size_t len, uint64_t off) {
  const unsigned char *p = buf;
  while (len) {
    ssize_t w = pwrite(fd, p, len, (off_t)off);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return w < 0 ? errno : EIO;
    p += w;
    len -= (size_t)w;
    off += (uint64_t)w;
  }
  return 0;
}

static void write_pending(tt_spill *s) {
  if (!s->n_pending || s->err)
    return;
  int err = tt_write_all_at(s->fd, s->pending, s->n_pending, s->written);
  if (err)
    fail(s, err, "write");
  s->written += s->n_pending;
  s->n_pending = 0;
}

/* Creates the file under a unique name next to `near`, unlinks it at once
 * (it is reached through the descriptor only), and moves the memory
 * contents into it. */
static void move_to_file(tt_spill *s) {
  size_t n = strlen(s->near);
  char *tmp = tt_xmalloc(n + 16);
  snprintf(tmp, n + 16, "%s.tmpXXXXXX", s->near);
  s->fd = mkstemp(tmp);
  if (s->fd < 0) {
    fail(s, errno, "create");
  } else {
    unlink(tmp);
    s->pending = tt_xmalloc(SPILL_PIECE);
    int err = tt_write_all_at(s->fd, s->mem.data, s->mem.len, 0);
    if (err)
      fail(s, err, "write");
    s->written = s->mem.len;
  }
  tt_buf_free(&s->mem);
  free(tmp);
}

uint64_t tt_spill_append(tt_spill *s, const void *p, size_t len) {
  uint64_t off = s->size;
  s->size += len;
  if (s->err || len == 0)
    return off;
  if (s->fd < 0) {
    if (!s->near || s->mem.len + len <= s->mem_limit) {
      tt_buf_put(&s->mem, p, len);
      return off;
    }
    move_to_file(s);
    if (s->err)
      return off;
  }
  if (s->n_pending + len > SPILL_PIECE)
    write_pending(s);
  if (len >= SPILL_PIECE) {
    int err = tt_write_all_at(s->fd, p, len, s->written);
    if (err)
      fail(s, err, "write");
    s->written += len;
  } else {
    memcpy(s->pending + s->n_pending, p, len);
    s->n_pending += len;
  }
  return off;
}

uint64_t tt_spill_size(const tt_spill *s) { return s->size; }

int tt_spill_read(tt_spill *s, uint64_t off, void *p, size_t len) {
  if (!s->err && off + len > s->size)
    fail(s, EINVAL, "read");
  if (!s->err && s->fd >= 0 && off + len > s->written)
    write_pending(s);
  if (s->err) {
    memset(p, 0, len);
    return 0;
  }
  if (s->fd < 0) {
    memcpy(p, s->mem.data + off, len);
    return 1;
  }
  unsigned char *q = p;
  while (len) {
    ssize_t r = pread(s->fd, q, len, (off_t)off);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0) {
      fail(s, r < 0 ? errno : EIO, "read");
      memset(q, 0, len);
      return 0;
    }
    q += r;
    len -= (size_t)r;
    off += (uint64_t)r;
  }
  return 1;
}

int tt_spill_error(const tt_spill *s, const char **what) {
  if (what)
    *what = s->what ? s->what : "";
  return s->err;
}

void tt_spill_cursor_init(tt_spill_cursor *c, tt_spill *s, uint64_t off,
                          uint64_t len, size_t buf_size) {
  c->s = s;
  c->pos = off;
  c->end = off + len;
  c->buf = tt_xmalloc(buf_size);
  c->cap = buf_size;
  c->at = c->len = 0;
}

/* Refills an emptied buffer from the range; 0 at its end or on error. */
static int cursor_fill(tt_spill_cursor *c) {
  if (c->pos == c->end)
    return 0;
  size_t k = c->end - c->pos < c->cap ? (size_t)(c->end - c->pos) : c->cap;
  if (!tt_spill_read(c->s, c->pos, c->buf, k))
    return 0;
  c->pos += k;
  c->at = 0;
  c->len = k;
  return 1;
}

int tt_spill_cursor_read(tt_spill_cursor *c, void *p, size_t n) {
  unsigned char *out = p;
  while (n) {
    if (c->at == c->len && !cursor_fill(c))
      return 0;
    size_t k = n < c->len - c->at ? n : c->len - c->at;
    memcpy(out, c->buf + c->at, k);
    c->at += k;
    out += k;
    n -= k;
  }
  return 1;
}

size_t tt_spill_cursor_next(tt_spill_cursor *c, size_t elem, size_t max,
                            const void **recs) {
  if (c->at == c->len && !cursor_fill(c))
    return 0;
  size_t n = (c->len - c->at) / elem;
  assert(n > 0);
  n = n < max ? n : max;
  *recs = c->buf + c->at;
  c->at += n * elem;
  return n;
}

void tt_spill_cursor_free(tt_spill_cursor *c) {
  free(c->buf);
  c->buf = NULL;
}

/* ---- sorting a run ------------------------------------------------------------ */

typedef struct {
  uint64_t hash;
  uint64_t index;
} hash_index;

/* LSD radix sort by hash, 11 bits a pass (6 passes; a pass's counts fit
 * the L1 cache), between `v` and `tmp`: runs of a quarter of a million
 * keys sort in a fraction of the time of qsort.  Stable.  One read counts
 * every pass's digits; a pass whose digit is the same everywhere is
 * skipped.  Returns the array that holds the result. */
enum { RADIX_BITS = 11, RADIX = 1 << RADIX_BITS, PASSES = (64 + RADIX_BITS - 1) / RADIX_BITS };

#define RADIX_SORT(name, T, KEY)                                              \
  static T *name(T *v, T *tmp, size_t n) {                                    \
    if (n < 2)                                                                \
      return v;                                                               \
    size_t(*count)[RADIX] = tt_xcalloc(PASSES, sizeof *count);                \
    for (size_t i = 0; i < n; i++)                                            \
      for (int p = 0; p < PASSES; p++)                                        \
        count[p][(KEY(v[i]) >> (p * RADIX_BITS)) & (RADIX - 1)]++;            \
    for (int p = 0; p < PASSES; p++) {                                        \
      int shift = p * RADIX_BITS;                                             \
      if (count[p][(KEY(v[0]) >> shift) & (RADIX - 1)] == n)                  \
        continue;                                                             \
      size_t at = 0;                                                          \
      for (int b = 0; b < RADIX; b++) {                                       \
        size_t k = count[p][b];                                               \
        count[p][b] = at;                                                     \
        at += k;                                                              \
      }                                                                       \
      for (size_t i = 0; i < n; i++)                                          \
        tmp[count[p][(KEY(v[i]) >> shift) & (RADIX - 1)]++] = v[i];           \
      T *t = v;                                                               \
      v = tmp;                                                                \
      tmp = t;                                                                \
    }                                                                         \
    free(count);                                                              \
    return v;                                                                 \
  }

#define PAIR_KEY(x) ((x).hash)
#define U64_KEY(x) (x)
RADIX_SORT(radix_pairs, hash_index, PAIR_KEY)
RADIX_SORT(radix_u64, uint64_t, U64_KEY)

static uint64_t hash_of(const void *rec) {
  uint64_t h;
  memcpy(&h, rec, sizeof h);
  return h;
}

/* Records of one hash are few: insertion-sort each group by `cmp`,
 * moving only past a record that compares greater, so that arrival order
 * breaks ties. */
static void order_equal_hashes(hash_index *v, size_t n, const unsigned char *recs,
                               size_t elem, tt_run_cmp cmp) {
  for (size_t i = 1; i < n; i++) {
    hash_index x = v[i];
    size_t j = i;
    while (j > 0 && v[j - 1].hash == x.hash &&
           cmp(recs + v[j - 1].index * elem, recs + x.index * elem) > 0) {
      v[j] = v[j - 1];
      j--;
    }
    v[j] = x;
  }
}

/* Sorts bare hashes in place and appends them; returns how many. */
static size_t spill_sorted_hashes(tt_runs *r) {
  size_t n = r->n;
  uint64_t *tmp = tt_xmalloc(n * sizeof *tmp);
  uint64_t *v = radix_u64((uint64_t *)(void *)r->buf, tmp, n);
  if (r->unique) {
    size_t out = 0;
    for (size_t i = 0; i < n; i++)
      if (out == 0 || v[i] != v[out - 1])
        v[out++] = v[i];
    n = out;
  }
  tt_spill_append(r->spill, v, n * sizeof *v);
  free(tmp);
  return n;
}

/* Sorts an index of the records and appends them in its order, gathered
 * through a small buffer; returns how many. */
static size_t spill_sorted_records(tt_runs *r) {
  size_t n = r->n, elem = r->elem;
  hash_index *pairs = tt_xmalloc(n * sizeof *pairs);
  hash_index *tmp = tt_xmalloc(n * sizeof *tmp);
  for (size_t i = 0; i < n; i++) {
    pairs[i].hash = hash_of(r->buf + i * elem);
    pairs[i].index = i;
  }
  hash_index *v = radix_pairs(pairs, tmp, n);
  if (r->cmp)
    order_equal_hashes(v, n, r->buf, elem, r->cmp);
  /* Pieces of at least SPILL_PIECE go to the file without a copy. */
  size_t per = SPILL_PIECE / elem + 1, k = 0, out = 0;
  unsigned char *stage = tt_xmalloc(per * elem);
  for (size_t i = 0; i < n; i++) {
    if (r->unique && i > 0 && v[i].hash == v[i - 1].hash)
      continue;
    memcpy(stage + k * elem, r->buf + v[i].index * elem, elem);
    out++;
    if (++k == per) {
      tt_spill_append(r->spill, stage, k * elem);
      k = 0;
    }
  }
  tt_spill_append(r->spill, stage, k * elem);
  free(stage);
  free(pairs);
  free(tmp);
  return out;
}

void tt_runs_init(tt_runs *r, tt_spill *s, size_t elem, size_t max,
                  tt_run_cmp cmp, int unique) {
  memset(r, 0, sizeof *r);
  r->spill = s;
  r->elem = elem;
  r->max = max ? max : 1;
  r->cmp = cmp;
  r->unique = unique;
}

/* Sorts the records gathered so far and appends them as a run; keeps the
 * buffer for the next run. */
static void spill_run(tt_runs *r) {
  if (r->n == 0)
    return;
  TT_RESERVE(r->runs, r->cap_runs, r->n_runs + 1);
  tt_run *run = &r->runs[r->n_runs++];
  run->off = tt_spill_size(r->spill);
  run->n = r->elem == sizeof(uint64_t) && !r->cmp ? spill_sorted_hashes(r)
                                                  : spill_sorted_records(r);
  r->n = 0;
}

void *tt_runs_push(tt_runs *r) {
  if (r->n == r->max)
    spill_run(r);
  if (r->n == r->cap) {
    size_t cap = r->cap ? r->cap * 2 : 1024;
    r->cap = cap < r->max ? cap : r->max;
    r->buf = tt_xrealloc(r->buf, r->cap * r->elem);
  }
  return r->buf + r->n++ * r->elem;
}

void tt_runs_flush(tt_runs *r) {
  spill_run(r);
  free(r->buf); /* nothing more is gathered: give the memory back */
  r->buf = NULL;
  r->cap = 0;
}

void tt_runs_free(tt_runs *r) {
  free(r->buf);
  free(r->runs);
  memset(r, 0, sizeof *r);
}

/* ---- merging runs ------------------------------------------------------------- */

/* One run being read: a window of its records. */
typedef struct {
  uint64_t head;  /* hash of the record at `at`; UINT64_MAX when done */
  int done;       /* no records left */
  size_t at, len; /* window: records [at, len) */
  unsigned char *buf;
  uint64_t pos;  /* offset of the next record not in the window */
  uint64_t left; /* records not yet in the window */
} merge_src;

/* A tournament ("loser") tree over the runs: each inner node holds the
 * run that lost the match there, node 0 the overall winner, so taking a
 * record costs one match per level (a heap needs two). */
struct tt_merge {
  const tt_runs *r;
  merge_src *src;
  size_t n_src, per; /* records per window */
  size_t *tree;      /* n_src nodes; leaf of run i: node n_src + i */
  int advance;       /* the winner's head was returned: move past it */
  int have_last;
  uint64_t last;     /* hash returned last, for `unique` */
};

/* Enough for reading at disk speed, small enough for hundreds of runs. */
enum { MERGE_WINDOW = 64 << 10 };

static void refill(tt_merge *m, merge_src *s) {
  size_t k = s->left < m->per ? (size_t)s->left : m->per;
  if (k == 0 || !tt_spill_read(m->r->spill, s->pos, s->buf, k * m->r->elem)) {
    s->done = 1;
    s->head = UINT64_MAX;
    return;
  }
  s->pos += k * m->r->elem;
  s->left -= k;
  s->at = 0;
  s->len = k;
  s->head = hash_of(s->buf);
}

/* Moves past the head record. */
static void advance(tt_merge *m, merge_src *s) {
  if (++s->at == s->len)
    refill(m, s);
  else
    s->head = hash_of(s->buf + s->at * m->r->elem);
}

static const unsigned char *head(const tt_merge *m, size_t i) {
  const merge_src *s = &m->src[i];
  return s->buf + s->at * m->r->elem;
}

/* Equal head hashes: a finished run never comes first; then `cmp`; then
 * the earlier run, as in one stable sort. */
static int tie_before(const tt_merge *m, size_t a, size_t b) {
  if (m->src[a].done || m->src[b].done)
    return !m->src[a].done;
  if (m->r->cmp) {
    int c = m->r->cmp(head(m, a), head(m, b));
    if (c)
      return c < 0;
  }
  return a < b;
}

/* Does run a's head come before run b's?  Hashes decide nearly always,
 * and are kept beside the runs so as not to reach into their windows. */
static inline int before(const tt_merge *m, size_t a, size_t b) {
  uint64_t ha = m->src[a].head, hb = m->src[b].head;
  return ha != hb ? ha < hb : tie_before(m, a, b);
}

/* Plays every match once, bottom up. */
static void build_tree(tt_merge *m) {
  size_t k = m->n_src;
  size_t *win = tt_xmalloc(2 * k * sizeof *win);
  for (size_t i = 0; i < k; i++)
    win[k + i] = i;
  for (size_t node = k; node-- > 1;) {
    size_t a = win[2 * node], b = win[2 * node + 1];
    int a_wins = before(m, a, b);
    win[node] = a_wins ? a : b;
    m->tree[node] = a_wins ? b : a;
  }
  m->tree[0] = k > 1 ? win[1] : 0;
  free(win);
}

/* Replays the matches of run i's leaf after its head changed. */
static void replay(tt_merge *m, size_t i) {
  for (size_t node = (m->n_src + i) / 2; node >= 1; node /= 2)
    if (before(m, m->tree[node], i)) {
      size_t t = m->tree[node];
      m->tree[node] = i;
      i = t;
    }
  m->tree[0] = i;
}

tt_merge *tt_merge_new(const tt_runs *r) {
  tt_merge *m = tt_xcalloc(1, sizeof *m);
  m->r = r;
  m->n_src = r->n_runs;
  m->per = MERGE_WINDOW / r->elem + 1;
  m->src = tt_xcalloc(m->n_src + 1, sizeof *m->src);
  m->tree = tt_xcalloc(m->n_src + 1, sizeof *m->tree);
  for (size_t i = 0; i < m->n_src; i++) {
    merge_src *s = &m->src[i];
    s->pos = r->runs[i].off;
    s->left = r->runs[i].n;
    s->buf = tt_xmalloc(m->per * r->elem);
    refill(m, s);
  }
  if (m->n_src)
    build_tree(m);
  return m;
}

const void *tt_merge_next(tt_merge *m) {
  if (m->n_src == 0)
    return NULL;
  for (;;) {
    size_t w = m->tree[0];
    merge_src *s = &m->src[w];
    if (m->advance) {
      m->advance = 0;
      advance(m, s);
      replay(m, w);
      w = m->tree[0];
      s = &m->src[w];
    }
    if (s->done)
      return NULL; /* the winner is finished: every run is */
    const unsigned char *rec = head(m, w);
    m->advance = 1;
    uint64_t h = s->head;
    if (m->r->unique && m->have_last && h == m->last)
      continue;
    m->have_last = 1;
    m->last = h;
    return rec;
  }
}

void tt_merge_free(tt_merge *m) {
  if (!m)
    return;
  for (size_t i = 0; i < m->n_src; i++)
    free(m->src[i].buf);
  free(m->src);
  free(m->tree);
  free(m);
}
