//! Desugaring: from the generic surface tree to modules of functions.
//!
//! - Splits a program into its modules (`defmodule`, nested names joined with
//!   `.`) and the script's top-level code.
//! - Groups `def`/`defp` clauses by name and arity, and expands `\\` defaults
//!   into extra functions that call the full one.
//! - Records module attributes (`@limit 10`), `defstruct` fields and `alias`es.
//! - Rewrites syntax sugar into plain calls: `a |> f(b)` → `f(a, b)`,
//!   `for` comprehensions → `Enum.reduce/3` with closures, `&(&1 + 1)` →
//!   `fn x1 -> x1 + 1 end`, `unless` → `if`.

use crate::ast::*;
use crate::diagnostic::Diagnostic;
use std::collections::HashMap;

/// One function's clauses, ready for code generation.
#[derive(Clone, Debug)]
pub struct FunDef {
    pub name: String,
    pub arity: usize,
    pub public: bool,
    pub clauses: Vec<Clause>,
    pub span: Span,
    /// For the functions `\\` defaults generate (`def f(a \\ 1)` makes
    /// f/0 call f/1): the arity of the function declaring them.
    pub defaults_of: Option<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct ModuleDef {
    /// Full atom name: `Elixir.Foo.Bar`.
    pub name: String,
    pub funs: Vec<FunDef>,
    /// `defstruct` fields with their default expressions, in order.
    pub struct_fields: Option<Vec<(String, Expr)>>,
    pub span: Span,
}

/// Module-level context the code generator needs while compiling a body.
#[derive(Clone, Debug, Default)]
pub struct ModuleEnv {
    pub name: String,
    /// Attribute values, as expressions (as they stood where each function was defined).
    pub attrs: HashMap<String, Expr>,
    /// `alias Foo.Bar` → `Bar` ↦ `Foo.Bar`.
    pub aliases: HashMap<String, String>,
}

pub struct Desugared {
    pub modules: Vec<(ModuleDef, Vec<ModuleEnv>)>,
    /// The script's top-level expressions (with `defmodule`s removed).
    pub script: Vec<Expr>,
    /// Struct definitions by module atom name.
    pub structs: HashMap<String, Vec<(String, Expr)>>,
}

pub fn alias_atom(name: &str) -> String {
    if name.starts_with("Elixir.") {
        name.to_owned()
    } else {
        format!("Elixir.{name}")
    }
}

pub fn desugar(program: &Program) -> Result<Desugared, Diagnostic> {
    let mut d = Desugared {
        modules: Vec::new(),
        script: Vec::new(),
        structs: HashMap::new(),
    };
    for e in &program.exprs {
        if let Some((name_expr, body, span)) = as_defmodule(e)? {
            module(&mut d, None, name_expr, body, span, &HashMap::new())?;
        } else {
            d.script.push(e.clone());
        }
    }
    Ok(d)
}

/// `defmodule Name do body end` → (name expression, body).
fn as_defmodule(e: &Expr) -> Result<Option<(&Expr, &Expr, Span)>, Diagnostic> {
    let ExprKind::Call(c) = &e.kind else {
        return Ok(None);
    };
    let CallTarget::Local(n) = &c.target else {
        return Ok(None);
    };
    if n != "defmodule" {
        return Ok(None);
    }
    let body = match (&c.do_block, c.args.len()) {
        (Some(db), 1) => match db.sections.first() {
            Some((k, _, Body::Exprs(b))) if k == "do" => b,
            _ => return Err(Diagnostic::new(e.span, "defmodule expects a do block")),
        },
        (None, 2) => match c.args.last().map(|a| &a.kind) {
            Some(ExprKind::List(items, None)) if items.len() == 1 => match &items[0].kind {
                ExprKind::Tuple(p) if matches!(&p[0].kind, ExprKind::Atom(k) if k == "do") => &p[1],
                _ => return Err(Diagnostic::new(e.span, "defmodule expects a do block")),
            },
            _ => return Err(Diagnostic::new(e.span, "defmodule expects a do block")),
        },
        _ => {
            return Err(Diagnostic::new(
                e.span,
                "invalid defmodule: expected `defmodule Name do ... end`",
            )
            .with_hint("a module needs a name (an alias such as MyApp.Worker) and a do block"))
        }
    };
    Ok(Some((&c.args[0], body, e.span)))
}

fn block_items(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Block(items) => items.iter().collect(),
        _ => vec![e],
    }
}

fn module(
    d: &mut Desugared,
    parent: Option<&str>,
    name_expr: &Expr,
    body: &Expr,
    span: Span,
    parent_aliases: &HashMap<String, String>,
) -> Result<(), Diagnostic> {
    let short = match &name_expr.kind {
        ExprKind::Alias(a) => a.clone(),
        ExprKind::Atom(a) => a.clone(),
        _ => {
            return Err(Diagnostic::new(
                name_expr.span,
                "a module name must be an alias such as `MyModule`",
            ))
        }
    };
    let full = match parent {
        Some(p) => format!("{}.{}", p.strip_prefix("Elixir.").unwrap_or(p), short),
        None => short.clone(),
    };
    let full = if matches!(name_expr.kind, ExprKind::Atom(_)) {
        short.clone()
    } else {
        alias_atom(&full)
    };
    let mut env = ModuleEnv {
        name: full.clone(),
        attrs: HashMap::new(),
        aliases: parent_aliases.clone(),
    };
    if parent.is_some() {
        // A nested module is aliased by its last part inside the parent.
        let last = short.rsplit('.').next().unwrap_or(&short).to_owned();
        env.aliases.insert(
            last,
            full.strip_prefix("Elixir.").unwrap_or(&full).to_owned(),
        );
    }
    let mut m = ModuleDef {
        name: full.clone(),
        span,
        ..Default::default()
    };
    let mut envs: Vec<ModuleEnv> = Vec::new();
    let mut order: Vec<(String, usize)> = Vec::new();
    let mut by_key: HashMap<(String, usize), usize> = HashMap::new();
    for item in block_items(body) {
        if let Some((n, b, s)) = as_defmodule(item)? {
            module(d, Some(&full), n, b, s, &env.aliases)?;
            continue;
        }
        match &item.kind {
            ExprKind::Attr(name, Some(v)) => {
                if !matches!(
                    name.as_str(),
                    "doc" | "moduledoc" | "spec" | "type" | "typedoc" | "impl" | "behaviour"
                ) {
                    env.attrs.insert(name.clone(), (**v).clone());
                }
                continue;
            }
            ExprKind::Call(c) => {
                if let CallTarget::Local(n) = &c.target {
                    match n.as_str() {
                        "def" | "defp" => {
                            let fd = def(item, c, n == "def")?;
                            for f in fd {
                                let key = (f.name.clone(), f.arity);
                                match by_key.get(&key) {
                                    Some(&i) => {
                                        defaults_clash(&m.funs[i], &f)?;
                                        if m.funs[i].public != f.public {
                                            return Err(Diagnostic::new(
                                                f.span,
                                                format!(
                                                    "defp {}/{} already defined as def",
                                                    f.name, f.arity
                                                ),
                                            ));
                                        }
                                        m.funs[i].clauses.extend(f.clauses)
                                    }
                                    None => {
                                        by_key.insert(key.clone(), m.funs.len());
                                        order.push(key);
                                        m.funs.push(f);
                                        envs.push(env.clone());
                                    }
                                }
                            }
                            continue;
                        }
                        "defstruct" => {
                            m.struct_fields = Some(struct_fields(c, item.span)?);
                            continue;
                        }
                        "alias" => {
                            alias(&mut env, c, item.span)?;
                            continue;
                        }
                        "import" | "require" | "use" | "@" => continue,
                        "defmacro" | "defmacrop" | "defguard" | "defguardp" | "defprotocol"
                        | "defimpl" | "defexception" | "defdelegate" | "defoverridable" => {
                            return Err(Diagnostic::new(
                                item.span,
                                format!("`{n}` is not supported by beamlet yet"),
                            ))
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        return Err(Diagnostic::new(
            item.span,
            "expressions in a module body are not supported: only definitions",
        )
        .with_hint("move this code into a function, or to the script's top level"));
    }
    if let Some(f) = &m.struct_fields {
        d.structs.insert(full.clone(), f.clone());
    }
    d.modules.push((m, envs));
    Ok(())
}

fn alias(env: &mut ModuleEnv, c: &Call, span: Span) -> Result<(), Diagnostic> {
    let target = match c.args.first().map(|a| &a.kind) {
        Some(ExprKind::Alias(a)) => a.clone(),
        _ => {
            return Err(Diagnostic::new(
                span,
                "alias expects an alias such as `alias Foo.Bar`",
            ))
        }
    };
    let full = env
        .aliases
        .get(target.split('.').next().unwrap_or(""))
        .map_or(target.clone(), |base| match target.split_once('.') {
            Some((_, rest)) => format!("{base}.{rest}"),
            None => base.clone(),
        });
    let mut short = target.rsplit('.').next().unwrap_or(&target).to_owned();
    if let Some(ExprKind::List(kw, _)) = c.args.get(1).map(|a| &a.kind) {
        for item in kw {
            if let ExprKind::Tuple(p) = &item.kind {
                if let [Expr {
                    kind: ExprKind::Atom(k),
                    ..
                }, Expr {
                    kind: ExprKind::Alias(a),
                    ..
                }] = &p[..]
                {
                    if k == "as" {
                        short = a.clone();
                    }
                }
            }
        }
    }
    env.aliases.insert(short, full);
    Ok(())
}

fn struct_fields(c: &Call, span: Span) -> Result<Vec<(String, Expr)>, Diagnostic> {
    let Some(Expr {
        kind: ExprKind::List(items, None),
        ..
    }) = c.args.first()
    else {
        return Err(Diagnostic::new(span, "defstruct expects a list of fields"));
    };
    let nil = |s| Expr::new(s, ExprKind::Atom("nil".into()));
    let mut out = Vec::new();
    for i in items {
        match &i.kind {
            ExprKind::Atom(a) => out.push((a.clone(), nil(i.span))),
            ExprKind::Tuple(p) if p.len() == 2 => match &p[0].kind {
                ExprKind::Atom(a) => out.push((a.clone(), p[1].clone())),
                _ => return Err(Diagnostic::new(i.span, "struct field names must be atoms")),
            },
            _ => {
                return Err(Diagnostic::new(
                    i.span,
                    "struct fields are atoms or `field: default` pairs",
                ))
            }
        }
    }
    Ok(out)
}

/// The body of section `key` (`do`, `else`, ...) of a call: from its do block or its trailing keyword list.
pub fn keyword_body(c: &Call, key: &str) -> Option<Body> {
    sections(c)
        .0
        .iter()
        .find(|(k, _, _)| k == key)
        .map(|(_, _, b)| b.clone())
}

/// A section of a do block: its keyword (`do`, `else`...), span and body.
pub type Section = (String, Span, Body);

/// The sections of a special form: from its do block, or from a trailing `do:` keyword list.
/// Returns the sections and the number of leading (non-keyword) arguments.
/// A do block's sections are borrowed, not copied (every `if` and `case`
/// compiled copied its bodies here).
pub fn sections(c: &Call) -> (std::borrow::Cow<'_, [Section]>, usize) {
    if let Some(db) = &c.do_block {
        return (std::borrow::Cow::Borrowed(&db.sections), c.args.len());
    }
    if let Some(Expr {
        kind: ExprKind::List(items, None),
        ..
    }) = c.args.last()
    {
        if !items.is_empty() && items.iter().all(is_keyword_pair) {
            let mut out = Vec::new();
            for i in items {
                if let ExprKind::Tuple(p) = &i.kind {
                    if let ExprKind::Atom(k) = &p[0].kind {
                        if matches!(k.as_str(), "do" | "else" | "after" | "rescue" | "catch") {
                            let body = match &p[1].kind {
                                ExprKind::StabParens(cl) => Body::Clauses(cl.clone()),
                                _ => Body::Exprs(p[1].clone()),
                            };
                            out.push((k.clone(), i.span, body));
                        }
                    }
                }
            }
            if out.iter().any(|(k, _, _)| k == "do") {
                return (std::borrow::Cow::Owned(out), c.args.len() - 1);
            }
        }
    }
    (std::borrow::Cow::Owned(Vec::new()), c.args.len())
}

/// Whether the last argument is a keyword list holding `do:`.
pub fn has_keyword_do(c: &Call) -> bool {
    c.do_block.is_none() && keyword_body(c, "do").is_some()
}

/// Whether `new` may join the clauses of `old` (same name and arity), as far
/// as `\\` defaults go: a function made by defaults takes no other clauses.
fn defaults_clash(old: &FunDef, new: &FunDef) -> Result<(), Diagnostic> {
    let (name, arity) = (&new.name, new.arity);
    let kind = if new.public { "def" } else { "defp" };
    match (old.defaults_of, new.defaults_of) {
        (None, None) => Ok(()),
        (Some(a), Some(b)) if a == b => Err(Diagnostic::new(
            new.span,
            format!("def {name}/{a} defines defaults multiple times"),
        )
        .with_hint(format!(
            "declare the defaults once, in a head without a body before the clauses: `{kind} {name}(a \\\\ default)`, then clauses without defaults"
        ))),
        (_, Some(full)) => Err(Diagnostic::new(
            new.span,
            format!("{kind} {name}/{full} defaults conflicts with {name}/{arity}"),
        )
        .with_hint(format!(
            "the defaults make a {name}/{arity} that already exists: drop a default or rename one of the functions"
        ))),
        (Some(full), None) => Err(Diagnostic::new(
            new.span,
            format!("{kind} {name}/{arity} conflicts with defaults from {name}/{full}"),
        )
        .with_hint(format!(
            "{name}/{full}'s defaults already define {name}/{arity}: drop a default or rename one of the functions"
        ))),
    }
}

fn def(item: &Expr, c: &Call, public: bool) -> Result<Vec<FunDef>, Diagnostic> {
    let kw_do = has_keyword_do(c);
    let head_args: &[Expr] = if kw_do {
        &c.args[..c.args.len() - 1]
    } else {
        &c.args
    };
    let [head] = head_args else {
        return Err(Diagnostic::new(item.span, "invalid function definition")
            .with_hint("write `def name(args) do ... end`"));
    };
    let body = match keyword_body(c, "do") {
        Some(Body::Exprs(b)) => Some(b),
        Some(Body::Clauses(_)) => {
            return Err(Diagnostic::new(
                item.span,
                "a function body cannot be made of `->` clauses",
            ))
        }
        // A bodiless head (`def f(a, b \\ 1)`) only declares defaults.
        None => None,
    };
    if let Some(db) = &c.do_block {
        if let Some((k, s, _)) = db.sections.iter().find(|(k, _, _)| k != "do") {
            return Err(Diagnostic::new(
                *s,
                format!("`{k}` blocks in function definitions are not supported yet"),
            ));
        }
    }
    let (call, guard) = match &head.kind {
        ExprKind::Binary(BinOp::When, h, g) => (&**h, Some((**g).clone())),
        _ => (head, None),
    };
    let (name, params) = match &call.kind {
        ExprKind::Call(hc) => match &hc.target {
            CallTarget::Local(n) => (n.clone(), hc.args.clone()),
            _ => return Err(Diagnostic::new(call.span, "invalid function name")),
        },
        ExprKind::Var(n) => (n.clone(), Vec::new()),
        _ => {
            return Err(Diagnostic::new(call.span, "invalid function head")
                .with_hint("write `def name(arg1, arg2)`"))
        }
    };
    // Defaults: `def f(a, b \\ 1)` defines f/2 and f/1 (which calls f/2).
    let mut plain = Vec::new();
    let mut defaults = Vec::new();
    for (i, p) in params.iter().enumerate() {
        match &p.kind {
            ExprKind::Binary(BinOp::Default, pat, dflt) => {
                plain.push((**pat).clone());
                defaults.push((i, (**dflt).clone()));
            }
            _ => plain.push(p.clone()),
        }
    }
    let arity = plain.len();
    let mut out = Vec::new();
    match body {
        Some(body) => out.push(FunDef {
            name: name.clone(),
            arity,
            public,
            clauses: vec![Clause {
                span: item.span,
                args: plain.clone(),
                guard,
                body,
            }],
            span: item.span,
            defaults_of: None,
        }),
        None if defaults.is_empty() => {
            return Err(Diagnostic::new(
                item.span,
                "a function head without a body must declare default arguments",
            )
            .with_hint("add `do ... end`, or declare defaults: `def f(a, b \\\\ 1)`"))
        }
        None => {}
    }
    for k in 1..=defaults.len() {
        // The version that leaves out the last k defaulted parameters.
        let omitted: Vec<usize> = defaults[defaults.len() - k..]
            .iter()
            .map(|(i, _)| *i)
            .collect();
        let mut args = Vec::new();
        let mut call_args = Vec::new();
        for i in 0..arity {
            if let Some((_, d)) = defaults
                .iter()
                .find(|(j, _)| *j == i && omitted.contains(j))
            {
                call_args.push(d.clone());
            } else {
                let v = Expr::new(item.span, ExprKind::Var(format!("__default_arg{i}")));
                args.push(v.clone());
                call_args.push(v);
            }
        }
        let body = Expr::new(
            item.span,
            ExprKind::Call(Box::new(Call {
                target: CallTarget::Local(name.clone()),
                args: call_args,
                no_parens: false,
                do_block: None,
            })),
        );
        out.push(FunDef {
            name: name.clone(),
            arity: arity - k,
            public,
            clauses: vec![Clause {
                span: item.span,
                args,
                guard: None,
                body,
            }],
            span: item.span,
            defaults_of: Some(arity),
        });
    }
    Ok(out)
}

// ---- expression rewrites, used by the code generator ----

pub fn call(span: Span, target: CallTarget, args: Vec<Expr>) -> Expr {
    Expr::new(
        span,
        ExprKind::Call(Box::new(Call {
            target,
            args,
            no_parens: false,
            do_block: None,
        })),
    )
}

pub fn remote(span: Span, module: &str, name: &str, args: Vec<Expr>) -> Expr {
    let m = Expr::new(span, ExprKind::Atom(module.to_owned()));
    call(span, CallTarget::Remote(Box::new(m), name.to_owned()), args)
}

/// `lhs |> rhs`: the call `rhs` with `lhs` as its first argument.
pub fn pipe(lhs: &Expr, rhs: &Expr) -> Result<Expr, Diagnostic> {
    match &rhs.kind {
        ExprKind::Call(c) => {
            let mut c2 = (**c).clone();
            c2.args.insert(0, lhs.clone());
            c2.no_parens = false;
            // The call's own span: its line is the frame's line, as in Elixir.
            Ok(Expr::new(rhs.span, ExprKind::Call(Box::new(c2))))
        }
        ExprKind::Var(n) => Ok(call(rhs.span, CallTarget::Local(n.clone()), vec![lhs.clone()])),
        _ => Err(Diagnostic::new(rhs.span, "the right side of |> must be a call")
            .with_hint("write `value |> f()` or `value |> Mod.f(x)`; for an anonymous function use `value |> then(fun)`")),
    }
}

/// The highest `&N` in a capture body (0 if none), not looking into nested captures.
fn max_capture_arg(e: &Expr) -> u32 {
    let mut m = 0;
    walk(e, &mut |x| {
        if let ExprKind::CaptureArg(n) = x.kind {
            m = m.max(n);
        }
        !matches!(x.kind, ExprKind::Capture(_))
    });
    m
}

/// `&(expr)` with `&1`.. → `fn __cap1, __cap2 -> expr end`.
pub fn capture_to_fn(body: &Expr) -> Result<Expr, Diagnostic> {
    let n = max_capture_arg(body);
    if n == 0 {
        return Err(
            Diagnostic::new(body.span, "invalid capture: it uses no argument").with_hint(
                "write `&Mod.fun/arity`, `&fun/arity`, or use `&1` inside the expression",
            ),
        );
    }
    let mut nested = None;
    walk(body, &mut |x| {
        if let ExprKind::Capture(inner) = &x.kind {
            if nested.is_none() && max_capture_arg(inner) > 0 {
                nested = Some(x.span);
            }
        }
        true
    });
    if let Some(span) = nested {
        return Err(
            Diagnostic::new(span, "nested captures are not allowed").with_hint(
                "write the inner function as `fn x -> ... end`, or the outer one with `fn`",
            ),
        );
    }
    let mut b = body.clone();
    replace_capture_args(&mut b);
    let args = (1..=n)
        .map(|i| Expr::new(body.span, ExprKind::Var(format!("__cap{i}"))))
        .collect();
    Ok(Expr::new(
        body.span,
        ExprKind::Fn(vec![Clause {
            span: body.span,
            args,
            guard: None,
            body: b,
        }]),
    ))
}

fn replace_capture_args(e: &mut Expr) {
    if let ExprKind::CaptureArg(n) = e.kind {
        e.kind = ExprKind::Var(format!("__cap{n}"));
        return;
    }
    if matches!(e.kind, ExprKind::Capture(_)) {
        return;
    }
    for_each_child_mut(e, &mut replace_capture_args);
}

/// `for gen1, filter, gen2, into: c, do: body`.
pub fn comprehension(span: Span, c: &Call) -> Result<Expr, Diagnostic> {
    let mut quals: Vec<Expr> = Vec::new();
    let mut into = None;
    let mut reduce = None;
    let mut uniq = false;
    let mut body = None;
    for (i, a) in c.args.iter().enumerate() {
        if let ExprKind::List(items, None) = &a.kind {
            if i == c.args.len() - 1 && items.iter().all(is_keyword_pair) {
                for it in items {
                    let ExprKind::Tuple(p) = &it.kind else {
                        continue;
                    };
                    let ExprKind::Atom(k) = &p[0].kind else {
                        continue;
                    };
                    match k.as_str() {
                        "into" => into = Some(p[1].clone()),
                        "reduce" => reduce = Some(p[1].clone()),
                        "uniq" => uniq = matches!(p[1].kind, ExprKind::Atom(ref t) if t == "true"),
                        "do" => body = Some(Body::Exprs(p[1].clone())),
                        _ => {
                            return Err(Diagnostic::new(
                                p[0].span,
                                format!("unsupported option {k}: for `for`"),
                            ))
                        }
                    }
                }
                continue;
            }
        }
        quals.push(a.clone());
    }
    if let Some(db) = &c.do_block {
        body = db
            .sections
            .iter()
            .find(|(k, _, _)| k == "do")
            .map(|(_, _, b)| b.clone());
    }
    let body = body.ok_or_else(|| Diagnostic::new(span, "`for` needs a do block"))?;
    // Each comprehension its own accumulator: a `for` in another's body
    // must not rebind the outer one's.
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let acc = Expr::new(span, ExprKind::Var(format!("__for_acc{n}")));
    // `into:` anything but a literal list, string or map goes through
    // Collectable as Elixir's does: each element handed over as it is made
    // (`{:cont, x}`), then `:done`, or `:halt` if the body raises.
    let collect = into.as_ref().filter(|i| {
        let plain = match &i.kind {
            ExprKind::List(..) | ExprKind::Str(_) | ExprKind::Interp(_) => true,
            ExprKind::Map { pairs, .. } => !pairs
                .iter()
                .any(|(k, _)| matches!(&k.kind, ExprKind::Atom(a) if a == "__struct__")),
            _ => false,
        };
        reduce.is_none() && !plain
    });
    let into_fun = Expr::new(span, ExprKind::Var(format!("__into_fun{n}")));
    let into_init = Expr::new(span, ExprKind::Var(format!("__into_init{n}")));
    let inner: Expr = match (&reduce, body) {
        (None, Body::Exprs(b)) if collect.is_some() => call(
            span,
            CallTarget::Anon(Box::new(into_fun.clone())),
            vec![
                acc.clone(),
                Expr::new(
                    span,
                    ExprKind::Tuple(vec![Expr::new(span, ExprKind::Atom("cont".into())), b]),
                ),
            ],
        ),
        (Some(_), Body::Clauses(cl)) => {
            // reduce: acc -> ...: the body's clauses match the accumulator.
            Expr::new(
                span,
                ExprKind::Call(Box::new(Call {
                    target: CallTarget::Local("case".into()),
                    args: vec![acc.clone()],
                    no_parens: false,
                    do_block: Some(DoBlock {
                        sections: vec![("do".into(), span, Body::Clauses(cl))],
                    }),
                })),
            )
        }
        (Some(_), Body::Exprs(_)) => {
            return Err(Diagnostic::new(
                span,
                "`for ... reduce:` needs `acc -> ...` clauses in its do block",
            ))
        }
        (None, Body::Exprs(b)) => {
            Expr::new(span, ExprKind::List(vec![b], Some(Box::new(acc.clone()))))
        }
        (None, Body::Clauses(_)) => {
            return Err(Diagnostic::new(
                span,
                "`for` clauses (`->`) need the reduce: option",
            ))
        }
    };
    let mut e = inner;
    for q in quals.iter().rev() {
        let q = &binary_generator(q)?.unwrap_or_else(|| q.clone());
        e = match &q.kind {
            ExprKind::Binary(BinOp::LArrow, pat, src) => {
                let (pat, guard) = match &pat.kind {
                    ExprKind::Binary(BinOp::When, p, g) => ((**p).clone(), Some((**g).clone())),
                    _ => ((**pat).clone(), None),
                };
                let clause = Clause {
                    span: q.span,
                    args: vec![pat, acc.clone()],
                    guard,
                    body: e,
                };
                let skip = Clause {
                    span: q.span,
                    args: vec![Expr::new(q.span, ExprKind::Var("_".into())), acc.clone()],
                    guard: None,
                    body: acc.clone(),
                };
                let f = Expr::new(q.span, ExprKind::Fn(vec![clause, skip]));
                remote(
                    q.span,
                    "Elixir.Enum",
                    "reduce",
                    vec![(**src).clone(), acc.clone(), f],
                )
            }
            _ => {
                // A filter.
                Expr::new(
                    q.span,
                    ExprKind::Call(Box::new(Call {
                        target: CallTarget::Local("if".into()),
                        args: vec![q.clone()],
                        no_parens: false,
                        do_block: Some(DoBlock {
                            sections: vec![
                                ("do".into(), q.span, Body::Exprs(e)),
                                ("else".into(), q.span, Body::Exprs(acc.clone())),
                            ],
                        }),
                    })),
                )
            }
        };
    }
    // The outermost reduce starts from the initial accumulator.
    let init = match (&reduce, collect) {
        (Some(r), _) => r.clone(),
        (None, Some(_)) => into_init.clone(),
        (None, None) => Expr::new(span, ExprKind::List(vec![], None)),
    };
    let e = Expr::new(
        span,
        ExprKind::Block(vec![
            Expr::new(
                span,
                ExprKind::Binary(BinOp::Match, Box::new(acc.clone()), Box::new(init)),
            ),
            e,
        ]),
    );
    if reduce.is_some() {
        return Ok(e);
    }
    if let Some(c) = collect {
        let run = Expr::new(
            span,
            ExprKind::Fn(vec![Clause {
                span,
                args: vec![into_fun, into_init],
                guard: None,
                body: e,
            }]),
        );
        let uniq = Expr::new(
            span,
            ExprKind::Atom(if uniq { "true" } else { "false" }.into()),
        );
        return Ok(remote(
            span,
            "Elixir.Enum",
            "__for_into__",
            vec![c.clone(), uniq, run],
        ));
    }
    let mut list = remote(span, "lists", "reverse", vec![e]);
    if uniq {
        list = remote(span, "Elixir.Enum", "uniq", vec![list]);
    }
    Ok(match into {
        Some(i) if matches!(i.kind, ExprKind::Str(_) | ExprKind::Interp(_)) => {
            remote(span, "Elixir.Enum", "__for_into_binary__", vec![list, i])
        }
        Some(i) => remote(span, "Elixir.Enum", "into", vec![list, i]),
        None => list,
    })
}

/// `<<a, b::16 <- bin>>`: a generator of `{a, b}` over
/// `:beamlet.bs_each(bin, specs)` (see `bitstring.rs`).
fn binary_generator(q: &Expr) -> Result<Option<Expr>, Diagnostic> {
    let ExprKind::Bitstring(segs) = &q.kind else {
        return Ok(None);
    };
    let Some((last, init)) = segs.split_last() else {
        return Ok(None);
    };
    let (last_pat, src, guard) = match &last.kind {
        ExprKind::Binary(BinOp::LArrow, p, src) => ((**p).clone(), (**src).clone(), None),
        _ => return Ok(None),
    };
    // `<<x <- bin>> when ...` is not Elixir syntax; a guard goes on the generator.
    let _: Option<Expr> = guard;
    let mut pats = init.to_vec();
    match last_pat.kind {
        // `<<(<<x>> <- bin)>>`: the inner binary's segments.
        ExprKind::Bitstring(inner) => pats.extend(inner),
        _ => pats.push(last_pat),
    }
    let segs = crate::bitstring::segments(&pats)?;
    if crate::bitstring::size_split(&segs).is_some() {
        return Ok(Some(binary_generator_loop(q.span, pats, &segs, src)));
    }
    let (specs, tuple) = crate::bitstring::match_specs(q.span, &segs);
    let each = remote(q.span, "beamlet", "bs_each", vec![src, specs]);
    Ok(Some(Expr::new(
        q.span,
        ExprKind::Binary(BinOp::LArrow, Box::new(tuple), Box::new(each)),
    )))
}

/// A binary generator whose sizes are computed from earlier segments
/// (`<<n, body::binary-size(n * 2) <- bin>>`), which `bs_each` cannot
/// take: the list of the named values, made by a loop matching the whole
/// pattern then `rest::bits` (a `case`, so the sizes see what it binds)
/// until a match fails, as a generator stops.
///
/// ```text
/// loop = fn loop, bin, acc ->
///   case bin do
///     <<segs..., rest::bits>> -> loop.(loop, rest, [{vars...} | acc])
///     _ -> :lists.reverse(acc)
///   end
/// end
/// {vars...} <- loop.(loop, src, [])
/// ```
fn binary_generator_loop(
    span: Span,
    mut pats: Vec<Expr>,
    segs: &[crate::bitstring::Segment],
    src: Expr,
) -> Expr {
    let var = |n: &str| Expr::new(span, ExprKind::Var(n.to_owned()));
    let (lp, bin, acc, rest) = (
        var("bs gen loop"),
        var("bs gen bin"),
        var("bs gen acc"),
        var("bs gen rest"),
    );
    let names: Vec<Expr> = segs
        .iter()
        .filter_map(|s| match &s.value.kind {
            ExprKind::Var(v) if !v.starts_with('_') => Some(var(v)),
            _ => None,
        })
        .collect();
    let tuple = Expr::new(span, ExprKind::Tuple(names));
    pats.push(Expr::new(
        span,
        ExprKind::Binary(BinOp::Type, Box::new(rest.clone()), Box::new(var("bits"))),
    ));
    let recur = call(
        span,
        CallTarget::Anon(Box::new(lp.clone())),
        vec![
            lp.clone(),
            rest,
            Expr::new(
                span,
                ExprKind::List(vec![tuple.clone()], Some(Box::new(acc.clone()))),
            ),
        ],
    );
    let done = remote(span, "lists", "reverse", vec![acc.clone()]);
    let block = |e: Expr| Expr::new(span, ExprKind::Block(vec![e]));
    let clauses = vec![
        Clause {
            span,
            args: vec![Expr::new(span, ExprKind::Bitstring(pats))],
            guard: None,
            body: block(recur),
        },
        Clause {
            span,
            args: vec![var("_")],
            guard: None,
            body: block(done),
        },
    ];
    let case = Expr::new(
        span,
        ExprKind::Call(Box::new(Call {
            target: CallTarget::Local("case".into()),
            args: vec![bin.clone()],
            no_parens: false,
            do_block: Some(DoBlock {
                sections: vec![("do".into(), span, Body::Clauses(clauses))],
            }),
        })),
    );
    let fun = Expr::new(
        span,
        ExprKind::Fn(vec![Clause {
            span,
            args: vec![lp.clone(), bin, acc],
            guard: None,
            body: block(case),
        }]),
    );
    let bind = Expr::new(
        span,
        ExprKind::Binary(BinOp::Match, Box::new(lp.clone()), Box::new(fun)),
    );
    let run = call(
        span,
        CallTarget::Anon(Box::new(lp.clone())),
        vec![lp, src, Expr::new(span, ExprKind::List(vec![], None))],
    );
    let list = Expr::new(span, ExprKind::Block(vec![bind, run]));
    Expr::new(
        span,
        ExprKind::Binary(BinOp::LArrow, Box::new(tuple), Box::new(list)),
    )
}

pub fn is_keyword_pair(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Tuple(p) if p.len() == 2 && matches!(p[0].kind, ExprKind::Atom(_)))
}

/// Visits `e` and its children; `f` returns whether to descend.
pub fn walk(e: &Expr, f: &mut dyn FnMut(&Expr) -> bool) {
    if !f(e) {
        return;
    }
    let mut kids: Vec<&Expr> = Vec::new();
    children(e, &mut kids);
    for k in kids {
        walk(k, f);
    }
}

fn body_children<'a>(b: &'a Body, out: &mut Vec<&'a Expr>) {
    match b {
        Body::Exprs(e) => out.push(e),
        Body::Clauses(cl) => {
            for c in cl {
                out.extend(c.args.iter());
                out.extend(c.guard.iter());
                out.push(&c.body);
            }
        }
    }
}

pub fn children<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
    match &e.kind {
        ExprKind::Interp(parts) | ExprKind::Charlist(parts) | ExprKind::Sigil(_, parts, _, _) => {
            for p in parts {
                if let InterpPart::Expr(x) = p {
                    out.push(x);
                }
            }
        }
        ExprKind::List(items, tail) => {
            out.extend(items.iter());
            out.extend(tail.iter().map(|b| &**b));
        }
        ExprKind::Tuple(items) | ExprKind::Block(items) | ExprKind::Bitstring(items) => {
            out.extend(items.iter())
        }
        ExprKind::Map { update, pairs } => {
            out.extend(update.iter().map(|b| &**b));
            for (k, v) in pairs {
                out.push(k);
                out.push(v);
            }
        }
        ExprKind::Struct {
            name,
            update,
            pairs,
        } => {
            out.push(name);
            out.extend(update.iter().map(|b| &**b));
            for (k, v) in pairs {
                out.push(k);
                out.push(v);
            }
        }
        ExprKind::Unary(_, x) | ExprKind::Capture(x) => out.push(x),
        ExprKind::AliasOf(x, _) => out.push(x),
        ExprKind::Binary(_, a, b) | ExprKind::Access(a, b) => {
            out.push(a);
            out.push(b);
        }
        ExprKind::Call(c) => {
            match &c.target {
                CallTarget::Remote(m, _) => out.push(m),
                CallTarget::Anon(f) | CallTarget::Dynamic(f) => out.push(f),
                CallTarget::Local(_) => {}
            }
            out.extend(c.args.iter());
            if let Some(db) = &c.do_block {
                for (_, _, b) in &db.sections {
                    body_children(b, out);
                }
            }
        }
        ExprKind::Fn(cl) | ExprKind::StabParens(cl) => {
            for c in cl {
                out.extend(c.args.iter());
                out.extend(c.guard.iter());
                out.push(&c.body);
            }
        }
        ExprKind::Attr(_, v) => out.extend(v.iter().map(|b| &**b)),
        _ => {}
    }
}

pub(crate) fn for_each_child_mut(e: &mut Expr, f: &mut dyn FnMut(&mut Expr)) {
    let body_mut = |b: &mut Body, f: &mut dyn FnMut(&mut Expr)| match b {
        Body::Exprs(e) => f(e),
        Body::Clauses(cl) => {
            for c in cl {
                c.args.iter_mut().for_each(&mut *f);
                if let Some(g) = &mut c.guard {
                    f(g);
                }
                f(&mut c.body);
            }
        }
    };
    match &mut e.kind {
        ExprKind::Interp(parts) | ExprKind::Charlist(parts) | ExprKind::Sigil(_, parts, _, _) => {
            for p in parts {
                if let InterpPart::Expr(x) = p {
                    f(x);
                }
            }
        }
        ExprKind::List(items, tail) => {
            items.iter_mut().for_each(&mut *f);
            if let Some(t) = tail {
                f(t);
            }
        }
        ExprKind::Tuple(items) | ExprKind::Block(items) | ExprKind::Bitstring(items) => {
            items.iter_mut().for_each(f)
        }
        ExprKind::Map { update, pairs } => {
            if let Some(u) = update {
                f(u);
            }
            for (k, v) in pairs {
                f(k);
                f(v);
            }
        }
        ExprKind::Struct {
            name,
            update,
            pairs,
        } => {
            f(name);
            if let Some(u) = update {
                f(u);
            }
            for (k, v) in pairs {
                f(k);
                f(v);
            }
        }
        ExprKind::Unary(_, x) | ExprKind::Capture(x) | ExprKind::AliasOf(x, _) => f(x),
        ExprKind::Binary(_, a, b) | ExprKind::Access(a, b) => {
            f(a);
            f(b);
        }
        ExprKind::Call(c) => {
            match &mut c.target {
                CallTarget::Remote(m, _) => f(m),
                CallTarget::Anon(x) | CallTarget::Dynamic(x) => f(x),
                CallTarget::Local(_) => {}
            }
            c.args.iter_mut().for_each(&mut *f);
            if let Some(db) = &mut c.do_block {
                for (_, _, b) in &mut db.sections {
                    body_mut(b, f);
                }
            }
        }
        ExprKind::Fn(cl) | ExprKind::StabParens(cl) => {
            for c in cl {
                c.args.iter_mut().for_each(&mut *f);
                if let Some(g) = &mut c.guard {
                    f(g);
                }
                f(&mut c.body);
            }
        }
        ExprKind::Attr(_, Some(v)) => f(v),
        _ => {}
    }
}

/// Every variable name mentioned anywhere in `e` (for closure capture).
pub fn mentioned_vars(e: &Expr, out: &mut rustc_hash::FxHashSet<String>) {
    walk(e, &mut |x| {
        if let ExprKind::Var(n) = &x.kind {
            out.insert(n.clone());
        }
        true
    });
}
