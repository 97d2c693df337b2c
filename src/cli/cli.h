/* SPDX-License-Identifier: MIT
 *
 * cli.h -- what the teitag subcommands share: exit codes, the pipeline
 * options every subcommand takes, file input and atomic file output.
 * The CLI sees only include/teitag.h; everything it does, a program
 * linking libteitag can do too.
 */
#ifndef TEITAG_CLI_H
#define TEITAG_CLI_H

#include <signal.h>
#include <stdio.h>
#include <sys/types.h>

#include "teitag.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

/* Options that configure the pipeline, shared by annotate and eval. */
typedef struct {
  teitag_lang lang;
  unsigned flags;       /* TEITAG_PIPE_* */
  teitag_cert min_cert;
  const char *gazetteers[64]; /* -g FILE, in order */
  int n_gazetteers;
  int no_default_gazetteer;
  const char *encoding; /* --encoding NAME, or NULL to detect */
} pipe_opts;

/* getopt_long codes for the shared pipeline options (beyond ASCII). */
enum {
  OPT_NESTED = 256, OPT_MIN_CERT, OPT_LINES, OPT_BLOCKS, OPT_TOKENS,
  OPT_EXPLAIN, OPT_ERRORS, OPT_NO_MONEY, OPT_NO_RULES, OPT_NO_GAZ, OPT_VERSION,
  OPT_NO_DEFAULT_GAZ, OPT_ENCODING, OPT_VERBOSE, OPT_PART_SIZE
};

/* getopt_long entries of the pipeline options every command takes ... */
#define CLI_PIPE_LONGOPTS                                                     \
  {"lang", required_argument, NULL, 'l'},                                     \
      {"nested", no_argument, NULL, OPT_NESTED},                              \
      {"min-cert", required_argument, NULL, OPT_MIN_CERT},                    \
      {"no-money", no_argument, NULL, OPT_NO_MONEY},                          \
      {"no-rules", no_argument, NULL, OPT_NO_RULES},                          \
      {"gazetteer", required_argument, NULL, 'g'},                            \
      {"no-gazetteer", no_argument, NULL, OPT_NO_GAZ},                        \
      {"no-default-gazetteer", no_argument, NULL, OPT_NO_DEFAULT_GAZ}
/* ... and those of the commands that read text files (annotate, batch). */
#define CLI_TEXT_LONGOPTS                                                     \
  {"lines", no_argument, NULL, OPT_LINES},                                    \
      {"blocks", no_argument, NULL, OPT_BLOCKS},                              \
      {"encoding", required_argument, NULL, OPT_ENCODING},                    \
      {"part-size", required_argument, NULL, OPT_PART_SIZE},                  \
      {"tokens", no_argument, NULL, OPT_TOKENS},                              \
      {"explain", no_argument, NULL, OPT_EXPLAIN}

/* Handles one shared option; returns 1 when it was one, 0 when not, -1 on
 * a bad value (after printing why). */
int cli_pipe_option(pipe_opts *o, int opt, const char *arg);
/* Builds the pipeline the options describe, with the default gazetteer
 * and the -g ones; NULL after printing why, with the exit code in *code. */
teitag_pipeline *cli_make_pipeline(const pipe_opts *o, int *code);

/* Prints "teitag: " + message to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reads a whole file ("-" is stdin) into a new buffer; returns 0, or -1
 * after printing why. */
int cli_read_file(const char *path, char **data, size_t *len);

/* An output that is either stdout or a temporary file renamed into place
 * on success, so that a failed run never leaves a half-written file. */
typedef struct {
  FILE *fp;
  char *path;     /* final path, NULL for stdout */
  char *tmp_path; /* the temporary file while writing */
  char *stdio_buf; /* fp's buffer, owned: freed after fclose */
  int failed;     /* errno of the first write error */
  int silent;     /* set before opening: keep errors in `error`, do not
                     print them (batch prints them itself) */
  int no_fsync;   /* set before opening: rename without fsync first */
  char error[320];
} cli_output;

int cli_output_open(cli_output *out, const char *path);
/* Commits (rename) when `ok` and nothing failed, else removes the
 * temporary file.  Returns 0 when the output is complete. */
int cli_output_close(cli_output *out, int ok);
/* The process's umask, read (which briefly sets it to 0) only once; call
 * it before starting threads that create files. */
mode_t cli_umask(void);
/* A teitag_sink_fn writing to a cli_output. */
int cli_output_sink(void *ctx, const char *data, size_t len);
/* Refuses (exit-2 style, after printing) an output that is one of the
 * inputs. */
int cli_output_is_input(const char *out, char **inputs, int n_inputs);

/* ---- input.c: one text input through a teitag_stream --------------- */

/* How cli_annotate_input reads. */
typedef struct {
  size_t part_size;   /* the stream's part size; 0 = its default */
  size_t max_size;    /* refuse inputs larger than this; 0 = no limit */
  volatile sig_atomic_t *stop; /* when it becomes non-zero: stop reading */
  void (*progress)(void *ctx, size_t bytes); /* after each block, or NULL */
  void *progress_ctx;
} cli_input_opts;

/* What became of one input. */
typedef struct {
  size_t bytes;                          /* bytes read */
  char encoding[32];                     /* "" when not known */
  size_t entities[TEITAG_TYPE_MONEY + 1];
  size_t parts;
  teitag_status status;                  /* of the library call that failed */
  char error[400];                       /* the reason, without the name */
} cli_result;

enum { CLI_IN_OK = 0, CLI_IN_FAILED = -1, CLI_OUT_FAILED = -2,
       CLI_IN_STOPPED = -3 };

/* Annotates `path` ("-": stdin) as document `name` into `w`.  Returns
 * CLI_IN_OK, CLI_IN_FAILED (bad or unreadable input), CLI_OUT_FAILED (the
 * writer's sink failed) or CLI_IN_STOPPED (*o->stop was set); r->error
 * says why.  Prints nothing. */
int cli_annotate_input(const teitag_pipeline *p, teitag_writer *w,
                       const char *path, const char *name,
                       const cli_input_opts *o, cli_result *r);

/* Like cli_annotate_input, but reads the input whole into one document,
 * writes it to `w` and finishes `w`, and hands the document back in *out
 * (free it with teitag_doc_free) for formats that also need its text. */
int cli_annotate_whole(const teitag_pipeline *p, teitag_writer *w,
                       const char *path, const char *name,
                       const cli_input_opts *o, cli_result *r,
                       teitag_doc **out);

/* Parses "4096", "64K", "4M", "1.5G"; returns 0, or -1 when malformed. */
int cli_parse_size(const char *s, size_t *out);

int cmd_annotate(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_gazetteer(int argc, char **argv);

#endif
