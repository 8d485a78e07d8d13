//! One function's code as it is built: registers, labels, instructions, lines, literals.
//!
//! Registers are allocated stack-wise: [`FnBuilder::alloc`] takes the next
//! one, a `mark` and `release` give temporaries back, and the floor keeps the
//! registers of variables in scope from being reused. Labels are indices
//! into a table of positions, placed as code is emitted and replaced by
//! instruction indices by [`FnBuilder::finish`], after the peephole pass.

use super::unit::UnitBuilder;
use crate::ast::*;
use crate::desugar::ModuleEnv;
use crate::diagnostic::Diagnostic;
use beamlet_vm::atom;
use beamlet_vm::code::{FunKind, Function, JumpTable, Label, Op, Reg, NO_LABEL};
use beamlet_vm::term::Term;
use num_traits::ToPrimitive;
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet as HashSet;

pub type CResult<T> = Result<T, Diagnostic>;

/// Variables in scope: name → register.
/// (Names are shared: `siblings_to` copies the scope around each element
/// of a call or a tuple, and a copy then allocates no strings.)
type Scope = HashMap<std::rc::Rc<str>, Reg>;

/// Builds one function's code.
pub struct FnBuilder<'e> {
    pub env: &'e ModuleEnv,
    /// `name/arity` of the enclosing def (for lambdas' names).
    pub parent: String,
    pub code: Vec<Op>,
    pub literals: Vec<Term>,
    pub lines: Vec<(u32, u32)>,
    pub(super) labels: Vec<Option<u32>>,
    /// Jump tables, their labels still unresolved.
    pub tables: Vec<JumpTable>,
    pub scope: Scope,
    /// Bumped at each binding added to `scope`: while it has not moved, the
    /// scope is the one it was (saved scopes are only ever restored), so
    /// `siblings_to` need not compare whole maps.
    pub(super) binds: u64,
    pub(super) next: u32,
    pub(super) floor: u32,
    max: u32,
    pub(super) lambda_count: u32,
    /// The registers of variables bound to values OTP's compiler would fold
    /// into constants (`list = [1, 2]`): a fun that uses them does not take
    /// them as free variables there, which shows in its arity in stack
    /// traces (`FunKind::Lambda::lifted`). Only names bound by `bind_reg`
    /// reach the registers here, and it clears them.
    pub(super) constants: HashSet<Reg>,
    /// While compiling a guard: where a failing BIF jumps.
    pub(super) guard_fail: Option<Label>,
    /// How many `try`s the code being compiled is in (no call in one is a
    /// tail call).
    pub(super) try_depth: u32,
}

const MAX_REGS: u32 = u16::MAX as u32 - 4;

impl<'e> FnBuilder<'e> {
    pub fn new(env: &'e ModuleEnv, parent: String, arity: usize, nfree: usize) -> Self {
        let n = (arity + nfree) as u32;
        FnBuilder {
            env,
            parent,
            code: Vec::new(),
            literals: Vec::new(),
            lines: Vec::new(),
            labels: Vec::new(),
            tables: Vec::new(),
            scope: HashMap::default(),
            binds: 0,
            next: n,
            floor: n,
            max: n,
            lambda_count: 0,
            constants: HashSet::default(),
            guard_fail: None,
            try_depth: 0,
        }
    }

    pub fn finish(mut self, name: &str, arity: u32, kind: FunKind, public: bool) -> Function {
        self.fuse();
        // Resolve labels.
        let labels = std::mem::take(&mut self.labels);
        for op in &mut self.code {
            for l in op_labels(op) {
                if *l != NO_LABEL {
                    *l = labels[*l as usize].expect("every label is placed");
                }
            }
        }
        for t in &mut self.tables {
            for (_, l) in &mut t.entries {
                *l = labels[*l as usize].expect("every label is placed");
            }
        }
        Function {
            module: atom::intern(&self.env.name),
            name: atom::intern(name),
            arity,
            nfree: 0,
            nregs: self.max.max(1),
            code: self.code,
            literals: self.literals,
            kind,
            public,
            lines: self.lines,
            file: Term::NIL,
            tables: self.tables,
            jit: Default::default(),
        }
    }

    pub fn alloc(&mut self, span: Span) -> CResult<Reg> {
        if self.next >= MAX_REGS {
            return Err(Diagnostic::new(
                span,
                "function too large: it needs more than 65,000 registers",
            )
            .with_hint("split it into smaller functions"));
        }
        let r = self.next as Reg;
        self.next += 1;
        self.max = self.max.max(self.next);
        Ok(r)
    }

    pub(super) fn alloc_n(&mut self, span: Span, n: usize) -> CResult<Reg> {
        let first = self.next;
        for _ in 0..n {
            self.alloc(span)?;
        }
        Ok(first as Reg)
    }

    /// A mark to release temporaries back to.
    pub(super) fn mark(&self) -> u32 {
        self.next
    }

    pub(super) fn release(&mut self, mark: u32) {
        self.next = mark.max(self.floor);
    }

    pub(crate) fn raise_floor(&mut self) {
        self.floor = self.next;
    }

    /// The allocation state (next register, floor), for [`Self::restore_marks`].
    pub(crate) fn marks(&self) -> (u32, u32) {
        (self.next, self.floor)
    }

    pub(crate) fn restore_marks(&mut self, (next, floor): (u32, u32)) {
        self.next = next;
        self.floor = floor;
    }

    pub(crate) fn next_mark(&self) -> u32 {
        self.next
    }

    pub(crate) fn release_to(&mut self, mark: u32) {
        self.release(mark)
    }

    /// Forgets registers and variables allocated since `mark` (end of a branch).
    pub(crate) fn reset_to(&mut self, mark: u32) {
        self.next = mark;
        self.floor = self.floor.min(mark);
    }

    /// `R[new] := {tag, R[v]}`.
    pub(crate) fn alloc_pair_tuple(&mut self, tag: Term, v: Reg, span: Span) -> CResult<Reg> {
        let first = self.alloc_n(span, 2)?;
        self.load_const(tag, first);
        self.emit(Op::Move {
            dst: first + 1,
            src: v,
        });
        let t = self.alloc(span)?;
        self.emit(Op::MakeTuple {
            dst: t,
            args: first,
            n: 2,
        });
        Ok(t)
    }

    /// Sets where failing BIFs jump (inside guards); returns the previous setting.
    pub(crate) fn set_guard_fail(&mut self, g: Option<Label>) -> Option<Label> {
        std::mem::replace(&mut self.guard_fail, g)
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        (self.labels.len() - 1) as Label
    }

    pub fn place(&mut self, l: Label) {
        self.labels[l as usize] = Some(self.code.len() as u32);
    }

    /// Places `l` at instruction `pc` (already emitted).
    pub fn place_at(&mut self, l: Label, pc: usize) {
        self.labels[l as usize] = Some(pc as u32);
    }

    pub fn emit(&mut self, op: Op) {
        self.code.push(op);
    }

    pub(super) fn line(&mut self, u: &UnitBuilder, span: Span) {
        self.line_no(u.line_of(span));
    }

    /// Emits `op`, a call, at the line of its own `span`, then restores the
    /// line in effect before: a frame's line is the call's line, as on the
    /// BEAM, also for a call nested in another's arguments or piped on a
    /// later line than the statement's start.
    pub(super) fn emit_at(&mut self, u: &UnitBuilder, span: Span, op: Op) {
        let prev = self.lines.last().map(|&(_, l)| l);
        self.line(u, span);
        self.emit(op);
        if let Some(l) = prev {
            self.line_no(l);
        }
    }

    fn line_no(&mut self, line: u32) {
        let pc = self.code.len() as u32;
        match self.lines.last_mut() {
            Some((p, l)) if *p == pc => *l = line,
            Some((_, l)) if *l == line => {}
            _ => self.lines.push((pc, line)),
        }
    }

    fn lit(&mut self, t: Term) -> u32 {
        if let Some(i) = self.literals.iter().position(|x| *x == t) {
            return i as u32;
        }
        self.literals.push(t);
        (self.literals.len() - 1) as u32
    }

    pub fn lit_index(&mut self, t: Term) -> u32 {
        self.lit(t)
    }

    pub fn load_const(&mut self, t: Term, dst: Reg) {
        let lit = self.lit(t);
        self.emit(Op::Const { dst, lit });
    }

    pub(super) fn const_reg(&mut self, t: Term, span: Span) -> CResult<Reg> {
        let r = self.alloc(span)?;
        self.load_const(t, r);
        Ok(r)
    }
}

/// The value of a small integer literal that fits an instruction's immediate operand.
pub fn small_int(e: &Expr) -> Option<i32> {
    match &e.kind {
        ExprKind::Int(i) => i.to_i32().filter(|v| v.unsigned_abs() < 1 << 30),
        ExprKind::Unary(UnaryOp::Neg, x) => match &x.kind {
            ExprKind::Int(i) => i
                .to_i32()
                .filter(|v| v.unsigned_abs() < 1 << 30)
                .map(|v| -v),
            _ => None,
        },
        _ => None,
    }
}

/// Mutable references to every label operand of an instruction.
pub fn op_labels(op: &mut Op) -> Vec<&mut Label> {
    match op {
        Op::Bif { fail, .. }
        | Op::IsType { fail, .. }
        | Op::IsTuple { fail, .. }
        | Op::IsEqExact { fail, .. }
        | Op::IsNeExact { fail, .. }
        | Op::IsEq { fail, .. }
        | Op::IsNe { fail, .. }
        | Op::IsLt { fail, .. }
        | Op::IsGe { fail, .. }
        | Op::IsTruthy { fail, .. }
        | Op::CmpImm { fail, .. }
        | Op::IsEqLit { fail, .. }
        | Op::SelectLit { fail, .. }
        | Op::GetMapValue { fail, .. }
        | Op::BinSplitPrefix { fail, .. } => vec![fail],
        Op::Jump { to } | Op::RecvNext { to } | Op::RecvWait { to, .. } => vec![to],
        Op::Try { handler, .. } => vec![handler],
        Op::RecvPeek { empty, .. } | Op::RecvPeekShaped { empty, .. } => vec![empty],
        _ => vec![],
    }
}
