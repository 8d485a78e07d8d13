//! Property tests of the heap and the copying collector: collecting never changes what the roots reach.
//!
//! Random term graphs (nested tuples, proper, improper and long lists, maps, binaries of
//! any size, floats, bignums, closures, exports, immediates, and subterms shared between
//! several parents) are built in a `Heap` among garbage. Each root is copied out to an
//! owned value before collecting; after one or several collections (with more garbage,
//! and new objects pointing at moved ones, in between) the roots must read back the same.
//! Two more properties: sharing survives (a subterm referenced twice is still one object)
//! and `used_words()` after a collection is exactly the size of the live graph.
//! Deep copy (messages between processes, copy.rs): a term copied out of one heap and
//! adopted by another reads back the same, after the sender's heap is gone and after the
//! receiver collects.
//! ETS (bif/ets.rs): terms inserted into a table and read back into a heap read the same,
//! after the inserting heap is gone and across collections of the reading one.

use beamlet_vm::atom;
use beamlet_vm::bif::map::{build_map, map_delete, map_put};
use beamlet_vm::code::CodeTable;
use beamlet_vm::convert::to_value;
use beamlet_vm::copy::{LiteralArea, Msg};
use beamlet_vm::heap::Heap;
use beamlet_vm::term::{Kind, Term};
use beamlet_vm::value::Value;
use num_bigint::{BigInt, Sign};
use proptest::prelude::*;
use std::collections::HashSet;

/// A recipe for a term; `build` turns it into a term graph in a heap.
#[derive(Clone, Debug)]
enum Shape {
    Int(i64),
    Big(bool, Vec<u32>),
    Float(f64),
    Atom(usize),
    Pid(u32, u32),
    Ref(u64),
    Bin(Vec<u8>),
    Tuple(Vec<Shape>),
    /// Elements and, for an improper list, the tail.
    List(Vec<Shape>, Option<Box<Shape>>),
    /// A long proper list of small integers `0..n`, built one cell at a time.
    LongList(usize),
    Map(Vec<(Shape, Shape)>),
    /// A map of more than 32 keys (a hash trie, hamt.rs) put together one
    /// key at a time, then some removed: `n` keys (integers and binaries),
    /// values taken from the shapes in turn.
    BigMap(usize, Vec<Shape>),
    Closure(u32, Vec<Shape>),
    Export(usize, usize, u32),
    /// Part of a binary, from a bit offset, of some bits (both taken modulo
    /// what fits): a sub-binary or a short copy (heap.rs, `sub_binary`).
    Sub(Vec<u8>, u16, u16),
    /// A binary with room to grow, appended to piece by piece: the tuple of
    /// every intermediate view (older views must keep their bytes).
    Grown(Vec<u8>, Vec<Vec<u8>>),
    /// A term built earlier in the same graph (index modulo the number built so far),
    /// so the graph has subterms with several parents.
    Shared(usize),
}

const ATOMS: &[&str] = &[
    "ok",
    "error",
    "nil",
    "true",
    "gc_props_a",
    "gc_props_b",
    "Elixir.Foo",
];

fn leaf() -> impl Strategy<Value = Shape> {
    prop_oneof![
        any::<i64>().prop_map(|v| Shape::Int(v >> 1)),
        any::<i64>().prop_map(Shape::Int), // may be too big for a small integer
        (any::<bool>(), prop::collection::vec(any::<u32>(), 1..6))
            .prop_map(|(n, l)| Shape::Big(n, l)),
        any::<f64>()
            .prop_filter("no NaN in Elixir", |f| !f.is_nan())
            .prop_map(Shape::Float),
        (0..ATOMS.len()).prop_map(Shape::Atom),
        (any::<u32>(), 0u32..1 << 24).prop_map(|(i, s)| Shape::Pid(i, s)),
        (0u64..1 << 56).prop_map(Shape::Ref),
        prop::collection::vec(any::<u8>(), 0..40).prop_map(Shape::Bin),
        prop::collection::vec(any::<u8>(), 0..600).prop_map(Shape::Bin),
        (0usize..3000).prop_map(Shape::LongList),
        (
            prop::collection::vec(any::<u8>(), 0..200),
            any::<u16>(),
            any::<u16>()
        )
            .prop_map(|(b, o, l)| Shape::Sub(b, o, l)),
        (
            prop::collection::vec(any::<u8>(), 0..100),
            prop::collection::vec(prop::collection::vec(any::<u8>(), 0..30), 0..12)
        )
            .prop_map(|(b, p)| Shape::Grown(b, p)),
        (0..ATOMS.len(), 0..ATOMS.len(), 0u32..5).prop_map(|(m, f, a)| Shape::Export(m, f, a)),
        any::<usize>().prop_map(Shape::Shared),
    ]
}

fn shape() -> impl Strategy<Value = Shape> {
    leaf().prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            4 => prop::collection::vec(inner.clone(), 0..8).prop_map(Shape::Tuple),
            4 => prop::collection::vec(inner.clone(), 0..8).prop_map(|v| Shape::List(v, None)),
            4 => (prop::collection::vec(inner.clone(), 1..5), inner.clone())
                .prop_map(|(v, t)| Shape::List(v, Some(Box::new(t)))),
            4 => prop::collection::vec((inner.clone(), inner.clone()), 0..6).prop_map(Shape::Map),
            1 => (30usize..64, prop::collection::vec(leaf(), 1..3))
                .prop_map(|(n, vs)| Shape::BigMap(n, vs)),
            4 => (0u32..1000, prop::collection::vec(inner.clone(), 0..5))
                .prop_map(|(id, f)| Shape::Closure(id, f)),
            4 => any::<usize>().prop_map(Shape::Shared),
        ]
    })
}

/// Builds shapes into one heap, remembering every term built (for `Shared`) and
/// allocating `garbage` unreachable words after each object.
struct Builder {
    heap: Heap,
    built: Vec<Term>,
    garbage: usize,
}

impl Builder {
    fn new(garbage: usize) -> Builder {
        Builder {
            heap: Heap::new(),
            built: Vec::new(),
            garbage,
        }
    }

    fn junk(&mut self) {
        for i in 0..self.garbage {
            let t = self.heap.tuple(&[Term::small(i as i64)]);
            self.heap.cons(t, Term::NIL);
        }
    }

    fn build(&mut self, s: &Shape) -> Term {
        let h = &mut self.heap;
        let t = match s {
            Shape::Int(v) => h.int(*v),
            Shape::Big(neg, limbs) => h.bigint(&BigInt::from_slice(
                if *neg { Sign::Minus } else { Sign::Plus },
                limbs,
            )),
            Shape::Float(f) => h.float(*f),
            Shape::Atom(i) => atom::intern(ATOMS[*i]),
            Shape::Pid(i, s) => Term::pid(*i, *s),
            Shape::Ref(n) => Term::reference(*n),
            Shape::Bin(b) => h.binary(b),
            Shape::Sub(b, off, len) => {
                let base = h.binary(b);
                let total = 8 * b.len() as u64;
                let off = *off as u64 % (total + 1);
                let len = *len as u64 % (total - off + 1);
                h.sub_binary(base, off, len)
            }
            Shape::Grown(first, pieces) => {
                let mut bytes = first.clone();
                let mut views = vec![h.grow_bin(first, 2 * first.len() + 8)];
                for p in pieces {
                    let last = *views.last().expect("one view at least");
                    bytes.extend_from_slice(p);
                    let v = match h.append_in_place(last, p) {
                        Some(v) => v,
                        None => h.grow_bin(&bytes, 2 * bytes.len()),
                    };
                    views.push(v);
                }
                h.tuple(&views)
            }
            Shape::LongList(n) => {
                let mut l = Term::NIL;
                for i in (0..*n).rev() {
                    l = h.cons(Term::small(i as i64), l);
                }
                l
            }
            Shape::Export(m, f, a) => {
                h.export(atom::intern(ATOMS[*m]), atom::intern(ATOMS[*f]), *a)
            }
            Shape::Shared(i) => match self.built.len() {
                0 => Term::NIL,
                n => self.built[i % n],
            },
            Shape::Tuple(es) => {
                let es: Vec<Term> = es.iter().map(|e| self.build(e)).collect();
                self.heap.tuple(&es)
            }
            Shape::List(es, tail) => {
                let es: Vec<Term> = es.iter().map(|e| self.build(e)).collect();
                let tail = tail.as_ref().map_or(Term::NIL, |t| self.build(t));
                self.heap.list_with_tail(&es, tail)
            }
            Shape::Map(kvs) => {
                let kv: Vec<(Term, Term)> = kvs
                    .iter()
                    .map(|(k, v)| (self.build(k), self.build(v)))
                    .collect();
                build_map(&mut self.heap, kv)
            }
            Shape::BigMap(n, values) => {
                let values: Vec<Term> = values.iter().map(|v| self.build(v)).collect();
                let mut m = build_map(&mut self.heap, vec![]);
                for i in 0..*n {
                    let k = if i % 2 == 0 {
                        Term::small(i as i64)
                    } else {
                        self.heap.str(&format!("key {i}"))
                    };
                    m = map_put(&mut self.heap, m, k, values[i % values.len()]);
                }
                for i in (0..*n).step_by(7) {
                    m = map_delete(&mut self.heap, m, Term::small(i as i64));
                }
                m
            }
            Shape::Closure(id, free) => {
                let free: Vec<Term> = free.iter().map(|e| self.build(e)).collect();
                self.heap.closure(*id, &free)
            }
        };
        self.built.push(t);
        self.junk();
        t
    }
}

/// Like `to_value`, but keeps what it drops: a closure's function id and free
/// variables (`to_value` names the function only, through the code table).
fn deep(t: Term) -> Value {
    if let Some((id, free)) = t.closure_parts() {
        return Value::Tuple(vec![
            Value::Atom("closure".into()),
            Value::Int(id.into()),
            Value::List(free.iter().map(|f| deep(*f)).collect(), None),
        ]);
    }
    match t.kind() {
        Kind::Cons => {
            let mut items = Vec::new();
            let mut cur = t;
            while let Some((h, tl)) = cur.cons_parts() {
                items.push(deep(h));
                cur = tl;
            }
            let tail = if cur.is_nil() {
                None
            } else {
                Some(Box::new(deep(cur)))
            };
            Value::List(items, tail)
        }
        Kind::Tuple => Value::Tuple(
            t.tuple_elems()
                .unwrap_or(&[])
                .iter()
                .map(|e| deep(*e))
                .collect(),
        ),
        Kind::Map => Value::Map(
            beamlet_vm::hamt::pairs(t)
                .into_iter()
                .map(|(k, v)| (deep(k), deep(v)))
                .collect(),
        ),
        _ => to_value(&CodeTable::new(), t),
    }
}

/// The address of the object a pointer term refers to, if it is one.
fn addr(t: Term) -> Option<u64> {
    (t.is_boxed() || t.is_cons()).then_some(t.raw() & !0b111)
}

/// Words taken by the distinct objects `roots` reach (each counted once however
/// many references it has): what a collection must keep, no more, no less.
fn live_words(roots: &[Term]) -> usize {
    let mut seen = HashSet::new();
    let mut stack: Vec<Term> = roots.to_vec();
    let mut words = 0;
    while let Some(t) = stack.pop() {
        let Some(a) = addr(t) else { continue };
        if !seen.insert(a) {
            continue;
        }
        if let Some((h, tl)) = t.cons_parts() {
            words += 2;
            stack.push(h);
            stack.push(tl);
            continue;
        }
        let header = t.header();
        words += 1 + header.payload_words();
        if let Some(es) = t.tuple_elems() {
            stack.extend_from_slice(es);
        } else if let Some((ks, vs)) = t.map_parts() {
            stack.extend_from_slice(ks);
            stack.extend_from_slice(vs);
        } else if let Some((_, root)) = t.hash_map_parts() {
            stack.push(root);
        } else if let Some((_, _, pairs, children)) = t.hnode_parts() {
            stack.extend_from_slice(pairs);
            stack.extend_from_slice(children);
        } else if let Some(pairs) = t.hcoll_pairs() {
            stack.extend_from_slice(pairs);
        } else if let Some((_, free)) = t.closure_parts() {
            stack.extend_from_slice(free);
        } else if let Some((m, f, _)) = t.export_parts() {
            stack.push(m);
            stack.push(f);
        } else if let Some((base, ..)) = t.bitstring_parts() {
            if base != t {
                stack.push(base);
            }
        }
    }
    words
}

fn values(roots: &[Term]) -> (Vec<Value>, Vec<Value>) {
    let code = CodeTable::new();
    (
        roots.iter().map(|t| to_value(&code, *t)).collect(),
        roots.iter().map(|t| deep(*t)).collect(),
    )
}

/// Output nobody reads (the ETS property runs built-ins outside a scheduler).
struct NoIo;

impl beamlet_vm::bif::Io for NoIo {
    fn out(&mut self, _: &[u8]) {}
    fn err(&mut self, _: &[u8]) {}
}

/// Inserts each root into a new ETS table, frees the heap they were built in,
/// reads them back, collects; returns what was read before and after collecting.
fn ets_round_trip(
    shapes: &[Shape],
    garbage: usize,
    ordered: bool,
) -> [(Vec<Value>, Vec<Value>); 3] {
    use beamlet_vm::bif::ets;
    let code = CodeTable::default();
    let mut b = Builder::new(garbage);
    let roots: Vec<Term> = shapes.iter().map(|s| b.build(s)).collect();
    let want = values(&roots);
    let kind = atom::intern(if ordered {
        "ordered_set"
    } else {
        "duplicate_bag"
    });
    let (before, after) = beamlet_vm::detached::with_ctx(&code, &mut NoIo, |ctx| {
        let opts = ctx.st.heap.list(&[kind]);
        let tab = ets::new(ctx, &[atom::intern("gc_props_t"), opts]).expect("a table");
        for (i, r) in roots.iter().enumerate() {
            let obj = ctx.st.heap.tuple(&[Term::small(i as i64), *r]);
            ets::insert(ctx, &[tab, obj]).expect("inserted");
        }
        drop(b); // the inserting heap is freed: the table must not point into it
        ctx.st.heap.collect(&mut []);
        let mut out: Vec<Term> = (0..roots.len())
            .map(|i| {
                let l = ets::lookup(ctx, &[tab, Term::small(i as i64)]).expect("found");
                l.cons_parts()
                    .expect("one object")
                    .0
                    .tuple_elems()
                    .expect("a tuple")[1]
            })
            .collect();
        let before = values(&out);
        for _ in 0..100 {
            ctx.st.heap.tuple(&[Term::small(1)]);
        }
        ctx.st.heap.collect(&mut [&mut out]);
        let after = values(&out);
        ets::delete1(ctx, &[tab]).expect("deleted");
        (before, after)
    });
    [want, before, after]
}

proptest! {
    /// Objects inserted into an ETS table are copied: they read back the same after the
    /// heap they came from is freed, and the copies read out survive collections.
    #[test]
    fn ets_objects_survive_their_heap_and_collections(shapes in prop::collection::vec(shape(), 1..5), garbage in 0usize..3, ordered in any::<bool>()) {
        let [want, before, after] = ets_round_trip(&shapes, garbage, ordered);
        prop_assert_eq!(&before, &want);
        prop_assert_eq!(&after, &want);
    }

    #[test]
    fn collection_preserves_values(
        shapes in prop::collection::vec(shape(), 1..5),
        garbage in 0usize..4,
        rounds in 1usize..4,
        wrap in any::<bool>(),
    ) {
        let mut b = Builder::new(garbage);
        let mut roots: Vec<Term> = shapes.iter().map(|s| b.build(s)).collect();
        let mut heap = b.heap;
        let (mut want, mut want_deep) = values(&roots);
        for round in 0..rounds {
            heap.collect(&mut [&mut roots]);
            let (got, got_deep) = values(&roots);
            prop_assert_eq!(&got, &want, "after collection {}", round + 1);
            prop_assert_eq!(&got_deep, &want_deep, "after collection {}", round + 1);
            prop_assert_eq!(heap.used_words(), live_words(&roots));
            // Garbage, and (maybe) a new object in the fresh chunk pointing at moved ones.
            for i in 0..garbage * 50 {
                heap.float(i as f64);
            }
            if wrap {
                let t = heap.tuple(&roots);
                roots.push(t);
                want.push(Value::Tuple(want.clone()));
                want_deep.push(Value::Tuple(want_deep.clone()));
            }
        }
    }

    /// A collection copies each live object exactly once: the heap afterwards holds
    /// exactly the distinct objects reachable before, so shared subterms stay shared.
    #[test]
    fn collection_keeps_exactly_the_live_words(shapes in prop::collection::vec(shape(), 1..5), garbage in 0usize..3) {
        let mut b = Builder::new(garbage);
        let mut roots: Vec<Term> = shapes.iter().map(|s| b.build(s)).collect();
        let mut heap = b.heap;
        let live = live_words(&roots);
        prop_assert!(heap.used_words() >= live);
        heap.collect(&mut [&mut roots]);
        prop_assert_eq!(heap.used_words(), live);
        prop_assert_eq!(live_words(&roots), live);
    }

    /// A deep copy adopted by another heap is equal to the original, outlives the
    /// sender's heap, and survives the receiver's collections.
    #[test]
    fn deep_copy_preserves_values(shapes in prop::collection::vec(shape(), 1..5), garbage in 0usize..3) {
        let mut b = Builder::new(garbage);
        let roots: Vec<Term> = shapes.iter().map(|s| b.build(s)).collect();
        let (want, want_deep) = values(&roots);
        let lits = LiteralArea::default();
        let msgs: Vec<Msg> = roots.iter().map(|t| Msg::copy(&lits, *t)).collect();
        drop(b); // the sender's heap is freed: the copies must not point into it
        let mut receiver = Heap::new();
        for i in 0..100 {
            receiver.tuple(&[Term::small(i)]);
        }
        let mut copies: Vec<Term> = msgs.into_iter().map(|m| receiver.adopt(m)).collect();
        let (got, got_deep) = values(&copies);
        prop_assert_eq!(&got, &want);
        prop_assert_eq!(&got_deep, &want_deep);
        receiver.collect(&mut [&mut copies]);
        let (got, got_deep) = values(&copies);
        prop_assert_eq!(&got, &want);
        prop_assert_eq!(&got_deep, &want_deep);
    }

    /// Roots given in several slices (as the interpreter passes registers, mailbox, ...)
    /// that alias the same objects come out aliasing the same copies.
    #[test]
    fn roots_in_several_sets_stay_aliased(shapes in prop::collection::vec(shape(), 1..4)) {
        let mut b = Builder::new(1);
        let mut first: Vec<Term> = shapes.iter().map(|s| b.build(s)).collect();
        let mut second: Vec<Term> = first.iter().rev().copied().collect();
        let mut heap = b.heap;
        let (want, _) = values(&first);
        heap.collect(&mut [&mut first, &mut second]);
        let mirrored: Vec<Term> = second.iter().rev().copied().collect();
        prop_assert_eq!(&first, &mirrored);
        prop_assert_eq!(values(&first).0, want);
    }
}

#[test]
fn shared_subterm_stays_one_object() {
    let mut heap = Heap::new();
    let bin = heap.binary(&[7; 100]);
    let s = heap.tuple(&[Term::small(1), bin]);
    let l = heap.list(&[s, s, Term::small(3)]);
    let k = heap.float(1.5);
    let m = build_map(&mut heap, vec![(atom::OK, s), (k, s)]);
    let f = heap.closure(9, &[s, l, s]);
    let cell = heap.cons(s, s); // a shared cons cell, referenced from the tuple below
    let top = heap.tuple(&[s, l, m, f, cell, cell]);
    for i in 0..500 {
        heap.tuple(&[Term::small(i)]); // garbage
    }
    let mut roots = [top, s];
    let before = values(&roots);
    let live = live_words(&roots);
    for _ in 0..3 {
        heap.collect(&mut [&mut roots]);
        assert_eq!(values(&roots), before);
        assert_eq!(heap.used_words(), live);
        let [top, s] = roots;
        let e = top.tuple_elems().expect("a tuple");
        let (l, m, f, cell) = (e[1], e[2], e[3], e[4]);
        assert_eq!(e[0].raw(), s.raw(), "tuple element");
        assert_eq!(e[4].raw(), e[5].raw(), "shared cons cell");
        assert_eq!(cell.head().raw(), s.raw());
        assert_eq!(cell.tail().raw(), s.raw());
        assert_eq!(l.head().raw(), s.raw(), "list element 1");
        assert_eq!(l.tail().head().raw(), s.raw(), "list element 2");
        let (_, vs) = m.map_parts().expect("a map");
        assert!(vs.iter().all(|v| v.raw() == s.raw()), "map values");
        let (id, free) = f.closure_parts().expect("a closure");
        assert_eq!(id, 9);
        assert_eq!(
            (free[0].raw(), free[1].raw(), free[2].raw()),
            (s.raw(), l.raw(), s.raw()),
            "closure free variables"
        );
        assert_eq!(
            s.tuple_elems().expect("a tuple")[1].binary_bytes(),
            Some(&[7u8; 100][..])
        );
    }
}

#[test]
fn collecting_nothing_live_empties_the_heap() {
    let mut heap = Heap::new();
    for i in 0..1000 {
        heap.tuple(&[Term::small(i)]);
    }
    let mut roots = [atom::OK, Term::small(5), Term::NIL];
    heap.collect(&mut [&mut roots]);
    assert_eq!(heap.used_words(), 0);
    assert_eq!(roots, [atom::OK, Term::small(5), Term::NIL]);
    heap.collect(&mut [&mut roots]);
    assert_eq!(heap.used_words(), 0);
}

#[test]
fn long_improper_list_survives() {
    let mut heap = Heap::new();
    let tail = heap.binary(b"end");
    let mut l = tail;
    for i in 0..200_000 {
        l = heap.cons(Term::small(i), l);
        if i % 3 == 0 {
            heap.float(0.0); // garbage between the cells
        }
    }
    let mut roots = [l];
    let before = values(&roots);
    heap.collect(&mut [&mut roots]);
    assert_eq!(values(&roots), before);
    assert_eq!(heap.used_words(), 200_000 * 2 + 2);
}
