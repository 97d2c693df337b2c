/* SPDX-License-Identifier: MIT
 *
 * tokenize.c -- tokens with byte offsets, shape and match key; sentences.
 *
 * A token is a word (letters, with apostrophes and hyphens inside:
 * прем'єр, м’ясо, пʼять, Нью-Йорк, Ростов-на-Дону), a number (digits with
 * group and decimal separators: 1,000.50, 1 000,50, 1.000,50), a URL, an
 * e-mail address, one punctuation mark, or one symbol ($ € ₴).  Known
 * abbreviations and initials keep their dot (Mr., млн., J., U.S.), so the
 * sentence splitter never sees that dot as a full stop.  Each token gets its
 * folded match key and its hash here, once, so that annotators never fold
 * text themselves.  Nothing is allocated per token: tokens and keys go into
 * the document's growable arrays.
 */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include "private.h"
#include "wordclass.h"

static void scan_tokens(teitag_doc *doc, size_t start, size_t end);

typedef struct {
  const char *s;
  size_t len;
} tt_abbrev;
#define AB(s) {s, sizeof(s) - 1}

/* Abbreviations that keep their dot, folded, without the dot.  Those in
 * may_end can also end a sentence (AB("... worth 5 млн. Наступного дня")). */
static const tt_abbrev never_end[] = {
    /* en */
    AB("mr"), AB("mrs"), AB("ms"), AB("dr"), AB("prof"), AB("gen"), AB("col"), AB("lt"), AB("sgt"), AB("capt"), AB("maj"),
    AB("adm"), AB("gov"), AB("sen"), AB("rep"), AB("rev"), AB("st"), AB("jr"), AB("sr"), AB("mt"), AB("ft"), AB("no"),
    AB("vs"), AB("vol"), AB("fig"), AB("approx"), AB("dept"), AB("est"), AB("jan"), AB("feb"), AB("mar"), AB("apr"),
    AB("jun"), AB("jul"), AB("aug"), AB("sep"), AB("sept"), AB("oct"), AB("nov"), AB("dec"), AB("messrs"), AB("pres"),
    AB("lieut"), AB("cmdr"), AB("supt"), AB("det"), AB("insp"), AB("hon"), AB("brig"), AB("cpl"), AB("pvt"),
    /* uk */
    AB("вул"), AB("просп"), AB("пл"), AB("обл"), AB("ім"), AB("проф"), AB("акад"), AB("доц"), AB("ген"), AB("полк"),
    AB("ст"), AB("див"), AB("напр"), AB("зв"), AB("пров"), AB("бульв"), AB("смт"), AB("р-н"), AB("нар"), AB("тел"),
    AB("грам"), AB("канд"), AB("пан"), AB("д-р"), AB("мн"), AB("заст"), AB("гол"), AB("вид"), AB("ред"), AB("упор"),
    /* ru */
    AB("ул"), AB("им"), AB("см"), AB("пос"), AB("дер"), AB("наб"), AB("пер"), AB("гос"), AB("зам"), AB("пред"), AB("тов"),
    AB("гр"), AB("кв"), AB("стр"), AB("корп"), AB("изд"), AB("тт"), AB("ок"), AB("млрд."), {NULL, 0}};

static const tt_abbrev may_end[] = {
    AB("etc"), AB("al"), AB("inc"), AB("ltd"), AB("co"), AB("corp"), AB("plc"), AB("bros"),
    AB("тис"), AB("млн"), AB("млрд"), AB("трлн"), AB("грн"), AB("коп"), AB("дол"), AB("руб"), AB("тыс"), AB("долл"),
    AB("ін"), AB("рр"), AB("гг"), AB("др"), AB("пр"), {NULL, 0}};

static int in_list(const tt_abbrev *list, const char *key, size_t len) {
  for (size_t i = 0; list[i].s; i++)
    if (list[i].len == len && memcmp(list[i].s, key, len) == 0)
      return 1;
  return 0;
}

/* A bit per hash of every abbreviation in both lists: every word before a
 * dot is looked up, nearly all are no abbreviation, and scanning the lists
 * for each was 2.6% of the whole run. */
static uint64_t abbrev_filter[64];

static void add_to_filter(const tt_abbrev *list) {
  for (size_t i = 0; list[i].s; i++)
    tt_bit_set(abbrev_filter, tt_hash_bytes(list[i].s, list[i].len) & 4095);
}

static void build_abbrev_filter(void) {
  add_to_filter(never_end);
  add_to_filter(may_end);
}

static int maybe_abbrev(const char *key, size_t len) {
  return tt_bit_get(abbrev_filter, tt_hash_bytes(key, len) & 4095);
}

/* Decoding state of one position: the code point, its class, its length. */
typedef struct {
  uint32_t cp;
  unsigned cls;
  size_t n;
} cpinfo;

static inline cpinfo at(const unsigned char *s, size_t i, size_t end) {
  cpinfo c = {0, 0, 0};
  if (i >= end)
    return c;
  if (s[i] < 0x80) {
    c.cp = s[i];
    c.n = 1;
  } else {
    c.n = tt_utf8_next(s + i, &c.cp);
  }
  c.cls = tt_cp_class(c.cp);
  return c;
}

static int ascii_ieq(const unsigned char *s, size_t end, size_t i,
                     const char *lit) {
  size_t n = strlen(lit);
  if (i + n > end)
    return 0;
  for (size_t k = 0; k < n; k++) {
    unsigned char c = s[i + k];
    if (c >= 'A' && c <= 'Z')
      c = (unsigned char)(c + 32);
    if (c != (unsigned char)lit[k])
      return 0;
  }
  return 1;
}

/* The English clitics split off a word: Zelensky's -> Zelensky + 's.
 * `i` is at the apostrophe; returns 1 when what follows is 's, 'd, 'm,
 * 'll, 're or 've and then no further letter. */
static int english_clitic(const unsigned char *s, size_t i, size_t end,
                          size_t apos_len) {
  static const char *const clitics[] = {"s", "d", "m", "ll", "re", "ve", NULL};
  size_t j = i + apos_len;
  for (int k = 0; clitics[k]; k++) {
    size_t n = strlen(clitics[k]);
    if (!ascii_ieq(s, end, j, clitics[k]))
      continue;
    cpinfo after = at(s, j + n, end);
    if (!(after.cls & TT_C_ALPHA))
      return 1;
  }
  return 0;
}

/* Is the ASCII hyphen at i followed by a participle that makes an English
 * attribute of the name before it, and ends the word (Paris-based,
 * Iran-backed, London-listed)?  The name is then a token of its own, so
 * that the place or organisation in it is found: "U.S.-led" was split
 * at its full stop already. */
static int attribute_participle(const unsigned char *s, size_t i, size_t end) {
  static const char *const participles[] = {
      "based", "born", "bred", "listed", "headquartered", "registered", "owned",
      "backed", "led", "run", "controlled", "funded", "sponsored", "brokered",
      "made", "bound", NULL};
  /* in lower case only: a headline's "Employer-Sponsored" is a title */
  for (int k = 0; participles[k]; k++) {
    size_t n = strlen(participles[k]);
    if (i + 1 + n > end || memcmp(s + i + 1, participles[k], n) != 0)
      continue;
    cpinfo after = at(s, i + 1 + n, end);
    if (!(after.cls & (TT_C_ALPHA | TT_C_DIGIT | TT_C_HYPHEN | TT_C_APOS)))
      return 1;
  }
  return 0;
}

/* Scans a URL that starts at i; returns its end or i when there is none. */
static size_t scan_url(const unsigned char *s, size_t i, size_t end) {
  if (!ascii_ieq(s, end, i, "http://") && !ascii_ieq(s, end, i, "https://") &&
      !ascii_ieq(s, end, i, "ftp://") && !ascii_ieq(s, end, i, "www."))
    return i;
  size_t j = i, parens = 0;
  while (j < end) {
    cpinfo c = at(s, j, end);
    if (c.cls & (TT_C_SPACE | TT_C_NEWLINE | TT_C_BAD) || c.cp == '<' ||
        c.cp == '>' || c.cp == '"' || c.cp == 0xAB || c.cp == 0xBB ||
        c.cp == 0x201C || c.cp == 0x201D)
      break;
    if (c.cp == '(')
      parens++;
    if (c.cp == ')') {
      if (!parens)
        break;
      parens--;
    }
    j += c.n;
  }
  /* Trailing punctuation belongs to the sentence, not the URL. */
  while (j > i) {
    unsigned char last = s[j - 1];
    if (strchr(".,;:!?'", last) && last != '\0')
      j--;
    else if (j - i >= 3 && s[j - 3] == 0xE2 && s[j - 2] == 0x80 &&
             (s[j - 1] == 0x99 || s[j - 1] == 0x9D))
      j -= 3;
    else
      break;
  }
  size_t min = ascii_ieq(s, end, i, "www.") ? 5 : 8;
  return j - i > min ? j : i;
}

/* A table, not a chain of comparisons: scan_email looks at every ASCII
 * word (it cannot know before the '@'). */
static const unsigned char email_chars[256] = {
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1,
    ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
    ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1,
    ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['0'] = 1, ['1'] = 1,
    ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['.'] = 1, ['_'] = 1, ['%'] = 1, ['+'] = 1,
    ['-'] = 1};

static inline int email_char(unsigned char c) { return email_chars[c]; }

/* The offset of the first '@' in [i, end), or end. */
static size_t next_at_sign(const unsigned char *s, size_t i, size_t end) {
  const unsigned char *p = memchr(s + i, '@', end - i);
  return p ? (size_t)(p - s) : end;
}

/* Scans an e-mail address that starts at i; returns its end or i. */
static size_t scan_email(const unsigned char *s, size_t i, size_t end) {
  size_t j = i;
  while (j < end && email_char(s[j]))
    j++;
  if (j == i || j >= end || s[j] != '@' || s[j - 1] == '.')
    return i;
  size_t at_sign = j++;
  size_t dot = 0;
  while (j < end && email_char(s[j]) && s[j] != '%' && s[j] != '+') {
    if (s[j] == '.')
      dot = j;
    j++;
  }
  while (j > at_sign + 1 && (s[j - 1] == '.' || s[j - 1] == '-'))
    j--;
  dot = 0;
  for (size_t k = j; k > at_sign + 1; k--)
    if (s[k - 1] == '.') {
      dot = k - 1;
      break;
    }
  /* a domain with a dot inside, not at either end: example.org */
  if (!dot || dot == at_sign + 1 || dot + 1 >= j)
    return i;
  return j;
}

/* Letter-case bookkeeping while a word is scanned, and the word's
 * language evidence (lang.c) counted on the way. */
typedef struct {
  unsigned letters, upper, lower;
  int first_upper;      /* first letter is upper case */
  int bad_title;        /* an upper-case letter that does not start a part */
  int part_start;       /* the next letter starts a part (after - or ') */
  int not_letter;       /* a digit, mark, hyphen or apostrophe inside */
  unsigned scripts;
  unsigned latin, cyrillic, only_uk, only_ru;
} shape_acc;

static inline void shape_add(shape_acc *a, unsigned cls, uint32_t cp) {
  if (!(cls & TT_C_ALPHA)) {
    a->part_start = 0;
    a->not_letter = 1;
    return;
  }
  if (cls & TT_C_LATIN) {
    a->latin++;
  } else if (cls & TT_C_CYRILLIC) {
    unsigned only = cp - 0x400 < 256 ? tt_lang_only_in[cp - 0x400] : 0;
    a->cyrillic++;
    a->only_uk += only == 1;
    a->only_ru += only == 2;
  }
  int up = (cls & TT_C_UPPER) != 0;
  if (a->letters == 0)
    a->first_upper = up;
  else if (up && !a->part_start)
    a->bad_title = 1;
  a->letters++;
  a->upper += up;
  a->lower += (cls & TT_C_LOWER) != 0;
  a->part_start = 0;
  a->scripts |= cls & TT_C_LATIN ? TT_SCRIPT_LATIN
                : cls & TT_C_CYRILLIC ? TT_SCRIPT_CYRILLIC
                                      : TT_SCRIPT_OTHER;
}

static uint8_t shape_case(const shape_acc *a) {
  if (a->letters == 0)
    return TEITAG_CASE_NONE;
  if (a->upper == 0)
    return TEITAG_CASE_LOWER;
  if (a->lower == 0 && a->letters >= 2)
    return TEITAG_CASE_UPPER;
  if (a->first_upper && !a->bad_title)
    return TEITAG_CASE_TITLE;
  return TEITAG_CASE_MIXED;
}

/* What one code point of a word adds to its counts, packed in eight lanes
 * of eight bits, so that a letter costs one table load and one addition
 * instead of a counter update per property (the letters of words were
 * the tokenizer's largest cost).  0 for a code point that is no letter,
 * digit or mark, which ends the word or joins two parts of it. */
enum {
  LANE_LETTERS = 0, LANE_UPPER = 8, LANE_LOWER = 16, LANE_LATIN = 24,
  LANE_CYRILLIC = 32, LANE_ONLY_UK = 40, LANE_ONLY_RU = 48,
  LANE_NOT_LETTER = 56 /* digits and marks */
};
#define LANE_MAX 255 /* code points per lane before the lanes are emptied */

static uint64_t shape_bits(uint32_t cp, unsigned cls) {
  if (!(cls & (TT_C_ALPHA | TT_C_DIGIT | TT_C_MARK)))
    return 0;
  if (!(cls & TT_C_ALPHA))
    return 1ULL << LANE_NOT_LETTER;
  uint64_t b = 1ULL << LANE_LETTERS;
  if (cls & TT_C_UPPER)
    b |= 1ULL << LANE_UPPER;
  if (cls & TT_C_LOWER)
    b |= 1ULL << LANE_LOWER;
  if (cls & TT_C_LATIN) {
    b |= 1ULL << LANE_LATIN;
  } else if (cls & TT_C_CYRILLIC) {
    unsigned only = cp - 0x400 < 256 ? tt_lang_only_in[cp - 0x400] : 0;
    b |= 1ULL << LANE_CYRILLIC;
    if (only == 1)
      b |= 1ULL << LANE_ONLY_UK;
    else if (only == 2)
      b |= 1ULL << LANE_ONLY_RU;
  }
  return b;
}

/* shape_bits of U+0000..U+04FF (ASCII, Latin, Cyrillic), looked up. */
#define SHAPE_TABLE_SIZE 0x500
static uint64_t shape_table[SHAPE_TABLE_SIZE];

/* The key bytes of U+0400..U+047F (lead byte 0xD0 or 0xD1), indexed by
 * the code point - 0x400, which the two bytes give without decoding: the
 * Cyrillic letter is the commonest code point of uk/ru text. */
static unsigned char cyr_key[128][2];

static void build_shape_table(void) {
  tt_chars_init();
  for (uint32_t cp = 0; cp < SHAPE_TABLE_SIZE; cp++)
    shape_table[cp] = shape_bits(cp, tt_cp_class(cp));
  for (uint32_t k = 0; k < 128; k++) {
    uint32_t f = tt_cp_fold(0x400 + k);
    cyr_key[k][0] = (unsigned char)(0xC0 | (f >> 6)); /* as fold_into */
    cyr_key[k][1] = (unsigned char)(0x80 | (f & 0x3F));
  }
}

/* Adds packed lanes to the counts. */
static void shape_flush(shape_acc *a, uint64_t p) {
  a->letters += (unsigned)(p >> LANE_LETTERS) & 255;
  a->upper += (unsigned)(p >> LANE_UPPER) & 255;
  a->lower += (unsigned)(p >> LANE_LOWER) & 255;
  a->latin += (unsigned)(p >> LANE_LATIN) & 255;
  a->cyrillic += (unsigned)(p >> LANE_CYRILLIC) & 255;
  a->only_uk += (unsigned)(p >> LANE_ONLY_UK) & 255;
  a->only_ru += (unsigned)(p >> LANE_ONLY_RU) & 255;
  if (p >> LANE_NOT_LETTER)
    a->not_letter = 1;
}

/* The class of the code point that ends just before s + j. */
static unsigned class_before(const unsigned char *s, size_t j) {
  size_t k = j - 1;
  while ((s[k] & 0xC0) == 0x80)
    k--;
  uint32_t cp;
  tt_utf8_next(s + k, &cp);
  return tt_cp_class(cp);
}

/* The match key of a word, folded and hashed as the word is scanned, and
 * left just past the end of doc->keys (not yet part of it): a second pass
 * over every word for its key cost nearly a tenth of the run.  Only
 * ASCII and the two-byte Cyrillic letters are folded on the way; `ok` is
 * 0 when the word holds any other code point, and push_token then folds
 * the whole key itself as before. */
typedef struct {
  size_t len;
  uint64_t hash;
  int ok;
} word_key;

/* Scans a word from i (a letter); returns its end.  Apostrophes and
 * hyphens join two letters (a hyphen also joins letters and digits:
 * COVID-19), never two digits, so that "5-7" stays a range.  An upper-case
 * letter that neither starts the word nor follows a joint makes it no
 * title case (bad_title). */
static size_t scan_word(const unsigned char *s, size_t i, size_t end,
                        unsigned first_cls, shape_acc *acc, tt_buf *keys,
                        word_key *wk) {
  size_t j = i;
  uint64_t packed = 0, bad = 0, upper_counts = 0; /* 0 at a part start */
  uint64_t h = TT_HASH_BASIS;
  size_t klen = 0;
  int ok = 1;
  size_t lim = end - j > LANE_MAX ? j + LANE_MAX : end;
  for (;;) {
    /* A part writes at most a key byte per byte, and a joint one more. */
    tt_buf_reserve(keys, klen + LANE_MAX + 2);
    unsigned char *base = (unsigned char *)keys->data + keys->len;
    unsigned char *o = base + klen;
    while (j < lim) {
      unsigned char b = s[j];
      uint64_t e;
      size_t n = 1;
      if (b < 0x80) {
        e = shape_table[b];
        if (!e)
          break;
        o = tt_fold_ascii_hashed(b, o, &h);
      } else if ((b & 0xFE) == 0xD0) { /* U+0400..U+047F */
        unsigned k = ((b & 1u) << 6) | (s[j + 1] & 0x3Fu);
        n = 2;
        e = shape_table[0x400 + k];
        if (!e)
          break;
        o[0] = cyr_key[k][0];
        o[1] = cyr_key[k][1];
        h = (h ^ o[0]) * TT_HASH_PRIME;
        h = (h ^ o[1]) * TT_HASH_PRIME;
        o += 2;
      } else {
        uint32_t cp;
        n = tt_utf8_next(s + j, &cp);
        e = cp < SHAPE_TABLE_SIZE ? shape_table[cp]
                                  : shape_bits(cp, tt_cp_class(cp));
        if (!e)
          break;
        ok = 0;
      }
      packed += e;
      bad |= e & upper_counts;
      upper_counts = 1ULL << LANE_UPPER;
      j += n;
    }
    klen = (size_t)(o - base);
    shape_flush(acc, packed);
    packed = 0;
    if (j >= end)
      break;
    if (j >= lim) { /* the lanes are full: a long word goes on */
      lim = end - j > LANE_MAX ? j + LANE_MAX : end;
      continue;
    }
    cpinfo c = at(s, j, end);
    if (!(c.cls & (TT_C_APOS | TT_C_HYPHEN)))
      break;
    unsigned prev = class_before(s, j);
    cpinfo next = at(s, j + c.n, end);
    int join;
    if (c.cls & TT_C_APOS)
      join = (prev & TT_C_ALPHA) && (next.cls & TT_C_ALPHA) &&
             !((acc->latin) && english_clitic(s, j, end, c.n));
    else
      join = (prev & (TT_C_ALPHA | TT_C_DIGIT)) &&
             (next.cls & (TT_C_ALPHA | TT_C_DIGIT)) &&
             !((prev & TT_C_DIGIT) && (next.cls & TT_C_DIGIT)) &&
             !(c.cp == '-' && (first_cls & TT_C_UPPER) && acc->latin &&
               attribute_participle(s, j, end));
    if (!join)
      break;
    if (c.cp < 0x80) {
      tt_fold_ascii_hashed(c.cp, base + klen, &h);
      klen++;
    } else {
      ok = 0;
    }
    j += c.n;
    acc->not_letter = 1;
    upper_counts = 0; /* the next letter starts a part */
    lim = end - j > LANE_MAX ? j + LANE_MAX : end;
  }
  if (bad)
    acc->bad_title = 1;
  acc->first_upper = (first_cls & TT_C_UPPER) != 0;
  acc->scripts = (acc->latin ? TT_SCRIPT_LATIN : 0) |
                 (acc->cyrillic ? TT_SCRIPT_CYRILLIC : 0) |
                 (acc->letters > acc->latin + acc->cyrillic ? TT_SCRIPT_OTHER
                                                            : 0);
  wk->len = klen;
  wk->hash = h;
  wk->ok = ok;
  return j;
}

/* Scans a number from i: digits, and separators that have a digit on both
 * sides (',', '.', ':', '/', and no-break or thin spaces before a group of
 * exactly three digits). */
static size_t scan_number(const unsigned char *s, size_t i, size_t end) {
  size_t j = i;
  for (;;) {
    while (j < end && s[j] >= '0' && s[j] <= '9')
      j++;
    if (j >= end)
      return j;
    size_t sep = 0;
    if (s[j] == ',' || s[j] == '.' || s[j] == ':' || s[j] == '/')
      sep = 1;
    else if (s[j] == 0xC2 && j + 1 < end && s[j + 1] == 0xA0)
      sep = 2; /* U+00A0 no-break space */
    else if (s[j] == 0xE2 && j + 2 < end && s[j + 1] == 0x80 &&
             (s[j + 2] == 0x89 || s[j + 2] == 0xAF || s[j + 2] == 0x87))
      sep = 3; /* U+2009 thin, U+202F narrow no-break, U+2007 figure */
    if (!sep || j + sep >= end || s[j + sep] < '0' || s[j + sep] > '9')
      return j;
    if (sep > 1) { /* a space separates only groups of three digits */
      size_t k = j + sep;
      while (k < end && s[k] >= '0' && s[k] <= '9')
        k++;
      if (k - (j + sep) != 3)
        return j;
    }
    j += sep;
  }
}

/* Top-level domains (and the second-level labels before them, as in
 * bbc.co.uk) that make "Word.tld" a web address.  Short English words
 * (in, is, to, me, it, at, us, no, be) are left out: a missing space
 * after a full stop ("ended.In") is commoner than their sites. */
static const char *const top_domains[] = {
    "com", "net", "org", "info", "biz", "ua", "ru", "by", "kz", "uz", "md",
    "ge", "az", "uk", "de", "fr", "pl", "es", "eu", "ca", "au", "cz", "sk",
    "lt", "lv", "ee", "fi", "se", "dk", "nl", "ch", "io", "tv", "fm", "news",
    "online", "media", "pro", "gov", "edu", NULL};
static const char *const second_level_domains[] = {"co", "com", "org", "net",
                                                   "gov", "ac", NULL};

/* The end of the label of ASCII letters at k, all in one case, if it is in
 * `list`; k otherwise. */
static size_t domain_label(const unsigned char *s, size_t k, size_t end,
                           const char *const *list) {
  size_t e = k, upper = 0;
  while (e < end && e - k <= 6 && ((s[e] | 0x20) >= 'a' && (s[e] | 0x20) <= 'z')) {
    upper += s[e] < 'a';
    e++;
  }
  if (e - k < 2 || e - k > 6 || (upper && upper != e - k))
    return k;
  for (size_t l = 0; list[l]; l++)
    if (strlen(list[l]) == e - k && ascii_ieq(s, end, k, list[l]))
      return e;
  return k;
}

/* A Latin word glued to a top-level domain (Censor.net, LIGA.net,
 * ONLINE.UA, bbc.co.uk) is one token, a site's name: not a word, a full
 * stop and the start of a sentence.  Returns the end of the address, or j
 * when there is none; counts the domain's letters into `acc`. */
static size_t domain_end(const unsigned char *s, size_t j, size_t end, shape_acc *acc) {
  if (j + 2 >= end || s[j] != '.' || acc->scripts != TT_SCRIPT_LATIN || acc->letters < 2)
    return j;
  size_t k = j + 1, second = domain_label(s, k, end, second_level_domains);
  if (second > k && second + 2 < end && s[second] == '.') {
    size_t top = domain_label(s, second + 1, end, top_domains);
    if (top > second + 1)
      k = top;
  }
  if (k == j + 1)
    k = domain_label(s, j + 1, end, top_domains);
  if (k == j + 1)
    return j;
  /* the address ends where the label does: not inside a longer word */
  if (k < end && (s[k] == '-' || s[k] == '_' || s[k] == '@' ||
                  (at(s, k, end).cls & (TT_C_ALPHA | TT_C_DIGIT | TT_C_MARK))))
    return j;
  for (size_t m = j + 1; m < k; m++) {
    if (s[m] == '.')
      continue;
    int up = s[m] < 'a';
    acc->letters++;
    acc->upper += up;
    acc->lower += !up;
    if (up)
      acc->bad_title = 1;
  }
  return k;
}

/* Extends a word that ends at j with the dot of an abbreviation, an
 * initial, or a dotted acronym (U.S., т.е.); returns the new end and sets
 * token flags. */
static size_t abbreviation_dot(teitag_doc *doc, const unsigned char *s,
                               size_t start, size_t j, size_t end,
                               const shape_acc *acc, const word_key *wk,
                               uint8_t *flags) {
  if (j >= end || s[j] != '.')
    return j;
  /* A Latin unit letter stuck to a number is no initial: "$10m." ends a
   * sentence after "m", as "5k." and "99p." do. */
  if (acc->letters == 1 && acc->lower && start > 0 && s[start] < 0x80 &&
      s[start - 1] >= '0' && s[start - 1] <= '9')
    return j;
  /* Dotted runs of single letters: U.S., U.S.A., J.D., В.В., т.е. */
  if (acc->letters == 1 && start + at(s, start, end).n == j) {
    size_t k = j + 1;
    for (;;) {
      cpinfo c = at(s, k, end);
      if (!(c.cls & TT_C_ALPHA))
        break;
      cpinfo d = at(s, k + c.n, end);
      if (d.cp != '.')
        break;
      k += c.n + 1;
    }
    *flags |= TT_TOK_ABBREV;
    if (acc->first_upper)
      *flags |= TT_TOK_INITIAL;
    return k;
  }
  /* The word's key, as scan_word left it or folded here (it is not kept:
   * push_token writes the token's own key to the same place). */
  size_t mark = doc->keys.len;
  if (!wk->ok)
    tt_key_append(&doc->keys, (const char *)s + start, j - start);
  const char *key = doc->keys.data + mark;
  size_t klen = wk->ok ? wk->len : doc->keys.len - mark;
  size_t out = j;
  if (klen == 4 && memcmp(key, "\xD0\xB4\xD0\xB6", 4) == 0 && acc->first_upper &&
      acc->upper == 1) {
    /* Дж. is one initial (of Джеймс, Джон, Джордж): Дж. Байден */
    *flags |= TT_TOK_ABBREV | TT_TOK_INITIAL;
    out = j + 1;
  } else if (!maybe_abbrev(key, klen)) {
    /* no abbreviation */
  } else if (in_list(never_end, key, klen)) {
    *flags |= TT_TOK_ABBREV;
    out = j + 1;
  } else if (in_list(may_end, key, klen)) {
    *flags |= TT_TOK_ABBREV | TT_TOK_MAY_END;
    out = j + 1;
  }
  doc->keys.len = mark;
  return out;
}

static tt_token *new_token(teitag_doc *doc, size_t start, size_t end,
                           int kind, uint8_t lcase, uint8_t flags,
                           uint8_t script) {
  TT_RESERVE(doc->toks, doc->cap_toks, doc->n_toks + 1);
  tt_token *t = &doc->toks[doc->n_toks++];
  t->start = (uint32_t)start;
  t->end = (uint32_t)end;
  t->key = (uint32_t)doc->keys.len;
  t->kind = (uint8_t)kind;
  t->lcase = lcase;
  t->flags = flags;
  t->script = script;
  t->classes = 0;
  return t;
}

static void push_token(teitag_doc *doc, size_t start, size_t end, int kind,
                       uint8_t lcase, uint8_t flags, uint8_t script) {
  tt_token *t = new_token(doc, start, end, kind, lcase, flags, script);
  t->hash = tt_key_append_hashed(&doc->keys, doc->text + start, end - start);
  t->key_len = (uint32_t)(doc->keys.len - t->key);
  if (kind == TEITAG_TOKEN_WORD && doc->word_classes)
    tt_word_class_token(doc, t);
}

/* A token of one code point that is no mark (punctuation, a symbol): its
 * key written as fold_into writes it, without the general path's call and
 * second pass to hash (« » — are most of the punctuation of uk/ru text). */
static void push_char_token(teitag_doc *doc, size_t start, size_t end,
                            int kind, uint8_t flags, uint32_t cp) {
  tt_token *t = new_token(doc, start, end, kind, TEITAG_CASE_NONE, flags, 0);
  tt_buf_reserve(&doc->keys, 4);
  char *o = doc->keys.data + doc->keys.len;
  uint32_t f = tt_cp_fold(cp);
  size_t n;
  /* (Cyrillic letters never come here: letters start words) */
  if (cp < 0x80) {
    o[0] = (char)f;
    n = 1;
  } else {
    n = f ? tt_utf8_put(f, o) : 0;
  }
  t->hash = tt_hash_bytes(o, n);
  t->key_len = (uint32_t)n;
  doc->keys.len += n;
  doc->keys.data[doc->keys.len] = '\0';
}

/* A word token whose key scan_word has left past the end of doc->keys. */
static void push_word(teitag_doc *doc, size_t start, size_t end,
                      uint8_t lcase, uint8_t flags, uint8_t script,
                      const word_key *wk) {
  tt_token *t = new_token(doc, start, end, TEITAG_TOKEN_WORD, lcase, flags,
                          script);
  t->hash = wk->hash;
  t->key_len = (uint32_t)wk->len;
  doc->keys.len += wk->len;
  doc->keys.data[doc->keys.len] = '\0';
  if (doc->word_classes)
    tt_word_class_token(doc, t);
}

/* Adds a word's language evidence to doc->tok_counts.  A word of letters
 * only (nearly all) was counted while it was scanned; one with a digit,
 * a mark, a hyphen or an apostrophe inside, or a dotted run of initials
 * after it (word_end < end), is several runs of letters to lang.c and is
 * counted over again there.  A letter never starts or continues a token
 * of another kind, so the sum over a paragraph's tokens is the count of
 * the paragraph's text. */
static void count_word_language(teitag_doc *doc, const shape_acc *acc,
                                const word_key *wk, size_t start,
                                size_t word_end, size_t end) {
  tt_lang_counts *c = &doc->tok_counts;
  if (acc->not_letter || (end > word_end && end != word_end + 1)) {
    tt_lang_count(doc->text, start, end, c);
    return;
  }
  c->latin += acc->latin;
  c->cyrillic += acc->cyrillic;
  c->uk += acc->only_uk;
  c->ru += acc->only_ru;
  /* A listed word folds to itself, so a key that the filter turns away
   * belongs to no listed word (a key that scan_word could not build is
   * looked up). */
  if (acc->cyrillic == acc->letters && acc->lower == acc->letters &&
      (!wk->ok || tt_lang_maybe_word(wk->hash)))
    tt_lang_count_word(doc->text + start, word_end - start, c);
}

static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void build_tables(void) {
  build_abbrev_filter();
  build_shape_table();
  tt_lang_build_word_filter();
}

void tt_tokenize(teitag_doc *doc, size_t start, size_t end) {
  if (doc->word_classes)
    tt_word_class_init();
  scan_tokens(doc, start, end);
}

static void scan_tokens(teitag_doc *doc, size_t start, size_t end) {
  pthread_once(&tables_once, build_tables);
  memset(&doc->tok_counts, 0, sizeof doc->tok_counts);
  doc->tok_classes = 0;
  const unsigned char *s = (const unsigned char *)doc->text;
  uint8_t pending = TT_TOK_PARA_START;
  size_t i = start;
  /* An e-mail scan that failed from i fails from every later start in the
   * same run of address characters (it meets the same '@', or none), so
   * "5-5-5-..." is scanned once, not once per token. */
  size_t no_email_before = start;
  /* Where the next '@' is (end: none): only a run of address characters
   * that reaches one can be an address, and most paragraphs have none, so
   * most words need no scan of their run at all. */
  size_t next_at = next_at_sign(s, start, end);
  while (i < end) {
    if (s[i] == ' ') { /* the commonest code point of all */
      pending |= TT_TOK_SPACE_BEFORE;
      i++;
      continue;
    }
    cpinfo c = at(s, i, end);
    if (c.cls & (TT_C_SPACE | TT_C_NEWLINE)) {
      pending |= TT_TOK_SPACE_BEFORE;
      if (c.cls & TT_C_NEWLINE)
        pending |= TT_TOK_NL_BEFORE;
      i += c.n;
      continue;
    }
    uint8_t flags = pending;
    pending = 0;
    size_t j;
    unsigned lc = c.cp | 0x20; /* h w f in either case, nothing else */
    if ((lc == 'h' || lc == 'w' || lc == 'f') &&
        (j = scan_url(s, i, end)) > i) {
      push_token(doc, i, j, TEITAG_TOKEN_URL, TEITAG_CASE_NONE, flags, 0);
      tt_lang_count(doc->text, i, j, &doc->tok_counts);
      i = j;
      continue;
    }
    if (next_at < i)
      next_at = next_at_sign(s, i, end);
    if (next_at < end && c.cp < 0x80 && email_char((unsigned char)c.cp) &&
        c.cp != '.' && i >= no_email_before) {
      /* The run of address characters is found once: without an '@'
       * after it (nearly every word) there is no address to scan. */
      size_t run = i;
      while (run < end && email_char(s[run]))
        run++;
      if (run < end && s[run] == '@' && (j = scan_email(s, i, end)) > i) {
        push_token(doc, i, j, TEITAG_TOKEN_EMAIL, TEITAG_CASE_NONE, flags, 0);
        tt_lang_count(doc->text, i, j, &doc->tok_counts);
        i = j;
        continue;
      }
      no_email_before = run;
    }
    if (c.cls & TT_C_ALPHA) {
      shape_acc acc;
      memset(&acc, 0, sizeof acc);
      word_key wk;
      size_t word_end = scan_word(s, i, end, c.cls, &acc, &doc->keys, &wk);
      j = domain_end(s, word_end, end, &acc);
      if (j == word_end)
        j = abbreviation_dot(doc, s, i, word_end, end, &acc, &wk, &flags);
      if (j == word_end && wk.ok)
        push_word(doc, i, j, shape_case(&acc), flags, (uint8_t)acc.scripts,
                  &wk);
      else
        push_token(doc, i, j, TEITAG_TOKEN_WORD, shape_case(&acc), flags,
                   (uint8_t)acc.scripts);
      count_word_language(doc, &acc, &wk, i, word_end, j);
      i = j;
      continue;
    }
    if (c.cls & TT_C_DIGIT) {
      if (c.cp < 0x80) {
        j = scan_number(s, i, end);
      } else {
        j = i;
        while (j < end && (at(s, j, end).cls & TT_C_DIGIT))
          j += at(s, j, end).n;
      }
      push_token(doc, i, j, TEITAG_TOKEN_NUMBER, TEITAG_CASE_NONE, flags, 0);
      i = j;
      continue;
    }
    /* An English clitic right after a Latin word: Zelensky|'s, Putin|’s. */
    if ((c.cls & TT_C_APOS) && doc->n_toks && doc->toks[doc->n_toks - 1].end == i &&
        doc->toks[doc->n_toks - 1].script == TT_SCRIPT_LATIN &&
        english_clitic(s, i, end, c.n)) {
      shape_acc acc;
      memset(&acc, 0, sizeof acc);
      j = i + c.n;
      while (j < end && (at(s, j, end).cls & TT_C_ALPHA)) {
        shape_add(&acc, at(s, j, end).cls, at(s, j, end).cp);
        j += at(s, j, end).n;
      }
      push_token(doc, i, j, TEITAG_TOKEN_WORD, shape_case(&acc), flags,
                 TT_SCRIPT_LATIN);
      tt_lang_count(doc->text, i, j, &doc->tok_counts);
      i = j;
      continue;
    }
    if (c.cp == '.' && i + 2 < end && s[i + 1] == '.' && s[i + 2] == '.') {
      push_token(doc, i, i + 3, TEITAG_TOKEN_PUNCT, TEITAG_CASE_NONE, flags, 0);
      i += 3;
      continue;
    }
    int kind = (c.cls & (TT_C_PUNCT | TT_C_QUOTE | TT_C_APOS | TT_C_HYPHEN))
                   ? TEITAG_TOKEN_PUNCT
                   : TEITAG_TOKEN_SYMBOL;
    /* Marks that follow (a symbol with a variation selector) stay with it. */
    j = i + c.n;
    while (j < end && (at(s, j, end).cls & TT_C_MARK))
      j += at(s, j, end).n;
    if (j == i + c.n && !(c.cls & TT_C_MARK))
      push_char_token(doc, i, j, kind, flags, c.cp);
    else
      push_token(doc, i, j, kind, TEITAG_CASE_NONE, flags, 0);
    i = j;
  }
}

/* ---- sentences -------------------------------------------------------- */

/* The sentence splitter asks these of every punctuation token: the
 * length and the first byte decide before any bytes are compared. */
static int tok_is(const teitag_doc *doc, const tt_token *t, const char *lit,
                  size_t n) {
  const char *p = doc->text + t->start;
  return t->end - t->start == n && p[0] == lit[0] && memcmp(p, lit, n) == 0;
}
#define TOK_IS(doc, t, lit) tok_is(doc, t, lit, sizeof(lit) - 1)

static int is_terminal(const teitag_doc *doc, const tt_token *t) {
  if (t->kind != TEITAG_TOKEN_PUNCT)
    return 0;
  return TOK_IS(doc, t, ".") || TOK_IS(doc, t, "!") || TOK_IS(doc, t, "?") ||
         TOK_IS(doc, t, "\xE2\x80\xA6") || TOK_IS(doc, t, "...");
}

/* Closing marks that stay in the sentence they end: .» ." .) */
static int is_closer(const teitag_doc *doc, const tt_token *t) {
  if (t->kind != TEITAG_TOKEN_PUNCT)
    return 0;
  return TOK_IS(doc, t, "\xC2\xBB") || TOK_IS(doc, t, "\"") ||
         TOK_IS(doc, t, "\xE2\x80\x9D") || TOK_IS(doc, t, "\xE2\x80\x9C") ||
         TOK_IS(doc, t, "'") || TOK_IS(doc, t, "\xE2\x80\x99") ||
         TOK_IS(doc, t, ")") || TOK_IS(doc, t, "]") || is_terminal(doc, t);
}

/* Does the token after a full stop look like the start of a sentence? */
static int starts_sentence(const tt_token *t) {
  if (t->kind == TEITAG_TOKEN_WORD)
    return t->lcase != TEITAG_CASE_LOWER;
  if (t->kind == TEITAG_TOKEN_PUNCT) /* an opening quote or a dash */
    return 1;
  return t->kind == TEITAG_TOKEN_NUMBER || t->kind == TEITAG_TOKEN_SYMBOL;
}

void tt_split_sentences(teitag_doc *doc, size_t tb, size_t te) {
  size_t sent_begin = tb;
  for (size_t i = tb; i < te; i++) {
    tt_token *t = &doc->toks[i];
    int ends = 0;
    size_t last = i;
    if (is_terminal(doc, t)) {
      while (last + 1 < te && is_closer(doc, &doc->toks[last + 1]))
        last++;
      ends = last + 1 < te && starts_sentence(&doc->toks[last + 1]);
      /* "," ";" or a lower-case word after the closer: not an end. */
      if (ends && doc->toks[last + 1].kind == TEITAG_TOKEN_PUNCT &&
          (TOK_IS(doc, &doc->toks[last + 1], ",") ||
           TOK_IS(doc, &doc->toks[last + 1], ";")))
        ends = 0;
      /* every terminal among the closers would look at the same token
       * after them: none ends a sentence either, and a run of thousands
       * of dots is read once, not once per dot */
      if (!ends) {
        i = last;
        continue;
      }
    } else if ((t->flags & TT_TOK_MAY_END) && i + 1 < te) {
      const tt_token *n = &doc->toks[i + 1];
      ends = n->kind == TEITAG_TOKEN_WORD &&
             (n->lcase == TEITAG_CASE_TITLE || n->lcase == TEITAG_CASE_UPPER);
    }
    if (ends) {
      TT_RESERVE(doc->sents, doc->cap_sents, doc->n_sents + 1);
      doc->sents[doc->n_sents].tok_begin = (uint32_t)sent_begin;
      doc->sents[doc->n_sents].tok_end = (uint32_t)(last + 1);
      doc->n_sents++;
      sent_begin = last + 1;
      i = last;
    }
  }
  if (sent_begin < te) {
    TT_RESERVE(doc->sents, doc->cap_sents, doc->n_sents + 1);
    doc->sents[doc->n_sents].tok_begin = (uint32_t)sent_begin;
    doc->sents[doc->n_sents].tok_end = (uint32_t)te;
    doc->n_sents++;
  }
  for (size_t k = doc->n_sents; k > 0; k--) {
    tt_sent *sn = &doc->sents[k - 1];
    if (sn->tok_begin < tb)
      break;
    doc->toks[sn->tok_begin].flags |= TT_TOK_SENT_START;
    /* the marks that open it and its first word: what the name rules and
     * the gazetteer ask about a capitalised word, which they walked back
     * over the marks to learn */
    for (size_t j = sn->tok_begin; j < sn->tok_end; j++) {
      doc->toks[j].flags |= TT_TOK_OPENS;
      if (doc->toks[j].kind != TEITAG_TOKEN_PUNCT)
        break;
    }
  }
}
