//! Clause lists: a function's clauses, `case` and `receive` clauses, and the decision tree over them.
//!
//! Clauses are tried in order (Elixir's first match wins), but decisions on
//! the values, an argument or a part of one whose shape is settled (a
//! tuple's element, a list's head), skip the clauses that cannot match: see
//! [`FnBuilder::dispatch_clauses`]. Each clause still runs its whole pattern
//! (patterns.rs), so a decision only ever skips clauses that would fail.

use super::builder::{CResult, FnBuilder};
use super::unit::UnitBuilder;
use crate::ast::*;
use crate::desugar::alias_atom;
use crate::diagnostic::Diagnostic;
use beamlet_vm::atom;
use beamlet_vm::code::{JumpTable, Label, Op, Reg, TypeTest};
use beamlet_vm::term::Term;
use num_traits::ToPrimitive;
use rustc_hash::FxHashSet as HashSet;

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
    /// Compiles `clauses` of a function (or lambda) whose arguments are in `R[0..arity]`.
    /// When no clause matches, the error is at `fail_at` (a lambda's `fn`), or else
    /// at the first clause's line, as in Elixir.
    pub fn clauses(
        &mut self,
        u: &mut UnitBuilder,
        clauses: &[Clause],
        arity: usize,
        fail_at: Option<Span>,
    ) -> CResult<()> {
        let saved = self.scope.clone();
        for c in clauses {
            if c.args.len() != arity {
                return Err(Diagnostic::new(
                    c.span,
                    "all clauses of an anonymous function must take the same number of arguments",
                ));
            }
        }
        let clause = |b: &mut Self, u: &mut UnitBuilder, c: &Clause, next: Label| {
            let mark = (b.next, b.floor);
            b.scope = saved.clone();
            b.line(u, c.span);
            let mut bound = HashSet::default();
            for (i, p) in c.args.iter().enumerate() {
                b.pattern(u, p, i as Reg, next, &mut bound)?;
            }
            if let Some(g) = &c.guard {
                b.guard(u, g, next)?;
            }
            b.expr_tail(u, &c.body)?;
            b.next = mark.0;
            b.floor = mark.1;
            Ok(())
        };
        let cols: Vec<Column<'_>> = (0..arity)
            .map(|x| Column {
                at: At::Reg(x as Reg),
                pats: clauses.iter().map(|c| Some(&c.args[x])).collect(),
            })
            .collect();
        self.dispatch_clauses(&cols, clauses.len(), &mut |b, i, next| {
            clause(b, u, &clauses[i], next)
        })?;
        self.scope = saved;
        if let Some(at) = fail_at.or(clauses.first().map(|c| c.span)) {
            self.line(u, at);
        }
        self.emit(Op::FunctionClause);
        Ok(())
    }

    /// Tries `clauses` against the value in `r`; when none matches, falls through.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn match_clauses(
        &mut self,
        u: &mut UnitBuilder,
        clauses: &[Clause],
        r: Reg,
        dst: Reg,
        tail: bool,
        end: Label,
        before_body: Option<Op>,
    ) -> CResult<()> {
        for c in clauses {
            if c.args.len() != 1 {
                return Err(Diagnostic::new(
                    c.span,
                    "expected exactly one pattern before `->`",
                ));
            }
        }
        let col = Column {
            at: At::Reg(r),
            pats: clauses.iter().map(|c| Some(&c.args[0])).collect(),
        };
        self.dispatch_clauses(&[col], clauses.len(), &mut |b, i, next| {
            let c = &clauses[i];
            let saved = b.scope.clone();
            let mark = b.next_mark();
            let mut bound = HashSet::default();
            b.pattern(u, &c.args[0], r, next, &mut bound)?;
            if let Some(g) = &c.guard {
                b.guard(u, g, next)?;
            }
            if let Some(op) = before_body {
                b.emit(op);
            }
            b.branch(u, &c.body, dst, tail, end)?;
            b.scope = saved;
            b.reset_to(mark);
            Ok(())
        })
    }

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
            ExprKind::Binary(BinOp::Range | BinOp::RangeStep, ..) => Some(Key::Map),
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
