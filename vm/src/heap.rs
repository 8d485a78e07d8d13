//! Process heaps: bump allocation in a list of chunks.
//!
//! # Invariants
//! 1. Every object a process can reach lives in one of its heap's chunks or in
//!    the literal area (a `Heap` owned by the code table that is never
//!    collected and lives as long as the VM).
//! 2. Chunks never move or shrink while they exist; a collection replaces the
//!    whole chunk list by one fresh chunk (see `gc.rs`).
//! 3. Allocation never collects. A collection runs only at a *safe point*
//!    (`Heap::collect`, called by the interpreter at calls and receives) where
//!    every live term of the process is in its roots. So Rust code may hold
//!    `Term`s in locals across any number of allocations.
//! 4. Objects are immutable once built (the builders below fill every word
//!    before returning the term), but for the spare room of a GROW_BIN,
//!    which `append_in_place` fills past the end of every view of it
//!    (term.rs).
//! 5. Off-heap binaries: every REF_BIN object in this heap's chunks is
//!    listed in `offheap` exactly once and owns one strong count of its
//!    `Arc<[u8]>`. A collection keeps the entries of the objects it moved
//!    (at their new place) and gives back the counts of the others
//!    (gc.rs); dropping the heap gives back all. A message fragment keeps
//!    its own list (copy.rs), which joins the heap's on adoption.
//! 6. Memory accounting (`MemAccount`, for a host's total memory limit): a
//!    heap with an account has charged it exactly `charged` bytes, its
//!    footprint when last counted (chunks and spare chunks reserved, the
//!    register stack, the bytes of the off-heap binaries it lists); dropping
//!    the heap gives them back.

use crate::term::{Header, HeaderKind, Term};
use num_bigint::{BigInt, Sign};
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Smallest chunk, in words. A fresh process allocates nothing until its
/// first allocation; this keeps idle processes small (guess, to be tuned).
const MIN_CHUNK_WORDS: usize = 32;
/// Chunks grow with the heap up to this size (8 MiB), then stay there.
const MAX_CHUNK_WORDS: usize = 1 << 20;
/// No collection before this many words were allocated since the last one
/// (2 KiB, about the BEAM's first heap); above it, a collection when allocation since the last one
/// exceeds three times the live data. Small, so that a million small
/// processes stay small (ring, spawn_many); collecting a small heap is cheap.
const MIN_GC_WORDS: usize = 1 << 8;
/// A part of a binary this short (in bytes) is copied rather than made a
/// sub-binary (which takes four words and keeps the whole base alive).
const SHORT_SUB_BYTES: u64 = 24;
/// Binaries longer than this (in bytes) live off the heap, shared by
/// reference count (REF_BIN, term.rs), as the BEAM's above 64 bytes.
pub const REFC_MIN: usize = 64;

/// Gives back the strong count the REF_BIN object at `p` owns.
///
/// # Safety
/// `p` is a REF_BIN object that owns its count (listed in a heap's or a
/// message's `offheap`, and removed from it by this call's caller).
pub(crate) unsafe fn release_refc(p: *const u64) {
    // SAFETY: per the contract, words 1 and 2 are the data pointer and
    // length `Arc::into_raw` gave for an `Arc<[u8]>` whose count we own.
    unsafe {
        let data = *p.add(1) as *const u8;
        let len = *p.add(2) as usize;
        drop(std::sync::Arc::from_raw(std::ptr::slice_from_raw_parts(
            data, len,
        )));
    }
}

/// Takes one more strong count for the REF_BIN object at `p` (its copy
/// will own it).
///
/// # Safety
/// `p` is a live REF_BIN object.
pub(crate) unsafe fn retain_refc(p: *const u64) {
    // SAFETY: as for `release_refc`; the count `p` owns keeps the Arc alive.
    unsafe {
        let data = *p.add(1) as *const u8;
        let len = *p.add(2) as usize;
        std::sync::Arc::increment_strong_count(std::ptr::slice_from_raw_parts(data, len));
    }
}

pub(crate) struct Chunk {
    pub(crate) mem: Box<[MaybeUninit<u64>]>,
    /// Words used from the start of `mem`.
    pub(crate) used: usize,
}

impl Chunk {
    pub(crate) fn new(words: usize) -> Chunk {
        Chunk {
            mem: Box::new_uninit_slice(words),
            used: 0,
        }
    }
    pub(crate) fn start(&self) -> *const u64 {
        self.mem.as_ptr() as *const u64
    }
}

pub struct Heap {
    pub(crate) chunks: Vec<Chunk>,
    /// Chunks kept from the last collection's from-space for reuse (at most
    /// about one collection cycle's worth of allocation), so a busy heap does
    /// not fault in fresh memory after every collection.
    pub(crate) spare: Vec<Chunk>,
    /// Words allocated since the last collection.
    pub(crate) since_gc: usize,
    /// Words live after the last collection.
    pub(crate) live_after_gc: usize,
    /// Collect at every safe point (for tests: when a collection happens must never show).
    pub(crate) gc_always: bool,
    /// `since_gc` above this means a safe point should collect (kept up to date by `collect`).
    pub(crate) gc_limit: usize,
    pub(crate) collections: u64,
    /// The REF_BIN objects in the chunks (invariant 5).
    pub(crate) offheap: Vec<*mut u64>,
    /// The process's `max_heap_size` (0: none), checked after each
    /// collection only, so allocation pays nothing for it.
    pub max: MaxHeap,
    /// Set by a collection that left more than `max.words` live words
    /// (stack included), or a stack grown past it: the scheduler reports
    /// it (and kills the process) at the end of the slice.
    pub over_max: bool,
    /// The VM's memory account (invariant 6), when the host limits it.
    pub(crate) account: Option<Arc<MemAccount>>,
    /// Bytes charged to `account` (invariant 6).
    charged: usize,
    /// Bytes of the off-heap binaries listed in `offheap`.
    pub(crate) offheap_bytes: usize,
    /// Words of the owning process's register stack, as last told (`recharge`).
    stack_words: usize,
    /// Set with `over_max` when charging pushed the VM's memory past its
    /// limit: the scheduler kills the process at the end of the slice.
    pub over_memory: bool,
}

/// The memory a VM's processes hold, against the host's limit
/// (`beamlet::Limits::max_memory`): each process heap charges its chunks,
/// its register stack and the off-heap binaries it refers to (a binary
/// shared by several processes counts in each, as the BEAM's binary
/// virtual heaps do). Heaps charge when they grow (a new chunk, a large
/// binary, a longer stack) and recount after each collection, so the
/// check costs allocation nothing on its fast path.
#[derive(Debug)]
pub struct MemAccount {
    used: AtomicUsize,
    limit: usize,
    /// Heaps charging this account.
    heaps: AtomicUsize,
}

impl MemAccount {
    /// An account allowing `limit` bytes.
    pub fn new(limit: usize) -> MemAccount {
        MemAccount {
            used: AtomicUsize::new(0),
            limit,
            heaps: AtomicUsize::new(0),
        }
    }

    /// Bytes charged now.
    pub fn used(&self) -> usize {
        self.used.load(Ordering::Relaxed)
    }

    /// The limit, in bytes.
    pub fn limit(&self) -> usize {
        self.limit
    }
}

/// A process's `max_heap_size` flag, as `Process.flag(:max_heap_size, ...)`
/// sets it: `words` (0: no limit), whether to kill, whether to report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaxHeap {
    pub words: usize,
    pub kill: bool,
    pub error_logger: bool,
}

impl Default for MaxHeap {
    fn default() -> Self {
        MaxHeap {
            words: 0,
            kill: true,
            error_logger: true,
        }
    }
}

// SAFETY: a heap exclusively owns its chunks; the raw pointers inside terms
// stored in it point into those chunks or into the immutable literal area,
// so moving the heap (with its process) to another thread is sound.
unsafe impl Send for Heap {}

impl Drop for Heap {
    fn drop(&mut self) {
        self.close_account();
        for p in self.offheap.drain(..) {
            // SAFETY: invariant 5: each listed object owns its count, and
            // the chunks holding it are still alive (dropped after this).
            unsafe { release_refc(p) };
        }
    }
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        Heap {
            chunks: Vec::new(),
            spare: Vec::new(),
            since_gc: 0,
            live_after_gc: 0,
            gc_always: false,
            gc_limit: MIN_GC_WORDS,
            collections: 0,
            offheap: Vec::new(),
            max: MaxHeap::default(),
            over_max: false,
            account: None,
            charged: 0,
            offheap_bytes: 0,
            stack_words: 0,
            over_memory: false,
        }
    }

    /// Charges this heap's memory to `account` from now on (invariant 6).
    pub fn set_account(&mut self, account: Option<Arc<MemAccount>>) {
        self.uncharge();
        if let Some(old) = self.account.take() {
            old.heaps.fetch_sub(1, Ordering::Relaxed);
        }
        if let Some(new) = &account {
            new.heaps.fetch_add(1, Ordering::Relaxed);
        }
        self.account = account;
        self.recharge();
    }

    /// Counts this heap's footprint again and charges the difference to
    /// its account, if any. Past the account's limit, sets `over_memory`
    /// (and `over_max`, which ends the time slice) and returns true, if
    /// this heap holds at least an average share of the total, or the total
    /// is a quarter over the limit: a small process that happens to grow
    /// while large ones hold the memory is spared, within that margin.
    pub(crate) fn recharge(&mut self) -> bool {
        let Some(acc) = &self.account else {
            return false;
        };
        let reserved: usize = self
            .chunks
            .iter()
            .chain(self.spare.iter())
            .map(|c| c.mem.len())
            .sum();
        let now = 8 * (reserved + self.stack_words) + self.offheap_bytes;
        let total = if now >= self.charged {
            acc.used.fetch_add(now - self.charged, Ordering::Relaxed) + (now - self.charged)
        } else {
            acc.used.fetch_sub(self.charged - now, Ordering::Relaxed) - (self.charged - now)
        };
        self.charged = now;
        let heaps = acc.heaps.load(Ordering::Relaxed).max(1);
        if total > acc.limit
            && (now.saturating_mul(heaps) >= total || total - acc.limit > acc.limit / 4)
        {
            self.over_memory = true;
            self.over_max = true;
            // Collect at the next safe point: the garbage may be what is over.
            self.gc_limit = 0;
            return true;
        }
        false
    }

    /// Tells the heap how long its process's register stack is now (it
    /// counts in the footprint) and recharges if that changed (a
    /// collection has just recharged the rest); true when the heap is
    /// over the VM's memory limit.
    pub fn set_stack_words(&mut self, words: usize) -> bool {
        if words == self.stack_words {
            return self.over_memory;
        }
        self.stack_words = words;
        self.recharge()
    }

    /// Gives back everything charged (invariant 6).
    fn uncharge(&mut self) {
        if let Some(acc) = &self.account {
            acc.used.fetch_sub(self.charged, Ordering::Relaxed);
        }
        self.charged = 0;
    }

    /// Leaves the account for good (the heap is dropped).
    fn close_account(&mut self) {
        self.uncharge();
        if let Some(acc) = self.account.take() {
            acc.heaps.fetch_sub(1, Ordering::Relaxed);
        }
    }

    /// Takes over `other`'s objects at the addresses they have: its chunks
    /// and off-heap binaries become this heap's, so terms pointing into
    /// `other` stay valid. For heaps built apart and then joined (a unit's
    /// literals when its functions compile on two threads: codegen's
    /// `UnitBuilder::absorb`); `other`'s memory is charged to this heap's
    /// account, if any, from now on.
    pub fn join(&mut self, mut other: Heap) {
        other.close_account();
        self.chunks.append(&mut other.chunks);
        self.offheap.append(&mut other.offheap);
        self.offheap_bytes += std::mem::take(&mut other.offheap_bytes);
        self.since_gc += other.since_gc;
        self.recharge();
    }

    /// Total words in use over all chunks.
    pub fn used_words(&self) -> usize {
        self.chunks.iter().map(|c| c.used).sum()
    }

    /// Total words reserved (used or not).
    pub fn capacity_words(&self) -> usize {
        self.chunks.iter().map(|c| c.mem.len()).sum()
    }

    pub fn collections(&self) -> u64 {
        self.collections
    }

    /// Whether a safe point should collect now.
    #[inline]
    pub fn wants_gc(&self) -> bool {
        self.since_gc > self.gc_limit
    }

    /// Collect at every safe point that follows an allocation (tests).
    pub fn set_gc_always(&mut self, on: bool) {
        self.gc_always = on;
        self.update_gc_limit();
    }

    pub(crate) fn update_gc_limit(&mut self) {
        self.gc_limit = if self.gc_always {
            0
        } else {
            MIN_GC_WORDS.max(3 * self.live_after_gc)
        };
    }

    /// Counts what the heap holds so far as live data, as if a collection had
    /// just kept it: for a fresh heap filled with a call's arguments (all of
    /// them live), so that the first safe point does not copy them all at
    /// once for no garbage (a nested call's `__CALLER__` and quoted
    /// arguments are thousands of words, far above [`MIN_GC_WORDS`]).
    pub(crate) fn count_as_live(&mut self) {
        self.live_after_gc += self.since_gc;
        self.since_gc = 0;
        self.update_gc_limit();
    }

    /// Let at least `words` words be allocated before the next collection
    /// (the collector scans that many roots: collecting more often would cost
    /// time proportional to the roots for little garbage).
    pub fn at_least_before_gc(&mut self, words: usize) {
        if !self.gc_always {
            self.gc_limit = self.gc_limit.max(words);
        }
    }

    /// Reserves `n` words and returns their address. The caller must write
    /// all `n` words before the next safe point.
    #[inline]
    pub(crate) fn alloc(&mut self, n: usize) -> *mut u64 {
        self.since_gc += n;
        if let Some(c) = self.chunks.last_mut() {
            if c.used + n <= c.mem.len() {
                // SAFETY: `used + n <= len`, so the range is inside the chunk.
                let p = unsafe { (c.mem.as_mut_ptr() as *mut u64).add(c.used) };
                c.used += n;
                return p;
            }
        }
        self.alloc_slow(n)
    }

    /// The smallest spare chunk of at least `n` words, if any.
    pub(crate) fn take_spare(&mut self, n: usize) -> Option<Chunk> {
        let i = self
            .spare
            .iter()
            .enumerate()
            .filter(|(_, c)| c.mem.len() >= n)
            .min_by_key(|(_, c)| c.mem.len())?
            .0;
        let mut c = self.spare.swap_remove(i);
        c.used = 0;
        Some(c)
    }

    #[cold]
    fn alloc_slow(&mut self, n: usize) -> *mut u64 {
        let grow = self
            .capacity_words()
            .clamp(MIN_CHUNK_WORDS, MAX_CHUNK_WORDS);
        let mut c = match self.take_spare(n) {
            Some(s) => s,
            None => Chunk::new(grow.max(n)),
        };
        c.used = n;
        let p = c.mem.as_mut_ptr() as *mut u64;
        self.chunks.push(c);
        self.recharge();
        p
    }

    // ---- builders ----

    pub fn tuple(&mut self, elems: &[Term]) -> Term {
        let p = self.alloc(1 + elems.len());
        // SAFETY: `alloc` returned 1 + len writable words.
        unsafe {
            p.write(Header::new(HeaderKind::Tuple, elems.len()).0);
            for (i, e) in elems.iter().enumerate() {
                p.add(1 + i).write(e.0);
            }
        }
        Term::boxed_from_ptr(p)
    }

    pub fn cons(&mut self, head: Term, tail: Term) -> Term {
        let p = self.alloc(2);
        // SAFETY: two writable words.
        unsafe {
            p.write(head.0);
            p.add(1).write(tail.0);
        }
        Term::cons_from_ptr(p)
    }

    /// A proper list of `elems` (ending in `tail`).
    pub fn list_with_tail(&mut self, elems: &[Term], tail: Term) -> Term {
        if elems.is_empty() {
            return tail;
        }
        let p = self.alloc(2 * elems.len());
        for (i, e) in elems.iter().enumerate() {
            // SAFETY: 2*len writable words; cell i's tail points at cell i+1,
            // which is inside the same block.
            unsafe {
                p.add(2 * i).write(e.0);
                let t = if i + 1 == elems.len() {
                    tail
                } else {
                    Term::cons_from_ptr(p.add(2 * i + 2))
                };
                p.add(2 * i + 1).write(t.0);
            }
        }
        Term::cons_from_ptr(p)
    }

    pub fn list(&mut self, elems: &[Term]) -> Term {
        self.list_with_tail(elems, Term::NIL)
    }

    pub fn float(&mut self, f: f64) -> Term {
        let p = self.alloc(2);
        // SAFETY: two writable words.
        unsafe {
            p.write(Header::new(HeaderKind::Float, 1).0);
            p.add(1).write(f.to_bits());
        }
        Term::boxed_from_ptr(p)
    }

    /// A binary: in the heap when short, else off the heap (REF_BIN).
    pub fn binary(&mut self, bytes: &[u8]) -> Term {
        if bytes.len() > REFC_MIN {
            return self.refc_binary(bytes);
        }
        let words = bytes.len().div_ceil(8);
        let p = self.alloc(1 + words);
        // SAFETY: 1 + words writable words; the last word is zeroed first so
        // no uninitialised padding bytes remain.
        unsafe {
            p.write(Header::new(HeaderKind::Binary, bytes.len()).0);
            if words > 0 {
                p.add(words).write(0);
            }
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), p.add(1) as *mut u8, bytes.len());
        }
        Term::boxed_from_ptr(p)
    }

    /// A REF_BIN holding a new `Arc<[u8]>` of `bytes` (invariant 5).
    fn refc_binary(&mut self, bytes: &[u8]) -> Term {
        let data: std::sync::Arc<[u8]> = std::sync::Arc::from(bytes);
        let raw = std::sync::Arc::into_raw(data) as *const u8;
        let p = self.alloc(3);
        // SAFETY: three writable words; the object takes over the strong
        // count `into_raw` left, and is listed in `offheap`.
        unsafe {
            p.write(Header::new(HeaderKind::RefBin, 2).0);
            p.add(1).write(raw as u64);
            p.add(2).write(bytes.len() as u64);
        }
        self.offheap.push(p);
        self.offheap_bytes += bytes.len();
        // The bytes count toward the next collection, which is what frees
        // them (as the BEAM's binary virtual heap does).
        self.since_gc += bytes.len() / 8;
        if self.account.is_some() {
            self.recharge();
        }
        Term::boxed_from_ptr(p)
    }

    /// A bitstring of `bits` bits packed in `bytes` (from the first byte's
    /// high bit): a binary when `bits` is a multiple of 8, else a sub-binary
    /// of a binary holding the bytes.
    pub fn bitstring(&mut self, bytes: &[u8], bits: u64) -> Term {
        if bits.is_multiple_of(8) {
            return self.binary(&bytes[..(bits / 8) as usize]);
        }
        let base = self.binary(&bytes[..bits.div_ceil(8) as usize]);
        self.sub_bin_object(base, 0, bits)
    }

    /// The `bits` bits of the bitstring `of` from its bit `off` (in bounds:
    /// the caller checks), sharing `of`'s bytes where the layout allows (see
    /// term.rs on sub-binaries); a short part is copied, as a sub-binary
    /// would take about as much room.
    pub fn sub_binary(&mut self, of: Term, off: u64, bits: u64) -> Term {
        let (base, bytes, base_off, total) = of.bitstring_parts().expect("a bitstring");
        debug_assert!(off + bits <= total);
        if off == 0 && bits == total {
            return of;
        }
        let start = base_off + off;
        if bits.is_multiple_of(8) && (!start.is_multiple_of(8) || bits <= 8 * SHORT_SUB_BYTES) {
            let s = (start / 8) as usize;
            if start.is_multiple_of(8) {
                return self.binary(&bytes[s..s + (bits / 8) as usize]);
            }
            let copied = crate::term::copy_bits(bytes, start, bits);
            return self.binary(&copied);
        }
        self.sub_bin_object(base, start, bits)
    }

    /// `bytes` in a GROW_BIN with room for `capacity` bytes, as a binary
    /// (a sub-binary viewing its used bytes) that appends can extend.
    pub fn grow_bin(&mut self, bytes: &[u8], capacity: usize) -> Term {
        let capacity = capacity.max(bytes.len());
        let words = capacity.div_ceil(8);
        let p = self.alloc(2 + words);
        // SAFETY: 2 + words writable words: the header, the count, then
        // room for `capacity` bytes (all zeroed, so no word is uninitialised).
        unsafe {
            p.write(Header::new(HeaderKind::GrowBin, 1 + words).0);
            p.add(1).write(bytes.len() as u64);
            std::ptr::write_bytes(p.add(2), 0, words);
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), p.add(2) as *mut u8, bytes.len());
        }
        let base = Term::boxed_from_ptr(p);
        self.sub_bin_object(base, 0, 8 * bytes.len() as u64)
    }

    /// `a <> b` without copying `a`, when `a` is a view that ends where its
    /// GROW_BIN's used bytes end and the room left holds `b`: the bytes are
    /// written there and the longer view returned. `None` otherwise.
    pub fn append_in_place(&mut self, a: Term, b: &[u8]) -> Option<Term> {
        if !a.is_boxed() || a.header().kind() != HeaderKind::SubBin {
            return None;
        }
        let base = Term(a.payload(0));
        if base.header().kind() != HeaderKind::GrowBin || !self.owns(base.ptr()) {
            return None;
        }
        let (off, bits) = (a.payload(1) >> 1, a.payload(2) >> 1);
        let used = base.payload(0) as usize;
        let room = 8 * (base.header().size() - 1);
        if !bits.is_multiple_of(8) || (off + bits) != 8 * used as u64 || used + b.len() > room {
            return None;
        }
        // SAFETY: `base` is a GROW_BIN in this heap (checked) with room for
        // `room` bytes after its count word; `used + b.len() <= room`. No view
        // reaches past `used` (a view ending there is `a`), so no term sees
        // these bytes change; `b` is not inside the spare room (nothing
        // points there), so the ranges do not overlap.
        unsafe {
            let data = base.ptr().add(2) as *mut u8;
            std::ptr::copy_nonoverlapping(b.as_ptr(), data.add(used), b.len());
            base.ptr().add(1).write((used + b.len()) as u64);
        }
        Some(self.sub_bin_object(base, off, bits + 8 * b.len() as u64))
    }

    /// Whether `p` points into one of this heap's chunks.
    fn owns(&self, p: *const u64) -> bool {
        let a = p as usize;
        self.chunks
            .iter()
            .any(|c| a >= c.start() as usize && a < c.start() as usize + c.used * 8)
    }

    fn sub_bin_object(&mut self, base: Term, off: u64, bits: u64) -> Term {
        let p = self.alloc(4);
        // SAFETY: four writable words; `base` is a BINARY object.
        unsafe {
            p.write(Header::new(HeaderKind::SubBin, 3).0);
            p.add(1).write(base.0);
            p.add(2).write(Term::small(off as i64).0);
            p.add(3).write(Term::small(bits as i64).0);
        }
        Term::boxed_from_ptr(p)
    }

    pub fn str(&mut self, s: &str) -> Term {
        self.binary(s.as_bytes())
    }

    /// An integer term: small when it fits, a bignum otherwise.
    pub fn int(&mut self, v: i64) -> Term {
        match Term::try_small(v) {
            Some(t) => t,
            None => self.bigint(&BigInt::from(v)),
        }
    }

    /// An integer term for `b` (small when it fits).
    pub fn bigint(&mut self, b: &BigInt) -> Term {
        use num_traits::ToPrimitive;
        if let Some(v) = b.to_i64() {
            if let Some(t) = Term::try_small(v) {
                return t;
            }
        }
        let (sign, limbs) = b.to_u64_digits();
        let kind = if sign == Sign::Minus {
            HeaderKind::BigNeg
        } else {
            HeaderKind::BigPos
        };
        let p = self.alloc(1 + limbs.len());
        // SAFETY: 1 + limbs writable words.
        unsafe {
            p.write(Header::new(kind, limbs.len()).0);
            for (i, l) in limbs.iter().enumerate() {
                p.add(1 + i).write(*l);
            }
        }
        Term::boxed_from_ptr(p)
    }

    /// A hash-trie map (term.rs, hamt.rs) of `count` keys under `root`.
    pub fn hash_map(&mut self, count: usize, root: Term) -> Term {
        self.words_object(HeaderKind::HashMap, &[&[Term::small(count as i64), root]])
    }

    /// A hash-trie node: its bitmaps, its key/value pairs (interleaved, in
    /// bit order) and its children (in bit order).
    pub fn hnode(&mut self, data: u32, nodes: u32, pairs: &[Term], children: &[Term]) -> Term {
        debug_assert_eq!(pairs.len(), 2 * data.count_ones() as usize);
        debug_assert_eq!(children.len(), nodes.count_ones() as usize);
        let bitmaps = [Term::small(data as i64), Term::small(nodes as i64)];
        self.words_object(HeaderKind::HNode, &[&bitmaps, pairs, children])
    }

    /// A hash-trie node from its whole payload (bitmaps first).
    pub fn hnode_words(&mut self, words: &[Term]) -> Term {
        self.words_object(HeaderKind::HNode, &[words])
    }

    /// A hash-trie collision node of key/value pairs (interleaved, keys in
    /// term order).
    pub fn hcoll(&mut self, pairs: &[Term]) -> Term {
        self.words_object(HeaderKind::HColl, &[pairs])
    }

    /// An object of kind `kind` whose payload is the terms of `parts`, in order.
    fn words_object(&mut self, kind: HeaderKind, parts: &[&[Term]]) -> Term {
        let n: usize = parts.iter().map(|p| p.len()).sum();
        let p = self.alloc(1 + n);
        // SAFETY: `alloc` returned 1 + n writable words.
        unsafe {
            p.write(Header::new(kind, n).0);
            let mut at = 1;
            for part in parts {
                for t in *part {
                    p.add(at).write(t.0);
                    at += 1;
                }
            }
        }
        Term::boxed_from_ptr(p)
    }

    /// A map from keys already sorted by term order (no duplicates) and their values.
    pub fn map_sorted(&mut self, keys: &[Term], values: &[Term]) -> Term {
        debug_assert_eq!(keys.len(), values.len());
        let n = keys.len();
        let p = self.alloc(1 + 2 * n);
        // SAFETY: 1 + 2n writable words.
        unsafe {
            p.write(Header::new(HeaderKind::Map, n).0);
            for i in 0..n {
                p.add(1 + i).write(keys[i].0);
                p.add(1 + n + i).write(values[i].0);
            }
        }
        Term::boxed_from_ptr(p)
    }

    pub fn closure(&mut self, fun_id: u32, free: &[Term]) -> Term {
        let p = self.alloc(2 + free.len());
        // SAFETY: 2 + len writable words.
        unsafe {
            p.write(Header::new(HeaderKind::Fun, 1 + free.len()).0);
            p.add(1).write(Term::small(fun_id as i64).0);
            for (i, e) in free.iter().enumerate() {
                p.add(2 + i).write(e.0);
            }
        }
        Term::boxed_from_ptr(p)
    }

    pub fn export(&mut self, module: Term, name: Term, arity: u32) -> Term {
        let p = self.alloc(4);
        // SAFETY: four writable words.
        unsafe {
            p.write(Header::new(HeaderKind::Export, 3).0);
            p.add(1).write(module.0);
            p.add(2).write(name.0);
            p.add(3).write(Term::small(arity as i64).0);
        }
        Term::boxed_from_ptr(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builders_make_readable_terms() {
        let mut h = Heap::new();
        let t = h.tuple(&[Term::small(1), Term::small(2)]);
        assert_eq!(t.tuple_elems().unwrap(), &[Term::small(1), Term::small(2)]);
        let l = h.list(&[Term::small(1), Term::small(2), Term::small(3)]);
        let (a, rest) = l.cons_parts().unwrap();
        assert_eq!(a, Term::small(1));
        assert_eq!(rest.head(), Term::small(2));
        assert_eq!(rest.tail().tail(), Term::NIL);
        let b = h.binary(b"hello world");
        assert_eq!(b.binary_bytes().unwrap(), b"hello world");
        let f = h.float(2.5);
        assert_eq!(f.float_value(), Some(2.5));
        let big = h.bigint(&(BigInt::from(1u64) << 100));
        assert!(big.is_bigint());
        assert_eq!(h.bigint(&BigInt::from(5)), Term::small(5));
    }

    #[test]
    fn heap_grows_in_chunks() {
        let mut h = Heap::new();
        for i in 0..10_000 {
            h.cons(Term::small(i), Term::NIL);
        }
        assert_eq!(h.used_words(), 20_000);
        assert!(h.chunks.len() > 1);
    }

    #[test]
    fn a_joined_heap_keeps_its_terms_and_binaries() {
        let mut a = Heap::new();
        let mut b = Heap::new();
        let t = b.tuple(&[Term::small(1), Term::small(2)]);
        let big = b.binary(&[7u8; 1000]);
        let offheap = b.offheap.len();
        a.join(b);
        assert_eq!(a.offheap.len(), offheap);
        let l = a.tuple(&[t, big]);
        let elems = l.tuple_elems().unwrap();
        assert_eq!(
            elems[0].tuple_elems().unwrap(),
            &[Term::small(1), Term::small(2)]
        );
        assert_eq!(elems[1].binary_bytes().unwrap(), &[7u8; 1000][..]);
    }

    #[test]
    fn the_memory_account_follows_growth_collection_and_drop() {
        let acc = Arc::new(MemAccount::new(1 << 20));
        let mut h = Heap::new();
        h.set_account(Some(acc.clone()));
        let mut keep = Term::NIL;
        for i in 0..10_000 {
            keep = h.cons(Term::small(i), keep);
        }
        let big = h.binary(&[7u8; 100_000]);
        let held = acc.used();
        assert!(held >= 8 * 20_000 + 100_000, "{held}");
        assert!(!h.over_memory);
        // Garbage: the binary and half the list.
        let mut half = keep;
        for _ in 0..5_000 {
            half = half.tail();
        }
        let _ = big;
        h.collect(&mut [&mut [half]]);
        assert!(acc.used() < held, "{} {held}", acc.used());
        // Past the limit: flagged, and a collection that leaves it over
        // keeps the flag.
        let b2 = h.binary(&vec![1u8; 2 << 20]);
        assert!(h.over_memory && h.over_max);
        h.collect(&mut [&mut [b2]]);
        assert!(h.over_memory);
        // Dropped, the binary no longer counts.
        h.collect(&mut [&mut [Term::NIL]]);
        assert!(!h.over_memory);
        drop(h);
        assert_eq!(acc.used(), 0);
    }
}
