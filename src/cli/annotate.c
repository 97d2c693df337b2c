/* SPDX-License-Identifier: MIT
 *
 * annotate.c -- `teitag annotate`: files or stdin in, TEI or JSONL out.
 *
 * Text input is one document per file.  JSONL input is a stream: one line
 * in, one line out, in order, flushed per line, and a bad line becomes an
 * error object on its output line so that the stream goes on -- which is
 * what GNU parallel --pipe and Hadoop Streaming need.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: teitag annotate [OPTIONS] [FILE...]\n"
    "\n"
    "Annotates each FILE (standard input when none is given, or for \"-\")\n"
    "and writes TEI P5 (one document) or JSONL (one line per document).\n"
    "\n"
    "Input and output:\n"
    "  -i, --input FORMAT   text (default): UTF-8 or UTF-16 with a BOM;\n"
    "                       jsonl: one {\"id\",\"text\",\"lang\"} object per line\n"
    "  -f, --format FORMAT  tei (default) or jsonl\n"
    "  -o, --output FILE    write to FILE instead of standard output; it is\n"
    "                       written under a temporary name and renamed when\n"
    "                       complete, and never over an input\n"
    "Language and paragraphs:\n"
    "  -l, --lang LANG      auto (default: per document and paragraph), en, uk, ru\n"
    "      --lines          every line is a paragraph\n"
    "      --blocks         paragraphs are separated by blank lines\n"
    "                       (default: blocks if the text has a blank line)\n"
    "What to keep:\n"
    "      --nested         keep names inside names (default: outermost wins)\n"
    "      --min-cert LEVEL keep entities at least this certain: low, medium, high\n"
    "      --no-money       do not look for money amounts\n"
    "      --no-rules       names from gazetteers only, no name rules\n"
    "  -g, --gazetteer FILE add a gazetteer (.tsv source or compiled .gaz);\n"
    "                       repeatable, later ones win over earlier ones\n"
    "      --no-default-gazetteer   only the -g gazetteers\n"
    "      --no-gazetteer   no gazetteer matching at all\n"
    "Output details:\n"
    "      --tokens         TEI: also mark sentences and tokens (<s>, <w>, <pc>)\n"
    "      --explain        JSONL: add \"source\", the annotator behind each entity\n"
    "  -h, --help           show this help\n"
    "\n"
    "Examples:\n"
    "  teitag annotate corpus/en/frozen-assets.txt -o frozen-assets.xml\n"
    "  teitag annotate -l uk --tokens news.txt > news.xml\n"
    "  teitag annotate -f jsonl corpus/*/*.txt > entities.jsonl\n"
    "  teitag annotate -i jsonl -f jsonl < docs.jsonl > entities.jsonl\n"
    "\n"
    "TEI output holds one document, so several FILEs need -f jsonl (or\n"
    "'teitag batch').  Errors name the file and the byte offset or line; the\n"
    "exit status is 1 when any input could not be annotated, 2 for bad usage.\n";

typedef struct {
  pipe_opts pipe;
  int input_jsonl;
  teitag_format format;
  const char *output;
  unsigned write_options;
} options;

static int annotate_text(teitag_pipeline *p, teitag_writer *w,
                         const char *path) {
  char *data;
  size_t len;
  if (cli_read_file(path, &data, &len) != 0)
    return -1;
  const char *name = strcmp(path, "-") == 0 ? "stdin" : path;
  teitag_doc *doc = NULL;
  teitag_diag diag;
  teitag_status st = teitag_annotate(p, data, len, name, &doc, &diag);
  free(data);
  if (st != TEITAG_OK) {
    cli_error("%s: %s", name, diag.message);
    return -1;
  }
  st = teitag_writer_write(w, doc, &diag);
  teitag_doc_free(doc);
  if (st != TEITAG_OK) {
    cli_error("%s: %s", name, diag.message);
    return -2;
  }
  return 0;
}

/* Streams one JSONL input.  Returns the number of bad lines, or -1 when
 * the input cannot be read, or -2 when the output failed. */
static long annotate_jsonl(teitag_pipeline *p, teitag_writer *w,
                           cli_output *out, const char *path) {
  FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
  const char *name = in == stdin ? "stdin" : path;
  if (!in) {
    cli_error("%s: cannot open: %s", path, strerror(errno));
    return -1;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  long bad = 0;
  size_t lineno = 0;
  while ((n = getline(&line, &cap, in)) >= 0) {
    lineno++;
    size_t len = (size_t)n;
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      len--;
    teitag_doc *doc = NULL;
    teitag_diag diag;
    teitag_status st = teitag_doc_from_jsonl(p, line, len, &doc, &diag);
    if (st == TEITAG_OK)
      st = teitag_doc_annotate(p, doc, &diag);
    if (st == TEITAG_OK) {
      st = teitag_writer_write(w, doc, &diag);
      teitag_doc_free(doc);
      if (st != TEITAG_OK) {
        cli_error("%s: %s", out->path ? out->path : "stdout", diag.message);
        bad = -2;
        break;
      }
    } else {
      teitag_doc_free(doc);
      bad++;
      cli_error("%s:%zu: %s", name, lineno, diag.message);
      /* The error takes the document's place in the output stream. */
      fprintf(out->fp, "{\"line\": %zu, \"error\": \"", lineno);
      for (const char *m = diag.message; *m; m++) {
        if (*m == '"' || *m == '\\')
          fputc('\\', out->fp);
        fputc((unsigned char)*m < 0x20 ? ' ' : *m, out->fp);
      }
      fputs("\"}\n", out->fp);
    }
    if (fflush(out->fp) != 0) {
      cli_error("%s: write error: %s", out->path ? out->path : "stdout", strerror(errno));
      bad = -2;
      break;
    }
  }
  if (ferror(in)) {
    cli_error("%s: read error: %s", name, strerror(errno));
    bad = bad < 0 ? bad : -1;
  }
  free(line);
  if (in != stdin)
    fclose(in);
  return bad;
}

static int parse_args(int argc, char **argv, options *o) {
  static const struct option longopts[] = {
      {"input", required_argument, NULL, 'i'},
      {"format", required_argument, NULL, 'f'},
      {"output", required_argument, NULL, 'o'},
      {"lang", required_argument, NULL, 'l'},
      {"lines", no_argument, NULL, OPT_LINES},
      {"blocks", no_argument, NULL, OPT_BLOCKS},
      {"nested", no_argument, NULL, OPT_NESTED},
      {"min-cert", required_argument, NULL, OPT_MIN_CERT},
      {"no-money", no_argument, NULL, OPT_NO_MONEY},
      {"no-rules", no_argument, NULL, OPT_NO_RULES},
      {"gazetteer", required_argument, NULL, 'g'},
      {"no-gazetteer", no_argument, NULL, OPT_NO_GAZ},
      {"no-default-gazetteer", no_argument, NULL, OPT_NO_DEFAULT_GAZ},
      {"tokens", no_argument, NULL, OPT_TOKENS},
      {"explain", no_argument, NULL, OPT_EXPLAIN},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  int opt;
  while ((opt = getopt_long(argc, argv, "i:f:o:l:g:h", longopts, NULL)) != -1) {
    int r = cli_pipe_option(&o->pipe, opt, optarg);
    if (r < 0)
      return -1;
    if (r > 0)
      continue;
    switch (opt) {
    case 'i':
      if (strcmp(optarg, "jsonl") == 0)
        o->input_jsonl = 1;
      else if (strcmp(optarg, "text") != 0) {
        cli_error("-i %s: expected text or jsonl", optarg);
        return -1;
      }
      break;
    case 'f': {
      int f = teitag_format_from_name(optarg);
      if (f < 0) {
        cli_error("-f %s: expected tei or jsonl", optarg);
        return -1;
      }
      o->format = (teitag_format)f;
      break;
    }
    case 'o': o->output = optarg; break;
    case OPT_TOKENS: o->write_options |= TEITAG_WRITE_TOKENS; break;
    case OPT_EXPLAIN: o->write_options |= TEITAG_WRITE_EXPLAIN; break;
    case 'h': fputs(usage, stdout); exit(EXIT_OK);
    default:
      fputs("Run 'teitag annotate --help' for the options.\n", stderr);
      return -1;
    }
  }
  return 0;
}

int cmd_annotate(int argc, char **argv) {
  options o;
  memset(&o, 0, sizeof o);
  if (parse_args(argc, argv, &o) != 0)
    return EXIT_USAGE;
  char *stdin_only[] = {"-"};
  char **inputs = optind < argc ? argv + optind : stdin_only;
  int n_inputs = optind < argc ? argc - optind : 1;
  if (o.format == TEITAG_FORMAT_TEI && (n_inputs > 1 || o.input_jsonl)) {
    cli_error("TEI output holds one document: give one text FILE, or use -f "
              "jsonl");
    return EXIT_USAGE;
  }
  if (cli_output_is_input(o.output, inputs, n_inputs))
    return EXIT_USAGE;
  int code;
  teitag_pipeline *p = cli_make_pipeline(&o.pipe, &code);
  if (!p)
    return code;
  cli_output out;
  teitag_writer *w = NULL;
  int failed = 0, written = 0, write_error = 0;
  if (cli_output_open(&out, o.output) != 0) {
    teitag_pipeline_free(p);
    return EXIT_INPUT;
  }
  teitag_writer_new(o.format, o.write_options, cli_output_sink, &out, &w);
  for (int i = 0; i < n_inputs && !write_error; i++) {
    if (o.input_jsonl) {
      long r = annotate_jsonl(p, w, &out, inputs[i]);
      failed |= r != 0;
      write_error = r == -2;
      written |= r != -1;
    } else {
      int r = annotate_text(p, w, inputs[i]);
      failed |= r != 0;
      write_error = r == -2;
      written |= r == 0;
      if (o.format == TEITAG_FORMAT_JSONL && fflush(out.fp) != 0)
        write_error = 1;
    }
  }
  teitag_diag diag;
  if (written && !write_error && teitag_writer_finish(w, &diag) != TEITAG_OK) {
    cli_error("%s: %s", o.output ? o.output : "stdout", diag.message);
    write_error = 1;
  }
  teitag_writer_free(w);
  if (cli_output_close(&out, written && !write_error) != 0)
    failed = 1;
  teitag_pipeline_free(p);
  return failed || write_error ? EXIT_INPUT : EXIT_OK;
}
