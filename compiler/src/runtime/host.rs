//! The expander's [`Host`] on a running VM: macros run as nested calls in
//! the compiling process (beamlet_vm::nested), modules are looked up in the
//! code table (loading the library's lazily), and the module being
//! defined is the service's.

use super::Service;
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

    fn raised(&mut self, e: Exn) -> Box<Raised> {
        let class = match e.class {
            Class::Error => "error",
            Class::Throw => "throw",
            Class::Exit => "exit",
        };
        let trace =
            beamlet_vm::interp::trace_term(&mut self.ctx.st.heap, &e.trace, e.info.as_deref());
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
    fn env_term(heap: &mut Heap, env: &Env, functions: Option<Term>, macros: Option<Term>) -> Term {
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
                ("versioned_vars", _, _) => versioned_vars(heap, env),
                _ => match env.field(f) {
                    Some(v) => from_value(heap, &v),
                    None => continue,
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
        args: &[Value],
        local: bool,
    ) -> Result<Value, Box<Raised>> {
        // Code run at compile time stays interpreted (see jit::suspend).
        let _j = beamlet_vm::jit::suspend();
        let functions = self.svc.imports_literal_opt(self.ctx, &caller.functions);
        let macros = self.svc.imports_literal_opt(self.ctx, &caller.macros);
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
                    )];
                    ts.extend(args.iter().map(|a| quoted_term(&mut self.ctx.st.heap, a)));
                    return self.call_terms(module, fun, &ts);
                }
            }
        };
        // The environment and the arguments are built straight into the
        // macro's heap, and its result read from there.
        let _t = timing::enter(Phase::Macro);
        let r = beamlet_vm::nested::call_with(
            self.ctx,
            fid,
            args.len() + 1,
            |heap, _| {
                let _t = timing::enter(Phase::Convert);
                let mut ts = Vec::with_capacity(args.len() + 1);
                ts.push(Self::env_term(heap, caller, functions, macros));
                ts.extend(args.iter().map(|a| quoted_term(heap, a)));
                ts
            },
            |_, code, _, t| {
                let _t = timing::enter(Phase::Convert);
                to_value(code, t)
            },
        );
        r.map_err(|e| self.raised(e))
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
                .any(|(n, a, f)| n == name && *a == arity && f == from)
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

    fn save_body(&mut self, body: &Value) -> Option<usize> {
        self.svc.save_body(body)
    }

    fn save_env(&mut self, module: &str, env: &Env, def: Option<Value>) -> usize {
        self.svc
            .with_module(module, |s| s.save_env(env, def.as_ref()))
            .unwrap_or(0)
    }
}

/// Quoted code as a term of `heap`, as `from_value` builds it but without
/// `column:` in any node's meta: what a macro receives (Elixir's compiler
/// records no columns). One pass, instead of a copy without the columns
/// and then its conversion.
/// `env`'s `versioned_vars` map, built straight from its variables (in
/// key order already: `impl Ord for VarId`).
fn versioned_vars(heap: &mut Heap, env: &Env) -> Term {
    use crate::expand::VarCtx;
    let mut keys = Vec::with_capacity(env.vars.len());
    let mut vals = Vec::with_capacity(env.vars.len());
    for (i, v) in env.vars.iter().enumerate() {
        let ctx = match &v.ctx {
            VarCtx::Nil => atom::NIL,
            VarCtx::Atom(a) => atom::intern(a),
            VarCtx::Counter(c) => Term::small(*c),
        };
        let key = heap.tuple(&[atom::intern(&v.name), ctx]);
        keys.push(key);
        vals.push(Term::small(i as i64));
    }
    if keys.len() > beamlet_vm::hamt::FLAT_MAX {
        return beamlet_vm::bif::map::build_map(heap, keys.into_iter().zip(vals).collect());
    }
    heap.map_sorted(&keys, &vals)
}

fn quoted_term(heap: &mut beamlet_vm::heap::Heap, v: &Value) -> Term {
    let is_column = |p: &Value| matches!(p, Value::Tuple(kv) if kv.len() == 2 && matches!(&kv[0], Value::Atom(k) if k == "column"));
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
                        .map(|p| from_value(heap, p))
                        .collect();
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
