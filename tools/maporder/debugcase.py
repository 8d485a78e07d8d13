import sys, random
sys.path.insert(0,'.')
import check, model
seed = int(sys.argv[1]); label = sys.argv[2]
rng = random.Random(seed)
g, cases = check.make_cases(rng, '--quick' in sys.argv)
# parse out
lines = open('work/out.txt').read().split('\n')
ctx = {"atoms": None, "refs": [], "funs": []}
res = {}
for i, ln in enumerate(lines):
    p = ln.split()
    if not p: continue
    if p[0] == 'ATOMBASE':
        c0 = int(p[1]); ctx['atoms'] = [model.Atom(n, c0+j) for j, n in enumerate(g.atom_names)]
    elif p[0] == 'REF':
        ctx['refs'].append(model.Ref(*[int(x) for x in p[2:]]))
    elif p[0] == 'CASE':
        res[int(p[1])] = [int(x) for x in lines[i+1].split()[1:]]
for cid, (lab, keys) in enumerate(cases):
    if lab != label: continue
    rk = [check.resolve(k, ctx) for k in keys]
    vm = res[cid]
    for pos in vm:
        h = model.map_hash(rk[pos], 0)
        print("%08x %s" % (model.nibble_reverse(h), check.erl(keys[pos])[:100]))
