# SPDX-License-Identifier: MIT
#
# lib.sh -- shared by the shell tests: strict mode, a scratch directory
# that is always removed, and small assertion helpers that say what failed.
set -eu
export LC_ALL=C.UTF-8
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${TEITAG:=$top_srcdir/build/teitag}"
: "${VALIDATE:=$(dirname "$TEITAG")/tests/validate}"
SCHEMA=$top_srcdir/schema/teitag.rng
TEI_ALL=${TEI_ALL:-$top_srcdir/../shared/tei/tei_all.rng}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/teitag-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# expect_status WANT DESCRIPTION -- COMMAND...: runs COMMAND, keeps its
# stdout in $tmp/out and stderr in $tmp/err, and checks the exit status.
expect_status() {
  want=$1 what=$2
  shift 3
  set +e
  "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  set -e
  if [ "$got" -eq "$want" ]; then pass "$what"; else
    fail "$what: exit $got, want $want; stderr: $(head -c 300 "$tmp/err")"; fi
}

# expect_grep FILE PATTERN DESCRIPTION
expect_grep() {
  if grep -q -- "$2" "$1"; then pass "$3"; else
    fail "$3: '$2' not in $(head -c 300 "$1")"; fi
}

finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures failure(s)" >&2; exit 1; fi
  exit 0
}
