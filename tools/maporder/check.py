#!/usr/bin/env python3
"""Validate model.py against the real OTP 25 VM.

Generates many key sets, builds maps from them with mo_harness.erl on the
installed `erl`, and compares the VM's maps:to_list order and maps:iterator
order with the model's.  Usage: ./check.py [seed] [--quick]
"""
import os
import random
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import model  # noqa: E402
from model import Atom, Bits, Improper, Map, Pid, Port, Ref, LocalFun  # noqa: E402

# ---------------------------------------------------------------------------
# Erlang source text of Python terms


class FreshAtom:
    """Placeholder: the n-th (1-based) freshly created atom."""
    __slots__ = ("n",)

    def __init__(self, n):
        self.n = n


class RefPh:
    __slots__ = ("n",)

    def __init__(self, n):
        self.n = n


class FunPh:
    __slots__ = ("n",)

    def __init__(self, n):
        self.n = n


def fmt_float(f):
    r = repr(f)
    if "e" in r or "E" in r:
        m, e = r.split("e")
        if "." not in m:
            m += ".0"
        return "%se%d" % (m, int(e))
    if "." not in r:
        r += ".0"
    return r


def erl(t):
    if isinstance(t, bool):
        raise TypeError
    if isinstance(t, int):
        return str(t)
    if isinstance(t, float):
        return fmt_float(t)
    if isinstance(t, FreshAtom):
        return "{'$a',%d}" % t.n
    if isinstance(t, RefPh):
        return "{'$r',%d}" % t.n
    if isinstance(t, FunPh):
        return "{'$f',%d}" % t.n
    if isinstance(t, Pid):
        return "{'$p',%d,%d}" % (t.number, t.serial)
    if isinstance(t, Port):
        return "{'$o',%d}" % t.number
    if isinstance(t, (bytes, bytearray)):
        return "<<%s>>" % ",".join(str(b) for b in t)
    if isinstance(t, Bits):
        parts = [str(b) for b in t.data]
        parts.append("%d:%d" % (t.last >> (8 - t.bits), t.bits))
        return "<<%s>>" % ",".join(parts)
    if isinstance(t, tuple):
        return "{%s}" % ",".join(erl(x) for x in t)
    if isinstance(t, list):
        return "[%s]" % ",".join(erl(x) for x in t)
    if isinstance(t, Improper):
        return "[%s|%s]" % (",".join(erl(x) for x in t.items), erl(t.tail))
    if isinstance(t, Map):
        return "#{%s}" % ",".join("%s=>%s" % (erl(k), erl(v)) for k, v in t.pairs)
    raise TypeError(repr(t))


def resolve(t, ctx):
    """Replace placeholders by model terms once the VM told us their data."""
    if isinstance(t, FreshAtom):
        return ctx["atoms"][t.n - 1]
    if isinstance(t, RefPh):
        return ctx["refs"][t.n - 1]
    if isinstance(t, FunPh):
        return ctx["funs"][t.n - 1]
    if isinstance(t, tuple):
        return tuple(resolve(x, ctx) for x in t)
    if isinstance(t, list):
        return [resolve(x, ctx) for x in t]
    if isinstance(t, Improper):
        return Improper([resolve(x, ctx) for x in t.items], resolve(t.tail, ctx))
    if isinstance(t, Map):
        # like Erlang map syntax: a repeated key keeps its last value
        d = {}
        for k, v in t.pairs:
            d[erl(k)] = (k, v)
        return Map([(resolve(k, ctx), resolve(v, ctx)) for k, v in d.values()])
    return t


# ---------------------------------------------------------------------------
# Key generators


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.atom_names = []
        self.nrefs = 0
        self.nfuns = 0

    def fresh_atom(self, kind=None):
        r = self.r
        kind = kind or r.choice(["ascii", "elixir", "unicode", "short"])
        n = len(self.atom_names)
        if kind == "ascii":
            name = "mo_%d_%s" % (n, "".join(r.choice("abcdefghijklmnopqrstuvwxyz_") for _ in range(r.randint(0, 20))))
        elif kind == "elixir":
            name = "Elixir.Mo%d.%s" % (n, r.choice(["Foo", "Bar", "Baz.Qux", "Enum"]))
        elif kind == "unicode":
            name = "mo%d_%s" % (n, "".join(chr(r.choice([r.randint(0xE0, 0xFF), r.randint(0x100, 0x7FF),
                                                            r.randint(0x800, 0xD7FF), r.randint(0x10000, 0x1F9FF)]))
                                           for _ in range(r.randint(1, 10))))
        else:
            name = "m%d" % n
        self.atom_names.append(name)
        return FreshAtom(len(self.atom_names))

    def small(self):
        r = self.r
        c = r.random()
        if c < 0.4:
            return r.randint(-300, 300)
        if c < 0.7:
            return r.randint(-(1 << 31), 1 << 31)
        return r.randint(model.SMALL_MIN, model.SMALL_MAX)

    def big(self):
        r = self.r
        v = r.randint(1 << 59, 1 << r.choice([64, 65, 100, 128, 200, 300]))
        return v if r.random() < 0.5 else -v

    def flt(self):
        r = self.r
        c = r.random()
        if c < 0.3:
            return float(r.randint(-1000, 1000))
        if c < 0.6:
            return r.uniform(-1e6, 1e6)
        if c < 0.8:
            return struct.unpack("<d", struct.pack("<Q", r.getrandbits(64) & ~(0x7FF << 52) | (r.randint(1, 2046) << 52)))[0]
        return r.choice([0.5, 0.25, 1e-300, 1.5e300, 3.14, -2.5, 1e16, 123456789.0])

    def binary(self):
        r = self.r
        n = r.choice([0, 1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 13, 23, 24, 25, r.randint(0, 100)])
        return bytes(r.getrandbits(8) for _ in range(n))

    def bits(self):
        r = self.r
        b = r.randint(1, 7)
        return Bits(self.binary(), b, r.getrandbits(b) << (8 - b))

    def string(self):
        r = self.r
        return [r.randint(0, 255) for _ in range(r.randint(1, 12))]

    def pid(self):
        r = self.r
        return Pid(r.randint(0, (1 << 15) - 1), r.randint(0, 3) if r.random() < 0.7 else r.randint(0, (1 << 13) - 1))

    def ref(self):
        self.nrefs += 1
        return RefPh(self.nrefs)

    def scalar(self):
        r = self.r
        f = r.choice([self.small, self.small, self.big, self.flt, self.binary, self.fresh_atom,
                      self.string, lambda: [], lambda: ()])
        return f()

    def compound(self, depth=0):
        r = self.r
        c = r.random()
        if depth > 2 or c < 0.35:
            return self.scalar()
        if c < 0.6:
            return tuple(self.compound(depth + 1) for _ in range(r.randint(0, 4)))
        if c < 0.75:
            return [self.compound(depth + 1) for _ in range(r.randint(1, 4))]
        if c < 0.82:
            return Improper([self.compound(depth + 1) for _ in range(r.randint(1, 3))], self.scalar_nonlist())
        if c < 0.9:
            # mixed byte / non-byte lists exercise the string optimisation
            items = self.string() + [self.compound(depth + 1)] + self.string()
            return items
        return Map([(self.small(), self.compound(depth + 1)) for _ in range(r.randint(0, 4))])

    def scalar_nonlist(self):
        r = self.r
        return r.choice([self.small, self.flt, self.binary, self.fresh_atom, lambda: ()])()


def dedupe(keys):
    seen = set()
    out = []
    for k in keys:
        s = erl(k)
        # maps with duplicate keys in their text would be ambiguous: skip
        if s in seen:
            continue
        seen.add(s)
        out.append(k)
    return out


def make_cases(rng, quick=False):
    g = Gen(rng)
    cases = []  # (label, keys)

    def add(label, keys):
        keys = dedupe(keys)
        if len(keys) > 32:
            cases.append((label, keys))

    sizes = [33, 34, 40, 50, 64, 100, 257, 1000]
    big_sizes = [] if quick else [10000, 100000]
    add("ints 0..39", list(range(40)))
    add("ints 0..99999", list(range(100000)) if not quick else list(range(5000)))
    add("neg ints", list(range(-1, -5001, -1)))
    for n in sizes + big_sizes:
        add("small ints %d" % n, [g.small() for _ in range(n)])
    for n in sizes + big_sizes[:1]:
        add("bignums %d" % n, [g.big() for _ in range(n)])
    for n in sizes + big_sizes[:1]:
        add("floats %d" % n, [g.flt() for _ in range(n)])
    add("floats with -0.0", [-0.0] + [float(i) for i in range(1, 40)])
    add("int vs float", [i for i in range(20)] + [float(i) for i in range(20)])
    for n in sizes + big_sizes[:1]:
        add("atoms %d" % n, [g.fresh_atom() for _ in range(n)])
    for kind in ["ascii", "elixir", "unicode", "short"]:
        add("atoms %s" % kind, [g.fresh_atom(kind) for _ in range(rng.choice([33, 100, 500]))])
    for n in sizes + big_sizes[:1]:
        add("binaries %d" % n, [g.binary() for _ in range(n)])
    add("binaries lengths 0..60", [bytes(rng.getrandbits(8) for _ in range(L)) for L in range(61)])
    for n in sizes:
        add("bitstrings %d" % n, [g.bits() for _ in range(n)])
    for n in sizes:
        add("strings %d" % n, [g.string() for _ in range(n)])
    add("string prefixes", [list(range(65, 65 + L)) for L in range(1, 50)])
    for n in sizes + big_sizes[:1]:
        add("tuples %d" % n, [tuple(g.scalar() for _ in range(rng.randint(0, 5))) for _ in range(n)])
    add("int pairs", [(i, j) for i in range(10) for j in range(10)])
    for n in sizes:
        add("compound %d" % n, [g.compound() for _ in range(n)])
    for n in sizes:
        add("maps as keys %d" % n, [Map([(g.small(), g.scalar()) for _ in range(rng.randint(0, 5))]) for _ in range(n)])
    add("big map key", [Map([(i, i * i) for i in range(40)]), Map([(i, i) for i in range(100)])]
        + [Map([(i, j) for i in range(j % 50)]) for j in range(40)])
    add("big map key full nodes", [Map([(i, b"x") for i in range(300 + j)]) for j in range(35)])
    for n in sizes:
        add("pids %d" % n, [g.pid() for _ in range(n)])
    add("pids low", [Pid(i, 0) for i in range(100)])
    for n in sizes:
        add("ports %d" % n, [Port(rng.randint(0, (1 << 28) - 1) if rng.random() < 0.5 else rng.randint(0, 70000)) for _ in range(n)])
    add("ports low", [Port(i) for i in range(100)])
    for n in sizes:
        add("refs %d" % n, [g.ref() for _ in range(n)])
    for n in sizes + big_sizes[:1]:
        add("mixed %d" % n, [g.compound() if rng.random() < 0.3 else g.scalar() for _ in range(n)]
            + ([g.pid(), g.ref()] if rng.random() < 0.5 else []))
    # keys whose 32-bit hashes collide completely: the trie must go below
    # level 8 and use the generation-1 (salted) hash
    colls = int_collisions(100000 if quick else 300000)
    for j, (x, y) in enumerate(colls[:6]):
        add("hash collision pair %d" % j, [x, y] + list(range(1000, 1040)))
    add("all hash collisions", [k for p in colls for k in p])
    if not quick:
        add("ints -300000..300000", list(range(-300000, 300000)))
        add("atoms 200000", [g.fresh_atom(rng.choice(["ascii", "short", "unicode"])) for _ in range(200000)])
    return g, cases


def int_collisions(n):
    seen = {}
    out = []
    for i in range(-n, n):
        h = model.internal_hash(i)
        if h in seen:
            out.append((seen[h], i))
        else:
            seen[h] = i
    return out


FUN_SRC = """-module('%s').
-export([funs/0]).
funs() ->
    A = 1, B = {x, 2}, C = <<"abc">>, D = [1, 2, 3],
    [fun() -> ok end, fun(X) -> X end, fun(X, Y) -> {X, Y} end,
     fun() -> A end, fun() -> {A, B} end, fun() -> {A, B, C} end,
     fun(_) -> D end, fun() -> {D, C, B, A} end] ++
    [fun() -> I end || I <- lists:seq(1, 40)] ++
    [fun() -> {I, J} end || I <- lists:seq(1, 5), J <- [a, b, c]].
"""

FUN_ENVS = [[], [], [], [1], [1, ("x", 2)], [1, ("x", 2), b"abc"], [[1, 2, 3]], [[1, 2, 3], b"abc", ("x", 2), 1]]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quick = "--quick" in sys.argv
    seed = int(args[0]) if args else 1
    rng = random.Random(seed)
    g, cases = make_cases(rng, quick)

    # a module of funs, named by a fresh atom so that its index is known
    modatom = g.fresh_atom("ascii")
    modname = g.atom_names[modatom.n - 1]
    work = os.path.join(HERE, "work")
    os.makedirs(work, exist_ok=True)
    src = os.path.join(work, modname + ".erl")
    with open(src, "w") as f:
        f.write(FUN_SRC % modname)
    subprocess.run(["erlc", "-o", work, src], check=True)
    beam = os.path.join(work, modname + ".beam")
    nfuns = 8 + 40 + 15
    fun_keys = [FunPh(i) for i in range(1, nfuns + 1)]
    cases.append(("local funs", fun_keys))
    cases.append(("funs mixed", dedupe(fun_keys[:20] + [g.small() for _ in range(30)])))

    inp = os.path.join(work, "cases.txt")
    out = os.path.join(work, "out.txt")
    with open(inp, "w", encoding="utf-8") as f:
        f.write("{atoms,[%s]}.\n" % ",".join("[%s]" % ",".join(str(ord(c)) for c in n) for n in g.atom_names))
        f.write("{refs,%d}.\n" % g.nrefs)
        f.write("{funmod,%d,\"%s\"}.\n" % (modatom.n, beam))
        for i, (label, keys) in enumerate(cases):
            f.write("{'case',%d,[%s]}.\n" % (i, ",".join(erl(k) for k in keys)))
    extra = []
    for a in sys.argv[1:]:
        if a.startswith("--process-limit="):
            model.PROCESS_LIMIT = int(a.split("=")[1])
            extra += ["+P", a.split("=")[1]]
        if a.startswith("--port-limit="):
            model.PORT_LIMIT = int(a.split("=")[1])
            extra += ["+Q", a.split("=")[1]]
    subprocess.run(["erl"] + extra + ["-noshell", "-pa", HERE, "-run", "mo_harness", "main", inp, out], check=True)

    ctx = {"atoms": None, "refs": [], "funs": []}
    results = {}
    with open(out) as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        ln = lines[i]
        p = ln.split()
        if not p:
            i += 1
            continue
        if p[0] == "ATOMBASE":
            c0, c1 = int(p[1]), int(p[2])
            assert c1 - c0 == len(g.atom_names), "atoms were not all fresh"
            ctx["atoms"] = [Atom(n, c0 + j) for j, n in enumerate(g.atom_names)]
        elif p[0] == "REF":
            ctx["refs"].append(Ref(*[int(x) for x in p[2:]]))
        elif p[0] == "FUN":
            fid, ix, nix, uniq, nfree = (int(x) for x in p[1:])
            ctx["funs"].append((ix, nix, uniq, nfree))
        elif p[0] == "DUP":
            results[int(p[1])] = None
        elif p[0] == "CASE":
            cid = int(p[1])
            same = p[2] == "true"
            tolist = [int(x) for x in lines[i + 1].split()[1:]]
            it = [int(x) for x in lines[i + 2].split()[1:]]
            results[cid] = (same, tolist, it)
            i += 3
            continue
        i += 1

    mod = ctx["atoms"][modatom.n - 1]
    funs = []
    for j, (ix, nix, uniq, nfree) in enumerate(ctx["funs"]):
        if j < 8:
            # the compiler folds the constant free variables away
            env = [] if nfree == 0 else None
        elif j < 48:
            env = [j - 8 + 1]  # fun() -> I end
        else:
            env = None  # closes over atoms a/b/c whose indices are unknown
        funs.append((ix, nix, uniq, env))

    total = ok = 0
    failures = []
    for cid, (label, keys) in enumerate(cases):
        if cid not in results:
            failures.append((label, "no result"))
            continue
        if results[cid] is None:
            failures.append((label, "keys not distinct in the VM"))
            continue
        same, tolist, it = results[cid]
        total += 1
        if label.startswith("local funs") or label.startswith("funs mixed"):
            res = check_funs(label, keys, funs, mod, ctx, tolist, it)
            if res is True:
                ok += 1
            else:
                failures.append((label, res))
            continue
        rk = [resolve(k, ctx) for k in keys]
        idx = list(range(len(rk)))
        want = model_order(rk)
        if want is None:
            failures.append((label, "model cannot hash"))
            continue
        errs = []
        if not same:
            errs.append("VM layout differs between from_list / put / remove")
        if want != tolist:
            errs.append("to_list order differs (first diff at %d)" % first_diff(want, tolist))
        if list(reversed(want)) != it:
            errs.append("iterator order differs (first diff at %d)" % first_diff(list(reversed(want)), it))
        if errs:
            failures.append((label + " (%d keys)" % len(keys), "; ".join(errs)))
        else:
            ok += 1
    print("seed %d: %d/%d maps match (%d keys in all)" % (seed, ok, total, sum(len(k) for _, k in cases)))
    for label, why in failures:
        print("  FAIL %s: %s" % (label, why))
    return 0 if not failures else 1


def model_order(keys):
    """Positions of `keys` in the model's maps:to_list order."""
    return model.keys_in_order_indices(keys)


def first_diff(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def check_funs(label, keys, funs, mod, ctx, tolist, it):
    """Funs closing over atoms a/b/c need those atoms' indices, which the
    model does not know; so only funs whose env is atom-free are modelled,
    and their relative order is compared."""
    # tuple ("x", 2) in the env stands for {x, 2}: 'x' is not a fresh atom
    # either, so drop such funs as well.
    def atom_free(env):
        return env is not None

    variants = {}
    for variant in ("index", "new"):
        terms = []
        usable = []
        for pos, k in enumerate(keys):
            if isinstance(k, FunPh):
                ix, nix, uniq, env = funs[k.n - 1]
                if not atom_free(env):
                    terms.append(None)
                    continue
                terms.append(LocalFun(mod, nix if variant == "new" else ix, uniq, env))
            else:
                terms.append(resolve(k, ctx))
            usable.append(pos)
        # relative order in the VM of the usable keys
        vm = [p for p in tolist if terms[p] is not None]
        # the model: order all usable keys as if alone; relative order of
        # a subset in the full trie equals the order of their sort keys
        sub = [terms[p] for p in usable]
        order = model.keys_in_order_indices(sub, allow_small=True)
        mo = [usable[i] for i in order]
        variants[variant] = (mo == vm)
    if variants["new"] or variants["index"]:
        return True
    return "fun order differs (index variant %s, new_index variant %s)" % (variants["index"], variants["new"])


if __name__ == "__main__":
    sys.exit(main())
