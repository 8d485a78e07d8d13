//! Escaped data carried through expansion as one binary.
//!
//! ExUnit's assertions escape the code they assert (`:beamlet_compiler.escape/2`
//! with `:assertion_code`; a match's pattern with `:keep_unquote`) for their
//! failure messages: escaped, a node of
//! `a == b` is `{:{}, [], [:==, [line: 3], [...]]}`, each read back from the
//! macro's heap as `Value`s, walked by the expander, packed with the stored
//! definition and lowered again into one literal (`ExprKind::Data`). When the
//! code holds only plain data (no kept `unquote`, no maps, pids or funs), the
//! escape gives instead `{:"$beamlet_data", bytes}`: the pruned code's term
//! in a compact form ([`encode`]) that [`crate::lower`] decodes straight into
//! the unit's literal heap, the same term the escaped code would have built.
//! The bytes start with a tag no source string can hold (`0xFF`, not UTF-8)
//! and are checked whole when decoded: a tuple that does not decode is an
//! ordinary tuple. Atoms are written by their index in the process's atom
//! table: the bytes are made and read in the same process (never written
//! out: the unit's literal heap holds the decoded term).

use beamlet_vm::atom;
use beamlet_vm::heap::Heap;
use beamlet_vm::term::Term;

/// The atom of the handle's first element.
pub const TAG: &str = "$beamlet_data";

const MAGIC: [u8; 3] = [0xFF, b'B', 1];
/// Deeper terms are escaped as before (and a forged handle refused).
const MAX_DEPTH: usize = 512;

const NIL: u8 = 0;
const INT: u8 = 1;
const ATOM: u8 = 2;
const BINARY: u8 = 3;
const FLOAT: u8 = 4;
const TUPLE: u8 = 5;
const LIST: u8 = 6;
const IMPROPER: u8 = 7;
const MAP: u8 = 8;

fn uint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The bytes of ExUnit's escape of the term `t`: what
/// `bifs::escape_term(heap, t, keep, prune)` builds evaluates to `t`, with
/// each node's meta pruned to `line:` and `no_parens:` when `prune`
/// (`q::prune_metadata`); with neither, what `Macro.escape/1` builds.
/// `None` when that escape keeps an `unquote` or `t` holds a term the
/// format does not carry (then the escape is made as before).
pub fn encode(t: Term, keep: bool, prune: bool) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(256);
    out.extend_from_slice(&MAGIC);
    let mut e = Encoder {
        out,
        line: atom::intern("line"),
        no_parens: atom::intern("no_parens"),
        unquote: atom::intern("unquote"),
        quote: atom::intern("quote"),
    };
    e.term(t, keep, prune, 0)?;
    Some(e.out)
}

struct Encoder {
    out: Vec<u8>,
    line: Term,
    no_parens: Term,
    unquote: Term,
    quote: Term,
}

impl Encoder {
    /// `t` as `escape_term(heap, t, keep, prune)` escapes it: the same
    /// walk, giving up where it would keep an `unquote`.
    fn term(&mut self, t: Term, keep: bool, prune: bool, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        let d = depth + 1;
        if let Some(elems) = t.tuple_elems() {
            match elems {
                [a, b] => {
                    self.out.extend_from_slice(&[TUPLE, 2]);
                    self.term(*a, keep, prune, d)?;
                    self.term(*b, keep, prune, d)?;
                }
                [head, meta, args] if *head == self.unquote && list_len(*args) == Some(1) => {
                    // Kept as code: as before. Else escaped whole.
                    if keep {
                        return None;
                    }
                    self.out.extend_from_slice(&[TUPLE, 3]);
                    for e in [head, meta, args] {
                        self.term(*e, false, false, d)?;
                    }
                }
                [head, meta, args] => {
                    let prune = prune && list_len(*meta).is_some();
                    let keep = keep && *head != self.quote;
                    self.out.extend_from_slice(&[TUPLE, 3]);
                    self.term(*head, keep, prune, d)?;
                    if prune {
                        let (line, no_parens) = (self.line, self.no_parens);
                        let kept = |p: &Term| matches!(p.tuple_elems(), Some([k, _]) if *k == line || *k == no_parens);
                        let n = list_iter(*meta).filter(kept).count();
                        self.out.push(LIST);
                        uint(&mut self.out, n as u64);
                        for p in list_iter(*meta).filter(kept) {
                            self.term(p, keep, false, d)?;
                        }
                    } else {
                        self.term(*meta, keep, false, d)?;
                    }
                    self.term(*args, keep, prune, d)?;
                }
                _ => {
                    self.out.push(TUPLE);
                    uint(&mut self.out, elems.len() as u64);
                    for e in elems {
                        self.term(*e, false, false, d)?;
                    }
                }
            }
            return Some(());
        }
        if t.is_nil() {
            self.out.push(NIL);
            return Some(());
        }
        if t.is_cons() {
            let mut n = 0u64;
            let mut rest = t;
            while let Some((_, tl)) = rest.cons_parts() {
                n += 1;
                rest = tl;
            }
            let proper = rest.is_nil();
            // (An improper list's parts keep no `unquote`.)
            let keep = keep && proper;
            self.out.push(if proper { LIST } else { IMPROPER });
            uint(&mut self.out, n);
            for item in list_iter(t) {
                self.term(item, keep, prune, d)?;
            }
            if !proper {
                self.term(rest, false, prune, d)?;
            }
            return Some(());
        }
        if t.is_map() {
            let pairs = beamlet_vm::hamt::sorted_pairs(t);
            self.out.push(MAP);
            uint(&mut self.out, pairs.len() as u64);
            for (k, v) in pairs {
                self.term(k, false, false, d)?;
                self.term(v, false, false, d)?;
            }
            return Some(());
        }
        if let Some(i) = t.atom_index() {
            // By index: the bytes never leave the process whose atom table
            // numbers them (decoding checks the atom exists).
            self.out.push(ATOM);
            uint(&mut self.out, u64::from(i));
            return Some(());
        }
        if let Some(i) = t.as_small() {
            self.out.push(INT);
            // Zigzag: small magnitudes in few bytes whatever the sign.
            uint(&mut self.out, ((i << 1) ^ (i >> 63)) as u64);
            return Some(());
        }
        if let Some(f) = t.float_value() {
            self.out.push(FLOAT);
            self.out.extend_from_slice(&f.to_bits().to_le_bytes());
            return Some(());
        }
        if let Some(b) = t.binary_bytes() {
            self.out.push(BINARY);
            uint(&mut self.out, b.len() as u64);
            self.out.extend_from_slice(b);
            return Some(());
        }
        // Big integers, bitstrings, pids, references, funs.
        None
    }
}

/// The elements of the list `t` (up to an improper tail).
fn list_iter(t: Term) -> impl Iterator<Item = Term> {
    let mut cur = t;
    std::iter::from_fn(move || {
        let (h, tl) = cur.cons_parts()?;
        cur = tl;
        Some(h)
    })
}

/// The length of the proper list `t` (`None` for an improper one).
pub(crate) fn list_len(mut t: Term) -> Option<usize> {
    let mut n = 0;
    while let Some((_, tl)) = t.cons_parts() {
        n += 1;
        t = tl;
    }
    t.is_nil().then_some(n)
}

/// The term `bytes` ([`encode`]'s) stand for, built in `heap`;
/// `None` (nothing built that matters) when they are not such bytes.
pub fn decode(heap: &mut Heap, bytes: &[u8]) -> Option<Term> {
    let rest = bytes.strip_prefix(&MAGIC[..])?;
    let mut d = Decoder {
        buf: rest,
        pos: 0,
        stack: Vec::new(),
    };
    let t = d.term(heap, 0)?;
    (d.pos == d.buf.len()).then_some(t)
}

struct Decoder<'a> {
    buf: &'a [u8],
    pos: usize,
    /// Elements of the tuples and lists being built (no vector per node).
    stack: Vec<Term>,
}

impl Decoder<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.buf.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn uint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7F) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    fn bytes(&mut self) -> Option<&[u8]> {
        let n = usize::try_from(self.uint()?).ok()?;
        let end = self.pos.checked_add(n)?;
        let b = self.buf.get(self.pos..end)?;
        self.pos = end;
        Some(b)
    }

    /// `n` elements pushed on the stack (each term at least a byte: a
    /// count larger than what is left is refused before anything is built).
    fn elems(&mut self, heap: &mut Heap, depth: usize) -> Option<usize> {
        let n = usize::try_from(self.uint()?).ok()?;
        if n > self.buf.len() - self.pos {
            return None;
        }
        for _ in 0..n {
            let t = self.term(heap, depth + 1)?;
            self.stack.push(t);
        }
        Some(n)
    }

    fn term(&mut self, heap: &mut Heap, depth: usize) -> Option<Term> {
        if depth > MAX_DEPTH {
            return None;
        }
        Some(match self.byte()? {
            NIL => Term::NIL,
            INT => {
                let z = self.uint()?;
                let i = ((z >> 1) as i64) ^ -((z & 1) as i64);
                Term::try_small(i)?
            }
            ATOM => {
                let t = Term::atom(u32::try_from(self.uint()?).ok()?);
                // (An index no atom has names `""`, as the empty atom does.)
                if atom::name(t).is_empty() && t != atom::intern("") {
                    return None;
                }
                t
            }
            BINARY => {
                let b = self.bytes()?;
                heap.binary(b)
            }
            FLOAT => {
                let end = self.pos.checked_add(8)?;
                let b: [u8; 8] = self.buf.get(self.pos..end)?.try_into().ok()?;
                self.pos = end;
                heap.float(f64::from_bits(u64::from_le_bytes(b)))
            }
            MAP => {
                // Keys and values in pairs, in key order.
                let n = usize::try_from(self.uint()?).ok()?;
                if n > self.buf.len() - self.pos {
                    return None;
                }
                let base = self.stack.len();
                for _ in 0..n.checked_mul(2)? {
                    let t = self.term(heap, depth + 1)?;
                    self.stack.push(t);
                }
                let kv: Vec<(Term, Term)> = self.stack[base..]
                    .chunks_exact(2)
                    .map(|p| (p[0], p[1]))
                    .collect();
                self.stack.truncate(base);
                beamlet_vm::bif::map::build_map(heap, kv)
            }
            tag @ (TUPLE | LIST | IMPROPER) => {
                let base = self.stack.len();
                let n = self.elems(heap, depth)?;
                let t = match tag {
                    TUPLE => heap.tuple(&self.stack[base..base + n]),
                    LIST => heap.list(&self.stack[base..base + n]),
                    _ => {
                        let tail = self.term(heap, depth + 1)?;
                        heap.list_with_tail(&self.stack[base..base + n], tail)
                    }
                };
                self.stack.truncate(base);
                t
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_refusals() {
        let mut heap = Heap::new();
        let meta = {
            let l = heap.tuple(&[atom::intern("line"), Term::small(3)]);
            let c = heap.tuple(&[atom::intern("column"), Term::small(7)]);
            heap.list(&[l, c])
        };
        let var = heap.tuple(&[atom::intern("x"), meta, atom::NIL]);
        let s = heap.binary(b"text");
        let f = heap.float(1.5);
        let args = heap.list(&[var, Term::small(-300), s, f]);
        let node = heap.tuple(&[atom::intern("=="), meta, args]);
        let bytes = encode(node, true, true).expect("plain data");
        let mut out = Heap::new();
        let back = decode(&mut out, &bytes).expect("decodes");
        let shown = format!("{:?}", crate::quoted::data_value(back));
        assert_eq!(
            shown,
            "{:==, [line: 3], [{:x, [line: 3], nil}, -300, \"text\", 1.5]}"
        );
        // Truncated or trailing bytes, a bad tag: not data.
        assert!(decode(&mut out, &bytes[..bytes.len() - 1]).is_none());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&mut out, &longer).is_none());
        assert!(decode(&mut out, b"\xFFB\x01\x09").is_none());
        assert!(decode(&mut out, b"text").is_none());
        // Maps (in key order, of any size) and `Macro.escape/1`'s mode
        // (an `unquote` is data then).
        let pairs: Vec<(Term, Term)> = (0..40)
            .map(|i| (Term::small(i), atom::intern("v")))
            .collect();
        let big = beamlet_vm::bif::map::build_map(&mut heap, pairs);
        let small = beamlet_vm::bif::map::build_map(&mut heap, vec![(s, big)]);
        let one = heap.list(&[var]);
        let uq = heap.tuple(&[atom::intern("unquote"), Term::NIL, one]);
        let both = heap.tuple(&[small, uq]);
        let bytes = encode(both, false, false).expect("plain data");
        let back = decode(&mut out, &bytes).expect("decodes");
        assert_eq!(
            crate::quoted::data_value(back),
            crate::quoted::data_value(both)
        );
        // A kept `unquote`: escaped as before.
        assert!(encode(uq, true, true).is_none());
    }
}
