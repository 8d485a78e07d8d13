//! Elixir exceptions: building exception structs, turning raw Erlang error
//! reasons into them (`Exception.normalize`), and their messages.
//!
//! The VM raises Erlang's raw reasons (`:badarith`, `{:badmatch, v}`, ...),
//! which is what linked processes see as exit reasons; `rescue` and the
//! top-level error report normalize them into Elixir structs first.

use super::map::{build_map, map_find};
use super::{inspect_term, list_to_vec, BifResult, Ctx};
use crate::atom;
use crate::process::{Class, ErrorInfo, Exn, TraceEntry};
use crate::term::Term;

/// The fields (besides `__exception__`) and default values of the built-in
/// exceptions. ORDER: alphabetical fields don't matter; maps sort them.
fn fields(module: &str) -> Option<&'static [(&'static str, Dflt)]> {
    use Dflt::*;
    Some(match module {
        "Elixir.RuntimeError" => &[("message", Str("runtime error"))],
        "Elixir.ArgumentError" => &[("message", Str("argument error"))],
        "Elixir.ArithmeticError" => &[("message", Str("bad argument in arithmetic expression"))],
        "Elixir.SystemLimitError" => &[("message", Str("a system limit has been reached"))],
        "Elixir.Enum.EmptyError" => &[("message", Str("empty error"))],
        "Elixir.Enum.OutOfBoundsError" => &[("message", Str("out of bounds error"))],
        "Elixir.MatchError"
        | "Elixir.CaseClauseError"
        | "Elixir.BadFunctionError"
        | "Elixir.BadMapError"
        | "Elixir.WithClauseError"
        | "Elixir.TryClauseError" => &[("term", Nil)],
        "Elixir.CondClauseError" => &[],
        "Elixir.BadStructError" => &[("struct", Nil), ("term", Nil)],
        "Elixir.KeyError" => &[("key", Nil), ("message", Nil), ("term", Nil)],
        "Elixir.FunctionClauseError" => &[
            ("args", Nil),
            ("arity", Nil),
            ("clauses", Nil),
            ("function", Nil),
            ("kind", Nil),
            ("module", Nil),
        ],
        "Elixir.BadArityError" => &[("args", Nil), ("function", Nil)],
        "Elixir.BadBooleanError" => &[("operator", Nil), ("term", Nil)],
        "Elixir.UndefinedFunctionError" => &[
            ("arity", Nil),
            ("function", Nil),
            ("message", Nil),
            ("module", Nil),
            ("reason", Nil),
        ],
        "Elixir.Protocol.UndefinedError" => {
            &[("description", Str("")), ("protocol", Nil), ("value", Nil)]
        }
        "Elixir.ErlangError" => &[("original", Nil), ("reason", Nil)],
        "Elixir.UnicodeConversionError" => &[("encoded", Nil), ("message", Nil)],
        "Elixir.CompileError" => &[
            ("description", Str("compile error")),
            ("file", Nil),
            ("line", Nil),
        ],
        "Elixir.SyntaxError" => &[
            ("column", Nil),
            ("description", Str("syntax error")),
            ("file", Nil),
            ("line", Nil),
            ("snippet", Nil),
        ],
        "Elixir.TokenMissingError" => &[
            ("column", Nil),
            ("description", Str("expression is incomplete")),
            ("file", Nil),
            ("line", Nil),
            ("snippet", Nil),
        ],
        _ => return None,
    })
}

/// Fields and defaults of a built-in exception struct (`None` default: nil),
/// `__exception__` included, for `%RuntimeError{...}` literals.
pub fn builtin_struct_fields(module: &str) -> Option<Vec<(&'static str, Option<&'static str>)>> {
    let fs = fields(module)?;
    let mut v = vec![("__exception__", Some("true"))];
    v.extend(
        fs.iter()
            .map(|(n, d)| (*n, if let Dflt::Str(s) = d { Some(*s) } else { None })),
    );
    Some(v)
}

#[derive(Clone, Copy)]
enum Dflt {
    Nil,
    Str(&'static str),
}

/// `%Module{__exception__: true, defaults..., given...}`.
pub fn make_exception(ctx: &mut Ctx, module: &str, given: &[(Term, Term)]) -> Term {
    let mut kv: Vec<(Term, Term)> = vec![
        (atom::STRUCT, atom::intern(module)),
        (atom::EXCEPTION, atom::TRUE),
    ];
    for (name, d) in fields(module).unwrap_or(&[("message", Dflt::Nil)]) {
        let v = match d {
            Dflt::Nil => atom::NIL,
            Dflt::Str(s) => ctx.st.heap.str(s),
        };
        kv.push((atom::intern(name), v));
    }
    kv.extend_from_slice(given);
    build_map(&mut ctx.st.heap, kv)
}

pub fn is_exception_bif(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::bool(is_exception(a[0])))
}

/// Whether `t` is an exception struct.
pub fn is_exception(t: Term) -> bool {
    t.is_map() && map_find(t, atom::EXCEPTION) == Some(atom::TRUE)
}

/// `raise value` with a value known only at run time (`raise/1` and
/// `reraise/2` of Elixir): a string raises `RuntimeError`, an exception
/// itself, a module `module.exception([])`; anything else `ArgumentError`.
pub fn raise1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if a[0].is_binary() {
        let e = make_exception(ctx, "Elixir.RuntimeError", &[(atom::MESSAGE, a[0])]);
        return Err(raised(e));
    }
    if is_exception(a[0]) {
        return Err(raised(a[0]));
    }
    if a[0].is_atom() {
        let e = exception2(ctx, &[a[0], Term::NIL])?;
        return Err(raised(e));
    }
    let msg = format!(
        "raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: {}",
        inspect_term(ctx, a[0])
    );
    Err(super::argument_error(ctx, &msg))
}

/// `raise module, message_or_options` with a module known only at run
/// time: `:erlang.error(module.exception(message_or_options))`.
/// (Elixir 1.14's `raise/2` is a plain `:erlang.error/1`: no `error_info`.)
pub fn raise2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let e = exception2(ctx, a)?;
    Err(Exn::error(e))
}

/// `:beamlet.raise_exception(exception)`: what `raise Mod` compiles to once
/// `Mod.exception([])` has built the exception (Elixir's
/// `:erlang.error(exception, :none, error_info: %{module: Exception})`).
pub fn raise_exception(_: &mut Ctx, a: &[Term]) -> BifResult {
    Err(raised(a[0]))
}

/// The error `raise/1` raises: `reason` with `error_info: %{module: Exception}`
/// on its trace's top entry, as Elixir 1.14's `raise/1` gives (its `raise/2`
/// gives none).
fn raised(reason: Term) -> Exn {
    Exn {
        info: Some(ErrorInfo::Exception),
        ..Exn::error(reason)
    }
}

/// `:beamlet.exception(module, message_or_options)`, i.e.
/// `module.exception(message_or_options)`: built natively for the VM's own
/// exceptions (their library modules only call back here), else by calling the module's
/// `exception/1` (a nested call: the module is known only at run time, and
/// raising needs the struct before it can unwind).
pub fn exception2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_atom() {
        return Err(Exn::badarg_at(1, "not an atom"));
    }
    let module = atom::name(a[0]);
    if fields(module).is_none() {
        return crate::nested::call_mfa(ctx, a[0], atom::intern("exception"), &[a[1]]);
    }
    if module == "Elixir.UnicodeConversionError" && !a[1].is_binary() {
        return unicode_conversion_error(ctx, a[1]);
    }
    let given: Vec<(Term, Term)> = if a[1].is_binary() {
        vec![(atom::MESSAGE, a[1])]
    } else {
        list_to_vec(a[1])
            .unwrap_or_default()
            .into_iter()
            .filter_map(|p| match p.tuple_elems() {
                Some([k, v]) => Some((*k, *v)),
                _ => None,
            })
            .collect()
    };
    Ok(make_exception(ctx, module, &given))
}

/// `UnicodeConversionError.exception(opts)`: Elixir's takes `:encoded`, `:kind` and
/// `:rest` and words the message from the last two (`"invalid code point 55296"`,
/// `"incomplete encoding starting at <<195>>"`); a missing one is a `KeyError`, as
/// `Keyword.fetch!/2` raises it.
fn unicode_conversion_error(ctx: &mut Ctx, opts: Term) -> BifResult {
    let pairs: Vec<(Term, Term)> = list_to_vec(opts)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| match p.tuple_elems() {
            Some([k, v]) => Some((*k, *v)),
            _ => None,
        })
        .collect();
    let fetch = |ctx: &mut Ctx, key: &str| -> Result<Term, Exn> {
        let k = atom::intern(key);
        match pairs.iter().find(|(pk, _)| *pk == k) {
            Some((_, v)) => Ok(*v),
            None => {
                let e = make_exception(
                    ctx,
                    "Elixir.KeyError",
                    &[(atom::KEY, k), (atom::intern("term"), opts)],
                );
                Err(Exn::error(e))
            }
        }
    };
    let encoded = fetch(ctx, "encoded")?;
    let kind = fetch(ctx, "kind")?;
    let rest = fetch(ctx, "rest")?;
    // `detail/1` of Elixir: a binary rest, or the first element of a list rest.
    let mut r = rest;
    let detail = loop {
        if r.is_binary() {
            break format!("encoding starting at {}", inspect_term(ctx, r));
        }
        match r.cons_parts() {
            Some((h, _)) if h.is_integer() => {
                break format!("code point {}", inspect_term(ctx, h));
            }
            Some((h, _)) => r = h,
            None => {
                let e = make_exception(ctx, "Elixir.FunctionClauseError", &[]);
                return Err(Exn::error(e));
            }
        }
    };
    let kind_text = if kind.is_atom() {
        atom::name(kind).to_string()
    } else {
        inspect_term(ctx, kind)
    };
    let msg = ctx.st.heap.str(&format!("{kind_text} {detail}"));
    Ok(make_exception(
        ctx,
        "Elixir.UnicodeConversionError",
        &[(atom::intern("encoded"), encoded), (atom::MESSAGE, msg)],
    ))
}

/// `reraise(exception, stacktrace)`: `exception` (a message, an exception
/// or a module) raised again with the given trace.
pub fn reraise(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let reason = match raise1(ctx, &a[..1]) {
        Err(e) if e.class == Class::Error && e.trace.is_empty() => e.reason,
        other => return other,
    };
    raise_with_trace(ctx, Class::Error, reason, a[1])
}

/// `:erlang.raise(class, reason, stacktrace)`.
pub fn erlang_raise(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let class = match atom::name(a[0]) {
        "error" => Class::Error,
        "exit" => Class::Exit,
        "throw" => Class::Throw,
        _ => return Err(super::badarg()),
    };
    raise_with_trace(ctx, class, a[1], a[2])
}

fn raise_with_trace(_ctx: &mut Ctx, class: Class, reason: Term, trace_t: Term) -> BifResult {
    let Some(mut trace) = trace_of_term(trace_t) else {
        return Err(super::badarg());
    };
    trace.push(TraceEntry::COMPLETE);
    Err(Exn {
        class,
        reason,
        trace,
        // A BIF's explanation (or raise's mark) goes with the trace it came in.
        info: error_info_of(trace_t),
    })
}

/// A stack trace term (`[{module, function, arity_or_args, location}]`, as
/// `__STACKTRACE__` gives) back as entries; `None` if it is not one.
pub fn trace_of_term(t: Term) -> Option<Vec<TraceEntry>> {
    let line_atom = atom::intern("line");
    let file_atom = atom::intern("file");
    let mut out = Vec::new();
    for e in list_to_vec(t)? {
        let [m, f, a, loc] = e.tuple_elems()? else {
            return None;
        };
        let (arity, args) = match a.as_small() {
            Some(n) => (n as u32, None),
            None => (list_to_vec(*a)?.len() as u32, Some(*a)),
        };
        let mut entry = TraceEntry {
            module: *m,
            name: *f,
            arity,
            file: Term::NIL,
            line: 0,
            args,
        };
        for kv in list_to_vec(*loc).unwrap_or_default() {
            match kv.tuple_elems() {
                Some([k, v]) if *k == line_atom => entry.line = v.as_small().unwrap_or(0) as u32,
                Some([k, v]) if *k == file_atom => {
                    if let Some(chars) = list_to_vec(*v) {
                        let name: String = chars
                            .iter()
                            .filter_map(|c| c.as_small().and_then(|c| char::from_u32(c as u32)))
                            .collect();
                        entry.file = atom::intern(&name);
                    }
                }
                _ => {}
            }
        }
        out.push(entry);
    }
    Some(out)
}

pub fn cond_clause(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    let e = make_exception(ctx, "Elixir.CondClauseError", &[]);
    Err(Exn::error(e))
}

pub fn with_clause(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let e = make_exception(ctx, "Elixir.WithClauseError", &[(atom::TERM, a[0])]);
    Err(Exn::error(e))
}

/// `Protocol.UndefinedError` for `Enumerable`.
pub fn enum_error(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    Err(super::string::protocol_error(ctx, "Enumerable", a[0]))
}

/// `:beamlet.bad_struct(module, term)`: `%Module{term | ...}` on a term that
/// is not that struct.
pub fn bad_struct(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let e = make_exception(
        ctx,
        "Elixir.BadStructError",
        &[(atom::intern("struct"), a[0]), (atom::TERM, a[1])],
    );
    Err(Exn::error(e))
}

/// `{:badarity, {fun, args}}`.
pub fn bad_arity(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let inner = ctx.st.heap.tuple(&[a[0], a[1]]);
    Err(super::error2(ctx, atom::BADARITY, inner))
}

/// The first `{module, function, arity_or_args, _}` of a stacktrace term,
/// with an argument list counted as its length.
fn top_mfa(trace: Term) -> Option<(Term, Term, Term)> {
    let (h, _) = trace.cons_parts()?;
    match h.tuple_elems()? {
        [m, f, a, ..] => {
            let arity = match list_to_vec(*a) {
                Some(args) if a.is_list() => Term::small(args.len() as i64),
                _ => *a,
            };
            Some((*m, *f, arity))
        }
        _ => None,
    }
}

/// Turns a raw error reason into an exception struct (`Exception.normalize(:error, reason, stacktrace)`).
pub fn normalize(ctx: &mut Ctx, reason: Term, trace: Term) -> Term {
    if is_exception(reason) {
        return reason;
    }
    let simple = |ctx: &mut Ctx, m: &str, given: &[(Term, Term)]| make_exception(ctx, m, given);
    if reason == atom::BADARITH {
        return simple(ctx, "Elixir.ArithmeticError", &[]);
    }
    if reason == atom::BADARG {
        if let Some(msg) = error_info_message(trace).or_else(|| bif_message(ctx, trace)) {
            let msg = ctx.st.heap.str(&msg);
            return simple(ctx, "Elixir.ArgumentError", &[(atom::MESSAGE, msg)]);
        }
        if let Some((h, _)) = trace.cons_parts() {
            if let Some([m, f, _, loc]) = h.tuple_elems() {
                if *m == atom::ERLANG && atom::name(*f) == "error_info" {
                    if let Some(msg) = loc
                        .cons_parts()
                        .and_then(|(kv, _)| kv.tuple_elems())
                        .map(|e| e[1])
                    {
                        return simple(ctx, "Elixir.ArgumentError", &[(atom::MESSAGE, msg)]);
                    }
                }
            }
        }
        if let Some(more) = error_info_text(ctx, reason, trace) {
            let msg = format!("errors were found at the given arguments{more}");
            let msg = ctx.st.heap.str(&msg);
            return simple(ctx, "Elixir.ArgumentError", &[(atom::MESSAGE, msg)]);
        }
        return simple(ctx, "Elixir.ArgumentError", &[]);
    }
    if reason == atom::SYSTEM_LIMIT {
        let msg = error_info_message(trace).or_else(|| bif_message(ctx, trace));
        if let Some(msg) = msg.filter(|m| m.starts_with("a system limit")) {
            let msg = ctx.st.heap.str(&msg);
            return simple(ctx, "Elixir.SystemLimitError", &[(atom::MESSAGE, msg)]);
        }
        if let Some(more) = error_info_text(ctx, reason, trace) {
            let msg = format!(
                "a system limit has been reached due to errors at the given arguments{more}"
            );
            let msg = ctx.st.heap.str(&msg);
            return simple(ctx, "Elixir.SystemLimitError", &[(atom::MESSAGE, msg)]);
        }
        return simple(ctx, "Elixir.SystemLimitError", &[]);
    }
    if reason == atom::FUNCTION_CLAUSE || reason == atom::UNDEF {
        let (m, f, a) = top_mfa(trace).unwrap_or((atom::NIL, atom::NIL, atom::NIL));
        let module = if reason == atom::UNDEF {
            "Elixir.UndefinedFunctionError"
        } else {
            "Elixir.FunctionClauseError"
        };
        return simple(
            ctx,
            module,
            &[(atom::MODULE, m), (atom::FUNCTION, f), (atom::ARITY, a)],
        );
    }
    if let Some(e) = reason.tuple_elems() {
        match (e.first().copied(), e.len()) {
            (Some(t), 2) if t == atom::BADARG => {
                let msg = format!("argument error: {}", inspect_term(ctx, e[1]));
                let msg = ctx.st.heap.str(&msg);
                return simple(ctx, "Elixir.ArgumentError", &[(atom::MESSAGE, msg)]);
            }
            (Some(t), 2) if t == atom::BADMATCH => {
                return simple(ctx, "Elixir.MatchError", &[(atom::TERM, e[1])])
            }
            (Some(t), 2) if t == atom::CASE_CLAUSE => {
                return simple(ctx, "Elixir.CaseClauseError", &[(atom::TERM, e[1])])
            }
            (Some(t), 2) if t == atom::TRY_CLAUSE => {
                return simple(ctx, "Elixir.TryClauseError", &[(atom::TERM, e[1])])
            }
            (Some(t), 2) if t == atom::WITH_CLAUSE => {
                return simple(ctx, "Elixir.WithClauseError", &[(atom::TERM, e[1])])
            }
            (Some(t), 2) if t == atom::BADFUN => {
                return simple(ctx, "Elixir.BadFunctionError", &[(atom::TERM, e[1])])
            }
            (Some(t), 2) if t == atom::intern("badmap") => {
                return simple(ctx, "Elixir.BadMapError", &[(atom::TERM, e[1])])
            }
            (Some(t), 2) if t == atom::BADKEY => {
                let term = badkey_term(trace);
                return simple(
                    ctx,
                    "Elixir.KeyError",
                    &[(atom::KEY, e[1]), (atom::TERM, term)],
                );
            }
            (Some(t), 3) if t == atom::BADKEY => {
                return simple(
                    ctx,
                    "Elixir.KeyError",
                    &[(atom::KEY, e[1]), (atom::TERM, e[2])],
                )
            }
            (Some(t), 3) if t == atom::BADBOOL => {
                return simple(
                    ctx,
                    "Elixir.BadBooleanError",
                    &[(atom::intern("operator"), e[1]), (atom::TERM, e[2])],
                )
            }
            (Some(t), 2) if t == atom::BADARITY => {
                if let Some([f, args]) = e[1].tuple_elems() {
                    return simple(
                        ctx,
                        "Elixir.BadArityError",
                        &[(atom::FUNCTION, *f), (atom::ARGS, *args)],
                    );
                }
            }
            _ => {}
        }
    }
    let mut given = vec![(atom::intern("original"), reason)];
    if let Some(more) = error_info_text(ctx, reason, trace) {
        given.push((atom::REASON, ctx.st.heap.str(&more)));
    }
    simple(ctx, "Elixir.ErlangError", &given)
}

/// The `error_info` map in the location of the trace's first entry
/// (where `interp::trace_term` writes it).
fn top_error_info(trace: Term) -> Option<Term> {
    let (top, _) = trace.cons_parts()?;
    let [_, _, _, loc] = top.tuple_elems()? else {
        return None;
    };
    list_to_vec(*loc)?
        .into_iter()
        .find_map(|kv| match kv.tuple_elems() {
            Some([k, v]) if atom::name(*k) == "error_info" && v.is_map() => Some(*v),
            _ => None,
        })
}

/// The module, function and arity (or number of arguments) of the trace's
/// first entry.
pub fn top_key(trace: Term) -> Option<(Term, Term, usize)> {
    let (top, _) = trace.cons_parts()?;
    let [m, f, a, _] = top.tuple_elems()? else {
        return None;
    };
    let n = match a.as_small() {
        Some(n) => usize::try_from(n).ok()?,
        None => list_to_vec(*a)?.len(),
    };
    Some((*m, *f, n))
}

/// BIFs not called again to explain their error (`bif_message`): what they
/// do when they succeed.
const NOT_AGAIN: &[&str] = &[
    "register",
    "unregister",
    "send",
    "send_after",
    "start_timer",
    "cancel_timer",
    "spawn",
    "spawn_link",
    "spawn_monitor",
    "spawn_opt",
    "link",
    "unlink",
    "monitor",
    "demonitor",
    "exit",
    "halt",
    "put",
    "erase",
    "process_flag",
    "group_leader",
    "garbage_collect",
    "suspend_process",
    "resume_process",
    "open_port",
    "port_command",
    "port_close",
    "port_control",
    "load_module",
    "purge_module",
    "delete_module",
    "system_flag",
    "hibernate",
    "yield",
    "apply",
    "alias",
    "unalias",
    "insert",
    "insert_new",
    "delete",
    "delete_object",
    "delete_all_objects",
    "update_counter",
    "update_element",
    "take",
    "select_delete",
    "select_replace",
    "rename",
    "give_away",
    "setopts",
    "new",
    "raise",
    "error",
    "throw",
    "nif_error",
];

/// The explanation a BIF gave its error, for the trace whose first entry
/// is its frame (`error_info: %{module: :erl_erts_errors}`, which does not
/// carry it, as on the BEAM): the one this process caught last, when the
/// frame is the same, else what the BIF says when called again with the
/// same arguments (as OTP's `erl_erts_errors:format_error/2` works it out
/// from them), unless the BIF does something when it succeeds.
pub fn bif_message(ctx: &mut Ctx, trace: Term) -> Option<String> {
    let info = top_error_info(trace)?;
    let module = map_find(info, atom::MODULE)?;
    if !matches!(atom::name(module), "erl_erts_errors" | "erl_stdlib_errors") {
        return None;
    }
    let key = top_key(trace)?;
    if let Some(kept) = &ctx.st.bif_message {
        let (m, f, n, msg) = &**kept;
        if (*m, *f, *n) == key {
            return Some(msg.clone());
        }
    }
    let (m, f, _) = key;
    if !m.is_atom() || !f.is_atom() || NOT_AGAIN.contains(&atom::name(f)) {
        return None;
    }
    let (top, _) = trace.cons_parts()?;
    let args = list_to_vec(top.tuple_elems()?[2])?;
    let b = super::lookup(atom::name(m), atom::name(f), args.len())?;
    match (super::BIFS[b as usize].f)(ctx, &args) {
        Err(e) => e.info_message().map(str::to_string),
        Ok(_) => None,
    }
}

/// The message a BIF gave its `badarg`, kept in the `error_info` of the
/// trace's first entry (`interp::trace_term`): `%{message: text}`.
pub fn error_info_message(trace: Term) -> Option<String> {
    let m = map_find(top_error_info(trace)?, atom::MESSAGE)?;
    m.binary_bytes()
        .map(|b| String::from_utf8_lossy(b).into_owned())
}

/// The `error_info` of the trace's first entry that `interp::trace_term`
/// writes: a BIF's message, or `raise`'s `%{module: Exception}`.
pub fn error_info_of(trace: Term) -> Option<ErrorInfo> {
    if let Some(m) = error_info_message(trace) {
        return Some(ErrorInfo::Message(m));
    }
    let info = top_error_info(trace)?;
    match map_find(info, atom::MODULE).map(atom::name) {
        Some("Elixir.Exception") => Some(ErrorInfo::Exception),
        Some("erl_erts_errors" | "erl_stdlib_errors") => Some(ErrorInfo::Bif),
        _ => None,
    }
}

/// What the `error_info` of the stack trace's top entry says about an error
/// (OTP's convention: `[error_info: %{module: m, function: f}]` in the
/// entry's location, `m.f(reason, stacktrace)` (`f` defaults to
/// `format_error`) answering a map): `":\n\n  * 1st argument: ...\n"` from
/// its positions up to the call's arity, else `": general"` from its
/// `:general`; `None` when there is
/// nothing to say.
fn error_info_text(ctx: &mut Ctx, reason: Term, trace: Term) -> Option<String> {
    let (top, _) = trace.cons_parts()?;
    let [_, _, args, loc] = top.tuple_elems()? else {
        return None;
    };
    // Positions past the call's arity say nothing.
    let arity = match args.as_small() {
        Some(n) => n,
        None => list_to_vec(*args).map_or(0, |a| a.len() as i64),
    };
    let info = list_to_vec(*loc)?
        .into_iter()
        .find_map(|kv| match kv.tuple_elems() {
            Some([k, v]) if atom::name(*k) == "error_info" && v.is_map() => Some(*v),
            _ => None,
        })?;
    let module = map_find(info, atom::MODULE).filter(|m| m.is_atom())?;
    let function = map_find(info, atom::FUNCTION)
        .filter(|f| f.is_atom())
        .unwrap_or_else(|| atom::intern("format_error"));
    let answer = crate::nested::call_mfa(ctx, module, function, &[reason, trace]).ok()?;
    if !answer.is_map() {
        return None;
    }
    let text = |t: Term| {
        t.binary_bytes()
            .map(|b| String::from_utf8_lossy(b).into_owned())
    };
    let mut lines: Vec<(i64, String)> = crate::hamt::pairs(answer)
        .into_iter()
        .filter_map(|(k, v)| Some((k.as_small().filter(|n| (1..=arity).contains(n))?, text(v)?)))
        .collect();
    if lines.is_empty() {
        let general = map_find(answer, atom::intern("general")).and_then(text)?;
        return Some(format!(": {general}"));
    }
    lines.sort();
    let mut out = String::from(":\n\n");
    for (n, what) in lines {
        let ordinal = match n {
            1 => "1st".to_string(),
            2 => "2nd".to_string(),
            3 => "3rd".to_string(),
            n => format!("{n}th"),
        };
        out.push_str(&format!("  * {ordinal} argument: {what}\n"));
    }
    Some(out)
}

/// The map a `{:badkey, key}` error came from, read from the arguments of the
/// stack trace's first frame, as Elixir's `Exception.normalize/3` does
/// (`:erlang.map_get/2`, `:maps.get/2`, `:maps.update/3`, `Map.update!/3`,
/// `Map.get_and_update!/3`); `nil` when none of them raised it.
fn badkey_term(trace: Term) -> Term {
    let frames = super::list_to_vec_pub(trace).unwrap_or_default();
    let first = frames.iter().find(|f| {
        f.tuple_elems()
            .is_none_or(|e| !(e[0] == atom::ERLANG && e[1] == atom::intern("error_info")))
    });
    let Some(e) = first.and_then(|f| f.tuple_elems()) else {
        return atom::NIL;
    };
    if e.len() != 4 || !e[0].is_atom() || !e[1].is_atom() {
        return atom::NIL;
    }
    let args = super::list_to_vec_pub(e[2]).unwrap_or_default();
    match (atom::name(e[0]), atom::name(e[1]), args.as_slice()) {
        ("Elixir.Map", "get_and_update!" | "update!", [map, _, _])
        | ("maps", "update", [_, _, map])
        | ("maps" | "erlang", "get" | "map_get", [_, map]) => *map,
        _ => atom::NIL,
    }
}

pub fn normalize_bif(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(normalize(ctx, a[0], a[1]))
}

fn field(e: Term, name: &str) -> Term {
    map_find(e, atom::intern(name)).unwrap_or(atom::NIL)
}

fn type_name(t: Term) -> &'static str {
    use crate::term::Kind::*;
    match t.kind() {
        Int | BigInt => "Integer",
        Float => "Float",
        Atom => "Atom",
        Binary => "BitString",
        Nil | Cons => "List",
        Tuple => "Tuple",
        Map => "Map",
        Fun => "Function",
        Pid => "PID",
        Ref => "Reference",
        None => "Any",
    }
}

/// An alias-style name: `Foo.Bar` for `Elixir.Foo.Bar`, `:lists` otherwise.
fn module_name(ctx: &Ctx, m: Term) -> String {
    super::inspect_term_native(ctx, m)
}

/// `Mod.fun/arity` as `Exception.format_mfa/3` writes it: a function the
/// compiler made for a closure (`-outer/2-fun-0-`, `-outer/2-inlined-0-`)
/// as `anonymous fn/arity in Mod.outer/2`.
fn format_mfa(ctx: &Ctx, m: Term, f: Term, arity: &str) -> String {
    let module = module_name(ctx, m);
    let name = atom::name(f);
    let outer = name
        .strip_prefix('-')
        .and_then(|n| n.strip_suffix('-'))
        .and_then(|n| {
            let mut parts = n.rsplitn(3, '-');
            let (_count, _kind, outer) = (parts.next()?, parts.next()?, parts.next()?);
            let (outer_name, outer_arity) = outer.rsplit_once('/')?;
            outer_arity
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then_some((outer_name, outer_arity))
        });
    match outer {
        Some((outer_name, outer_arity)) => {
            let outer_name = fun_name(atom::intern(outer_name));
            format!("anonymous fn/{arity} in {module}.{outer_name}/{outer_arity}")
        }
        None => format!("{module}.{}/{arity}", fun_name(f)),
    }
}

fn fun_name(f: Term) -> String {
    let n = atom::name(f);
    let plain = n
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && n.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '?' || c == '!');
    if plain {
        n.to_owned()
    } else {
        format!("{:?}", n)
    }
}

/// The message of an exception struct (`Exception.message/1`).
pub fn message_of(ctx: &mut Ctx, e: Term) -> String {
    super::structs::learn_all(ctx, e);
    let module = atom::name(field(e, "__struct__"));
    let msg_field = field(e, "message");
    let term = field(e, "term");
    match module {
        "Elixir.MatchError" => format!(
            "no match of right hand side value: {}",
            inspect_term(ctx, term)
        ),
        "Elixir.CaseClauseError" => format!("no case clause matching: {}", inspect_term(ctx, term)),
        "Elixir.WithClauseError" => format!("no with clause matching: {}", inspect_term(ctx, term)),
        "Elixir.TryClauseError" => format!("no try clause matching: {}", inspect_term(ctx, term)),
        "Elixir.CondClauseError" => "no cond clause evaluated to a truthy value".into(),
        "Elixir.BadFunctionError" => {
            format!("expected a function, got: {}", inspect_term(ctx, term))
        }
        "Elixir.BadMapError" => format!("expected a map, got: {}", inspect_term(ctx, term)),
        "Elixir.BadStructError" => format!(
            "expected a struct named {}, got: {}",
            module_name(ctx, field(e, "struct")),
            inspect_term(ctx, term)
        ),
        "Elixir.BadBooleanError" => format!(
            "expected a boolean on left-side of \"{}\", got: {}",
            atom::name(field(e, "operator")),
            inspect_term(ctx, term)
        ),
        "Elixir.KeyError" if !msg_field.is_binary() => {
            let key = inspect_term(ctx, field(e, "key"));
            if term == atom::NIL {
                format!("key {key} not found")
            } else {
                format!("key {key} not found in: {}", inspect_term(ctx, term))
            }
        }
        "Elixir.FunctionClauseError" => {
            let arity = inspect_term(ctx, field(e, "arity"));
            let mfa = format_mfa(ctx, field(e, "module"), field(e, "function"), &arity);
            format!("no function clause matching in {mfa}")
        }
        "Elixir.UndefinedFunctionError"
            if !msg_field.is_binary() && field(e, "function") == atom::NIL =>
        {
            "undefined function".to_string()
        }
        "Elixir.UndefinedFunctionError" if !msg_field.is_binary() => {
            let m = field(e, "module");
            let arity = inspect_term(ctx, field(e, "arity"));
            let head = format!(
                "function {} is undefined",
                format_mfa(ctx, m, field(e, "function"), &arity)
            );
            let reason = field(e, "reason");
            if let Some(r) = reason.binary_bytes() {
                // A reason given as text (Access's "does not implement the Access behaviour").
                format!("{head} ({})", String::from_utf8_lossy(r))
            } else if m == atom::NIL {
                head
            } else if ctx.code.module_loaded(m)
                || crate::bif::BIFS.iter().any(|b| b.module == atom::name(m))
            {
                format!("{head} or private")
            } else {
                format!("{head} (module {} is not available)", module_name(ctx, m))
            }
        }
        "Elixir.BadArityError" => {
            let f = field(e, "function");
            let args = list_to_vec(field(e, "args")).unwrap_or_default();
            let arity = super::erlang::fun_arity(ctx, f).unwrap_or(0);
            let shown: Vec<String> = args.iter().map(|a| inspect_term(ctx, *a)).collect();
            let called = match args.len() {
                0 => "called with no arguments".to_string(),
                1 => format!("called with 1 argument ({})", shown.join(", ")),
                n => format!("called with {n} arguments ({})", shown.join(", ")),
            };
            format!("{} with arity {arity} {called}", inspect_term(ctx, f))
        }
        "Elixir.Protocol.UndefinedError" => {
            let v = field(e, "value");
            let mut s = format!(
                "protocol {} not implemented for {} of type {}",
                module_name(ctx, field(e, "protocol")),
                inspect_term(ctx, v),
                match map_find(v, atom::STRUCT).filter(|m| m.is_atom()) {
                    Some(m) if v.is_map() => format!("{} (a struct)", module_name(ctx, m)),
                    _ => type_name(v).to_owned(),
                }
            );
            if let Some(d) = field(e, "description")
                .binary_bytes()
                .filter(|d| !d.is_empty())
            {
                s.push_str(", ");
                s.push_str(&String::from_utf8_lossy(d));
            }
            s
        }
        "Elixir.ErlangError" => {
            let reason = field(e, "reason").binary_bytes().unwrap_or_default();
            format!(
                "Erlang error: {}{}",
                inspect_term(ctx, field(e, "original")),
                String::from_utf8_lossy(reason)
            )
        }
        "Elixir.CompileError" | "Elixir.SyntaxError" | "Elixir.TokenMissingError" => {
            let text = |t: Term| {
                t.binary_bytes()
                    .map(|b| String::from_utf8_lossy(b).into_owned())
            };
            let desc = text(field(e, "description")).unwrap_or_default();
            let file = text(field(e, "file"));
            let line = field(e, "line").as_small();
            let column = field(e, "column").as_small();
            match (file, line, column) {
                (Some(f), Some(l), Some(c)) if module != "Elixir.CompileError" => {
                    format!("{f}:{l}:{c}: {desc}{}", snippet(field(e, "snippet"), l))
                }
                (Some(f), Some(l), _) if l > 0 => format!("{f}:{l}: {desc}"),
                (Some(f), _, _) => format!("{f}: {desc}"),
                _ => desc,
            }
        }
        _ => match msg_field.binary_bytes() {
            Some(b) => String::from_utf8_lossy(b).into_owned(),
            None => inspect_term(ctx, msg_field),
        },
    }
}

/// The source line Elixir 1.14 shows under a syntax error: the line with
/// its number, and a caret under the column (`snippet: %{content:
/// line, offset: column - 1}`); empty when there is no snippet.
fn snippet(snippet: Term, line: i64) -> String {
    let key = |name: &str| map_find(snippet, atom::intern(name));
    let content = key("content").and_then(|t| {
        t.binary_bytes()
            .map(|b| String::from_utf8_lossy(b).into_owned())
    });
    let offset = key("offset").and_then(|t| t.as_small());
    match (content, offset) {
        (Some(content), Some(offset)) => {
            let width = line.to_string().len().max(2) + 1;
            let pad = " ".repeat(width + 1);
            format!(
                "\n{pad}|\n{line:>width$} | {content}\n{pad}| {}^",
                " ".repeat(offset.max(0) as usize)
            )
        }
        _ => String::new(),
    }
}

/// `:beamlet.exception_message(exception)`: the message of a built-in
/// exception (or the `:message` field of another one); `Exception.message/1`
/// (stdlib/exception.ex) calls a user exception's own `message/1`.
pub fn message(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let s = message_of(ctx, a[0]);
    Ok(ctx.st.heap.str(&s))
}

/// `:beamlet.builtin_exception(module)`: whether `module` is one of the
/// exceptions built into the VM (their library modules, stdlib/runtime_error.ex
/// and the like, only make these built-ins callable by name).
pub fn builtin_exception(_: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(Term::bool(
        a[0].is_atom() && fields(atom::name(a[0])).is_some(),
    ))
}

/// `:beamlet.builtin_exception_fields(module)`: the fields of an exception built into
/// the VM in definition order (`__exception__` left out), or `nil` for any other module.
/// `Inspect.Any` prints such a struct with them: it has no `__info__/1` to ask.
pub fn builtin_exception_fields(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_atom() || fields(atom::name(a[0])).is_none() {
        return Ok(atom::NIL);
    }
    match crate::inspect::builtin_struct_fields(atom::name(a[0])) {
        Some(fs) => {
            let names: Vec<Term> = fs
                .iter()
                .filter(|n| **n != "__exception__")
                .map(|n| atom::intern(n))
                .collect();
            Ok(ctx.st.heap.list(&names))
        }
        None => Ok(atom::NIL),
    }
}

/// The text `Exception.<function>(arg)` gives (`message/1`, `format_exit/1`),
/// run on the VM; `None` when it raises or does not return a binary.
pub fn exception_text(ctx: &mut Ctx, function: &str, arg: Term) -> Option<String> {
    crate::nested::call_mfa(
        ctx,
        atom::intern("Elixir.Exception"),
        atom::intern(function),
        &[arg],
    )
    .ok()
    .and_then(|t| t.binary_bytes())
    .map(|b| String::from_utf8_lossy(b).into_owned())
}

/// `:beamlet.inspect_atom(kind, atom)`: `Macro.inspect_atom/2` for the
/// kinds `:literal`, `:key` and `:remote_call`.
pub fn inspect_atom(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_atom() || !a[1].is_atom() {
        return Err(super::badarg());
    }
    let name = atom::name(a[1]);
    let s = match atom::name(a[0]) {
        "literal" => crate::inspect::inspect_atom(name),
        "key" => crate::inspect::inspect_atom_key(name),
        "remote_call" => crate::inspect::inspect_atom_remote_call(name),
        _ => return Err(super::badarg()),
    };
    Ok(ctx.st.heap.str(&s))
}

/// The `** (Module) message` banner of an uncaught exception.
pub fn banner(ctx: &mut Ctx, class: Class, reason: Term, trace: Term) -> String {
    super::structs::learn_all(ctx, reason);
    match class {
        Class::Error => {
            let e = normalize(ctx, reason, trace);
            let m = inspect_term(ctx, field(e, "__struct__"));
            // `Exception.message/1`, which calls a `defexception`'s own
            // `message/1`; the built-in messages if that cannot run.
            let text = exception_text(ctx, "message", e);
            let text = match text {
                Some(t) => t,
                None => message_of(ctx, e),
            };
            format!("** ({m}) {text}")
        }
        Class::Throw => format!("** (throw) {}", inspect_term(ctx, reason)),
        Class::Exit => {
            // As Elixir: `Exception.format_exit/1` ("exited in: GenServer.call(...)").
            let text = exception_text(ctx, "format_exit", reason);
            match text {
                Some(t) => format!("** (exit) {t}"),
                None => format!("** (exit) {}", inspect_term(ctx, reason)),
            }
        }
    }
}

/// `Exception.format(kind, reason)` without a stacktrace.
pub fn format(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let class = match atom::name(a[0]) {
        "throw" => Class::Throw,
        "exit" => Class::Exit,
        _ => Class::Error,
    };
    let s = banner(ctx, class, a[1], Term::NIL);
    Ok(ctx.st.heap.str(&s))
}

/// Stack trace lines as printed under an uncaught error, innermost first:
/// each entry as `Exception.format_stacktrace_entry/1` has it (the
/// application of a library module, the arguments of a BIF's frame), the
/// frames of Elixir's compiler left out as Elixir's `Kernel.CLI` does. When
/// the library cannot be called, as `format_trace`.
pub fn format_trace_in(ctx: &mut Ctx, trace: &[crate::process::TraceEntry]) -> Vec<String> {
    let internal = |t: &crate::process::TraceEntry| {
        matches!(
            atom::name(t.module),
            "elixir_compiler"
                | "elixir_lexical"
                | "elixir_module"
                | "Elixir.Module.ParallelChecker"
        )
    };
    let format = atom::intern("format_stacktrace_entry");
    let module = atom::intern("Elixir.Exception");
    let mut lines = Vec::with_capacity(trace.len());
    for t in trace.iter().filter(|t| !internal(t)) {
        let one = crate::interp::trace_term(&mut ctx.st.heap, std::slice::from_ref(t), None);
        let text = match one.cons_parts() {
            Some((entry, _)) => crate::nested::call_mfa(ctx, module, format, &[entry]).ok(),
            None => None,
        };
        match text.and_then(|t| {
            t.binary_bytes()
                .map(|b| String::from_utf8_lossy(b).into_owned())
        }) {
            Some(text) => lines.push(format!("    {text}")),
            None => lines.extend(format_trace(std::slice::from_ref(t))),
        }
    }
    lines
}

/// Stack trace lines as printed under an uncaught error, innermost first,
/// as Elixir prints them: `file.ex:3: Mod.fun/1`, `file.ex:9: (file)` for a
/// script's top level, `anonymous fn/0 in Mod.fun/1` for closures.
/// The frames of the script driver (`:elixir_module.eval_file/2`, which runs
/// the script and then its at_exit hooks) are left out: they stand where
/// Elixir prints its own `Code.require_file/2`, which beamlet has not.
pub fn format_trace(trace: &[crate::process::TraceEntry]) -> Vec<String> {
    trace
        .iter()
        .filter(|t| atom::name(t.module) != "elixir_module")
        .map(|t| {
            let m = atom::name(t.module);
            let m = m.strip_prefix("Elixir.").unwrap_or(m);
            let loc = match (t.file.is_atom() && t.file != atom::NIL, t.line > 0) {
                (true, true) => format!("{}:{}: ", atom::name(t.file), t.line),
                (true, false) => format!("{}: ", atom::name(t.file)),
                (false, true) => format!("line {}: ", t.line),
                (false, false) => String::new(),
            };
            let name = atom::name(t.name);
            // (`:elixir_compiler_0` is its name in a trace term: `interp::trace_term`.)
            let script = m == "__script__" || m == "elixir_compiler_0";
            // Closures are named `-outer/arity-fun-N-`, as on the BEAM.
            match name
                .strip_prefix('-')
                .and_then(|n| n.rsplit_once("-fun-"))
                .map(|(outer, _)| outer)
            {
                Some(_) if script => format!(
                    "    {loc}anonymous fn/{} in :elixir_compiler_0.__FILE__/1",
                    t.arity
                ),
                Some(outer) => format!("    {loc}anonymous fn/{} in {m}.{outer}", t.arity),
                None if script => format!("    {loc}(file)"),
                // A module's body, run while the module is defined.
                None if name == "__MODULE__" && t.arity == 1 => format!("    {loc}(module)"),
                None => format!("    {loc}{m}.{name}/{}", t.arity),
            }
        })
        .collect()
}
