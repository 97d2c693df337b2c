/* SPDX-License-Identifier: MIT
 *
 * gazetteer.c -- names from the loaded gazetteers.
 * (Placeholder: the compiled gazetteer is being built.)
 */
#include "config.h"

#include "private.h"

teitag_status tt_gazetteer_annotate(const teitag_pipeline *p, teitag_doc *doc,
                                    teitag_diag *diag) {
  (void)p;
  (void)doc;
  (void)diag;
  return TEITAG_OK;
}
