#!/bin/sh
# SPDX-License-Identifier: MIT
#
# run.sh -- builds the libFuzzer targets with clang (ASan + UBSan) in
# build-fuzz/ and runs each for SECONDS (default 60), seeded from corpus/
# and tests/data/.  Crashes land in fuzz/findings-TARGET/.  Prints the
# executions each target ran.
#   usage: fuzz/run.sh [SECONDS] [TARGET...]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-"fuzz_annotate fuzz_jsonl fuzz_gaz_source fuzz_gaz_image fuzz_money fuzz_tei fuzz_stream"}
[ -x configure ] || ./autogen.sh >/dev/null
mkdir -p build-fuzz
if [ ! -f build-fuzz/Makefile ]; then
  (cd build-fuzz && ../configure --quiet --enable-fuzzing --disable-shared CC=clang CXX=clang++ \
    CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined")
fi
make -C build-fuzz -j"$(getconf _NPROCESSORS_ONLN)" >build-fuzz/build.log 2>&1 || { tail -20 build-fuzz/build.log; exit 1; }
export TEITAG_DATA_DIR="$top/build-fuzz" # its teitag.gaz, for fuzz_annotate
for t in $targets; do
  seeds=fuzz/corpus-$t
  mkdir -p "$seeds" "fuzz/findings-$t"
  case $t in
    fuzz_jsonl) [ -n "$(ls "$seeds")" ] || split -l 1 -a 4 corpus/gold.jsonl "$seeds/gold-" ;;
    fuzz_gaz_source)
      # seeds: slices of the real sources, and the inflection test entries
      [ -n "$(ls "$seeds")" ] || for f in gazetteers/*.tsv; do
        split -l 40 -a 3 "$f" "$seeds/$(basename "$f" .tsv)-"; done ;;
    fuzz_gaz_image)
      # seeds: small compiled gazetteers the fuzzer can damage
      if [ -z "$(ls "$seeds")" ]; then
        i=0
        for f in gazetteers/countries-extra.tsv; do
          head -30 "$f" >"$seeds/src.tsv"
          build-fuzz/teitag gazetteer compile "$seeds/src.tsv" -o "$seeds/seed$i.gaz" 2>/dev/null
          i=$((i + 1))
        done
        printf 'Q1\tLOC\tuk\tКиїв\tstem=Київ>Києв\nQ1\tLOC\ten\tKyiv\n' >"$seeds/src.tsv"
        build-fuzz/teitag gazetteer compile "$seeds/src.tsv" -o "$seeds/seed-kyiv.gaz" 2>/dev/null
        rm -f "$seeds/src.tsv"
      fi ;;
    fuzz_money) # the money test sentences, marks and answers removed
      [ -n "$(ls "$seeds")" ] || cut -f1 tests/data/money-*.tsv | sed 's/⟦//g; s/⟧//g' |
        split -l 1 -a 4 - "$seeds/tsv-" ;;
    fuzz_tei) [ -n "$(ls "$seeds")" ] || for f in tests/data/tei/*.xml; do
        { printf '\000'; cat "$f"; } >"$seeds/$(basename "$f")"; done ;;
    *) [ -n "$(ls "$seeds")" ] || cp corpus/*/*.txt "$seeds/" ;;
  esac
  echo "fuzzing $t for ${seconds}s ..."
  dict=; [ -f "fuzz/$t.dict" ] && dict="-dict=fuzz/$t.dict"
  # shellcheck disable=SC2086
  build-fuzz/fuzz/$t -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 $dict \
    -artifact_prefix="fuzz/findings-$t/" -print_final_stats=1 "$seeds" >"build-fuzz/$t.log" 2>&1 || {
    tail -40 "build-fuzz/$t.log"; echo "$t: FAILED, see fuzz/findings-$t/"; exit 1; }
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "build-fuzz/$t.log" | grep -o '[0-9]*$')
  echo "$t: $runs executions in ${seconds}s, no crash"
done
