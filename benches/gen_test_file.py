#!/usr/bin/env python3
"""Writes a large ExUnit file for the compile-speed benchmark (issue 10):
300 tests in 30 describe blocks, each test a few assertions over a small
module of helpers, about 3,000 lines in all.

    python3 benches/gen_test_file.py > /tmp/big_test.exs
    time target/release/beamlet /tmp/big_test.exs
"""

import sys

out = []
w = out.append
w("ExUnit.start(seed: 0)")
w("")
w("defmodule BigHelpers do")
for i in range(20):
    w(f"  def f{i}(x) when is_integer(x), do: x * {i + 1} + {i}")
    w(f"  def f{i}(xs) when is_list(xs), do: Enum.map(xs, &f{i}/1)")
    w("")
w("end")
w("")
w("defmodule BigTest do")
w("  use ExUnit.Case, async: true")
w("  import BigHelpers")
w("")
w("  setup do")
w("    {:ok, base: 10, list: [1, 2, 3]}")
w("  end")
w("")
n = 0
for d in range(30):
    w(f'  describe "group {d}" do')
    for t in range(10):
        k = (d * 10 + t) % 20
        w(f'    test "case {n}", %{{base: base, list: list}} do')
        w(f"      value = f{k}(base)")
        w(f"      assert value == base * {k + 1} + {k}")
        w(f"      assert f{k}(list) == Enum.map(list, fn x -> x * {k + 1} + {k} end)")
        w(f"      refute value < 0")
        w(f"      assert {{:ok, ^value}} = {{:ok, f{k}(base)}}")
        w(f'      assert "v=#{{value}}" =~ "#{{value}}"')
        w(f"      assert length(list) in 0..{n + 3}")
        w("    end")
        w("")
        n += 1
    w("  end")
    w("")
w("end")
sys.stdout.write("\n".join(out) + "\n")
