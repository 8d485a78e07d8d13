//! Quoted code kept for later, packed into bytes.
//!
//! An open module keeps things its body stored until the module is
//! compiled: the `def` templates its body runs (a `def` in a `for` runs once
//! per element), its saved body, and the expanded body of each stored
//! clause (which only `Module.get_definition/3` reads back: the clause
//! itself is lowered as it is stored). As [`Value`] trees they are large
//! (every tuple, list and keyword pair of every node's metadata is an
//! allocation of 40-byte slots: about 150 KB for a `test` of six
//! assertions), and all of a module's would be alive at once. Packed, one
//! clause is a few kilobytes of bytes (an atom is its index, a small
//! integer one or two bytes, a node's children follow it), and the tree is
//! freed (and its memory reused by the next expansion) as soon as it is
//! stored.
//!
//! The format: one tag byte per value, then its contents; counts and
//! integers as LEB128 varints (integers zigzag-encoded).

use beamlet_vm::term::Term;
use beamlet_vm::value::{Atom, FunValue, Value};
use num_bigint::{BigInt, Sign};

/// A value packed into bytes ([`Packed::pack`]), unpacked by [`Packed::unpack`].
#[derive(Clone, Debug, Default)]
pub struct Packed(Box<[u8]>);

const INT: u8 = 0;
const BIG: u8 = 1;
const FLOAT: u8 = 2;
const ATOM: u8 = 3;
const BINARY: u8 = 4;
const BITS: u8 = 5;
const LIST: u8 = 6;
const IMPROPER: u8 = 7;
const TUPLE: u8 = 8;
const MAP: u8 = 9;
const PID: u8 = 10;
const REF: u8 = 11;
const FUN_EXTERNAL: u8 = 12;
const FUN_ANONYMOUS: u8 = 13;
/// A 3-tuple (a quoted node): the commonest shape, one byte instead of two.
const TUPLE3: u8 = 14;
/// `nil` (a variable's context, an empty `else`...).
const NIL: u8 = 15;
/// A proper list of up to 15 elements: `SHORT_LIST + n`.
const SHORT_LIST: u8 = 16;

impl Packed {
    pub fn pack(v: &Value) -> Packed {
        // Packed into a buffer kept from one call to the next, then copied
        // once at its size (a clause's tens of kilobytes would otherwise
        // grow a vector by doubling, copying it each time).
        thread_local! {
            static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut out) => {
                out.clear();
                put(&mut out, v);
                let packed = Packed(out.as_slice().into());
                // A very large value does not keep its buffer alive.
                if out.capacity() > 1 << 20 {
                    *out = Vec::new();
                }
                packed
            }
            Err(_) => {
                let mut out = Vec::with_capacity(64);
                put(&mut out, v);
                Packed(out.into_boxed_slice())
            }
        })
    }

    pub fn unpack(&self) -> Value {
        let mut r = Reader {
            bytes: &self.0,
            at: 0,
            fragments: None,
        };
        r.value(false)
    }

    /// Unpacks a definition template (`expand::quote::fragment_template`)
    /// with its fragments filled in from `values` (moved out of it), as
    /// `expand::quote::fill_fragments` fills a template kept unpacked:
    /// fragments are looked for in lists and in tuples of two and three.
    pub fn unpack_filling(&self, values: &mut [Value]) -> Value {
        let mut r = Reader {
            bytes: &self.0,
            at: 0,
            fragments: Some((Atom::new(crate::expand::quote::FRAGMENT), values)),
        };
        r.value(true)
    }
}

fn uint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn int(out: &mut Vec<u8>, n: i64) {
    uint(out, ((n << 1) ^ (n >> 63)) as u64);
}

fn bytes(out: &mut Vec<u8>, b: &[u8]) {
    uint(out, b.len() as u64);
    out.extend_from_slice(b);
}

fn atom_index(a: Atom) -> u64 {
    // An atom's term always has an index.
    a.term().atom_index().unwrap_or(0) as u64
}

fn put(out: &mut Vec<u8>, v: &Value) {
    match v {
        Value::Int(n) => {
            out.push(INT);
            int(out, *n);
        }
        Value::BigInt(b) => {
            out.push(BIG);
            let (sign, mag) = b.to_bytes_le();
            out.push(u8::from(sign == Sign::Minus));
            bytes(out, &mag);
        }
        Value::Float(f) => {
            out.push(FLOAT);
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Value::Atom(a) if a.term() == beamlet_vm::atom::NIL => out.push(NIL),
        Value::Atom(a) => {
            out.push(ATOM);
            uint(out, atom_index(*a));
        }
        Value::Binary(b) => {
            out.push(BINARY);
            bytes(out, b);
        }
        Value::Bitstring(b, bits) => {
            out.push(BITS);
            bytes(out, b);
            uint(out, *bits);
        }
        Value::List(items, None) if items.len() < 16 => {
            out.push(SHORT_LIST + items.len() as u8);
            items.iter().for_each(|x| put(out, x));
        }
        Value::List(items, None) => {
            out.push(LIST);
            uint(out, items.len() as u64);
            items.iter().for_each(|x| put(out, x));
        }
        Value::List(items, Some(tail)) => {
            out.push(IMPROPER);
            uint(out, items.len() as u64);
            items.iter().for_each(|x| put(out, x));
            put(out, tail);
        }
        Value::Tuple(items) if items.len() == 3 => {
            out.push(TUPLE3);
            items.iter().for_each(|x| put(out, x));
        }
        Value::Tuple(items) => {
            out.push(TUPLE);
            uint(out, items.len() as u64);
            items.iter().for_each(|x| put(out, x));
        }
        Value::Map(pairs) => {
            out.push(MAP);
            uint(out, pairs.len() as u64);
            for (k, x) in pairs {
                put(out, k);
                put(out, x);
            }
        }
        Value::Pid { index, serial } => {
            out.push(PID);
            uint(out, *index as u64);
            uint(out, *serial as u64);
        }
        Value::Ref(parts) => {
            out.push(REF);
            parts.iter().for_each(|p| uint(out, *p as u64));
        }
        Value::Fun(FunValue::External {
            module,
            name,
            arity,
        }) => {
            out.push(FUN_EXTERNAL);
            bytes(out, module.as_bytes());
            bytes(out, name.as_bytes());
            uint(out, *arity as u64);
        }
        Value::Fun(FunValue::Anonymous {
            module,
            defined_in,
            index,
            uniq,
            arity,
        }) => {
            out.push(FUN_ANONYMOUS);
            match module {
                Some(m) => {
                    out.push(1);
                    bytes(out, m.as_bytes());
                }
                None => out.push(0),
            }
            bytes(out, defined_in.as_bytes());
            uint(out, *index as u64);
            uint(out, *uniq as u64);
            uint(out, *arity as u64);
        }
    }
}

/// Reads what [`put`] wrote (only ever its own output: no checks beyond
/// what keeps it from panicking on a slice index).
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// The fragment node's name and the values to fill in, when filling.
    fragments: Option<(Atom, &'a mut [Value])>,
}

impl Reader<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.bytes[self.at];
        self.at += 1;
        b
    }

    fn uint(&mut self) -> u64 {
        let mut n = 0u64;
        let mut shift = 0;
        loop {
            let b = self.byte();
            n |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return n;
            }
            shift += 7;
        }
    }

    fn int(&mut self) -> i64 {
        let z = self.uint();
        ((z >> 1) as i64) ^ -((z & 1) as i64)
    }

    fn bytes(&mut self) -> &[u8] {
        let n = self.uint() as usize;
        let b = &self.bytes[self.at..self.at + n];
        self.at += n;
        b
    }

    fn string(&mut self) -> String {
        String::from_utf8_lossy(self.bytes()).into_owned()
    }

    fn values(&mut self, n: usize, fill: bool) -> Vec<Value> {
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(self.value(fill));
        }
        items
    }

    /// A fragment node `{FRAGMENT, meta, [i]}`'s value, taken from the
    /// values being filled in.
    fn fragment(&mut self, t: &[Value]) -> Option<Value> {
        let (name, values) = self.fragments.as_mut()?;
        match t {
            [Value::Atom(n), _, Value::List(args, None)] if n == name => match args.as_slice() {
                [Value::Int(i)] => values.get_mut(usize::try_from(*i).ok()?).map(|v| {
                    std::mem::replace(v, Value::Atom(Atom::from_term(beamlet_vm::atom::NIL)))
                }),
                _ => None,
            },
            _ => None,
        }
    }

    /// The next value; `fill`: fill in fragments found in it (see
    /// [`Packed::unpack_filling`]).
    fn value(&mut self, fill: bool) -> Value {
        let tag = self.byte();
        match tag {
            INT => Value::Int(self.int()),
            BIG => {
                let sign = if self.byte() == 1 {
                    Sign::Minus
                } else {
                    Sign::Plus
                };
                Value::BigInt(BigInt::from_bytes_le(sign, self.bytes()))
            }
            FLOAT => {
                let mut b = [0u8; 8];
                b.copy_from_slice(&self.bytes[self.at..self.at + 8]);
                self.at += 8;
                Value::Float(f64::from_bits(u64::from_le_bytes(b)))
            }
            NIL => Value::Atom(Atom::from_term(beamlet_vm::atom::NIL)),
            ATOM => Value::Atom(Atom::from_term(Term::atom(self.uint() as u32))),
            BINARY => Value::Binary(self.bytes().to_vec()),
            BITS => {
                let b = self.bytes().to_vec();
                Value::Bitstring(b, self.uint())
            }
            LIST => {
                let n = self.uint() as usize;
                Value::List(self.values(n, fill), None)
            }
            IMPROPER => {
                let n = self.uint() as usize;
                let items = self.values(n, fill);
                Value::List(items, Some(Box::new(self.value(fill))))
            }
            TUPLE3 => {
                let t = self.values(3, fill);
                match fill.then(|| self.fragment(&t)).flatten() {
                    Some(v) => v,
                    None => Value::Tuple(t),
                }
            }
            TUPLE => {
                let n = self.uint() as usize;
                Value::Tuple(self.values(n, fill && n == 2))
            }
            MAP => {
                let n = self.uint() as usize;
                let mut pairs = Vec::with_capacity(n);
                for _ in 0..n {
                    let k = self.value(false);
                    pairs.push((k, self.value(false)));
                }
                Value::Map(pairs)
            }
            PID => {
                let index = self.uint() as u32;
                Value::Pid {
                    index,
                    serial: self.uint() as u32,
                }
            }
            REF => Value::Ref([self.uint() as u32, self.uint() as u32, self.uint() as u32]),
            FUN_EXTERNAL => {
                let module = self.string();
                let name = self.string();
                Value::Fun(FunValue::External {
                    module,
                    name,
                    arity: self.uint() as u32,
                })
            }
            FUN_ANONYMOUS => {
                let module = (self.byte() == 1).then(|| self.string());
                let defined_in = self.string();
                let index = self.uint() as u32;
                let uniq = self.uint() as u32;
                Value::Fun(FunValue::Anonymous {
                    module,
                    defined_in,
                    index,
                    uniq,
                    arity: self.uint() as u32,
                })
            }
            n => Value::List(self.values((n - SHORT_LIST) as usize, fill), None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let samples = vec![
            Value::Int(0),
            Value::Int(-1),
            Value::Int(i64::MIN),
            Value::Int(i64::MAX),
            Value::BigInt(BigInt::from(i64::MAX) * 1000),
            Value::BigInt(-BigInt::from(i64::MAX) * 1000),
            Value::Float(-1.5),
            Value::atom("nil"),
            Value::atom("Elixir.ExUnit.Assertions"),
            Value::binary("héllo"),
            Value::Bitstring(vec![0b1010_0000], 3),
            Value::List((0..40).map(Value::Int).collect(), None),
            Value::List(vec![Value::Int(1)], Some(Box::new(Value::Int(2)))),
            Value::Tuple(vec![]),
            Value::tuple([Value::atom("f"), Value::List(vec![], None), Value::nil()]),
            Value::map([(Value::atom("a"), Value::Int(1))]),
            Value::Pid {
                index: 7,
                serial: 0,
            },
            Value::Ref([1, 2, 300_000]),
            Value::Fun(FunValue::External {
                module: "Elixir.Enum".into(),
                name: "map".into(),
                arity: 2,
            }),
            Value::Fun(FunValue::Anonymous {
                module: None,
                defined_in: "f/1".into(),
                index: 3,
                uniq: 99,
                arity: 1,
            }),
        ];
        let all = Value::List(samples.clone(), None);
        for v in samples.into_iter().chain([all]) {
            assert_eq!(Packed::pack(&v).unpack(), v);
        }
    }
}
