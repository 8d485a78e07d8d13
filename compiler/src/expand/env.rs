//! The expander's lexical environment (Elixir's `Macro.Env`) and variables.
//!
//! An [`Env`] travels left to right through a block: `alias`, `import` and
//! `require` change it for what follows; a clause, a `fn` or a function body
//! gets a copy, so nothing bound or imported inside leaks out. Macros see it
//! as a `%Macro.Env{}` struct ([`Env::to_value`]); `Macro.expand/2` hands one
//! back ([`Env::from_value`]).

use crate::quoted::{self as q, as_atom, as_list};
use beamlet_vm::value::{Atom, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Where code is: a plain expression, a pattern or a guard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Expr,
    Match,
    Guard,
}

/// A variable's identity: its name and either its context (an atom: `nil`
/// for the user's code, the module that quoted it) or the counter a macro
/// expansion gave it. Two variables are the same only if both agree.
///
/// Both are interned atoms: an id is copied without allocating (the
/// environment's map of them is copied whenever a saved environment
/// shares it, and an id is made for every variable expanded).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct VarId {
    pub name: Atom,
    pub ctx: VarCtx,
}

/// Variables are ordered as their keys `{name, context}` are in Erlang's
/// term order (atoms by their text, integers before atoms), so the
/// environment's set of them is `versioned_vars`'s key order with no sort
/// (a sort at each macro call was 3% of compiling a large test module,
/// whose body holds a variable per `test`).
impl Ord for VarId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        fn rank(v: &VarCtx) -> (u8, i64, &str, u8) {
            match v {
                VarCtx::Counter(c) => (0, *c, "", 0),
                VarCtx::Nil => (1, 0, "nil", 0),
                VarCtx::Atom(a) => (1, 0, a.as_str(), 1),
            }
        }
        let by_name = if self.name == other.name {
            std::cmp::Ordering::Equal
        } else {
            self.name.as_str().cmp(other.name.as_str())
        };
        by_name.then_with(|| rank(&self.ctx).cmp(&rank(&other.ctx)))
    }
}

impl PartialOrd for VarId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VarCtx {
    /// Context `nil`: written by the user.
    Nil,
    /// Made by a quote in this module (no expansion stamped it).
    Atom(Atom),
    /// Made by a macro expansion: its unique counter.
    Counter(i64),
}

impl VarId {
    /// The identity of a variable node `{name, meta, context}`.
    pub fn of(name: &str, meta: &Value, ctx: &str) -> VarId {
        let ctx = match q::keyword_get(meta, "counter") {
            Some(Value::Int(n)) => VarCtx::Counter(*n),
            Some(Value::Tuple(t)) if t.len() == 2 => match &t[1] {
                Value::Int(n) => VarCtx::Counter(*n),
                _ => VarCtx::Atom(Atom::new(ctx)),
            },
            _ if ctx == "nil" => VarCtx::Nil,
            _ => VarCtx::Atom(Atom::new(ctx)),
        };
        VarId {
            name: Atom::new(name),
            ctx,
        }
    }

    pub fn user(name: &str) -> VarId {
        VarId {
            name: Atom::new(name),
            ctx: VarCtx::Nil,
        }
    }

    /// The name the code generator knows the variable by: the user's own
    /// name, or one no user variable can have (`x@Mod`, `x#12`).
    pub fn key(&self) -> String {
        match &self.ctx {
            VarCtx::Nil => self.name.to_string(),
            VarCtx::Atom(a) => format!("{}@{}", self.name, a.trim_start_matches("Elixir.")),
            VarCtx::Counter(c) => format!("{}#{}", self.name, c),
        }
    }

    /// The user-facing name of a key made by [`VarId::key`].
    pub fn display(key: &str) -> &str {
        key.split(['@', '#']).next().unwrap_or(key)
    }
}

/// An [`Env`]'s variables with their versions: a map shared by the
/// env's clones until one binds (copy on write), which also remembers its
/// own history. A map gets a new [`Vars::id`] when made or copied, and
/// under one id it only grows, by [`Vars::insert`], which logs each new
/// variable; so a map seen earlier with the same id and `n` variables is
/// this one's first `n`, and [`Vars::since`] names the ones bound after
/// without comparing the maps (`runtime/host.rs`'s `VarsPlan`).
#[derive(Clone, Debug, Default)]
pub struct Vars(Arc<VarsInner>);

#[derive(Debug)]
struct VarsInner {
    map: BTreeMap<VarId, u32>,
    id: u64,
    /// How many variables the map had when it got `id`.
    base: usize,
    /// The variables inserted since, in order.
    added: Vec<VarId>,
}

fn fresh_vars_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl VarsInner {
    fn new(map: BTreeMap<VarId, u32>) -> VarsInner {
        VarsInner {
            base: map.len(),
            map,
            id: fresh_vars_id(),
            added: Vec::new(),
        }
    }
}

impl Default for VarsInner {
    fn default() -> VarsInner {
        VarsInner::new(BTreeMap::new())
    }
}

impl Clone for VarsInner {
    /// A copy (by `Arc::make_mut`, a clone binding while shared) is a new
    /// map: a new id, its history starting here.
    fn clone(&self) -> VarsInner {
        VarsInner::new(self.map.clone())
    }
}

impl Vars {
    pub fn from_map(map: BTreeMap<VarId, u32>) -> Vars {
        Vars(Arc::new(VarsInner::new(map)))
    }

    /// Adds `v` (not yet in the map) with `version`.
    fn insert(&mut self, v: VarId, version: u32) {
        let inner = Arc::make_mut(&mut self.0);
        if let std::collections::btree_map::Entry::Vacant(e) = inner.map.entry(v) {
            e.insert(version);
            inner.added.push(v);
        }
    }

    /// This map's identity: the same id means the same map, or the same
    /// map grown (see [`Vars::since`]).
    pub fn id(&self) -> u64 {
        self.0.id
    }

    /// The variables inserted after the map (of this id) had `len` of
    /// them, in order; `None` if its history does not reach back that far.
    pub fn since(&self, len: usize) -> Option<&[VarId]> {
        self.0.added.get(len.checked_sub(self.0.base)?..)
    }
}

impl std::ops::Deref for Vars {
    type Target = BTreeMap<VarId, u32>;
    fn deref(&self) -> &BTreeMap<VarId, u32> {
        &self.0.map
    }
}

/// Imported functions or macros: module → names with arities.
pub type Imports = Arc<Vec<(String, Vec<(String, usize)>)>>;

#[derive(Clone, Debug)]
pub struct Env {
    /// The module being defined (`Elixir.Foo`), if any.
    pub module: Option<String>,
    /// The function being defined, if any.
    pub function: Option<(String, usize)>,
    /// Absolute path of the file.
    pub file: String,
    pub line: u32,
    /// The column of the node being expanded, when the source gave one
    /// (not part of `Macro.Env`: for diagnostics).
    pub column: u32,
    pub context: Context,
    /// `alias`es in effect: `Elixir.Bar` → `Elixir.Foo.Bar`, newest first.
    pub aliases: Arc<Vec<(String, String)>>,
    pub requires: Arc<Vec<String>>,
    pub functions: Imports,
    pub macros: Imports,
    /// Modules defined in this lexical scope so far.
    pub context_modules: Arc<Vec<String>>,
    /// Aliases a macro defined, keyed by the expansion's counter.
    pub macro_aliases: Arc<Vec<(i64, (String, String))>>,
    /// Variables bound here, each with its version (`versioned_vars`'s
    /// value: the number of variables bound before it in this scope, as
    /// Elixir numbers them in binding order). A version never changes once
    /// given, so macro calls can share one `versioned_vars` map and add the
    /// variables bound since (`runtime/host.rs`, with [`Vars::since`]).
    pub vars: Vars,
    /// Inside a `defmacro`: `__CALLER__` is available.
    pub in_macro: bool,
    /// Inside a quote's `unquote` (or not at all): quote nesting level.
    pub in_guard_or_match_pin: bool,
}

impl Env {
    /// A fresh environment for `file`: Kernel imported and required, as at
    /// the top of an Elixir file.
    pub fn new(file: &str) -> Env {
        let (functions, macros) = super::kernel::default_imports();
        Env {
            module: None,
            function: None,
            file: file.to_owned(),
            line: 1,
            column: 0,
            context: Context::Expr,
            aliases: Arc::new(Vec::new()),
            requires: Arc::new(vec![
                "Elixir.Application".into(),
                "Elixir.Kernel".into(),
                "Elixir.Kernel.Typespec".into(),
            ]),
            functions,
            macros,
            context_modules: Arc::new(Vec::new()),
            macro_aliases: Arc::new(Vec::new()),
            vars: Vars::default(),
            in_macro: false,
            in_guard_or_match_pin: false,
        }
    }

    pub fn has_var(&self, v: &VarId) -> bool {
        self.vars.contains_key(v)
    }

    pub fn bind(&mut self, v: VarId) {
        if !self.vars.contains_key(&v) {
            let version = self.vars.len() as u32;
            self.vars.insert(v, version);
        }
    }

    pub fn is_required(&self, module: &str) -> bool {
        self.requires.iter().any(|m| m == module) || self.module.as_deref() == Some(module)
    }

    pub fn require(&mut self, module: &str) {
        if !self.requires.iter().any(|m| m == module) {
            Arc::make_mut(&mut self.requires).push(module.to_owned());
        }
    }

    /// The alias `name` (`Elixir.Bar`) stands for, if one is set.
    pub fn alias_of(&self, name: &str) -> Option<&str> {
        self.aliases
            .iter()
            .find(|(a, _)| a == name)
            .map(|(_, t)| t.as_str())
    }

    /// `alias target, as: name`; an alias to itself removes it. Oldest
    /// first, as Elixir keeps them (`__CALLER__.aliases`): a new name goes
    /// last, a name aliased again keeps its place.
    pub fn set_alias(&mut self, name: &str, target: &str) {
        let v = Arc::make_mut(&mut self.aliases);
        if name == target {
            v.retain(|(a, _)| a != name);
        } else if let Some(slot) = v.iter_mut().find(|(a, _)| a == name) {
            slot.1 = target.to_owned();
        } else {
            v.push((name.to_owned(), target.to_owned()));
        }
    }

    // ---- %Macro.Env{} ----

    /// The fields of `%Macro.Env{}`, in its (sorted) key order.
    pub const FIELDS: [&'static str; 15] = [
        "__struct__",
        "aliases",
        "context",
        "context_modules",
        "file",
        "function",
        "functions",
        "lexical_tracker",
        "line",
        "macro_aliases",
        "macros",
        "module",
        "requires",
        "tracers",
        "versioned_vars",
    ];

    /// The `%Macro.Env{}` struct macros see as `__CALLER__` / `__ENV__`.
    pub fn to_value(&self) -> Value {
        let fields = Self::FIELDS
            .iter()
            .filter_map(|f| Some((q::atom(f), self.field(f)?)))
            .collect();
        sorted_map(fields)
    }

    /// One field of [`Env::to_value`] (`__ENV__.line` needs no more).
    pub fn field(&self, name: &str) -> Option<Value> {
        let atom = q::atom;
        let opt = |s: &Option<String>| s.as_deref().map_or_else(q::nil, atom);
        Some(match name {
            "__struct__" => atom("Elixir.Macro.Env"),
            "aliases" => q::list(
                self.aliases
                    .iter()
                    .map(|(a, t)| q::pair(atom(a), atom(t)))
                    .collect(),
            ),
            "context" => match self.context {
                Context::Expr => q::nil(),
                Context::Match => atom("match"),
                Context::Guard => atom("guard"),
            },
            // Kept oldest first; Elixir lists the innermost module first.
            "context_modules" => {
                q::list(self.context_modules.iter().rev().map(|m| atom(m)).collect())
            }
            "file" => q::string(&self.file),
            // A macro shows as written (`{:name, 0}`), not as the function
            // `MACRO-name/1` it compiles to.
            "function" => match &self.function {
                Some((n, a)) => match n.strip_prefix("MACRO-") {
                    Some(user) if *a > 0 => q::pair(atom(user), q::int(*a as i64 - 1)),
                    _ => q::pair(atom(n), q::int(*a as i64)),
                },
                None => q::nil(),
            },
            "functions" => imports_value(&self.functions),
            "lexical_tracker" => q::nil(),
            "line" => q::int(self.line as i64),
            "macro_aliases" => q::list(
                self.macro_aliases
                    .iter()
                    .map(|(c, (a, t))| q::pair(atom(a), q::pair(q::int(*c), atom(t))))
                    .collect(),
            ),
            "macros" => imports_value(&self.macros),
            "module" => opt(&self.module),
            "requires" => q::list(self.requires.iter().map(|m| atom(m)).collect()),
            "tracers" => q::list(vec![]),
            "versioned_vars" => {
                // (The set is in the keys' term order: see `impl Ord for VarId`.)
                let pairs = self
                    .vars
                    .iter()
                    .map(|(v, version)| {
                        let ctx = match &v.ctx {
                            VarCtx::Nil => q::nil(),
                            VarCtx::Atom(a) => atom(a),
                            VarCtx::Counter(c) => q::int(*c),
                        };
                        (q::pair(atom(&v.name), ctx), q::int(*version as i64))
                    })
                    .collect::<Vec<_>>();
                Value::Map(pairs)
            }
            _ => return None,
        })
    }

    /// Reads a `%Macro.Env{}` back (what `Macro.expand(ast, env)` passes).
    pub fn from_value(v: &Value) -> Option<Env> {
        let Value::Map(pairs) = v else {
            return None;
        };
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(key, _)| as_atom(key) == Some(k))
                .map(|(_, v)| v)
        };
        let file = match get("file")? {
            Value::Binary(b) => String::from_utf8_lossy(b).into_owned(),
            _ => "nofile".into(),
        };
        let mut env = Env::new(&file);
        env.module = get("module")
            .and_then(as_atom)
            .filter(|m| *m != "nil")
            .map(String::from);
        env.function = match get("function") {
            Some(Value::Tuple(t)) if t.len() == 2 => match (&t[0], &t[1]) {
                (Value::Atom(n), Value::Int(a)) => Some((n.to_string(), *a as usize)),
                _ => None,
            },
            _ => None,
        };
        env.line = match get("line") {
            Some(Value::Int(n)) => *n as u32,
            _ => 0,
        };
        env.context = match get("context").and_then(as_atom) {
            Some("match") => Context::Match,
            Some("guard") => Context::Guard,
            _ => Context::Expr,
        };
        let atoms = |v: Option<&Value>| -> Vec<String> {
            v.and_then(as_list)
                .map(|l| l.iter().filter_map(as_atom).map(String::from).collect())
                .unwrap_or_default()
        };
        env.requires = Arc::new(atoms(get("requires")));
        let mut context_modules = atoms(get("context_modules"));
        context_modules.reverse();
        env.context_modules = Arc::new(context_modules);
        env.aliases = Arc::new(
            get("aliases")
                .and_then(as_list)
                .map(|l| {
                    l.iter()
                        .filter_map(|p| match p {
                            Value::Tuple(t) if t.len() == 2 => {
                                Some((as_atom(&t[0])?.to_owned(), as_atom(&t[1])?.to_owned()))
                            }
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default(),
        );
        env.macro_aliases = Arc::new(
            get("macro_aliases")
                .and_then(as_list)
                .map(|l| {
                    l.iter()
                        .filter_map(|p| match p {
                            Value::Tuple(t) if t.len() == 2 => match &t[1] {
                                Value::Tuple(ct) if ct.len() == 2 => {
                                    let Value::Int(c) = ct[0] else { return None };
                                    Some((
                                        c,
                                        (as_atom(&t[0])?.to_owned(), as_atom(&ct[1])?.to_owned()),
                                    ))
                                }
                                _ => None,
                            },
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default(),
        );
        let imports = |v: Option<&Value>| -> Option<Imports> {
            let l = as_list(v?)?;
            Some(Arc::new(
                l.iter()
                    .filter_map(|p| match p {
                        Value::Tuple(t) if t.len() == 2 => {
                            let fs = as_list(&t[1])?
                                .iter()
                                .filter_map(|f| match f {
                                    Value::Tuple(x) if x.len() == 2 => match (&x[0], &x[1]) {
                                        (Value::Atom(n), Value::Int(a)) => {
                                            Some((n.to_string(), *a as usize))
                                        }
                                        _ => None,
                                    },
                                    _ => None,
                                })
                                .collect();
                            Some((as_atom(&t[0])?.to_owned(), fs))
                        }
                        _ => None,
                    })
                    .collect(),
            ))
        };
        if let Some(f) = imports(get("functions")) {
            env.functions = f;
        }
        if let Some(m) = imports(get("macros")) {
            env.macros = m;
        }
        if let Some(Value::Map(vs)) = get("versioned_vars") {
            let mut set = BTreeMap::new();
            for (k, version) in vs {
                if let Value::Tuple(t) = k {
                    if t.len() == 2 {
                        if let Some(name) = as_atom(&t[0]) {
                            let ctx = match &t[1] {
                                Value::Int(c) => VarCtx::Counter(*c),
                                Value::Atom(a) if a == "nil" => VarCtx::Nil,
                                Value::Atom(a) => VarCtx::Atom(*a),
                                _ => continue,
                            };
                            let version = match version {
                                Value::Int(n) => *n as u32,
                                _ => set.len() as u32,
                            };
                            set.insert(
                                VarId {
                                    name: Atom::new(name),
                                    ctx,
                                },
                                version,
                            );
                        }
                    }
                }
            }
            env.vars = Vars::from_map(set);
        }
        Some(env)
    }
}

/// An import list as `Macro.Env` holds it: `[{module, [{name, arity}]}]`.
pub fn imports_value(i: &Imports) -> Value {
    q::list(
        i.iter()
            .map(|(m, fs)| {
                q::pair(
                    q::atom(m),
                    q::list(
                        fs.iter()
                            .map(|(n, a)| q::pair(q::atom(n), q::int(*a as i64)))
                            .collect(),
                    ),
                )
            })
            .collect(),
    )
}

/// A map value from pairs (sorted by key in term order, as maps are).
pub fn sorted_map(mut pairs: Vec<(Value, Value)>) -> Value {
    pairs.sort_by(|a, b| beamlet_vm::value::compare_values(&a.0, &b.0));
    pairs.dedup_by(|a, b| beamlet_vm::value::compare_values(&a.0, &b.0).is_eq());
    Value::Map(pairs)
}
