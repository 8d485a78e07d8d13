#!/bin/sh
# Validate tools/maporder/model.py against the installed OTP 25 / Elixir 1.14.
#   ./check.sh          quick run (several seeds, maps of 33..10000 keys)
#   ./check.sh full     adds maps of 100000..600000 keys and 200000 atoms
set -e
cd "$(dirname "$0")"
erlc mo_harness.erl
if [ "$1" = full ]; then
  python3 check.py 1
  python3 check.py 2
fi
for s in 101 102 103 104 105; do python3 check.py $s --quick; done
python3 check.py 106 --quick --process-limit=1048576 --port-limit=1048576
python3 check.py 107 --quick --process-limit=4096 --port-limit=4096
python3 check_elixir.py 1
python3 atom_index_oracle.py erl false true ok error undefined nil lists
