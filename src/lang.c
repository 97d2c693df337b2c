/* SPDX-License-Identifier: MIT
 *
 * lang.c -- English, Ukrainian or Russian, per document and per paragraph.
 *
 * The three languages differ in script and, between the two Cyrillic
 * ones, in letters that only one of them uses: і ї є ґ are Ukrainian,
 * ы э ъ ё Russian.  Counting those is faster than n-gram models and, on
 * news, as accurate: Ukrainian prose has an і in almost every sentence.
 * Function words break ties in short Cyrillic text without such letters.
 */
#include "config.h"

#include <string.h>

#include "private.h"

typedef tt_lang_counts counts;

/* Which letters of U+0400..U+04FF only one language uses: 1 Ukrainian,
 * 2 Russian.  A table rather than sixteen comparisons per Cyrillic letter:
 * this runs for every letter of every text. */
const unsigned char tt_lang_only_in[256] = {
    [0x56] = 1, [0x57] = 1, [0x54] = 1, [0x91] = 1, /* і ї є ґ */
    [0x06] = 1, [0x07] = 1, [0x04] = 1, [0x90] = 1, /* І Ї Є Ґ */
    [0x4B] = 2, [0x4D] = 2, [0x4A] = 2, [0x51] = 2, /* ы э ъ ё */
    [0x2B] = 2, [0x2D] = 2, [0x2A] = 2, [0x01] = 2, /* Ы Э Ъ Ё */
};

/* Short words that are common in one language and absent from the other
 * (as whole words), in lower case, with their lengths: word_in runs for
 * most Cyrillic words, and every one starts with the byte 0xD0 or 0xD1,
 * so comparing lengths first is what keeps it cheap. */
typedef struct {
  const char *w;
  size_t len;
} lang_word;
#define LW(s) {s, sizeof(s) - 1}
static const lang_word uk_words[] = {
    LW("та"), LW("що"), LW("як"), LW("це"), LW("він"), LW("вона"),
    LW("від"), LW("щоб"), LW("але"), LW("або"), LW("чи"), {NULL, 0}};
static const lang_word ru_words[] = {
    LW("и"), LW("что"), LW("как"), LW("это"), LW("он"), LW("она"),
    LW("от"), LW("чтобы"), LW("но"), LW("или"), LW("ли"), {NULL, 0}};

/* The second byte (the first letter's) is compared before memcmp is
 * called: lengths alone let a third of the words through to it. */
static int word_in(const lang_word *list, const char *w, size_t n) {
  for (size_t i = 0; list[i].w; i++)
    if (list[i].len == n && list[i].w[1] == w[1] &&
        memcmp(list[i].w, w, n) == 0)
      return 1;
  return 0;
}

/* A bit per key hash of every listed word: the tokenizer asks about each
 * lower-case Cyrillic word, and the hash it already has turns nearly all
 * of them away before the lists are searched. */
uint64_t tt_lang_word_filter[64];

static void filter_add(const lang_word *list) {
  tt_buf key = {NULL, 0, 0};
  for (size_t i = 0; list[i].w; i++) {
    tt_buf_clear(&key);
    uint64_t h = tt_key_append_hashed(&key, list[i].w, list[i].len);
    tt_bit_set(tt_lang_word_filter, h & 4095);
  }
  tt_buf_free(&key);
}

void tt_lang_build_word_filter(void) {
  filter_add(uk_words);
  filter_add(ru_words);
}

void tt_lang_count_word(const char *w, size_t n, counts *c) {
  if (n > 10 || n < 2) /* every listed word has 2 to 10 bytes */
    return;
  c->uk_words += word_in(uk_words, w, n);
  c->ru_words += word_in(ru_words, w, n);
}

/* Where the count is: outside a word, inside a word of lower-case
 * Cyrillic letters only (which may be a function word), or inside any
 * other word.  A word is a run of letters. */
enum { OUTSIDE, LOWER_CYRILLIC, OTHER_WORD };

/* ASCII letters are told by a table and Cyrillic's two-byte letters are
 * decoded inline: this visits every byte of every text, and the general
 * decode-and-classify step per code point was a tenth of all the time. */
void tt_lang_count(const char *text, size_t start, size_t end, counts *c) {
  static const unsigned char ascii_letter[128] = {
      ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
      ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
      ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
      ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
      ['Y'] = 1, ['Z'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1,
      ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1,
      ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
      ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1,
      ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1};
  const unsigned char *s = (const unsigned char *)text;
  /* Local counters: the compiler keeps them in registers. */
  size_t word_start = start, latin = 0, cyrillic = 0, i = start;
  size_t only_uk = 0, only_ru = 0;
  int state = OUTSIDE;
  while (i < end) {
    unsigned b = s[i];
    if (b < 0x80) {
      if (ascii_letter[b]) {
        latin++;
        state = OTHER_WORD;
      } else {
        if (state == LOWER_CYRILLIC)
          tt_lang_count_word(text + word_start, i - word_start, c);
        state = OUTSIDE;
      }
      i++;
      continue;
    }
    uint32_t cp;
    size_t n;
    if (b == 0xD0 || b == 0xD1) { /* U+0400..U+047F */
      cp = ((b & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
      n = 2;
    } else {
      n = tt_utf8_next(s + i, &cp);
    }
    unsigned cls = tt_cp_class(cp);
    if (!(cls & TT_C_ALPHA)) {
      if (state == LOWER_CYRILLIC)
        tt_lang_count_word(text + word_start, i - word_start, c);
      state = OUTSIDE;
      i += n;
      continue;
    }
    int lower_cyrillic = 0;
    if (cls & TT_C_LATIN) {
      latin++;
    } else if (cls & TT_C_CYRILLIC) {
      cyrillic++;
      unsigned only = cp - 0x400 < 256 ? tt_lang_only_in[cp - 0x400] : 0;
      only_uk += only == 1;
      only_ru += only == 2;
      lower_cyrillic = (cls & TT_C_LOWER) != 0;
    }
    if (state == OUTSIDE) {
      word_start = i;
      state = lower_cyrillic ? LOWER_CYRILLIC : OTHER_WORD;
    } else if (!lower_cyrillic) {
      state = OTHER_WORD;
    }
    i += n;
  }
  if (state == LOWER_CYRILLIC)
    tt_lang_count_word(text + word_start, end - word_start, c);
  c->latin += (uint32_t)latin;
  c->cyrillic += (uint32_t)cyrillic;
  c->uk += (uint32_t)only_uk;
  c->ru += (uint32_t)only_ru;
}

static teitag_lang decide(const counts *c, size_t *evidence) {
  if (evidence)
    *evidence = c->latin + c->cyrillic;
  if (c->latin == 0 && c->cyrillic == 0)
    return TEITAG_LANG_AUTO;
  if (c->latin > c->cyrillic)
    return TEITAG_LANG_EN;
  /* Each distinctive letter or function word is one vote; Ukrainian і is
   * about three times as frequent as Russian ы, so weigh accordingly. */
  double uk = (double)c->uk + 2.0 * (double)c->uk_words;
  double ru = 2.5 * (double)c->ru + 2.0 * (double)c->ru_words;
  if (uk > ru)
    return TEITAG_LANG_UK;
  if (ru > uk)
    return TEITAG_LANG_RU;
  return TEITAG_LANG_AUTO;
}

teitag_lang tt_lang_guess(const char *text, size_t start, size_t end,
                          size_t *evidence) {
  counts c;
  memset(&c, 0, sizeof c);
  tt_lang_count(text, start, end, &c);
  return decide(&c, evidence);
}

static teitag_lang decide_document(const counts *c) {
  teitag_lang l = decide(c, NULL);
  if (l == TEITAG_LANG_AUTO && c->cyrillic > 0)
    l = TEITAG_LANG_RU; /* Cyrillic with no cue at all: the likelier one */
  if (l == TEITAG_LANG_AUTO)
    l = TEITAG_LANG_EN;
  return l;
}

teitag_lang tt_lang_of_text(const char *text, size_t len) {
  counts c;
  memset(&c, 0, sizeof c);
  tt_lang_count(text, 0, len, &c);
  return decide_document(&c);
}

/* The document's language is the one most of its letters are written in,
 * paragraph by paragraph, so that a Ukrainian article quoting a Russian
 * paragraph stays Ukrainian.  Paragraphs too short to tell fall back to
 * the counts of the whole text. */
void tt_lang_detect(teitag_doc *doc) {
  if (doc->lang_fixed) { /* the caller's word holds for every paragraph */
    for (size_t i = 0; i < doc->n_paras; i++)
      doc->paras[i].lang = (uint8_t)doc->lang;
    return;
  }
  counts total;
  memset(&total, 0, sizeof total);
  size_t votes[TEITAG_LANG_RU + 1] = {0};
  for (size_t i = 0; i < doc->n_paras; i++) {
    tt_para *p = &doc->paras[i];
    counts c = p->counts;
    total.latin += c.latin;
    total.cyrillic += c.cyrillic;
    total.uk += c.uk;
    total.ru += c.ru;
    total.uk_words += c.uk_words;
    total.ru_words += c.ru_words;
    size_t evidence;
    teitag_lang l = decide(&c, &evidence);
    votes[l] += evidence;
    /* A paragraph gets its own language only on clear evidence: enough
     * letters, and for Cyrillic a few distinctive ones. */
    int clear = evidence >= 20 &&
                (l == TEITAG_LANG_EN || c.uk + c.ru + c.uk_words + c.ru_words >= 3);
    p->lang = clear ? (uint8_t)l : TEITAG_LANG_AUTO;
  }
  teitag_lang best = TEITAG_LANG_AUTO;
  for (int l = TEITAG_LANG_EN; l <= TEITAG_LANG_RU; l++)
    if (votes[l] > votes[best])
      best = (teitag_lang)l;
  doc->lang = best != TEITAG_LANG_AUTO ? best : decide_document(&total);
  for (size_t i = 0; i < doc->n_paras; i++)
    if (doc->paras[i].lang == TEITAG_LANG_AUTO)
      doc->paras[i].lang = (uint8_t)doc->lang;
}
