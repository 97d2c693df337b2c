/* SPDX-License-Identifier: MIT
 *
 * private.h -- internal structures shared by libteitag's modules.
 *
 * The one data structure is the document (struct teitag_doc): its text,
 * paragraphs, sentences, tokens and spans.  Modules fill it in the order of
 * the data flow (decode -> segment/tokenize -> lang -> annotators ->
 * resolve) and writers only read it.  Nothing here is installed; the
 * public names live in include/teitag.h.
 */
#ifndef TEITAG_PRIVATE_H
#define TEITAG_PRIVATE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "teitag.h"

#if defined(__GNUC__)
#define TT_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define TT_LIKELY(x) __builtin_expect(!!(x), 1)
#define TT_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define TT_PREFETCH(p) __builtin_prefetch(p)
/* For a helper whose only work is TT_PREFETCH: GCC sees no effect in such
 * a function, marks it const and deletes its calls as dead code, unless
 * it has been inlined first. */
#define TT_PREFETCH_HELPER static inline __attribute__((always_inline))
#else
#define TT_PRINTF(fmt, args)
#define TT_LIKELY(x) (x)
#define TT_UNLIKELY(x) (x)
#define TT_PREFETCH(p) ((void)0)
#define TT_PREFETCH_HELPER static inline
#endif

/* ---- mem.c: allocation that aborts instead of returning NULL ---------- */

void *tt_xmalloc(size_t size);
void *tt_xcalloc(size_t n, size_t size);
void *tt_xrealloc(void *ptr, size_t size);
char *tt_xstrndup(const char *s, size_t len);
char *tt_xstrdup(const char *s);
/* Zeroed memory for a big hash table, read and written at random; free
 * it with free().  Where the system has them it asks for huge pages: with
 * 4 KiB pages nearly every probe of a table of tens of megabytes misses
 * the TLB as well as the cache. */
void *tt_xcalloc_table(size_t n, size_t size);
/* Returns `p`, or aborts as above when a library that allocates (libxml2)
 * returned NULL for lack of memory. */
void *tt_xcheck(void *p);

/* Grows `*ptr` (an array of `elem` bytes each) so it can hold `need`
 * elements; `*cap` is updated.  Doubling keeps appends amortised O(1). */
void tt_grow(void **ptr, size_t *cap, size_t need, size_t elem);
/* The check is inline and the growing is not: appends run per token. */
#define TT_RESERVE(arr, cap, need)                                            \
  do {                                                                        \
    if ((need) > (cap))                                                       \
      tt_grow((void **)&(arr), &(cap), (need), sizeof(*(arr)));               \
  } while (0)

/* ---- buf.c: growable byte buffer -------------------------------------- */

typedef struct tt_buf {
  char *data; /* NUL-terminated when len > 0 or after tt_buf_cstr() */
  size_t len;
  size_t cap;
} tt_buf;

/* Makes room for `extra` more bytes and a NUL.  The appends below are
 * inline with only the growing out of line: writers call them for every
 * piece of every tag, and the calls themselves showed in profiles. */
void tt_buf_grow(tt_buf *b, size_t extra);
static inline void tt_buf_reserve(tt_buf *b, size_t extra) {
  if (TT_UNLIKELY(b->len + extra + 1 > b->cap))
    tt_buf_grow(b, extra);
}
static inline void tt_buf_put(tt_buf *b, const char *s, size_t len) {
  tt_buf_reserve(b, len);
  if (len == 0) /* s may be NULL for an empty piece */
    return;
  memcpy(b->data + b->len, s, len);
  b->len += len;
  b->data[b->len] = '\0';
}
static inline void tt_buf_puts(tt_buf *b, const char *s) {
  tt_buf_put(b, s, strlen(s));
}
static inline void tt_buf_putc(tt_buf *b, char c) {
  tt_buf_reserve(b, 1);
  b->data[b->len++] = c;
  b->data[b->len] = '\0';
}
void tt_buf_printf(tt_buf *b, const char *fmt, ...) TT_PRINTF(2, 3);
/* Appends `s` as the body of a JSON string (no quotes), escaped. */
void tt_buf_put_json(tt_buf *b, const char *s, size_t len);
/* Appends `s` with &, <, > (and in attributes ") escaped for XML; CR is
 * written as &#13; so that it survives a parser's line-end handling. */
void tt_buf_put_xml(tt_buf *b, const char *s, size_t len, int attr);
const char *tt_buf_cstr(tt_buf *b);
void tt_buf_clear(tt_buf *b);
void tt_buf_free(tt_buf *b);
/* Gives the buffer's memory to the caller (NUL-terminated) and resets b. */
char *tt_buf_steal(tt_buf *b, size_t *len);

/* ---- hashset.c: a set of 64-bit key hashes ---------------------------- */

typedef struct tt_hash_set {
  uint64_t *slots; /* open addressing; 0 marks an empty slot */
  size_t cap, n;   /* cap a power of two, at least twice n */
  int zero;        /* 0 itself is in the set (it cannot take a slot) */
} tt_hash_set;
#define TT_HASH_SET_INIT {NULL, 0, 0, 0}

/* Adds `v` unless the set holds `max` values already.  Returns 1 when `v`
 * was added now, 0 when it was in the set before (or the set is full). */
int tt_hash_set_add(tt_hash_set *s, uint64_t v, size_t max);
/* Is `v` in the set? */
int tt_hash_set_has(const tt_hash_set *s, uint64_t v);
void tt_hash_set_free(tt_hash_set *s);

/* ---- diag.c ----------------------------------------------------------- */

/* Fills `diag` (when not NULL) and returns `st`, so that error paths can be
 * written as `return tt_fail(diag, TEITAG_EUTF8, ...)`. */
teitag_status tt_fail(teitag_diag *diag, teitag_status st, size_t line,
                      size_t column, size_t offset, const char *fmt, ...)
    TT_PRINTF(6, 7);
void tt_diag_clear(teitag_diag *diag);
#define TT_NO_OFFSET ((size_t)-1)

/* ---- chars.c: code-point classes and match-key folding ---------------- */

enum {
  TT_C_ALPHA = 1u << 0,    /* a letter (L*) */
  TT_C_UPPER = 1u << 1,    /* upper or title case letter */
  TT_C_LOWER = 1u << 2,    /* lower case letter */
  TT_C_DIGIT = 1u << 3,    /* decimal digit (Nd) */
  TT_C_SPACE = 1u << 4,    /* horizontal white space, incl. no-break/thin */
  TT_C_NEWLINE = 1u << 5,  /* LF, CR, NEL, LS, PS */
  TT_C_PUNCT = 1u << 6,    /* punctuation (P*) */
  TT_C_SYMBOL = 1u << 7,   /* symbol (S*) */
  TT_C_MARK = 1u << 8,     /* combining mark (M*) */
  TT_C_APOS = 1u << 9,     /* an apostrophe that may sit inside a word */
  TT_C_HYPHEN = 1u << 10,  /* a hyphen that may join a compound word */
  TT_C_QUOTE = 1u << 11,   /* a quotation mark */
  TT_C_CURRENCY = 1u << 12, /* currency sign (Sc) */
  TT_C_LATIN = 1u << 13,   /* Latin-script letter */
  TT_C_CYRILLIC = 1u << 14, /* Cyrillic-script letter */
  TT_C_BAD = 1u << 15      /* not allowed in XML 1.0 text (C0 controls...) */
};

/* Builds the tables once per process (thread-safe).  Every entry point that
 * classifies characters calls it; it is cheap after the first time. */
void tt_chars_init(void);
/* The tables behind tt_cp_class and tt_cp_fold for the BMP (chars.c), and
 * the slow path for the code points above it. */
extern uint16_t tt_class_table[0x10000];
extern uint16_t tt_fold_table[0x10000];
unsigned tt_cp_class_astral(uint32_t cp);
uint32_t tt_cp_fold_astral(uint32_t cp);
/* Class bits of `cp` (any code point).  Inline: it is called for every
 * code point of every text. */
static inline unsigned tt_cp_class(uint32_t cp) {
  if (TT_LIKELY(cp < 0x10000))
    return tt_class_table[cp];
  return tt_cp_class_astral(cp);
}
/* The code point a match key uses for `cp`: lower case, ё -> е, every
 * apostrophe -> ', every dash -> -, every double quote -> ".  Combining
 * stress marks fold to 0 (dropped). */
static inline uint32_t tt_cp_fold(uint32_t cp) {
  if (TT_LIKELY(cp < 0x10000))
    return tt_fold_table[cp];
  return tt_cp_fold_astral(cp);
}

/* Decodes one code point from valid UTF-8 (the document text is validated
 * on the way in) and returns its length in bytes (1..4). */
static inline size_t tt_utf8_next(const unsigned char *s, uint32_t *cp) {
  unsigned c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c < 0xE0) {
    *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    return 2;
  }
  if (c < 0xF0) {
    *cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    return 3;
  }
  *cp = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) |
        (s[3] & 0x3Fu);
  return 4;
}
/* Writes `cp` as UTF-8 into out (4 bytes room); returns the length. */
static inline size_t tt_utf8_put(uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}
/* Checks that [s, s+len) is valid UTF-8.  Returns len when it is, else the
 * byte offset of the first invalid sequence. */
size_t tt_utf8_check(const unsigned char *s, size_t len);
/* Number of code points in valid UTF-8. */
size_t tt_utf8_count(const char *s, size_t len);
/* Appends the match key of [s, s+len) to `out`: the text folded code point
 * by code point with tt_cp_fold, after NFC when it holds combining marks. */
void tt_key_append(tt_buf *out, const char *s, size_t len);
/* tt_key_append, returning tt_hash_bytes of what it appended. */
uint64_t tt_key_append_hashed(tt_buf *out, const char *s, size_t len);

/* 64-bit FNV-1a, used for match keys; tt_hash_mix combines word hashes
 * into the hash of a word sequence. */
#define TT_HASH_BASIS 0xcbf29ce484222325ULL
#define TT_HASH_PRIME 0x100000001b3ULL
static inline uint64_t tt_hash_bytes(const char *s, size_t len) {
  uint64_t h = TT_HASH_BASIS;
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)s[i];
    h *= TT_HASH_PRIME;
  }
  return h;
}
/* The fast path of building a key and its hash together, shared by
 * tt_key_append_hashed and the tokenizer's word scan: folds an ASCII
 * character, or a two-byte code point (U+0080..U+07FF, Cyrillic in
 * practice), writes its key bytes at o and adds them to the hash *h.
 * Returns the new end of o. */
static inline unsigned char *tt_fold_ascii_hashed(unsigned c, unsigned char *o,
                                                  uint64_t *h) {
  unsigned char f = (unsigned char)tt_fold_table[c];
  *o++ = f;
  *h = (*h ^ f) * TT_HASH_PRIME;
  return o;
}
static inline unsigned char *tt_fold_2byte_hashed(uint32_t cp, unsigned char *o,
                                                  uint64_t *h) {
  uint32_t f = tt_fold_table[cp];
  o[0] = (unsigned char)(0xC0 | (f >> 6));
  o[1] = (unsigned char)(0x80 | (f & 0x3F));
  *h = (*h ^ o[0]) * TT_HASH_PRIME;
  *h = (*h ^ o[1]) * TT_HASH_PRIME;
  return o + 2;
}
/* Bit sets of uint64_t words, as the filters in front of word lists and
 * tables use them. */
static inline void tt_bit_set(uint64_t *set, size_t bit) {
  set[bit / 64] |= (uint64_t)1 << (bit % 64);
}
static inline int tt_bit_get(const uint64_t *set, size_t bit) {
  return (int)((set[bit / 64] >> (bit % 64)) & 1);
}
static inline uint64_t tt_hash_mix(uint64_t seq, uint64_t word) {
  seq ^= word + 0x9e3779b97f4a7c15ULL + (seq << 6) + (seq >> 2);
  return seq * 0xff51afd7ed558ccdULL;
}

/* ---- the document ----------------------------------------------------- */

/* Token flags. */
enum {
  TT_TOK_SENT_START = 1u << 0, /* first token of a sentence */
  TT_TOK_PARA_START = 1u << 1, /* first token of a paragraph */
  TT_TOK_SPACE_BEFORE = 1u << 2, /* white space precedes it */
  TT_TOK_NL_BEFORE = 1u << 3,  /* a line break precedes it */
  TT_TOK_ABBREV = 1u << 4,     /* ends with an abbreviation's dot */
  TT_TOK_INITIAL = 1u << 5,    /* a single capital + dot: "J." */
  TT_TOK_MAY_END = 1u << 6,    /* an abbreviation that can end a sentence */
  TT_TOK_OPENS = 1u << 7       /* a sentence's first word, or a mark before
                                  it (« — "): set with TT_TOK_SENT_START */
};

typedef struct tt_token {
  uint32_t start, end; /* bytes in doc->text */
  uint32_t key;        /* offset of the folded key in doc->keys */
  uint32_t key_len;
  uint64_t hash;       /* tt_hash_bytes of the key */
  uint8_t kind;        /* teitag_token_kind */
  uint8_t lcase;       /* teitag_token_case */
  uint8_t flags;       /* TT_TOK_* */
  uint8_t script;      /* TT_SCRIPT_* of its letters */
  uint32_t classes;    /* a word's TT_WC_* classes (wordclass.h), 0 for
                          other tokens: looked up by the tokenizer when
                          doc->word_classes is set, else by the name rules */
} tt_token;

enum { TT_SCRIPT_NONE = 0, TT_SCRIPT_LATIN = 1, TT_SCRIPT_CYRILLIC = 2,
       TT_SCRIPT_OTHER = 4 };

/* Evidence for the language of a stretch of text (lang.c): letters per
 * script, letters only Ukrainian or only Russian has, and function words
 * of each. */
typedef struct tt_lang_counts {
  uint32_t latin, cyrillic, uk, ru, uk_words, ru_words;
} tt_lang_counts;

typedef struct tt_para {
  uint32_t start, end;         /* bytes; the paragraph text, no line break */
  uint32_t tok_begin, tok_end; /* token range */
  uint8_t lang;                /* teitag_lang */
  uint32_t classes;            /* its words' TT_WC_* classes together, when
                                  they were looked up (doc->word_classes) */
  tt_lang_counts counts;       /* counted while tokenizing */
} tt_para;

typedef struct tt_sent {
  uint32_t tok_begin, tok_end;
} tt_sent;

/* A candidate or resolved span.  String members are offsets into doc->strs
 * (0 = absent). */
typedef struct tt_span {
  uint32_t start, end;         /* bytes */
  uint32_t tok_begin, tok_end; /* token range, or both UINT32_MAX */
  uint8_t type;                /* teitag_type */
  uint8_t cert;                /* teitag_cert */
  uint8_t nested;              /* 1 when inside another kept span */
  uint8_t infl_case;           /* a gazetteer match through inflection: its
                                  TT_CASE_* + 1; 0 for any other span */
  uint32_t order;              /* insertion order: earlier annotators win ties */
  uint32_t ref, norm, source, amount, amount_min, amount_max, currency;
} tt_span;

struct teitag_doc {
  char *text; /* UTF-8, NUL-terminated copy of the input text */
  size_t len;
  char *id;
  teitag_lang lang;
  int lang_fixed; /* the caller named the language */

  tt_para *paras;
  size_t n_paras, cap_paras;
  tt_sent *sents;
  size_t n_sents, cap_sents;
  tt_token *toks;
  size_t n_toks, cap_toks;
  tt_span *spans;
  size_t n_spans, cap_spans;

  tt_buf keys; /* folded match keys of the tokens */
  /* For the name rules, on the tokenizer's way through each word, where
   * the word and its key hash are at hand: its classes (tt_token.classes)
   * and, for a word in capitals, its hash in `caps`.  A pass of their own
   * over the tokens cost the rules a ninth of their time (after each
   * paragraph) to a sixth (after the whole of a long part). */
  int word_classes;
  uint64_t *caps;
  size_t n_caps, cap_caps;
  uint32_t tok_classes; /* the classes of the last tt_tokenize call's words
                           together, for tt_para.classes */
  /* The language evidence of the last tt_tokenize call's text, counted
   * on the way: a second pass over every byte cost a tenth of the run. */
  tt_lang_counts tok_counts;
  tt_buf strs; /* NUL-terminated strings of the spans; offset 0 is "" */
  /* The key hashes of the words written in lower case, built on first
   * need by tt_doc_lower_words and kept for the gazetteer and the rules:
   * from `lowers`, where `gather_lower` had the tokenizer list the hashes
   * on its way, else by a pass over the tokens. */
  tt_hash_set lower;
  int lower_built, gather_lower;
  uint64_t *lowers;
  size_t n_lowers, cap_lowers;

  /* What the TEI header says about the input. */
  size_t input_bytes;
  char encoding[32];
  unsigned char sha256[32];
  int has_sha256;

  const teitag_pipeline *pipeline; /* the pipeline that built it */

  /* Set when the document was read from TEI (read_tei.c): the parsed tree
   * and the map from text offsets to its text nodes.  NULL otherwise. */
  struct tt_tei_src *tei;
  /* A part of a longer input read by a teitag_stream (stream.c). */
  unsigned part_flags; /* TT_PART_* */
  size_t base_cps;     /* code points of the input before this part */
  size_t part_size;    /* the stream's part size, for the TEI header */
};

enum {
  TT_PART_OF_STREAM = 1u << 0, /* one of several parts of one input */
  TT_PART_CONT_FIRST = 1u << 1, /* its first paragraph goes on from the
                                   previous part (a cut inside it) */
  TT_PART_CONT_LAST = 1u << 2   /* its last paragraph goes on in the next */
};

/* Adds a string to doc->strs and returns its offset (0 for NULL). */
uint32_t tt_doc_str(teitag_doc *doc, const char *s);
uint32_t tt_doc_strn(teitag_doc *doc, const char *s, size_t len);
/* The key hash of every word the document writes in lower case: a
 * capitalised word whose key is there is a common word the writer also
 * uses, not a name.  Built on the first call for the document's tokens,
 * once for the gazetteer and the rules both. */
const tt_hash_set *tt_doc_lower_words(teitag_doc *doc);
static inline const char *tt_doc_get_str(const teitag_doc *doc, uint32_t off) {
  return off ? doc->strs.data + off : NULL;
}
/* Adds a span over tokens [tb, te) with the given attributes; returns it so
 * the caller can set further attributes.  The pointer is valid until the
 * next span is added. */
tt_span *tt_doc_add_token_span(teitag_doc *doc, size_t tb, size_t te,
                               teitag_type type, teitag_cert cert,
                               const char *source);
/* Is `id` usable as an entity ID (an ASCII NCName, not "teitag")? */
int tt_valid_id(const char *id);
/* Creates an empty document around a copy of valid UTF-8 text. */
teitag_doc *tt_doc_new(const char *text, size_t len, const char *id);

/* ---- segment.c / tokenize.c ------------------------------------------- */

/* Splits doc->text into paragraphs (by `flags`: TEITAG_PIPE_LINES /
 * TEITAG_PIPE_BLOCKS / auto), tokenizes each and splits sentences. */
void tt_segment(teitag_doc *doc, unsigned flags);
/* Is there a blank line between two lines of text in [s, s+len)? */
int tt_has_blank_line(const char *s, size_t len);
/* Tokenizes bytes [start, end) of doc->text, appending to doc->toks, and
 * leaves the language evidence of those bytes in doc->tok_counts. */
void tt_tokenize(teitag_doc *doc, size_t start, size_t end);
/* Marks sentence starts among tokens [tb, te) and appends doc->sents. */
void tt_split_sentences(teitag_doc *doc, size_t tb, size_t te);

/* ---- lang.c ----------------------------------------------------------- */

/* Guesses the language of bytes [start, end); stores the number of letters
 * that decided it in *evidence. */
teitag_lang tt_lang_guess(const char *text, size_t start, size_t end,
                          size_t *evidence);
/* The language of a whole text, never TEITAG_LANG_AUTO: Cyrillic without
 * any cue counts as Russian, text without letters as English. */
teitag_lang tt_lang_of_text(const char *text, size_t len);
/* Sets doc->lang (unless fixed) and each paragraph's language, from the
 * counts the tokenizer left in each paragraph. */
void tt_lang_detect(teitag_doc *doc);
/* Adds the language evidence of bytes [start, end) of text to *c. */
void tt_lang_count(const char *text, size_t start, size_t end,
                   tt_lang_counts *c);
/* Adds one word that is a run of letters, all of them lower-case
 * Cyrillic: a function word of either language is counted. */
void tt_lang_count_word(const char *word, size_t len, tt_lang_counts *c);
/* May a word whose match key hashes to `key_hash` be one that
 * tt_lang_count_word counts?  0 means certainly not.  The filter is built
 * by tt_lang_build_word_filter (once, before it is read; needs
 * tt_chars_init). */
extern uint64_t tt_lang_word_filter[64];
void tt_lang_build_word_filter(void);
static inline int tt_lang_maybe_word(uint64_t key_hash) {
  return tt_bit_get(tt_lang_word_filter, key_hash & 4095);
}
/* Which letters of U+0400..U+04FF only one language uses: 1 Ukrainian,
 * 2 Russian, 0 both or neither. */
extern const unsigned char tt_lang_only_in[256];

/* ---- decode.c --------------------------------------------------------- */

/* Turns input bytes into valid UTF-8 (BOM dropped, UTF-16 converted).
 * On success *out is either `bytes` itself (*owned = 0) or a new buffer
 * (*owned = 1), and `encoding` names what was read ("UTF-8", ...). */
teitag_status tt_decode(const char *bytes, size_t len, const char **out,
                        size_t *out_len, int *owned, char encoding[32],
                        teitag_diag *diag);
/* tt_decode with the encoding named by `forced` (an ICU converter name,
 * as stored by tt_encoding_name), or detected when it is NULL or "". */
teitag_status tt_decode_as(const char *forced, const char *bytes, size_t len,
                           const char **out, size_t *out_len, int *owned,
                           char encoding[32], teitag_diag *diag);
/* Names the encoding of `bytes`: "UTF-16LE"/"UTF-16BE" (BOM), "UTF-8",
 * "UTF-8 (BOM)", "windows-1251", "KOI8-R" or "KOI8-U".  With `prefix` set
 * the bytes are the start of a longer input (a character may be cut at the
 * end).  Input that is none of these is TEITAG_EUTF8 with the offset of the
 * first byte that is not UTF-8. */
teitag_status tt_detect_encoding(const char *bytes, size_t len, int prefix,
                                 char name[32], teitag_diag *diag);
/* Checks that ICU has a converter called `requested` and stores its IANA
 * name (or `requested`) in `name`; TEITAG_EARG when there is none. */
teitag_status tt_encoding_name(const char *requested, char name[32],
                               teitag_diag *diag);
/* Refuses text that XML cannot carry (NUL, C0 controls other than TAB, LF,
 * CR, U+FFFE/U+FFFF); `text` is valid UTF-8.  `base` is added to offsets. */
teitag_status tt_check_text(const char *text, size_t len, size_t base,
                            teitag_diag *diag);

/* Bytes of input in `charset` that the UTF-8 text [u8, u8+len) came from:
 * exact for UTF-8, single-byte charsets and UTF-16; TT_NO_OFFSET for
 * other charsets. */
size_t tt_input_span(const char *charset, const char *u8, size_t len);

/* Rewrites the "byte offset N" of a diagnostic made on decoded text so
 * that it names `in_off`, the offset in the input (or, for TT_NO_OFFSET,
 * says that N counts bytes of the decoded text). */
void tt_diag_move_offset(teitag_diag *diag, size_t in_off);

/* ---- writer.c --------------------------------------------------------- */

/* Initialises libxml2 once, before threads write (see writer.c). */
void tt_writers_init(void);

/* ---- pipeline.c ------------------------------------------------------- */

/* A token array kept from one part of a stream for the next: a 4 MB
 * part's is 22 MB, which malloc maps afresh each time it is asked for, and
 * the kernel zeroes every page of a fresh mapping again. */
typedef struct tt_spare_tokens {
  tt_token *toks;
  size_t cap;
} tt_spare_tokens;

/* Builds a document (paragraphs by `flags`, tokens, language; no
 * annotation) over text that the caller has already validated.  With
 * `spare`, the document takes its token array (and leaves it empty). */
teitag_status tt_doc_from_text(const teitag_pipeline *p, const char *text,
                               size_t len, const char *name, unsigned flags,
                               tt_spare_tokens *spare, teitag_doc **out,
                               teitag_diag *diag);

/* Takes a document's token array into `spare` for the next document, and
 * frees whatever `spare` held. */
void tt_doc_spare_tokens(teitag_doc *doc, tt_spare_tokens *spare);

/* ---- resolve.c -------------------------------------------------------- */

void tt_resolve(teitag_doc *doc, int nested, teitag_cert min_cert);

/* ---- read_tei.c ------------------------------------------------------- */

/* Drops the candidate spans of a TEI-read document that cannot be written
 * back into its tree (they would cross an element boundary or touch a name
 * already there); tt_resolve() calls it first. */
void tt_tei_prune(teitag_doc *doc);
/* Frees what doc->tei holds; NULL is a no-op. */
void tt_tei_src_free(struct tt_tei_src *src);

/* ---- json.c: a small strict JSON reader ------------------------------- */

typedef enum {
  TT_JSON_NULL, TT_JSON_FALSE, TT_JSON_TRUE, TT_JSON_NUMBER, TT_JSON_STRING,
  TT_JSON_ARRAY, TT_JSON_OBJECT
} tt_json_kind;

typedef struct tt_json tt_json;
struct tt_json {
  tt_json_kind kind;
  char *str;       /* STRING: unescaped UTF-8; NUMBER: the literal; OBJECT
                      members: the key is in `key` */
  size_t len;
  char *key;       /* the member name when inside an object */
  size_t key_len;
  tt_json *child;  /* first element / member */
  tt_json *next;   /* next sibling */
};

/* Parses exactly one JSON value (white space around it allowed).  The tree
 * lives in an arena freed by tt_json_free().  On error returns NULL and
 * fills diag with the column (1-based, in bytes). */
tt_json *tt_json_parse(const char *s, size_t len, teitag_diag *diag);
void tt_json_free(tt_json *root);
/* Member `name` of an object, or NULL. */
const tt_json *tt_json_get(const tt_json *obj, const char *name);

/* ---- sha256.c --------------------------------------------------------- */

typedef struct tt_sha256 {
  uint32_t h[8];
  uint64_t total;
  unsigned char block[64];
  size_t fill;
} tt_sha256;
void tt_sha256_init(tt_sha256 *c);
void tt_sha256_update(tt_sha256 *c, const void *data, size_t len);
void tt_sha256_final(tt_sha256 *c, unsigned char out[32]);
/* Non-zero: never use the processor's SHA instructions (for tests that
 * compare the two implementations). */
extern int tt_sha256_portable;

/* ---- built-in annotators, in the order teitag_doc_annotate runs them --- */

/* gazetteer.c: names from the loaded gazetteers. */
teitag_status tt_gazetteer_annotate(const teitag_pipeline *p, teitag_doc *doc,
                                    teitag_diag *diag);
/* money.c: amounts of money. */
teitag_status tt_money_annotate(const teitag_pipeline *p, teitag_doc *doc,
                                teitag_diag *diag);
/* names.c: person/organisation/place rules and propagation; runs last,
 * because it builds on what the gazetteer found. */
teitag_status tt_names_annotate(const teitag_pipeline *p, teitag_doc *doc,
                                teitag_diag *diag);

/* ---- pipeline.c ------------------------------------------------------- */

typedef struct tt_annotator {
  teitag_annotator_fn fn;
  void *ctx;
} tt_annotator;

struct tt_gaz;

struct teitag_pipeline {
  teitag_lang lang;
  unsigned flags;
  teitag_cert min_cert;
  tt_annotator *annotators;
  size_t n_annotators, cap_annotators;
  struct tt_gaz **gaz; /* loaded gazetteers; later ones win */
  size_t n_gaz, cap_gaz;
  /* new with the pipeline and with each gazetteer added: what a cache of
   * the gazetteers' answers that outlives a document is keyed by, since a
   * freed pipeline's address may come back with other gazetteers */
  uint64_t serial;
  char encoding[32]; /* input encoding named by the caller; "" = detect */
};

/* gazetteer.c: the dictionary forms of entity `id` per teitag_lang, from
 * the pipeline's gazetteers (NULL where unknown). */
void tt_pipeline_entity_norms(const teitag_pipeline *p, const char *id,
                              const char *norms[4]);
/* pipeline.c: gives p a serial no pipeline had before (p->serial). */
void tt_pipeline_new_serial(teitag_pipeline *p);
/* gazetteer.c: frees one loaded gazetteer. */
void tt_gaz_release(struct tt_gaz *g);

#endif /* TEITAG_PRIVATE_H */
