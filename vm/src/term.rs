//! Terms: one tagged 64-bit word.
//!
//! ```text
//!  low bits   kind          payload
//!  .......1   small int     the upper 63 bits, signed: value = (word as i64) >> 1
//!  .....000   boxed         pointer to a header word (8-byte aligned, never 0)
//!  .....010   cons          pointer to two words: head, tail (no header)
//!  .....100   immediate     bits 3..8 = subtag, bits 8.. = payload:
//!                             ATOM  payload = index into the global atom table
//!                             NIL   `[]`
//!                             PID   payload = index (32 bits) | serial << 32 (24 bits)
//!                             REF   payload = 56-bit unique counter
//!  .....110   header        only inside the heap, first word of a boxed object:
//!                             bits 3..8 = kind, bits 8.. = size (see `HeaderKind`)
//! ```
//!
//! Header kinds and what follows the header:
//!
//! | kind     | size field      | payload words                              | scanned by GC |
//! |----------|-----------------|--------------------------------------------|---------------|
//! | TUPLE    | arity           | `arity` terms                              | yes           |
//! | FLOAT    | 1               | f64 bits                                   | no            |
//! | BIG_POS  | limbs           | little-endian u64 limbs of the magnitude    | no            |
//! | BIG_NEG  | limbs           | same, value negative                       | no            |
//! | BINARY   | byte length     | ceil(len / 8) words of bytes               | no            |
//! | MAP      | pairs n         | n keys (sorted by term order), n values    | yes           |
//! | FUN      | 1 + free vars   | small-int function id, free variables      | yes           |
//! | EXPORT   | 3               | module atom, name atom, small-int arity    | yes           |
//! | SUB_BIN  | 3               | base binary, small-int bit offset, small-int bit size | yes |
//! | GROW_BIN | payload words   | bytes used (raw u64), then the bytes and spare room | no |
//! | REF_BIN  | 2               | data pointer and length of an `Arc<[u8]>` (raw) | no |
//! | HASH_MAP | 2               | small-int count, the root HNODE            | yes           |
//! | HNODE    | 2 + 2d + c      | small-int data bitmap, small-int child bitmap, d key/value pairs, c children | yes |
//! | HCOLL    | 2n              | n key/value pairs (keys sorted by term order) | yes        |
//!
//! A map of at most 32 keys is a MAP; a larger one is a HASH_MAP, a hash
//! array mapped trie (hamt.rs): each HNODE takes 5 bits of the key's hash,
//! holds the pairs whose bits no other key shares there and a child HNODE
//! (or, past the hash's 64 bits, an HCOLL) for the others. HNODEs and HCOLLs
//! are never terms of their own: only a HASH_MAP points to them.
//!
//! A sub-binary is a view of part of a BINARY (its `base`, never another
//! sub-binary): what a match takes out of a binary (`rest::binary`) without
//! copying, and how a bitstring whose size is not a multiple of 8 is held.
//! **Invariant:** a sub-binary of a whole number of bytes starts on a byte
//! (its bit offset is a multiple of 8), so its bytes are a slice of the
//! base's: [`Term::binary_bytes`] never copies. Only a bitstring of another
//! size may start at any bit. Its payload words are all terms (the offset and
//! size are small integers), so the collector and the message copier move it
//! and its base like a tuple.
//!
//! A GROW_BIN is a binary with room to grow, made by an append (`acc <>
//! piece`) of a binary of some size: it is only ever the base of
//! sub-binaries (no term points to it otherwise). The next append to a view
//! that ends where its used bytes end writes the piece into the spare room
//! and returns a longer view, so building a binary by appending is linear,
//! as on the BEAM. Views made before still see their own bytes, which never
//! change: the one exception to "objects are immutable" (heap.rs) is this
//! write past every existing view's end, by the owning process, in its own
//! heap (`Heap::append_in_place` checks both).
//!
//! A REF_BIN is a binary longer than `heap::REFC_MIN` bytes whose bytes
//! live outside the heap, in an `Arc<[u8]>` shared by every process that
//! holds it: a message carries the 3-word object and one more reference,
//! not the bytes. Each REF_BIN object owns one strong count; the heap (or
//! message fragment) that holds the object lists it, and gives the count
//! back when a collection finds the object dead or the heap is dropped
//! (heap.rs, "Off-heap binaries").
//!
//! The word `FORWARD` (a header of kind FORWARD) marks a moved cons cell during a
//! collection; a moved boxed object has its header replaced by the boxed
//! pointer to its new place (a header slot never otherwise holds a boxed pointer).
//!
//! **Invariant:** a pointer term points either into the heap of the process
//! that holds it (or a heap fragment owned by that process) or into the
//! literal area, which lives as long as the VM and is never collected.

use std::fmt;

/// A term: one word. `Copy`, and meaningless outside the process (or literal
/// area) whose memory it points into.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Term(pub(crate) u64);

const TAG_MASK: u64 = 0b111;
pub(crate) const TAG_BOXED: u64 = 0b000;
pub(crate) const TAG_CONS: u64 = 0b010;
pub(crate) const TAG_IMM: u64 = 0b100;
pub(crate) const TAG_HEADER: u64 = 0b110;

const SUB_ATOM: u64 = 0;
const SUB_NIL: u64 = 1;
const SUB_PID: u64 = 2;
const SUB_REF: u64 = 3;
const SUB_NONE: u64 = 4;

/// Largest small integer (62 bits of magnitude plus sign).
pub const SMALL_MAX: i64 = (1 << 62) - 1;
pub const SMALL_MIN: i64 = -(1 << 62);

/// Kinds of boxed objects, stored in the header word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum HeaderKind {
    Tuple = 0,
    Float = 1,
    BigPos = 2,
    BigNeg = 3,
    Binary = 4,
    Map = 5,
    Fun = 6,
    Export = 7,
    SubBin = 8,
    GrowBin = 9,
    RefBin = 10,
    HashMap = 11,
    HNode = 12,
    HColl = 13,
    Forward = 31,
}

impl HeaderKind {
    fn from_bits(b: u64) -> HeaderKind {
        match b {
            0 => HeaderKind::Tuple,
            1 => HeaderKind::Float,
            2 => HeaderKind::BigPos,
            3 => HeaderKind::BigNeg,
            4 => HeaderKind::Binary,
            5 => HeaderKind::Map,
            6 => HeaderKind::Fun,
            7 => HeaderKind::Export,
            8 => HeaderKind::SubBin,
            9 => HeaderKind::GrowBin,
            10 => HeaderKind::RefBin,
            11 => HeaderKind::HashMap,
            12 => HeaderKind::HNode,
            13 => HeaderKind::HColl,
            _ => HeaderKind::Forward,
        }
    }
}

/// A header word, decoded.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Header(pub(crate) u64);

impl Header {
    pub fn new(kind: HeaderKind, size: usize) -> Header {
        Header(((size as u64) << 8) | ((kind as u64) << 3) | TAG_HEADER)
    }
    pub fn kind(self) -> HeaderKind {
        HeaderKind::from_bits((self.0 >> 3) & 0x1f)
    }
    pub fn size(self) -> usize {
        (self.0 >> 8) as usize
    }
    /// The kind's bits, undecoded: the collector and the copier test them
    /// millions of times, and decoding into [`HeaderKind`] first costs a match.
    #[inline]
    fn kind_bits(self) -> u64 {
        (self.0 >> 3) & 0x1f
    }
    /// Words the object takes after its header.
    #[inline]
    pub fn payload_words(self) -> usize {
        const TUPLE: u64 = HeaderKind::Tuple as u64;
        const FLOAT: u64 = HeaderKind::Float as u64;
        const BIG_POS: u64 = HeaderKind::BigPos as u64;
        const BIG_NEG: u64 = HeaderKind::BigNeg as u64;
        const BINARY: u64 = HeaderKind::Binary as u64;
        const MAP: u64 = HeaderKind::Map as u64;
        const FUN: u64 = HeaderKind::Fun as u64;
        const EXPORT: u64 = HeaderKind::Export as u64;
        const SUB_BIN: u64 = HeaderKind::SubBin as u64;
        const GROW_BIN: u64 = HeaderKind::GrowBin as u64;
        const REF_BIN: u64 = HeaderKind::RefBin as u64;
        const HASH_MAP: u64 = HeaderKind::HashMap as u64;
        const HNODE: u64 = HeaderKind::HNode as u64;
        const HCOLL: u64 = HeaderKind::HColl as u64;
        match self.kind_bits() {
            TUPLE | FUN | EXPORT | BIG_POS | BIG_NEG | SUB_BIN | GROW_BIN | REF_BIN | HASH_MAP
            | HNODE | HCOLL => self.size(),
            FLOAT => 1,
            BINARY => self.size().div_ceil(8),
            MAP => 2 * self.size(),
            _ => 1, // Forward
        }
    }
    /// Whether the payload is made of terms the collector must scan.
    #[inline]
    pub fn payload_is_terms(self) -> bool {
        const TERMS: u32 = 1 << HeaderKind::Tuple as u32
            | 1 << HeaderKind::Map as u32
            | 1 << HeaderKind::Fun as u32
            | 1 << HeaderKind::Export as u32
            | 1 << HeaderKind::SubBin as u32
            | 1 << HeaderKind::HashMap as u32
            | 1 << HeaderKind::HNode as u32
            | 1 << HeaderKind::HColl as u32;
        (TERMS >> self.kind_bits()) & 1 != 0
    }
    pub fn is_header_word(w: u64) -> bool {
        w & TAG_MASK == TAG_HEADER
    }
    /// For a scan over a block of objects (collection, copy): `Some(n)` when
    /// `w` is a header, with `n` the words to step over (the header, and a
    /// payload that holds no terms); `None` when `w` is a term.
    #[inline]
    pub(crate) fn scan_skip(w: u64) -> Option<usize> {
        if !Header::is_header_word(w) {
            return None;
        }
        let h = Header(w);
        Some(if h.payload_is_terms() {
            1
        } else {
            1 + h.payload_words()
        })
    }
}

/// `bits` bits of `src` from bit `off`, packed from the high bit of the
/// first byte (the last byte padded with zero bits).
pub fn copy_bits(src: &[u8], off: u64, bits: u64) -> Vec<u8> {
    let n = bits.div_ceil(8) as usize;
    let mut out = vec![0u8; n];
    let shift = (off % 8) as u32;
    let start = (off / 8) as usize;
    for (i, o) in out.iter_mut().enumerate() {
        let hi = src[start + i];
        let lo = src.get(start + i + 1).copied().unwrap_or(0);
        *o = if shift == 0 {
            hi
        } else {
            (hi << shift) | (lo >> (8 - shift))
        };
    }
    if !bits.is_multiple_of(8) {
        out[n - 1] &= 0xffu8 << (8 - bits % 8);
    }
    out
}

/// The cons-cell forwarding marker written over a moved cell's head.
pub(crate) const FORWARD: u64 = ((HeaderKind::Forward as u64) << 3) | TAG_HEADER;

/// What a term is, at a glance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Int,
    BigInt,
    Float,
    Atom,
    Nil,
    Cons,
    Tuple,
    Binary,
    Map,
    Fun,
    Pid,
    Ref,
    None,
}

impl Term {
    pub const NIL: Term = Term((SUB_NIL << 3) | TAG_IMM);
    /// "No value": a placeholder never seen by programs (empty registers, missing map keys).
    pub const NONE: Term = Term((SUB_NONE << 3) | TAG_IMM);

    #[inline]
    pub fn raw(self) -> u64 {
        self.0
    }
    #[inline]
    pub fn from_raw(w: u64) -> Term {
        Term(w)
    }

    // ---- small integers ----
    #[inline]
    pub fn small(v: i64) -> Term {
        debug_assert!((SMALL_MIN..=SMALL_MAX).contains(&v));
        Term(((v as u64) << 1) | 1)
    }
    /// A small integer term if `v` fits, else `None`.
    #[inline]
    pub fn try_small(v: i64) -> Option<Term> {
        if (SMALL_MIN..=SMALL_MAX).contains(&v) {
            Some(Term::small(v))
        } else {
            None
        }
    }
    #[inline]
    pub fn is_small(self) -> bool {
        self.0 & 1 == 1
    }
    #[inline]
    pub fn small_value(self) -> i64 {
        debug_assert!(self.is_small());
        (self.0 as i64) >> 1
    }
    #[inline]
    pub fn as_small(self) -> Option<i64> {
        if self.is_small() {
            Some(self.small_value())
        } else {
            None
        }
    }

    /// `self + other` when both are small integers and the sum is small,
    /// computed on the tagged words: `(2a+1) + (2b+1) - 1 = 2(a+b)+1`, and
    /// the word overflows exactly when the sum leaves the small range.
    #[inline]
    pub fn small_add(self, other: Term) -> Option<Term> {
        if self.0 & other.0 & 1 == 0 {
            return None;
        }
        (self.0 as i64)
            .checked_add(other.0 as i64 - 1)
            .map(|w| Term(w as u64))
    }
    /// `self - other` for small integers, as [`Term::small_add`].
    #[inline]
    pub fn small_sub(self, other: Term) -> Option<Term> {
        if self.0 & other.0 & 1 == 0 {
            return None;
        }
        (self.0 as i64)
            .checked_sub(other.0 as i64 - 1)
            .map(|w| Term(w as u64))
    }
    /// The order of two small integers, compared on their tagged words.
    #[inline]
    pub fn small_cmp(self, other: Term) -> Option<std::cmp::Ordering> {
        if self.0 & other.0 & 1 == 0 {
            return None;
        }
        Some((self.0 as i64).cmp(&(other.0 as i64)))
    }

    // ---- immediates ----
    #[inline]
    const fn imm(sub: u64, payload: u64) -> Term {
        Term((payload << 8) | (sub << 3) | TAG_IMM)
    }
    #[inline]
    fn imm_sub(self) -> Option<u64> {
        if self.0 & TAG_MASK == TAG_IMM {
            Some((self.0 >> 3) & 0x1f)
        } else {
            None
        }
    }
    #[inline]
    pub const fn atom(index: u32) -> Term {
        Term::imm(SUB_ATOM, index as u64)
    }
    #[inline]
    pub fn is_atom(self) -> bool {
        self.imm_sub() == Some(SUB_ATOM)
    }
    #[inline]
    pub fn atom_index(self) -> Option<u32> {
        if self.is_atom() {
            Some((self.0 >> 8) as u32)
        } else {
            None
        }
    }
    #[inline]
    pub fn is_nil(self) -> bool {
        self == Term::NIL
    }
    pub fn pid(index: u32, serial: u32) -> Term {
        Term::imm(SUB_PID, index as u64 | ((serial as u64 & 0xff_ffff) << 32))
    }
    pub fn is_pid(self) -> bool {
        self.imm_sub() == Some(SUB_PID)
    }
    /// `(index, serial)` of a pid.
    pub fn pid_parts(self) -> Option<(u32, u32)> {
        if self.is_pid() {
            let p = self.0 >> 8;
            Some((p as u32, (p >> 32) as u32))
        } else {
            None
        }
    }
    pub fn reference(n: u64) -> Term {
        Term::imm(SUB_REF, n & ((1 << 56) - 1))
    }
    pub fn is_ref(self) -> bool {
        self.imm_sub() == Some(SUB_REF)
    }
    pub fn ref_value(self) -> Option<u64> {
        if self.is_ref() {
            Some(self.0 >> 8)
        } else {
            None
        }
    }
    pub fn is_none(self) -> bool {
        self == Term::NONE
    }

    // ---- pointers ----
    #[inline]
    pub fn is_boxed(self) -> bool {
        self.0 & TAG_MASK == TAG_BOXED
    }
    #[inline]
    pub fn is_cons(self) -> bool {
        self.0 & TAG_MASK == TAG_CONS
    }
    #[inline]
    pub fn is_list(self) -> bool {
        self.is_cons() || self.is_nil()
    }
    #[inline]
    pub(crate) fn is_pointer(self) -> bool {
        self.is_boxed() || self.is_cons()
    }
    /// The address a pointer term refers to.
    #[inline]
    pub(crate) fn ptr(self) -> *mut u64 {
        debug_assert!(self.is_pointer());
        (self.0 & !TAG_MASK) as *mut u64
    }
    #[inline]
    pub(crate) fn boxed_from_ptr(p: *const u64) -> Term {
        debug_assert!(p as u64 & TAG_MASK == 0 && !p.is_null());
        Term(p as u64 | TAG_BOXED)
    }
    #[inline]
    pub(crate) fn cons_from_ptr(p: *const u64) -> Term {
        debug_assert!(p as u64 & TAG_MASK == 0 && !p.is_null());
        Term(p as u64 | TAG_CONS)
    }

    /// The header of a boxed term.
    #[inline]
    pub fn header(self) -> Header {
        debug_assert!(self.is_boxed());
        // SAFETY: a boxed term points at the header word of a live object
        // (module invariant: pointers only reach this process's heap or the
        // literal area, both alive while the term is reachable).
        Header(unsafe { *self.ptr() })
    }

    /// Word `i` of a boxed object's payload (0 = first word after the header).
    #[inline]
    pub fn payload(self, i: usize) -> u64 {
        debug_assert!(self.is_boxed() && i < self.header().payload_words());
        // SAFETY: in bounds of the object per the debug assertion; see `header`.
        unsafe { *self.ptr().add(1 + i) }
    }

    #[inline]
    fn payload_slice(self) -> &'static [u64] {
        let n = self.header().payload_words();
        // SAFETY: the payload follows the header and is `n` words long. The
        // 'static lifetime is a lie confined to this module's callers: slices
        // are used only while the term is reachable and no collection runs
        // (collections happen only at safe points, never inside term accessors).
        unsafe { std::slice::from_raw_parts(self.ptr().add(1), n) }
    }

    pub fn kind(self) -> Kind {
        if self.is_small() {
            return Kind::Int;
        }
        match self.0 & TAG_MASK {
            TAG_BOXED => match self.header().kind() {
                HeaderKind::Tuple => Kind::Tuple,
                HeaderKind::Float => Kind::Float,
                HeaderKind::BigPos | HeaderKind::BigNeg => Kind::BigInt,
                HeaderKind::Binary | HeaderKind::SubBin | HeaderKind::RefBin => Kind::Binary,
                HeaderKind::Map | HeaderKind::HashMap => Kind::Map,
                HeaderKind::Fun | HeaderKind::Export => Kind::Fun,
                // Only a sub-binary's base or a hash map's node, never a
                // term of its own.
                HeaderKind::GrowBin
                | HeaderKind::HNode
                | HeaderKind::HColl
                | HeaderKind::Forward => Kind::None,
            },
            TAG_CONS => Kind::Cons,
            TAG_IMM => match self.imm_sub().unwrap_or(SUB_NONE) {
                SUB_ATOM => Kind::Atom,
                SUB_NIL => Kind::Nil,
                SUB_PID => Kind::Pid,
                SUB_REF => Kind::Ref,
                _ => Kind::None,
            },
            _ => Kind::None,
        }
    }

    fn is_boxed_kind(self, k: HeaderKind) -> bool {
        self.is_boxed() && self.header().kind() == k
    }

    // ---- cons ----
    /// Head and tail of a cons cell.
    #[inline]
    pub fn cons_parts(self) -> Option<(Term, Term)> {
        if self.is_cons() {
            // SAFETY: a cons term points at two live words (head, tail).
            unsafe { Some((Term(*self.ptr()), Term(*self.ptr().add(1)))) }
        } else {
            None
        }
    }
    #[inline]
    pub fn head(self) -> Term {
        debug_assert!(self.is_cons());
        // SAFETY: as in `cons_parts`.
        unsafe { Term(*self.ptr()) }
    }
    #[inline]
    pub fn tail(self) -> Term {
        debug_assert!(self.is_cons());
        // SAFETY: as in `cons_parts`.
        unsafe { Term(*self.ptr().add(1)) }
    }

    // ---- tuples ----
    pub fn is_tuple(self) -> bool {
        self.is_boxed_kind(HeaderKind::Tuple)
    }
    pub fn tuple_elems(self) -> Option<&'static [Term]> {
        if self.is_tuple() {
            let s = self.payload_slice();
            // SAFETY: Term is repr(transparent) over u64.
            Some(unsafe { std::slice::from_raw_parts(s.as_ptr() as *const Term, s.len()) })
        } else {
            None
        }
    }

    // ---- floats ----
    pub fn is_float(self) -> bool {
        self.is_boxed_kind(HeaderKind::Float)
    }
    pub fn float_value(self) -> Option<f64> {
        if self.is_float() {
            Some(f64::from_bits(self.payload(0)))
        } else {
            None
        }
    }

    // ---- bignums ----
    pub fn is_bigint(self) -> bool {
        self.is_boxed()
            && matches!(
                self.header().kind(),
                HeaderKind::BigPos | HeaderKind::BigNeg
            )
    }
    /// Sign (true = negative) and little-endian magnitude limbs.
    pub fn big_parts(self) -> Option<(bool, &'static [u64])> {
        if self.is_bigint() {
            Some((
                self.header().kind() == HeaderKind::BigNeg,
                self.payload_slice(),
            ))
        } else {
            None
        }
    }
    pub fn is_integer(self) -> bool {
        self.is_small() || self.is_bigint()
    }
    pub fn is_number(self) -> bool {
        self.is_integer() || self.is_float()
    }

    // ---- binaries and bitstrings ----
    /// A binary: a bitstring of a whole number of bytes.
    pub fn is_binary(self) -> bool {
        if !self.is_boxed() {
            return false;
        }
        match self.header().kind() {
            HeaderKind::Binary | HeaderKind::RefBin => true,
            HeaderKind::SubBin => (self.payload(2) >> 1).is_multiple_of(8),
            _ => false,
        }
    }
    /// A bitstring (`Kind::Binary`): a binary, or bits of any number.
    pub fn is_bitstring(self) -> bool {
        self.is_boxed()
            && matches!(
                self.header().kind(),
                HeaderKind::Binary | HeaderKind::SubBin | HeaderKind::RefBin
            )
    }
    /// The bytes of a BINARY object, or the used bytes of a GROW_BIN (a
    /// sub-binary's base).
    fn heap_binary_bytes(self) -> &'static [u8] {
        let h = self.header();
        if h.kind() == HeaderKind::RefBin {
            let (data, len) = (self.payload(0) as *const u8, self.payload(1) as usize);
            // SAFETY: the object owns a strong count of the `Arc<[u8]>` whose
            // data and length it holds (heap.rs), so the bytes live at least
            // as long as the object is reachable.
            return unsafe { std::slice::from_raw_parts(data, len) };
        }
        if h.kind() == HeaderKind::GrowBin {
            let used = self.payload(0) as usize;
            // SAFETY: after the count word, the payload holds at least
            // `used` bytes (heap.rs, `grow_bin`).
            return unsafe { std::slice::from_raw_parts(self.ptr().add(2) as *const u8, used) };
        }
        let len = h.size();
        let words = self.payload_slice();
        // SAFETY: the payload holds `len` bytes packed in ceil(len/8) words.
        unsafe { std::slice::from_raw_parts(words.as_ptr() as *const u8, len) }
    }
    /// The bytes of a binary (`None` for other terms, bitstrings included).
    pub fn binary_bytes(self) -> Option<&'static [u8]> {
        if !self.is_boxed() {
            return None;
        }
        match self.header().kind() {
            HeaderKind::Binary | HeaderKind::RefBin => Some(self.heap_binary_bytes()),
            HeaderKind::SubBin => {
                let (base, off, bits) = self.sub_bin_parts();
                if !bits.is_multiple_of(8) {
                    return None;
                }
                let start = (off / 8) as usize;
                Some(&base.heap_binary_bytes()[start..start + (bits / 8) as usize])
            }
            _ => None,
        }
    }
    fn sub_bin_parts(self) -> (Term, u64, u64) {
        (
            Term(self.payload(0)),
            (self.payload(1) >> 1),
            (self.payload(2) >> 1),
        )
    }
    /// A bitstring as its base binary's term and bytes, the bit offset of
    /// its first bit there, and its size in bits.
    pub fn bitstring_parts(self) -> Option<(Term, &'static [u8], u64, u64)> {
        if !self.is_boxed() {
            return None;
        }
        match self.header().kind() {
            HeaderKind::Binary | HeaderKind::RefBin => {
                let b = self.heap_binary_bytes();
                Some((self, b, 0, 8 * b.len() as u64))
            }
            HeaderKind::SubBin => {
                let (base, off, bits) = self.sub_bin_parts();
                Some((base, base.heap_binary_bytes(), off, bits))
            }
            _ => None,
        }
    }
    /// Size in bits of a bitstring.
    pub fn bit_size(self) -> Option<u64> {
        self.bitstring_parts().map(|p| p.3)
    }
    /// A bitstring's bits, packed from the first byte's high bit (the last
    /// byte padded with zero bits), and their number.
    pub fn bitstring_bits(self) -> Option<(std::borrow::Cow<'static, [u8]>, u64)> {
        let (_, bytes, off, bits) = self.bitstring_parts()?;
        if off.is_multiple_of(8) {
            let s = (off / 8) as usize;
            let e = s + bits.div_ceil(8) as usize;
            if bits.is_multiple_of(8) {
                return Some((std::borrow::Cow::Borrowed(&bytes[s..e]), bits));
            }
            let mut v = bytes[s..e].to_vec();
            let last = v.len() - 1;
            v[last] &= 0xffu8 << (8 - bits % 8);
            return Some((std::borrow::Cow::Owned(v), bits));
        }
        Some((std::borrow::Cow::Owned(copy_bits(bytes, off, bits)), bits))
    }

    // ---- maps ----
    /// Whether this is a map, of either form (flat or hash trie).
    #[inline]
    pub fn is_map(self) -> bool {
        self.is_boxed() && matches!(self.header().kind(), HeaderKind::Map | HeaderKind::HashMap)
    }
    /// Whether this is a flat map (at most 32 keys, sorted).
    #[inline]
    pub fn is_flat_map(self) -> bool {
        self.is_boxed_kind(HeaderKind::Map)
    }
    /// A hash-trie map's size and root node (hamt.rs).
    #[inline]
    pub fn hash_map_parts(self) -> Option<(usize, Term)> {
        if self.is_boxed_kind(HeaderKind::HashMap) {
            let s = self.payload_slice();
            Some((Term(s[0]).small_value() as usize, Term(s[1])))
        } else {
            None
        }
    }
    /// A hash-trie node's data bitmap, child bitmap, key/value pairs
    /// (interleaved) and children; `None` for anything else.
    #[inline]
    pub fn hnode_parts(self) -> Option<(u32, u32, &'static [Term], &'static [Term])> {
        if !self.is_boxed_kind(HeaderKind::HNode) {
            return None;
        }
        let s = self.payload_slice();
        // SAFETY: Term is repr(transparent) over u64.
        let all = unsafe { std::slice::from_raw_parts(s.as_ptr() as *const Term, s.len()) };
        let (data, nodes) = (all[0].small_value() as u32, all[1].small_value() as u32);
        let pairs = 2 * data.count_ones() as usize;
        Some((data, nodes, &all[2..2 + pairs], &all[2 + pairs..]))
    }
    /// A hash-trie collision node's key/value pairs (interleaved).
    #[inline]
    pub fn hcoll_pairs(self) -> Option<&'static [Term]> {
        if !self.is_boxed_kind(HeaderKind::HColl) {
            return None;
        }
        let s = self.payload_slice();
        // SAFETY: Term is repr(transparent) over u64.
        Some(unsafe { std::slice::from_raw_parts(s.as_ptr() as *const Term, s.len()) })
    }
    /// How many keys a map has.
    #[inline]
    pub fn map_size(self) -> Option<usize> {
        if self.is_flat_map() {
            Some(self.header().size())
        } else {
            self.hash_map_parts().map(|(n, _)| n)
        }
    }
    /// Keys and values of a flat map, keys sorted by term order (`None`
    /// for a hash-trie map: see `hamt::pairs`).
    pub fn map_parts(self) -> Option<(&'static [Term], &'static [Term])> {
        if self.is_flat_map() {
            let n = self.header().size();
            let s = self.payload_slice();
            // SAFETY: Term is repr(transparent) over u64.
            let all = unsafe { std::slice::from_raw_parts(s.as_ptr() as *const Term, s.len()) };
            Some((&all[..n], &all[n..]))
        } else {
            None
        }
    }

    // ---- funs ----
    pub fn is_fun(self) -> bool {
        self.is_boxed() && matches!(self.header().kind(), HeaderKind::Fun | HeaderKind::Export)
    }
    /// Function id and free variables of a closure.
    pub fn closure_parts(self) -> Option<(u32, &'static [Term])> {
        if self.is_boxed_kind(HeaderKind::Fun) {
            let s = self.payload_slice();
            // SAFETY: Term is repr(transparent) over u64.
            let all = unsafe { std::slice::from_raw_parts(s.as_ptr() as *const Term, s.len()) };
            Some((all[0].small_value() as u32, &all[1..]))
        } else {
            None
        }
    }
    /// Module, name and arity of an external fun (`&Mod.f/1`).
    pub fn export_parts(self) -> Option<(Term, Term, u32)> {
        if self.is_boxed_kind(HeaderKind::Export) {
            Some((
                Term(self.payload(0)),
                Term(self.payload(1)),
                Term(self.payload(2)).small_value() as u32,
            ))
        } else {
            None
        }
    }

    // ---- booleans ----
    pub fn bool(b: bool) -> Term {
        if b {
            crate::atom::TRUE
        } else {
            crate::atom::FALSE
        }
    }
    pub fn is_true(self) -> bool {
        self == crate::atom::TRUE
    }
    pub fn is_boolean(self) -> bool {
        self == crate::atom::TRUE || self == crate::atom::FALSE
    }
}

impl fmt::Debug for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind() {
            Kind::Int => write!(f, "{}", self.small_value()),
            Kind::Atom => write!(f, ":{}", crate::atom::name(*self)),
            Kind::Nil => write!(f, "[]"),
            k => write!(f, "<{:?} {:#x}>", k, self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_is_one_word() {
        assert_eq!(std::mem::size_of::<Term>(), 8);
    }

    #[test]
    fn small_ints_round_trip() {
        for v in [0, 1, -1, 42, SMALL_MAX, SMALL_MIN, 1 << 40, -(1 << 40)] {
            let t = Term::small(v);
            assert!(t.is_small());
            assert_eq!(t.small_value(), v);
        }
        assert!(Term::try_small(SMALL_MAX + 1).is_none());
    }

    #[test]
    fn header_payloads_by_kind() {
        use HeaderKind::*;
        let cases = [
            (Tuple, 3, 3, true),
            (Float, 1, 1, false),
            (BigPos, 2, 2, false),
            (BigNeg, 2, 2, false),
            (Binary, 9, 2, false),
            (Map, 2, 4, true),
            (Fun, 4, 4, true),
            (Export, 3, 3, true),
            (Forward, 0, 1, false),
        ];
        for (kind, size, words, terms) in cases {
            let h = Header::new(kind, size);
            assert_eq!(h.kind(), kind);
            assert_eq!(h.payload_words(), words, "{kind:?}");
            assert_eq!(h.payload_is_terms(), terms, "{kind:?}");
        }
    }

    #[test]
    fn tagged_small_arithmetic() {
        let s = Term::small;
        assert_eq!(s(2).small_add(s(-5)), Some(s(-3)));
        assert_eq!(s(2).small_sub(s(-5)), Some(s(7)));
        assert_eq!(s(SMALL_MAX).small_add(s(1)), None);
        assert_eq!(s(SMALL_MIN).small_sub(s(1)), None);
        assert_eq!(s(SMALL_MIN).small_add(s(SMALL_MAX)), Some(s(-1)));
        assert_eq!(s(-3).small_cmp(s(2)), Some(std::cmp::Ordering::Less));
        assert_eq!(Term::NIL.small_add(s(1)), None);
    }

    #[test]
    fn immediates_are_distinct() {
        let a = Term::atom(5);
        assert!(a.is_atom() && !a.is_nil() && !a.is_small() && !a.is_pointer());
        assert_eq!(a.atom_index(), Some(5));
        assert!(Term::NIL.is_nil() && Term::NIL.is_list());
        let p = Term::pid(77, 3);
        assert_eq!(p.pid_parts(), Some((77, 3)));
        assert_eq!(Term::reference(99).ref_value(), Some(99));
    }

    #[test]
    fn headers_encode_kind_and_size() {
        let h = Header::new(HeaderKind::Binary, 13);
        assert_eq!(h.kind(), HeaderKind::Binary);
        assert_eq!(h.size(), 13);
        assert_eq!(h.payload_words(), 2);
        assert!(Header::is_header_word(h.0));
        assert!(Header::is_header_word(FORWARD));
    }
}
