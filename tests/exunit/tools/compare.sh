#!/usr/bin/env bash
# Runs the ExUnit corpus on real Elixir with stdlib/ex_unit (renamed BxUnit,
# see build_bxunit.sh) in place of Elixir's ExUnit, and compares each
# script's normalized stdout and exit status with the recorded NAME.out and
# NAME.status (see ../README.md).
#   tests/exunit/tools/compare.sh [NAME...]     (default: every script)
# KEEP=DIR keeps the outputs in DIR; EBIN=DIR skips the build.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="$(cd "$here/.." && pwd)"
ebin="${EBIN:-$("$here/build_bxunit.sh")}" || exit 2
work="$(mktemp -d /tmp/exunit-compare.XXXXXX)"
keep="${KEEP:-$work}"
mkdir -p "$keep"
cd "$dir"
names=("$@")
[ ${#names[@]} -eq 0 ] && names=(*.exs)
pass=0; fail=0
for name in "${names[@]}"; do
  name="${name%.exs}"
  sed 's/ExUnit/BxUnit/g' "$name.exs" > "$work/$name.exs"
  (cd "$work" && elixir -pa "$ebin" "$name.exs" 2>"$keep/$name.err") \
    | sed 's/BxUnit/ExUnit/g' | "$here/normalize.py" > "$keep/$name.out"
  status=${PIPESTATUS[0]}
  expected_status=0
  [ -f "$name.status" ] && expected_status="$(cat "$name.status")"
  if cmp -s "$name.out" "$keep/$name.out" && [ "$status" = "$expected_status" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name (status $status, expected $expected_status)"
    diff "$name.out" "$keep/$name.out" | head -40
  fi
done
echo "exunit corpus: $pass passed, $fail failed"
[ "$fail" = 0 ]
