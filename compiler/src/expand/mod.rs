//! The expander: quoted code in, quoted code with no macro left out.
//!
//! It sits between parsing (`quoted.rs` gives Elixir's quoted form) and code
//! generation (`lower.rs` turns its output into the code generator's tree).
//! It walks the tree with an [`Env`] threaded left to right, as Elixir's
//! `elixir_expand` does:
//!
//! - special forms (`=`, `case`, `fn`, `quote`, `alias`, `&`, `%`, ...) are
//!   expanded part by part, with patterns binding variables ([`forms`]);
//! - a call to a macro runs the macro on the VM, through the [`Host`], with
//!   its arguments unexpanded, stamps the result for hygiene and lines, and
//!   expands that again ([`dispatch`]);
//! - Kernel's macros that the code generator implements itself (`if`, `&&`,
//!   `|>`, `def`, `defmodule`, `@`, ...) are handled natively ([`macros`],
//!   [`module`]).
//!
//! The output is quoted code of special forms, variables, local calls of the
//! module's own functions and remote calls. Variables keep their meta, so
//! hygiene survives into code generation ([`env::VarId::key`]).

pub mod dispatch;
pub mod env;
pub mod forms;
pub mod kernel;
pub mod macros;
pub mod module;
pub mod quote;

use crate::ast::Span;
use crate::diagnostic::Diagnostic;
use crate::quoted::{self as q, as_atom, as_node, LineIndex};
use beamlet_vm::value::Value;
pub use env::{Context, Env, VarCtx, VarId, Vars};

/// Nested macro expansions allowed before expansion stops with an error
/// (a macro that expands to itself; Elixir hangs there). Each level holds
/// a few Rust frames, so this also bounds the stack the expander uses.
pub const MAX_DEPTH: u32 = 200;

/// An exception a macro (or other code the expander ran) raised: it
/// reaches the user as raised, as in Elixir.
#[derive(Clone, Debug, PartialEq)]
pub struct Raised {
    /// `error`, `throw` or `exit`.
    pub class: String,
    pub reason: Value,
    pub stacktrace: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// A compile error in the code being expanded.
    Compile(Diagnostic),
    /// Code run at compile time raised.
    Raised(Box<Raised>),
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Error {
        Error::Compile(d)
    }
}

pub type EResult<T> = Result<T, Error>;

/// What the expander needs from the running system: running code (macros,
/// `__struct__/0`), knowing which modules exist and what they export, and
/// the state of the module being defined.
pub trait Host {
    /// Runs `module.name(args)` and returns what it returns.
    fn call(&mut self, module: &str, name: &str, args: Vec<Value>) -> Result<Value, Box<Raised>>;
    /// The public functions of `module` (loading it first if the standard
    /// library has it), or `None` when there is no such module.
    fn functions_of(&mut self, module: &str) -> Option<Vec<(String, usize)>>;
    /// The macros of `module` (arity as called, without the environment).
    fn macros_of(&mut self, module: &str) -> Option<Vec<(String, usize)>>;
    /// Whether `module` has the macro `name/arity` (arity as called): what
    /// [`Host::macros_of`] would list, asked of one macro.
    fn has_macro(&mut self, module: &str, name: &str, arity: usize) -> bool {
        self.macros_of(module)
            .is_some_and(|ms| ms.iter().any(|(n, a)| n == name && *a == arity))
    }
    /// Whether `module` is being defined right now (its body is running).
    fn is_open(&mut self, module: &str) -> bool;
    /// The current value of attribute `@name` of the open `module`
    /// (`None` when never set); reading it marks it read.
    fn attribute(&mut self, module: &str, name: &str) -> Option<Value>;
    /// Whether the open `module` has defined the macro `name/arity` so far.
    fn has_local_macro(&mut self, module: &str, name: &str, arity: usize) -> bool;
    /// Runs the open `module`'s own macro (`args` starts with the caller's env).
    fn call_local_macro(
        &mut self,
        module: &str,
        name: &str,
        args: Vec<Value>,
    ) -> Result<Value, Box<Raised>>;
    /// Runs the macro function `module.fun` (`MACRO-name`; the open
    /// module's own when `local`) with `caller` as `__CALLER__` and `args`
    /// without their `column:` metadata (Elixir's compiler records none).
    /// A host may build the environment, and drop the columns, faster than
    /// `Env::to_value` and `quoted::without_columns` do. The result comes
    /// back stamped as `stamp` says, with a counter taken once the macro
    /// has returned (a host may stamp it while reading it back). Owned
    /// `args` are the host's to take parts of: a part the macro returns
    /// unchanged may be moved into the result, not read back from the
    /// macro's heap.
    fn call_macro(
        &mut self,
        module: &str,
        fun: &str,
        caller: &Env,
        args: std::borrow::Cow<'_, [Value]>,
        local: bool,
        stamp: &dispatch::Stamp,
    ) -> Result<Value, Box<Raised>> {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(caller.to_value());
        all.extend(args.iter().map(crate::quoted::without_columns));
        let mut v = if local {
            self.call_local_macro(module, fun, all)
        } else {
            self.call(module, fun, all)
        }?;
        let counter = self.next_counter();
        stamp.apply(&mut v, counter);
        Ok(v)
    }
    /// The struct of `module` as a map with its defaults (`%{__struct__: M, ...}`),
    /// from the open module's `defstruct` or from `M.__struct__/0`.
    fn struct_of(&mut self, module: &str) -> Option<Value>;
    /// Keys `@enforce_keys` requires for `module`'s struct.
    fn enforced_keys(&mut self, module: &str) -> Vec<String>;
    /// A fresh number for hygiene counters (unique in the VM).
    fn next_counter(&mut self) -> i64;
    /// Keeps `env` for a definition of the open module made later, when the
    /// module body runs, with the definition itself when it is known now
    /// (no unquote fragments): the body then passes only the index, not the
    /// definition's code as a literal. Returns the index. `context` is the
    /// `def` call's `:context` (the module of the `quote` it came from).
    fn save_env(
        &mut self,
        module: &str,
        env: &Env,
        def: Option<Value>,
        context: Option<&str>,
    ) -> usize;
    /// Keeps a module body the code will pass to `:elixir_module.compile/4`
    /// (as [`module::SAVED_BODY`]) and returns its index; gives it back
    /// when this host can't.
    fn save_body<'b>(
        &mut self,
        body: std::borrow::Cow<'b, Value>,
    ) -> Result<usize, std::borrow::Cow<'b, Value>> {
        Err(body)
    }
    /// Notes that a function of the open `module` calls `name/arity`
    /// imported from `from` (a local function of that name conflicts).
    fn note_imported_call(&mut self, _module: &str, _name: &str, _arity: usize, _from: &str) {}
}

/// The expander's state for one expansion job.
pub struct Expander<'a> {
    pub host: &'a mut dyn Host,
    /// The text of the file being expanded (for diagnostics' positions).
    pub source: Option<&'a str>,
    /// Built on first use: most runs never need a span.
    lines: std::cell::OnceCell<LineIndex>,
    depth: u32,
    /// Warnings met on the way (`undefined module attribute`, ...).
    pub warnings: Vec<Diagnostic>,
    /// Inside a capture `&(...)`: `&1` is allowed.
    pub in_capture: bool,
    /// Inside a `quote`'s `unquote`: quote depth, for nested quotes.
    pub quote_depth: u32,
    /// Checking a `defguard` where it is defined: a call to a local not
    /// known yet may be a macro the module body defines before the guard
    /// is used, so it is let through (uses of the guard check it again).
    pub(crate) defguard_check: bool,
    /// An `@on_definition` was expanded: the `def`s after it are stored
    /// through `:elixir_module.define/5`, which calls the hooks in the
    /// process running the body (not in a nested call).
    pub(crate) on_definition: bool,
    /// `super` calls expanded so far (a definition's clause notes whether
    /// its body made one).
    pub(crate) supers: u32,
    /// `BEAMLET_TIMINGS`: the time this expander lives counts as expansion.
    _timing: beamlet_vm::timing::Guard,
}

impl<'a> Expander<'a> {
    /// The source's line index, built the first time a span is asked for.
    fn line_index(&self) -> Option<&LineIndex> {
        let src = self.source?;
        Some(self.lines.get_or_init(|| LineIndex::new(src)))
    }

    pub fn new(host: &'a mut dyn Host, source: Option<&'a str>) -> Expander<'a> {
        Expander {
            host,
            source,
            lines: std::cell::OnceCell::new(),
            depth: 0,
            warnings: Vec::new(),
            in_capture: false,
            quote_depth: 0,
            defguard_check: false,
            on_definition: false,
            supers: 0,
            _timing: beamlet_vm::timing::enter(beamlet_vm::timing::Phase::Expand),
        }
    }

    // ---- diagnostics ----

    /// A span for `line` of the source at `column` (1-based; 0: the line's
    /// first non-blank character), over the word that starts there.
    pub fn span_at(&self, line: u32, column: u32) -> Span {
        match (self.line_index(), self.source) {
            (Some(li), Some(src)) => li.span_at(src, line, column),
            _ => Span::default(),
        }
    }

    /// A span for `line` of the source: its first non-blank character.
    pub fn span_of_line(&self, line: u32) -> Span {
        self.span_at(line, 0)
    }

    /// Where a diagnostic about `line` points: the node being expanded,
    /// when it is on that line.
    fn span_for(&self, line: u32, env: &Env) -> Span {
        let l = if line == 0 { env.line } else { line };
        let col = if l == env.line { env.column } else { 0 };
        self.span_at(l, col)
    }

    /// A compile error at `line` (the env's line when 0).
    /// An `ArgumentError` raised while expanding, as a Kernel macro
    /// written in Elixir raises it (it reaches the user as that exception,
    /// not as a CompileError).
    /// `KeyError` for `key` (as a struct's `__struct__/1` raises it for a
    /// key the struct does not have).
    pub fn key_error(&self, key: &str) -> Error {
        let msg = format!("key {} not found", beamlet_vm::inspect::inspect_atom(key));
        let e = env::sorted_map(vec![
            (q::atom("__exception__"), q::atom("true")),
            (q::atom("__struct__"), q::atom("Elixir.KeyError")),
            (q::atom("key"), q::atom(key)),
            (q::atom("message"), q::string(&msg)),
            (q::atom("term"), q::nil()),
        ]);
        Error::Raised(Box::new(Raised {
            class: "error".into(),
            reason: e,
            stacktrace: q::list(vec![]),
        }))
    }

    pub fn argument_error(&self, msg: impl Into<String>) -> Error {
        let e = env::sorted_map(vec![
            (q::atom("__exception__"), q::atom("true")),
            (q::atom("__struct__"), q::atom("Elixir.ArgumentError")),
            (q::atom("message"), q::string(&msg.into())),
        ]);
        Error::Raised(Box::new(Raised {
            class: "error".into(),
            reason: e,
            stacktrace: q::list(vec![]),
        }))
    }

    pub fn error(&self, line: u32, env: &Env, msg: impl Into<String>) -> Error {
        Error::Compile(Diagnostic::new(self.span_for(line, env), msg))
    }

    pub fn error_hint(
        &self,
        line: u32,
        env: &Env,
        msg: impl Into<String>,
        hint: impl Into<String>,
    ) -> Error {
        Error::Compile(Diagnostic::new(self.span_for(line, env), msg).with_hint(hint))
    }

    pub fn warn_hint(
        &mut self,
        line: u32,
        env: &Env,
        msg: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let d = Diagnostic::new(self.span_for(line, env), msg).with_hint(hint);
        if !self.warnings.contains(&d) {
            self.warnings.push(d);
        }
    }

    pub fn warn(&mut self, line: u32, env: &Env, msg: impl Into<String>) {
        let d = Diagnostic::new(self.span_for(line, env), msg);
        if !self.warnings.contains(&d) {
            self.warnings.push(d);
        }
    }

    // ---- the walk ----

    /// Expands every expression of `exprs` in turn, threading `env`.
    pub fn expand_all(&mut self, exprs: &[Value], env: &mut Env) -> EResult<Vec<Value>> {
        exprs.iter().map(|e| self.expand(e, env)).collect()
    }

    /// Expands `v` in `env` (which it updates: bindings, aliases, imports).
    pub fn expand(&mut self, v: &Value, env: &mut Env) -> EResult<Value> {
        match v {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Binary(_) => Ok(v.clone()),
            Value::Atom(_) => Ok(v.clone()),
            Value::List(items, tail) => self.expand_list(items, tail.as_deref(), env),
            Value::Tuple(t) if t.len() == 2 => Ok(q::tuple(vec![
                self.expand(&t[0], env)?,
                self.expand(&t[1], env)?,
            ])),
            Value::Tuple(t) if t.len() == 3 => self.expand_node(v, &t[0], &t[1], &t[2], env),
            other => Err(self.invalid_quoted(other, env)),
        }
    }

    /// [`Expander::expand`] of a tree the caller owns (a macro's result, a
    /// stored definition): the same expansion, but the nodes that pass
    /// through unchanged in shape (blocks, lists, calls of functions,
    /// escaped data, `=`, `if`) are expanded in place and moved into the
    /// result, not copied into a new tree while the old one is dropped.
    /// Any other form goes to the borrowing walk.
    pub fn expand_owned(&mut self, v: Value, env: &mut Env) -> EResult<Value> {
        match v {
            Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Binary(_)
            | Value::Atom(_) => Ok(v),
            Value::List(mut items, tail) => {
                let last = items.len().wrapping_sub(1);
                for (i, it) in items.iter_mut().enumerate() {
                    // `[h | t]` is `[{:|, _, [h, t]}]`: the bar is only valid last.
                    if i == last
                        && tail.is_none()
                        && matches!(q::as_call(it), Some(("|", _, [_, _])))
                    {
                        if let Value::Tuple(t) = it {
                            if let Value::List(ht, None) = &mut t[2] {
                                self.expand_in_place(ht, env)?;
                                continue;
                            }
                        }
                    }
                    *it = self.expand_owned(std::mem::replace(it, Value::Int(0)), env)?;
                }
                let tail = match tail {
                    Some(t) => Some(Box::new(self.expand_owned(*t, env)?)),
                    None => None,
                };
                Ok(Value::List(items, tail))
            }
            Value::Tuple(mut t) if t.len() == 2 => {
                self.expand_in_place(&mut t, env)?;
                Ok(Value::Tuple(t))
            }
            Value::Tuple(t) if t.len() == 3 => self.expand_node_owned(t, env),
            other => self.expand(&other, env),
        }
    }

    /// Each element of `items` expanded in turn ([`Expander::expand_owned`]).
    pub fn expand_in_place(&mut self, items: &mut [Value], env: &mut Env) -> EResult<()> {
        for it in items.iter_mut() {
            *it = self.expand_owned(std::mem::replace(it, Value::Int(0)), env)?;
        }
        Ok(())
    }

    /// A 3-tuple node, owned (see [`Expander::expand_owned`]).
    fn expand_node_owned(&mut self, t: Vec<Value>, env: &mut Env) -> EResult<Value> {
        let line = match q::keyword_get_atom(&t[1], beamlet_vm::static_atom!("line")) {
            Some(Value::Int(n)) => *n as u32,
            _ => 0,
        };
        let call = match (&t[0], &t[2]) {
            // A variable that is bound, or bound here, is itself.
            (Value::Atom(name), Value::Atom(ctx))
                if !name.starts_with("__") && name.as_str() != "_" =>
            {
                let id = VarId::of(name, &t[1], ctx);
                let known = match env.context {
                    Context::Match => {
                        env.bind(id);
                        true
                    }
                    _ => env.has_var(&id),
                };
                if known {
                    if line > 0 {
                        env.line = line;
                        env.column = q::meta_column(&t[1]);
                    }
                    return Ok(Value::Tuple(t));
                }
                return self.expand(&Value::Tuple(t), env);
            }
            (Value::Atom(_), Value::List(_, None)) => true,
            (Value::Tuple(_), Value::List(_, None)) => false,
            _ => return self.expand(&Value::Tuple(t), env),
        };
        if line > 0 {
            env.line = line;
            env.column = q::meta_column(&t[1]);
        }
        if call {
            self.expand_call_owned(t, env)
        } else {
            self.expand_remote_owned(t, env)
        }
    }

    pub fn invalid_quoted(&self, v: &Value, env: &Env) -> Error {
        let shown = beamlet_vm::inspect::inspect(v, &Default::default());
        self.error_hint(
            0,
            env,
            format!("invalid quoted expression: {shown}"),
            "please make sure your quoted expressions are made of valid AST nodes; if you would like to introduce a value into the AST, such as a four-element tuple or a map, make sure to call Macro.escape/1 before",
        )
    }

    fn expand_list(
        &mut self,
        items: &[Value],
        tail: Option<&Value>,
        env: &mut Env,
    ) -> EResult<Value> {
        let mut out = Vec::with_capacity(items.len());
        for (i, it) in items.iter().enumerate() {
            // `[h | t]` is `[{:|, _, [h, t]}]`: the bar is only valid last.
            if let Some(("|", meta, [h, t])) = q::as_call(it) {
                if i + 1 == items.len() && tail.is_none() {
                    let h = self.expand(h, env)?;
                    let t = self.expand(t, env)?;
                    out.push(q::tuple(vec![
                        q::atom("|"),
                        meta.clone(),
                        q::list(vec![h, t]),
                    ]));
                    continue;
                }
            }
            out.push(self.expand(it, env)?);
        }
        let tail = match tail {
            Some(t) => Some(Box::new(self.expand(t, env)?)),
            None => None,
        };
        Ok(Value::List(out, tail))
    }

    fn expand_node(
        &mut self,
        whole: &Value,
        head: &Value,
        meta: &Value,
        tail: &Value,
        env: &mut Env,
    ) -> EResult<Value> {
        // (Only `line:`: code quoted with `location: :keep` stays at the
        // caller's line here, as in Elixir; its `keep:` line is for traces.)
        let line = match q::keyword_get(meta, "line") {
            Some(Value::Int(n)) => *n as u32,
            _ => 0,
        };
        if line > 0 {
            env.line = line;
            env.column = q::meta_column(meta);
        }
        match (head, tail) {
            (Value::Atom(name), Value::Atom(ctx)) => self.expand_var(name, meta, ctx, env),
            (Value::Atom(name), Value::List(args, None)) => {
                self.expand_call(name, meta, args, env)
            }
            (Value::Tuple(_), Value::List(args, None)) => match as_node(head) {
                Some((Value::Atom(dot), dmeta, Value::List(dargs, None))) if dot == "." => {
                    match dargs.as_slice() {
                        [recv, Value::Atom(name)] => {
                            self.expand_remote(recv, name, dmeta, meta, args, env)
                        }
                        [fun] => {
                            let f = self.expand(fun, env)?;
                            let args = self.expand_args(args, env)?;
                            let dot = q::tuple(vec![q::atom("."), dmeta.clone(), q::list(vec![f])]);
                            Ok(q::tuple(vec![dot, meta.clone(), q::list(args)]))
                        }
                        _ => Err(self.invalid_quoted(whole, env)),
                    }
                }
                _ => Err(self.error(
                    line,
                    env,
                    "invalid call: a call's name must be an atom (unquote can only build a function name inside a quote or a def)",
                )),
            },
            _ => Err(self.invalid_quoted(whole, env)),
        }
    }

    /// Call arguments, expanded left to right in the caller's env.
    pub fn expand_args(&mut self, args: &[Value], env: &mut Env) -> EResult<Vec<Value>> {
        self.expand_all(args, env)
    }

    // ---- variables ----

    fn expand_var(&mut self, name: &str, meta: &Value, ctx: &str, env: &mut Env) -> EResult<Value> {
        let line = q::meta_line(meta);
        match name {
            "__MODULE__" => return Ok(env.module.as_deref().map_or_else(q::nil, q::atom)),
            "__DIR__" => {
                let dir = std::path::Path::new(&env.file)
                    .parent()
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_else(|| ".".into());
                return Ok(q::string(&dir));
            }
            "__ENV__" => {
                if env.context == Context::Match {
                    return Err(self.error(
                        line,
                        env,
                        "invalid pattern in match, __ENV__ is not allowed in matches",
                    ));
                }
                return Ok(q::escape(&env.to_value()));
            }
            "__CALLER__" => {
                if !env.in_macro {
                    return Err(self.error(
                        line,
                        env,
                        "__CALLER__ is available only inside defmacro and defmacrop",
                    ));
                }
                return Ok(caller_var());
            }
            "__STACKTRACE__" => {
                return Ok(q::var("__STACKTRACE__", meta.clone(), q::nil()));
            }
            _ => {}
        }
        let id = VarId::of(name, meta, ctx);
        let node = q::var(name, meta.clone(), q::atom(ctx));
        match env.context {
            Context::Match => {
                if name != "_" {
                    env.bind(id);
                }
                Ok(node)
            }
            _ if name == "_" => Err(self.error_hint(
                line,
                env,
                "invalid use of _. _ can only be used inside patterns to ignore values and cannot be used in expressions. Make sure you are inside a pattern or change it accordingly",
                "a variable starting with _ is ignored: rename it if you mean to use its value",
            )),
            _ if env.has_var(&id) => Ok(node),
            Context::Guard => Err(self.undefined_var(name, ctx, line, env)),
            Context::Expr => {
                if ctx != "nil" {
                    return Err(self.undefined_var(name, ctx, line, env));
                }
                // Not a variable: a call without parentheses, as Elixir 1.14
                // does it (with a warning when something by that name exists).
                if self.can_resolve_call(name, 0, env) {
                    let meta = &q::meta_put(meta, "no_parens", q::atom("true"));
                    self.warn(line, env, format!("variable \"{name}\" does not exist and is being expanded to \"{name}()\", please use parentheses to remove the ambiguity or change the variable name"));
                    return self.expand_call(name, meta, &[], env);
                }
                Err(self.undefined_var(name, ctx, line, env))
            }
        }
    }

    fn undefined_var(&self, name: &str, ctx: &str, line: u32, env: &Env) -> Error {
        if ctx != "nil" {
            return self.error(
                line,
                env,
                format!(
                    "undefined variable \"{name}\" (context {})",
                    ctx.trim_start_matches("Elixir.")
                ),
            );
        }
        if env.function.is_some() {
            self.error_hint(
                line,
                env,
                format!("undefined variable \"{name}\""),
                "variables must be bound before they are used (in this clause or an enclosing scope); for a function call, write name()",
            )
        } else {
            self.error_hint(
                line,
                env,
                format!("undefined function {name}/0 (there is no such import)"),
                format!("if you meant the variable {name}, bind it before this use"),
            )
        }
    }
}

/// The hidden first argument of every macro: the caller's `%Macro.Env{}`.
pub fn caller_var() -> Value {
    q::var("__CALLER__", q::list(vec![]), q::atom("beamlet"))
}

pub use crate::quoted::inspect_module;

/// The atom a quoted name stands for, if it is a plain atom.
pub fn atom_of(v: &Value) -> Option<&str> {
    as_atom(v)
}
