#!/bin/sh
# SPDX-License-Identifier: MIT
#
# stress.sh -- worst cases for the rules, one pattern per file:
#
#   bench/stress.sh [MEGABYTES]          (default: 4, one part)
#
# Each file repeats one short pattern (a run of initials, an acronym
# defined again and again, honorifics before listed names, full stops
# ...) to
# MEGABYTES, so that a rule which looks from every token to the end of a
# run, or walks every earlier span, shows as seconds instead of
# milliseconds.  Prints the wall time, MB/s and peak memory per pattern;
# every pattern should run at about the speed of ordinary text (see
# bench/README.md).  A run longer than 60 s is stopped and reported.
# Needs GNU time (/usr/bin/time, Debian package "time").
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-4}
[ -x /usr/bin/time ] || { echo "stress: needs GNU time (apt-get install time)" >&2; exit 1; }
teitag="$top/build/teitag"
[ -x "$teitag" ] || { echo "stress: build teitag in build/ first (bench/run.sh does)" >&2; exit 1; }
work=${BENCH_DIR:-${TMPDIR:-/tmp}/teitag-bench}/stress
mkdir -p "$work"
bytes=$((mb * 1000000))

# pattern NAME UNIT: a file of UNIT repeated to the size asked for
pattern() {
  awk -v u="$2" -v n="$bytes" 'BEGIN {
    for (len = 0; len < n; len += length(u)) printf "%s", u }' >"$work/$1.txt"
}
pattern initials 'В. І. '
pattern initials-latin 'J. R. '
pattern initials-spaced 'В . І . '
pattern acronym-defined 'Alpha Beta Council (ABC) met ABC. '
pattern ticker 'Shares of Morgan Whitlock (NYSE: MWK) fell. '
pattern honorifics 'Mr Bloomberg Ms Bayer '
pattern quoted-place 'газета «Житомирщина» пише. '
pattern legal-form 'ТОВ «Альфа» '
pattern acronyms 'NATO USA EU '
pattern title-run 'Alpha Beta Gamma Delta '
pattern surname-again 'Олег Ковальчук сказав. Ковальчука '
pattern short-name 'Brightfen Networks Inc. said Brightfen '
pattern brackets '( ( ( ) '
pattern quotes '« « » '
pattern regions 'Донецька обл. Сумського р-ну '
pattern money '$5 million 10 млн грн '
pattern roman 'Louis XIV Henry VIII '
pattern capitals 'A B C D '
pattern stops '. '
pattern closers '.» ) '
pattern numbers '1 2 3 4 '
pattern money-mixed 'USD 5 EUR 6 грн 7 '
pattern apostrophes "'"

printf '%-18s %8s %8s %9s\n' pattern wall_s MB/s peak_MB
status=0
for f in "$work"/*.txt; do
  name=$(basename "$f" .txt)
  if /usr/bin/time -f '%e %M' -o "$work/time" timeout 60 "$teitag" annotate -f tei "$f" \
      >/dev/null 2>"$work/err"; then
    set -- $(tail -1 "$work/time")
    awk -v n="$name" -v w="$1" -v m="$2" -v b="$bytes" 'BEGIN {
      if (w <= 0) w = 0.01
      printf "%-18s %8.2f %8.1f %9.1f\n", n, w, b / 1e6 / w, m / 1024 }'
  else
    printf '%-18s failed or over 60 s: %s\n' "$name" "$(tail -1 "$work/err")"
    status=1
  fi
done
# the densest pattern's TEI read back (-i tei): a paragraph of a million
# names, each placed on its tokens
tei="$work/acronyms.tei"
if "$teitag" annotate -f tei "$work/acronyms.txt" >"$tei" 2>"$work/err" &&
    /usr/bin/time -f '%e %M' -o "$work/time" timeout 60 "$teitag" annotate -i tei -f tei "$tei" \
      >/dev/null 2>"$work/err"; then
  set -- $(tail -1 "$work/time")
  awk -v w="$1" -v m="$2" -v b="$(wc -c <"$tei")" 'BEGIN {
    if (w <= 0) w = 0.01
    printf "%-18s %8.2f %8.1f %9.1f  (%.0f MB of TEI in)\n", "acronyms -i tei", w, b / 1e6 / w, m / 1024, b / 1e6 }'
else
  printf '%-18s failed or over 60 s: %s\n' "acronyms -i tei" "$(tail -1 "$work/err")"
  status=1
fi
exit $status
