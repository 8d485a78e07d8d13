//! Per-process copying garbage collection (Cheney's algorithm).
//!
//! # What a collection does
//! `Heap::collect(roots)` copies every object reachable from `roots` out of
//! the heap's chunks (from-space) into one fresh chunk (to-space), rewrites the
//! roots to the new addresses, and frees the old chunks. Only this process's
//! heap is touched: no other process stops.
//!
//! - **What may move:** every object in the heap's chunks. Terms pointing
//!   elsewhere (the literal area) are left as they are.
//! - **Roots:** the slices handed to `collect` (the interpreter passes the
//!   live part of the register stack and the mailbox). Any `Term` held
//!   elsewhere is invalid after a collection.
//! - **Debug builds** overwrite the old chunks with a poison pattern after a
//!   collection, so a stale pointer shows up as a crash in tests rather than
//!   as a silently correct read of freed memory.
//! - **Who triggers it:** only `Heap::collect`, called from the interpreter's
//!   safe points (calls, receive). Allocation never collects (heap.rs,
//!   invariant 3), so a BIF can hold terms in locals safely.
//!
//! Forwarding: a moved boxed object's header word is overwritten by the boxed
//! pointer to its copy; a moved cons cell's head is overwritten by the
//! `FORWARD` header word and its tail by the cons pointer to the copy. Neither
//! pattern can occur in a live object (headers never appear as list elements,
//! and header slots never hold pointers).
//!
//! The scan is iterative (Cheney's scan pointer over to-space), so a list of
//! millions of cells needs no recursion.

use crate::heap::{Chunk, Heap};
use crate::term::{Header, Term, FORWARD};

/// What debug builds write over freed heap words: a header word of an
/// impossible kind with a huge size, so reading it as a term or header fails fast.
const POISON: u64 = 0xDEAD_BEEF_DEAD_BEF6;

/// Heaps with less live data than this (in words, 256 KiB) free their old
/// chunks after a collection instead of keeping them as spares. A guess.
const MIN_SPARE_LIVE_WORDS: usize = 1 << 15;

struct FromSpace {
    /// Sorted (start, end) address ranges of the old chunks.
    ranges: Vec<(usize, usize)>,
}

impl FromSpace {
    #[inline]
    fn contains(&self, p: *const u64) -> bool {
        let a = p as usize;
        // Few chunks: a linear scan beats a binary search's branches.
        if self.ranges.len() <= 8 {
            return self.ranges.iter().any(|&(s, e)| a >= s && a < e);
        }
        match self.ranges.binary_search_by(|&(s, _)| s.cmp(&a)) {
            Ok(_) => true,
            Err(0) => false,
            Err(i) => a < self.ranges[i - 1].1,
        }
    }
}

struct ToSpace {
    base: *mut u64,
    top: usize,
}

impl ToSpace {
    #[inline]
    fn bump(&mut self, n: usize) -> *mut u64 {
        // SAFETY: to-space is as large as all of from-space's used words, and
        // each from-space word is copied at most once, so `top + n` stays in bounds.
        let p = unsafe { self.base.add(self.top) };
        self.top += n;
        p
    }
}

impl Heap {
    /// Collects garbage, keeping what `roots` reach. See the module docs.
    pub fn collect(&mut self, roots: &mut [&mut [Term]]) {
        let used = self.used_words();
        if used == 0 {
            self.since_gc = 0;
            return;
        }
        let mut ranges: Vec<(usize, usize)> = self
            .chunks
            .iter()
            .map(|c| (c.start() as usize, c.start() as usize + c.used * 8))
            .collect();
        ranges.sort_unstable();
        let from = FromSpace { ranges };
        // Leave room for the allocation that follows: the chunk keeps its
        // unused tail as the new allocation area.
        let mut chunk = match self.take_spare(used + 64) {
            Some(s) => s,
            None => Chunk::new(used + 64),
        };
        let mut to = ToSpace {
            base: chunk.mem.as_mut_ptr() as *mut u64,
            top: 0,
        };

        for set in roots.iter_mut() {
            for t in set.iter_mut() {
                *t = evacuate(*t, &from, &mut to);
            }
        }
        // Cheney scan: everything between `scan` and `to.top` is copied but
        // not yet scanned.
        let mut scan = 0;
        while scan < to.top {
            // SAFETY: `scan < top`, inside to-space, and every word below
            // `top` was written by `evacuate`.
            let w = unsafe { *to.base.add(scan) };
            if let Some(skip) = Header::scan_skip(w) {
                // A payload of terms is scanned next, word by word.
                scan += skip;
            } else {
                let t = evacuate(Term(w), &from, &mut to);
                // SAFETY: as above.
                unsafe { to.base.add(scan).write(t.0) };
                scan += 1;
            }
        }
        // Off-heap binaries (heap.rs, invariant 5): a moved object's header
        // slot holds its new address; one not moved is dead.
        let old_bins = std::mem::take(&mut self.offheap);
        self.offheap_bytes = 0;
        for p in old_bins {
            // SAFETY: `p` is a REF_BIN object in from-space, still readable.
            let w = unsafe { *p };
            if Header::is_header_word(w) {
                // SAFETY: dead, and no longer listed: give its count back.
                unsafe { crate::heap::release_refc(p) };
            } else {
                // SAFETY: the moved object's third word is its length.
                self.offheap_bytes += unsafe { *p.add(2) } as usize;
                self.offheap.push(Term(w).ptr());
            }
        }
        chunk.used = to.top;
        self.live_after_gc = to.top;
        self.since_gc = 0;
        self.update_gc_limit();
        self.collections += 1;
        // Keep old chunks for reuse, up to what the next cycle will allocate
        // (the largest first); free the rest.
        let mut old = std::mem::take(&mut self.chunks);
        if cfg!(debug_assertions) {
            for c in old.iter_mut() {
                for w in c.mem[..c.used].iter_mut() {
                    *w = std::mem::MaybeUninit::new(POISON);
                }
            }
        }
        old.append(&mut self.spare);
        old.sort_by_key(|c| std::cmp::Reverse(c.mem.len()));
        // Small heaps (most processes) keep nothing: memory per process matters more there.
        let mut budget = if self.live_after_gc >= MIN_SPARE_LIVE_WORDS {
            self.gc_limit + used
        } else {
            0
        };
        for mut c in old {
            if c.mem.len() <= budget {
                budget -= c.mem.len();
                c.used = 0;
                self.spare.push(c);
            }
        }
        self.chunks.push(chunk);
        if self.account.is_some() {
            // Counted afresh: a process over the VM's memory only by its
            // garbage is not over any more.
            if self.over_memory {
                self.over_memory = false;
                self.over_max = false;
            }
            self.recharge();
        }
    }
}

/// Returns the new location of `t`, copying its object if not done yet.
#[inline]
fn evacuate(t: Term, from: &FromSpace, to: &mut ToSpace) -> Term {
    if !t.is_pointer() {
        return t;
    }
    let p = t.ptr();
    if !from.contains(p) {
        return t; // literal area
    }
    if t.is_cons() {
        // SAFETY: `p` is a live cons cell in from-space (two words).
        unsafe {
            let head = *p;
            if head == FORWARD {
                return Term(*p.add(1));
            }
            let q = to.bump(2);
            q.write(head);
            q.add(1).write(*p.add(1));
            let new = Term::cons_from_ptr(q);
            p.write(FORWARD);
            p.add(1).write(new.0);
            new
        }
    } else {
        // SAFETY: `p` is a live boxed object in from-space: a header then
        // `payload_words` words, or an already-forwarded header slot.
        unsafe {
            let w = *p;
            if !Header::is_header_word(w) {
                return Term(w); // forwarded: the slot holds the new boxed pointer
            }
            let n = 1 + Header(w).payload_words();
            let q = to.bump(n);
            std::ptr::copy_nonoverlapping(p, q, n);
            let new = Term::boxed_from_ptr(q);
            p.write(new.0);
            new
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atom;

    #[test]
    fn collection_keeps_reachable_and_drops_garbage() {
        let mut h = Heap::new();
        for i in 0..1000 {
            h.tuple(&[Term::small(i)]); // garbage
        }
        let b = h.binary(b"kept");
        let l = h.list(&[Term::small(1), b, atom::OK]);
        let mut roots = [l];
        h.collect(&mut [&mut roots]);
        let l = roots[0];
        assert_eq!(l.head(), Term::small(1));
        assert_eq!(l.tail().head().binary_bytes().unwrap(), b"kept");
        assert_eq!(l.tail().tail().head(), atom::OK);
        assert_eq!(h.used_words(), 6 + 2);
    }

    #[test]
    fn sharing_is_preserved() {
        let mut h = Heap::new();
        let shared = h.tuple(&[Term::small(7)]);
        let a = h.tuple(&[shared, shared]);
        let mut roots = [a, shared];
        h.collect(&mut [&mut roots]);
        let e = roots[0].tuple_elems().unwrap();
        assert_eq!(e[0], e[1]);
        assert_eq!(e[0], roots[1]);
    }

    #[test]
    fn long_lists_collect_without_recursion() {
        let mut h = Heap::new();
        let mut l = Term::NIL;
        for i in 0..1_000_000 {
            l = h.cons(Term::small(i), l);
        }
        let mut roots = [l];
        h.collect(&mut [&mut roots]);
        let mut n = 0;
        let mut t = roots[0];
        while let Some((_, tl)) = t.cons_parts() {
            n += 1;
            t = tl;
        }
        assert_eq!(n, 1_000_000);
    }
}
