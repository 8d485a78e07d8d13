//! Special forms (`Kernel.SpecialForms`): expanded part by part, with the
//! scoping rules Elixir gives them. A pattern binds its variables in the
//! env; a clause (`->`), a `fn`, a `try` body and a comprehension get a copy
//! of the env, so what they bind or import stays inside.

/// A function or macro as `name/arity`.
type NameArity = (String, usize);

use super::{Context, EResult, Env, Expander, VarId};
use crate::quoted::{self as q, as_atom, as_call, as_keyword, as_list, as_node, keyword_get};
use beamlet_vm::value::Value;

/// How the arguments of a `->` clause are expanded.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    /// Patterns, an optional guard (`fn`, `case`, `receive`, `else`).
    Match,
    /// One expression (`cond`, `receive ... after`).
    Expr,
    /// `rescue` patterns: `e in [A, B]`, `A`, `e`.
    Rescue,
    /// `catch` patterns: `kind, value` or `value`, with a guard.
    Catch,
}

impl Expander<'_> {
    pub fn expand_special(
        &mut self,
        name: &str,
        meta: &Value,
        args: &[Value],
        env: &mut Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        match (name, args) {
            ("__block__", items) => {
                let items = self.expand_all(items, env)?;
                Ok(q::tuple(vec![q::atom("__block__"), meta.clone(), q::list(items)]))
            }
            ("__aliases__", segs) => self.expand_alias(meta, segs, env),
            ("alias", [m]) => self.expand_alias_form(meta, m, None, env),
            ("alias", [m, opts]) => self.expand_alias_form(meta, m, Some(opts), env),
            ("require", [m]) => self.expand_require(meta, m, None, env),
            ("require", [m, opts]) => self.expand_require(meta, m, Some(opts), env),
            ("import", [m]) => self.expand_import(meta, m, None, env),
            ("import", [m, opts]) => self.expand_import(meta, m, Some(opts), env),
            ("quote", [opts]) => self.expand_quote(meta, &q::list(vec![]), opts, env),
            ("quote", [opts, block]) => {
                // `quote opts do ... end`: the do block comes as a second keyword list.
                let mut all: Vec<Value> = as_list(opts).map(|l| l.to_vec()).unwrap_or_default();
                let body = as_list(block).map(|l| l.to_vec()).unwrap_or_default();
                if as_list(opts).is_none() {
                    // quote(dynamic_opts(), do: ...): options computed at compile time.
                    let o = self.expand(opts, env)?;
                    return self.expand_quote(meta, &o, block, env);
                }
                all.retain(|p| !matches!(p, Value::Tuple(t) if t.len() == 2 && as_atom(&t[0]) == Some("do")));
                self.expand_quote(meta, &q::list(all), &q::list(body), env)
            }
            ("=", [l, r]) => self.expand_match(meta, l, r, env),
            ("^", [v]) => self.expand_pin(meta, v, env),
            // Escaped data (`Macro.escape/1`'s tuples): nothing to expand.
            ("{}", items) if items.iter().all(q::is_constant_data) => {
                Ok(q::call("{}", meta.clone(), items.to_vec()))
            }
            ("{}", items) => {
                let items = self.expand_all(items, env)?;
                Ok(q::call("{}", meta.clone(), items))
            }
            ("%{}", items) => self.expand_map(meta, items, env),
            ("%", [name, map]) => self.expand_struct(meta, name, map, env),
            ("<<>>", segs) => self.expand_bitstring(meta, segs, env),
            ("fn", clauses) => {
                if env.context == Context::Match {
                    return Err(self.error(line, env, "invalid pattern in match, anonymous functions are not allowed in patterns"));
                }
                let mut out = Vec::new();
                for c in clauses {
                    if let Some(("->", _, [args, _])) = as_call(c) {
                        let default = |a: &Value| matches!(as_call(a), Some(("\\\\", _, _)));
                        if as_list(args).is_some_and(|a| a.iter().any(default)) {
                            return Err(self.error(
                                line,
                                env,
                                "anonymous functions cannot have optional arguments",
                            ));
                        }
                    }
                    out.push(self.expand_clause(c, env, ClauseKind::Match)?);
                }
                Ok(q::call("fn", meta.clone(), out))
            }
            ("case", [e, opts]) => {
                self.no_match(name, line, env)?;
                let e = self.expand(e, env)?;
                let opts = self.expand_clause_opts(opts, env, &[("do", ClauseKind::Match)], "case", line)?;
                Ok(q::call("case", meta.clone(), vec![e, opts]))
            }
            ("cond", [opts]) => {
                self.no_match(name, line, env)?;
                let opts = self.expand_clause_opts(opts, env, &[("do", ClauseKind::Expr)], "cond", line)?;
                Ok(q::call("cond", meta.clone(), vec![opts]))
            }
            ("receive", [opts]) => {
                self.no_match(name, line, env)?;
                let opts = self.expand_clause_opts(
                    opts,
                    env,
                    &[("do", ClauseKind::Match), ("after", ClauseKind::Expr)],
                    "receive",
                    line,
                )?;
                Ok(q::call("receive", meta.clone(), vec![opts]))
            }
            ("try", [opts]) => {
                self.no_match(name, line, env)?;
                self.expand_try(meta, opts, env)
            }
            ("for", args) => {
                self.no_match(name, line, env)?;
                self.expand_for(meta, args, env)
            }
            ("with", args) => {
                self.no_match(name, line, env)?;
                self.expand_with(meta, args, env)
            }
            ("&", [x]) => self.expand_capture(meta, x, env),
            ("super", args) => self.expand_super(meta, args, env),
            ("__MODULE__" | "__DIR__" | "__ENV__" | "__CALLER__" | "__STACKTRACE__", []) => {
                let v = q::var(name, meta.clone(), q::nil());
                self.expand(&v, env)
            }
            ("unquote" | "unquote_splicing", _) => {
                Err(self.error(line, env, format!("{name} called outside quote")))
            }
            ("::", _) => Err(self.error(
                line,
                env,
                "the :: operator can only be used inside <<>> (a binary's segment type) or in a typespec",
            )),
            _ => Err(self.error(
                line,
                env,
                format!("invalid arguments for the special form {name}/{}", args.len()),
            )),
        }
    }

    fn no_match(&self, name: &str, line: u32, env: &Env) -> EResult<()> {
        if env.context == Context::Match {
            return Err(self.error(
                line,
                env,
                format!("invalid pattern in match, {name} is not allowed in patterns"),
            ));
        }
        Ok(())
    }

    /// Expands `p` as a pattern: its variables are bound in `env`.
    pub fn expand_pattern(&mut self, p: &Value, env: &mut Env) -> EResult<Value> {
        let saved = env.context;
        env.context = Context::Match;
        let r = self.expand(p, env);
        env.context = saved;
        r
    }

    /// Expands a guard expression.
    pub fn expand_guard(&mut self, g: &Value, env: &mut Env) -> EResult<Value> {
        // `when a when b`: alternatives, each a guard.
        if let Some(("when", meta, [a, b])) = as_call(g) {
            let a = self.expand_guard(a, env)?;
            let b = self.expand_guard(b, env)?;
            return Ok(q::call("when", meta.clone(), vec![a, b]));
        }
        let saved = env.context;
        env.context = Context::Guard;
        let r = self.expand(g, env);
        env.context = saved;
        r
    }

    fn expand_match(
        &mut self,
        meta: &Value,
        l: &Value,
        r: &Value,
        env: &mut Env,
    ) -> EResult<Value> {
        if env.context == Context::Match {
            let l = self.expand(l, env)?;
            let r = self.expand(r, env)?;
            return Ok(q::call("=", meta.clone(), vec![l, r]));
        }
        let r = self.expand(r, env)?;
        let l = self.expand_pattern(l, env)?;
        Ok(q::call("=", meta.clone(), vec![l, r]))
    }

    fn expand_pin(&mut self, meta: &Value, v: &Value, env: &mut Env) -> EResult<Value> {
        let line = q::meta_line(meta);
        if env.context != Context::Match {
            return Err(self.error(
                line,
                env,
                format!("cannot use ^{} outside of match clauses", self.var_name(v)),
            ));
        }
        match q::as_var(v) {
            Some((name, vmeta, ctx)) => {
                let id = VarId::of(name, vmeta, ctx);
                if !env.has_var(&id) {
                    return Err(self.error_hint(
                        line,
                        env,
                        format!("undefined variable ^{name}"),
                        "a pinned variable must be bound before the pattern",
                    ));
                }
                Ok(q::call("^", meta.clone(), vec![v.clone()]))
            }
            None => Err(self.error(
                line,
                env,
                format!(
                    "invalid argument for unary operator ^, expected an existing variable, got: ^{}",
                    self.show(v)
                ),
            )),
        }
    }

    fn var_name(&self, v: &Value) -> String {
        match q::as_var(v) {
            Some((n, _, _)) => n.to_owned(),
            None => self.show(v),
        }
    }

    fn expand_map(&mut self, meta: &Value, items: &[Value], env: &mut Env) -> EResult<Value> {
        if let [one] = items {
            if let Some(("|", umeta, [base, pairs])) = as_call(one) {
                if env.context == Context::Match {
                    return Err(self.error(
                        q::meta_line(meta),
                        env,
                        "cannot use map update syntax %{map | ...} in a pattern",
                    ));
                }
                let base = self.expand(base, env)?;
                let pairs = self.expand(pairs, env)?;
                let upd = q::call("|", umeta.clone(), vec![base, pairs]);
                return Ok(q::call("%{}", meta.clone(), vec![upd]));
            }
        }
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            match it {
                Value::Tuple(t) if t.len() == 2 => {
                    let k = if env.context == Context::Match {
                        // Keys of a map pattern are values, not patterns.
                        let saved = env.context;
                        env.context = Context::Expr;
                        let k = match as_call(&t[0]) {
                            Some(("^", _, _)) => {
                                env.context = saved;
                                self.expand(&t[0], env)
                            }
                            _ => self.expand(&t[0], env),
                        };
                        env.context = saved;
                        k?
                    } else {
                        self.expand(&t[0], env)?
                    };
                    // A literal key twice in a pattern can never match.
                    if env.context == Context::Match
                        && crate::expand::module::literal_value(&k)
                        && out
                            .iter()
                            .any(|p: &Value| matches!(p, Value::Tuple(kv) if kv[0] == k))
                    {
                        return Err(self.error(
                            q::meta_line(meta),
                            env,
                            format!(
                                "key {} will be overridden in map",
                                beamlet_vm::macro_string::to_string(&k)
                            ),
                        ));
                    }
                    let v = self.expand(&t[1], env)?;
                    out.push(q::pair(k, v));
                }
                other => {
                    return Err(self.error(
                        q::meta_line(meta),
                        env,
                        format!(
                            "expected key-value pairs in a map, got: {}",
                            beamlet_vm::macro_string::to_string(&q::without_columns(other))
                        ),
                    ))
                }
            }
        }
        Ok(q::call("%{}", meta.clone(), out))
    }

    fn expand_struct(
        &mut self,
        meta: &Value,
        name: &Value,
        map: &Value,
        env: &mut Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        let Some(("%{}", mmeta, items)) = as_call(map) else {
            return Err(self.error(
                line,
                env,
                "expected struct to be followed by a map, as in %Name{...}",
            ));
        };
        let in_match = env.context == Context::Match;
        // The struct's name: an alias, __MODULE__, or (in a pattern) a variable.
        let n = if in_match {
            match q::as_var(name) {
                Some(_) => self.expand(name, env)?,
                None => match as_call(name) {
                    Some(("^", _, _)) => self.expand(name, env)?,
                    _ => {
                        let saved = env.context;
                        env.context = Context::Expr;
                        let r = self.expand(name, env);
                        env.context = saved;
                        r?
                    }
                },
            }
        } else {
            self.expand(name, env)?
        };
        let module = match &n {
            Value::Atom(m) if m != "nil" => Some(m.to_string()),
            _ if in_match => None,
            _ => {
                return Err(self.error(
                    line,
                    env,
                    format!(
                        "expected struct name to be a compile time atom or alias, got: {}",
                        self.show(name)
                    ),
                ))
            }
        };
        // Update syntax: %S{s | k: v}.
        if let [one] = items {
            if let Some(("|", umeta, [base, pairs])) = as_call(one) {
                if in_match {
                    return Err(self.error(
                        line,
                        env,
                        "cannot use map/struct update syntax in match",
                    ));
                }
                let module = module.unwrap_or_default();
                let def = self.struct_def(&module, line, env)?;
                let base = self.expand(base, env)?;
                let pairs = self.expand(pairs, env)?;
                self.check_struct_keys(&module, &def, &pairs, line, env)?;
                let upd = q::call("|", umeta.clone(), vec![base, pairs]);
                let inner = q::call("%{}", mmeta.clone(), vec![upd]);
                return Ok(q::call("%", meta.clone(), vec![q::atom(&module), inner]));
            }
        }
        let inner = self.expand_map(mmeta, items, env)?;
        let Some(module) = module else {
            // %var{} in a pattern: any struct, its name bound.
            return Ok(q::call("%", meta.clone(), vec![n, inner]));
        };
        let pairs: Vec<Value> = match as_call(&inner) {
            Some((_, _, p)) => p.to_vec(),
            None => vec![],
        };
        if in_match {
            // Only check the keys when the struct is known; a module that
            // is no struct at all is an error, as in Elixir (the VM's own
            // exceptions are known without their modules, and a struct this
            // file defines may not be compiled yet).
            match self.host.struct_of(&module) {
                Some(def) => {
                    self.check_struct_value(&module, &def, 0, line, env)?;
                    self.check_struct_keys(&module, &def, &q::list(pairs.clone()), line, env)?
                }
                None if beamlet_vm::bif::exception::builtin_struct_fields(&module).is_none()
                    && !env.context_modules.iter().any(|m| m == &module) =>
                {
                    return Err(self.error(
                        line,
                        env,
                        format!(
                            "{m}.__struct__/0 is undefined, cannot expand struct {m}. Make sure the struct name is correct. If the struct name exists and is correct but it still cannot be found, you likely have cyclic module usage in your code",
                            m = super::inspect_module(&module)
                        ),
                    ));
                }
                None => {}
            }
            return Ok(q::call("%", meta.clone(), vec![q::atom(&module), inner]));
        }
        let def = self.struct_def(&module, line, env)?;
        self.check_struct_value(&module, &def, 1, line, env)?;
        // Building a struct calls its `__struct__/1` while compiling, as
        // Elixir does: an unknown key is its KeyError, a missing enforced
        // key its ArgumentError.
        if let Value::Map(fields) = &def {
            for p in &pairs {
                let Value::Tuple(t) = p else { continue };
                if let Some(Value::Atom(k)) = t.first() {
                    if k == "__struct__" || !fields.iter().any(|(f, _)| as_atom(f) == Some(k)) {
                        return Err(super::dispatch::raised_at(self.key_error(k), line, env));
                    }
                }
            }
        }
        let given: Vec<&str> = pairs
            .iter()
            .filter_map(|p| match p {
                Value::Tuple(t) if t.len() == 2 => as_atom(&t[0]),
                _ => None,
            })
            .collect();
        let missing: Vec<String> = self
            .host
            .enforced_keys(&module)
            .into_iter()
            .filter(|k| !given.contains(&k.as_str()))
            .collect();
        if !missing.is_empty() {
            let keys: Vec<String> = missing.iter().map(|k| format!(":{k}")).collect();
            let e = self.argument_error(format!(
                "the following keys must also be given when building struct {}: [{}]",
                super::inspect_module(&module),
                keys.join(", ")
            ));
            return Err(super::dispatch::raised_at(e, line, env));
        }
        // The whole map: the defaults, then the given pairs (later pairs win).
        let mut all = Vec::new();
        if let Value::Map(fields) = &def {
            for (k, v) in fields {
                let given_here = matches!(k, Value::Atom(a) if given.contains(&a.as_str()));
                if !given_here {
                    all.push(q::pair(k.clone(), q::escape(v)));
                }
            }
        }
        all.extend(pairs);
        Ok(q::call("%{}", mmeta.clone(), all))
    }

    /// What `module.__struct__/arity` returned must be a struct of `module`.
    fn check_struct_value(
        &self,
        module: &str,
        def: &Value,
        arity: u8,
        line: u32,
        env: &Env,
    ) -> EResult<()> {
        let m = super::inspect_module(module);
        let name = match def {
            Value::Map(pairs) => pairs
                .iter()
                .find(|(k, _)| as_atom(k) == Some("__struct__"))
                .and_then(|(_, v)| as_atom(v)),
            _ => None,
        };
        match name {
            Some(n) if n == module => Ok(()),
            Some(n) => Err(self.error(
                line,
                env,
                format!(
                    "expected struct name returned by {m}.__struct__/{arity} to be {m}, got: {}",
                    super::inspect_module(n)
                ),
            )),
            None => Err(self.error(
                line,
                env,
                format!(
                    "expected {m}.__struct__/{arity} to return a map with a :__struct__ key that holds the name of the struct (atom), got: {}",
                    self.show(def)
                ),
            )),
        }
    }

    /// The struct definition of `module`, or the error Elixir gives.
    fn struct_def(&mut self, module: &str, line: u32, env: &Env) -> EResult<Value> {
        match self.host.struct_of(module) {
            Some(d) => Ok(d),
            // Defined by this file's code, but that code has not run yet.
            None if env.context_modules.iter().any(|m| m == module) => Err(self.error(
                line,
                env,
                format!(
                    "cannot access struct {}, the struct was not yet defined or the struct is being accessed in the same context that defines it",
                    super::inspect_module(module)
                ),
            )),
            None => Err(self.error(
                line,
                env,
                format!(
                    "{m}.__struct__/1 is undefined, cannot expand struct {m}. Make sure the struct name is correct. If the struct name exists and is correct but it still cannot be found, you likely have cyclic module usage in your code",
                    m = super::inspect_module(module)
                ),
            )),
        }
    }

    fn check_struct_keys(
        &mut self,
        module: &str,
        def: &Value,
        pairs: &Value,
        line: u32,
        env: &Env,
    ) -> EResult<()> {
        let Value::Map(fields) = def else {
            return Ok(());
        };
        for p in as_list(pairs).unwrap_or(&[]) {
            if let Value::Tuple(t) = p {
                if let Some(Value::Atom(k)) = t.first() {
                    if k == "__struct__" || !fields.iter().any(|(f, _)| as_atom(f) == Some(k)) {
                        return Err(self.error(
                            line,
                            env,
                            format!(
                                "unknown key :{k} for struct {}",
                                super::inspect_module(module)
                            ),
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    fn expand_bitstring(&mut self, meta: &Value, segs: &[Value], env: &mut Env) -> EResult<Value> {
        let mut out = Vec::with_capacity(segs.len());
        for s in segs {
            let value = match as_call(s) {
                Some(("::", _, [value, _])) => value,
                _ => s,
            };
            if let Value::List(..) = value {
                return Err(self.error(
                    q::meta_line(meta),
                    env,
                    format!("invalid literal {} in <<>>", self.show(value)),
                ));
            }
            match as_call(s) {
                Some(("::", smeta, [value, spec])) => {
                    let v = self.expand(value, env)?;
                    let spec = self.expand_bit_spec(spec, env)?;
                    out.push(q::call("::", smeta.clone(), vec![v, spec]));
                }
                _ => out.push(self.expand(s, env)?),
            }
        }
        Ok(q::call("<<>>", meta.clone(), out))
    }

    /// A segment's type: names stay as written, `size(e)`/`unit(e)` expand `e`.
    fn expand_bit_spec(&mut self, spec: &Value, env: &mut Env) -> EResult<Value> {
        match as_call(spec) {
            Some(("-", m, [a, b])) => {
                let a = self.expand_bit_spec(a, env)?;
                let b = self.expand_bit_spec(b, env)?;
                Ok(q::call("-", m.clone(), vec![a, b]))
            }
            Some(("*", m, [a, b])) => {
                let a = self.expand_bit_spec(a, env)?;
                let b = self.expand_bit_spec(b, env)?;
                Ok(q::call("*", m.clone(), vec![a, b]))
            }
            Some((name @ ("size" | "unit"), m, [e])) => {
                let saved = env.context;
                env.context = Context::Expr;
                let e = if saved == Context::Match {
                    // A size in a pattern may use variables bound before it.
                    let r = self.expand(e, env);
                    env.context = saved;
                    r?
                } else {
                    let r = self.expand(e, env);
                    env.context = saved;
                    r?
                };
                Ok(q::call(name, m.clone(), vec![e]))
            }
            _ => match q::as_var(spec) {
                // A variable used as a size: `<<x::size>>` is not valid, but
                // `<<x::n>>` with a bound n is Elixir's shorthand for size(n).
                // A type or modifier name is one even when a variable has it.
                Some((name, m, ctx))
                    if !beamlet_vm::bif::binary::SPEC_NAMES.contains(&name)
                        && env.has_var(&VarId::of(name, m, ctx)) =>
                {
                    Ok(q::call("size", m.clone(), vec![spec.clone()]))
                }
                // A type or modifier from a macro's quote: its name is all
                // that counts (no hygiene for types).
                Some((name, _, _)) if beamlet_vm::bif::binary::SPEC_NAMES.contains(&name) => {
                    Ok(q::tuple(vec![q::atom(name), q::list(vec![]), q::nil()]))
                }
                _ => self.expand_spec_macro(spec, env),
            },
        }
    }

    /// A segment type that is a macro call (`x::my_spec`, `x::my_spec()`)
    /// expands, as Elixir does, and its result is read as a type.
    fn expand_spec_macro(&mut self, spec: &Value, env: &mut Env) -> EResult<Value> {
        let Some((Value::Atom(name), meta, tail)) = q::as_node(spec) else {
            return Ok(spec.clone());
        };
        if beamlet_vm::bif::binary::SPEC_NAMES.contains(&name.as_str()) {
            return Ok(spec.clone());
        }
        let args: Vec<Value> = match tail {
            Value::List(a, None) => a.clone(),
            Value::Atom(_) => Vec::new(),
            _ => return Ok(spec.clone()),
        };
        let (module, local) = match self.resolve(name, args.len(), meta, env)? {
            super::dispatch::Resolved::Macro(m) if m != super::kernel::KERNEL => (m, false),
            super::dispatch::Resolved::LocalMacro => (env.module.clone().unwrap_or_default(), true),
            _ => {
                let call = q::call(name, meta.clone(), args);
                return Err(self.error(
                    q::meta_line(meta),
                    env,
                    format!("unknown bitstring specifier: {}", self.code_string(&call)),
                ));
            }
        };
        let expanded = self.invoke_macro(&module, name, meta, &args, env, local)?;
        self.expand_bit_spec(&expanded, env)
    }

    /// One `args -> body` clause, in a copy of `env`.
    pub fn expand_clause(&mut self, c: &Value, env: &Env, kind: ClauseKind) -> EResult<Value> {
        let Some(("->", meta, [args, body])) = as_call(c) else {
            return Err(self.error(
                0,
                env,
                format!("expected -> clauses, got: {}", self.show(c)),
            ));
        };
        let mut cenv = env.clone();
        let line = q::meta_line(meta);
        if line > 0 {
            cenv.line = line;
        }
        let args = as_list(args)
            .ok_or_else(|| self.error(line, env, "invalid clause: its arguments must be a list"))?;
        // `a, b when g -> ...` arrives as `[{:when, _, [a, b, g]}]`.
        let (pats, guard) = match args {
            [w] => match as_call(w) {
                Some(("when", wmeta, wargs)) if !wargs.is_empty() && kind != ClauseKind::Expr => {
                    let (g, ps) = wargs.split_last().expect("not empty");
                    (ps.to_vec(), Some((wmeta.clone(), g.clone())))
                }
                _ => (args.to_vec(), None),
            },
            _ => (args.to_vec(), None),
        };
        let mut out_pats = Vec::with_capacity(pats.len());
        for p in &pats {
            out_pats.push(match kind {
                ClauseKind::Expr => self.expand(p, &mut cenv)?,
                ClauseKind::Match | ClauseKind::Catch => self.expand_pattern(p, &mut cenv)?,
                ClauseKind::Rescue => self.expand_rescue_pattern(p, &mut cenv)?,
            });
        }
        let out_args = match guard {
            Some((wmeta, g)) => {
                let g = self.expand_guard(&g, &mut cenv)?;
                let mut w = out_pats;
                w.push(g);
                vec![q::call("when", wmeta, w)]
            }
            None => out_pats,
        };
        let body = self.expand(body, &mut cenv)?;
        Ok(q::call("->", meta.clone(), vec![q::list(out_args), body]))
    }

    fn expand_rescue_pattern(&mut self, p: &Value, env: &mut Env) -> EResult<Value> {
        let expand_mods = |this: &mut Self, m: &Value, env: &mut Env| -> EResult<Value> {
            let saved = env.context;
            env.context = Context::Expr;
            let r = this.expand(m, env);
            env.context = saved;
            r
        };
        match as_call(p) {
            // `e in _` rescues anything, as `e` does.
            Some(("in", _, [var, any])) if q::as_var(any).map(|(n, _, _)| n) == Some("_") => {
                self.expand_pattern(var, env)
            }
            Some(("in", m, [var, mods])) => {
                let v = self.expand_pattern(var, env)?;
                let mods = expand_mods(self, mods, env)?;
                Ok(q::call("in", m.clone(), vec![v, mods]))
            }
            Some(("__aliases__", _, _)) => expand_mods(self, p, env),
            _ if q::as_var(p).is_some() => self.expand_pattern(p, env),
            _ => expand_mods(self, p, env),
        }
    }

    /// A clause of section `k` of `form` has as many patterns as it may:
    /// one (two for `catch`'s kind and value), a `fn`'s any number;
    /// Elixir's messages.
    fn check_clause_args(
        &self,
        c: &Value,
        k: &str,
        form: &str,
        line: u32,
        env: &Env,
    ) -> EResult<()> {
        let Some(("->", meta, [Value::List(left, None), _])) = as_call(c) else {
            return Ok(());
        };
        if form == "fn" || k == "after" {
            return Ok(());
        }
        let n = match left.as_slice() {
            [w] => match as_call(w) {
                Some(("when", _, args)) => args.len() - 1,
                _ => 1,
            },
            other => other.len(),
        };
        let at = match q::meta_line(meta) {
            0 => line,
            l => l,
        };
        if form == "try" && k == "catch" {
            if n == 1 || n == 2 {
                return Ok(());
            }
            return Err(self.error(
                at,
                env,
                format!("expected one or two args for :{k} clauses (->) in \"{form}\""),
            ));
        }
        if n != 1 {
            return Err(self.error(
                at,
                env,
                format!("expected one argument for :{k} clauses (->) in \"{form}\""),
            ));
        }
        Ok(())
    }

    /// A keyword list of clause sections (`[do: clauses, after: ...]`).
    fn expand_clause_opts(
        &mut self,
        opts: &Value,
        env: &mut Env,
        kinds: &[(&str, ClauseKind)],
        form: &str,
        line: u32,
    ) -> EResult<Value> {
        let Some(kw) = as_keyword(opts) else {
            return Err(self.error(
                line,
                env,
                format!("invalid arguments for {form}: expected a do block"),
            ));
        };
        let mut out = Vec::new();
        for (k, v) in kw {
            let Some((_, kind)) = kinds.iter().find(|(n, _)| *n == k) else {
                return Err(self.error(line, env, format!("unexpected option {k}: in {form}")));
            };
            let clauses = match as_list(v) {
                Some(cl) => cl,
                None if is_empty_block(v) => {
                    // `receive do after ... end`: no clauses.
                    out.push(q::pair(q::atom(k), v.clone()));
                    continue;
                }
                None => {
                    // Point at the body that should have been clauses.
                    let at = match crate::quoted::line_of(v) {
                        0 => line,
                        l => l,
                    };
                    let mut at_env = env.clone();
                    if at != line {
                        at_env.line = at;
                        at_env.column = match crate::quoted::as_node(v) {
                            Some((_, m, _)) => crate::quoted::meta_column(m),
                            None => 0,
                        };
                    }
                    let example = if form == "cond" {
                        "condition -> body"
                    } else {
                        "pattern -> body"
                    };
                    return Err(self.error_hint(
                        at,
                        &at_env,
                        format!("expected -> clauses for :{k} in \"{form}\""),
                        format!("write each clause as `{example}`"),
                    ));
                }
            };
            let mut cs = Vec::new();
            for c in clauses {
                self.check_clause_args(c, k, form, line, env)?;
                cs.push(self.expand_clause(c, env, *kind)?);
            }
            out.push(q::pair(q::atom(k), q::list(cs)));
        }
        Ok(q::list(out))
    }

    fn expand_try(&mut self, meta: &Value, opts: &Value, env: &mut Env) -> EResult<Value> {
        let line = q::meta_line(meta);
        let Some(kw) = as_keyword(opts) else {
            return Err(self.error(line, env, "invalid arguments for try: expected a do block"));
        };
        let mut out = Vec::new();
        for (k, v) in kw {
            let ev = match k {
                "do" | "after" => {
                    let mut benv = env.clone();
                    self.expand(v, &mut benv)?
                }
                "rescue" | "catch" | "else" => {
                    let kind = match k {
                        "rescue" => ClauseKind::Rescue,
                        "catch" => ClauseKind::Catch,
                        _ => ClauseKind::Match,
                    };
                    let clauses = as_list(v).ok_or_else(|| {
                        self.error(
                            line,
                            env,
                            format!("expected -> clauses for :{k} in \"try\""),
                        )
                    })?;
                    let mut cs = Vec::new();
                    for c in clauses {
                        self.check_clause_args(c, k, "try", line, env)?;
                        cs.push(self.expand_clause(c, env, kind)?);
                    }
                    q::list(cs)
                }
                _ => return Err(self.error(line, env, format!("unexpected option {k}: in try"))),
            };
            out.push(q::pair(q::atom(k), ev));
        }
        Ok(q::call("try", meta.clone(), vec![q::list(out)]))
    }

    fn expand_for(&mut self, meta: &Value, args: &[Value], env: &mut Env) -> EResult<Value> {
        let line = q::meta_line(meta);
        // The trailing keyword lists: options and the do block.
        let mut quals: Vec<&Value> = args.iter().collect();
        let mut opts: Vec<(String, Value)> = Vec::new();
        while let Some(last) = quals.last() {
            match as_keyword(last) {
                Some(kw) if !kw.is_empty() && is_options(&kw) => {
                    let mut add: Vec<(String, Value)> = kw
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v.clone()))
                        .collect();
                    add.append(&mut opts);
                    opts = add;
                    quals.pop();
                }
                _ => break,
            }
        }
        let mut out_opts = Vec::new();
        // into:/uniq:/reduce: are evaluated outside the comprehension.
        for (k, v) in &opts {
            match k.as_str() {
                "into" | "uniq" | "reduce" => {
                    let e = self.expand(v, env)?;
                    out_opts.push(q::pair(q::atom(k), e));
                }
                "do" => {}
                other => {
                    return Err(self.error(
                        line,
                        env,
                        format!("unsupported option :{other} given to for"),
                    ))
                }
            }
        }
        let Some((_, body)) = opts.iter().find(|(k, _)| k == "do") else {
            return Err(self.error(line, env, "missing :do option in \"for\""));
        };
        let mut fenv = env.clone();
        let mut out_quals = Vec::new();
        for qual in quals {
            out_quals.push(self.expand_qualifier(qual, &mut fenv)?);
        }
        let reduce = opts.iter().any(|(k, _)| k == "reduce");
        let body = if reduce {
            let clauses = as_list(body).ok_or_else(|| {
                self.error(line, env, "when using :reduce with comprehensions, the do block must be written using acc -> expr clauses, where each clause expects the accumulator as a single argument")
            })?;
            let mut cs = Vec::new();
            for c in clauses {
                cs.push(self.expand_clause(c, &fenv, ClauseKind::Match)?);
            }
            q::list(cs)
        } else {
            self.expand(body, &mut fenv)?
        };
        out_opts.push(q::pair(q::atom("do"), body));
        out_quals.push(q::list(out_opts));
        Ok(q::call("for", meta.clone(), out_quals))
    }

    /// A generator `pat <- enum`, a binary generator `<<c <- bin>>` or a filter.
    fn expand_qualifier(&mut self, qual: &Value, env: &mut Env) -> EResult<Value> {
        if let Some(("<-", m, [pat, src])) = as_call(qual) {
            let src = self.expand(src, env)?;
            let pat = self.expand_gen_pattern(pat, env)?;
            return Ok(q::call("<-", m.clone(), vec![pat, src]));
        }
        // `<<s1, ..., sn <- bin>>`: the segments are one pattern.
        if let Some(("<<>>", bm, [init @ .., last])) = as_call(qual) {
            if let Some(("<-", m, [pat, src])) = as_call(last) {
                let src = self.expand(src, env)?;
                let mut segs = init.to_vec();
                segs.push(pat.clone());
                let pat = self.expand_pattern(&q::call("<<>>", bm.clone(), segs), env)?;
                let Some(("<<>>", _, [init @ .., last])) = as_call(&pat) else {
                    return Ok(q::call("<-", m.clone(), vec![pat, src]));
                };
                let mut out = init.to_vec();
                out.push(q::call("<-", m.clone(), vec![last.clone(), src]));
                return Ok(q::call("<<>>", bm.clone(), out));
            }
        }
        self.expand(qual, env)
    }

    fn expand_gen_pattern(&mut self, pat: &Value, env: &mut Env) -> EResult<Value> {
        match as_call(pat) {
            Some(("when", m, [p, g])) => {
                let p = self.expand_pattern(p, env)?;
                let g = self.expand_guard(g, env)?;
                Ok(q::call("when", m.clone(), vec![p, g]))
            }
            _ => self.expand_pattern(pat, env),
        }
    }

    fn expand_with(&mut self, meta: &Value, args: &[Value], env: &mut Env) -> EResult<Value> {
        let line = q::meta_line(meta);
        let mut clauses: Vec<&Value> = args.iter().collect();
        let mut opts: Vec<(String, Value)> = Vec::new();
        while let Some(last) = clauses.last() {
            match as_keyword(last) {
                Some(kw)
                    if !kw.is_empty() && kw.iter().all(|(k, _)| matches!(*k, "do" | "else")) =>
                {
                    let mut add: Vec<(String, Value)> = kw
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v.clone()))
                        .collect();
                    add.append(&mut opts);
                    opts = add;
                    clauses.pop();
                }
                _ => break,
            }
        }
        let Some((_, body)) = opts.iter().find(|(k, _)| k == "do") else {
            return Err(self.error(line, env, "missing :do option in \"with\""));
        };
        let mut wenv = env.clone();
        let mut out = Vec::new();
        for c in clauses {
            out.push(match as_call(c) {
                Some(("<-", m, [pat, e])) => {
                    let e = self.expand(e, &mut wenv)?;
                    let pat = self.expand_gen_pattern(pat, &mut wenv)?;
                    q::call("<-", m.clone(), vec![pat, e])
                }
                _ => self.expand(c, &mut wenv)?,
            });
        }
        let body = self.expand(body, &mut wenv)?;
        let mut out_opts = vec![q::pair(q::atom("do"), body)];
        if let Some((_, els)) = opts.iter().find(|(k, _)| k == "else") {
            let cl = as_list(els).ok_or_else(|| {
                self.error(line, env, "expected -> clauses for :else in \"with\"")
            })?;
            let mut cs = Vec::new();
            for c in cl {
                self.check_clause_args(c, "else", "with", line, env)?;
                cs.push(self.expand_clause(c, env, ClauseKind::Match)?);
            }
            out_opts.push(q::pair(q::atom("else"), q::list(cs)));
        }
        out.push(q::list(out_opts));
        Ok(q::call("with", meta.clone(), out))
    }

    fn expand_capture(&mut self, meta: &Value, x: &Value, env: &mut Env) -> EResult<Value> {
        let line = q::meta_line(meta);
        if let Value::Int(n) = x {
            if !self.in_capture {
                return Err(self.error(
                    line,
                    env,
                    format!("capture argument &{n} must be used within the capture operator &"),
                ));
            }
            return Ok(q::call("&", meta.clone(), vec![x.clone()]));
        }
        if env.context == Context::Match {
            return Err(self.error(
                line,
                env,
                "invalid pattern in match, & captures are not allowed in patterns",
            ));
        }
        // &name/arity and &Mod.name/arity.
        if let Some(("/", smeta, [fref, Value::Int(arity)])) = as_call(x) {
            let arity = *arity as usize;
            // `&super/n`: `&super(&1, ..., &n)`.
            if let Some((Value::Atom(s), fmeta, Value::Atom(_))) = as_node(fref) {
                if s == "super" {
                    let user_arity = match &env.function {
                        Some((n, a)) if n.starts_with("MACRO-") => Some(a.saturating_sub(1)),
                        Some((_, a)) => Some(*a),
                        None => None,
                    };
                    if user_arity.is_some_and(|a| a != arity) {
                        return Err(self.error(q::meta_line(smeta), env, SUPER_ARITY));
                    }
                    let args = (1..=arity)
                        .map(|i| q::call("&", q::list(vec![]), vec![q::int(i as i64)]))
                        .collect();
                    let call = q::call("super", fmeta.clone(), args);
                    return self.expand_capture(meta, &call, env);
                }
            }
            if let Some((head, cmeta, Value::List(cargs, None))) = as_node(fref) {
                if cargs.is_empty() {
                    if let Some((Value::Atom(dot), dmeta, Value::List(dargs, None))) = as_node(head)
                    {
                        if dot == "." && dargs.len() == 2 {
                            if let Value::Atom(fname) = &dargs[1] {
                                let m = self.expand(&dargs[0], env)?;
                                // `&Mod.macro/n`: a fn calling the macro, as Elixir does.
                                if let Value::Atom(mname) = &m {
                                    let is_macro = if mname == super::kernel::KERNEL {
                                        super::kernel::is_kernel_macro(fname, arity)
                                    } else {
                                        self.host.macros_of(mname).is_some_and(|ms| {
                                            ms.iter().any(|(n, a)| n == fname && *a == arity)
                                        })
                                    };
                                    if is_macro {
                                        let f = q::tuple(vec![
                                            q::atom("."),
                                            dmeta.clone(),
                                            q::list(vec![m.clone(), q::atom(fname)]),
                                        ]);
                                        return self.capture_macro(meta, f, arity, env);
                                    }
                                }
                                let dot = q::tuple(vec![
                                    q::atom("."),
                                    dmeta.clone(),
                                    q::list(vec![m, q::atom(fname)]),
                                ]);
                                let f = q::tuple(vec![dot, cmeta.clone(), q::list(vec![])]);
                                return Ok(q::call(
                                    "&",
                                    meta.clone(),
                                    vec![q::call(
                                        "/",
                                        smeta.clone(),
                                        vec![f, q::int(arity as i64)],
                                    )],
                                ));
                            }
                        }
                    }
                }
            }
            let local_name = match as_node(fref) {
                Some((Value::Atom(n), _, Value::Atom(_))) => Some(*n),
                Some((Value::Atom(n), _, Value::List(a, None))) if a.is_empty() => Some(*n),
                _ => None,
            };
            if let Some(fname) = local_name {
                let cmeta = as_node(fref)
                    .map(|(_, m, _)| m.clone())
                    .unwrap_or_else(|| q::list(vec![]));
                let cap = |f: Value| {
                    q::call(
                        "&",
                        meta.clone(),
                        vec![q::call("/", smeta.clone(), vec![f, q::int(arity as i64)])],
                    )
                };
                return match self.resolve(&fname, arity, &cmeta, env)? {
                    // `&macro/n`: a fn calling the macro, as Elixir does.
                    super::dispatch::Resolved::Macro(_) => {
                        self.capture_macro(meta, q::atom(&fname), arity, env)
                    }
                    super::dispatch::Resolved::Function(m) => {
                        let dot = q::tuple(vec![
                            q::atom("."),
                            cmeta.clone(),
                            q::list(vec![q::atom(&m), q::atom(&fname)]),
                        ]);
                        Ok(cap(q::tuple(vec![dot, cmeta, q::list(vec![])])))
                    }
                    super::dispatch::Resolved::Local | super::dispatch::Resolved::LocalMacro => {
                        Ok(cap(q::var(&fname, cmeta, q::nil())))
                    }
                    super::dispatch::Resolved::Unknown => Err(self.error(
                        line,
                        env,
                        format!("undefined function {fname}/{arity} (there is no such import)"),
                    )),
                };
            }
        }
        // &(expr with &1, &2 ...).
        let saved = self.in_capture;
        self.in_capture = true;
        let mut cenv = env.clone();
        let r = self.expand(x, &mut cenv);
        self.in_capture = saved;
        Ok(q::call("&", meta.clone(), vec![r?]))
    }

    /// `&name/arity` of a macro (`&||/2`, `&Kernel.if/2`): expands
    /// `fn x1, ..., xn -> name(x1, ..., xn) end`, as Elixir rewrites every
    /// macro capture; `head` is the call's head (an atom, or a remote `.`).
    fn capture_macro(
        &mut self,
        meta: &Value,
        head: Value,
        arity: usize,
        env: &mut Env,
    ) -> EResult<Value> {
        let vars: Vec<Value> = (1..=arity)
            .map(|i| q::var(&format!("x{i}"), meta.clone(), q::atom("elixir_fn")))
            .collect();
        let call = q::tuple(vec![head, meta.clone(), q::list(vars.clone())]);
        let clause = q::call("->", meta.clone(), vec![q::list(vars), call]);
        let f = q::call("fn", meta.clone(), vec![clause]);
        self.expand(&f, env)
    }

    /// `super(args)` in an overriding definition: the call of the one it
    /// overrides, with as many arguments as the definition takes.
    fn expand_super(&mut self, meta: &Value, args: &[Value], env: &mut Env) -> EResult<Value> {
        self.supers += 1;
        let line = q::meta_line(meta);
        let (Some(module), Some((name, arity))) = (env.module.clone(), env.function.clone()) else {
            return Err(self.error(
                line,
                env,
                "super must be called inside a function definition",
            ));
        };
        let _ = module;
        let user_arity = if name.starts_with("MACRO-") {
            arity.saturating_sub(1)
        } else {
            arity
        };
        if args.len() != user_arity {
            return Err(self.error(line, env, SUPER_ARITY));
        }
        let args = self.expand_args(args, env)?;
        Ok(q::call("super", meta.clone(), {
            let mut a = vec![q::pair(q::atom(&name), q::int(arity as i64))];
            a.extend(args);
            a
        }))
    }

    // ---- alias, require, import ----

    /// The module an `alias`/`require`/`import`/`use` names: one module, or
    /// several for `Foo.{A, B}`.
    pub fn expand_module_refs(
        &mut self,
        m: &Value,
        env: &mut Env,
    ) -> EResult<Vec<(String, Value)>> {
        if let Some((base, subs)) = multi_alias(m) {
            let base = self.expand(base, env)?;
            let Value::Atom(base) = base else {
                return Err(self.error(0, env, "invalid multi-alias: the base must be an alias"));
            };
            let mut out = Vec::new();
            for s in subs {
                // An atom (`unquote(:String)`) is one more segment.
                if let Value::Atom(a) = s {
                    let part = a.strip_prefix("Elixir.").unwrap_or(a);
                    let name = format!("{base}.{part}");
                    let last = part.rsplit('.').next().unwrap_or(part).to_owned();
                    out.push((name, q::atom(&last)));
                    continue;
                }
                let Some(("__aliases__", _, segs)) = as_call(s) else {
                    return Err(self.error(
                        0,
                        env,
                        format!("invalid argument for alias, expected a compile time atom or alias, got: {}", self.code_string(s)),
                    ));
                };
                let mut name = base.to_string();
                for seg in segs {
                    if let Some(a) = as_atom(seg) {
                        name.push('.');
                        name.push_str(a);
                    }
                }
                let last = segs.last().and_then(as_atom).unwrap_or("").to_owned();
                out.push((name, q::atom(&last)));
            }
            return Ok(out);
        }
        let e = self.expand(m, env)?;
        match &e {
            Value::Atom(a) => {
                // The default `as:` is the alias's last part.
                let last = match as_call(m) {
                    Some(("__aliases__", _, segs)) => {
                        segs.last().and_then(as_atom).unwrap_or("").to_owned()
                    }
                    _ => String::new(),
                };
                Ok(vec![(a.to_string(), q::atom(&last))])
            }
            _ => Err(self.error(
                0,
                env,
                format!(
                    "invalid argument: expected a module name (an alias or an atom), got: {}",
                    self.show(m)
                ),
            )),
        }
    }

    fn alias_as(
        &mut self,
        target: &str,
        last: &str,
        opts: Option<&Value>,
        env: &mut Env,
        line: u32,
    ) -> EResult<()> {
        let as_opt = opts.and_then(|o| keyword_get(o, "as"));
        match as_opt {
            Some(a) => match as_call(a) {
                Some(("__aliases__", _, [Value::Atom(name)])) => {
                    env.set_alias(&format!("Elixir.{name}"), target);
                }
                _ if matches!(a, Value::Atom(f) if f == "false" || f == "true") => {
                    if matches!(a, Value::Atom(t) if t == "true") {
                        env.set_alias(&format!("Elixir.{last}"), target);
                    }
                }
                _ => {
                    return Err(self.error(
                        line,
                        env,
                        format!("invalid value for option :as, expected a simple alias, got nested alias: {}", self.show(a)),
                    ))
                }
            },
            None => {
                if !last.is_empty() && target.starts_with("Elixir.") {
                    env.set_alias(&format!("Elixir.{last}"), target);
                }
            }
        }
        Ok(())
    }

    fn expand_alias_form(
        &mut self,
        meta: &Value,
        m: &Value,
        opts: Option<&Value>,
        env: &mut Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        if multi_alias(m).is_some() && opts.and_then(|o| keyword_get(o, "as")).is_some() {
            return Err(self.error(line, env, ":as option is not supported by multi-alias call"));
        }
        // `alias Foo.Bar` itself does not apply aliases to the last part only.
        let mods = self.expand_module_refs(m, env)?;
        let before = env.aliases.clone();
        let mut last_mod = q::nil();
        for (target, last) in &mods {
            let last = as_atom(last).unwrap_or("").to_owned();
            self.alias_as(target, &last, opts, env, line)?;
            last_mod = q::atom(target);
        }
        // An alias a quote made (its call has `context:`) also serves the
        // aliases the same macros wrote (`alias: false` in their meta).
        if keyword_get(meta, "context").is_some() {
            let counter = match keyword_get(meta, "counter") {
                Some(Value::Int(c)) => *c,
                _ => 0,
            };
            let new: Vec<(String, String)> = env
                .aliases
                .iter()
                .filter(|a| !before.contains(a))
                .cloned()
                .collect();
            let macro_aliases = std::sync::Arc::make_mut(&mut env.macro_aliases);
            for (name, target) in new {
                macro_aliases.retain(|(_, (n, _))| *n != name);
                macro_aliases.insert(0, (counter, (name, target)));
            }
        }
        Ok(refs_result(m, &mods, last_mod))
    }

    fn expand_require(
        &mut self,
        meta: &Value,
        m: &Value,
        opts: Option<&Value>,
        env: &mut Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        let mods = self.expand_module_refs(m, env)?;
        let mut last_mod = q::nil();
        for (target, last) in &mods {
            self.ensure_compiled(target, line, env)?;
            env.require(target);
            if opts.and_then(|o| keyword_get(o, "as")).is_some() {
                let last = as_atom(last).unwrap_or("").to_owned();
                self.alias_as(target, &last, opts, env, line)?;
            }
            last_mod = q::atom(target);
        }
        Ok(refs_result(m, &mods, last_mod))
    }

    /// A module that must exist at compile time (`require`, `import`, `use`).
    pub fn ensure_compiled(&mut self, module: &str, line: u32, env: &Env) -> EResult<()> {
        if self.host.functions_of(module).is_some() {
            return Ok(());
        }
        if self.host.is_open(module) {
            return Err(self.error(
                line,
                env,
                format!(
                    "you are trying to use the module {} which is currently being defined.\n\nThis may happen if you accidentally override the module you want to use. For example:\n\n    defmodule MyApp do\n      defmodule Supervisor do\n        use Supervisor\n      end\n    end\n\nIn the example above, the new Supervisor conflicts with Elixir's Supervisor. This may be fixed by using the fully qualified name in the definition:\n\n    defmodule MyApp.Supervisor do\n      use Supervisor\n    end\n",
                    super::inspect_module(module)
                ),
            ));
        }
        if env.context_modules.iter().any(|m| m == module) {
            return Err(self.error(
                line,
                env,
                format!(
                    "module {} is not loaded but was defined. This happens when you depend on a module in the same context in which it is defined. For example:\n\n    defmodule MyApp do\n      defmodule Mod do\n      end\n\n      use Mod\n    end\n\nTry defining the module outside the context that uses it:\n\n    defmodule MyApp.Mod do\n    end\n\n    defmodule MyApp do\n      use MyApp.Mod\n    end\n\nIf the module is defined at the top-level and you are trying to use it at the top-level, this is not supported by Elixir",
                    super::inspect_module(module)
                ),
            ));
        }
        Err(self.error(
            line,
            env,
            format!(
                "module {} is not loaded and could not be found",
                super::inspect_module(module)
            ),
        ))
    }

    fn expand_import(
        &mut self,
        meta: &Value,
        m: &Value,
        opts: Option<&Value>,
        env: &mut Env,
    ) -> EResult<Value> {
        let line = q::meta_line(meta);
        let mods = self.expand_module_refs(m, env)?;
        // The options are code too (`only: Helpers.names()` may be a macro).
        let opts = match opts {
            Some(o) if !is_literal_opts(o) => Some(self.expand(o, &mut env.clone())?),
            other => other.cloned(),
        };
        let opts = opts.as_ref();
        let mut last_mod = q::nil();
        for (target, _) in &mods {
            self.ensure_compiled(target, line, env)?;
            env.require(target);
            self.import_into(target, opts, line, env)?;
            last_mod = q::atom(target);
        }
        Ok(refs_result(m, &mods, last_mod))
    }

    /// Applies `import module, opts` to `env`.
    pub fn import_into(
        &mut self,
        module: &str,
        opts: Option<&Value>,
        line: u32,
        env: &mut Env,
    ) -> EResult<()> {
        let funs = if module == super::kernel::KERNEL {
            super::kernel::FUNCTIONS
                .iter()
                .map(|(n, a)| ((*n).to_owned(), *a))
                .collect()
        } else {
            self.host.functions_of(module).unwrap_or_default()
        };
        let macs = if module == super::kernel::KERNEL {
            super::kernel::MACROS
                .iter()
                .map(|(n, a)| ((*n).to_owned(), *a))
                .collect()
        } else {
            self.host.macros_of(module).unwrap_or_default()
        };
        let pairs = |v: &Value| -> Option<Vec<(String, usize)>> {
            as_list(v)?
                .iter()
                .map(|p| match p {
                    Value::Tuple(t) if t.len() == 2 => match (&t[0], &t[1]) {
                        (Value::Atom(n), Value::Int(a)) => Some((n.to_string(), *a as usize)),
                        _ => None,
                    },
                    _ => None,
                })
                .collect()
        };
        let only = opts.and_then(|o| keyword_get(o, "only"));
        let except = opts.and_then(|o| keyword_get(o, "except"));
        // A name and arity given twice in `only:` or `except:`.
        for (key, given) in [("only", only), ("except", except)] {
            let Some(list) = given.and_then(pairs) else {
                continue;
            };
            if let Some((n, a)) = list
                .iter()
                .enumerate()
                .find(|(i, x)| list[..*i].contains(x))
                .map(|(_, x)| x)
            {
                return Err(self.error(
                    line,
                    env,
                    format!("invalid :{key} option for import, {n}/{a} is duplicated"),
                ));
            }
        }
        // Erlang modules have no macros to import.
        if matches!(only, Some(Value::Atom(a)) if a == "macros") && !module.starts_with("Elixir.") {
            return Err(self.error(
                line,
                env,
                format!(
                    "could not load macros from module {}",
                    super::inspect_module(module)
                ),
            ));
        }
        let (mut f, mut m): (Vec<NameArity>, Vec<NameArity>) = match only {
            Some(Value::Atom(a)) if a == "functions" => (funs, vec![]),
            Some(Value::Atom(a)) if a == "macros" => (vec![], macs),
            Some(Value::Atom(a)) if a == "sigils" => (
                funs.into_iter()
                    .filter(|(n, a)| n.starts_with("sigil_") && *a == 2)
                    .collect(),
                macs.into_iter()
                    .filter(|(n, a)| n.starts_with("sigil_") && *a == 2)
                    .collect(),
            ),
            Some(v) => {
                let want = pairs(v).ok_or_else(|| {
                    self.error(line, env, format!("invalid :only option for import, expected value to be an atom :functions, :macros, or a list literal, got: {}", self.code_string(v)))
                })?;
                for (n, a) in &want {
                    if !funs
                        .iter()
                        .chain(macs.iter())
                        .any(|(x, y)| x == n && y == a)
                    {
                        return Err(self.error(
                            line,
                            env,
                            format!(
                                "cannot import {}.{n}/{a} because it is undefined or private",
                                super::inspect_module(module)
                            ),
                        ));
                    }
                }
                (
                    funs.into_iter().filter(|x| want.contains(x)).collect(),
                    macs.into_iter().filter(|x| want.contains(x)).collect(),
                )
            }
            None => (
                funs.into_iter()
                    .filter(|(n, _)| !n.starts_with('_'))
                    .collect(),
                macs.into_iter()
                    .filter(|(n, _)| !n.starts_with('_'))
                    .collect(),
            ),
        };
        if let Some(v) = except {
            let drop = pairs(v).ok_or_else(|| {
                self.error(line, env, format!("invalid :except option for import, expected value to be a list literal, got: {}", self.show(v)))
            })?;
            // `except:` after a previous import of the module narrows that import.
            if only.is_none() {
                if let Some((_, prev)) = env.functions.iter().find(|(x, _)| x == module) {
                    f = prev.clone();
                }
                if let Some((_, prev)) = env.macros.iter().find(|(x, _)| x == module) {
                    m = prev.clone();
                }
            }
            f.retain(|x| !drop.contains(x));
            m.retain(|x| !drop.contains(x));
        }
        let set = |imports: &mut super::env::Imports, list: Vec<(String, usize)>| {
            let v = std::sync::Arc::make_mut(imports);
            v.retain(|(x, _)| x != module);
            if !list.is_empty() {
                v.push((module.to_owned(), list));
            }
        };
        set(&mut env.functions, f);
        set(&mut env.macros, m);
        Ok(())
    }
}

/// `{:__block__, _, []}`: an empty `do` block.
pub fn is_empty_block(v: &Value) -> bool {
    matches!(as_call(v), Some(("__block__", _, [])))
}

fn is_options(kw: &[(&str, &Value)]) -> bool {
    kw.iter()
        .all(|(k, _)| matches!(*k, "do" | "into" | "uniq" | "reduce"))
}

/// `Base.{A, B}`: the base and the parts.
fn multi_alias(m: &Value) -> Option<(&Value, &[Value])> {
    let (head, _, Value::List(subs, None)) = as_node(m)? else {
        return None;
    };
    match as_node(head)? {
        (Value::Atom(dot), _, Value::List(d, None))
            if dot == "." && d.len() == 2 && as_atom(&d[1]) == Some("{}") =>
        {
            Some((&d[0], subs))
        }
        _ => None,
    }
}

/// What `alias`/`require`/`import` return: the module, or for the
/// multi-alias form (`alias Foo.{A, B}`) the list of them.
fn refs_result(m: &Value, mods: &[(String, Value)], last: Value) -> Value {
    if multi_alias(m).is_some() {
        q::list(mods.iter().map(|(t, _)| q::atom(t)).collect())
    } else {
        last
    }
}

/// Whether `import`'s options are literal already (the usual case): no
/// call anywhere in them but `{}` tuples.
fn is_literal_opts(v: &Value) -> bool {
    match v {
        Value::List(items, None) => items.iter().all(is_literal_opts),
        Value::Tuple(t) if t.len() == 2 => is_literal_opts(&t[0]) && is_literal_opts(&t[1]),
        Value::Tuple(_) => false,
        Value::List(_, Some(_)) => false,
        _ => true,
    }
}

/// Elixir's words for a `super` call or capture of another arity.
const SUPER_ARITY: &str =
    "super must be called with the same number of arguments as the current definition";
