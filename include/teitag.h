/* SPDX-License-Identifier: MIT
 *
 * teitag.h -- the public API of libteitag.
 *
 * libteitag finds people, places, organisations and money amounts in
 * English, Ukrainian and Russian text and writes them as TEI P5 XML (and as
 * JSONL and other formats).  This is the only header a program needs; the
 * `teitag` command-line tool is built on nothing else.
 *
 * The flow, in one example:
 *
 *     teitag_pipeline *p = teitag_pipeline_new();
 *     teitag_diag diag;
 *     if (teitag_pipeline_use_default_gazetteer(p, &diag) != TEITAG_OK)
 *       fprintf(stderr, "%s\n", diag.message);       // optional resource
 *     teitag_doc *doc;
 *     teitag_status st = teitag_annotate(p, bytes, len, "news.txt", &doc, &diag);
 *     if (st != TEITAG_OK) { report(diag); ... }
 *     char *tei; size_t tei_len;
 *     st = teitag_render(doc, TEITAG_FORMAT_TEI, 0, &tei, &tei_len, &diag);
 *     fwrite(tei, 1, tei_len, stdout);
 *     teitag_free(tei);
 *     teitag_doc_free(doc);
 *     teitag_pipeline_free(p);
 *
 * Conventions that hold everywhere:
 *   - Text is passed as a (pointer, length) pair; no function relies on a
 *     terminating NUL.
 *   - Functions that touch files or user data return a teitag_status and
 *     put their result in the last out-parameter; on failure they fill the
 *     teitag_diag (which may be NULL) with a message naming the place.
 *   - `_new`/`_load` create, `_free` destroys, and `_free(NULL)` does
 *     nothing.  Buffers the library returns are released with teitag_free().
 *   - Getters return borrowed pointers that stay valid until the object that
 *     owns them is freed or changed.
 *   - The library never prints and never exits; the allocator aborts the
 *     process with a message when memory runs out.
 *   - A teitag_pipeline is immutable once set up and may be shared by
 *     threads; a teitag_doc and a teitag_writer belong to one thread.
 */
#ifndef TEITAG_H
#define TEITAG_H

#include <stddef.h>

#include "teitag_version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define TEITAG_API __attribute__((visibility("default")))
#else
#define TEITAG_API
#endif

/* ---------------------------------------------------------------------- */
/* Errors                                                                 */
/* ---------------------------------------------------------------------- */

/** Result of every fallible call. */
typedef enum teitag_status {
  TEITAG_OK = 0,     /**< success */
  TEITAG_ENOMEM,     /**< ICU or libxml2 reported that memory ran out */
  TEITAG_EIO,        /**< a file could not be read or written */
  TEITAG_EUTF8,      /**< input is not valid in its encoding */
  TEITAG_EBINARY,    /**< input holds NUL bytes or other binary data */
  TEITAG_ESYNTAX,    /**< malformed JSON, TSV, XML or gazetteer row */
  TEITAG_EICU,       /**< an ICU call failed */
  TEITAG_EXML,       /**< a libxml2 call failed */
  TEITAG_EARG,       /**< a bad argument (NULL handle, unknown option) */
  TEITAG_EFORMAT,    /**< a compiled file is corrupt or of another version */
  TEITAG_ETOOBIG,    /**< input exceeds a limit (document over 4 GiB, ...) */
  TEITAG_EWRITE      /**< the output sink refused data (disk full, pipe closed) */
} teitag_status;

/** Where and why a call failed.  Plain data: nothing to free.
 * `line` and `column` are 1-based and 0 when unknown; `offset` is a byte
 * offset into the input, or (size_t)-1 when unknown. */
typedef struct teitag_diag {
  size_t line;
  size_t column;
  size_t offset;
  char message[256];
} teitag_diag;

/** Returns a static English description of `status`; never NULL. */
TEITAG_API const char *teitag_strerror(teitag_status status);

/** Returns the library's version string, e.g. "0.1.0".  Compare it with
 * TEITAG_VERSION_STRING to detect a header/library mismatch. */
TEITAG_API const char *teitag_version(void);

/** Frees a buffer returned by the library (rendered output, reports).
 * NULL is a no-op. */
TEITAG_API void teitag_free(void *ptr);

/* ---------------------------------------------------------------------- */
/* Entities and their properties                                          */
/* ---------------------------------------------------------------------- */

/** Entity types.  Each has one TEI element (persName, placeName, orgName,
 * measure type="currency"). */
typedef enum teitag_type {
  TEITAG_TYPE_NONE = 0, /**< not an entity (used for "no type") */
  TEITAG_TYPE_PER,      /**< a person */
  TEITAG_TYPE_LOC,      /**< a place: country, region, city, river, ... */
  TEITAG_TYPE_ORG,      /**< an organisation */
  TEITAG_TYPE_MONEY     /**< an amount of money */
} teitag_type;

/** Returns "PER", "LOC", "ORG", "MONEY", or "" for anything else. */
TEITAG_API const char *teitag_type_name(teitag_type type);

/** Parses "PER"/"LOC"/"ORG"/"MONEY"; TEITAG_TYPE_NONE when unknown. */
TEITAG_API teitag_type teitag_type_from_name(const char *name);

/** TEI certainty: how sure the annotator is (att.global.responsibility). */
typedef enum teitag_cert {
  TEITAG_CERT_NONE = 0, /**< not stated */
  TEITAG_CERT_LOW,      /**< a guess from shape or weak context */
  TEITAG_CERT_MEDIUM,   /**< through inflection, propagation or a strong rule */
  TEITAG_CERT_HIGH      /**< a gazetteer match of the exact form */
} teitag_cert;

/** Returns "low", "medium", "high", or "" for TEITAG_CERT_NONE. */
TEITAG_API const char *teitag_cert_name(teitag_cert cert);

/** Languages teitag knows.  TEITAG_LANG_AUTO means "detect" as an input and
 * "undetermined" as a result. */
typedef enum teitag_lang {
  TEITAG_LANG_AUTO = 0,
  TEITAG_LANG_EN,
  TEITAG_LANG_UK,
  TEITAG_LANG_RU
} teitag_lang;

/** Returns "en", "uk", "ru", or "und" for TEITAG_LANG_AUTO. */
TEITAG_API const char *teitag_lang_code(teitag_lang lang);

/** Parses "en"/"uk"/"ru"/"auto"; returns -1 for anything else. */
TEITAG_API int teitag_lang_from_code(const char *code);

/** One annotated stretch of text, as the caller sees it.  Offsets are byte
 * offsets into the document text (teitag_doc_text()), end exclusive, and
 * always fall on UTF-8 character boundaries.  String members are borrowed
 * from the document (NULL when absent). */
typedef struct teitag_span {
  size_t start;
  size_t end;
  teitag_type type;
  teitag_cert cert;
  const char *ref;        /**< linked entity ID (Wikidata QID or slug) */
  const char *norm;       /**< dictionary form of the name */
  const char *source;     /**< which annotator proposed it ("gazetteer", ...) */
  const char *amount;     /**< MONEY: plain decimal amount, scale applied */
  const char *amount_min; /**< MONEY range: lower end ("$5-10 million") */
  const char *amount_max; /**< MONEY range: upper end */
  const char *currency;   /**< MONEY: ISO 4217 code */
} teitag_span;

/* ---------------------------------------------------------------------- */
/* Pipeline: configuration and shared resources                           */
/* ---------------------------------------------------------------------- */

/** An annotation pipeline: language setting, gazetteers, annotators.
 * Set it up once, then annotate any number of documents with it, from any
 * number of threads.
 *
 *     teitag_pipeline *p = teitag_pipeline_new();
 *     teitag_pipeline_set_lang(p, TEITAG_LANG_UK);
 *     teitag_pipeline_add_gazetteer(p, "my-names.tsv", &diag);
 */
typedef struct teitag_pipeline teitag_pipeline;

/** A document: its text, paragraphs, sentences, tokens and spans. */
typedef struct teitag_doc teitag_doc;

/** Creates a pipeline with defaults: language detection on, no gazetteers,
 * the built-in annotators enabled.  Free it with teitag_pipeline_free(). */
TEITAG_API teitag_pipeline *teitag_pipeline_new(void);

/** Frees `pipeline` and every resource it loaded.  NULL is a no-op.  No
 * document may be annotated with it afterwards. */
TEITAG_API void teitag_pipeline_free(teitag_pipeline *pipeline);

/** Sets the document language, or TEITAG_LANG_AUTO (the default) to detect
 * it per document and per paragraph.  Returns TEITAG_EARG for a value that
 * is not a teitag_lang. */
TEITAG_API teitag_status teitag_pipeline_set_lang(teitag_pipeline *pipeline,
                                                  teitag_lang lang);

/** Names the encoding of plain-text input: any converter ICU knows
 * ("windows-1251", "cp1251", "KOI8-U", "UTF-16LE", "ISO-8859-5", ...), or
 * NULL / "auto" (the default) to detect it per input: UTF-8 with or
 * without a BOM, UTF-16 with a BOM, windows-1251, KOI8-R or KOI8-U (ICU's
 * charset detector ranks the legacy ones; KOI8-U is told from KOI8-R by
 * the letters і ї є ґ that only it has).  Bytes that are invalid in the
 * encoding are an error naming their offset, never replaced.  Returns
 * TEITAG_EARG with a message in `diag` for an unknown name. */
TEITAG_API teitag_status teitag_pipeline_set_encoding(teitag_pipeline *pipeline,
                                                      const char *name,
                                                      teitag_diag *diag);

/** Pipeline flags for teitag_pipeline_set_flags(). */
#define TEITAG_PIPE_NO_GAZETTEER (1u << 0) /**< skip gazetteer matching */
#define TEITAG_PIPE_NO_MONEY (1u << 1)     /**< skip the money recogniser */
#define TEITAG_PIPE_NO_RULES (1u << 2)     /**< skip name rules and propagation */
#define TEITAG_PIPE_NESTED (1u << 3)       /**< keep nested names (default: flat) */
#define TEITAG_PIPE_LINES (1u << 4)   /**< one paragraph per line, always */
#define TEITAG_PIPE_BLOCKS (1u << 5)  /**< paragraphs end at blank lines, always */

/** Replaces the pipeline's flags (a combination of TEITAG_PIPE_*).  Without
 * TEITAG_PIPE_LINES or TEITAG_PIPE_BLOCKS, paragraphs are blank-line
 * separated blocks when the text has a blank line, else single lines. */
TEITAG_API void teitag_pipeline_set_flags(teitag_pipeline *pipeline,
                                          unsigned flags);

/** Only spans at or above `cert` survive annotation (default: all). */
TEITAG_API void teitag_pipeline_set_min_cert(teitag_pipeline *pipeline,
                                             teitag_cert cert);

/** An annotator: a function that adds candidate spans to `doc` with
 * teitag_doc_add_span().  It returns TEITAG_OK or an error, which stops the
 * annotation of that document.  `ctx` is the pointer given when it was
 * added.  Annotators run in the order they were added, after the built-in
 * ones, and before the resolver chooses among overlapping candidates. */
typedef teitag_status (*teitag_annotator_fn)(teitag_doc *doc, void *ctx,
                                             teitag_diag *diag);

/** Adds a caller's annotator (the resolver hook: its spans compete with the
 * built-in ones).  `ctx` is borrowed and must outlive the pipeline. */
TEITAG_API teitag_status teitag_pipeline_add_annotator(teitag_pipeline *pipeline,
                                                       teitag_annotator_fn fn,
                                                       void *ctx);

/* ---------------------------------------------------------------------- */
/* Gazetteers                                                             */
/* ---------------------------------------------------------------------- */

/* Gazetteers are tab-separated source files (id, type, lang, form, attrs;
 * see docs/gazetteers.md) compiled into one binary file that is memory-
 * mapped and used in place.  A pipeline may hold several; later ones win
 * where two match the same words.
 *
 *     teitag_pipeline_use_default_gazetteer(p, &diag);   // teitag.gaz
 *     teitag_pipeline_add_gazetteer(p, "my-names.tsv", &diag);
 */

/** Receives one problem in a gazetteer source: the file, its 1-based line
 * (0 when the file as a whole failed), and the reason. */
typedef void (*teitag_report_fn)(void *ctx, const char *file, size_t line,
                                 const char *message);

/** Checks gazetteer sources and reports every bad row through `report`
 * (may be NULL); stores the number of problems in `*n_problems`.  Returns
 * TEITAG_OK when there are none, TEITAG_ESYNTAX otherwise. */
TEITAG_API teitag_status teitag_gazetteer_check(const char *const *paths,
                                                size_t n_paths,
                                                teitag_report_fn report,
                                                void *ctx, size_t *n_problems);

/** Compiles gazetteer sources into `out_path` (written under a temporary
 * name and renamed).  Refuses, writing nothing, when any row is bad: those
 * rows are reported as teitag_gazetteer_check() reports them, and
 * `diag` names `out_path` (TEITAG_ESYNTAX).  Keys are
 * sorted in bounded runs kept in unlinked temporary files in `out_path`'s
 * directory, which needs about twice the output's size free; memory grows
 * only with the names' strings and hash tables (about 190 MB for a
 * million rows).  Returns TEITAG_EIO, naming `out_path` in `diag`, when a
 * file cannot be written; nothing is left behind.  On success
 * `diag->message` holds a one-line summary. */
TEITAG_API teitag_status teitag_gazetteer_compile(const char *const *paths,
                                                  size_t n_paths,
                                                  const char *out_path,
                                                  teitag_report_fn report,
                                                  void *ctx,
                                                  teitag_diag *diag);

/** Adds a gazetteer to the pipeline: a compiled file (memory-mapped; a
 * corrupt or truncated one gives TEITAG_EFORMAT) or a .tsv source
 * (compiled in memory; a bad row gives TEITAG_ESYNTAX naming it).  Later
 * gazetteers override earlier ones. */
TEITAG_API teitag_status teitag_pipeline_add_gazetteer(teitag_pipeline *pipeline,
                                                       const char *path,
                                                       teitag_diag *diag);

/** Adds the default gazetteer: $TEITAG_DATA_DIR/teitag.gaz when that
 * variable is set, else teitag.gaz in the installed data directory.
 * Returns TEITAG_EIO, naming the path, when it is not there. */
TEITAG_API teitag_status teitag_pipeline_use_default_gazetteer(
    teitag_pipeline *pipeline, teitag_diag *diag);

/** One way a phrase matches a gazetteer entry (teitag_gazetteer_lookup).
 * Strings are borrowed for the duration of the callback. */
typedef struct teitag_gazetteer_match {
  size_t start, end;      /**< bytes of the looked-up text */
  teitag_type type;
  teitag_cert cert;       /**< high: the form as written; medium: inflected */
  const char *ref;        /**< the entry's ID */
  const char *norm;       /**< its dictionary form in the form's language */
  const char *form;       /**< the row's form that matched; "" when it was a
                               generated case form (the matched words) */
  teitag_lang lang;       /**< the form's language */
  const char *source;     /**< "gazetteer:FILE:LINE[ inflected CASE]" */
  const char *gazetteer;  /**< path of the gazetteer */
} teitag_gazetteer_match;

/** Receives one match; returns non-zero to stop. */
typedef int (*teitag_match_fn)(void *ctx, const teitag_gazetteer_match *m);

/** Reports every entry of the pipeline's gazetteers that matches words of
 * `text` (every start, every length, every candidate), to show which
 * entries a phrase matches and through which form. */
TEITAG_API teitag_status teitag_gazetteer_lookup(const teitag_pipeline *pipeline,
                                                 const char *text, size_t len,
                                                 teitag_match_fn fn, void *ctx,
                                                 teitag_diag *diag);

/* ---------------------------------------------------------------------- */
/* Documents                                                              */
/* ---------------------------------------------------------------------- */

/** Decodes `bytes` and builds a document of paragraphs, sentences and
 * tokens, with its language, but no entities yet.
 *
 * Accepted input: UTF-8 (a leading BOM is dropped), UTF-16 with a BOM,
 * windows-1251, KOI8-R or KOI8-U (detected; see
 * teitag_pipeline_set_encoding()), converted to UTF-8.  Invalid input
 * returns TEITAG_EUTF8 with the byte offset in `diag`; NUL bytes and control characters that XML cannot carry
 * return TEITAG_EBINARY.  `name` (may be NULL) becomes the document's id and
 * title.  On success stores a new document in `*out`; free it with
 * teitag_doc_free(). */
TEITAG_API teitag_status teitag_doc_from_bytes(const teitag_pipeline *pipeline,
                                               const char *bytes, size_t len,
                                               const char *name,
                                               teitag_doc **out,
                                               teitag_diag *diag);

/** Reads an existing TEI P5 document and builds a document from the text
 * of its body, ready for teitag_doc_annotate().
 *
 * Every text-bearing block of each <text><body> (p, ab, head, l, item,
 * cell, note, label, ... and any element that holds text directly) becomes
 * a paragraph; blocks are joined by a blank line in teitag_doc_text(), so
 * JSONL, brat and the other formats refer to that text.  Names already in
 * the input (persName, placeName, orgName, rs and name with a type,
 * measure type="currency", ...) become spans of the document and are never
 * annotated again; the text inside <w>, <pc> and other tokens is read but
 * an entity may only wrap whole tokens.  New entities never cross an
 * element boundary: a candidate that would is dropped.  Rendering the
 * result with TEITAG_FORMAT_TEI writes the input document back with the
 * new entities inserted (resp="#teitag") and teitag added to the header's
 * appInfo; header, attributes, comments and processing instructions are
 * kept as they were.
 *
 * Parsing is safe: no DTD or external entity is ever loaded and nothing is
 * read from the network; a document that declares an external entity
 * (XXE) is refused with TEITAG_ESYNTAX, one whose internal entities expand
 * beyond max(1 MiB, 10 x its size) ("billion laughs") with TEITAG_ETOOBIG.
 * Malformed XML returns TEITAG_ESYNTAX with the line and column in `diag`
 * (and in the message); a document that is not TEI (root TEI or teiCorpus,
 * in the TEI namespace or none) returns TEITAG_EFORMAT.  Free the result
 * with teitag_doc_free(). */
TEITAG_API teitag_status teitag_doc_from_tei(const teitag_pipeline *pipeline,
                                             const char *bytes, size_t len,
                                             const char *name,
                                             teitag_doc **out,
                                             teitag_diag *diag);

/** Builds a document from one JSONL line of the form
 * {"id": "...", "text": "...", "lang": "uk"} ("id" and "lang" optional; a
 * given "lang" overrides detection).  Malformed JSON returns TEITAG_ESYNTAX
 * with the column in `diag`.  Free the result with teitag_doc_free(). */
TEITAG_API teitag_status teitag_doc_from_jsonl(const teitag_pipeline *pipeline,
                                               const char *line, size_t len,
                                               teitag_doc **out,
                                               teitag_diag *diag);

/** Runs the pipeline's annotators over `doc` and resolves overlaps. */
TEITAG_API teitag_status teitag_doc_annotate(const teitag_pipeline *pipeline,
                                             teitag_doc *doc,
                                             teitag_diag *diag);

/** teitag_doc_from_bytes() followed by teitag_doc_annotate(). */
TEITAG_API teitag_status teitag_annotate(const teitag_pipeline *pipeline,
                                         const char *bytes, size_t len,
                                         const char *name, teitag_doc **out,
                                         teitag_diag *diag);

/** Frees a document and every string it lent out.  NULL is a no-op. */
TEITAG_API void teitag_doc_free(teitag_doc *doc);

/** Returns the document text (UTF-8, as it came in, without a BOM) and
 * stores its length in `*len` when `len` is not NULL.  Borrowed. */
TEITAG_API const char *teitag_doc_text(const teitag_doc *doc, size_t *len);

/** Returns the document's id (its name, or the JSONL "id"); borrowed. */
TEITAG_API const char *teitag_doc_id(const teitag_doc *doc);

/** Returns the encoding the document's bytes were decoded from: "UTF-8",
 * "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "windows-1251", "KOI8-R",
 * "KOI8-U", the IANA name of an encoding given with
 * teitag_pipeline_set_encoding(), or "JSON" for a JSONL document.  A
 * static or borrowed string; never NULL. */
TEITAG_API const char *teitag_doc_encoding(const teitag_doc *doc);

/** Returns the language of the document as a whole. */
TEITAG_API teitag_lang teitag_doc_lang(const teitag_doc *doc);

/** Paragraph, sentence and token counts. */
TEITAG_API size_t teitag_doc_n_paragraphs(const teitag_doc *doc);
TEITAG_API size_t teitag_doc_n_sentences(const teitag_doc *doc);
TEITAG_API size_t teitag_doc_n_tokens(const teitag_doc *doc);

/** Byte range and language of paragraph `i`.  Returns 0 when `i` is out of
 * range, 1 otherwise.  The language is the document's unless the paragraph
 * is clearly in another one. */
TEITAG_API int teitag_doc_paragraph(const teitag_doc *doc, size_t i,
                                    size_t *start, size_t *end,
                                    teitag_lang *lang);

/** Byte range of sentence `i`; returns 0 when out of range. */
TEITAG_API int teitag_doc_sentence(const teitag_doc *doc, size_t i,
                                   size_t *start, size_t *end);

/** What a token is made of. */
typedef enum teitag_token_kind {
  TEITAG_TOKEN_WORD = 1, /**< letters (with inner apostrophes and hyphens) */
  TEITAG_TOKEN_NUMBER,   /**< digits, with group and decimal separators */
  TEITAG_TOKEN_PUNCT,    /**< punctuation, quotes, brackets, dashes */
  TEITAG_TOKEN_SYMBOL,   /**< currency and other symbols */
  TEITAG_TOKEN_URL,      /**< a URL (http://..., www....) */
  TEITAG_TOKEN_EMAIL     /**< an e-mail address */
} teitag_token_kind;

/** The letter case of a token. */
typedef enum teitag_token_case {
  TEITAG_CASE_NONE = 0, /**< no letters */
  TEITAG_CASE_LOWER,    /**< all lower case: "kyiv" */
  TEITAG_CASE_TITLE,    /**< first letter upper, rest lower: "Kyiv" */
  TEITAG_CASE_UPPER,    /**< all upper case (2+ letters): "NATO" */
  TEITAG_CASE_MIXED     /**< anything else: "iPhone", "McDonald" */
} teitag_token_case;

/** One token.  Offsets are bytes into the document text. */
typedef struct teitag_token {
  size_t start;
  size_t end;
  teitag_token_kind kind;
  teitag_token_case letter_case;
  int sentence_start; /**< 1 for the first token of a sentence */
} teitag_token;

/** Fills `*out` with token `i`; returns 0 when out of range. */
TEITAG_API int teitag_doc_token(const teitag_doc *doc, size_t i,
                                teitag_token *out);

/** Returns the number of spans (after teitag_doc_annotate(): the resolved
 * entities, in text order). */
TEITAG_API size_t teitag_doc_n_spans(const teitag_doc *doc);

/** Fills `*out` with span `i`; returns 0 when out of range.  The strings in
 * `*out` are borrowed from `doc`. */
TEITAG_API int teitag_doc_span(const teitag_doc *doc, size_t i,
                               teitag_span *out);

/** Adds a candidate span; the strings are copied.  The offsets must lie in
 * the text on character boundaries with start < end, and a MONEY span needs
 * a currency and an amount or a range; otherwise TEITAG_EARG. */
TEITAG_API teitag_status teitag_doc_add_span(teitag_doc *doc,
                                             const teitag_span *span,
                                             teitag_diag *diag);

/** Chooses among overlapping candidates: a longer span beats a shorter one,
 * then higher certainty, then the earlier annotator.  With `nested` non-zero,
 * spans wholly inside a winner are kept as nested names; crossing spans are
 * always dropped.  teitag_doc_annotate() calls this itself. */
TEITAG_API void teitag_doc_resolve(teitag_doc *doc, int nested);

/* ---------------------------------------------------------------------- */
/* Writers                                                                */
/* ---------------------------------------------------------------------- */

/** Output formats. */
typedef enum teitag_format {
  TEITAG_FORMAT_TEI = 0, /**< TEI P5 with persName/placeName/orgName/measure */
  TEITAG_FORMAT_JSONL,   /**< one JSON object per document, one per line */
  TEITAG_FORMAT_BRAT,    /**< brat standoff: the .ann file; the matching .txt
                              is teitag_doc_text(), byte for byte */
  TEITAG_FORMAT_WEBANNO, /**< WebAnno TSV 3.3 (INCEpTION), NamedEntity layer */
  TEITAG_FORMAT_CONLL,   /**< token TAB BIO-tag, blank line between sentences */
  TEITAG_FORMAT_HTML     /**< one self-contained HTML page with a legend */
} teitag_format;

/** Parses "tei", "jsonl", "brat", "webanno", "conll", "html"; returns -1
 * for an unknown name. */
TEITAG_API int teitag_format_from_name(const char *name);

/** Writer options. */
#define TEITAG_WRITE_TOKENS (1u << 0)  /**< TEI: wrap sentences and tokens */
#define TEITAG_WRITE_EXPLAIN (1u << 1) /**< JSONL: add each span's "source" */
#define TEITAG_WRITE_NO_HEADER (1u << 2) /**< TEI: omit the sha256 line */
/** TEI: names as <rs type="person|place|org|money"> around <w> tokens, with
 * no added white space inside <text>, so that INCEpTION's TEI import (which
 * reads only rs and w) shows every entity and the document text equals the
 * input text.  For a document read from TEI, new names are written as rs
 * and no tokens are added. */
#define TEITAG_WRITE_RS (1u << 3)

/** Receives output bytes.  Returns 0 when all `len` bytes were taken, -1 on
 * failure (the writer then fails with TEITAG_EWRITE). */
typedef int (*teitag_sink_fn)(void *ctx, const char *data, size_t len);

/** A writer turns documents into a stream of output.
 *
 *     teitag_writer *w;
 *     teitag_writer_new(TEITAG_FORMAT_JSONL, 0, sink, ctx, &w);
 *     for each doc: teitag_writer_write(w, doc, &diag);
 *     teitag_writer_finish(w, &diag);
 *     teitag_writer_free(w);
 *
 * For JSONL and CoNLL each document is written as it comes; for HTML each
 * is a section of one page.  brat and WebAnno TSV hold offsets into one
 * text, so they take one document per writer (a second is TEITAG_EARG), as
 * does TEI written from a TEI input (teitag_doc_from_tei()).  For TEI
 * the first document opens a TEI document (header from its name and
 * language), every further document adds its paragraphs to the same body,
 * and teitag_writer_finish() writes the standOff lists and closes it: that
 * is how a huge file is written paragraph group by paragraph group. */
typedef struct teitag_writer teitag_writer;

/** Creates a writer.  `sink` and `ctx` are borrowed.  Free the writer with
 * teitag_writer_free(). */
TEITAG_API teitag_status teitag_writer_new(teitag_format format,
                                           unsigned options,
                                           teitag_sink_fn sink, void *ctx,
                                           teitag_writer **out);

/** Writes one document (or, for TEI, the next part of the document). */
TEITAG_API teitag_status teitag_writer_write(teitag_writer *writer,
                                             const teitag_doc *doc,
                                             teitag_diag *diag);

/** Completes the output (TEI: standOff lists and closing tags). */
TEITAG_API teitag_status teitag_writer_finish(teitag_writer *writer,
                                              teitag_diag *diag);

/** Frees a writer; unfinished output is abandoned.  NULL is a no-op. */
TEITAG_API void teitag_writer_free(teitag_writer *writer);

/** Renders one document into a new buffer (NUL-terminated for
 * convenience; the length excludes the NUL).  Free it with teitag_free(). */
TEITAG_API teitag_status teitag_render(const teitag_doc *doc,
                                       teitag_format format, unsigned options,
                                       char **out, size_t *out_len,
                                       teitag_diag *diag);

/* ---------------------------------------------------------------------- */
/* Streams: inputs of any size in bounded memory                          */
/* ---------------------------------------------------------------------- */

/** A stream annotates one plain-text input of any size, fed in blocks,
 * and writes it through a writer as one output document (TEI) or line
 * (JSONL), holding no more than about one part of it in memory.
 *
 *     teitag_stream *s;
 *     teitag_stream_new(p, "big.txt", w, &s);
 *     while ((n = read(fd, buf, sizeof buf)) > 0)
 *       if (teitag_stream_feed(s, buf, n, &diag) != TEITAG_OK) break;
 *     if (n == 0) teitag_stream_finish(s, &diag);
 *     teitag_stream_free(s);
 *     teitag_writer_finish(w, &diag);
 *
 * An input no larger than one part (4 MiB by default) becomes one document
 * exactly as teitag_annotate() makes it.  A larger one is annotated part
 * by part: each part ends at a paragraph boundary and is a document of its
 * own for language detection and name propagation; the output has every
 * paragraph in order with offsets counted from the start of the input.
 * The first part decides the encoding (as teitag_doc_from_bytes() does)
 * and the paragraph mode (blocks when it has a blank line, else lines,
 * unless the pipeline forces one).  A paragraph longer than a part is cut
 * at white space and continued in the next part (the output still has it
 * as one <p>), so memory stays bounded whatever the input.  The TEI header
 * of an input in parts names its size (teitag_stream_set_input_size) but
 * carries no sha256, because it is written before the input ends. */
typedef struct teitag_stream teitag_stream;

/** Creates a stream that writes to `writer` (borrowed; it must outlive the
 * stream).  `name` becomes the document's id and title.  Free it with
 * teitag_stream_free(). */
TEITAG_API teitag_status teitag_stream_new(const teitag_pipeline *pipeline,
                                           const char *name,
                                           teitag_writer *writer,
                                           teitag_stream **out);

/** Sets the part size in bytes of UTF-8 text (at least 4096; default 4
 * MiB).  Only before the first teitag_stream_feed().  Peak memory is a
 * small multiple of it. */
TEITAG_API void teitag_stream_set_part_size(teitag_stream *stream,
                                            size_t bytes);

/** Tells the stream the input's size in bytes, for the TEI header of an
 * input in parts (0: unknown, not stated). */
TEITAG_API void teitag_stream_set_input_size(teitag_stream *stream,
                                             size_t bytes);

/** Takes the next `len` bytes of input; annotates and writes every part
 * that is complete.  Errors (TEITAG_EUTF8 with the input byte offset,
 * TEITAG_EBINARY, TEITAG_EWRITE, ...) end the stream: later calls return
 * the same error.  Output already written for earlier parts stays
 * written; a caller that wants all or nothing writes to a temporary file. */
TEITAG_API teitag_status teitag_stream_feed(teitag_stream *stream,
                                            const char *bytes, size_t len,
                                            teitag_diag *diag);

/** Annotates and writes what is left, and ends this input's output (the
 * JSONL line).  Does not finish the writer, so several streams may write
 * one JSONL output in turn. */
TEITAG_API teitag_status teitag_stream_finish(teitag_stream *stream,
                                              teitag_diag *diag);

/** The encoding the input was read in ("" until it is known). */
TEITAG_API const char *teitag_stream_encoding(const teitag_stream *stream);

/** Entities of `type` written so far. */
TEITAG_API size_t teitag_stream_n_entities(const teitag_stream *stream,
                                           teitag_type type);

/** Parts annotated so far, and the byte range of part `i` in the decoded
 * UTF-8 text (for a UTF-8 input without BOM, in the input).  Returns 0
 * when `i` is out of range. */
TEITAG_API size_t teitag_stream_n_parts(const teitag_stream *stream);
TEITAG_API int teitag_stream_part(const teitag_stream *stream, size_t i,
                                  size_t *start, size_t *end);

/** Frees the stream.  NULL is a no-op. */
TEITAG_API void teitag_stream_free(teitag_stream *stream);

/* ---------------------------------------------------------------------- */
/* Evaluation against gold annotations                                    */
/* ---------------------------------------------------------------------- */

/** Scores a pipeline against gold documents in the JSONL shape of the
 * evaluation corpora ({"id","lang","types","text","entities":[{"start",
 * "end","type"}]}, code-point offsets).  Exact-span matching; only the types
 * a document's "types" lists are scored.
 *
 *     teitag_eval *ev = teitag_eval_new();
 *     for each line: teitag_eval_add_jsonl(ev, p, line, len, &diag);
 *     char *report = teitag_eval_report(ev, 20);
 *     puts(report); teitag_free(report); teitag_eval_free(ev);
 */
typedef struct teitag_eval teitag_eval;

/** Creates an empty score sheet.  Free it with teitag_eval_free(). */
TEITAG_API teitag_eval *teitag_eval_new(void);

/** Annotates one gold line with `pipeline` and adds its counts.  Returns
 * TEITAG_ESYNTAX for a malformed line (the sheet is unchanged). */
TEITAG_API teitag_status teitag_eval_add_jsonl(teitag_eval *eval,
                                               const teitag_pipeline *pipeline,
                                               const char *line, size_t len,
                                               teitag_diag *diag);

/** Returns a plain-text report: documents, language-detection accuracy,
 * then precision, recall and F1 per language and type and micro-averaged;
 * with `max_errors` > 0, up to that many false negatives and false
 * positives per type with context.  Free it with teitag_free(). */
TEITAG_API char *teitag_eval_report(const teitag_eval *eval, size_t max_errors);

/** Returns micro-averaged P, R, F1 over everything added for one language
 * (TEITAG_LANG_AUTO: all) and type (TEITAG_TYPE_NONE: all). */
TEITAG_API void teitag_eval_scores(const teitag_eval *eval, teitag_lang lang,
                                   teitag_type type, double *precision,
                                   double *recall, double *f1);

/** Adds everything counted in `from` (documents, tallies, errors) to
 * `into`, e.g. to report several gold files separately and together. */
TEITAG_API void teitag_eval_merge(teitag_eval *into, const teitag_eval *from);

/** Frees the score sheet.  NULL is a no-op. */
TEITAG_API void teitag_eval_free(teitag_eval *eval);

#ifdef __cplusplus
}
#endif

#endif /* TEITAG_H */
