//! Calls: which function or macro a name means (Elixir's `elixir_dispatch`),
//! running macros, and aliases.
//!
//! A local call `f(args)` is, in order: a special form; what the quote that
//! wrote it imported (`imports:` meta); an import of the environment (a
//! macro runs, a function becomes a remote call); inside a function body, a
//! macro the module defined above; inside a function body, a call of the
//! module's own function. A remote call `M.f(args)` runs a macro when `M`
//! is required and exports the macro `f/n`.

use super::kernel::{self, KERNEL};
use super::{caller_var, Context, EResult, Env, Error, Expander, MAX_DEPTH};
use crate::quoted::{self as q, as_atom, as_list, keyword_get};
use beamlet_vm::static_atom;
use beamlet_vm::value::Value;
use std::borrow::Cow;

/// What a local name means.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolved {
    /// A macro of `module` (Kernel's are handled natively).
    Macro(String),
    /// A function imported from `module`.
    Function(String),
    /// A macro the module being defined has defined above.
    LocalMacro,
    /// The module's own function (checked when the module is complete).
    Local,
    /// Nothing by that name.
    Unknown,
}

/// The modules of `imports` (`Env::functions` or `Env::macros`) that
/// import `name/arity`, in the list's order. Looked up in an index of the
/// list, kept for the last few lists seen (a scan of every imported name,
/// Kernel's hundreds included, for each call was 2% of compiling a
/// 300-test file): an environment's lists are shared until an `import`
/// changes them, and each index holds its list, so its address is not
/// reused while it is kept.
fn importers<'i>(imports: &'i super::env::Imports, name: &str, arity: usize) -> Vec<&'i String> {
    type Index = rustc_hash::FxHashMap<String, Vec<(usize, usize)>>;
    thread_local! {
        static INDEXES: std::cell::RefCell<Vec<(super::env::Imports, Index)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    // Short lists are scanned.
    if imports.iter().map(|(_, l)| l.len()).sum::<usize>() < 32 {
        return imports
            .iter()
            .filter(|(_, l)| l.iter().any(|(n, a)| *a == arity && n == name))
            .map(|(m, _)| m)
            .collect();
    }
    let found = INDEXES.with(|x| {
        let mut x = x.borrow_mut();
        let at = match x
            .iter()
            .position(|(l, _)| std::sync::Arc::ptr_eq(l, imports))
        {
            Some(i) => i,
            None => {
                let mut index = Index::default();
                for (m, (_, l)) in imports.iter().enumerate() {
                    for (n, a) in l {
                        let e = index.entry(n.clone()).or_default();
                        if !e.contains(&(*a, m)) {
                            e.push((*a, m));
                        }
                    }
                }
                if x.len() >= 4 {
                    x.pop();
                }
                x.insert(0, (imports.clone(), index));
                0
            }
        };
        let mods: Vec<usize> = match x[at].1.get(name) {
            Some(e) => e
                .iter()
                .filter(|(a, _)| *a == arity)
                .map(|(_, m)| *m)
                .collect(),
            None => Vec::new(),
        };
        mods
    });
    found.into_iter().map(|m| &imports[m].0).collect()
}

impl Expander<'_> {
    /// What `name/arity` means at this point of `env`.
    pub fn resolve(
        &mut self,
        name: &str,
        arity: usize,
        meta: &Value,
        env: &Env,
    ) -> EResult<Resolved> {
        // A quote remembers what it imported where it was written.
        if let Some(imports) = keyword_get(meta, "imports").and_then(as_list) {
            for i in imports {
                if let Value::Tuple(t) = i {
                    if let (Some(Value::Int(a)), Some(Value::Atom(m))) = (t.first(), t.get(1)) {
                        if *a as usize == arity {
                            if m == KERNEL {
                                if kernel::is_kernel_macro(name, arity) {
                                    return Ok(Resolved::Macro(m.to_string()));
                                }
                                return Ok(Resolved::Function(m.to_string()));
                            }
                            let is_macro = self.host.has_macro(m, name, arity);
                            return Ok(if is_macro {
                                Resolved::Macro(m.to_string())
                            } else {
                                Resolved::Function(m.to_string())
                            });
                        }
                    }
                }
            }
        }
        let fmods = importers(&env.functions, name, arity);
        let mmods = importers(&env.macros, name, arity);
        if fmods.len() + mmods.len() > 1 {
            // Named as Elixir does: the latest import first.
            let mut mods: Vec<String> = fmods
                .iter()
                .rev()
                .chain(mmods.iter().rev())
                .map(|m| super::inspect_module(m))
                .collect();
            mods.dedup();
            if mods.len() > 1 {
                return Err(self.error(
                    0,
                    env,
                    format!(
                        "function {name}/{arity} imported from both {} and {}, call is ambiguous",
                        mods[0], mods[1]
                    ),
                ));
            }
        }
        if let Some(m) = mmods.first() {
            return Ok(Resolved::Macro((*m).clone()));
        }
        if let Some(m) = fmods.first() {
            return Ok(Resolved::Function((*m).clone()));
        }
        if let (Some(module), Some(_)) = (&env.module, &env.function) {
            if self.host.has_local_macro(module, name, arity) {
                return Ok(Resolved::LocalMacro);
            }
            return Ok(Resolved::Local);
        }
        Ok(Resolved::Unknown)
    }

    /// Notes a call from a function of the open module to `name/arity`
    /// imported from `from` (a function or macro): a local function of the
    /// same name and arity conflicts with it. What a quote imported where it
    /// was written is the macro's import, not this module's.
    fn note_import(&mut self, from: &str, name: &str, arity: usize, meta: &Value, env: &Env) {
        let from_quote = keyword_get(meta, "imports")
            .and_then(as_list)
            .is_some_and(|l| {
                l.iter().any(|i| {
                    matches!(i, Value::Tuple(t) if matches!(t.first(), Some(Value::Int(a)) if *a as usize == arity))
                })
            });
        if let (Some(module), Some(_), false) = (&env.module, &env.function, from_quote) {
            if module != from {
                self.host.note_imported_call(module, name, arity, from);
            }
        }
    }

    /// Whether a call `name/arity` would mean something here (for a
    /// variable that is not bound: Elixir 1.14 then calls `name()`).
    pub fn can_resolve_call(&mut self, name: &str, arity: usize, env: &Env) -> bool {
        !matches!(
            self.resolve(name, arity, &q::list(vec![]), env),
            Ok(Resolved::Unknown) | Err(_)
        )
    }

    /// `name(args)`.
    pub fn expand_call(
        &mut self,
        name: &str,
        meta: &Value,
        args: &[Value],
        env: &mut Env,
    ) -> EResult<Value> {
        let arity = args.len();
        let line = q::meta_line(meta);
        if kernel::is_special_form(name, arity) {
            return self.expand_special(name, meta, args, env);
        }
        if name == "unquote" || name == "unquote_splicing" {
            return Err(self.error(line, env, format!("{name} called outside quote")));
        }
        if name == "<>" && arity == 2 && env.context == super::Context::Match {
            self.check_concat_pattern(&args[0], &args[1])
                .map_err(|e| raised_at(e, line, env))?;
        } else if name == "<>" && arity == 2 {
            // A literal that is not a binary is refused while expanding, as
            // Kernel.<>/2 does.
            for a in args {
                let literal = matches!(
                    a,
                    Value::Atom(_)
                        | Value::Int(_)
                        | Value::BigInt(_)
                        | Value::Float(_)
                        | Value::List(..)
                );
                if literal {
                    let e = self.argument_error(format!(
                        "expected binary argument in <> operator but got: {}",
                        self.code_string(a)
                    ));
                    return Err(raised_at(e, line, env));
                }
            }
        }
        let resolved = self.resolve(name, arity, meta, env)?;
        if let Resolved::Macro(m) = &resolved {
            self.note_import(m, name, arity, meta, env);
        }
        match resolved {
            Resolved::Macro(m) if m == KERNEL => self.kernel_macro(name, meta, args, env),
            Resolved::Macro(m) => self.run_macro(&m, name, meta, args, env, false),
            Resolved::LocalMacro => {
                let m = env.module.clone().unwrap_or_default();
                self.run_macro(&m, name, meta, args, env, true)
            }
            Resolved::Function(m) => {
                self.note_import(&m, name, arity, meta, env);
                let args = self.expand_args(args, env)?;
                let (m, name): (&str, &str) = match inline(&m, name, arity) {
                    Some(to) => to,
                    None => (&m, name),
                };
                Ok(q::remote(q::atom(m), name, strip_imports(meta), args))
            }
            Resolved::Local => {
                if (env.context == Context::Guard && !self.defguard_check)
                    || env.context == Context::Match
                {
                    let (what, ctx) = if env.context == Context::Guard {
                        ("guards", "a guards")
                    } else {
                        ("match", "a match")
                    };
                    let called = self.code_string(&q::call(name, q::list(vec![]), args.to_vec()));
                    return Err(self.error_hint(
                        line,
                        env,
                        format!(
                            "cannot find or invoke local {name}/{arity} inside {what}. Only macros can be invoked in {ctx} and they must be defined before their invocation. Called as: {called}"
                        ),
                        if env.context == Context::Guard {
                            "guards take only operators and guard-safe functions such as is_integer/1, map_size/1 or elem/2; test it in the body instead (with if or cond)"
                        } else {
                            "patterns hold literals, variables, ^pins, tuples, lists, maps and \"prefix\" <> rest; compute the value before the match"
                        },
                    ));
                }
                let args = self.expand_args(args, env)?;
                Ok(q::call(name, strip_imports(meta), args))
            }
            Resolved::Unknown => {
                if env.context == Context::Match {
                    return Err(self.error(
                        line,
                        env,
                        format!("cannot find or invoke local {name}/{arity} inside match. Only macros can be invoked in a match and they must be defined before their invocation. Called as: {}", self.code_string(&q::call(name, q::list(vec![]), args.to_vec()))),
                    ));
                }
                Err(self.error_hint(
                    line,
                    env,
                    format!("undefined function {name}/{arity} (there is no such import)"),
                    misuse_hint(name).map(String::from).unwrap_or_else(|| {
                        if env.module.is_some() {
                            "a module's own functions can be called from its functions, not from its body: call it from a def, or define it in a module above".to_string()
                        } else {
                            "define it in a module and call it as Module.function, or import the module that defines it".to_string()
                        }
                    }),
                ))
            }
        }
    }

    /// `name(args)` owned ([`Expander::expand_owned`]): `t` is the node.
    /// Blocks, escaped tuples, `=`, calls of functions and `if`/`unless`
    /// are expanded in place; a macro's result is expanded owned; any
    /// other form goes to [`Expander::expand_call`].
    pub(super) fn expand_call_owned(&mut self, mut t: Vec<Value>, env: &mut Env) -> EResult<Value> {
        let (Value::Atom(name), Value::List(args, None)) = (&t[0], &t[2]) else {
            return self.expand(&Value::Tuple(t), env);
        };
        let (name, arity) = (*name, args.len());
        if kernel::is_special_form(&name, arity) {
            return match (name.as_str(), arity) {
                ("__block__", _) => {
                    if let Value::List(items, None) = &mut t[2] {
                        self.expand_in_place(items, env)?;
                    }
                    Ok(Value::Tuple(t))
                }
                // Escaped data (`Macro.escape/1`'s tuples): nothing to expand.
                ("{}", _) if args.iter().all(q::is_constant_data) => Ok(Value::Tuple(t)),
                ("{}", _) => {
                    if let Value::List(items, None) = &mut t[2] {
                        self.expand_in_place(items, env)?;
                    }
                    Ok(Value::Tuple(t))
                }
                ("=", 2) => {
                    if let Value::List(lr, None) = &mut t[2] {
                        let (l, r) = lr.split_at_mut(1);
                        let (l, r) = (&mut l[0], &mut r[0]);
                        let take = |v: &mut Value| std::mem::replace(v, Value::Int(0));
                        if env.context == Context::Match {
                            *l = self.expand_owned(take(l), env)?;
                            *r = self.expand_owned(take(r), env)?;
                        } else {
                            *r = self.expand_owned(take(r), env)?;
                            let saved = env.context;
                            env.context = Context::Match;
                            let pat = self.expand_owned(take(l), env);
                            env.context = saved;
                            *l = pat?;
                        }
                    }
                    Ok(Value::Tuple(t))
                }
                _ => self.expand_call(&name, &t[1], args, env),
            };
        }
        if name == "unquote" || name == "unquote_splicing" || name == "<>" {
            return self.expand_call(&name, &t[1], args, env);
        }
        let resolved = self.resolve(&name, arity, &t[1], env)?;
        match resolved {
            Resolved::Macro(m) if m == KERNEL && matches!(name.as_str(), "if" | "unless") => {
                self.note_import(&m, &name, arity, &t[1], env);
                self.kernel_if_owned(t, env)
            }
            Resolved::Macro(m) if m == KERNEL => {
                self.note_import(&m, &name, arity, &t[1], env);
                if matches!(name.as_str(), "def" | "defp" | "defmacro" | "defmacrop")
                    && matches!(arity, 1 | 2)
                {
                    let args = take_args(&mut t);
                    return self.expand_def_args(&name, &t[1], Cow::Owned(args), env);
                }
                // (The body kept by the host as it is: see `Host::save_body`.)
                if name == "defmodule" && arity == 2 {
                    let mut args = take_args(&mut t);
                    return match args.pop() {
                        Some(body) if args.len() == 1 => {
                            self.expand_defmodule(&t[1], &args[0], Cow::Owned(body), env)
                        }
                        Some(body) => {
                            args.push(body);
                            self.kernel_macro(&name, &t[1], &args, env)
                        }
                        None => self.kernel_macro(&name, &t[1], &args, env),
                    };
                }
                self.kernel_macro(&name, &t[1], args, env)
            }
            Resolved::Macro(m) => {
                self.note_import(&m, &name, arity, &t[1], env);
                let args = take_args(&mut t);
                self.run_macro_args(&m, &name, &t[1], Cow::Owned(args), env, false)
            }
            Resolved::LocalMacro => {
                let m = env.module.clone().unwrap_or_default();
                let args = take_args(&mut t);
                self.run_macro_args(&m, &name, &t[1], Cow::Owned(args), env, true)
            }
            Resolved::Function(m) => {
                self.note_import(&m, &name, arity, &t[1], env);
                let meta = strip_imports(&t[1]);
                let Value::List(args, None) = std::mem::replace(&mut t[2], Value::Int(0)) else {
                    return Err(self.invalid_quoted(&Value::Tuple(t), env));
                };
                let mut args = args;
                self.expand_in_place(&mut args, env)?;
                let (m, name): (&str, &str) = match inline(&m, &name, arity) {
                    Some(to) => to,
                    None => (&m, &name),
                };
                Ok(q::remote(q::atom(m), name, meta, args))
            }
            Resolved::Local
                if env.context == Context::Expr
                    || self.defguard_check && env.context == Context::Guard =>
            {
                if let Value::List(items, None) = &mut t[2] {
                    self.expand_in_place(items, env)?;
                }
                if keyword_get(&t[1], "imports").is_some()
                    || keyword_get(&t[1], "context").is_some()
                {
                    t[1] = strip_imports(&t[1]);
                }
                Ok(Value::Tuple(t))
            }
            // The errors, as the borrowing walk words them.
            Resolved::Local | Resolved::Unknown => self.expand_call(&name, &t[1], args, env),
        }
    }

    /// `if`/`unless` with a keyword list of branches, owned: the condition
    /// expanded where it is (its variables stay in scope after), each
    /// branch in a scope of its own. Anything else is
    /// [`Expander::kernel_macro`]'s.
    fn kernel_if_owned(&mut self, mut t: Vec<Value>, env: &mut Env) -> EResult<Value> {
        let ok = match &t[2] {
            Value::List(a, None) if a.len() == 2 => q::as_keyword(&a[1]).is_some_and(|kw| {
                let count = |k: &str| kw.iter().filter(|(key, _)| *key == k).count();
                count("do") == 1 && count("else") <= 1 && count("do") + count("else") == kw.len()
            }),
            _ => false,
        };
        if !ok {
            let (Value::Atom(name), Value::List(args, None)) = (&t[0], &t[2]) else {
                return self.expand(&Value::Tuple(t), env);
            };
            return self.kernel_macro(name, &t[1], args, env);
        }
        if let Value::List(a, None) = &mut t[2] {
            let (c, b) = a.split_at_mut(1);
            c[0] = self.expand_owned(std::mem::replace(&mut c[0], Value::Int(0)), env)?;
            if let Value::List(branches, None) = &mut b[0] {
                for br in branches.iter_mut() {
                    if let Value::Tuple(kv) = br {
                        let v = std::mem::replace(&mut kv[1], Value::Int(0));
                        kv[1] = self.expand_owned(v, &mut env.clone())?;
                    }
                }
            }
        }
        Ok(Value::Tuple(t))
    }

    /// `recv.name(args)`.
    pub fn expand_remote(
        &mut self,
        recv: &Value,
        name: &str,
        dmeta: &Value,
        meta: &Value,
        args: &[Value],
        env: &mut Env,
    ) -> EResult<Value> {
        let r = match self.remote_head(recv, name, dmeta, meta, args, env)? {
            Remote::Done(v) => return Ok(v),
            Remote::Call(r) => r,
        };
        let args = self.expand_args(args, env)?;
        let (r, name) = inline_remote(r, name, args.len());
        let dot = q::tuple(vec![
            q::atom("."),
            dmeta.clone(),
            q::list(vec![r, q::atom(name)]),
        ]);
        Ok(q::tuple(vec![dot, meta.clone(), q::list(args)]))
    }

    /// `recv.name(args)` owned ([`Expander::expand_owned`]): `t` is the
    /// node, its head a dot.
    pub(super) fn expand_remote_owned(
        &mut self,
        mut t: Vec<Value>,
        env: &mut Env,
    ) -> EResult<Value> {
        let shape = match q::as_node(&t[0]) {
            Some((Value::Atom(dot), _, Value::List(d, None))) if dot == "." => match d.as_slice() {
                [_, Value::Atom(_)] => 2,
                [_] => 1,
                _ => 0,
            },
            _ => 0,
        };
        if shape == 0 {
            return self.expand(&Value::Tuple(t), env);
        }
        let [Value::Tuple(h), meta, Value::List(args, None)] = t.as_mut_slice() else {
            return self.expand(&Value::Tuple(t), env);
        };
        let [_, dmeta, Value::List(d, None)] = h.as_mut_slice() else {
            return self.expand(&Value::Tuple(t), env);
        };
        if shape == 1 {
            // `fun.(args)`.
            self.expand_in_place(d, env)?;
            self.expand_in_place(args, env)?;
            return Ok(Value::Tuple(t));
        }
        let Value::Atom(name) = d[1] else {
            return Err(self.invalid_quoted(&Value::Tuple(t), env));
        };
        let r = match self.remote_head(&d[0], &name, dmeta, meta, args, env)? {
            Remote::Done(v) => return Ok(v),
            Remote::Call(r) => r,
        };
        self.expand_in_place(args, env)?;
        let (r, to) = inline_remote(r, &name, args.len());
        d[0] = r;
        if to != name.as_str() {
            d[1] = q::atom(to);
        }
        Ok(Value::Tuple(t))
    }

    /// The part of `recv.name(args)` before its arguments are expanded:
    /// the whole expansion when it is a macro or a special case, or the
    /// expanded receiver.
    fn remote_head(
        &mut self,
        recv: &Value,
        name: &str,
        dmeta: &Value,
        meta: &Value,
        args: &[Value],
        env: &mut Env,
    ) -> EResult<Remote> {
        let line = q::meta_line(meta);
        // (`Foo.{A, B}` outside alias/require/import/use is a call of
        // `Foo."{}"/n`, as in Elixir: it fails when it runs.)
        // `__ENV__.file`: only the field, not the whole escaped struct
        // (as Elixir expands it; `test` and `assert` read `__ENV__.line`).
        if args.is_empty()
            && env.context == Context::Expr
            && keyword_get(meta, "no_parens").is_some()
        {
            if let Some((Value::Atom(v), _, Value::Atom(_))) = q::as_node(recv) {
                if v == "__ENV__" {
                    if let Some(field) = env.field(name) {
                        return Ok(Remote::Done(q::escape(&field)));
                    }
                }
            }
        }
        let saved = env.context;
        if saved == Context::Match {
            env.context = Context::Expr;
        }
        let r = self.expand(recv, env);
        env.context = saved;
        let r = r?;
        if let Value::Atom(m) = &r {
            let arity = args.len();
            if m == "beamlet_compiler" && name == super::module::GUARD_FORM {
                if let [guard, params] = args {
                    return self.expand_guard_form(guard, params, env).map(Remote::Done);
                }
            }
            if m == KERNEL && kernel::is_kernel_macro(name, arity) {
                let out = self.kernel_macro(name, meta, args, env)?;
                // Left as a call for the code generator: named remotely, it
                // is Kernel's even where a local function has its name.
                if let Some((n, m2, a)) = q::as_call(&out) {
                    if n == name && a.len() == arity {
                        if let Some((module, fun)) =
                            crate::codegen::kernel::local_kernel(name, arity)
                        {
                            return Ok(Remote::Done(q::remote(
                                q::atom(module),
                                fun,
                                m2.clone(),
                                a.to_vec(),
                            )));
                        }
                    }
                }
                return Ok(Remote::Done(out));
            }
            if m != KERNEL && (env.is_required(m) || keyword_get(meta, "required").is_some()) {
                if env.module.as_deref() == Some(m.as_str()) {
                    // The module being defined can't run its own macros remotely.
                } else if self.host.has_macro(m, name, arity) {
                    let m = *m;
                    return self
                        .run_macro(&m, name, meta, args, env, false)
                        .map(Remote::Done);
                }
            }
            if env.context == Context::Match {
                return Err(self.error(
                    line,
                    env,
                    format!(
                        "cannot invoke remote function {}.{name}/{arity} inside a match",
                        super::inspect_module(m)
                    ),
                ));
            }
        }
        // `map.field()` in a guard: a call on a value, which guards cannot
        // make (without the parens it is a map lookup).
        if env.context == Context::Guard
            && !matches!(r, Value::Atom(_))
            && args.is_empty()
            && keyword_get(meta, "no_parens").is_none()
        {
            let call = q::tuple(vec![
                q::tuple(vec![
                    q::atom("."),
                    dmeta.clone(),
                    q::list(vec![recv.clone(), q::atom(name)]),
                ]),
                meta.clone(),
                q::list(vec![]),
            ]);
            return Err(self.error(
                line,
                env,
                format!(
                    "cannot invoke remote function in guards. If you want to do a map lookup instead, please remove parens from {}",
                    self.code_string(&call)
                ),
            ));
        }
        Ok(Remote::Call(r))
    }

    /// Runs the macro `module.name` on `args` (unexpanded) and expands what
    /// it returns.
    pub fn run_macro(
        &mut self,
        module: &str,
        name: &str,
        meta: &Value,
        args: &[Value],
        env: &mut Env,
        local: bool,
    ) -> EResult<Value> {
        self.run_macro_args(module, name, meta, Cow::Borrowed(args), env, local)
    }

    /// [`Expander::run_macro`] with the arguments borrowed or owned: a
    /// host may move parts of owned arguments the macro gives back
    /// unchanged into its result instead of reading them back.
    pub fn run_macro_args(
        &mut self,
        module: &str,
        name: &str,
        meta: &Value,
        args: Cow<'_, [Value]>,
        env: &mut Env,
        local: bool,
    ) -> EResult<Value> {
        let stamped = self.invoke_macro_args(module, name, meta, args, env, local)?;
        self.depth += 1;
        let out = self.expand_owned(stamped, env);
        self.depth -= 1;
        out
    }

    /// Runs the macro and returns its result, stamped for the caller
    /// (counters and lines), not expanded.
    pub fn invoke_macro(
        &mut self,
        module: &str,
        name: &str,
        meta: &Value,
        args: &[Value],
        env: &Env,
        local: bool,
    ) -> EResult<Value> {
        self.invoke_macro_args(module, name, meta, Cow::Borrowed(args), env, local)
    }

    fn invoke_macro_args(
        &mut self,
        module: &str,
        name: &str,
        meta: &Value,
        args: Cow<'_, [Value]>,
        env: &Env,
        local: bool,
    ) -> EResult<Value> {
        let line = {
            let l = q::meta_line(meta);
            if l == 0 {
                env.line
            } else {
                l
            }
        };
        if self.depth >= MAX_DEPTH {
            return Err(self.error_hint(
                line,
                env,
                format!(
                    "macro expansion of {}.{name}/{} went {MAX_DEPTH} levels deep without ending",
                    super::inspect_module(module),
                    args.len()
                ),
                "a macro probably expands to a call of itself: make sure every expansion makes progress toward code without that macro",
            ));
        }
        let mut caller = env.clone();
        caller.line = line;
        let macro_name = format!("MACRO-{name}");
        let how = Stamp {
            module,
            line,
            caller_module: env.module.as_deref(),
        };
        let arity = args.len();
        let result = self
            .host
            .call_macro(module, &macro_name, &caller, args, local, &how);
        let mut result = result
            .map_err(|r| Error::Raised(expanding_macro(r, module, name, arity, line, env)))?;
        // A call marked `generated: true` makes its expansion generated too.
        if keyword_get(meta, "generated").is_some_and(|g| *g == q::atom("true")) {
            mark_generated(&mut result);
        }
        Ok(result)
    }

    /// In a pattern `a <> b <> c`, every part but the last must be a
    /// literal binary: its size must be known (Elixir's ArgumentError).
    fn check_concat_pattern(&self, left: &Value, right: &Value) -> EResult<()> {
        // A module attribute (`@magic <> rest`) is read at expansion, so
        // its value is the literal the check needs (as in Elixir).
        let literal = matches!(left, Value::Binary(_))
            || matches!(q::as_call(left), Some(("<<>>", _, _)) | Some(("@", _, [_])));
        if !literal {
            return Err(self.argument_error(format!(
                "the left argument of <> operator inside a match should always be a literal binary because its size can't be verified. Got: {}",
                self.code_string(left)
            )));
        }
        match q::as_call(right) {
            Some(("<>", _, [l, r])) => self.check_concat_pattern(l, r),
            _ => Ok(()),
        }
    }

    /// `Macro.expand_once/2`: the root of `v` expanded one step (an alias,
    /// `__MODULE__` and friends, or one macro call), or `None` when the
    /// root is nothing to expand.
    pub fn expand_root_once(&mut self, v: &Value, env: &mut Env) -> EResult<Option<Value>> {
        let Some((head, meta, tail)) = q::as_node(v) else {
            return Ok(None);
        };
        match (head, tail) {
            (Value::Atom(name), Value::Atom(_)) => match name.as_str() {
                // `{:%{}, [], Map.to_list(env)}`, as Elixir expands it once:
                // the fields as they are (a map too), the rest escaped.
                "__ENV__" if env.context != Context::Match => {
                    let Value::Map(pairs) = env.to_value() else {
                        let mut e = env.clone();
                        return Ok(Some(self.expand(v, &mut e)?));
                    };
                    let items = pairs
                        .iter()
                        .map(|(k, v)| match v {
                            Value::Map(_) => q::pair(k.clone(), v.clone()),
                            _ => q::pair(k.clone(), q::escape(v)),
                        })
                        .collect();
                    Ok(Some(q::call("%{}", q::list(vec![]), items)))
                }
                "__MODULE__" | "__DIR__" | "__ENV__" | "__CALLER__" => {
                    let mut e = env.clone();
                    Ok(Some(self.expand(v, &mut e)?))
                }
                _ => Ok(None),
            },
            (Value::Atom(name), Value::List(args, None)) => {
                if name == "__aliases__" {
                    // `Foo.bar().Baz`: an alias made at run time stays as it is.
                    let runtime_head = match args.first() {
                        Some(Value::Atom(_)) | None => false,
                        // `__MODULE__.Foo` expands; a call does not.
                        Some(h) => !matches!(q::as_node(h), Some((_, _, Value::Atom(_)))),
                    };
                    if runtime_head {
                        return Ok(None);
                    }
                    let mut e = env.clone();
                    let r = self.expand_alias(meta, args, &mut e)?;
                    return Ok(if &r == v { None } else { Some(r) });
                }
                if kernel::is_special_form(name, args.len()) {
                    return Ok(None);
                }
                match self.resolve(name, args.len(), meta, env)? {
                    Resolved::Macro(m) if m == KERNEL => {
                        if let (
                            "sigil_s" | "sigil_S" | "sigil_c" | "sigil_C" | "sigil_w" | "sigil_W",
                            [body, mods],
                        ) = (name.as_str(), args.as_slice())
                        {
                            return Ok(Some(self.kernel_sigil(name, meta, body, mods, env)?));
                        }
                        if matches!(
                            name.as_str(),
                            "defprotocol"
                                | "defimpl"
                                | "dbg"
                                | "sigil_D"
                                | "sigil_T"
                                | "sigil_N"
                                | "sigil_U"
                        ) {
                            // Kernel macros written in the language.
                            return Ok(Some(
                                self.invoke_macro(KERNEL, name, meta, args, env, false)?,
                            ));
                        }
                        if name == "|>" && args.len() == 2 {
                            return Ok(Some(self.pipe(
                                &args[0],
                                &args[1],
                                env,
                                q::meta_line(meta),
                            )?));
                        }
                        // `@name` read where the module is compiled already.
                        if let ("@", [attr]) = (name.as_str(), args.as_slice()) {
                            let module = env.module.clone().unwrap_or_default();
                            if env.function.is_some()
                                && matches!(attr, Value::Tuple(t) if t.len() == 3 && matches!(t[2], Value::Atom(_)))
                                && !module.is_empty()
                                && !self.host.is_open(&module)
                            {
                                return Err(self.argument_error(format!(
                                    "could not call Module.get_attribute/2 because the module {} is already compiled. Use the Module.__info__/1 callback or Code.fetch_docs/1 instead",
                                    super::inspect_module(&module)
                                )));
                            }
                        }
                        if let ("in", [x, right]) = (name.as_str(), args.as_slice()) {
                            return Ok(match env.context {
                                Context::Guard | Context::Match if matches!(right, Value::List(l, None) if l.is_empty()) => {
                                    Some(q::atom("false"))
                                }
                                Context::Expr if super::macros::is_cons_literal(right) => {
                                    Some(q::remote(
                                        q::atom("lists"),
                                        "member",
                                        q::list(vec![]),
                                        vec![x.clone(), right.clone()],
                                    ))
                                }
                                Context::Expr => {
                                    Some(super::macros::expr_in(x, right).unwrap_or_else(|| {
                                        q::remote(
                                            q::atom("Elixir.Enum"),
                                            "member?",
                                            q::list(vec![]),
                                            vec![right.clone(), x.clone()],
                                        )
                                    }))
                                }
                                _ => None,
                            });
                        }
                        Ok(kernel_once(name, args))
                    }
                    Resolved::Macro(m) => {
                        Ok(Some(self.invoke_macro(&m, name, meta, args, env, false)?))
                    }
                    Resolved::LocalMacro => {
                        let m = env.module.clone().unwrap_or_default();
                        Ok(Some(self.invoke_macro(&m, name, meta, args, env, true)?))
                    }
                    _ => Ok(None),
                }
            }
            (Value::Tuple(_), Value::List(args, None)) => {
                let Some((Value::Atom(dot), _, Value::List(d, None))) = q::as_node(head) else {
                    return Ok(None);
                };
                if dot != "." || d.len() != 2 {
                    return Ok(None);
                }
                let Value::Atom(fname) = &d[1] else {
                    return Ok(None);
                };
                // `__ENV__.file`: the field's value.
                if let (Some((Value::Atom(v), _, Value::Atom(_))), true) =
                    (q::as_node(&d[0]), args.is_empty())
                {
                    if v == "__ENV__" {
                        return Ok(env.field(fname).map(|f| q::escape(&f)));
                    }
                }
                let mut e = env.clone();
                let recv = match q::as_call(&d[0]) {
                    Some(("__aliases__", am, segs)) => self.expand_alias(am, segs, &mut e)?,
                    _ => d[0].clone(),
                };
                let Value::Atom(m) = &recv else {
                    return Ok(None);
                };
                if m == KERNEL {
                    if fname == "|>" && args.len() == 2 {
                        return Ok(Some(self.pipe(
                            &args[0],
                            &args[1],
                            env,
                            q::meta_line(meta),
                        )?));
                    }
                    return Ok(kernel_once(fname, args));
                }
                if env.is_required(m) && self.host.has_macro(m, fname, args.len()) {
                    let m = *m;
                    return Ok(Some(self.invoke_macro(&m, fname, meta, args, env, false)?));
                }
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    // ---- aliases ----

    /// `{:__aliases__, meta, segments}`: the module atom it names here.
    pub fn expand_alias(&mut self, meta: &Value, segs: &[Value], env: &mut Env) -> EResult<Value> {
        let line = q::meta_line(meta);
        let Some(first) = segs.first() else {
            return Err(self.error(line, env, "invalid alias: no segments"));
        };
        // A later part may be a whole module (`Foo.unquote(Bar)`): its
        // `Elixir.` prefix goes, as Module.concat/1 drops it.
        let rest: Vec<&str> = segs[1..]
            .iter()
            .filter_map(as_atom)
            .map(|a| a.strip_prefix("Elixir.").unwrap_or(a))
            .collect();
        if rest.len() + 1 != segs.len() {
            return Err(self.error(
                line,
                env,
                "invalid alias: its parts after the first must be atoms",
            ));
        }
        let join = |base: &str| -> String {
            // An alias to an Erlang module still names an Elixir one:
            // `MyList.Bar` with `MyList` for `:lists` is `Elixir.lists.Bar`.
            let mut s = if rest.is_empty() || base == "Elixir" || base.starts_with("Elixir.") {
                base.to_owned()
            } else {
                format!("Elixir.{base}")
            };
            for r in &rest {
                s.push('.');
                s.push_str(r);
            }
            s
        };
        match first {
            Value::Atom(a) if a == "Elixir" => {
                if rest.is_empty() {
                    Ok(q::atom("Elixir"))
                } else {
                    Ok(q::atom(&join("Elixir")))
                }
            }
            Value::Atom(a) => {
                // A quote resolved the alias (all its segments) where it
                // was written.
                match keyword_get(meta, "alias") {
                    Some(Value::Atom(m)) if m != "false" => return Ok(q::atom(m)),
                    _ => {}
                }
                let full = format!("Elixir.{a}");
                // `alias: false`: a quote wrote it where no alias applied;
                // only aliases macros made apply to it (hygiene), not the
                // caller's own.
                let from_quote =
                    matches!(keyword_get(meta, "alias"), Some(Value::Atom(f)) if f == "false");
                let target = if from_quote {
                    env.macro_aliases
                        .iter()
                        .find(|(_, (n, _))| *n == full)
                        .map(|(_, (_, t))| t.as_str())
                } else {
                    env.alias_of(&full)
                };
                match target {
                    Some(t) => Ok(q::atom(&join(t))),
                    None => Ok(q::atom(&join(&full))),
                }
            }
            head => {
                let h = self.expand(head, env)?;
                match &h {
                    // A nil base is dropped, as Module.concat/1 drops it
                    // (`__MODULE__.Foo` outside a module is `Foo`).
                    Value::Atom(m) if m == "nil" => Ok(q::atom(&join("Elixir"))),
                    Value::Atom(m) => Ok(q::atom(&join(m))),
                    _ => {
                        // Known only at run time: Module.concat([base, :Rest]).
                        let mut parts = vec![h];
                        parts.extend(rest.iter().map(|r| q::atom(r)));
                        Ok(q::remote(
                            q::atom("Elixir.Module"),
                            "concat",
                            q::line_meta(line),
                            vec![q::list(parts)],
                        ))
                    }
                }
            }
        }
    }

    /// Quoted code as source text, for a message (as `Macro.to_string/1`).
    pub fn code_string(&self, v: &Value) -> String {
        beamlet_vm::macro_string::to_string(v)
    }

    /// Inspects a quoted value for a message.
    pub fn show(&self, v: &Value) -> String {
        beamlet_vm::inspect::inspect(v, &Default::default())
    }

    /// The variable `__CALLER__` for macro bodies.
    pub fn caller(&self) -> Value {
        caller_var()
    }
}

/// A macro's result, made ready to expand in the caller: variables the
/// macro's module quoted get the expansion's `counter` (hygiene: they can't
/// clash with the caller's or another expansion's), and every node without
/// a line gets the call's.
/// The stack trace of an exception a macro raised, as Elixir shows it: the
/// frames inside the macro's own helpers, then `expanding macro: M.name/n`
/// in place of the macro's frame, then the caller (`file:line: M.fun/n`).
pub(super) fn expanding_macro(
    mut r: Box<super::Raised>,
    module: &str,
    name: &str,
    arity: usize,
    line: u32,
    env: &Env,
) -> Box<super::Raised> {
    let charlist = |s: &str| Value::List(s.chars().map(|c| q::int(c as i64)).collect(), None);
    let macro_fun = format!("MACRO-{name}");
    let mut frames: Vec<Value> = Vec::new();
    if let Value::List(items, None) = &r.stacktrace {
        for f in items {
            let is_macro = matches!(f, Value::Tuple(t) if t.len() == 4
                && as_atom(&t[0]) == Some(module) && as_atom(&t[1]) == Some(macro_fun.as_str()));
            if is_macro {
                break;
            }
            frames.push(f.clone());
        }
    }
    frames.push(q::tuple(vec![
        q::atom(module),
        q::atom(name),
        q::int(arity as i64),
        q::list(vec![q::pair(q::atom("file"), charlist("expanding macro"))]),
    ]));
    frames.push(caller_frame(line, env));
    r.stacktrace = q::list(frames);
    r
}

/// The stacktrace frame of the code being expanded at `line` (Elixir's
/// `file.ex:3: (file)` or `file.ex:3: M.f/1`).
pub fn caller_frame(line: u32, env: &Env) -> Value {
    let charlist = |s: &str| Value::List(s.chars().map(|c| q::int(c as i64)).collect(), None);
    let file = super::quote::relative_file(&env.file);
    let loc = q::list(vec![
        q::pair(q::atom("file"), charlist(&file)),
        q::pair(q::atom("line"), q::int(line as i64)),
    ]);
    match (&env.module, &env.function) {
        (Some(m), Some((f, a))) => q::tuple(vec![q::atom(m), q::atom(f), q::int(*a as i64), loc]),
        (Some(m), None) => q::tuple(vec![q::atom(m), q::atom("__MODULE__"), q::int(1), loc]),
        (None, _) => q::tuple(vec![
            q::atom("__script__"),
            q::atom("__script__"),
            q::int(1),
            loc,
        ]),
    }
}

/// `e` raised by the expansion at `line` itself (not by a macro): its
/// stacktrace gets the caller's frame, so the user sees where.
pub fn raised_at(e: super::Error, line: u32, env: &Env) -> super::Error {
    match e {
        super::Error::Raised(mut r) => {
            let mut frames = match &r.stacktrace {
                Value::List(items, None) => items.clone(),
                _ => Vec::new(),
            };
            frames.push(caller_frame(line, env));
            r.stacktrace = q::list(frames);
            super::Error::Raised(r)
        }
        other => other,
    }
}

/// How a macro's result is stamped for its caller ([`stamp`]): `module`
/// is the macro's, `line` the call's, `caller_module` the module the call
/// is in (the first element of the counter).
pub struct Stamp<'a> {
    pub module: &'a str,
    pub line: u32,
    pub caller_module: Option<&'a str>,
}

impl Stamp<'_> {
    /// The `counter:` meta of the expansion numbered `counter`.
    pub fn counter_value(&self, counter: i64) -> Value {
        q::tuple(vec![
            self.caller_module.map_or_else(q::nil, q::atom),
            q::int(counter),
        ])
    }

    /// Stamps `v`, the expansion numbered `counter`.
    pub fn apply(&self, v: &mut Value, counter: i64) {
        stamp(v, self.module, self.line, &self.counter_value(counter));
    }
}

pub fn stamp(v: &mut Value, module: &str, line: u32, counter: &Value) {
    match v {
        Value::List(items, tail) => {
            for i in items {
                stamp(i, module, line, counter);
            }
            if let Some(t) = tail {
                stamp(t, module, line, counter);
            }
        }
        Value::Tuple(t) if t.len() == 2 => {
            for x in t {
                stamp(x, module, line, counter);
            }
        }
        Value::Tuple(t) if t.len() == 3 => {
            let Value::List(_, None) = &t[1] else {
                return;
            };
            // A `quote` gets the counter too, after the line (its
            // `bind_quoted` variables take its meta: they are the body's,
            // of this expansion).
            if matches!((&t[0], &t[2]), (Value::Atom(a), Value::List(..)) if a == "quote")
                && q::keyword_get_atom(&t[1], static_atom!("counter")).is_none()
            {
                if let Value::List(items, None) = &mut t[1] {
                    items.insert(
                        0,
                        q::pair(Value::Atom(static_atom!("counter")), counter.clone()),
                    );
                }
            }
            if line > 0
                && q::keyword_get_atom(&t[1], static_atom!("line")).is_none()
                && q::keyword_get_atom(&t[1], static_atom!("keep")).is_none()
            {
                // (As `q::meta_put` for a key not there: first, in place.)
                if let Value::List(items, None) = &mut t[1] {
                    items.insert(
                        0,
                        q::pair(Value::Atom(static_atom!("line")), q::int(line as i64)),
                    );
                }
            }
            match (&t[0], &t[2]) {
                (Value::Atom(_), Value::Atom(ctx)) => {
                    if ctx == module
                        && q::keyword_get_atom(&t[1], static_atom!("counter")).is_none()
                    {
                        if let Value::List(items, None) = &mut t[1] {
                            items.insert(
                                0,
                                q::pair(Value::Atom(static_atom!("counter")), counter.clone()),
                            );
                        }
                    }
                }
                _ => {
                    let (head, rest) = t.split_first_mut().expect("a 3-tuple");
                    stamp(head, module, line, counter);
                    stamp(&mut rest[1], module, line, counter);
                }
            }
        }
        _ => {}
    }
}

/// Puts `generated: true` first in the meta of every node of `v` that has
/// none, as Elixir does to the expansion of a generated call.
fn mark_generated(v: &mut Value) {
    match v {
        Value::List(items, tail) => {
            items.iter_mut().for_each(mark_generated);
            if let Some(t) = tail {
                mark_generated(t);
            }
        }
        Value::Tuple(t) if t.len() == 3 => {
            if let Value::List(meta, None) = &mut t[1] {
                if !meta.iter().any(|p| matches!(p, Value::Tuple(kv) if kv.len() == 2 && kv[0] == q::atom("generated"))) {
                    meta.insert(0, q::pair(q::atom("generated"), q::atom("true")));
                }
            }
            mark_generated(&mut t[0]);
            mark_generated(&mut t[2]);
        }
        Value::Tuple(t) => t.iter_mut().for_each(mark_generated),
        _ => {}
    }
}

/// How a special form or Kernel macro called with the wrong arguments is
/// meant to be written (`case x` without a do block is `case/1`).
fn misuse_hint(name: &str) -> Option<&'static str> {
    Some(match name {
        "case" => "write `case expr do pattern -> ... end`",
        "cond" => "write `cond do condition -> ... end`",
        "if" => "put the condition between `if` and `do`: `if x > 0, do: ...`",
        "unless" => "put the condition between `unless` and `do`: `unless x, do: ...`",
        "receive" => "write `receive do pattern -> ... end`",
        "try" => "write `try do ... rescue ... end`",
        "fn" => "write `fn args -> body end`",
        "defmodule" => "a module needs a name (an alias such as MyApp.Worker) and a do block: `defmodule Name do ... end`",
        "def" | "defp" | "defmacro" | "defmacrop" => "write `def name(args) do ... end` inside a module",
        "for" => "write `for x <- enumerable, do: ...`",
        "with" => "write `with pattern <- expr do ... end`",
        "quote" => "write `quote do ... end`",
        _ => return None,
    })
}

/// Meta without the quote's import records (they did their job).
/// One step of the Kernel macros the expander otherwise handles natively,
/// as Kernel's own definitions expand them (for `Macro.expand_once/2`).
fn kernel_once(name: &str, args: &[Value]) -> Option<Value> {
    let ctx = || {
        q::list(vec![
            q::tuple(vec![q::atom("context"), q::atom(KERNEL)]),
            q::tuple(vec![
                q::atom("imports"),
                q::list(vec![q::tuple(vec![q::int(2), q::atom(KERNEL)])]),
            ]),
        ])
    };
    match (name, args) {
        ("unless", [c, clauses]) => {
            let d = keyword_get(clauses, "do")?.clone();
            let e = keyword_get(clauses, "else").cloned().unwrap_or_else(q::nil);
            Some(q::call(
                "if",
                ctx(),
                vec![
                    c.clone(),
                    q::list(vec![
                        q::tuple(vec![q::atom("do"), e]),
                        q::tuple(vec![q::atom("else"), d]),
                    ]),
                ],
            ))
        }
        ("is_nil", [x]) => Some(q::call("==", ctx(), vec![x.clone(), q::nil()])),
        // `if`, `||` and `&&` as Elixir's macros write them: a `case` on
        // whether the value is false or nil.
        ("if", [c, clauses]) => {
            let d = keyword_get(clauses, "do")?.clone();
            let e = keyword_get(clauses, "else").cloned().unwrap_or_else(q::nil);
            Some(falsy_case(c, e, d, false))
        }
        ("||", [l, r]) => Some(falsy_case(l, r.clone(), q::nil(), true)),
        ("&&", [l, r]) => Some(falsy_case(l, kernel_var("x"), r.clone(), false)),
        _ => None,
    }
}

fn kernel_var(name: &str) -> Value {
    q::var(name, q::list(vec![]), q::atom(KERNEL))
}

/// `case value do x when Kernel.in(x, [false, nil]) -> falsy; _ -> truthy end`
/// (`x -> x` for the second clause when `keep`, as `||` has it).
fn falsy_case(value: &Value, falsy: Value, truthy: Value, keep: bool) -> Value {
    let no_meta = || q::list(vec![]);
    let guard = q::call(
        "when",
        no_meta(),
        vec![
            kernel_var("x"),
            q::remote(
                q::atom(KERNEL),
                "in",
                no_meta(),
                vec![kernel_var("x"), q::list(vec![q::boolean(false), q::nil()])],
            ),
        ],
    );
    let first = q::call("->", no_meta(), vec![q::list(vec![guard]), falsy]);
    let second = if keep {
        q::call(
            "->",
            no_meta(),
            vec![q::list(vec![kernel_var("x")]), kernel_var("x")],
        )
    } else {
        q::call(
            "->",
            no_meta(),
            vec![q::list(vec![kernel_var("_")]), truthy],
        )
    };
    q::call(
        "case",
        no_meta(),
        vec![
            value.clone(),
            q::list(vec![q::pair(q::atom("do"), q::list(vec![first, second]))]),
        ],
    )
}

/// The arguments of the call node `t` (a proper list), taken out of it.
fn take_args(t: &mut [Value]) -> Vec<Value> {
    match std::mem::replace(&mut t[2], Value::Int(0)) {
        Value::List(args, None) => args,
        other => {
            t[2] = other;
            Vec::new()
        }
    }
}

/// What [`Expander::remote_head`] made of a remote call.
enum Remote {
    /// The call's whole expansion.
    Done(Value),
    /// A call of a function: its receiver, expanded.
    Call(Value),
}

/// The receiver and name a remote call of `name/arity` on `r` becomes
/// ([`inline`]).
fn inline_remote(r: Value, name: &str, arity: usize) -> (Value, &str) {
    match &r {
        Value::Atom(m) => match inline(m, name, arity) {
            Some((m2, n2)) => (q::atom(m2), n2),
            None => (r, name),
        },
        _ => (r, name),
    }
}

/// Functions Elixir inlines to the Erlang built-in they wrap (as
/// `elixir_rewrite` does), so they work in guards: `Bitwise`'s.
fn inline<'a>(module: &str, name: &'a str, arity: usize) -> Option<(&'static str, &'a str)> {
    if module != "Elixir.Bitwise" {
        return None;
    }
    let erl = match (name, arity) {
        ("band" | "&&&", 2) => "band",
        ("bor" | "|||", 2) => "bor",
        ("bxor" | "^^^", 2) => "bxor",
        ("bsl" | "<<<", 2) => "bsl",
        ("bsr" | ">>>", 2) => "bsr",
        ("bnot" | "~~~", 1) => "bnot",
        _ => return None,
    };
    Some(("erlang", erl))
}

fn strip_imports(meta: &Value) -> Value {
    if keyword_get(meta, "imports").is_none() && keyword_get(meta, "context").is_none() {
        return meta.clone();
    }
    q::meta_delete(&q::meta_delete(meta, "imports"), "context")
}
