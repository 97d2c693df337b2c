/* SPDX-License-Identifier: MIT
 *
 * decode.c -- from input bytes to valid UTF-8 that XML can carry.
 *
 * UTF-8 is checked, not repaired: an invalid sequence is an error that
 * names its byte offset, because silently substituting U+FFFD would put
 * text into the output that was never in the input.  A UTF-8 BOM is
 * dropped; UTF-16 with a BOM goes through an ICU converter.  Segmenting and
 * language detection happen elsewhere.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
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
  /* Every input byte yields at most one UTF-16 unit (UTF-16 input: half). */
  size_t cap = len + 1;
  UChar *u = tt_xmalloc(cap * sizeof(UChar));
  UChar *target = u;
  const char *src = bytes;
  ucnv_toUnicode(cnv, &target, u + cap, &src, bytes + len, NULL, 1, &err);
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

teitag_status tt_check_text(const char *text, size_t len, size_t base,
                            teitag_diag *diag) {
  const unsigned char *s = (const unsigned char *)text;
  const char *nul = memchr(text, '\0', len);
  if (nul)
    return tt_fail(diag, TEITAG_EBINARY, 0, 0, base + (size_t)(nul - text),
                   "NUL byte at byte offset %zu: this looks like a binary "
                   "file, not text",
                   base + (size_t)(nul - text));
  for (size_t i = 0; i < len; i++) {
    unsigned c = s[i];
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
      return tt_fail(diag, TEITAG_EBINARY, 0, 0, base + i,
                     "control character U+%04X at byte offset %zu cannot be "
                     "written as XML text",
                     c, base + i);
    if (c == 0xEF && i + 2 < len && s[i + 1] == 0xBF &&
        (s[i + 2] == 0xBE || s[i + 2] == 0xBF))
      return tt_fail(diag, TEITAG_EBINARY, 0, 0, base + i,
                     "non-character U+FFF%c at byte offset %zu cannot be "
                     "written as XML text",
                     s[i + 2] == 0xBE ? 'E' : 'F', base + i);
  }
  return TEITAG_OK;
}

teitag_status tt_decode(const char *bytes, size_t len, const char **out,
                        size_t *out_len, int *owned, char encoding[32],
                        teitag_diag *diag) {
  const unsigned char *b = (const unsigned char *)bytes;
  *owned = 0;
  if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) ||
                   (b[0] == 0xFE && b[1] == 0xFF))) {
    const char *cs = b[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
    char *u8 = NULL;
    size_t n = 0;
    if (len % 2)
      return tt_fail(diag, TEITAG_EUTF8, 0, 0, len - 1,
                     "%s input ends in the middle of a character at byte "
                     "offset %zu (odd length)",
                     cs, len - 1);
    teitag_status st = convert_to_utf8(cs, bytes + 2, len - 2, 2, &u8, &n, diag);
    if (st != TEITAG_OK)
      return st;
    st = tt_check_text(u8, n, 0, diag);
    if (st != TEITAG_OK) {
      free(u8);
      return st;
    }
    snprintf(encoding, 32, "%s", cs);
    *out = u8;
    *out_len = n;
    *owned = 1;
    return TEITAG_OK;
  }
  size_t skip = 0;
  if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
    skip = 3;
  const char *nul = memchr(bytes + skip, '\0', len - skip);
  if (nul)
    return tt_check_text(bytes + skip, len - skip, skip, diag);
  size_t bad = tt_utf8_check(b + skip, len - skip);
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
