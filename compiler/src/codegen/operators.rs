//! Operators: unary and binary operators to instructions and BIF calls.
//!
//! `+`, `-` and `*` have instructions of their own (`AddImm` when one side
//! is a small integer), except in guards, where a failing operator must jump
//! to the guard's failure label: there they are BIFs, as most operators are.
//! `&&`, `||`, `and`, `or` and `!` branch; `=` matches a pattern
//! (patterns.rs); `|>` and `in` become calls.

use super::builder::{small_int, CResult, FnBuilder};
use super::kernel::makes_fresh_ref;
use super::unit::UnitBuilder;
use crate::ast::*;
use crate::desugar;
use crate::diagnostic::Diagnostic;
use beamlet_vm::atom;
use beamlet_vm::code::{Op, Reg};
use rustc_hash::FxHashSet as HashSet;

impl FnBuilder<'_> {
    pub(super) fn unary(
        &mut self,
        u: &mut UnitBuilder,
        op: UnaryOp,
        x: &Expr,
        span: Span,
        dst: Reg,
    ) -> CResult<()> {
        let m = self.mark();
        if let UnaryOp::Custom(name) = op {
            return Err(Diagnostic::new(
                span,
                format!("undefined function {name}/1"),
            ));
        }
        match op {
            UnaryOp::Custom(_) => unreachable!("handled above"),
            UnaryOp::Neg => {
                if let Some(t) = self.literal(
                    u,
                    &Expr::new(span, ExprKind::Unary(op, Box::new(x.clone()))),
                )? {
                    self.load_const(t, dst);
                } else {
                    let r = self.expr(u, x)?;
                    let a = self.alloc_n(span, 1)?;
                    self.emit(Op::Move { dst: a, src: r });
                    self.bif(span, "erlang", "-", a, 1, dst)?;
                }
            }
            UnaryOp::Plus => {
                let a = self.alloc(span)?;
                self.expr_to(u, x, a, false)?;
                self.bif(span, "erlang", "+", a, 1, dst)?;
            }
            UnaryOp::Not => {
                let a = self.alloc(span)?;
                self.expr_to(u, x, a, false)?;
                self.bif(span, "erlang", "not", a, 1, dst)?;
            }
            UnaryOp::Bang => {
                let r = self.expr(u, x)?;
                let f = self.new_label();
                let end = self.new_label();
                self.emit(Op::IsTruthy { r, fail: f });
                self.load_const(atom::FALSE, dst);
                self.emit(Op::Jump { to: end });
                self.place(f);
                self.load_const(atom::TRUE, dst);
                self.place(end);
            }
            UnaryOp::Pin => {
                return Err(
                    Diagnostic::new(span, "the pin operator ^ is only allowed in patterns")
                        .with_hint("use the variable directly outside a pattern"),
                )
            }
        }
        self.release(m);
        Ok(())
    }

    /// Compiles both operands into two consecutive fresh registers.
    fn two_args(&mut self, u: &mut UnitBuilder, a: &Expr, b: &Expr, span: Span) -> CResult<Reg> {
        let first = self.alloc_n(span, 2)?;
        self.expr_to(u, a, first, false)?;
        self.expr_to(u, b, first + 1, false)?;
        Ok(first)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn binary(
        &mut self,
        u: &mut UnitBuilder,
        op: BinOp,
        a: &Expr,
        b: &Expr,
        span: Span,
        dst: Reg,
        tail: bool,
    ) -> CResult<()> {
        if op == BinOp::StrConcat {
            // `a <> b <> <<c>>` is one construction, `<<a::binary,
            // b::binary, c>>`, as in Elixir (so an error names the segment
            // the way the BEAM counts them); two plain operands take the
            // faster `:beamlet.concat/2`, whose errors count alike.
            let mut operands = vec![a];
            let mut rest = b;
            while let ExprKind::Binary(BinOp::StrConcat, x, y) = &rest.kind {
                operands.push(x);
                rest = y;
            }
            operands.push(rest);
            for e in &operands {
                if let ExprKind::Bitstring(inner) = &e.kind {
                    crate::bitstring::check_binary_literal(e.span, inner)?;
                }
            }
            let spliced = |e: &Expr| matches!(e.kind, ExprKind::Bitstring(_));
            if operands.len() > 2 || operands.iter().any(|e| spliced(e)) {
                let segs = operands
                    .into_iter()
                    .map(|e| match &e.kind {
                        ExprKind::Bitstring(_) | ExprKind::Str(_) => e.clone(),
                        _ => Expr::new(
                            e.span,
                            ExprKind::Binary(
                                BinOp::Type,
                                Box::new(e.clone()),
                                Box::new(Expr::new(e.span, ExprKind::Var("binary".into()))),
                            ),
                        ),
                    })
                    .collect();
                return self.expr_to(u, &Expr::new(span, ExprKind::Bitstring(segs)), dst, tail);
            }
        }
        if op == BinOp::Pow && self.guard_fail.is_none() {
            // `Kernel.**/2` is a function (not inlined, as in Elixir), so a
            // non-number fails in its clause: FunctionClauseError.
            let args = [a.clone(), b.clone()];
            return self.remote_call(u, "Elixir.Kernel", "**", &args, span, dst, false);
        }
        let m = self.mark();
        let erl = |s: &'static str| ("erlang", s);
        let simple: Option<(&str, &str)> = match op {
            BinOp::Div => Some(erl("/")),
            BinOp::Eq => Some(erl("==")),
            BinOp::Ne => Some(erl("/=")),
            BinOp::StrictEq => Some(erl("=:=")),
            BinOp::StrictNe => Some(erl("=/=")),
            BinOp::Lt => Some(erl("<")),
            BinOp::Gt => Some(erl(">")),
            BinOp::Le => Some(erl("=<")),
            BinOp::Ge => Some(erl(">=")),
            BinOp::Concat => Some(erl("++")),
            BinOp::Subtract => Some(erl("--")),
            BinOp::StrConcat => Some(("beamlet", "concat")),
            BinOp::Pow => Some(("beamlet", "pow")),
            _ => None,
        };
        if let Some((module, name)) = simple {
            let first = self.two_args(u, a, b, span)?;
            self.bif(span, module, name, first, 2, dst)?;
            self.release(m);
            return Ok(());
        }
        match op {
            // (Not when both sides are constants: OTP's compiler leaves a
            // call to `:erlang.+/2` that it could not fold (`x = :a; 1 + x`),
            // whose error has the operator's frame, as `Add` gives.)
            BinOp::Add | BinOp::Sub
                if self.guard_fail.is_none()
                    && (small_int(b).is_some() || (op == BinOp::Add && small_int(a).is_some()))
                    && !(self.const_expr(a) && self.const_expr(b)) =>
            {
                let (var, imm) = match small_int(b) {
                    Some(k) => (a, if op == BinOp::Sub { -k } else { k }),
                    None => (b, small_int(a).unwrap_or(0)),
                };
                let x = self.expr(u, var)?;
                self.emit(Op::AddImm { dst, a: x, imm });
            }
            BinOp::Add | BinOp::Sub | BinOp::Mul => {
                let x = self.expr(u, a)?;
                let y = self.expr(u, b)?;
                if self.guard_fail.is_some() {
                    let first = self.alloc_n(span, 2)?;
                    self.emit(Op::Move { dst: first, src: x });
                    self.emit(Op::Move {
                        dst: first + 1,
                        src: y,
                    });
                    let name = match op {
                        BinOp::Add => "+",
                        BinOp::Sub => "-",
                        _ => "*",
                    };
                    self.bif(span, "erlang", name, first, 2, dst)?;
                } else {
                    self.emit(match op {
                        BinOp::Add => Op::Add { dst, a: x, b: y },
                        BinOp::Sub => Op::Sub { dst, a: x, b: y },
                        _ => Op::Mul { dst, a: x, b: y },
                    });
                }
            }
            BinOp::Match => {
                // `x = [1, 2]`: x holds a constant (see `constants`).
                let constant = match &a.kind {
                    ExprKind::Var(n) if self.const_expr(b) => Some(n),
                    _ => None,
                };
                // `ref = make_ref()` (or a monitor, or an alias): mark the
                // mailbox before the call and bind the mark to the new
                // reference, for a receive that waits for it (`RecvUse`).
                let mark = if fresh_ref_call(b) {
                    let m = self.alloc(span)?;
                    self.emit(Op::RecvMark { dst: m });
                    Some(m)
                } else {
                    None
                };
                let r = self.alloc(span)?;
                self.expr_to(u, b, r, false)?;
                if let Some(mark) = mark {
                    self.emit(Op::RecvBind { mark, r });
                }
                let fail = self.new_label();
                let ok = self.new_label();
                let mut bound = HashSet::default();
                self.pattern(u, a, r, fail, &mut bound)?;
                self.emit(Op::Jump { to: ok });
                self.place(fail);
                self.emit(Op::Badmatch { src: r });
                self.place(ok);
                self.emit(Op::Move { dst, src: r });
                if let Some(reg) = constant.and_then(|n| self.scope.get(n.as_str())) {
                    self.constants.insert(*reg);
                }
                // Keep the bindings: don't release below them.
                return Ok(());
            }
            BinOp::PipeRight => {
                let c = desugar::pipe(a, b)?;
                self.expr_to(u, &c, dst, tail)?;
            }
            BinOp::AndAnd | BinOp::OrOr => {
                let r = self.expr(u, a)?;
                let end = self.new_label();
                if op == BinOp::AndAnd {
                    let short = self.new_label();
                    self.emit(Op::IsTruthy { r, fail: short });
                    self.expr_to(u, b, dst, false)?;
                    self.emit(Op::Jump { to: end });
                    self.place(short);
                    self.emit(Op::Move { dst, src: r });
                } else {
                    let rhs = self.new_label();
                    self.emit(Op::IsTruthy { r, fail: rhs });
                    self.emit(Op::Move { dst, src: r });
                    self.emit(Op::Jump { to: end });
                    self.place(rhs);
                    self.expr_to(u, b, dst, false)?;
                }
                self.place(end);
            }
            BinOp::And | BinOp::Or => {
                if self.guard_fail.is_some() {
                    let first = self.two_args(u, a, b, span)?;
                    self.bif(
                        span,
                        "erlang",
                        if op == BinOp::And { "and" } else { "or" },
                        first,
                        2,
                        dst,
                    )?;
                } else {
                    // Short-circuit; the left side must be a boolean.
                    let r = self.expr(u, a)?;
                    let t = self.const_reg(atom::TRUE, span)?;
                    let f = self.const_reg(atom::FALSE, span)?;
                    let not_true = self.new_label();
                    let bad = self.new_label();
                    let end = self.new_label();
                    self.emit(Op::IsEqExact {
                        a: r,
                        b: t,
                        fail: not_true,
                    });
                    if op == BinOp::And {
                        self.expr_to(u, b, dst, false)?;
                    } else {
                        self.emit(Op::Move { dst, src: t });
                    }
                    self.emit(Op::Jump { to: end });
                    self.place(not_true);
                    self.emit(Op::IsEqExact {
                        a: r,
                        b: f,
                        fail: bad,
                    });
                    if op == BinOp::And {
                        self.emit(Op::Move { dst, src: f });
                    } else {
                        self.expr_to(u, b, dst, false)?;
                    }
                    self.emit(Op::Jump { to: end });
                    self.place(bad);
                    let opname = if op == BinOp::And { "and" } else { "or" };
                    // Elixir raises BadBooleanError; the raw reason is {:badbool, op, term}.
                    let e = self.alloc_n(span, 3)?;
                    self.load_const(atom::BADBOOL, e);
                    self.load_const(atom::intern(opname), e + 1);
                    self.emit(Op::Move { dst: e + 2, src: r });
                    let bb = self.alloc(span)?;
                    self.emit(Op::MakeTuple {
                        dst: bb,
                        args: e,
                        n: 3,
                    });
                    self.emit(Op::Error { reason: bb });
                    self.place(end);
                }
            }
            BinOp::In | BinOp::NotIn => {
                if self.guard_fail.is_some() {
                    return Err(Diagnostic::new(
                        span,
                        "internal: `in` in a guard must be handled by the guard compiler",
                    ));
                }
                let c = desugar::remote(span, "Elixir.Enum", "member?", vec![b.clone(), a.clone()]);
                if op == BinOp::In {
                    self.expr_to(u, &c, dst, false)?;
                } else {
                    let r = self.alloc(span)?;
                    self.expr_to(u, &c, r, false)?;
                    self.bif(span, "erlang", "not", r, 1, dst)?;
                }
            }
            BinOp::Range => {
                // `beamlet.range/2` infers the step (1, or -1 when first > last)
                // and words its error as `first..last`, not `first..last//step`.
                let first = self.alloc_n(span, 2)?;
                self.expr_to(u, a, first, false)?;
                self.expr_to(u, b, first + 1, false)?;
                self.bif(span, "beamlet", "range", first, 2, dst)?;
            }
            BinOp::RangeStep => {
                let ExprKind::Binary(BinOp::Range, x, y) = &a.kind else {
                    return Err(Diagnostic::new(
                        span,
                        "`//` must follow a range: `first..last//step`",
                    ));
                };
                let first = self.alloc_n(span, 3)?;
                self.expr_to(u, x, first, false)?;
                self.expr_to(u, y, first + 1, false)?;
                self.expr_to(u, b, first + 2, false)?;
                self.bif(span, "beamlet", "range", first, 3, dst)?;
            }
            BinOp::When => {
                return Err(Diagnostic::new(
                    span,
                    "`when` is only allowed in clause heads",
                ))
            }
            BinOp::LArrow => {
                return Err(Diagnostic::new(
                    span,
                    "`<-` is only allowed in `for` and `with`",
                ))
            }
            BinOp::Default => {
                return Err(Diagnostic::new(
                    span,
                    "default arguments `\\\\` are only allowed in `def` heads",
                ))
            }
            BinOp::Type => {
                return Err(Diagnostic::new(
                    span,
                    "type specifications `::` are not supported",
                ))
            }
            BinOp::Bar => {
                return Err(Diagnostic::new(
                    span,
                    "`|` is only allowed inside lists `[h | t]` and map updates",
                ))
            }
            BinOp::RegexMatch => {
                // Kernel.=~/2, written in the library.
                let c = desugar::remote(span, "Elixir.Kernel", "=~", vec![a.clone(), b.clone()]);
                self.expr_to(u, &c, dst, false)?;
            }
            _ => unreachable!("handled above"),
        }
        self.release(m);
        Ok(())
    }
}

/// Whether `e` is a call that makes a fresh reference (`kernel::makes_fresh_ref`).
fn fresh_ref_call(e: &Expr) -> bool {
    let ExprKind::Call(c) = &e.kind else {
        return false;
    };
    if c.do_block.is_some() {
        return false;
    }
    match &c.target {
        CallTarget::Local(name) => makes_fresh_ref(None, name, c.args.len()),
        CallTarget::Remote(m, name) => {
            let module = match &m.kind {
                ExprKind::Atom(a) => a.clone(),
                ExprKind::Alias(a) => crate::desugar::alias_atom(a),
                _ => return false,
            };
            makes_fresh_ref(Some(&module), name, c.args.len())
        }
        _ => false,
    }
}
