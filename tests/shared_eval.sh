#!/bin/sh
# SPDX-License-Identifier: MIT
#
# shared_eval.sh -- language detection on the shared evaluation corpora:
# at least 99% of their documents must get their "lang" right.  The corpora
# live outside the project (../shared/eval); without them this test is
# skipped, and says so.
. "$(dirname "$0")/lib.sh"
eval_dir=${TEITAG_EVAL_DIR:-$top_srcdir/../shared/eval}
if ! ls "$eval_dir"/*.jsonl >/dev/null 2>&1; then
  echo "SKIP: no evaluation corpora in $eval_dir"
  exit 77
fi
right=0 total=0
for f in "$eval_dir"/*.jsonl; do
  "$TEITAG" eval --no-rules "$f" >"$tmp/report.txt" || fail "eval $f"
  line=$(grep '^language detected correctly' "$tmp/report.txt")
  echo "$(basename "$f"): $line"
  r=$(echo "$line" | sed 's/.*: \([0-9]*\) of \([0-9]*\).*/\1/')
  t=$(echo "$line" | sed 's/.*: \([0-9]*\) of \([0-9]*\).*/\2/')
  right=$((right + r)) total=$((total + t))
done
echo "language detection: $right of $total documents right"
if [ $((right * 100)) -ge $((total * 99)) ]; then pass "language detection >= 99%"
else fail "language detection below 99%"; fi
finish
