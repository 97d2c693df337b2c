/* SPDX-License-Identifier: MIT
 *
 * main.c -- the teitag command: dispatch to subcommands, --help, --version,
 * and the pipeline options they share.
 */
#include "config.h"

#include <getopt.h>
#if defined(HAVE_MALLOPT) && defined(HAVE_MALLOC_H)
#include <malloc.h>
#endif
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "Usage: teitag COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Finds people, places, organisations and money amounts in English,\n"
    "Ukrainian and Russian text and writes them as TEI P5 XML, JSONL, or the\n"
    "formats annotation editors read (brat, WebAnno TSV, CoNLL, HTML).\n"
    "\n"
    "Commands:\n"
    "  annotate [FILE...]   annotate text or TEI files (or stdin)\n"
    "  batch -o DIR INPUT...  annotate files and directory trees in parallel\n"
    "  eval GOLD.jsonl...   precision, recall and F1 against gold annotations\n"
    "  gazetteer check|compile|lookup   work with gazetteers (names lists)\n"
    "\n"
    "Examples:\n"
    "  teitag annotate news.txt -o news.xml        # TEI P5 with persName, ...\n"
    "  teitag annotate -f jsonl a.txt b.txt        # one JSON line per file\n"
    "  teitag annotate -i jsonl -f jsonl < in.jsonl > out.jsonl   # streaming\n"
    "  teitag batch -o out/ corpus/                # a tree of .txt -> .xml\n"
    "  teitag eval --errors 20 gold.jsonl          # scores and error list\n"
    "\n"
    "Run 'teitag COMMAND --help' for the options of a command.\n"
    "Exit status: 0 all inputs done, 1 some input failed, 2 usage error.\n";

int cli_pipe_option(pipe_opts *o, int opt, const char *arg) {
  switch (opt) {
  case 'l': {
    int l = teitag_lang_from_code(arg);
    if (l < 0) {
      cli_error("-l %s: expected auto, en, uk or ru", arg);
      return -1;
    }
    o->lang = (teitag_lang)l;
    return 1;
  }
  case OPT_NESTED: o->flags |= TEITAG_PIPE_NESTED; return 1;
  case OPT_LINES: o->flags |= TEITAG_PIPE_LINES; return 1;
  case OPT_BLOCKS: o->flags |= TEITAG_PIPE_BLOCKS; return 1;
  case OPT_NO_MONEY: o->flags |= TEITAG_PIPE_NO_MONEY; return 1;
  case OPT_NO_RULES: o->flags |= TEITAG_PIPE_NO_RULES; return 1;
  case OPT_NO_GAZ: o->flags |= TEITAG_PIPE_NO_GAZETTEER; return 1;
  case OPT_NO_DEFAULT_GAZ: o->no_default_gazetteer = 1; return 1;
  case 'g':
    if (o->n_gazetteers == (int)(sizeof o->gazetteers / sizeof *o->gazetteers)) {
      cli_error("-g: too many gazetteers");
      return -1;
    }
    o->gazetteers[o->n_gazetteers++] = arg;
    return 1;
  case OPT_ENCODING: o->encoding = arg; return 1;
  case OPT_MIN_CERT:
    if (strcmp(arg, "low") == 0)
      o->min_cert = TEITAG_CERT_LOW;
    else if (strcmp(arg, "medium") == 0)
      o->min_cert = TEITAG_CERT_MEDIUM;
    else if (strcmp(arg, "high") == 0)
      o->min_cert = TEITAG_CERT_HIGH;
    else {
      cli_error("--min-cert %s: expected low, medium or high", arg);
      return -1;
    }
    return 1;
  default: return 0;
  }
}

/* The default gazetteer: where the library looks ($TEITAG_DATA_DIR or the
 * installed data directory), else next to an uninstalled build's binary
 * (build/teitag.gaz beside build/teitag or build/.libs/teitag). */
static teitag_status load_default(teitag_pipeline *p, teitag_diag *diag) {
  teitag_status st = teitag_pipeline_use_default_gazetteer(p, diag);
  if (st != TEITAG_EIO || getenv("TEITAG_DATA_DIR"))
    return st;
  char dir[4096], path[4200];
  ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
  char *slash = n > 0 ? (dir[n] = '\0', strrchr(dir, '/')) : NULL;
  if (!slash)
    return st;
  *slash = '\0';
  static const char *const rel[] = {"teitag.gaz", "../teitag.gaz"};
  for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, rel[i]);
    if (access(path, R_OK) == 0)
      return teitag_pipeline_add_gazetteer(p, path, diag);
  }
  return st;
}

teitag_pipeline *cli_make_pipeline(const pipe_opts *o, int *code) {
  *code = EXIT_USAGE;
  if ((o->flags & TEITAG_PIPE_LINES) && (o->flags & TEITAG_PIPE_BLOCKS)) {
    cli_error("--lines and --blocks exclude each other");
    return NULL;
  }
  teitag_pipeline *p = teitag_pipeline_new();
  teitag_diag diag;
  if (o->encoding && teitag_pipeline_set_encoding(p, o->encoding, &diag)) {
    cli_error("--encoding %s: %s", o->encoding, diag.message);
    teitag_pipeline_free(p);
    return NULL;
  }
  teitag_pipeline_set_lang(p, o->lang);
  teitag_pipeline_set_flags(p, o->flags);
  teitag_pipeline_set_min_cert(p, o->min_cert);
  *code = EXIT_INPUT;
  if (!(o->flags & TEITAG_PIPE_NO_GAZETTEER) && !o->no_default_gazetteer &&
      load_default(p, &diag) != TEITAG_OK) {
    cli_error("%s\n  (the default gazetteer; set TEITAG_DATA_DIR to its "
              "directory, or use --no-default-gazetteer)",
              diag.message);
    teitag_pipeline_free(p);
    return NULL;
  }
  for (int i = 0; i < o->n_gazetteers; i++)
    if (teitag_pipeline_add_gazetteer(p, o->gazetteers[i], &diag) != TEITAG_OK) {
      cli_error("%s", diag.message);
      teitag_pipeline_free(p);
      return NULL;
    }
  return p;
}

int main(int argc, char **argv) {
  /* Exceeding a file-size limit must be a write error we report, not a
   * signal that kills us with a half-written temporary file. */
  signal(SIGXFSZ, SIG_IGN);
#if defined(HAVE_MALLOPT) && defined(M_MMAP_THRESHOLD) && defined(M_TRIM_THRESHOLD)
  /* Every part of a long file allocates and frees the same arrays, and
   * glibc's defaults give many of them back to the kernel each time: the
   * bench corpus took 91,000 page faults, 20,000 with these settings, and
   * the zeroing of fresh pages cost more than the name rules' own work.
   * Blocks over 8 MB are still mapped apart and returned when freed, so
   * one huge paragraph does not leave a huge heap behind. */
  mallopt(M_MMAP_THRESHOLD, 8 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
  if (argc < 2) {
    fputs(usage, stderr);
    return EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
      strcmp(cmd, "help") == 0) {
    fputs(usage, stdout);
    return EXIT_OK;
  }
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
    printf("teitag %s\n", teitag_version());
    return EXIT_OK;
  }
  if (strcmp(cmd, "annotate") == 0)
    return cmd_annotate(argc - 1, argv + 1);
  if (strcmp(cmd, "eval") == 0)
    return cmd_eval(argc - 1, argv + 1);
  if (strcmp(cmd, "gazetteer") == 0)
    return cmd_gazetteer(argc - 1, argv + 1);
  if (strcmp(cmd, "batch") == 0)
    return cmd_batch(argc - 1, argv + 1);
  cli_error("unknown command '%s'; run 'teitag --help'", cmd);
  return EXIT_USAGE;
}
