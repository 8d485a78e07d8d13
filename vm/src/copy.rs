//! Deep copy of terms out of a heap: messages, spawn arguments, exit reasons.
//!
//! A term that leaves its process is copied into a [`Msg`]: the term plus a
//! *fragment*, one chunk of memory that holds every object the term reaches in
//! the sender's heap, copied. The fragment travels with the message (to another
//! thread, if need be) and the receiver [`Heap::adopt`]s it: the chunk joins the
//! receiver's heap as it is, so no second copy happens until the receiver's next
//! collection moves the live part out (as the BEAM's heap fragments do).
//!
//! - Objects in the literal area (which lives as long as the code table and is
//!   immutable) are not copied: the message shares them. The area grows as
//!   code is loaded; a copy made with an area from before the load that
//!   brought a literal copies that literal like any term, which is correct,
//!   only slower (see `CodeTable::with_literals`). Every other object a
//!   process reaches is in its own heap (heap.rs, invariant 1), so "not a
//!   literal" is "the sender's", a test that stays cheap however many chunks
//!   (adopted fragments) the sender's heap has.
//! - Sharing inside the term is not preserved: a subterm reached twice is copied
//!   twice, as on the BEAM. The copy is sized first, so it never reallocates.
//! - An off-heap binary (REF_BIN, term.rs) is not copied: the fragment gets
//!   a 3-word object holding one more reference to the same bytes, listed in
//!   the message's `bins`; adopting the message hands the list to the heap,
//!   dropping it unadopted gives the references back (heap.rs, invariant 5).
//! - Both passes are iterative (an explicit stack, and Cheney's scan over the
//!   fragment), so a list of millions of cells copies without recursion.

use crate::heap::{Chunk, Heap};
use crate::term::{Header, Term};

/// Fragments up to this size are copied into the receiver's heap on adoption
/// rather than kept as chunks of their own.
const ABSORB_WORDS: usize = 64;

/// What an adopted fragment counts for, beyond its words, toward the next collection.
const FRAGMENT_OVERHEAD_WORDS: usize = 8;

/// The address ranges of the literal area, sorted.
#[derive(Default, Clone, Debug)]
pub struct LiteralArea {
    ranges: Vec<(usize, usize)>,
    /// The lowest start and highest end of `ranges`: most pointers fall outside.
    lo: usize,
    hi: usize,
}

impl LiteralArea {
    /// This area and `heap`'s chunks (a unit's literals, frozen: only their
    /// used words count; empty chunks add nothing).
    pub fn adding(&self, heap: &Heap) -> LiteralArea {
        let mut ranges = self.ranges.clone();
        ranges.extend(
            heap.chunks
                .iter()
                .filter(|c| c.used > 0)
                .map(|c| (c.start() as usize, c.start() as usize + c.used * 8)),
        );
        ranges.sort_unstable();
        let lo = ranges.first().map_or(0, |r| r.0);
        let hi = ranges.iter().map(|r| r.1).max().unwrap_or(0);
        LiteralArea { ranges, lo, hi }
    }

    #[inline]
    fn contains(&self, p: *const u64) -> bool {
        let a = p as usize;
        if a < self.lo || a >= self.hi {
            return false;
        }
        match self.ranges.binary_search_by(|&(s, _)| s.cmp(&a)) {
            Ok(_) => true,
            Err(0) => false,
            Err(i) => a < self.ranges[i - 1].1,
        }
    }

    /// Whether `t` is a boxed term or list in the literal area.
    pub fn is_literal(&self, t: Term) -> bool {
        t.is_pointer() && self.contains(t.ptr())
    }

    /// Whether `t` points to an object a copy must take along.
    #[inline]
    fn owns_not(&self, t: Term) -> bool {
        !t.is_pointer() || self.contains(t.ptr())
    }
}

/// A term that lives outside any process heap, ready to be adopted by one.
pub struct Msg {
    term: Term,
    frag: Option<Chunk>,
    /// The REF_BIN objects in `frag`, each owning one strong count.
    bins: Vec<*mut u64>,
}

impl Drop for Msg {
    fn drop(&mut self) {
        for p in self.bins.drain(..) {
            // SAFETY: each listed object is in `frag` (still alive here) and
            // owns its count; adoption empties the list first.
            unsafe { crate::heap::release_refc(p) };
        }
    }
}

// SAFETY: the pointers inside `term` lead into `frag`, which the message owns,
// or into the immutable literal area, which outlives every message; so a
// message may move to another thread.
unsafe impl Send for Msg {}

impl Msg {
    /// A message made of an immediate term (an atom, a small integer, a pid).
    pub fn imm(t: Term) -> Msg {
        debug_assert!(!t.is_pointer());
        Msg {
            term: t,
            frag: None,
            bins: Vec::new(),
        }
    }

    /// Copies `t`, a term of some process's heap (or an immediate or a literal).
    pub fn copy(lits: &LiteralArea, t: Term) -> Msg {
        if lits.owns_not(t) {
            return Msg {
                term: t,
                frag: None,
                bins: Vec::new(),
            };
        }
        let words = size_in(lits, t);
        let mut chunk = Chunk::new(words);
        let base = chunk.mem.as_mut_ptr() as *mut u64;
        let mut top = 0usize;
        let mut bins = Vec::new();
        let root = shallow_copy(lits, t, base, &mut top, &mut bins);
        // Cheney scan: copy what the copied objects point to, rewriting them.
        let mut scan = 0;
        while scan < top {
            // SAFETY: `scan < top <= words`, and every word below `top` was written.
            let w = unsafe { *base.add(scan) };
            if let Some(skip) = Header::scan_skip(w) {
                scan += skip;
            } else {
                let nt = shallow_copy(lits, Term(w), base, &mut top, &mut bins);
                // SAFETY: as above.
                unsafe { base.add(scan).write(nt.0) };
                scan += 1;
            }
        }
        debug_assert_eq!(top, words);
        chunk.used = top;
        Msg {
            term: root,
            frag: Some(chunk),
            bins,
        }
    }

    /// Words the fragment holds.
    pub fn words(&self) -> usize {
        self.frag.as_ref().map_or(0, |c| c.used)
    }

    /// The term, for reading only while the message is alive (e.g. to test
    /// whether it is an atom). Do not store it anywhere.
    pub fn peek(&self) -> Term {
        self.term
    }
}

impl Heap {
    /// Takes `m`'s fragment into this heap and returns its term, now valid here.
    pub fn adopt(&mut self, mut m: Msg) -> Term {
        let bins = std::mem::take(&mut m.bins);
        for &p in &bins {
            // SAFETY: a REF_BIN object in the fragment; its bytes count
            // toward the next collection here (heap.rs, `refc_binary`).
            let len = unsafe { *p.add(2) } as usize;
            self.since_gc += len / 8;
            self.offheap_bytes += len;
        }
        if let Some(c) = m.frag.as_ref().filter(|c| c.used <= ABSORB_WORDS) {
            let (root, delta) = self.absorb(c, m.term);
            self.offheap.extend(
                bins.iter()
                    .map(|p| (*p as usize).wrapping_add(delta) as *mut u64),
            );
            if self.account.is_some() && !bins.is_empty() {
                self.recharge();
            }
            return root;
        }
        self.offheap.extend(bins);
        if let Some(c) = m.frag.take() {
            // Each fragment also costs a chunk's bookkeeping: count it, so
            // that many small messages bring the next collection closer.
            self.since_gc += c.used + FRAGMENT_OVERHEAD_WORDS;
            self.chunks.push(c);
            // Keep the allocation chunk last: the fragment is full.
            let n = self.chunks.len();
            if n >= 2 {
                self.chunks.swap(n - 1, n - 2);
            }
        }
        if self.account.is_some() {
            self.recharge();
        }
        m.term
    }
}

impl Heap {
    /// Copies a small fragment into this heap's allocation area (then the
    /// fragment is freed): cheaper than keeping a chunk for a few words.
    /// Returns the root, moved, and how far the words moved (in bytes).
    fn absorb(&mut self, c: &Chunk, root: Term) -> (Term, usize) {
        let n = c.used;
        let src = c.start();
        let (lo, hi) = (src as usize, src as usize + n * 8);
        let dst = self.alloc(n);
        let delta = (dst as usize).wrapping_sub(lo);
        let moved = |t: Term| -> Term {
            if t.is_pointer() && (lo..hi).contains(&(t.ptr() as usize)) {
                Term(t.0.wrapping_add(delta as u64))
            } else {
                t
            }
        };
        // SAFETY: `dst` has room for `n` words (just allocated); `src` holds
        // `n` initialized words; the two do not overlap.
        unsafe { std::ptr::copy_nonoverlapping(src, dst, n) };
        let mut i = 0;
        while i < n {
            // SAFETY: `i < n`: inside the words just copied.
            let w = unsafe { *dst.add(i) };
            if let Some(skip) = Header::scan_skip(w) {
                i += skip;
            } else {
                // SAFETY: as above.
                unsafe { dst.add(i).write(moved(Term(w)).0) };
                i += 1;
            }
        }
        (moved(root), delta)
    }
}

/// Words a copy of `t` takes (literals excepted, shared objects counted each time).
fn size_in(lits: &LiteralArea, t: Term) -> usize {
    let mut words = 0;
    let mut stack = vec![t];
    while let Some(mut t) = stack.pop() {
        // Walk lists along their tails without growing the stack.
        loop {
            if lits.owns_not(t) {
                break;
            }
            if t.is_cons() {
                words += 2;
                let (h, tl) = t.cons_parts().expect("a cons cell");
                stack.push(h);
                t = tl;
                continue;
            }
            let h = t.header();
            words += 1 + h.payload_words();
            if h.payload_is_terms() {
                for i in 0..h.payload_words() {
                    let x = Term(t.payload(i));
                    // Immediates (most tuple elements) need no visit.
                    if x.is_pointer() {
                        stack.push(x);
                    }
                }
            }
            break;
        }
    }
    words
}

/// Copies the object `t` points to (one level) to `base + top`, or returns
/// `t` when it needs no copy.
#[inline]
fn shallow_copy(
    lits: &LiteralArea,
    t: Term,
    base: *mut u64,
    top: &mut usize,
    bins: &mut Vec<*mut u64>,
) -> Term {
    if lits.owns_not(t) {
        return t;
    }
    let p = t.ptr();
    let n = if t.is_cons() {
        2
    } else {
        1 + t.header().payload_words()
    };
    // SAFETY: `p` is a live object of `n` words in `heap`; `size_in` counted
    // this copy, so `top + n` stays inside the fragment, which is not `heap`.
    let q = unsafe {
        let q = base.add(*top);
        std::ptr::copy_nonoverlapping(p, q, n);
        q
    };
    *top += n;
    if t.is_cons() {
        Term::cons_from_ptr(q)
    } else {
        if t.header().kind() == crate::term::HeaderKind::RefBin {
            // SAFETY: `p` is a live REF_BIN; the copy at `q` owns the new count.
            unsafe { crate::heap::retain_refc(p) };
            bins.push(q);
        }
        Term::boxed_from_ptr(q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atom;

    #[test]
    fn copies_into_another_heap() {
        let mut a = Heap::new();
        let s = a.str("hello");
        let f = a.float(1.5);
        let t = a.tuple(&[s, f, atom::OK]);
        let l = a.list(&[t, t, Term::small(3)]);
        let m = Msg::copy(&LiteralArea::default(), l);
        // 3 cons cells (6) + the tuple twice (4 + string 2 + float 2, twice: 16).
        assert_eq!(m.words(), 22);
        drop(a);
        let mut b = Heap::new();
        let l2 = b.adopt(m);
        let items: Vec<Term> = std::iter::successors(Some(l2), |t| t.cons_parts().map(|c| c.1))
            .filter_map(|t| t.cons_parts().map(|c| c.0))
            .collect();
        assert_eq!(items.len(), 3);
        let e = items[0].tuple_elems().unwrap();
        assert_eq!(e[0].binary_bytes().unwrap(), b"hello");
        assert_eq!(e[1].float_value(), Some(1.5));
        assert_eq!(items[2], Term::small(3));
        // The adopted fragment survives the receiver's collection.
        let mut roots = [l2];
        b.collect(&mut [&mut roots]);
        assert_eq!(
            roots[0].head().tuple_elems().unwrap()[0].binary_bytes(),
            Some(&b"hello"[..])
        );
    }

    /// The strong count of the bytes of the REF_BIN `t`.
    fn refs(t: Term) -> usize {
        let (data, len) = (t.payload(0) as *const u8, t.payload(1) as usize);
        // SAFETY: `t` is a live REF_BIN (it owns a count); the Arc is
        // rebuilt only to read its count, then given back untouched.
        unsafe {
            let a = std::sync::Arc::from_raw(std::ptr::slice_from_raw_parts(data, len));
            let n = std::sync::Arc::strong_count(&a);
            let _ = std::sync::Arc::into_raw(a);
            n
        }
    }

    #[test]
    fn off_heap_binaries_are_shared_and_given_back() {
        let long = vec![7u8; 1000];
        let mut a = Heap::new();
        let b = a.binary(&long);
        assert_eq!(refs(b), 1);
        let t = a.tuple(&[b, b]);
        // Two messages: one adopted (big enough to stay a fragment), one
        // absorbed (small), one dropped unadopted.
        let pad: Vec<Term> = (0..100).map(Term::small).collect();
        let padded = a.tuple(&pad);
        let big = a.tuple(&[t, padded]);
        let m1 = Msg::copy(&LiteralArea::default(), big);
        let m2 = Msg::copy(&LiteralArea::default(), b);
        let m3 = Msg::copy(&LiteralArea::default(), t);
        // The copy of `t` copies the shared binary twice, as on the BEAM.
        assert_eq!(refs(b), 1 + 2 + 1 + 2);
        drop(m3);
        assert_eq!(refs(b), 1 + 2 + 1);
        let mut r = Heap::new();
        let x = r.adopt(m1);
        let y = r.adopt(m2);
        assert_eq!(r.offheap.len(), 3);
        let mut roots = [y];
        r.collect(&mut [&mut roots]);
        // Only `y`'s object survived the receiver's collection.
        assert_eq!(r.offheap.len(), 1);
        assert_eq!(refs(b), 2);
        assert_eq!(roots[0].binary_bytes(), Some(&long[..]));
        let _ = x;
        drop(r);
        assert_eq!(refs(b), 1);
        let mut roots = [b];
        a.collect(&mut [&mut roots]);
        assert_eq!(refs(roots[0]), 1);
        assert_eq!(roots[0].binary_bytes(), Some(&long[..]));
    }

    #[test]
    fn immediates_need_no_fragment() {
        let m = Msg::copy(&LiteralArea::default(), atom::OK);
        assert_eq!(m.words(), 0);
        assert_eq!(m.peek(), atom::OK);
    }

    #[test]
    fn long_lists_copy_without_recursion() {
        let mut h = Heap::new();
        let mut l = Term::NIL;
        for i in 0..500_000 {
            l = h.cons(Term::small(i), l);
        }
        let m = Msg::copy(&LiteralArea::default(), l);
        assert_eq!(m.words(), 1_000_000);
    }
}
