//! The checks Elixir makes of `@behaviour` and `@impl` when a module is
//! finished, as warnings in Elixir's words: a behaviour that does not
//! exist, callbacks not implemented, an `@impl` naming no callback (or a
//! behaviour not declared), `@impl false` on a callback, a callback
//! without `@impl` in a module that uses `@impl` (only for definitions of
//! the `:context`s, the quoting modules, `@impl` was used in for that
//! behaviour: code a `use` injects is not the module's), `@impl` on a
//! private function or with no definition after it.

use super::state::{ImplMark, ModuleState};
use super::{relative, Service};
use crate::expand::{self, module::DefKind};
use beamlet_vm::atom;
use beamlet_vm::bif::Ctx;
use beamlet_vm::convert::to_value;
use beamlet_vm::value::Value;

/// One callback: its behaviour, its name and arity in the code
/// (`MACRO-name`, arity + 1, for a macro).
struct Callback {
    behaviour: String,
    name: String,
    arity: usize,
}

impl Callback {
    /// `B.foo/1 (function)`.
    fn shown(&self) -> String {
        let (name, arity, kind) = user_form(&self.name, self.arity);
        format!(
            "{}.{name}/{arity} ({kind})",
            expand::inspect_module(&self.behaviour)
        )
    }
}

/// The name and arity as written, and the kind, of a name in the code.
fn user_form(name: &str, arity: usize) -> (&str, usize, &'static str) {
    match name.strip_prefix("MACRO-") {
        Some(n) => (n, arity.saturating_sub(1), "macro"),
        None => (name, arity, "function"),
    }
}

/// The warnings for module `st`, each ready to print.
pub fn check(ctx: &mut Ctx, svc: &Service, st: &ModuleState) -> Vec<String> {
    // The library's behaviours may be ones it does not define yet
    // (ExUnit.Server is a GenServer).
    if svc.is_library(&st.name) {
        return Vec::new();
    }
    let file = relative(&st.file);
    let module = expand::inspect_module(&st.name);
    let mut out = Vec::new();
    let warn = |out: &mut Vec<String>, msg: String, line: u32, with_module: bool| {
        if with_module {
            out.push(format!(
                "warning: {msg}\n  {file}:{line}: {module} (module)\n\n"
            ));
        } else {
            out.push(format!("warning: {msg}\n  {file}:{line}\n\n"));
        }
    };
    let behaviours: Vec<String> = match st.attr("behaviour").map(|a| &a.value) {
        Some(Value::List(items, None)) => {
            let mut v: Vec<String> = items
                .iter()
                .filter_map(|i| match i {
                    Value::Atom(a) => Some(a.to_string()),
                    _ => None,
                })
                .collect();
            v.reverse();
            v
        }
        _ => vec![],
    };
    let behaviour_line = st.line;
    // The callbacks of each behaviour; a behaviour that does not exist
    // (or defines no behaviour_info/1) is reported once.
    let mut callbacks: Vec<Callback> = Vec::new();
    let mut optional: Vec<(String, usize)> = Vec::new();
    for b in &behaviours {
        match behaviour_info(ctx, svc, b, "callbacks") {
            Some(list) => {
                for (name, arity) in list {
                    callbacks.push(Callback {
                        behaviour: b.clone(),
                        name,
                        arity,
                    });
                }
                optional
                    .extend(behaviour_info(ctx, svc, b, "optional_callbacks").unwrap_or_default());
            }
            None => warn(
                &mut out,
                format!(
                    "@behaviour {} does not exist (in module {module})",
                    expand::inspect_module(b)
                ),
                behaviour_line,
                true,
            ),
        }
    }
    // Which definitions implement which arities (defaults give several).
    let defines = |name: &str, arity: usize| {
        // An exception's exception/1 and message/1 are made when it is compiled.
        (st.exception && matches!((name, arity), ("exception", 1) | ("message", 1)))
            || st.defs.iter().any(|d| {
                d.kind.is_public()
                    && d.name == name
                    && arity <= d.arity
                    && arity >= d.arity - d.defaults.len()
            })
    };
    let known = |cbs: &[&Callback]| -> String {
        if cbs.is_empty() {
            return ". There are no known callbacks, please specify the proper @behaviour and make sure it defines callbacks".into();
        }
        let mut shown: Vec<String> = cbs.iter().map(|c| c.shown()).collect();
        shown.sort();
        let list: Vec<String> = shown.iter().map(|s| format!("  * {s}")).collect();
        format!(". The known callbacks are:\n\n{}\n", list.join("\n"))
    };
    let covers = |m: &ImplMark, c: &Callback| {
        c.name == m.name
            && c.arity <= m.arity
            && st.defs.iter().any(|d| {
                d.name == m.name && d.arity == m.arity && c.arity >= d.arity - d.defaults.len()
            })
            || (c.name == m.name && c.arity == m.arity)
    };
    // Per behaviour, the contexts of the definitions marked as its
    // callbacks: a callback without `@impl` is reported only in one of
    // them (code from a `quote` elsewhere is not the module's).
    let mut contexts: Vec<(&str, Option<&str>)> = Vec::new();
    for m in &st.impls {
        let (_, _, kind) = user_form(&m.name, m.arity);
        let what = format!("{kind} {}/{}", m.user_name, m.user_arity);
        if matches!(m.kind, DefKind::Defp | DefKind::Defmacrop) {
            warn(
                &mut out,
                format!("{what} is private, @impl attribute is always discarded for private functions/macros"),
                m.line,
                true,
            );
            continue;
        }
        let shown = match &m.value {
            Value::Atom(a) if a == "true" || a == "false" => *a,
            Value::Atom(a) => (expand::inspect_module(a)).into(),
            other => (beamlet_vm::inspect::inspect(other, &Default::default())).into(),
        };
        let got = format!("got \"@impl {shown}\" for {what}");
        let all: Vec<&Callback> = callbacks.iter().collect();
        let problem = match &m.value {
            _ if behaviours.is_empty() => Some("no behaviour was declared".to_owned()),
            Value::Atom(a) if a == "false" => callbacks.iter().find(|c| covers(m, c)).map(|c| {
                format!(
                    "it is a callback specified in {}",
                    expand::inspect_module(&c.behaviour)
                )
            }),
            Value::Atom(a) if a == "true" => (!callbacks.iter().any(|c| covers(m, c)))
                .then(|| format!("no behaviour specifies such callback{}", known(&all))),
            Value::Atom(b) if !behaviours.iter().any(|x| x == b) => {
                Some("this behaviour was not declared with @behaviour".to_owned())
            }
            Value::Atom(b) => {
                let mine: Vec<&Callback> = callbacks.iter().filter(|c| &c.behaviour == b).collect();
                (!mine.iter().any(|c| covers(m, c))).then(|| {
                    format!(
                        "this behaviour does not specify such callback{}",
                        known(&mine)
                    )
                })
            }
            _ => None,
        };
        if let Some(p) = problem {
            warn(&mut out, format!("{got} but {p}"), m.line, true);
            continue;
        }
        let marked = |c: &&Callback| match &m.value {
            Value::Atom(a) if a == "true" => covers(m, c),
            Value::Atom(a) if a == "false" => false,
            Value::Atom(b) => &c.behaviour == b && covers(m, c),
            _ => false,
        };
        for c in callbacks.iter().filter(marked) {
            contexts.push((&c.behaviour, m.context.as_deref()));
        }
    }
    let in_context = |d: &super::state::Def, behaviour: &str| {
        let known: Vec<Option<&str>> = contexts
            .iter()
            .filter(|(b, _)| *b == behaviour)
            .map(|(_, c)| *c)
            .collect();
        if known.is_empty() {
            d.context.is_none()
        } else {
            known.contains(&d.context.as_deref())
        }
    };
    // With any @impl in the module, every callback implemented needs one.
    let uses_impl = st.impls.iter().any(|m| m.kind.is_public());
    if uses_impl {
        for d in st.defs.iter().rev().filter(|d| d.kind.is_public()) {
            let overridable = st
                .overridable
                .iter()
                .any(|((n, a), taken)| *n == d.name && *a == d.arity && taken.is_none());
            if overridable
                || st.impls.iter().any(|m| {
                    m.name == d.name && m.arity == d.arity && m.value != Value::Atom("false".into())
                })
            {
                continue;
            }
            let low = d.arity - d.defaults.len();
            if let Some(c) = callbacks.iter().find(|c| {
                c.name == d.name
                    && c.arity >= low
                    && c.arity <= d.arity
                    && in_context(d, &c.behaviour)
            }) {
                let (_, _, kind) = user_form(&d.name, d.arity);
                warn(
                    &mut out,
                    format!(
                        "module attribute @impl was not set for {kind} {}/{} callback (specified in {}). This either means you forgot to add the \"@impl true\" annotation before the definition or that you are accidentally overriding this callback",
                        d.user_name,
                        c.arity - (d.arity - d.user_arity),
                        expand::inspect_module(&c.behaviour)
                    ),
                    d.line,
                    true,
                );
            }
        }
    }
    if let Some(a) = st.attr("impl").filter(|a| a.set) {
        warn(
            &mut out,
            "module attribute @impl was set but no definition follows it".into(),
            a.line,
            false,
        );
    }
    // Callbacks not implemented.
    let mut missing: Vec<&Callback> = callbacks.iter().collect();
    missing.sort_by_key(|c| c.shown());
    for c in missing {
        if defines(&c.name, c.arity) || optional.iter().any(|(n, a)| *n == c.name && *a == c.arity)
        {
            continue;
        }
        let (name, arity, kind) = user_form(&c.name, c.arity);
        warn(
            &mut out,
            format!(
                "{kind} {name}/{arity} required by behaviour {} is not implemented (in module {module})",
                expand::inspect_module(&c.behaviour)
            ),
            behaviour_line,
            true,
        );
    }
    out
}

/// `behaviour.behaviour_info(which)` as `(name, arity)` pairs, if the
/// behaviour exists and answers.
fn behaviour_info(
    ctx: &mut Ctx,
    svc: &Service,
    behaviour: &str,
    which: &str,
) -> Option<Vec<(String, usize)>> {
    let b = atom::intern(behaviour);
    if !ctx.code.module_loaded(b) && !svc.ensure_loaded(ctx, behaviour) {
        return None;
    }
    let info = ctx.code.lookup(b, atom::intern("behaviour_info"), 1)?;
    let t = beamlet_vm::nested::call(ctx, info, &[atom::intern(which)]).ok()?;
    match to_value(ctx.code, t) {
        Value::List(items, None) => Some(
            items
                .iter()
                .filter_map(|i| match i {
                    Value::Tuple(p) => match p.as_slice() {
                        [Value::Atom(n), Value::Int(a)] => Some((n.to_string(), *a as usize)),
                        _ => None,
                    },
                    _ => None,
                })
                .collect(),
        ),
        _ => Some(vec![]),
    }
}
