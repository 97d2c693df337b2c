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
    "  -i, --input FORMAT   text (default): UTF-8, UTF-16 with a BOM, windows-1251,\n"
    "                       KOI8-R or KOI8-U, detected (see --encoding);\n"
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
    "Output details:\n"
    "      --tokens         TEI: also mark sentences and tokens (<s>, <w>, <pc>)\n"
    "      --explain        JSONL: add \"source\", the annotator behind each entity\n"
    "Encodings and big files:\n"
    "      --encoding NAME  read text input in NAME (any ICU converter: cp1251,\n"
    "                       KOI8-U, ISO-8859-5, ...) instead of detecting it\n"
    "  -v, --verbose        say per input: bytes, encoding, parts, entities\n"
    "      --part-size SIZE a text file larger than SIZE (default 4M) is\n"
    "                       annotated in parts cut at paragraph boundaries, so\n"
    "                       memory stays bounded whatever the file size\n"
    "  -h, --help           show this help\n"
    "\n"
    "Examples:\n"
    "  teitag annotate corpus/en/frozen-assets.txt -o frozen-assets.xml\n"
    "  teitag annotate -v --encoding cp1251 archive-1998.txt -o archive-1998.xml\n"
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
  int verbose;
  size_t part_size;
} options;

/* Prints what --verbose tells about one text input. */
static void report_verbose(const char *name, const cli_result *r) {
  fprintf(stderr, "teitag: %s: %zu bytes, %s", name, r->bytes,
          r->encoding[0] ? r->encoding : "encoding unknown");
  if (r->parts > 1)
    fprintf(stderr, ", %zu parts", r->parts);
  for (int t = TEITAG_TYPE_PER; t <= TEITAG_TYPE_MONEY; t++)
    fprintf(stderr, ", %s %zu", teitag_type_name((teitag_type)t),
            r->entities[t]);
  fputc('\n', stderr);
}

/* Annotates one text input, read block by block so that a file of any
 * size is annotated in bounded memory.  Returns 0, -1 when the input
 * could not be annotated, -2 when the output failed. */
static int annotate_text(teitag_pipeline *p, teitag_writer *w,
                         const options *o, const char *path) {
  const char *name = strcmp(path, "-") == 0 ? "stdin" : path;
  cli_input_opts io;
  memset(&io, 0, sizeof io);
  io.part_size = o->part_size;
  cli_result r;
  int rc = cli_annotate_input(p, w, path, name, &io, &r);
  if (rc != CLI_IN_OK)
    cli_error("%s: %s", name, r.error);
  else if (o->verbose)
    report_verbose(name, &r);
  return rc == CLI_IN_OK ? 0 : rc == CLI_OUT_FAILED ? -2 : -1;
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
      {"tokens", no_argument, NULL, OPT_TOKENS},
      {"explain", no_argument, NULL, OPT_EXPLAIN},
      {"encoding", required_argument, NULL, OPT_ENCODING},
      {"verbose", no_argument, NULL, 'v'},
      {"part-size", required_argument, NULL, OPT_PART_SIZE},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  int opt;
  while ((opt = getopt_long(argc, argv, "i:f:o:l:vh", longopts, NULL)) != -1) {
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
    case 'v': o->verbose = 1; break;
    case OPT_PART_SIZE:
      if (cli_parse_size(optarg, &o->part_size) != 0 || o->part_size < 4096) {
        cli_error("--part-size %s: expected a size of at least 4K", optarg);
        return -1;
      }
      break;
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
  teitag_pipeline *p = cli_make_pipeline(&o.pipe);
  if (!p)
    return EXIT_USAGE;
  cli_output out;
  memset(&out, 0, sizeof out); /* not silent: errors are printed */
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
      int r = annotate_text(p, w, &o, inputs[i]);
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
