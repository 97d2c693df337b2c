/* SPDX-License-Identifier: MIT
 *
 * eval.c -- `teitag eval`: score the pipeline against gold JSONL files.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: teitag eval [OPTIONS] GOLD.jsonl...\n"
    "\n"
    "Annotates every document of each gold file with the same pipeline as\n"
    "'teitag annotate -i jsonl' and prints exact-span precision, recall and\n"
    "F1 per language and type, and micro-averaged.  Only the types that a\n"
    "document's \"types\" field lists are scored.  Gold lines look like\n"
    "  {\"id\": \"…\", \"lang\": \"uk\", \"types\": [\"PER\", \"LOC\"], \"text\": \"…\",\n"
    "   \"entities\": [{\"start\": 0, \"end\": 7, \"type\": \"LOC\"}, …]}\n"
    "with start/end in Unicode code points.\n"
    "\n"
    "Options:\n"
    "      --errors N       also list up to N false negatives and false\n"
    "                       positives per type, in context\n"
    "  -l, --lang LANG      force a language (default: the gold \"lang\")\n"
    "  -g FILE, --no-default-gazetteer, --no-gazetteer, --nested,\n"
    "      --min-cert LEVEL, --no-money, --no-rules\n"
    "                       as for 'teitag annotate'\n"
    "  -h, --help           show this help\n"
    "\n"
    "Examples:\n"
    "  teitag eval corpus/gold.jsonl\n"
    "  teitag eval --errors 30 --no-rules ner-uk-dev.jsonl\n"
    "\n"
    "With several files, each gets its own report, then all together.\n";

/* Scores one file into `ev`; returns the number of bad lines or -1. */
static long eval_file(teitag_pipeline *p, teitag_eval *ev, const char *path) {
  FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
  if (!in) {
    cli_error("%s: cannot open: %s", path, strerror(errno));
    return -1;
  }
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  ssize_t n;
  long bad = 0;
  while ((n = getline(&line, &cap, in)) >= 0) {
    lineno++;
    size_t len = (size_t)n;
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      len--;
    if (len == 0)
      continue;
    teitag_diag diag;
    if (teitag_eval_add_jsonl(ev, p, line, len, &diag) != TEITAG_OK) {
      cli_error("%s:%zu: %s", path, lineno, diag.message);
      bad++;
    }
  }
  free(line);
  if (in != stdin)
    fclose(in);
  return bad;
}

int cmd_eval(int argc, char **argv) {
  static const struct option longopts[] = {
      {"errors", required_argument, NULL, OPT_ERRORS},
      {"help", no_argument, NULL, 'h'},
      CLI_PIPE_LONGOPTS,
      {NULL, 0, NULL, 0}};
  pipe_opts po;
  memset(&po, 0, sizeof po);
  size_t max_errors = 0;
  int opt;
  while ((opt = getopt_long(argc, argv, "l:g:h", longopts, NULL)) != -1) {
    int r = cli_pipe_option(&po, opt, optarg);
    if (r < 0)
      return EXIT_USAGE;
    if (r > 0)
      continue;
    if (opt == OPT_ERRORS) {
      char *end;
      long v = strtol(optarg, &end, 10);
      if (*end || v < 0) {
        cli_error("--errors %s: expected a number", optarg);
        return EXIT_USAGE;
      }
      max_errors = (size_t)v;
    } else if (opt == 'h') {
      fputs(usage, stdout);
      return EXIT_OK;
    } else {
      fputs("Run 'teitag eval --help' for the options.\n", stderr);
      return EXIT_USAGE;
    }
  }
  if (optind >= argc) {
    cli_error("eval needs at least one gold file; run 'teitag eval --help'");
    return EXIT_USAGE;
  }
  int code;
  teitag_pipeline *p = cli_make_pipeline(&po, &code);
  if (!p)
    return code;
  int n_files = argc - optind, failed = 0;
  teitag_eval *all = teitag_eval_new();
  for (int i = optind; i < argc; i++) {
    teitag_eval *ev = teitag_eval_new();
    long bad = eval_file(p, ev, argv[i]);
    failed |= bad != 0;
    if (bad >= 0) {
      teitag_eval_merge(all, ev);
      char *report = teitag_eval_report(ev, max_errors);
      if (n_files > 1)
        printf("== %s ==\n", argv[i]);
      fputs(report, stdout);
      if (n_files > 1)
        putchar('\n');
      teitag_free(report);
    }
    teitag_eval_free(ev);
  }
  if (n_files > 1) {
    char *report = teitag_eval_report(all, 0);
    printf("== all files ==\n");
    fputs(report, stdout);
    teitag_free(report);
  }
  teitag_eval_free(all);
  teitag_pipeline_free(p);
  return failed ? EXIT_INPUT : EXIT_OK;
}
