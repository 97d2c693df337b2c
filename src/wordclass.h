/* SPDX-License-Identifier: MIT
 *
 * wordclass.h -- closed word classes: function words and role words.
 * Lookups take the hash of a token's folded key (tt_token.hash).
 */
#ifndef TEITAG_WORDCLASS_H
#define TEITAG_WORDCLASS_H

#include "private.h"

/* A pronoun, determiner, conjunction or frequent adverb (en, uk, ru). */
int tt_is_function_word(uint64_t key_hash);
/* A title, role, weekday, month or company designator that may stand next
 * to a name in English without being part of it. */
int tt_is_role_word(uint64_t key_hash);

#endif
