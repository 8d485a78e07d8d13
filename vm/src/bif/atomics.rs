//! OTP's `:atomics` and `:persistent_term`: storage shared by every process
//! of a run, so built-ins (`:counters`, `stdlib/counters.ex`, is written over
//! `:atomics`).
//!
//! - An atomics array is a vector of 64-bit cells updated with the CPU's
//!   atomic operations, wrapping around as OTP's do; its reference names it
//!   in the run's table (the arrays live as long as the run: no process heap
//!   holds them, and references carry no count to free them by).
//! - Persistent terms are copied out of the caller's heap on `put` and back
//!   into the reader's on `get`, as ETS objects are (bif/ets.rs).

use super::{BifResult, Ctx};
use crate::atom;
use crate::copy::{LiteralArea, Msg};
use crate::order;
use crate::process::Exn;
use crate::term::Term;
use num_bigint::BigInt;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

/// One `:atomics.new/2` array.
pub struct Atomics {
    signed: bool,
    cells: Vec<AtomicU64>,
}

/// The atomics arrays and persistent terms of a run.
#[derive(Default)]
pub struct Shared {
    arrays: Mutex<HashMap<u64, Arc<Atomics>>>,
    /// `(key, value)` copies, in the order put.
    terms: Mutex<Vec<(Msg, Msg)>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn array(ctx: &Ctx, r: Term) -> Result<Arc<Atomics>, Exn> {
    r.ref_value()
        .and_then(|n| lock(&ctx.code.ets.shared.arrays).get(&n).cloned())
        .ok_or_else(|| Exn::badarg_at(1, "invalid atomics reference"))
}

fn int_arg(t: Term) -> Option<i128> {
    let b = order::to_bigint(t)?;
    i128::try_from(b).ok()
}

fn cell(a: &Atomics, ix: Term) -> Result<&AtomicU64, Exn> {
    match ix.as_small() {
        Some(i) if i >= 1 && (i as usize) <= a.cells.len() => Ok(&a.cells[i as usize - 1]),
        _ => Err(Exn::badarg_at(2, "out of range")),
    }
}

/// The cell value `v` as the array's type reads it.
fn value(ctx: &mut Ctx, a: &Atomics, v: u64) -> Term {
    if a.signed || v <= i64::MAX as u64 {
        ctx.st.heap.int(v as i64)
    } else {
        ctx.st.heap.bigint(&BigInt::from(v))
    }
}

/// An argument as the bits of a cell: in the array's range, else badarg.
fn bits(a: &Atomics, t: Term, pos: usize) -> Result<u64, Exn> {
    if !t.is_integer() {
        return Err(Exn::badarg_at(pos, "not an integer"));
    }
    let v = int_arg(t).ok_or_else(|| Exn::badarg_at(pos, "out of range"))?;
    let ok = if a.signed {
        v >= i64::MIN as i128 && v <= i64::MAX as i128
    } else {
        v >= 0 && v <= u64::MAX as i128
    };
    if ok {
        Ok(v as u64)
    } else {
        Err(Exn::badarg_at(pos, "out of range"))
    }
}

/// An increment: any 64-bit value (added with wrap-around).
fn incr(t: Term) -> Result<u64, Exn> {
    if !t.is_integer() {
        return Err(Exn::badarg_at(3, "not an integer"));
    }
    match int_arg(t) {
        Some(v) if v >= i64::MIN as i128 && v <= u64::MAX as i128 => Ok(v as u64),
        _ => Err(Exn::badarg_at(3, "out of range")),
    }
}

pub fn new(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    new_array(ctx, a, "atomics")
}

/// `:counters.new/2`'s array (its options checked by the caller): as
/// `:atomics.new/2`, with the counters' word in a system-limit error.
pub fn counters_new(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    new_array(ctx, &[a[0], Term::NIL], "counters")
}

/// `:atomics.new/2`, or `:counters.new/2` when `what` is "counters" (the
/// word its system-limit error uses): an array of `a[0]` cells. Sizes from
/// 2^32 on, and arrays the allocator refuses, reach a system limit (the
/// BEAM's limit is its memory).
pub fn new_array(ctx: &mut Ctx, a: &[Term], what: &str) -> BifResult {
    let size = match int_arg(a[0]) {
        None => return Err(Exn::badarg_at(1, "not an integer")),
        Some(n) if n < 1 => return Err(Exn::badarg_at(1, "out of range")),
        Some(n) if n < 1 << 32 => n as usize,
        Some(_) => return Err(array_size_limit(what)),
    };
    let opts = super::list_to_vec(a[1]).ok_or_else(|| Exn::badarg_at(2, "not a list"))?;
    let mut signed = true;
    for o in opts {
        match o.tuple_elems() {
            Some([k, v]) if k.is_atom() && atom::name(*k) == "signed" && v.is_boolean() => {
                signed = v.is_true()
            }
            _ => return Err(Exn::badarg_at(2, "invalid option in list")),
        }
    }
    let mut cells = Vec::new();
    if cells.try_reserve_exact(size).is_err() {
        return Err(array_size_limit(what));
    }
    cells.extend((0..size).map(|_| AtomicU64::new(0)));
    let r = ctx.rt.make_ref();
    let arr = Arc::new(Atomics { signed, cells });
    lock(&ctx.code.ets.shared.arrays).insert(r.ref_value().unwrap_or(0), arr);
    Ok(r)
}

/// `system_limit`, explained as OTP 25 does for the array's size.
fn array_size_limit(what: &str) -> Exn {
    Exn {
        info: Some(crate::process::ErrorInfo::Message(format!(
            "a system limit has been reached due to errors at the given arguments:\n\n  * 1st argument: {what} array size reached a system limit\n"
        ))),
        ..Exn::error(atom::SYSTEM_LIMIT)
    }
}

pub fn get(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let arr = array(ctx, a[0])?;
    let v = cell(&arr, a[1])?.load(Ordering::SeqCst);
    Ok(value(ctx, &arr, v))
}

pub fn put(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let arr = array(ctx, a[0])?;
    let c = cell(&arr, a[1])?;
    c.store(bits(&arr, a[2], 3)?, Ordering::SeqCst);
    Ok(atom::OK)
}

pub fn add(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let arr = array(ctx, a[0])?;
    let c = cell(&arr, a[1])?;
    c.fetch_add(incr(a[2])?, Ordering::SeqCst);
    Ok(atom::OK)
}

pub fn add_get(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let arr = array(ctx, a[0])?;
    let c = cell(&arr, a[1])?;
    let d = incr(a[2])?;
    let v = c.fetch_add(d, Ordering::SeqCst).wrapping_add(d);
    Ok(value(ctx, &arr, v))
}

pub fn sub(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let arr = array(ctx, a[0])?;
    let c = cell(&arr, a[1])?;
    c.fetch_sub(incr(a[2])?, Ordering::SeqCst);
    Ok(atom::OK)
}

pub fn sub_get(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let arr = array(ctx, a[0])?;
    let c = cell(&arr, a[1])?;
    let d = incr(a[2])?;
    let v = c.fetch_sub(d, Ordering::SeqCst).wrapping_sub(d);
    Ok(value(ctx, &arr, v))
}

pub fn exchange(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let arr = array(ctx, a[0])?;
    let c = cell(&arr, a[1])?;
    let old = c.swap(bits(&arr, a[2], 3)?, Ordering::SeqCst);
    Ok(value(ctx, &arr, old))
}

pub fn compare_exchange(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let arr = array(ctx, a[0])?;
    let c = cell(&arr, a[1])?;
    let expected = bits(&arr, a[2], 3)?;
    let desired = bits(&arr, a[3], 4)?;
    match c.compare_exchange(expected, desired, Ordering::SeqCst, Ordering::SeqCst) {
        Ok(_) => Ok(atom::OK),
        Err(cur) => Ok(value(ctx, &arr, cur)),
    }
}

pub fn info(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let arr = array(ctx, a[0])?;
    let n = arr.cells.len();
    let (max, min) = if arr.signed {
        (ctx.st.heap.int(i64::MAX), ctx.st.heap.int(i64::MIN))
    } else {
        (ctx.st.heap.bigint(&BigInt::from(u64::MAX)), Term::small(0))
    };
    let memory = Term::small(8 * n as i64 + 40);
    let keys = [
        atom::intern("max"),
        atom::intern("memory"),
        atom::intern("min"),
        atom::intern("size"),
    ];
    let vals = [max, memory, min, Term::small(n as i64)];
    Ok(ctx.st.heap.map_sorted(&keys, &vals))
}

// ---- :persistent_term ----

fn export(ctx: &mut Ctx, t: Term) -> Term {
    ctx.st.heap.adopt(Msg::copy(&LiteralArea::default(), t))
}

pub fn pt_put(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let k = ctx.code.copy_term(a[0]);
    let v = ctx.code.copy_term(a[1]);
    let mut terms = lock(&ctx.code.ets.shared.terms);
    match terms
        .iter_mut()
        .find(|(x, _)| order::exact_eq(x.peek(), a[0]))
    {
        Some(e) => e.1 = v,
        None => terms.push((k, v)),
    }
    Ok(atom::OK)
}

fn pt_find(ctx: &mut Ctx, key: Term) -> Option<Term> {
    let terms = lock(&ctx.code.ets.shared.terms);
    let v = terms
        .iter()
        .find(|(x, _)| order::exact_eq(x.peek(), key))
        .map(|(_, v)| v.peek())?;
    // Copied out while the lock keeps the stored value alive.
    Some(export(ctx, v))
}

pub fn pt_get1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    pt_find(ctx, a[0]).ok_or_else(|| Exn::badarg_at(1, "no persistent term stored with this key"))
}

pub fn pt_get2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(pt_find(ctx, a[0]).unwrap_or(a[1]))
}

pub fn pt_get0(ctx: &mut Ctx, _a: &[Term]) -> BifResult {
    let terms = lock(&ctx.code.ets.shared.terms);
    let pairs: Vec<Term> = terms
        .iter()
        .map(|(k, v)| ctx.st.heap.tuple(&[k.peek(), v.peek()]))
        .collect();
    let l = ctx.st.heap.list(&pairs);
    Ok(export(ctx, l))
}

pub fn pt_erase(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let mut terms = lock(&ctx.code.ets.shared.terms);
    let before = terms.len();
    terms.retain(|(x, _)| !order::exact_eq(x.peek(), a[0]));
    Ok(Term::bool(terms.len() != before))
}

pub fn pt_info(ctx: &mut Ctx, _a: &[Term]) -> BifResult {
    let terms = lock(&ctx.code.ets.shared.terms);
    let count = terms.len();
    let words: usize = terms.iter().map(|(k, v)| k.words() + v.words() + 4).sum();
    drop(terms);
    let keys = [atom::intern("count"), atom::intern("memory")];
    let vals = [Term::small(count as i64), Term::small(8 * words as i64)];
    Ok(ctx.st.heap.map_sorted(&keys, &vals))
}
