/* SPDX-License-Identifier: MIT
 *
 * spill.h -- data that may outgrow memory: an append-only store that
 * stays in memory up to a limit and then moves to an unlinked temporary
 * file, and sorted runs of fixed-size records kept in it and merged back
 * in order (an external merge sort).
 *
 * The gazetteer compiler keeps its row log and its keys here, so that its
 * memory does not grow with the number of keys:
 *
 *     tt_spill *s = tt_spill_new(out_path, 32 << 20);
 *     tt_runs keys;
 *     tt_runs_init(&keys, s, sizeof(rec), 1 << 18, by_priority, 0);
 *     for (...) { rec *r = tt_runs_push(&keys); ... }
 *     tt_runs_flush(&keys);
 *     tt_merge *m = tt_merge_new(&keys);
 *     for (const rec *r; (r = tt_merge_next(m));) ...;
 *     tt_merge_free(m);
 *     if (tt_spill_error(s, &what)) ...;
 *     tt_runs_free(&keys);
 *     tt_spill_free(s);
 *
 * Errors (no room for the file, a failed write or read) are kept, not
 * returned at each call: after the first one, appends are dropped and
 * reads return zeros, and tt_spill_error() says what failed.
 */
#ifndef TEITAG_SPILL_H
#define TEITAG_SPILL_H

#include "private.h"

typedef struct tt_spill tt_spill;

/* Writes all of `len` bytes at offset `off` of `fd`, through short writes
 * and signals; returns 0, or the errno of the failure (EIO for a write
 * that made no progress). */
int tt_write_all_at(int fd, const void *buf, size_t len, uint64_t off);

/* A store that moves to a temporary file in the directory of the path
 * `near` once it holds more than `mem_limit` bytes.  With near == NULL it
 * stays in memory.  Free it with tt_spill_free(). */
tt_spill *tt_spill_new(const char *near, size_t mem_limit);
void tt_spill_free(tt_spill *s); /* NULL is a no-op; removes the file */

/* Appends `len` bytes (copied); returns their offset. */
uint64_t tt_spill_append(tt_spill *s, const void *p, size_t len);

/* Bytes appended so far. */
uint64_t tt_spill_size(const tt_spill *s);

/* Copies `len` bytes at `off` into `p`; returns 0 after an error. */
int tt_spill_read(tt_spill *s, uint64_t off, void *p, size_t len);

/* The errno of the first failure, or 0; `*what` (may be NULL) gets
 * "create", "write" or "read". */
int tt_spill_error(const tt_spill *s, const char **what);

/* Reads a range of a store in order, through a buffer of its own. */
typedef struct tt_spill_cursor {
  tt_spill *s;
  uint64_t pos, end;  /* the part of the range not yet in `buf` */
  unsigned char *buf;
  size_t cap, at, len; /* buf[at, len) is read but not yet taken */
} tt_spill_cursor;

void tt_spill_cursor_init(tt_spill_cursor *c, tt_spill *s, uint64_t off,
                          uint64_t len, size_t buf_size);
/* Copies the next `n` bytes into `p`; returns 0 at the end of the range
 * (or after an error). */
int tt_spill_cursor_read(tt_spill_cursor *c, void *p, size_t n);
/* Points `*recs` at the next records of `elem` bytes in the cursor's
 * buffer, at most `max` of them, without copying; returns how many (0 at
 * the end).  The range and the buffer size must be multiples of `elem`.
 * The records stay valid until the next call. */
size_t tt_spill_cursor_next(tt_spill_cursor *c, size_t elem, size_t max,
                            const void **recs);
void tt_spill_cursor_free(tt_spill_cursor *c);

/* ---- sorted runs ----------------------------------------------------------- */

/* Orders two records of equal hash; returns <0, 0 or >0 like memcmp. */
typedef int (*tt_run_cmp)(const void *a, const void *b);

typedef struct tt_run {
  uint64_t off, n; /* where in the store, how many records */
} tt_run;

/* Records of `elem` bytes that begin with their uint64_t sort hash.  They
 * are gathered in memory `cap` at a time, sorted by hash, then by `cmp`,
 * then by arrival, and appended to the store as one run. */
typedef struct tt_runs {
  tt_spill *spill;
  size_t elem;
  tt_run_cmp cmp;     /* NULL: equal hashes stay in arrival order */
  int unique;         /* keep only the first record of each hash */
  unsigned char *buf; /* the run being gathered */
  size_t n, cap, max;
  tt_run *runs;
  size_t n_runs, cap_runs;
} tt_runs;

void tt_runs_init(tt_runs *r, tt_spill *s, size_t elem, size_t max,
                  tt_run_cmp cmp, int unique);
/* Room for one more record (uninitialised); sorts and appends the run
 * first when it is full.  Valid until the next call. */
void *tt_runs_push(tt_runs *r);
/* Sorts and appends the run being gathered. */
void tt_runs_flush(tt_runs *r);
void tt_runs_free(tt_runs *r);

/* Reads every run of a flushed tt_runs back as one sequence in the same
 * order (for equal records, earlier runs first); with `unique`, only the
 * first record of each hash. */
typedef struct tt_merge tt_merge;

tt_merge *tt_merge_new(const tt_runs *r);
/* The next record, or NULL at the end.  Valid until the next call. */
const void *tt_merge_next(tt_merge *m);
void tt_merge_free(tt_merge *m); /* NULL is a no-op */

#endif
