#!/usr/bin/env python3
"""Writes vm/src/beam_atoms.txt: the atoms of the BEAM's atom table (OTP 25,
Elixir 1.14) whose index is the same in every run of `elixir script.exs`,
one a line, line n (from 0) holding the atom of index n.

It crashes `elixir` on purpose a few times (`:erlang.halt/1` with a slogan
writes an erl_crash.dump), reads each dump's `=atoms` section (newest atom
first) and keeps the longest prefix, oldest first, that every run agrees on:
past it, the boot loads applications in parallel and the indices vary
between runs. The dumps are written under a temporary directory and never
kept (no crash dump belongs in the repository).

    python3 tools/maporder/atom_table.py [runs] [out]
"""
import os
import subprocess
import sys
import tempfile

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 12
here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "vm", "src", "beam_atoms.txt")


def unquote(line):
    if len(line) >= 2 and line[0] == "'" and line[-1] == "'":
        s, i, r = line[1:-1], 0, []
        while i < len(s):
            if s[i] == "\\" and i + 1 < len(s):
                r.append(s[i + 1])
                i += 2
            else:
                r.append(s[i])
                i += 1
        return "".join(r)
    return line


def table(tmp, n, script):
    dump = os.path.join(tmp, "dump%d" % n)
    env = dict(os.environ, ERL_CRASH_DUMP=dump)
    subprocess.run(["elixir", script], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    atoms, inside = [], False
    with open(dump, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            line = line.rstrip("\n")
            if line == "=atoms":
                inside = True
            elif line.startswith("="):
                inside = False
            elif inside:
                atoms.append(unquote(line))
    os.remove(dump)
    atoms.reverse()
    return atoms


with tempfile.TemporaryDirectory() as tmp:
    script = os.path.join(tmp, "halt.exs")
    with open(script, "w") as f:
        f.write(':erlang.halt(~c"atom table")\n')
    tables = [table(tmp, n, script) for n in range(runs)]

n = 0
while all(len(t) > n and t[n] == tables[0][n] for t in tables):
    n += 1
common = tables[0][:n]
assert common[0] == "false" and common[1] == "true" and common[478] == "ok" and common[1739] == "nil"
assert all("\n" not in a for a in common)
with open(out, "w", encoding="utf-8", errors="surrogateescape") as f:
    for a in common:
        f.write(a + "\n")
print("%d atoms agreed on by %d runs -> %s" % (n, runs, out))
