#!/usr/bin/env python3
"""Compares beamlet's large-map order with real Elixir's on random keys.

For each seed it writes an .exs of a dozen maps of 33 to 400 keys (integers
small and big, floats, binaries of any UTF-8, bitstrings, fixed-index atoms,
tuples, lists proper and improper, flat and hash maps as keys), runs it on
`elixir` and on beamlet, and compares stdout: `Map.keys`, `Map.values` and
that `for` sees the reverse of `Map.keys`.

    python3 tools/maporder/fuzz_elixir.py target/quick/beamlet [first_seed] [count]
"""
import os
import random
import subprocess
import sys
import tempfile

# Atoms whose BEAM index is the same in every run (vm/src/beam_atoms.txt).
ATOMS = ["ok", "error", "undefined", "badarg", "value", "name", "id", "data", "count",
         "size", "type", "normal", "infinity"]


def esc(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("#", "\\#")


def term(d=0):
    r = random.random()
    if r < 0.25:
        return str(random.choice([random.randint(-300, 300), random.randint(-2**62, 2**62),
                                  random.randint(-2**130, 2**130), random.randint(2**58, 2**61)]))
    if r < 0.35:
        return repr(random.choice([random.uniform(-1e6, 1e6), float(random.randint(-100, 100)),
                                   random.uniform(-1, 1) * 10**random.randint(-300, 300)]))
    if r < 0.5:
        return '"%s"' % esc("".join(random.choice("abcdefghij \u00fc\u20ac") for _ in range(random.randint(0, 30))))
    if r < 0.55:
        n = random.randint(1, 40)
        return "<<%d::size(%d)>>" % (random.getrandbits(n), n)
    if r < 0.6:
        return ":" + random.choice(ATOMS) if random.random() < .8 else random.choice(["true", "false", "nil"])
    if d > 2:
        return str(random.randint(0, 255))
    if r < 0.72:
        return "{" + ", ".join(term(d + 1) for _ in range(random.randint(0, 4))) + "}"
    if r < 0.85:
        items = [str(random.randint(0, 300)) if random.random() < .6 else term(d + 1)
                 for _ in range(random.randint(0, 8))]
        if random.random() < 0.15 and items:
            return "[" + ", ".join(items) + " | " + term(d + 1) + "]"
        return "[" + ", ".join(items) + "]"
    if r < 0.95:
        return "%{" + ", ".join("%s => %s" % (term(d + 1), term(d + 1)) for _ in range(random.randint(0, 5))) + "}"
    return "Map.new(1..%d, &{&1 * %d, &1})" % (random.randint(33, 60), random.randint(1, 9))


def script(seed):
    random.seed(seed)
    lines = ["show = fn m -> IO.inspect(Map.keys(m), limit: :infinity, printable_limit: :infinity); "
             "IO.inspect(for({k, _} <- m, do: k) == Enum.reverse(Map.keys(m))) end"]
    for _ in range(12):
        n = random.choice([33, 40, 70, 150, 400])
        lines.append("m = Map.new([" + ", ".join("{%s, %d}" % (term(), j) for j in range(n)) + "])")
        lines.append("show.(m)")
        lines.append("IO.inspect(Map.values(m), limit: :infinity)")
    return "\n".join(lines) + "\n"


def main():
    beamlet = sys.argv[1]
    first = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(first, first + count):
            path = os.path.join(tmp, "fuzz%d.exs" % seed)
            with open(path, "w") as f:
                f.write(script(seed))
            run = lambda cmd: subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
            want, got = run(["elixir", path]), run([beamlet, "run", path])
            same = want == got
            bad += not same
            print("seed %d: %s (%d bytes)" % (seed, "same" if same else "DIFFERENT", len(want)))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
