//! A module being defined: what its body has stored so far.
//!
//! Elixir keeps this in the module's ETS tables while the body runs; here it
//! is one [`ModuleState`] per open module, shared by every process (a
//! module body may spawn and the spawned code may read attributes).

use super::lowering::Lowering;
use super::packed::Packed;
use crate::ast;
use crate::expand::module::{DefClause, DefKind, Definition};
use crate::expand::Env;
use beamlet_vm::value::Value;

/// A macro of the open module compiled for running: name, arity, function index.
pub type CompiledMacro = (String, usize, u32);

/// Attributes that accumulate by default (Elixir's list).
pub const ACCUMULATING: &[&str] = &[
    "after_compile",
    "after_verify",
    "before_compile",
    "behaviour",
    "compile",
    "derive",
    "dialyzer",
    "external_resource",
    "on_definition",
    "type",
    "typep",
    "opaque",
    "spec",
    "callback",
    "macrocallback",
    "optional_callbacks",
];

/// The `@on_definition` hook every module starts with, `Module`'s.
pub const BUILTIN_ON_DEFINITION: &str = "compile_definition_attributes";

/// Attributes kept in `__info__(:attributes)` by default.
pub const PERSISTED: &[&str] = &["behaviour", "external_resource", "dialyzer", "vsn"];

/// Attributes Elixir itself uses (never "unused").
const BUILTIN: &[&str] = &[
    "doc",
    "moduledoc",
    "typedoc",
    "impl",
    "deprecated",
    "since",
    "enforce_keys",
    "derive",
    "spec",
    "type",
    "typep",
    "opaque",
    "callback",
    "macrocallback",
    "optional_callbacks",
    "behaviour",
    "before_compile",
    "after_compile",
    "after_verify",
    "on_definition",
    "on_load",
    "compile",
    "dialyzer",
    "external_resource",
    "file",
    "vsn",
    "fallback_to_any",
    "__struct__",
];

#[derive(Clone, Debug)]
pub struct Attr {
    pub name: String,
    /// For accumulating attributes: the list, newest first.
    pub value: Value,
    pub accumulate: bool,
    pub persist: bool,
    pub set: bool,
    /// Registered with `Module.register_attribute/3`: it counts as defined
    /// (`Module.has_attribute?/2`) even before a value is given.
    pub registered: bool,
    pub read: bool,
    pub line: u32,
}

/// One clause of a stored definition.
#[derive(Clone, Debug)]
pub struct StoredClause {
    pub line: u32,
    /// Patterns (expanded), one per parameter (`Module.get_definition/3`,
    /// the docs' signature).
    pub args: Vec<Value>,
    pub guard: Option<Value>,
    /// The body calls `super`.
    pub has_super: bool,
    pub form: ClauseForm,
}

/// A stored clause's code.
#[derive(Clone, Debug)]
pub enum ClauseForm {
    /// Expanded, lowered when the module is compiled: a clause whose
    /// lowering failed (the error is the module's, reported when it is
    /// compiled, and only if the clause is), one that calls `super` with
    /// nothing to call, or a compiled module's (its body taken: `nil`).
    Expanded(Value),
    /// Lowered as it was stored ([`super::finish::lower_clause`], into the
    /// module's literal heap, [`ModuleState::lowering`]), so that its
    /// expanded tree (about 150 KB for an ExUnit `test`) is freed at once
    /// and its memory reused by the next definition; the expanded body is
    /// kept packed for `Module.get_definition/3`, the only reader.
    Lowered(Box<ast::Clause>, Packed),
    /// Being lowered on the module's thread ([`super::lowering`]): the
    /// ticket of its result ([`ModuleState::settle`] puts it in place).
    Pending(usize),
}

impl StoredClause {
    /// The expanded body (unpacked from a lowered clause).
    pub fn body(&self) -> Value {
        match &self.form {
            ClauseForm::Expanded(v) => v.clone(),
            ClauseForm::Lowered(_, p) => p.unpack(),
            // Settled before it is read ([`ModuleState::settle`]).
            ClauseForm::Pending(_) => Value::Atom("nil".into()),
        }
    }
}

/// All clauses of one function, as stored.
#[derive(Clone, Debug)]
pub struct Def {
    pub kind: DefKind,
    pub name: String,
    pub arity: usize,
    pub user_name: String,
    pub user_arity: usize,
    pub line: u32,
    pub clauses: Vec<StoredClause>,
    /// Default arguments (position → expression), from the first
    /// definition that declared them.
    pub defaults: Vec<(usize, Value)>,
    /// `@doc` given right before it (kept for the shell's `h`).
    pub doc: Option<Value>,
    /// The hidden name of the definition this one overrode, which its
    /// `super` calls.
    pub super_of: Option<String>,
    /// The `:context` of its first `def` (see [`ModuleState::def_contexts`]).
    pub context: Option<String>,
    /// Arities its defaults make that were overridden (`defoverridable
    /// f: 1` of `def f(a, b \\ 1)`, then `def f(a)`): the default's
    /// function is made under the hidden name given, for `super`.
    pub renamed_defaults: Vec<(usize, String)>,
}

#[derive(Debug)]
pub struct ModuleState {
    pub name: String,
    pub file: String,
    pub line: u32,
    /// Lexical environments of the body's `def`s, by index.
    pub envs: Vec<Env>,
    /// The definitions of `envs`' `def`s known at expansion (by index),
    /// packed: they are kept while the body runs (a `def` in a `for` runs
    /// once per element), and unpacked at each run.
    pub saved_defs: Vec<Option<Packed>>,
    /// The `:context` of `envs`' `def` calls (by index): the module of
    /// the `quote` a definition came from, `None` for code as written.
    pub def_contexts: Vec<Option<String>>,
    pub attrs: Vec<Attr>,
    pub defs: Vec<Def>,
    /// `defstruct` fields with their defaults, in order.
    pub struct_fields: Option<Vec<(String, Value)>>,
    pub exception: bool,
    /// Functions marked overridable: (name, arity) → the definition taken out, if any.
    pub overridable: Vec<((String, usize), Option<Def>)>,
    /// Definitions overridden, under their hidden names (`f (overridable
    /// 1)`, `f (overridable 2)` for a second override, ...).
    pub overridden: Vec<(String, Def)>,
    /// Bumped at each definition: the compiled local macros are stale.
    pub version: u64,
    /// Where the module's own macros were compiled, and at which version.
    pub macro_cache: Option<(u64, Vec<CompiledMacro>)>,
    /// `@before_compile` hooks not yet run.
    pub pending_hooks: Option<Vec<Value>>,
    /// The module's documentation (`@moduledoc`).
    pub moduledoc: Option<Value>,
    /// `@impl` values, each with the definition it marked (checked when
    /// the module is finished: `behaviours.rs`).
    pub impls: Vec<ImplMark>,
    /// Calls of imported functions made by the module's functions
    /// (`name`, arity, the module imported from): a local function of the
    /// same name and arity conflicts with them.
    pub imported_calls: Vec<(String, usize, String)>,
    /// Compiled, open only for its `@after_compile` hooks to read.
    pub read_only: bool,
    /// The lowering of each clause as it is stored: the literal heap of
    /// the unit the module compiles into, and the thread lowering them.
    pub lowering: Lowering,
}

/// An `@impl` and the definition after it.
#[derive(Clone, Debug)]
pub struct ImplMark {
    pub value: Value,
    pub kind: DefKind,
    /// The name and arity in the code (`MACRO-name`, arity + 1, for a macro).
    pub name: String,
    pub arity: usize,
    pub user_name: String,
    pub user_arity: usize,
    pub line: u32,
    /// The definition's `:context` (see [`ModuleState::def_contexts`]).
    pub context: Option<String>,
}

impl ModuleState {
    /// A module whose body starts: the accumulating attributes exist, empty
    /// (`@behaviour` reads `[]`), but `@on_definition`, which holds Elixir's
    /// own hook (`{Module, :compile_definition_attributes}`: what it does is
    /// done natively here, so it is never called).
    pub fn new(name: &str, file: &str, line: u32) -> ModuleState {
        let mut st = ModuleState::empty(name, file, line);
        for a in ACCUMULATING {
            st.attr_mut(a);
        }
        st.attr_mut("on_definition").value = Value::List(
            vec![crate::quoted::pair(
                crate::quoted::atom("Elixir.Module"),
                crate::quoted::atom(BUILTIN_ON_DEFINITION),
            )],
            None,
        );
        st
    }

    /// A state with nothing in it (not even the accumulating attributes).
    pub fn empty(name: &str, file: &str, line: u32) -> ModuleState {
        ModuleState {
            name: name.to_owned(),
            file: file.to_owned(),
            line,
            envs: Vec::new(),
            saved_defs: Vec::new(),
            def_contexts: Vec::new(),
            attrs: Vec::new(),
            defs: Vec::new(),
            struct_fields: None,
            exception: false,
            overridable: Vec::new(),
            overridden: Vec::new(),
            version: 0,
            macro_cache: None,
            pending_hooks: None,
            moduledoc: None,
            impls: Vec::new(),
            imported_calls: Vec::new(),
            read_only: false,
            lowering: Lowering::default(),
        }
    }

    /// Keeps the environment of a `def` of the body, and its definition if
    /// known at expansion, and the context (quoting module) its code came
    /// from; returns their index. Without the body's variables: a
    /// definition does not see them, and `@on_definition` hooks get an env
    /// with no `versioned_vars` (as Elixir's); and the body's variables stay
    /// unshared, so binding the next one does not copy them (a module body
    /// holds a variable per ExUnit `test`).
    pub fn save_env(&mut self, env: &Env, def: Option<&Value>, context: Option<&str>) -> usize {
        let mut env = env.clone();
        env.vars = Default::default();
        self.envs.push(env);
        self.def_contexts.push(context.map(str::to_owned));
        self.saved_defs.push(def.map(Packed::pack));
        self.envs.len() - 1
    }

    pub fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| a.name == name)
    }

    /// `@enforce_keys` as a list: a single key is a list of one
    /// (`@enforce_keys :id`, and `nil` too, as in Elixir); unset, none.
    pub fn enforce_keys(&self) -> Vec<Value> {
        match self
            .attr("enforce_keys")
            .filter(|a| a.set)
            .map(|a| &a.value)
        {
            Some(Value::List(items, None)) => items.clone(),
            Some(v) => vec![v.clone()],
            None => vec![],
        }
    }

    fn attr_mut(&mut self, name: &str) -> &mut Attr {
        if let Some(i) = self.attrs.iter().position(|a| a.name == name) {
            return &mut self.attrs[i];
        }
        let acc = ACCUMULATING.contains(&name);
        self.attrs.push(Attr {
            name: name.to_owned(),
            value: if acc {
                Value::List(vec![], None)
            } else {
                nil()
            },
            accumulate: acc,
            persist: PERSISTED.contains(&name),
            set: acc,
            registered: false,
            read: false,
            line: 0,
        });
        self.attrs.last_mut().expect("just pushed")
    }

    /// `Module.register_attribute(m, name, accumulate: a, persist: p)`.
    pub fn register(&mut self, name: &str, accumulate: bool, persist: bool) {
        let a = self.attr_mut(name);
        a.registered = true;
        if accumulate && !a.accumulate {
            a.accumulate = true;
            a.value = Value::List(vec![], None);
            a.set = true;
        }
        a.persist |= persist;
    }

    /// `@name value`: sets it, or prepends to an accumulating attribute.
    pub fn put(&mut self, name: &str, value: Value, line: u32) {
        let a = self.attr_mut(name);
        if a.accumulate {
            match &mut a.value {
                Value::List(items, None) => items.insert(0, value),
                other => *other = Value::List(vec![value], None),
            }
        } else {
            a.value = value;
        }
        a.set = true;
        a.line = line;
    }

    /// `@name`: the value (`None` if never set), marking it read.
    pub fn get(&mut self, name: &str) -> Option<Value> {
        let i = self.attrs.iter().position(|a| a.name == name)?;
        let a = &mut self.attrs[i];
        if !a.set {
            return None;
        }
        a.read = true;
        Some(a.value.clone())
    }

    /// `Module.delete_attribute/2`: the value it had; an accumulating
    /// attribute stays registered, empty.
    pub fn delete(&mut self, name: &str) -> Option<Value> {
        let i = self.attrs.iter().position(|a| a.name == name)?;
        if self.attrs[i].accumulate {
            let a = &mut self.attrs[i];
            return Some(std::mem::replace(&mut a.value, Value::List(vec![], None)));
        }
        let a = self.attrs.remove(i);
        a.set.then_some(a.value)
    }

    /// Takes a non-accumulating attribute's value away (`@doc`, `@impl`
    /// belong to the next definition).
    pub fn take(&mut self, name: &str) -> Option<Value> {
        let i = self
            .attrs
            .iter()
            .position(|a| a.name == name && !a.accumulate && a.set)?;
        let a = &mut self.attrs[i];
        a.set = false;
        Some(std::mem::replace(&mut a.value, nil()))
    }

    /// Whether attribute `name` is defined: set, or registered.
    pub fn has_attribute(&self, name: &str) -> bool {
        self.attrs
            .iter()
            .any(|a| a.name == name && (a.set || a.registered))
    }

    /// The persisted attributes as Erlang keeps them: `{name, list}`, a
    /// value that is no list wrapped in one, an accumulated attribute as one
    /// entry per value, oldest first (none when it has no value).
    pub fn persisted_attributes(&self) -> Vec<Value> {
        let wrap = |v: &Value| match v {
            Value::List(_, None) => v.clone(),
            other => Value::List(vec![other.clone()], None),
        };
        let mut out = Vec::new();
        for a in self.attrs.iter().filter(|a| a.persist && a.set) {
            match (&a.value, a.accumulate) {
                (Value::List(items, None), true) => {
                    out.extend(
                        items
                            .iter()
                            .rev()
                            .map(|v| crate::quoted::pair(crate::quoted::atom(&a.name), wrap(v))),
                    );
                }
                (v, _) => out.push(crate::quoted::pair(crate::quoted::atom(&a.name), wrap(v))),
            }
        }
        out
    }

    pub fn def_index(&self, name: &str, arity: usize) -> Option<usize> {
        self.defs
            .iter()
            .position(|d| d.name == name && d.arity == arity)
    }

    pub fn has_macro(&self, name: &str, arity: usize) -> bool {
        let code = format!("MACRO-{name}");
        self.defs.iter().any(|d| {
            // `arity + 1`: the caller's env comes first; defaults give
            // the macro shorter arities too.
            d.kind.is_macro()
                && d.name == code
                && arity < d.arity
                && arity + 1 + d.defaults.len() >= d.arity
        })
    }

    /// Stores a definition; `Err` with Elixir's message when it clashes.
    /// Its clause is lowered at once ([`super::finish::lower_clause`]);
    /// `source`: the module's file's text (for spans).
    pub fn store(
        &mut self,
        d: Definition,
        doc: Option<Value>,
        source: Option<&std::sync::Arc<str>>,
        context: Option<String>,
    ) -> Result<(), (String, &'static str)> {
        // Functions the compiler defines in every module.
        let by = match (d.user_name.as_str(), d.user_arity) {
            ("__info__", 1) => Some("Elixir"),
            ("module_info", 0 | 1) => Some("Erlang"),
            _ => None,
        };
        if let Some(by) = by {
            return Err((
                format!(
                    "cannot define {} {}/{} as it is automatically defined by {by}",
                    d.kind.name(),
                    d.user_name,
                    d.user_arity
                ),
                "the compiler defines this function in every module: choose another name",
            ));
        }
        self.version += 1;
        // A definition of an overridable function replaces the old one,
        // which stays (under a hidden name) for its `super`.
        let mut super_of = None;
        if let Some(i) = self
            .overridable
            .iter()
            .position(|((n, a), taken)| *n == d.name && *a == d.arity && taken.is_none())
        {
            if let Some(j) = self.def_index(&d.name, d.arity) {
                let old = self.defs.remove(j);
                let k = 1 + self
                    .overridden
                    .iter()
                    .filter(|(_, o)| o.name == d.name && o.arity == d.arity)
                    .count();
                let hidden = format!("{} (overridable {k})", d.name);
                self.overridden.push((hidden.clone(), old.clone()));
                self.overridable[i].1 = Some(old);
                super_of = Some(hidden);
            } else if let Some(j) = self.defs.iter().position(|o| {
                o.name == d.name
                    && o.arity > d.arity
                    && o.arity - o.defaults.len() <= d.arity
                    && !o.renamed_defaults.iter().any(|(a, _)| *a == d.arity)
                    && self
                        .overridable
                        .iter()
                        .any(|((n, a), t)| *n == o.name && *a == o.arity && t.is_none())
            }) {
                // An arity made by the defaults of another overridable
                // definition (as Elixir, which takes an overridable
                // definition out, sees no conflict): that default's
                // function becomes the hidden one.
                let k = 1 + self
                    .overridden
                    .iter()
                    .filter(|(_, o)| o.name == d.name && o.arity == d.arity)
                    .count();
                let hidden = format!("{} (overridable {k})", d.name);
                let owner = &mut self.defs[j];
                owner.renamed_defaults.push((d.arity, hidden.clone()));
                let taken = Def {
                    arity: d.arity,
                    user_arity: d.user_arity,
                    clauses: Vec::new(),
                    defaults: Vec::new(),
                    renamed_defaults: Vec::new(),
                    super_of: None,
                    ..owner.clone()
                };
                self.overridable[i].1 = Some(taken);
                super_of = Some(hidden);
            }
        }
        // Defaults make lower arities: they must not meet other definitions.
        if !d.defaults.is_empty() {
            let lowest = d.arity - d.defaults.len();
            for a in lowest..d.arity {
                // An existing `f/a` of the same kind without defaults of its
                // own takes the default's clause after its own (as Elixir
                // does); one with defaults, or of another kind, clashes.
                if let Some(other) = self.defs.iter().find(|o| o.name == d.name && o.arity == a) {
                    if !other.defaults.is_empty() {
                        return Err((
                            format!(
                                "{} {}/{} defaults conflicts with {}/{}",
                                d.kind.name(),
                                d.user_name,
                                d.user_arity,
                                d.user_name,
                                a - (d.arity - d.user_arity)
                            ),
                            "the defaults make a function of that arity, which already exists: drop a default or rename one of the functions",
                        ));
                    }
                    if other.kind != d.kind {
                        return Err((
                            format!(
                                "{} {}/{} already defined as {} in {}:{}",
                                d.kind.name(),
                                d.user_name,
                                a - (d.arity - d.user_arity),
                                other.kind.name(),
                                super::relative(&self.file),
                                other.line
                            ),
                            "one name and arity has one kind: rename one of the functions",
                        ));
                    }
                }
            }
        }
        if let Some(owner) = self.defs.iter().find(|o| {
            o.name == d.name
                && !o.defaults.is_empty()
                && o.arity > d.arity
                && o.arity - o.defaults.len() <= d.arity
                && !o.renamed_defaults.iter().any(|(a, _)| *a == d.arity)
        }) {
            return Err((
                format!(
                    "{} {}/{} conflicts with defaults from {}/{}",
                    d.kind.name(),
                    d.user_name,
                    d.user_arity,
                    owner.user_name,
                    owner.user_arity
                ),
                "the other function's defaults already define this arity: drop a default or rename one of the functions",
            ));
        }
        // One name and arity has one kind: `def` and `defp` clash, and so
        // do a macro and a function (`MACRO-f/2` and `f/1` inside);
        // overriding one with the other is refused.
        if let Some(o) = self.defs.iter().find(|o| {
            o.user_name == d.user_name && o.user_arity == d.user_arity && o.kind != d.kind
        }) {
            let across = o.kind.is_macro() != d.kind.is_macro();
            let overridable = self
                .overridable
                .iter()
                .any(|((n, a), t)| *n == o.name && *a == o.arity && t.is_none());
            if across && overridable {
                let (what, as_) = if o.kind.is_macro() {
                    ("macro (defmacro, defmacrop)", "a function (def, defp)")
                } else {
                    ("function (def, defp)", "a macro (defmacro, defmacrop)")
                };
                return Err((
                    format!(
                        "cannot override {what} {}/{} in module {} as {as_}",
                        d.user_name,
                        d.user_arity,
                        crate::quoted::inspect_module(&self.name)
                    ),
                    "an override keeps the kind: a function overrides a function, a macro a macro",
                ));
            }
            return Err((
                format!(
                    "{} {}/{} already defined as {} in {}:{}",
                    d.kind.name(),
                    d.user_name,
                    d.user_arity,
                    o.kind.name(),
                    super::relative(&self.file),
                    o.line
                ),
                if across {
                    "a name and arity is either a function or a macro: rename one of them"
                } else {
                    "a function is either public (def) or private (defp): give each clause the same kind"
                },
            ));
        }
        match self.def_index(&d.name, d.arity) {
            Some(i) => {
                let existing = &mut self.defs[i];
                if !d.defaults.is_empty() {
                    if !existing.defaults.is_empty() {
                        return Err((format!(
                            "def {}/{} defines defaults multiple times. Elixir allows defaults to be declared once per definition. Instead of:\n\n    def foo(:first_clause, b \\\\ :default) do ... end\n    def foo(:second_clause, b \\\\ :default) do ... end\n\none should write:\n\n    def foo(a, b \\\\ :default)\n    def foo(:first_clause, b) do ... end\n    def foo(:second_clause, b) do ... end\n",
                            d.user_name, d.user_arity
                        ), "declare the defaults once, in a head without a body before the clauses"));
                    }
                    existing.defaults = d.defaults;
                }
                if let Some(c) = d.clause {
                    let hidden = existing.super_of.as_deref();
                    existing
                        .clauses
                        .push(stored_clause(&mut self.lowering, source, c, hidden));
                }
            }
            None => {
                let lowering = &mut self.lowering;
                let clauses = d
                    .clause
                    .map(|c| stored_clause(lowering, source, c, super_of.as_deref()))
                    .into_iter()
                    .collect();
                self.defs.push(Def {
                    kind: d.kind,
                    name: d.name,
                    arity: d.arity,
                    user_name: d.user_name,
                    user_arity: d.user_arity,
                    line: d.line,
                    clauses,
                    defaults: d.defaults,
                    doc,
                    super_of,
                    context,
                    renamed_defaults: Vec::new(),
                });
            }
        }
        Ok(())
    }

    /// Waits for the clauses being lowered on the module's thread and puts
    /// them in place (before anything reads the clauses' forms).
    pub fn settle(&mut self) {
        let mut done = self.lowering.finish();
        if done.is_empty() {
            return;
        }
        let mut place = |d: &mut Def, take: bool| {
            for c in &mut d.clauses {
                if let ClauseForm::Pending(t) = c.form {
                    let form = if take {
                        done.remove(&t)
                    } else {
                        done.get(&t).cloned()
                    };
                    if let Some(f) = form {
                        c.form = f;
                    }
                }
            }
        };
        // The copies `overridable` keeps first (cloned), then the
        // definitions themselves (moved).
        for d in self.overridable.iter_mut().filter_map(|(_, d)| d.as_mut()) {
            place(d, false);
        }
        for (_, d) in &mut self.overridden {
            place(d, true);
        }
        for d in &mut self.defs {
            place(d, true);
        }
    }

    /// Attributes set in the body but never read (Elixir warns about them).
    pub fn unused_attributes(&self) -> Vec<(String, u32)> {
        self.attrs
            .iter()
            .filter(|a| {
                a.set
                    && !a.read
                    && a.line > 0
                    && !a.accumulate
                    && !a.persist
                    && !BUILTIN.contains(&a.name.as_str())
            })
            .map(|a| (a.name.clone(), a.line))
            .collect()
    }
}

/// A clause being stored: its patterns and guard kept, its body lowered
/// ([`Lowering::lower`]).
fn stored_clause(
    lowering: &mut Lowering,
    source: Option<&std::sync::Arc<str>>,
    c: DefClause,
    hidden: Option<&str>,
) -> StoredClause {
    let DefClause {
        line,
        args,
        guard,
        body,
        has_super,
    } = c;
    let mut stored = StoredClause {
        line,
        args,
        guard,
        has_super,
        form: ClauseForm::Expanded(nil()),
    };
    stored.form = lowering.lower(source, &stored, body, hidden);
    stored
}

fn nil() -> Value {
    Value::Atom("nil".into())
}
