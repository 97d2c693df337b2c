/* SPDX-License-Identifier: MIT
 *
 * validate.c -- test helper: validates XML files against a RELAX NG schema
 * with libxml2 (no network, no DTD loading), and with --paragraphs prints
 * the text of each <p> of the TEI body on its own line, so that shell
 * tests can compare it with the input.  XML_PARSE_HUGE: a paragraph of
 * a streamed input may hold a text node longer than 10 MB.
 *
 * usage: validate SCHEMA.rng FILE...        exit 0 when all validate
 *        validate --paragraphs FILE         print paragraph texts
 */
#include "config.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <stdio.h>
#include <string.h>

static int paragraphs(xmlNodePtr n, int in_body) {
  int count = 0;
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    const char *name = (const char *)n->name;
    if (in_body && strcmp(name, "p") == 0) {
      xmlChar *s = xmlNodeGetContent(n);
      printf("%s\n", (const char *)s);
      xmlFree(s);
      count++;
    } else {
      count += paragraphs(n->children, in_body || strcmp(name, "body") == 0);
    }
  }
  return count;
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "--paragraphs") == 0) {
    xmlDocPtr doc = xmlReadFile(argv[2], NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
    if (!doc)
      return 1;
    paragraphs(xmlDocGetRootElement(doc), 0);
    xmlFreeDoc(doc);
    return 0;
  }
  if (argc < 3) {
    fprintf(stderr, "usage: validate SCHEMA.rng FILE... | --paragraphs FILE\n");
    return 2;
  }
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(argv[1]);
  xmlRelaxNGPtr schema = xmlRelaxNGParse(pc);
  xmlRelaxNGFreeParserCtxt(pc);
  if (!schema) {
    fprintf(stderr, "%s: cannot load the schema\n", argv[1]);
    return 2;
  }
  int failed = 0;
  for (int i = 2; i < argc; i++) {
    xmlDocPtr doc = xmlReadFile(argv[i], NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
    int rc = -1;
    if (doc) {
      xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(schema);
      rc = xmlRelaxNGValidateDoc(v, doc);
      xmlRelaxNGFreeValidCtxt(v);
      xmlFreeDoc(doc);
    }
    if (rc != 0) {
      fprintf(stderr, "%s: does not validate against %s\n", argv[i], argv[1]);
      failed = 1;
    }
  }
  xmlRelaxNGFree(schema);
  xmlCleanupParser();
  return failed;
}
