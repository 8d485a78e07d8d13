//! Protocol dispatch: which module implements a protocol for a term.
//!
//! A protocol `P` (defined in the language by `defprotocol`, see
//! `stdlib/protocol.ex`) asks `:beamlet.protocol_impl(P, data, fallback)`
//! from its `impl_for/1`. The answer follows Elixir's rules for protocols
//! that are not consolidated:
//!
//! - a struct `%S{}` (its `__struct__` an atom): `P.S` when it is loaded (or
//!   the library can load it) and is an implementation (exports `__impl__/1`),
//!   answering its `__impl__(:target)` (a derived implementation may point
//!   at `P.Any`); else `P.Any` when `fallback` is true; else `nil`;
//! - any other term: `P.Type` for its built-in type (`Integer`, `Float`,
//!   `Atom`, `BitString`, `List`, `Tuple`, `Map`, `Function`, `PID`, `Port`,
//!   `Reference`), then `P.Any` when `fallback` is true, else `nil`.
//!
//! Answers are cached in the code table by `(protocol, type or struct)`,
//! and forgotten whenever a module is loaded, so a warm dispatch is one
//! hash lookup.

use super::{map::map_find, BifResult, Ctx};
use crate::atom;
use crate::term::{Kind, Term};

/// `:beamlet.protocol_impl(protocol, data, fallback_to_any)`.
pub fn protocol_impl(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (protocol, data, fallback) = (a[0], a[1], a[2] == atom::TRUE);
    if !protocol.is_atom() {
        return Err(super::badarg());
    }
    let (key, is_struct) = dispatch_type(data);
    if let Some(found) = ctx.code.protocol_impl(protocol, key, fallback) {
        return Ok(found);
    }
    let found = resolve(ctx, protocol, key, is_struct, fallback)?;
    ctx.code
        .remember_protocol_impl(protocol, key, fallback, found);
    Ok(found)
}

/// What protocol dispatch looks `data` up by: its struct's module, or its
/// built-in type's (`Elixir.Integer`...); and whether it is a struct.
#[inline]
pub fn dispatch_type(data: Term) -> (Term, bool) {
    match data.kind() {
        Kind::Map => match map_find(data, atom::STRUCT) {
            Some(s) if s.is_atom() => (s, true),
            _ => (atom::T_MAP, false),
        },
        _ => (builtin_type(data), false),
    }
}

/// The implementation of `protocol` for the struct `data` (its own, or a
/// derived one), if it has one; `None` for anything else, so built-in code
/// can handle built-in types itself and call out only for user structs.
pub fn struct_impl(
    ctx: &mut Ctx,
    protocol: Term,
    data: Term,
) -> Result<Option<Term>, crate::process::Exn> {
    let Some(s) = map_find(data, atom::STRUCT).filter(|s| s.is_atom()) else {
        return Ok(None);
    };
    let found = match ctx.code.protocol_impl(protocol, s, false) {
        Some(f) => f,
        None => {
            let f = resolve(ctx, protocol, s, true, false)?;
            ctx.code.remember_protocol_impl(protocol, s, false, f);
            f
        }
    };
    Ok(Some(found).filter(|f| *f != atom::NIL))
}

fn resolve(ctx: &mut Ctx, protocol: Term, key: Term, is_struct: bool, fallback: bool) -> BifResult {
    let target = concat(protocol, key);
    if is_impl(ctx, target) {
        if !is_struct {
            return Ok(target);
        }
        // A derived implementation names the module doing the work.
        let t = crate::nested::call_mfa(
            ctx,
            target,
            atom::intern("__impl__"),
            &[atom::intern("target")],
        )?;
        return Ok(if t.is_atom() { t } else { target });
    }
    if fallback {
        let any = concat(protocol, atom::T_ANY);
        if is_impl(ctx, any) {
            return Ok(any);
        }
    }
    Ok(atom::NIL)
}

/// `Module.concat(protocol, key)`: `Elixir.P` and `Elixir.S` give `Elixir.P.S`.
fn concat(protocol: Term, key: Term) -> Term {
    let p = atom::name(protocol);
    let k = atom::name(key);
    let k = k.strip_prefix("Elixir.").unwrap_or(k);
    let p = if p.starts_with("Elixir.") {
        p.to_owned()
    } else {
        format!("Elixir.{p}")
    };
    atom::intern(&format!("{p}.{k}"))
}

/// Whether `module` is (or the library can load) a protocol implementation.
fn is_impl(ctx: &mut Ctx, module: Term) -> bool {
    let impl_ = atom::intern("__impl__");
    let exported = |ctx: &Ctx| {
        ctx.code
            .lookup(module, impl_, 1)
            .is_some_and(|id| ctx.code.function(id).public)
    };
    exported(ctx)
        || (!ctx.code.module_loaded(module)
            && super::compiler::autoload(ctx, module)
            && exported(ctx))
}

/// The module naming the built-in type of `t` in protocol dispatch.
pub fn builtin_type(t: Term) -> Term {
    match t.kind() {
        Kind::Int | Kind::BigInt => atom::T_INTEGER,
        Kind::Float => atom::T_FLOAT,
        Kind::Atom => atom::T_ATOM,
        Kind::Binary => atom::T_BITSTRING,
        Kind::Nil | Kind::Cons => atom::T_LIST,
        Kind::Tuple => atom::T_TUPLE,
        Kind::Map => atom::T_MAP,
        Kind::Fun => atom::T_FUNCTION,
        Kind::Pid => atom::T_PID,
        Kind::Ref => atom::T_REFERENCE,
        Kind::None => atom::T_ANY,
    }
}
