#!/usr/bin/env python3
"""Which Elixir 1.14 APIs see a big map in maps:to_list order and which in
maps:iterator order; all compared with model.py.  Usage: ./check_elixir.py [seed]"""
import os, random, subprocess, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import check, model

def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    rng = random.Random(seed)
    g, cases = check.make_cases(rng, quick=True)
    # Elixir has no fun module here; drop nothing else
    work = os.path.join(HERE, "work"); os.makedirs(work, exist_ok=True)
    inp = os.path.join(work, "cases_ex.txt"); out = os.path.join(work, "out_ex.txt")
    with open(inp, "w", encoding="utf-8") as f:
        f.write("{atoms,[%s]}.\n" % ",".join("[%s]" % ",".join(str(ord(c)) for c in n) for n in g.atom_names))
        f.write("{refs,%d}.\n" % g.nrefs)
        for i, (label, keys) in enumerate(cases):
            f.write("{'case',%d,[%s]}.\n" % (i, ",".join(check.erl(k) for k in keys)))
    subprocess.run(["elixir", "-pa", HERE, os.path.join(HERE, "check_elixir.exs"), inp, out], check=True)
    ctx = {"atoms": None, "refs": [], "funs": []}
    got = {}
    for ln in open(out, encoding="utf-8").read().split("\n"):
        p = ln.split()
        if not p: continue
        if p[0] == "ATOMBASE":
            c0 = int(p[1]); ctx["atoms"] = [model.Atom(n, c0 + j) for j, n in enumerate(g.atom_names)]
            assert int(p[2]) - c0 == len(g.atom_names)
        elif p[0] == "REF":
            ctx["refs"].append(model.Ref(*[int(x) for x in p[2:]]))
        elif p[0] != "FUN":
            got.setdefault(p[0], {})[int(p[1])] = [int(x) for x in p[2:]]
    summary = {}
    for cid, (label, keys) in enumerate(cases):
        rk = [check.resolve(k, ctx) for k in keys]
        tl = model.keys_in_order_indices(rk)
        it = list(reversed(tl))
        for api, per in got.items():
            v = per[cid]
            if len(v) == 1:  # a single element: which traversal saw it first
                kind = "first of to_list" if v[0] == tl[0] else "first of iterator" if v[0] == it[0] else "OTHER"
            else:
                kind = "to_list" if v == tl else "iterator" if v == it else "OTHER"
            summary.setdefault(api, {}).setdefault(kind, 0)
            summary[api][kind] += 1
    n = len(cases)
    bad = False
    for api, kinds in summary.items():
        print("%-20s %s" % (api, ", ".join("%s order: %d/%d maps" % (k, c, n) for k, c in sorted(kinds.items()))))
        if "OTHER" in kinds or len(kinds) != 1:
            bad = True
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
