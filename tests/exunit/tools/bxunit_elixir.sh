#!/usr/bin/env bash
# `elixir` with stdlib/ex_unit in place of Elixir's ExUnit: runs FILE renamed
# (ExUnit -> BxUnit, in a temp dir under the same name) against the BxUnit
# build in $BXUNIT_EBIN (see build_bxunit.sh), and names BxUnit back to
# ExUnit in its output. Takes the same arguments as a beamlet binary, so it
# can stand in for one in ../../../../shared/elixir-suite/run.sh:
#   BXUNIT_EBIN=$(tests/exunit/tools/build_bxunit.sh) \
#     ../shared/elixir-suite/run.sh "$PWD/tests/exunit/tools/bxunit_elixir.sh" -j 2
set -uo pipefail
[ "${1:-}" = run ] && shift
file="$1"; shift
: "${BXUNIT_EBIN:?set BXUNIT_EBIN to the output of build_bxunit.sh}"
work="$(mktemp -d /tmp/bxunit-run.XXXXXX)"
name="$(basename "$file")"
sed 's/ExUnit/BxUnit/g' "$file" > "$work/$name"
cd "$work"
elixir -pa "$BXUNIT_EBIN" "$name" "$@" 2>&1 | sed 's/BxUnit/ExUnit/g'
status=${PIPESTATUS[0]}
rm -rf "$work"
exit "$status"
