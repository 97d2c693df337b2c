/* SPDX-License-Identifier: MIT
 *
 * gazetteer.c -- `teitag gazetteer check|compile|lookup`.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: teitag gazetteer check SRC...\n"
    "       teitag gazetteer compile SRC... -o FILE\n"
    "       teitag gazetteer lookup [-g FILE]... [--no-default-gazetteer] TEXT...\n"
    "\n"
    "Gazetteer sources are UTF-8 text, one name form per row:\n"
    "  id <TAB> type <TAB> lang <TAB> form [<TAB> attrs]\n"
    "e.g.  Q212  LOC  uk  Україна  g=f      (docs/gazetteers.md has the details)\n"
    "\n"
    "  check     report every bad row as FILE:LINE: reason; exit 1 if any\n"
    "  compile   check, then write one binary file that teitag memory-maps;\n"
    "            Ukrainian and Russian rows also match their case forms\n"
    "  lookup    show which entries a phrase matches, and through which form\n"
    "\n"
    "Examples:\n"
    "  teitag gazetteer check my-names.tsv\n"
    "  teitag gazetteer compile my-names.tsv -o my-names.gaz\n"
    "  teitag annotate -g my-names.gaz news.txt\n"
    "  teitag gazetteer lookup 'Центрального банку Росії'\n";

static void print_problem(void *ctx, const char *file, size_t line,
                          const char *message) {
  (void)ctx;
  if (line)
    fprintf(stderr, "%s:%zu: %s\n", file, line, message);
  else
    fprintf(stderr, "%s: %s\n", file, message);
}

static int cmd_check(int argc, char **argv) {
  if (argc < 1) {
    cli_error("gazetteer check needs source files");
    return EXIT_USAGE;
  }
  size_t problems = 0;
  teitag_gazetteer_check((const char *const *)argv, (size_t)argc, print_problem,
                         NULL, &problems);
  if (problems) {
    fprintf(stderr, "teitag: %zu problem%s in %d file%s\n", problems,
            problems == 1 ? "" : "s", argc, argc == 1 ? "" : "s");
    return EXIT_INPUT;
  }
  printf("%d file%s checked: no problems\n", argc, argc == 1 ? "" : "s");
  return EXIT_OK;
}

static int cmd_compile(int argc, char **argv) {
  const char *out = NULL;
  char **srcs = calloc((size_t)argc + 1, sizeof *srcs);
  int n = 0;
  for (int i = 0; i < argc; i++) {
    if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
      out = argv[++i];
    else if (strncmp(argv[i], "-o", 2) == 0 && argv[i][2])
      out = argv[i] + 2;
    else if (argv[i][0] == '-' && argv[i][1]) {
      cli_error("gazetteer compile: unknown option %s", argv[i]);
      free(srcs);
      return EXIT_USAGE;
    } else
      srcs[n++] = argv[i];
  }
  if (!out || n == 0) {
    cli_error("gazetteer compile needs SRC... -o FILE");
    free(srcs);
    return EXIT_USAGE;
  }
  if (cli_output_is_input(out, srcs, n)) {
    free(srcs);
    return EXIT_USAGE;
  }
  teitag_diag diag;
  teitag_status st = teitag_gazetteer_compile((const char *const *)srcs,
                                              (size_t)n, out, print_problem,
                                              NULL, &diag);
  free(srcs);
  if (st != TEITAG_OK) {
    cli_error("%s", diag.message); /* it names the output */
    return EXIT_INPUT;
  }
  fprintf(stderr, "teitag: wrote %s (%s)\n", out, diag.message);
  return EXIT_OK;
}

/* One line per match: the words, type, ID, dictionary form, the form
 * that matched (a generated case form is the words themselves), cert and
 * the row it came from. */
static int print_match(void *ctx, const teitag_gazetteer_match *m) {
  const char *text = ctx;
  int n = (int)(m->end - m->start);
  printf("%.*s\t%s\t%s\t%s (%s)\tvia \"%.*s\"\t%s\t%s\n", n, text + m->start,
         m->type ? teitag_type_name(m->type) : "given-name", m->ref, m->norm,
         teitag_lang_code(m->lang),
         *m->form ? (int)strlen(m->form) : n, *m->form ? m->form : text + m->start,
         teitag_cert_name(m->cert), m->source);
  return 0;
}

static int cmd_lookup(int argc, char **argv) {
  static const struct option longopts[] = {
      {"gazetteer", required_argument, NULL, 'g'},
      {"no-default-gazetteer", no_argument, NULL, OPT_NO_DEFAULT_GAZ},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  pipe_opts po;
  memset(&po, 0, sizeof po);
  int opt;
  optind = 1;
  while ((opt = getopt_long(argc, argv, "g:h", longopts, NULL)) != -1) {
    int r = cli_pipe_option(&po, opt, optarg);
    if (r < 0)
      return EXIT_USAGE;
    if (r > 0)
      continue;
    if (opt == 'h') {
      fputs(usage, stdout);
      return EXIT_OK;
    }
    return EXIT_USAGE;
  }
  if (optind >= argc) {
    cli_error("gazetteer lookup needs a phrase");
    return EXIT_USAGE;
  }
  int code;
  teitag_pipeline *p = cli_make_pipeline(&po, &code);
  if (!p)
    return code;
  int rc = EXIT_OK;
  for (int i = optind; i < argc; i++) {
    teitag_diag diag;
    teitag_status st = teitag_gazetteer_lookup(p, argv[i], strlen(argv[i]),
                                               print_match, argv[i], &diag);
    if (st != TEITAG_OK) {
      cli_error("%s", diag.message);
      rc = EXIT_INPUT;
    }
  }
  teitag_pipeline_free(p);
  return rc;
}

int cmd_gazetteer(int argc, char **argv) {
  if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    fputs(usage, argc < 2 ? stderr : stdout);
    return argc < 2 ? EXIT_USAGE : EXIT_OK;
  }
  if (strcmp(argv[1], "check") == 0)
    return cmd_check(argc - 2, argv + 2);
  if (strcmp(argv[1], "compile") == 0)
    return cmd_compile(argc - 2, argv + 2);
  if (strcmp(argv[1], "lookup") == 0)
    return cmd_lookup(argc - 1, argv + 1);
  cli_error("gazetteer: unknown command '%s' (check, compile or lookup)", argv[1]);
  return EXIT_USAGE;
}
