#!/bin/sh
# SPDX-License-Identifier: MIT
#
# batch.sh -- `teitag batch` as a user meets it: the output tree mirrors
# the input tree, globs, -f jsonl, a second run skips what is up to date
# (--force redoes it), bad inputs of every kind are reported with their
# reason while the run goes on (exit 1), the manifest has one row per
# input, and -j 1 and -j 2 give the same files.
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/in/en/deep" "$tmp/in/uk" "$tmp/in/.hidden" "$tmp/in/drafts"
printf 'The minister visited Lviv on Monday.\n' >"$tmp/in/en/a.txt"
printf 'Markets rose in London.\n\nBanks in Berlin were closed.\n' >"$tmp/in/en/deep/b.txt"
printf 'Мер Одеси відкрив новий міст.\n' >"$tmp/in/uk/c.txt"
printf 'notes\n' >"$tmp/in/en/notes.md"
printf 'secret\n' >"$tmp/in/.hidden/d.txt"
printf 'draft\n' >"$tmp/in/drafts/e.txt"
printf 'single file\n' >"$tmp/single.txt"

expect_status 0 "batch --help" -- "$TEITAG" batch --help
expect_grep "$tmp/out" "Examples:" "batch --help has examples"
expect_grep "$tmp/out" "teitag batch -o out/ corpus/" "batch --help shows the basic form"
expect_status 2 "batch without -o" -- "$TEITAG" batch "$tmp/in"
expect_status 2 "batch without inputs" -- "$TEITAG" batch -o "$tmp/o"
expect_status 2 "batch bad -j" -- "$TEITAG" batch -j 0 -o "$tmp/o" "$tmp/in"
expect_status 2 "batch bad format" -- "$TEITAG" batch -f pdf -o "$tmp/o" "$tmp/in"
expect_status 2 "batch bad --max-size" -- "$TEITAG" batch --max-size lots -o "$tmp/o" "$tmp/in"
expect_status 2 "batch unknown encoding" -- "$TEITAG" batch --encoding klingon -o "$tmp/o" "$tmp/in"
expect_grep "$tmp/err" "unknown encoding" "unknown encoding is explained"

# the tree: a directory keeps its name, a single file lands at the top
expect_status 0 "batch a tree" -- "$TEITAG" batch -q --exclude drafts -o "$tmp/o1" "$tmp/in" "$tmp/single.txt"
for f in in/en/a.xml in/en/deep/b.xml in/uk/c.xml in/en/notes.xml single.xml; do
  if [ -f "$tmp/o1/$f" ]; then pass "output $f"; else fail "no output $f: $(cd "$tmp/o1" && find . -type f)"; fi
done
if [ -e "$tmp/o1/in/.hidden" ] || [ -e "$tmp/o1/in/drafts" ]; then
  fail "hidden or excluded directory annotated"; else pass "hidden and excluded directories left out"; fi
if [ -s "$tmp/err" ]; then fail "--quiet printed: $(cat "$tmp/err")"; else pass "--quiet prints nothing"; fi
"$VALIDATE" --paragraphs "$tmp/o1/in/en/deep/b.xml" >"$tmp/p.txt"
printf 'Markets rose in London.\nBanks in Berlin were closed.\n' >"$tmp/want.txt"
if cmp -s "$tmp/p.txt" "$tmp/want.txt"; then pass "batch output has the paragraphs"; else fail "paragraphs: $(cat "$tmp/p.txt")"; fi
expect_status 0 "batch output validates" -- "$VALIDATE" "$SCHEMA" "$tmp/o1/in/uk/c.xml"

# --include, -f jsonl
expect_status 0 "batch --include -f jsonl" -- "$TEITAG" batch -f jsonl --include '*.txt' -o "$tmp/o2" "$tmp/in"
if [ -f "$tmp/o2/in/en/a.jsonl" ] && [ ! -e "$tmp/o2/in/en/notes.jsonl" ]; then
  pass "--include keeps only .txt"; else fail "--include: $(cd "$tmp/o2" && find . -type f)"; fi
if grep -q '"lang": "uk"' "$tmp/o2/in/uk/c.jsonl"; then pass "jsonl output per file"; else fail "jsonl: $(cat "$tmp/o2/in/uk/c.jsonl")"; fi
expect_grep "$tmp/err" "4 files: 4 ok, 0 failed, 0 skipped" "summary counts files"
expect_grep "$tmp/err" "entities: PER" "summary counts entities"
if grep -q 'ETA' "$tmp/err"; then fail "progress line when stderr is not a terminal"; else pass "no progress line off a terminal"; fi

# resume: a second run skips everything; a newer input is redone; --force
expect_status 0 "second run" -- "$TEITAG" batch --manifest "$tmp/m.jsonl" -f jsonl --include '*.txt' -o "$tmp/o2" "$tmp/in"
expect_grep "$tmp/err" "0 ok, 0 failed, 4 skipped" "second run skips up-to-date outputs"
expect_grep "$tmp/m.jsonl" '"status": "skipped"' "manifest says skipped"
sleep 1
printf 'The minister visited Kharkiv on Tuesday.\n' >"$tmp/in/en/a.txt"
expect_status 0 "run after an edit" -- "$TEITAG" batch -f jsonl --include '*.txt' -o "$tmp/o2" "$tmp/in"
expect_grep "$tmp/err" "1 ok, 0 failed, 3 skipped" "an edited input is annotated again"
expect_status 0 "--force" -- "$TEITAG" batch --force -f jsonl --include '*.txt' -o "$tmp/o2" "$tmp/in"
expect_grep "$tmp/err" "4 ok, 0 failed, 0 skipped" "--force redoes everything"

# bad inputs: each is reported with its reason, the others are annotated
mkdir -p "$tmp/bad"
printf 'Good text about Kyiv.\n' >"$tmp/bad/good.txt"
printf 'ok text \377 more' >"$tmp/bad/invalid.txt"
head -c 3000 /bin/sh >"$tmp/bad/binary.txt"
ln -s "$tmp/bad/nowhere.txt" "$tmp/bad/dangling.txt"
awk 'BEGIN { for (i = 0; i < 3000; i++) print "A line of text that makes the file large." }' >"$tmp/bad/large.txt"
mkfifo "$tmp/bad/fifo.txt" 2>/dev/null || true
expect_status 1 "batch with bad inputs" -- "$TEITAG" batch --max-size 100K --manifest "$tmp/m2.jsonl" -o "$tmp/o3" "$tmp/bad"
expect_grep "$tmp/err" "invalid.txt: invalid UTF-8 (byte 0xFF) at byte offset 8" "invalid UTF-8 is reported with its offset"
expect_grep "$tmp/err" "binary.txt: NUL byte at byte offset" "binary file is reported"
expect_grep "$tmp/err" "dangling.txt: dangling symbolic link" "dangling symlink is reported"
expect_grep "$tmp/err" "large.txt: too large: [0-9]* bytes (--max-size is 102400)" "too large file is reported"
if [ -p "$tmp/bad/fifo.txt" ]; then expect_grep "$tmp/err" "fifo.txt: not a regular file" "a FIFO is refused, not read"; fi
if [ -f "$tmp/o3/bad/good.xml" ]; then pass "the good file is annotated"; else fail "good file missing"; fi
if [ -e "$tmp/o3/bad/invalid.xml" ] || [ -e "$tmp/o3/bad/binary.xml" ]; then
  fail "output written for a bad input"; else pass "no output for bad inputs"; fi
if find "$tmp/o3" -name '.*' | grep -q .; then fail "temporary files left"; else pass "no temporary files left"; fi
rows=$(wc -l <"$tmp/m2.jsonl")
nbad=$(ls "$tmp/bad" | wc -l)
if [ "$rows" -eq "$nbad" ]; then pass "manifest: one row per input"; else fail "manifest has $rows rows for $nbad inputs"; fi
if grep '"path": "[^"]*invalid.txt"' "$tmp/m2.jsonl" | grep -q '"status": "failed".*"error": "invalid UTF-8'; then
  pass "manifest row of a failure has its error"; else fail "manifest: $(cat "$tmp/m2.jsonl")"; fi
if grep '"path": "[^"]*good.txt"' "$tmp/m2.jsonl" | grep -q '"status": "ok", "bytes": 22, "encoding": "UTF-8", "entities": {"PER": [0-9]*, "LOC": [0-9]*, "ORG": [0-9]*, "MONEY": [0-9]*}, "error": null}'; then
  pass "manifest row of a success"; else fail "manifest: $(grep good "$tmp/m2.jsonl")"; fi

# an unreadable file: root reads anything, so drop that power if we have it
chmod 000 "$tmp/bad/good.txt"
if [ "$(id -u)" -ne 0 ]; then
  expect_status 1 "unreadable file" -- "$TEITAG" batch --force -o "$tmp/o4" "$tmp/bad/good.txt" "$tmp/single.txt"
  expect_grep "$tmp/err" "good.txt: cannot open: Permission denied" "unreadable file is reported"
elif command -v setpriv >/dev/null 2>&1 &&
  setpriv --inh-caps=-all --bounding-set=-dac_override,-dac_read_search true 2>/dev/null; then
  expect_status 1 "unreadable file" -- setpriv --inh-caps=-all --bounding-set=-dac_override,-dac_read_search \
    "$TEITAG" batch --force -o "$tmp/o4" "$tmp/bad/good.txt" "$tmp/single.txt"
  expect_grep "$tmp/err" "good.txt: cannot open: Permission denied" "unreadable file is reported"
  if [ -f "$tmp/o4/single.xml" ]; then pass "the run goes on after an unreadable file"; else fail "run stopped"; fi
else
  echo "skip: cannot make a file unreadable for root here"
fi
chmod 644 "$tmp/bad/good.txt"

# two inputs, one output name
printf 'one\n' >"$tmp/in/uk/c.md"
expect_status 1 "two inputs for one output" -- "$TEITAG" batch -o "$tmp/o5" "$tmp/in/uk"
expect_grep "$tmp/err" "would also be written from" "output collision is reported"
rm "$tmp/in/uk/c.md"

# an output that would overwrite its input
cp "$tmp/single.txt" "$tmp/o5/same.xml"
expect_status 1 "output = input" -- "$TEITAG" batch -o "$tmp/o5" "$tmp/o5/same.xml"
expect_grep "$tmp/err" "is the input itself" "input is never overwritten"

# -j 1 and -j 2 write the same files
mkdir -p "$tmp/many"
awk -v dir="$tmp/many" 'BEGIN { for (f = 0; f < 24; f++) { file = sprintf("%s/f%02d.txt", dir, f);
  for (i = 0; i < 200; i++) print "Paragraph " i " of file " f " mentions Paris and Warsaw." > file } }'
expect_status 0 "-j 1" -- "$TEITAG" batch -j 1 -o "$tmp/j1" "$tmp/many"
expect_status 0 "-j 2" -- "$TEITAG" batch -j 2 -o "$tmp/j2" "$tmp/many"
if diff -r "$tmp/j1" "$tmp/j2" >/dev/null; then pass "-j 1 and -j 2 agree"; else fail "-j 1 and -j 2 differ"; fi
# the editors' formats: brat writes NAME.ann and NAME.txt side by side
expect_status 0 "batch -f brat" -- "$TEITAG" batch -q -f brat --include '*.txt' -o "$tmp/ob" "$tmp/in"
if [ -f "$tmp/ob/in/en/a.ann" ] && cmp -s "$tmp/ob/in/en/a.txt" "$tmp/in/en/a.txt"; then
  pass "brat: a.ann with a.txt, the text as it came in"; else fail "brat pair missing or text differs"; fi
expect_grep "$tmp/ob/in/en/a.ann" "^T1	LOC [0-9]* [0-9]*	[A-Z]" "brat T-line for a place"
expect_grep "$tmp/ob/in/uk/c.ann" "^T[0-9]	LOC [0-9]* [0-9]*	Одеси" "brat T-line in Cyrillic"
expect_status 0 "batch -f webanno" -- "$TEITAG" batch -q -f webanno --include '*.txt' -o "$tmp/ow" "$tmp/in"
expect_grep "$tmp/ow/in/en/deep/b.tsv" "^#FORMAT=WebAnno TSV 3.3" "webanno output per file"
expect_status 0 "batch --names rs" -- "$TEITAG" batch -q --names rs --include '*.txt' -o "$tmp/or" "$tmp/in"
expect_grep "$tmp/or/in/en/a.xml" "<rs type=\"place\"" "rs names in batch TEI"
expect_status 0 "batch -g with a user gazetteer" -- sh -c "printf 'org-test\tORG\ten\tThe minister\n' >'$tmp/g.tsv' && '$TEITAG' batch -q -f jsonl -g '$tmp/g.tsv' --include 'a.txt' -o '$tmp/og' '$tmp/in'"
expect_grep "$tmp/og/in/en/a.jsonl" "org-test" "batch reads -g gazetteers"

finish
