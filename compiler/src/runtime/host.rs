//! The expander's [`Host`] on a running VM: macros run as nested calls in
//! the compiling process (beamlet_vm::nested), modules are looked up in the
//! code table (loading the library's lazily), and the module being
//! defined is the service's.

use super::Service;
use crate::expand::dispatch::Stamp;
use crate::expand::env::imports_value;
use crate::expand::{Env, Host, Raised};
use crate::quoted as q;
use beamlet_vm::atom;
use beamlet_vm::bif::Ctx;
use beamlet_vm::code::FunId;
use beamlet_vm::convert::{from_value, to_value};
use beamlet_vm::heap::Heap;
use beamlet_vm::process::{Class, Exn};
use beamlet_vm::term::Term;
use beamlet_vm::timing::{self, Phase};
use beamlet_vm::value::Value;

pub struct VmHost<'c, 'a> {
    pub ctx: &'c mut Ctx<'a>,
    pub svc: &'c Service,
}

impl<'c, 'a> VmHost<'c, 'a> {
    pub fn new(ctx: &'c mut Ctx<'a>, svc: &'c Service) -> VmHost<'c, 'a> {
        VmHost { ctx, svc }
    }

    /// [`Host::call_macro`]; `standins`: the blocks ExUnit's `describe`
    /// and `test` pass through go to them as stand-ins (see
    /// [`opaque_block`]).
    #[allow(clippy::too_many_arguments)]
    fn run_macro(
        &mut self,
        module: &str,
        fun: &str,
        caller: &Env,
        args: std::borrow::Cow<'_, [Value]>,
        local: bool,
        stamp: &Stamp,
        standins: bool,
    ) -> Result<Value, Box<Raised>> {
        // Code run at compile time stays interpreted (see jit::suspend).
        let _j = beamlet_vm::jit::suspend();
        let functions = self.svc.imports_literal_opt(self.ctx, &caller.functions);
        let macros = self.svc.imports_literal_opt(self.ctx, &caller.macros);
        let vars = VarsPlan::new(self.ctx, self.svc, caller);
        let fid = if local {
            self.local_fid(module, fun, args.len() + 1)?
        } else {
            self.svc.ensure_loaded(self.ctx, module);
            let (m, f) = (atom::intern(module), atom::intern(fun));
            match beamlet_vm::nested::lookup_mfa(self.ctx, m, f, args.len() + 1) {
                Some(fid) => fid,
                // A built-in, or no such function: as any call.
                None => {
                    let mut ts = vec![Self::env_term(
                        &mut self.ctx.st.heap,
                        caller,
                        functions,
                        macros,
                        &vars,
                    )];
                    ts.extend(args.iter().map(|a| quoted_term(&mut self.ctx.st.heap, a)));
                    let mut v = self.call_terms(module, fun, &ts)?;
                    stamp.apply(&mut v, self.svc.next_counter());
                    return Ok(v);
                }
            }
        };
        // The environment and the arguments are built straight into the
        // macro's heap, and its result read from there, stamped. Owned
        // arguments are shared: a node of theirs the macro returns
        // unchanged is moved into the result (see `Shared`).
        let svc = self.svc;
        let module_atom = atom::intern(stamp.module);
        let nargs = args.len();
        let (borrowed, owned) = match args {
            std::borrow::Cow::Borrowed(a) => (a, None),
            std::borrow::Cow::Owned(v) => (&[][..], Some(v)),
        };
        let opaque = match owned {
            Some(_) if standins && !local => opaque_block(module, fun, nargs),
            _ => None,
        };
        let owned = std::cell::RefCell::new(owned);
        let shared = std::cell::RefCell::new(Shared::default());
        let _t = timing::enter(Phase::Macro);
        let r = beamlet_vm::nested::call_with(
            self.ctx,
            fid,
            nargs + 1,
            |heap, _| {
                let _t = timing::enter(Phase::Convert);
                // A macro's process ends when the macro returns: no
                // collection before it has allocated this much (its
                // arguments included). Collecting at the first safe point,
                // as a fresh process does once past 2 KiB, copied the
                // arguments and environment it was just given: 1,500
                // collections for 2,100 macro calls of a 300-test file.
                heap.at_least_before_gc(1 << 16);
                let mut ts = Vec::with_capacity(nargs + 1);
                ts.push(Self::env_term(heap, caller, functions, macros, &vars));
                match owned.borrow().as_deref() {
                    Some(args) => {
                        let mut sh = shared.borrow_mut();
                        let mut b = SharedBuilder {
                            heap,
                            sh: &mut sh,
                            line: stamp.line,
                            module: module_atom,
                        };
                        for (i, a) in args.iter().enumerate() {
                            ts.push(if opaque == Some(i) {
                                b.standin_keyword(a, i as u32)
                            } else {
                                b.node(a, Shared::ROOT, i as u32).0
                            });
                        }
                    }
                    None => ts.extend(borrowed.iter().map(|a| quoted_term(heap, a))),
                }
                ts
            },
            |_, code, _, t, collected| {
                let _t = timing::enter(Phase::Convert);
                // Stand-ins are read back only when each is in the result
                // once, where the block it stands for is moved to; else
                // the macro runs again with the blocks themselves.
                {
                    let sh = shared.borrow();
                    if !sh.standins.is_empty() && (collected || !standins_intact(t, &sh.standins)) {
                        return None;
                    }
                }
                let counter = stamp.counter_value(svc.next_counter());
                let mut owned = owned.borrow_mut();
                // (A collection moved the arguments' terms: their
                // addresses mean nothing now.)
                let taker = match owned.as_mut() {
                    Some(args) if !collected => Some(Taker {
                        sh: shared.take(),
                        args,
                        path: Vec::new(),
                    }),
                    _ => None,
                };
                let s = Stamper {
                    code,
                    module: module_atom,
                    line: stamp.line,
                    counter: &counter,
                    taker: std::cell::RefCell::new(taker),
                };
                Some(s.value(t))
            },
        );
        match r {
            Ok(Some(v)) => Ok(v),
            Ok(None) => {
                let args = owned.into_inner().unwrap_or_default();
                self.run_macro(
                    module,
                    fun,
                    caller,
                    std::borrow::Cow::Owned(args),
                    local,
                    stamp,
                    false,
                )
            }
            Err(e) => Err(self.raised(e)),
        }
    }

    fn raised(&mut self, e: Exn) -> Box<Raised> {
        let class = match e.class {
            Class::Error => "error",
            Class::Throw => "throw",
            Class::Exit => "exit",
        };
        let trace =
            beamlet_vm::interp::trace_term(&mut self.ctx.st.heap, &e.trace, e.info.as_ref());
        Box::new(Raised {
            class: class.into(),
            reason: to_value(self.ctx.code, e.reason),
            stacktrace: to_value(self.ctx.code, trace),
        })
    }

    /// `(name, arity, public)` of `module`'s functions, loading it if needed.
    fn exports(&mut self, module: &str) -> Option<Vec<(String, usize, bool)>> {
        // Built-in functions of a module count as its exports too
        // (`import String, only: [upcase: 1]`).
        let mut all: Vec<(String, usize, bool)> = beamlet_vm::bif::BIFS
            .iter()
            .filter(|b| b.module == module)
            .map(|b| (b.name.to_owned(), b.arity as usize, true))
            .collect();
        if !self.svc.ensure_loaded(self.ctx, module) && all.is_empty() {
            return None;
        }
        let m = atom::intern(module);
        for (n, a, p) in self.ctx.code.module_functions(m) {
            let (n, a) = (atom::name(n).to_owned(), a as usize);
            if !all.iter().any(|(x, y, _)| *x == n && *y == a) {
                all.push((n, a, p));
            }
        }
        Some(all)
    }

    /// Runs `module.name(ts...)` in a nested call.
    fn call_terms(&mut self, module: &str, name: &str, ts: &[Term]) -> Result<Value, Box<Raised>> {
        self.svc.ensure_loaded(self.ctx, module);
        let r = {
            let _t = timing::enter(Phase::Macro);
            beamlet_vm::nested::call_mfa(self.ctx, atom::intern(module), atom::intern(name), ts)
        };
        match r {
            Ok(t) => {
                let _t = timing::enter(Phase::Convert);
                Ok(to_value(self.ctx.code, t))
            }
            Err(e) => Err(self.raised(e)),
        }
    }

    /// The open `module`'s own `name/arity` (compiled so far).
    fn local_fid(&mut self, module: &str, name: &str, arity: usize) -> Result<FunId, Box<Raised>> {
        let found = match self.svc.local_macro(self.ctx, module, name, arity) {
            Ok(found) => found,
            // The module's definitions so far do not compile: that error.
            Err(d) => {
                let file = self
                    .svc
                    .with_module(module, |s| s.file.clone())
                    .unwrap_or_default();
                let e = self
                    .svc
                    .raise(self.ctx, crate::expand::Error::Compile(d), &file);
                return Err(self.raised(e));
            }
        };
        found.ok_or_else(|| {
            Box::new(Raised {
                class: "error".into(),
                reason: q::atom("undef"),
                stacktrace: q::list(vec![]),
            })
        })
    }

    /// `env` as a `%Macro.Env{}` term of `heap`, its import lists given
    /// (literals, built once: the largest part and the same for most
    /// environments) or built here.
    fn env_term(
        heap: &mut Heap,
        env: &Env,
        functions: Option<Term>,
        macros: Option<Term>,
        vars: &VarsPlan,
    ) -> Term {
        // The fields' atoms, interned once.
        static FIELD_ATOMS: std::sync::OnceLock<Vec<Term>> = std::sync::OnceLock::new();
        let field_atoms =
            FIELD_ATOMS.get_or_init(|| Env::FIELDS.iter().map(|f| atom::intern(f)).collect());
        let mut keys = Vec::with_capacity(16);
        let mut vals = Vec::with_capacity(16);
        // `Env::FIELDS` is in the atoms' term order (by their text), the
        // map's key order: no sort.
        for (&f, &key) in Env::FIELDS.iter().zip(field_atoms) {
            let v = match (f, functions, macros) {
                ("functions", Some(t), _) | ("macros", _, Some(t)) => t,
                ("functions", None, _) => from_value(heap, &imports_value(&env.functions)),
                ("macros", _, None) => from_value(heap, &imports_value(&env.macros)),
                ("versioned_vars", _, _) => vars.term(heap, env),
                _ => match field_term(heap, env, f) {
                    Some(t) => t,
                    None => match env.field(f) {
                        Some(v) => from_value(heap, &v),
                        None => continue,
                    },
                },
            };
            keys.push(key);
            vals.push(v);
        }
        debug_assert!(keys
            .windows(2)
            .all(|w| beamlet_vm::order::key_compare(w[0], w[1]).is_lt()));
        heap.map_sorted(&keys, &vals)
    }
}

impl Host for VmHost<'_, '_> {
    fn call(&mut self, module: &str, name: &str, args: Vec<Value>) -> Result<Value, Box<Raised>> {
        let ts: Vec<Term> = args
            .iter()
            .map(|a| from_value(&mut self.ctx.st.heap, a))
            .collect();
        self.call_terms(module, name, &ts)
    }

    fn call_macro(
        &mut self,
        module: &str,
        fun: &str,
        caller: &Env,
        args: std::borrow::Cow<'_, [Value]>,
        local: bool,
        stamp: &Stamp,
    ) -> Result<Value, Box<Raised>> {
        self.run_macro(module, fun, caller, args, local, stamp, true)
    }

    fn functions_of(&mut self, module: &str) -> Option<Vec<(String, usize)>> {
        let all = self.exports(module)?;
        Some(
            all.into_iter()
                .filter(|(n, _, p)| {
                    *p && !n.starts_with("MACRO-") && n != "__info__" && n != "module_info"
                })
                .map(|(n, a, _)| (n, a))
                .collect(),
        )
    }

    fn macros_of(&mut self, module: &str) -> Option<Vec<(String, usize)>> {
        let all = self.exports(module)?;
        Some(
            all.into_iter()
                .filter_map(|(n, a, p)| {
                    let name = n.strip_prefix("MACRO-")?;
                    (p && a >= 1).then(|| (name.to_owned(), a - 1))
                })
                .collect(),
        )
    }

    /// One lookup in the code table (listing every export of the module,
    /// as `macros_of` does, for each remote call was 5% of compiling a
    /// 300-test file).
    fn has_macro(&mut self, module: &str, name: &str, arity: usize) -> bool {
        self.svc.ensure_loaded(self.ctx, module);
        let (m, f) = (atom::intern(module), atom::intern(&format!("MACRO-{name}")));
        self.ctx
            .code
            .lookup(m, f, arity as u32 + 1)
            .is_some_and(|id| self.ctx.code.function(id).public)
    }

    fn is_open(&mut self, module: &str) -> bool {
        self.svc.is_open(module)
    }

    fn attribute(&mut self, module: &str, name: &str) -> Option<Value> {
        self.svc.with_module(module, |s| s.get(name)).flatten()
    }

    fn note_imported_call(&mut self, module: &str, name: &str, arity: usize, from: &str) {
        self.svc.with_module(module, |s| {
            if !s
                .imported_calls
                .iter()
                .any(|(n, a, f)| *a == arity && n == name && f == from)
            {
                s.imported_calls
                    .push((name.to_owned(), arity, from.to_owned()));
            }
        });
    }

    fn has_local_macro(&mut self, module: &str, name: &str, arity: usize) -> bool {
        self.svc
            .with_module(module, |s| s.has_macro(name, arity))
            .unwrap_or(false)
    }

    fn call_local_macro(
        &mut self,
        module: &str,
        name: &str,
        args: Vec<Value>,
    ) -> Result<Value, Box<Raised>> {
        let _j = beamlet_vm::jit::suspend();
        let fid = self.local_fid(module, name, args.len())?;
        let ts: Vec<Term> = args
            .iter()
            .map(|a| from_value(&mut self.ctx.st.heap, a))
            .collect();
        let r = {
            let _t = timing::enter(Phase::Macro);
            beamlet_vm::nested::call(self.ctx, fid, &ts)
        };
        match r {
            Ok(t) => {
                let _t = timing::enter(Phase::Convert);
                Ok(to_value(self.ctx.code, t))
            }
            Err(e) => Err(self.raised(e)),
        }
    }

    fn struct_of(&mut self, module: &str) -> Option<Value> {
        if let Some(open) = self.svc.with_module(module, |s| s.struct_fields.clone()) {
            return open.map(|f| super::finish::struct_map(module, &f));
        }
        // The exceptions the VM raises itself are structs it knows.
        if let Some(fields) = beamlet_vm::bif::exception::builtin_struct_fields(module) {
            let fields: Vec<(String, Value)> = fields
                .into_iter()
                .map(|(f, d)| {
                    let v = match (f, d) {
                        ("__exception__", _) => q::atom("true"),
                        (_, Some(s)) => q::string(s),
                        (_, None) => q::nil(),
                    };
                    (f.to_owned(), v)
                })
                .collect();
            return Some(super::finish::struct_map(module, &fields));
        }
        if module == "Elixir.Range" {
            let fields = vec![
                ("first".to_owned(), q::nil()),
                ("last".to_owned(), q::nil()),
                ("step".to_owned(), q::nil()),
            ];
            return Some(super::finish::struct_map(module, &fields));
        }
        let has = self
            .exports(module)?
            .iter()
            .any(|(n, a, p)| n == "__struct__" && *a == 0 && *p);
        if !has {
            return None;
        }
        self.call(module, "__struct__", vec![]).ok()
    }

    fn enforced_keys(&mut self, module: &str) -> Vec<String> {
        let list = match self
            .svc
            .with_module(module, |s| s.attr("enforce_keys").map(|a| a.value.clone()))
        {
            Some(v) => v,
            None => {
                let has = self
                    .exports(module)
                    .is_some_and(|e| e.iter().any(|(n, a, _)| n == "__info__" && *a == 1));
                if !has {
                    return vec![];
                }
                // __info__(:struct): [%{field: f, required: bool}, ...]
                match self.call(module, "__info__", vec![q::atom("struct")]) {
                    Ok(Value::List(items, None)) => Some(Value::List(
                        items
                            .into_iter()
                            .filter_map(|m| match m {
                                Value::Map(kv) => {
                                    let req = kv.iter().any(|(k, v)| {
                                        q::as_atom(k) == Some("required")
                                            && q::as_atom(v) == Some("true")
                                    });
                                    let f = kv
                                        .iter()
                                        .find(|(k, _)| q::as_atom(k) == Some("field"))?
                                        .1
                                        .clone();
                                    req.then_some(f)
                                }
                                _ => None,
                            })
                            .collect(),
                        None,
                    )),
                    _ => None,
                }
            }
        };
        match list {
            Some(Value::List(items, None)) => items
                .iter()
                .filter_map(q::as_atom)
                .map(String::from)
                .collect(),
            Some(Value::Atom(a)) if a != "nil" => vec![a.to_string()],
            _ => vec![],
        }
    }

    fn next_counter(&mut self) -> i64 {
        self.svc.next_counter()
    }

    fn save_body<'b>(
        &mut self,
        body: std::borrow::Cow<'b, Value>,
    ) -> Result<usize, std::borrow::Cow<'b, Value>> {
        self.svc.save_body(body)
    }

    fn save_env(
        &mut self,
        module: &str,
        env: &Env,
        def: Option<Value>,
        context: Option<&str>,
    ) -> usize {
        self.svc
            .with_module(module, |s| s.save_env(env, def.as_ref(), context))
            .unwrap_or(0)
    }
}

/// The field `f` of `env`'s `%Macro.Env{}` built straight into `heap`, as
/// `Env::field` gives it (`None` for the fields built elsewhere): each
/// macro call builds them, and going through values cost a tree of them
/// made, converted and dropped per call.
fn field_term(heap: &mut Heap, env: &Env, f: &str) -> Option<Term> {
    use crate::expand::Context;
    let atoms = |heap: &mut Heap, names: &mut dyn Iterator<Item = &String>| {
        let ts: Vec<Term> = names.map(|n| atom::intern(n)).collect();
        heap.list(&ts)
    };
    Some(match f {
        "__struct__" => atom::intern("Elixir.Macro.Env"),
        "aliases" => {
            let ts: Vec<Term> = env
                .aliases
                .iter()
                .map(|(a, t)| heap.tuple(&[atom::intern(a), atom::intern(t)]))
                .collect();
            heap.list(&ts)
        }
        "context" => match env.context {
            Context::Expr => atom::NIL,
            Context::Match => atom::intern("match"),
            Context::Guard => atom::intern("guard"),
        },
        "context_modules" => atoms(heap, &mut env.context_modules.iter().rev()),
        "file" => heap.binary(env.file.as_bytes()),
        "lexical_tracker" => atom::NIL,
        "line" => Term::small(env.line as i64),
        "module" => env.module.as_deref().map_or(atom::NIL, atom::intern),
        "requires" => atoms(heap, &mut env.requires.iter()),
        "tracers" => Term::NIL,
        _ => return None,
    })
}

/// The key `{name, context}` of `versioned_vars` for `v`, in `heap`.
fn var_key(heap: &mut Heap, v: &crate::expand::VarId) -> Term {
    use crate::expand::VarCtx;
    let ctx = match &v.ctx {
        VarCtx::Nil => atom::NIL,
        VarCtx::Atom(a) => a.term(),
        VarCtx::Counter(c) => Term::small(*c),
    };
    heap.tuple(&[v.name.term(), ctx])
}

/// How a macro call's `__CALLER__.versioned_vars` is made. A small map
/// is built where it is needed. A large one (a module body holds a
/// variable per ExUnit `test`: rebuilding its hash trie of 300 variables
/// for each module-level macro call was 5% of compiling a 300-test file)
/// is a literal kept by the service, shared by the calls that follow, each
/// adding the few variables bound since (a variable's version never
/// changes once given, see `Env::vars`); once `EXTEND_AT` were bound since,
/// a new literal holds them, sharing the rest of the old one's trie.
enum VarsPlan {
    Small,
    Shared {
        base: Term,
        added: Vec<(crate::expand::VarId, u32)>,
    },
}

impl VarsPlan {
    /// Variables a call may add to the shared map before it is rebuilt.
    const MAX_ADDED: usize = 32;
    /// Variables added since the shared map was made at which it is
    /// extended (below, each call inserts them into its own copy: about
    /// 2,600 instructions a variable, against 30,000 to load a literal).
    const EXTEND_AT: usize = 5;

    fn new(ctx: &mut Ctx, svc: &Service, env: &Env) -> VarsPlan {
        if env.vars.len() <= beamlet_vm::hamt::FLAT_MAX {
            return VarsPlan::Small;
        }
        let table = ctx.code.id();
        let mut cache = super::lock(&svc.vars_literal);
        if let Some(c) = cache.as_mut().filter(|c| c.table == table) {
            // The same map grown since (no walk of the two maps), else
            // another holding the same variables and more.
            let grown = (c.id == env.vars.id())
                .then(|| env.vars.since(c.vars.len()))
                .flatten()
                .filter(|added| added.len() <= Self::MAX_ADDED)
                .map(|added| added.iter().map(|v| (*v, env.vars[v])).collect());
            if let Some(added) = grown.or_else(|| added_since(&c.vars, &env.vars)) {
                if added.len() < Self::EXTEND_AT {
                    return VarsPlan::Shared {
                        base: c.term,
                        added,
                    };
                }
                // The literal extended by a new one holding only the
                // trie's nodes the variables added since change (the rest
                // stay the old literal's, which lives as long): each
                // variable inserted once, not by every call after it.
                let mut heap = Heap::new();
                let term = added.iter().fold(c.term, |map, (v, version)| {
                    let key = var_key(&mut heap, v);
                    beamlet_vm::hamt::insert(&mut heap, map, key, Term::small(*version as i64))
                });
                ctx.code.load_private(beamlet_vm::code::Unit {
                    functions: Vec::new(),
                    imports: Vec::new(),
                    literals: heap,
                    script: None,
                });
                let vars = std::sync::Arc::make_mut(&mut c.vars);
                vars.extend(added);
                c.term = term;
                c.id = env.vars.id();
                return VarsPlan::Shared {
                    base: term,
                    added: Vec::new(),
                };
            }
        }
        let mut heap = Heap::new();
        let pairs = env
            .vars
            .iter()
            .map(|(v, version)| (var_key(&mut heap, v), Term::small(*version as i64)))
            .collect();
        let term = beamlet_vm::bif::map::build_map(&mut heap, pairs);
        ctx.code.load_private(beamlet_vm::code::Unit {
            functions: Vec::new(),
            imports: Vec::new(),
            literals: heap,
            script: None,
        });
        // (A copy: the env's own map stays unshared, so binding into it
        // does not copy it.)
        *cache = Some(super::VarsLiteral {
            table,
            id: env.vars.id(),
            vars: std::sync::Arc::new((*env.vars).clone()),
            term,
        });
        VarsPlan::Shared {
            base: term,
            added: Vec::new(),
        }
    }

    /// The `versioned_vars` map of `env`, in `heap`.
    fn term(&self, heap: &mut Heap, env: &Env) -> Term {
        match self {
            VarsPlan::Small => {
                // (In key order already: `impl Ord for VarId`.)
                let mut keys = Vec::with_capacity(env.vars.len());
                let mut vals = Vec::with_capacity(env.vars.len());
                for (v, version) in env.vars.iter() {
                    keys.push(var_key(heap, v));
                    vals.push(Term::small(*version as i64));
                }
                heap.map_sorted(&keys, &vals)
            }
            VarsPlan::Shared { base, added } => added.iter().fold(*base, |map, (v, version)| {
                let key = var_key(heap, v);
                beamlet_vm::hamt::insert(heap, map, key, Term::small(*version as i64))
            }),
        }
    }
}

/// The variables of `now` that `before` lacks, when `now` holds all of
/// `before`'s with the same versions and at most `VarsPlan::MAX_ADDED`
/// more (one pass over both, in order).
fn added_since(
    before: &std::collections::BTreeMap<crate::expand::VarId, u32>,
    now: &std::collections::BTreeMap<crate::expand::VarId, u32>,
) -> Option<Vec<(crate::expand::VarId, u32)>> {
    if now.len() < before.len() || now.len() - before.len() > VarsPlan::MAX_ADDED {
        return None;
    }
    let mut added = Vec::new();
    let mut old = before.iter().peekable();
    for (v, version) in now {
        match old.peek() {
            Some((o, ov)) if *o == v => {
                if *ov != version {
                    return None;
                }
                old.next();
            }
            Some((o, _)) if *o < v => return None,
            _ => added.push((*v, *version)),
        }
    }
    (old.peek().is_none() && added.len() == now.len() - before.len()).then_some(added)
}

/// Quoted code as a term of `heap`, as `from_value` builds it but without
/// `column:` in any node's meta: what a macro receives (Elixir's compiler
/// records no columns). One pass, instead of a copy without the columns
/// and then its conversion.
fn quoted_term(heap: &mut beamlet_vm::heap::Heap, v: &Value) -> Term {
    let column = beamlet_vm::static_atom!("column");
    let is_column = |p: &Value| matches!(p, Value::Tuple(kv) if kv.len() == 2 && matches!(&kv[0], Value::Atom(k) if *k == column));
    match v {
        Value::List(items, tail) => {
            let tail = match tail {
                Some(t) => quoted_term(heap, t),
                None => Term::NIL,
            };
            let elems: Vec<Term> = items.iter().map(|i| quoted_term(heap, i)).collect();
            heap.list_with_tail(&elems, tail)
        }
        Value::Tuple(t) if t.len() == 3 => {
            let head = quoted_term(heap, &t[0]);
            let meta = match &t[1] {
                Value::List(m, None) if m.iter().any(is_column) => {
                    let kept: Vec<Term> = m
                        .iter()
                        .filter(|p| !is_column(p))
                        .map(|p| meta_pair_term(heap, p))
                        .collect();
                    heap.list_with_tail(&kept, Term::NIL)
                }
                Value::List(m, None) => {
                    let kept: Vec<Term> = m.iter().map(|p| meta_pair_term(heap, p)).collect();
                    heap.list_with_tail(&kept, Term::NIL)
                }
                m => from_value(heap, m),
            };
            let args = quoted_term(heap, &t[2]);
            heap.tuple(&[head, meta, args])
        }
        Value::Tuple(t) => {
            let elems: Vec<Term> = t.iter().map(|i| quoted_term(heap, i)).collect();
            heap.tuple(&elems)
        }
        other => from_value(heap, other),
    }
}

/// Reads a macro's result out of its heap stamped for the caller, as
/// `to_value` and then `dispatch::stamp` would make it, in one pass: each
/// node's meta is made with its `counter:` and `line:` in place (the
/// separate walk inserted them into metas already made).
struct Stamper<'a> {
    code: &'a beamlet_vm::code::CodeTable,
    /// The macro's module: a variable of that context gets the counter.
    module: Term,
    line: u32,
    counter: &'a Value,
    /// The macro's owned arguments, to move unchanged nodes from.
    taker: std::cell::RefCell<Option<Taker<'a>>>,
}

impl Stamper<'_> {
    fn value(&self, t: Term) -> Value {
        if t.is_atom() || t.as_small().is_some() {
            return leaf(t);
        }
        if let Some(elems) = t.tuple_elems() {
            return match elems {
                [a, b] => Value::Tuple(vec![self.value(*a), self.value(*b)]),
                [head, meta, args] => {
                    let taken = match self.taker.borrow_mut().as_mut() {
                        Some(tk) => tk.take(t),
                        None => None,
                    };
                    match taken {
                        Some(v) => v,
                        None => self.node(t, *head, *meta, *args),
                    }
                }
                _ => to_value(self.code, t),
            };
        }
        if t.is_nil() {
            return Value::List(Vec::new(), None);
        }
        if t.is_cons() {
            let (mut n, mut cur) = (0, t);
            while let Some((_, tl)) = cur.cons_parts() {
                n += 1;
                cur = tl;
            }
            let mut items = Vec::with_capacity(n);
            let mut cur = t;
            while let Some((h, tl)) = cur.cons_parts() {
                items.push(self.value(h));
                cur = tl;
            }
            let tail = (!cur.is_nil()).then(|| Box::new(self.value(cur)));
            return Value::List(items, tail);
        }
        to_value(self.code, t)
    }

    fn node(&self, t: Term, head: Term, meta: Term, args: Term) -> Value {
        static KEYS: std::sync::OnceLock<[Term; 3]> = std::sync::OnceLock::new();
        let [line_key, keep_key, counter_key] = *KEYS.get_or_init(|| {
            [
                atom::intern("line"),
                atom::intern("keep"),
                atom::intern("counter"),
            ]
        });
        // The meta's keys looked at in one walk, without gathering its
        // pairs (a vector per node).
        let (mut n, mut line, mut keep, mut counter) = (0, false, false, false);
        let mut cur = meta;
        while let Some((p, tl)) = cur.cons_parts() {
            if let Some([k, _]) = p.tuple_elems() {
                line |= *k == line_key;
                keep |= *k == keep_key;
                counter |= *k == counter_key;
            }
            n += 1;
            cur = tl;
        }
        // A meta that is not a proper list: the node is left as it is.
        if !cur.is_nil() {
            return to_value(self.code, t);
        }
        let add_line = self.line > 0 && !line && !keep;
        let is_var = head.is_atom() && args.is_atom();
        let add_counter = is_var && args == self.module && !counter;
        // A `quote` gets the counter too, after the line (as `stamp`).
        let quote_counter =
            !counter && (args.is_cons() || args.is_nil()) && head == atom::intern("quote");
        let mut m = Vec::with_capacity(
            n + add_line as usize + add_counter as usize + quote_counter as usize,
        );
        // (The counter is `{module, integer}`: copied without
        // `Value::clone`'s general walk.)
        let counter_pair = || {
            let counter = match self.counter {
                Value::Tuple(t) => match t.as_slice() {
                    [Value::Atom(a), Value::Int(i)] => {
                        Value::Tuple(vec![Value::Atom(*a), Value::Int(*i)])
                    }
                    _ => self.counter.clone(),
                },
                other => other.clone(),
            };
            q::pair(Value::Atom(beamlet_vm::static_atom!("counter")), counter)
        };
        // (As `stamp` inserts them first: the counter before the line.)
        if add_counter {
            m.push(counter_pair());
        }
        if add_line {
            m.push(q::pair(
                Value::Atom(beamlet_vm::static_atom!("line")),
                q::int(self.line as i64),
            ));
        }
        if quote_counter {
            m.push(counter_pair());
        }
        let mut cur = meta;
        while let Some((p, tl)) = cur.cons_parts() {
            m.push(self.meta_pair(p));
            cur = tl;
        }
        let (h, a) = if is_var {
            (leaf(head), leaf(args))
        } else {
            (self.value(head), self.value(args))
        };
        Value::Tuple(vec![h, Value::List(m, None), a])
    }

    /// A meta's entry as a value: most are `{atom, atom or small
    /// integer}`, made here without `to_value`'s general walk.
    fn meta_pair(&self, p: Term) -> Value {
        if let Some([k, v]) = p.tuple_elems() {
            if k.is_atom() && (v.is_atom() || v.as_small().is_some()) {
                return Value::Tuple(vec![leaf(*k), leaf(*v)]);
            }
        }
        to_value(self.code, p)
    }
}

/// An atom or a small integer as a value.
fn leaf(t: Term) -> Value {
    match t.as_small() {
        Some(i) => Value::Int(i),
        None if t.is_atom() => Value::Atom(beamlet_vm::value::Atom::from_term(t)),
        // (Not reached: the callers check.)
        None => Value::Atom(beamlet_vm::value::Atom::from_term(atom::NIL)),
    }
}

/// The nodes of a macro's owned arguments that its result may hold
/// unchanged, found again by their terms' addresses. Reading such a node
/// back from the macro's heap (a `Value` made per node, its meta checked
/// for the stamp) and dropping the argument it was copied from was most of
/// the cost of macros that return their arguments in a wrapper (ExUnit's
/// `describe` and `test` return the whole block they are given). A node
/// qualifies when stamping would leave it as it is (every node in it has a
/// line, no variable of the macro's module lacks a counter); it is moved
/// out of the arguments with its `column:` metas dropped, as the macro saw
/// it. Nothing is shared once the macro's heap has been collected (terms
/// moved, and their old addresses may hold new terms).
#[derive(Default)]
struct Shared {
    /// Each list and tuple of the arguments, in the order built: its
    /// parent's entry (`ROOT` for an argument) and its place there (an
    /// element's index; a list's tail is at the list's length).
    steps: Vec<(u32, u32)>,
    /// A qualifying node's term (its raw bits) to its entry, and whether
    /// a meta in it has a `column:` (code passed through two macros, as a
    /// test's body through `describe` and `test`, has none left the second
    /// time: no walk to drop them).
    nodes: rustc_hash::FxHashMap<u64, (u32, bool)>,
    /// The stand-ins built for opaque blocks (see [`opaque_block`]), each
    /// also in `nodes`.
    standins: Vec<u64>,
    /// Per entry: taken, or a part of it taken.
    dirty: Vec<bool>,
}

impl Shared {
    const ROOT: u32 = u32::MAX;
}

/// The argument of ExUnit.Case's `describe` and `test` whose `do:` block
/// goes to the macro as a stand-in: a node of its own that the result
/// gets the block back for (through `Shared`, as an argument node given
/// back unchanged). Those macros only place the block in the code they
/// return, never look into it; building each test's body into the heap of
/// `describe` and then of `test` was 7% of compiling a 300-test file.
fn opaque_block(module: &str, fun: &str, nargs: usize) -> Option<usize> {
    match (module, fun, nargs) {
        ("Elixir.ExUnit.Case", "MACRO-describe" | "MACRO-test", 2) => Some(1),
        ("Elixir.ExUnit.Case", "MACRO-test", 3) => Some(2),
        _ => None,
    }
}

/// The atom heading a stand-in node.
const STANDIN: &str = "$beamlet_block";

/// Whether each stand-in (by its term's bits) is in the macro's result
/// `t` exactly once, and nothing else there looks like one (a result
/// holding a map or a fun is not looked into: the macro runs again).
fn standins_intact(t: Term, standins: &[u64]) -> bool {
    let tag = atom::intern(STANDIN);
    let mut seen = vec![0u32; standins.len()];
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        if let Some(elems) = t.tuple_elems() {
            if let Some(i) = standins.iter().position(|&s| s == t.raw()) {
                seen[i] += 1;
                continue;
            }
            if elems.first() == Some(&tag) {
                return false;
            }
            stack.extend_from_slice(elems);
        } else if let Some((h, tl)) = t.cons_parts() {
            stack.push(h);
            stack.push(tl);
        } else if t.is_map() || t.is_fun() {
            return false;
        }
    }
    seen.iter().all(|&n| n == 1)
}

/// Builds a macro's owned arguments into its heap as `quoted_term` does,
/// noting in `sh` the nodes the result may share.
struct SharedBuilder<'h> {
    heap: &'h mut Heap,
    sh: &'h mut Shared,
    /// The stamp's line and macro module (see `Stamper`).
    line: u32,
    module: Term,
}

impl SharedBuilder<'_> {
    /// The keyword list `v` (argument `slot`) with its `do:` value as a
    /// stand-in (see [`opaque_block`]); built as it is when it is not a
    /// keyword list with a `do:`.
    fn standin_keyword(&mut self, v: &Value, slot: u32) -> Term {
        let do_key = beamlet_vm::static_atom!("do");
        let is_do = |it: &Value| matches!(it, Value::Tuple(kv) if kv.len() == 2 && matches!(&kv[0], Value::Atom(k) if *k == do_key));
        let Value::List(items, None) = v else {
            return self.node(v, Shared::ROOT, slot).0;
        };
        if !items.iter().any(is_do) {
            return self.node(v, Shared::ROOT, slot).0;
        }
        let e = self.entry(Shared::ROOT, slot);
        let mut elems = Vec::with_capacity(items.len());
        let mut done = false;
        for (i, it) in items.iter().enumerate() {
            if !done && is_do(it) {
                done = true;
                let te = self.entry(e, i as u32);
                let se = self.entry(te, 1);
                let stand = self
                    .heap
                    .tuple(&[atom::intern(STANDIN), Term::NIL, Term::NIL]);
                self.sh.nodes.insert(stand.raw(), (se, true));
                self.sh.standins.push(stand.raw());
                elems.push(self.heap.tuple(&[do_key.term(), stand]));
            } else {
                elems.push(self.node(it, e, i as u32).0);
            }
        }
        self.heap.list(&elems)
    }

    /// A new entry of `Shared::steps`.
    fn entry(&mut self, parent: u32, slot: u32) -> u32 {
        self.sh.steps.push((parent, slot));
        self.sh.dirty.push(false);
        (self.sh.steps.len() - 1) as u32
    }

    /// `v` as a term, whether stamping leaves it as it is, and whether a
    /// meta in it has a `column:`.
    fn node(&mut self, v: &Value, parent: u32, slot: u32) -> (Term, bool, bool) {
        let column = beamlet_vm::static_atom!("column");
        let entry = |sh: &mut Shared| {
            sh.steps.push((parent, slot));
            sh.dirty.push(false);
            (sh.steps.len() - 1) as u32
        };
        match v {
            Value::List(items, tail) => {
                let e = entry(self.sh);
                let (mut same, mut cols) = (true, false);
                let tail = match tail {
                    Some(t) => {
                        let (tt, s, c) = self.node(t, e, items.len() as u32);
                        // (A list as the tail is read back as part of the list.)
                        same &= s && !matches!(**t, Value::List(..));
                        cols |= c;
                        tt
                    }
                    None => Term::NIL,
                };
                let mut elems = Vec::with_capacity(items.len());
                for (i, it) in items.iter().enumerate() {
                    let (t, s, c) = self.node(it, e, i as u32);
                    same &= s;
                    cols |= c;
                    elems.push(t);
                }
                (self.heap.list_with_tail(&elems, tail), same, cols)
            }
            Value::Tuple(t) if t.len() == 3 => {
                let e = entry(self.sh);
                let (head, hs, hc) = self.node(&t[0], e, 0);
                let (meta, same, mc) = match &t[1] {
                    Value::List(m, None) => {
                        let (line_key, keep_key, counter_key) = (
                            beamlet_vm::static_atom!("line"),
                            beamlet_vm::static_atom!("keep"),
                            beamlet_vm::static_atom!("counter"),
                        );
                        let (mut line, mut keep, mut counter, mut cols) =
                            (false, false, false, false);
                        let mut kept: Vec<Term> = Vec::with_capacity(m.len());
                        for p in m {
                            if let Value::Tuple(kv) = p {
                                if let [Value::Atom(k), _] = &kv[..] {
                                    let k = *k;
                                    line |= k == line_key;
                                    keep |= k == keep_key;
                                    counter |= k == counter_key;
                                    if k == column {
                                        cols = true;
                                        continue;
                                    }
                                }
                            }
                            kept.push(meta_pair_term(self.heap, p));
                        }
                        let is_var = matches!((&t[0], &t[2]), (Value::Atom(_), Value::Atom(_)));
                        let add_line = self.line > 0 && !line && !keep;
                        let add_counter = is_var
                            && matches!(&t[2], Value::Atom(c) if c.term() == self.module)
                            && !counter;
                        (
                            self.heap.list_with_tail(&kept, Term::NIL),
                            !add_line && !add_counter,
                            cols,
                        )
                    }
                    // (Read back as it is: see `Stamper::node`.)
                    m => (from_value(self.heap, m), true, false),
                };
                let (args, as_, ac) = self.node(&t[2], e, 2);
                let node = self.heap.tuple(&[head, meta, args]);
                let is_var = matches!((&t[0], &t[2]), (Value::Atom(_), Value::Atom(_)));
                let same =
                    same && (is_var || !matches!(&t[1], Value::List(_, None)) || (hs && as_));
                let cols = hc || mc || ac;
                if same {
                    self.sh.nodes.insert(node.raw(), (e, cols));
                }
                (node, same, cols)
            }
            Value::Tuple(t) => {
                let e = entry(self.sh);
                let (mut same, mut cols) = (true, false);
                let mut elems = Vec::with_capacity(t.len());
                for (i, x) in t.iter().enumerate() {
                    let (x, s, c) = self.node(x, e, i as u32);
                    same &= s;
                    cols |= c;
                    elems.push(x);
                }
                // (Other sizes than 2 are read back as they are.)
                (self.heap.tuple(&elems), same || t.len() != 2, cols)
            }
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Atom(_) => {
                (from_value(self.heap, v), true, false)
            }
            Value::Binary(_) | Value::Bitstring(..) => (from_value(self.heap, v), true, false),
            // (Maps, pids, references and funs: not sure to read back the same.)
            other => (from_value(self.heap, other), false, false),
        }
    }
}

/// A meta's entry as a term of `heap`, as `from_value` makes it: most are
/// `{atom, small integer or atom}` pairs, built here without its general
/// walk (which was a third of building a macro's arguments).
fn meta_pair_term(heap: &mut Heap, p: &Value) -> Term {
    if let Value::Tuple(kv) = p {
        if let [Value::Atom(k), v] = &kv[..] {
            let v = match v {
                Value::Atom(a) => Some(a.term()),
                Value::Int(i) => Term::try_small(*i),
                _ => None,
            };
            if let Some(v) = v {
                return heap.tuple(&[k.term(), v]);
            }
        }
    }
    from_value(heap, p)
}

/// Moves nodes out of a macro's owned arguments (see `Shared`).
struct Taker<'a> {
    sh: Shared,
    args: &'a mut Vec<Value>,
    /// Scratch: a node's path from its argument.
    path: Vec<u32>,
}

impl Taker<'_> {
    /// The argument node built as `t`, moved out, if it qualifies and is
    /// whole (neither it nor a part of it taken before).
    fn take(&mut self, t: Term) -> Option<Value> {
        let &(e, cols) = self.sh.nodes.get(&t.raw())?;
        if self.sh.dirty[e as usize] {
            return None;
        }
        self.path.clear();
        let mut cur = e;
        loop {
            let (parent, slot) = self.sh.steps[cur as usize];
            self.path.push(slot);
            if parent == Shared::ROOT {
                break;
            }
            cur = parent;
        }
        let mut steps = self.path.iter().rev();
        let mut v = self.args.get_mut(*steps.next()? as usize)?;
        for &s in steps {
            v = match v {
                Value::List(items, tail) => match items.get_mut(s as usize) {
                    Some(x) => x,
                    None => tail.as_deref_mut()?,
                },
                Value::Tuple(els) => els.get_mut(s as usize)?,
                _ => return None,
            };
        }
        let standin = self.sh.standins.contains(&t.raw());
        if !standin && !matches!(v, Value::Tuple(x) if x.len() == 3) {
            return None;
        }
        let mut out = std::mem::replace(v, Value::Int(0));
        let mut cur = e;
        while !self.sh.dirty[cur as usize] {
            self.sh.dirty[cur as usize] = true;
            let (parent, _) = self.sh.steps[cur as usize];
            if parent == Shared::ROOT {
                break;
            }
            cur = parent;
        }
        if cols {
            drop_columns(&mut out);
        }
        Some(out)
    }
}

/// Drops the `column:` entries of every node's meta in `v`, in place, as
/// `quoted_term` leaves them out.
fn drop_columns(v: &mut Value) {
    let column = beamlet_vm::static_atom!("column");
    match v {
        Value::List(items, tail) => {
            items.iter_mut().for_each(drop_columns);
            if let Some(t) = tail {
                drop_columns(t);
            }
        }
        Value::Tuple(t) if t.len() == 3 => {
            if let Value::List(m, None) = &mut t[1] {
                let is_column = |p: &Value| matches!(p, Value::Tuple(kv) if kv.len() == 2 && matches!(&kv[0], Value::Atom(k) if *k == column));
                // (Looked for first: a block passed through `describe` and
                // then `test` has none left the second time.)
                if m.iter().any(is_column) {
                    m.retain(|p| !is_column(p));
                }
            }
            drop_columns(&mut t[0]);
            drop_columns(&mut t[2]);
        }
        Value::Tuple(t) => t.iter_mut().for_each(drop_columns),
        _ => {}
    }
}
