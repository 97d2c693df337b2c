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
targets=${*:-"fuzz_annotate fuzz_jsonl fuzz_stream"}
[ -x configure ] || ./autogen.sh >/dev/null
mkdir -p build-fuzz
if [ ! -f build-fuzz/Makefile ]; then
  (cd build-fuzz && ../configure --quiet --enable-fuzzing --disable-shared CC=clang CXX=clang++ \
    CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined")
fi
make -C build-fuzz -j"$(getconf _NPROCESSORS_ONLN)" >build-fuzz/build.log 2>&1 || { tail -20 build-fuzz/build.log; exit 1; }
for t in $targets; do
  seeds=fuzz/corpus-$t
  mkdir -p "$seeds" "fuzz/findings-$t"
  case $t in
    fuzz_jsonl) [ -n "$(ls "$seeds")" ] || split -l 1 -a 4 corpus/gold.jsonl "$seeds/gold-" ;;
    *) [ -n "$(ls "$seeds")" ] || cp corpus/*/*.txt "$seeds/" ;;
  esac
  echo "fuzzing $t for ${seconds}s ..."
  build-fuzz/fuzz/$t -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="fuzz/findings-$t/" -print_final_stats=1 "$seeds" >"build-fuzz/$t.log" 2>&1 || {
    tail -40 "build-fuzz/$t.log"; echo "$t: FAILED, see fuzz/findings-$t/"; exit 1; }
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "build-fuzz/$t.log" | grep -o '[0-9]*$')
  echo "$t: $runs executions in ${seconds}s, no crash"
done
