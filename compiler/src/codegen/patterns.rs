//! Pattern and guard compilation.
//!
//! A pattern compiles to a sequence of tests on the matched register that
//! jump to `fail` at the first mismatch, binding variables as it goes.
//! Clause lists, and the decisions that skip clauses, are in clauses.rs.
//!
//! Guards compile to tests that jump to the same `fail` label; a guard BIF
//! that raises also jumps there (Elixir: an error in a guard fails the clause).

use super::builder::{small_int, CResult, FnBuilder};
use super::unit::UnitBuilder;
use crate::ast::*;
use crate::desugar::alias_atom;
use crate::diagnostic::Diagnostic;
use beamlet_vm::atom;
use beamlet_vm::code::{CmpOp, Label, Op, Reg, TypeTest};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

impl<'e> FnBuilder<'e> {
    /// Matches the value in `r` against pattern `p`; jumps to `fail` on mismatch.
    /// `bound` holds the variables bound earlier in the same pattern (a second
    /// occurrence must be equal).
    pub fn pattern(
        &mut self,
        u: &mut UnitBuilder,
        p: &Expr,
        r: Reg,
        fail: Label,
        bound: &mut HashSet<String>,
    ) -> CResult<()> {
        // Bindings become visible only after the whole pattern: a pin inside
        // it still sees the variable's earlier value (`{x, ^x} = {20, 10}`).
        let mut fresh = HashMap::default();
        self.pattern_inner(u, p, r, fail, bound, &mut fresh)?;
        for (n, reg) in fresh {
            self.bind_reg(&n, reg);
        }
        Ok(())
    }

    fn pattern_inner(
        &mut self,
        u: &mut UnitBuilder,
        p: &Expr,
        r: Reg,
        fail: Label,
        bound: &mut HashSet<String>,
        fresh: &mut HashMap<String, Reg>,
    ) -> CResult<()> {
        let span = p.span;
        match &p.kind {
            ExprKind::Var(n) if n == "_" => {}
            ExprKind::Var(n) if n == "__MODULE__" => {
                let t = self.alloc(span)?;
                self.load_const(atom::intern(&self.env.name.clone()), t);
                self.emit(Op::IsEqExact { a: r, b: t, fail });
            }
            ExprKind::Var(n) => {
                if bound.contains(n) {
                    let prev = fresh.get(n).or_else(|| self.scope.get(n.as_str())).copied().unwrap_or(r);
                    self.emit(Op::IsEqExact { a: r, b: prev, fail });
                } else {
                    bound.insert(n.clone());
                    // The variable names the matched register itself; raising the
                    // floor keeps that register from being reused while it is in scope.
                    fresh.insert(n.clone(), r);
                    self.raise_floor();
                }
            }
            ExprKind::Unary(UnaryOp::Pin, x) => {
                let ExprKind::Var(n) = &x.kind else {
                    return Err(Diagnostic::new(span, "the pin operator ^ must be followed by a variable"));
                };
                let Some(prev) = self.scope.get(n.as_str()).copied() else {
                    return Err(Diagnostic::new(span, format!("undefined variable ^{n}"))
                        .with_hint("a pinned variable must be bound before the pattern"));
                };
                self.emit(Op::IsEqExact { a: r, b: prev, fail });
            }
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Atom(_) | ExprKind::Str(_) | ExprKind::Alias(_)
            | ExprKind::Charlist(_) | ExprKind::Unary(UnaryOp::Neg, _) | ExprKind::Literal(_)
            | ExprKind::Data(_) => {
                let Some(t) = self.literal(u, p)? else {
                    return Err(Diagnostic::new(span, "invalid pattern"));
                };
                let lit = self.lit_index(t);
                self.emit(Op::IsEqLit { a: r, lit, fail });
            }
            ExprKind::Tuple(items) => {
                self.emit(Op::IsTuple { r, arity: items.len() as u32, fail });
                for (i, it) in items.iter().enumerate() {
                    if matches!(&it.kind, ExprKind::Var(n) if n == "_") {
                        continue;
                    }
                    let e = self.alloc(span)?;
                    self.emit(Op::GetElem { dst: e, src: r, index: i as u32 });
                    self.pattern_inner(u, it, e, fail, bound, fresh)?;
                }
            }
            ExprKind::List(items, tail) => {
                let mut cur = r;
                for it in items {
                    self.emit(Op::IsType { r: cur, ty: TypeTest::Cons, fail });
                    let h = self.alloc(span)?;
                    let t = self.alloc(span)?;
                    self.emit(Op::GetList { head: h, tail: t, src: cur });
                    self.pattern_inner(u, it, h, fail, bound, fresh)?;
                    cur = t;
                }
                match tail {
                    Some(t) => self.pattern_inner(u, t, cur, fail, bound, fresh)?,
                    None => self.emit(Op::IsType { r: cur, ty: TypeTest::Nil, fail }),
                }
            }
            ExprKind::Map { update: None, pairs } => self.map_pattern(u, pairs, None, r, fail, bound, fresh)?,
            ExprKind::Struct { name, update: None, pairs } => {
                let module = match &name.kind {
                    ExprKind::Alias(a) => alias_atom(&self.resolve_alias(a)),
                    ExprKind::Atom(a) => a.clone(),
                    ExprKind::Var(v) if v == "__MODULE__" => self.env.name.clone(),
                    ExprKind::Var(_) | ExprKind::Unary(UnaryOp::Pin, _) => {
                        // %name{} binds the struct's module, %^module{} compares
                        // it with the pinned value; either way it must be an atom
                        // (`%{__struct__: "foo"}` is no struct).
                        let key = Expr::new(span, ExprKind::Atom("__struct__".into()));
                        let mut all = vec![(key, (**name).clone())];
                        all.extend(pairs.iter().cloned());
                        self.map_pattern(u, &all, None, r, fail, bound, fresh)?;
                        let m = self.mark();
                        let k = self.const_reg(atom::STRUCT, span)?;
                        let v = self.alloc(span)?;
                        self.emit(Op::GetMapValue { dst: v, map: r, key: k, fail });
                        self.emit(Op::IsType { r: v, ty: TypeTest::Atom, fail });
                        self.release(m);
                        return Ok(());
                    }
                    _ => return Err(Diagnostic::new(span, "invalid struct pattern")),
                };
                self.map_pattern(u, pairs, Some(module), r, fail, bound, fresh)?
            }
            ExprKind::Binary(BinOp::Range, a, b) => {
                // `first..last` matches a range's bounds.
                let pairs = vec![
                    (Expr::new(span, ExprKind::Atom("first".into())), (**a).clone()),
                    (Expr::new(span, ExprKind::Atom("last".into())), (**b).clone()),
                ];
                self.map_pattern(u, &pairs, Some("Elixir.Range".into()), r, fail, bound, fresh)?
            }
            ExprKind::Binary(BinOp::RangeStep, range, step)
                if matches!(range.kind, ExprKind::Binary(BinOp::Range, _, _)) =>
            {
                // `first..last//step` matches a range's bounds and step.
                let ExprKind::Binary(BinOp::Range, a, b) = &range.kind else {
                    unreachable!("checked by the guard")
                };
                let pairs = vec![
                    (Expr::new(span, ExprKind::Atom("first".into())), (**a).clone()),
                    (Expr::new(span, ExprKind::Atom("last".into())), (**b).clone()),
                    (Expr::new(span, ExprKind::Atom("step".into())), (**step).clone()),
                ];
                self.map_pattern(u, &pairs, Some("Elixir.Range".into()), r, fail, bound, fresh)?
            }
            ExprKind::Binary(BinOp::Match, a, b) => {
                self.pattern_inner(u, a, r, fail, bound, fresh)?;
                self.pattern_inner(u, b, r, fail, bound, fresh)?;
            }
            ExprKind::Binary(BinOp::Concat, a, b) if matches!(a.kind, ExprKind::List(_, None) | ExprKind::Charlist(_)) => {
                // `[1, 2] ++ rest` / `'ab' ++ rest`: a list pattern with a tail.
                let items = match &a.kind {
                    ExprKind::List(items, None) => items.clone(),
                    ExprKind::Charlist(parts) => parts
                        .iter()
                        .flat_map(|p| if let InterpPart::Lit(s) = p { s.chars().collect::<Vec<_>>() } else { vec![] })
                        .map(|c| Expr::new(a.span, ExprKind::Int((c as u32).into())))
                        .collect(),
                    _ => Vec::new(),
                };
                let l = Expr::new(span, ExprKind::List(items, Some(b.clone())));
                self.pattern_inner(u, &l, r, fail, bound, fresh)?;
            }
            ExprKind::Binary(BinOp::StrConcat, a, b) if matches!(a.kind, ExprKind::Bitstring(_)) => {
                // `<<"f", "oo">> <> rest` is `<<"f", "oo", rest::binary>>`.
                let ExprKind::Bitstring(segs) = &a.kind else { unreachable!() };
                let binary = Expr::new(b.span, ExprKind::Var("binary".into()));
                let mut segs = segs.clone();
                segs.push(Expr::new(b.span, ExprKind::Binary(BinOp::Type, b.clone(), Box::new(binary))));
                let whole = Expr::new(span, ExprKind::Bitstring(segs));
                self.pattern_inner(u, &whole, r, fail, bound, fresh)?;
            }
            ExprKind::Binary(BinOp::StrConcat, a, b) => {
                let prefix = match &a.kind {
                    ExprKind::Str(s) => u.literals.str(s),
                    ExprKind::Interp(parts) if parts.iter().all(|x| matches!(x, InterpPart::Lit(_))) => {
                        let s: String = parts.iter().map(|x| if let InterpPart::Lit(s) = x { s.as_str() } else { "" }).collect();
                        u.literals.str(&s)
                    }
                    _ => {
                        return Err(Diagnostic::new(a.span, "the left side of <> in a pattern must be a literal string")
                            .with_hint("write \"prefix\" <> rest"))
                    }
                };
                let k = self.alloc(span)?;
                self.load_const(prefix, k);
                let rest = self.alloc(span)?;
                self.emit(Op::BinSplitPrefix { rest, src: r, prefix: k, fail });
                self.pattern_inner(u, b, rest, fail, bound, fresh)?;
            }
            ExprKind::Interp(parts) if parts.iter().all(|x| matches!(x, InterpPart::Lit(_))) => {
                let s: String = parts.iter().map(|x| if let InterpPart::Lit(s) = x { s.as_str() } else { "" }).collect();
                let t = u.literals.str(&s);
                let k = self.alloc(span)?;
                self.load_const(t, k);
                self.emit(Op::IsEqExact { a: r, b: k, fail });
            }
            ExprKind::Bitstring(segs) => {
                let segs = crate::bitstring::segments(segs)?;
                self.bitstring_pattern(u, span, &segs, r, fail, bound, fresh)?;
            }
            ExprKind::Attr(name, None) => {
                let v = self.attr(u, name, span);
                self.pattern_inner(u, &v, r, fail, bound, fresh)?;
            }
            ExprKind::Call(_) | ExprKind::Binary(..) | ExprKind::Unary(..) => {
                return Err(Diagnostic::new(span, "cannot use a call or an operator in a pattern")
                    .with_hint("patterns may hold literals, variables, ^pins, tuples, lists, maps and \"prefix\" <> rest"))
            }
            _ => return Err(Diagnostic::new(span, "invalid pattern")),
        }
        Ok(())
    }

    /// Matches the bitstring in `r` against `segs`: their values, as a tuple
    /// (`:beamlet.bs_match/2`), against their patterns. A size that is an
    /// expression over variables earlier segments bind (`<<n, body::binary-
    /// size(n * 2), rest::binary>>`) splits the match there: the segments
    /// before it and the rest as bits first, then the rest with the size
    /// computed from what the first part bound.
    #[allow(clippy::too_many_arguments)]
    fn bitstring_pattern(
        &mut self,
        u: &mut UnitBuilder,
        span: Span,
        segs: &[crate::bitstring::Segment],
        r: Reg,
        fail: Label,
        bound: &mut HashSet<String>,
        fresh: &mut HashMap<String, Reg>,
    ) -> CResult<()> {
        let split = crate::bitstring::size_split(segs);
        if let Some(i) = split {
            let rest_name = format!("bits rest {}", self.next_mark());
            let mut head = segs[..i].to_vec();
            head.push(crate::bitstring::Segment {
                value: Expr::new(span, ExprKind::Var(rest_name.clone())),
                ty: "bits",
                size: None,
                unit: None,
                signed: false,
                endian: "big",
            });
            self.bitstring_pattern(u, span, &head, r, fail, bound, fresh)?;
            bound.remove(&rest_name);
            let rest = fresh.remove(&rest_name).unwrap_or(r);
            // The sizes after the split see what the first part bound.
            let saved = self.scope.clone();
            for (n, reg) in fresh.iter() {
                self.scope.insert(n.as_str().into(), *reg);
            }
            self.binds += 1;
            let r2 = self.bitstring_pattern(u, span, &segs[i..], rest, fail, bound, fresh);
            self.scope = saved;
            return r2;
        }
        let (specs, tuple) = crate::bitstring::match_specs(span, segs);
        let args = self.alloc(span)?;
        let spec_reg = self.alloc(span)?;
        self.emit(Op::Move { dst: args, src: r });
        self.expr_to(u, &specs, spec_reg, false)?;
        let values = self.alloc(span)?;
        let bif = beamlet_vm::bif::lookup("beamlet", "bs_match", 2).ok_or_else(|| {
            Diagnostic::new(span, "internal: missing built-in :beamlet.bs_match/2")
        })?;
        self.emit(Op::Bif {
            bif,
            args,
            n: 2,
            dst: values,
            fail,
        });
        self.pattern_inner(u, &tuple, values, fail, bound, fresh)
    }

    fn bind_reg(&mut self, name: &str, r: Reg) {
        self.constants.remove(&r);
        self.scope.insert(name.into(), r);
        self.binds += 1;
        self.raise_floor();
    }

    #[allow(clippy::too_many_arguments)]
    fn map_pattern(
        &mut self,
        u: &mut UnitBuilder,
        pairs: &[(Expr, Expr)],
        module: Option<String>,
        r: Reg,
        fail: Label,
        bound: &mut HashSet<String>,
        fresh: &mut HashMap<String, Reg>,
    ) -> CResult<()> {
        self.emit(Op::IsType {
            r,
            ty: TypeTest::Map,
            fail,
        });
        let mut all: Vec<(Expr, Expr)> = Vec::new();
        if let Some(m) = module {
            let s = Span::default();
            all.push((
                Expr::new(s, ExprKind::Atom("__struct__".into())),
                Expr::new(s, ExprKind::Atom(m)),
            ));
        }
        all.extend(pairs.iter().cloned());
        for (k, v) in &all {
            let key = self.alloc(k.span)?;
            match self.literal(u, k)? {
                Some(t) => self.load_const(t, key),
                None => match &k.kind {
                    ExprKind::Unary(UnaryOp::Pin, x) => {
                        let ExprKind::Var(n) = &x.kind else {
                            return Err(Diagnostic::new(k.span, "invalid map key in pattern"));
                        };
                        let prev = *self.scope.get(n.as_str()).ok_or_else(|| {
                            Diagnostic::new(k.span, format!("undefined variable ^{n}"))
                        })?;
                        self.emit(Op::Move {
                            dst: key,
                            src: prev,
                        });
                    }
                    _ => {
                        return Err(Diagnostic::new(
                            k.span,
                            "map keys in patterns must be literals or ^pinned variables",
                        ))
                    }
                },
            }
            let val = self.alloc(v.span)?;
            self.emit(Op::GetMapValue {
                dst: val,
                map: r,
                key,
                fail,
            });
            self.pattern_inner(u, v, val, fail, bound, fresh)?;
        }
        Ok(())
    }

    /// Compiles a guard: falls through when it holds, jumps to `fail` otherwise.
    /// An error anywhere in the guard fails the whole guard (as in Erlang), so
    /// BIF errors jump to `fail` even inside `or`.
    pub fn guard(&mut self, u: &mut UnitBuilder, g: &Expr, fail: Label) -> CResult<()> {
        if let ExprKind::Binary(BinOp::When, a, b) = &g.kind {
            // `when a when b`: either holds; an error in `a` tries `b`.
            let ok = self.new_label();
            let try_b = self.new_label();
            self.guard(u, a, try_b)?;
            self.emit(Op::Jump { to: ok });
            self.place(try_b);
            self.guard(u, b, fail)?;
            self.place(ok);
            return Ok(());
        }
        let saved = self.set_guard_fail(Some(fail));
        let r = self.guard_test(u, g, fail);
        self.set_guard_fail(saved);
        r
    }

    /// A guard test: falls through when `g` is true, jumps to `fail` when false.
    fn guard_test(&mut self, u: &mut UnitBuilder, g: &Expr, fail: Label) -> CResult<()> {
        let span = g.span;
        match &g.kind {
            ExprKind::Binary(BinOp::And | BinOp::AndAnd, a, b) => {
                self.guard_test(u, a, fail)?;
                self.guard_test(u, b, fail)?;
            }
            ExprKind::Binary(BinOp::Or | BinOp::OrOr, a, b) => {
                let ok = self.new_label();
                let try_b = self.new_label();
                self.guard_test(u, a, try_b)?;
                self.emit(Op::Jump { to: ok });
                self.place(try_b);
                self.guard_test(u, b, fail)?;
                self.place(ok);
            }
            ExprKind::Unary(UnaryOp::Not | UnaryOp::Bang, a) => {
                let ok = self.new_label();
                self.guard_test(u, a, ok)?;
                self.emit(Op::Jump { to: fail });
                self.place(ok);
            }
            ExprKind::Binary(
                op @ (BinOp::Lt
                | BinOp::Gt
                | BinOp::Le
                | BinOp::Ge
                | BinOp::Eq
                | BinOp::Ne
                | BinOp::StrictEq
                | BinOp::StrictNe),
                a,
                b,
            ) => {
                let m = self.next_mark();
                let cmp_imm = |op: BinOp| match op {
                    BinOp::Lt => Some(CmpOp::Lt),
                    BinOp::Gt => Some(CmpOp::Gt),
                    BinOp::Le => Some(CmpOp::Le),
                    BinOp::Ge => Some(CmpOp::Ge),
                    BinOp::Eq => Some(CmpOp::Eq),
                    BinOp::Ne => Some(CmpOp::Ne),
                    _ => None,
                };
                if let (Some(imm), Some(cop)) = (small_int(b), cmp_imm(*op)) {
                    let x = self.guard_value(u, a)?;
                    self.emit(Op::CmpImm {
                        a: x,
                        imm,
                        op: cop,
                        fail,
                    });
                    self.release_to(m);
                    return Ok(());
                }
                let x = self.guard_value(u, a)?;
                let y = self.guard_value(u, b)?;
                self.emit(match op {
                    BinOp::Lt => Op::IsLt { a: x, b: y, fail },
                    BinOp::Gt => Op::IsLt { a: y, b: x, fail },
                    BinOp::Le => Op::IsGe { a: y, b: x, fail },
                    BinOp::Ge => Op::IsGe { a: x, b: y, fail },
                    BinOp::Eq => Op::IsEq { a: x, b: y, fail },
                    BinOp::Ne => Op::IsNe { a: x, b: y, fail },
                    BinOp::StrictEq => Op::IsEqExact { a: x, b: y, fail },
                    _ => Op::IsNeExact { a: x, b: y, fail },
                });
                self.release_to(m);
            }
            ExprKind::Binary(op @ (BinOp::In | BinOp::NotIn), a, b) => {
                let negate = *op == BinOp::NotIn;
                let (target_ok, target_fail) = if negate {
                    let ok = self.new_label();
                    (Some(ok), ok)
                } else {
                    (None, fail)
                };
                let x = self.guard_value(u, a)?;
                let list_items: Option<Vec<Expr>> = match &b.kind {
                    ExprKind::List(items, None) => Some(items.clone()),
                    ExprKind::Charlist(parts)
                        if parts.iter().all(|p| matches!(p, InterpPart::Lit(_))) =>
                    {
                        Some(
                            parts
                                .iter()
                                .flat_map(|p| {
                                    if let InterpPart::Lit(s) = p {
                                        s.chars().collect::<Vec<_>>()
                                    } else {
                                        vec![]
                                    }
                                })
                                .map(|c| Expr::new(b.span, ExprKind::Int((c as u32).into())))
                                .collect(),
                        )
                    }
                    _ => None,
                };
                match &b.kind {
                    _ if list_items.is_some() => {
                        let items = list_items.as_deref().unwrap_or(&[]);
                        let hit = self.new_label();
                        for it in items {
                            let next = self.new_label();
                            let v = self.guard_value(u, it)?;
                            self.emit(Op::IsEqExact {
                                a: x,
                                b: v,
                                fail: next,
                            });
                            self.emit(Op::Jump { to: hit });
                            self.place(next);
                        }
                        self.emit(Op::Jump { to: target_fail });
                        self.place(hit);
                    }
                    ExprKind::Binary(BinOp::Range, lo, hi) => {
                        // `first..last` without a step counts down when
                        // first > last (`-1..-3`, `y..z` at run time), and
                        // bounds that are not integers match nothing.
                        self.emit(Op::IsType {
                            r: x,
                            ty: TypeTest::Integer,
                            fail: target_fail,
                        });
                        let l = self.guard_value(u, lo)?;
                        let h = self.guard_value(u, hi)?;
                        let known = small_int(lo).zip(small_int(hi));
                        if known.is_none() {
                            for r in [l, h] {
                                self.emit(Op::IsType {
                                    r,
                                    ty: TypeTest::Integer,
                                    fail: target_fail,
                                });
                            }
                        }
                        let down = self.new_label();
                        let done = self.new_label();
                        match known {
                            Some((a, b)) if a > b => self.emit(Op::Jump { to: down }),
                            Some(_) => {}
                            None => self.emit(Op::IsGe {
                                a: h,
                                b: l,
                                fail: down,
                            }),
                        }
                        self.emit(Op::IsGe {
                            a: x,
                            b: l,
                            fail: target_fail,
                        });
                        self.emit(Op::IsGe {
                            a: h,
                            b: x,
                            fail: target_fail,
                        });
                        self.emit(Op::Jump { to: done });
                        self.place(down);
                        self.emit(Op::IsGe {
                            a: l,
                            b: x,
                            fail: target_fail,
                        });
                        self.emit(Op::IsGe {
                            a: x,
                            b: h,
                            fail: target_fail,
                        });
                        self.place(done);
                    }
                    ExprKind::Attr(..) => {
                        let name = if let ExprKind::Attr(n, _) = &b.kind {
                            n.clone()
                        } else {
                            String::new()
                        };
                        let v = self.attr(u, &name, b.span);
                        let e = Expr::new(span, ExprKind::Binary(*op, a.clone(), Box::new(v)));
                        return self.guard_test(u, &e, fail);
                    }
                    _ => {
                        return Err(Diagnostic::new(
                            b.span,
                            "`in` in a guard needs a literal list or a range on its right",
                        )
                        .with_hint("write `x in [1, 2, 3]` or `x in 1..10`"))
                    }
                }
                if let Some(ok) = target_ok {
                    // `not in`: reaching here means it was in.
                    self.emit(Op::Jump { to: fail });
                    self.place(ok);
                }
            }
            ExprKind::Call(c) if c.args.len() == 1 => {
                if let CallTarget::Local(name) = &c.target {
                    let ty = match name.as_str() {
                        "is_integer" => Some(TypeTest::Integer),
                        "is_float" => Some(TypeTest::Float),
                        "is_number" => Some(TypeTest::Number),
                        "is_atom" => Some(TypeTest::Atom),
                        "is_boolean" => Some(TypeTest::Boolean),
                        "is_binary" => Some(TypeTest::Binary),
                        "is_bitstring" => Some(TypeTest::Bitstring),
                        "is_list" => Some(TypeTest::List),
                        "is_tuple" => Some(TypeTest::Tuple),
                        "is_map" => Some(TypeTest::Map),
                        "is_function" => Some(TypeTest::Fun),
                        "is_pid" => Some(TypeTest::Pid),
                        "is_reference" => Some(TypeTest::Ref),
                        _ => None,
                    };
                    if let Some(ty) = ty {
                        let x = self.guard_value(u, &c.args[0])?;
                        self.emit(Op::IsType { r: x, ty, fail });
                        return Ok(());
                    }
                }
                self.guard_true(u, g, fail)?;
            }
            _ => self.guard_true(u, g, fail)?,
        }
        Ok(())
    }

    /// A guard expression that must evaluate to exactly `true`: `false`
    /// jumps to `fail`; anything else is an error, as in Erlang, so the
    /// whole guard fails even inside an `or` (`is_struct(x, "name") or
    /// is_map(x)` is false for a map).
    fn guard_true(&mut self, u: &mut UnitBuilder, g: &Expr, fail: Label) -> CResult<()> {
        let v = self.guard_value(u, g)?;
        let t = self.alloc(g.span)?;
        self.load_const(atom::TRUE, t);
        let whole = self.guard_fail.unwrap_or(fail);
        if whole == fail {
            self.emit(Op::IsEqExact { a: v, b: t, fail });
            return Ok(());
        }
        let ok = self.new_label();
        let not_true = self.new_label();
        self.emit(Op::IsEqExact {
            a: v,
            b: t,
            fail: not_true,
        });
        self.emit(Op::Jump { to: ok });
        self.place(not_true);
        self.load_const(atom::FALSE, t);
        self.emit(Op::IsEqExact {
            a: v,
            b: t,
            fail: whole,
        });
        self.emit(Op::Jump { to: fail });
        self.place(ok);
        Ok(())
    }

    /// Evaluates a guard sub-expression; errors jump to the guard's failure label.
    fn guard_value(&mut self, u: &mut UnitBuilder, e: &Expr) -> CResult<Reg> {
        self.expr(u, e)
    }
}
