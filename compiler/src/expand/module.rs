//! The module-building macros: `defmodule`, `def`/`defp`/`defmacro`/
//! `defmacrop`, `@`, `defstruct`, `defexception`, `defdelegate`,
//! `defguard`, `defoverridable`.
//!
//! A module body runs (see `crate::runtime`): `defmodule` expands to a call
//! that compiles the body when the program reaches it, and in the body a
//! `def` expands to a call that stores the definition when the body runs,
//! with its `unquote` fragments filled in by the body's values. The stored
//! definition is expanded then ([`Expander::expand_definition`]), with the
//! lexical environment of the `def` and the module's attributes as they
//! are at that moment (so `@x` in a function body is the value `@x` had
//! where the function was defined).

use super::{Context, EResult, Env, Expander, VarId};
use crate::quoted::{self as q, as_atom, as_call, as_keyword, as_list, as_node, keyword_get};
use beamlet_vm::value::Value;
use std::borrow::Cow;

/// The built-in functions module bodies call (the compiler's runtime).
pub const RUNTIME: &str = "beamlet_compiler";

/// Attributes whose value is a typespec: kept as quoted code.
const TYPESPECS: &[&str] = &[
    "spec",
    "type",
    "typep",
    "opaque",
    "callback",
    "macrocallback",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DefKind {
    Def,
    Defp,
    Defmacro,
    Defmacrop,
}

impl DefKind {
    pub fn parse(s: &str) -> Option<DefKind> {
        Some(match s {
            "def" => DefKind::Def,
            "defp" => DefKind::Defp,
            "defmacro" => DefKind::Defmacro,
            "defmacrop" => DefKind::Defmacrop,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            DefKind::Def => "def",
            DefKind::Defp => "defp",
            DefKind::Defmacro => "defmacro",
            DefKind::Defmacrop => "defmacrop",
        }
    }
    pub fn is_macro(self) -> bool {
        matches!(self, DefKind::Defmacro | DefKind::Defmacrop)
    }
    pub fn is_public(self) -> bool {
        matches!(self, DefKind::Def | DefKind::Defmacro)
    }
}

/// One expanded clause of a function.
#[derive(Clone, Debug)]
pub struct DefClause {
    pub line: u32,
    /// Patterns (expanded), one per parameter.
    pub args: Vec<Value>,
    pub guard: Option<Value>,
    pub body: Value,
    /// The body calls `super` (so it must be rewritten when lowered; most
    /// bodies are lowered as they are, without a walk to look).
    pub has_super: bool,
}

/// A definition as a module body stores it, expanded.
#[derive(Clone, Debug)]
pub struct Definition {
    pub kind: DefKind,
    /// The function's name in the code (`MACRO-name` for a macro).
    pub name: String,
    /// Its arity in the code (a macro's counts the caller's env).
    pub arity: usize,
    /// The name and arity as written.
    pub user_name: String,
    pub user_arity: usize,
    pub line: u32,
    /// `None` for a head without a body (`def f(a, b \\ 1)`).
    pub clause: Option<DefClause>,
    /// Default arguments: position (in the code's arity) → expanded expression.
    pub defaults: Vec<(usize, Value)>,
}

fn runtime_call(name: &str, line: u32, args: Vec<Value>) -> Value {
    q::remote(q::atom(RUNTIME), name, q::line_meta(line), args)
}

impl Expander<'_> {
    fn module_body_only(&self, what: &str, line: u32, env: &Env) -> EResult<String> {
        let place = match (&env.module, &env.function) {
            (Some(m), None) => return Ok(m.clone()),
            (None, _) => "outside module",
            (Some(_), Some(_)) => "inside function/macro",
        };
        {
            // As Kernel's macro raises it while it expands.
            {
                let (name, arity) = what.split_once('/').unwrap_or((what, "0"));
                match self.argument_error(format!("cannot invoke {what} {place}")) {
                    super::Error::Raised(r) => {
                        Err(super::Error::Raised(super::dispatch::expanding_macro(
                            r,
                            "Elixir.Kernel",
                            name,
                            arity.parse().unwrap_or(0),
                            if line > 0 { line } else { env.line },
                            env,
                        )))
                    }
                    other => Err(other),
                }
            }
        }
    }

    // ---- defmodule ----

    /// `defmodule name, body`; an owned `body` is kept by the host as it is
    /// (see [`Host::save_body`]).
    pub fn expand_defmodule(
        &mut self,
        meta: &Value,
        name: &Value,
        body: Cow<'_, Value>,
        env: &mut Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        if env.context != Context::Expr {
            return Err(self.error(
                line,
                env,
                "invalid defmodule: it can only be used as an expression",
            ));
        }
        let body = match body {
            Cow::Borrowed(b) => keyword_get(b, "do").map(Cow::Borrowed),
            Cow::Owned(b) => q::keyword_take(b, "do").map(Cow::Owned),
        };
        let Some(body) = body else {
            return Err(self.error_hint(
                line,
                env,
                "missing :do option in \"defmodule\"",
                "write defmodule Name do ... end",
            ));
        };
        // A nested alias joins the enclosing module's name, which then
        // aliases its first part.
        let parent_module = env.module.clone();
        let full = match (as_call(name), &parent_module) {
            // (Even when a quote resolved the alias where it was written:
            // the name nests in the module being defined, as in Elixir.)
            (Some(("__aliases__", am, segs)), Some(parent))
                if matches!(segs.first(), Some(Value::Atom(h)) if h != "Elixir" || segs.len() == 1)
                    && segs.iter().all(|s| as_atom(s).is_some()) =>
            {
                let parts: Vec<&str> = segs.iter().filter_map(as_atom).collect();
                let first = format!("{parent}.{}", parts[0]);
                let short = format!("Elixir.{}", parts[0]);
                if parts[0] != "Elixir" {
                    env.set_alias(&short, &first);
                }
                // Written by a macro: its own later aliases (`%First{}` in
                // the same quote) see it too.
                if keyword_get(am, "alias").is_some() {
                    let counter = match keyword_get(am, "counter") {
                        Some(Value::Int(c)) => *c,
                        _ => 0,
                    };
                    let ma = std::sync::Arc::make_mut(&mut env.macro_aliases);
                    ma.retain(|(_, (n, _))| *n != short);
                    ma.insert(0, (counter, (short, first.clone())));
                }
                let mut full = parent.clone();
                for p in parts {
                    full.push('.');
                    full.push_str(p);
                }
                full
            }
            _ => match self.expand(name, env)? {
                // Elixir refuses the special atoms and names with path
                // separators in them when the defmodule runs
                // (:elixir_module.compile/4, like a name computed at run time).
                Value::Atom(a)
                    if !(matches!(a.as_str(), "nil" | "true" | "false")
                        || a.contains('/')
                        || a.contains('\\')) =>
                {
                    a.to_string()
                }
                // A name computed at run time (`defmodule Module.concat(A, B)`):
                // the body is expanded once the name is known.
                // (Anything else is refused when run, as Elixir does.)
                other => {
                    let body = self.saved_body(body);
                    return Ok(compile_call(line, other, None, &body, env));
                }
            },
        };
        std::sync::Arc::make_mut(&mut env.context_modules).push(full.clone());
        let body = self.saved_body(body);
        Ok(compile_call(line, q::atom(&full), Some(full), &body, env))
    }

    // ---- def & co ----

    pub fn expand_def(
        &mut self,
        kind: &str,
        meta: &Value,
        args: &[Value],
        env: &mut Env,
    ) -> EResult<Value> {
        self.expand_def_args(kind, meta, Cow::Borrowed(args), env)
    }

    /// [`Expander::expand_def`] with its arguments borrowed or owned (then
    /// the definition kept is made of them in place, not copied).
    pub fn expand_def_args(
        &mut self,
        kind: &str,
        meta: &Value,
        args: Cow<'_, [Value]>,
        env: &mut Env,
    ) -> EResult<Value> {
        // A `def` from `quote location: :keep` code has the macro's line in
        // another file: the definition is where the macro was called.
        let line = match (q::keyword_get(meta, "line"), q::keyword_get(meta, "keep")) {
            (None, Some(_)) if env.line > 0 => env.line,
            _ => q::meta_line(meta),
        };
        let arity = args.len();
        let module = self.module_body_only(&format!("{kind}/{arity}"), line, env)?;
        // Set on a `def` from a quote (the quoting module): `@impl`
        // checks look at it.
        let context = q::keyword_get(meta, "context").and_then(as_atom);
        // The definition is the list of `args`; its template is made from
        // them directly (a list's template is its items'), so a test's body
        // is copied once, not copied and then templated.
        let has_unquote = args.iter().any(super::quote::has_unquote);
        let mut frags = Vec::new();
        let mut args = args;
        let template = if !has_unquote {
            None
        } else if matches!(args, Cow::Owned(_)) && args.iter().all(super::quote::templatable) {
            let mut owned = std::mem::replace(&mut args, Cow::Borrowed(&[])).into_owned();
            for a in owned.iter_mut() {
                super::quote::make_template(a, &mut frags);
            }
            Some(q::list(owned))
        } else {
            args.iter()
                .map(|a| super::quote::fragment_template(a, &mut frags))
                .collect::<Option<Vec<_>>>()
                .map(q::list)
        };
        let (def, index) = if let Some(template) = template {
            // Kept by the host; the body passes the fragments' values.
            let index = self.host.save_env(&module, env, Some(template), context);
            let code = q::tuple(vec![q::atom(super::quote::FRAGMENTS), q::list(frags)]);
            (self.expand(&code, &mut env.clone())?, index)
        } else if has_unquote {
            let index = self.host.save_env(&module, env, None, context);
            let (def, _) = self.escape_fragments(&q::list(args.to_vec()), env)?;
            // The fragments are code of the module body: expanded as such.
            (self.expand(&def, &mut env.clone())?, index)
        } else {
            let def = q::list(args.into_owned());
            (
                q::nil(),
                self.host.save_env(&module, env, Some(def), context),
            )
        };
        let args = vec![
            q::atom(&module),
            q::atom(kind),
            q::int(index as i64),
            def,
            q::int(line as i64),
        ];
        if self.on_definition {
            // The hooks run in the body's process (see `on_definition`).
            let driver = q::atom("elixir_module");
            return Ok(q::remote(driver, "define", q::line_meta(line), args));
        }
        Ok(runtime_call("define", line, args))
    }

    /// A stored definition `[head]` or `[head, [do: body, ...]]` of `kind`,
    /// expanded in the `env` of its `def`.
    pub fn expand_definition(
        &mut self,
        kind: DefKind,
        mut def: Value,
        env: &Env,
        line: u32,
    ) -> EResult<Definition> {
        // The body (owned, expanded in place) is taken out of `def`.
        let mut do_owned = None;
        if let Value::List(parts, None) = &mut def {
            if let [_, Value::List(kw, None)] = parts.as_mut_slice() {
                if let [Value::Tuple(kv)] = kw.as_mut_slice() {
                    if kv.len() == 2 && as_atom(&kv[0]) == Some("do") {
                        do_owned = Some(std::mem::replace(&mut kv[1], q::nil()));
                    }
                }
            }
        }
        let def = &def;
        let mut env = env.clone();
        if line > 0 {
            env.line = line;
        }
        let parts = as_list(def).unwrap_or(&[]);
        let (head, body) = match parts {
            [h] => (h, None),
            [h, b] => (h, Some(b)),
            _ => {
                return Err(self.error(
                    line,
                    &env,
                    format!("invalid arguments for {}", kind.name()),
                ))
            }
        };
        let (call, guard) = match as_call(head) {
            Some(("when", _, [c, g])) => (c, Some(g)),
            Some(("when", _, [c, rest @ ..])) if !rest.is_empty() => {
                // Several guards: `when a when b`.
                (c, rest.last())
            }
            _ => (head, None),
        };
        let (name, params): (String, Vec<Value>) = match as_node(call) {
            Some((Value::Atom(n), _, Value::List(a, None))) => (n.to_string(), a.clone()),
            Some((Value::Atom(n), _, Value::Atom(_))) => (n.to_string(), vec![]),
            _ => {
                return Err(self.error_hint(
                    line,
                    &env,
                    format!(
                        "invalid syntax in {} {}",
                        kind.name(),
                        self.code_string(call)
                    ),
                    format!("write {} name(args) do ... end", kind.name()),
                ))
            }
        };
        if let Some(("__aliases__", _, _)) = as_call(call) {
            return Err(self.error(
                line,
                &env,
                format!(
                    "function names should start with lowercase characters or underscore, invalid name {}",
                    beamlet_vm::macro_string::to_string(call)
                ),
            ));
        }
        if let Some(("unquote", _, _)) = as_call(call) {
            return Err(self.error(
                line,
                &env,
                "unquote in a definition's name can only be used in a module body",
            ));
        }
        let user_arity = params.len();
        let (code_name, mut pats) = if kind.is_macro() {
            (format!("MACRO-{name}"), vec![super::caller_var()])
        } else {
            (name.clone(), vec![])
        };
        let offset = pats.len();
        let arity = user_arity + offset;
        env.function = Some((code_name.clone(), arity));
        env.in_macro = kind.is_macro();
        env.vars = Default::default();
        if kind.is_macro() {
            env.bind(VarId::of("__CALLER__", &q::list(vec![]), "beamlet"));
        }
        if body.is_none() {
            // A head without a body: variables and defaults only, no guard.
            if guard.is_some() {
                return Err(self.error(
                    line,
                    &env,
                    format!("missing :do option in \"{}\"", kind.name()),
                ));
            }
            let plain = |p: &Value| match as_call(p) {
                Some(("\\\\", _, [pat, _])) => is_var(pat),
                _ => is_var(p),
            };
            if !params.iter().all(plain) {
                return Err(self.error(line, &env, BAD_HEAD));
            }
        }
        let mut defaults = Vec::new();
        let denv = env.clone();
        for (i, p) in params.iter().enumerate() {
            let p = match as_call(p) {
                Some(("\\\\", _, [pat, dflt])) => {
                    let mut de = denv.clone();
                    defaults.push((i + offset, self.expand(dflt, &mut de)?));
                    pat
                }
                _ => p,
            };
            pats.push(self.expand_pattern(p, &mut env)?);
        }
        let guard = match guard {
            Some(g) => Some(self.expand_guard(g, &mut env)?),
            None => None,
        };
        let clause = match body {
            None => None,
            Some(b) => {
                let Some(kw) = as_keyword(b) else {
                    return Err(self.error(
                        line,
                        &env,
                        format!("missing :do option in \"{}\"", kind.name()),
                    ));
                };
                let Some((_, do_body)) = kw.iter().find(|(k, _)| *k == "do") else {
                    return Err(self.error(
                        line,
                        &env,
                        format!("missing :do option in \"{}\"", kind.name()),
                    ));
                };
                // `def f do ... rescue ... end` is a try around the body;
                // its clauses must be clauses (Elixir names the `def`).
                for (k, v) in &kw {
                    let clauses = matches!(*k, "rescue" | "catch" | "else");
                    let arrows = as_list(v).is_some_and(|cs| {
                        cs.iter().all(|c| matches!(as_call(c), Some(("->", _, _))))
                    });
                    if clauses && !arrows {
                        return Err(self.error(
                            line,
                            &env,
                            format!("expected -> clauses for :{k} in \"{}\"", kind.name()),
                        ));
                    }
                }
                // (A body of `do` alone is expanded where it is, not copied.)
                let implicit_try = kw.iter().any(|(k, _)| *k != "do").then(|| {
                    let opts = q::list(
                        kw.iter()
                            .map(|(k, v)| q::pair(q::atom(k), (*v).clone()))
                            .collect(),
                    );
                    q::call("try", q::line_meta(line), vec![opts])
                });
                let supers = self.supers;
                let body = match (implicit_try, do_owned) {
                    (Some(t), _) => self.expand(&t, &mut env)?,
                    (None, Some(b)) => self.expand_owned(b, &mut env)?,
                    (None, None) => self.expand(do_body, &mut env)?,
                };
                Some(DefClause {
                    line,
                    args: pats.clone(),
                    guard,
                    body,
                    has_super: self.supers != supers,
                })
            }
        };
        Ok(Definition {
            kind,
            name: code_name,
            arity,
            user_name: name,
            user_arity,
            line,
            clause,
            defaults,
        })
    }

    // ---- @attributes ----

    pub fn expand_attribute(
        &mut self,
        meta: &Value,
        attr: &Value,
        env: &mut Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        if matches!(as_node(attr), Some((Value::Atom(n), _, _)) if n == "__aliases__") {
            return Err(self.argument_error(
                "module attributes set via @ cannot start with an uppercase letter",
            ));
        }
        let Some((Value::Atom(name), _, rest)) = as_node(attr) else {
            return Err(self.error(
                line,
                env,
                format!(
                    "invalid usage of module attributes, expected @name or @name value, got: @{}",
                    self.show(attr)
                ),
            ));
        };
        let name = *name;
        let Some(module) = env.module.clone() else {
            return Err(self.error(line, env, format!("cannot invoke @{name}/1 outside module")));
        };
        // `@foo = value` in a module body: a read in a pattern, which is
        // what writing an attribute with `=` amounts to.
        if env.context == Context::Match && env.function.is_none() {
            return Err(self.argument_error(format!(
                "invalid write attribute syntax. If you want to define an attribute, don't do this:\n\n    @{name} = :value\n\nInstead, do this:\n\n    @{name} :value\n"
            )));
        }
        match rest {
            Value::List(args, None) if args.len() == 1 => {
                if env.function.is_some() {
                    return Err(self.error(
                        line,
                        env,
                        format!("cannot set attribute @{name} inside function/macro"),
                    ));
                }
                if name == "on_definition" {
                    self.on_definition = true;
                }
                let value = if TYPESPECS.contains(&name.as_str()) {
                    q::escape(&args[0])
                } else {
                    self.expand(&args[0], env)?
                };
                // An attribute a macro sets (its `@` came from a quote) is
                // never reported unused: it gets no line, as in Elixir.
                let attr_line = if keyword_get(meta, "context").is_some() {
                    0
                } else {
                    line
                };
                Ok(runtime_call(
                    "put_attribute",
                    line,
                    vec![
                        q::atom(&module),
                        q::atom(&name),
                        value,
                        q::int(attr_line as i64),
                    ],
                ))
            }
            // `@foo quote do ... end`: the do-block went to the attribute.
            Value::List(args, None) if args.len() == 2 && keyword_get(&args[1], "do").is_some() => {
                let wrapped = match as_node(&args[0]) {
                    Some((n, m, Value::List(a, None))) => {
                        let mut a = a.clone();
                        a.push(args[1].clone());
                        q::tuple(vec![n.clone(), m.clone(), q::list(a)])
                    }
                    Some((n, m, Value::Atom(_))) => {
                        q::tuple(vec![n.clone(), m.clone(), q::list(vec![args[1].clone()])])
                    }
                    _ => args[0].clone(),
                };
                let code = format!("@{name} ({})", self.code_string(&wrapped));
                let example: Vec<String> = code.lines().map(|l| format!("    {l}")).collect();
                Err(self.argument_error(format!(
                    "expected 0 or 1 argument for @{name}, got 2.\n\nIt seems you are trying to use the do-syntax with @module attributes but the do-block is binding to the attribute name. You probably want to wrap the argument value in parentheses, like this:\n\n{}\n",
                    example.join("\n")
                )))
            }
            Value::List(args, None) if !args.is_empty() => Err(self.error(
                line,
                env,
                format!("expected 0 or 1 argument for @{name}, got {}", args.len()),
            )),
            _ => {
                if env.function.is_some() {
                    // In a function: the value the attribute has now.
                    match self.host.attribute(&module, &name) {
                        Some(v) => Ok(q::escape(&v)),
                        None => {
                            self.warn_hint(
                                line,
                                env,
                                format!("undefined module attribute @{name}, please remove access to @{name} or explicitly set it before access"),
                                format!("set it in the module body before this use: `@{name} value`"),
                            );
                            Ok(q::nil())
                        }
                    }
                } else {
                    Ok(runtime_call(
                        "get_attribute",
                        line,
                        vec![q::atom(&module), q::atom(&name), q::int(line as i64)],
                    ))
                }
            }
        }
    }

    // ---- defstruct, defexception ----

    pub(super) fn expand_defstruct(
        &mut self,
        meta: &Value,
        fields: &Value,
        env: &mut Env,
        exception: bool,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        let what = if exception {
            "defexception/1"
        } else {
            "defstruct/1"
        };
        let module = self.module_body_only(what, line, env)?;
        let fields = self.expand(fields, env)?;
        // The runtime side also implements the `@derive`d protocols.
        Ok(runtime_call(
            if exception {
                "defexception"
            } else {
                "defstruct"
            },
            line,
            vec![q::atom(&module), fields, q::int(line as i64)],
        ))
    }

    // ---- defdelegate ----

    pub(super) fn expand_defdelegate(
        &mut self,
        meta: &Value,
        head: &Value,
        opts: &Value,
        env: &mut Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        self.module_body_only("defdelegate/2", line, env)?;
        // `defdelegate [f(a), g(b)], to: M`: one delegation each. Its value
        // is the list of their `{name, arity}`, as Elixir's.
        let heads = match as_list(head) {
            Some(heads) => heads.to_vec(),
            None => vec![head.clone()],
        };
        let mut out = Vec::with_capacity(heads.len());
        for h in &heads {
            out.push(self.expand_one_delegate(meta, h, opts, env)?);
        }
        Ok(q::list(out))
    }

    fn expand_one_delegate(
        &mut self,
        meta: &Value,
        head: &Value,
        opts: &Value,
        env: &mut Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        let Some(to) = keyword_get(opts, "to") else {
            return Err(self.error(
                line,
                env,
                "defdelegate expects a :to option with the module to delegate to",
            ));
        };
        // The name is an atom, or an unquote fragment (`defdelegate
        // unquote(name)(a), to: M`) the def expands.
        if let Some(("when", _, [_, guard])) = as_call(head) {
            return Err(self.argument_error(format!(
                "guards are not allowed in defdelegate/2, got: when {}",
                self.code_string(guard)
            )));
        }
        // Delegating to the module itself under the same name would call
        // itself forever.
        let to_self = match to {
            Value::Atom(a) => env.module.as_deref() == Some(a.as_str()),
            _ => matches!(as_node(to), Some((Value::Atom(n), _, _)) if n == "__MODULE__"),
        };
        if keyword_get(opts, "as").is_none() && to_self {
            return Err(self.argument_error(
                "defdelegate function is calling itself, which will lead to an infinite loop. You should either change the value of the :to option or specify the :as option",
            ));
        }
        let fragment = |n: &Value| matches!(as_call(n), Some(("unquote", _, [_])));
        let (name, args, hmeta) = match as_node(head) {
            Some((n @ Value::Atom(_), m, Value::List(a, None))) => {
                (n.clone(), a.clone(), m.clone())
            }
            Some((n @ Value::Atom(_), m, Value::Atom(_))) => (n.clone(), vec![], m.clone()),
            Some((n, m, Value::List(a, None))) if fragment(n) => (n.clone(), a.clone(), m.clone()),
            _ => {
                return Err(self.error(
                    line,
                    env,
                    format!("invalid syntax in defdelegate {}", self.show(head)),
                ))
            }
        };
        let target = match keyword_get(opts, "as") {
            Some(a @ Value::Atom(_)) => a.clone(),
            _ => name.clone(),
        };
        let mut call_args = Vec::new();
        for a in args.iter() {
            let v = match as_call(a) {
                Some(("\\\\", _, [v, _])) => v.clone(),
                _ => a.clone(),
            };
            match as_node(&v) {
                Some((Value::Atom(_), _, Value::Atom(_))) => call_args.push(v),
                _ => {
                    return Err(self.argument_error(format!(
                        "defdelegate/2 only accepts function parameters, got: {}",
                        self.code_string(&v)
                    )))
                }
            }
        }
        let call = q::tuple(vec![
            q::tuple(vec![
                q::atom("."),
                hmeta.clone(),
                q::list(vec![to.clone(), target]),
            ]),
            hmeta.clone(),
            q::list(call_args),
        ]);
        let def_head = q::tuple(vec![name, hmeta, q::list(args)]);
        let def = q::call(
            "def",
            meta.clone(),
            vec![def_head, q::keyword(vec![("do", call)])],
        );
        self.expand(&def, env)
    }

    // ---- defguard ----

    pub(super) fn expand_defguard(
        &mut self,
        kind: &str,
        meta: &Value,
        g: &Value,
        env: &mut Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        self.module_body_only(&format!("{kind}/1"), line, env)?;
        // (Elixir's `defguard` is a macro: bad syntax raises ArgumentError.)
        let (head, guard) = match as_call(g) {
            Some(("when", _, [head, guard])) if !matches!(as_call(guard), Some(("when", _, _))) => {
                (head, guard)
            }
            Some(("when", _, [head, ..])) => {
                return Err(self.argument_error(format!(
                    "invalid syntax in defguard {}, only a single when clause is allowed",
                    self.code_string(head)
                )))
            }
            // `defguard foo(bar)`: a guard with no body.
            Some((name, _, args)) if !matches!(name, "__aliases__" | "{}" | "%{}" | "<<>>") => {
                return Err(self.error(
                    line,
                    env,
                    format!(
                        "implementation not provided for predefined defmacro {}/{}",
                        name,
                        args.len()
                    ),
                ));
            }
            _ => {
                return Err(self.argument_error(format!(
                    "invalid syntax in defguard {}",
                    self.code_string(g)
                )))
            }
        };
        let Some((Value::Atom(name), hmeta, Value::List(params, None))) = as_node(head) else {
            return Err(self.argument_error(format!(
                "invalid syntax in defguard {}",
                self.code_string(head)
            )));
        };
        // `defguard g(a, b \\ 2)`: the defaults go on the macro's head.
        let with_defaults = params.clone();
        let params: Vec<Value> = params
            .iter()
            .map(|p| match as_call(p) {
                Some(("\\\\", _, [v, _])) => v.clone(),
                _ => p.clone(),
            })
            .collect();
        let params = &params;
        let mut names = Vec::new();
        for p in params {
            match as_node(p) {
                Some((Value::Atom(n), _, Value::Atom(_))) => names.push(q::atom(n)),
                _ => {
                    return Err(self.argument_error(format!(
                        "invalid syntax in defguard {}",
                        self.code_string(head)
                    )))
                }
            }
        }

        // defmacro name(args) do
        //   :beamlet_compiler.defguard_expand(guard, names, [args], __CALLER__)
        // end
        // where the guard is expanded (and so checked) with the macro, in the
        // defining module: the module's own macros and guards it calls are
        // expanded there, not where the guard is used.
        let body = runtime_call(
            "defguard_expand",
            line,
            vec![
                runtime_call(
                    GUARD_FORM,
                    line,
                    vec![guard.clone(), q::list(params.clone())],
                ),
                q::list(names),
                q::list(params.clone()),
                q::var("__CALLER__", q::list(vec![]), q::nil()),
            ],
        );
        let macro_kind = if kind == "defguard" {
            "defmacro"
        } else {
            "defmacrop"
        };
        let def = q::call(
            macro_kind,
            meta.clone(),
            vec![
                q::tuple(vec![q::atom(name), hmeta.clone(), q::list(with_defaults)]),
                q::keyword(vec![("do", body)]),
            ],
        );
        self.expand(&def, env)
    }

    /// The guard of a `defguard` (see [`GUARD_FORM`]) expanded with its
    /// parameters bound, escaped.
    pub(super) fn expand_guard_form(
        &mut self,
        guard: &Value,
        params: &Value,
        env: &mut Env,
    ) -> EResult<Value> {
        let mut genv = env.clone();
        for p in as_list(params).unwrap_or(&[]) {
            self.expand_pattern(p, &mut genv)?;
        }
        self.defguard_check = true;
        let expanded = self.expand_guard(guard, &mut genv);
        self.defguard_check = false;
        Ok(q::escape(&expanded?))
    }

    // ---- defoverridable ----

    pub(super) fn expand_defoverridable(
        &mut self,
        meta: &Value,
        what: &Value,
        env: &mut Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        let module = self.module_body_only("defoverridable/1", line, env)?;
        let what = self.expand(what, env)?;
        Ok(runtime_call(
            "defoverridable",
            line,
            vec![q::atom(&module), what, q::int(line as i64)],
        ))
    }
}

/// `:beamlet_compiler.__guard__(guard, params)` in a `defguard`'s macro:
/// the guard, expanded where the macro is, as data.
pub(super) const GUARD_FORM: &str = "__guard__";

/// `:elixir_module.compile(name, body, binding, env)`: what a `defmodule`
/// becomes. The body is expanded when it runs, under the name `name`
/// evaluates to (`module` when known now; `Module.concat(A, B)` too),
/// seeing the user's variables in scope here: `binding` passes their
/// values, `[name: name, ...]`.
impl Expander<'_> {
    /// What stands for a module body in the code that runs `defmodule`:
    /// `{:"$beamlet_saved", index}` when the host keeps it (no literal to
    /// build and read back), else the body escaped.
    fn saved_body(&mut self, body: Cow<'_, Value>) -> Value {
        match self.host.save_body(body) {
            Ok(i) => q::tuple(vec![q::atom(SAVED_BODY), q::int(i as i64)]),
            Err(body) => q::escape(&body),
        }
    }
}

/// The tag of a module body kept by the host (see `Expander::saved_body`).
pub const SAVED_BODY: &str = "$beamlet_saved";

/// `body` is the module body as the code passes it (escaped or saved).
fn compile_call(line: u32, name: Value, module: Option<String>, body: &Value, env: &Env) -> Value {
    let mut names: Vec<&VarId> = env
        .vars
        .keys()
        .filter(|v| v.ctx == super::VarCtx::Nil)
        .collect();
    names.sort_by_key(|a| a.name);
    let binding = q::list(
        names
            .iter()
            .map(|v| q::pair(q::atom(&v.name), q::var(&v.name, q::list(vec![]), q::nil())))
            .collect(),
    );
    let mut body_env = env.clone();
    // (`module_open` sets the name once known.)
    body_env.module = module;
    body_env.function = None;
    body_env.line = line;
    body_env.context = Context::Expr;
    body_env.in_macro = false;
    body_env.vars = super::Vars::from_map(names.into_iter().map(|v| (*v, env.vars[v])).collect());
    q::remote(
        q::atom("elixir_module"),
        "compile",
        q::line_meta(line),
        vec![name, body.clone(), binding, q::escape(&body_env.to_value())],
    )
}

/// Elixir's message for a function head with patterns in it (`def` even for
/// the other kinds, as Elixir words it).
const BAD_HEAD: &str = "only variables and \\\\ are allowed as arguments in function head.

If you did not intend to define a function head, make sure your function definition has the proper syntax by wrapping the arguments in parentheses and using the do instruction accordingly:

    def add(a, b), do: a + b

    def add(a, b) do
      a + b
    end
";

/// Whether quoted code is a variable (`{name, meta, context}`).
fn is_var(v: &Value) -> bool {
    matches!(as_node(v), Some((Value::Atom(_), _, Value::Atom(_))))
}

/// Whether quoted code is a literal value (atoms, numbers, strings, and
/// lists and tuples of them): the same value wherever it is evaluated.
pub fn literal_value(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Atom(_) | Value::Binary(_) => {
            true
        }
        Value::List(items, None) => items.iter().all(literal_value),
        Value::Tuple(t) if t.len() == 2 => t.iter().all(literal_value),
        _ => false,
    }
}
