//! Maps of more than 32 keys: a hash array mapped trie laid out as OTP
//! 25's (erl_map.c), so `put`, `get` and `delete` are O(log n) however
//! large the map grows, and a map iterates in the BEAM's own order.
//!
//! The objects are in term.rs (HASH_MAP, HNODE, HCOLL). A key's hash is
//! the BEAM's 32-bit `make_internal_hash` ([`map_hash`], modelled in
//! tools/maporder/REPORT.md). Each level of the trie takes 4 bits of it,
//! lowest first (16 slots a node); after 8 levels the bits are used up
//! and the next 8 take the hash of the next *generation* (the same hash
//! salted with the generation's number), as the BEAM does. A node holds
//! the pairs whose slot no other key of the node shares (its data bitmap,
//! pairs in slot order) and a child for each slot several keys share (its
//! child bitmap, children in slot order). Two keys of equal hashes in 16
//! generations (never seen: the BEAM has no such case) share a collision
//! node, in term order.
//!
//! **Invariant (one form per map):** a node other than the root holds at
//! least two keys, and a map of at most [`FLAT_MAX`] keys is always a flat
//! MAP (a removal that leaves 32 keys flattens the map). So a set of keys
//! has exactly one trie, the BEAM's, and two equal maps have the same
//! form: term order and equality compare a hash map's pairs sorted by key.
//!
//! **Two orders, as on the BEAM.** [`for_each`] and [`pairs`] walk each
//! node's slots from 15 down to 0: the order of `maps:to_list`, `Map.keys`,
//! `inspect`, `term_to_binary` and the `Enumerable` protocol.
//! [`for_each_fold`] walks slots 0 to 15, the exact reverse: the order of
//! `maps:fold`, `maps:iterator` and so Elixir's `Enum.reduce/3` and `for`.
//! A flat map has one order, its keys' term order.
//!
//! Keys made of numbers, binaries, `[]`, tuples, lists and maps hash as on
//! the BEAM. An atom hashes by its index in the BEAM's atom table when the
//! atom is one whose index is the same in every run of the BEAM
//! (`atom::beam_index`: `true`, `ok`, `nil`, ...), else by its name (on the
//! BEAM its index, so its place, depends on the run). Pids, refs and funs
//! hash by beamlet's own values (the BEAM's depend on memory addresses and
//! table slots): an order fixed by the keys, though not the BEAM's.

use crate::atom;
use crate::heap::Heap;
use crate::order::key_compare;
use crate::term::{Kind, Term};

/// The most keys a flat map holds (the BEAM's `MAP_SMALL_MAP_LIMIT`).
pub const FLAT_MAX: usize = 32;

/// Slots a node has, and bits of the hash a level takes.
const SLOTS: u32 = 16;

/// Levels after which keys of equal hashes share a collision node (16
/// generations of 32 bits each).
const MAX_LEVEL: u32 = 128;

/// Words in the largest node's payload: two bitmaps, and each of the 16
/// slots a pair (two words) or a child (one).
const NODE_MAX: usize = 2 + 2 * SLOTS as usize;

// ---- the BEAM's hash ----

const HCONST: u32 = 0x9E37_79B9;

/// `n` times the golden-ratio constant: the constants the hash mixes in.
const fn hc(n: u32) -> u32 {
    HCONST.wrapping_mul(n)
}

/// Bob Jenkins' lookup2 mix of three words.
#[inline]
fn mix(mut a: u32, mut b: u32, mut c: u32) -> (u32, u32, u32) {
    a = a.wrapping_sub(b).wrapping_sub(c) ^ (c >> 13);
    b = b.wrapping_sub(c).wrapping_sub(a) ^ (a << 8);
    c = c.wrapping_sub(a).wrapping_sub(b) ^ (b >> 13);
    a = a.wrapping_sub(b).wrapping_sub(c) ^ (c >> 12);
    b = b.wrapping_sub(c).wrapping_sub(a) ^ (a << 16);
    c = c.wrapping_sub(a).wrapping_sub(b) ^ (b >> 5);
    a = a.wrapping_sub(b).wrapping_sub(c) ^ (c >> 3);
    b = b.wrapping_sub(c).wrapping_sub(a) ^ (a << 10);
    c = c.wrapping_sub(a).wrapping_sub(b) ^ (b >> 15);
    (a, b, c)
}

/// Mixes the words `x` and `y` (each offset by `k`) into the hash `h`.
#[inline]
fn h2(h: u32, x: u32, y: u32, k: u32) -> u32 {
    mix(k.wrapping_add(x), k.wrapping_add(y), h).2
}

#[inline]
fn h1(h: u32, x: u32, k: u32) -> u32 {
    h2(h, x, 0, k)
}

/// Mixes a 64-bit word into `h`, low half first.
#[inline]
fn h64(h: u32, w: u64, k: u32) -> u32 {
    h2(h, w as u32, (w >> 32) as u32, k)
}

#[inline]
fn const_hash(h: u32, k: u32) -> u32 {
    (h ^ k).rotate_left(17)
}

#[inline]
fn le32(b: &[u8]) -> u32 {
    let mut w = [0u8; 4];
    w[..b.len()].copy_from_slice(b);
    u32::from_le_bytes(w)
}

/// lookup2's hash of `bytes`, seeded with `init`.
fn block(bytes: &[u8], init: u32) -> u32 {
    let (mut a, mut b, mut c) = (HCONST, HCONST, init);
    let mut chunks = bytes.chunks_exact(12);
    for k in &mut chunks {
        a = a.wrapping_add(le32(&k[0..4]));
        b = b.wrapping_add(le32(&k[4..8]));
        c = c.wrapping_add(le32(&k[8..12]));
        (a, b, c) = mix(a, b, c);
    }
    let rest = chunks.remainder();
    c = c.wrapping_add(bytes.len() as u32);
    let r = rest.len();
    if r > 8 {
        c = c.wrapping_add(le32(&rest[8..]) << 8);
    }
    if r > 4 {
        b = b.wrapping_add(le32(&rest[4..r.min(8)]));
    }
    if r > 0 {
        a = a.wrapping_add(le32(&rest[..r.min(4)]));
    }
    mix(a, b, c).2
}

/// The BEAM's small integers (60 bits): others hash as bignums.
const BEAM_SMALL_MIN: i64 = -(1 << 59);
const BEAM_SMALL_MAX: i64 = (1 << 59) - 1;

/// The BEAM's tagged word for `[]`.
const NIL_WORD: u64 = 0x3B;

/// What is left to hash: a term, a cons cell (a hash-trie leaf hashes as
/// the cons `[key | value]`), the end of a list, or a trie node below the
/// root.
#[derive(Clone, Copy)]
enum Item {
    T(Term),
    Cons(Term, Term),
    Cdr,
    Node(Term),
}

/// The hash of `key` for the trie levels of generation `generation`
/// (levels `8g .. 8g + 7`): the BEAM's `make_map_hash`.
pub fn map_hash(key: Term, generation: u32) -> u32 {
    let salt = if generation == 0 {
        0
    } else {
        h2(0, generation, 1, hc(22))
    };
    internal_hash(key, salt)
}

/// The BEAM's `make_internal_hash(term, salt)` (64-bit emulator, the
/// Jenkins mix): see tools/maporder/REPORT.md section 1.
pub fn internal_hash(term: Term, salt: u32) -> u32 {
    let mut h = salt ^ 0xCC9E_2D51;
    let mut stack: Vec<Item> = Vec::new();
    let mut item = Item::T(term);
    loop {
        match item {
            Item::T(t) => match t.kind() {
                Kind::Int => {
                    let i = t.small_value();
                    if (BEAM_SMALL_MIN..=BEAM_SMALL_MAX).contains(&i) {
                        h = h64(h, ((i << 4) | 0xF) as u64, HCONST);
                    } else {
                        let k = if i < 0 { hc(10) } else { hc(11) };
                        h = h64(h, i.unsigned_abs(), k);
                    }
                }
                Kind::BigInt => {
                    let (neg, limbs) = t.big_parts().unwrap_or((false, &[]));
                    let k = if neg { hc(10) } else { hc(11) };
                    for l in limbs {
                        h = h64(h, *l, k);
                    }
                }
                Kind::Atom => match atom::beam_index(t) {
                    Some(i) => h = h64(h, ((i as u64) << 6) | 0x0B, HCONST),
                    // beamlet's own: by name (see the module's doc).
                    None => h = block(atom::name(t).as_bytes(), hc(19).wrapping_add(h)),
                },
                Kind::Nil => h = h64(h, NIL_WORD, HCONST),
                Kind::Float => {
                    let f = t.float_value().unwrap_or(0.0);
                    let f = if f == 0.0 { 0.0 } else { f };
                    h = h64(h, f.to_bits(), hc(12));
                }
                Kind::Binary => {
                    let k = hc(13).wrapping_add(h);
                    if let Some(b) = t.binary_bytes() {
                        h = if b.is_empty() { k } else { block(b, k) };
                    } else if let Some((bytes, bits)) = t.bitstring_bits() {
                        let whole = (bits / 8) as usize;
                        let extra = (bits % 8) as u32;
                        h = block(&bytes[..whole], k);
                        let last = bytes[whole] as u32;
                        h = h2(h, extra, last >> (8 - extra), hc(15));
                    }
                }
                Kind::Tuple => {
                    let elems = t.tuple_elems().unwrap_or(&[]);
                    h = h1(h, elems.len() as u32, hc(9));
                    stack.extend(elems.iter().rev().map(|e| Item::T(*e)));
                }
                Kind::Cons => {
                    let (hd, tl) = t.cons_parts().unwrap_or((Term::NIL, Term::NIL));
                    stack.push(Item::Cons(hd, tl));
                }
                Kind::Map => {
                    h = h1(h, t.map_size().unwrap_or(0) as u32, hc(16));
                    if let Some((ks, vs)) = t.map_parts() {
                        for (k, v) in ks.iter().zip(vs).rev() {
                            stack.extend([Item::T(*v), Item::T(*k)]);
                        }
                    } else if let Some((_, root)) = t.hash_map_parts() {
                        push_children(root, &mut stack);
                    }
                }
                // beamlet's own values (see the module's doc).
                Kind::Pid | Kind::Ref => h = h64(h, t.raw(), hc(7)),
                Kind::Fun => {
                    if let Some((id, env)) = t.closure_parts() {
                        h = h2(h, env.len() as u32, id, hc(20));
                        stack.extend(env.iter().rev().map(|e| Item::T(*e)));
                    } else if let Some((m, f, a)) = t.export_parts() {
                        h = h1(h, a, hc(21));
                        stack.extend([Item::T(f), Item::T(m)]);
                    }
                }
                Kind::None => {}
            },
            Item::Cons(mut hd, mut tl) => {
                // Bytes four at a time; the first other head ends the run.
                let (mut sh, mut cnt) = (0u32, 0u32);
                loop {
                    match (hd.is_small() && (0..=255).contains(&hd.small_value()))
                        .then(|| hd.small_value())
                    {
                        Some(b) => {
                            sh = (sh << 8).wrapping_add(b as u32);
                            if cnt == 3 {
                                h = h1(h, sh, hc(4));
                                (sh, cnt) = (0, 0);
                            } else {
                                cnt += 1;
                            }
                            if let Some((h_, t_)) = tl.cons_parts() {
                                (hd, tl) = (h_, t_);
                                continue;
                            }
                            if cnt > 0 {
                                h = h2(h, sh, cnt, hc(22));
                            }
                            stack.push(Item::T(tl));
                        }
                        None => {
                            if cnt > 0 {
                                h = h2(h, sh, cnt, hc(22));
                            }
                            h = const_hash(h, hc(17));
                            stack.push(Item::T(tl));
                            if !tl.is_cons() {
                                stack.push(Item::Cdr);
                            }
                            stack.push(Item::T(hd));
                        }
                    }
                    break;
                }
            }
            Item::Cdr => h = const_hash(h, hc(18)),
            Item::Node(node) => {
                if let Some((data, nodes, pairs, children)) = node.hnode_parts() {
                    if data | nodes == 0xFFFF {
                        // A full node below the root is a 16-tuple on the
                        // BEAM, its leaves cons cells.
                        h = h1(h, SLOTS, hc(9));
                        let (mut p, mut c) = (pairs.chunks_exact(2), children.iter());
                        let mut elems = [Item::Cdr; SLOTS as usize];
                        for (s, e) in elems.iter_mut().enumerate() {
                            *e = if data & (1 << s) != 0 {
                                let kv = p.next().unwrap_or(&[Term::NIL, Term::NIL]);
                                Item::Cons(kv[0], kv[1])
                            } else {
                                Item::Node(*c.next().unwrap_or(&Term::NIL))
                            };
                        }
                        stack.extend(elems.iter().rev());
                    } else {
                        push_children(node, &mut stack);
                    }
                } else if let Some(pairs) = node.hcoll_pairs() {
                    for kv in pairs.chunks_exact(2) {
                        stack.extend([Item::T(kv[1]), Item::T(kv[0])]);
                    }
                }
            }
        }
        match stack.pop() {
            Some(next) => item = next,
            None => return h,
        }
    }
}

/// Pushes a bitmap node's children in slot order (so the highest slot is
/// hashed first), a leaf's value below its key.
fn push_children(node: Term, stack: &mut Vec<Item>) {
    let Some((data, nodes, pairs, children)) = node.hnode_parts() else {
        stack.push(Item::Node(node));
        return;
    };
    let (mut p, mut c) = (pairs.chunks_exact(2), children.iter());
    for s in 0..SLOTS {
        let bit = 1 << s;
        if data & bit != 0 {
            if let Some(kv) = p.next() {
                stack.extend([Item::T(kv[1]), Item::T(kv[0])]);
            }
        } else if nodes & bit != 0 {
            if let Some(child) = c.next() {
                stack.push(Item::Node(*child));
            }
        }
    }
}

#[cfg(test)]
thread_local! {
    /// Tests narrow hashes to a few bits, so deep nodes are common.
    static HASH_MASK: std::cell::Cell<u32> = const { std::cell::Cell::new(u32::MAX) };
}

/// A key's hash for a generation (see [`map_hash`]), narrowed in tests.
#[inline]
fn gen_hash(t: Term, generation: u32) -> u32 {
    #[cfg(test)]
    return map_hash(t, generation) & HASH_MASK.with(|m| m.get());
    #[cfg(not(test))]
    map_hash(t, generation)
}

/// A key and its hash of the generation last asked for.
#[derive(Clone, Copy)]
struct Hashed {
    key: Term,
    generation: u32,
    hash: u32,
}

impl Hashed {
    fn new(key: Term) -> Hashed {
        Hashed {
            key,
            generation: 0,
            hash: gen_hash(key, 0),
        }
    }
    /// The key's slot (0..16) at trie level `level`.
    #[inline]
    fn slot(&mut self, level: u32) -> u32 {
        let g = level >> 3;
        if g != self.generation {
            self.generation = g;
            self.hash = gen_hash(self.key, g);
        }
        self.slot_of_generation(level)
    }
    /// The key's slot at `level`, the hash held being of its generation.
    #[inline]
    fn slot_of_generation(&self, level: u32) -> u32 {
        (self.hash >> (4 * (level & 7))) & 15
    }
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
    let mut h = Hashed::new(key);
    let mut level = 0;
    loop {
        let Some((data, nodes, pairs, children)) = node.hnode_parts() else {
            let pairs = node.hcoll_pairs()?;
            return pairs
                .chunks_exact(2)
                .find(|p| same_key(p[0], key))
                .map(|p| p[1]);
        };
        let bit = 1 << h.slot(level);
        if data & bit != 0 {
            let i = 2 * index(data, bit);
            return same_key(pairs[i], key).then_some(pairs[i + 1]);
        }
        if nodes & bit == 0 {
            return None;
        }
        node = children[index(nodes, bit)];
        level += 1;
    }
}

/// Calls `f` on each pair of the map `map` (flat or hash) in the order of
/// `maps:to_list` (slots 15 to 0).
pub fn for_each(map: Term, mut f: impl FnMut(Term, Term)) {
    if let Some((ks, vs)) = map.map_parts() {
        for (k, v) in ks.iter().zip(vs) {
            f(*k, *v);
        }
    } else if let Some((_, root)) = map.hash_map_parts() {
        walk(root, true, &mut f);
    }
}

/// Calls `f` on each pair of the map `map` (flat or hash) in the order of
/// `maps:fold` and `maps:iterator` (slots 0 to 15): the reverse of
/// [`for_each`]'s for a hash map.
pub fn for_each_fold(map: Term, mut f: impl FnMut(Term, Term)) {
    if let Some((ks, vs)) = map.map_parts() {
        for (k, v) in ks.iter().zip(vs) {
            f(*k, *v);
        }
    } else if let Some((_, root)) = map.hash_map_parts() {
        walk(root, false, &mut f);
    }
}

fn walk(node: Term, down: bool, f: &mut impl FnMut(Term, Term)) {
    if let Some((data, nodes, pairs, children)) = node.hnode_parts() {
        for n in 0..SLOTS {
            let bit = 1 << if down { SLOTS - 1 - n } else { n };
            if data & bit != 0 {
                let i = 2 * index(data, bit);
                f(pairs[i], pairs[i + 1]);
            } else if nodes & bit != 0 {
                walk(children[index(nodes, bit)], down, f);
            }
        }
    } else if let Some(pairs) = node.hcoll_pairs() {
        if down {
            for p in pairs.chunks_exact(2).rev() {
                f(p[0], p[1]);
            }
        } else {
            for p in pairs.chunks_exact(2) {
                f(p[0], p[1]);
            }
        }
    }
}

/// The pairs of the map `map`, in `maps:to_list` order.
pub fn pairs(map: Term) -> Vec<(Term, Term)> {
    let mut out = Vec::with_capacity(map.map_size().unwrap_or(0));
    for_each(map, |k, v| out.push((k, v)));
    out
}

/// The pairs of the map `map`, in `maps:fold` order.
pub fn fold_pairs(map: Term) -> Vec<(Term, Term)> {
    let mut out = Vec::with_capacity(map.map_size().unwrap_or(0));
    for_each_fold(map, |k, v| out.push((k, v)));
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
    let new = put(heap, root, &mut Hashed::new(key), 0, value, &mut added);
    if new == root {
        return map;
    }
    heap.hash_map(count + added as usize, new)
}

fn put(
    heap: &mut Heap,
    node: Term,
    h: &mut Hashed,
    level: u32,
    value: Term,
    added: &mut bool,
) -> Term {
    let key = h.key;
    let Some((data, nodes, pairs, children)) = node.hnode_parts() else {
        return coll_put(heap, node, key, value, added);
    };
    let bit = 1 << h.slot(level);
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
        // Two keys share this slot now: a child holds both.
        *added = true;
        let sub = two(heap, (Hashed::new(k0), v0), (*h, value), level + 1);
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
        let new = put(heap, child, h, level + 1, value, added);
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

/// A node (at `level`) holding the two pairs of different keys.
fn two(heap: &mut Heap, mut a: (Hashed, Term), mut b: (Hashed, Term), level: u32) -> Term {
    if level >= MAX_LEVEL {
        let (a, b) = if key_compare(a.0.key, b.0.key).is_lt() {
            (a, b)
        } else {
            (b, a)
        };
        return heap.hcoll(&[a.0.key, a.1, b.0.key, b.1]);
    }
    let (sa, sb) = (a.0.slot(level), b.0.slot(level));
    if sa == sb {
        let sub = two(heap, a, b, level + 1);
        return heap.hnode(0, 1 << sa, &[], &[sub]);
    }
    let (a, b) = if sa < sb { (a, b) } else { (b, a) };
    heap.hnode((1 << sa) | (1 << sb), 0, &[a.0.key, a.1, b.0.key, b.1], &[])
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
    match del(heap, root, &mut Hashed::new(key), 0) {
        Removed::Absent => None,
        Removed::Node(new) if count - 1 > FLAT_MAX => Some(heap.hash_map(count - 1, new)),
        Removed::Node(new) => {
            let mut kv = Vec::with_capacity(count - 1);
            walk(new, false, &mut |k, v| kv.push((k, v)));
            Some(flat(heap, kv))
        }
        Removed::Pair(..) => unreachable!("the root of a map of over 32 keys keeps two"),
    }
}

fn del(heap: &mut Heap, node: Term, h: &mut Hashed, level: u32) -> Removed {
    let key = h.key;
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
    let bit = 1 << h.slot(level);
    if data & bit != 0 {
        let i = 2 * index(data, bit);
        if !same_key(pairs[i], key) {
            return Removed::Absent;
        }
        if level > 0 && nodes == 0 && data.count_ones() == 2 {
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
    match del(heap, children[j], h, level + 1) {
        Removed::Absent => Removed::Absent,
        Removed::Node(c) => {
            let mut b = NodeBuf::new(data, nodes);
            b.extend(pairs);
            b.extend(&children[..j]);
            b.extend(&[c]);
            b.extend(&children[j + 1..]);
            Removed::Node(b.build(heap))
        }
        Removed::Pair(k, v) if level > 0 && data == 0 && nodes == bit => Removed::Pair(k, v),
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
    let mut entries: Vec<(Hashed, Term)> =
        kv.into_iter().map(|(k, v)| (Hashed::new(k), v)).collect();
    // Stable: of equal keys (equal hashes), the later pair stays last.
    entries.sort_by_key(|e| e.0.hash);
    let mut unique: Vec<(Hashed, Term)> = Vec::with_capacity(entries.len());
    let mut run_start = 0;
    for e in entries {
        if unique.last().is_some_and(|l| l.0.hash != e.0.hash) {
            run_start = unique.len();
        }
        match unique[run_start..]
            .iter_mut()
            .find(|u| same_key(u.0.key, e.0.key))
        {
            Some(u) => u.1 = e.1,
            None => unique.push(e),
        }
    }
    if unique.len() <= FLAT_MAX {
        return flat(heap, unique.into_iter().map(|e| (e.0.key, e.1)).collect());
    }
    let n = unique.len();
    let root = build_node(heap, &mut unique, 0);
    heap.hash_map(n, root)
}

/// The node (at `level`) of at least two entries of different keys.
fn build_node(heap: &mut Heap, entries: &mut [(Hashed, Term)], level: u32) -> Term {
    if level >= MAX_LEVEL {
        entries.sort_by(|a, b| key_compare(a.0.key, b.0.key));
        let pairs: Vec<Term> = entries.iter().flat_map(|e| [e.0.key, e.1]).collect();
        return heap.hcoll(&pairs);
    }
    for e in entries.iter_mut() {
        e.0.slot(level);
    }
    entries.sort_unstable_by_key(|e| e.0.slot_of_generation(level));
    let (mut data, mut nodes) = (0u32, 0u32);
    let mut pairs = Vec::new();
    let mut children = Vec::new();
    let mut at = 0;
    while at < entries.len() {
        let s = entries[at].0.slot_of_generation(level);
        let end = at
            + entries[at..]
                .iter()
                .take_while(|e| e.0.slot_of_generation(level) == s)
                .count();
        if end - at == 1 {
            data |= 1 << s;
            pairs.extend([entries[at].0.key, entries[at].1]);
        } else {
            nodes |= 1 << s;
            children.push(build_node(heap, &mut entries[at..end], level + 1));
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
        if !map.is_flat_map() {
            // The BEAM's order: keys by descending nibble-reversed hashes,
            // generation after generation; the fold order is its reverse.
            for w in a.windows(2) {
                prop_assert!(beam_rank(w[0].0) > beam_rank(w[1].0), "to_list order");
            }
            let mut f = fold_pairs(map);
            f.reverse();
            prop_assert!(f.iter().zip(&a).all(|(x, y)| exact_eq(x.0, y.0)));
        }
        Ok(())
    }

    /// A key's place in the BEAM's `maps:to_list` order (larger first):
    /// its hashes of 16 generations, each with its nibbles reversed.
    fn beam_rank(key: Term) -> Vec<u32> {
        (0..16)
            .map(|g| {
                let h = gen_hash(key, g);
                (0..8).fold(0, |r, n| (r << 4) | ((h >> (4 * n)) & 15))
            })
            .collect()
    }

    fn run(ops: Vec<Op>, mask: u32) -> Result<(), TestCaseError> {
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
            run(ops, u32::MAX)?;
        }

        /// Eight bits of hash a generation: most keys share nodes down to the
        /// next generations.
        #[test]
        fn updates_match_with_colliding_hashes(ops in prop::collection::vec(op(), 1..160)) {
            run(ops, 0xff)?;
        }
    }

    /// tools/maporder/REPORT.md's test vectors: `map_hash` of generations
    /// 0 and 1, as OTP 25 computes them.
    #[test]
    fn the_beams_hash() {
        use num_bigint::BigInt;
        let mut heap = Heap::new();
        let big = |heap: &mut Heap, s: &str| heap.bigint(&s.parse::<BigInt>().unwrap());
        let s = |i: i64| Term::small(i);
        let one_two = {
            let k = [s(1)];
            let v = [s(2)];
            heap.map_sorted(&k, &v)
        };
        let cases: Vec<(&str, Term, u32, u32)> = vec![
            ("0", s(0), 0xd7d182c8, 0xe6603801),
            ("1", s(1), 0x91859556, 0x89adfee4),
            ("-1", s(-1), 0x215c6004, 0xdb718d74),
            ("2**59-1", s((1 << 59) - 1), 0xa3d065cd, 0x7400fd04),
            ("2**59", s(1 << 59), 0x80c873b2, 0xda761b06),
            (
                "-(2**64)",
                big(&mut heap, "-18446744073709551616"),
                0x69dbeddb,
                0x625dbb3c,
            ),
            ("1.0", heap.float(1.0), 0x57ff2985, 0xf1383961),
            ("0.0", heap.float(0.0), 0xa5a208d3, 0xab6e2d7d),
            ("-0.0", heap.float(-0.0), 0xa5a208d3, 0xab6e2d7d),
            ("<<>>", heap.binary(b""), 0xd56f5bb6, 0x5461f230),
            ("abc", heap.binary(b"abc"), 0x11c7fd0d, 0x47b3a2dc),
            ("<<0:1>>", heap.bitstring(&[0], 1), 0x16d1ceb7, 0x5b8494d9),
            ("{}", heap.tuple(&[]), 0x35e94072, 0x3d753be3),
            ("{1,2}", heap.tuple(&[s(1), s(2)]), 0x0e596bfe, 0x5450426a),
            ("[]", Term::NIL, 0x92e0d9c3, 0x7a68ca6f),
            (
                "[1,2,3]",
                heap.list(&[s(1), s(2), s(3)]),
                0xadc71dd2,
                0x27de8216,
            ),
            (
                "'abcde'",
                heap.list(&b"abcde".map(|b| s(b as i64))),
                0x1e946994,
                0x14a1c579,
            ),
            (
                "[1000,2]",
                heap.list(&[s(1000), s(2)]),
                0x609d9f07,
                0xd38cc3b1,
            ),
            ("[1|2]", heap.cons(s(1), s(2)), 0x307b8b8c, 0x6f8ce2e0),
            ("false", crate::atom::FALSE, 0xba1c4b4c, 0xe8219c74),
            ("true", crate::atom::TRUE, 0x023ee113, 0x5e3efe93),
            ("ok", crate::atom::OK, 0xc9bc6f9b, 0x6677dd87),
            ("%{}", heap.map_sorted(&[], &[]), 0xf16c7bba, 0x089aa1af),
            ("%{1=>2}", one_two, 0xc7579c13, 0xe3147afb),
        ];
        for (name, t, g0, g1) in cases {
            assert_eq!((map_hash(t, 0), map_hash(t, 1)), (g0, g1), "{name}");
        }
        assert_eq!(h2(0, 1, 1, hc(22)), 0x870EEE9A, "salt 1");
        assert_eq!(h2(0, 2, 1, hc(22)), 0x2F9B448B, "salt 2");
    }

    /// OTP 25's `Map.keys` of 0..39 (tools/maporder/model.py).
    #[test]
    fn the_beams_order() {
        let mut heap = Heap::new();
        let kv: Vec<(Term, Term)> = (0..40).map(|i| (Term::small(i), Term::NIL)).collect();
        let map = build(&mut heap, kv);
        let keys: Vec<i64> = pairs(map).iter().map(|p| p.0.small_value()).collect();
        let want = [
            33, 12, 23, 29, 30, 39, 26, 31, 11, 37, 9, 32, 34, 25, 28, 6, 0, 38, 13, 20, 15, 14, 2,
            7, 1, 8, 3, 17, 22, 21, 4, 36, 24, 10, 35, 27, 19, 5, 18, 16,
        ];
        assert_eq!(keys, want);
        let mut folded: Vec<i64> = fold_pairs(map).iter().map(|p| p.0.small_value()).collect();
        folded.reverse();
        assert_eq!(folded, want);
    }

    #[test]
    fn equal_keys_hash_alike() {
        let mut heap = Heap::new();
        let long = "x".repeat(100);
        let a = heap.str(&long);
        let whole = heap.str(&format!("ab{long}"));
        let b = heap.sub_binary(whole, 16, long.len() as u64 * 8);
        assert!(exact_eq(a, b));
        assert_eq!(map_hash(a, 0), map_hash(b, 0));
        let (z, nz) = (heap.float(0.0), heap.float(-0.0));
        assert_eq!(map_hash(z, 0), map_hash(nz, 0));
        assert_ne!(map_hash(Term::small(1), 0), map_hash(heap.float(1.0), 0));
    }
}
