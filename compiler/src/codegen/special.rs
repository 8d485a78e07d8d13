//! Special forms: `if`, `unless`, `case`, `cond`, `with`, `for`, `try`,
//! `receive`, `raise`, `reraise`. Each compiles into tests and jumps (see
//! the diagrams in the VM's interp.rs for `try` and `receive`).

use super::builder::{CResult, FnBuilder};
use super::unit::UnitBuilder;
use crate::ast::*;
use crate::desugar::{self, alias_atom};
use crate::diagnostic::Diagnostic;
use beamlet_vm::code::{Label, Op, Reg, TypeTest};
use beamlet_vm::term::Term;
use beamlet_vm::{atom, bif};
use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;

pub fn is_special(name: &str) -> bool {
    matches!(
        name,
        "if" | "unless"
            | "case"
            | "cond"
            | "with"
            | "for"
            | "try"
            | "receive"
            | "raise"
            | "reraise"
            | "match?"
            | "defmodule"
            | "def"
            | "defp"
            | "defstruct"
            | "alias"
            | "import"
            | "require"
            | "quote"
            | "unquote"
            | "super"
            | "__block__"
    )
}

/// A missing section's body.
const NO_BODY: &Body = &Body::Clauses(Vec::new());

fn section<'a>(secs: &'a [(String, Span, Body)], key: &str) -> Option<&'a Body> {
    secs.iter().find(|(k, _, _)| k == key).map(|(_, _, b)| b)
}

fn exprs_of<'a>(b: &'a Body, span: Span, what: &str) -> CResult<Cow<'a, Expr>> {
    match b {
        Body::Exprs(e) => Ok(Cow::Borrowed(e)),
        Body::Clauses(_) => Err(Diagnostic::new(
            span,
            format!("unexpected `->` clauses in {what}"),
        )),
    }
}

/// What a message must look like for one of `clauses` to match it, as the
/// literal `RecvPeekShaped` takes; `None` when some clause may match anything
/// (so every message must be tried). Guards only narrow, so they are ignored.
fn message_shapes(u: &mut UnitBuilder, clauses: &[Clause]) -> Option<Term> {
    let mut shapes = Vec::new();
    for cl in clauses {
        let [pat] = &cl.args[..] else { return None };
        let mut pat = pat;
        // `{:a, x} = whole`: the shape of either side.
        while let ExprKind::Binary(BinOp::Match, l, r) = &pat.kind {
            pat = if matches!(l.kind, ExprKind::Tuple(_) | ExprKind::Atom(_)) {
                l
            } else {
                r
            };
        }
        let shape = match &pat.kind {
            ExprKind::Atom(a) => atom::intern(a),
            ExprKind::Tuple(es) => {
                let tag = match es.first().map(|e| &e.kind) {
                    Some(ExprKind::Atom(a)) => atom::intern(a),
                    _ => Term::NIL,
                };
                u.literals.tuple(&[Term::small(es.len() as i64), tag])
            }
            _ => return None,
        };
        shapes.push(shape);
    }
    if shapes.is_empty() {
        return None;
    }
    Some(u.literals.list(&shapes))
}

fn clauses_of<'a>(b: &'a Body, span: Span, what: &str) -> CResult<Cow<'a, [Clause]>> {
    match b {
        Body::Clauses(c) => Ok(Cow::Borrowed(c)),
        Body::Exprs(e) if matches!(&e.kind, ExprKind::Block(v) if v.is_empty()) => {
            Ok(Cow::Owned(Vec::new()))
        }
        Body::Exprs(e) => {
            // Point at the first expression that is not a clause.
            let span = match &e.kind {
                ExprKind::Block(v) => v.first().map_or(span, |x| x.span),
                _ => e.span,
            };
            let head = if what == "cond" {
                "condition"
            } else {
                "pattern"
            };
            Err(Diagnostic::new(
                span,
                format!("{what} expects `{head} -> expression` clauses"),
            )
            .with_hint(format!("write each clause as `{head} -> body`")))
        }
    }
}

impl FnBuilder<'_> {
    /// Compiles one branch's body into `dst` (or returns it, in tail position)
    /// and jumps to `end`. Variables bound inside do not leak out.
    pub(super) fn branch(
        &mut self,
        u: &mut UnitBuilder,
        body: &Expr,
        dst: Reg,
        tail: bool,
        end: Label,
    ) -> CResult<()> {
        let saved = self.scope.clone();
        let mark = self.next_mark();
        if tail {
            self.expr_tail(u, body)?;
        } else {
            self.expr_to(u, body, dst, false)?;
            self.emit(Op::Jump { to: end });
        }
        self.scope = saved;
        self.reset_to(mark);
        Ok(())
    }
}

#[allow(clippy::too_many_arguments)]
pub fn special(
    b: &mut FnBuilder,
    u: &mut UnitBuilder,
    name: &str,
    c: &Call,
    span: Span,
    dst: Reg,
    tail: bool,
) -> CResult<()> {
    let (secs, nargs) = desugar::sections(c);
    let m = b.next_mark();
    match name {
        "if" | "unless" => {
            if nargs != 1 || section(&secs, "do").is_none() {
                let hint = if nargs == 0 {
                    format!("put the condition between `{name}` and `do`: `{name} x > 0, do: ...`")
                } else {
                    format!("`{name}` takes one condition and a `do` block")
                };
                return Err(Diagnostic::new(
                    span,
                    format!("invalid {name}: expected `{name} condition do ... end`"),
                )
                .with_hint(hint));
            }
            let then_b = exprs_of(section(&secs, "do").unwrap_or(NO_BODY), span, name)?;
            let else_b = match section(&secs, "else") {
                Some(e) => exprs_of(e, span, name)?,
                None => Cow::Owned(Expr::new(span, ExprKind::Atom("nil".into()))),
            };
            let (yes, no) = if name == "if" {
                (then_b, else_b)
            } else {
                (else_b, then_b)
            };
            let r = b.expr(u, &c.args[0])?;
            let else_l = b.new_label();
            let end = b.new_label();
            b.emit(Op::IsTruthy { r, fail: else_l });
            b.branch(u, &yes, dst, tail, end)?;
            b.place(else_l);
            b.branch(u, &no, dst, tail, end)?;
            b.place(end);
        }
        "case" => {
            if nargs != 1 || section(&secs, "do").is_none() {
                return Err(Diagnostic::new(
                    span,
                    "invalid case: expected `case expr do pattern -> ... end`",
                ));
            }
            let clauses = clauses_of(section(&secs, "do").unwrap_or(NO_BODY), span, "case")?;
            let r = b.expr(u, &c.args[0])?;
            let end = b.new_label();
            b.match_clauses(u, &clauses, r, dst, tail, end, None)?;
            // No clause matched: the error is the `case`'s line, as in Elixir.
            b.line(u, span);
            b.emit(Op::CaseClause { src: r });
            b.place(end);
        }
        "cond" => {
            let clauses = clauses_of(section(&secs, "do").unwrap_or(NO_BODY), span, "cond")?;
            let end = b.new_label();
            for cl in clauses.iter() {
                if cl.args.len() != 1 || cl.guard.is_some() {
                    return Err(Diagnostic::new(
                        cl.span,
                        "cond clauses take one condition each: `condition -> body`",
                    ));
                }
                let next = b.new_label();
                let mark = b.next_mark();
                // A variable the condition binds is seen by its body only.
                let saved = b.scope.clone();
                let r = b.expr(u, &cl.args[0])?;
                b.emit(Op::IsTruthy { r, fail: next });
                b.branch(u, &cl.body, dst, tail, end)?;
                b.scope = saved;
                b.reset_to(mark);
                b.place(next);
            }
            let first = b.next_mark() as Reg;
            // No condition held: the error is at the last clause's `->`, as in Elixir.
            let at = clauses.last().map_or(span, |c| c.body.span);
            b.remote_call(u, "beamlet", "cond_clause", &[], at, first, false)?;
            b.place(end);
        }
        "receive" => {
            let clauses = match section(&secs, "do") {
                Some(body) => clauses_of(body, span, "receive")?,
                None => Cow::Owned(Vec::new()),
            };
            let loop_l = b.new_label();
            let wait = b.new_label();
            let end = b.new_label();
            // Every clause needs `^v`: start past the mark bound to `v`, if it
            // is the reference made last after one (the receive marker).
            if let Some(v) = pinned_in_all(&clauses) {
                if let Some(r) = b.scope.get(v.as_str()).copied() {
                    b.emit(Op::RecvUse { r });
                }
            }
            b.place(loop_l);
            let msg = b.alloc(span)?;
            match message_shapes(u, &clauses) {
                Some(shapes) => {
                    let shapes = b.lit_index(shapes);
                    b.emit(Op::RecvPeekShaped {
                        dst: msg,
                        empty: wait,
                        shapes,
                    })
                }
                None => b.emit(Op::RecvPeek {
                    dst: msg,
                    empty: wait,
                }),
            }
            b.match_clauses(u, &clauses, msg, dst, tail, end, Some(Op::RecvAccept))?;
            b.emit(Op::RecvNext { to: loop_l });
            b.place(wait);
            match section(&secs, "after") {
                Some(body) => {
                    let cl = clauses_of(body, span, "after")?;
                    let [after] = &cl[..] else {
                        return Err(Diagnostic::new(
                            span,
                            "receive's after block takes exactly one clause: `timeout -> body`",
                        ));
                    };
                    if after.args.len() != 1 {
                        return Err(Diagnostic::new(
                            after.span,
                            "expected a timeout before `->`",
                        ));
                    }
                    let t = b.expr(u, &after.args[0])?;
                    b.emit(Op::RecvWait {
                        to: loop_l,
                        timeout: t,
                    });
                    b.branch(u, &after.body, dst, tail, end)?;
                }
                None => {
                    let t = b.alloc(span)?;
                    b.load_const(atom::INFINITY, t);
                    b.emit(Op::RecvWait {
                        to: loop_l,
                        timeout: t,
                    });
                    b.emit(Op::Jump { to: loop_l });
                }
            }
            b.place(end);
        }
        "with" => with(b, u, c, &secs, nargs, span, dst, tail)?,
        "match?" => {
            let [pat, value] = &c.args[..] else {
                return Err(Diagnostic::new(
                    span,
                    "match?/2 takes a pattern and an expression",
                ));
            };
            let r = b.expr(u, value)?;
            let saved = b.scope.clone();
            let no = b.new_label();
            let end = b.new_label();
            let (p, g) = match &pat.kind {
                ExprKind::Binary(BinOp::When, p, g) => (&**p, Some(&**g)),
                _ => (pat, None),
            };
            let mut bound = HashSet::default();
            b.pattern(u, p, r, no, &mut bound)?;
            if let Some(g) = g {
                b.guard(u, g, no)?;
            }
            b.load_const(atom::TRUE, dst);
            b.emit(Op::Jump { to: end });
            b.place(no);
            b.load_const(atom::FALSE, dst);
            b.place(end);
            b.scope = saved;
        }
        "for" => {
            let e = desugar::comprehension(span, c)?;
            b.expr_to(u, &e, dst, tail)?;
        }
        "try" => {
            b.try_depth += 1;
            let r = try_(b, u, &secs, span, dst);
            b.try_depth -= 1;
            r?
        }
        "raise" => {
            let first = b.next_mark() as Reg;
            match c.args.len() {
                // `raise Mod, attrs` for a module that is not one of the
                // built-in exceptions: `:erlang.error(Mod.exception(attrs))`,
                // as Kernel's macro expands it (Mod may be loaded on demand);
                // `raise Mod` raises `Mod.exception([])` with
                // `error_info: %{module: Exception}` (`:beamlet.raise_exception/1`).
                1 | 2 if user_exception(&c.args[0]) => {
                    let attrs = c
                        .args
                        .get(1)
                        .cloned()
                        .unwrap_or_else(|| Expr::new(span, ExprKind::List(vec![], None)));
                    let exception = Expr::new(
                        span,
                        ExprKind::Call(Box::new(Call {
                            target: CallTarget::Remote(
                                Box::new(c.args[0].clone()),
                                "exception".into(),
                            ),
                            args: vec![attrs],
                            no_parens: false,
                            do_block: None,
                        })),
                    );
                    let raise = if c.args.len() == 1 {
                        ("beamlet", "raise_exception")
                    } else {
                        ("erlang", "error")
                    };
                    b.remote_call(u, raise.0, raise.1, &[exception], span, first, false)?
                }
                1 | 2 => b.remote_call(u, "beamlet", "raise", &c.args, span, first, false)?,
                _ => {
                    return Err(Diagnostic::new(
                        span,
                        "raise takes a message, an exception, or a module and options",
                    ))
                }
            }
        }
        "reraise" => {
            let args = match &c.args[..] {
                [_, _] => c.args.clone(),
                // `reraise Mod, attrs, trace`: `Mod.exception(attrs)` again.
                [module, attrs, trace] => {
                    let (target, args) = if user_exception(module) {
                        (module.clone(), vec![attrs.clone()])
                    } else {
                        // The built-in exceptions: `:beamlet.exception(Mod, attrs)`.
                        let beamlet = Expr::new(span, ExprKind::Atom("beamlet".into()));
                        (beamlet, vec![module.clone(), attrs.clone()])
                    };
                    let target = CallTarget::Remote(Box::new(target), "exception".into());
                    let call = Call {
                        target,
                        args,
                        no_parens: false,
                        do_block: None,
                    };
                    vec![
                        Expr::new(span, ExprKind::Call(Box::new(call))),
                        trace.clone(),
                    ]
                }
                _ => {
                    return Err(Diagnostic::new(
                        span,
                        "reraise takes an exception and a stacktrace",
                    ))
                }
            };
            let first = b.next_mark() as Reg;
            b.remote_call(u, "beamlet", "reraise", &args, span, first, false)?;
        }
        "defmodule" => {
            return Err(Diagnostic::new(
                span,
                "modules can only be defined at the top level or inside another module",
            ))
        }
        "def" | "defp" => {
            return Err(
                Diagnostic::new(span, format!("cannot invoke {name}/2 outside a module"))
                    .with_hint("put function definitions inside `defmodule Name do ... end`"),
            )
        }
        "defstruct" => {
            return Err(Diagnostic::new(
                span,
                "defstruct must be inside a module body",
            ))
        }
        "alias" | "import" | "require" => {
            return Err(Diagnostic::new(
                span,
                format!("`{name}` is only supported in a module body"),
            ))
        }
        _ => {
            return Err(Diagnostic::new(
                span,
                format!("`{name}` is not supported by beamlet"),
            ))
        }
    }
    b.release_to(m);
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn with(
    b: &mut FnBuilder,
    u: &mut UnitBuilder,
    c: &Call,
    secs: &[(String, Span, Body)],
    nargs: usize,
    span: Span,
    dst: Reg,
    tail: bool,
) -> CResult<()> {
    let body = exprs_of(
        section(secs, "do").ok_or_else(|| Diagnostic::new(span, "with needs a do block"))?,
        span,
        "with",
    )?;
    let saved = b.scope.clone();
    let wv = b.alloc(span)?;
    let else_l = b.new_label();
    let end = b.new_label();
    for a in &c.args[..nargs] {
        match &a.kind {
            ExprKind::Binary(BinOp::LArrow, p, e) => {
                let r = b.expr(u, e)?;
                b.emit(Op::Move { dst: wv, src: r });
                let (p, g) = match &p.kind {
                    ExprKind::Binary(BinOp::When, p, g) => (&**p, Some(&**g)),
                    _ => (&**p, None),
                };
                let mut bound = HashSet::default();
                b.pattern(u, p, r, else_l, &mut bound)?;
                if let Some(g) = g {
                    b.guard(u, g, else_l)?;
                }
            }
            _ => {
                b.expr(u, a)?;
            }
        }
    }
    b.branch(u, &body, dst, tail, end)?;
    b.scope = saved;
    b.place(else_l);
    match section(secs, "else") {
        Some(eb) => {
            let clauses = clauses_of(eb, span, "with's else")?;
            b.match_clauses(u, &clauses, wv, dst, tail, end, None)?;
            let first = b.next_mark() as Reg;
            let v = Expr::new(span, ExprKind::Var("__with_value".into()));
            b.constants.remove(&wv);
            b.scope.insert("__with_value".into(), wv);
            b.binds += 1;
            // No else clause matched: the error is the `with`'s line, as in Elixir.
            b.line(u, span);
            b.remote_call(u, "beamlet", "with_clause", &[v], span, first, false)?;
            b.scope.remove("__with_value");
        }
        None => {
            b.emit(Op::Move { dst, src: wv });
            if tail {
                b.emit(Op::Return { src: dst });
            }
        }
    }
    b.place(end);
    Ok(())
}

fn try_(
    b: &mut FnBuilder,
    u: &mut UnitBuilder,
    secs: &[(String, Span, Body)],
    span: Span,
    dst: Reg,
) -> CResult<()> {
    let body = exprs_of(
        section(secs, "do").ok_or_else(|| Diagnostic::new(span, "try needs a do block"))?,
        span,
        "try",
    )?;
    let after = match section(secs, "after") {
        Some(a) => Some(exprs_of(a, span, "try's after")?),
        None => None,
    };
    let k2 = if after.is_some() {
        let k2 = b.alloc(span)?;
        b.alloc(span)?;
        b.alloc(span)?;
        let h2 = b.new_label();
        b.emit(Op::Try {
            handler: h2,
            kind: k2,
        });
        Some((k2, h2))
    } else {
        None
    };
    // The try without its `after`.
    let k = b.alloc(span)?;
    b.alloc(span)?;
    b.alloc(span)?;
    let h = b.new_label();
    let end = b.new_label();
    b.emit(Op::Try {
        handler: h,
        kind: k,
    });
    b.branch(u, &body, dst, false, end)?;
    // `branch` jumped to `end`; the TryEnd must run first, so re-route:
    // replace that jump by TryEnd + else handling.
    b.code.pop();
    b.emit(Op::TryEnd);
    if let Some(eb) = section(secs, "else") {
        let clauses = clauses_of(eb, span, "try's else")?;
        let v = b.alloc(span)?;
        b.emit(Op::Move { dst: v, src: dst });
        b.match_clauses(u, &clauses, v, dst, false, end, None)?;
        let t = b.alloc_pair_tuple(atom::TRY_CLAUSE, v, span)?;
        b.emit(Op::Error { reason: t });
    }
    b.emit(Op::Jump { to: end });
    b.place(h);
    if let Some(rb) = section(secs, "rescue") {
        for cl in clauses_of(rb, span, "rescue")?.iter() {
            rescue_clause(b, u, cl, k, dst, end)?;
        }
    }
    if let Some(cb) = section(secs, "catch") {
        for cl in clauses_of(cb, span, "catch")?.iter() {
            let next = b.new_label();
            let saved = b.scope.clone();
            let mark = b.next_mark();
            let mut bound = HashSet::default();
            match &cl.args[..] {
                [v] => {
                    let t = b.alloc(cl.span)?;
                    b.load_const(atom::THROW, t);
                    b.emit(Op::IsEqExact {
                        a: k,
                        b: t,
                        fail: next,
                    });
                    b.pattern(u, v, k + 1, next, &mut bound)?;
                }
                [kind, v] => {
                    b.pattern(u, kind, k, next, &mut bound)?;
                    b.pattern(u, v, k + 1, next, &mut bound)?;
                }
                _ => {
                    return Err(Diagnostic::new(
                        cl.span,
                        "catch clauses take `value ->` or `kind, value ->`",
                    ))
                }
            }
            if let Some(g) = &cl.guard {
                b.guard(u, g, next)?;
            }
            b.constants.remove(&(k + 2));
            b.scope.insert("__STACKTRACE__".into(), k + 2);
            b.binds += 1;
            b.branch(u, &cl.body, dst, false, end)?;
            b.scope = saved;
            b.reset_to(mark);
            b.place(next);
        }
    }
    b.emit(Op::Reraise { kind: k });
    b.place(end);
    if let (Some((k2, h2)), Some(after)) = (k2, after) {
        let done = b.new_label();
        b.emit(Op::TryEnd);
        // Variables bound in `after` do not outlive it (as in Elixir).
        let mark = b.next_mark();
        let saved = b.scope.clone();
        b.expr(u, &after)?;
        b.scope = saved.clone();
        b.reset_to(mark);
        b.emit(Op::Jump { to: done });
        b.place(h2);
        b.expr(u, &after)?;
        b.scope = saved;
        b.reset_to(mark);
        b.emit(Op::Reraise { kind: k2 });
        b.place(done);
    }
    Ok(())
}

/// `rescue e in [A, B] ->`, `rescue A ->`, `rescue e ->`, `rescue _ ->`.
fn rescue_clause(
    b: &mut FnBuilder,
    u: &mut UnitBuilder,
    cl: &Clause,
    k: Reg,
    dst: Reg,
    end: Label,
) -> CResult<()> {
    let [pat] = &cl.args[..] else {
        return Err(Diagnostic::new(
            cl.span,
            "rescue clauses take one pattern: `e in Error ->`",
        ));
    };
    let next = b.new_label();
    let saved = b.scope.clone();
    let mark = b.next_mark();
    let t = b.alloc(cl.span)?;
    b.load_const(atom::ERROR, t);
    b.emit(Op::IsEqExact {
        a: k,
        b: t,
        fail: next,
    });
    let e = b.alloc(cl.span)?;
    let args = b.alloc(cl.span)?;
    b.alloc(cl.span)?;
    b.emit(Op::Move {
        dst: args,
        src: k + 1,
    });
    b.emit(Op::Move {
        dst: args + 1,
        src: k + 2,
    });
    let id = beamlet_vm::bif::lookup("beamlet", "normalize", 2).expect("normalize BIF exists");
    b.emit(Op::Bif {
        bif: id,
        args,
        n: 2,
        dst: e,
        fail: beamlet_vm::code::NO_LABEL,
    });
    let (var, mods): (Option<&Expr>, Vec<&Expr>) = match &pat.kind {
        ExprKind::Binary(BinOp::In, v, ms) => match &ms.kind {
            ExprKind::List(items, None) => (Some(&**v), items.iter().collect()),
            _ => (Some(&**v), vec![&**ms]),
        },
        ExprKind::Alias(_) | ExprKind::Atom(_) => (None, vec![pat]),
        ExprKind::Var(_) => (Some(pat), vec![]),
        _ => {
            return Err(Diagnostic::new(pat.span, "invalid rescue clause")
                .with_hint("write `e in ErrorModule ->`, `ErrorModule ->` or `e ->`"))
        }
    };
    if !mods.is_empty() {
        let ok = b.new_label();
        let key = b.alloc(cl.span)?;
        b.load_const(atom::STRUCT, key);
        let sm = b.alloc(cl.span)?;
        b.emit(Op::IsType {
            r: e,
            ty: TypeTest::Map,
            fail: next,
        });
        b.emit(Op::GetMapValue {
            dst: sm,
            map: e,
            key,
            fail: next,
        });
        for mexpr in mods {
            let module = match &mexpr.kind {
                ExprKind::Alias(a) => alias_atom(&b.resolve_alias(a)),
                ExprKind::Atom(a) => a.clone(),
                _ => {
                    return Err(Diagnostic::new(
                        mexpr.span,
                        "rescue expects exception module names",
                    ))
                }
            };
            let want = b.alloc(cl.span)?;
            b.load_const(atom::intern(&module), want);
            if module == "Elixir.ErlangError" {
                // As in Elixir, `ErlangError` rescues every error whose raw
                // reason is not an exception (`:undef`, `{:badarg, x}`, ...).
                let is_exc = b.alloc(cl.span)?;
                let id = beamlet_vm::bif::lookup("Elixir.Kernel", "is_exception", 1)
                    .expect("is_exception BIF exists");
                b.emit(Op::Bif {
                    bif: id,
                    args: k + 1,
                    n: 1,
                    dst: is_exc,
                    fail: beamlet_vm::code::NO_LABEL,
                });
                let f = b.alloc(cl.span)?;
                b.load_const(atom::FALSE, f);
                let raw = b.new_label();
                b.emit(Op::IsEqExact {
                    a: is_exc,
                    b: f,
                    fail: raw,
                });
                b.emit(Op::Jump { to: ok });
                b.place(raw);
            }
            let no = b.new_label();
            b.emit(Op::IsEqExact {
                a: sm,
                b: want,
                fail: no,
            });
            b.emit(Op::Jump { to: ok });
            b.place(no);
        }
        b.emit(Op::Jump { to: next });
        b.place(ok);
    }
    if let Some(v) = var {
        let mut bound = HashSet::default();
        b.pattern(u, v, e, next, &mut bound)?;
    }
    b.constants.remove(&(k + 2));
    b.scope.insert("__STACKTRACE__".into(), k + 2);
    b.binds += 1;
    b.branch(u, &cl.body, dst, false, end)?;
    b.scope = saved;
    b.reset_to(mark);
    b.place(next);
    Ok(())
}

/// Whether `module` (the first argument of `raise/2`) names a module that
/// is not one of the VM's built-in exceptions.
fn user_exception(module: &Expr) -> bool {
    match &module.kind {
        ExprKind::Alias(name) => {
            bif::exception::builtin_struct_fields(&format!("Elixir.{name}")).is_none()
        }
        ExprKind::Atom(name) => bif::exception::builtin_struct_fields(name).is_none(),
        _ => false,
    }
}

/// A variable that every clause's pattern pins (`^v`) somewhere a message
/// must hold it (inside tuples, lists, maps, structs, `=`): a message without
/// `v`'s value matches no clause.
fn pinned_in_all(clauses: &[Clause]) -> Option<String> {
    let mut common: Option<Vec<String>> = None;
    for cl in clauses {
        let [pat] = &cl.args[..] else {
            return None;
        };
        let mut pins = Vec::new();
        collect_pins(pat, &mut pins);
        common = Some(match common {
            None => pins,
            Some(c) => c.into_iter().filter(|v| pins.contains(v)).collect(),
        });
    }
    common?.into_iter().next()
}

fn collect_pins(e: &Expr, out: &mut Vec<String>) {
    match &e.kind {
        ExprKind::Unary(UnaryOp::Pin, x) => {
            if let ExprKind::Var(n) = &x.kind {
                out.push(n.clone());
            }
        }
        ExprKind::Tuple(xs) => xs.iter().for_each(|x| collect_pins(x, out)),
        ExprKind::List(xs, tail) => {
            xs.iter().for_each(|x| collect_pins(x, out));
            if let Some(t) = tail {
                collect_pins(t, out);
            }
        }
        ExprKind::Map {
            update: None,
            pairs,
        }
        | ExprKind::Struct {
            update: None,
            pairs,
            ..
        } => {
            for (k, v) in pairs {
                collect_pins(k, out);
                collect_pins(v, out);
            }
        }
        ExprKind::Binary(BinOp::Match, a, b) => {
            collect_pins(a, out);
            collect_pins(b, out);
        }
        _ => {}
    }
}
