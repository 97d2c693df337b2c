#!/bin/sh
# SPDX-License-Identifier: MIT
#
# html_chromium.sh -- the HTML page as a browser sees it: headless Chromium
# loads a page with entities of all four types, and its DOM holds one
# coloured <mark> per entity of the JSONL output, the legend and the hover
# titles; a screenshot is taken.  Skips (77) when chromium is not installed.
. "$(dirname "$0")/lib.sh"
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "SKIP: chromium is not installed (Debian package chromium)"
  exit 77
fi
cat >"$tmp/page.xml" <<'XML'
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>
<p><persName ref="#Q7747">Vladimir Putin</persName> met <orgName>Gazprom</orgName>
managers in <placeName ref="#Q649">Moscow</placeName> about <measure type="currency"
quantity="300000000000" unit="USD">$300 billion</measure> &amp; &lt;more&gt;.</p>
<p xml:lang="uk"><rs type="person">Юлія Свириденко</rs> приїхала до <rs type="place">Києва</rs>.</p>
</body></text></TEI>
XML
"$TEITAG" annotate -i tei -f html "$tmp/page.xml" -o "$tmp/page.html" || fail "HTML output"
"$TEITAG" annotate -i tei -f jsonl "$tmp/page.xml" -o "$tmp/page.jsonl" || fail "JSONL output"
want=$(grep -o '"start"' "$tmp/page.jsonl" | wc -l)
run_chromium() {
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
    --disable-background-networking --disable-component-update --disable-sync \
    --no-first-run --user-data-dir="$tmp/profile" --window-size=1000,700 "$@" \
    "file://$tmp/page.html" 2>"$tmp/chromium.err"
}
run_chromium --dump-dom >"$tmp/dom.html" || fail "chromium --dump-dom: $(tail -3 "$tmp/chromium.err")"
got=$(grep -o '<mark class="[a-z]*"' "$tmp/dom.html" | wc -l)
if [ "$got" -eq "$want" ] && [ "$want" -eq 6 ]; then pass "$got marks in the browser's DOM, one per entity"
else fail "DOM has $got marks, JSONL $want entities"; fi
for c in per loc org money; do
  expect_grep "$tmp/dom.html" "<mark class=\"$c\"" "an entity coloured as $c"
  expect_grep "$tmp/dom.html" "<span class=\"$c\">" "legend entry for $c"
done
expect_grep "$tmp/dom.html" 'title="person · Q7747"' "hover title with the ID"
expect_grep "$tmp/dom.html" '&amp; &lt;more&gt;' "text stays escaped"
run_chromium --screenshot="$tmp/page.png" >/dev/null || fail "chromium --screenshot"
if [ -s "$tmp/page.png" ] && [ "$(head -c 8 "$tmp/page.png" | od -An -c | tr -d ' ')" = "211PNG\r\n032\n" ]; then
  pass "screenshot taken ($(wc -c <"$tmp/page.png") bytes)"
else
  fail "no PNG screenshot"
fi
finish
