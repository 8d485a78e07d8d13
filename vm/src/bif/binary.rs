//! The bit syntax: building binaries from segments (`<<x, y::16-little,
//! rest::binary>>`) and taking them apart in patterns.
//!
//! The compiler turns each `<<...>>` into a call of these built-ins with a
//! list describing the segments (see `compiler/src/bitstring.rs`):
//!
//! - `:beamlet.bs_build([{value, type, size, unit, signed, endian}, ...])`
//!   builds the binary;
//! - `:beamlet.bs_match(binary, [{type, size, unit, signed, endian}, ...])`
//!   returns a tuple of the segments' values, or fails (the pattern's
//!   `fail` label) when the binary does not match;
//! - `:beamlet.bs_each(binary, specs)` matches the specs again and again
//!   (a binary generator, `for <<r, g, b <- pixels>>`), returning the list
//!   of tuples; a tail too short for one more match is ignored.
//!
//! `type` is one of `:integer`, `:float`, `:binary`, `:bits`, `:utf8`,
//! `:utf16`, `:utf32`; `size` an integer, `nil` (the type's default, or all
//! that is left for `binary`/`bits`) or, in a match, `{:ref, i}`: the value
//! of the `i`th segment matched before (`<<n, data::binary-size(n)>>`);
//! `endian` is `:big`, `:little` or `:native`. A result of any number of
//! bits is a bitstring; a `binary` segment must be a whole number of bytes,
//! a `bits` one may be anything. What a match takes out as `binary`/`bits`
//! is a sub-binary of the subject (no copy: term.rs).

use super::{BifResult, Ctx};
use crate::atom;
use crate::order::to_bigint;
use crate::process::Exn;
use crate::term::Term;
use num_bigint::{BigInt, Sign};
use num_traits::{One, ToPrimitive, Zero};

/// The names a segment's spec gives types and modifiers (`x::binary`,
/// `x::little-signed`): the expander, and `Macro.to_string/1`, tell them
/// from variables and calls by this list.
pub const SPEC_NAMES: &[&str] = &[
    "integer",
    "float",
    "bits",
    "bitstring",
    "binary",
    "bytes",
    "utf8",
    "utf16",
    "utf32",
    "signed",
    "unsigned",
    "little",
    "big",
    "native",
];

#[derive(Clone, Copy, PartialEq)]
enum Ty {
    Integer,
    Float,
    Binary,
    Bits,
    Utf8,
    Utf16,
    Utf32,
}

#[derive(Clone, Copy)]
enum Size {
    Default,
    Bits(u64),
    Ref(usize),
}

#[derive(Clone, Copy)]
struct Spec {
    ty: Ty,
    size: Size,
    unit: u64,
    signed: bool,
    little: bool,
}

fn bad(ctx: &mut Ctx, msg: &str) -> Exn {
    super::argument_error(ctx, msg)
}

/// The atoms a segment's spec holds, interned once: `atom::name` takes the
/// atom table's lock, too slow for every segment of every construction.
struct SpecAtoms {
    types: [(Term, Ty); 7],
    little: Term,
    native: Term,
    binary: Term,
    bits: Term,
}

fn spec_atoms() -> &'static SpecAtoms {
    static ATOMS: std::sync::OnceLock<SpecAtoms> = std::sync::OnceLock::new();
    ATOMS.get_or_init(|| SpecAtoms {
        types: [
            (atom::intern("integer"), Ty::Integer),
            (atom::intern("binary"), Ty::Binary),
            (atom::intern("float"), Ty::Float),
            (atom::intern("bits"), Ty::Bits),
            (atom::intern("utf8"), Ty::Utf8),
            (atom::intern("utf16"), Ty::Utf16),
            (atom::intern("utf32"), Ty::Utf32),
        ],
        little: atom::intern("little"),
        native: atom::intern("native"),
        binary: atom::intern("binary"),
        bits: atom::intern("bits"),
    })
}

fn parse_spec(t: &[Term], with_value: bool) -> Option<(Option<Term>, Spec)> {
    let (value, rest) = if with_value {
        (Some(t[0]), &t[1..])
    } else {
        (None, t)
    };
    let [ty, size, unit, signed, endian] = rest else {
        return None;
    };
    let atoms = spec_atoms();
    let ty = atoms.types.iter().find(|(a, _)| a == ty)?.1;
    let size = if *size == atom::NIL {
        Size::Default
    } else if let Some(n) = size.as_small() {
        Size::Bits(u64::try_from(n).ok()?)
    } else {
        match size.tuple_elems()? {
            [tag, i] if atom::name(*tag) == "ref" => Size::Ref(i.as_small()? as usize),
            _ => return None,
        }
    };
    let unit = match unit.as_small() {
        Some(u) if u > 0 => u as u64,
        _ => match ty {
            Ty::Binary => 8,
            _ => 1,
        },
    };
    Some((
        value,
        Spec {
            ty,
            size,
            unit,
            signed: *signed == atom::TRUE,
            little: *endian == atoms.little
                || (*endian == atoms.native && cfg!(target_endian = "little")),
        },
    ))
}

/// Bits written so far, most significant first.
#[derive(Default)]
struct Writer {
    bytes: Vec<u8>,
    bits: u64,
}

impl Writer {
    fn push_bit(&mut self, b: bool) {
        if self.bits.is_multiple_of(8) {
            self.bytes.push(0);
        }
        if b {
            let i = self.bytes.len() - 1;
            self.bytes[i] |= 0x80 >> (self.bits % 8);
        }
        self.bits += 1;
    }

    /// `n` bits of `src` from its bit `off`.
    fn push_bits(&mut self, src: &[u8], off: u64, n: u64) {
        if off.is_multiple_of(8) && n.is_multiple_of(8) {
            let s = (off / 8) as usize;
            return self.push_bytes(&src[s..s + (n / 8) as usize]);
        }
        if self.bits.is_multiple_of(8) && off.is_multiple_of(8) {
            let s = (off / 8) as usize;
            let whole = (n / 8) as usize;
            self.push_bytes(&src[s..s + whole]);
            for i in 0..n % 8 {
                let j = off + 8 * whole as u64 + i;
                self.push_bit(src[(j / 8) as usize] & (0x80 >> (j % 8)) != 0);
            }
            return;
        }
        for i in 0..n {
            let j = off + i;
            self.push_bit(src[(j / 8) as usize] & (0x80 >> (j % 8)) != 0);
        }
    }

    /// The low `n` (at most 64) bits of `v`, big-endian.
    fn push_u64(&mut self, v: u64, n: u64) {
        if self.bits.is_multiple_of(8) && n.is_multiple_of(8) {
            let be = v.to_be_bytes();
            return self.push_bytes(&be[8 - (n / 8) as usize..]);
        }
        for i in (0..n).rev() {
            self.push_bit((v >> i) & 1 != 0);
        }
    }

    fn push_bytes(&mut self, b: &[u8]) {
        if self.bits.is_multiple_of(8) {
            self.bytes.extend_from_slice(b);
            self.bits += 8 * b.len() as u64;
        } else {
            for byte in b {
                for i in 0..8 {
                    self.push_bit(byte & (0x80 >> i) != 0);
                }
            }
        }
    }

    /// The low `n` bits of `v` (two's complement), big-endian.
    fn push_int(&mut self, v: &BigInt, n: u64, little: bool) {
        if n == 0 {
            return;
        }
        if n <= 64 {
            if let Some(x) = v.to_i64() {
                self.push_small(x, n, little);
                return;
            }
        }
        let modulus = BigInt::one() << n;
        let mut u = v % &modulus;
        if u.sign() == Sign::Minus {
            u += &modulus;
        }
        if little {
            let (_, mut le) = u.to_bytes_le();
            le.resize(n.div_ceil(8) as usize, 0);
            self.push_little(&le, n);
            return;
        }
        let (_, mut be) = u.to_bytes_be();
        let nbytes = n.div_ceil(8) as usize;
        if be.len() < nbytes {
            let mut padded = vec![0; nbytes - be.len()];
            padded.extend_from_slice(&be);
            be = padded;
        }
        // The low n bits of the big-endian bytes.
        let skip = nbytes as u64 * 8 - n;
        for i in skip..nbytes as u64 * 8 {
            let byte = be[(i / 8) as usize];
            self.push_bit(byte & (0x80 >> (i % 8)) != 0);
        }
    }

    /// An `n`-bit little-endian integer whose bytes, least significant
    /// first, are `le` (`ceil(n / 8)` of them): the whole bytes in that
    /// order, then the `n % 8` high bits left, as the BEAM lays them out
    /// (`<<0x1234::little-13>>` is `<<0x34, 0x12::5>>`).
    fn push_little(&mut self, le: &[u8], n: u64) {
        let whole = (n / 8) as usize;
        self.push_bytes(&le[..whole]);
        let rest = n % 8;
        if rest > 0 {
            self.push_u64(le[whole] as u64, rest);
        }
    }
}

impl Writer {
    /// The low `n` (1 to 64) bits of `x` (two's complement).
    fn push_small(&mut self, x: i64, n: u64, little: bool) {
        let u = if n == 64 {
            x as u64
        } else {
            (x as u64) & ((1u64 << n) - 1)
        };
        if little {
            let le = u.to_le_bytes();
            self.push_little(&le[..n.div_ceil(8) as usize], n);
        } else {
            self.push_u64(u, n);
        }
    }
}

/// `:beamlet.bs_build(segments)`.
pub fn bs_build(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    build(ctx, a[0])
}

/// The largest binary a program may build, in bytes (`u64::MAX`: no limit),
/// for every VM of this host process: set by `beamlet::Limits::max_binary_bytes`.
/// Construction, appends and `:binary.copy/2` past it raise `SystemLimitError`
/// before allocating anything.
pub static MAX_BINARY_BYTES: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(u64::MAX);

/// Whether a binary of `bits` bits is past [`MAX_BINARY_BYTES`].
pub fn too_large(bits: u64) -> bool {
    bits / 8 > MAX_BINARY_BYTES.load(std::sync::atomic::Ordering::Relaxed)
}

/// The elements of the proper list `t`: in `few` when they fit (a
/// construction's few segments: no allocation), else in `many`.
fn list_items<'a>(t: Term, few: &'a mut [Term; 8], many: &'a mut Vec<Term>) -> Option<&'a [Term]> {
    let mut n = 0;
    let mut cur = t;
    while let Some((h, tl)) = cur.cons_parts() {
        if n < few.len() {
            few[n] = h;
        } else {
            if n == few.len() {
                many.extend_from_slice(&few[..]);
            }
            many.push(h);
        }
        n += 1;
        cur = tl;
    }
    if !cur.is_nil() {
        return None;
    }
    Some(if n > few.len() { many } else { &few[..n] })
}

fn build(ctx: &mut Ctx, segs: Term) -> BifResult {
    let (mut few, mut many) = ([Term::NIL; 8], Vec::new());
    let segs = list_items(segs, &mut few, &mut many).ok_or_else(super::badarg)?;
    if let Some(t) = concat(ctx, segs) {
        return Ok(t);
    }
    // Room for the usual small construction (`<<b + 1>>`, `<<h::4, l::4>>`)
    // without growing.
    let mut w = Writer {
        bytes: Vec::with_capacity(16),
        bits: 0,
    };
    // `<<acc::binary, ...>>` appends to `acc` (in its spare room when it
    // has some: heap.rs, GROW_BIN) when what follows is whole bytes.
    let mut head: Option<(Term, &[u8])> = None;
    // (A unit other than a byte's is checked segment by segment.)
    if let Some([v, ty, size, unit, ..]) = segs.first().and_then(|s| s.tuple_elems()) {
        let atoms = spec_atoms();
        if (*ty == atoms.binary || *ty == atoms.bits)
            && *size == atom::NIL
            && (*unit == atom::NIL || unit.as_small() == Some(8))
        {
            head = v.binary_bytes().map(|b| (*v, b));
        }
    }
    let skip = head.is_some() as usize;
    for (i, s) in segs.iter().copied().enumerate().skip(skip) {
        let elems = s.tuple_elems().ok_or_else(super::badarg)?;
        if let [_, ty, size, ..] = elems {
            if *size != atom::NIL && size.as_small().is_none_or(|n| n < 0) {
                let shown = super::inspect_term(ctx, *size);
                // A size past any memory is a system limit.
                if to_bigint(*size).is_some_and(|n| n.sign() == Sign::Plus) {
                    let msg = format!(
                        "construction of binary failed: segment {} of type '{}': the size {shown} is too large",
                        i + 1,
                        type_name(*ty)
                    );
                    return Err(super::raise_msg(ctx, "Elixir.SystemLimitError", &msg));
                }
                let msg = format!(
                    "construction of binary failed: segment {} of type '{}': expected a non-negative integer as size but got: {shown}",
                    i + 1,
                    type_name(*ty)
                );
                return Err(bad(ctx, &msg));
            }
            // A size past `MAX_BINARY_BYTES` fails before allocating.
            let unit = elems.get(3).and_then(|u| u.as_small());
            let unit = unit.unwrap_or(if *ty == spec_atoms().binary { 8 } else { 1 });
            let bits = (size.as_small().unwrap_or(0) as u64).saturating_mul(unit.max(0) as u64);
            let have = head.map_or(0, |(_, b)| b.len() as u64 * 8) + w.bits;
            if too_large(bits.saturating_add(have)) {
                let shown = super::inspect_term(ctx, *size);
                let msg = format!(
                    "construction of binary failed: segment {} of type '{}': the size {shown} is too large",
                    i + 1,
                    type_name(*ty)
                );
                return Err(super::raise_msg(ctx, "Elixir.SystemLimitError", &msg));
            }
        }
        let (Some(v), spec) = parse_spec(elems, true).ok_or_else(super::badarg)? else {
            return Err(super::badarg());
        };
        build_segment(ctx, &mut w, v, &spec, i + 1)?;
        let have = head.map_or(0, |(_, b)| b.len() as u64 * 8) + w.bits;
        if too_large(have) {
            return Err(Exn::error(atom::SYSTEM_LIMIT));
        }
    }
    if let Some((acc, bytes)) = head {
        if w.bits.is_multiple_of(8) {
            return Ok(super::string::append(ctx, acc, bytes, &w.bytes));
        }
        let mut all = Writer::default();
        all.push_bytes(bytes);
        all.push_bits(&w.bytes, 0, w.bits);
        return Ok(ctx.st.heap.bitstring(&all.bytes, all.bits));
    }
    Ok(ctx.st.heap.bitstring(&w.bytes, w.bits))
}

/// `a <> b <> c` (`<<a::binary, b::binary, c::binary>>`) when every
/// segment is a whole binary: the bytes appended to the first's (in its
/// spare room when it has some), without the general writer. `None` when
/// a segment is anything else (the general path then builds it, or says
/// what is wrong).
fn concat(ctx: &mut Ctx, segs: &[Term]) -> Option<Term> {
    let binary = spec_atoms().binary;
    // Most constructions start with something else (`<<x, y::16>>`):
    // told before allocating anything.
    match segs.first()?.tuple_elems()? {
        [_, ty, _, unit, _, _] if *ty == binary && *unit == atom::NIL => {}
        _ => return None,
    }
    let mut parts = Vec::with_capacity(segs.len());
    for s in segs {
        match s.tuple_elems()? {
            // (A string literal's segment carries its own size.)
            [v, ty, size, unit, _, _] if *ty == binary && *unit == atom::NIL => {
                let bytes = v.binary_bytes()?;
                if *size != atom::NIL && size.as_small() != Some(bytes.len() as i64) {
                    return None;
                }
                parts.push((*v, bytes));
            }
            _ => return None,
        }
    }
    let total: u64 = parts.iter().map(|(_, b)| b.len() as u64).sum();
    if too_large(total.saturating_mul(8)) {
        // `build` raises it, segment by segment.
        return None;
    }
    let (&(first, head), rest) = parts.split_first()?;
    let tail: Vec<u8> = rest.iter().flat_map(|(_, b)| b.iter().copied()).collect();
    Some(super::string::append(ctx, first, head, &tail))
}

/// A segment type's name as the BEAM's errors give it.
fn type_name(ty: Term) -> &'static str {
    match atom::name(ty) {
        "bits" => "binary",
        "integer" => "integer",
        "float" => "float",
        "binary" => "binary",
        "utf8" => "utf8",
        "utf16" => "utf16",
        _ => "utf32",
    }
}

fn build_segment(
    ctx: &mut Ctx,
    w: &mut Writer,
    v: Term,
    spec: &Spec,
    index: usize,
) -> Result<(), Exn> {
    let size = |default: u64| match spec.size {
        Size::Bits(n) => n * spec.unit,
        _ => default,
    };
    match spec.ty {
        Ty::Integer => {
            if let Some(x) = v.as_small() {
                let n = size(8);
                if n <= 64 {
                    if n > 0 {
                        w.push_small(x, n, spec.little);
                    }
                    return Ok(());
                }
            }
            let Some(i) = to_bigint(v) else {
                let shown = super::inspect_term(ctx, v);
                return Err(bad(ctx, &format!("construction of binary failed: segment {index} of type 'integer': expected an integer but got: {shown}")));
            };
            w.push_int(&i, size(8), spec.little);
        }
        Ty::Float => {
            let f = match (v.float_value(), to_bigint(v)) {
                (Some(f), _) => f,
                (None, Some(_)) => {
                    match crate::order::integer_to_f64(v).filter(|f| f.is_finite()) {
                        Some(f) => f,
                        None => {
                            let shown = super::inspect_term(ctx, v);
                            return Err(bad(ctx, &format!("construction of binary failed: segment {index} of type 'float': the value {shown} is outside the range expressible as a float")));
                        }
                    }
                }
                _ => {
                    let shown = super::inspect_term(ctx, v);
                    return Err(bad(ctx, &format!("construction of binary failed: segment {index} of type 'float': expected a float or an integer but got: {shown}")));
                }
            };
            // Too large for a narrower float: infinity, as on the BEAM.
            let mut bytes = match size(64) {
                64 => f.to_be_bytes().to_vec(),
                32 => (f as f32).to_be_bytes().to_vec(),
                16 => f64_to_f16(f).to_be_bytes().to_vec(),
                n => {
                    return Err(bad(ctx, &format!("construction of binary failed: segment {index} of type 'float': expected one of the supported sizes 16, 32, or 64 but got: {n}")))
                }
            };
            if spec.little {
                bytes.reverse();
            }
            w.push_bytes(&bytes);
        }
        Ty::Binary | Ty::Bits => {
            // The BEAM names both types `binary` in its errors.
            let Some((_, bytes, off, total)) = v.bitstring_parts() else {
                let shown = super::inspect_term(ctx, v);
                return Err(bad(ctx, &format!("construction of binary failed: segment {index} of type 'binary': expected a binary but got: {shown}")));
            };
            // Without a size, the whole value: a whole number of units
            // (bytes for `binary`); with one, that many units of it.
            if matches!(spec.size, Size::Default) && !total.is_multiple_of(spec.unit) {
                let shown = super::inspect_term(ctx, v);
                return Err(bad(ctx, &format!("construction of binary failed: segment {index} of type 'binary': the size of the value {shown} is not a multiple of the unit for the segment")));
            }
            match spec.size {
                Size::Bits(n) => {
                    let bits = n * spec.unit;
                    if bits > total {
                        let shown = super::inspect_term(ctx, v);
                        return Err(bad(ctx, &format!("construction of binary failed: segment {index} of type 'binary': the value {shown} is shorter than the size of the segment")));
                    }
                    w.push_bits(bytes, off, bits);
                }
                _ => w.push_bits(bytes, off, total),
            }
        }
        Ty::Utf8 | Ty::Utf16 | Ty::Utf32 => {
            let c = v
                .as_small()
                .and_then(|c| u32::try_from(c).ok())
                .and_then(char::from_u32)
                .ok_or_else(|| {
                    let shown = super::inspect_term(ctx, v);
                    let ty = match spec.ty {
                        Ty::Utf8 => "utf8",
                        Ty::Utf16 => "utf16",
                        _ => "utf32",
                    };
                    bad(ctx, &format!("construction of binary failed: segment {index} of type '{ty}': expected a non-negative integer encodable as {ty} but got: {shown}"))
                })?;
            match spec.ty {
                Ty::Utf8 => {
                    let mut buf = [0; 4];
                    w.push_bytes(c.encode_utf8(&mut buf).as_bytes());
                }
                Ty::Utf16 => {
                    let mut buf = [0; 2];
                    for unit in c.encode_utf16(&mut buf) {
                        let b = if spec.little {
                            unit.to_le_bytes()
                        } else {
                            unit.to_be_bytes()
                        };
                        w.push_bytes(&b);
                    }
                }
                _ => {
                    let u = c as u32;
                    let b = if spec.little {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    };
                    w.push_bytes(&b);
                }
            }
        }
    }
    Ok(())
}

/// Reads bits of a bitstring, from a bit position of its base's bytes.
struct Reader<'a> {
    /// The bitstring read, and where it starts in `bytes` (sub-binaries
    /// taken out of it are views of it: heap.rs, `sub_binary`).
    subject: Term,
    start: u64,
    bytes: &'a [u8],
    pos: u64,
    end: u64,
}

impl<'a> Reader<'a> {
    fn of(t: Term) -> Option<Reader<'static>> {
        let (_, bytes, off, bits) = t.bitstring_parts()?;
        Some(Reader {
            subject: t,
            start: off,
            bytes,
            pos: off,
            end: off + bits,
        })
    }

    fn left(&self) -> u64 {
        self.end - self.pos
    }

    fn bit(&self, i: u64) -> bool {
        self.bytes[(i / 8) as usize] & (0x80 >> (i % 8)) != 0
    }

    /// `n` (at most 64) bits as an unsigned integer.
    fn take_u64(&mut self, n: u64) -> Option<u64> {
        if n > self.left() {
            return None;
        }
        let mut v: u64 = 0;
        if self.pos.is_multiple_of(8) && n.is_multiple_of(8) {
            let s = (self.pos / 8) as usize;
            for &b in &self.bytes[s..s + (n / 8) as usize] {
                v = (v << 8) | b as u64;
            }
        } else {
            for i in 0..n {
                v = (v << 1) | self.bit(self.pos + i) as u64;
            }
        }
        self.pos += n;
        Some(v)
    }

    /// `n` bits as bytes (the first byte holding the high leftover bits).
    fn take(&mut self, n: u64) -> Option<Vec<u8>> {
        if n > self.left() {
            return None;
        }
        let out = if self.pos.is_multiple_of(8) && n.is_multiple_of(8) {
            let s = (self.pos / 8) as usize;
            self.bytes[s..s + (n / 8) as usize].to_vec()
        } else {
            let nbytes = n.div_ceil(8) as usize;
            let mut out = vec![0u8; nbytes];
            let pad = nbytes as u64 * 8 - n;
            for i in 0..n {
                if self.bit(self.pos + i) {
                    let j = pad + i;
                    out[(j / 8) as usize] |= 0x80 >> (j % 8);
                }
            }
            out
        };
        self.pos += n;
        Some(out)
    }
}

fn match_segments(
    ctx: &mut Ctx,
    r: &mut Reader,
    specs: &[Spec],
    out: &mut Vec<Term>,
) -> Option<()> {
    let n = specs.len();
    for (k, spec) in specs.iter().enumerate() {
        let size = match spec.size {
            Size::Bits(n) => Some(n * spec.unit),
            Size::Ref(i) => {
                let v = out.get(i)?.as_small()?;
                Some(u64::try_from(v).ok()? * spec.unit)
            }
            Size::Default => None,
        };
        let v = match spec.ty {
            Ty::Integer if size.unwrap_or(8) <= 62 && !(spec.little && size.unwrap_or(8) > 8) => {
                let bits = size.unwrap_or(8);
                let u = r.take_u64(bits)? as i64;
                let v = if spec.signed && bits > 0 && (u >> (bits - 1)) & 1 == 1 {
                    u - (1i64 << bits)
                } else {
                    u
                };
                Term::small(v)
            }
            Ty::Integer => {
                let bits = size.unwrap_or(8);
                if bits > r.left() {
                    return None;
                }
                let mut i = if spec.little {
                    // Whole bytes, least significant first, then the high
                    // `bits % 8` bits (as `Writer::push_little` lays them).
                    let mut le = Vec::with_capacity(bits.div_ceil(8) as usize);
                    for _ in 0..bits / 8 {
                        le.push(r.take_u64(8)? as u8);
                    }
                    if !bits.is_multiple_of(8) {
                        le.push(r.take_u64(bits % 8)? as u8);
                    }
                    BigInt::from_bytes_le(Sign::Plus, &le)
                } else {
                    BigInt::from_bytes_be(Sign::Plus, &r.take(bits)?)
                };
                if spec.signed && bits > 0 && (&i >> (bits - 1)) & BigInt::one() == BigInt::one() {
                    i -= BigInt::one() << bits;
                }
                if i.is_zero() {
                    Term::small(0)
                } else {
                    ctx.st.heap.bigint(&i)
                }
            }
            Ty::Float => {
                let bits = size.unwrap_or(64);
                let mut bytes = r.take(bits)?;
                if spec.little {
                    bytes.reverse();
                }
                let f = match bits {
                    64 => f64::from_be_bytes(bytes.try_into().ok()?),
                    32 => f32::from_be_bytes(bytes.try_into().ok()?) as f64,
                    16 => f16_to_f64(u16::from_be_bytes(bytes.try_into().ok()?)),
                    _ => return None,
                };
                if !f.is_finite() {
                    return None;
                }
                ctx.st.heap.float(f)
            }
            Ty::Binary | Ty::Bits => {
                let bits = match size {
                    Some(b) => b,
                    // Only the last segment may take all that is left.
                    None if k + 1 == n => r.left(),
                    None => return None,
                };
                // All that is left must be a whole number of units (bytes
                // for `binary`); a size is counted in units already.
                if (size.is_none() && !bits.is_multiple_of(spec.unit)) || bits > r.left() {
                    return None;
                }
                let at = r.pos - r.start;
                r.pos += bits;
                // A view of the subject, not a copy (term.rs, sub-binaries).
                ctx.st.heap.sub_binary(r.subject, at, bits)
            }
            Ty::Utf8 => {
                // At any bit position: the bytes read bit by bit when the
                // position is not on a byte.
                let mut buf = [0u8; 4];
                let at = r.pos;
                buf[0] = r.take_u64(8)? as u8;
                let len = match buf[0] {
                    0..=0x7f => 1,
                    0xc0..=0xdf => 2,
                    0xe0..=0xef => 3,
                    0xf0..=0xf7 => 4,
                    _ => return None,
                };
                for b in buf.iter_mut().take(len).skip(1) {
                    *b = r.take_u64(8)? as u8;
                }
                let c = std::str::from_utf8(&buf[..len]).ok()?.chars().next()?;
                debug_assert_eq!(r.pos, at + 8 * len as u64);
                Term::small(c as i64)
            }
            Ty::Utf16 => {
                let unit = |r: &mut Reader| -> Option<u16> {
                    let b: [u8; 2] = r.take(16)?.try_into().ok()?;
                    Some(if spec.little {
                        u16::from_le_bytes(b)
                    } else {
                        u16::from_be_bytes(b)
                    })
                };
                let first = unit(r)?;
                let c = if (0xd800..0xdc00).contains(&first) {
                    let second = unit(r)?;
                    char::decode_utf16([first, second]).next()?.ok()?
                } else {
                    char::decode_utf16([first]).next()?.ok()?
                };
                Term::small(c as i64)
            }
            Ty::Utf32 => {
                let b: [u8; 4] = r.take(32)?.try_into().ok()?;
                let u = if spec.little {
                    u32::from_le_bytes(b)
                } else {
                    u32::from_be_bytes(b)
                };
                Term::small(char::from_u32(u)? as i64)
            }
        };
        out.push(v);
    }
    Some(())
}

/// A pattern's parsed specs: on the stack for the usual few segments (a
/// match runs once per element of a binary generator: no allocation),
/// in `many` past [`FEW_SPECS`] (`Vec::new` allocates nothing).
struct Specs {
    few: [Spec; FEW_SPECS],
    n: usize,
    many: Vec<Spec>,
}

const FEW_SPECS: usize = 8;

impl std::ops::Deref for Specs {
    type Target = [Spec];
    fn deref(&self) -> &[Spec] {
        if self.n > FEW_SPECS {
            &self.many
        } else {
            &self.few[..self.n]
        }
    }
}

fn specs_of(t: Term) -> Option<Specs> {
    const BLANK: Spec = Spec {
        ty: Ty::Integer,
        size: Size::Default,
        unit: 1,
        signed: false,
        little: false,
    };
    let mut specs = Specs {
        few: [BLANK; FEW_SPECS],
        n: 0,
        many: Vec::new(),
    };
    let mut cur = t;
    while let Some((h, tl)) = cur.cons_parts() {
        let (_, spec) = parse_spec(h.tuple_elems()?, false)?;
        if specs.n < FEW_SPECS {
            specs.few[specs.n] = spec;
        } else {
            if specs.n == FEW_SPECS {
                specs.many = specs.few.to_vec();
            }
            specs.many.push(spec);
        }
        specs.n += 1;
        cur = tl;
    }
    cur.is_nil().then_some(specs)
}

/// `:beamlet.bs_match(binary, specs)`: the segments' values as a tuple;
/// fails when the binary does not match.
pub fn bs_match(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let Some(mut r) = Reader::of(a[0]) else {
        return Err(super::badarg());
    };
    let specs = specs_of(a[1]).ok_or_else(super::badarg)?;
    // Read in place: heap chunks never move outside a collection (heap.rs,
    // invariant 2), so the values allocated meanwhile leave them be.
    let mut out = Vec::with_capacity(specs.len());
    match match_segments(ctx, &mut r, &specs, &mut out) {
        Some(()) if r.left() == 0 => Ok(ctx.st.heap.tuple(&out)),
        _ => Err(super::badarg()),
    }
}

/// `:beamlet.bs_each(binary, specs)`: the tuples of successive matches.
pub fn bs_each(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let Some(mut r) = Reader::of(a[0]) else {
        // As the BEAM's comprehensions: `{:bad_generator, term}`.
        let tag = atom::intern("bad_generator");
        return Err(super::error2(ctx, tag, a[0]));
    };
    let specs = specs_of(a[1]).ok_or_else(super::badarg)?;
    // Read in place: heap chunks never move outside a collection (heap.rs,
    // invariant 2), so the values allocated meanwhile leave them be.
    let mut all = Vec::new();
    let mut out = Vec::with_capacity(specs.len());
    while r.left() > 0 {
        out.clear();
        let at = r.pos;
        if match_segments(ctx, &mut r, &specs, &mut out).is_none() || r.pos == at {
            break;
        }
        all.push(ctx.st.heap.tuple(&out));
    }
    Ok(ctx.st.heap.list(&all))
}

/// `f` as an IEEE 754 half-precision float's bits, rounded to the nearest
/// (ties to even); too large a value becomes infinity, as on the BEAM.
fn f64_to_f16(f: f64) -> u16 {
    let b = f.to_bits();
    let sign = ((b >> 48) & 0x8000) as u16;
    let exp = ((b >> 52) & 0x7ff) as i64;
    let man = b & ((1 << 52) - 1);
    if exp == 0x7ff {
        return sign | 0x7c00 | if man != 0 { 0x200 } else { 0 };
    }
    // The exponent rebiased for 16 bits (15 instead of 1023).
    let e = exp - 1023 + 15;
    if e >= 0x1f {
        return sign | 0x7c00;
    }
    if e <= 0 {
        // A subnormal (or zero): the significand with its implicit bit,
        // shifted to a multiple of 2^-24; rounding up may make it normal,
        // which the encoding carries into the exponent by itself.
        let shift = 42 + (1 - e) as u32;
        return sign | round_shift(man | (1 << 52), shift) as u16;
    }
    // Rounding up may carry into the exponent (and up to infinity).
    sign | (((e as u64) << 10) + round_shift(man, 42)) as u16
}

/// `m >> s` rounded to the nearest, ties to even.
fn round_shift(m: u64, s: u32) -> u64 {
    if s >= 64 {
        return 0;
    }
    let q = m >> s;
    let rem = m & ((1 << s) - 1);
    let half = 1 << (s - 1);
    if rem > half || (rem == half && q & 1 == 1) {
        q + 1
    } else {
        q
    }
}

/// The value of IEEE 754 half-precision bits (infinity and NaN included).
fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = i32::from((h >> 10) & 0x1f);
    let m = f64::from(h & 0x3ff);
    match e {
        0 => sign * m * 2f64.powi(-24),
        0x1f if m == 0.0 => sign * f64::INFINITY,
        0x1f => f64::NAN,
        _ => sign * (1.0 + m / 1024.0) * 2f64.powi(e - 15),
    }
}
