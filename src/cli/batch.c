/* SPDX-License-Identifier: MIT
 *
 * batch.c -- `teitag batch`: many files and directory trees, in parallel,
 * resumable, with progress, a summary and a manifest.
 *
 * The inputs are listed first (directories walked in name order, globs
 * applied, dangling symlinks and special files noted as failures), so that
 * progress can show a total.  Then N threads share one pipeline (it is
 * immutable) and take files from the list in turn; each has its own
 * writer and stream.  Every output goes to a temporary file that is
 * renamed into place only when complete, so an interrupted run leaves no
 * partial output and the next run, which skips outputs newer than their
 * inputs, resumes where it stopped.  A bad input is reported and the run
 * goes on; a full disk stops it, since every later file would fail too.
 * All printing happens under one lock, so that error lines never tear the
 * progress line.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <getopt.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "Usage: teitag batch [OPTIONS] -o OUTDIR INPUT...\n"
    "\n"
    "Annotates every INPUT file, and every file under every INPUT directory,\n"
    "into OUTDIR, which mirrors the input tree: corpus/en/a.txt becomes\n"
    "OUTDIR/corpus/en/a.xml (-f jsonl: a.jsonl).  A directory keeps its own\n"
    "name under OUTDIR, a file given by itself lands at the top of it.\n"
    "\n"
    "Which files:\n"
    "      --include GLOB   only files whose name matches GLOB (repeatable;\n"
    "                       a GLOB with a '/' is matched against the path)\n"
    "      --exclude GLOB   leave out files and directories matching GLOB\n"
    "      --max-size SIZE  refuse files larger than SIZE (e.g. 50M, 2G)\n"
    "                       Hidden files and directories (.name) are skipped.\n"
    "How:\n"
    "  -o, --output DIR     where the outputs go (created when missing)\n"
    "  -f, --format FORMAT  tei (default, .xml), jsonl (.jsonl), brat (.ann,\n"
    "                       with the text as .txt beside it), webanno (.tsv),\n"
    "                       conll (.conll) or html (.html); the last four\n"
    "                       read each input whole\n"
    "      --names tei|rs   TEI: persName... (default) or <rs> around <w>\n"
    "  -j, --jobs N         files annotated at once (default: the number of\n"
    "                       cores)\n"
    "      --force          annotate again even when an output is newer than\n"
    "                       its input (the default skips it, so that a run\n"
    "                       that was interrupted resumes where it stopped)\n"
    "      --fsync          flush each output to disk before renaming it, so\n"
    "                       that even a power cut leaves only whole files\n"
    "                       (slower: a disk write per file)\n"
    "      --encoding NAME  read every input in NAME (default: detect UTF-8,\n"
    "                       UTF-16, windows-1251, KOI8-R, KOI8-U per file)\n"
    "      --part-size SIZE annotate files larger than SIZE (default 4M) in\n"
    "                       parts cut at paragraph boundaries\n"
    "  -l, --lang, --lines, --blocks, --nested, --min-cert, --no-money,\n"
    "  --no-rules, -g, --no-default-gazetteer, --no-gazetteer, --tokens,\n"
    "  --explain            as for 'teitag annotate'\n"
    "Reporting:\n"
    "  -q, --quiet          no progress line and no summary (errors still)\n"
    "  -v, --verbose        one line per file: bytes, encoding, entities\n"
    "      --manifest FILE  one JSON line per input: path, output, status\n"
    "                       (ok, failed, skipped, interrupted), bytes,\n"
    "                       encoding, entities per type, error\n"
    "  -h, --help           show this help\n"
    "\n"
    "On a terminal a progress line shows files done/total, MB, MB/s, the\n"
    "time left and failures.  At the end a summary gives the files ok,\n"
    "failed and skipped, the entities per type, the time and the speed.\n"
    "\n"
    "Examples:\n"
    "  teitag batch -o out/ corpus/\n"
    "      TEI for every file under corpus/, in out/corpus/...\n"
    "  teitag batch -j 8 -f jsonl --include '*.txt' -o out/ news/ archive/\n"
    "      JSONL, eight at a time, only .txt files\n"
    "  teitag batch --exclude drafts --manifest run.jsonl -o out/ corpus/\n"
    "      leave out every directory called drafts; log each file\n"
    "  teitag batch --encoding cp1251 -o out/ old-archive/\n"
    "      an archive known to be in windows-1251\n"
    "  teitag batch -f brat -o brat/ corpus/\n"
    "      NAME.txt and NAME.ann side by side for brat or INCEpTION\n"
    "  teitag batch -o out/ corpus/     # again after Ctrl-C: resumes\n"
    "\n"
    "Exit status: 0 every input annotated (or skipped as up to date), 1 some\n"
    "input failed (each is reported with its reason) or the disk is full,\n"
    "2 usage error, 130/143 interrupted by SIGINT/SIGTERM.\n";

/* The file name extension of each output format.  Formats that the
 * library does not know yet never get this far (-f is checked first). */
static const struct {
  const char *format;
  const char *ext;
} extensions[] = {
    {"tei", ".xml"},     {"jsonl", ".jsonl"}, {"brat", ".ann"},
    {"conll", ".conll"}, {"webanno", ".tsv"}, {"html", ".html"},
};

enum {
  OPT_INCLUDE = 512, OPT_EXCLUDE, OPT_MAX_SIZE, OPT_FORCE, OPT_MANIFEST,
  OPT_FSYNC, OPT_NAMES
};

typedef struct {
  pipe_opts pipe;
  int jobs;
  teitag_format format;
  const char *ext;
  const char *outdir;
  const char **includes, **excludes;
  size_t n_includes, n_excludes;
  int force, quiet, verbose, fsync;
  size_t max_size, part_size;
  const char *manifest;
  unsigned write_options;
} batch_opts;

typedef enum { ST_PENDING, ST_OK, ST_FAILED, ST_SKIPPED, ST_STOPPED } job_status;

static const char *const status_names[] = {"pending", "ok", "failed",
                                           "skipped", "interrupted"};

/* One input and what became of it. */
typedef struct {
  char *in;        /* path as shown (argument + path inside the tree) */
  char *out;       /* output path */
  size_t size;     /* from stat, for the total */
  char *problem;   /* found while listing: fails without being read */
  job_status status;
  cli_result r;
} job;

typedef struct {
  batch_opts *o;
  const teitag_pipeline *p;
  job *jobs;
  size_t n_jobs, cap_jobs;
  dev_t out_dev;   /* OUTDIR itself is never walked */
  ino_t out_ino;
  struct { dev_t dev; ino_t ino; } *dirs; /* directories on the walk path */
  size_t n_dirs, cap_dirs;

  pthread_mutex_t lock; /* everything below, and all printing */
  pthread_cond_t settled; /* a job was booked */
  size_t next;
  size_t n_done, n_ok, n_failed, n_skipped;
  size_t bytes_total, bytes_read, bytes_settled;
  size_t entities[TEITAG_TYPE_MONEY + 1];
  int disk_full;
  FILE *manifest;
  int progress;    /* the progress line is shown */
  int line_shown;  /* it is on the screen now */
  double t0;
} batch;

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig) { stop_signal = sig; }

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *xstrdup(const char *s) {
  char *d = strdup(s);
  if (!d) {
    fputs("teitag: out of memory\n", stderr);
    abort();
  }
  return d;
}

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n);
  if (!q) {
    fputs("teitag: out of memory\n", stderr);
    abort();
  }
  return q;
}

static char *join(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  char *s = xrealloc(NULL, na + nb + 2);
  memcpy(s, a, na);
  size_t k = na;
  if (na && a[na - 1] != '/' && nb)
    s[k++] = '/';
  memcpy(s + k, b, nb + 1);
  return s;
}

/* ---- printing, under the lock ------------------------------------------ */

static void clear_line(batch *b) {
  if (b->line_shown) {
    fputs("\r\033[K", stderr);
    b->line_shown = 0;
  }
}

static void draw_progress(batch *b) {
  if (!b->progress)
    return;
  double t = now() - b->t0;
  double mb = (double)b->bytes_read / 1e6;
  double rate = t > 0.05 ? mb / t : 0;
  char eta[32] = "--:--";
  if (rate > 0 && b->bytes_total >= b->bytes_settled) {
    double left = (double)(b->bytes_total - b->bytes_settled) / 1e6 / rate;
    unsigned s = (unsigned)(left + 0.5);
    snprintf(eta, sizeof eta, "%u:%02u", s / 60, s % 60);
  }
  char line[256];
  int n = snprintf(line, sizeof line,
                   "teitag: %zu/%zu files  %.1f/%.1f MB  %.1f MB/s  ETA %s",
                   b->n_done, b->n_jobs, mb, (double)b->bytes_total / 1e6,
                   rate, eta);
  if (b->n_failed && n > 0 && (size_t)n < sizeof line)
    snprintf(line + n, sizeof line - (size_t)n, "  %zu failed", b->n_failed);
  /* Never wider than the terminal: a wrapped line cannot be redrawn. */
  struct winsize ws;
  size_t width = ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1
                     ? ws.ws_col - 1
                     : 79;
  if (strlen(line) > width)
    line[width] = '\0';
  fprintf(stderr, "\r%s\033[K", line);
  fflush(stderr);
  b->line_shown = 1;
}

static void report(batch *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Prints a line (errors, --verbose) without tearing the progress line. */
static void report(batch *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  clear_line(b);
  fputs("teitag: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

/* ---- the manifest -------------------------------------------------------- */

static void json_string(FILE *f, const char *s) {
  if (!s) {
    fputs("null", f);
    return;
  }
  fputc('"', f);
  for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
    if (*c == '"' || *c == '\\')
      fprintf(f, "\\%c", *c);
    else if (*c < 0x20)
      fprintf(f, "\\u%04x", *c);
    else
      fputc(*c, f);
  }
  fputc('"', f);
}

static void manifest_row(batch *b, const job *j) {
  FILE *f = b->manifest;
  if (!f)
    return;
  fputs("{\"path\": ", f);
  json_string(f, j->in);
  fputs(", \"output\": ", f);
  json_string(f, j->status == ST_OK || j->status == ST_SKIPPED ? j->out : NULL);
  fprintf(f, ", \"status\": \"%s\", \"bytes\": %zu, \"encoding\": ",
          status_names[j->status], j->status == ST_OK ? j->r.bytes : j->size);
  json_string(f, j->r.encoding[0] ? j->r.encoding : NULL);
  fputs(", \"entities\": ", f);
  if (j->status == ST_OK) {
    for (int t = TEITAG_TYPE_PER; t <= TEITAG_TYPE_MONEY; t++)
      fprintf(f, "%s\"%s\": %zu", t == TEITAG_TYPE_PER ? "{" : ", ",
              teitag_type_name((teitag_type)t), j->r.entities[t]);
    fputc('}', f);
  } else {
    fputs("null", f);
  }
  fputs(", \"error\": ", f);
  json_string(f, j->status == ST_FAILED || j->status == ST_STOPPED ? j->r.error
                                                                   : NULL);
  fputs("}\n", f);
  fflush(f);
}

/* ---- listing the inputs --------------------------------------------------- */

static int matches(const char *const *globs, size_t n, const char *path,
                   const char *base) {
  for (size_t i = 0; i < n; i++)
    if (fnmatch(globs[i], strchr(globs[i], '/') ? path : base, 0) == 0)
      return 1;
  return 0;
}

/* The output path of input `rel` (its path below OUTDIR, extension and
 * all): the last extension is replaced by the format's. */
static char *output_path(const batch *b, const char *rel) {
  const char *base = strrchr(rel, '/');
  base = base ? base + 1 : rel;
  const char *dot = strrchr(base, '.');
  size_t keep = dot && dot != base ? (size_t)(dot - rel) : strlen(rel);
  char *stem = xrealloc(NULL, keep + strlen(b->o->ext) + 1);
  memcpy(stem, rel, keep);
  strcpy(stem + keep, b->o->ext);
  char *out = join(b->o->outdir, stem);
  free(stem);
  return out;
}

static void add_job(batch *b, const char *in, const char *rel, size_t size,
                    const char *problem) {
  if (b->n_jobs == b->cap_jobs) {
    b->cap_jobs = b->cap_jobs ? b->cap_jobs * 2 : 256;
    b->jobs = xrealloc(b->jobs, b->cap_jobs * sizeof *b->jobs);
  }
  job *j = &b->jobs[b->n_jobs++];
  memset(j, 0, sizeof *j);
  j->in = xstrdup(in);
  j->out = output_path(b, rel);
  j->size = size;
  j->problem = problem ? xstrdup(problem) : NULL;
  b->bytes_total += size;
}

static void walk(batch *b, const char *dir, const char *rel);

/* One entry of a walked directory (or a command-line argument when `top`):
 * follows symlinks, notes dangling ones and special files as failures. */
static void visit(batch *b, const char *path, const char *rel, int top) {
  const char *base = strrchr(path, '/');
  base = base && base[1] ? base + 1 : path;
  struct stat st;
  if (lstat(path, &st) != 0) {
    char msg[300];
    snprintf(msg, sizeof msg, "cannot open: %s", strerror(errno));
    add_job(b, path, rel, 0, msg);
    return;
  }
  int link = S_ISLNK(st.st_mode);
  if (link && stat(path, &st) != 0) {
    if (!top && b->o->n_includes &&
        !matches(b->o->includes, b->o->n_includes, path, base))
      return;
    char msg[300];
    snprintf(msg, sizeof msg, "%s", errno == ENOENT ? "dangling symbolic link"
                                                    : strerror(errno));
    add_job(b, path, rel, 0, msg);
    return;
  }
  if (!top && b->o->n_excludes &&
      matches(b->o->excludes, b->o->n_excludes, path, base))
    return;
  if (S_ISDIR(st.st_mode)) {
    if (st.st_dev == b->out_dev && st.st_ino == b->out_ino)
      return; /* the output directory inside an input directory */
    for (size_t i = 0; i < b->n_dirs; i++)
      if (b->dirs[i].dev == st.st_dev && b->dirs[i].ino == st.st_ino)
        return; /* a symlink loop */
    if (b->n_dirs == b->cap_dirs) {
      b->cap_dirs = b->cap_dirs ? b->cap_dirs * 2 : 16;
      b->dirs = xrealloc(b->dirs, b->cap_dirs * sizeof *b->dirs);
    }
    b->dirs[b->n_dirs].dev = st.st_dev;
    b->dirs[b->n_dirs].ino = st.st_ino;
    b->n_dirs++;
    walk(b, path, rel);
    b->n_dirs--;
    return;
  }
  if (!top && b->o->n_includes &&
      !matches(b->o->includes, b->o->n_includes, path, base))
    return;
  add_job(b, path, rel, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0,
          S_ISREG(st.st_mode) ? NULL : "not a regular file");
}

static int by_name(const struct dirent **a, const struct dirent **b) {
  return strcmp((*a)->d_name, (*b)->d_name);
}

static void walk(batch *b, const char *dir, const char *rel) {
  struct dirent **names;
  int n = scandir(dir, &names, NULL, by_name);
  if (n < 0) {
    char msg[300];
    snprintf(msg, sizeof msg, "cannot read the directory: %s", strerror(errno));
    add_job(b, dir, rel, 0, msg);
    return;
  }
  for (int i = 0; i < n; i++) {
    const char *name = names[i]->d_name;
    if (name[0] != '.') { /* hidden files, ".", "..", our temporary files */
      char *path = join(dir, name);
      char *sub = join(rel, name);
      visit(b, path, sub, 0);
      free(path);
      free(sub);
    }
    free(names[i]);
  }
  free(names);
}

/* A directory argument keeps its name under OUTDIR (like cp -r), except
 * ".", ".." and "/", whose contents go to OUTDIR itself; a file lands at
 * the top of OUTDIR. */
static void list_argument(batch *b, const char *arg) {
  size_t n = strlen(arg);
  while (n > 1 && arg[n - 1] == '/')
    n--;
  char *trimmed = xrealloc(NULL, n + 1);
  memcpy(trimmed, arg, n);
  trimmed[n] = '\0';
  const char *base = strrchr(trimmed, '/');
  base = base ? base + 1 : trimmed;
  if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0 || !*base)
    base = "";
  visit(b, trimmed, base, 1);
  free(trimmed);
}

/* Two inputs that would write one output: the later one fails. */
static int by_output(const void *x, const void *y) {
  const job *const *a = x, *const *c = y;
  int d = strcmp((*a)->out, (*c)->out);
  return d ? d : (*a < *c ? -1 : 1);
}

static void check_collisions(batch *b) {
  job **order = xrealloc(NULL, (b->n_jobs + 1) * sizeof *order);
  for (size_t i = 0; i < b->n_jobs; i++)
    order[i] = &b->jobs[i];
  qsort(order, b->n_jobs, sizeof *order, by_output);
  for (size_t i = 1; i < b->n_jobs; i++)
    if (strcmp(order[i]->out, order[i - 1]->out) == 0 && !order[i]->problem) {
      char msg[600];
      snprintf(msg, sizeof msg, "its output %s would also be written from %s",
               order[i]->out, order[i - 1]->in);
      order[i]->problem = xstrdup(msg);
    }
  free(order);
}

/* ---- one file -------------------------------------------------------------- */

/* mkdir -p of the directory part of `path`. */
static int make_parents(const char *path) {
  char *d = xstrdup(path);
  int rc = 0;
  for (char *s = strchr(d + 1, '/'); s && rc == 0; s = strchr(s + 1, '/')) {
    *s = '\0';
    if (mkdir(d, 0777) != 0 && errno != EEXIST)
      rc = -1;
    *s = '/';
  }
  int saved = errno;
  free(d);
  errno = saved;
  return rc;
}

static int disk_full_errno(int e) {
  return e == ENOSPC || e == EFBIG || e == EDQUOT;
}

/* Compares the output with the input: 1 when the output is newer (up to
 * date), -1 when it is the input itself, 0 otherwise (missing or older). */
static int compare_output(const job *j) {
  struct stat si, so;
  if (stat(j->out, &so) != 0 || stat(j->in, &si) != 0)
    return 0;
  if (si.st_dev == so.st_dev && si.st_ino == so.st_ino)
    return -1;
  return so.st_mtim.tv_sec > si.st_mtim.tv_sec ||
         (so.st_mtim.tv_sec == si.st_mtim.tv_sec &&
          so.st_mtim.tv_nsec > si.st_mtim.tv_nsec);
}

static void progress_bytes(void *ctx, size_t n) {
  batch *b = ctx;
  pthread_mutex_lock(&b->lock);
  b->bytes_read += n;
  b->bytes_settled += n;
  pthread_mutex_unlock(&b->lock);
}

static int fail_job(job *j, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int fail_job(job *j, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(j->r.error, sizeof j->r.error, fmt, ap);
  va_end(ap);
  j->status = ST_FAILED;
  return 0;
}

/* brat: NAME.txt, the text the offsets of NAME.ann count in, beside it. */
static int write_brat_text(batch *b, job *j, const teitag_doc *doc) {
  size_t n = strlen(j->out);
  char *txt = xrealloc(NULL, n + 1);
  memcpy(txt, j->out, n + 1);
  memcpy(txt + n - 4, ".txt", 4); /* the extension table gives ".ann" */
  struct stat a, c;
  if (stat(txt, &a) == 0 && stat(j->in, &c) == 0 && a.st_dev == c.st_dev &&
      a.st_ino == c.st_ino) {
    snprintf(j->r.error, sizeof j->r.error,
             "its brat text %s would overwrite the input; choose another -o",
             txt);
    free(txt);
    return CLI_IN_FAILED;
  }
  cli_output out;
  memset(&out, 0, sizeof out);
  out.silent = 1;
  out.no_fsync = !b->o->fsync;
  int rc = CLI_IN_OK;
  if (cli_output_open(&out, txt) != 0) {
    snprintf(j->r.error, sizeof j->r.error, "%s", out.error);
    rc = CLI_OUT_FAILED;
  } else {
    size_t len;
    const char *text = teitag_doc_text(doc, &len);
    int ok = cli_output_sink(&out, text, len) == 0;
    if (cli_output_close(&out, ok) != 0 || !ok) {
      snprintf(j->r.error, sizeof j->r.error, "%s", out.error);
      rc = CLI_OUT_FAILED;
    }
  }
  free(txt);
  return rc;
}

/* Annotates one input into its output.  Returns 1 when the disk is full
 * (the run must stop), else 0; j->status says what happened. */
static int run_job(batch *b, job *j) {
  if (j->problem)
    return fail_job(j, "%s", j->problem);
  int cmp = compare_output(j);
  if (cmp < 0)
    return fail_job(j, "its output %s is the input itself", j->out);
  if (cmp > 0 && !b->o->force) {
    j->status = ST_SKIPPED;
    return 0;
  }
  cli_output out;
  memset(&out, 0, sizeof out);
  out.silent = 1;
  out.no_fsync = !b->o->fsync;
  int opened = cli_output_open(&out, j->out);
  if (opened != 0 && out.failed == ENOENT) {
    /* The directory is missing: made on demand, not checked per file. */
    if (make_parents(j->out) != 0) {
      int e = errno;
      fail_job(j, "cannot create the directory for %s: %s", j->out,
               strerror(e));
      return disk_full_errno(e);
    }
    out.silent = 1;
    out.no_fsync = !b->o->fsync;
    opened = cli_output_open(&out, j->out);
  }
  if (opened != 0) {
    int full = disk_full_errno(out.failed);
    fail_job(j, "%s", out.error);
    return full;
  }
  teitag_writer *w;
  teitag_writer_new(b->o->format, b->o->write_options, cli_output_sink, &out,
                    &w);
  cli_input_opts io;
  memset(&io, 0, sizeof io);
  io.part_size = b->o->part_size;
  io.max_size = b->o->max_size;
  io.stop = &stop_signal;
  io.progress = progress_bytes;
  io.progress_ctx = b;
  int rc;
  if (b->o->format == TEITAG_FORMAT_TEI || b->o->format == TEITAG_FORMAT_JSONL) {
    rc = cli_annotate_input(b->p, w, j->in, j->in, &io, &j->r);
    teitag_diag diag;
    if (rc == CLI_IN_OK && teitag_writer_finish(w, &diag) != TEITAG_OK) {
      rc = CLI_OUT_FAILED;
      snprintf(j->r.error, sizeof j->r.error, "%s", diag.message);
    }
  } else {
    /* The editors' formats describe one document whose offsets count from
     * its start: the input is read whole. */
    teitag_doc *doc = NULL;
    rc = cli_annotate_whole(b->p, w, j->in, j->in, &io, &j->r, &doc);
    if (rc == CLI_IN_OK && b->o->format == TEITAG_FORMAT_BRAT)
      rc = write_brat_text(b, j, doc);
    teitag_doc_free(doc);
  }
  teitag_writer_free(w);
  int write_errno = out.failed;
  if (cli_output_close(&out, rc == CLI_IN_OK) != 0 && rc == CLI_IN_OK) {
    rc = CLI_OUT_FAILED;
    snprintf(j->r.error, sizeof j->r.error, "%s", out.error);
  }
  if (!write_errno)
    write_errno = out.failed;
  if (rc == CLI_OUT_FAILED && write_errno)
    snprintf(j->r.error, sizeof j->r.error, "%s: write error: %s", j->out,
             strerror(write_errno));
  j->status = rc == CLI_IN_OK        ? ST_OK
              : rc == CLI_IN_STOPPED ? ST_STOPPED
                                     : ST_FAILED;
  return rc == CLI_OUT_FAILED && disk_full_errno(write_errno);
}

/* Books a finished job: counters, messages, manifest. */
static void settle(batch *b, job *j, int full) {
  pthread_mutex_lock(&b->lock);
  b->n_done++;
  if (j->status == ST_OK) {
    b->n_ok++;
    for (int t = TEITAG_TYPE_PER; t <= TEITAG_TYPE_MONEY; t++)
      b->entities[t] += j->r.entities[t];
    if (b->o->verbose) {
      report(b, "%s: %zu bytes, %s, PER %zu, LOC %zu, ORG %zu, MONEY %zu",
             j->in, j->r.bytes, j->r.encoding, j->r.entities[1],
             j->r.entities[2], j->r.entities[3], j->r.entities[4]);
    }
  } else if (j->status == ST_SKIPPED) {
    b->n_skipped++;
    if (b->o->verbose)
      report(b, "%s: skipped, %s is up to date", j->in, j->out);
  } else if (j->status == ST_FAILED) {
    b->n_failed++;
    report(b, "%s: %s", j->in, j->r.error);
  }
  if (j->status != ST_OK && j->size > j->r.bytes)
    b->bytes_settled += j->size - j->r.bytes; /* never read: not waited for */
  if (full && !b->disk_full) {
    b->disk_full = 1;
    report(b, "the disk is full: stopping (finished outputs are kept; run "
              "again to resume)");
  }
  manifest_row(b, j);
  draw_progress(b);
  /* The main thread redraws on its own five times a second; waking it
   * for every file cost a futex call per file.  It is woken for the end. */
  if (b->n_done == b->n_jobs || stop_signal || b->disk_full)
    pthread_cond_signal(&b->settled);
  pthread_mutex_unlock(&b->lock);
}

static void *worker(void *arg) {
  batch *b = arg;
  for (;;) {
    pthread_mutex_lock(&b->lock);
    int stop = stop_signal || b->disk_full;
    size_t i = b->next;
    if (!stop && i < b->n_jobs)
      b->next++;
    pthread_mutex_unlock(&b->lock);
    if (stop || i >= b->n_jobs)
      return NULL;
    job *j = &b->jobs[i];
    int full = run_job(b, j);
    if (full)
      stop_signal = stop_signal ? stop_signal : -1; /* others stop reading */
    settle(b, j, full);
  }
}

/* ---- the run ------------------------------------------------------------------ */

static void summary(batch *b, double seconds) {
  size_t not_run = b->n_jobs - b->n_done;
  double mb = (double)b->bytes_read / 1e6;
  fprintf(stderr,
          "teitag: %zu files: %zu ok, %zu failed, %zu skipped", b->n_jobs,
          b->n_ok, b->n_failed, b->n_skipped);
  size_t stopped = b->n_done - b->n_ok - b->n_failed - b->n_skipped;
  if (stopped + not_run)
    fprintf(stderr, ", %zu not done", stopped + not_run);
  fprintf(stderr, "; %.1f MB in %.2f s (%.1f MB/s)\n", mb, seconds,
          seconds > 0 ? mb / seconds : 0.0);
  fprintf(stderr, "teitag: entities: PER %zu, LOC %zu, ORG %zu, MONEY %zu\n",
          b->entities[1], b->entities[2], b->entities[3], b->entities[4]);
}

static int run(batch *b) {
  b->t0 = now();
  pthread_mutex_lock(&b->lock);
  draw_progress(b);
  pthread_mutex_unlock(&b->lock);
  size_t n = (size_t)b->o->jobs < b->n_jobs ? (size_t)b->o->jobs : b->n_jobs;
  pthread_t *threads = xrealloc(NULL, (n + 1) * sizeof *threads);
  /* Signals go to this thread only; workers look at stop_signal. */
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &block, &old);
  size_t started = 0;
  for (; started < n; started++)
    if (pthread_create(&threads[started], NULL, worker, b) != 0)
      break;
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (started == 0 && b->n_jobs)
    worker(b);
  /* Redraw while the workers run, five times a second and whenever a
   * file is done; they end when the list is done or a stop was asked. */
  pthread_mutex_lock(&b->lock);
  for (;;) {
    int stopping = stop_signal || b->disk_full;
    if (b->n_done == b->n_jobs || (stopping && b->n_done == b->next))
      break;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 200 * 1000 * 1000;
    if (ts.tv_nsec >= 1000000000L) {
      ts.tv_sec++;
      ts.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&b->settled, &b->lock, &ts);
    draw_progress(b);
  }
  pthread_mutex_unlock(&b->lock);
  for (size_t i = 0; i < started; i++)
    pthread_join(threads[i], NULL);
  free(threads);
  pthread_mutex_lock(&b->lock);
  clear_line(b);
  pthread_mutex_unlock(&b->lock);
  if (!b->o->quiet)
    summary(b, now() - b->t0);
  if (stop_signal > 0) {
    fprintf(stderr, "teitag: interrupted; finished outputs are kept, run the "
                    "same command again to resume\n");
    return 128 + stop_signal;
  }
  return b->n_failed || b->disk_full ? EXIT_INPUT : EXIT_OK;
}

/* ---- options --------------------------------------------------------------- */

static int add_glob(const char ***list, size_t *n, const char *glob) {
  *list = xrealloc((void *)*list, (*n + 1) * sizeof **list);
  (*list)[(*n)++] = glob;
  return 0;
}

static int parse_args(int argc, char **argv, batch_opts *o) {
  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},
      {"format", required_argument, NULL, 'f'},
      {"jobs", required_argument, NULL, 'j'},
      {"include", required_argument, NULL, OPT_INCLUDE},
      {"exclude", required_argument, NULL, OPT_EXCLUDE},
      {"max-size", required_argument, NULL, OPT_MAX_SIZE},
      {"force", no_argument, NULL, OPT_FORCE},
      {"fsync", no_argument, NULL, OPT_FSYNC},
      {"manifest", required_argument, NULL, OPT_MANIFEST},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"names", required_argument, NULL, OPT_NAMES},
      {"help", no_argument, NULL, 'h'},
      CLI_PIPE_LONGOPTS,
      CLI_TEXT_LONGOPTS,
      {NULL, 0, NULL, 0}};
  int opt;
  while ((opt = getopt_long(argc, argv, "o:f:j:l:g:qvh", longopts, NULL)) != -1) {
    int r = cli_pipe_option(&o->pipe, opt, optarg);
    if (r < 0)
      return -1;
    if (r > 0)
      continue;
    char *end;
    switch (opt) {
    case 'o': o->outdir = optarg; break;
    case 'f': {
      int f = teitag_format_from_name(optarg);
      o->ext = NULL;
      for (size_t i = 0; f >= 0 && i < sizeof extensions / sizeof *extensions; i++)
        if (strcmp(extensions[i].format, optarg) == 0)
          o->ext = extensions[i].ext;
      if (f < 0 || !o->ext) {
        cli_error("-f %s: expected tei, jsonl, brat, webanno, conll or html",
                  optarg);
        return -1;
      }
      o->format = (teitag_format)f;
      break;
    }
    case 'j': {
      long v = strtol(optarg, &end, 10);
      if (*end || v < 1 || v > 1024) {
        cli_error("-j %s: expected a number of jobs from 1 to 1024", optarg);
        return -1;
      }
      o->jobs = (int)v;
      break;
    }
    case OPT_INCLUDE: add_glob(&o->includes, &o->n_includes, optarg); break;
    case OPT_EXCLUDE: add_glob(&o->excludes, &o->n_excludes, optarg); break;
    case OPT_MAX_SIZE:
      if (cli_parse_size(optarg, &o->max_size) != 0 || o->max_size == 0) {
        cli_error("--max-size %s: expected a size such as 500K, 50M, 2G",
                  optarg);
        return -1;
      }
      break;
    case OPT_PART_SIZE:
      if (cli_parse_size(optarg, &o->part_size) != 0 || o->part_size < 4096) {
        cli_error("--part-size %s: expected a size of at least 4K", optarg);
        return -1;
      }
      break;
    case OPT_FORCE: o->force = 1; break;
    case OPT_FSYNC: o->fsync = 1; break;
    case OPT_MANIFEST: o->manifest = optarg; break;
    case 'q': o->quiet = 1; break;
    case 'v': o->verbose = 1; break;
    case OPT_TOKENS: o->write_options |= TEITAG_WRITE_TOKENS; break;
    case OPT_EXPLAIN: o->write_options |= TEITAG_WRITE_EXPLAIN; break;
    case OPT_NAMES:
      if (strcmp(optarg, "rs") == 0)
        o->write_options |= TEITAG_WRITE_RS;
      else if (strcmp(optarg, "tei") != 0) {
        cli_error("--names %s: expected tei or rs", optarg);
        return -1;
      }
      break;
    case 'h': fputs(usage, stdout); exit(EXIT_OK);
    default:
      fputs("Run 'teitag batch --help' for the options.\n", stderr);
      return -1;
    }
  }
  if (!o->outdir) {
    cli_error("batch needs -o OUTDIR; run 'teitag batch --help'");
    return -1;
  }
  if (optind >= argc) {
    cli_error("batch needs at least one INPUT file or directory");
    return -1;
  }
  return 0;
}

/* Creates OUTDIR and notes its identity, so that walking never enters it. */
static int prepare_outdir(batch *b) {
  struct stat st;
  char *probe = join(b->o->outdir, "x");
  int rc = make_parents(probe);
  free(probe);
  if (rc != 0 || stat(b->o->outdir, &st) != 0 || !S_ISDIR(st.st_mode)) {
    cli_error("%s: cannot create the output directory: %s", b->o->outdir,
              rc != 0 ? strerror(errno) : "not a directory");
    return -1;
  }
  b->out_dev = st.st_dev;
  b->out_ino = st.st_ino;
  return 0;
}

static void free_batch(batch *b) {
  for (size_t i = 0; i < b->n_jobs; i++) {
    free(b->jobs[i].in);
    free(b->jobs[i].out);
    free(b->jobs[i].problem);
  }
  free(b->jobs);
  free(b->dirs);
  free((void *)b->o->includes);
  free((void *)b->o->excludes);
  pthread_mutex_destroy(&b->lock);
  pthread_cond_destroy(&b->settled);
}

int cmd_batch(int argc, char **argv) {
  batch_opts o;
  memset(&o, 0, sizeof o);
  o.ext = ".xml";
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  o.jobs = cores > 0 ? (int)cores : 1;
  batch b;
  memset(&b, 0, sizeof b);
  b.o = &o;
  pthread_mutex_init(&b.lock, NULL);
  pthread_cond_init(&b.settled, NULL);
  int rc = EXIT_USAGE;
  teitag_pipeline *p = NULL;
  int code = EXIT_USAGE;
  if (parse_args(argc, argv, &o) != 0 || !(p = cli_make_pipeline(&o.pipe, &code))) {
    rc = code;
    goto done;
  }
  b.p = p;
  cli_umask(); /* before any thread creates a file */
  rc = EXIT_INPUT;
  if (prepare_outdir(&b) != 0)
    goto done;
  for (int i = optind; i < argc; i++)
    list_argument(&b, argv[i]);
  check_collisions(&b);
  if (o.manifest && !(b.manifest = fopen(o.manifest, "w"))) {
    cli_error("%s: cannot write the manifest: %s", o.manifest, strerror(errno));
    goto done;
  }
  b.progress = !o.quiet && isatty(STDERR_FILENO);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  rc = run(&b);
  if (b.manifest && fclose(b.manifest) != 0) {
    cli_error("%s: cannot write the manifest: %s", o.manifest, strerror(errno));
    rc = rc == EXIT_OK ? EXIT_INPUT : rc;
  }
done:
  teitag_pipeline_free(p);
  free_batch(&b);
  return rc;
}
