#!/usr/bin/env bash
# record.sh — re-record the expected output of the conformance corpus from real Elixir.
#
# Usage (from anywhere):
#   tests/conformance/record.sh              # re-record every tests/conformance/*.ex
#   tests/conformance/record.sh a.ex b       # re-record only the named scripts (".ex" optional)
#
# For each NAME.ex it runs, three times, from inside tests/conformance:
#   elixir --erl "-logger console [{device,standard_error}]" NAME.ex > NAME.out
# (stdout only; stderr — warnings, uncaught errors, logger reports — is discarded).
# If the three stdouts (or the three exit statuses) differ, the script is reported as
# NONDETERMINISTIC, nothing is written for it, and record.sh exits 1 at the end.
# Otherwise NAME.out gets the stdout, byte for byte. If the exit status is non-zero it is
# written to NAME.status (just the number and a newline); a stale NAME.status is removed
# when the status is 0.
#
# Environment: ELIXIR (default "elixir") selects the binary; RUNS (default 3) the repeat count.
# Needs Elixir 1.14 on OTP 25 (checked, warning only if different).
set -u
cd "$(dirname "$0")"
ELIXIR=${ELIXIR:-elixir}
RUNS=${RUNS:-3}

ver=$("$ELIXIR" --version 2>/dev/null | grep '^Elixir' || true)
case "$ver" in
  "Elixir 1.14"*) ;;
  *) echo "warning: expected Elixir 1.14, got: ${ver:-nothing}" >&2 ;;
esac

if [ $# -gt 0 ]; then
  scripts=()
  for a in "$@"; do a=$(basename "$a"); scripts+=("${a%.ex}.ex"); done
else
  scripts=(*.ex)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
for s in "${scripts[@]}"; do
  name=${s%.ex}
  if [ ! -f "$s" ]; then echo "MISSING   $s" >&2; failed=1; continue; fi
  ok=1
  for i in $(seq 1 "$RUNS"); do
    "$ELIXIR" --erl "-logger console [{device,standard_error}]" "$s" >"$tmp/out.$i" 2>"$tmp/err.$i" </dev/null
    echo $? >"$tmp/st.$i"
    if [ "$i" -gt 1 ]; then
      if ! cmp -s "$tmp/out.1" "$tmp/out.$i" || ! cmp -s "$tmp/st.1" "$tmp/st.$i"; then ok=0; fi
    fi
  done
  if [ $ok -eq 0 ]; then
    echo "NONDETERMINISTIC $s (stdout or status differs between runs)" >&2
    diff "$tmp/out.1" "$tmp/out.2" | head -20 >&2
    failed=1
    continue
  fi
  cp "$tmp/out.1" "$name.out"
  st=$(cat "$tmp/st.1")
  if [ "$st" != 0 ]; then
    echo "$st" >"$name.status"
    echo "recorded  $s (exit $st)"
  else
    rm -f "$name.status"
    echo "recorded  $s"
  fi
done
if [ $failed -ne 0 ]; then echo "record.sh: FAILED (see above)" >&2; exit 1; fi
