//! Closures: a `fn` becomes a function of its own over the variables it captures; `&` captures.
//!
//! A `fn`'s free variables are the names its clauses mention that are bound
//! where it is created, in name order; the closure's function finds them in
//! the registers after its arguments. `&f/n` of a function of the module is
//! a closure with no free variables, `&Mod.f/n` (and a Kernel function) an
//! export literal; other captures are rewritten into a `fn` first.

use super::builder::{CResult, FnBuilder};
use super::kernel::local_kernel;
use super::unit::UnitBuilder;
use crate::ast::*;
use crate::desugar;
use crate::diagnostic::Diagnostic;
use beamlet_vm::atom;
use beamlet_vm::code::{FunKind, Op, Reg};
use num_traits::ToPrimitive;
use rustc_hash::FxHashSet as HashSet;

/// The names a `fn`'s clauses use from outside: what their guards and bodies
/// mention and their patterns pin, less what each clause's own parameters
/// bind (`fn game, x -> game end` uses no outer `game`). OTP's compiler
/// passes a fun only these (see `FunKind::Lambda::lifted`).
fn outer_uses(clauses: &[Clause]) -> HashSet<String> {
    let mut used = HashSet::default();
    for c in clauses {
        let mut bound = HashSet::default();
        let mut pinned = HashSet::default();
        for a in &c.args {
            desugar::mentioned_vars(a, &mut bound);
            desugar::walk(a, &mut |x| {
                if let ExprKind::Unary(UnaryOp::Pin, v) = &x.kind {
                    if let ExprKind::Var(n) = &v.kind {
                        pinned.insert(n.clone());
                    }
                    return false;
                }
                true
            });
        }
        let mut uses = pinned.clone();
        if let Some(g) = &c.guard {
            desugar::mentioned_vars(g, &mut uses);
        }
        desugar::mentioned_vars(&c.body, &mut uses);
        used.extend(
            uses.into_iter()
                .filter(|n| pinned.contains(n) || !bound.contains(n)),
        );
    }
    used
}

impl FnBuilder<'_> {
    pub(super) fn lambda(
        &mut self,
        u: &mut UnitBuilder,
        clauses: &[Clause],
        span: Span,
        dst: Reg,
    ) -> CResult<()> {
        let arity = clauses.first().map_or(0, |c| c.args.len());
        // Free variables: every name mentioned inside that is bound here.
        let mut mentioned = HashSet::default();
        for c in clauses {
            for a in &c.args {
                desugar::mentioned_vars(a, &mut mentioned);
            }
            if let Some(g) = &c.guard {
                desugar::mentioned_vars(g, &mut mentioned);
            }
            desugar::mentioned_vars(&c.body, &mut mentioned);
        }
        let mut free: Vec<(String, Reg)> = mentioned
            .into_iter()
            .filter_map(|n| self.scope.get(n.as_str()).map(|r| (n, *r)))
            .collect();
        free.sort();
        let id = u.reserve();
        let mut b = FnBuilder::new(self.env, self.parent.clone(), arity, free.len());
        for (i, (n, _)) in free.iter().enumerate() {
            b.scope.insert(n.as_str().into(), (arity + i) as Reg);
        }
        // Numbered as OTP's compiler numbers funs: one count for the whole
        // function, the funs inside this one first (`-f/1-fun-0-` is the
        // innermost of the first nest), so stack traces name the same funs.
        b.lambda_count = self.lambda_count;
        b.clauses(u, clauses, arity, Some(span))?;
        let index = b.lambda_count;
        self.lambda_count = index + 1;
        let used = outer_uses(clauses);
        let lifted = free
            .iter()
            .filter(|(n, r)| used.contains(n) && !self.constants.contains(r))
            .count() as u32;
        let mut f = b.finish(
            &format!("-{}-fun-{index}-", self.parent),
            arity as u32,
            FunKind::Lambda {
                index,
                parent: self.parent.clone(),
                lifted,
            },
            false,
        );
        f.nfree = free.len() as u32;
        u.functions[id as usize] = Some(f);
        let m = self.mark();
        let first = self.alloc_n(span, free.len())?;
        for (i, (_, r)) in free.iter().enumerate() {
            self.emit(Op::Move {
                dst: first + i as Reg,
                src: *r,
            });
        }
        self.emit(Op::MakeClosure {
            dst,
            fun: id,
            free: first,
            n: free.len() as u32,
        });
        self.release(m);
        Ok(())
    }

    /// Whether OTP's compiler would fold `e` into a constant: literals,
    /// containers of constants, variables bound to constants, and the
    /// operators it evaluates at compile time on constants. (It folds more;
    /// this covers what programs write: `expected = [1, 2]`, `n = 5 * 2`.)
    pub(super) fn const_expr(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Atom(_)
            | ExprKind::Alias(_)
            | ExprKind::Str(_)
            | ExprKind::Literal(_) => true,
            ExprKind::Charlist(parts) => parts.iter().all(|p| matches!(p, InterpPart::Lit(_))),
            ExprKind::Var(n) => self
                .scope
                .get(n.as_str())
                .is_some_and(|r| self.constants.contains(r)),
            ExprKind::List(items, tail) => {
                items.iter().all(|i| self.const_expr(i))
                    && tail.as_ref().is_none_or(|t| self.const_expr(t))
            }
            ExprKind::Tuple(items) => items.iter().all(|i| self.const_expr(i)),
            ExprKind::Map {
                update: None,
                pairs,
            }
            | ExprKind::Struct {
                update: None,
                pairs,
                ..
            } => pairs
                .iter()
                .all(|(k, v)| self.const_expr(k) && self.const_expr(v)),
            ExprKind::Bitstring(segs) => segs
                .iter()
                .all(|s| matches!(s.kind, ExprKind::Int(_) | ExprKind::Str(_))),
            ExprKind::Unary(UnaryOp::Neg | UnaryOp::Plus, x) => self.const_expr(x),
            ExprKind::Binary(op, a, b) => {
                matches!(
                    op,
                    BinOp::Add
                        | BinOp::Sub
                        | BinOp::Mul
                        | BinOp::Concat
                        | BinOp::Subtract
                        | BinOp::StrConcat
                        | BinOp::Range
                        | BinOp::RangeStep
                        | BinOp::Eq
                        | BinOp::Ne
                        | BinOp::StrictEq
                        | BinOp::StrictNe
                        | BinOp::Lt
                        | BinOp::Gt
                        | BinOp::Le
                        | BinOp::Ge
                ) && self.const_expr(a)
                    && self.const_expr(b)
            }
            _ => false,
        }
    }

    pub(super) fn capture(
        &mut self,
        u: &mut UnitBuilder,
        x: &Expr,
        span: Span,
        dst: Reg,
    ) -> CResult<()> {
        if let ExprKind::Binary(BinOp::Div, f, n) = &x.kind {
            if let ExprKind::Int(n) = &n.kind {
                let arity = n.to_u32().unwrap_or(0);
                match &f.kind {
                    ExprKind::Call(c) if c.args.is_empty() => {
                        if let CallTarget::Remote(m, name) = &c.target {
                            let module = self.module_atom(m)?;
                            if let Some(mut module) = module {
                                let mut name = name.clone();
                                // &Kernel.length/1 is &:erlang.length/1, as in Elixir.
                                if module == "Elixir.Kernel" {
                                    if let Some((m2, f2)) = local_kernel(&name, arity as usize) {
                                        module = m2.to_owned();
                                        name = f2.to_owned();
                                    }
                                }
                                let t = u.literals.export(
                                    atom::intern(&module),
                                    atom::intern(&name),
                                    arity,
                                );
                                self.load_const(t, dst);
                                return Ok(());
                            }
                            // `&mod.fun/1` with the module known when run.
                            let args = vec![
                                (**m).clone(),
                                Expr::new(span, ExprKind::Atom(name.clone())),
                                Expr::new(span, ExprKind::Int(arity.into())),
                            ];
                            return self
                                .remote_call(u, "erlang", "make_fun", &args, span, dst, false);
                        }
                    }
                    ExprKind::Var(name) => {
                        let key = (self.env.name.clone(), name.clone(), arity as usize);
                        if let Some((id, _)) = u.local(&key, true) {
                            // OTP's compiler makes a fun of `fun f/1` too:
                            // it takes a number from the count of `lambda`.
                            self.lambda_count += 1;
                            self.emit(Op::MakeClosure {
                                dst,
                                fun: id,
                                free: 0,
                                n: 0,
                            });
                            return Ok(());
                        }
                        if let Some((module, fname)) = local_kernel(name, arity as usize) {
                            let t =
                                u.literals
                                    .export(atom::intern(module), atom::intern(fname), arity);
                            self.load_const(t, dst);
                            return Ok(());
                        }
                        // A macro of the module, defined below the capture.
                        let macro_key = (
                            self.env.name.clone(),
                            format!("MACRO-{name}"),
                            arity as usize + 1,
                        );
                        if u.locals.contains_key(&macro_key) {
                            return Err(Diagnostic::new(
                                span,
                                format!("cannot invoke macro {name}/{arity} before its definition"),
                            ));
                        }
                        return Err(Diagnostic::new(
                            span,
                            format!("undefined function {name}/{arity}"),
                        )
                        .with_hint(
                            "capture a function defined in this module, or write &Mod.fun/arity",
                        ));
                    }
                    _ => {}
                }
            }
        }
        // `&f(&1, &2)` is `&f/2` (so `&is_atom(&1) == &is_atom/1`, as in Elixir).
        if let ExprKind::Call(c) = &x.kind {
            let in_order = !c.args.is_empty()
                && c.args
                    .iter()
                    .enumerate()
                    .all(|(i, a)| matches!(a.kind, ExprKind::CaptureArg(n) if n as usize == i + 1));
            let head = match &c.target {
                CallTarget::Local(name) => Some(Expr::new(x.span, ExprKind::Var(name.clone()))),
                CallTarget::Remote(m, name) if self.module_atom(m)?.is_some() => Some(
                    desugar::call(x.span, CallTarget::Remote(m.clone(), name.clone()), vec![]),
                ),
                _ => None,
            };
            if let (true, Some(head)) = (in_order, head) {
                let n = Expr::new(x.span, ExprKind::Int(c.args.len().into()));
                let whole = Expr::new(
                    x.span,
                    ExprKind::Binary(BinOp::Div, Box::new(head), Box::new(n)),
                );
                return self.capture(u, &whole, span, dst);
            }
        }
        let f = desugar::capture_to_fn(x)?;
        self.expr_to(u, &f, dst, false)
    }
}
