//! Conversions between terms (in a heap) and owned [`Value`]s.

use crate::atom;
use crate::code::{CodeTable, FunKind};
use crate::heap::Heap;
use crate::order;
use crate::term::{Kind, Term};
use crate::value::{FunValue, Value};

/// Copies a term out of its heap. `code` names the functions of closures.
pub fn to_value(code: &CodeTable, t: Term) -> Value {
    match t.kind() {
        Kind::Int => Value::Int(t.small_value()),
        Kind::BigInt => {
            let b = order::to_bigint(t).unwrap_or_default();
            use num_traits::ToPrimitive;
            match b.to_i64() {
                Some(v) => Value::Int(v),
                None => Value::BigInt(b),
            }
        }
        Kind::Float => Value::Float(t.float_value().unwrap_or(0.0)),
        Kind::Atom => Value::Atom(crate::value::Atom::from_term(t)),
        Kind::Nil => Value::List(Vec::new(), None),
        Kind::Cons => {
            let mut items = Vec::new();
            let mut cur = t;
            while let Some((h, tl)) = cur.cons_parts() {
                items.push(to_value(code, h));
                cur = tl;
            }
            let tail = if cur.is_nil() {
                None
            } else {
                Some(Box::new(to_value(code, cur)))
            };
            Value::List(items, tail)
        }
        Kind::Tuple => Value::Tuple(
            t.tuple_elems()
                .unwrap_or(&[])
                .iter()
                .map(|e| to_value(code, *e))
                .collect(),
        ),
        Kind::Binary => match t.binary_bytes() {
            Some(b) => Value::Binary(b.to_vec()),
            None => {
                let (bits, n) = t.bitstring_bits().expect("a bitstring");
                Value::Bitstring(bits.into_owned(), n)
            }
        },
        Kind::Map => Value::Map(
            crate::hamt::pairs(t)
                .into_iter()
                .map(|(k, v)| (to_value(code, k), to_value(code, v)))
                .collect(),
        ),
        Kind::Pid => {
            let (index, serial) = t.pid_parts().unwrap_or((0, 0));
            Value::Pid { index, serial }
        }
        Kind::Ref => {
            let n = t.ref_value().unwrap_or(0);
            Value::Ref([
                (n >> 32) as u32 & 0xffff,
                (n as u32) >> 16,
                n as u32 & 0xffff,
            ])
        }
        Kind::Fun => Value::Fun(fun_value(code, t)),
        Kind::None => Value::Atom("undefined".into()),
    }
}

fn fun_value(code: &CodeTable, t: Term) -> FunValue {
    if let Some((m, f, a)) = t.export_parts() {
        return FunValue::External {
            module: atom::name(m).into(),
            name: atom::name(f).into(),
            arity: a,
        };
    }
    let (id, _free) = t.closure_parts().unwrap_or((0, &[]));
    match code.get_function(id) {
        Some(f) => {
            let module = atom::name(f.module).to_owned();
            match &f.kind {
                FunKind::Named => FunValue::External {
                    module,
                    name: atom::name(f.name).into(),
                    arity: f.arity,
                },
                FunKind::Lambda { index, parent, .. } => FunValue::Anonymous {
                    module: if module == "__script__" {
                        None
                    } else {
                        Some(module)
                    },
                    defined_in: parent.clone(),
                    index: *index,
                    uniq: id.wrapping_mul(2654435761) % 100_000_000,
                    arity: f.arity,
                },
            }
        }
        None => FunValue::External {
            module: "erlang".into(),
            name: "undefined".into(),
            arity: 0,
        },
    }
}

/// Builds a term for `v` in `heap`. Maps are sorted and deduplicated.
pub fn from_value(heap: &mut Heap, v: &Value) -> Term {
    match v {
        Value::Int(i) => heap.int(*i),
        Value::BigInt(b) => heap.bigint(b),
        Value::Float(f) => heap.float(*f),
        Value::Atom(a) => a.term(),
        Value::Binary(b) => heap.binary(b),
        Value::Bitstring(b, n) => heap.bitstring(b, *n),
        Value::List(items, tail) => {
            let tail = match tail {
                Some(t) => from_value(heap, t),
                None => Term::NIL,
            };
            let elems: Vec<Term> = items.iter().map(|i| from_value(heap, i)).collect();
            heap.list_with_tail(&elems, tail)
        }
        Value::Tuple(items) => {
            let elems: Vec<Term> = items.iter().map(|i| from_value(heap, i)).collect();
            heap.tuple(&elems)
        }
        Value::Map(pairs) => {
            let kv: Vec<(Term, Term)> = pairs
                .iter()
                .map(|(k, v)| (from_value(heap, k), from_value(heap, v)))
                .collect();
            crate::bif::map::build_map(heap, kv)
        }
        Value::Pid { index, serial } => Term::pid(*index, *serial),
        Value::Ref(r) => {
            Term::reference(((r[0] as u64) << 32) | ((r[1] as u64) << 16) | r[2] as u64)
        }
        Value::Fun(FunValue::External {
            module,
            name,
            arity,
        }) => heap.export(atom::intern(module), atom::intern(name), *arity),
        Value::Fun(FunValue::Anonymous { .. }) => atom::UNDEFINED,
    }
}
