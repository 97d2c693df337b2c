/* SPDX-License-Identifier: MIT
 *
 * diag.c -- error descriptions and the helper that fills teitag_diag.
 *
 * The library never prints: every failure is a status plus a message that
 * names the place (line, column, byte offset), and the caller decides what
 * to do with it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "private.h"

const char *teitag_strerror(teitag_status status) {
  switch (status) {
  case TEITAG_OK: return "success";
  case TEITAG_ENOMEM: return "out of memory";
  case TEITAG_EIO: return "input/output error";
  case TEITAG_EUTF8: return "invalid encoding";
  case TEITAG_EBINARY: return "binary data";
  case TEITAG_ESYNTAX: return "syntax error";
  case TEITAG_EICU: return "ICU error";
  case TEITAG_EXML: return "XML error";
  case TEITAG_EARG: return "invalid argument";
  case TEITAG_EFORMAT: return "corrupt or incompatible file";
  case TEITAG_ETOOBIG: return "input too large";
  case TEITAG_EWRITE: return "write error";
  }
  return "unknown error";
}

void tt_diag_clear(teitag_diag *diag) {
  if (!diag)
    return;
  diag->line = diag->column = 0;
  diag->offset = TT_NO_OFFSET;
  diag->message[0] = '\0';
}

teitag_status tt_fail(teitag_diag *diag, teitag_status st, size_t line,
                      size_t column, size_t offset, const char *fmt, ...) {
  if (!diag)
    return st;
  diag->line = line;
  diag->column = column;
  diag->offset = offset;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(diag->message, sizeof diag->message, fmt, ap);
  va_end(ap);
  return st;
}
