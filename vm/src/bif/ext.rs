//! The BEAM's external term format (`term_to_binary/1,2`,
//! `binary_to_term/1,2`, `external_size/1,2`) and `phash2/1,2`, the portable
//! term hash: BIFs because both walk whole terms byte by byte and must give
//! the BEAM's bytes and numbers exactly.
//!
//! Encoding follows OTP 25's choices: atoms as `ATOM_EXT` when their text is
//! Latin-1, else `SMALL_ATOM_UTF8_EXT`; byte lists as `STRING_EXT`; floats as
//! `NEW_FLOAT_EXT` (minor version 0: the old 31-byte text form); maps with
//! their keys in term order. `[:compressed]` deflates the encoding with zlib
//! (level 6, or the one given) and keeps it only when it is smaller, as erts
//! does. Pids and references are written as this node's (`nonode@nohost`,
//! creation 0); a closure as `NEW_FUN_EXT` carrying this VM's function id, so
//! it decodes back into the same closure in the same run.

use super::{BifResult, Ctx};
use crate::atom;
use crate::order::to_bigint;
use crate::process::Exn;
use crate::term::{Kind, Term};
use num_bigint::{BigInt, Sign};
use std::io::Write;

const VERSION: u8 = 131;
const NODE: &str = "nonode@nohost";

// ---------------------------------------------------------------- encoding

struct Encoder<'a, 'b> {
    out: Vec<u8>,
    minor: u8,
    ctx: &'a Ctx<'b>,
}

impl Encoder<'_, '_> {
    fn atom(&mut self, name: &str) {
        let latin1: Option<Vec<u8>> = if self.minor >= 2 {
            None
        } else {
            name.chars().map(|c| u8::try_from(c as u32).ok()).collect()
        };
        match latin1 {
            Some(bytes) => {
                self.out.push(100);
                self.out
                    .extend_from_slice(&(bytes.len() as u16).to_be_bytes());
                self.out.extend_from_slice(&bytes);
            }
            None => {
                let bytes = name.as_bytes();
                if bytes.len() < 256 {
                    self.out.push(119);
                    self.out.push(bytes.len() as u8);
                } else {
                    self.out.push(118);
                    self.out
                        .extend_from_slice(&(bytes.len() as u16).to_be_bytes());
                }
                self.out.extend_from_slice(bytes);
            }
        }
    }

    fn int(&mut self, v: i64) {
        if (0..=255).contains(&v) {
            self.out.push(97);
            self.out.push(v as u8);
        } else if i32::try_from(v).is_ok() {
            self.out.push(98);
            self.out.extend_from_slice(&(v as i32).to_be_bytes());
        } else {
            self.big(&BigInt::from(v));
        }
    }

    fn big(&mut self, b: &BigInt) {
        let (sign, bytes) = b.to_bytes_le();
        if bytes.len() < 256 {
            self.out.push(110);
            self.out.push(bytes.len() as u8);
        } else {
            self.out.push(111);
            self.out
                .extend_from_slice(&(bytes.len() as u32).to_be_bytes());
        }
        self.out.push(u8::from(sign == Sign::Minus));
        self.out.extend_from_slice(&bytes);
    }

    fn float(&mut self, f: f64) {
        if self.minor == 0 {
            self.out.push(99);
            let mut text = format_e20(f).into_bytes();
            text.resize(31, 0);
            self.out.extend_from_slice(&text);
        } else {
            self.out.push(70);
            self.out.extend_from_slice(&f.to_bits().to_be_bytes());
        }
    }

    fn term(&mut self, t: Term) {
        match t.kind() {
            Kind::Int => self.int(t.small_value()),
            Kind::BigInt => {
                let b = to_bigint(t).unwrap_or_default();
                match i64::try_from(&b) {
                    Ok(v) => self.int(v),
                    Err(_) => self.big(&b),
                }
            }
            Kind::Float => self.float(t.float_value().unwrap_or(0.0)),
            Kind::Atom => self.atom(atom::name(t)),
            Kind::Nil => self.out.push(106),
            Kind::Cons => self.list(t),
            Kind::Tuple => {
                let elems = t.tuple_elems().unwrap_or(&[]);
                if elems.len() < 256 {
                    self.out.push(104);
                    self.out.push(elems.len() as u8);
                } else {
                    self.out.push(105);
                    self.out
                        .extend_from_slice(&(elems.len() as u32).to_be_bytes());
                }
                for e in elems {
                    self.term(*e);
                }
            }
            Kind::Binary => match t.binary_bytes() {
                Some(b) => {
                    self.out.push(109);
                    self.out.extend_from_slice(&(b.len() as u32).to_be_bytes());
                    self.out.extend_from_slice(b);
                }
                None => {
                    let (bytes, bits) = t.bitstring_bits().unwrap_or_default();
                    self.out.push(77);
                    self.out
                        .extend_from_slice(&(bytes.len() as u32).to_be_bytes());
                    self.out.push(((bits - 1) % 8 + 1) as u8);
                    self.out.extend_from_slice(&bytes);
                }
            },
            Kind::Map => {
                // A map of over 32 keys in its trie's order (hamt.rs).
                let pairs = crate::hamt::pairs(t);
                self.out.push(116);
                self.out
                    .extend_from_slice(&(pairs.len() as u32).to_be_bytes());
                for (k, v) in pairs {
                    self.term(k);
                    self.term(v);
                }
            }
            Kind::Pid => {
                let (index, serial) = t.pid_parts().unwrap_or((0, 0));
                self.out.push(88);
                self.atom(NODE);
                self.out.extend_from_slice(&index.to_be_bytes());
                self.out.extend_from_slice(&serial.to_be_bytes());
                self.out.extend_from_slice(&0u32.to_be_bytes());
            }
            Kind::Ref => {
                let n = t.ref_value().unwrap_or(0);
                self.out.push(90);
                self.out.extend_from_slice(&3u16.to_be_bytes());
                self.atom(NODE);
                self.out.extend_from_slice(&0u32.to_be_bytes());
                for id in [n as u32, (n >> 32) as u32, 0] {
                    self.out.extend_from_slice(&id.to_be_bytes());
                }
            }
            Kind::Fun => self.fun(t),
            Kind::None => self.atom("undefined"),
        }
    }

    fn list(&mut self, t: Term) {
        let mut items = Vec::new();
        let mut cur = t;
        while let Some((h, tl)) = cur.cons_parts() {
            items.push(h);
            cur = tl;
        }
        let bytes = cur.is_nil()
            && items.len() <= 65535
            && items.iter().all(|i| matches!(i.as_small(), Some(0..=255)));
        if bytes {
            self.out.push(107);
            self.out
                .extend_from_slice(&(items.len() as u16).to_be_bytes());
            self.out.extend(items.iter().map(|i| i.small_value() as u8));
            return;
        }
        self.out.push(108);
        self.out
            .extend_from_slice(&(items.len() as u32).to_be_bytes());
        for i in items {
            self.term(i);
        }
        self.term(cur);
    }

    fn fun(&mut self, t: Term) {
        if let Some((m, f, a)) = t.export_parts() {
            self.out.push(113);
            self.atom(atom::name(m));
            self.atom(atom::name(f));
            self.int(i64::from(a));
            return;
        }
        let (id, free) = t.closure_parts().unwrap_or((0, &[]));
        let (module, arity) = match self.ctx.code.get_function(id) {
            Some(f) => (atom::name(f.module), f.arity),
            None => ("erlang", 0),
        };
        let start = self.out.len();
        self.out.push(112);
        self.out.extend_from_slice(&[0; 4]);
        self.out.push(arity as u8);
        self.out.extend_from_slice(&[0; 16]);
        self.out.extend_from_slice(&id.to_be_bytes());
        self.out
            .extend_from_slice(&(free.len() as u32).to_be_bytes());
        self.atom(module);
        self.int(i64::from(id));
        self.int(0);
        self.term(self.ctx.st.pid);
        for v in free {
            self.term(*v);
        }
        let size = (self.out.len() - start - 1) as u32;
        self.out[start + 1..start + 5].copy_from_slice(&size.to_be_bytes());
    }
}

/// `%.20e` as C prints it (the old `FLOAT_EXT` text).
fn format_e20(f: f64) -> String {
    let s = format!("{f:.20e}");
    // Rust writes `1.5e0`; C writes `1.5e+00`.
    match s.split_once('e') {
        Some((mant, exp)) => {
            let e: i32 = exp.parse().unwrap_or(0);
            let sign = if e < 0 { '-' } else { '+' };
            format!("{mant}e{sign}{:02}", e.abs())
        }
        None => s,
    }
}

struct Opts {
    level: u32,
    minor: u8,
}

fn parse_opts(t: Term) -> Option<Opts> {
    let mut o = Opts { level: 0, minor: 1 };
    let mut cur = t;
    while let Some((h, tl)) = cur.cons_parts() {
        if h == atom::intern("compressed") {
            o.level = 6;
        } else if let Some([k, v]) = h.tuple_elems() {
            match (atom::name(*k), v.as_small()) {
                ("compressed", Some(n @ 0..=9)) => o.level = n as u32,
                ("minor_version", Some(n @ 0..=2)) => o.minor = n as u8,
                _ => return None,
            }
        } else if h != atom::intern("deterministic") {
            return None;
        }
        cur = tl;
    }
    cur.is_nil().then_some(o)
}

fn encode(ctx: &Ctx, t: Term, o: &Opts) -> Vec<u8> {
    let mut e = Encoder {
        out: Vec::new(),
        minor: o.minor,
        ctx,
    };
    e.term(t);
    let body = e.out;
    if o.level > 0 {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(o.level));
        if z.write_all(&body).is_ok() {
            if let Ok(zipped) = z.finish() {
                if zipped.len() + 5 <= body.len() {
                    let mut out = vec![VERSION, 80];
                    out.extend_from_slice(&(body.len() as u32).to_be_bytes());
                    out.extend_from_slice(&zipped);
                    return out;
                }
            }
        }
    }
    let mut out = Vec::with_capacity(body.len() + 1);
    out.push(VERSION);
    out.extend_from_slice(&body);
    out
}

/// `:erlang.term_to_binary/1`.
pub fn term_to_binary(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let bytes = encode(ctx, a[0], &Opts { level: 0, minor: 1 });
    Ok(ctx.st.heap.binary(&bytes))
}

/// `:erlang.term_to_binary/2`: `:compressed`, `{:compressed, 0..9}`, `{:minor_version, 0..2}`, `:deterministic`.
pub fn term_to_binary2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let o = parse_opts(a[1]).ok_or_else(|| Exn::badarg_at(2, "invalid option in list"))?;
    let bytes = encode(ctx, a[0], &o);
    Ok(ctx.st.heap.binary(&bytes))
}

/// `:erlang.external_size/1`: the size `term_to_binary/1` would give.
pub fn external_size(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let n = encode(ctx, a[0], &Opts { level: 0, minor: 1 }).len();
    Ok(Term::small(n as i64))
}

/// `:erlang.external_size/2` (`{:minor_version, n}` only).
pub fn external_size2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let o = parse_opts(a[1])
        .filter(|o| o.level == 0)
        .ok_or_else(|| Exn::badarg_at(2, "invalid option in list"))?;
    let n = encode(ctx, a[0], &o).len();
    Ok(Term::small(n as i64))
}

// ---------------------------------------------------------------- decoding

struct Decoder<'a, 'c> {
    bytes: &'a [u8],
    pos: usize,
    safe: bool,
    ctx: &'a mut Ctx<'c>,
}

type D<T> = Result<T, ()>;

impl Decoder<'_, '_> {
    fn take(&mut self, n: usize) -> D<&[u8]> {
        let end = self.pos.checked_add(n).ok_or(())?;
        let s = self.bytes.get(self.pos..end).ok_or(())?;
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> D<u8> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> D<usize> {
        let s = self.take(2)?;
        Ok(u16::from_be_bytes([s[0], s[1]]) as usize)
    }
    fn u32(&mut self) -> D<u32> {
        let s = self.take(4)?;
        Ok(u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
    }

    fn atom_text(&mut self, text: String) -> D<Term> {
        if self.safe {
            atom::existing(&text).ok_or(())
        } else {
            atom::try_intern(&text).ok_or(())
        }
    }

    fn latin1_atom(&mut self, n: usize) -> D<Term> {
        let text: String = self.take(n)?.iter().map(|b| *b as char).collect();
        self.atom_text(text)
    }

    fn utf8_atom(&mut self, n: usize) -> D<Term> {
        let text = String::from_utf8(self.take(n)?.to_vec()).map_err(|_| ())?;
        self.atom_text(text)
    }

    fn atom(&mut self) -> D<Term> {
        let t = self.term()?;
        if t.is_atom() {
            Ok(t)
        } else {
            Err(())
        }
    }

    fn big(&mut self, n: usize) -> D<Term> {
        let sign = self.u8()?;
        let digits = self.take(n)?;
        let mag = BigInt::from_bytes_le(Sign::Plus, digits);
        let b = if sign == 0 { mag } else { -mag };
        Ok(match i64::try_from(&b) {
            Ok(v) => self.ctx.st.heap.int(v),
            Err(_) => self.ctx.st.heap.bigint(&b),
        })
    }

    fn term(&mut self) -> D<Term> {
        let tag = self.u8()?;
        match tag {
            97 => Ok(Term::small(i64::from(self.u8()?))),
            98 => {
                let v = self.u32()? as i32;
                Ok(self.ctx.st.heap.int(i64::from(v)))
            }
            110 => {
                let n = self.u8()? as usize;
                self.big(n)
            }
            111 => {
                let n = self.u32()? as usize;
                self.big(n)
            }
            70 => {
                let s = self.take(8)?;
                let f = f64::from_bits(u64::from_be_bytes(s.try_into().map_err(|_| ())?));
                if !f.is_finite() {
                    return Err(());
                }
                Ok(self.ctx.st.heap.float(f))
            }
            99 => {
                let s = self.take(31)?;
                let text: String = s
                    .iter()
                    .take_while(|b| **b != 0)
                    .map(|b| *b as char)
                    .collect();
                let f: f64 = text.trim().parse().map_err(|_| ())?;
                Ok(self.ctx.st.heap.float(f))
            }
            100 | 118 => {
                let n = self.u16()?;
                if tag == 100 {
                    self.latin1_atom(n)
                } else {
                    self.utf8_atom(n)
                }
            }
            115 | 119 => {
                let n = self.u8()? as usize;
                if tag == 115 {
                    self.latin1_atom(n)
                } else {
                    self.utf8_atom(n)
                }
            }
            106 => Ok(Term::NIL),
            107 => {
                let n = self.u16()?;
                let elems: Vec<Term> = self
                    .take(n)?
                    .iter()
                    .map(|b| Term::small(i64::from(*b)))
                    .collect();
                Ok(self.ctx.st.heap.list(&elems))
            }
            108 => {
                let n = self.u32()? as usize;
                let mut elems = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    elems.push(self.term()?);
                }
                let tail = self.term()?;
                Ok(self.ctx.st.heap.list_with_tail(&elems, tail))
            }
            104 | 105 => {
                let n = if tag == 104 {
                    self.u8()? as usize
                } else {
                    self.u32()? as usize
                };
                let mut elems = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    elems.push(self.term()?);
                }
                Ok(self.ctx.st.heap.tuple(&elems))
            }
            109 => {
                let n = self.u32()? as usize;
                let b = self.take(n)?.to_vec();
                Ok(self.ctx.st.heap.binary(&b))
            }
            77 => {
                let n = self.u32()? as usize;
                let bits = self.u8()?;
                if n == 0 || !(1..=8).contains(&bits) {
                    return if n == 0 && bits == 0 {
                        Ok(self.ctx.st.heap.binary(&[]))
                    } else {
                        Err(())
                    };
                }
                let b = self.take(n)?.to_vec();
                let total = (n as u64 - 1) * 8 + u64::from(bits);
                Ok(self.ctx.st.heap.bitstring(&b, total))
            }
            116 => {
                let n = self.u32()? as usize;
                let mut kv = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    let k = self.term()?;
                    let v = self.term()?;
                    kv.push((k, v));
                }
                Ok(crate::bif::map::build_map(&mut self.ctx.st.heap, kv))
            }
            88 | 103 => {
                self.atom()?;
                let index = self.u32()?;
                let serial = self.u32()?;
                if tag == 88 {
                    self.u32()?;
                } else {
                    self.u8()?;
                }
                Ok(Term::pid(index, serial))
            }
            90 | 114 => {
                let n = self.u16()?;
                self.atom()?;
                if tag == 90 {
                    self.u32()?;
                } else {
                    self.u8()?;
                }
                let mut ids = Vec::new();
                for _ in 0..n {
                    ids.push(self.u32()?);
                }
                let lo = u64::from(ids.first().copied().unwrap_or(0));
                let hi = u64::from(ids.get(1).copied().unwrap_or(0));
                Ok(Term::reference((hi << 32) | lo))
            }
            113 => {
                let m = self.atom()?;
                let f = self.atom()?;
                let a = self.term()?.as_small().ok_or(())?;
                Ok(self.ctx.st.heap.export(m, f, a as u32))
            }
            112 => {
                self.u32()?;
                self.u8()?;
                self.take(16)?;
                let id = self.u32()?;
                let nfree = self.u32()? as usize;
                self.atom()?;
                self.term()?;
                self.term()?;
                self.term()?;
                let mut free = Vec::with_capacity(nfree.min(256));
                for _ in 0..nfree {
                    free.push(self.term()?);
                }
                if self.ctx.code.get_function(id).is_none() {
                    return Err(());
                }
                Ok(self.ctx.st.heap.closure(id, &free))
            }
            _ => Err(()),
        }
    }
}

fn decode(ctx: &mut Ctx, bytes: &[u8], safe: bool) -> D<(Term, usize)> {
    if bytes.first() != Some(&VERSION) {
        return Err(());
    }
    if bytes.get(1) == Some(&80) {
        let size = u32::from_be_bytes(bytes.get(2..6).ok_or(())?.try_into().map_err(|_| ())?);
        let mut z = flate2::read::ZlibDecoder::new(&bytes[6..]);
        let mut body = Vec::with_capacity(size as usize);
        std::io::Read::read_to_end(&mut z, &mut body).map_err(|_| ())?;
        if body.len() != size as usize {
            return Err(());
        }
        let used = 6 + z.total_in() as usize;
        let mut d = Decoder {
            bytes: &body,
            pos: 0,
            safe,
            ctx,
        };
        let t = d.term()?;
        if d.pos != body.len() {
            return Err(());
        }
        return Ok((t, used));
    }
    let mut d = Decoder {
        bytes,
        pos: 1,
        safe,
        ctx,
    };
    let t = d.term()?;
    Ok((t, d.pos))
}

fn invalid(safe: bool) -> Exn {
    Exn::badarg_at(
        1,
        if safe {
            "invalid or unsafe external representation of a term"
        } else {
            "invalid external representation of a term"
        },
    )
}

/// `:erlang.binary_to_term/1`.
pub fn binary_to_term(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let bytes = a[0]
        .binary_bytes()
        .ok_or_else(|| Exn::badarg_at(1, "not a binary"))?;
    decode(ctx, bytes, false)
        .map(|(t, _)| t)
        .map_err(|()| invalid(false))
}

/// `:erlang.binary_to_term/2`: `:safe` (no new atoms or funs) and `:used` (`{term, bytes_read}`).
pub fn binary_to_term2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let bytes = a[0]
        .binary_bytes()
        .ok_or_else(|| Exn::badarg_at(1, "not a binary"))?;
    let (mut safe, mut used) = (false, false);
    let mut cur = a[1];
    while let Some((h, tl)) = cur.cons_parts() {
        match h.is_atom().then(|| atom::name(h)) {
            Some("safe") => safe = true,
            Some("used") => used = true,
            _ => return Err(Exn::badarg_at(2, "invalid option in list")),
        }
        cur = tl;
    }
    if !cur.is_nil() {
        return Err(Exn::badarg_at(2, "not a list"));
    }
    let (t, n) = decode(ctx, bytes, safe).map_err(|()| invalid(safe))?;
    if used {
        Ok(ctx.st.heap.tuple(&[t, Term::small(n as i64)]))
    } else {
        Ok(t)
    }
}

// ---------------------------------------------------------------- phash2

// Bob Jenkins' mix of three 32-bit words, as erts uses it.
fn mix(a: &mut u32, b: &mut u32, c: &mut u32) {
    *a = a.wrapping_sub(*b).wrapping_sub(*c) ^ (*c >> 13);
    *b = b.wrapping_sub(*c).wrapping_sub(*a) ^ (*a << 8);
    *c = c.wrapping_sub(*a).wrapping_sub(*b) ^ (*b >> 13);
    *a = a.wrapping_sub(*b).wrapping_sub(*c) ^ (*c >> 12);
    *b = b.wrapping_sub(*c).wrapping_sub(*a) ^ (*a << 16);
    *c = c.wrapping_sub(*a).wrapping_sub(*b) ^ (*b >> 5);
    *a = a.wrapping_sub(*b).wrapping_sub(*c) ^ (*c >> 3);
    *b = b.wrapping_sub(*c).wrapping_sub(*a) ^ (*a << 10);
    *c = c.wrapping_sub(*a).wrapping_sub(*b) ^ (*b >> 15);
}

const GOLDEN: u32 = 0x9e37_79b9;
/// The number erts hashes for `[]` inside a term (its type tag, NIL_DEF).
const NIL_DEF: u32 = 2;
/// `GOLDEN * n` for the type tags.
const fn hconst(n: u32) -> u32 {
    GOLDEN.wrapping_mul(n)
}

/// Mixes two words into `hash` with a type constant.
fn hash2(hash: &mut u32, x: u32, y: u32, k: u32) {
    let mut a = k.wrapping_add(x);
    let mut b = k.wrapping_add(y);
    mix(&mut a, &mut b, hash);
}

/// The hash of a byte block (Jenkins' lookup2), seeded with `init`.
fn block_hash(bytes: &[u8], init: u32) -> u32 {
    let (mut a, mut b, mut c) = (GOLDEN, GOLDEN, init);
    let word = |k: &[u8]| u32::from_le_bytes([k[0], k[1], k[2], k[3]]);
    let mut chunks = bytes.chunks_exact(12);
    for k in &mut chunks {
        a = a.wrapping_add(word(&k[0..4]));
        b = b.wrapping_add(word(&k[4..8]));
        c = c.wrapping_add(word(&k[8..12]));
        mix(&mut a, &mut b, &mut c);
    }
    let k = chunks.remainder();
    c = c.wrapping_add(bytes.len() as u32);
    let mut last = [0u8; 12];
    last[..k.len()].copy_from_slice(k);
    // The first byte of c is the length's: the tail's bytes 8.. go above it.
    a = a.wrapping_add(word(&last[0..4]));
    b = b.wrapping_add(word(&last[4..8]));
    c = c.wrapping_add(u32::from_le_bytes([0, last[8], last[9], last[10]]));
    mix(&mut a, &mut b, &mut c);
    c
}

/// An atom's hash in the atom table (hashpjw over its Latin-1 text).
fn atom_hash(name: &str) -> u32 {
    let mut h: u32 = 0;
    for ch in name.chars() {
        let code = ch as u32;
        let bytes: Vec<u32> = if code < 256 {
            vec![code]
        } else {
            let mut buf = [0u8; 4];
            ch.encode_utf8(&mut buf).bytes().map(u32::from).collect()
        };
        for v in bytes {
            h = (h << 4).wrapping_add(v);
            let g = h & 0xf000_0000;
            if g != 0 {
                h ^= g >> 24;
                h ^= g;
            }
        }
    }
    h
}

/// What is left to do on the hash's stack.
enum Job {
    Term(Term),
    /// A map's end: the hash before it, and the pairs' xor outside it.
    MapTail(u32, u32),
    /// A key-value pair's end.
    MapPair,
}

fn int_hash(hash: &mut u32, v: &BigInt) {
    if let Ok(small) = i32::try_from(v) {
        if (-(1 << 27)..(1 << 27)).contains(&small) {
            if small < 0 {
                hash2(hash, small.unsigned_abs(), 0, GOLDEN);
            }
            hash2(hash, small as u32, 0, GOLDEN);
            return;
        }
    }
    let con = if v.sign() == Sign::Minus {
        hconst(10)
    } else {
        hconst(11)
    };
    let (_, digits) = v.to_u64_digits();
    for d in digits {
        hash2(hash, d as u32, (d >> 32) as u32, con);
    }
}

/// `make_hash2`: the BEAM's portable hash of a term.
fn make_hash2(t: Term) -> u32 {
    // Atoms alone are their table hash; small integers hash alone.
    if t.is_atom() {
        return atom_hash(atom::name(t));
    }
    let mut hash: u32 = 0;
    let mut xor_pairs: u32 = 0;
    let mut stack = vec![Job::Term(t)];
    while let Some(job) = stack.pop() {
        let t = match job {
            Job::Term(t) => t,
            Job::MapTail(before, outer) => {
                let pairs = xor_pairs;
                hash = before;
                hash2(&mut hash, pairs, 0, hconst(19));
                xor_pairs = outer;
                continue;
            }
            Job::MapPair => {
                xor_pairs ^= hash;
                hash = 0;
                continue;
            }
        };
        match t.kind() {
            Kind::Int => int_hash(&mut hash, &BigInt::from(t.small_value())),
            Kind::BigInt => int_hash(&mut hash, &to_bigint(t).unwrap_or_default()),
            Kind::Float => {
                let f = t.float_value().unwrap_or(0.0);
                let f = if f == 0.0 { 0.0 } else { f };
                let bits = f.to_bits();
                hash2(&mut hash, (bits >> 32) as u32, bits as u32, hconst(12));
            }
            Kind::Atom => {
                let h = atom_hash(atom::name(t));
                if hash == 0 {
                    hash = h;
                } else {
                    hash2(&mut hash, h, 0, hconst(3));
                }
            }
            Kind::Nil => {
                if hash == 0 {
                    hash = 3_468_870_702;
                } else {
                    hash2(&mut hash, NIL_DEF, 0, hconst(2));
                }
            }
            Kind::Cons => {
                // Runs of bytes hash four at a time.
                let mut cur = t;
                let (mut c, mut sh) = (0u32, 0u32);
                while let Some((h, tl)) = cur.cons_parts() {
                    match h.as_small() {
                        Some(b @ 0..=255) => {
                            sh = (sh << 8).wrapping_add(b as u32);
                            if c == 3 {
                                hash2(&mut hash, sh, 0, hconst(4));
                                c = 0;
                                sh = 0;
                            } else {
                                c += 1;
                            }
                            cur = tl;
                        }
                        _ => break,
                    }
                }
                if c > 0 {
                    hash2(&mut hash, sh, 0, hconst(4));
                }
                match cur.cons_parts() {
                    Some((h, tl)) => {
                        stack.push(Job::Term(tl));
                        stack.push(Job::Term(h));
                    }
                    None => stack.push(Job::Term(cur)),
                }
            }
            Kind::Tuple => {
                let elems = t.tuple_elems().unwrap_or(&[]);
                hash2(&mut hash, elems.len() as u32, 0, hconst(9));
                for e in elems.iter().rev() {
                    stack.push(Job::Term(*e));
                }
            }
            Kind::Map => {
                // Pairs combine by xor: any order (hamt.rs for large maps).
                let pairs = crate::hamt::pairs(t);
                hash2(&mut hash, pairs.len() as u32, 0, hconst(16));
                if !pairs.is_empty() {
                    stack.push(Job::MapTail(hash, xor_pairs));
                    hash = 0;
                    xor_pairs = 0;
                    for (k, v) in pairs.into_iter().rev() {
                        stack.push(Job::MapPair);
                        stack.push(Job::Term(v));
                        stack.push(Job::Term(k));
                    }
                }
            }
            Kind::Binary => {
                let (bytes, bits) = t.bitstring_bits().unwrap_or_default();
                let whole = (bits / 8) as usize;
                let rest = (bits % 8) as u32;
                let con = hconst(13).wrapping_add(hash);
                if bits == 0 {
                    hash = con;
                } else {
                    hash = block_hash(&bytes[..whole], con);
                    if rest > 0 {
                        let last = u32::from(bytes[whole]) >> (8 - rest);
                        hash2(&mut hash, rest, last, hconst(15));
                    }
                }
            }
            Kind::Pid => {
                let (index, _) = t.pid_parts().unwrap_or((0, 0));
                hash2(&mut hash, index, 0, hconst(5));
            }
            Kind::Ref => {
                let n = t.ref_value().unwrap_or(0);
                hash2(&mut hash, n as u32, 0, hconst(7));
            }
            Kind::Fun => {
                if let Some((m, f, a)) = t.export_parts() {
                    hash2(&mut hash, a, atom_hash(atom::name(m)), GOLDEN);
                    hash2(&mut hash, atom_hash(atom::name(f)), 0, hconst(14));
                } else {
                    let (id, free) = t.closure_parts().unwrap_or((0, &[]));
                    hash2(&mut hash, free.len() as u32, 0, GOLDEN);
                    hash2(&mut hash, id, 0, GOLDEN);
                    for v in free.iter().rev() {
                        stack.push(Job::Term(*v));
                    }
                }
            }
            Kind::None => {}
        }
    }
    hash
}

// ---------------------------------------------------------------- phash

// Primes just above 2^28: erts' multipliers for the old hash, one per kind.
const P1: u32 = 268_440_163;
const P2: u32 = 268_439_161;
const P3: u32 = 268_435_459;
const P4: u32 = 268_436_141;
const P5: u32 = 268_438_633;
const P6: u32 = 268_437_017;
const P8: u32 = 268_437_511;
const P9: u32 = 268_439_627;
const P10: u32 = 268_440_479;
const P11: u32 = 268_440_577;
const P12: u32 = 268_440_581;
const P13: u32 = 268_440_593;
const P14: u32 = 268_440_611;

/// `h * p + x`, wrapping at 32 bits.
fn step(h: u32, p: u32, x: u32) -> u32 {
    h.wrapping_mul(p).wrapping_add(x)
}

/// The four bytes of `x`, least significant first.
fn step_u32(h: u32, p: u32, x: u32) -> u32 {
    x.to_le_bytes()
        .iter()
        .fold(h, |h, b| step(h, p, u32::from(*b)))
}

/// What is left to do on the old hash's stack.
enum OldJob {
    Term(Term),
    /// A tuple's end: its arity goes in last.
    TupleEnd(u32),
    /// A list's end (after its tail).
    ListEnd,
    /// The rest of a list after an element: more elements, or its tail.
    Tail(Term),
}

/// `make_hash`: the BEAM's old hash (`:erlang.phash/2`, OTP's `:sets` and
/// `:dict` v1 buckets). An integer hashes its magnitude's bytes, least
/// significant first, in whole 32-bit words, then its sign; a list's bytes
/// hash inline; a tuple its elements then its arity; a map is its
/// `make_hash2`.
fn make_hash(t: Term) -> u32 {
    let mut h: u32 = 0;
    let mut stack = vec![OldJob::Term(t)];
    while let Some(job) = stack.pop() {
        let t = match job {
            OldJob::Term(t) => t,
            OldJob::TupleEnd(n) => {
                h = step(h, P9, n);
                continue;
            }
            OldJob::ListEnd => {
                h = h.wrapping_mul(P8);
                continue;
            }
            OldJob::Tail(t) if t.cons_parts().is_some() => t,
            OldJob::Tail(t) => {
                stack.push(OldJob::ListEnd);
                t
            }
        };
        match t.kind() {
            Kind::Nil => h = step(h, P3, 1),
            Kind::Atom => h = step(h, P1, atom_hash(atom::name(t))),
            Kind::Int | Kind::BigInt => {
                let v = to_bigint(t).unwrap_or_default();
                let mut bytes = v.magnitude().to_bytes_le();
                // Whole 32-bit words, one at least (for 0).
                bytes.resize(bytes.len().div_ceil(4).max(1) * 4, 0);
                for b in bytes {
                    h = step(h, P2, u32::from(b));
                }
                h = h.wrapping_mul(if v.sign() == Sign::Minus { P4 } else { P3 });
            }
            Kind::Float => {
                let f = t.float_value().unwrap_or(0.0);
                let bits = if f == 0.0 { 0 } else { f.to_bits() };
                h = step(h, P6, (bits >> 32) as u32 ^ bits as u32);
            }
            Kind::Binary => {
                let (bytes, bits) = t.bitstring_bits().unwrap_or_default();
                let whole = (bits / 8) as usize;
                let rest = (bits % 8) as u32;
                for b in &bytes[..whole] {
                    h = step(h, P1, u32::from(*b));
                }
                if rest > 0 {
                    let last = u32::from(bytes[whole]) >> (8 - rest);
                    h = step(step(h, P1, last), P12, rest);
                }
                h = step(h, P4, whole as u32);
            }
            Kind::Cons => {
                // Bytes hash inline; another element is hashed as a term,
                // then the rest of the list (`OldJob::Tail`).
                let mut cur = t;
                while let Some((hd, tl)) = cur.cons_parts() {
                    match hd.as_small() {
                        Some(b @ 0..=255) if tl.cons_parts().is_some() => {
                            h = step(h, P2, b as u32);
                            cur = tl;
                        }
                        Some(b @ 0..=255) => {
                            h = step(h, P2, b as u32);
                            stack.push(OldJob::ListEnd);
                            stack.push(OldJob::Term(tl));
                            break;
                        }
                        _ => {
                            stack.push(OldJob::Tail(tl));
                            stack.push(OldJob::Term(hd));
                            break;
                        }
                    }
                }
            }
            Kind::Tuple => {
                let elems = t.tuple_elems().unwrap_or(&[]);
                stack.push(OldJob::TupleEnd(elems.len() as u32));
                for e in elems.iter().rev() {
                    stack.push(OldJob::Term(*e));
                }
            }
            Kind::Map => h = step(h, P13, P14).wrapping_add(make_hash2(t)),
            Kind::Pid => {
                let (index, _) = t.pid_parts().unwrap_or((0, 0));
                h = step_u32(h, P5, index).wrapping_mul(P6);
            }
            Kind::Ref => {
                let n = t.ref_value().unwrap_or(0);
                h = step_u32(h, P9, n as u32).wrapping_mul(P10);
            }
            Kind::Fun => {
                if let Some((m, f, a)) = t.export_parts() {
                    h = step(h, P11, a);
                    h = step(h, P1, atom_hash(atom::name(m)));
                    h = step(h, P1, atom_hash(atom::name(f)));
                } else {
                    let (id, free) = t.closure_parts().unwrap_or((0, &[]));
                    h = step(h, P10, free.len() as u32);
                    h = step(h, P2, id);
                    for v in free.iter().rev() {
                        stack.push(OldJob::Term(*v));
                    }
                }
            }
            Kind::None => {}
        }
    }
    h
}

/// `:erlang.phash/2`: the old hash in 1..range (range 1..2^32); OTP's
/// `:sets` and `:dict` v1 pick their buckets with it, so their layouts
/// (what `to_list` and `inspect` show) need its exact values.
pub fn phash(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    // OTP 25's error info blames the first argument for a bad range.
    let range = match a[1].as_small() {
        Some(r @ 1..=0x1_0000_0000) => r as u64,
        Some(r) if r < 1 => return Err(Exn::badarg_at(1, "out of range")),
        _ if a[1].is_integer() => return Err(Exn::error(atom::BADARG)),
        _ => return Err(Exn::badarg_at(1, "not an integer")),
    };
    let h = u64::from(make_hash(a[0])) % range + 1;
    Ok(ctx.st.heap.int(h as i64))
}

/// `:erlang.phash2/1`: the portable hash in 0..2^27-1.
pub fn phash2(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::small(i64::from(make_hash2(a[0]) & ((1 << 27) - 1))))
}

/// `:erlang.phash2/2`: the portable hash in 0..range-1 (range 1..2^32).
pub fn phash2_range(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let range = match a[1].as_small() {
        Some(r @ 1..=0x1_0000_0000) => r as u64,
        _ => return Err(Exn::badarg_at(1, "out of range")),
    };
    let h = u64::from(make_hash2(a[0]));
    let r = if range & (range - 1) == 0 {
        h & (range - 1)
    } else {
        h % range
    };
    Ok(ctx.st.heap.int(r as i64))
}
