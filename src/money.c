/* SPDX-License-Identifier: MIT
 *
 * money.c -- the money recogniser: amounts in en/uk/ru notation with
 * their currency, normalised to a plain decimal and an ISO 4217 code.
 * (Placeholder: the recogniser is being built; it proposes no spans yet.)
 */
#include "config.h"

#include "private.h"

teitag_status tt_money_annotate(const teitag_pipeline *p, teitag_doc *doc,
                                teitag_diag *diag) {
  (void)p;
  (void)doc;
  (void)diag;
  return TEITAG_OK;
}
