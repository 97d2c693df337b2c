#!/bin/sh
# SPDX-License-Identifier: MIT
#
# gaz-scale.sh -- how the gazetteer scales: compiles a synthetic gazetteer
# of 1,000,000 entries (and one of 1,000), reports compile time, load time
# (map + first lookup), peak RSS, and annotation throughput with each over
# the same text.  Entries are made-up names from a fixed seed, a third each
# in en, uk and ru (LANGS=en: English only), so the Ukrainian and Russian
# ones also get their case forms.  Needs a build in build/ (scripts/demo.sh
# makes one).
#   usage: [LANGS=en] bench/gaz-scale.sh [ENTRIES]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
entries=${1:-1000000}
out=${TMPDIR:-/tmp}/teitag-gaz-scale
mkdir -p "$out"
teitag=build/teitag
make -C build -s bench/gaz_load >/dev/null
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (Debian: time)"; exit 1; }

gen() { # N -> synthetic rows: two invented words per name, fixed seed
  awk -v n="$1" -v langs="${LANGS:-all}" 'BEGIN {
    srand(20261125);
    split("ka ro mi zel ven tor ash lin dov par mes kor bel gri sta nov lev", lat, " ");
    split("ка ро мі зел вен тор аш лін дов пар мес кор бел гри ста нов лев", uk, " ");
    split("ка ро ми зел вен тор аш лин дов пар мес кор бел гри ста нов лев", ru, " ");
    for (i = 0; i < n; i++) {
      l = langs == "en" ? 0 : i % 3; name = "";
      for (w = 0; w < 2; w++) {
        word = "";
        for (s = 0; s < 2 + int(rand() * 2); s++) {
          k = 1 + int(rand() * 17);
          word = word (l == 0 ? lat[k] : l == 1 ? uk[k] : ru[k]);
        }
        if (l == 0) word = toupper(substr(word, 1, 1)) substr(word, 2);
        else word = (l == 1 ? "П" : "П") word;
        name = name (w ? " " : "") word;
      }
      # a serial number keeps every name distinct
      printf "syn-%d\tLOC\t%s\t%s %d\n", i, (l == 0 ? "en" : l == 1 ? "uk" : "ru"), name, i;
    }
  }'
}
gen "$entries" >"$out/big.tsv"
gen 1000 >"$out/small.tsv"

echo "== compile $entries entries"
/usr/bin/time -f "%e s, peak RSS %M KB" $teitag gazetteer compile "$out/big.tsv" -o "$out/big.gaz"
$teitag gazetteer compile "$out/small.tsv" -o "$out/small.gaz" 2>/dev/null
ls -l "$out/big.gaz" | awk '{ printf "compiled size %.1f MB\n", $5 / 1048576 }'

echo "== load (map + first lookup), cold page cache is not measured"
phrase=$(sed -n '12345p;12345q' "$out/big.tsv" | cut -f4)
for i in 1 2 3; do build/bench/gaz_load "$out/big.gaz" "$phrase"; done

echo "== annotation throughput over the corpus (x 60), JSONL to /dev/null"
for i in $(seq 60); do cat corpus/*/*.txt; done >"$out/text.txt"
mb=$(du -m "$out/text.txt" | cut -f1)
for g in small big; do
  t0=$(date +%s.%N)
  /usr/bin/time -f "$g: peak RSS %M KB" $teitag annotate --no-default-gazetteer --no-money \
    --no-rules --lines -f jsonl -g "$out/$g.gaz" "$out/text.txt" >/dev/null
  t1=$(date +%s.%N)
  echo "$g: $(echo "$mb $t0 $t1" | awk '{ printf "%.1f MB/s", $1 / ($3 - $2) }')"
done
