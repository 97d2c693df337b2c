#!/bin/sh
# SPDX-License-Identifier: MIT
#
# encodings.sh -- inputs in the encodings of old Ukrainian and Russian
# archives, made here with iconv from sentences written for this test:
# detected as what they are (said by --verbose and the manifest), decoded
# to exactly the text they were made from, also across the blocks and
# parts of a big file; a named --encoding; and text that is in none of
# them is an error with its byte offset, never mojibake.
. "$(dirname "$0")/lib.sh"
command -v iconv >/dev/null 2>&1 || { echo "SKIP: iconv is not installed"; exit 77; }

cat >"$tmp/uk.txt" <<'EOF'
Уряд ухвалив зміни до бюджету на наступний рік.
Міністр фінансів пояснив, що їхні витрати зростуть, а ґрунтовний звіт є на сайті.
EOF
cat >"$tmp/ru.txt" <<'EOF'
Правительство утвердило поправки к бюджету на следующий год.
Министр финансов объяснил, что расходы вырастут, а подробный отчёт есть на сайте.
EOF

# make NAME SOURCE ENCODING [BOM-BYTES]
make_input() {
  { [ -n "${4:-}" ] && printf "$4"; iconv -f UTF-8 -t "$3" "$2"; } >"$tmp/$1"
}
make_input uk-1251.txt "$tmp/uk.txt" CP1251
make_input ru-1251.txt "$tmp/ru.txt" CP1251
make_input ru-koi8r.txt "$tmp/ru.txt" KOI8-R
make_input uk-koi8u.txt "$tmp/uk.txt" KOI8-U
make_input ru-koi8u.txt "$tmp/ru.txt" KOI8-U
make_input uk-utf16le.txt "$tmp/uk.txt" UTF-16LE '\377\376'
make_input ru-utf16be.txt "$tmp/ru.txt" UTF-16BE '\376\377'
make_input uk-bom.txt "$tmp/uk.txt" UTF-8 '\357\273\277'
cp "$tmp/ru.txt" "$tmp/ru-utf8.txt"

# FILE ENCODING SOURCE: detected as ENCODING, decoded to SOURCE exactly
check_decoded() {
  expect_status 0 "$1 annotated" -- "$TEITAG" annotate -v "$tmp/$1" -o "$tmp/$1.xml"
  expect_grep "$tmp/err" "$1: [0-9]* bytes, $2," "$1 is detected as $2 (--verbose)"
  expect_grep "$tmp/$1.xml" "bytes, $2, sha256" "$1: the TEI header names $2"
  "$VALIDATE" --paragraphs "$tmp/$1.xml" >"$tmp/p.txt"
  if cmp -s "$tmp/p.txt" "$3"; then pass "$1 decodes to its source text"; else
    fail "$1 decoded wrongly: $(head -c 120 "$tmp/p.txt")"; fi
}
check_decoded uk-1251.txt windows-1251 "$tmp/uk.txt"
check_decoded ru-1251.txt windows-1251 "$tmp/ru.txt"
check_decoded ru-koi8r.txt KOI8-R "$tmp/ru.txt"
check_decoded uk-koi8u.txt KOI8-U "$tmp/uk.txt"
check_decoded uk-utf16le.txt UTF-16LE "$tmp/uk.txt"
check_decoded ru-utf16be.txt UTF-16BE "$tmp/ru.txt"
check_decoded uk-bom.txt "UTF-8 (BOM)" "$tmp/uk.txt"
check_decoded ru-utf8.txt UTF-8 "$tmp/ru.txt"
# Russian text in KOI8-U has none of the Ukrainian letters: KOI8-R reads it the same
check_decoded ru-koi8u.txt KOI8-R "$tmp/ru.txt"

# the manifest names the encoding of each file
mkdir -p "$tmp/mixed"
cp "$tmp/uk-1251.txt" "$tmp/uk-koi8u.txt" "$tmp/ru-koi8r.txt" "$tmp/mixed/"
expect_status 0 "batch of mixed encodings" -- "$TEITAG" batch -q --manifest "$tmp/m.jsonl" -o "$tmp/o" "$tmp/mixed"
for pair in uk-1251.txt:windows-1251 uk-koi8u.txt:KOI8-U ru-koi8r.txt:KOI8-R; do
  f=${pair%%:*} e=${pair#*:}
  if grep "$f" "$tmp/m.jsonl" | grep -q "\"encoding\": \"$e\""; then pass "manifest: $f is $e"; else
    fail "manifest: $(grep "$f" "$tmp/m.jsonl")"; fi
done

# not UTF-8 and not Cyrillic either: an error with the offset, no output
printf 'Caf\351 cr\350me, na\357ve r\351sum\351.\n' >"$tmp/latin1.txt"
expect_status 1 "Latin-1 is refused" -- "$TEITAG" annotate "$tmp/latin1.txt" -o "$tmp/latin1.xml"
expect_grep "$tmp/err" "latin1.txt: invalid UTF-8 (byte 0xE9) at byte offset 3" "Latin-1: the first bad byte is named"
expect_grep "$tmp/err" "name its encoding with --encoding" "Latin-1: the way out is named"
if [ -e "$tmp/latin1.xml" ]; then fail "output for undecodable input"; else pass "no output for undecodable input"; fi

# ... unless the user names it
expect_status 0 "--encoding ISO-8859-1" -- "$TEITAG" annotate -v --encoding ISO-8859-1 "$tmp/latin1.txt" -o "$tmp/latin1.xml"
expect_grep "$tmp/err" "ISO-8859-1" "the named encoding is reported"
if grep -q 'Café crème' "$tmp/latin1.xml"; then pass "named encoding decodes"; else fail "$(grep '<p>' "$tmp/latin1.xml")"; fi
expect_status 0 "--encoding cp1251 alias" -- "$TEITAG" annotate -v --encoding cp1251 "$tmp/ru-1251.txt" -o "$tmp/x.xml"
expect_grep "$tmp/err" "windows-1251" "an alias is reported by its IANA name"
expect_status 2 "--encoding unknown" -- "$TEITAG" annotate --encoding no-such-charset "$tmp/ru.txt"

# a byte that the named encoding does not have: error at its offset
printf 'Plain text \377 end\n' >"$tmp/hole.txt"
expect_status 1 "byte outside US-ASCII" -- "$TEITAG" annotate --encoding US-ASCII "$tmp/hole.txt"
expect_grep "$tmp/err" "hole.txt: invalid US-ASCII at byte offset 11" "an invalid byte is named with its offset"

# a control character in converted input: the offset is the input's
{ printf 'Текст' | iconv -f UTF-8 -t CP1251; printf '\001\n'; } >"$tmp/ctl.txt"
expect_status 1 "control character in windows-1251" -- "$TEITAG" annotate --encoding windows-1251 "$tmp/ctl.txt"
expect_grep "$tmp/err" "U+0001 at byte offset 5" "the offset of a control character is the input's"

# big files: conversion carries across read blocks and parts
i=0
while [ $i -lt 400 ]; do cat "$tmp/uk.txt"; i=$((i + 1)); done >"$tmp/uk-big.txt"
iconv -f UTF-8 -t KOI8-U "$tmp/uk-big.txt" >"$tmp/uk-big-koi8u.txt"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$tmp/uk-big.txt"; } >"$tmp/uk-big-16.txt"
for f in uk-big-koi8u.txt uk-big-16.txt; do
  expect_status 0 "$f in parts" -- "$TEITAG" annotate -v --part-size 8K "$tmp/$f" -o "$tmp/$f.xml"
  expect_grep "$tmp/err" "parts" "$f was annotated in parts"
  "$VALIDATE" --paragraphs "$tmp/$f.xml" >"$tmp/p.txt"
  if cmp -s "$tmp/p.txt" "$tmp/uk-big.txt"; then pass "$f in parts decodes exactly"; else fail "$f in parts differs"; fi
done
# an invalid byte deep in a big file is found at its offset
cp "$tmp/uk-big.txt" "$tmp/late.txt"
printf 'tail \377\n' >>"$tmp/late.txt"
size=$(wc -c <"$tmp/uk-big.txt")
expect_status 1 "late invalid byte" -- "$TEITAG" annotate --part-size 8K "$tmp/late.txt" -o "$tmp/late.xml"
expect_grep "$tmp/err" "late.txt: invalid UTF-8 (byte 0xFF) at byte offset $((size + 5))" "a late invalid byte is named with its offset"
if [ -e "$tmp/late.xml" ]; then fail "output for a file that failed late"; else pass "no output for a file that failed late"; fi
finish
