#!/usr/bin/env bash
# record.sh — regenerate tests/diagnostics/NAME.elixir.txt (the stderr of `elixir NAME.ex`,
# run from inside tests/diagnostics) for every NAME.ex, or only for the ones named as arguments.
# These files are for reference only: beamlet has its own wording. The script also prints the
# exit status and stdout size of each program so that a program that unexpectedly compiles
# and runs is noticed (only warning_* programs are expected to exit 0).
set -u
cd "$(dirname "$0")"
if [ $# -gt 0 ]; then
  scripts=(); for a in "$@"; do a=$(basename "$a"); scripts+=("${a%.ex}.ex"); done
else
  scripts=(*.ex)
fi
for s in "${scripts[@]}"; do
  n=${s%.ex}
  out=$(elixir "$s" 2>"$n.elixir.txt" </dev/null); st=$?
  printf '%-50s exit %s, %s bytes of stdout\n' "$s" "$st" "${#out}"
done
