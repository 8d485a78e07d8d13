//! Code generation: desugared modules and script → a loadable [`Unit`].
//!
//! Each function compiles into one register window: parameters in
//! `R[0..arity]` (a closure's captured variables right after them), then
//! variables and temporaries. Every variable binding gets a fresh register
//! (Elixir's rebinding is SSA-like), temporaries are reused stack-wise.
//! Patterns compile to sequences of tests that jump to the next clause on
//! failure (patterns.rs); the last clause's failure raises.
//!
//! # Files
//! [`FnBuilder`]'s methods are spread over the files below in `impl` blocks
//! and call one another freely: compiling an expression recurses through
//! most of them. What a file imports (types, free functions) comes only from
//! the files listed under it, so the imports have no circle:
//! - `mod.rs` (this file): [`compile_unit`], which reserves an id for every
//!   named function, compiles each one and links the unit; the re-exports.
//! - `calls.rs`: calls by name and of funs, BIFs. It also imports special.rs
//!   (a local call may name a special form) and kernel.rs.
//! - `expr.rs` (expressions), `operators.rs`, `closures.rs` (`fn`, `&`
//!   captures), `patterns.rs` (patterns and guards), `clauses.rs` (clause
//!   lists and the decision tree over them), `special.rs` (`if`, `case`,
//!   `receive`, `try`...), `peephole.rs` (`fuse`, which `finish` runs):
//!   these import only builder.rs and unit.rs, and expr.rs and closures.rs
//!   kernel.rs.
//! - `builder.rs`: [`FnBuilder`], one function's registers, labels,
//!   instructions, lines and literals; `finish` resolves its labels. It
//!   imports unit.rs only.
//! - `unit.rs`: [`UnitBuilder`], what the functions of a unit share and
//!   their linking into a [`Unit`]; `kernel.rs`: the Kernel functions called
//!   without a module. Neither imports another codegen file.

mod builder;
mod calls;
mod clauses;
mod closures;
mod expr;
pub(crate) mod kernel;
mod operators;
mod patterns;
mod peephole;
mod special;
mod unit;

pub use builder::{op_labels, small_int, CResult, FnBuilder};
pub use kernel::local_kernel;
pub use unit::UnitBuilder;

use crate::ast::*;
use crate::desugar::{self, FunDef, ModuleEnv};
use crate::diagnostic::Diagnostic;
use beamlet_vm::code::{FunId, FunKind, Function, Unit};
use beamlet_vm::heap::Heap;
use rustc_hash::FxHashSet as HashSet;

/// Compiles desugared modules and script code into a unit.
/// A compiled unit and the warnings met on the way.
pub fn compile_unit(
    src: &str,
    d: &desugar::Desugared,
    with_script: bool,
) -> CResult<(Unit, Vec<Diagnostic>)> {
    compile_unit_with(src, d, with_script, false, Heap::new(), false)
}

/// [`compile_unit`], with undefined local calls made calls by name when
/// `lenient_locals` (see [`UnitBuilder::lenient_locals`]), and `literals`
/// as the unit's literal heap (it holds the code's [`ExprKind::Data`]
/// terms: `Lowerer::into_literals`). With `parallel` (a second CPU), a
/// large unit's named functions compile in two halves, the second on a
/// thread of its own with a forked [`UnitBuilder`] joined back after
/// (`UnitBuilder::absorb`): the unit is the same as compiled in order (the
/// same ids, imports, literals and warnings, the first error in order).
pub fn compile_unit_with(
    src: &str,
    d: &desugar::Desugared,
    with_script: bool,
    lenient_locals: bool,
    literals: Heap,
    parallel: bool,
) -> CResult<(Unit, Vec<Diagnostic>)> {
    let mut u = UnitBuilder::new(src);
    u.literals = literals;
    u.lenient_locals = lenient_locals;
    u.structs = d.structs.clone();
    // Reserve ids for all named functions first so calls can refer to them.
    let mut plan = Vec::new();
    for (m, envs) in &d.modules {
        for (f, env) in m.funs.iter().zip(envs) {
            let id = u.reserve();
            u.locals
                .insert((m.name.clone(), f.name.clone(), f.arity), (id, f.public));
            plan.push((id, f, env));
        }
    }
    u.no_return = no_return(&u, &plan);
    u.returns_atom = returns_atom(&u, &plan);
    let split = if parallel && !with_script {
        split_point(&plan)
    } else {
        plan.len()
    };
    let (first, second) = plan.split_at(split);
    if second.is_empty() {
        compile_plan(&mut u, first)?;
    } else {
        let named = u.functions.len();
        let mut v = u.fork();
        let (done, other) = std::thread::scope(|s| {
            let other = std::thread::Builder::new()
                .name("beamlet-codegen".into())
                .spawn_scoped(s, || {
                    let _t = beamlet_vm::timing::enter(beamlet_vm::timing::Phase::Codegen);
                    compile_plan(&mut v, second)
                });
            let done = compile_plan(&mut u, first);
            (done, other.ok().map(|h| h.join()))
        });
        done?;
        match other {
            Some(Ok(done)) => {
                done?;
                u.absorb(v, named);
            }
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            // No thread could start: the second half compiles here.
            None => compile_plan(&mut u, second)?,
        }
    }
    for &(id, f, env) in &plan {
        let used = |u: &UnitBuilder| {
            u.used.contains(&id)
                || plan.iter().any(|&(w, g, genv)| {
                    g.defaults_of == Some(f.arity)
                        && g.name == f.name
                        && genv.name == env.name
                        && u.used.contains(&w)
                })
        };
        // Macros run at compile time; overridden definitions may go unused.
        let hidden = f.name.starts_with("MACRO-") || f.name.contains("(overridable");
        if !f.public && f.defaults_of.is_none() && !hidden && !used(&u) {
            u.warnings.push(
                Diagnostic::new(f.span, format!("function {}/{} is unused", f.name, f.arity))
                    .with_hint("a defp can only be called from its own module: remove it, call it, or make it a def"),
            );
        }
    }
    let script = if with_script {
        let id = u.reserve();
        let env = ModuleEnv {
            name: "__script__".into(),
            ..Default::default()
        };
        let mut b = FnBuilder::new(&env, "__script__".into(), 0, 0);
        let body = Expr::new(
            d.script.first().map_or(Span::default(), |e| e.span),
            ExprKind::Block(d.script.clone()),
        );
        b.expr_tail(&mut u, &body)?;
        u.functions[id as usize] = Some(b.finish("__script__", 0, FunKind::Named, false));
        Some(id)
    } else {
        None
    };
    let mut warnings = std::mem::take(&mut u.warnings);
    warnings.sort_by_key(|w| w.span.start);
    warnings.dedup();
    Ok((u.finish(script), warnings))
}

/// Clauses from which a unit's codegen is split over two threads (a
/// thread costs more than compiling a few functions).
const SPLIT_CLAUSES: usize = 64;

/// Where `plan` splits for two threads: about half its clauses on each
/// side (`plan.len()`: no split). It depends on the plan only.
fn split_point(plan: &[(FunId, &FunDef, &ModuleEnv)]) -> usize {
    let total: usize = plan.iter().map(|(_, f, _)| f.clauses.len()).sum();
    if total < SPLIT_CLAUSES {
        return plan.len();
    }
    let mut acc = 0;
    for (i, (_, f, _)) in plan.iter().enumerate() {
        if acc * 2 >= total {
            return i;
        }
        acc += f.clauses.len();
    }
    plan.len()
}

/// Compiles the named functions of `plan` (their ids reserved) in order.
fn compile_plan(u: &mut UnitBuilder, plan: &[(FunId, &FunDef, &ModuleEnv)]) -> CResult<()> {
    for &(id, f, env) in plan {
        // A function made by defaults calls the one declaring them: that call
        // is not a use (so `defp f(x \\ 1)` that nothing calls is unused).
        let owner = f.defaults_of.and_then(|full| {
            let key = (env.name.clone(), f.name.clone(), full);
            u.locals.get(&key).map(|&(owner, _)| owner)
        });
        u.current = Some(owner.unwrap_or(id));
        let func = compile_named(u, f, env)?;
        u.functions[id as usize] = Some(func);
    }
    u.current = None;
    Ok(())
}

/// The named functions that never return: every clause ends in `throw/1`,
/// `exit/1`, `raise/2`, `:erlang.error/1,2` or a call of another such local
/// function. OTP's compiler infers this (its type pass) and compiles a
/// local call of one as a tail call, so the caller has no frame in the stack
/// trace: a test calling a helper that raises shows only the helper's frame.
/// (`raise/1` is `:erlang.error/3`, which OTP 25 does not count, and a
/// remote call is never known.)
fn no_return(u: &UnitBuilder, plan: &[(FunId, &FunDef, &ModuleEnv)]) -> HashSet<FunId> {
    let mut set = HashSet::default();
    loop {
        let before = set.len();
        for &(id, f, env) in plan {
            if !set.contains(&id)
                && !f.clauses.is_empty()
                && f.clauses
                    .iter()
                    .all(|c| never_returns(u, &env.name, &set, &c.body))
            {
                set.insert(id);
            }
        }
        if set.len() == before {
            return set;
        }
    }
}

/// The named functions that return one atom whenever they return (each
/// clause ends in it, in a call of another such function returning it, or
/// never returns). OTP's compiler knows the type of such a call, and makes
/// `f(x); :ok` a tail call of `f` when `f` returns `:ok` (its
/// `ssa_opt_tail_literals`): the caller has no frame in the stack trace.
fn returns_atom(
    u: &UnitBuilder,
    plan: &[(FunId, &FunDef, &ModuleEnv)],
) -> rustc_hash::FxHashMap<FunId, String> {
    let mut found = rustc_hash::FxHashMap::default();
    loop {
        let before = found.len();
        for &(id, f, env) in plan {
            if found.contains_key(&id) || u.no_return.contains(&id) {
                continue;
            }
            let mut atom: Option<String> = None;
            let all = f.clauses.iter().all(|c| {
                if never_returns(u, &env.name, &u.no_return, &c.body) {
                    return true;
                }
                match body_atom(u, &env.name, &found, &c.body) {
                    Some(a) if atom.as_ref().is_none_or(|b| *b == a) => {
                        atom = Some(a);
                        true
                    }
                    _ => false,
                }
            });
            if let (true, Some(a)) = (all, atom) {
                found.insert(id, a);
            }
        }
        if found.len() == before {
            return found;
        }
    }
}

/// The atom `e` always gives (see `returns_atom`).
fn body_atom(
    u: &UnitBuilder,
    module: &str,
    found: &rustc_hash::FxHashMap<FunId, String>,
    e: &Expr,
) -> Option<String> {
    match &e.kind {
        ExprKind::Block(items) => body_atom(u, module, found, items.last()?),
        ExprKind::Atom(a) => Some(a.clone()),
        ExprKind::Call(c) if c.do_block.is_none() => match &c.target {
            CallTarget::Local(name) => {
                let key = (module.to_owned(), name.clone(), c.args.len());
                let &(id, _) = u.locals.get(&key)?;
                found.get(&id).cloned()
            }
            _ => None,
        },
        _ => None,
    }
}

fn never_returns(u: &UnitBuilder, module: &str, set: &HashSet<FunId>, e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Block(items) => items.iter().any(|x| never_returns(u, module, set, x)),
        ExprKind::Binary(BinOp::Match, _, value) => never_returns(u, module, set, value),
        ExprKind::Call(c) if c.do_block.is_none() => match &c.target {
            CallTarget::Local(name) => {
                let key = (module.to_owned(), name.clone(), c.args.len());
                match u.locals.get(&key) {
                    Some(&(id, _)) => set.contains(&id),
                    None => matches!(
                        (name.as_str(), c.args.len()),
                        ("throw" | "exit", 1) | ("raise", 2)
                    ),
                }
            }
            CallTarget::Remote(m, f) => {
                let module = match &m.kind {
                    ExprKind::Atom(a) => a.as_str(),
                    _ => return false,
                };
                matches!(
                    (module, f.as_str(), c.args.len()),
                    ("erlang", "error", 1 | 2) | ("erlang" | "Elixir.Kernel", "throw" | "exit", 1)
                )
            }
            _ => false,
        },
        _ => false,
    }
}

fn compile_named(u: &mut UnitBuilder, f: &FunDef, env: &ModuleEnv) -> CResult<Function> {
    let mut b = FnBuilder::new(env, format!("{}/{}", f.name, f.arity), f.arity, 0);
    b.clauses(u, &f.clauses, f.arity, None)?;
    Ok(b.finish(&f.name, f.arity as u32, FunKind::Named, f.public))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile(src: &str, parallel: bool) -> (Unit, Vec<Diagnostic>) {
        let program = crate::parser::parse(src).expect("parses");
        let d = desugar::desugar(&program).expect("desugars");
        compile_unit_with(src, &d, false, false, Heap::new(), parallel).expect("compiles")
    }

    #[test]
    fn a_unit_compiled_on_two_threads_is_the_unit_compiled_in_order() {
        let mut src = String::from("defmodule Big do\n");
        for i in 0..100 {
            src.push_str(&format!(
                "  def f{i}(x), do: Enum.map([x, {i}], fn y -> {{y, \"s{i}\", :a{}}} end) ++ g{i}(x)\n\
                 \x20 defp g{i}(x), do: [String.length(\"abc#{{x}}\"), &(&1 + {i}), &Enum.count/1, %{{a: {i}, b: [1.5, x]}}]\n\
                 \x20 defp unused{i}(x), do: List.first([x, f{}(x)])\n",
                i % 7,
                (i * 13) % 100
            ));
        }
        src.push_str("end\n");
        let (a, wa) = compile(&src, false);
        let (b, wb) = compile(&src, true);
        assert_eq!(wa, wb);
        assert_eq!(wa.len(), 100);
        assert_eq!(a.imports, b.imports);
        assert_eq!(a.functions.len(), b.functions.len());
        for (f, g) in a.functions.iter().zip(&b.functions) {
            assert_eq!(
                (f.module, f.name, f.arity, f.nfree, f.nregs),
                (g.module, g.name, g.arity, g.nfree, g.nregs)
            );
            assert_eq!(
                (&f.code, &f.lines, &f.tables),
                (&g.code, &g.lines, &g.tables)
            );
            assert_eq!((&f.kind, f.public), (&g.kind, g.public));
            assert_eq!(f.literals.len(), g.literals.len());
            for (&x, &y) in f.literals.iter().zip(&g.literals) {
                assert!(beamlet_vm::order::exact_eq(x, y), "{x:?} / {y:?}");
            }
        }
    }
}
