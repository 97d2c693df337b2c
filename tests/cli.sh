#!/bin/sh
# SPDX-License-Identifier: MIT
#
# cli.sh -- the teitag command as a user meets it: help, exit codes, errors
# that name the file and the place, no output file after a failure, inputs
# never overwritten, stdin, UTF-16, JSONL streaming, a full disk.
. "$(dirname "$0")/lib.sh"

printf 'Kyiv and Moscow.\n' >"$tmp/a.txt"
printf 'Київ і Москва.\n' >"$tmp/b.txt"

expect_status 0 "--help" -- "$TEITAG" --help
expect_grep "$tmp/out" "Usage: teitag COMMAND" "--help shows usage"
expect_status 0 "annotate --help" -- "$TEITAG" annotate --help
expect_grep "$tmp/out" "Examples:" "annotate --help has examples"
expect_status 0 "eval --help" -- "$TEITAG" eval --help
expect_status 0 "--version" -- "$TEITAG" --version
expect_grep "$tmp/out" "^teitag [0-9]" "--version prints the version"
expect_status 2 "no command" -- "$TEITAG"
expect_status 2 "unknown command" -- "$TEITAG" frobnicate
expect_status 2 "unknown option" -- "$TEITAG" annotate --frob "$tmp/a.txt"
expect_status 2 "bad format" -- "$TEITAG" annotate -f pdf "$tmp/a.txt"
expect_grep "$tmp/err" "expected tei, jsonl, brat, webanno, conll or html" "bad format is explained"
expect_status 2 "bad input format" -- "$TEITAG" annotate -i pdf "$tmp/a.txt"
expect_status 2 "bad --names" -- "$TEITAG" annotate --names xml "$tmp/a.txt"
expect_status 2 "--names rs is for TEI" -- "$TEITAG" annotate -f brat --names rs "$tmp/a.txt" -o "$tmp/x.ann"
expect_status 2 "brat without -o" -- "$TEITAG" annotate -f brat "$tmp/a.txt"
expect_grep "$tmp/err" "give -o NAME.ann" "brat -o is explained"
expect_status 2 "webanno from two files" -- "$TEITAG" annotate -f webanno "$tmp/a.txt" "$tmp/b.txt"
expect_status 2 "--tokens with -i tei" -- "$TEITAG" annotate -i tei --tokens "$tmp/a.txt"
expect_status 2 "bad language" -- "$TEITAG" annotate -l de "$tmp/a.txt"
expect_status 2 "TEI from two files" -- "$TEITAG" annotate "$tmp/a.txt" "$tmp/b.txt"

# plain annotation to a file: valid TEI, paragraphs read back exactly
expect_status 0 "annotate to a file" -- "$TEITAG" annotate "$tmp/a.txt" -o "$tmp/a.xml"
expect_status 0 "output validates" -- "$VALIDATE" "$SCHEMA" "$tmp/a.xml"
"$VALIDATE" --paragraphs "$tmp/a.xml" >"$tmp/p.txt"
if cmp -s "$tmp/p.txt" "$tmp/a.txt"; then pass "paragraph text round trip"; else fail "paragraph text differs"; fi
if ls -a "$tmp" | grep -q '^\.a\.xml\.'; then fail "temporary file left behind"; else pass "no temporary file left"; fi

# stdin, with and without "-"
expect_status 0 "stdin" -- sh -c "\"$TEITAG\" annotate -f jsonl < \"$tmp/b.txt\""
expect_grep "$tmp/out" '"lang": "uk"' "stdin language detected"
expect_status 0 "stdin as -" -- sh -c "\"$TEITAG\" annotate - < \"$tmp/a.txt\""
expect_grep "$tmp/out" "<title>stdin</title>" "stdin is named stdin"

# several files as JSONL: one line each, in order
expect_status 0 "two files as jsonl" -- "$TEITAG" annotate -f jsonl "$tmp/a.txt" "$tmp/b.txt"
if [ "$(wc -l <"$tmp/out")" -eq 2 ] && head -1 "$tmp/out" | grep -q 'a.txt'; then
  pass "one JSONL line per file"; else fail "JSONL lines: $(cat "$tmp/out")"; fi

# bad input: invalid UTF-8, NUL bytes, binary, a directory, a missing file
printf 'ok text \377 more' >"$tmp/bad.txt"
expect_status 1 "invalid UTF-8" -- "$TEITAG" annotate "$tmp/bad.txt" -o "$tmp/bad.xml"
expect_grep "$tmp/err" "bad.txt: invalid UTF-8 (byte 0xFF) at byte offset 8" "error names file and offset"
if [ -e "$tmp/bad.xml" ]; then fail "output file written for bad input"; else pass "no output for bad input"; fi
if ls -a "$tmp" | grep -q '^\.bad\.xml\.'; then fail "temporary file left after an error"; else pass "no temporary file after an error"; fi
printf 'text\000more' >"$tmp/nul.txt"
expect_status 1 "NUL byte" -- "$TEITAG" annotate "$tmp/nul.txt"
expect_grep "$tmp/err" "NUL byte at byte offset 4" "NUL is refused with its offset"
head -c 4096 /bin/sh >"$tmp/binary"
expect_status 1 "binary file" -- "$TEITAG" annotate "$tmp/binary"
expect_grep "$tmp/err" "binary" "binary file is called binary"
expect_status 1 "directory" -- "$TEITAG" annotate "$tmp"
expect_grep "$tmp/err" "is a directory" "directory is refused"
expect_status 1 "missing file" -- "$TEITAG" annotate "$tmp/nope.txt"
expect_grep "$tmp/err" "nope.txt: cannot open" "missing file is named"
expect_status 1 "one bad of two (jsonl)" -- "$TEITAG" annotate -f jsonl "$tmp/bad.txt" "$tmp/a.txt"
if [ "$(wc -l <"$tmp/out")" -eq 1 ]; then pass "the good file is still annotated"; else fail "good file lost"; fi

# an input is never overwritten
cp "$tmp/a.txt" "$tmp/keep.txt"
expect_status 2 "output = input" -- "$TEITAG" annotate "$tmp/keep.txt" -o "$tmp/keep.txt"
if cmp -s "$tmp/keep.txt" "$tmp/a.txt"; then pass "input untouched"; else fail "input overwritten"; fi
ln -s "$tmp/keep.txt" "$tmp/link.txt"
expect_status 2 "output = input via a symlink" -- "$TEITAG" annotate "$tmp/keep.txt" -o "$tmp/link.txt"

# BOMs and UTF-16 give the same text as UTF-8
printf '\357\273\277Kyiv and Moscow.\n' >"$tmp/bom.txt"
expect_status 0 "UTF-8 with BOM" -- "$TEITAG" annotate "$tmp/bom.txt" -o "$tmp/bom.xml"
"$VALIDATE" --paragraphs "$tmp/bom.xml" >"$tmp/p.txt"
if cmp -s "$tmp/p.txt" "$tmp/a.txt"; then pass "BOM dropped"; else fail "BOM kept: $(od -c "$tmp/p.txt" | head -2)"; fi
printf '\377\376' >"$tmp/u16.txt"
printf 'Київ і Москва.\n' | iconv -f UTF-8 -t UTF-16LE >>"$tmp/u16.txt"
expect_status 0 "UTF-16LE with BOM" -- "$TEITAG" annotate "$tmp/u16.txt" -o "$tmp/u16.xml"
"$VALIDATE" --paragraphs "$tmp/u16.xml" >"$tmp/p.txt"
if cmp -s "$tmp/p.txt" "$tmp/b.txt"; then pass "UTF-16 converted"; else fail "UTF-16 text differs"; fi
expect_grep "$tmp/u16.xml" "UTF-16LE" "header names the encoding"
printf 'line one\r\nline two\r\n' >"$tmp/crlf.txt"
expect_status 0 "CRLF" -- "$TEITAG" annotate -f jsonl "$tmp/crlf.txt"

# JSONL streaming: one line in, one line out, errors in place
printf '%s\n' '{"id": "1", "text": "Kyiv."}' '{"id": "2", "text": ' \
  '{"id": "3", "text": "Москва.", "lang": "ru"}' '' '{"text": "no id"}' >"$tmp/in.jsonl"
expect_status 1 "jsonl stream with bad lines" -- sh -c "\"$TEITAG\" annotate -i jsonl -f jsonl < \"$tmp/in.jsonl\""
if [ "$(wc -l <"$tmp/out")" -eq 5 ]; then pass "five lines in, five out"; else fail "$(cat "$tmp/out")"; fi
if sed -n 2p "$tmp/out" | grep -q '^{"line": 2, "error": "JSON syntax error'; then
  pass "error object on line 2"; else fail "line 2: $(sed -n 2p "$tmp/out")"; fi
if sed -n 3p "$tmp/out" | grep -q '"id": "3", "lang": "ru"'; then pass "stream order kept"; else fail "line 3: $(sed -n 3p "$tmp/out")"; fi
if sed -n 5p "$tmp/out" | grep -q '"id": null'; then pass "missing id is null"; else fail "line 5"; fi
expect_grep "$tmp/err" "stdin:2:" "stream error names the line"
expect_status 2 "TEI from JSONL" -- "$TEITAG" annotate -i jsonl "$tmp/in.jsonl"

# every output format
for f in tei jsonl webanno conll html; do
  expect_status 0 "-f $f" -- "$TEITAG" annotate -f "$f" "$tmp/a.txt" -o "$tmp/a.$f"
done
expect_grep "$tmp/a.webanno" "^#FORMAT=WebAnno TSV 3.3" "TSV header"
expect_grep "$tmp/a.conll" "^Kyiv	" "CoNLL token lines"
expect_grep "$tmp/a.html" "<!DOCTYPE html>" "HTML page"
expect_status 0 "conll from two files" -- "$TEITAG" annotate -f conll "$tmp/a.txt" "$tmp/b.txt"
if [ "$(grep -c '^-DOCSTART-' "$tmp/out")" -eq 2 ]; then pass "one DOCSTART per file"; else fail "DOCSTART lines"; fi
expect_status 0 "--names rs" -- "$TEITAG" annotate --names rs "$tmp/a.txt" -o "$tmp/a.rs.xml"
expect_status 0 "rs output validates" -- "$VALIDATE" "$SCHEMA" "$tmp/a.rs.xml"
expect_grep "$tmp/a.rs.xml" "<text><body><p><s><" "rs output has no indentation inside <text>"

# brat: NAME.txt and NAME.ann side by side, both or neither
mkdir "$tmp/brat"
expect_status 0 "-f brat" -- "$TEITAG" annotate -f brat "$tmp/b.txt" -o "$tmp/brat/b.ann"
if cmp -s "$tmp/brat/b.txt" "$tmp/b.txt"; then pass "brat .txt is the text"; else fail "brat .txt differs"; fi
if [ -f "$tmp/brat/b.ann" ]; then pass "brat .ann written"; else fail "no .ann"; fi
cp "$tmp/b.txt" "$tmp/brat/same.txt"
expect_status 0 "brat next to its own .txt" -- "$TEITAG" annotate -f brat "$tmp/brat/same.txt" -o "$tmp/brat/same.ann"
if cmp -s "$tmp/brat/same.txt" "$tmp/b.txt"; then pass "the input .txt is left alone"; else fail "input .txt changed"; fi
cp "$tmp/bom.txt" "$tmp/brat/bom.txt" 2>/dev/null || printf '\357\273\277Kyiv.\n' >"$tmp/brat/bom.txt"
cp "$tmp/brat/bom.txt" "$tmp/brat/bom.keep"
expect_status 1 "brat would overwrite a differing input" -- "$TEITAG" annotate -f brat "$tmp/brat/bom.txt" -o "$tmp/brat/bom.ann"
if cmp -s "$tmp/brat/bom.txt" "$tmp/brat/bom.keep" && [ ! -e "$tmp/brat/bom.ann" ]; then
  pass "nothing written when the .txt would overwrite the input"; else fail "brat overwrote or half-wrote"; fi
expect_status 1 "brat of a bad input" -- "$TEITAG" annotate -f brat "$tmp/bad.txt" -o "$tmp/brat/bad.ann"
if [ -e "$tmp/brat/bad.ann" ] || [ -e "$tmp/brat/bad.txt" ]; then fail "brat output after an error"; else pass "no brat output after an error"; fi

# TEI in: annotate a TEI file, keep the rest; hostile and broken XML refused
expect_status 0 "-i tei" -- "$TEITAG" annotate -i tei "$top_srcdir/tests/data/tei/edition.xml" -o "$tmp/ed.xml"
expect_grep "$tmp/ed.xml" '<application xml:id="teitag" ident="teitag"' "application added to the header"
expect_grep "$tmp/ed.xml" '<?editor check this paragraph?>' "processing instruction kept"
expect_status 0 "-i tei -f jsonl" -- "$TEITAG" annotate -i tei -f jsonl "$top_srcdir/tests/data/tei/edition.xml"
expect_grep "$tmp/out" '"text": "Petro", "ref": "petro"' "names of the input are entities"
expect_status 0 "teitag output read back" -- "$TEITAG" annotate -i tei "$tmp/a.xml" -o "$tmp/a2.xml"
if cmp -s "$tmp/a.xml" "$tmp/a2.xml"; then pass "TEI read back is the same document"; else fail "TEI re-read differs"; fi
printf '<?xml version="1.0"?>\n<!DOCTYPE TEI [\n <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&xxe;</p></body></text></TEI>\n' >"$tmp/xxe.xml"
expect_status 1 "XXE refused" -- "$TEITAG" annotate -i tei "$tmp/xxe.xml" -o "$tmp/xxe.out"
expect_grep "$tmp/err" "xxe.xml: line 3, column [0-9]*: the document declares the external entity 'xxe'" "XXE error names file, line and entity"
if [ -e "$tmp/xxe.out" ] || grep -q root: "$tmp/out"; then fail "XXE output written"; else pass "nothing of /etc/passwd anywhere"; fi
{ printf '<!DOCTYPE TEI [<!ENTITY a "lollollollollollollollollollol">\n'
  prev=a
  for e in b c d e f g h i j; do
    printf '<!ENTITY %s "&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;">\n' $e $prev $prev $prev $prev $prev $prev $prev $prev $prev $prev
    prev=$e
  done
  printf ']>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&j;</p></body></text></TEI>\n'; } >"$tmp/lol.xml"
expect_status 1 "billion laughs refused" -- "$TEITAG" annotate -i tei "$tmp/lol.xml"
expect_grep "$tmp/err" "lol.xml: line [0-9]*, column [0-9]*: entity '[a-j]' expands beyond the limit" "billion laughs is named"
printf '<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text><body>\n<p>Kyiv</div></body></text></TEI>\n' >"$tmp/broken.xml"
expect_status 1 "malformed XML" -- "$TEITAG" annotate -i tei "$tmp/broken.xml"
expect_grep "$tmp/err" "broken.xml: malformed XML at line 3, column [0-9]*: Opening and ending tag mismatch" "malformed XML names line and column"
expect_status 1 "not TEI" -- "$TEITAG" annotate -i tei "$tmp/a.txt"
expect_status 1 "HTML is not TEI" -- sh -c "printf '<html/>' | \"$TEITAG\" annotate -i tei"
expect_grep "$tmp/err" "stdin: line 1: not a TEI document: the root element is <html>" "wrong root is named"

# a full disk: the write fails, the run says so, nothing half-written stays
if [ -w /dev/full ]; then
  expect_status 1 "stdout on a full disk" -- sh -c "\"$TEITAG\" annotate \"$tmp/a.txt\" > /dev/full"
  expect_grep "$tmp/err" "write error" "full disk is reported"
fi
awk 'BEGIN { for (i = 0; i < 20000; i++) print "Kyiv and Moscow are cities in the news again." }' >"$tmp/big.txt"
expect_status 1 "file size limit" -- sh -c "ulimit -f 64; exec \"$TEITAG\" annotate \"$tmp/big.txt\" -o \"$tmp/big.xml\""
if [ -e "$tmp/big.xml" ] || ls -a "$tmp" | grep -q '^\.big\.xml\.'; then
  fail "partial output after a write error"; else pass "no partial output after a write error"; fi
# gazetteers: check reports every bad row, compile refuses them, lookup
# explains, -g adds and overrides, a damaged compiled file is refused
printf 'my-1\tPER\ten\tKyiv\nmy-2\tPLACE\ten\tLviv\nmy-3\tLOC\tde\tWien\n' >"$tmp/bad.tsv"
expect_status 1 "gazetteer check finds bad rows" -- "$TEITAG" gazetteer check "$tmp/bad.tsv"
expect_grep "$tmp/err" "bad.tsv:2: unknown type (PER, LOC or ORG): PLACE" "bad type named with its line"
expect_grep "$tmp/err" "bad.tsv:3: unknown language" "bad language named with its line"
expect_grep "$tmp/err" "2 problems in 1 file" "problems counted"
expect_status 1 "gazetteer compile refuses bad rows" -- "$TEITAG" gazetteer compile "$tmp/bad.tsv" -o "$tmp/bad.gaz"
if [ -e "$tmp/bad.gaz" ]; then fail "compiled despite bad rows"; else pass "nothing compiled from bad rows"; fi
printf 'my-kyiv\tPER\ten\tKyiv\nmy-kyiv\tPER\tuk\tКиїв\tg=m;stem=Київ>Києв\n' >"$tmp/mine.tsv"
expect_status 0 "gazetteer check" -- "$TEITAG" gazetteer check "$tmp/mine.tsv"
expect_status 0 "gazetteer compile" -- "$TEITAG" gazetteer compile "$tmp/mine.tsv" -o "$tmp/mine.gaz"
expect_grep "$tmp/err" "wrote .*mine.gaz (2 rows" "compile reports what it wrote"
expect_status 0 "annotate with the default gazetteer" -- "$TEITAG" annotate -f jsonl "$tmp/a.txt"
expect_grep "$tmp/out" '"text": "Kyiv", "cert": "high", "ref": "Q1899"' "default gazetteer finds Kyiv"
expect_status 0 "annotate -g overrides" -- "$TEITAG" annotate -f jsonl -g "$tmp/mine.gaz" "$tmp/a.txt"
expect_grep "$tmp/out" '"text": "Kyiv", "cert": "high", "ref": "my-kyiv"' "-g gazetteer wins"
expect_status 0 "annotate -g source" -- "$TEITAG" annotate -f jsonl --no-default-gazetteer -g "$tmp/mine.tsv" "$tmp/b.txt"
expect_grep "$tmp/out" '"type": "PER", "text": "Київ"' "-g source file compiled on the fly"
expect_status 0 "gazetteer lookup" -- "$TEITAG" gazetteer lookup "Центрального банку Росії"
expect_grep "$tmp/out" "Центральний банк Росії (uk).*medium.*inflected gen" "lookup shows the form and the case"
head -c 3000 "$tmp/mine.gaz" >"$tmp/cut.gaz"
expect_status 1 "truncated compiled gazetteer" -- "$TEITAG" annotate -g "$tmp/cut.gaz" "$tmp/a.txt"
expect_grep "$tmp/err" "cut.gaz: truncated" "truncation is named"
expect_status 1 "missing default gazetteer" -- env TEITAG_DATA_DIR="$tmp/none" "$TEITAG" annotate "$tmp/a.txt"
expect_grep "$tmp/err" "none/teitag.gaz: cannot open" "missing default gazetteer is named"

# a device or a pipe as -o is written in place, never replaced by a file
expect_status 0 "-o /dev/null" -- "$TEITAG" annotate "$tmp/a.txt" -o /dev/null
if [ -c /dev/null ]; then pass "/dev/null is still a device"; else fail "/dev/null was replaced"; fi
if [ -L /dev/stdout ]; then
  expect_status 0 "-o /dev/stdout" -- "$TEITAG" annotate "$tmp/a.txt" -o /dev/stdout
  if [ -L /dev/stdout ] && cmp -s "$tmp/out" "$tmp/a.xml"; then
    pass "-o /dev/stdout writes to stdout and leaves the link"
  else
    fail "-o /dev/stdout replaced the link or wrote elsewhere"
  fi
fi
if mkfifo "$tmp/fifo" 2>/dev/null; then
  timeout 30 cat "$tmp/fifo" >"$tmp/from-fifo.xml" &  # a regression must not hang
  expect_status 0 "-o FIFO" -- "$TEITAG" annotate "$tmp/a.txt" -o "$tmp/fifo"
  wait
  if [ -p "$tmp/fifo" ] && cmp -s "$tmp/from-fifo.xml" "$tmp/a.xml"; then
    pass "a FIFO gets the same TEI as a file"
  else
    fail "the FIFO was replaced or got other bytes"
  fi
fi

mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
if [ "$(id -u)" -ne 0 ]; then
  expect_status 1 "unwritable directory" -- "$TEITAG" annotate "$tmp/a.txt" -o "$tmp/ro/x.xml"
fi
finish
