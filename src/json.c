/* SPDX-License-Identifier: MIT
 *
 * json.c -- a small, strict JSON reader for JSONL input and gold files.
 *
 * RFC 8259 exactly: no comments, no trailing commas, no NaN; strings must
 * be valid UTF-8, escapes are decoded (\uD83D\uDE00 pairs included) and a
 * lone surrogate is an error.  Nesting is limited so that a hostile line
 * cannot exhaust the stack.  The tree lives in one arena; numbers keep their
 * literal text so that amounts are never rounded through a double.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "private.h"

#define MAX_DEPTH 64

/* Arena blocks hold the nodes and the decoded strings of one parse. */
typedef struct block {
  struct block *next;
  size_t used, cap;
  char data[];
} block;

typedef struct {
  const char *s;
  size_t len, i;
  block *arena;
  teitag_diag *diag;
  int failed;
} parser;

static void *arena_alloc(parser *p, size_t n) {
  n = (n + 15) & ~(size_t)15;
  block *b = p->arena;
  if (!b || b->used + n > b->cap) {
    size_t cap = n > 8192 ? n : 8192;
    block *nb = tt_xmalloc(sizeof *nb + cap);
    nb->next = b;
    nb->used = 0;
    nb->cap = cap;
    p->arena = nb;
    b = nb;
  }
  void *r = b->data + b->used;
  b->used += n;
  return r;
}

static void fail(parser *p, const char *what) {
  if (p->failed)
    return;
  p->failed = 1;
  tt_fail(p->diag, TEITAG_ESYNTAX, 1, p->i + 1, p->i,
          "JSON syntax error at column %zu: %s", p->i + 1, what);
}

static void skip_ws(parser *p) {
  while (p->i < p->len) {
    char c = p->s[p->i];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
      break;
    p->i++;
  }
}

static int hex4(parser *p, uint32_t *out) {
  if (p->i + 4 > p->len)
    return 0;
  uint32_t v = 0;
  for (int k = 0; k < 4; k++) {
    char c = p->s[p->i + (size_t)k];
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= (uint32_t)(c - '0');
    else if (c >= 'a' && c <= 'f')
      v |= (uint32_t)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      v |= (uint32_t)(c - 'A' + 10);
    else
      return 0;
  }
  p->i += 4;
  *out = v;
  return 1;
}

/* Parses a string at p->i (on the opening quote) into arena memory. */
static char *parse_string(parser *p, size_t *out_len) {
  p->i++; /* opening quote */
  size_t start = p->i;
  /* First pass: find the end, so the output size is bounded. */
  size_t j = start;
  while (j < p->len && p->s[j] != '"') {
    if (p->s[j] == '\\')
      j++;
    j++;
  }
  if (j >= p->len) {
    p->i = start - 1;
    fail(p, "unterminated string");
    return NULL;
  }
  char *out = arena_alloc(p, j - start + 1);
  size_t n = 0;
  while (p->s[p->i] != '"') {
    unsigned char c = (unsigned char)p->s[p->i];
    if (c < 0x20) {
      fail(p, "control character in string");
      return NULL;
    }
    if (c != '\\') {
      if (c >= 0x80) {
        size_t end = p->i;
        while (end < j && ((unsigned char)p->s[end] >= 0x80))
          end++;
        size_t ok = tt_utf8_check((const unsigned char *)p->s + p->i, end - p->i);
        if (ok != end - p->i) {
          p->i += ok;
          fail(p, "invalid UTF-8 in string");
          return NULL;
        }
        memcpy(out + n, p->s + p->i, end - p->i);
        n += end - p->i;
        p->i = end;
        continue;
      }
      out[n++] = (char)c;
      p->i++;
      continue;
    }
    p->i++;
    char e = p->s[p->i++];
    switch (e) {
    case '"': out[n++] = '"'; break;
    case '\\': out[n++] = '\\'; break;
    case '/': out[n++] = '/'; break;
    case 'b': out[n++] = '\b'; break;
    case 'f': out[n++] = '\f'; break;
    case 'n': out[n++] = '\n'; break;
    case 'r': out[n++] = '\r'; break;
    case 't': out[n++] = '\t'; break;
    case 'u': {
      uint32_t cp, lo;
      if (!hex4(p, &cp)) {
        fail(p, "bad \\u escape");
        return NULL;
      }
      if (cp >= 0xDC00 && cp <= 0xDFFF) {
        fail(p, "lone low surrogate");
        return NULL;
      }
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (p->i + 2 > p->len || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u') {
          fail(p, "lone high surrogate");
          return NULL;
        }
        p->i += 2;
        if (!hex4(p, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
          fail(p, "bad surrogate pair");
          return NULL;
        }
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
      }
      /* A \uXXXX escape is at least 6 bytes and yields at most 4. */
      n += tt_utf8_put(cp, out + n);
      break;
    }
    default:
      p->i -= 2;
      fail(p, "unknown escape");
      return NULL;
    }
  }
  p->i++; /* closing quote */
  out[n] = '\0';
  *out_len = n;
  return out;
}

static int parse_number(parser *p, tt_json *v) {
  size_t start = p->i;
  if (p->s[p->i] == '-')
    p->i++;
  if (p->i >= p->len || p->s[p->i] < '0' || p->s[p->i] > '9')
    goto bad;
  if (p->s[p->i] == '0')
    p->i++;
  else
    while (p->i < p->len && p->s[p->i] >= '0' && p->s[p->i] <= '9')
      p->i++;
  if (p->i < p->len && p->s[p->i] == '.') {
    p->i++;
    if (p->i >= p->len || p->s[p->i] < '0' || p->s[p->i] > '9')
      goto bad;
    while (p->i < p->len && p->s[p->i] >= '0' && p->s[p->i] <= '9')
      p->i++;
  }
  if (p->i < p->len && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
    p->i++;
    if (p->i < p->len && (p->s[p->i] == '+' || p->s[p->i] == '-'))
      p->i++;
    if (p->i >= p->len || p->s[p->i] < '0' || p->s[p->i] > '9')
      goto bad;
    while (p->i < p->len && p->s[p->i] >= '0' && p->s[p->i] <= '9')
      p->i++;
  }
  v->kind = TT_JSON_NUMBER;
  v->len = p->i - start;
  v->str = arena_alloc(p, v->len + 1);
  memcpy(v->str, p->s + start, v->len);
  v->str[v->len] = '\0';
  return 1;
bad:
  fail(p, "bad number");
  return 0;
}

static int literal(parser *p, const char *word) {
  size_t n = strlen(word);
  if (p->i + n <= p->len && memcmp(p->s + p->i, word, n) == 0) {
    p->i += n;
    return 1;
  }
  fail(p, "unexpected character");
  return 0;
}

static tt_json *parse_value(parser *p, int depth);

static tt_json *parse_container(parser *p, int depth, int object) {
  tt_json *v = arena_alloc(p, sizeof *v);
  memset(v, 0, sizeof *v);
  v->kind = object ? TT_JSON_OBJECT : TT_JSON_ARRAY;
  p->i++;
  skip_ws(p);
  char close = object ? '}' : ']';
  if (p->i < p->len && p->s[p->i] == close) {
    p->i++;
    return v;
  }
  tt_json **tail = &v->child;
  for (;;) {
    char *key = NULL;
    size_t key_len = 0;
    skip_ws(p);
    if (object) {
      if (p->i >= p->len || p->s[p->i] != '"') {
        fail(p, "expected a member name");
        return NULL;
      }
      key = parse_string(p, &key_len);
      if (!key)
        return NULL;
      skip_ws(p);
      if (p->i >= p->len || p->s[p->i] != ':') {
        fail(p, "expected ':'");
        return NULL;
      }
      p->i++;
    }
    tt_json *item = parse_value(p, depth + 1);
    if (!item)
      return NULL;
    item->key = key;
    item->key_len = key_len;
    *tail = item;
    tail = &item->next;
    skip_ws(p);
    if (p->i < p->len && p->s[p->i] == ',') {
      p->i++;
      continue;
    }
    if (p->i < p->len && p->s[p->i] == close) {
      p->i++;
      return v;
    }
    fail(p, object ? "expected ',' or '}'" : "expected ',' or ']'");
    return NULL;
  }
}

static tt_json *parse_value(parser *p, int depth) {
  if (depth > MAX_DEPTH) {
    fail(p, "nesting too deep");
    return NULL;
  }
  skip_ws(p);
  if (p->i >= p->len) {
    fail(p, "unexpected end of input");
    return NULL;
  }
  char c = p->s[p->i];
  if (c == '{' || c == '[')
    return parse_container(p, depth, c == '{');
  tt_json *v = arena_alloc(p, sizeof *v);
  memset(v, 0, sizeof *v);
  if (c == '"') {
    v->kind = TT_JSON_STRING;
    v->str = parse_string(p, &v->len);
    return v->str ? v : NULL;
  }
  if (c == '-' || (c >= '0' && c <= '9'))
    return parse_number(p, v) ? v : NULL;
  if (c == 't') {
    v->kind = TT_JSON_TRUE;
    return literal(p, "true") ? v : NULL;
  }
  if (c == 'f') {
    v->kind = TT_JSON_FALSE;
    return literal(p, "false") ? v : NULL;
  }
  if (c == 'n') {
    v->kind = TT_JSON_NULL;
    return literal(p, "null") ? v : NULL;
  }
  fail(p, "unexpected character");
  return NULL;
}

/* The root node is the first allocation of the newest block chain; keep
 * the chain reachable from it by storing it in a header node. */
typedef struct {
  tt_json node;
  block *arena;
} root_node;

tt_json *tt_json_parse(const char *s, size_t len, teitag_diag *diag) {
  parser p = {s, len, 0, NULL, diag, 0};
  root_node *root = arena_alloc(&p, sizeof *root);
  tt_json *v = parse_value(&p, 0);
  if (v) {
    skip_ws(&p);
    if (p.i != p.len)
      fail(&p, "text after the JSON value");
  }
  if (p.failed || !v) {
    for (block *b = p.arena; b;) {
      block *next = b->next;
      free(b);
      b = next;
    }
    return NULL;
  }
  root->node = *v;
  root->arena = p.arena;
  return &root->node;
}

void tt_json_free(tt_json *root) {
  if (!root)
    return;
  block *b = ((root_node *)(void *)root)->arena;
  while (b) {
    block *next = b->next;
    free(b);
    b = next;
  }
}

const tt_json *tt_json_get(const tt_json *obj, const char *name) {
  if (!obj || obj->kind != TT_JSON_OBJECT)
    return NULL;
  size_t n = strlen(name);
  const tt_json *found = NULL;
  for (const tt_json *m = obj->child; m; m = m->next)
    if (m->key_len == n && memcmp(m->key, name, n) == 0)
      found = m; /* the last duplicate wins, as in most readers */
  return found;
}
