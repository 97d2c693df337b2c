/* SPDX-License-Identifier: MIT
 *
 * names.c -- person, organisation and place rules beyond the gazetteer,
 * and the propagation of names within a document.
 * (Placeholder: the rules are being built; they propose no spans yet.)
 */
#include "config.h"

#include "private.h"

teitag_status tt_names_annotate(const teitag_pipeline *p, teitag_doc *doc,
                                teitag_diag *diag) {
  (void)p;
  (void)doc;
  (void)diag;
  return TEITAG_OK;
}
