/* SPDX-License-Identifier: MIT
 *
 * gaz_source.c -- reading and checking gazetteer sources.
 *
 * A source is UTF-8 text, one name form per row: id, type, lang, form and
 * optional attrs, separated by single TABs, with '#' comments (format in
 * docs/gazetteers.md).  Every bad row is reported as file:line: reason and
 * skipped, so that `gazetteer check` lists all problems at once and the
 * compiler refuses exactly the same rows.  Files are read line by line and
 * good rows are handed on one at a time, so that checking or compiling a
 * million rows does not hold them all: what stays is one entry per ID.
 * Nothing here compiles or matches.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gaz.h"

/* An ID seen so far, with its type and where it first appeared, so that
 * one ID with two types is caught across files. */
typedef struct {
  uint64_t hash;
  size_t text; /* offset of the ID in tt_gaz_reader.id_text */
  uint32_t file, line;
  uint8_t type;
} id_seen;

struct tt_gaz_reader {
  tt_gaz_row_fn on_row;
  void *row_ctx;
  tt_gaz_report_fn report;
  void *ctx;
  id_seen *ids; /* numbered in order of first appearance */
  size_t n_ids, cap_ids;
  uint64_t *slots; /* open addressing on the ID hash: its high 32 bits,
                      then the index in ids + 1 (0: empty), so that a
                      probe does not read an entry that cannot match */
  size_t cap_slots;
  tt_buf id_text; /* the IDs, NUL-terminated */
  char **files;   /* names as given */
  size_t n_files, cap_files;
  tt_buf scratch; /* the current row's strings */
  size_t bad;
  /* the file being read */
  uint32_t file;
  size_t line_no;
  int lexicon; /* its language when it is a given-name lexicon, else 0 */
};

/* Where a parsed row's strings lie in its line. */
typedef struct {
  const char *id, *form, *stems;
  size_t id_len, form_len, stems_len;
} row_text;

static void report_fmt(tt_gaz_report_fn report, void *ctx, const char *file,
                       size_t line, const char *fmt, ...) TT_PRINTF(5, 6);

static void report_fmt(tt_gaz_report_fn report, void *ctx, const char *file,
                       size_t line, const char *fmt, ...) {
  char msg[320];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (report)
    report(ctx, file, line, msg);
}

static const char *const type_codes[] = {"PER", "LOC", "ORG", NULL};
static const char *const lang_codes[] = {"en", "uk", "ru", NULL};

/* An ID is a Wikidata QID or a readable slug; either way an XML name. */
static int valid_id(const char *s, size_t n) {
  if (n == 0 || n > 200 || memchr(s, '\0', n))
    return 0;
  char tmp[201];
  memcpy(tmp, s, n);
  tmp[n] = '\0';
  return tt_valid_id(tmp);
}

/* A form: no leading, trailing or doubled spaces, no control characters,
 * at least one letter or digit. */
static const char *form_problem(const char *s, size_t n) {
  if (n == 0)
    return "empty form";
  if (s[0] == ' ' || s[n - 1] == ' ')
    return "form starts or ends with a space";
  int alnum = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    size_t k = tt_utf8_next((const unsigned char *)s + i, &cp);
    unsigned cls = tt_cp_class(cp);
    if (cls & (TT_C_BAD | TT_C_NEWLINE))
      return "form holds a control character";
    if ((cls & TT_C_SPACE) && cp != ' ')
      return "form holds a space other than U+0020 (write words separated "
             "by single spaces)";
    if (cp == ' ' && i + 1 < n && s[i + 1] == ' ')
      return "form holds two spaces in a row";
    alnum |= (cls & (TT_C_ALPHA | TT_C_DIGIT)) != 0;
    i += k;
  }
  return alnum ? NULL : "form has no letter or digit";
}

/* Parses the attrs column into `row`, and a stem= value into `t`; returns
 * a problem or NULL. */
static const char *parse_attrs(const char *s, size_t n, tt_gaz_row *row,
                               row_text *t, char *what, size_t what_len) {
  row->attrs.gender = 0;
  row->attrs.indecl = 0;
  row->attrs.soft = 0;
  row->attrs.given = 0;
  row->attrs.infl = TT_INFL_DECIDE;
  row->attrs.stems = NULL;
  row->attrs.stems_len = 0;
  t->stems = NULL;
  t->stems_len = 0;
  for (size_t i = 0; i < n;) {
    const char *semi = memchr(s + i, ';', n - i);
    size_t end = semi ? (size_t)(semi - s) : n;
    const char *a = s + i;
    size_t al = end - i;
    snprintf(what, what_len, "%.*s", (int)(al > 60 ? 60 : al), a);
    if (al == 3 && a[0] == 'g' && a[1] == '=' && strchr("mfnp", a[2]))
      row->attrs.gender = a[2];
    else if (al == 6 && memcmp(a, "indecl", 6) == 0)
      row->attrs.indecl = 1;
    else if (al == 4 && memcmp(a, "soft", 4) == 0)
      row->attrs.soft = 1;
    else if (al == 9 && memcmp(a, "infl=last", 9) == 0)
      row->attrs.infl = TT_INFL_LAST;
    else if (al > 5 && memcmp(a, "infl=", 5) == 0) {
      int v = 0;
      for (size_t k = 5; k < al; k++) {
        if (a[k] < '0' || a[k] > '9' || v > 100)
          return "infl= needs a number of words or \"last\"";
        v = v * 10 + (a[k] - '0');
      }
      row->attrs.infl = v;
    } else if (al > 5 && memcmp(a, "stem=", 5) == 0) {
      /* WORD>STEM[,WORD>STEM...]: every item needs its '>' */
      const char *p = a + 5, *e = a + al;
      while (p < e) {
        const char *comma = memchr(p, ',', (size_t)(e - p));
        const char *ie = comma ? comma : e;
        const char *gt = memchr(p, '>', (size_t)(ie - p));
        if (!gt || gt == p || gt + 1 == ie)
          return "stem= needs WORD>STEM (several separated by ',')";
        p = comma ? comma + 1 : e;
      }
      if (t->stems)
        return "stem= given twice";
      t->stems = a + 5;
      t->stems_len = al - 5;
    } else if ((al == 5 && memcmp(a, "alias", 5) == 0) ||
               (al == 6 && memcmp(a, "common", 6) == 0) ||
               (al == 5 && memcmp(a, "dimin", 5) == 0)) {
      /* descriptive attributes: accepted, not used by matching */
    } else {
      return "unknown attribute (known: g=m|f|n|p, indecl, soft, infl=N|last, "
             "stem=WORD>STEM)";
    }
    i = end + 1;
  }
  return NULL;
}

static void id_slots_grow(tt_gaz_reader *r) {
  size_t cap = r->cap_slots ? r->cap_slots * 2 : 1024;
  uint64_t *s = tt_xcalloc_table(cap, sizeof *s);
  for (size_t i = 0; i < r->cap_slots; i++) {
    if (!r->slots[i])
      continue;
    size_t h = (size_t)(r->slots[i] >> 32) & (cap - 1);
    while (s[h])
      h = (h + 1) & (cap - 1);
    s[h] = r->slots[i];
  }
  free(r->slots);
  r->slots = s;
  r->cap_slots = cap;
}

/* Finds the ID of `row`, or registers it as first seen there.  Returns its
 * number; sets *seen when it was known before. */
static uint32_t id_number(tt_gaz_reader *r, const tt_gaz_row *row, int *seen) {
  if ((r->n_ids + 1) * 2 > r->cap_slots)
    id_slots_grow(r);
  size_t len = strlen(row->id);
  uint64_t hash = tt_hash_bytes(row->id, len);
  uint64_t tag = hash >> 32;
  size_t h = (size_t)tag & (r->cap_slots - 1);
  for (; r->slots[h]; h = (h + 1) & (r->cap_slots - 1)) {
    if (r->slots[h] >> 32 != tag)
      continue;
    uint32_t i = (uint32_t)r->slots[h] - 1;
    const id_seen *e = &r->ids[i];
    if (e->hash == hash && strcmp(r->id_text.data + e->text, row->id) == 0) {
      *seen = 1;
      return i;
    }
  }
  TT_RESERVE(r->ids, r->cap_ids, r->n_ids + 1);
  id_seen *e = &r->ids[r->n_ids];
  e->hash = hash;
  e->text = r->id_text.len;
  e->file = row->file;
  e->line = row->line;
  e->type = row->type;
  tt_buf_put(&r->id_text, row->id, len + 1);
  r->slots[h] = tag << 32 | (uint64_t)(r->n_ids + 1);
  *seen = 0;
  return (uint32_t)r->n_ids++;
}

static int code_index(const char *const *codes, const char *s, size_t n) {
  for (int i = 0; codes[i]; i++)
    if (strlen(codes[i]) == n && memcmp(codes[i], s, n) == 0)
      return i;
  return -1;
}

/* Parses one row; returns NULL when good, else the problem (with details
 * in `what`). */
static const char *parse_row(const char *line, size_t n, tt_gaz_row *row,
                             row_text *t, char *what, size_t what_len) {
  const char *f[6];
  size_t fl[6], nf = 0;
  for (size_t i = 0, start = 0; i <= n; i++)
    if (i == n || line[i] == '\t') {
      if (nf == 6)
        break;
      f[nf] = line + start;
      fl[nf++] = i - start;
      start = i + 1;
    }
  what[0] = '\0';
  if (nf < 4 || nf > 5) {
    snprintf(what, what_len, "%zu", nf);
    return "wrong number of columns (want id, type, lang, form and "
           "optional attrs, separated by single TABs)";
  }
  for (size_t k = 0; k < 4; k++)
    if (fl[k] == 0)
      return k == 0 ? "empty id" : k == 1 ? "empty type" : k == 2 ? "empty lang"
                                                                 : "empty form";
  if (!valid_id(f[0], fl[0])) {
    snprintf(what, what_len, "%.*s", (int)(fl[0] > 60 ? 60 : fl[0]), f[0]);
    return "bad id (a Wikidata QID like Q212, or a slug of ASCII letters, "
           "digits and '-', starting with a letter)";
  }
  int type = code_index(type_codes, f[1], fl[1]);
  if (type < 0) {
    snprintf(what, what_len, "%.*s", (int)(fl[1] > 20 ? 20 : fl[1]), f[1]);
    return "unknown type (PER, LOC or ORG)";
  }
  int lang = code_index(lang_codes, f[2], fl[2]);
  if (lang < 0) {
    snprintf(what, what_len, "%.*s", (int)(fl[2] > 20 ? 20 : fl[2]), f[2]);
    return "unknown language (en, uk or ru)";
  }
  const char *fp = form_problem(f[3], fl[3]);
  if (fp)
    return fp;
  const char *ap = parse_attrs(nf == 5 ? f[4] : "", nf == 5 ? fl[4] : 0, row,
                               t, what, what_len);
  if (ap)
    return ap;
  t->id = f[0];
  t->id_len = fl[0];
  t->form = f[3];
  t->form_len = fl[3];
  row->type = (uint8_t)(TEITAG_TYPE_PER + type);
  row->lang = (uint8_t)(TEITAG_LANG_EN + lang);
  return NULL;
}

/* A lexicon row: name <TAB> gender <TAB> attrs, in the file's language. */
static const char *parse_lexicon_row(const char *line, size_t n, int lang,
                                     tt_gaz_row *row, row_text *t, char *what,
                                     size_t what_len) {
  const char *f[4];
  size_t fl[4], nf = 0;
  for (size_t i = 0, start = 0; i <= n; i++)
    if (i == n || line[i] == '\t') {
      if (nf == 4)
        break;
      f[nf] = line + start;
      fl[nf++] = i - start;
      start = i + 1;
    }
  what[0] = '\0';
  if (nf < 2 || nf > 3) {
    snprintf(what, what_len, "%zu", nf);
    return "wrong number of columns (a lexicon row is name, gender and "
           "optional attrs)";
  }
  const char *fp = form_problem(f[0], fl[0]);
  if (fp)
    return fp;
  if (fl[1] != 1 || !strchr("mfu", f[1][0]))
    return "gender must be m, f or u";
  row->flags = 0;
  const char *attrs = nf == 3 && !(fl[2] == 1 && f[2][0] == '-') ? f[2] : "";
  size_t attrs_len = attrs[0] ? fl[2] : 0;
  for (size_t i = 0; i < attrs_len;) {
    const char *semi = memchr(attrs + i, ';', attrs_len - i);
    size_t end = semi ? (size_t)(semi - attrs) : attrs_len;
    if (end - i == 6 && memcmp(attrs + i, "common", 6) == 0)
      row->flags |= TT_LEX_COMMON;
    else if (end - i == 5 && memcmp(attrs + i, "dimin", 5) == 0)
      row->flags |= TT_LEX_DIMIN;
    i = end + 1;
  }
  const char *ap = parse_attrs(attrs, attrs_len, row, t, what, what_len);
  if (ap)
    return ap;
  row->attrs.given = 1;
  if (f[1][0] != 'u')
    row->attrs.gender = f[1][0];
  row->gender = (uint8_t)f[1][0];
  t->id = "";
  t->id_len = 0;
  t->form = f[0];
  t->form_len = fl[0];
  row->type = TT_GZ_TYPE_GIVEN;
  row->lang = (uint8_t)lang;
  return NULL;
}

/* "#teitag lexicon given-names LANG" on the first line makes a file a
 * given-name lexicon; returns its language, or 0. */
static int lexicon_language(const char *data, size_t len) {
  static const char tag[] = "#teitag lexicon given-names ";
  size_t n = sizeof tag - 1;
  if (len < n + 2 || memcmp(data, tag, n) != 0)
    return 0;
  for (int l = 0; lang_codes[l]; l++)
    if (memcmp(data + n, lang_codes[l], 2) == 0)
      return TEITAG_LANG_EN + l;
  return 0;
}

/* Points the row's strings at NUL-terminated copies in the reader's
 * scratch buffer: the line they came from is not NUL-terminated. */
static void row_strings(tt_gaz_reader *r, tt_gaz_row *row, const row_text *t) {
  tt_buf *b = &r->scratch;
  tt_buf_clear(b);
  tt_buf_reserve(b, t->id_len + t->form_len + t->stems_len + 3);
  tt_buf_put(b, t->id, t->id_len);
  tt_buf_putc(b, '\0');
  tt_buf_put(b, t->form, t->form_len);
  tt_buf_putc(b, '\0');
  tt_buf_put(b, t->stems, t->stems_len);
  tt_buf_putc(b, '\0');
  row->id = b->data;
  row->form = b->data + t->id_len + 1;
  row->stems_buf = NULL;
  if (t->stems) {
    row->attrs.stems = row->form + t->form_len + 1;
    row->attrs.stems_len = t->stems_len;
  }
}

/* Checks one line (without its newline) of the file being read and hands
 * a good row on. */
static void read_line(tt_gaz_reader *r, const char *line, size_t n) {
  const char *file = r->files[r->file];
  r->line_no++;
  if (n && line[n - 1] == '\r')
    n--;
  size_t blank = 0;
  while (blank < n && (line[blank] == ' ' || line[blank] == '\t'))
    blank++;
  if (blank == n || line[0] == '#')
    return;
  size_t invalid = tt_utf8_check((const unsigned char *)line, n);
  if (invalid != n) {
    report_fmt(r->report, r->ctx, file, r->line_no,
               "invalid UTF-8 at byte %zu of the line", invalid + 1);
    r->bad++;
    return;
  }
  tt_gaz_row row;
  memset(&row, 0, sizeof row);
  row_text t;
  memset(&t, 0, sizeof t);
  char what[128];
  const char *problem =
      r->lexicon ? parse_lexicon_row(line, n, r->lexicon, &row, &t, what, sizeof what)
                 : parse_row(line, n, &row, &t, what, sizeof what);
  if (problem) {
    if (what[0])
      report_fmt(r->report, r->ctx, file, r->line_no, "%s: %s", problem, what);
    else
      report_fmt(r->report, r->ctx, file, r->line_no, "%s", problem);
    r->bad++;
    return;
  }
  row_strings(r, &row, &t);
  row.file = r->file;
  row.line = (uint32_t)r->line_no;
  row.id_index = UINT32_MAX;
  if (!r->lexicon) {
    int seen;
    row.id_index = id_number(r, &row, &seen);
    const id_seen *f = &r->ids[row.id_index];
    if (seen && f->type != row.type) {
      report_fmt(r->report, r->ctx, file, r->line_no,
                 "id %s is %s here but %s at %s:%u (one ID, one type)", row.id,
                 teitag_type_name((teitag_type)row.type),
                 teitag_type_name((teitag_type)f->type), r->files[f->file],
                 f->line);
      r->bad++;
      return;
    }
  }
  if (r->on_row)
    r->on_row(r->row_ctx, &row);
}

tt_gaz_reader *tt_gaz_reader_new(tt_gaz_row_fn on_row, void *row_ctx,
                                 tt_gaz_report_fn report, void *ctx) {
  tt_chars_init();
  tt_gaz_reader *r = tt_xcalloc(1, sizeof *r);
  r->on_row = on_row;
  r->row_ctx = row_ctx;
  r->report = report;
  r->ctx = ctx;
  return r;
}

void tt_gaz_reader_free(tt_gaz_reader *r) {
  if (!r)
    return;
  for (size_t i = 0; i < r->n_files; i++)
    free(r->files[i]);
  free(r->files);
  free(r->ids);
  free(r->slots);
  tt_buf_free(&r->id_text);
  tt_buf_free(&r->scratch);
  free(r);
}

size_t tt_gaz_reader_problems(const tt_gaz_reader *r) { return r->bad; }

/* Starts a file: `data` holds at least its first bytes (all of them when
 * it is shorter than the lexicon tag); returns where its first line
 * starts. */
static size_t begin_file(tt_gaz_reader *r, const char *file, const char *data,
                         size_t len) {
  TT_RESERVE(r->files, r->cap_files, r->n_files + 1);
  r->file = (uint32_t)r->n_files;
  r->files[r->n_files++] = tt_xstrdup(file);
  r->line_no = 0;
  r->lexicon = lexicon_language(data, len);
  return len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; /* a BOM is tolerated */
}

/* Reads the complete lines of data[pos, len); returns where the first
 * incomplete one starts. */
static size_t read_lines(tt_gaz_reader *r, const char *data, size_t pos,
                         size_t len) {
  while (pos < len) {
    const char *nl = memchr(data + pos, '\n', len - pos);
    if (!nl)
      break;
    read_line(r, data + pos, (size_t)(nl - data) - pos);
    pos = (size_t)(nl - data) + 1;
  }
  return pos;
}

size_t tt_gaz_reader_parse(tt_gaz_reader *r, const char *file, const char *data,
                           size_t len) {
  size_t bad = r->bad;
  size_t pos = read_lines(r, data, begin_file(r, file, data, len), len);
  if (pos < len)
    read_line(r, data + pos, len - pos); /* the last line has no newline */
  return r->bad - bad;
}

size_t tt_gaz_reader_read(tt_gaz_reader *r, const char *path) {
  size_t bad = r->bad;
  FILE *f = fopen(path, "rb");
  if (!f) {
    report_fmt(r->report, r->ctx, path, 0, "cannot open: %s", strerror(errno));
    return ++r->bad - bad;
  }
  /* Pieces of 1 MiB; a line that crosses a piece moves to the front. */
  enum { PIECE = 1 << 20 };
  tt_buf b = {NULL, 0, 0};
  size_t n, pos = 0;
  int started = 0;
  do {
    tt_buf_reserve(&b, PIECE);
    n = fread(b.data + b.len, 1, PIECE, f);
    b.len += n;
    if (!started) {
      pos = begin_file(r, path, b.data, b.len);
      started = 1;
    }
    pos = read_lines(r, b.data, pos, b.len);
    memmove(b.data, b.data + pos, b.len - pos);
    b.len -= pos;
    pos = 0;
  } while (n == PIECE);
  if (ferror(f)) {
    report_fmt(r->report, r->ctx, path, 0, "read error");
    r->bad++;
  } else if (b.len) {
    read_line(r, b.data, b.len);
  }
  fclose(f);
  tt_buf_free(&b);
  return r->bad - bad;
}

/* ---- rows kept in memory ------------------------------------------------- */

static void keep_row(void *ctx, const tt_gaz_row *row) {
  tt_gaz_rows *rows = ctx;
  TT_RESERVE(rows->rows, rows->cap, rows->n + 1);
  tt_gaz_row *r = &rows->rows[rows->n++];
  *r = *row;
  r->id = tt_xstrdup(row->id);
  r->form = tt_xstrdup(row->form);
  if (row->attrs.stems) {
    r->stems_buf = tt_xstrndup(row->attrs.stems, row->attrs.stems_len);
    r->attrs.stems = r->stems_buf;
  }
}

/* A reader that appends to `rows` and knows the files and IDs already in
 * them, so that IDs keep their numbers and conflicts span calls. */
static tt_gaz_reader *reader_for(tt_gaz_rows *rows, tt_gaz_report_fn report,
                                 void *ctx) {
  tt_gaz_reader *r = tt_gaz_reader_new(keep_row, rows, report, ctx);
  for (size_t i = 0; i < rows->n_files; i++) {
    TT_RESERVE(r->files, r->cap_files, r->n_files + 1);
    r->files[r->n_files++] = tt_xstrdup(rows->files[i]);
  }
  for (size_t i = 0; i < rows->n; i++)
    if (rows->rows[i].type != TT_GZ_TYPE_GIVEN) {
      int seen;
      id_number(r, &rows->rows[i], &seen);
    }
  return r;
}

/* Copies the reader's file names that `rows` does not have yet. */
static void take_files(tt_gaz_rows *rows, const tt_gaz_reader *r) {
  for (size_t i = rows->n_files; i < r->n_files; i++) {
    TT_RESERVE(rows->files, rows->cap_files, rows->n_files + 1);
    rows->files[rows->n_files++] = tt_xstrdup(r->files[i]);
  }
}

size_t tt_gaz_parse(tt_gaz_rows *rows, const char *file, const char *data,
                    size_t len, tt_gaz_report_fn report, void *ctx) {
  tt_gaz_reader *r = reader_for(rows, report, ctx);
  size_t bad = tt_gaz_reader_parse(r, file, data, len);
  take_files(rows, r);
  tt_gaz_reader_free(r);
  return bad;
}

void tt_gaz_rows_free(tt_gaz_rows *rows) {
  for (size_t i = 0; i < rows->n; i++) {
    free(rows->rows[i].id);
    free(rows->rows[i].form);
    free(rows->rows[i].stems_buf);
  }
  for (size_t i = 0; i < rows->n_files; i++)
    free(rows->files[i]);
  free(rows->rows);
  free(rows->files);
  memset(rows, 0, sizeof *rows);
}
