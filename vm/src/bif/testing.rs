//! Built-in functions for tests only (the `test-bifs` feature, and the
//! crate's own tests): nested calls made from the language, and loading code
//! while a program runs. In the product, nested calls come from the compiler
//! and loads from the module system.

use super::{list_to_vec, BifResult, Ctx};
use crate::code::Unit;
use crate::nested;
use crate::process::Exn;
use crate::term::Term;
use std::sync::Mutex;

fn args_of(list: Term) -> Result<Vec<Term>, Exn> {
    list_to_vec(list).ok_or_else(|| Exn::badarg_at(2, "not a list"))
}

/// `:beamlet_test.nested_call(module, name, args)`: `apply/3`, as a nested call.
pub fn nested_call(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let args = args_of(a[2])?;
    nested::call_mfa(ctx, a[0], a[1], &args)
}

/// `:beamlet_test.nested_apply(fun, args)`: `apply/2`, as a nested call.
pub fn nested_apply(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let mut args = args_of(a[1])?;
    if let Some((id, free)) = a[0].closure_parts() {
        args.extend_from_slice(free);
        return nested::call(ctx, id, &args);
    }
    match a[0].export_parts() {
        Some((m, f, _)) => nested::call_mfa(ctx, m, f, &args),
        None => Err(Exn::badarg_at(1, "not a fun")),
    }
}

/// Units waiting for `:beamlet_test.load_pending/1`, by key (tests run in
/// parallel: each uses its own key).
static PENDING: Mutex<Vec<(i64, Unit)>> = Mutex::new(Vec::new());

/// Queues `unit` to be loaded when a program calls `:beamlet_test.load_pending(key)`.
pub fn queue_load(key: i64, unit: Unit) {
    PENDING
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((key, unit));
}

/// `:beamlet_test.load_pending(key)`: loads the units queued under `key`,
/// in order (exported, as `defmodule` does); returns how many.
pub fn load_pending(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let key = a[0]
        .as_small()
        .ok_or_else(|| Exn::badarg_at(1, "not an integer"))?;
    let units: Vec<Unit> = {
        let mut p = PENDING.lock().unwrap_or_else(|e| e.into_inner());
        let (mine, rest) = std::mem::take(&mut *p)
            .into_iter()
            .partition(|(k, _)| *k == key);
        *p = rest;
        mine.into_iter().map(|(_, u)| u).collect()
    };
    let n = units.len();
    for u in units {
        ctx.code.load(u);
    }
    Ok(Term::small(n as i64))
}

/// `:beamlet_test.panic(x)`: panics, as a bug in a built-in would (the
/// scheduler must end only the calling process).
pub fn panic(_ctx: &mut Ctx, a: &[Term]) -> BifResult {
    panic!("beamlet_test.panic/1 called with {:?}", a[0])
}
