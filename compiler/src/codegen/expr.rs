//! Expressions: literals, variables, strings and sigils, lists, tuples, maps and structs, blocks.
//!
//! An expression compiles into a given register (`expr_to`), into a
//! register of its own (`expr`: a variable is already in one), or in tail
//! position (`expr_tail`: its value is returned). Operators, calls,
//! closures, patterns and special forms each have a file of their own.

use super::builder::{CResult, FnBuilder};
use super::kernel::local_kernel;
use super::unit::UnitBuilder;
use crate::ast::*;
use crate::desugar::{self, alias_atom};
use crate::diagnostic::Diagnostic;
use beamlet_vm::atom;
use beamlet_vm::bif;
use beamlet_vm::code::{Op, Reg, TypeTest};
use beamlet_vm::term::Term;
use num_traits::ToPrimitive;

impl FnBuilder<'_> {
    /// Sets the line of statement `e`, but for a `receive`: on the BEAM a
    /// receive has no line of its own, so a process waiting in one is at
    /// the line of the code before it (the function's head for a receive
    /// first in its body: ExUnit shows a timed-out test at its `test` line).
    fn statement_line(&mut self, u: &UnitBuilder, e: &Expr) {
        if let ExprKind::Call(c) = &e.kind {
            if matches!(&c.target, CallTarget::Local(n) if n == "receive") {
                return;
            }
        }
        self.line(u, e.span);
    }

    /// Whether statement `it`, followed by `rest`, is a call of a local
    /// function that returns the atom `rest` is: OTP's compiler makes that
    /// call a tail call (`UnitBuilder::returns_atom`).
    fn returns_last(&self, u: &UnitBuilder, it: &Expr, rest: &[Expr]) -> bool {
        let ([last], ExprKind::Call(c)) = (rest, &it.kind) else {
            return false;
        };
        let (ExprKind::Atom(a), CallTarget::Local(name), None, 0) =
            (&last.kind, &c.target, &c.do_block, self.try_depth)
        else {
            return false;
        };
        let key = (self.env.name.clone(), name.clone(), c.args.len());
        u.locals
            .get(&key)
            .and_then(|(id, _)| u.returns_atom.get(id))
            .is_some_and(|r| r == a)
    }

    /// Compiles `e` in tail position: its value is returned.
    pub fn expr_tail(&mut self, u: &mut UnitBuilder, e: &Expr) -> CResult<()> {
        match &e.kind {
            ExprKind::Block(items) if !items.is_empty() => {
                for (i, it) in items.iter().enumerate() {
                    if i + 1 == items.len() || self.returns_last(u, it, &items[i + 1..]) {
                        return self.expr_tail(u, it);
                    }
                    let m = self.mark();
                    self.statement_line(u, it);
                    self.expr(u, it)?;
                    self.release(m);
                }
                Ok(())
            }
            ExprKind::Var(n) if self.scope.contains_key(n.as_str()) => {
                let src = self.scope[n.as_str()];
                self.emit(Op::Return { src });
                Ok(())
            }
            _ => {
                self.statement_line(u, e);
                let dst = self.alloc(e.span)?;
                self.expr_to(u, e, dst, true)?;
                self.emit(Op::Return { src: dst });
                Ok(())
            }
        }
    }

    /// Compiles `e` into some register (a variable's own, or a new temporary).
    pub fn expr(&mut self, u: &mut UnitBuilder, e: &Expr) -> CResult<Reg> {
        if let ExprKind::Var(n) = &e.kind {
            if let Some(r) = self.scope.get(n.as_str()) {
                return Ok(*r);
            }
        }
        let dst = self.alloc(e.span)?;
        self.expr_to(u, e, dst, false)?;
        Ok(dst)
    }

    /// Compiles `e` into `dst`. With `tail`, a call may become a tail call
    /// (which returns instead of writing `dst`) — the caller then emits a
    /// `Return dst` that is never reached, which is harmless.
    pub fn expr_to(&mut self, u: &mut UnitBuilder, e: &Expr, dst: Reg, tail: bool) -> CResult<()> {
        let span = e.span;
        match &e.kind {
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Atom(_)
            | ExprKind::Str(_)
            | ExprKind::Alias(_) => {
                let t = self
                    .literal(u, e)?
                    .ok_or_else(|| Diagnostic::new(span, "invalid literal"))?;
                self.load_const(t, dst);
            }
            ExprKind::Var(n) => self.var(u, n, span, dst, tail)?,
            ExprKind::Interp(parts) => self.interp(u, parts, span, dst)?,
            ExprKind::Charlist(parts) => {
                if parts.iter().all(|p| matches!(p, InterpPart::Lit(_))) {
                    let t = self
                        .literal(u, e)?
                        .ok_or_else(|| Diagnostic::new(span, "invalid charlist"))?;
                    self.load_const(t, dst);
                } else {
                    let m = self.mark();
                    let s = self.alloc(span)?;
                    self.interp(u, parts, span, s)?;
                    self.bif(span, "erlang", "binary_to_list", s, 1, dst)?;
                    self.release(m);
                }
            }
            ExprKind::Sigil(c, parts, _mods, _) => self.sigil(u, *c, parts, span, dst)?,
            ExprKind::List(items, tail_e) => {
                if let Some(t) = self.literal(u, e)? {
                    self.load_const(t, dst);
                    return Ok(());
                }
                // Elements are evaluated left to right (then the tail), as in
                // Elixir; the cells are built from the right.
                let m = self.mark();
                let (first, acc) = match tail_e {
                    // The tail is one more sibling: `[a = 1 | [a]]` sees
                    // the `a` from before the list, as the elements do.
                    // (When no element binds, the tail is compiled after
                    // them, its register taken then: fewer registers.)
                    Some(t) if items.iter().any(may_bind) => {
                        let first = self.alloc_n(span, items.len() + 1)?;
                        let mut refs: Vec<&Expr> = items.iter().collect();
                        refs.push(t);
                        self.siblings_to(u, &refs, first)?;
                        (first, first + items.len() as Reg)
                    }
                    _ => {
                        let first = self.alloc_n(span, items.len())?;
                        let refs: Vec<&Expr> = items.iter().collect();
                        self.siblings_to(u, &refs, first)?;
                        let acc = self.alloc(span)?;
                        match tail_e {
                            Some(t) => self.expr_to(u, t, acc, false)?,
                            None => self.load_const(Term::NIL, acc),
                        }
                        (first, acc)
                    }
                };
                for i in (0..items.len()).rev() {
                    self.emit(Op::Cons {
                        dst: acc,
                        head: first + i as Reg,
                        tail: acc,
                    });
                }
                self.emit(Op::Move { dst, src: acc });
                self.release(m);
            }
            ExprKind::Tuple(items) => {
                if let Some(t) = self.literal(u, e)? {
                    self.load_const(t, dst);
                    return Ok(());
                }
                let m = self.mark();
                let first = self.alloc_n(span, items.len())?;
                let refs: Vec<&Expr> = items.iter().collect();
                self.siblings_to(u, &refs, first)?;
                self.emit(Op::MakeTuple {
                    dst,
                    args: first,
                    n: items.len() as u32,
                });
                self.release(m);
            }
            ExprKind::Map { update, pairs } => {
                // A map of constants (an escaped value) is one literal.
                if update.is_none() && !pairs.is_empty() {
                    if let Some(t) = self.constant_map(u, pairs)? {
                        self.load_const(t, dst);
                        return Ok(());
                    }
                }
                self.map(u, update.as_deref(), pairs, None, span, dst)?
            }
            ExprKind::Struct {
                name,
                update,
                pairs,
            } => {
                let module = self.struct_name(name)?;
                self.map(u, update.as_deref(), pairs, Some(module), span, dst)?
            }
            ExprKind::Bitstring(segs) => {
                let segs = crate::bitstring::segments(segs)?;
                let built = crate::bitstring::build(span, &segs);
                self.expr_to(u, &built, dst, false)?;
            }
            ExprKind::Unary(op, x) => self.unary(u, *op, x, span, dst)?,
            ExprKind::Binary(op, a, b) => self.binary(u, *op, a, b, span, dst, tail)?,
            ExprKind::Call(c) => self.call(u, c, span, dst, tail)?,
            ExprKind::Fn(clauses) => self.lambda(u, clauses, span, dst)?,
            ExprKind::StabParens(_) => {
                return Err(Diagnostic::new(span, "unexpected -> clauses in parentheses")
                    .with_hint("clauses in parentheses only go after do:, else: or after:, as in receive(do: (x -> x))"))
            }
            ExprKind::Capture(x) => self.capture(u, x, span, dst)?,
            ExprKind::CaptureArg(_) => {
                return Err(Diagnostic::new(
                    span,
                    "capture argument `&N` outside of a capture `&(...)`",
                ))
            }
            ExprKind::Access(m, k) => {
                let c = desugar::remote(
                    span,
                    "Elixir.Access",
                    "get",
                    vec![(**m).clone(), (**k).clone()],
                );
                self.expr_to(u, &c, dst, tail)?;
            }
            ExprKind::Attr(name, None) => {
                let v = self.attr(u, name, span);
                self.expr_to(u, &v, dst, tail)?;
            }
            ExprKind::Attr(name, Some(_)) => {
                return Err(Diagnostic::new(
                    span,
                    format!("module attribute @{name} can only be set in a module body"),
                ))
            }
            ExprKind::Literal(_) | ExprKind::Data(_) => {
                let t = self
                    .literal(u, e)?
                    .ok_or_else(|| Diagnostic::new(span, "invalid literal"))?;
                self.load_const(t, dst);
            }
            ExprKind::AliasOf(..) | ExprKind::MapEntries { .. } => {
                return Err(Diagnostic::new(span, "internal: unexpanded syntax reached code generation"))
            }
            ExprKind::Block(items) => {
                if items.is_empty() {
                    self.load_const(atom::NIL, dst);
                }
                for (i, it) in items.iter().enumerate() {
                    self.statement_line(u, it);
                    if i + 1 == items.len() {
                        self.expr_to(u, it, dst, tail)?;
                    } else {
                        let m = self.mark();
                        self.expr(u, it)?;
                        self.release(m);
                    }
                }
            }
        }
        Ok(())
    }

    /// The constant term for a literal expression (`None` if not constant).
    pub fn literal(&mut self, u: &mut UnitBuilder, e: &Expr) -> CResult<Option<Term>> {
        Ok(Some(match &e.kind {
            ExprKind::Int(i) => match i.to_i64() {
                Some(v) => u.literals.int(v),
                None => u.literals.bigint(i),
            },
            ExprKind::Float(f) => u.literals.float(*f),
            ExprKind::Atom(a) => atom::intern(a),
            ExprKind::Alias(a) => atom::intern(&alias_atom(&self.resolve_alias(a))),
            ExprKind::Str(s) => u.literals.str(s),
            ExprKind::Literal(v) => beamlet_vm::convert::from_value(&mut u.literals, v),
            ExprKind::Data(t) => *t,
            ExprKind::Map {
                update: None,
                pairs,
            } if !pairs.is_empty() => match self.constant_map(u, pairs)? {
                Some(t) => t,
                None => return Ok(None),
            },
            ExprKind::Var(n) if n == "__MODULE__" => atom::intern(&self.env.name),
            ExprKind::Charlist(parts) => {
                let mut codes = Vec::new();
                for p in parts {
                    match p {
                        InterpPart::Lit(s) => {
                            codes.extend(s.chars().map(|c| Term::small(c as i64)))
                        }
                        InterpPart::Expr(_) => return Ok(None),
                    }
                }
                u.literals.list(&codes)
            }
            ExprKind::Unary(UnaryOp::Neg, x) => match &x.kind {
                ExprKind::Int(i) => {
                    let n = -i.clone();
                    match n.to_i64() {
                        Some(v) => u.literals.int(v),
                        None => u.literals.bigint(&n),
                    }
                }
                ExprKind::Float(f) => u.literals.float(-f),
                _ => return Ok(None),
            },
            ExprKind::List(items, tail) => {
                let mut ts = Vec::new();
                for i in items {
                    match self.literal(u, i)? {
                        Some(t) => ts.push(t),
                        None => return Ok(None),
                    }
                }
                let t = match tail {
                    Some(t) => match self.literal(u, t)? {
                        Some(t) => t,
                        None => return Ok(None),
                    },
                    None => Term::NIL,
                };
                u.literals.list_with_tail(&ts, t)
            }
            ExprKind::Tuple(items) => {
                let mut ts = Vec::new();
                for i in items {
                    match self.literal(u, i)? {
                        Some(t) => ts.push(t),
                        None => return Ok(None),
                    }
                }
                u.literals.tuple(&ts)
            }
            _ => return Ok(None),
        }))
    }

    fn var(
        &mut self,
        u: &mut UnitBuilder,
        n: &str,
        span: Span,
        dst: Reg,
        tail: bool,
    ) -> CResult<()> {
        if let Some(r) = self.scope.get(n) {
            if *r != dst {
                self.emit(Op::Move { dst, src: *r });
            }
            return Ok(());
        }
        if n == "__MODULE__" {
            self.load_const(atom::intern(&self.env.name), dst);
            return Ok(());
        }
        if n == "_" || n.starts_with('_') && !n.starts_with("__") {
            return Err(Diagnostic::new(
                span,
                format!("invalid use of the underscored variable \"{n}\""),
            )
            .with_hint(
                "a variable starting with _ is ignored: rename it if you mean to use its value",
            ));
        }
        // A zero-arity call written without parentheses.
        if u.locals
            .contains_key(&(self.env.name.clone(), n.to_owned(), 0))
            || local_kernel(n, 0).is_some()
        {
            let c = Call {
                target: CallTarget::Local(n.to_owned()),
                args: vec![],
                no_parens: true,
                do_block: None,
            };
            return self.call(u, &c, span, dst, tail);
        }
        if n == "__STACKTRACE__" {
            return Err(Diagnostic::new(
                span,
                "__STACKTRACE__ is available only inside catch and rescue clauses of try expressions",
            ));
        }
        Err(Diagnostic::new(span, format!("undefined variable \"{n}\""))
            .with_hint("variables must be bound before they are used (in this clause or an enclosing scope)"))
    }

    fn interp(
        &mut self,
        u: &mut UnitBuilder,
        parts: &[InterpPart],
        span: Span,
        dst: Reg,
    ) -> CResult<()> {
        if parts.iter().all(|p| matches!(p, InterpPart::Lit(_))) {
            let s: String = parts
                .iter()
                .map(|p| {
                    if let InterpPart::Lit(s) = p {
                        s.as_str()
                    } else {
                        ""
                    }
                })
                .collect();
            let t = u.literals.str(&s);
            self.load_const(t, dst);
            return Ok(());
        }
        // Parts are evaluated left to right, as in Elixir; the list is built from the right.
        let m = self.mark();
        let first = self.alloc_n(span, parts.len())?;
        for (i, p) in parts.iter().enumerate() {
            let r = first + i as Reg;
            match p {
                InterpPart::Lit(s) => {
                    let t = u.literals.str(s);
                    self.load_const(t, r);
                }
                InterpPart::Expr(x) => self.expr_to(u, x, r, false)?,
            }
        }
        let acc = self.alloc(span)?;
        self.load_const(Term::NIL, acc);
        for i in (0..parts.len()).rev() {
            self.emit(Op::Cons {
                dst: acc,
                head: first + i as Reg,
                tail: acc,
            });
        }
        self.bif(span, "beamlet", "interp", acc, 1, dst)?;
        self.release(m);
        Ok(())
    }

    fn sigil(
        &mut self,
        u: &mut UnitBuilder,
        c: char,
        parts: &[InterpPart],
        span: Span,
        dst: Reg,
    ) -> CResult<()> {
        match c {
            's' | 'S' => self.interp(u, parts, span, dst),
            'c' | 'C' => {
                let e = Expr::new(span, ExprKind::Charlist(parts.to_vec()));
                self.expr_to(u, &e, dst, false)
            }
            'w' | 'W' => {
                if parts.iter().any(|p| matches!(p, InterpPart::Expr(_))) {
                    let m = self.mark();
                    let s = self.alloc(span)?;
                    self.interp(u, parts, span, s)?;
                    self.bif(span, "beamlet", "split_whitespace", s, 1, dst)?;
                    self.release(m);
                    return Ok(());
                }
                let s: String = parts
                    .iter()
                    .map(|p| {
                        if let InterpPart::Lit(s) = p {
                            s.as_str()
                        } else {
                            ""
                        }
                    })
                    .collect();
                let words: Vec<Term> = s.split_whitespace().map(|w| u.literals.str(w)).collect();
                let t = u.literals.list(&words);
                self.load_const(t, dst);
                Ok(())
            }
            _ => Err(Diagnostic::new(
                span,
                format!("sigil ~{c} is not supported by beamlet yet"),
            )),
        }
    }

    /// The literal map `%{k => v}` when every key and value is constant.
    fn constant_map(
        &mut self,
        u: &mut UnitBuilder,
        pairs: &[(Expr, Expr)],
    ) -> CResult<Option<Term>> {
        let mut kv = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            let (Some(k), Some(v)) = (self.literal(u, k)?, self.literal(u, v)?) else {
                return Ok(None);
            };
            kv.push((k, v));
        }
        Ok(Some(bif::map::build_map(&mut u.literals, kv)))
    }

    fn struct_name(&self, name: &Expr) -> CResult<String> {
        match &name.kind {
            ExprKind::Alias(a) => Ok(alias_atom(&self.resolve_alias(a))),
            ExprKind::Atom(a) => Ok(a.clone()),
            ExprKind::Var(v) if v == "__MODULE__" => Ok(self.env.name.clone()),
            _ => Err(Diagnostic::new(
                name.span,
                "a struct name must be an alias such as `%User{}`",
            )),
        }
    }

    /// Compiles `items` into consecutive registers from `first`, left to
    /// right. As in Elixir, sibling expressions (a call's arguments, a
    /// list's, tuple's or map's elements) read variables as they were before
    /// the first of them: a variable one binds is seen only after them all
    /// (`x = 0; [x = 5, x]` is `[5, 0]`).
    pub(super) fn siblings_to(
        &mut self,
        u: &mut UnitBuilder,
        items: &[&Expr],
        first: Reg,
    ) -> CResult<()> {
        // Only an element that binds makes the scope differ for the ones
        // after it: when none but the last can, no copy of the scope (the
        // module body's has a variable per `test`, copied around every
        // call of two arguments or more).
        if items.len() < 2 || items[..items.len() - 1].iter().all(|e| !may_bind(e)) {
            for (i, it) in items.iter().enumerate() {
                self.expr_to(u, it, first + i as Reg, false)?;
            }
            return Ok(());
        }
        let before = self.scope.clone();
        let mut bound: Vec<(std::rc::Rc<str>, Reg)> = Vec::new();
        for (i, it) in items.iter().enumerate() {
            if !bound.is_empty() {
                self.scope.clone_from(&before);
            }
            let binds = self.binds;
            self.expr_to(u, it, first + i as Reg, false)?;
            if self.binds != binds {
                for (k, r) in &self.scope {
                    if before.get(k) != Some(r) {
                        bound.push((k.clone(), *r));
                    }
                }
            }
        }
        self.scope.clone_from(&before);
        if !bound.is_empty() {
            self.scope.extend(bound);
            self.binds += 1;
        }
        Ok(())
    }

    fn map(
        &mut self,
        u: &mut UnitBuilder,
        update: Option<&Expr>,
        pairs: &[(Expr, Expr)],
        module: Option<String>,
        span: Span,
        dst: Reg,
    ) -> CResult<()> {
        let m = self.mark();
        let mut all: Vec<(Expr, Expr)> = Vec::new();
        if let (Some(module), None) = (&module, update) {
            let fields = match module.as_str() {
                "Elixir.Range" => vec![
                    (
                        "first".to_owned(),
                        Expr::new(span, ExprKind::Atom("nil".into())),
                    ),
                    (
                        "last".to_owned(),
                        Expr::new(span, ExprKind::Atom("nil".into())),
                    ),
                    (
                        "step".to_owned(),
                        Expr::new(span, ExprKind::Atom("nil".into())),
                    ),
                ],
                _ if !u.structs.contains_key(module)
                    && bif::exception::builtin_struct_fields(module).is_some() =>
                {
                    bif::exception::builtin_struct_fields(module)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(f, d)| {
                            let e = match (f, d) {
                                ("__exception__", _) => ExprKind::Atom("true".into()),
                                (_, Some(s)) => ExprKind::Str(s.into()),
                                (_, None) => ExprKind::Atom("nil".into()),
                            };
                            (f.to_owned(), Expr::new(span, e))
                        })
                        .collect()
                }
                _ => u.structs.get(module).cloned().ok_or_else(|| {
                    Diagnostic::new(
                        span,
                        format!(
                            "{} is not a struct (no defstruct found)",
                            module.trim_start_matches("Elixir.")
                        ),
                    )
                    .with_hint("define it with `defstruct` in a module above this code")
                })?,
            };
            for (k, _) in pairs {
                if let ExprKind::Atom(a) = &k.kind {
                    if !fields.iter().any(|(f, _)| f == a) {
                        return Err(Diagnostic::new(
                            k.span,
                            format!(
                                "unknown key :{a} for struct {}",
                                module.trim_start_matches("Elixir.")
                            ),
                        ));
                    }
                }
            }
            all.push((
                Expr::new(span, ExprKind::Atom("__struct__".into())),
                Expr::new(span, ExprKind::Atom(module.clone())),
            ));
            for (f, d) in fields {
                all.push((Expr::new(span, ExprKind::Atom(f)), d));
            }
        }
        all.extend(pairs.iter().cloned());
        let first = self.alloc_n(span, 2 * all.len())?;
        let refs: Vec<&Expr> = all.iter().flat_map(|(k, v)| [k, v]).collect();
        self.siblings_to(u, &refs, first)?;
        match update {
            Some(base) => {
                let b = self.expr(u, base)?;
                if let Some(module) = module {
                    // %Mod{s | k: v}: s must be that struct.
                    let ok = self.new_label();
                    let bad = self.new_label();
                    self.emit(Op::IsType {
                        r: b,
                        ty: TypeTest::Map,
                        fail: bad,
                    });
                    let k = self.const_reg(atom::STRUCT, span)?;
                    let v = self.alloc(span)?;
                    self.emit(Op::GetMapValue {
                        dst: v,
                        map: b,
                        key: k,
                        fail: bad,
                    });
                    let want = self.const_reg(atom::intern(&module), span)?;
                    self.emit(Op::IsEqExact {
                        a: v,
                        b: want,
                        fail: bad,
                    });
                    self.emit(Op::Jump { to: ok });
                    self.place(bad);
                    let args = self.alloc_n(span, 2)?;
                    self.load_const(atom::intern(&module), args);
                    self.emit(Op::Move {
                        dst: args + 1,
                        src: b,
                    });
                    let raised = self.alloc(span)?;
                    self.bif(span, "beamlet", "bad_struct", args, 2, raised)?;
                    self.place(ok);
                }
                self.emit(Op::MapUpdate {
                    dst,
                    map: b,
                    args: first,
                    n: all.len() as u32,
                    exact: true,
                });
            }
            None => self.emit(Op::MakeMap {
                dst,
                args: first,
                n: all.len() as u32,
            }),
        }
        self.release(m);
        Ok(())
    }

    pub fn resolve_alias(&self, a: &str) -> String {
        let (first, rest) = match a.split_once('.') {
            Some((f, r)) => (f, Some(r)),
            None => (a, None),
        };
        match self.env.aliases.get(first) {
            Some(full) => match rest {
                Some(r) => format!("{full}.{r}"),
                None => full.clone(),
            },
            None => a.to_owned(),
        }
    }

    /// The module atom a remote call's target names at compile time, if it does.
    pub(super) fn module_atom(&self, m: &Expr) -> CResult<Option<String>> {
        Ok(match &m.kind {
            ExprKind::Alias(a) => Some(alias_atom(&self.resolve_alias(a))),
            ExprKind::Atom(a) => Some(a.clone()),
            ExprKind::Var(v) if v == "__MODULE__" => Some(self.env.name.clone()),
            _ => None,
        })
    }

    /// The value of module attribute `@name`. One never set reads as `nil`,
    /// with a warning, as in Elixir.
    pub(crate) fn attr(&mut self, u: &mut UnitBuilder, name: &str, span: Span) -> Expr {
        match self.env.attrs.get(name) {
            Some(v) => v.clone(),
            None => {
                u.warnings.push(
                    Diagnostic::new(
                        span,
                        format!("undefined module attribute @{name}, it reads as nil"),
                    )
                    .with_hint(format!(
                        "set it in the module body before this use: `@{name} value`"
                    )),
                );
                Expr::new(span, ExprKind::Atom("nil".into()))
            }
        }
    }
}

/// Whether compiling `e` may bind a variable in the scope it is compiled in
/// (conservative: `true` for anything but plain data, operators other than
/// `=`/`<-`/`when`/`\\`, and calls without a do block whose arguments
/// cannot bind either; clauses, `fn` and captures count as binding).
fn may_bind(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Atom(_)
        | ExprKind::Alias(_)
        | ExprKind::Str(_)
        | ExprKind::Var(_)
        | ExprKind::Literal(_)
        | ExprKind::Data(_)
        | ExprKind::Attr(_, None) => false,
        ExprKind::Interp(parts) | ExprKind::Charlist(parts) => parts.iter().any(|p| match p {
            InterpPart::Lit(_) => false,
            InterpPart::Expr(x) => may_bind(x),
        }),
        ExprKind::List(items, tail) => {
            items.iter().any(may_bind) || tail.as_deref().is_some_and(may_bind)
        }
        ExprKind::Tuple(items) | ExprKind::Block(items) => items.iter().any(may_bind),
        ExprKind::Map { update, pairs } => {
            update.as_deref().is_some_and(may_bind)
                || pairs.iter().any(|(k, v)| may_bind(k) || may_bind(v))
        }
        ExprKind::Unary(op, x) => *op == UnaryOp::Pin || may_bind(x),
        ExprKind::Binary(op, a, b) => {
            matches!(
                op,
                BinOp::Match | BinOp::LArrow | BinOp::When | BinOp::Default
            ) || may_bind(a)
                || may_bind(b)
        }
        ExprKind::Call(c) => {
            c.do_block.is_some()
                || match &c.target {
                    CallTarget::Local(_) => false,
                    CallTarget::Remote(m, _) => may_bind(m),
                    CallTarget::Anon(f) => may_bind(f),
                    CallTarget::Dynamic(_) => true,
                }
                || c.args.iter().any(may_bind)
        }
        _ => true,
    }
}
