#!/bin/sh
# SPDX-License-Identifier: MIT
#
# golden.sh -- every article of corpus/ through the CLI: the TEI validates
# against teitag.rng (and tei_all.rng with jing when both are present), its
# paragraphs read back as the input, and the entities found equal the
# committed expectation (tests/data/golden.jsonl), so that any change in
# what teitag finds shows up as a diff to review.  Regenerate the
# expectation after a deliberate change with:  tests/golden.sh --update
. "$(dirname "$0")/lib.sh"
cd "$top_srcdir"
golden=tests/data/golden.jsonl
ls corpus/*/*.txt >"$tmp/list"
n=$(wc -l <"$tmp/list")
[ "$n" -ge 15 ] || fail "corpus has only $n articles"
while read -r f; do
  out="$tmp/$(echo "$f" | tr / _).xml"
  if ! "$TEITAG" annotate "$f" -o "$out" 2>"$tmp/err"; then
    fail "$f: $(cat "$tmp/err")"; continue; fi
  "$VALIDATE" --paragraphs "$out" >"$tmp/p.txt"
  grep -v '^[[:space:]]*$' "$f" >"$tmp/want.txt" || true
  cmp -s "$tmp/p.txt" "$tmp/want.txt" || fail "$f: paragraphs do not read back"
done <"$tmp/list"
if "$VALIDATE" "$SCHEMA" "$tmp"/*.xml; then pass "$n corpus outputs validate against teitag.rng"
else fail "corpus output invalid"; fi
if [ -r "$TEI_ALL" ] && command -v jing >/dev/null 2>&1; then
  if jing "$TEI_ALL" "$tmp"/*.xml; then pass "$n corpus outputs validate against tei_all.rng"
  else fail "corpus output invalid against tei_all.rng"; fi
else
  echo "SKIP: tei_all.rng or jing not available; not validating against full TEI"
fi
# shellcheck disable=SC2046
"$TEITAG" annotate -f jsonl $(cat "$tmp/list") >"$tmp/golden.jsonl"
if [ "${1:-}" = --update ]; then
  cp "$tmp/golden.jsonl" "$golden"
  echo "updated $golden"
elif cmp -s "$tmp/golden.jsonl" "$golden"; then
  pass "entities equal $golden"
else
  diff "$golden" "$tmp/golden.jsonl" | head -40 >&2
  fail "entities differ from $golden (review, then tests/golden.sh --update)"
fi
"$TEITAG" eval corpus/gold.jsonl >"$tmp/eval.txt" || fail "eval of corpus/gold.jsonl"
cat "$tmp/eval.txt"
finish
