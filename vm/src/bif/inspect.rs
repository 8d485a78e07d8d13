//! The native side of `inspect`: the fast path of `Kernel.inspect/2`, `IO.inspect/3` and
//! ExUnit's printing, and the string primitives the `Inspect` implementations of
//! `stdlib/inspect/` need to be fast.
//!
//! `inspect` is the `Inspect` protocol, written in the language (`stdlib/inspect.ex`,
//! `stdlib/inspect/*.ex`, `Inspect.Algebra`). Building and laying out a document term by
//! term costs ~50x what the native printer (`crate::inspect`, over `Value`s) does, so
//! [`inspect_fast`] prints natively every term the protocol would print exactly so:
//! built-in types and structs with no `Inspect` implementation of their own (which print
//! through `Inspect.Any`), under options the native printer knows. Anything else (a
//! struct with its own or a derived implementation, an `:inspect_fun`, syntax colors)
//! answers `false`, and the caller goes through the protocol.
//! `tests/inspect_paths.rs` checks that both paths agree.

use super::{BifResult, Ctx};
use crate::atom;
use crate::inspect::{Binaries, Charlists, InspectOpts};
use crate::term::{Kind, Term};

/// What the native printer would print `t` exactly as the protocol does, or `None`.
enum Fast {
    Yes(InspectOpts),
    No,
}

/// The options of a keyword list `opts`, when the native printer honours them all:
/// `None` for `:inspect_fun`, syntax colors, `charlists: :as_charlists`, the deprecated
/// `:char_lists`, or values
/// `Inspect.Opts` would reject (the protocol path then raises as Elixir does).
fn fast_opts(opts: Term, mut o: InspectOpts) -> Option<InspectOpts> {
    let count = |v: Term| -> Option<usize> {
        if v == atom::INFINITY {
            Some(usize::MAX)
        } else {
            v.as_small().filter(|n| *n >= 0).map(|n| n as usize)
        }
    };
    let mut rest = opts;
    while let Some((item, tail)) = rest.cons_parts() {
        rest = tail;
        let [k, v] = item.tuple_elems()? else {
            return None;
        };
        if !k.is_atom() {
            return None;
        }
        match atom::name(*k) {
            "limit" => o.limit = count(*v)?,
            "printable_limit" => o.printable_limit = count(*v)?,
            "width" => o.width = count(*v)?,
            "pretty" if v.is_boolean() => o.pretty = v.is_true(),
            "structs" if v.is_boolean() => o.structs = v.is_true(),
            "base" if v.is_atom() => {
                o.base = match atom::name(*v) {
                    "decimal" => 10,
                    "binary" => 2,
                    "octal" => 8,
                    "hex" => 16,
                    _ => return None,
                }
            }
            "charlists" if v.is_atom() => {
                o.charlists = match atom::name(*v) {
                    "infer" => Charlists::Infer,
                    "as_lists" => Charlists::AsLists,
                    // Elixir raises for a list that is not a string's codes: the
                    // protocol path does.
                    _ => return None,
                }
            }
            "binaries" if v.is_atom() => {
                o.binaries = match atom::name(*v) {
                    "infer" => Binaries::Infer,
                    "as_binaries" => Binaries::AsBinaries,
                    "as_strings" => Binaries::AsStrings,
                    _ => return None,
                }
            }
            "syntax_colors" if v.is_nil() => {}
            // Seen only by implementations of the protocol, or by `IO.inspect/3`.
            "safe" | "custom_options" | "label" => {}
            "inspect_fun" | "syntax_colors" | "char_lists" | "pretty" | "structs" | "base"
            | "charlists" | "binaries" => return None,
            // `Inspect.Opts.new/1` ignores keys it does not know.
            _ => {}
        }
    }
    rest.is_nil().then_some(o)
}

/// Whether the calling process set its own `Inspect.Opts.default_inspect_fun/1`.
fn custom_inspect_fun(ctx: &Ctx) -> bool {
    if ctx.st.dict.is_empty() {
        return false;
    }
    let module = atom::intern("Elixir.Inspect.Opts");
    let key = atom::intern("inspect_fun");
    ctx.st
        .dict
        .chunks(2)
        .any(|kv| kv[0].tuple_elems().is_some_and(|e| e == [module, key]))
}

/// Whether every struct in `t` prints through `Inspect.Any` (it has no implementation
/// of its own), so the native printer prints it as the protocol does.
fn structs_native(ctx: &mut Ctx, t: Term) -> Result<bool, crate::process::Exn> {
    let mut inspect = None;
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        match t.kind() {
            Kind::Cons => {
                let mut l = t;
                while let Some((h, rest)) = l.cons_parts() {
                    stack.push(h);
                    l = rest;
                }
                stack.push(l);
            }
            Kind::Tuple => stack.extend_from_slice(t.tuple_elems().unwrap_or(&[])),
            Kind::Map => {
                let protocol = *inspect.get_or_insert_with(|| atom::intern("Elixir.Inspect"));
                if super::protocol::struct_impl(ctx, protocol, t)?.is_some() {
                    return Ok(false);
                }
                crate::hamt::for_each(t, |k, v| stack.extend([k, v]));
            }
            _ => {}
        }
    }
    Ok(true)
}

/// The options under which `t` prints natively exactly as through the protocol.
fn fast(ctx: &mut Ctx, t: Term, opts: Term) -> Result<Fast, crate::process::Exn> {
    let Some(o) = fast_opts(opts, InspectOpts::default()) else {
        return Ok(Fast::No);
    };
    if custom_inspect_fun(ctx) || (o.structs && !structs_native(ctx, t)?) {
        return Ok(Fast::No);
    }
    Ok(Fast::Yes(o))
}

/// `:beamlet.inspect_fast(term, opts, layout)`: `inspect(term, opts)` printed natively, or
/// `false` when only the `Inspect` protocol prints it right (see the module doc). `layout`:
/// `:inspect` lays out as `Kernel.inspect/2` (in `width` columns only when `pretty`), `:io`
/// as `IO.inspect/3` (always in `width` columns), `:infinity` on one line. Native because
/// the protocol is ~50x slower on large built-in data (and it answers for the types whose
/// text depends on the VM's representation: floats, functions, pids, references).
pub fn inspect_fast(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let Fast::Yes(o) = fast(ctx, a[0], a[1])? else {
        return Ok(atom::FALSE);
    };
    let width = match atom::name(a[2]) {
        "inspect" if o.pretty => Some(o.width),
        "io" => Some(o.width),
        "inspect" | "infinity" => None,
        _ => return Err(super::badarg()),
    };
    let width = width.filter(|w| *w != usize::MAX);
    let (v, o) = super::structs::opts_for(ctx, a[0], o);
    let mut docs = crate::inspect::algebra::Docs::new();
    let d = crate::inspect::to_doc(&mut docs, &v, limit(&o), &o);
    let d = docs.group(d);
    let s = docs.format(d, width);
    Ok(ctx.st.heap.str(&s))
}

fn limit(o: &InspectOpts) -> Option<usize> {
    (o.limit != usize::MAX).then_some(o.limit)
}

/// `:beamlet.inspect_nested(term, indent, width)`: `inspect(term, pretty: true)` laid out
/// as a value printed after a label `indent` columns wide (spec/exunit.md): formatted to
/// `width - indent` columns, the lines after the first indented by `indent` spaces, which
/// count toward the limit. `false` when only the protocol prints `term` right (ExUnit then
/// does the same through `Inspect.Algebra`). Native for speed, as [`inspect_fast`].
pub fn inspect_nested(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (Some(indent), Some(width)) = (a[1].as_small(), a[2].as_small()) else {
        return Err(super::badarg());
    };
    if indent < 0 || width < 0 {
        return Err(super::badarg());
    }
    let (indent, width) = (indent as usize, width as usize);
    let w = width.saturating_sub(indent);
    if custom_inspect_fun(ctx) || !structs_native(ctx, a[0])? {
        return Ok(atom::FALSE);
    }
    let opts = InspectOpts {
        width: w,
        pretty: true,
        ..InspectOpts::default()
    };
    let (v, opts) = super::structs::opts_for(ctx, a[0], opts);
    let mut docs = crate::inspect::algebra::Docs::new();
    let d = crate::inspect::to_doc(&mut docs, &v, limit(&opts), &opts);
    let d = docs.group(d);
    let d = docs.nest(d, indent);
    let s = docs.format(d, Some(w));
    Ok(ctx.st.heap.str(&s))
}

/// `inspect(t)` for the messages built-in code writes (`MatchError`, `KeyError`, ...):
/// natively when that prints it right, else through `Kernel.inspect/1` (a nested call),
/// so user implementations show there too.
pub fn inspect_term(ctx: &mut Ctx, t: Term) -> String {
    if let Ok(Fast::No) = fast(ctx, t, Term::NIL) {
        let r = crate::nested::call_mfa(
            ctx,
            atom::intern("Elixir.Kernel"),
            atom::intern("inspect"),
            &[t],
        );
        if let Some(b) = r.ok().and_then(|r| r.binary_bytes()) {
            return String::from_utf8_lossy(b).into_owned();
        }
    }
    super::inspect_term_native(ctx, t)
}

/// `:beamlet.inspect_escape(binary, quote, limit)`: `{escaped, rest}`: the first `limit`
/// characters of `binary` (`:infinity`: all) escaped to print between `quote`s (a
/// character code), and the bytes after them (`""` when none were left out). Native
/// because strings are inspected whole and may be long.
pub fn inspect_escape(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let bytes = a[0]
        .binary_bytes()
        .ok_or_else(|| crate::process::Exn::badarg_at(1, "not a binary"))?;
    let quote = a[1]
        .as_small()
        .and_then(|q| u8::try_from(q).ok())
        .ok_or_else(|| crate::process::Exn::badarg_at(2, "not a quote character"))?;
    let limit = if a[2] == atom::INFINITY {
        None
    } else {
        let n = a[2]
            .as_small()
            .filter(|n| *n >= 0)
            .ok_or_else(|| crate::process::Exn::badarg_at(3, "not a limit"))?;
        Some(n as usize)
    };
    let (escaped, used) = crate::inspect::escape_prefix(bytes, Some(quote), limit);
    let escaped = ctx.st.heap.str(&escaped);
    let rest = ctx.st.heap.binary(&bytes[used..]);
    Ok(ctx.st.heap.tuple(&[escaped, rest]))
}

/// `:beamlet.string_printable(string, limit)`: `String.printable?/2` (`stdlib/string.ex`
/// checks the arguments): whether the first `limit` characters of `string` (`:infinity`:
/// all) are printable. Native: `inspect` asks it of every string it prints.
pub fn string_printable(_ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let bytes = a[0]
        .binary_bytes()
        .ok_or_else(|| crate::process::Exn::badarg_at(1, "not a binary"))?;
    let limit = if a[1] == atom::INFINITY {
        usize::MAX
    } else {
        a[1].as_small()
            .filter(|n| *n >= 0)
            .ok_or_else(|| crate::process::Exn::badarg_at(2, "not a limit"))? as usize
    };
    Ok(Term::bool(crate::inspect::string_printable(bytes, limit)))
}
