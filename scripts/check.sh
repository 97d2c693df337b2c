#!/bin/sh
# SPDX-License-Identifier: MIT
#
# check.sh -- the full test suite, as CI runs it: set up and build, run
# `make check`; build again in build-asan/ with -Wall -Wextra -Werror and
# AddressSanitizer + UndefinedBehaviorSanitizer and run the tests there;
# then `make distcheck`.  jing is installed too when the full TEI schema
# (../shared/tei/tei_all.rng) is there to validate against.  GNU parallel,
# tmux and GNU time let the streaming, progress-line and memory tests run
# (they skip without them).
EXTRA_PACKAGES="parallel tmux time"
if [ -r "$(dirname "$0")/../../shared/tei/tei_all.rng" ]; then
  EXTRA_PACKAGES="$EXTRA_PACKAGES jing"
fi
. "$(dirname "$0")/setup.sh"
install_missing

run_check() {
  dir=$1
  echo "teitag: make check in $dir/ ..."
  if ! make -C "$dir" -j"$jobs" check >"$dir/check.log" 2>&1; then
    grep -E '^(FAIL|ERROR|XPASS)' "$dir/check.log" >&2 || true
    for log in "$dir"/tests/*.log; do
      grep -q '^FAIL\|^ERROR\|:F:\|:E:\|ERROR: \|runtime error' "$log" 2>/dev/null && { echo "--- $log" >&2; tail -30 "$log" >&2; }
    done
    echo "teitag: tests failed in $dir/; see $dir/check.log" >&2
    exit 1
  fi
  grep -E '^# (TOTAL|PASS|SKIP|FAIL|ERROR)' "$dir/check.log" | sed 's/^/  /'
  grep -h '^SKIP' "$dir"/tests/*.log 2>/dev/null | sort -u | sed 's/^/  /' || true
}

echo "teitag: building in build/ ..."
configure_build build
run_check build

echo "teitag: building in build-asan/ (-Werror, ASan + UBSan) ..."
configure_build build-asan --enable-asan --enable-werror CFLAGS="-O1 -g"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 run_check build-asan

echo "teitag: make distcheck ..."
if ! make -C build -j"$jobs" distcheck >build/distcheck.log 2>&1; then
  tail -40 build/distcheck.log >&2
  echo "teitag: distcheck failed; see build/distcheck.log" >&2
  exit 1
fi
grep -E 'archives ready' build/distcheck.log | sed 's/^=*/  /' || true
echo "teitag: all tests passed."
