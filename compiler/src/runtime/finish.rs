//! Turning stored definitions into loaded code: lowering each clause
//! (done as it is stored, [`lower_clause`], into the module's literal heap,
//! so its expanded tree is freed at once; what could not be lowered then is
//! lowered when the module is compiled), the functions `\\` defaults make, the functions every module gets
//! (`__info__/1`, `__struct__/0,1`, an exception's `exception/1` and
//! `message/1`), then code generation and loading.

use super::packed::Packed;
use super::state::{ClauseForm, Def, ModuleState, StoredClause};
use super::Service;
use crate::ast::{self, Call, CallTarget, Expr, ExprKind};
use crate::codegen;
use crate::desugar::{Desugared, FunDef, ModuleDef, ModuleEnv};
use crate::diagnostic::Diagnostic;
use crate::expand::module::DefKind;
use crate::lower::{Kept, Lowerer};
use crate::quoted::{self as q, as_call};
use beamlet_vm::atom;
use beamlet_vm::bif::Ctx;
use beamlet_vm::code::{CodeTable, FunId, Unit};
use beamlet_vm::value::Value;
use std::collections::HashMap;

/// The struct map `%{__struct__: module, field: default, ...}`.
pub fn struct_map(module: &str, fields: &[(String, Value)]) -> Value {
    let mut pairs = vec![(q::atom("__struct__"), q::atom(module))];
    for (k, v) in fields {
        pairs.push((q::atom(k), v.clone()));
    }
    crate::expand::env::sorted_map(pairs)
}

fn lit(span: ast::Span, v: Value) -> Expr {
    Expr::new(span, ExprKind::Literal(v))
}

fn local_call(span: ast::Span, name: &str, args: Vec<Expr>) -> Expr {
    Expr::new(
        span,
        ExprKind::Call(Box::new(Call {
            target: CallTarget::Local(name.to_owned()),
            args,
            no_parens: false,
            do_block: None,
        })),
    )
}

fn remote_call(span: ast::Span, module: &str, name: &str, args: Vec<Expr>) -> Expr {
    Expr::new(
        span,
        ExprKind::Call(Box::new(Call {
            target: CallTarget::Remote(
                Box::new(Expr::new(span, ExprKind::Atom(module.to_owned()))),
                name.to_owned(),
            ),
            args,
            no_parens: false,
            do_block: None,
        })),
    )
}

fn var(span: ast::Span, name: &str) -> Expr {
    Expr::new(span, ExprKind::Var(name.to_owned()))
}

fn block(e: Expr) -> Expr {
    match e.kind {
        ExprKind::Block(_) => e,
        _ => Expr::new(e.span, ExprKind::Block(vec![e])),
    }
}

/// `super(args)` in an overriding definition: a call of the definition it
/// replaced, kept under a hidden name.
fn replace_super(v: &Value, hidden: Option<&str>) -> Value {
    match v {
        Value::List(items, tail) => Value::List(
            items.iter().map(|i| replace_super(i, hidden)).collect(),
            tail.as_ref().map(|t| Box::new(replace_super(t, hidden))),
        ),
        Value::Tuple(t) if t.len() == 3 => {
            if let Some(("super", m, args)) = as_call(v) {
                if let Some(Value::Tuple(na)) = args.first() {
                    if let (Some(Value::Atom(n)), Some(Value::Int(a))) = (na.first(), na.get(1)) {
                        let mut rest: Vec<Value> =
                            args[1..].iter().map(|x| replace_super(x, hidden)).collect();
                        // A macro's `super` passes its caller on.
                        if n.starts_with("MACRO-") && rest.len() + 1 == *a as usize {
                            rest.insert(0, crate::expand::caller_var());
                        }
                        let target = hidden.map_or_else(|| n.to_string(), str::to_owned);
                        return q::call(&target, m.clone(), rest);
                    }
                }
            }
            Value::Tuple(t.iter().map(|x| replace_super(x, hidden)).collect())
        }
        Value::Tuple(t) => Value::Tuple(t.iter().map(|x| replace_super(x, hidden)).collect()),
        other => other.clone(),
    }
}

/// `super` in a definition that overrides nothing, as Elixir words it.
fn no_super(
    span: ast::Span,
    d: &Def,
    module: &str,
    overridable: &[((String, usize), Option<Def>)],
) -> Diagnostic {
    let mut names: Vec<String> = overridable
        .iter()
        .map(|((n, a), _)| format!("{n}/{a}"))
        .collect();
    names.sort();
    let module = module.strip_prefix("Elixir.").unwrap_or(module);
    Diagnostic::new(
        span,
        format!(
            "no super defined for {}/{} in module {module}. Overridable functions available are: {}",
            d.user_name,
            d.user_arity,
            names.join(", ")
        ),
    )
}

/// Whether a clause of `d` calls `super`.
fn uses_super(d: &Def) -> bool {
    d.clauses.iter().any(|c| c.has_super)
}

/// A clause being stored, lowered (into `kept`'s literal heap: the
/// module's), so that its expanded tree is freed now: the form to keep.
/// `hidden`: the definition its `super` calls. A clause that cannot be
/// lowered now stays expanded, lowered (and its error reported) when the
/// module is compiled, as before: one that calls `super` with nothing to
/// call, or whose lowering fails. Run on the module's lowering thread
/// ([`super::lowering`]) or in place.
pub fn lower_clause(
    kept: &mut Kept,
    source: Option<&str>,
    c: &StoredClause,
    body: Value,
    hidden: Option<&str>,
) -> ClauseForm {
    if c.has_super && hidden.is_none() {
        return ClauseForm::Expanded(body);
    }
    let _t = beamlet_vm::timing::enter(beamlet_vm::timing::Phase::Lower);
    let lw = Lowerer::resume(source, std::mem::take(kept));
    let lowered = lower_parts(&lw, c, &body, hidden);
    *kept = lw.suspend();
    match lowered {
        Ok(cl) => ClauseForm::Lowered(Box::new(cl), Packed::pack(&body)),
        Err(_) => ClauseForm::Expanded(body),
    }
}

/// A clause whose lowering thread failed (a bug: it panicked).
fn lost(lw: &Lowerer, line: u32) -> Diagnostic {
    Diagnostic::new(
        lw.span(line),
        "internal error: this clause's lowering failed (its thread panicked)",
    )
}

/// Lowers a clause of `c`'s patterns and guard with `body`.
fn lower_parts(
    lw: &Lowerer,
    c: &StoredClause,
    body: &Value,
    hidden: Option<&str>,
) -> Result<ast::Clause, Diagnostic> {
    let cspan = lw.span(c.line);
    let args = c
        .args
        .iter()
        .map(|a| lw.lower(a, cspan))
        .collect::<Result<Vec<_>, _>>()?;
    let guard = match &c.guard {
        Some(g) => Some(lw.lower(g, cspan)?),
        None => None,
    };
    // Most bodies have no `super`: lowered as they are, not copied.
    let body = if c.has_super {
        lw.lower(&replace_super(body, hidden), cspan)?
    } else {
        lw.lower(body, cspan)?
    };
    Ok(ast::Clause {
        span: cspan,
        args,
        guard,
        body: block(body),
    })
}

/// A copy of the open module `st` to compile its definitions so far into a
/// unit of their own (its macros', [`compile_private`]) while the module
/// goes on: the escaped data of its lowered clauses copied into a literal
/// heap of the copy's own (the module's stays for the module's unit).
pub fn snapshot(st: &mut ModuleState, code: &CodeTable) -> ModuleState {
    st.settle();
    let lw = Lowerer::resume(
        None,
        Kept {
            lines: st.lowering.lines(),
            literals: Default::default(),
        },
    );
    let copy_def = |d: &Def| {
        let mut d = d.clone();
        for c in &mut d.clauses {
            if let ClauseForm::Lowered(cl, _) = &mut c.form {
                let mut copy = |e: &mut Expr| lw.copy_data(code, e);
                cl.args.iter_mut().for_each(&mut copy);
                if let Some(g) = &mut cl.guard {
                    copy(g);
                }
                copy(&mut cl.body);
            }
        }
        d
    };
    let defs = st.defs.iter().map(copy_def).collect();
    let overridable = st
        .overridable
        .iter()
        .map(|(k, d)| (k.clone(), d.as_ref().map(copy_def)))
        .collect();
    let overridden = st
        .overridden
        .iter()
        .map(|(h, d)| (h.clone(), copy_def(d)))
        .collect();
    ModuleState {
        name: st.name.clone(),
        file: st.file.clone(),
        line: st.line,
        envs: st.envs.clone(),
        saved_defs: st.saved_defs.clone(),
        def_contexts: st.def_contexts.clone(),
        attrs: st.attrs.clone(),
        defs,
        struct_fields: st.struct_fields.clone(),
        exception: st.exception,
        overridable,
        overridden,
        version: st.version,
        macro_cache: st.macro_cache.clone(),
        pending_hooks: st.pending_hooks.clone(),
        moduledoc: st.moduledoc.clone(),
        impls: st.impls.clone(),
        imported_calls: st.imported_calls.clone(),
        read_only: st.read_only,
        lowering: super::lowering::Lowering::resume(lw.suspend()),
    }
}

/// The code generator's functions for one stored definition (its `\\`
/// defaults make more).
///
/// `forms`: the clauses' code taken out of `d` (see [`take_bodies`]), each
/// dropped once used; `None` reads (copies) them in `d`.
fn fundefs(
    lw: &Lowerer,
    st: &ModuleState,
    d: &Def,
    forms: Option<Vec<ClauseForm>>,
    name: &str,
    public: bool,
    hidden: Option<&str>,
) -> Result<Vec<FunDef>, Diagnostic> {
    let (module, overridable) = (st.name.as_str(), &st.overridable);
    let span = lw.span(d.line);
    let mut clauses = Vec::with_capacity(d.clauses.len());
    let mut forms = forms.map(Vec::into_iter);
    for c in &d.clauses {
        let taken = forms.as_mut().and_then(Iterator::next);
        let expanded = |body: &Value| {
            if c.has_super && hidden.is_none() {
                return Err(no_super(lw.span(c.line), d, module, overridable));
            }
            lower_parts(lw, c, body, hidden)
        };
        let clause = match taken {
            Some(ClauseForm::Lowered(cl, _)) => *cl,
            Some(ClauseForm::Expanded(body)) => expanded(&body)?,
            Some(ClauseForm::Pending(_)) => return Err(lost(lw, c.line)),
            None => match &c.form {
                ClauseForm::Lowered(cl, _) => (**cl).clone(),
                ClauseForm::Expanded(body) => expanded(body)?,
                ClauseForm::Pending(_) => return Err(lost(lw, c.line)),
            },
        };
        clauses.push(clause);
    }
    let mut out = Vec::new();
    if !clauses.is_empty() {
        out.push(FunDef {
            name: name.to_owned(),
            arity: d.arity,
            public,
            clauses,
            span,
            defaults_of: None,
        });
    }
    // `def f(a, b \\ 1, c \\ 2)` also defines f/2 and f/1.
    let mut defaults = d.defaults.clone();
    defaults.sort_by_key(|(i, _)| *i);
    for k in 1..=defaults.len() {
        let omitted: Vec<usize> = defaults[defaults.len() - k..]
            .iter()
            .map(|(i, _)| *i)
            .collect();
        let mut params = Vec::new();
        let mut call_args = Vec::new();
        for i in 0..d.arity {
            match defaults
                .iter()
                .find(|(j, _)| *j == i && omitted.contains(j))
            {
                Some((_, dflt)) => call_args.push(lw.lower(dflt, span)?),
                None => {
                    let v = var(span, &format!("__default_arg{i}"));
                    params.push(v.clone());
                    call_args.push(v);
                }
            }
        }
        // An arity overridden ([`Def::renamed_defaults`]) is hidden.
        let renamed = d
            .renamed_defaults
            .iter()
            .find(|(a, _)| *a == d.arity - k && name == d.name);
        out.push(FunDef {
            name: renamed.map_or(name, |(_, h)| h.as_str()).to_owned(),
            arity: d.arity - k,
            public: public && renamed.is_none(),
            clauses: vec![ast::Clause {
                span,
                args: params,
                guard: None,
                body: block(local_call(span, name, call_args)),
            }],
            span,
            defaults_of: Some(d.arity),
        });
    }
    Ok(out)
}

/// The code of `st`'s clauses, taken out (each left an expanded `nil`):
/// the definitions of `st.overridden`, then of `st.defs`, one list per
/// definition. A closed module is compiled from them so that each clause
/// is moved, not copied, and a body still expanded is freed as soon as it
/// is lowered.
type Bodies = (Vec<Vec<ClauseForm>>, Vec<Vec<ClauseForm>>);

fn take_bodies(st: &mut ModuleState) -> Bodies {
    let take = |d: &mut Def| -> Vec<ClauseForm> {
        d.clauses
            .iter_mut()
            .map(|c| std::mem::replace(&mut c.form, ClauseForm::Expanded(q::nil())))
            .collect()
    };
    let overridden = st.overridden.iter_mut().map(|(_, d)| take(d)).collect();
    let defs = st.defs.iter_mut().map(take).collect();
    (overridden, defs)
}

/// All functions of `st`, ready for code generation; `bodies`: its clauses'
/// bodies, taken out of it ([`take_bodies`]).
fn module_funs(
    st: &ModuleState,
    lw: &Lowerer,
    with_info: bool,
    bodies: Option<Bodies>,
) -> Result<Vec<FunDef>, Diagnostic> {
    let (mut overridden_bodies, mut def_bodies) = match bodies {
        Some((o, d)) => (Some(o.into_iter()), Some(d.into_iter())),
        None => (None, None),
    };
    let mut funs = Vec::new();
    // An overridden definition is kept only when a `super` reaches it (as
    // Elixir drops the others, whatever they hold).
    let mut needed: Vec<&str> = st
        .defs
        .iter()
        .filter(|d| !st.overridden.is_empty() && uses_super(d))
        .filter_map(|d| d.super_of.as_deref())
        .collect();
    for (h, old) in st.overridden.iter().rev() {
        if needed.contains(&h.as_str()) && uses_super(old) {
            needed.extend(old.super_of.as_deref());
        }
    }
    for (h, old) in &st.overridden {
        let bodies = overridden_bodies.as_mut().and_then(Iterator::next);
        if needed.contains(&h.as_str()) {
            funs.extend(fundefs(
                lw,
                st,
                old,
                bodies,
                h,
                false,
                old.super_of.as_deref(),
            )?);
        }
    }
    for d in &st.defs {
        let bodies = def_bodies.as_mut().and_then(Iterator::next);
        for f in fundefs(
            lw,
            st,
            d,
            bodies,
            &d.name,
            d.kind.is_public(),
            d.super_of.as_deref(),
        )? {
            // `def f(0)` before `def f(x, y \\ 0)`: f/1 takes the default's
            // clause after its own.
            match funs.iter_mut().find(|g: &&mut FunDef| {
                f.defaults_of.is_some() && g.name == f.name && g.arity == f.arity
            }) {
                Some(g) => g.clauses.extend(f.clauses),
                None => funs.push(f),
            }
        }
    }
    let span = lw.span(st.line);
    let defined =
        |funs: &[FunDef], n: &str, a: usize| funs.iter().any(|f| f.name == n && f.arity == a);
    if let Some(fields) = &st.struct_fields {
        let map = struct_map(&st.name, fields);
        if !defined(&funs, "__struct__", 0) {
            funs.push(simple_fun(
                "__struct__",
                vec![],
                lit(span, map.clone()),
                span,
            ));
        }
        if !defined(&funs, "__struct__", 1) {
            let enforce = q::list(st.enforce_keys());
            let body = remote_call(
                span,
                "beamlet_compiler",
                "struct_from",
                vec![lit(span, map.clone()), lit(span, enforce), var(span, "kv")],
            );
            funs.push(simple_fun("__struct__", vec![var(span, "kv")], body, span));
        }
        if st.exception {
            let has_message = fields.iter().any(|(f, _)| f == "message");
            if !defined(&funs, "exception", 1) {
                let body = remote_call(
                    span,
                    "beamlet_compiler",
                    "exception_from",
                    vec![lit(span, map), var(span, "args")],
                );
                funs.push(simple_fun("exception", vec![var(span, "args")], body, span));
            }
            if has_message && !defined(&funs, "message", 1) {
                let body = remote_call(
                    span,
                    "Elixir.Map",
                    "get",
                    vec![
                        var(span, "exception"),
                        Expr::new(span, ExprKind::Atom("message".into())),
                    ],
                );
                funs.push(simple_fun(
                    "message",
                    vec![var(span, "exception")],
                    body,
                    span,
                ));
            }
        }
    }
    if with_info {
        let info = info_fun(st, &funs, span);
        let module_info = module_info_funs(st, &funs, span);
        funs.push(info);
        funs.extend(module_info);
        if let Some(b) = behaviour_info_fun(st, span) {
            if !funs
                .iter()
                .any(|f| f.name == "behaviour_info" && f.arity == 1)
            {
                funs.push(b);
            }
        }
    }
    Ok(funs)
}

fn simple_fun(name: &str, args: Vec<Expr>, body: Expr, span: ast::Span) -> FunDef {
    FunDef {
        name: name.to_owned(),
        arity: args.len(),
        public: true,
        clauses: vec![ast::Clause {
            span,
            args,
            guard: None,
            body: block(body),
        }],
        span,
        defaults_of: None,
    }
}

/// `__info__(:docs)` (beamlet's own key, for `Code.fetch_docs/1` and the
/// shell's `h`): `{moduledoc, [{kind, name, arity, signature, doc, defaults}]}`
/// for the public definitions, `moduledoc` and each `doc` a string, `false`
/// (hidden) or `nil` (none).
fn docs_value(st: &ModuleState) -> Value {
    let doc = |d: &Option<Value>| match d {
        Some(v @ Value::Binary(_)) => v.clone(),
        Some(Value::Atom(a)) if a == "false" => q::boolean(false),
        _ => q::nil(),
    };
    let mut entries: Vec<(String, usize, Value)> = st
        .defs
        .iter()
        .filter(|d| d.kind.is_public() && !d.user_name.starts_with("__"))
        .map(|d| {
            let kind = match d.kind {
                crate::expand::module::DefKind::Defmacro => "macro",
                _ => "function",
            };
            let args: Vec<String> = d
                .clauses
                .first()
                .map(|c| {
                    c.args
                        .iter()
                        .enumerate()
                        .map(|(i, a)| {
                            let text = match a {
                                Value::Tuple(t) if t.len() == 3 && q::as_atom(&t[0]).is_some() => {
                                    let n = q::as_atom(&t[0]).unwrap_or("arg");
                                    if matches!(t[2], Value::Atom(_)) {
                                        n.trim_start_matches('_').to_owned()
                                    } else {
                                        format!("arg{}", i + 1)
                                    }
                                }
                                _ => format!("arg{}", i + 1),
                            };
                            match d.defaults.iter().find(|(p, _)| *p == i) {
                                Some((_, dv)) => format!(
                                    "{text} \\\\ {}",
                                    beamlet_vm::macro_string::to_string(dv)
                                ),
                                None => text,
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            let signature = format!("{}({})", d.user_name, args.join(", "));
            let entry = q::tuple(vec![
                q::atom(kind),
                q::atom(&d.user_name),
                q::int(d.user_arity as i64),
                q::string(&signature),
                doc(&d.doc),
                q::int(d.defaults.len() as i64),
            ]);
            (d.user_name.clone(), d.user_arity, entry)
        })
        .collect();
    entries.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    entries.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    q::tuple(vec![
        doc(&st.moduledoc),
        q::list(entries.into_iter().map(|(_, _, e)| e).collect()),
    ])
}

/// `__info__/1`: what the module is and exports.
fn info_fun(st: &ModuleState, funs: &[FunDef], span: ast::Span) -> FunDef {
    let mut functions: Vec<(String, usize)> = funs
        .iter()
        .filter(|f| f.public && !f.name.starts_with("MACRO-"))
        .map(|f| (f.name.clone(), f.arity))
        .collect();
    functions.push(("__info__".into(), 1));
    functions.retain(|(n, _)| n != "__info__");
    functions.sort();
    functions.dedup();
    let mut macros: Vec<(String, usize)> = funs
        .iter()
        .filter(|f| f.public)
        .filter_map(|f| Some((f.name.strip_prefix("MACRO-")?.to_owned(), f.arity - 1)))
        .collect();
    if st.name == crate::expand::kernel::KERNEL {
        // Kernel's macros the expander does natively (`if`, `def`, `|>`...).
        let native = crate::expand::kernel::MACROS.iter();
        macros.extend(native.map(|(n, a)| ((*n).to_owned(), *a)));
    }
    macros.sort();
    macros.dedup();
    let kw = |l: Vec<(String, usize)>| {
        q::list(
            l.into_iter()
                .map(|(n, a)| q::pair(q::atom(&n), q::int(a as i64)))
                .collect(),
        )
    };
    let attributes = q::list(st.persisted_attributes());
    let structure = match &st.struct_fields {
        Some(fields) => {
            let enforce: Vec<String> = st
                .enforce_keys()
                .iter()
                .filter_map(q::as_atom)
                .map(String::from)
                .collect();
            q::list(
                fields
                    .iter()
                    .filter(|(f, _)| f != "__exception__")
                    .map(|(f, _)| {
                        crate::expand::env::sorted_map(vec![
                            (q::atom("field"), q::atom(f)),
                            (q::atom("required"), q::boolean(enforce.contains(f))),
                        ])
                    })
                    .collect(),
            )
        }
        None => q::nil(),
    };
    let answers = vec![
        ("module", q::atom(&st.name)),
        ("functions", kw(functions)),
        ("macros", kw(macros)),
        ("attributes", attributes),
        ("struct", structure),
        ("compile", compile_info(st)),
        ("md5", Value::Binary(vec![0; 16])),
        ("deprecated", q::list(vec![])),
        ("docs", docs_value(st)),
    ];
    FunDef {
        name: "__info__".into(),
        arity: 1,
        public: true,
        clauses: answers
            .into_iter()
            .map(|(k, v)| ast::Clause {
                span,
                args: vec![Expr::new(span, ExprKind::Atom(k.into()))],
                guard: None,
                body: block(lit(span, v)),
            })
            .collect(),
        span,
        defaults_of: None,
    }
}

/// `__info__(:compile)`: what Elixir 1.14 on OTP 25 answers for a module it
/// compiled (the Erlang compiler's version and the options Elixir passes it,
/// which are the same for every module) followed by its `@compile` options,
/// and the module's source file.
fn compile_info(st: &ModuleState) -> Value {
    let charlist = |s: &str| q::list(s.chars().map(|c| q::int(c as i64)).collect());
    let mut options: Vec<Value> = [
        "no_spawn_compiler_process",
        "from_core",
        "no_core_prepare",
        "no_auto_import",
    ]
    .iter()
    .map(|o| q::atom(o))
    .collect();
    // Then the module's `@compile` values, in order (a list gives its items).
    if let Some(Value::List(given, None)) = st.attr("compile").map(|a| &a.value) {
        for v in given.iter().rev() {
            match v {
                Value::List(items, None) => options.extend(items.iter().cloned()),
                other => options.push(other.clone()),
            }
        }
    }
    q::list(vec![
        q::pair(q::atom("version"), charlist("8.2.3")),
        q::pair(q::atom("options"), q::list(options)),
        q::pair(q::atom("source"), charlist(&st.file)),
    ])
}

/// `module_info/0,1`, as every Erlang module has: the module's name, its
/// exports (macros as their `MACRO-` functions), its functions (private
/// ones too), its persisted attributes.
fn module_info_funs(st: &ModuleState, funs: &[FunDef], span: ast::Span) -> Vec<FunDef> {
    let pairs = |fs: &mut dyn Iterator<Item = &FunDef>| {
        let mut l: Vec<(String, usize)> = fs.map(|f| (f.name.clone(), f.arity)).collect();
        l.extend([
            ("__info__".to_owned(), 1),
            ("module_info".to_owned(), 0),
            ("module_info".to_owned(), 1),
        ]);
        l.dedup();
        q::list(
            l.into_iter()
                .map(|(n, a)| q::pair(q::atom(&n), q::int(a as i64)))
                .collect(),
        )
    };
    let exports = pairs(&mut funs.iter().filter(|f| f.public));
    let functions = pairs(&mut funs.iter());
    let mut attributes = vec![q::pair(q::atom("vsn"), q::list(vec![q::int(0)]))];
    attributes.extend(st.persisted_attributes());

    let answers = vec![
        ("module", q::atom(&st.name)),
        ("exports", exports),
        ("attributes", q::list(attributes)),
        ("compile", compile_info(st)),
        ("md5", Value::Binary(vec![0; 16])),
    ];
    let all = q::list(
        answers
            .iter()
            .map(|(k, v)| q::pair(q::atom(k), v.clone()))
            .collect(),
    );
    let clauses: Vec<ast::Clause> = answers
        .into_iter()
        .chain([("functions", functions), ("nifs", q::list(vec![]))])
        .map(|(k, v)| ast::Clause {
            span,
            args: vec![Expr::new(span, ExprKind::Atom(k.into()))],
            guard: None,
            body: block(lit(span, v)),
        })
        .collect();
    vec![
        simple_fun("module_info", vec![], lit(span, all), span),
        FunDef {
            name: "module_info".into(),
            arity: 1,
            public: true,
            clauses,
            span,
            defaults_of: None,
        },
    ]
}

/// The `{name, arity}` a `@callback` / `@macrocallback` spec declares
/// (a macro's as its `MACRO-` function).
fn callback_of(spec: &Value, is_macro: bool) -> Option<(String, usize)> {
    let spec = match q::as_call(spec) {
        Some(("when", _, [s, _])) => s,
        _ => spec,
    };
    let head = match q::as_call(spec) {
        Some(("::", _, [h, _])) => h,
        _ => spec,
    };
    let (name, arity) = match q::as_node(head)? {
        (Value::Atom(n), _, Value::List(args, None)) => (*n, args.len()),
        (Value::Atom(n), _, Value::Atom(_)) => (*n, 0),
        _ => return None,
    };
    Some(if is_macro {
        (format!("MACRO-{name}"), arity + 1)
    } else {
        (name.to_string(), arity)
    })
}

/// `behaviour_info/1` of a module that declares callbacks: `:callbacks`
/// and `:optional_callbacks`.
fn behaviour_info_fun(st: &ModuleState, span: ast::Span) -> Option<FunDef> {
    let specs = |name: &str| -> Vec<Value> {
        match st.attr(name).map(|a| &a.value) {
            Some(Value::List(items, None)) => items.clone(),
            _ => vec![],
        }
    };
    let mut callbacks: Vec<(String, usize)> = specs("callback")
        .iter()
        .filter_map(|s| callback_of(s, false))
        .chain(
            specs("macrocallback")
                .iter()
                .filter_map(|s| callback_of(s, true)),
        )
        .collect();
    if callbacks.is_empty() {
        return None;
    }
    // Elixir lists them in descending order of the name and arity as
    // written (a macro callback `m/1` sorts as `m/1`, not `MACRO-m/2`).
    let written = |(n, a): &(String, usize)| match n.strip_prefix("MACRO-") {
        Some(m) => (m.to_owned(), a - 1),
        None => (n.clone(), *a),
    };
    callbacks.sort_by_key(|c| std::cmp::Reverse(written(c)));
    callbacks.dedup();
    let optional: Vec<Value> = specs("optional_callbacks")
        .iter()
        .flat_map(|v| match v {
            Value::List(items, None) => items.clone(),
            other => vec![other.clone()],
        })
        .collect();
    let mut optional = optional;
    optional.sort_by(|a, b| {
        let key = |v: &Value| match v {
            Value::Tuple(t) if t.len() == 2 => match (&t[0], &t[1]) {
                (Value::Atom(n), Value::Int(a)) => (n.to_string(), *a),
                _ => (String::new(), 0),
            },
            _ => (String::new(), 0),
        };
        key(b).cmp(&key(a))
    });
    let kw = |l: Vec<(String, usize)>| {
        q::list(
            l.into_iter()
                .map(|(n, a)| q::pair(q::atom(&n), q::int(a as i64)))
                .collect(),
        )
    };
    let clause = |k: &str, v: Value| ast::Clause {
        span,
        args: vec![Expr::new(span, ExprKind::Atom(k.into()))],
        guard: None,
        body: block(lit(span, v)),
    };
    Some(FunDef {
        name: "behaviour_info".into(),
        arity: 1,
        public: true,
        clauses: vec![
            clause("callbacks", kw(callbacks)),
            clause("optional_callbacks", q::list(optional)),
        ],
        span,
        defaults_of: None,
    })
}

/// Code generation for `funs` of `module`.
fn generate(
    svc: &Service,
    module: &str,
    file: &str,
    funs: Vec<FunDef>,
    lenient_locals: bool,
    literals: beamlet_vm::heap::Heap,
) -> Result<(Unit, Vec<Diagnostic>), Diagnostic> {
    let _t = beamlet_vm::timing::enter(beamlet_vm::timing::Phase::Codegen);
    let src = svc.source_of(file);
    let envs = funs
        .iter()
        .map(|_| ModuleEnv {
            name: module.to_owned(),
            ..Default::default()
        })
        .collect();
    let d = Desugared {
        modules: vec![(
            ModuleDef {
                name: module.to_owned(),
                funs,
                struct_fields: None,
                span: Default::default(),
            },
            envs,
        )],
        script: vec![],
        structs: HashMap::new(),
    };
    let (mut unit, warnings) = codegen::compile_unit_with(
        src.as_deref().unwrap_or(""),
        &d,
        false,
        lenient_locals,
        literals,
        super::lowering::threaded(),
    )?;
    drop_aside(d);
    let f = atom::intern(&super::relative(file));
    for func in &mut unit.functions {
        func.file = f;
    }
    Ok((unit, warnings))
}

/// Clauses from which [`drop_aside`] frees a module's lowered functions on
/// a thread of their own.
const DROP_ASIDE_CLAUSES: usize = 64;

/// Frees the lowered functions code was generated from: a large module's
/// (its 300 tests' trees: 18M instructions) on a thread of their own, with
/// a second CPU, so the close goes on at once (freeing has no effect the
/// program can see, so nothing depends on when it runs).
fn drop_aside(d: Desugared) {
    let clauses: usize = d
        .modules
        .iter()
        .flat_map(|(m, _)| &m.funs)
        .map(|f| f.clauses.len())
        .sum();
    if clauses < DROP_ASIDE_CLAUSES || !super::lowering::threaded() {
        return;
    }
    // If no thread can start, the closure (and `d`) is dropped here.
    let _ = std::thread::Builder::new()
        .name("beamlet-free".into())
        .spawn(move || drop(d));
}

fn print_warnings(ctx: &mut Ctx, svc: &Service, file: &str, ws: Vec<Diagnostic>) {
    svc.warnings(ctx, file, ws);
}

/// The name of the module's `@on_load` function, if it has one.
pub fn on_load_name(st: &ModuleState) -> Option<String> {
    let a = st.attr("on_load").filter(|a| a.set)?;
    match &a.value {
        Value::Atom(n) => Some(n.to_string()),
        Value::Tuple(t) => crate::quoted::as_atom(t.first()?).map(str::to_owned),
        _ => None,
    }
}

/// Compiles and loads the closed module `st`; returns its object code.
///
/// The clauses' bodies are taken out of `st` (left `nil`) as they are
/// lowered: nothing reads them once the module is compiled.
pub fn compile_module(
    ctx: &mut Ctx,
    svc: &Service,
    st: &mut ModuleState,
) -> Result<Vec<u8>, Diagnostic> {
    let _t = beamlet_vm::timing::enter(beamlet_vm::timing::Phase::Lower);
    let src = svc.source_of(&st.file);
    // Goes on with the lowerer of the stored clauses: its literal heap
    // holds their escaped data.
    st.settle();
    let lw = Lowerer::resume(src.as_deref(), st.lowering.take());
    let bodies = take_bodies(st);
    let st = &*st;
    let funs = module_funs(st, &lw, true, Some(bodies))?;
    let (unit, mut warnings) = generate(svc, &st.name, &st.file, funs, false, lw.into_literals())?;
    // The `@on_load` function is used (by the loader) even when private.
    if let Some(name) = on_load_name(st) {
        let unused = format!("function {name}/0 is unused");
        warnings.retain(|w| w.message != unused);
    }
    print_warnings(ctx, svc, &st.file, warnings);
    let object = svc.record(&st.name, &st.file, &unit);
    ctx.code.load(unit);
    Ok(object)
}

/// Compiles the open module's definitions so far without exporting them
/// (for its own macros); returns each named function's FunId.
///
/// `st`: a [`snapshot`] of the module (its literal heap taken).
pub fn compile_private(
    ctx: &mut Ctx,
    svc: &Service,
    st: &mut ModuleState,
) -> Result<Vec<(String, usize, FunId)>, Diagnostic> {
    let _t = beamlet_vm::timing::enter(beamlet_vm::timing::Phase::Lower);
    let src = svc.source_of(&st.file);
    st.settle();
    let lw = Lowerer::resume(src.as_deref(), st.lowering.take());
    let st = &*st;
    let funs = module_funs(st, &lw, false, None)?;
    let (unit, _) = generate(svc, &st.name, &st.file, funs, true, lw.into_literals())?;
    // The unit holds more functions than `funs` (closures, default-argument
    // entries): each is named by its own name and arity.
    let names: Vec<(String, usize, bool)> = unit
        .functions
        .iter()
        .map(|f| {
            let named = f.kind == beamlet_vm::code::FunKind::Named;
            (atom::name(f.name).to_owned(), f.arity as usize, named)
        })
        .collect();
    let loaded = ctx.code.load_private(unit);
    Ok(names
        .into_iter()
        .enumerate()
        .filter(|(_, (_, _, named))| *named)
        .map(|(i, (n, a, _))| (n, a, loaded.functions.start + i as FunId))
        .collect())
}

/// Compiles `body` as a function `name` of `module` taking `params`, loaded
/// without exporting it; returns its FunId.
pub fn compile_function(
    ctx: &mut Ctx,
    svc: &Service,
    module: &str,
    name: &str,
    params: &[Value],
    body: &Value,
    file: &str,
) -> Result<FunId, Diagnostic> {
    let _t = beamlet_vm::timing::enter(beamlet_vm::timing::Phase::Lower);
    let src = svc.source_of(file);
    let lw = Lowerer::new(src.as_deref());
    let span = lw.span(q::line_of(body).max(1));
    let args = params
        .iter()
        .map(|p| lw.lower(p, span))
        .collect::<Result<Vec<_>, _>>()?;
    let body = block(lw.lower(body, span)?);
    let f = FunDef {
        name: name.to_owned(),
        arity: args.len(),
        public: true,
        clauses: vec![ast::Clause {
            span,
            args,
            guard: None,
            body,
        }],
        span,
        defaults_of: None,
    };
    let (unit, warnings) = generate(svc, module, file, vec![f], false, lw.into_literals())?;
    print_warnings(ctx, svc, file, warnings);
    let loaded = ctx.code.load_private(unit);
    Ok(loaded.functions.start)
}

impl DefKind {
    /// Whether functions of this kind are exported.
    pub fn exported(self) -> bool {
        self.is_public()
    }
}
