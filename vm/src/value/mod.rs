//! Owned, heap-independent copies of terms.
//!
//! A [`Value`] is what leaves a process: what the embedding API hands to a Rust
//! host, and what `inspect`/`to_string` format. Converting a term into a value
//! copies it out of the process heap, so a value outlives any garbage collection.
//!
//! `rust.rs` converts values to and from Rust types (`From`, `TryFrom`) and
//! gives `Debug` (as `inspect/1`) and `Display` (as `to_string/1`); `serde_impl.rs`,
//! behind the `serde` feature, serializes and deserializes them.

use num_bigint::BigInt;

mod rust;
#[cfg(feature = "serde")]
mod serde_impl;

pub use rust::{Atom, ConversionError};

/// The [`Atom`] named by a string literal, interned once per call site
/// (`static_atom!("line")`): for code that makes or compares the same
/// atom many times (the compiler's quoted forms).
#[macro_export]
macro_rules! static_atom {
    ($name:literal) => {{
        static ATOM: std::sync::OnceLock<$crate::value::Atom> = std::sync::OnceLock::new();
        *ATOM.get_or_init(|| $crate::value::Atom::new($name))
    }};
}

/// A term copied out of a process. `Debug` prints it as `inspect/1` does,
/// `Display` as `to_string/1` (inspected where Elixir's `to_string` raises).
#[derive(Clone, PartialEq)]
pub enum Value {
    /// An integer that fits in an `i64`.
    Int(i64),
    /// Any larger integer (never one that fits in `i64`).
    BigInt(BigInt),
    Float(f64),
    /// The atom's text without a leading colon: `ok`, `Elixir.Foo.Bar`, `a b`, `true`, `nil`.
    Atom(Atom),
    /// A binary (`"text"` when it is valid UTF-8 and printable, `<<1, 2>>` otherwise).
    Binary(Vec<u8>),
    /// A bitstring whose size in bits (the second field) is not a multiple
    /// of 8: its bits packed from the first byte's high bit, the last byte
    /// padded with zero bits.
    Bitstring(Vec<u8>, u64),
    /// A proper list (`tail: None`) or an improper one (`[1 | 2]`: `tail: Some(2)`).
    List(Vec<Value>, Option<Box<Value>>),
    Tuple(Vec<Value>),
    /// Key-value pairs, already sorted by Erlang term order of the keys.
    /// A struct is a map holding the key `:__struct__`.
    Map(Vec<(Value, Value)>),
    /// `#PID<0.index.serial>`.
    Pid {
        index: u32,
        serial: u32,
    },
    /// `#Reference<0.a.b.c>`.
    Ref([u32; 3]),
    Fun(FunValue),
}

#[derive(Clone, Debug, PartialEq)]
pub enum FunValue {
    /// `&Mod.fun/arity`: prints as `&Mod.fun/1` (`&:lists.reverse/1` for an Erlang-style module).
    External {
        module: String,
        name: String,
        arity: u32,
    },
    /// An anonymous function: prints as `#Function<index.uniq/arity in Mod.fun/arity>`.
    /// `module` is `None` for functions defined at a script's top level (Elixir shows
    /// `:erl_eval.expr/6` there).
    Anonymous {
        module: Option<String>,
        defined_in: String,
        index: u32,
        uniq: u32,
        arity: u32,
    },
}

/// Erlang's term order on values: number < atom < reference < fun < pid <
/// tuple < map < list < binary. Numbers compare by value (an integer before
/// an equal float, as map keys order them); tuples by size, then elements;
/// maps by size, then keys, then values.
pub fn compare_values(a: &Value, b: &Value) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) => 0,
            Value::Atom(_) => 1,
            Value::Ref(_) => 2,
            Value::Fun(_) => 3,
            Value::Pid { .. } => 5,
            Value::Tuple(_) => 6,
            Value::Map(_) => 7,
            Value::List(..) => 8,
            Value::Binary(_) | Value::Bitstring(..) => 9,
        }
    }
    fn num(v: &Value) -> (f64, Option<BigInt>) {
        match v {
            Value::Int(i) => (*i as f64, Some(BigInt::from(*i))),
            Value::BigInt(b) => (
                num_traits::ToPrimitive::to_f64(b).unwrap_or(f64::INFINITY),
                Some(b.clone()),
            ),
            Value::Float(f) => (*f, None),
            _ => (0.0, None),
        }
    }
    let (ra, rb) = (rank(a), rank(b));
    if ra != rb {
        return ra.cmp(&rb);
    }
    match (a, b) {
        (Value::Atom(x), Value::Atom(y)) => x.cmp(y),
        (Value::Binary(x), Value::Binary(y)) => x.cmp(y),
        (Value::Binary(_) | Value::Bitstring(..), Value::Binary(_) | Value::Bitstring(..)) => {
            fn bits(v: &Value) -> (&[u8], u64) {
                match v {
                    Value::Binary(b) => (b, 8 * b.len() as u64),
                    Value::Bitstring(b, n) => (b, *n),
                    _ => (&[], 0),
                }
            }
            let ((x, nx), (y, ny)) = (bits(a), bits(b));
            // Both padded with zero bits: bytes first, then the size.
            let n = nx.min(ny).div_ceil(8) as usize;
            x[..n].cmp(&y[..n]).then(nx.cmp(&ny))
        }
        (Value::Tuple(x), Value::Tuple(y)) => x.len().cmp(&y.len()).then_with(|| {
            x.iter()
                .zip(y)
                .map(|(p, q)| compare_values(p, q))
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
        }),
        (Value::Map(x), Value::Map(y)) => x.len().cmp(&y.len()).then_with(|| {
            x.iter()
                .zip(y)
                .map(|(p, q)| compare_values(&p.0, &q.0))
                .chain(x.iter().zip(y).map(|(p, q)| compare_values(&p.1, &q.1)))
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
        }),
        (Value::List(xs, xt), Value::List(ys, yt)) => {
            for (p, q) in xs.iter().zip(ys) {
                let o = compare_values(p, q);
                if o.is_ne() {
                    return o;
                }
            }
            match xs.len().cmp(&ys.len()) {
                Ordering::Equal => match (xt, yt) {
                    (None, None) => Ordering::Equal,
                    (None, Some(_)) => Ordering::Less,
                    (Some(_), None) => Ordering::Greater,
                    (Some(p), Some(q)) => compare_values(p, q),
                },
                Ordering::Less => match xt {
                    // The shorter list's tail meets the longer one's element.
                    Some(t) => compare_values(t, &Value::List(ys[xs.len()..].to_vec(), yt.clone())),
                    None => Ordering::Less,
                },
                Ordering::Greater => match yt {
                    Some(t) => compare_values(&Value::List(xs[ys.len()..].to_vec(), xt.clone()), t),
                    None => Ordering::Greater,
                },
            }
        }
        (
            Value::Pid {
                index: a,
                serial: b,
            },
            Value::Pid {
                index: c,
                serial: d,
            },
        ) => (b, a).cmp(&(d, c)),
        (Value::Ref(x), Value::Ref(y)) => x.cmp(y),
        _ if ra == 0 => {
            let ((fa, ba), (fb, bb)) = (num(a), num(b));
            match (ba, bb) {
                (Some(x), Some(y)) => x.cmp(&y),
                _ => fa
                    .partial_cmp(&fb)
                    .unwrap_or(Ordering::Equal)
                    .then_with(|| matches!(a, Value::Float(_)).cmp(&matches!(b, Value::Float(_)))),
            }
        }
        _ => Ordering::Equal,
    }
}
