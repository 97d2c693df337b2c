/* SPDX-License-Identifier: MIT
 *
 * annotate.c -- `teitag annotate`: files or stdin in; TEI, JSONL, brat,
 * WebAnno TSV, CoNLL or HTML out.
 *
 * Text and TEI input are one document per file.  JSONL input is a stream:
 * one line in, one line out, in order, flushed per line, and a bad line
 * becomes an error object on its output line so that the stream goes on --
 * which is what GNU parallel --pipe and Hadoop Streaming need.  brat output
 * is two files, NAME.txt and NAME.ann, committed together.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char usage[] =
    "Usage: teitag annotate [OPTIONS] [FILE...]\n"
    "\n"
    "Annotates each FILE (standard input when none is given, or for \"-\")\n"
    "and writes the entities in the format an editor or a tool reads.\n"
    "\n"
    "Input:\n"
    "  -i, --input FORMAT   text (default): UTF-8, UTF-16 with a BOM, windows-1251,\n"
    "                       KOI8-R or KOI8-U, detected (see --encoding);\n"
    "                       jsonl: one {\"id\",\"text\",\"lang\"} object per line;\n"
    "                       tei: an existing TEI document, whose body is\n"
    "                       annotated and everything else kept as it was\n"
    "Output:\n"
    "  -f, --format FORMAT  tei (default): TEI P5, persName/placeName/orgName/measure\n"
    "                       jsonl: one JSON object per document\n"
    "                       brat: NAME.txt + NAME.ann (needs -o NAME.ann)\n"
    "                       webanno: WebAnno TSV 3.3 for INCEpTION (NamedEntity)\n"
    "                       conll: token TAB B-/I-/O tag, blank line per sentence\n"
    "                       html: one page with coloured entities and a legend\n"
    "      --names tei|rs   TEI: names as persName... (tei, default) or as\n"
    "                       <rs type> around <w> tokens (rs: for INCEpTION's\n"
    "                       TEI import, which reads only rs and w)\n"
    "  -o, --output FILE    write to FILE instead of standard output; it is\n"
    "                       written under a temporary name and renamed when\n"
    "                       complete, and never over an input (a device or\n"
    "                       FIFO, such as /dev/null, is written in place)\n"
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
    "  teitag annotate -i tei edition.xml -o edition.tagged.xml\n"
    "  teitag annotate --names rs news.txt -o news.inception.xml\n"
    "  teitag annotate -f brat news.txt -o brat/news.ann   # + brat/news.txt\n"
    "  teitag annotate -f webanno news.txt -o news.tsv\n"
    "  teitag annotate -f html corpus/en/*.txt -o en.html\n"
    "\n"
    "TEI, brat and WebAnno output hold one document, so several FILEs need\n"
    "-f jsonl, conll or html (or 'teitag batch').  Errors name the file and\n"
    "the byte offset or line and column; the exit status is 1 when any input\n"
    "could not be annotated, 2 for bad usage.\n";

enum { IN_TEXT, IN_JSONL, IN_TEI };
enum { OPT_NAMES = 400 }; /* beyond the shared OPT_* codes of cli.h */

typedef struct {
  pipe_opts pipe;
  int input;            /* IN_* */
  teitag_format format;
  const char *output;
  unsigned write_options;
  int verbose;
  size_t part_size;
} options;

/* Annotates one text or TEI file and writes it.  With `keep`, the document
 * is handed back (brat writes its text too).  Returns 0, -1 for a bad
 * input, -2 when the output failed. */
static int annotate_file(teitag_pipeline *p, teitag_writer *w, int input,
                         const char *path, teitag_doc **keep) {
  char *data;
  size_t len;
  if (cli_read_file(path, &data, &len) != 0)
    return -1;
  const char *name = strcmp(path, "-") == 0 ? "stdin" : path;
  teitag_doc *doc = NULL;
  teitag_diag diag;
  teitag_status st =
      input == IN_TEI ? teitag_doc_from_tei(p, data, len, name, &doc, &diag)
                      : teitag_doc_from_bytes(p, data, len, name, &doc, &diag);
  if (st == TEITAG_OK)
    st = teitag_doc_annotate(p, doc, &diag);
  free(data);
  if (st != TEITAG_OK) {
    cli_error("%s: %s", name, diag.message);
    teitag_doc_free(doc);
    return -1;
  }
  st = teitag_writer_write(w, doc, &diag);
  if (st != TEITAG_OK) {
    cli_error("%s: %s", name, diag.message);
    teitag_doc_free(doc);
    return -2;
  }
  if (keep)
    *keep = doc;
  else
    teitag_doc_free(doc);
  return 0;
}

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
                           cli_output *out, const char *path,
                           int error_lines) {
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
      if (!error_lines)
        continue;
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
      {"names", required_argument, NULL, OPT_NAMES},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      CLI_PIPE_LONGOPTS,
      CLI_TEXT_LONGOPTS,
      {NULL, 0, NULL, 0}};
  int opt;
  while ((opt = getopt_long(argc, argv, "i:f:o:l:g:vh", longopts, NULL)) != -1) {
    int r = cli_pipe_option(&o->pipe, opt, optarg);
    if (r < 0)
      return -1;
    if (r > 0)
      continue;
    switch (opt) {
    case 'i':
      if (strcmp(optarg, "jsonl") == 0)
        o->input = IN_JSONL;
      else if (strcmp(optarg, "tei") == 0)
        o->input = IN_TEI;
      else if (strcmp(optarg, "text") == 0)
        o->input = IN_TEXT;
      else {
        cli_error("-i %s: expected text, jsonl or tei", optarg);
        return -1;
      }
      break;
    case 'f': {
      int f = teitag_format_from_name(optarg);
      if (f < 0) {
        cli_error("-f %s: expected tei, jsonl, brat, webanno, conll or html",
                  optarg);
        return -1;
      }
      o->format = (teitag_format)f;
      break;
    }
    case OPT_NAMES:
      if (strcmp(optarg, "rs") == 0)
        o->write_options |= TEITAG_WRITE_RS;
      else if (strcmp(optarg, "tei") == 0)
        o->write_options &= ~TEITAG_WRITE_RS;
      else {
        cli_error("--names %s: expected tei or rs", optarg);
        return -1;
      }
      break;
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

/* Refuses combinations that cannot be written; returns 0 when fine. */
static int check_usage(const options *o, int n_inputs) {
  int one_doc = o->format == TEITAG_FORMAT_TEI || o->format == TEITAG_FORMAT_BRAT ||
                o->format == TEITAG_FORMAT_WEBANNO;
  if (one_doc && (n_inputs > 1 || o->input == IN_JSONL)) {
    cli_error("-f %s holds one document: give one FILE, or use -f jsonl, "
              "conll or html",
              o->format == TEITAG_FORMAT_TEI    ? "tei"
              : o->format == TEITAG_FORMAT_BRAT ? "brat"
                                                : "webanno");
    return -1;
  }
  if ((o->write_options & TEITAG_WRITE_TOKENS) && o->input == IN_TEI) {
    cli_error("--tokens applies to text input; a TEI input keeps its own "
              "markup");
    return -1;
  }
  if ((o->write_options & TEITAG_WRITE_RS) && o->format != TEITAG_FORMAT_TEI) {
    cli_error("--names rs applies to TEI output (-f tei)");
    return -1;
  }
  if (o->format == TEITAG_FORMAT_BRAT) {
    size_t n = o->output ? strlen(o->output) : 0;
    if (n < 5 || strcmp(o->output + n - 4, ".ann") != 0) {
      cli_error("-f brat writes NAME.txt and NAME.ann: give -o NAME.ann");
      return -1;
    }
  }
  return 0;
}

static int same_file_as_input(const char *path, char **inputs, int n_inputs) {
  struct stat sp, si;
  if (stat(path, &sp) != 0)
    return 0;
  for (int i = 0; i < n_inputs; i++)
    if (strcmp(inputs[i], "-") != 0 && stat(inputs[i], &si) == 0 &&
        si.st_dev == sp.st_dev && si.st_ino == sp.st_ino)
      return 1;
  return 0;
}

/* brat: the .ann through the writer, and the document text as NAME.txt
 * beside it; both are committed only when both are complete.  When
 * NAME.txt is the input itself and already holds exactly the text, it is
 * left alone. */
static int annotate_brat(teitag_pipeline *p, const options *o, char **inputs,
                         int n_inputs) {
  size_t n = strlen(o->output);
  char *txt = malloc(n + 1);
  if (!txt) {
    cli_error("out of memory");
    return EXIT_INPUT;
  }
  memcpy(txt, o->output, n - 4);
  memcpy(txt + n - 4, ".txt", 5);
  int txt_is_input = same_file_as_input(txt, inputs, n_inputs);
  cli_output ann, text;
  if (cli_output_open(&ann, o->output) != 0) {
    free(txt);
    return EXIT_INPUT;
  }
  if (!txt_is_input && cli_output_open(&text, txt) != 0) {
    cli_output_close(&ann, 0);
    free(txt);
    return EXIT_INPUT;
  }
  teitag_writer *w = NULL;
  teitag_writer_new(TEITAG_FORMAT_BRAT, o->write_options, cli_output_sink, &ann, &w);
  teitag_doc *doc = NULL;
  int ok = annotate_file(p, w, o->input, inputs[0], &doc) == 0;
  size_t len = 0;
  const char *t = ok ? teitag_doc_text(doc, &len) : NULL;
  if (ok && txt_is_input) {
    char *old = NULL;
    size_t old_len;
    ok = cli_read_file(txt, &old, &old_len) == 0;
    if (ok && (old_len != len || memcmp(old, t, len) != 0)) {
      cli_error("%s: writing the brat text would overwrite the input (it "
                "differs from the text: encoding, BOM or TEI); choose another "
                "-o",
                txt);
      ok = 0;
    }
    free(old);
  } else if (ok && cli_output_sink(&text, t, len) != 0) {
    ok = 0;
  }
  teitag_writer_free(w);
  teitag_doc_free(doc);
  int rc = 0;
  if (!txt_is_input)
    rc |= cli_output_close(&text, ok);
  rc |= cli_output_close(&ann, ok && rc == 0);
  free(txt);
  return ok && rc == 0 ? EXIT_OK : EXIT_INPUT;
}

int cmd_annotate(int argc, char **argv) {
  options o;
  memset(&o, 0, sizeof o);
  if (parse_args(argc, argv, &o) != 0)
    return EXIT_USAGE;
  char *stdin_only[] = {"-"};
  char **inputs = optind < argc ? argv + optind : stdin_only;
  int n_inputs = optind < argc ? argc - optind : 1;
  if (check_usage(&o, n_inputs) != 0)
    return EXIT_USAGE;
  if (cli_output_is_input(o.output, inputs, n_inputs))
    return EXIT_USAGE;
  int code;
  teitag_pipeline *p = cli_make_pipeline(&o.pipe, &code);
  if (!p)
    return code;
  if (o.format == TEITAG_FORMAT_BRAT) {
    int rc = annotate_brat(p, &o, inputs, n_inputs);
    teitag_pipeline_free(p);
    return rc;
  }
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
    if (o.input == IN_JSONL) {
      long r = annotate_jsonl(p, w, &out, inputs[i],
                              o.format == TEITAG_FORMAT_JSONL);
      failed |= r != 0;
      write_error = r == -2;
      written |= r != -1;
    } else {
      /* text goes through a stream, in parts when it is big; TEI is read
       * whole */
      int r = o.input == IN_TEI ? annotate_file(p, w, o.input, inputs[i], NULL)
                                : annotate_text(p, w, &o, inputs[i]);
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
