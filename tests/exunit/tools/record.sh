#!/usr/bin/env bash
# Records real Elixir's output for the ExUnit corpus (see ../README.md):
# for each NAME.exs, NAME.out is its stdout (normalized by normalize.py) and
# NAME.status its exit status when not 0. Runs each script twice and fails,
# writing nothing for it, if the normalized outputs differ.
#   tests/exunit/tools/record.sh [NAME...]      (default: every script)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="$(cd "$here/.." && pwd)"
ELIXIR="${ELIXIR:-elixir}"
"$ELIXIR" --version 2>/dev/null | grep -q "Elixir 1.14" || echo "warning: $ELIXIR is not Elixir 1.14" >&2
cd "$dir"
names=("$@")
[ ${#names[@]} -eq 0 ] && names=(*.exs)
bad=0
for name in "${names[@]}"; do
  name="${name%.exs}"
  "$ELIXIR" "$name.exs" 2>/dev/null | "$here/normalize.py" > "/tmp/exunit-record.1"; s1=${PIPESTATUS[0]}
  "$ELIXIR" "$name.exs" 2>/dev/null | "$here/normalize.py" > "/tmp/exunit-record.2"; s2=${PIPESTATUS[0]}
  if [ "$s1" != "$s2" ] || ! cmp -s /tmp/exunit-record.1 /tmp/exunit-record.2; then
    echo "$name: output or status differs between runs, not recorded" >&2
    bad=1
    continue
  fi
  mv /tmp/exunit-record.1 "$name.out"
  if [ "$s1" = 0 ]; then rm -f "$name.status"; else echo "$s1" > "$name.status"; fi
  echo "$name: recorded (status $s1)"
done
exit $bad
