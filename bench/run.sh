#!/bin/sh
# SPDX-License-Identifier: MIT
#
# run.sh -- the benchmark, in one command:
#
#   bench/run.sh [MEGABYTES] [JOBS] [REPEATS]
#                         (defaults: 48 MB, the number of cores, 3 repeats)
#
# Builds teitag in build/ when it is missing, generates a reproducible
# en/uk/ru news-style corpus of MEGABYTES with bench/gencorpus.c (fixed
# seed, so every machine measures the same bytes), and reports, for each
# run, the wall time, the CPU time, MB/s of wall time, MB/s per CPU-second
# (the per-core figure, which other load on the machine does not change),
# and the peak resident memory, each the fastest of REPEATS runs (other
# load on a shared machine only ever slows a run down):
#   annotate -f tei    the whole corpus as one file (annotated in parts)
#   annotate -f jsonl  the same, JSONL out
#   annotate -i jsonl  one JSON line per article, JSONL out (streaming)
#   batch -j 1         one output per article, one thread
#   batch -j JOBS      the same with JOBS threads, and the speed-up
# batch writes to a RAM disk (/dev/shm) when there is one, because creating
# thousands of files costs the file system, not teitag, and varies from one
# file system to the next; BENCH_OUT=DIR measures a disk instead.
# Needs a C compiler and GNU time (/usr/bin/time, Debian package "time").
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-48}
jobs=${2:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
repeats=${3:-3}
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }
if [ ! -x "$top/build/teitag" ]; then
  echo "bench: building teitag in build/ ..."
  (cd "$top" && { [ -x configure ] || ./autogen.sh >/dev/null; } && mkdir -p build &&
    cd build && { [ -f Makefile ] || ../configure --quiet; } && make -j"$jobs" >/dev/null)
fi
teitag="$top/build/teitag"
work=${BENCH_DIR:-${TMPDIR:-/tmp}/teitag-bench}
mkdir -p "$work"
if [ -z "${BENCH_OUT:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
  BENCH_OUT=/dev/shm/teitag-bench-out.$$
fi
out=${BENCH_OUT:-$work/out}
trap 'rm -rf "$out"' EXIT
corpus="$work/corpus-$mb"
if [ ! -f "$corpus/all.jsonl" ]; then
  cc -std=c99 -O2 -D_DEFAULT_SOURCE -o "$work/gencorpus" "$top/bench/gencorpus.c"
  rm -rf "$corpus"
  "$work/gencorpus" "$corpus" "$mb" >/dev/null
fi
bytes=$(wc -c <"$corpus/all.txt")
files=$(find "$corpus/files" -name '*.txt' | wc -l)
echo "corpus: $corpus: $bytes bytes, $files articles (en/uk/ru), seed fixed"
echo "teitag: $("$teitag" --version), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %8s %8s %10s %12s %10s\n' run wall_s cpu_s MB/s MB/s/core peak_MB

# measure NAME COMMAND...: runs it REPEATS times under GNU time, prints
# the row of the fastest run, and leaves its wall time in $wall.
measure() {
  name=$1
  shift
  : >"$work/times"
  r=0
  while [ "$r" -lt "$repeats" ]; do
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" ||
      { echo "bench: $name failed: $(tail -3 "$work/err")" >&2; exit 1; }
    tail -1 "$work/time" >>"$work/times"
    r=$((r + 1))
  done
  set -- $(sort -n "$work/times" | head -1)
  wall=$1
  cpu=$(awk -v u="$2" -v s="$3" 'BEGIN { print u + s }')
  awk -v n="$name" -v w="$1" -v u="$2" -v s="$3" -v m="$4" -v b="$bytes" 'BEGIN {
    c = u + s; if (w <= 0) w = 0.01; if (c <= 0) c = 0.01
    printf "%-22s %8.2f %8.2f %10.1f %12.1f %10.1f\n", n, w, c, b / 1e6 / w, b / 1e6 / c, m / 1024 }'
}

echo "batch output: $out"
measure "annotate -f tei" sh -c "exec \"$teitag\" annotate -f tei \"$corpus/all.txt\" > /dev/null"
cpu_all=$cpu
# what the name rules cost: the same run without them, and without the
# gazetteer and money as well (the base: decoding, tokens, language, TEI)
measure "  ... --no-rules" sh -c "exec \"$teitag\" annotate -f tei --no-rules \"$corpus/all.txt\" > /dev/null"
cpu_norules=$cpu
measure "  ... base only" sh -c "exec \"$teitag\" annotate -f tei --no-rules --no-money --no-gazetteer \"$corpus/all.txt\" > /dev/null"
awk -v a="$cpu_all" -v n="$cpu_norules" 'BEGIN { if (a <= 0) a = 0.01; printf "name rules: %.0f%% of the pipeline'"'"'s CPU time (%.2f s of %.2f s)\n", 100 * (a - n) / a, a - n, a }'
measure "annotate -f jsonl" sh -c "exec \"$teitag\" annotate -f jsonl \"$corpus/all.txt\" > /dev/null"
measure "annotate -i jsonl" sh -c "exec \"$teitag\" annotate -i jsonl -f jsonl < \"$corpus/all.jsonl\" > /dev/null"
rm -rf "$out"
measure "batch -j 1" "$teitag" batch -q --force -j 1 -o "$out" "$corpus/files"
w1=$wall
measure "batch -j $jobs" "$teitag" batch -q --force -j "$jobs" -o "$out" "$corpus/files"
awk -v a="$w1" -v b="$wall" -v j="$jobs" 'BEGIN { if (b <= 0) b = 0.01; printf "speed-up of -j %d over -j 1: %.2fx (wall time)\n", j, a / b }'
