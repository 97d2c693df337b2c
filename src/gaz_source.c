/* SPDX-License-Identifier: MIT
 *
 * gaz_source.c -- reading and checking gazetteer sources.
 *
 * A source is UTF-8 text, one name form per row: id, type, lang, form and
 * optional attrs, separated by single TABs, with '#' comments (format in
 * docs/gazetteers.md).  Every bad row is reported as file:line: reason and
 * skipped, so that `gazetteer check` lists all problems at once and the
 * compiler refuses exactly the same rows.  Nothing here compiles or
 * matches.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gaz.h"

/* IDs seen so far, with their type and where they first appeared, so that
 * one ID with two types is caught across files. */
typedef struct {
  uint64_t hash;
  uint32_t row; /* index of the first row with this ID, + 1 */
} id_seen;

typedef struct {
  id_seen *slots;
  size_t cap, n;
} id_table;

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

/* Parses the attrs column into `row`; returns a problem or NULL. */
static const char *parse_attrs(const char *s, size_t n, tt_gaz_row *row,
                               char *what, size_t what_len) {
  row->attrs.gender = 0;
  row->attrs.indecl = 0;
  row->attrs.soft = 0;
  row->attrs.given = 0;
  row->attrs.infl = -1;
  row->attrs.stems = NULL;
  row->attrs.stems_len = 0;
  row->stems_buf = NULL;
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
    else if (al > 5 && memcmp(a, "infl=", 5) == 0) {
      int v = 0;
      for (size_t k = 5; k < al; k++) {
        if (a[k] < '0' || a[k] > '9' || v > 100)
          return "infl= needs a number of words";
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
      if (row->stems_buf)
        return "stem= given twice";
      row->stems_buf = tt_xstrndup(a + 5, al - 5);
      row->attrs.stems = row->stems_buf;
      row->attrs.stems_len = al - 5;
    } else if ((al == 5 && memcmp(a, "alias", 5) == 0) ||
               (al == 6 && memcmp(a, "common", 6) == 0) ||
               (al == 5 && memcmp(a, "dimin", 5) == 0)) {
      /* descriptive attributes: accepted, not used by matching */
    } else {
      return "unknown attribute (known: g=m|f|n|p, indecl, soft, infl=N, "
             "stem=WORD>STEM)";
    }
    i = end + 1;
  }
  return NULL;
}

static void id_table_grow(id_table *t) {
  size_t cap = t->cap ? t->cap * 2 : 1024;
  id_seen *s = tt_xcalloc(cap, sizeof *s);
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->slots[i].row)
      continue;
    size_t h = (size_t)t->slots[i].hash & (cap - 1);
    while (s[h].row)
      h = (h + 1) & (cap - 1);
    s[h] = t->slots[i];
  }
  free(t->slots);
  t->slots = s;
  t->cap = cap;
}

/* Finds the first row with `id`, or registers row index `row`. */
static size_t id_first_row(id_table *t, const tt_gaz_rows *rows,
                           const char *id, size_t row) {
  if ((t->n + 1) * 2 > t->cap)
    id_table_grow(t);
  uint64_t hash = tt_hash_bytes(id, strlen(id));
  size_t h = (size_t)hash & (t->cap - 1);
  while (t->slots[h].row) {
    const tt_gaz_row *r = &rows->rows[t->slots[h].row - 1];
    if (t->slots[h].hash == hash && strcmp(r->id, id) == 0)
      return t->slots[h].row - 1;
    h = (h + 1) & (t->cap - 1);
  }
  t->slots[h].hash = hash;
  t->slots[h].row = (uint32_t)(row + 1);
  t->n++;
  return row;
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
                             char *what, size_t what_len) {
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
  row->attrs.infl = -1;
  row->stems_buf = NULL;
  if (nf == 5) {
    const char *ap = parse_attrs(f[4], fl[4], row, what, what_len);
    if (ap) {
      free(row->stems_buf);
      row->stems_buf = NULL;
      return ap;
    }
  } else {
    parse_attrs("", 0, row, what, what_len);
  }
  row->id = tt_xstrndup(f[0], fl[0]);
  row->type = (uint8_t)(TEITAG_TYPE_PER + type);
  row->lang = (uint8_t)(TEITAG_LANG_EN + lang);
  row->form = tt_xstrndup(f[3], fl[3]);
  return NULL;
}

/* A lexicon row: name <TAB> gender <TAB> attrs, in the file's language. */
static const char *parse_lexicon_row(const char *line, size_t n, int lang,
                                     tt_gaz_row *row, char *what,
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
  const char *ap = parse_attrs(attrs, attrs_len, row, what, what_len);
  if (ap)
    return ap;
  row->attrs.given = 1;
  if (f[1][0] != 'u')
    row->attrs.gender = f[1][0];
  row->gender = (uint8_t)f[1][0];
  row->id = tt_xstrdup("");
  row->type = TT_GZ_TYPE_GIVEN;
  row->lang = (uint8_t)lang;
  row->form = tt_xstrndup(f[0], fl[0]);
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

size_t tt_gaz_parse(tt_gaz_rows *rows, const char *file, const char *data,
                    size_t len, tt_gaz_report_fn report, void *ctx) {
  tt_chars_init();
  TT_RESERVE(rows->files, rows->cap_files, rows->n_files + 1);
  uint32_t file_index = (uint32_t)rows->n_files;
  rows->files[rows->n_files++] = tt_xstrdup(file);
  id_table ids = {NULL, 0, 0};
  for (size_t i = 0; i < rows->n; i++)
    if (rows->rows[i].type != TT_GZ_TYPE_GIVEN)
      id_first_row(&ids, rows, rows->rows[i].id, i);
  size_t bad = 0, line_no = 0;
  size_t pos = 0;
  int lexicon = lexicon_language(data, len);
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
    pos = 3; /* a BOM is tolerated */
  while (pos < len) {
    const char *nl = memchr(data + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - data) : len;
    size_t n = end - pos;
    const char *line = data + pos;
    line_no++;
    pos = end + 1;
    if (n && line[n - 1] == '\r')
      n--;
    size_t blank = 0;
    while (blank < n && (line[blank] == ' ' || line[blank] == '\t'))
      blank++;
    if (blank == n || line[0] == '#')
      continue;
    size_t invalid = tt_utf8_check((const unsigned char *)line, n);
    if (invalid != n) {
      report_fmt(report, ctx, file, line_no,
                 "invalid UTF-8 at byte %zu of the line", invalid + 1);
      bad++;
      continue;
    }
    tt_gaz_row row;
    memset(&row, 0, sizeof row);
    char what[128];
    const char *problem = lexicon ? parse_lexicon_row(line, n, lexicon, &row, what,
                                                      sizeof what)
                                  : parse_row(line, n, &row, what, sizeof what);
    if (problem) {
      if (what[0])
        report_fmt(report, ctx, file, line_no, "%s: %s", problem, what);
      else
        report_fmt(report, ctx, file, line_no, "%s", problem);
      bad++;
      continue;
    }
    row.file = file_index;
    row.line = (uint32_t)line_no;
    size_t first = lexicon ? rows->n : id_first_row(&ids, rows, row.id, rows->n);
    if (first != rows->n && rows->rows[first].type != row.type) {
      const tt_gaz_row *f = &rows->rows[first];
      report_fmt(report, ctx, file, line_no,
                 "id %s is %s here but %s at %s:%u (one ID, one type)",
                 row.id, teitag_type_name((teitag_type)row.type),
                 teitag_type_name((teitag_type)f->type), rows->files[f->file],
                 f->line);
      free(row.id);
      free(row.form);
      free(row.stems_buf);
      bad++;
      continue;
    }
    TT_RESERVE(rows->rows, rows->cap, rows->n + 1);
    rows->rows[rows->n++] = row;
  }
  free(ids.slots);
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

size_t tt_gaz_read_sources(tt_gaz_rows *rows, const char *const *paths,
                           size_t n_paths, tt_gaz_report_fn report,
                           void *ctx) {
  size_t bad = 0;
  for (size_t i = 0; i < n_paths; i++) {
    FILE *f = fopen(paths[i], "rb");
    if (!f) {
      report_fmt(report, ctx, paths[i], 0, "cannot open: %s", strerror(errno));
      bad++;
      continue;
    }
    tt_buf b = {NULL, 0, 0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
      tt_buf_put(&b, chunk, n);
    int err = ferror(f);
    fclose(f);
    if (err) {
      report_fmt(report, ctx, paths[i], 0, "read error");
      bad++;
    } else {
      bad += tt_gaz_parse(rows, paths[i], b.data ? b.data : "", b.len, report, ctx);
    }
    tt_buf_free(&b);
  }
  return bad;
}
