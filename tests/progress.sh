#!/bin/sh
# SPDX-License-Identifier: MIT
#
# progress.sh -- the progress line of `teitag batch`, seen on a real
# terminal: tmux runs the batch in an 80-column pane, the test freezes the
# process (SIGSTOP) while a progress line is on the screen and reads the
# pane: one line, within the width, with files done/total, MB, MB/s, ETA.
# After the run the line is gone (redrawn in place, then cleared) and the
# summary is all that is left.  Skipped without tmux.
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null 2>&1 || { echo "SKIP: tmux is not installed"; exit 77; }

sock="teitag-test-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT

mkdir -p "$tmp/corpus"
awk -v dir="$tmp/corpus" 'BEGIN {
  for (f = 0; f < 40; f++) {
    file = sprintf("%s/n%02d.txt", dir, f)
    for (i = 0; i < 12000; i++)
      printf "Item %d: the mayor of Odesa met the council.\n", i > file
    close(file)
  } }'
printf 'bad \377 byte\n' >"$tmp/corpus/zz-bad.txt"

cat >"$tmp/run.sh" <<EOF
#!/bin/sh
echo \$\$ >"$tmp/pid"
exec "$TEITAG" batch -j 1 -o "$tmp/out" "$tmp/corpus"
EOF
chmod +x "$tmp/run.sh"
# tmux needs pseudo-terminals; a bare chroot or container may have none
if ! tmux -L "$sock" new-session -d -x 80 -y 12 "sh -c '$tmp/run.sh; echo EXIT=\$?; sleep 30'" 2>"$tmp/tmux.err"; then
  echo "SKIP: tmux cannot open a terminal here: $(cat "$tmp/tmux.err")"
  exit 77
fi

# Wait for the progress line, then freeze the process and read the pane.
seen=""
i=0
while [ $i -lt 600 ]; do
  if tmux -L "$sock" capture-pane -p 2>/dev/null | grep -Eq '[1-9][0-9]*/41 files .* MB/s'; then
    pid=$(cat "$tmp/pid" 2>/dev/null || true)
    [ -n "$pid" ] && kill -STOP "$pid" 2>/dev/null && seen=1
    break
  fi
  sleep 0.02; i=$((i + 1))
done
if [ -n "$seen" ]; then
  sleep 0.2
  tmux -L "$sock" capture-pane -p >"$tmp/screen"
  kill -CONT "$pid"
  grep -v '^$' "$tmp/screen" >"$tmp/lines" || true
  line=$(grep 'files' "$tmp/lines" || true)
  if [ "$(grep -c 'files' "$tmp/lines")" -eq 1 ]; then pass "one progress line, redrawn in place"; else
    fail "progress lines pile up: $(cat "$tmp/screen")"; fi
  if echo "$line" | grep -Eq '^teitag: [0-9]+/41 files  [0-9.]+/[0-9.]+ MB  [0-9.]+ MB/s  ETA ([0-9]+:[0-9]{2}|--:--)'; then
    pass "progress line shows files, MB, MB/s, ETA: $line"; else fail "progress line: '$line'"; fi
  if [ "${#line}" -lt 80 ]; then pass "progress line fits the terminal"; else fail "progress line is ${#line} wide"; fi
  if grep -q "$(printf '\033')" "$tmp/screen"; then fail "escape codes shown on screen"; else pass "no stray escape codes"; fi
else
  fail "no progress line appeared: $(tmux -L "$sock" capture-pane -p)"
fi

# The end: the summary, the error of the bad file, and no progress line.
i=0
while [ $i -lt 600 ] && ! tmux -L "$sock" capture-pane -p | grep -q 'EXIT='; do
  sleep 0.05; i=$((i + 1))
done
tmux -L "$sock" capture-pane -p >"$tmp/screen"
expect_grep "$tmp/screen" "EXIT=1" "exit status 1 for the bad file"
expect_grep "$tmp/screen" "zz-bad.txt: invalid UTF-8" "the error is printed on its own line"
expect_grep "$tmp/screen" "41 files: 40 ok, 1 failed, 0 skipped" "the summary is shown"
if grep -q 'MB/s  ETA' "$tmp/screen"; then fail "the progress line was left on the screen: $(cat "$tmp/screen")"; else
  pass "the progress line is cleared at the end"; fi
if grep 'invalid UTF-8' "$tmp/screen" | grep -q 'files'; then fail "an error line was torn by the progress line"; else
  pass "error lines are not torn"; fi
finish
