#!/usr/bin/env python3
"""Recover the atom-table index of existing atoms from map order alone, to
show that the map hash of an atom is a function of its index (creation
order in the VM), not of its text.  Usage: ./atom_index_oracle.py erl|elixir atom...
"""
import bisect, subprocess, sys
sys.path.insert(0, __import__("os").path.dirname(__import__("os").path.abspath(__file__)))
import model

FILL = [list(range(0, 100000)), list(range(100000, 200000)), list(range(-100000, 0))]

def vm_positions(runtime, atoms):
    lst = ",".join("'%s'" % a.replace("'", "\\'") for a in atoms)
    code = ('As=[%s], C=erlang:system_info(atom_count), '
            'Ps=[[begin M=maps:from_list([{A,x}|[{I,x}||I<-lists:seq(Lo,Hi)]]), '
            'length(lists:takewhile(fun(K)->K=/=A end, maps:keys(M))) end || {Lo,Hi} <- [{0,99999},{100000,199999},{-100000,-1}]] || A<-As], '
            'io:format("~w ~w~n",[C,Ps])' % lst)
    if runtime == "erl":
        out = subprocess.run(["erl", "-noshell", "-eval", code + ", halt()."], capture_output=True, text=True).stdout
    else:
        ex = ('as = [%s]; c = :erlang.system_info(:atom_count); '
              'ps = for a <- as, do: (for {lo, hi} <- [{0, 99999}, {100000, 199999}, {-100000, -1}], '
              'do: (m = Map.new([{a, :x} | Enum.map(lo..hi, &{&1, :x})]); Enum.find_index(Map.keys(m), &(&1 === a)))); '
              ':io.format(~c"~w ~w~n", [c, ps])' % ", ".join(':"%s"' % a.replace('"', '\\"') for a in atoms))
        out = subprocess.run(["elixir", "-e", ex], capture_output=True, text=True).stdout
    c, rest = out.strip().split(" ", 1)
    return int(c), eval(rest.replace("[", "[").replace("]", "]"))

def main():
    runtime = sys.argv[1]
    atoms = sys.argv[2:]
    count, pos = vm_positions(runtime, atoms)
    fills = []
    for f in FILL:
        ks = sorted(model.nibble_reverse(model.internal_hash(i)) for i in f)
        fills.append(ks)
    for a, ps in zip(atoms, pos):
        cands = []
        for idx in range(count + 10):
            ok = True
            for ks, p in zip(fills, ps):
                k = model.nibble_reverse(model.internal_hash(model.Atom(a, idx)))
                # to_list order is descending: position = number of fill keys above
                if len(ks) - bisect.bisect_right(ks, k) != p:
                    ok = False
                    break
            if ok:
                cands.append(idx)
        print("%-24s index %s" % (a, cands))

main()
