#!/usr/bin/env bash
# Times beamlet on the benchmark programs in this folder (wall seconds and
# peak RSS, median of RUNS runs) and checks each output against
# expected/NAME.out. For the comparison with real Elixir use the shared
# yardstick: ../shared/bench/compare.sh target/release/beamlet
#
#   benches/run.sh                 # all programs, release build
#   RUNS=5 benches/run.sh fib      # some programs, more runs
set -euo pipefail
cd "$(dirname "$0")"
RUNS="${RUNS:-3}"
BIN="${BIN:-../target/release/beamlet}"
[ -x "$BIN" ] || (cd .. && cargo build --release >/dev/null)
progs=("$@")
[ ${#progs[@]} -gt 0 ] || progs=($(ls *.ex | sed 's/\.ex$//'))
printf '| program | median wall (s) | peak RSS (MB) | ok |\n| --- | ---: | ---: | --- |\n'
for p in "${progs[@]}"; do
  walls=(); rss=0; ok=yes
  for _ in $(seq "$RUNS"); do
    out="$(mktemp)"
    /usr/bin/time -f '%e %M' -o "$out.t" "$BIN" run "$p.ex" >"$out" 2>/dev/null || ok="no (exit)"
    cmp -s "$out" "expected/$p.out" || ok="no (output)"
    read -r w m <"$out.t"; walls+=("$w"); [ "$m" -gt "$rss" ] && rss="$m"
    rm -f "$out" "$out.t"
  done
  med="$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")"
  printf '| %s | %s | %s | %s |\n' "$p" "$med" "$((rss / 1024))" "$ok"
done
