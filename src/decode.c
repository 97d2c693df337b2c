/* SPDX-License-Identifier: MIT
 *
 * decode.c -- from input bytes to valid UTF-8 that XML can carry.
 *
 * UTF-8 is checked, not repaired: an invalid sequence is an error that
 * names its byte offset, because silently substituting U+FFFD would put
 * text into the output that was never in the input.  A UTF-8 BOM is
 * dropped; UTF-16 with a BOM goes through an ICU converter.  Input that is
 * not UTF-8 may be one of the legacy Cyrillic encodings of old news
 * archives (windows-1251, KOI8-R, KOI8-U): ICU's charset detector ranks
 * them, and the choice is accepted only when the decoded text reads like
 * Cyrillic words (mostly lower case, no letters glued to Latin ones), so
 * that Latin-1 or binary input is an error rather than mojibake.  A caller
 * may also name the encoding (any ICU converter).  Segmenting and language
 * detection happen elsewhere.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include "private.h"

/* Converts `len` bytes in `charset` to UTF-8 with ICU, stopping at the
 * first sequence that is not valid in that charset. */
static teitag_status convert_to_utf8(const char *charset, const char *bytes,
                                     size_t len, size_t base, char **out,
                                     size_t *out_len, teitag_diag *diag) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter *cnv = ucnv_open(charset, &err);
  if (U_FAILURE(err))
    return tt_fail(diag, TEITAG_EICU, 0, 0, TT_NO_OFFSET,
                   "cannot open the %s converter: %s", charset,
                   u_errorName(err));
  ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
  /* Every input byte of the encodings we detect yields at most one UTF-16
   * unit; a named encoding may yield more, and gets a second try. */
  size_t cap = len + 16;
  UChar *u = tt_xmalloc(cap * sizeof(UChar));
  UChar *target = u;
  const char *src = bytes;
  ucnv_toUnicode(cnv, &target, u + cap, &src, bytes + len, NULL, 1, &err);
  if (err == U_BUFFER_OVERFLOW_ERROR && len < SIZE_MAX / 8) {
    free(u);
    cap = 2 * len + 16;
    u = tt_xmalloc(cap * sizeof(UChar));
    target = u;
    src = bytes;
    err = U_ZERO_ERROR;
    ucnv_resetToUnicode(cnv);
    ucnv_toUnicode(cnv, &target, u + cap, &src, bytes + len, NULL, 1, &err);
  }
  teitag_status st = TEITAG_OK;
  if (U_FAILURE(err)) {
    char bad[8];
    int8_t bad_len = (int8_t)sizeof bad;
    UErrorCode e2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(cnv, bad, &bad_len, &e2);
    size_t at = (size_t)(src - bytes) - (U_SUCCESS(e2) ? (size_t)bad_len : 0);
    st = tt_fail(diag, TEITAG_EUTF8, 0, 0, base + at,
                 "invalid %s at byte offset %zu", charset, base + at);
    goto done;
  }
  int32_t n8 = 0;
  size_t n16 = (size_t)(target - u);
  if (n16 > INT32_MAX / 3) {
    st = tt_fail(diag, TEITAG_ETOOBIG, 0, 0, TT_NO_OFFSET,
                 "%s input too large to convert", charset);
    goto done;
  }
  err = U_ZERO_ERROR;
  u_strToUTF8(NULL, 0, &n8, u, (int32_t)n16, &err);
  err = U_ZERO_ERROR;
  *out = tt_xmalloc((size_t)n8 + 1);
  u_strToUTF8(*out, n8 + 1, &n8, u, (int32_t)n16, &err);
  if (U_FAILURE(err)) {
    free(*out);
    *out = NULL;
    st = tt_fail(diag, TEITAG_EUTF8, 0, 0, TT_NO_OFFSET,
                 "%s input holds an unpaired surrogate", charset);
    goto done;
  }
  *out_len = (size_t)n8;
done:
  free(u);
  ucnv_close(cnv);
  return st;
}

#if defined(__SSE2__)
#include <emmintrin.h>
/* Is one of the sixteen bytes at s below 0x20 or 0xEF (the lead byte of
 * U+FFFE/U+FFFF)?  This check reads every input byte; SSE2 (every
 * x86-64) passes clean text sixteen bytes at a time. */
static inline int maybe_bad(const unsigned char *s) {
  __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
  __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
  __m128i ef = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF));
  return _mm_movemask_epi8(_mm_or_si128(low, ef)) != 0;
}
#define CHECK_BLOCK 16
#else
/* The same for eight bytes, with the zero-byte tests on a word. */
static inline int maybe_bad(const unsigned char *s) {
  uint64_t w;
  memcpy(&w, s, 8);
  const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
  uint64_t below = (w - ones * 0x20) & ~w & high;
  uint64_t x = w ^ (ones * 0xEF);
  uint64_t ef = (x - ones) & ~x & high;
  return (below | ef) != 0;
}
#define CHECK_BLOCK 8
#endif

/* Fails on the first NUL of the text, if it has one: a NUL anywhere makes
 * the input binary, whatever bad byte comes before it. */
static teitag_status fail_on_nul(const char *text, size_t len, size_t base,
                                 teitag_diag *diag) {
  const char *nul = memchr(text, '\0', len);
  if (!nul)
    return TEITAG_OK;
  return tt_fail(diag, TEITAG_EBINARY, 0, 0, base + (size_t)(nul - text),
                 "NUL byte at byte offset %zu: this looks like a binary "
                 "file, not text",
                 base + (size_t)(nul - text));
}

teitag_status tt_check_text(const char *text, size_t len, size_t base,
                            teitag_diag *diag) {
  const unsigned char *s = (const unsigned char *)text;
  /* One pass: a NUL is below 0x20, so text without bad bytes has none,
   * and only when one turns up is the text searched for a NUL. */
  for (size_t i = 0; i < len; i++) {
    while (i + CHECK_BLOCK <= len && !maybe_bad(s + i))
      i += CHECK_BLOCK;
    if (i >= len)
      break;
    unsigned c = s[i];
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
      return fail_on_nul(text, len, base, diag) != TEITAG_OK
                 ? TEITAG_EBINARY
                 : tt_fail(diag, TEITAG_EBINARY, 0, 0, base + i,
                           "control character U+%04X at byte offset %zu "
                           "cannot be written as XML text",
                           c, base + i);
    if (c == 0xEF && i + 2 < len && s[i + 1] == 0xBF &&
        (s[i + 2] == 0xBE || s[i + 2] == 0xBF))
      return fail_on_nul(text, len, base, diag) != TEITAG_OK
                 ? TEITAG_EBINARY
                 : tt_fail(diag, TEITAG_EBINARY, 0, 0, base + i,
                           "non-character U+FFF%c at byte offset %zu cannot "
                           "be written as XML text",
                           s[i + 2] == 0xBE ? 'E' : 'F', base + i);
  }
  return TEITAG_OK;
}

/* ---- legacy Cyrillic encodings ----------------------------------------- */

/* The code points of bytes 0x80..0xFF in a single-byte charset (0 where
 * it has none), read from ICU's converter. */
static int high_table(const char *charset, uint32_t table[128]) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter *cnv = ucnv_open(charset, &err);
  if (U_FAILURE(err))
    return -1;
  for (int b = 0; b < 128; b++) {
    char byte = (char)(0x80 + b);
    const char *src = &byte;
    UChar u[4];
    UChar *target = u;
    err = U_ZERO_ERROR;
    ucnv_resetToUnicode(cnv);
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    ucnv_toUnicode(cnv, &target, u + 4, &src, &byte + 1, NULL, 1, &err);
    table[b] = U_SUCCESS(err) && target == u + 1 ? u[0] : 0;
  }
  ucnv_close(cnv);
  return 0;
}

/* Does `b` decoded with `table` read like text with Cyrillic words?  A
 * Cyrillic text is mostly lower case; its letters stand in words of two or
 * more, not glued to Latin letters; and the other high bytes are
 * punctuation (quotes, dashes, No.) rather than box-drawing or control
 * characters.  Latin-1 accents, a stray byte or binary data fail here. */
static int reads_as_cyrillic(const unsigned char *b, size_t len,
                             const uint32_t table[128]) {
  size_t letters = 0, lower = 0, lone = 0, glued = 0, odd = 0, run = 0;
  for (size_t i = 0; i <= len; i++) {
    unsigned cls = 0;
    if (i < len && b[i] >= 0x80) {
      uint32_t cp = table[b[i] - 0x80];
      cls = cp ? tt_cp_class(cp) : TT_C_BAD;
      if (cls & TT_C_CYRILLIC) {
        letters++;
        lower += (cls & TT_C_LOWER) != 0;
        int before = i > 0 && b[i - 1] < 0x80 &&
                     (tt_cp_class(b[i - 1]) & TT_C_ALPHA);
        int after = i + 1 < len && b[i + 1] < 0x80 &&
                    (tt_cp_class(b[i + 1]) & TT_C_ALPHA);
        glued += before || after;
        run++;
        continue;
      }
      if (!(cls & (TT_C_PUNCT | TT_C_QUOTE | TT_C_SPACE | TT_C_CURRENCY)) &&
          cp != 0x2116 /* No. */)
        odd++;
    }
    if (run == 1)
      lone++;
    run = 0;
  }
  if (letters < 2)
    return 0;
  return lower * 10 >= letters * 6 && glued * 10 <= letters &&
         lone * 5 <= letters && odd * 10 <= letters;
}

/* ICU's charset detector, asked only about the encodings we accept. */
static void detector_ranking(const char *bytes, size_t len,
                             const char *order[2]) {
  order[0] = "windows-1251";
  order[1] = "KOI8-R";
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector *det = ucsdet_open(&err);
  if (U_FAILURE(err))
    return;
  /* The detector reads n-grams; 256 KB decides as well as a gigabyte. */
  int32_t n = len > (256u << 10) ? (int32_t)(256u << 10) : (int32_t)len;
  ucsdet_setText(det, bytes, n, &err);
  int32_t n_matches = 0;
  const UCharsetMatch **m = ucsdet_detectAll(det, &n_matches, &err);
  for (int32_t i = 0; U_SUCCESS(err) && i < n_matches; i++) {
    UErrorCode e2 = U_ZERO_ERROR;
    const char *name = ucsdet_getName(m[i], &e2);
    if (U_SUCCESS(e2) && name && strcmp(name, "KOI8-R") == 0) {
      order[0] = "KOI8-R";
      order[1] = "windows-1251";
      break;
    }
    if (U_SUCCESS(e2) && name && strcmp(name, "windows-1251") == 0)
      break;
  }
  ucsdet_close(det);
}

/* KOI8-U puts і ї є ґ (and capitals) where KOI8-R has box-drawing
 * characters: any of them means Ukrainian KOI8. */
static int has_koi8u_letters(const unsigned char *b, size_t len) {
  static const unsigned char only_u[] = {0xA4, 0xA6, 0xA7, 0xAD,
                                         0xB4, 0xB6, 0xB7, 0xBD};
  for (size_t i = 0; i < len; i++)
    if (b[i] >= 0xA4 && b[i] <= 0xBD && memchr(only_u, b[i], sizeof only_u))
      return 1;
  return 0;
}

/* Picks a legacy encoding for bytes that are not UTF-8, or returns NULL. */
static const char *legacy_encoding(const char *bytes, size_t len) {
  const unsigned char *b = (const unsigned char *)bytes;
  const char *order[2];
  detector_ranking(bytes, len, order);
  /* The plausibility check reads a sample: enough to judge, bounded. */
  size_t sample = len > (1u << 20) ? (1u << 20) : len;
  for (int k = 0; k < 2; k++) {
    const char *cs = order[k];
    if (strcmp(cs, "KOI8-R") == 0 && has_koi8u_letters(b, sample))
      cs = "KOI8-U";
    uint32_t table[128];
    if (high_table(cs, table) == 0 && reads_as_cyrillic(b, sample, table))
      return cs;
  }
  return NULL;
}

teitag_status tt_detect_encoding(const char *bytes, size_t len, int prefix,
                                 char name[32], teitag_diag *diag) {
  const unsigned char *b = (const unsigned char *)bytes;
  if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
    snprintf(name, 32, "UTF-16LE");
    return TEITAG_OK;
  }
  if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
    snprintf(name, 32, "UTF-16BE");
    return TEITAG_OK;
  }
  size_t skip = len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;
  size_t bad = skip + tt_utf8_check(b + skip, len - skip);
  /* A prefix may end inside a character: a truncated last sequence there
   * is no evidence against UTF-8. */
  if (bad < len && prefix && len - bad < 4 && b[bad] >= 0xC2 &&
      tt_utf8_check(b + bad, len - bad) == 0) {
    int need = b[bad] >= 0xF0 ? 4 : b[bad] >= 0xE0 ? 3 : 2;
    if ((size_t)need > len - bad)
      bad = len;
  }
  if (bad == len || memchr(bytes + skip, '\0', bad - skip)) {
    snprintf(name, 32, "%s", skip ? "UTF-8 (BOM)" : "UTF-8");
    return TEITAG_OK;
  }
  const char *legacy = skip ? NULL : legacy_encoding(bytes, len);
  if (legacy) {
    snprintf(name, 32, "%s", legacy);
    return TEITAG_OK;
  }
  return tt_fail(diag, TEITAG_EUTF8, 0, 0, bad,
                 "invalid UTF-8 (byte 0x%02X) at byte offset %zu; the text "
                 "is not windows-1251, KOI8-R or KOI8-U either (name its "
                 "encoding with --encoding)",
                 b[bad], bad);
}

teitag_status tt_encoding_name(const char *requested, char name[32],
                               teitag_diag *diag) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter *cnv = ucnv_open(requested, &err);
  if (U_FAILURE(err)) {
    if (cnv)
      ucnv_close(cnv);
    return tt_fail(diag, TEITAG_EARG, 0, 0, TT_NO_OFFSET,
                   "unknown encoding '%s' (try windows-1251, KOI8-R, KOI8-U, "
                   "UTF-16LE, ISO-8859-5, or 'uconv -l' for all)",
                   requested);
  }
  /* The MIME name where there is one (ISO-8859-1, not IANA's
   * ISO_8859-1:1987), else the IANA name (windows-1251). */
  err = U_ZERO_ERROR;
  const char *icu = ucnv_getName(cnv, &err);
  UErrorCode e2 = U_ZERO_ERROR, e3 = U_ZERO_ERROR;
  const char *mime = U_SUCCESS(err) ? ucnv_getStandardName(icu, "MIME", &e2) : NULL;
  const char *iana = U_SUCCESS(err) ? ucnv_getStandardName(icu, "IANA", &e3) : NULL;
  snprintf(name, 32, "%s",
           U_SUCCESS(e2) && mime ? mime
           : U_SUCCESS(e3) && iana ? iana
                                   : requested);
  ucnv_close(cnv);
  return TEITAG_OK;
}

/* ---- from bytes to text ------------------------------------------------ */

/* UTF-8, checked in place; a BOM is skipped. */
static teitag_status decode_utf8(const char *bytes, size_t len, int checked,
                                 const char **out, size_t *out_len,
                                 char encoding[32], teitag_diag *diag) {
  const unsigned char *b = (const unsigned char *)bytes;
  size_t skip = len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;
  const char *nul = memchr(bytes + skip, '\0', len - skip);
  if (nul)
    return tt_check_text(bytes + skip, len - skip, skip, diag);
  /* Detection has already validated the whole input (`checked`): a second
   * pass over every byte would cost as much again. */
  size_t bad = checked ? len - skip : tt_utf8_check(b + skip, len - skip);
  if (bad != len - skip)
    return tt_fail(diag, TEITAG_EUTF8, 0, 0, skip + bad,
                   "invalid UTF-8 (byte 0x%02X) at byte offset %zu",
                   b[skip + bad], skip + bad);
  teitag_status st = tt_check_text(bytes + skip, len - skip, skip, diag);
  if (st != TEITAG_OK)
    return st;
  snprintf(encoding, 32, "%s", skip ? "UTF-8 (BOM)" : "UTF-8");
  *out = bytes + skip;
  *out_len = len - skip;
  return TEITAG_OK;
}

size_t tt_input_span(const char *charset, const char *u8, size_t len) {
  if (strncmp(charset, "UTF-8", 5) == 0)
    return len;
  int utf16 = strncmp(charset, "UTF-16", 6) == 0;
  if (!utf16) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &err);
    int single = U_SUCCESS(err) && ucnv_getMaxCharSize(cnv) == 1;
    if (cnv)
      ucnv_close(cnv);
    if (!single)
      return TT_NO_OFFSET;
  }
  const unsigned char *s = (const unsigned char *)u8;
  size_t n = 0;
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    i += tt_utf8_next(s + i, &cp);
    n += utf16 ? (cp >= 0x10000 ? 4 : 2) : 1;
  }
  return n;
}

void tt_diag_move_offset(teitag_diag *diag, size_t in_off) {
  if (!diag || diag->offset == TT_NO_OFFSET)
    return;
  char old[48];
  snprintf(old, sizeof old, "byte offset %zu", diag->offset);
  char *at = strstr(diag->message, old);
  if (!at)
    return;
  char rest[sizeof diag->message];
  snprintf(rest, sizeof rest, "%s", at + strlen(old));
  size_t room = sizeof diag->message - (size_t)(at - diag->message);
  if (in_off == TT_NO_OFFSET)
    snprintf(at, room, "byte offset %zu of the text decoded to UTF-8%s",
             diag->offset, rest);
  else
    snprintf(at, room, "byte offset %zu%s", in_off, rest);
  diag->offset = in_off;
}

/* Any other charset, through ICU; a leading BOM (U+FEFF) is dropped. */
static teitag_status decode_icu(const char *charset, const char *bytes,
                                size_t len, const char **out,
                                size_t *out_len, int *owned,
                                teitag_diag *diag) {
  const unsigned char *b = (const unsigned char *)bytes;
  size_t skip = 0;
  /* UTF-16LE/BE converters keep a BOM as text; "UTF-16" reads it. */
  if (len >= 2 && strncmp(charset, "UTF-16", 6) == 0 && charset[6] &&
      ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
    skip = 2;
    if (len % 2)
      return tt_fail(diag, TEITAG_EUTF8, 0, 0, len - 1,
                     "%s input ends in the middle of a character at byte "
                     "offset %zu (odd length)",
                     charset, len - 1);
  }
  char *u8 = NULL;
  size_t n = 0;
  teitag_status st =
      convert_to_utf8(charset, bytes + skip, len - skip, skip, &u8, &n, diag);
  if (st != TEITAG_OK)
    return st;
  size_t bom = n >= 3 && memcmp(u8, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  if (bom)
    memmove(u8, u8 + 3, n -= 3);
  st = tt_check_text(u8, n, 0, diag);
  if (st != TEITAG_OK) {
    /* Name the offset in the input, not in the UTF-8 made from it. */
    size_t span = diag ? tt_input_span(charset, u8, diag->offset) : 0;
    if (diag)
      tt_diag_move_offset(diag, span == TT_NO_OFFSET
                                    ? span
                                    : skip + (bom ? 2 : 0) + span);
    free(u8);
    return st;
  }
  *out = u8;
  *out_len = n;
  *owned = 1;
  return TEITAG_OK;
}

teitag_status tt_decode_as(const char *forced, const char *bytes, size_t len,
                           const char **out, size_t *out_len, int *owned,
                           char encoding[32], teitag_diag *diag) {
  char name[32];
  *owned = 0;
  teitag_status st = forced && *forced
                         ? (snprintf(name, sizeof name, "%s", forced), TEITAG_OK)
                         : tt_detect_encoding(bytes, len, 0, name, diag);
  if (st != TEITAG_OK)
    return st;
  if (strncmp(name, "UTF-8", 5) == 0)
    return decode_utf8(bytes, len, !(forced && *forced), out, out_len,
                       encoding, diag);
  st = decode_icu(name, bytes, len, out, out_len, owned, diag);
  if (st == TEITAG_OK)
    snprintf(encoding, 32, "%s", name);
  return st;
}

teitag_status tt_decode(const char *bytes, size_t len, const char **out,
                        size_t *out_len, int *owned, char encoding[32],
                        teitag_diag *diag) {
  return tt_decode_as(NULL, bytes, len, out, out_len, owned, encoding, diag);
}
