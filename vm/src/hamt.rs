//! Maps of more than 32 keys: a hash array mapped trie, as the BEAM keeps
//! them (erl_map.c), so `put`, `get` and `delete` are O(log n) however
//! large the map grows.
//!
//! The objects are in term.rs (HASH_MAP, HNODE, HCOLL). Each level of the
//! trie takes 5 bits of a key's 64-bit [`hash`], lowest first: a node holds
//! the pairs whose 5 bits no other key of the node shares (its data bitmap,
//! pairs in bit order) and a child for each 5 bits several keys share (its
//! child bitmap, children in bit order). Past the hash's 64 bits (below the
//! 13th level) keys of equal hashes share a collision node, in term order.
//!
//! **Invariant (one form per map):** a node other than the root holds at
//! least two keys, and a map of at most [`FLAT_MAX`] keys is always a flat
//! MAP (a removal that leaves 32 keys flattens the map). So a set of keys
//! has exactly one trie, and two equal maps have the same form: term order
//! and equality compare a hash map's pairs sorted by key.
//!
//! Iteration (`Map.to_list`, `inspect`, `for`) visits a node's pairs, then
//! its children, in bit order: an order fixed by the keys, though not the
//! BEAM's (its hash function differs). Hashes depend only on a key's value
//! (atoms hash by name), so the order is the same in every run and in
//! every process.

use crate::atom;
use crate::heap::Heap;
use crate::order::key_compare;
use crate::term::{Kind, Term};
use std::hash::Hasher;

/// The most keys a flat map holds (the BEAM's `MAP_SMALL_MAP_LIMIT`).
pub const FLAT_MAX: usize = 32;

/// Bits of the hash each level takes.
const BITS: u32 = 5;

/// Words in the largest node's payload: two bitmaps, and each of the 32
/// slots a pair (two words) or a child (one).
const NODE_MAX: usize = 2 + 2 * 32;

/// The splitmix64 finalizer: every input bit moves every output bit.
#[inline]
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[inline]
fn combine(h: u64, x: u64) -> u64 {
    mix(h.rotate_left(23) ^ x)
}

fn hash_bytes(bytes: &[u8], salt: u64) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    mix(h.finish() ^ salt)
}

#[cfg(test)]
thread_local! {
    /// Tests narrow hashes to a few bits, so deep nodes and collision
    /// nodes are common.
    static HASH_MASK: std::cell::Cell<u64> = const { std::cell::Cell::new(u64::MAX) };
}

/// A key's hash (see [`term_hash`]), narrowed in tests.
#[inline]
fn hash(t: Term) -> u64 {
    #[cfg(test)]
    return term_hash(t) & HASH_MASK.with(|m| m.get());
    #[cfg(not(test))]
    term_hash(t)
}

/// A key's hash: equal keys (as map keys compare: `1` and `1.0` differ,
/// `0.0` and `-0.0` do not) hash alike, whatever their representation (a
/// binary on the heap, off it, or a view of another).
pub fn term_hash(t: Term) -> u64 {
    match t.kind() {
        Kind::Int | Kind::Pid | Kind::Ref | Kind::Nil => mix(t.raw()),
        Kind::Atom => hash_bytes(atom::name(t).as_bytes(), 0xa7),
        Kind::Float => {
            let f = t.float_value().unwrap_or(0.0);
            let f = if f == 0.0 { 0.0 } else { f };
            mix(f.to_bits() ^ 0xf1)
        }
        Kind::BigInt => {
            let (neg, limbs) = t.big_parts().unwrap_or((false, &[]));
            limbs
                .iter()
                .fold(mix(neg as u64 ^ 0xb1), |h, l| combine(h, *l))
        }
        Kind::Binary => match t.binary_bytes() {
            Some(b) => hash_bytes(b, b.len() as u64 * 8),
            None => match t.bitstring_bits() {
                Some((bytes, bits)) => hash_bytes(&bytes, bits),
                None => 0,
            },
        },
        Kind::Tuple => {
            let elems = t.tuple_elems().unwrap_or(&[]);
            elems.iter().fold(mix(elems.len() as u64 ^ 0x70), |h, e| {
                combine(h, term_hash(*e))
            })
        }
        Kind::Cons => {
            let mut h = 0x11_u64;
            let mut l = t;
            while let Some((head, tail)) = l.cons_parts() {
                h = combine(h, term_hash(head));
                l = tail;
            }
            if l != Term::NIL {
                h = combine(h, term_hash(l));
            }
            h
        }
        Kind::Map => {
            // Order-free, so it needs no sorting.
            let mut h = mix(t.map_size().unwrap_or(0) as u64 ^ 0x3a);
            for_each(t, |k, v| {
                h = h.wrapping_add(mix(term_hash(k) ^ term_hash(v).rotate_left(32)));
            });
            h
        }
        Kind::Fun => match (t.closure_parts(), t.export_parts()) {
            (Some((id, _)), _) => mix(id as u64 ^ 0xf0),
            (_, Some((m, f, a))) => combine(combine(term_hash(m), term_hash(f)), a as u64),
            _ => 0,
        },
        Kind::None => 0,
    }
}

/// The 5 bits of `hash` the level at `shift` takes.
#[inline]
fn frag(hash: u64, shift: u32) -> u32 {
    ((hash >> shift) & 31) as u32
}

/// Where the slot of `bit` is among the set bits of `bitmap`.
#[inline]
fn index(bitmap: u32, bit: u32) -> usize {
    (bitmap & (bit - 1)).count_ones() as usize
}

#[inline]
fn same_key(a: Term, b: Term) -> bool {
    a == b || (a.is_pointer() && b.is_pointer() && key_compare(a, b).is_eq())
}

/// The value under `key` in the hash map `map`.
pub fn find(map: Term, key: Term) -> Option<Term> {
    let (_, mut node) = map.hash_map_parts()?;
    let h = hash(key);
    let mut shift = 0;
    loop {
        let Some((data, nodes, pairs, children)) = node.hnode_parts() else {
            let pairs = node.hcoll_pairs()?;
            return pairs
                .chunks_exact(2)
                .find(|p| same_key(p[0], key))
                .map(|p| p[1]);
        };
        let bit = 1 << frag(h, shift);
        if data & bit != 0 {
            let i = 2 * index(data, bit);
            return same_key(pairs[i], key).then_some(pairs[i + 1]);
        }
        if nodes & bit == 0 {
            return None;
        }
        node = children[index(nodes, bit)];
        shift += BITS;
    }
}

/// Calls `f` on each pair of the map `map` (flat or hash), in iteration order.
pub fn for_each(map: Term, mut f: impl FnMut(Term, Term)) {
    if let Some((ks, vs)) = map.map_parts() {
        for (k, v) in ks.iter().zip(vs) {
            f(*k, *v);
        }
    } else if let Some((_, root)) = map.hash_map_parts() {
        walk(root, &mut f);
    }
}

fn walk(node: Term, f: &mut impl FnMut(Term, Term)) {
    if let Some((_, _, pairs, children)) = node.hnode_parts() {
        for p in pairs.chunks_exact(2) {
            f(p[0], p[1]);
        }
        for c in children {
            walk(*c, f);
        }
    } else if let Some(pairs) = node.hcoll_pairs() {
        for p in pairs.chunks_exact(2) {
            f(p[0], p[1]);
        }
    }
}

/// The pairs of the map `map`, in iteration order.
pub fn pairs(map: Term) -> Vec<(Term, Term)> {
    let mut out = Vec::with_capacity(map.map_size().unwrap_or(0));
    for_each(map, |k, v| out.push((k, v)));
    out
}

/// The pairs of the map `map` with keys in term order (as a flat map
/// holds them: term order and equality compare maps so).
pub fn sorted_pairs(map: Term) -> Vec<(Term, Term)> {
    let mut out = pairs(map);
    if !map.is_flat_map() {
        out.sort_by(|a, b| key_compare(a.0, b.0));
    }
    out
}

/// A node's payload being assembled on the stack.
struct NodeBuf {
    words: [Term; NODE_MAX],
    len: usize,
}

impl NodeBuf {
    fn new(data: u32, nodes: u32) -> NodeBuf {
        let mut b = NodeBuf {
            words: [Term::NIL; NODE_MAX],
            len: 2,
        };
        b.words[0] = Term::small(data as i64);
        b.words[1] = Term::small(nodes as i64);
        b
    }
    fn extend(&mut self, ts: &[Term]) {
        self.words[self.len..self.len + ts.len()].copy_from_slice(ts);
        self.len += ts.len();
    }
    fn build(&self, heap: &mut Heap) -> Term {
        heap.hnode_words(&self.words[..self.len])
    }
}

/// The hash map `map` with `key` set to `value`.
pub fn insert(heap: &mut Heap, map: Term, key: Term, value: Term) -> Term {
    let Some((count, root)) = map.hash_map_parts() else {
        unreachable!("hamt::insert takes a hash map")
    };
    let mut added = false;
    let new = put(heap, root, hash(key), 0, key, value, &mut added);
    if new == root {
        return map;
    }
    heap.hash_map(count + added as usize, new)
}

fn put(
    heap: &mut Heap,
    node: Term,
    h: u64,
    shift: u32,
    key: Term,
    value: Term,
    added: &mut bool,
) -> Term {
    let Some((data, nodes, pairs, children)) = node.hnode_parts() else {
        return coll_put(heap, node, key, value, added);
    };
    let bit = 1 << frag(h, shift);
    if data & bit != 0 {
        let i = 2 * index(data, bit);
        let (k0, v0) = (pairs[i], pairs[i + 1]);
        if same_key(k0, key) {
            if v0 == value {
                return node;
            }
            let mut b = NodeBuf::new(data, nodes);
            b.extend(&pairs[..i + 1]);
            b.extend(&[value]);
            b.extend(&pairs[i + 2..]);
            b.extend(children);
            return b.build(heap);
        }
        // Two keys share these bits now: a child holds both.
        *added = true;
        let sub = two(heap, (k0, v0, hash(k0)), (key, value, h), shift + BITS);
        let j = index(nodes, bit);
        let mut b = NodeBuf::new(data & !bit, nodes | bit);
        b.extend(&pairs[..i]);
        b.extend(&pairs[i + 2..]);
        b.extend(&children[..j]);
        b.extend(&[sub]);
        b.extend(&children[j..]);
        return b.build(heap);
    }
    if nodes & bit != 0 {
        let j = index(nodes, bit);
        let child = children[j];
        let new = put(heap, child, h, shift + BITS, key, value, added);
        if new == child {
            return node;
        }
        let mut b = NodeBuf::new(data, nodes);
        b.extend(pairs);
        b.extend(&children[..j]);
        b.extend(&[new]);
        b.extend(&children[j + 1..]);
        return b.build(heap);
    }
    *added = true;
    let i = 2 * index(data, bit);
    let mut b = NodeBuf::new(data | bit, nodes);
    b.extend(&pairs[..i]);
    b.extend(&[key, value]);
    b.extend(&pairs[i..]);
    b.extend(children);
    b.build(heap)
}

/// A node (at the level of `shift`) holding the two pairs of different keys.
fn two(heap: &mut Heap, a: (Term, Term, u64), b: (Term, Term, u64), shift: u32) -> Term {
    if shift >= 64 {
        let (a, b) = if key_compare(a.0, b.0).is_lt() {
            (a, b)
        } else {
            (b, a)
        };
        return heap.hcoll(&[a.0, a.1, b.0, b.1]);
    }
    let (fa, fb) = (frag(a.2, shift), frag(b.2, shift));
    if fa == fb {
        let sub = two(heap, a, b, shift + BITS);
        return heap.hnode(0, 1 << fa, &[], &[sub]);
    }
    let (a, b) = if fa < fb { (a, b) } else { (b, a) };
    heap.hnode((1 << fa) | (1 << fb), 0, &[a.0, a.1, b.0, b.1], &[])
}

fn coll_put(heap: &mut Heap, node: Term, key: Term, value: Term, added: &mut bool) -> Term {
    let pairs = node.hcoll_pairs().unwrap_or(&[]);
    let keys: Vec<Term> = pairs.iter().step_by(2).copied().collect();
    let mut out = pairs.to_vec();
    match keys.binary_search_by(|k| key_compare(*k, key)) {
        Ok(i) if pairs[2 * i + 1] == value => return node,
        Ok(i) => out[2 * i + 1] = value,
        Err(i) => {
            *added = true;
            out.splice(2 * i..2 * i, [key, value]);
        }
    }
    heap.hcoll(&out)
}

/// What became of a node a key was removed from.
enum Removed {
    /// The key was not there.
    Absent,
    /// The node without it.
    Node(Term),
    /// Only this pair is left: the parent takes it in the node's place.
    Pair(Term, Term),
}

/// The hash map `map` without `key` (flat when 32 keys are left), or
/// `None` when `key` is not in it.
pub fn remove(heap: &mut Heap, map: Term, key: Term) -> Option<Term> {
    let (count, root) = map.hash_map_parts()?;
    match del(heap, root, hash(key), 0, key) {
        Removed::Absent => None,
        Removed::Node(new) if count - 1 > FLAT_MAX => Some(heap.hash_map(count - 1, new)),
        Removed::Node(new) => {
            let mut kv = Vec::with_capacity(count - 1);
            walk(new, &mut |k, v| kv.push((k, v)));
            Some(flat(heap, kv))
        }
        Removed::Pair(..) => unreachable!("the root of a map of over 32 keys keeps two"),
    }
}

fn del(heap: &mut Heap, node: Term, h: u64, shift: u32, key: Term) -> Removed {
    let Some((data, nodes, pairs, children)) = node.hnode_parts() else {
        let pairs = node.hcoll_pairs().unwrap_or(&[]);
        let Some(i) = pairs.chunks_exact(2).position(|p| same_key(p[0], key)) else {
            return Removed::Absent;
        };
        if pairs.len() == 4 {
            let o = 2 * (1 - i);
            return Removed::Pair(pairs[o], pairs[o + 1]);
        }
        let mut out = pairs.to_vec();
        out.drain(2 * i..2 * i + 2);
        return Removed::Node(heap.hcoll(&out));
    };
    let bit = 1 << frag(h, shift);
    if data & bit != 0 {
        let i = 2 * index(data, bit);
        if !same_key(pairs[i], key) {
            return Removed::Absent;
        }
        if shift > 0 && nodes == 0 && data.count_ones() == 2 {
            let o = 2 - i;
            return Removed::Pair(pairs[o], pairs[o + 1]);
        }
        let mut b = NodeBuf::new(data & !bit, nodes);
        b.extend(&pairs[..i]);
        b.extend(&pairs[i + 2..]);
        b.extend(children);
        return Removed::Node(b.build(heap));
    }
    if nodes & bit == 0 {
        return Removed::Absent;
    }
    let j = index(nodes, bit);
    match del(heap, children[j], h, shift + BITS, key) {
        Removed::Absent => Removed::Absent,
        Removed::Node(c) => {
            let mut b = NodeBuf::new(data, nodes);
            b.extend(pairs);
            b.extend(&children[..j]);
            b.extend(&[c]);
            b.extend(&children[j + 1..]);
            Removed::Node(b.build(heap))
        }
        Removed::Pair(k, v) if shift > 0 && data == 0 && nodes == bit => Removed::Pair(k, v),
        Removed::Pair(k, v) => {
            // The child is down to one pair: it moves into this node.
            let i = 2 * index(data | bit, bit);
            let mut b = NodeBuf::new(data | bit, nodes & !bit);
            b.extend(&pairs[..i]);
            b.extend(&[k, v]);
            b.extend(&pairs[i..]);
            b.extend(&children[..j]);
            b.extend(&children[j + 1..]);
            Removed::Node(b.build(heap))
        }
    }
}

/// A flat map of at most [`FLAT_MAX`] pairs of different keys, in any order.
fn flat(heap: &mut Heap, mut kv: Vec<(Term, Term)>) -> Term {
    kv.sort_by(|a, b| key_compare(a.0, b.0));
    let keys: Vec<Term> = kv.iter().map(|p| p.0).collect();
    let values: Vec<Term> = kv.iter().map(|p| p.1).collect();
    heap.map_sorted(&keys, &values)
}

/// A map of the pairs `kv`, in any order (of equal keys the later pair
/// wins): flat up to [`FLAT_MAX`] keys, else a hash map.
pub fn build(heap: &mut Heap, kv: Vec<(Term, Term)>) -> Term {
    let mut entries: Vec<(u64, Term, Term)> =
        kv.into_iter().map(|(k, v)| (hash(k), k, v)).collect();
    // Stable: of equal keys (equal hashes), the later pair stays last.
    entries.sort_by_key(|e| e.0);
    let mut unique: Vec<(u64, Term, Term)> = Vec::with_capacity(entries.len());
    let mut run_start = 0;
    for e in entries {
        if unique.last().is_some_and(|l| l.0 != e.0) {
            run_start = unique.len();
        }
        match unique[run_start..].iter_mut().find(|u| same_key(u.1, e.1)) {
            Some(u) => u.2 = e.2,
            None => unique.push(e),
        }
    }
    if unique.len() <= FLAT_MAX {
        return flat(heap, unique.into_iter().map(|e| (e.1, e.2)).collect());
    }
    let n = unique.len();
    let root = build_node(heap, &mut unique, 0);
    heap.hash_map(n, root)
}

/// The node (at the level of `shift`) of at least two entries of different keys.
fn build_node(heap: &mut Heap, entries: &mut [(u64, Term, Term)], shift: u32) -> Term {
    if shift >= 64 {
        entries.sort_by(|a, b| key_compare(a.1, b.1));
        let pairs: Vec<Term> = entries.iter().flat_map(|e| [e.1, e.2]).collect();
        return heap.hcoll(&pairs);
    }
    entries.sort_unstable_by_key(|e| frag(e.0, shift));
    let (mut data, mut nodes) = (0u32, 0u32);
    let mut pairs = Vec::new();
    let mut children = Vec::new();
    let mut at = 0;
    while at < entries.len() {
        let f = frag(entries[at].0, shift);
        let end = at
            + entries[at..]
                .iter()
                .take_while(|e| frag(e.0, shift) == f)
                .count();
        if end - at == 1 {
            data |= 1 << f;
            pairs.extend([entries[at].1, entries[at].2]);
        } else {
            nodes |= 1 << f;
            children.push(build_node(heap, &mut entries[at..end], shift + BITS));
        }
        at = end;
    }
    heap.hnode(data, nodes, &pairs, &children)
}

#[cfg(test)]
mod tests {
    //! put/remove/merge against a reference map, with narrowed hashes (so
    //! deep nodes and collision nodes are the rule), through collections
    //! and message copies; and the one-form invariant: a map made by any
    //! sequence of updates is the map `build` makes of its pairs, node for
    //! node (same iteration order).
    use super::*;
    use crate::bif::map::{build_map, map_delete, map_find, map_merge, map_put};
    use crate::copy::{LiteralArea, Msg};
    use crate::order::exact_eq;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// Key number `i` as a term: integers, floats, atoms, binaries of both
    /// kinds (heap and off-heap), tuples.
    fn key(heap: &mut Heap, i: u32) -> Term {
        match i % 6 {
            0 => Term::small(i as i64),
            1 => heap.float(i as f64 + 0.5),
            2 => crate::atom::intern(&format!("hamt_key_{i}")),
            3 => heap.str(&format!("k{i}")),
            4 => heap.str(&format!("{i:>80}")),
            _ => {
                let s = heap.str("t");
                heap.tuple(&[Term::small(i as i64), s])
            }
        }
    }

    #[derive(Clone, Debug)]
    enum Op {
        Put(u32, i64),
        Delete(u32),
        Merge(Vec<(u32, i64)>),
        Collect,
        Copy,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            6 => (0u32..120, any::<i32>()).prop_map(|(k, v)| Op::Put(k, v as i64)),
            3 => (0u32..120).prop_map(Op::Delete),
            1 => prop::collection::vec((0u32..120, any::<i32>().prop_map(i64::from)), 0..50)
                .prop_map(Op::Merge),
            1 => Just(Op::Collect),
            1 => Just(Op::Copy),
        ]
    }

    fn check(heap: &mut Heap, map: Term, model: &BTreeMap<u32, i64>) -> Result<(), TestCaseError> {
        prop_assert_eq!(map.map_size(), Some(model.len()));
        prop_assert_eq!(map.is_flat_map(), model.len() <= FLAT_MAX);
        for i in 0..120 {
            let k = key(heap, i);
            let got = map_find(map, k).map(|v| v.small_value());
            prop_assert_eq!(got, model.get(&i).copied(), "key {}", i);
        }
        let kv: Vec<(Term, Term)> = model
            .iter()
            .map(|(k, v)| (key(heap, *k), Term::small(*v)))
            .collect();
        let fresh = build_map(heap, kv);
        prop_assert!(exact_eq(map, fresh));
        let (a, b) = (pairs(map), pairs(fresh));
        prop_assert_eq!(a.len(), b.len());
        for ((ka, va), (kb, vb)) in a.iter().zip(&b) {
            prop_assert!(exact_eq(*ka, *kb) && va == vb, "same iteration order");
        }
        Ok(())
    }

    fn run(ops: Vec<Op>, mask: u64) -> Result<(), TestCaseError> {
        HASH_MASK.with(|m| m.set(mask));
        let mut heap = Heap::new();
        let mut map = build_map(&mut heap, vec![]);
        let mut model = BTreeMap::new();
        for op in ops {
            match op {
                Op::Put(k, v) => {
                    let kt = key(&mut heap, k);
                    map = map_put(&mut heap, map, kt, Term::small(v));
                    model.insert(k, v);
                }
                Op::Delete(k) => {
                    let kt = key(&mut heap, k);
                    map = map_delete(&mut heap, map, kt);
                    model.remove(&k);
                }
                Op::Merge(kv) => {
                    let pairs: Vec<(Term, Term)> = kv
                        .iter()
                        .map(|(k, v)| (key(&mut heap, *k), Term::small(*v)))
                        .collect();
                    let other = build_map(&mut heap, pairs);
                    map = map_merge(&mut heap, map, other);
                    model.extend(kv);
                }
                Op::Collect => {
                    let mut roots = [map];
                    heap.collect(&mut [&mut roots]);
                    map = roots[0];
                }
                Op::Copy => {
                    let msg = Msg::copy(&LiteralArea::default(), map);
                    let mut other = Heap::new();
                    map = other.adopt(msg);
                    heap = other;
                }
            }
            check(&mut heap, map, &model)?;
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        #[test]
        fn updates_match_a_reference_map(ops in prop::collection::vec(op(), 1..160)) {
            run(ops, u64::MAX)?;
        }

        /// Eight bits of hash: most keys share nodes down to collision nodes.
        #[test]
        fn updates_match_with_colliding_hashes(ops in prop::collection::vec(op(), 1..160)) {
            run(ops, 0xff)?;
        }
    }

    #[test]
    fn equal_keys_hash_alike() {
        let mut heap = Heap::new();
        let long = "x".repeat(100);
        let a = heap.str(&long);
        let whole = heap.str(&format!("ab{long}"));
        let b = heap.sub_binary(whole, 16, long.len() as u64 * 8);
        assert!(exact_eq(a, b));
        assert_eq!(term_hash(a), term_hash(b));
        let (z, nz) = (heap.float(0.0), heap.float(-0.0));
        assert_eq!(term_hash(z), term_hash(nz));
        assert_ne!(term_hash(Term::small(1)), term_hash(heap.float(1.0)));
    }
}
