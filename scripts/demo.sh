#!/bin/sh
# SPDX-License-Identifier: MIT
#
# demo.sh -- the main job: set up, build, and annotate every article of
# corpus/ into TEI P5 under out/tei/, then show where it went and what was
# found.
. "$(dirname "$0")/setup.sh"
install_missing
echo "teitag: building in build/ ..."
configure_build build
teitag=build/teitag
out=out/tei
mkdir -p "$out"
n=0 failed=0
for f in corpus/*/*.txt; do
  lang=$(basename "$(dirname "$f")")
  mkdir -p "$out/$lang"
  target="$out/$lang/$(basename "$f" .txt).xml"
  if "$teitag" annotate "$f" -o "$target"; then n=$((n + 1)); else failed=$((failed + 1)); fi
done
"$teitag" annotate -f jsonl corpus/*/*.txt >out/entities.jsonl
echo
echo "teitag: annotated $n articles of corpus/ ($failed failed)."
echo "TEI P5 files are in $top/$out/:"
ls "$out"/*/*.xml | sed 's/^/  /'
echo "All entities as JSONL: $top/out/entities.jsonl"
echo
echo "Entities found, by type:"
grep -o '"type": "[A-Z]*"' out/entities.jsonl | sort | uniq -c | sed 's/"type": //; s/"//g; s/^/  /' || echo "  (none)"
first=$(ls "$out"/en/*.xml | head -1)
echo
echo "An excerpt of $first:"
grep -m 3 '<p>' "$first" | cut -c1-300
[ "$failed" -eq 0 ]
