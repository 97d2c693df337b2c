#!/bin/sh
# SPDX-License-Identifier: MIT
#
# robust.sh -- a batch run that is interrupted (SIGTERM, SIGINT) leaves no
# partial output and resumes when run again; a full disk (a file size
# limit, and a small tmpfs when we may mount one) is reported for the file
# it hit and stops the run cleanly, keeping only complete outputs.
. "$(dirname "$0")/lib.sh"
small=""
trap '[ -n "$small" ] && umount "$small" 2>/dev/null; rm -rf "$tmp"' EXIT

# 24 inputs of about 1 MB: a run takes long enough to be interrupted.
mkdir -p "$tmp/corpus"
awk -v dir="$tmp/corpus" 'BEGIN {
  for (f = 0; f < 24; f++) {
    file = sprintf("%s/news%02d.txt", dir, f)
    for (i = 0; i < 16000; i++)
      printf "Report %d from Odesa: the council met the mayor at noon.\n", i > file
    close(file)
  } }'

no_temp_files() {
  if find "$1" -name '.*' -type f | grep -q .; then
    fail "$2: temporary files left: $(find "$1" -name '.*' -type f | head -3)"
  else pass "$2: no temporary files"; fi
}

# Every output there is complete: it validates.
outputs_complete() {
  bad=0
  for f in $(find "$1" -name '*.xml' -type f); do
    "$VALIDATE" "$SCHEMA" "$f" >/dev/null 2>&1 || bad=$((bad + 1))
  done
  if [ "$bad" -eq 0 ]; then pass "$2: every output is complete"; else fail "$2: $bad partial outputs"; fi
}

count_outputs() { find "$1" -name '*.xml' -type f | wc -l | tr -d ' '; }

# interrupt: SIGTERM (exit 143) and SIGINT (exit 130), then resume
for sig in TERM INT; do
  out="$tmp/out-$sig"
  "$TEITAG" batch -j 1 -o "$out" "$tmp/corpus" 2>"$tmp/err" &
  pid=$!
  i=0
  while [ "$(count_outputs "$out" 2>/dev/null || echo 0)" -lt 1 ] && [ $i -lt 400 ]; do
    sleep 0.05; i=$((i + 1))
  done
  kill -"$sig" "$pid" 2>/dev/null || true
  set +e; wait "$pid"; rc=$?; set -e
  want=$([ "$sig" = TERM ] && echo 143 || echo 130)
  if [ "$rc" -eq "$want" ]; then pass "SIG$sig: exit $rc"; else fail "SIG$sig: exit $rc, want $want; $(cat "$tmp/err")"; fi
  expect_grep "$tmp/err" "interrupted; finished outputs are kept" "SIG$sig: the interruption is reported"
  no_temp_files "$out" "SIG$sig"
  outputs_complete "$out" "SIG$sig"
  done_before=$(count_outputs "$out")
  if [ "$done_before" -lt 24 ]; then pass "SIG$sig: stopped early ($done_before of 24 done)"; else
    echo "note: SIG$sig arrived after the run had finished every file"; fi
  expect_status 0 "SIG$sig: run again" -- "$TEITAG" batch -j 2 -o "$out" "$tmp/corpus"
  expect_grep "$tmp/err" "$done_before skipped" "SIG$sig: the second run skips the $done_before finished files"
  if [ "$(count_outputs "$out")" -eq 24 ]; then pass "SIG$sig: resumed to the end"; else fail "SIG$sig: $(count_outputs "$out") outputs"; fi
done

# a file size limit: the first output hits it, the run stops cleanly
out="$tmp/out-ulimit"
expect_status 1 "file size limit" -- sh -c "ulimit -f 400; exec \"$TEITAG\" batch -j 2 --manifest \"$tmp/m.jsonl\" -o \"$out\" \"$tmp/corpus\""
expect_grep "$tmp/err" "write error: File too large" "the write error names its cause"
expect_grep "$tmp/err" "the disk is full: stopping" "the run says it stops"
no_temp_files "$out" "file size limit"
outputs_complete "$out" "file size limit"
if [ "$(grep -c '"status": "ok"' "$tmp/m.jsonl")" -eq 0 ] && [ "$(wc -l <"$tmp/m.jsonl")" -lt 24 ]; then
  pass "file size limit: the run stopped instead of failing every file"; else fail "manifest: $(cut -c1-120 "$tmp/m.jsonl")"; fi

# a small tmpfs, when this machine lets us mount one
if [ "$(id -u)" -eq 0 ] && mkdir -p "$tmp/small" && mount -t tmpfs -o size=3m tmpfs "$tmp/small" 2>/dev/null; then
  small="$tmp/small"
  expect_status 1 "full tmpfs" -- "$TEITAG" batch -j 1 -o "$small/out" "$tmp/corpus"
  expect_grep "$tmp/err" "No space left on device" "a full disk is named"
  expect_grep "$tmp/err" "the disk is full: stopping" "a full disk stops the run"
  no_temp_files "$small" "full tmpfs"
  outputs_complete "$small" "full tmpfs"
  umount "$small" && small=""
else
  echo "skip: cannot mount a small tmpfs here (needs root and CAP_SYS_ADMIN)"
fi
finish
