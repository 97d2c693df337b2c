/* SPDX-License-Identifier: MIT
 *
 * write_tei_in.c -- a TEI input written back with its new entities.
 *
 * The parsed input tree is copied, the copy's nodes are numbered like the
 * original's (so that the document's map from text to text nodes applies
 * to it), and each entity that did not come from the input is placed by
 * tei_place.c: persName/placeName/orgName/measure, or rs with
 * TEITAG_WRITE_RS, with resp pointing at teitag's <application> in the
 * header's appInfo (added, with encodingDesc and appInfo if missing).
 * Linked entities get a standOff entry unless their id is already in the
 * document.  Everything else -- header, attributes, comments, processing
 * instructions, the DOCTYPE -- is written as libxml2 parsed it, without
 * reformatting; only lexical details change (character references become
 * characters, the output is UTF-8).
 */
#include "config.h"

#include <libxml/xmlsave.h>
#include <stdlib.h>
#include <string.h>

#include "tei.h"
#include "writer.h"

#define BAD(s) ((const xmlChar *)(s))

/* ---- header ---------------------------------------------------------- */

static xmlNodePtr child_named(xmlNodePtr parent, const char *name) {
  for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
      return c;
  return NULL;
}

static int blank_text(xmlNodePtr n) {
  if (!n || n->type != XML_TEXT_NODE)
    return 0;
  for (const xmlChar *s = n->content; s && *s; s++)
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
      return 0;
  return 1;
}

/* Puts `elem` after `after` (or last in `parent`), indented like its
 * neighbours when the parent is indented, so a pretty header stays so. */
static void insert_child(xmlNodePtr parent, xmlNodePtr after, xmlNodePtr elem) {
  xmlNodePtr indent = NULL;
  if (after && blank_text(after->prev))
    indent = after->prev;
  else if (!after && parent->children && blank_text(parent->children))
    indent = parent->children;
  if (after) {
    xmlAddNextSibling(after, elem);
  } else if (blank_text(parent->last) && parent->last != parent->children) {
    xmlAddPrevSibling(parent->last, elem);
  } else {
    xmlAddChild(parent, elem);
    indent = NULL;
  }
  if (indent)
    xmlAddPrevSibling(elem,
                      tt_xcheck(xmlNewDocText(parent->doc, indent->content)));
}

static xmlNodePtr new_child(xmlNodePtr like, const char *name) {
  return tt_xcheck(xmlNewDocNode(like->doc, like->ns, BAD(name), NULL));
}

/* The xml:id of teitag's application in the header, adding it (and the
 * encodingDesc and appInfo around it) when it is not there. */
static void ensure_application(xmlNodePtr root, const tt_tei_src *src,
                               char id[32]) {
  for (size_t i = 0; i < src->n_nodes; i++) {
    xmlNodePtr n = src->nodes[i];
    if (n->type != XML_ELEMENT_NODE ||
        strcmp((const char *)n->name, "application") != 0)
      continue;
    xmlChar *ident = xmlGetNoNsProp(n, BAD("ident"));
    xmlChar *xid = xmlGetNsProp(n, BAD("id"), XML_XML_NAMESPACE);
    int ours = ident && xid && strcmp((const char *)ident, "teitag") == 0 &&
               strlen((const char *)xid) < 32;
    if (ours)
      snprintf(id, 32, "%s", (const char *)xid);
    xmlFree(ident);
    xmlFree(xid);
    if (ours)
      return;
  }
  snprintf(id, 32, "teitag");
  for (int k = 2; tt_tei_has_id(src, id); k++)
    snprintf(id, 32, "teitag-%d", k);
  xmlNodePtr header = child_named(root, "teiHeader");
  if (!header)
    return; /* not valid TEI anyway; resp still names teitag */
  xmlNodePtr enc = child_named(header, "encodingDesc");
  if (!enc) {
    enc = new_child(header, "encodingDesc");
    insert_child(header, child_named(header, "fileDesc"), enc);
  }
  xmlNodePtr app_info = child_named(enc, "appInfo");
  if (!app_info) {
    app_info = new_child(enc, "appInfo");
    insert_child(enc, NULL, app_info);
  }
  xmlNodePtr app = new_child(app_info, "application");
  xmlSetNsProp(app,
               tt_xcheck(xmlSearchNsByHref(root->doc, root, XML_XML_NAMESPACE)),
               BAD("id"), BAD(id));
  xmlNewProp(app, BAD("ident"), BAD("teitag"));
  xmlNewProp(app, BAD("version"), BAD(teitag_version()));
  xmlNewTextChild(app, app->ns, BAD("label"), BAD("teitag"));
  insert_child(app_info, NULL, app);
}

/* ---- standOff entries --------------------------------------------------- */

typedef struct {
  char *ref;
  uint8_t type;
  char *norm[TEITAG_LANG_RU + 1];
  xmlNodePtr tei; /* the TEI element whose text names it */
  int written;
} entry;

typedef struct {
  entry *items;
  size_t n, cap;
  uint32_t *index; /* open addressing: item number + 1 */
  size_t index_cap;
} registry;

static entry *registry_find_or_add(registry *reg, const char *ref,
                                   uint8_t type) {
  if ((reg->n + 1) * 2 > reg->index_cap) {
    size_t cap = reg->index_cap ? reg->index_cap * 2 : 64;
    uint32_t *idx = tt_xcalloc(cap, sizeof *idx);
    for (size_t i = 0; i < reg->n; i++) {
      const char *r = reg->items[i].ref;
      size_t h = (size_t)tt_hash_bytes(r, strlen(r)) & (cap - 1);
      while (idx[h])
        h = (h + 1) & (cap - 1);
      idx[h] = (uint32_t)(i + 1);
    }
    free(reg->index);
    reg->index = idx;
    reg->index_cap = cap;
  }
  size_t h = (size_t)tt_hash_bytes(ref, strlen(ref)) & (reg->index_cap - 1);
  for (; reg->index[h]; h = (h + 1) & (reg->index_cap - 1))
    if (strcmp(reg->items[reg->index[h] - 1].ref, ref) == 0)
      return &reg->items[reg->index[h] - 1];
  TT_RESERVE(reg->items, reg->cap, reg->n + 1);
  entry *e = &reg->items[reg->n++];
  memset(e, 0, sizeof *e);
  e->ref = tt_xstrdup(ref);
  e->type = type;
  reg->index[h] = (uint32_t)reg->n;
  return e;
}

/* The language of the paragraph holding byte `at`. */
static unsigned lang_at(const teitag_doc *doc, uint32_t at) {
  size_t lo = 0, hi = doc->n_paras;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->paras[mid].end <= at)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < doc->n_paras ? doc->paras[lo].lang : (unsigned)doc->lang;
}

static int named(xmlNodePtr node, const char *name) {
  return node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0;
}

/* The TEI element whose standOff lists an entity placed at `placed`: the
 * nearest around it that is not itself inside a <text>.  A TEI document
 * pasted into another's body is text of the outer one, and a standOff
 * written into it would be read back as text. */
static xmlNodePtr stand_off_home(xmlNodePtr placed) {
  xmlNodePtr home = NULL;
  for (xmlNodePtr a = placed; a; a = a->parent) {
    if (named(a, "TEI") && !home)
      home = a;
    else if (home && named(a, "text"))
      home = NULL; /* that TEI is inside a text: look further out */
  }
  return home;
}

static void note_entity(registry *reg, const tt_tei_src *src,
                        const teitag_doc *doc, const tt_span *sp,
                        xmlNodePtr placed) {
  const char *ref = tt_doc_get_str(doc, sp->ref);
  if (!ref || sp->type == TEITAG_TYPE_MONEY || tt_tei_has_id(src, ref))
    return;
  entry *e = registry_find_or_add(reg, ref, sp->type);
  if (!e->tei)
    e->tei = stand_off_home(placed);
  unsigned lang = lang_at(doc, sp->start);
  if (lang > TEITAG_LANG_RU || e->norm[lang])
    return;
  const char *norm = tt_doc_get_str(doc, sp->norm);
  e->norm[lang] = norm
                      ? tt_xstrdup(norm)
                      : tt_xstrndup(doc->text + sp->start, sp->end - sp->start);
}

static void write_entries(registry *reg, xmlNodePtr tei) {
  static const struct {
    uint8_t type;
    const char *list, *item, *name;
  } kinds[] = {{TEITAG_TYPE_PER, "listPerson", "person", "persName"},
               {TEITAG_TYPE_LOC, "listPlace", "place", "placeName"},
               {TEITAG_TYPE_ORG, "listOrg", "org", "orgName"}};
  xmlNodePtr stand_off = NULL;
  xmlNsPtr xml_ns = NULL;
  for (size_t k = 0; k < 3; k++) {
    xmlNodePtr list = NULL;
    for (size_t i = 0; i < reg->n; i++) {
      entry *e = &reg->items[i];
      if (e->tei != tei || e->type != kinds[k].type)
        continue;
      e->written = 1;
      if (!stand_off) {
        stand_off = new_child(tei, "standOff");
        insert_child(tei, NULL, stand_off);
        xml_ns = tt_xcheck(xmlSearchNsByHref(tei->doc, tei, XML_XML_NAMESPACE));
      }
      if (!list)
        list = xmlNewChild(stand_off, tei->ns, BAD(kinds[k].list), NULL);
      xmlNodePtr item = xmlNewChild(list, tei->ns, BAD(kinds[k].item), NULL);
      xmlSetNsProp(item, xml_ns, BAD("id"), BAD(e->ref));
      for (int l = TEITAG_LANG_EN; l <= TEITAG_LANG_RU; l++) {
        if (!e->norm[l])
          continue;
        xmlNodePtr nm =
            xmlNewTextChild(item, tei->ns, BAD(kinds[k].name), BAD(e->norm[l]));
        xmlSetNsProp(nm, xml_ns, BAD("lang"),
                     BAD(teitag_lang_code((teitag_lang)l)));
      }
      if (e->ref[0] == 'Q' &&
          strspn(e->ref + 1, "0123456789") == strlen(e->ref + 1))
        xmlNewProp(xmlNewTextChild(item, tei->ns, BAD("idno"), BAD(e->ref)),
                   BAD("type"), BAD("wikidata"));
    }
  }
}

/* One standOff per TEI element that names linked entities (a teiCorpus
 * has several): write_entries() marks what it wrote. */
static void write_stand_offs(registry *reg) {
  for (size_t i = 0; i < reg->n; i++)
    if (reg->items[i].tei && !reg->items[i].written)
      write_entries(reg, reg->items[i].tei);
}

static void registry_free(registry *reg) {
  for (size_t i = 0; i < reg->n; i++) {
    free(reg->items[i].ref);
    for (int l = 0; l <= TEITAG_LANG_RU; l++)
      free(reg->items[i].norm[l]);
  }
  free(reg->items);
  free(reg->index);
}

/* ---- the entities -------------------------------------------------------- */

static const char *rs_type(uint8_t type) {
  switch (type) {
  case TEITAG_TYPE_PER: return "person";
  case TEITAG_TYPE_LOC: return "place";
  case TEITAG_TYPE_ORG: return "org";
  default: return "money";
  }
}

static const char *element_name(uint8_t type) {
  switch (type) {
  case TEITAG_TYPE_PER: return "persName";
  case TEITAG_TYPE_LOC: return "placeName";
  case TEITAG_TYPE_ORG: return "orgName";
  default: return "measure";
  }
}

/* The element for `sp`, with teitag's attributes, not yet linked. */
static xmlNodePtr make_entity(const teitag_doc *doc, const tt_span *sp,
                              xmlNodePtr parent, int rs, const char *app_id) {
  xmlNsPtr ns = xmlSearchNsByHref(parent->doc, parent, BAD(TT_TEI_NS));
  int money = sp->type == TEITAG_TYPE_MONEY;
  xmlNodePtr e = tt_xcheck(xmlNewDocNode(
      parent->doc, ns, BAD(rs ? "rs" : element_name(sp->type)), NULL));
  char buf[300];
  if (rs) {
    xmlNewProp(e, BAD("type"), BAD(rs_type(sp->type)));
  } else if (money) {
    xmlNewProp(e, BAD("type"), BAD("currency"));
    if (sp->amount)
      xmlNewProp(e, BAD("quantity"), BAD(tt_doc_get_str(doc, sp->amount)));
    if (sp->currency)
      xmlNewProp(e, BAD("unit"), BAD(tt_doc_get_str(doc, sp->currency)));
  }
  if (sp->ref && !money) {
    snprintf(buf, sizeof buf, "#%s", tt_doc_get_str(doc, sp->ref));
    xmlNewProp(e, BAD("ref"), BAD(buf));
  }
  if (sp->cert)
    xmlNewProp(e, BAD("cert"), BAD(teitag_cert_name((teitag_cert)sp->cert)));
  snprintf(buf, sizeof buf, "#%s", app_id);
  xmlNewProp(e, BAD("resp"), BAD(buf));
  return e;
}

/* A money range keeps its ends on a <num> inside the measure. */
static void add_range(const teitag_doc *doc, const tt_span *sp, xmlNodePtr e) {
  xmlNodePtr num = tt_xcheck(xmlNewDocNode(e->doc, e->ns, BAD("num"), NULL));
  xmlNewProp(num, BAD("type"), BAD("range"));
  xmlNewProp(num, BAD("atLeast"), BAD(tt_doc_get_str(doc, sp->amount_min)));
  xmlNewProp(num, BAD("atMost"), BAD(tt_doc_get_str(doc, sp->amount_max)));
  num->children = e->children;
  num->last = e->last;
  for (xmlNodePtr c = num->children; c; c = c->next)
    c->parent = num;
  num->parent = e;
  e->children = e->last = num;
}

static void place_entities(const teitag_doc *doc, tt_tei_map *map,
                           unsigned options, const char *app_id,
                           registry *reg) {
  const tt_tei_src *src = doc->tei;
  int rs = (options & TEITAG_WRITE_RS) != 0;
  for (size_t i = 0; i < doc->n_spans; i++) {
    const tt_span *sp = &doc->spans[i];
    tt_tei_plan plan;
    if (sp->source == src->fixed_source ||
        !tt_tei_plan_span(map, sp->start, sp->end, &plan))
      continue; /* from the input, or (after pruning) cannot happen */
    xmlNodePtr e = make_entity(doc, sp, plan.parent, rs, app_id);
    tt_tei_apply(map, &plan, e);
    if (!rs && sp->type == TEITAG_TYPE_MONEY && !sp->amount && sp->amount_min &&
        sp->amount_max)
      add_range(doc, sp, e);
    note_entity(reg, src, doc, sp, e);
  }
}

/* ---- output ----------------------------------------------------------------
 */

static int io_write(void *ctx, const char *data, int len) {
  return tt_writer_emit(ctx, data, (size_t)len) == 0 ? len : -1;
}

static int io_close(void *ctx) {
  (void)ctx;
  return 0;
}

static teitag_status save(teitag_writer *w, xmlDocPtr copy, teitag_diag *diag) {
  xmlSaveCtxtPtr sc =
      xmlSaveToIO(io_write, io_close, w, "UTF-8", XML_SAVE_AS_XML);
  if (!sc)
    return tt_fail(diag, TEITAG_ENOMEM, 0, 0, TT_NO_OFFSET,
                   "libxml2 could not create an output context");
  long rc = xmlSaveDoc(sc, copy);
  if (xmlSaveClose(sc) < 0)
    rc = -1;
  if (w->failed)
    return tt_fail(diag, TEITAG_EWRITE, 0, 0, TT_NO_OFFSET,
                   "the output refused data (disk full or pipe closed?)");
  if (rc < 0)
    return tt_fail(diag, TEITAG_EXML, 0, 0, TT_NO_OFFSET,
                   "libxml2 failed to write the TEI document");
  return TEITAG_OK;
}

teitag_status tt_tei_in_write(teitag_writer *w, const teitag_doc *doc,
                              teitag_diag *diag) {
  const tt_tei_src *src = doc->tei;
  if (w->started)
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET,
                   "a TEI document read from TEI is written on its own");
  w->started = 1;
  xmlDocPtr copy = xmlCopyDoc(src->xml, 1);
  if (!copy)
    return tt_fail(diag, TEITAG_ENOMEM, 0, 0, TT_NO_OFFSET,
                   "libxml2 could not copy the document");
  xmlNodePtr root = xmlDocGetRootElement(copy);
  xmlNodePtr *nodes =
      tt_xmalloc((src->n_nodes ? src->n_nodes : 1) * sizeof *nodes);
  teitag_status st = TEITAG_OK;
  if (tt_tei_number(root, nodes) != src->n_nodes) {
    st = tt_fail(diag, TEITAG_EXML, 0, 0, TT_NO_OFFSET,
                 "the copy of the TEI tree differs from the original");
  } else {
    char app_id[32];
    ensure_application(root, src, app_id);
    tt_tei_map map;
    tt_tei_map_init(&map, src, nodes);
    registry reg = {NULL, 0, 0, NULL, 0};
    place_entities(doc, &map, w->options, app_id, &reg);
    write_stand_offs(&reg);
    registry_free(&reg);
    tt_tei_map_free(&map);
    st = save(w, copy, diag);
  }
  free(nodes);
  xmlFreeDoc(copy);
  return st;
}
