//! The serialized form of compiled code: a [`Unit`] as bytes and back, and
//! an [`Image`] of many (the library, compiled when beamlet is built).
//!
//! A unit's bytes hold everything [`crate::code::CodeTable::load`] needs:
//! its functions (code, literal pools, jump tables, lines, names, kinds),
//! its imports and its script function. Terms cannot be copied as words
//! (atoms are numbered by the running VM's atom table, boxed literals are
//! pointers), so the unit carries its atoms by name and its literals as a
//! small tree format, rebuilt in a fresh literal heap on decoding; BIFs are
//! named too (`module.name/arity`), so the same image works for a VM with
//! more BIFs (tests add some). Instructions are encoded by code that the
//! macro defining [`Op`] generates (`Op::encode_op`/`Op::decode_op`): one
//! opcode byte, then each operand by its type.
//!
//! Decoding trusts nothing: every length, index and tag is checked
//! (operands that index functions, imports, literals, jump tables or
//! labels are checked against what the unit has), and bad bytes give an
//! [`ImageError`], never a panic. Registers are not checked against
//! `nregs`: a call's argument block may lie above the caller's window.
//!
//! Numbers are LEB128 varints (signed ones zigzag-encoded), strings and
//! byte strings a length then the bytes. A unit is:
//!
//! ```text
//! unit     := atoms bifs imports functions (2 atoms bifs functions)? script
//! atoms    := n (string)*n                      atom k is the k-th name
//! bifs     := n (string string u8)*n            module, name, arity
//! imports  := n (atom atom arity)*n
//! functions:= n function*n
//! function := module:atom name:atom arity nfree nregs kind public:u8
//!             file:term lines tables literals code
//! kind     := 0 | 1 index parent:string         named | the index-th lambda
//! script   := 0 | 1 index
//! ```
//!
//! A unit of many functions is written in two segments, the second half of
//! its functions after a `2` with atoms and BIFs of its own (which its
//! functions' indices name), so that the halves are encoded on two threads
//! at once (`defmodule` returns the bytes of every module it compiles).
//!
//! An image is `"BEAMLIMG"`, the format's fingerprint (a `u64`, little
//! endian: [`FORMAT`] and [`Op::LAYOUT`] hashed), an index of `(module,
//! file, offset, length)` and then the units' bytes. Parsing an image reads
//! only its index; each unit is decoded when its module is first needed.

use crate::atom;
use crate::bif::{self, BifId};
use crate::code::{CmpOp, FunKind, Function, JumpTable, Label, Op, TypeTest, Unit, NO_LABEL};
use crate::heap::Heap;
use crate::term::{Kind, Term};
use std::collections::HashMap;
use std::ops::Range;

/// The version of the format; bump it when the encoding changes.
pub const FORMAT: u32 = 3;

const MAGIC: &[u8; 8] = b"BEAMLIMG";

/// How deeply literals may nest (a tuple in a list in a map ...): the
/// decoder recurses, so a bound keeps bad input from exhausting the stack.
const MAX_DEPTH: usize = 512;

/// Why bytes are not a valid unit or image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageError(pub String);

impl std::fmt::Display for ImageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad code image: {}", self.0)
    }
}

impl std::error::Error for ImageError {}

/// The fingerprint of this build's format: [`FORMAT`] and the instruction
/// table ([`Op::LAYOUT`]), hashed (FNV-1a).
pub fn fingerprint() -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in FORMAT.to_le_bytes().iter().chain(Op::LAYOUT.as_bytes()) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

// ---- writing ----

/// Bytes being written.
#[derive(Default)]
pub struct Writer {
    buf: Vec<u8>,
    /// The BIFs the unit calls, in the order first met (`Op::Bif` operands
    /// are indices into this list).
    bifs: Vec<BifId>,
}

impl Writer {
    #[inline]
    pub fn byte(&mut self, b: u8) {
        self.buf.push(b);
    }

    #[inline]
    pub fn uint(&mut self, mut v: u64) {
        if v < 0x80 {
            self.buf.push(v as u8);
            return;
        }
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(b);
                return;
            }
            self.buf.push(b | 0x80);
        }
    }

    pub fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.uint(b.len() as u64);
        self.buf.extend_from_slice(b);
    }

    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    /// A BIF operand: its index among the unit's BIFs.
    pub fn bif(&mut self, id: BifId) {
        let i = match self.bifs.iter().position(|b| *b == id) {
            Some(i) => i,
            None => {
                self.bifs.push(id);
                self.bifs.len() - 1
            }
        };
        self.uint(i as u64);
    }
}

// ---- reading ----

/// Bytes being read; every read checks what is left.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    /// The unit's BIFs, resolved in this VM's table.
    bifs: Vec<BifId>,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader {
            buf,
            pos: 0,
            bifs: Vec::new(),
        }
    }

    /// An error at the current position.
    pub fn error(&self, msg: impl std::fmt::Display) -> ImageError {
        ImageError(format!("{msg} (at byte {})", self.pos))
    }

    #[inline(always)]
    pub fn byte(&mut self) -> Result<u8, ImageError> {
        match self.buf.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => Err(self.end()),
        }
    }

    #[cold]
    #[inline(never)]
    fn end(&self) -> ImageError {
        self.error("unexpected end")
    }

    /// A LEB128 number. Most are below 128, one byte: read inline (loading
    /// the library's units reads millions of them).
    #[inline(always)]
    pub fn uint(&mut self) -> Result<u64, ImageError> {
        if let Some(&b) = self.buf.get(self.pos) {
            if b < 0x80 {
                self.pos += 1;
                return Ok(u64::from(b));
            }
        }
        self.uint_long()
    }

    #[inline(never)]
    fn uint_long(&mut self) -> Result<u64, ImageError> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            if shift == 63 && b > 1 {
                return Err(self.error("number too large"));
            }
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.error("number too long"))
    }

    pub fn int(&mut self) -> Result<i64, ImageError> {
        let u = self.uint()?;
        Ok((u >> 1) as i64 ^ -((u & 1) as i64))
    }

    #[inline(always)]
    pub fn u32(&mut self) -> Result<u32, ImageError> {
        let v = self.uint()?;
        match u32::try_from(v) {
            Ok(v) => Ok(v),
            Err(_) => Err(self.too_large(v, 32)),
        }
    }

    #[cold]
    #[inline(never)]
    fn too_large(&self, v: u64, bits: u32) -> ImageError {
        self.error(format!("{v} does not fit {bits} bits"))
    }

    /// A count of items each at least one byte long (so a bad count cannot
    /// make the reader reserve more than the input could hold).
    pub fn count(&mut self) -> Result<usize, ImageError> {
        let n = self.uint()?;
        if n > (self.buf.len() - self.pos) as u64 {
            return Err(self.error(format!("count {n} exceeds the input")));
        }
        Ok(n as usize)
    }

    pub fn bytes(&mut self) -> Result<&'a [u8], ImageError> {
        let n = self.count()?;
        let b = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(b)
    }

    pub fn str(&mut self) -> Result<&'a str, ImageError> {
        let b = self.bytes()?;
        std::str::from_utf8(b).map_err(|_| self.error("a name is not UTF-8"))
    }

    /// A BIF operand (an index among the unit's BIFs).
    pub fn bif(&mut self) -> Result<BifId, ImageError> {
        let i = self.uint()?;
        match usize::try_from(i).ok().and_then(|i| self.bifs.get(i)) {
            Some(b) => Ok(*b),
            None => Err(self.error(format!("no BIF {i}"))),
        }
    }

    fn done(&self) -> bool {
        self.pos == self.buf.len()
    }
}

/// An operand type's serialized form.
pub trait Operand: Sized {
    fn put(self, w: &mut Writer);
    fn get(r: &mut Reader) -> Result<Self, ImageError>;
}

impl Operand for u8 {
    fn put(self, w: &mut Writer) {
        w.byte(self);
    }
    #[inline(always)]
    fn get(r: &mut Reader) -> Result<u8, ImageError> {
        r.byte()
    }
}

impl Operand for u16 {
    fn put(self, w: &mut Writer) {
        w.uint(self.into());
    }
    #[inline(always)]
    fn get(r: &mut Reader) -> Result<u16, ImageError> {
        let v = r.uint()?;
        match u16::try_from(v) {
            Ok(v) => Ok(v),
            Err(_) => Err(r.too_large(v, 16)),
        }
    }
}

impl Operand for u32 {
    fn put(self, w: &mut Writer) {
        w.uint(self.into());
    }
    #[inline(always)]
    fn get(r: &mut Reader) -> Result<u32, ImageError> {
        r.u32()
    }
}

impl Operand for i32 {
    fn put(self, w: &mut Writer) {
        w.int(self.into());
    }
    fn get(r: &mut Reader) -> Result<i32, ImageError> {
        let v = r.int()?;
        i32::try_from(v).map_err(|_| r.error(format!("{v} does not fit 32 bits")))
    }
}

impl Operand for bool {
    fn put(self, w: &mut Writer) {
        w.byte(self.into());
    }
    fn get(r: &mut Reader) -> Result<bool, ImageError> {
        match r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            b => Err(r.error(format!("{b} is not a boolean"))),
        }
    }
}

impl Operand for CmpOp {
    fn put(self, w: &mut Writer) {
        w.byte(self as u8);
    }
    fn get(r: &mut Reader) -> Result<CmpOp, ImageError> {
        let b = r.byte()?;
        [
            CmpOp::Lt,
            CmpOp::Le,
            CmpOp::Gt,
            CmpOp::Ge,
            CmpOp::Eq,
            CmpOp::Ne,
        ]
        .into_iter()
        .find(|c| *c as u8 == b)
        .ok_or_else(|| r.error(format!("{b} is not a comparison")))
    }
}

impl Operand for TypeTest {
    fn put(self, w: &mut Writer) {
        w.byte(self as u8);
    }
    fn get(r: &mut Reader) -> Result<TypeTest, ImageError> {
        let b = r.byte()?;
        TypeTest::ALL
            .get(usize::from(b))
            .copied()
            .ok_or_else(|| r.error(format!("{b} is not a type test")))
    }
}

/// What an instruction's operands may index: one function's sizes and its unit's.
pub struct Limits {
    pub functions: usize,
    pub imports: usize,
    pub literals: usize,
    pub tables: usize,
    pub code: usize,
}

impl Limits {
    pub fn fun(&self, v: u32) -> Result<(), String> {
        check(v, self.functions, "function")
    }
    pub fn import(&self, v: u32) -> Result<(), String> {
        check(v, self.imports, "import")
    }
    pub fn literal(&self, v: u32) -> Result<(), String> {
        check(v, self.literals, "literal")
    }
    pub fn table(&self, v: u32) -> Result<(), String> {
        check(v, self.tables, "jump table")
    }
    pub fn label(&self, v: Label) -> Result<(), String> {
        check(v, self.code, "label")
    }
    /// A `fail` label, which may also be [`NO_LABEL`] (raise instead).
    pub fn fail_label(&self, v: Label) -> Result<(), String> {
        if v == NO_LABEL {
            return Ok(());
        }
        self.label(v)
    }
}

fn check(v: u32, n: usize, what: &str) -> Result<(), String> {
    if (v as usize) < n {
        Ok(())
    } else {
        Err(format!("{what} {v} out of range (0..{n})"))
    }
}

/// One operand of an instruction, by its type (and for the checks, by its
/// field's name): the code the macro defining [`Op`] generates calls it
/// for each operand.
macro_rules! operand {
    (put BifId, $w:ident, $v:expr) => {
        $w.bif($v)
    };
    (put $t:ident, $w:ident, $v:expr) => {
        <$t as $crate::image::Operand>::put($v, $w)
    };
    (get BifId, $r:ident) => {
        $r.bif()?
    };
    (get $t:ident, $r:ident) => {
        <$t as $crate::image::Operand>::get($r)?
    };
    (check import $t:ident, $l:ident, $v:expr) => {
        $l.import($v)?
    };
    (check lit $t:ident, $l:ident, $v:expr) => {
        $l.literal($v)?
    };
    (check shapes $t:ident, $l:ident, $v:expr) => {
        $l.literal($v)?
    };
    (check table $t:ident, $l:ident, $v:expr) => {
        $l.table($v)?
    };
    (check fail Label, $l:ident, $v:expr) => {
        $l.fail_label($v)?
    };
    (check $f:ident Label, $l:ident, $v:expr) => {
        $l.label($v)?
    };
    (check $f:ident FunId, $l:ident, $v:expr) => {
        $l.fun($v)?
    };

    (check $f:ident $t:ident, $l:ident, $v:expr) => {
        let _ = $v;
    };
}
pub(crate) use operand;

// ---- terms ----

const T_INT: u8 = 0;
const T_BIG: u8 = 1;
const T_FLOAT: u8 = 2;
const T_ATOM: u8 = 3;
const T_NIL: u8 = 4;
const T_LIST: u8 = 5;
const T_TUPLE: u8 = 6;
const T_BINARY: u8 = 7;
const T_MAP: u8 = 8;
const T_EXPORT: u8 = 9;
/// A bitstring of a size not a multiple of 8: the size in bits, then the bytes.
const T_BITS: u8 = 10;

/// The atoms a unit names, numbered as first met.
#[derive(Default)]
struct Atoms {
    /// FxHash: SipHash on every atom of every literal showed at 3% of
    /// finishing a large module.
    index: HashMap<Term, u32, rustc_hash::FxBuildHasher>,
    names: Vec<Term>,
}

impl Atoms {
    fn put(&mut self, w: &mut Writer, a: Term) {
        let next = self.names.len() as u32;
        let i = *self.index.entry(a).or_insert(next);
        if i == next {
            self.names.push(a);
        }
        w.uint(i.into());
    }
}

fn encode_term(w: &mut Writer, atoms: &mut Atoms, t: Term, depth: usize) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err(format!("a literal nests deeper than {MAX_DEPTH}"));
    }
    match t.kind() {
        Kind::Int => {
            w.byte(T_INT);
            w.int(t.small_value());
        }
        Kind::BigInt => {
            let b = crate::order::to_bigint(t).ok_or("a bignum literal without its value")?;
            w.byte(T_BIG);
            w.bytes(&b.to_signed_bytes_le());
        }
        Kind::Float => {
            w.byte(T_FLOAT);
            let f = t.float_value().ok_or("a float literal without its value")?;
            w.buf.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Kind::Atom => {
            w.byte(T_ATOM);
            atoms.put(w, t);
        }
        Kind::Nil => w.byte(T_NIL),
        Kind::Cons => {
            // Walked twice (to count, then to encode) rather than collected.
            let mut n = 0u64;
            let mut cur = t;
            while let Some((_, tl)) = cur.cons_parts() {
                n += 1;
                cur = tl;
            }
            w.byte(T_LIST);
            w.uint(n);
            let mut cur = t;
            while let Some((h, tl)) = cur.cons_parts() {
                encode_term(w, atoms, h, depth + 1)?;
                cur = tl;
            }
            encode_term(w, atoms, cur, depth + 1)?;
        }
        Kind::Tuple => {
            let elems = t.tuple_elems().unwrap_or(&[]);
            w.byte(T_TUPLE);
            w.uint(elems.len() as u64);
            for e in elems {
                encode_term(w, atoms, *e, depth + 1)?;
            }
        }
        Kind::Binary => match t.binary_bytes() {
            Some(b) => {
                w.byte(T_BINARY);
                w.bytes(b);
            }
            None => {
                let (bits, n) = t.bitstring_bits().ok_or("a bitstring")?;
                w.byte(T_BITS);
                w.uint(n);
                w.bytes(&bits);
            }
        },
        Kind::Map => {
            let pairs = crate::hamt::pairs(t);
            w.byte(T_MAP);
            w.uint(pairs.len() as u64);
            for (k, v) in pairs {
                encode_term(w, atoms, k, depth + 1)?;
                encode_term(w, atoms, v, depth + 1)?;
            }
        }
        Kind::Fun => {
            let (m, f, a) = t
                .export_parts()
                .ok_or("a closure cannot be a literal of serialized code")?;
            w.byte(T_EXPORT);
            atoms.put(w, m);
            atoms.put(w, f);
            w.uint(a.into());
        }
        Kind::Pid | Kind::Ref | Kind::None => {
            return Err(format!(
                "a {:?} cannot be a literal of serialized code",
                t.kind()
            ))
        }
    }
    Ok(())
}

/// Reads units' parts: the reader, the unit's atoms and its literal heap.
struct Decoder<'a> {
    r: Reader<'a>,
    atoms: Vec<Term>,
    heap: Heap,
    /// The elements of the lists and tuples being read, innermost last
    /// (one buffer for all, not a `Vec` per literal).
    scratch: Vec<Term>,
}

impl Decoder<'_> {
    /// Reads a segment's atoms and BIFs, which its functions name by index.
    fn names(&mut self) -> Result<(), ImageError> {
        let n = self.r.count()?;
        self.atoms.clear();
        self.atoms.reserve(n);
        for _ in 0..n {
            let name = self.r.str()?;
            self.atoms.push(atom::intern(name));
        }
        let n = self.r.count()?;
        self.r.bifs.clear();
        for _ in 0..n {
            let m = self.r.str()?;
            let f = self.r.str()?;
            let a = self.r.byte()?;
            let id = bif::lookup(m, f, a.into())
                .ok_or_else(|| self.r.error(format!("no BIF {m}.{f}/{a} in this VM")))?;
            self.r.bifs.push(id);
        }
        Ok(())
    }

    fn atom(&mut self) -> Result<Term, ImageError> {
        let i = self.r.uint()?;
        match usize::try_from(i).ok().and_then(|i| self.atoms.get(i)) {
            Some(a) => Ok(*a),
            None => Err(self.r.error(format!("no atom {i}"))),
        }
    }

    fn term(&mut self, depth: usize) -> Result<Term, ImageError> {
        if depth > MAX_DEPTH {
            return Err(self.r.error("a literal nests too deeply"));
        }
        let tag = self.r.byte()?;
        Ok(match tag {
            T_INT => self.heap.int(self.r.int()?),
            T_BIG => {
                let b = self.r.bytes()?;
                self.heap
                    .bigint(&num_bigint::BigInt::from_signed_bytes_le(b))
            }
            T_FLOAT => {
                let mut w = [0u8; 8];
                for b in &mut w {
                    *b = self.r.byte()?;
                }
                self.heap.float(f64::from_bits(u64::from_le_bytes(w)))
            }
            T_ATOM => self.atom()?,
            T_NIL => Term::NIL,
            T_LIST => {
                let n = self.r.count()?;
                let start = self.scratch.len();
                for _ in 0..n {
                    let t = self.term(depth + 1)?;
                    self.scratch.push(t);
                }
                let tail = self.term(depth + 1)?;
                let l = self.heap.list_with_tail(&self.scratch[start..], tail);
                self.scratch.truncate(start);
                l
            }
            T_TUPLE => {
                let n = self.r.count()?;
                let start = self.scratch.len();
                for _ in 0..n {
                    let t = self.term(depth + 1)?;
                    self.scratch.push(t);
                }
                let t = self.heap.tuple(&self.scratch[start..]);
                self.scratch.truncate(start);
                t
            }
            T_BINARY => {
                let b = self.r.bytes()?;
                self.heap.binary(b)
            }
            T_BITS => {
                let n = self.r.uint()?;
                let b = self.r.bytes()?;
                if n.div_ceil(8) != b.len() as u64 {
                    return Err(self.r.error("a bitstring's size does not fit its bytes"));
                }
                self.heap.bitstring(b, n)
            }
            T_MAP => {
                let n = self.r.count()?;
                let mut kv = Vec::with_capacity(n);
                for _ in 0..n {
                    let k = self.term(depth + 1)?;
                    let v = self.term(depth + 1)?;
                    kv.push((k, v));
                }
                bif::map::build_map(&mut self.heap, kv)
            }
            T_EXPORT => {
                let m = self.atom()?;
                let f = self.atom()?;
                let a = self.r.u32()?;
                self.heap.export(m, f, a)
            }
            _ => return Err(self.r.error(format!("unknown term tag {tag}"))),
        })
    }

    fn function(&mut self) -> Result<Function, ImageError> {
        let module = self.atom()?;
        let name = self.atom()?;
        let arity = self.r.u32()?;
        let nfree = self.r.u32()?;
        let nregs = self.r.u32()?;
        let kind = match self.r.byte()? {
            0 => FunKind::Named,
            1 => {
                let index = self.r.u32()?;
                let parent = self.r.str()?.to_owned();
                let lifted = self.r.u32()?;
                FunKind::Lambda {
                    index,
                    parent,
                    lifted,
                }
            }
            k => return Err(self.r.error(format!("unknown function kind {k}"))),
        };
        let public = bool::get(&mut self.r)?;
        let file = self.term(0)?;
        if !file.is_atom() && !file.is_nil() {
            return Err(self.r.error("a function's file is not an atom"));
        }
        let n = self.r.count()?;
        let mut lines = Vec::with_capacity(n);
        for _ in 0..n {
            lines.push((self.r.u32()?, self.r.u32()?));
        }
        let n = self.r.count()?;
        let mut tables = Vec::with_capacity(n);
        for _ in 0..n {
            let m = self.r.count()?;
            let mut entries = Vec::with_capacity(m);
            for _ in 0..m {
                let k = self.term(0)?;
                if k.is_pointer() {
                    return Err(self.r.error("a jump table key is not an immediate"));
                }
                entries.push((k, self.r.u32()?));
            }
            tables.push(JumpTable::new(&entries));
        }
        let n = self.r.count()?;
        let mut literals = Vec::with_capacity(n);
        for _ in 0..n {
            literals.push(self.term(0)?);
        }
        let n = self.r.count()?;
        let mut code = Vec::with_capacity(n);
        for _ in 0..n {
            code.push(Op::decode_op(&mut self.r)?);
        }
        Ok(Function {
            module,
            name,
            arity,
            nfree,
            nregs,
            code,
            literals,
            kind,
            public,
            lines,
            tables,
            file,
            jit: Default::default(),
        })
    }
}

/// Functions from which a unit is written in two segments (see the module
/// doc), each with its own atoms and BIFs, so that they can be encoded at
/// once on two threads: encoding the 300 tests of a large ExUnit file
/// (their escaped assertion code) took 27M instructions at the module's
/// close. Where a unit is split depends only on its number of functions,
/// so its bytes are the same with one CPU or more.
const SPLIT_FUNCTIONS: usize = 64;

/// Whether a second CPU can encode a segment while this thread does the
/// other.
fn parallel() -> bool {
    static MANY: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *MANY.get_or_init(|| std::thread::available_parallelism().is_ok_and(|n| n.get() > 1))
}

/// Where [`encode_unit`] splits `functions` in two: about half their
/// weight on each side, weighed by instructions and literals (a test
/// function's escaped assertion code is most of the work; the lambdas that
/// follow the named functions weigh little). `functions.len()`: no split.
fn split_point(functions: &[Function]) -> usize {
    if functions.len() < SPLIT_FUNCTIONS {
        return functions.len();
    }
    let weight = |f: &Function| f.code.len() + 4 * f.literals.len();
    let half = functions.iter().map(weight).sum::<usize>() / 2;
    let mut seen = 0;
    for (i, f) in functions.iter().enumerate() {
        seen += weight(f);
        if seen >= half {
            return i + 1;
        }
    }
    functions.len()
}

/// The serialized form of `unit`: its segments (one, or two for a unit of
/// [`SPLIT_FUNCTIONS`] functions or more), then its script. Fails on what
/// has none: a literal that is a closure, a pid or a reference, or nests
/// too deeply.
pub fn encode_unit(unit: &Unit) -> Result<Vec<u8>, String> {
    let split = split_point(&unit.functions);
    let (first, second) = unit.functions.split_at(split);
    let imports = Some(&unit.imports[..]);
    let (out, rest) = if second.is_empty() {
        (encode_segment(imports, first), None)
    } else if parallel() {
        std::thread::scope(|s| {
            // (`Builder`: a thread that cannot start is an error to recover
            // from, where `Scope::spawn` panics; then this thread does both.)
            let other = std::thread::Builder::new()
                .name("beamlet-encode".into())
                .spawn_scoped(s, || encode_segment(None, second));
            let out = encode_segment(imports, first);
            let rest = match other {
                Ok(h) => h
                    .join()
                    .unwrap_or_else(|_| Err("encoding a segment panicked".into())),
                Err(_) => encode_segment(None, second),
            };
            (out, Some(rest))
        })
    } else {
        (
            encode_segment(imports, first),
            Some(encode_segment(None, second)),
        )
    };
    let out = out?;
    let rest = rest.transpose()?;
    let mut body = Writer {
        buf: out,
        bifs: Vec::new(),
    };
    if let Some(rest) = rest {
        body.byte(2);
        body.buf.extend_from_slice(&rest);
    }
    match unit.script {
        None => body.byte(0),
        Some(s) => {
            body.byte(1);
            body.uint(s.into());
        }
    }
    Ok(body.buf)
}

/// A segment: the atoms and BIFs its functions name, then the unit's
/// imports (the first segment's), then `functions`.
fn encode_segment(
    imports: Option<&[(Term, Term, u32)]>,
    functions: &[Function],
) -> Result<Vec<u8>, String> {
    let mut atoms = Atoms::default();
    // The functions first, into their own buffer: they name the atoms and
    // BIFs the header lists.
    let mut body = Writer::default();
    if let Some(imports) = imports {
        body.uint(imports.len() as u64);
        for &(m, f, a) in imports {
            atoms.put(&mut body, m);
            atoms.put(&mut body, f);
            body.uint(a.into());
        }
    }
    body.uint(functions.len() as u64);
    for f in functions {
        let w = &mut body;
        atoms.put(w, f.module);
        atoms.put(w, f.name);
        w.uint(f.arity.into());
        w.uint(f.nfree.into());
        w.uint(f.nregs.into());
        match &f.kind {
            FunKind::Named => w.byte(0),
            FunKind::Lambda {
                index,
                parent,
                lifted,
            } => {
                w.byte(1);
                w.uint((*index).into());
                w.str(parent);
                w.uint((*lifted).into());
            }
        }
        w.byte(f.public.into());
        if !f.file.is_atom() && !f.file.is_nil() {
            return Err("a function's file is not an atom".into());
        }
        encode_term(w, &mut atoms, f.file, 0)?;
        w.uint(f.lines.len() as u64);
        for &(pc, line) in &f.lines {
            w.uint(pc.into());
            w.uint(line.into());
        }
        w.uint(f.tables.len() as u64);
        for t in &f.tables {
            w.uint(t.entries.len() as u64);
            for &(k, l) in &t.entries {
                encode_term(w, &mut atoms, k, 0)?;
                w.uint(l.into());
            }
        }
        w.uint(f.literals.len() as u64);
        for &l in &f.literals {
            encode_term(w, &mut atoms, l, 0)?;
        }
        w.uint(f.code.len() as u64);
        for op in &f.code {
            op.encode_op(w);
        }
    }
    let mut out = Writer::default();
    out.uint(atoms.names.len() as u64);
    for a in &atoms.names {
        out.str(atom::name(*a));
    }
    out.uint(body.bifs.len() as u64);
    for &b in &body.bifs {
        let e = bif::BIFS
            .get(usize::from(b))
            .ok_or_else(|| format!("no BIF {b}"))?;
        out.str(e.module);
        out.str(e.name);
        out.byte(e.arity);
    }
    out.buf.extend_from_slice(&body.buf);
    Ok(out.buf)
}

/// The unit `bytes` hold (as [`encode_unit`] wrote it), checked whole.
pub fn decode_unit(bytes: &[u8]) -> Result<Unit, ImageError> {
    let mut d = Decoder {
        r: Reader::new(bytes),
        atoms: Vec::new(),
        heap: Heap::new(),
        scratch: Vec::new(),
    };
    d.names()?;
    let n = d.r.count()?;
    let mut imports = Vec::with_capacity(n);
    for _ in 0..n {
        let m = d.atom()?;
        let f = d.atom()?;
        imports.push((m, f, d.r.u32()?));
    }
    let mut functions = Vec::new();
    let script = loop {
        let n = d.r.count()?;
        functions.reserve(n);
        for _ in 0..n {
            functions.push(d.function()?);
        }
        match d.r.byte()? {
            0 => break None,
            1 => break Some(d.r.u32()?),
            // Another segment: its own atoms and BIFs, then its functions.
            2 => d.names()?,
            b => return Err(d.r.error(format!("bad script marker {b}"))),
        }
    };
    if !d.r.done() {
        return Err(d.r.error("bytes after the unit"));
    }
    if let Some(s) = script {
        check(s, functions.len(), "script function").map_err(ImageError)?;
    }
    for (i, f) in functions.iter().enumerate() {
        let lim = Limits {
            functions: functions.len(),
            imports: imports.len(),
            literals: f.literals.len(),
            tables: f.tables.len(),
            code: f.code.len(),
        };
        let bad = |e: String| ImageError(format!("function {i}: {e}"));
        for (pc, op) in f.code.iter().enumerate() {
            if let Err(e) = op.check_op(&lim) {
                return Err(bad(format!("instruction {pc}: {e}")));
            }
        }
        for t in &f.tables {
            for &(_, l) in &t.entries {
                lim.label(l).map_err(bad)?;
            }
        }
    }
    Ok(Unit {
        functions,
        imports,
        literals: d.heap,
        script,
    })
}

// ---- images ----

/// One module of an [`Image`].
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    /// The module atom's name (`Elixir.Enum`, `elixir_module`).
    pub module: &'a str,
    /// The file it was compiled from (`stdlib/enum.ex`).
    pub file: &'a str,
    bytes: Range<usize>,
}

/// Units by module, each decoded on demand.
#[derive(Clone, Debug)]
pub struct Image<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry<'a>>,
}

impl<'a> Image<'a> {
    /// An image of `units` (module, file, [`encode_unit`]'s bytes).
    pub fn build(units: &[(String, String, Vec<u8>)]) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.buf.extend_from_slice(&fingerprint().to_le_bytes());
        w.uint(units.len() as u64);
        let mut offset = 0;
        for (m, f, b) in units {
            w.str(m);
            w.str(f);
            w.uint(offset as u64);
            w.uint(b.len() as u64);
            offset += b.len();
        }
        for (_, _, b) in units {
            w.buf.extend_from_slice(b);
        }
        w.buf
    }

    /// Reads the index of the image `bytes` (not the units: see
    /// [`Image::unit`]). Fails on bytes that are not an image of this
    /// build's format.
    pub fn parse(bytes: &'a [u8]) -> Result<Image<'a>, ImageError> {
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(ImageError("not a beamlet code image".into()));
        }
        let mut fp = [0u8; 8];
        fp.copy_from_slice(&bytes[8..16]);
        if u64::from_le_bytes(fp) != fingerprint() {
            return Err(ImageError(
                "the image was made for another instruction set or format".into(),
            ));
        }
        let mut r = Reader::new(&bytes[16..]);
        let n = r.count()?;
        let mut raw = Vec::with_capacity(n);
        for _ in 0..n {
            let module = r.str()?;
            let file = r.str()?;
            let off = r.uint()?;
            let len = r.uint()?;
            raw.push((module, file, off, len));
        }
        let base = 16 + r.pos;
        let blob = bytes.len() - base;
        let mut entries = Vec::with_capacity(n);
        for (module, file, off, len) in raw {
            let end = off.checked_add(len).filter(|e| *e <= blob as u64);
            let Some(end) = end else {
                return Err(ImageError(format!(
                    "{module}: its code lies outside the image"
                )));
            };
            entries.push(Entry {
                module,
                file,
                bytes: base + off as usize..base + end as usize,
            });
        }
        Ok(Image { bytes, entries })
    }

    /// The modules of the image, in its order.
    pub fn entries(&self) -> &[Entry<'a>] {
        &self.entries
    }

    pub fn entry(&self, module: &str) -> Option<&Entry<'a>> {
        self.entries.iter().find(|e| e.module == module)
    }

    /// The encoded unit of `module` (its object code), undecoded, with the
    /// file it was compiled from.
    pub fn entry_bytes(&self, module: &str) -> Option<(&'a [u8], &'a str)> {
        let e = self.entry(module)?;
        Some((&self.bytes[e.bytes.clone()], e.file))
    }

    /// Decodes the unit of `module`: `None` when the image has no such module.
    pub fn unit(&self, module: &str) -> Option<Result<Unit, ImageError>> {
        let e = self.entry(module)?;
        Some(
            decode_unit(&self.bytes[e.bytes.clone()])
                .map_err(|err| ImageError(format!("{}: {}", module, err.0))),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Op;

    fn sample() -> Unit {
        let a = atom::intern;
        let mut heap = Heap::new();
        let s = heap.str("hello");
        let f = heap.float(-0.0);
        let big = heap.bigint(&(num_bigint::BigInt::from(1u64) << 100));
        let inner = heap.tuple(&[a("ok"), Term::small(-7), s]);
        let improper = heap.list_with_tail(&[inner, f], big);
        let map = bif::map::build_map(&mut heap, vec![(a("b"), improper), (a("a"), Term::NIL)]);
        let export = heap.export(a("Elixir.Enum"), a("map"), 2);
        let bif = bif::lookup("erlang", "+", 2).expect("a BIF");
        let fun = Function {
            module: a("Elixir.M"),
            name: a("f"),
            arity: 1,
            nfree: 0,
            nregs: 4,
            code: vec![
                Op::SelectLit {
                    r: 0,
                    table: 0,
                    fail: 3,
                },
                Op::Const { dst: 1, lit: 0 },
                Op::Bif {
                    bif,
                    args: 0,
                    n: 2,
                    dst: 1,
                    fail: NO_LABEL,
                },
                Op::CmpImm {
                    a: 0,
                    imm: -5,
                    op: CmpOp::Ge,
                    fail: 4,
                },
                Op::IsType {
                    r: 0,
                    ty: TypeTest::Map,
                    fail: 5,
                },
                Op::CallExt {
                    import: 0,
                    args: 0,
                    n: 1,
                    dst: 2,
                },
                Op::MakeClosure {
                    dst: 1,
                    fun: 1,
                    free: 0,
                    n: 1,
                },
                Op::Return { src: 1 },
            ],
            literals: vec![map, export, s],
            kind: FunKind::Named,
            public: true,
            lines: vec![(0, 3), (5, 4)],
            tables: vec![JumpTable::new(&[(a("x"), 1), (Term::small(3), 2)])],
            file: a("m.ex"),
            jit: Default::default(),
        };
        let lambda = Function {
            kind: FunKind::Lambda {
                index: 0,
                parent: "f/1".into(),
                lifted: 0,
            },
            public: false,
            tables: vec![],
            literals: vec![],
            code: vec![Op::FunctionClause],
            lines: vec![],
            ..fun.clone()
        };
        Unit {
            functions: vec![fun, lambda],
            imports: vec![(a("Elixir.Enum"), a("map"), 2)],
            literals: heap,
            script: Some(1),
        }
    }

    fn same_term(a: Term, b: Term) -> bool {
        crate::order::compare(a, b).is_eq() && a.kind() == b.kind()
    }

    /// Units equal in everything loading uses.
    pub(crate) fn assert_same(a: &Unit, b: &Unit) {
        assert_eq!(a.imports, b.imports);
        assert_eq!(a.script, b.script);
        assert_eq!(a.functions.len(), b.functions.len());
        for (f, g) in a.functions.iter().zip(&b.functions) {
            assert_eq!(
                (f.module, f.name, f.arity, f.nfree, f.nregs),
                (g.module, g.name, g.arity, g.nfree, g.nregs)
            );
            assert_eq!(
                (&f.kind, f.public, &f.lines, f.file),
                (&g.kind, g.public, &g.lines, g.file)
            );
            assert_eq!(f.code, g.code);
            assert_eq!(f.tables, g.tables);
            assert_eq!(f.literals.len(), g.literals.len());
            for (x, y) in f.literals.iter().zip(&g.literals) {
                assert!(same_term(*x, *y), "{x:?} vs {y:?}");
            }
        }
    }

    #[test]
    fn units_round_trip() {
        let u = sample();
        let bytes = encode_unit(&u).expect("encodes");
        let back = decode_unit(&bytes).expect("decodes");
        assert_same(&u, &back);
        // -0.0 stays negative.
        let f = back.functions[0].literals[0].map_parts().unwrap().1[1];
        let f = f.cons_parts().unwrap().1.cons_parts().unwrap().0;
        assert!(f.float_value().unwrap().is_sign_negative());
    }

    #[test]
    fn large_units_are_written_in_two_segments() {
        let mut u = sample();
        let f = u.functions[0].clone();
        u.functions = vec![f; SPLIT_FUNCTIONS + 6];
        u.script = Some(3);
        let bytes = encode_unit(&u).expect("encodes");
        let back = decode_unit(&bytes).expect("decodes");
        assert_same(&u, &back);
        assert_eq!(encode_unit(&back).expect("encodes"), bytes);
        assert_eq!(split_point(&u.functions), u.functions.len() / 2);
        for n in (0..bytes.len()).step_by(7) {
            assert!(decode_unit(&bytes[..n]).is_err(), "a prefix of {n} bytes");
        }
    }

    #[test]
    fn truncated_or_corrupt_units_are_errors() {
        let bytes = encode_unit(&sample()).expect("encodes");
        for n in 0..bytes.len() {
            assert!(decode_unit(&bytes[..n]).is_err(), "a prefix of {n} bytes");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode_unit(&longer).is_err());
        // Every single-byte change either fails or still decodes to a
        // checked unit: it never panics.
        for i in 0..bytes.len() {
            for v in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[i] = v;
                let _ = decode_unit(&b);
            }
        }
    }

    #[test]
    fn out_of_range_operands_are_errors() {
        let mut u = sample();
        u.functions[0].code.push(Op::Jump { to: 99 });
        let bytes = encode_unit(&u).expect("encodes");
        let e = decode_unit(&bytes).err().expect("refused");
        assert!(e.0.contains("label 99"), "{e}");
        let mut u = sample();
        u.functions[0].code.push(Op::Call {
            fun: 7,
            args: 0,
            n: 0,
            dst: 0,
        });
        let e = decode_unit(&encode_unit(&u).unwrap())
            .err()
            .expect("refused");
        assert!(e.0.contains("function 7"), "{e}");
    }

    #[test]
    fn images_index_units_and_refuse_bad_bytes() {
        let u = encode_unit(&sample()).expect("encodes");
        let img = Image::build(&[
            ("Elixir.M".into(), "m.ex".into(), u.clone()),
            ("Elixir.N".into(), "n.ex".into(), u),
        ]);
        let image = Image::parse(&img).expect("parses");
        assert_eq!(image.entries().len(), 2);
        assert_eq!(image.entries()[1].file, "n.ex");
        assert!(image.unit("Elixir.N").unwrap().is_ok());
        assert!(image.unit("Elixir.O").is_none());
        for n in 0..img.len() {
            match Image::parse(&img[..n]) {
                Err(_) => {}
                Ok(i) => {
                    // The index survived: the units it cut must not decode.
                    for e in i.entries() {
                        let _ = i.unit(e.module);
                    }
                }
            }
        }
        let mut other = img.clone();
        other[8] ^= 1;
        assert!(Image::parse(&other).is_err());
    }
}
