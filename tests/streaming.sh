#!/bin/sh
# SPDX-License-Identifier: MIT
#
# streaming.sh -- `annotate -i jsonl -f jsonl` for cluster engines: the
# README's GNU parallel commands (--pipe, and --sshlogin with the local
# host ":") give the same output as one process; the Hadoop Streaming
# mapper contract (input splits by line, the mapper run on each, outputs
# concatenated) does too; memory follows the longest line, not the input;
# and a single line of text far longer than a part is annotated in parts,
# exactly, in bounded memory.
. "$(dirname "$0")/lib.sh"

# 600 documents of our own, a few with characters JSON must escape
awk 'BEGIN {
  split("Kyiv|Lviv|Odesa|Warsaw|Paris|Berlin", city, "|")
  for (i = 1; i <= 600; i++) {
    c = city[i % 6 + 1]
    if (i % 3 == 0)
      printf "{\"id\": \"d%d\", \"text\": \"Мер міста %s зустрівся з Олегом Ткачем. \\\"Цитата\\\" %d.\", \"lang\": \"uk\"}\n", i, c, i
    else
      printf "{\"id\": \"d%d\", \"text\": \"The mayor of %s met Anna Smith on day %d.\\nA second paragraph.\"}\n", i, c, i
  } }' >"$tmp/docs.jsonl"

expect_status 0 "one process" -- sh -c "\"$TEITAG\" annotate -i jsonl -f jsonl < \"$tmp/docs.jsonl\" > \"$tmp/single.jsonl\""
if [ "$(wc -l <"$tmp/single.jsonl")" -eq 600 ]; then pass "600 lines in, 600 out"; else fail "$(wc -l <"$tmp/single.jsonl") lines out"; fi

if command -v parallel >/dev/null 2>&1; then
  # README: GNU parallel on one machine
  expect_status 0 "parallel --pipe" -- sh -c "parallel --will-cite --pipe -k --block 8k -j 2 \"$TEITAG\" annotate -i jsonl -f jsonl < \"$tmp/docs.jsonl\" > \"$tmp/par.jsonl\""
  if cmp -s "$tmp/single.jsonl" "$tmp/par.jsonl"; then pass "parallel --pipe output = one process"; else
    fail "parallel --pipe output differs: $(diff "$tmp/single.jsonl" "$tmp/par.jsonl" | head -3)"; fi
  # README: several hosts with --sshlogin; ':' is this machine, without ssh
  expect_status 0 "parallel --sshlogin" -- sh -c "parallel --will-cite --pipe -k --block 8k --sshlogin 2/: \"$TEITAG\" annotate -i jsonl -f jsonl < \"$tmp/docs.jsonl\" > \"$tmp/ssh.jsonl\""
  if cmp -s "$tmp/single.jsonl" "$tmp/ssh.jsonl"; then pass "parallel --sshlogin output = one process"; else fail "parallel --sshlogin output differs"; fi
else
  echo "skip: GNU parallel is not installed (scripts/check.sh installs it)"
fi

# Hadoop Streaming, as the mapper sees it: the input in splits of whole
# lines, 'teitag annotate -i jsonl -f jsonl' on each, outputs concatenated.
mkdir "$tmp/splits"
(cd "$tmp/splits" && split -l 97 "$tmp/docs.jsonl" part-)
for s in "$tmp"/splits/part-*; do
  sh -c "$TEITAG annotate -i jsonl -f jsonl" <"$s" >"$s.out" || fail "mapper failed on $s"
done
cat "$tmp"/splits/part-*.out >"$tmp/hadoop.jsonl"
if cmp -s "$tmp/single.jsonl" "$tmp/hadoop.jsonl"; then pass "mapper over splits = one process"; else fail "mapper output differs"; fi

# Memory follows the longest line, not the length of the stream.
if [ -x /usr/bin/time ] && [ -z "${ASAN_OPTIONS:-}" ]; then
  awk 'BEGIN { printf "{\"id\": \"big\", \"text\": \""; for (i = 0; i < 100000; i++) printf "Kyiv and Lviv. "; print "\"}" }' >"$tmp/line.jsonl"
  for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do cat "$tmp/line.jsonl"; done >"$tmp/lines.jsonl"
  /usr/bin/time -f %M -o "$tmp/rss1" "$TEITAG" annotate -i jsonl -f jsonl "$tmp/line.jsonl" >/dev/null
  /usr/bin/time -f %M -o "$tmp/rss20" "$TEITAG" annotate -i jsonl -f jsonl "$tmp/lines.jsonl" >/dev/null
  r1=$(tail -1 "$tmp/rss1") r20=$(tail -1 "$tmp/rss20")
  if [ "$r20" -lt $((r1 * 3 / 2)) ]; then pass "20 long lines take the memory of one ($r1 KB, $r20 KB)"; else
    fail "memory grows with the stream: $r1 KB for one line, $r20 KB for 20"; fi
  # a 24 MB line of text without a newline: parts, exact, bounded
  awk 'BEGIN { for (i = 0; i < 1600000; i++) printf "Kyiv and Lviv. " }' >"$tmp/oneline.txt"
  /usr/bin/time -f %M -o "$tmp/rss" "$TEITAG" annotate -v "$tmp/oneline.txt" -o "$tmp/oneline.xml" 2>"$tmp/err" || fail "long line: $(cat "$tmp/err")"
  rss=$(tail -1 "$tmp/rss")
  # the bound of a 1 GB file (200 MB) holds for a line too; a part full of
  # names costs most (two entities every 15 bytes here)
  if [ "$rss" -lt 200000 ]; then pass "a 24 MB line in $rss KB"; else fail "a 24 MB line took $rss KB"; fi
  expect_grep "$tmp/err" "parts" "the long line was annotated in parts"
  "$VALIDATE" --paragraphs "$tmp/oneline.xml" | tr -d '\n' >"$tmp/p.txt"
  if cmp -s "$tmp/p.txt" "$tmp/oneline.txt"; then pass "the long line is one exact paragraph"; else fail "the long line changed"; fi
  if [ "$(grep -c '<p>' "$tmp/oneline.xml")" -eq 3 ]; then pass "the long line is one <p>"; else fail "the long line was split"; fi
else
  echo "skip: memory checks (no /usr/bin/time, or a sanitizer build)"
fi
finish
