//! Pattern and guard compilation.
//!
//! A pattern compiles to a sequence of tests on the matched register that
//! jump to `fail` at the first mismatch, binding variables as it goes. A
//! clause list (codegen's `clauses`, special.rs's `case` and `receive`) is
//! tried in order, but [`FnBuilder::dispatch_clauses`] builds a decision tree
//! over the arguments and their parts that skips the clauses that cannot match.
//!
//! Guards compile to tests that jump to the same `fail` label; a guard BIF
//! that raises also jumps there (Elixir: an error in a guard fails the clause).

use super::{CResult, FnBuilder, UnitBuilder};
use crate::ast::*;
use crate::desugar::alias_atom;
use crate::diagnostic::Diagnostic;
use beamlet_vm::atom;
use beamlet_vm::code::{CmpOp, JumpTable, Label, Op, Reg, TypeTest};
use beamlet_vm::term::Term;
use num_traits::ToPrimitive;
use std::collections::{HashMap, HashSet};

/// What a pattern's outermost form demands of the value, for dispatch: a
/// value can match the pattern only if it has this key. `None` (a variable,
/// a pin, a float...) means any value may match.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Key {
    /// Exactly this immediate: an atom, a small integer or `[]`.
    Imm(Term),
    /// A tuple of this size (its elements are decided as parts of it).
    Tuple(u32),
    Cons,
    Binary,
    Map,
}

/// How a clause list is compiled: `emit(builder, i, fail)` compiles clause `i`
/// to jump to `fail` when it does not match.
pub(crate) type EmitClause<'a, 'b> =
    dyn FnMut(&mut FnBuilder<'b>, usize, Label) -> CResult<()> + 'a;

/// A position that clause decisions can look at: an argument (or the value
/// of a `case`), or a part of one whose shape an earlier decision settled.
#[derive(Clone)]
pub(crate) struct Column<'p> {
    pub at: At,
    /// Per clause (by clause index), its pattern there; `None` matches anything.
    pub pats: Vec<Option<&'p Expr>>,
}

/// Where a [`Column`]'s value is.
#[derive(Clone, Copy)]
pub(crate) enum At {
    Reg(Reg),
    /// Element `i` of the tuple in a register, loaded when first decided on.
    Elem(Reg, u32),
    /// The head of the cons cell in a register, loaded when first decided on.
    Head(Reg),
}

/// A part of a value of a known shape.
#[derive(Clone, Copy)]
enum Part {
    Elem(u32),
    Head,
}

impl Key {
    /// The parts of a value with this key that a decision can look at.
    fn parts(self) -> Vec<Part> {
        match self {
            Key::Tuple(n) => (0..n).map(Part::Elem).collect(),
            Key::Cons => vec![Part::Head],
            _ => Vec::new(),
        }
    }
}

impl<'e> FnBuilder<'e> {
    /// The [`Key`] of pattern `p`.
    pub(crate) fn pattern_key(&self, p: &Expr) -> Option<Key> {
        match &p.kind {
            // Only immediates make keys: test them without building a literal
            // (a bignum or float would be allocated in the unit for nothing).
            ExprKind::Int(i) => i.to_i64().and_then(Term::try_small).map(Key::Imm),
            ExprKind::Unary(UnaryOp::Neg, x) => match &x.kind {
                ExprKind::Int(i) => (-i.clone())
                    .to_i64()
                    .and_then(Term::try_small)
                    .map(Key::Imm),
                _ => None,
            },
            ExprKind::Atom(a) => Some(Key::Imm(atom::intern(a))),
            ExprKind::Alias(a) => Some(Key::Imm(atom::intern(&alias_atom(&self.resolve_alias(a))))),
            ExprKind::Tuple(items) => Some(Key::Tuple(items.len() as u32)),
            ExprKind::List(items, _) if !items.is_empty() => Some(Key::Cons),
            ExprKind::List(_, None) => Some(Key::Imm(Term::NIL)),
            ExprKind::Charlist(parts) => {
                let empty = parts
                    .iter()
                    .all(|x| matches!(x, InterpPart::Lit(s) if s.is_empty()));
                Some(if empty {
                    Key::Imm(Term::NIL)
                } else {
                    Key::Cons
                })
            }
            ExprKind::Str(_) | ExprKind::Binary(BinOp::StrConcat, ..) => Some(Key::Binary),
            ExprKind::Interp(parts) if parts.iter().all(|x| matches!(x, InterpPart::Lit(_))) => {
                Some(Key::Binary)
            }
            ExprKind::Map { update: None, .. } | ExprKind::Struct { update: None, .. } => {
                Some(Key::Map)
            }
            ExprKind::Binary(BinOp::Range, ..) => Some(Key::Map),
            ExprKind::Binary(BinOp::Match, a, b) => {
                self.pattern_key(a).or_else(|| self.pattern_key(b))
            }
            _ => None,
        }
    }

    /// The pattern at `part` of pattern `p` (whose key has that part), or
    /// `None` when it matches anything there.
    fn sub_pattern<'p>(&self, p: &'p Expr, part: Part) -> Option<&'p Expr> {
        match (&p.kind, part) {
            (ExprKind::Binary(BinOp::Match, a, b), _) => {
                let side = if self.pattern_key(a).is_some() { a } else { b };
                self.sub_pattern(side, part)
            }
            (ExprKind::Tuple(items), Part::Elem(i)) => items.get(i as usize),
            (ExprKind::List(items, _), Part::Head) => items.first(),
            _ => None,
        }
    }

    /// The keys of `members` at a column (`None`: matches anything).
    fn column_keys(&self, pats: &[Option<&Expr>], members: &[usize]) -> Vec<Option<Key>> {
        members
            .iter()
            .map(|&m| pats[m].and_then(|p| self.pattern_key(p)))
            .collect()
    }

    /// How many ways a decision at this column, or at a part of it, can
    /// split `members`: the most distinct keys found at one position.
    fn potential(&self, pats: &[Option<&Expr>], members: &[usize]) -> usize {
        let keys = self.column_keys(pats, members);
        let kinds = distinct(keys.iter().flatten().copied());
        let mut best = kinds.len();
        for k in kinds {
            let group: Vec<usize> = (0..members.len())
                .filter(|&x| keys[x] == Some(k))
                .map(|x| members[x])
                .collect();
            if group.len() <= best {
                continue;
            }
            for part in k.parts() {
                let sub: Vec<Option<&Expr>> = pats
                    .iter()
                    .map(|p| p.and_then(|p| self.sub_pattern(p, part)))
                    .collect();
                best = best.max(self.potential(&sub, &group));
            }
        }
        best
    }

    /// Compiles a clause list, `n` clauses whose patterns are given by
    /// `cols`: clauses are tried in order, as `emit(self, i, fail)` compiles
    /// clause `i` to jump to `fail` when it does not match, but decisions on
    /// the values skip the clauses that cannot match. When no clause
    /// matches, control goes on after the code emitted.
    ///
    /// A decision looks at one position, an argument or a part of one (a
    /// tuple's element, a list's head), and tests its outermost form (atoms
    /// and small integers through a jump table, then tuple sizes, lists,
    /// binaries and maps); each form leads to the clauses that have it, in
    /// order, where a failing clause goes on to the next one of the group,
    /// and those may be decided again on another position (`{:get, k}`,
    /// `{:put, k, v}` and `{:del, k}` on the tag). A clause that may match
    /// anything at the position splits the list: the clauses before it and
    /// after it are decided separately. Each clause still tests its whole
    /// pattern, so a decision only ever skips clauses that would fail.
    ///
    /// ```text
    /// def f(:a) / def f(:b) / def f(:c) / def f({x}) / def f(x) / def f([h | t])
    ///     SelectLit R0 {:a -> c1, :b -> c2, :c -> c3} else t
    ///  t: IsTuple R0, 1 else u; Jump c4
    ///  u: Jump next
    /// c1: <clause 1> failing to next    (no later clause has key :a)
    ///     ... c2, c3, c4 alike
    /// next: <clause 5> failing to last  (no key: tried in order)
    /// last: <clause 6> failing to the code after
    /// ```
    pub(crate) fn dispatch_clauses(
        &mut self,
        cols: &[Column<'_>],
        n: usize,
        emit: &mut EmitClause<'_, 'e>,
    ) -> CResult<()> {
        let members: Vec<usize> = (0..n).collect();
        let end = self.new_label();
        self.decide(cols, &members, &mut Vec::new(), end, None, emit)?;
        self.place(end);
        Ok(())
    }

    /// Tries `members` (clause indices, in order) and goes to `end` when none
    /// matches; `known` holds the (register, key) pairs decided already, and
    /// `entry`, when given, is placed where this code starts.
    fn decide(
        &mut self,
        cols: &[Column<'_>],
        members: &[usize],
        known: &mut Vec<(Reg, Key)>,
        end: Label,
        entry: Option<Label>,
        emit: &mut EmitClause<'_, 'e>,
    ) -> CResult<()> {
        // Deciding pays when it can split three ways: below that, testing the
        // clauses in order costs no more.
        let best = cols
            .iter()
            .enumerate()
            .map(|(c, col)| (self.potential(&col.pats, members), c))
            .filter(|&(p, _)| p >= 3)
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        match best {
            Some((_, c)) => self.decide_on(cols, c, members, known, end, entry, emit),
            None => self.in_order(members, known, end, entry, emit),
        }
    }

    /// Tries `members` one after the other.
    fn in_order(
        &mut self,
        members: &[usize],
        known: &[(Reg, Key)],
        end: Label,
        entry: Option<Label>,
        emit: &mut EmitClause<'_, 'e>,
    ) -> CResult<()> {
        let mut start = entry;
        for (x, &m) in members.iter().enumerate() {
            let fail = if x + 1 == members.len() {
                end
            } else {
                self.new_label()
            };
            let at = self.code.len();
            emit(self, m, fail)?;
            if let Some(l) = start {
                // Every way into the clause has decided what `known` says:
                // skip the clause's own test of it.
                let skip = known.iter().any(|&(r, k)| self.tests_key(at, r, k));
                self.place_at(l, if skip { at + 1 } else { at });
            }
            start = (fail != end).then_some(fail);
        }
        Ok(())
    }

    /// [`Self::decide`] on column `c`.
    #[allow(clippy::too_many_arguments)]
    fn decide_on(
        &mut self,
        cols: &[Column<'_>],
        c: usize,
        members: &[usize],
        known: &mut Vec<(Reg, Key)>,
        end: Label,
        entry: Option<Label>,
        emit: &mut EmitClause<'_, 'e>,
    ) -> CResult<()> {
        if let Some(l) = entry {
            self.place(l);
        }
        let marks = self.marks();
        let r = match cols[c].at {
            At::Reg(r) => r,
            At::Elem(src, index) => {
                let dst = self.alloc(Span::default())?;
                self.emit(Op::GetElem { dst, src, index });
                dst
            }
            At::Head(src) => {
                let head = self.alloc(Span::default())?;
                let tail = self.alloc(Span::default())?;
                self.emit(Op::GetList { head, tail, src });
                head
            }
        };
        // The clauses must not reuse the registers loaded here: later
        // decisions read them after a clause failed.
        self.raise_floor();
        let mut cols: Vec<Column<'_>> = cols.to_vec();
        cols[c].at = At::Reg(r);
        let pats = cols[c].pats.clone();
        let keys = self.column_keys(&pats, members);
        let mut i = 0;
        while i < members.len() {
            // A segment: a run of clauses with keys here, or of clauses without.
            let keyed = keys[i].is_some();
            let mut j = i;
            while j < members.len() && keys[j].is_some() == keyed {
                j += 1;
            }
            let seg = &members[i..j];
            let seg_end = if j == members.len() {
                end
            } else {
                self.new_label()
            };
            if !keyed || self.potential(&pats, seg) < 3 {
                self.decide(&cols, seg, known, seg_end, None, emit)?;
            } else {
                let kinds = distinct(keys[i..j].iter().flatten().copied());
                let labels: Vec<Label> = kinds.iter().map(|_| self.new_label()).collect();
                self.select(r, &kinds, &labels);
                self.emit(Op::Jump { to: seg_end });
                for (k, label) in kinds.iter().zip(&labels) {
                    let group: Vec<usize> = (i..j)
                        .filter(|&x| keys[x] == Some(*k))
                        .map(|x| members[x])
                        .collect();
                    // Within the group, the column's parts are new positions.
                    let mut inner: Vec<Column<'_>> = cols
                        .iter()
                        .enumerate()
                        .filter(|&(x, _)| x != c)
                        .map(|(_, col)| col.clone())
                        .collect();
                    for part in k.parts() {
                        inner.push(Column {
                            at: match part {
                                Part::Elem(index) => At::Elem(r, index),
                                Part::Head => At::Head(r),
                            },
                            pats: pats
                                .iter()
                                .map(|p| p.and_then(|p| self.sub_pattern(p, part)))
                                .collect(),
                        });
                    }
                    known.push((r, *k));
                    self.decide(&inner, &group, known, seg_end, Some(*label), emit)?;
                    known.pop();
                }
            }
            if seg_end != end {
                self.place(seg_end);
            }
            i = j;
        }
        self.restore_marks(marks);
        Ok(())
    }

    /// Jumps to `labels[x]` when `R[r]` has outer key `kinds[x]`; falls
    /// through when it has none of them.
    fn select(&mut self, r: Reg, kinds: &[Key], labels: &[Label]) {
        let imms: Vec<(Term, Label)> = kinds
            .iter()
            .zip(labels)
            .filter_map(|(k, l)| match k {
                Key::Imm(t) => Some((*t, *l)),
                _ => None,
            })
            .collect();
        if imms.len() > 2 {
            let table = self.tables.len() as u32;
            self.tables.push(JumpTable::new(&imms));
            let other = self.new_label();
            self.emit(Op::SelectLit {
                r,
                table,
                fail: other,
            });
            self.place(other);
        } else {
            for (t, l) in &imms {
                let lit = self.lit_index(*t);
                let other = self.new_label();
                self.emit(Op::IsEqLit {
                    a: r,
                    lit,
                    fail: other,
                });
                self.emit(Op::Jump { to: *l });
                self.place(other);
            }
        }
        for (k, l) in kinds.iter().zip(labels) {
            let other = self.new_label();
            let test = match *k {
                Key::Imm(_) => continue,
                Key::Tuple(arity) => Op::IsTuple {
                    r,
                    arity,
                    fail: other,
                },
                Key::Cons => Op::IsType {
                    r,
                    ty: TypeTest::Cons,
                    fail: other,
                },
                Key::Binary => Op::IsType {
                    r,
                    ty: TypeTest::Binary,
                    fail: other,
                },
                Key::Map => Op::IsType {
                    r,
                    ty: TypeTest::Map,
                    fail: other,
                },
            };
            self.emit(test);
            self.emit(Op::Jump { to: *l });
            self.place(other);
        }
    }

    /// Whether the instruction at `at` tests exactly that `R[r]` has `key`.
    fn tests_key(&self, at: usize, r: Reg, key: Key) -> bool {
        match (self.code.get(at), key) {
            (Some(Op::IsEqLit { a, lit, .. }), Key::Imm(t)) => {
                *a == r && self.literals[*lit as usize] == t
            }
            (Some(Op::IsTuple { r: x, arity, .. }), Key::Tuple(k)) => *x == r && *arity == k,
            (
                Some(Op::IsType {
                    r: x,
                    ty: TypeTest::Cons,
                    ..
                }),
                Key::Cons,
            ) => *x == r,
            (
                Some(Op::IsType {
                    r: x,
                    ty: TypeTest::Map,
                    ..
                }),
                Key::Map,
            ) => *x == r,
            _ => false,
        }
    }

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
        let mut fresh = HashMap::new();
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
                    let prev = fresh.get(n).or_else(|| self.scope.get(n)).copied().unwrap_or(r);
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
                let Some(prev) = self.scope.get(n).copied() else {
                    return Err(Diagnostic::new(span, format!("undefined variable ^{n}"))
                        .with_hint("a pinned variable must be bound before the pattern"));
                };
                self.emit(Op::IsEqExact { a: r, b: prev, fail });
            }
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Atom(_) | ExprKind::Str(_) | ExprKind::Alias(_)
            | ExprKind::Charlist(_) | ExprKind::Unary(UnaryOp::Neg, _) => {
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
                    ExprKind::Var(v) if v == "__MODULE__" => self.env.name.clone(),
                    ExprKind::Var(v) => {
                        // %name{} binds the struct's module.
                        let key = Expr::new(span, ExprKind::Atom("__struct__".into()));
                        let mut all = vec![(key, Expr::new(span, ExprKind::Var(v.clone())))];
                        all.extend(pairs.iter().cloned());
                        return self.map_pattern(u, &all, None, r, fail, bound, fresh);
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
            ExprKind::Binary(BinOp::StrConcat, a, b) => {
                let prefix = match &a.kind {
                    ExprKind::Str(s) => u.literals.str(s),
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

    fn bind_reg(&mut self, name: &str, r: Reg) {
        self.scope.insert(name.to_owned(), r);
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
                        let prev = *self.scope.get(n).ok_or_else(|| {
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
                if let (Some(imm), Some(cop)) = (super::small_int(b), cmp_imm(*op)) {
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
                        self.emit(Op::IsType {
                            r: x,
                            ty: TypeTest::Integer,
                            fail: target_fail,
                        });
                        let l = self.guard_value(u, lo)?;
                        let h = self.guard_value(u, hi)?;
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
                        "is_binary" | "is_bitstring" => Some(TypeTest::Binary),
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

    /// A guard expression that must evaluate to exactly `true`.
    fn guard_true(&mut self, u: &mut UnitBuilder, g: &Expr, fail: Label) -> CResult<()> {
        let v = self.guard_value(u, g)?;
        let t = self.alloc(g.span)?;
        self.load_const(atom::TRUE, t);
        self.emit(Op::IsEqExact { a: v, b: t, fail });
        Ok(())
    }

    /// Evaluates a guard sub-expression; errors jump to the guard's failure label.
    fn guard_value(&mut self, u: &mut UnitBuilder, e: &Expr) -> CResult<Reg> {
        self.expr(u, e)
    }
}

/// The distinct items of `it`, in order of first appearance.
fn distinct<T: PartialEq>(it: impl Iterator<Item = T>) -> Vec<T> {
    let mut seen = Vec::new();
    for x in it {
        if !seen.contains(&x) {
            seen.push(x);
        }
    }
    seen
}
