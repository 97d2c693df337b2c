/* SPDX-License-Identifier: MIT
 *
 * input.c -- one text input, read in blocks and annotated through a
 * teitag_stream, for `annotate` and `batch` alike.
 *
 * Reading a block at a time keeps memory bounded whatever the file size;
 * the stream cuts the text into parts at paragraph boundaries.  This file
 * reports what happened (bytes, encoding, entities, the reason of a
 * failure) in a cli_result and leaves printing to its callers, because
 * batch prints from several threads under one lock.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#define BLOCK_SIZE ((size_t)1 << 20)

static int result_error(cli_result *r, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int result_error(cli_result *r, int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(r->error, sizeof r->error, fmt, ap);
  va_end(ap);
  return code;
}

int cli_parse_size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (end == s || errno || v < 0)
    return -1;
  double scale = 1;
  switch (*end) {
  case 'k': case 'K': scale = 1024.0; end++; break;
  case 'm': case 'M': scale = 1024.0 * 1024; end++; break;
  case 'g': case 'G': scale = 1024.0 * 1024 * 1024; end++; break;
  default: break;
  }
  if (*end == 'B' || *end == 'b')
    end++;
  if (*end || v * scale >= 1.8e19)
    return -1;
  *out = (size_t)(v * scale);
  return 0;
}

/* Opens `path` ("-": stdin) and refuses what is not a file to read. */
static int open_input(const char *path, size_t max_size, size_t *size_hint,
                      cli_result *r) {
  int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
  if (fd < 0)
    return result_error(r, CLI_IN_FAILED, "cannot open: %s", strerror(errno));
  struct stat st;
  *size_hint = 0;
  if (fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      if (fd != STDIN_FILENO)
        close(fd);
      return result_error(r, CLI_IN_FAILED,
                          "is a directory (use 'teitag batch' for directories)");
    }
    if (S_ISREG(st.st_mode)) {
      *size_hint = (size_t)st.st_size;
      if (max_size && (size_t)st.st_size > max_size) {
        if (fd != STDIN_FILENO)
          close(fd);
        return result_error(r, CLI_IN_FAILED,
                            "too large: %zu bytes (--max-size is %zu)",
                            (size_t)st.st_size, max_size);
      }
#ifdef HAVE_POSIX_FADVISE
      posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    }
  }
  return fd;
}

/* Maps a failed stream call to a result: an output failure or bad input. */
static int stream_error(teitag_status st, const teitag_diag *diag,
                        cli_result *r) {
  r->status = st;
  if (st == TEITAG_EWRITE)
    return result_error(r, CLI_OUT_FAILED, "%s", diag->message);
  return result_error(r, CLI_IN_FAILED, "%s", diag->message);
}

static void collect(const teitag_stream *s, cli_result *r) {
  snprintf(r->encoding, sizeof r->encoding, "%s", teitag_stream_encoding(s));
  for (int t = TEITAG_TYPE_PER; t <= TEITAG_TYPE_MONEY; t++)
    r->entities[t] = teitag_stream_n_entities(s, (teitag_type)t);
  r->parts = teitag_stream_n_parts(s);
}

int cli_annotate_input(const teitag_pipeline *p, teitag_writer *w,
                       const char *path, const char *name,
                       const cli_input_opts *o, cli_result *r) {
  memset(r, 0, sizeof *r);
  size_t size_hint = 0;
  int fd = open_input(path, o->max_size, &size_hint, r);
  if (fd < 0)
    return fd;
  teitag_stream *s;
  teitag_stream_new(p, name, w, &s);
  if (o->part_size)
    teitag_stream_set_part_size(s, o->part_size);
  teitag_stream_set_input_size(s, size_hint);
  /* A small file needs no 1 MB buffer: one read of its size + 1 sees the
   * end, and a batch of small files pays no large allocation per file. */
  size_t cap = size_hint && size_hint < BLOCK_SIZE ? size_hint + 1 : BLOCK_SIZE;
  char *buf = malloc(cap);
  int rc = buf ? CLI_IN_OK : result_error(r, CLI_IN_FAILED, "out of memory");
  teitag_diag diag;
  while (rc == CLI_IN_OK) {
    if (o->stop && *o->stop) {
      rc = result_error(r, CLI_IN_STOPPED, "interrupted");
      break;
    }
    ssize_t n = read(fd, buf, cap);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      rc = result_error(r, CLI_IN_FAILED, "read error: %s", strerror(errno));
      break;
    }
    if (n == 0)
      break;
    r->bytes += (size_t)n;
    if (o->max_size && r->bytes > o->max_size) {
      rc = result_error(r, CLI_IN_FAILED,
                        "too large: more than %zu bytes (--max-size)",
                        o->max_size);
      break;
    }
    teitag_status st = teitag_stream_feed(s, buf, (size_t)n, &diag);
    if (st != TEITAG_OK)
      rc = stream_error(st, &diag, r);
    if (o->progress)
      o->progress(o->progress_ctx, (size_t)n);
  }
  if (rc == CLI_IN_OK) {
    teitag_status st = teitag_stream_finish(s, &diag);
    if (st != TEITAG_OK)
      rc = stream_error(st, &diag, r);
  }
  collect(s, r);
  teitag_stream_free(s);
  free(buf);
  if (fd != STDIN_FILENO)
    close(fd);
  return rc;
}

int cli_annotate_whole(const teitag_pipeline *p, teitag_writer *w,
                       const char *path, const char *name,
                       const cli_input_opts *o, cli_result *r,
                       teitag_doc **out) {
  memset(r, 0, sizeof *r);
  *out = NULL;
  size_t size_hint = 0;
  int fd = open_input(path, o->max_size, &size_hint, r);
  if (fd < 0)
    return fd;
  size_t cap = size_hint ? size_hint + 1 : BLOCK_SIZE, len = 0;
  char *data = malloc(cap);
  int rc = data ? CLI_IN_OK : result_error(r, CLI_IN_FAILED, "out of memory");
  while (rc == CLI_IN_OK) {
    if (o->stop && *o->stop) {
      rc = result_error(r, CLI_IN_STOPPED, "interrupted");
      break;
    }
    if (len == cap) {
      char *bigger = cap < SIZE_MAX / 2 ? realloc(data, cap * 2) : NULL;
      if (!bigger) {
        rc = result_error(r, CLI_IN_FAILED, "out of memory");
        break;
      }
      data = bigger;
      cap *= 2;
    }
    ssize_t n = read(fd, data + len, cap - len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      rc = result_error(r, CLI_IN_FAILED, "read error: %s", strerror(errno));
      break;
    }
    if (n == 0)
      break;
    len += (size_t)n;
    if (o->max_size && len > o->max_size)
      rc = result_error(r, CLI_IN_FAILED,
                        "too large: more than %zu bytes (--max-size)",
                        o->max_size);
    if (o->progress)
      o->progress(o->progress_ctx, (size_t)n);
  }
  if (fd != STDIN_FILENO)
    close(fd);
  r->bytes = len;
  teitag_doc *doc = NULL;
  teitag_diag diag;
  if (rc == CLI_IN_OK) {
    teitag_status st = teitag_annotate(p, data, len, name, &doc, &diag);
    if (st == TEITAG_OK)
      st = teitag_writer_write(w, doc, &diag);
    if (st == TEITAG_OK)
      st = teitag_writer_finish(w, &diag);
    if (st != TEITAG_OK)
      rc = stream_error(st, &diag, r);
  }
  free(data);
  if (doc) {
    const char *enc = teitag_doc_encoding(doc);
    snprintf(r->encoding, sizeof r->encoding, "%s", enc ? enc : "");
    for (size_t i = 0; i < teitag_doc_n_spans(doc); i++) {
      teitag_span sp;
      if (teitag_doc_span(doc, i, &sp) && sp.type <= TEITAG_TYPE_MONEY)
        r->entities[sp.type]++;
    }
    r->parts = 1;
  }
  if (rc == CLI_IN_OK)
    *out = doc;
  else
    teitag_doc_free(doc);
  return rc;
}
