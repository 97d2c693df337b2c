/* SPDX-License-Identifier: MIT
 *
 * read_tei.c -- an existing TEI document as a teitag document.
 *
 * The file is parsed safely (no DTD, no external entity, no network,
 * entity expansion within a budget) into a tree that the document keeps.
 * The text of each block of the body (p, head, note, ...; any element that
 * holds text directly) becomes a paragraph of the document text; inline
 * markup (hi, w, persName, ...) is read through, elements that are not
 * running text (other namespaces, choice, fw, ...) are skipped, and
 * milestones (lb, pb) count as a space.  Each text node is remembered as a
 * segment, so that an entity found in the text can later be put back into
 * the tree (tei_place.c, write_tei_in.c).  Names already in the input
 * become spans and guard their text against new entities.  This file
 * decides what the text is; it never writes output.
 */
#include "config.h"

#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

#include "tei.h"

/* ---- safe parsing ------------------------------------------------------- */

/* Entity expansion is charged against a budget of max(1 MiB, 10 x input);
 * chains of entities deeper than this are refused outright. */
#define MIN_BUDGET ((size_t)1 << 20)
#define MAX_ENTITY_DEPTH 64
#define MAX_ENTITY_DECLS 10000
#define IN_PROGRESS ((uintptr_t)-1)

typedef struct {
  teitag_diag *diag;
  teitag_status st; /* TEITAG_OK until something is refused */
  size_t budget;    /* expansion bytes still allowed */
  size_t n_decls;
} guard_state;

/* Records the first failure and stops the parser. */
static void refuse(xmlParserCtxtPtr ctxt, teitag_status st, const char *fmt,
                   const char *arg) {
  guard_state *g = ctxt->_private;
  if (g->st == TEITAG_OK) {
    size_t line = ctxt->input ? (size_t)ctxt->input->line : 0;
    size_t col = ctxt->input ? (size_t)ctxt->input->col : 0;
    char msg[200];
    snprintf(msg, sizeof msg, fmt, arg);
    g->st = tt_fail(g->diag, st, line, col, TT_NO_OFFSET,
                    "line %zu, column %zu: %s", line, col, msg);
  }
  xmlStopParser(ctxt);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type,
                           const xmlChar *public_id, const xmlChar *system_id,
                           xmlChar *content) {
  xmlParserCtxtPtr ctxt = ctx;
  guard_state *g = ctxt->_private;
  if (type != XML_INTERNAL_GENERAL_ENTITY &&
      type != XML_INTERNAL_PARAMETER_ENTITY) {
    refuse(ctxt, TEITAG_ESYNTAX,
           "the document declares the external entity '%s'; teitag never "
           "loads external entities or DTDs (XXE)",
           (const char *)name);
    return;
  }
  if (++g->n_decls > MAX_ENTITY_DECLS) {
    refuse(ctxt, TEITAG_ESYNTAX, "more than %s entity declarations", "10000");
    return;
  }
  size_t len = content ? strlen((const char *)content) : 0;
  if (len > g->budget) {
    refuse(ctxt, TEITAG_ETOOBIG,
           "entity '%s' expands beyond the limit (a \"billion laughs\" "
           "document?)",
           (const char *)name);
    return;
  }
  xmlSAX2EntityDecl(ctx, name, type, public_id, system_id, content);
}

/* Bytes that `ent` expands to, with every entity inside expanded; memoised
 * in the entity's _private field.  Returns (size_t)-1 when too deep or
 * recursive. */
static size_t expansion(xmlParserCtxtPtr ctxt, xmlEntityPtr ent, int depth) {
  uintptr_t memo = (uintptr_t)ent->_private;
  if (memo == IN_PROGRESS || depth > MAX_ENTITY_DEPTH)
    return (size_t)-1;
  if (memo)
    return (size_t)(memo - 1);
  ent->_private = (void *)IN_PROGRESS;
  size_t total = 0;
  const char *s = (const char *)ent->content;
  while (s && *s) {
    const char *amp = strchr(s, '&');
    if (!amp) {
      total += strlen(s);
      break;
    }
    total += (size_t)(amp - s) + 1;
    const char *semi = strchr(amp, ';');
    if (!semi)
      break;
    s = semi + 1;
    if (amp[1] == '#' || semi - amp > 200)
      continue;
    char name[201];
    memcpy(name, amp + 1, (size_t)(semi - amp - 1));
    name[semi - amp - 1] = '\0';
    xmlEntityPtr child = xmlSAX2GetEntity(ctxt, (const xmlChar *)name);
    if (child && child->etype == XML_INTERNAL_GENERAL_ENTITY) {
      size_t sub = expansion(ctxt, child, depth + 1);
      if (sub == (size_t)-1 || total + sub < total) {
        total = (size_t)-1;
        break;
      }
      total += sub;
    }
  }
  /* A failure stays marked, so that a second look fails the same way. */
  ent->_private = (void *)(total == (size_t)-1 ? IN_PROGRESS : total + 1);
  return total;
}

static xmlEntityPtr on_get_entity(void *ctx, const xmlChar *name) {
  xmlParserCtxtPtr ctxt = ctx;
  guard_state *g = ctxt->_private;
  xmlEntityPtr ent = xmlSAX2GetEntity(ctx, name);
  if (!ent || ent->etype != XML_INTERNAL_GENERAL_ENTITY)
    return ent;
  size_t cost = expansion(ctxt, ent, 0);
  if (cost == (size_t)-1 || cost > g->budget) {
    refuse(ctxt, TEITAG_ETOOBIG,
           "entity '%s' expands beyond the limit (a \"billion laughs\" "
           "document?)",
           (const char *)name);
    return NULL;
  }
  g->budget -= cost;
  return ent;
}

/* Nothing is ever fetched: not the external DTD subset, not an entity. */
static xmlParserInputPtr on_resolve(void *ctx, const xmlChar *public_id,
                                    const xmlChar *system_id) {
  (void)public_id;
  (void)system_id;
  (void)ctx;
  return NULL;
}

static void on_external_subset(void *ctx, const xmlChar *name,
                               const xmlChar *external_id,
                               const xmlChar *system_id) {
  (void)ctx;
  (void)name;
  (void)external_id;
  (void)system_id;
}

/* libxml2 reports errors here instead of printing them.  The first error
 * wins; a reference to an undeclared entity (only a warning when there is
 * an external DTD, which is never read) is an error too, because its text
 * would be lost. */
static void on_error(void *ctx, xmlErrorPtr err) {
  xmlParserCtxtPtr ctxt = ctx;
  guard_state *g = ctxt->_private;
  if (g->st != TEITAG_OK)
    return;
  if (err->level < XML_ERR_ERROR && err->code != XML_WAR_UNDECLARED_ENTITY)
    return;
  char msg[200];
  snprintf(msg, sizeof msg, "%s", err->message ? err->message : "error");
  size_t n = strlen(msg);
  while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
    msg[--n] = '\0';
  if (err->code == XML_WAR_UNDECLARED_ENTITY ||
      err->code == XML_ERR_UNDECLARED_ENTITY)
    snprintf(msg + n, sizeof msg - n, " (teitag does not read DTDs)");
  g->st = tt_fail(g->diag, TEITAG_ESYNTAX, (size_t)err->line, (size_t)err->int2,
                  TT_NO_OFFSET, "malformed XML at line %d, column %d: %s",
                  err->line, err->int2, msg);
}

static teitag_status parse(const char *bytes, size_t len, xmlDocPtr *out,
                           teitag_diag *diag) {
  *out = NULL;
  if (len > (size_t)0x7fffffff)
    return tt_fail(diag, TEITAG_ETOOBIG, 0, 0, TT_NO_OFFSET,
                   "XML input of %zu bytes exceeds the 2 GiB limit", len);
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt)
    return tt_fail(diag, TEITAG_ENOMEM, 0, 0, TT_NO_OFFSET,
                   "libxml2 could not create a parser");
  guard_state g = {diag, TEITAG_OK,
                   len > MIN_BUDGET / 10 ? len * 10 : MIN_BUDGET, 0};
  ctxt->_private = &g;
  ctxt->sax->entityDecl = on_entity_decl;
  ctxt->sax->getEntity = on_get_entity;
  ctxt->sax->resolveEntity = on_resolve;
  ctxt->sax->externalSubset = on_external_subset;
  ctxt->sax->serror = on_error;
  ctxt->sax->error = NULL;
  ctxt->sax->warning = NULL;
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, bytes, (int)len, "input.xml", NULL,
                                    XML_PARSE_NONET | XML_PARSE_NOENT |
                                        XML_PARSE_BIG_LINES);
  teitag_status st = g.st;
  if (st == TEITAG_OK && !doc) {
    xmlErrorPtr e = xmlCtxtGetLastError(ctxt);
    st = tt_fail(diag, TEITAG_ESYNTAX, e ? (size_t)e->line : 0,
                 e ? (size_t)e->int2 : 0, TT_NO_OFFSET, "malformed XML: %s",
                 e && e->message ? e->message : "unknown error");
  }
  xmlFreeParserCtxt(ctxt);
  if (st != TEITAG_OK) {
    xmlFreeDoc(doc);
    return st;
  }
  *out = doc;
  return TEITAG_OK;
}

/* ---- what elements are -------------------------------------------------- */

/* Element classes, by TEI local name. */
enum { C_INLINE = 0, C_BLOCK, C_NAME, C_TOKEN, C_OPAQUE, C_MILESTONE };

typedef struct {
  const char *name;
  int cls;
} element_class;

/* Sorted by name for bsearch.  Anything not listed is inline markup or a
 * container, which becomes a block when it holds text directly. */
static const element_class classes[] = {
    {"ab", C_BLOCK},        {"addName", C_NAME},    {"alt", C_OPAQUE},
    {"altGrp", C_OPAQUE},   {"app", C_OPAQUE},      {"bloc", C_NAME},
    {"byline", C_BLOCK},    {"c", C_TOKEN},         {"caption", C_BLOCK},
    {"castItem", C_BLOCK},  {"cb", C_MILESTONE},    {"cell", C_BLOCK},
    {"choice", C_OPAQUE},   {"code", C_OPAQUE},     {"country", C_NAME},
    {"date", C_NAME},       {"dateline", C_BLOCK},  {"district", C_NAME},
    {"docAuthor", C_BLOCK}, {"docDate", C_BLOCK},   {"docImprint", C_BLOCK},
    {"eg", C_OPAQUE},       {"egXML", C_OPAQUE},    {"figDesc", C_BLOCK},
    {"forename", C_NAME},   {"formula", C_OPAQUE},  {"fw", C_OPAQUE},
    {"gap", C_MILESTONE},   {"gb", C_MILESTONE},    {"genName", C_NAME},
    {"geogName", C_NAME},   {"head", C_BLOCK},      {"idno", C_NAME},
    {"index", C_OPAQUE},    {"interp", C_OPAQUE},   {"interpGrp", C_OPAQUE},
    {"item", C_BLOCK},      {"l", C_BLOCK},         {"label", C_BLOCK},
    {"lb", C_MILESTONE},    {"link", C_OPAQUE},     {"linkGrp", C_OPAQUE},
    {"measure", C_NAME},    {"measureGrp", C_NAME}, {"milestone", C_MILESTONE},
    {"mw", C_TOKEN},        {"name", C_NAME},       {"nameLink", C_NAME},
    {"note", C_BLOCK},      {"num", C_NAME},        {"orgName", C_NAME},
    {"p", C_BLOCK},         {"pb", C_MILESTONE},    {"pc", C_TOKEN},
    {"persName", C_NAME},   {"placeName", C_NAME},  {"region", C_NAME},
    {"roleName", C_NAME},   {"rs", C_NAME},         {"salute", C_BLOCK},
    {"settlement", C_NAME}, {"signed", C_BLOCK},    {"space", C_MILESTONE},
    {"span", C_OPAQUE},     {"spanGrp", C_OPAQUE},  {"speaker", C_BLOCK},
    {"stage", C_BLOCK},     {"subst", C_OPAQUE},    {"surname", C_NAME},
    {"time", C_NAME},       {"title", C_NAME},      {"titlePart", C_BLOCK},
    {"trailer", C_BLOCK},   {"w", C_TOKEN},
};

static int by_name(const void *key, const void *elem) {
  return strcmp(key, ((const element_class *)elem)->name);
}

static int is_tei(xmlNodePtr n, int has_ns) {
  if (n->type != XML_ELEMENT_NODE)
    return 0;
  if (n->ns)
    return n->ns->href && strcmp((const char *)n->ns->href, TT_TEI_NS) == 0;
  return !has_ns;
}

static int tei_named(xmlNodePtr n, int has_ns, const char *name) {
  return is_tei(n, has_ns) && strcmp((const char *)n->name, name) == 0;
}

static int class_of(xmlNodePtr n, int has_ns) {
  if (!is_tei(n, has_ns))
    return C_OPAQUE; /* another vocabulary: not running text */
  const element_class *c =
      bsearch(n->name, classes, sizeof classes / sizeof *classes,
              sizeof *classes, by_name);
  return c ? c->cls : C_INLINE;
}

/* ---- names already in the input --------------------------------------- */

/* The attribute `name` (no namespace) as a new string, or NULL. */
static char *attr(xmlNodePtr n, const char *name) {
  return (char *)xmlGetNoNsProp(n, (const xmlChar *)name);
}

static teitag_type type_from_word(const char *t) {
  static const struct {
    const char *word;
    teitag_type type;
  } words[] = {
      {"person", TEITAG_TYPE_PER},       {"persName", TEITAG_TYPE_PER},
      {"per", TEITAG_TYPE_PER},          {"PER", TEITAG_TYPE_PER},
      {"place", TEITAG_TYPE_LOC},        {"placeName", TEITAG_TYPE_LOC},
      {"loc", TEITAG_TYPE_LOC},          {"LOC", TEITAG_TYPE_LOC},
      {"location", TEITAG_TYPE_LOC},     {"org", TEITAG_TYPE_ORG},
      {"orgName", TEITAG_TYPE_ORG},      {"organisation", TEITAG_TYPE_ORG},
      {"organization", TEITAG_TYPE_ORG}, {"ORG", TEITAG_TYPE_ORG},
      {"money", TEITAG_TYPE_MONEY},      {"MONEY", TEITAG_TYPE_MONEY},
      {"currency", TEITAG_TYPE_MONEY}};
  for (size_t i = 0; t && i < sizeof words / sizeof *words; i++)
    if (strcmp(t, words[i].word) == 0)
      return words[i].type;
  return TEITAG_TYPE_NONE;
}

/* The entity type of a name element, or NONE (a name teitag has no type
 * for: forename, date, measure of weight, ...). */
static teitag_type name_type(xmlNodePtr n) {
  const char *e = (const char *)n->name;
  if (strcmp(e, "persName") == 0)
    return TEITAG_TYPE_PER;
  if (strcmp(e, "placeName") == 0 || strcmp(e, "geogName") == 0 ||
      strcmp(e, "settlement") == 0 || strcmp(e, "country") == 0 ||
      strcmp(e, "region") == 0 || strcmp(e, "district") == 0 ||
      strcmp(e, "bloc") == 0)
    return TEITAG_TYPE_LOC;
  if (strcmp(e, "orgName") == 0)
    return TEITAG_TYPE_ORG;
  if (strcmp(e, "rs") == 0 || strcmp(e, "name") == 0 ||
      strcmp(e, "measure") == 0) {
    char *t = attr(n, "type");
    teitag_type type = type_from_word(t);
    xmlFree(t);
    if (strcmp(e, "measure") == 0 && type != TEITAG_TYPE_MONEY)
      type = TEITAG_TYPE_NONE;
    return type;
  }
  return TEITAG_TYPE_NONE;
}

/* A name of the input, with its attributes, until the document exists. */
typedef struct {
  uint32_t start, end; /* bytes of the document text */
  uint8_t type, cert;
  char *ref, *amount, *amount_min, *amount_max, *currency; /* malloc'd */
} name_rec;

/* "#Q7747", "https://www.wikidata.org/entity/Q7747" -> "Q7747"; refs that
 * cannot be an xml:id here are dropped. */
static char *clean_ref(char *ref) {
  if (!ref)
    return NULL;
  static const char *const prefixes[] = {"#",
                                         "http://www.wikidata.org/entity/",
                                         "https://www.wikidata.org/entity/",
                                         "https://www.wikidata.org/wiki/",
                                         "wd:",
                                         NULL};
  const char *id = ref;
  for (int i = 0; prefixes[i]; i++)
    if (strncmp(ref, prefixes[i], strlen(prefixes[i])) == 0) {
      id = ref + strlen(prefixes[i]);
      break;
    }
  char *out = id != ref && tt_valid_id(id) ? tt_xstrdup(id) : NULL;
  xmlFree(ref);
  return out;
}

static int plain_decimal(const char *s) {
  if (!s || !*s)
    return 0;
  size_t i = s[0] == '-', digits = 0, dots = 0;
  if (s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9')
    return 0;
  for (; s[i]; i++) {
    if (s[i] >= '0' && s[i] <= '9')
      digits++;
    else if (s[i] != '.' || dots++)
      return 0;
  }
  return digits && s[i - 1] != '.';
}

/* Keeps a copy of `v` when it passes `ok`; frees `v` either way. */
static char *keep_if(char *v, int ok) {
  char *out = v && ok ? tt_xstrdup(v) : NULL;
  xmlFree(v);
  return out;
}

static int currency_code(const char *s) {
  return s && strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
         s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z';
}

static void read_name_attrs(xmlNodePtr n, name_rec *r) {
  char *cert = attr(n, "cert");
  r->cert = !cert                         ? TEITAG_CERT_NONE
            : strcmp(cert, "high") == 0   ? TEITAG_CERT_HIGH
            : strcmp(cert, "medium") == 0 ? TEITAG_CERT_MEDIUM
            : strcmp(cert, "low") == 0    ? TEITAG_CERT_LOW
                                          : TEITAG_CERT_NONE;
  xmlFree(cert);
  r->ref = clean_ref(attr(n, "ref"));
  if (r->type != TEITAG_TYPE_MONEY)
    return;
  char *q = attr(n, "quantity");
  r->amount = keep_if(q, plain_decimal(q));
  char *u = attr(n, "unit");
  r->currency = keep_if(u, currency_code(u));
  for (xmlNodePtr c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE &&
        strcmp((const char *)c->name, "num") == 0) {
      char *lo = attr(c, "atLeast"), *hi = attr(c, "atMost");
      r->amount_min = keep_if(lo, plain_decimal(lo));
      r->amount_max = keep_if(hi, plain_decimal(hi));
      break;
    }
}

static void name_rec_free(name_rec *r) {
  free(r->ref);
  free(r->amount);
  free(r->amount_min);
  free(r->amount_max);
  free(r->currency);
}

/* ---- walking the body ---------------------------------------------------- */

/* A block being read: its own text until it is complete, because a block
 * met inside another (a note in a paragraph) is complete first. */
typedef struct {
  tt_buf text;
  tt_tei_seg *segs;
  size_t n_segs, cap_segs;
  name_rec *names;
  size_t n_names, cap_names;
  uint32_t *guard; /* [start, end) pairs */
  size_t n_guard, cap_guard;
  teitag_lang lang;
} block;

typedef struct {
  uint32_t start, end;
  teitag_lang lang;
} para_rec;

typedef struct {
  tt_tei_src *src;
  int has_ns;
  block *stack;
  size_t depth, cap;
  tt_buf text; /* the document text, block after block */
  tt_tei_seg *segs;
  size_t n_segs, cap_segs;
  name_rec *names;
  size_t n_names, cap_names;
  uint32_t *guard;
  size_t n_guard, cap_guard;
  para_rec *paras;
  size_t n_paras, cap_paras;
} reader;

static teitag_lang lang_of(xmlNodePtr n) {
  xmlChar *l = xmlNodeGetLang(n);
  teitag_lang out = TEITAG_LANG_AUTO;
  if (l) {
    char code[3] = {(char)(l[0] | 0x20), (char)(l[0] ? l[1] | 0x20 : 0), 0};
    int c = (!l[0] || !l[1] || (l[2] && l[2] != '-' && l[2] != '_'))
                ? -1
                : teitag_lang_from_code(code);
    out = c > 0 ? (teitag_lang)c : TEITAG_LANG_AUTO;
    xmlFree(l);
  }
  return out;
}

static void open_block(reader *r, xmlNodePtr root) {
  TT_RESERVE(r->stack, r->cap, r->depth + 1);
  block *b = &r->stack[r->depth++];
  memset(b, 0, sizeof *b);
  b->lang = lang_of(root);
  uintptr_t ord = (uintptr_t)root->_private;
  if (ord)
    r->src->node_flags[ord - 1] |= TT_NODE_ROOT;
}

static int has_text(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
      return 1;
  return 0;
}

/* Moves a complete block into the document text, if it has any text. */
static void close_block(reader *r) {
  block *b = &r->stack[--r->depth];
  if (has_text(b->text.data ? b->text.data : "", b->text.len)) {
    if (r->text.len)
      tt_buf_put(&r->text, "\n\n", 2);
    uint32_t base = (uint32_t)r->text.len;
    tt_buf_put(&r->text, b->text.data, b->text.len);
    TT_RESERVE(r->paras, r->cap_paras, r->n_paras + 1);
    r->paras[r->n_paras++] =
        (para_rec){base, base + (uint32_t)b->text.len, b->lang};
    TT_RESERVE(r->segs, r->cap_segs, r->n_segs + b->n_segs);
    for (size_t i = 0; i < b->n_segs; i++) {
      r->segs[r->n_segs] = b->segs[i];
      r->segs[r->n_segs++].start += base;
    }
    TT_RESERVE(r->guard, r->cap_guard, r->n_guard + b->n_guard);
    for (size_t i = 0; i < b->n_guard; i++)
      r->guard[r->n_guard++] = b->guard[i] + base;
    TT_RESERVE(r->names, r->cap_names, r->n_names + b->n_names);
    for (size_t i = 0; i < b->n_names; i++) {
      r->names[r->n_names] = b->names[i];
      r->names[r->n_names].start += base;
      r->names[r->n_names++].end += base;
    }
  } else {
    for (size_t i = 0; i < b->n_names; i++)
      name_rec_free(&b->names[i]);
  }
  tt_buf_free(&b->text);
  free(b->segs);
  free(b->names);
  free(b->guard);
}

static void add_text(reader *r, xmlNodePtr n) {
  block *b = &r->stack[r->depth - 1];
  size_t len = n->content ? strlen((const char *)n->content) : 0;
  if (!len)
    return;
  TT_RESERVE(b->segs, b->cap_segs, b->n_segs + 1);
  tt_tei_seg *s = &b->segs[b->n_segs++];
  s->start = (uint32_t)b->text.len;
  s->len = (uint32_t)len;
  s->node = (uint32_t)((uintptr_t)n->_private - 1);
  tt_buf_put(&b->text, (const char *)n->content, len);
}

/* A separator for a milestone or an element left out: not in any text
 * node, so no entity can start or end on it. */
static void add_separator(reader *r, const char *s) {
  if (r->depth)
    tt_buf_puts(&r->stack[r->depth - 1].text, s);
}

/* Does `n` hold text of its own, directly or through inline markup (not
 * through a block or an element that is not read)?  Inline markup counts so
 * that a block root does not change when text is wrapped in a name -- as
 * teitag's own output does: reading it back must give the same text. */
static int holds_text(const reader *r, xmlNodePtr n) {
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
        c->content &&
        has_text((const char *)c->content, strlen((const char *)c->content)))
      return 1;
    if (c->type == XML_ELEMENT_NODE) {
      int cls = class_of(c, r->has_ns);
      if (cls != C_BLOCK && cls != C_OPAQUE && cls != C_MILESTONE &&
          holds_text(r, c))
        return 1;
    }
  }
  return 0;
}

static void mark(reader *r, xmlNodePtr n, unsigned flags) {
  uintptr_t ord = (uintptr_t)n->_private;
  if (ord)
    r->src->node_flags[ord - 1] |= (uint8_t)flags;
}

static void walk_body(reader *r, xmlNodePtr node);

/* A name of the input: its text is read, guarded, and kept as a span. */
static void walk_name(reader *r, xmlNodePtr n) {
  block *b = &r->stack[r->depth - 1];
  uint32_t start = (uint32_t)b->text.len;
  walk_body(r, n);
  b = &r->stack[r->depth - 1]; /* the stack may have moved */
  uint32_t end = (uint32_t)b->text.len;
  if (end <= start)
    return;
  TT_RESERVE(b->guard, b->cap_guard, b->n_guard + 2);
  b->guard[b->n_guard++] = start;
  b->guard[b->n_guard++] = end;
  teitag_type type = name_type(n);
  if (type == TEITAG_TYPE_NONE)
    return;
  TT_RESERVE(b->names, b->cap_names, b->n_names + 1);
  name_rec *rec = &b->names[b->n_names++];
  memset(rec, 0, sizeof *rec);
  rec->start = start;
  rec->end = end;
  rec->type = (uint8_t)type;
  read_name_attrs(n, rec);
}

static void walk_element(reader *r, xmlNodePtr c) {
  int cls = class_of(c, r->has_ns);
  switch (cls) {
  case C_OPAQUE:
    mark(r, c, TT_NODE_OPAQUE);
    add_separator(r, " ");
    return;
  case C_MILESTONE: {
    char *brk = attr(c, "break");
    add_separator(r, brk && strcmp(brk, "no") == 0 ? "" : " ");
    xmlFree(brk);
    return;
  }
  case C_BLOCK:
    mark(r, c, TT_NODE_BLOCK);
    add_separator(r, " ");
    open_block(r, c);
    walk_body(r, c);
    close_block(r);
    return;
  default: break;
  }
  if (cls == C_NAME)
    mark(r, c, TT_NODE_NAME);
  else if (cls == C_TOKEN)
    mark(r, c, TT_NODE_TOKEN);
  int opened = 0;
  if (!r->depth && holds_text(r, c)) { /* text outside any block: a block */
    open_block(r, c);
    opened = 1;
  }
  if (!r->depth)
    walk_body(r, c); /* a container: blocks may be inside */
  else if (cls == C_NAME)
    walk_name(r, c);
  else
    walk_body(r, c);
  if (opened)
    close_block(r);
}

/* Reads the children of `node`, inside <body>. */
static void walk_body(reader *r, xmlNodePtr node) {
  for (xmlNodePtr c = node->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (r->depth)
        add_text(r, c);
    } else if (c->type == XML_ELEMENT_NODE) {
      walk_element(r, c);
    }
  }
}

/* Finds each <body> of a <text> (also inside <group> and teiCorpus). */
static void find_bodies(reader *r, xmlNodePtr node) {
  for (xmlNodePtr c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || !is_tei(c, r->has_ns))
      continue;
    if (strcmp((const char *)c->name, "teiHeader") == 0 ||
        strcmp((const char *)c->name, "standOff") == 0)
      continue;
    if (strcmp((const char *)c->name, "body") == 0 && c->parent &&
        tei_named(c->parent, r->has_ns, "text")) {
      int opened = 0;
      if (holds_text(r, c)) {
        open_block(r, c);
        opened = 1;
      }
      walk_body(r, c);
      if (opened)
        close_block(r);
    } else {
      find_bodies(r, c);
    }
  }
}

/* ---- the set of xml:id values -----------------------------------------------
 */

static void ids_insert(char **table, size_t cap, char *id) {
  size_t h = (size_t)tt_hash_bytes(id, strlen(id)) & (cap - 1);
  while (table[h]) {
    if (strcmp(table[h], id) == 0) {
      free(id);
      return;
    }
    h = (h + 1) & (cap - 1);
  }
  table[h] = id;
}

static void ids_add(tt_tei_src *src, const char *id) {
  if ((src->n_ids + 1) * 2 > src->ids_cap) {
    size_t cap = src->ids_cap ? src->ids_cap * 2 : 64;
    char **table = tt_xcalloc(cap, sizeof *table);
    for (size_t i = 0; i < src->ids_cap; i++)
      if (src->ids[i])
        ids_insert(table, cap, src->ids[i]);
    free(src->ids);
    src->ids = table;
    src->ids_cap = cap;
  }
  if (!tt_tei_has_id(src, id)) {
    ids_insert(src->ids, src->ids_cap, tt_xstrdup(id));
    src->n_ids++;
  }
}

int tt_tei_has_id(const tt_tei_src *src, const char *id) {
  if (!src->ids_cap)
    return 0;
  size_t h = (size_t)tt_hash_bytes(id, strlen(id)) & (src->ids_cap - 1);
  for (; src->ids[h]; h = (h + 1) & (src->ids_cap - 1))
    if (strcmp(src->ids[h], id) == 0)
      return 1;
  return 0;
}

static void collect_id(tt_tei_src *src, xmlNodePtr n) {
  xmlChar *id = xmlGetNsProp(n, (const xmlChar *)"id", XML_XML_NAMESPACE);
  if (id) {
    ids_add(src, (const char *)id);
    xmlFree(id);
  }
}

/* ---- numbering
 * --------------------------------------------------------------- */

size_t tt_tei_number(xmlNodePtr root, xmlNodePtr *nodes) {
  size_t n = 0;
  xmlNodePtr cur = root->children;
  while (cur && cur != root) {
    if (nodes)
      nodes[n] = cur;
    cur->_private = (void *)(uintptr_t)(n + 1);
    n++;
    /* Only elements are entered: an entity reference's children belong
     * to the entity declaration. */
    if (cur->type == XML_ELEMENT_NODE && cur->children) {
      cur = cur->children;
      continue;
    }
    while (cur != root && !cur->next)
      cur = cur->parent;
    if (cur != root)
      cur = cur->next;
  }
  return n;
}

/* libxml2 writes a namespace name as it is, without escaping '&' or '<',
 * so a document declaring one with them could not be written back as
 * well-formed XML: it is refused here rather than broken later. */
static teitag_status check_namespaces(xmlNodePtr n, teitag_diag *diag) {
  for (xmlNsPtr ns = n->nsDef; ns; ns = ns->next)
    if (ns->href && strpbrk((const char *)ns->href, "&<"))
      return tt_fail(diag, TEITAG_EFORMAT, (size_t)xmlGetLineNo(n), 0,
                     TT_NO_OFFSET,
                     "line %ld: the namespace name \"%.80s\" holds '&' or "
                     "'<', which teitag cannot write back",
                     xmlGetLineNo(n), (const char *)ns->href);
  return TEITAG_OK;
}

/* Numbers the tree, and collects the xml:ids; refuses entity references
 * left in it (an entity the parser could not expand). */
static teitag_status number_tree(tt_tei_src *src, xmlNodePtr root,
                                 teitag_diag *diag) {
  src->n_nodes = tt_tei_number(root, NULL);
  src->nodes =
      tt_xmalloc((src->n_nodes ? src->n_nodes : 1) * sizeof *src->nodes);
  src->node_flags = tt_xcalloc(src->n_nodes ? src->n_nodes : 1, 1);
  tt_tei_number(root, src->nodes);
  collect_id(src, root);
  teitag_status st = check_namespaces(root, diag);
  for (size_t i = 0; i < src->n_nodes && st == TEITAG_OK; i++) {
    xmlNodePtr n = src->nodes[i];
    if (n->type == XML_ELEMENT_NODE) {
      collect_id(src, n);
      st = check_namespaces(n, diag);
    } else if (n->type == XML_ENTITY_REF_NODE)
      return tt_fail(diag, TEITAG_ESYNTAX, (size_t)xmlGetLineNo(n->parent), 0,
                     TT_NO_OFFSET,
                     "line %ld: entity &%s; is not defined (teitag does not "
                     "read DTDs)",
                     xmlGetLineNo(n->parent), (const char *)n->name);
  }
  return st;
}

/* ---- building the document -------------------------------------------------
 */

static void reader_free(reader *r) {
  while (r->depth)
    close_block(r);
  free(r->stack);
  tt_buf_free(&r->text);
  free(r->segs);
  for (size_t i = 0; i < r->n_names; i++)
    name_rec_free(&r->names[i]);
  free(r->names);
  free(r->guard);
  free(r->paras);
}

static int by_start(const void *a, const void *b) {
  const uint32_t *x = a, *y = b;
  return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* Sorts the guarded ranges and merges those that overlap or touch. */
static void merge_guards(tt_tei_src *src, uint32_t *g, size_t n_pairs) {
  if (n_pairs)
    qsort(g, n_pairs, 2 * sizeof *g, by_start);
  size_t out = 0;
  for (size_t i = 0; i < n_pairs; i++) {
    if (out && g[2 * i] <= g[2 * out - 1]) {
      if (g[2 * i + 1] > g[2 * out - 1])
        g[2 * out - 1] = g[2 * i + 1];
      continue;
    }
    g[2 * out] = g[2 * i];
    g[2 * out + 1] = g[2 * i + 1];
    out++;
  }
  src->guard = g;
  src->n_guard = out;
}

/* The paragraph holding byte `at`. */
static size_t para_at(const teitag_doc *doc, uint32_t at) {
  size_t lo = 0, hi = doc->n_paras;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->paras[mid].end <= at)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static int space_at(const teitag_doc *doc, size_t i, size_t *n) {
  uint32_t cp;
  *n = tt_utf8_next((const unsigned char *)doc->text + i, &cp);
  return (tt_cp_class(cp) & (TT_C_SPACE | TT_C_NEWLINE)) != 0;
}

/* Adds a name of the input as a span: trimmed of white space (as the
 * editors do), over the tokens it covers. */
static void add_input_name(teitag_doc *doc, const name_rec *r,
                           uint32_t source) {
  size_t s = r->start, e = r->end, n;
  while (s < e && space_at(doc, s, &n))
    s += n;
  while (e > s) {
    size_t k = e - 1;
    while (k > s && ((unsigned char)doc->text[k] & 0xC0) == 0x80)
      k--;
    if (!space_at(doc, k, &n))
      break;
    e = k;
  }
  size_t p = para_at(doc, (uint32_t)s);
  if (s >= e || p == doc->n_paras || e > doc->paras[p].end)
    return;
  size_t tb = doc->paras[p].tok_begin, te = doc->paras[p].tok_end;
  /* the first token that ends after s, by bisection: a paragraph may hold
   * thousands of names, and walking from its start to each was quadratic */
  for (size_t hi = te; tb < hi;) {
    size_t mid = tb + (hi - tb) / 2;
    if (doc->toks[mid].end <= s)
      tb = mid + 1;
    else
      hi = mid;
  }
  size_t k = tb;
  while (k < te && doc->toks[k].start < e)
    k++;
  TT_RESERVE(doc->spans, doc->cap_spans, doc->n_spans + 1);
  tt_span *sp = &doc->spans[doc->n_spans];
  memset(sp, 0, sizeof *sp);
  sp->start = (uint32_t)s;
  sp->end = (uint32_t)e;
  sp->tok_begin = (uint32_t)tb;
  sp->tok_end = (uint32_t)k;
  sp->type = r->type;
  sp->cert = r->cert;
  sp->order = (uint32_t)doc->n_spans;
  doc->n_spans++;
  uint32_t ref = tt_doc_str(doc, r->ref);
  uint32_t amount = tt_doc_str(doc, r->amount);
  uint32_t amin = tt_doc_str(doc, r->amount_min);
  uint32_t amax = tt_doc_str(doc, r->amount_max);
  uint32_t cur = tt_doc_str(doc, r->currency);
  sp = &doc->spans[doc->n_spans - 1];
  sp->source = source;
  sp->ref = ref;
  sp->amount = amount;
  sp->amount_min = amin;
  sp->amount_max = amax;
  sp->currency = cur;
}

static void add_paragraph(teitag_doc *doc, const para_rec *pr) {
  TT_RESERVE(doc->paras, doc->cap_paras, doc->n_paras + 1);
  tt_para *p = &doc->paras[doc->n_paras++];
  p->start = pr->start;
  p->end = pr->end;
  p->tok_begin = (uint32_t)doc->n_toks;
  tt_tokenize(doc, pr->start, pr->end);
  p->counts = doc->tok_counts;
  p->classes = doc->tok_classes;
  p->tok_end = (uint32_t)doc->n_toks;
  p->lang = TEITAG_LANG_AUTO;
  tt_split_sentences(doc, p->tok_begin, p->tok_end);
}

/* The language: the pipeline's if it names one; else the declared
 * xml:lang of <text> and of each block where it is en/uk/ru; else
 * detected. */
static void set_languages(teitag_doc *doc, const reader *r, teitag_lang fixed,
                          teitag_lang declared) {
  doc->lang = fixed;
  doc->lang_fixed = fixed != TEITAG_LANG_AUTO;
  tt_lang_detect(doc);
  if (doc->lang_fixed)
    return;
  if (declared != TEITAG_LANG_AUTO)
    doc->lang = declared;
  for (size_t i = 0; i < doc->n_paras; i++)
    if (r->paras[i].lang != TEITAG_LANG_AUTO)
      doc->paras[i].lang = (uint8_t)r->paras[i].lang;
}

static teitag_lang declared_text_lang(xmlNodePtr root, int has_ns) {
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (tei_named(c, has_ns, "text") || tei_named(c, has_ns, "TEI"))
      return lang_of(c);
  return lang_of(root);
}

static teitag_status check_root(xmlNodePtr root, int *has_ns,
                                teitag_diag *diag) {
  if (!root)
    return tt_fail(diag, TEITAG_EFORMAT, 0, 0, TT_NO_OFFSET,
                   "not a TEI document: no root element");
  int named = strcmp((const char *)root->name, "TEI") == 0 ||
              strcmp((const char *)root->name, "teiCorpus") == 0;
  int tei_ns = root->ns && root->ns->href &&
               strcmp((const char *)root->ns->href, TT_TEI_NS) == 0;
  if (!named || (root->ns && !tei_ns))
    return tt_fail(
        diag, TEITAG_EFORMAT, (size_t)xmlGetLineNo(root), 0, TT_NO_OFFSET,
        "line %ld: not a TEI document: the root element is <%s>%s%s; "
        "expected <TEI> or <teiCorpus> in the namespace " TT_TEI_NS,
        xmlGetLineNo(root), (const char *)root->name,
        root->ns ? " in namespace " : "",
        root->ns && root->ns->href ? (const char *)root->ns->href : "");
  *has_ns = tei_ns;
  return TEITAG_OK;
}

teitag_status teitag_doc_from_tei(const teitag_pipeline *p, const char *bytes,
                                  size_t len, const char *name,
                                  teitag_doc **out, teitag_diag *diag) {
  tt_diag_clear(diag);
  if (!p || !out || (!bytes && len))
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET, "NULL argument");
  *out = NULL;
  tt_chars_init();
  xmlDocPtr xml;
  teitag_status st = parse(bytes ? bytes : "", len, &xml, diag);
  if (st != TEITAG_OK)
    return st;
  tt_tei_src *src = tt_xcalloc(1, sizeof *src);
  src->xml = xml;
  reader r;
  memset(&r, 0, sizeof r);
  r.src = src;
  xmlNodePtr root = xmlDocGetRootElement(xml);
  teitag_doc *doc = NULL;
  st = check_root(root, &r.has_ns, diag);
  if (st == TEITAG_OK)
    st = number_tree(src, root, diag);
  if (st != TEITAG_OK)
    goto fail;
  find_bodies(&r, root);
  if (r.text.len >= UINT32_MAX) {
    st = tt_fail(diag, TEITAG_ETOOBIG, 0, 0, TT_NO_OFFSET,
                 "the text of the document exceeds 4 GiB");
    goto fail;
  }
  st = tt_check_text(r.text.data ? r.text.data : "", r.text.len, 0, diag);
  if (st != TEITAG_OK)
    goto fail;
  doc = tt_doc_new(r.text.data ? r.text.data : "", r.text.len, name);
  doc->pipeline = p;
  for (size_t i = 0; i < r.n_paras; i++)
    add_paragraph(doc, &r.paras[i]);
  set_languages(doc, &r, p->lang, declared_text_lang(root, r.has_ns));
  src->segs = r.segs;
  src->n_segs = r.n_segs;
  r.segs = NULL;
  merge_guards(src, r.guard, r.n_guard / 2);
  r.guard = NULL;
  src->fixed_source = tt_doc_str(doc, "tei-input");
  for (size_t i = 0; i < r.n_names; i++)
    add_input_name(doc, &r.names[i], src->fixed_source);
  doc->tei = src;
  doc->input_bytes = len;
  snprintf(doc->encoding, sizeof doc->encoding, "TEI XML, %s",
           xml->encoding ? (const char *)xml->encoding : "UTF-8");
  tt_sha256 sha;
  tt_sha256_init(&sha);
  tt_sha256_update(&sha, bytes ? bytes : "", len);
  tt_sha256_final(&sha, doc->sha256);
  doc->has_sha256 = 1;
  tt_resolve(doc, (p->flags & TEITAG_PIPE_NESTED) != 0, TEITAG_CERT_NONE);
  reader_free(&r);
  *out = doc;
  return TEITAG_OK;
fail:
  reader_free(&r);
  tt_tei_src_free(src);
  teitag_doc_free(doc);
  return st;
}

/* ---- keeping only what can be written back ------------------------------ */

void tt_tei_prune(teitag_doc *doc) {
  tt_tei_src *src = doc->tei;
  tt_tei_map m;
  tt_tei_map_init(&m, src, src->nodes);
  size_t n = 0;
  for (size_t i = 0; i < doc->n_spans; i++) {
    const tt_span *sp = &doc->spans[i];
    tt_tei_plan plan;
    int keep = sp->source == src->fixed_source ||
               (!tt_tei_guarded(src, sp->start, sp->end) &&
                tt_tei_plan_span(&m, sp->start, sp->end, &plan));
    if (keep)
      doc->spans[n++] = *sp;
  }
  doc->n_spans = n;
  tt_tei_map_free(&m);
}

void tt_tei_src_free(tt_tei_src *src) {
  if (!src)
    return;
  xmlFreeDoc(src->xml);
  free(src->nodes);
  free(src->node_flags);
  free(src->segs);
  free(src->guard);
  for (size_t i = 0; i < src->ids_cap; i++)
    free(src->ids[i]);
  free(src->ids);
  free(src);
}
