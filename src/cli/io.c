/* SPDX-License-Identifier: MIT
 *
 * io.c -- reading inputs and writing outputs safely for the CLI.
 *
 * Outputs go to a temporary file next to the target and are renamed into
 * place only when complete, so an interrupted or failed run leaves either
 * the old file or the new one, never half of one.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

void cli_error(const char *fmt, ...) {
  va_list ap;
  fputs("teitag: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

int cli_read_file(const char *path, char **data, size_t *len) {
  int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
  const char *shown = strcmp(path, "-") == 0 ? "stdin" : path;
  if (fd < 0) {
    cli_error("%s: cannot open: %s", shown, strerror(errno));
    return -1;
  }
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    cli_error("%s: is a directory (use 'teitag batch' for directories)", shown);
    if (fd != STDIN_FILENO)
      close(fd);
    return -1;
  }
  size_t cap = (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
                   ? (size_t)st.st_size + 1
                   : 65536;
  char *buf = malloc(cap);
  size_t n = 0;
  for (;;) {
    if (!buf) {
      cli_error("%s: out of memory reading the file", shown);
      break;
    }
    if (n == cap) {
      char *nb = cap < ((size_t)-1) / 2 ? realloc(buf, cap * 2) : NULL;
      if (!nb) {
        cli_error("%s: out of memory reading the file", shown);
        free(buf);
        buf = NULL;
        break;
      }
      buf = nb;
      cap *= 2;
    }
    ssize_t r = read(fd, buf + n, cap - n);
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0) {
      cli_error("%s: read error: %s", shown, strerror(errno));
      free(buf);
      buf = NULL;
      break;
    }
    if (r == 0)
      break;
    n += (size_t)r;
  }
  if (fd != STDIN_FILENO)
    close(fd);
  if (!buf)
    return -1;
  *data = buf;
  *len = n;
  return 0;
}

/* Reports an output error: printed, or kept for a silent output. */
static void out_error(cli_output *out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void out_error(cli_output *out, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (out->silent) {
    vsnprintf(out->error, sizeof out->error, fmt, ap);
  } else {
    fputs("teitag: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
  }
  va_end(ap);
}

/* The umask, read once: reading it means setting it, and batch opens
 * outputs from several threads, which must never see it set to 0. */
static mode_t saved_umask;
static pthread_once_t umask_once = PTHREAD_ONCE_INIT;

static void read_umask(void) {
  saved_umask = umask(0);
  umask(saved_umask);
}

mode_t cli_umask(void) {
  pthread_once(&umask_once, read_umask);
  return saved_umask;
}

enum { CLI_OUTPUT_BUFFER = 1 << 16 };

int cli_output_open(cli_output *out, const char *path) {
  int silent = out->silent, no_fsync = out->no_fsync;
  memset(out, 0, sizeof *out);
  out->silent = silent;
  out->no_fsync = no_fsync;
  if (!path || strcmp(path, "-") == 0) {
    out->fp = stdout;
    /* the same for stdout redirected to a file or a pipe, set before
     * anything is written to it (a terminal keeps its line buffering) */
    static int stdout_buffered;
    static char stdout_buf[CLI_OUTPUT_BUFFER];
    if (!stdout_buffered && !isatty(STDOUT_FILENO))
      setvbuf(stdout, stdout_buf, _IOFBF, sizeof stdout_buf);
    stdout_buffered = 1;
    return 0;
  }
  out->path = strdup(path);
  if (!out->path) {
    cli_error("out of memory");
    return -1;
  }
  /* A device or a pipe (-o /dev/null, a FIFO) is written in place: a
   * temporary file renamed over it would replace the device itself.  So
   * is anything under /dev or /proc: /dev/stdout may lead to a regular
   * file, and the rename would replace the link. */
  struct stat st;
  int special = strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/", 6) == 0;
  if (stat(path, &st) == 0 && !S_ISDIR(st.st_mode) && (special || !S_ISREG(st.st_mode))) {
    out->fp = fopen(path, "w");
    if (!out->fp) {
      out->failed = errno;
      out_error(out, "%s: cannot write: %s", path, strerror(errno));
      goto fail;
    }
    out->no_fsync = 1;
    return 0;
  }
  size_t n = strlen(path);
  out->tmp_path = malloc(n + 16);
  if (!out->tmp_path) {
    cli_error("out of memory");
    goto fail;
  }
  /* A dot-file next to the target: same file system, so rename is atomic. */
  const char *slash = strrchr(path, '/');
  size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
  snprintf(out->tmp_path, n + 16, "%.*s.%s.XXXXXX", (int)dir, path, path + dir);
  int fd = mkstemp(out->tmp_path);
  if (fd < 0) {
    out->failed = errno;
    out_error(out, "%s: cannot create the output: %s", path, strerror(errno));
    goto fail;
  }
  /* mkstemp creates 0600; give the file the mode any new file gets. */
  fchmod(fd, 0666 & ~cli_umask());
  out->fp = fdopen(fd, "w");
  if (!out->fp) {
    out->failed = errno;
    out_error(out, "%s: cannot write: %s", path, strerror(errno));
    close(fd);
    unlink(out->tmp_path);
    goto fail;
  }
  /* 64 KB instead of stdio's 4 KB, so that a 17 MB output is some 270
   * writes, not 4,000.  The buffer must be ours: glibc ignores the size
   * that setvbuf is given without one. */
  out->stdio_buf = malloc(CLI_OUTPUT_BUFFER);
  if (out->stdio_buf)
    setvbuf(out->fp, out->stdio_buf, _IOFBF, CLI_OUTPUT_BUFFER);
  return 0;
fail: /* the caller may open again (batch does, after making directories) */
  free(out->path);
  free(out->tmp_path);
  out->path = out->tmp_path = NULL;
  return -1;
}

int cli_output_sink(void *ctx, const char *data, size_t len) {
  cli_output *out = ctx;
  if (out->failed)
    return -1;
  if (fwrite(data, 1, len, out->fp) != len) {
    out->failed = errno ? errno : EIO;
    return -1;
  }
  return 0;
}

int cli_output_close(cli_output *out, int ok) {
  int rc = 0;
  const char *shown = out->path ? out->path : "stdout";
  if (out->fp && fflush(out->fp) != 0 && !out->failed)
    out->failed = errno ? errno : EIO;
  if (out->fp && out->fp != stdout) {
    if (!out->failed && ok && !out->no_fsync && fsync(fileno(out->fp)) != 0 &&
        errno != EINVAL)
      out->failed = errno;
    if (fclose(out->fp) != 0 && !out->failed)
      out->failed = errno ? errno : EIO;
  }
  free(out->stdio_buf);
  out->stdio_buf = NULL;
  if (out->failed) {
    out_error(out, "%s: write error: %s", shown, strerror(out->failed));
    rc = -1;
  }
  if (out->tmp_path) {
    if (ok && rc == 0 && rename(out->tmp_path, out->path) != 0) {
      out->failed = errno;
      out_error(out, "%s: cannot rename the output into place: %s", out->path,
                strerror(errno));
      rc = -1;
    }
    if (!ok || rc != 0)
      unlink(out->tmp_path);
  }
  free(out->path);
  free(out->tmp_path);
  out->path = out->tmp_path = NULL;
  out->fp = NULL;
  return ok ? rc : -1;
}

int cli_output_is_input(const char *out, char **inputs, int n_inputs) {
  struct stat so, si;
  if (!out || strcmp(out, "-") == 0 || stat(out, &so) != 0)
    return 0;
  for (int i = 0; i < n_inputs; i++)
    if (strcmp(inputs[i], "-") != 0 && stat(inputs[i], &si) == 0 &&
        si.st_dev == so.st_dev && si.st_ino == so.st_ino) {
      cli_error("%s: the output would overwrite an input; choose another -o",
                out);
      return 1;
    }
  return 0;
}
