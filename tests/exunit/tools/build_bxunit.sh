#!/usr/bin/env bash
# Compiles stdlib/ex_unit under the name BxUnit (so that it cannot clash with
# real ExUnit), plus the :beamlet shim, for real Elixir: prints the ebin dir.
#   tests/exunit/tools/build_bxunit.sh [OUTDIR]     (default: a fresh temp dir)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="${1:-$(mktemp -d /tmp/bxunit.XXXXXX)}"
mkdir -p "$out/src/ex_unit" "$out/ebin"
sed 's/ExUnit/BxUnit/g' "$root/stdlib/ex_unit.ex" > "$out/src/ex_unit.ex"
for f in "$root"/stdlib/ex_unit/*.ex; do
  sed 's/ExUnit/BxUnit/g' "$f" > "$out/src/ex_unit/$(basename "$f")"
done
cp "$here/beamlet_shim.ex" "$out/src/beamlet_shim.ex"
elixirc --ignore-module-conflict -o "$out/ebin" "$out/src/beamlet_shim.ex" "$out/src/ex_unit.ex" "$out"/src/ex_unit/*.ex >&2
echo "$out/ebin"
