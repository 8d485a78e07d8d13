//! Code generation: desugared modules and script → a loadable [`Unit`].
//!
//! Each function compiles into one register window: parameters in
//! `R[0..arity]` (a closure's captured variables right after them), then
//! variables and temporaries. Every variable binding gets a fresh register
//! (Elixir's rebinding is SSA-like), temporaries are reused stack-wise.
//! Patterns compile to sequences of tests that jump to the next clause on
//! failure (patterns.rs); the last clause's failure raises.

use crate::ast::*;
use crate::desugar::{self, alias_atom, FunDef, ModuleEnv};
use crate::diagnostic::Diagnostic;
use crate::patterns::{At, Column};
use beamlet_vm::atom;
use beamlet_vm::bif;
use beamlet_vm::code::{
    FunId, FunKind, Function, JumpTable, Label, Op, Reg, TypeTest, Unit, NO_LABEL,
};
use beamlet_vm::heap::Heap;
use beamlet_vm::term::Term;
use num_traits::ToPrimitive;
use std::collections::{HashMap, HashSet};

pub type CResult<T> = Result<T, Diagnostic>;

/// State shared by every function of a unit.
pub struct UnitBuilder<'s> {
    pub functions: Vec<Option<Function>>,
    pub imports: Vec<(Term, Term, u32)>,
    import_index: HashMap<(Term, Term, u32), u32>,
    pub literals: Heap,
    /// `(module, name, arity)` → unit-local function index (named functions).
    pub locals: HashMap<(String, String, usize), (FunId, bool)>,
    pub structs: HashMap<String, Vec<(String, Expr)>>,
    pub source: &'s str,
    line_starts: Vec<usize>,
    /// Problems that do not stop compilation, in source order.
    pub warnings: Vec<Diagnostic>,
    /// The named function being compiled (its lambdas included).
    current: Option<FunId>,
    /// Functions called or captured by another function.
    used: HashSet<FunId>,
}

impl<'s> UnitBuilder<'s> {
    pub fn new(source: &'s str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        UnitBuilder {
            functions: Vec::new(),
            imports: Vec::new(),
            import_index: HashMap::new(),
            literals: Heap::new(),
            locals: HashMap::new(),
            structs: HashMap::new(),
            source,
            line_starts,
            warnings: Vec::new(),
            current: None,
            used: HashSet::new(),
        }
    }

    /// The unit-local function `key`. A call from its own module (`local`)
    /// that is not from the function itself counts as a use.
    fn local(&mut self, key: &(String, String, usize), local: bool) -> Option<(FunId, bool)> {
        let found = self.locals.get(key).copied();
        if let Some((id, _)) = found {
            if local && self.current != Some(id) {
                self.used.insert(id);
            }
        }
        found
    }

    fn line_of(&self, span: Span) -> u32 {
        match self.line_starts.binary_search(&(span.start as usize)) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    fn import(&mut self, m: Term, f: Term, a: u32) -> u32 {
        if let Some(&i) = self.import_index.get(&(m, f, a)) {
            return i;
        }
        let i = self.imports.len() as u32;
        self.imports.push((m, f, a));
        self.import_index.insert((m, f, a), i);
        i
    }

    fn reserve(&mut self) -> FunId {
        self.functions.push(None);
        (self.functions.len() - 1) as FunId
    }

    pub fn finish(self, script: Option<u32>) -> Unit {
        Unit {
            functions: self
                .functions
                .into_iter()
                .map(|f| f.expect("every reserved function is compiled"))
                .collect(),
            imports: self.imports,
            literals: self.literals,
            script,
        }
    }
}

/// Compiles desugared modules and script code into a unit.
/// A compiled unit and the warnings met on the way.
pub fn compile_unit(
    src: &str,
    d: &desugar::Desugared,
    with_script: bool,
) -> CResult<(Unit, Vec<Diagnostic>)> {
    let mut u = UnitBuilder::new(src);
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
    for &(id, f, env) in &plan {
        // A function made by defaults calls the one declaring them: that call
        // is not a use (so `defp f(x \\ 1)` that nothing calls is unused).
        let owner = f.defaults_of.and_then(|full| {
            let key = (env.name.clone(), f.name.clone(), full);
            u.locals.get(&key).map(|&(owner, _)| owner)
        });
        u.current = Some(owner.unwrap_or(id));
        let func = compile_named(&mut u, f, env)?;
        u.functions[id as usize] = Some(func);
    }
    u.current = None;
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
        if !f.public && f.defaults_of.is_none() && !used(&u) {
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

fn compile_named(u: &mut UnitBuilder, f: &FunDef, env: &ModuleEnv) -> CResult<Function> {
    let mut b = FnBuilder::new(env, format!("{}/{}", f.name, f.arity), f.arity, 0);
    b.clauses(u, &f.clauses, f.arity)?;
    Ok(b.finish(&f.name, f.arity as u32, FunKind::Named, f.public))
}

/// Variables in scope: name → register.
type Scope = HashMap<String, Reg>;

/// Builds one function's code.
pub struct FnBuilder<'e> {
    pub env: &'e ModuleEnv,
    /// `name/arity` of the enclosing def (for lambdas' names).
    pub parent: String,
    pub code: Vec<Op>,
    pub literals: Vec<Term>,
    pub lines: Vec<(u32, u32)>,
    labels: Vec<Option<u32>>,
    /// Jump tables, their labels still unresolved.
    pub tables: Vec<JumpTable>,
    pub scope: Scope,
    next: u32,
    floor: u32,
    max: u32,
    lambda_count: u32,
    /// While compiling a guard: where a failing BIF jumps.
    guard_fail: Option<Label>,
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
            scope: HashMap::new(),
            next: n,
            floor: n,
            max: n,
            lambda_count: 0,
            guard_fail: None,
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

    // ---- registers, labels, emission ----

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

    fn alloc_n(&mut self, span: Span, n: usize) -> CResult<Reg> {
        let first = self.next;
        for _ in 0..n {
            self.alloc(span)?;
        }
        Ok(first as Reg)
    }

    /// A mark to release temporaries back to.
    fn mark(&self) -> u32 {
        self.next
    }

    fn release(&mut self, mark: u32) {
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

    /// Places `l` at instruction `pc` (already emitted).
    pub fn place_at(&mut self, l: Label, pc: usize) {
        self.labels[l as usize] = Some(pc as u32);
    }

    /// Fuses pairs of instructions that nothing jumps between (and no line
    /// starts between) into one: `CmpImm` + `Return` that its failure skips
    /// into `ReturnIf`, `Add` + `Return` of its result into `AddReturn`, and
    /// an `AddImm` computing a call's last argument + the call into
    /// `CallAddImm`/`TailCallAddImm` (`fib(n - 1)`, `loop(acc, n - 1)`).
    /// Also drops jumps to the next instruction and turns jumps to a
    /// `Return` into that `Return`.
    /// Runs before labels are resolved, so removing instructions only
    /// remaps the labels' positions.
    fn fuse(&mut self) {
        let n = self.code.len();
        let mut boundary = vec![false; n + 1];
        for &pc in self.labels.iter().flatten() {
            boundary[pc as usize] = true;
        }
        let mut line_at = vec![false; n + 1];
        for &(pc, _) in &self.lines {
            boundary[pc as usize] = true;
            line_at[pc as usize] = true;
        }
        let target = |b: &Self, l: Label| b.labels[l as usize].map(|pc| pc as usize);
        let mut out = Vec::with_capacity(n);
        let mut map = vec![0u32; n + 1];
        let mut i = 0;
        while i < n {
            map[i] = out.len() as u32;
            if let Op::Jump { to } = self.code[i] {
                let to = target(self, to);
                if to == Some(i + 1) && !line_at[i] {
                    // A jump to the next instruction (the end of an `if`
                    // branch) does nothing.
                    i += 1;
                    continue;
                }
                if let Some(&Op::Return { src }) = to.and_then(|t| self.code.get(t)) {
                    // A jump to a `Return` may as well return.
                    out.push(Op::Return { src });
                    i += 1;
                    continue;
                }
            }
            let fused = match (self.code[i], self.code.get(i + 1)) {
                _ if boundary.get(i + 1) != Some(&false) => None,
                (Op::CmpImm { a, imm, op, fail }, Some(&Op::Return { src }))
                    if fail != NO_LABEL && self.labels[fail as usize] == Some((i + 2) as u32) =>
                {
                    Some(Op::ReturnIf { a, imm, op, src })
                }
                (Op::Add { dst, a, b }, Some(&Op::Return { src })) if dst == src => {
                    Some(Op::AddReturn { a, b })
                }
                (
                    Op::AddImm { dst, a, imm },
                    Some(&Op::Call {
                        fun,
                        args,
                        n,
                        dst: to,
                    }),
                ) if n > 0 && dst == args + n as Reg - 1 => Some(Op::CallAddImm {
                    fun,
                    args,
                    n,
                    dst: to,
                    a,
                    imm,
                }),
                (Op::AddImm { dst, a, imm }, Some(&Op::TailCall { fun, args, n }))
                    if n > 0 && dst == args + n as Reg - 1 =>
                {
                    Some(Op::TailCallAddImm {
                        fun,
                        args,
                        n,
                        a,
                        imm,
                    })
                }
                _ => None,
            };
            match fused {
                Some(op) => {
                    map[i + 1] = out.len() as u32;
                    out.push(op);
                    i += 2;
                }
                None => {
                    out.push(self.code[i]);
                    i += 1;
                }
            }
        }
        map[n] = out.len() as u32;
        self.code = out;
        for pc in self.labels.iter_mut().flatten() {
            *pc = map[*pc as usize];
        }
        for (pc, _) in &mut self.lines {
            *pc = map[*pc as usize];
        }
    }

    /// Emits a call of `fun` with `R[args..args+n]`, a tail call when `dst`
    /// is `None`.
    fn emit_call(&mut self, fun: FunId, args: Reg, n: u8, dst: Option<Reg>) {
        self.emit(match dst {
            Some(dst) => Op::Call { fun, args, n, dst },
            None => Op::TailCall { fun, args, n },
        });
    }

    pub fn emit(&mut self, op: Op) {
        self.code.push(op);
    }

    fn line(&mut self, u: &UnitBuilder, span: Span) {
        let line = u.line_of(span);
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

    fn const_reg(&mut self, t: Term, span: Span) -> CResult<Reg> {
        let r = self.alloc(span)?;
        self.load_const(t, r);
        Ok(r)
    }

    fn bif(
        &mut self,
        span: Span,
        module: &str,
        name: &str,
        args: Reg,
        n: usize,
        dst: Reg,
    ) -> CResult<()> {
        let id = bif::lookup(module, name, n).ok_or_else(|| {
            Diagnostic::new(
                span,
                format!("internal: missing built-in {module}.{name}/{n}"),
            )
        })?;
        let fail = self.guard_fail.unwrap_or(NO_LABEL);
        self.emit(Op::Bif {
            bif: id,
            args,
            n: n as u8,
            dst,
            fail,
        });
        Ok(())
    }

    // ---- function bodies ----

    /// Compiles `clauses` of a function (or lambda) whose arguments are in `R[0..arity]`.
    pub fn clauses(
        &mut self,
        u: &mut UnitBuilder,
        clauses: &[Clause],
        arity: usize,
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
            let mut bound = HashSet::new();
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
        self.emit(Op::FunctionClause);
        Ok(())
    }

    /// Compiles `e` in tail position: its value is returned.
    pub fn expr_tail(&mut self, u: &mut UnitBuilder, e: &Expr) -> CResult<()> {
        match &e.kind {
            ExprKind::Block(items) if !items.is_empty() => {
                for (i, it) in items.iter().enumerate() {
                    if i + 1 == items.len() {
                        return self.expr_tail(u, it);
                    }
                    let m = self.mark();
                    self.line(u, it.span);
                    self.expr(u, it)?;
                    self.release(m);
                }
                Ok(())
            }
            ExprKind::Var(n) if self.scope.contains_key(n) => {
                let src = self.scope[n];
                self.emit(Op::Return { src });
                Ok(())
            }
            _ => {
                self.line(u, e.span);
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
            if let Some(r) = self.scope.get(n) {
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
                let first = self.alloc_n(span, items.len())?;
                for (i, it) in items.iter().enumerate() {
                    self.expr_to(u, it, first + i as Reg, false)?;
                }
                let acc = self.alloc(span)?;
                match tail_e {
                    Some(t) => self.expr_to(u, t, acc, false)?,
                    None => self.load_const(Term::NIL, acc),
                }
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
                for (i, it) in items.iter().enumerate() {
                    self.expr_to(u, it, first + i as Reg, false)?;
                }
                self.emit(Op::MakeTuple {
                    dst,
                    args: first,
                    n: items.len() as u32,
                });
                self.release(m);
            }
            ExprKind::Map { update, pairs } => {
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
            ExprKind::Bitstring(_) => {
                return Err(Diagnostic::new(
                    span,
                    "bitstring syntax `<<...>>` is not supported by beamlet yet",
                ))
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
            ExprKind::MapEntries { .. } => return Err(Diagnostic::new(span, "not supported yet")),
            ExprKind::AliasOf(..) | ExprKind::Literal(_) => {
                return Err(Diagnostic::new(span, "internal: unexpanded syntax reached code generation"))
            }
            ExprKind::Block(items) => {
                if items.is_empty() {
                    self.load_const(atom::NIL, dst);
                }
                for (i, it) in items.iter().enumerate() {
                    self.line(u, it.span);
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
                    self.bif(span, "Elixir.String", "split", s, 1, dst)?;
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

    fn struct_name(&self, name: &Expr) -> CResult<String> {
        match &name.kind {
            ExprKind::Alias(a) => Ok(alias_atom(&self.resolve_alias(a))),
            ExprKind::Var(v) if v == "__MODULE__" => Ok(self.env.name.clone()),
            _ => Err(Diagnostic::new(
                name.span,
                "a struct name must be an alias such as `%User{}`",
            )),
        }
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
        for (i, (k, v)) in all.iter().enumerate() {
            self.expr_to(u, k, first + 2 * i as Reg, false)?;
            self.expr_to(u, v, first + 2 * i as Reg + 1, false)?;
        }
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
                    self.emit(Op::Badmatch { src: b });
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

    fn unary(
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
    fn binary(
        &mut self,
        u: &mut UnitBuilder,
        op: BinOp,
        a: &Expr,
        b: &Expr,
        span: Span,
        dst: Reg,
        tail: bool,
    ) -> CResult<()> {
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
            BinOp::Pow => Some(("Elixir.Integer", "pow")),
            _ => None,
        };
        if let Some((module, name)) = simple {
            let first = self.two_args(u, a, b, span)?;
            self.bif(span, module, name, first, 2, dst)?;
            self.release(m);
            return Ok(());
        }
        match op {
            BinOp::Add | BinOp::Sub
                if self.guard_fail.is_none()
                    && (small_int(b).is_some() || (op == BinOp::Add && small_int(a).is_some())) =>
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
                let r = self.alloc(span)?;
                self.expr_to(u, b, r, false)?;
                let fail = self.new_label();
                let ok = self.new_label();
                let mut bound = HashSet::new();
                self.pattern(u, a, r, fail, &mut bound)?;
                self.emit(Op::Jump { to: ok });
                self.place(fail);
                self.emit(Op::Badmatch { src: r });
                self.place(ok);
                self.emit(Op::Move { dst, src: r });
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
                let first = self.alloc_n(span, 3)?;
                self.expr_to(u, a, first, false)?;
                self.expr_to(u, b, first + 1, false)?;
                // Step: 1, or -1 when first > last (Elixir 1.14 infers it).
                let down = self.new_label();
                let end = self.new_label();
                self.emit(Op::IsLt {
                    a: first + 1,
                    b: first,
                    fail: down,
                });
                self.load_const(Term::small(-1), first + 2);
                self.emit(Op::Jump { to: end });
                self.place(down);
                self.load_const(Term::small(1), first + 2);
                self.place(end);
                self.bif(span, "beamlet", "range", first, 3, dst)?;
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
                return Err(Diagnostic::new(
                    span,
                    "`=~` (regular expressions) is not supported by beamlet yet",
                ))
            }
            _ => unreachable!("handled above"),
        }
        self.release(m);
        Ok(())
    }

    // ---- closures ----

    fn lambda(
        &mut self,
        u: &mut UnitBuilder,
        clauses: &[Clause],
        span: Span,
        dst: Reg,
    ) -> CResult<()> {
        let arity = clauses.first().map_or(0, |c| c.args.len());
        // Free variables: every name mentioned inside that is bound here.
        let mut mentioned = HashSet::new();
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
            .filter_map(|n| self.scope.get(&n).map(|r| (n, *r)))
            .collect();
        free.sort();
        let id = u.reserve();
        self.lambda_count += 1;
        let index = self.lambda_count - 1;
        let mut b = FnBuilder::new(self.env, self.parent.clone(), arity, free.len());
        for (i, (n, _)) in free.iter().enumerate() {
            b.scope.insert(n.clone(), (arity + i) as Reg);
        }
        b.clauses(u, clauses, arity)?;
        let mut f = b.finish(
            &format!("-{}-fun-{index}-", self.parent),
            arity as u32,
            FunKind::Lambda {
                index,
                parent: self.parent.clone(),
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

    fn capture(&mut self, u: &mut UnitBuilder, x: &Expr, span: Span, dst: Reg) -> CResult<()> {
        if let ExprKind::Binary(BinOp::Div, f, n) = &x.kind {
            if let ExprKind::Int(n) = &n.kind {
                let arity = n.to_u32().unwrap_or(0);
                match &f.kind {
                    ExprKind::Call(c) if c.args.is_empty() => {
                        if let CallTarget::Remote(m, name) = &c.target {
                            let module = self.module_atom(m)?;
                            if let Some(module) = module {
                                let t = u.literals.export(
                                    atom::intern(&module),
                                    atom::intern(name),
                                    arity,
                                );
                                self.load_const(t, dst);
                                return Ok(());
                            }
                        }
                    }
                    ExprKind::Var(name) => {
                        let key = (self.env.name.clone(), name.clone(), arity as usize);
                        if let Some((id, _)) = u.local(&key, true) {
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
        let f = desugar::capture_to_fn(x)?;
        self.expr_to(u, &f, dst, false)
    }

    /// The module atom a remote call's target names at compile time, if it does.
    fn module_atom(&self, m: &Expr) -> CResult<Option<String>> {
        Ok(match &m.kind {
            ExprKind::Alias(a) => Some(alias_atom(&self.resolve_alias(a))),
            ExprKind::Atom(a) => Some(a.clone()),
            ExprKind::Var(v) if v == "__MODULE__" => Some(self.env.name.clone()),
            _ => None,
        })
    }

    // ---- calls ----

    /// Compiles `args` into consecutive fresh registers; returns the first.
    fn args(&mut self, u: &mut UnitBuilder, args: &[Expr], span: Span) -> CResult<Reg> {
        let first = self.alloc_n(span, args.len())?;
        for (i, a) in args.iter().enumerate() {
            self.expr_to(u, a, first + i as Reg, false)?;
        }
        Ok(first)
    }

    /// [`FnBuilder::args`] for a call to a function. The calling convention
    /// (spec/bytecode.md) starts the callee's window at the first argument,
    /// so nothing live may sit above the block: when a variable's register
    /// lies above it (an argument bound one, `f(x = 1)`), the block moves
    /// above that.
    fn call_args(&mut self, u: &mut UnitBuilder, args: &[Expr], span: Span) -> CResult<Reg> {
        let n = args.len();
        let first = self.args(u, args, span)?;
        if self.floor > first as u32 + n as u32 {
            self.next = self.floor;
            let top = self.alloc_n(span, n)?;
            for i in 0..n as Reg {
                self.emit(Op::Move {
                    dst: top + i,
                    src: first + i,
                });
            }
            return Ok(top);
        }
        Ok(first)
    }

    fn call(
        &mut self,
        u: &mut UnitBuilder,
        c: &Call,
        span: Span,
        dst: Reg,
        tail: bool,
    ) -> CResult<()> {
        if c.args.len() > 255 {
            return Err(Diagnostic::new(span, "too many arguments (at most 255)"));
        }
        if let CallTarget::Dynamic(_) = &c.target {
            return Err(Diagnostic::new(
                span,
                "invalid call: the name of a call must be an identifier",
            ));
        }
        match &c.target {
            CallTarget::Dynamic(_) => unreachable!("handled above"),
            CallTarget::Local(name) => {
                if crate::special::is_special(name) {
                    return crate::special::special(self, u, name, c, span, dst, tail);
                }
                let mut args = c.args.clone();
                if let Some(db) = &c.do_block {
                    // `f x do ... end` passes the block as a keyword list.
                    let mut kw = Vec::new();
                    for (k, s, b) in &db.sections {
                        let v = match b {
                            Body::Exprs(e) => e.clone(),
                            Body::Clauses(_) => {
                                return Err(Diagnostic::new(
                                    *s,
                                    format!("unexpected `->` clauses in a call to {name}"),
                                ))
                            }
                        };
                        kw.push(Expr::new(
                            *s,
                            ExprKind::Tuple(vec![Expr::new(*s, ExprKind::Atom(k.clone())), v]),
                        ));
                    }
                    args.push(Expr::new(span, ExprKind::List(kw, None)));
                }
                let n = args.len();
                let key = (self.env.name.clone(), name.clone(), n);
                if let Some((id, _)) = u.local(&key, true) {
                    if self.guard_fail.is_some() {
                        return Err(Diagnostic::new(
                            span,
                            format!("cannot call local function {name}/{n} in a guard"),
                        )
                        .with_hint(
                            "guards take only operators and guard-safe functions such as is_integer/1, \
                             map_size/1 or elem/2; test it in the body instead (with `if` or `cond`)",
                        ));
                    }
                    let m = self.mark();
                    let first = self.call_args(u, &args, span)?;
                    self.emit_call(id, first, n as u8, (!tail).then_some(dst));
                    self.release(m);
                    return Ok(());
                }
                if let Some((module, fname)) = local_kernel(name, n) {
                    return self.remote_call(u, module, fname, &args, span, dst, tail);
                }
                let known: Vec<usize> = u
                    .locals
                    .keys()
                    .filter(|(m, f, _)| *m == self.env.name && f == name)
                    .map(|(_, _, a)| *a)
                    .collect();
                let hint = if known.is_empty() {
                    "define it with def or defp in this module, or call it as Module.function(...)"
                        .to_string()
                } else {
                    format!(
                        "{name} is defined with arity {}",
                        known
                            .iter()
                            .map(|a| a.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                Err(Diagnostic::new(span, format!("undefined function {name}/{n}")).with_hint(hint))
            }
            CallTarget::Remote(m, name) => {
                if let Some(module) = self.module_atom(m)? {
                    return self.remote_call(u, &module, name, &c.args, span, dst, tail);
                }
                if c.no_parens && c.args.is_empty() {
                    // `expr.key`: a map field.
                    let mm = self.mark();
                    let first = self.alloc_n(span, 2)?;
                    self.expr_to(u, m, first, false)?;
                    self.load_const(atom::intern(name), first + 1);
                    self.bif(span, "beamlet", "map_dot", first, 2, dst)?;
                    self.release(mm);
                    return Ok(());
                }
                // A module known only at run time: `mod.fun(args)`.
                let mm = self.mark();
                let mr = self.expr(u, m)?;
                let fr = self.const_reg(atom::intern(name), span)?;
                let first = self.call_args(u, &c.args, span)?;
                self.emit(Op::Apply {
                    module: mr,
                    fun: fr,
                    args: first,
                    n: c.args.len() as u8,
                    dst,
                });
                self.release(mm);
                Ok(())
            }
            CallTarget::Anon(f) => {
                if self.guard_fail.is_some() {
                    return Err(Diagnostic::new(
                        span,
                        "cannot call an anonymous function in a guard",
                    ));
                }
                let m = self.mark();
                let fr = self.expr(u, f)?;
                let first = self.call_args(u, &c.args, span)?;
                let n = c.args.len() as u8;
                if tail {
                    self.emit(Op::TailCallFun {
                        fun: fr,
                        args: first,
                        n,
                    });
                } else {
                    self.emit(Op::CallFun {
                        fun: fr,
                        args: first,
                        n,
                        dst,
                    });
                }
                self.release(m);
                Ok(())
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn remote_call(
        &mut self,
        u: &mut UnitBuilder,
        module: &str,
        name: &str,
        args: &[Expr],
        span: Span,
        dst: Reg,
        tail: bool,
    ) -> CResult<()> {
        let n = args.len();
        if name == "exception" && n == 1 && bif::exception::builtin_struct_fields(module).is_some()
        {
            let m = Expr::new(span, ExprKind::Atom(module.to_owned()));
            let all = vec![m, args[0].clone()];
            return self.remote_call(u, "beamlet", "exception", &all, span, dst, tail);
        }
        if module == "timer" && name == "sleep" && n == 1 {
            return self.remote_call(u, "Elixir.Process", "sleep", args, span, dst, tail);
        }
        if module == "Elixir.Kernel" && bif::lookup(module, name, n).is_none() {
            if let Some((m2, f2)) = local_kernel(name, n) {
                if m2 != "Elixir.Kernel" || f2 != name {
                    return self.remote_call(u, m2, f2, args, span, dst, tail);
                }
            }
        }
        let m = self.mark();
        if let Some(id) = bif::lookup(module, name, n) {
            if self.guard_fail.is_some() && !bif::BIFS[id as usize].guard {
                return Err(Diagnostic::new(
                    span,
                    format!(
                        "cannot invoke {}.{name}/{n} inside a guard",
                        module.trim_start_matches("Elixir.")
                    ),
                ));
            }
            let first = self.args(u, args, span)?;
            self.emit(Op::Bif {
                bif: id,
                args: first,
                n: n as u8,
                dst,
                fail: self.guard_fail.unwrap_or(NO_LABEL),
            });
            self.release(m);
            return Ok(());
        }
        if self.guard_fail.is_some() {
            return Err(Diagnostic::new(
                span,
                format!(
                    "cannot invoke remote function {}.{name}/{n} inside a guard",
                    module.trim_start_matches("Elixir.")
                ),
            ));
        }
        let first = self.call_args(u, args, span)?;
        // Same unit, same module or another one: call directly when public.
        let key = (module.to_owned(), name.to_owned(), n);
        match u.local(&key, module == self.env.name) {
            Some((id, true)) => {
                self.emit_call(id, first, n as u8, (!tail).then_some(dst));
            }
            _ => {
                let imp = u.import(atom::intern(module), atom::intern(name), n as u32);
                if tail {
                    self.emit(Op::TailCallExt {
                        import: imp,
                        args: first,
                        n: n as u8,
                    });
                } else {
                    self.emit(Op::CallExt {
                        import: imp,
                        args: first,
                        n: n as u8,
                        dst,
                    });
                }
            }
        }
        self.release(m);
        Ok(())
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

/// Kernel functions callable without a module: name, arity, and where each one lives.
const KERNEL: &[(&str, usize, &str, &str)] = &[
    ("is_integer", 1, "erlang", "is_integer"),
    ("is_float", 1, "erlang", "is_float"),
    ("is_number", 1, "erlang", "is_number"),
    ("is_atom", 1, "erlang", "is_atom"),
    ("is_boolean", 1, "erlang", "is_boolean"),
    ("is_binary", 1, "erlang", "is_binary"),
    ("is_list", 1, "erlang", "is_list"),
    ("is_tuple", 1, "erlang", "is_tuple"),
    ("is_map", 1, "erlang", "is_map"),
    ("is_function", 1, "erlang", "is_function"),
    ("is_pid", 1, "erlang", "is_pid"),
    ("is_reference", 1, "erlang", "is_reference"),
    ("is_bitstring", 1, "erlang", "is_bitstring"),
    ("is_function", 2, "erlang", "is_function"),
    // Kernel's takes (map, key); the erlang BIF (key, map).
    ("is_map_key", 2, "Elixir.Kernel", "is_map_key"),
    ("hd", 1, "erlang", "hd"),
    ("tl", 1, "erlang", "tl"),
    ("length", 1, "erlang", "length"),
    ("abs", 1, "erlang", "abs"),
    ("max", 2, "erlang", "max"),
    ("min", 2, "erlang", "min"),
    ("round", 1, "erlang", "round"),
    ("trunc", 1, "erlang", "trunc"),
    ("ceil", 1, "erlang", "ceil"),
    ("floor", 1, "erlang", "floor"),
    ("div", 2, "erlang", "div"),
    ("rem", 2, "erlang", "rem"),
    ("tuple_size", 1, "erlang", "tuple_size"),
    ("map_size", 1, "erlang", "map_size"),
    ("byte_size", 1, "erlang", "byte_size"),
    ("not", 1, "erlang", "not"),
    ("throw", 1, "erlang", "throw"),
    ("exit", 1, "erlang", "exit"),
    ("self", 0, "erlang", "self"),
    ("send", 2, "erlang", "send"),
    ("make_ref", 0, "erlang", "make_ref"),
    ("spawn", 1, "erlang", "spawn"),
    ("spawn", 3, "erlang", "spawn"),
    ("spawn_link", 1, "erlang", "spawn_link"),
    ("spawn_link", 3, "erlang", "spawn_link"),
    ("spawn_monitor", 1, "erlang", "spawn_monitor"),
    ("spawn_monitor", 3, "erlang", "spawn_monitor"),
    ("elem", 2, "Elixir.Kernel", "elem"),
    ("put_elem", 3, "Elixir.Kernel", "put_elem"),
    ("is_nil", 1, "Elixir.Kernel", "is_nil"),
    ("is_struct", 1, "Elixir.Kernel", "is_struct"),
    ("inspect", 1, "Elixir.Kernel", "inspect"),
    ("inspect", 2, "Elixir.Kernel", "inspect"),
    ("to_string", 1, "Elixir.Kernel", "to_string"),
    ("to_charlist", 1, "Elixir.Kernel", "to_charlist"),
    ("then", 2, "Elixir.Kernel", "then"),
    ("tap", 2, "Elixir.Kernel", "tap"),
    ("apply", 2, "Elixir.Kernel", "apply"),
    ("is_exception", 1, "Elixir.Kernel", "is_exception"),
    (
        "function_exported?",
        3,
        "Elixir.Kernel",
        "function_exported?",
    ),
    ("+", 2, "erlang", "+"),
    ("-", 2, "erlang", "-"),
    ("*", 2, "erlang", "*"),
    ("/", 2, "erlang", "/"),
    ("<", 2, "erlang", "<"),
    (">", 2, "erlang", ">"),
    (">=", 2, "erlang", ">="),
    ("<=", 2, "erlang", "=<"),
    ("==", 2, "erlang", "=="),
    ("!=", 2, "erlang", "/="),
    ("===", 2, "erlang", "=:="),
    ("!==", 2, "erlang", "=/="),
    ("++", 2, "erlang", "++"),
    ("--", 2, "erlang", "--"),
    ("-", 1, "erlang", "-"),
    ("+", 1, "erlang", "+"),
    ("<>", 2, "Elixir.Kernel", "<>"),
];

/// Where the Kernel function `name/arity` lives (module, function), if it is one.
pub fn local_kernel(name: &str, arity: usize) -> Option<(&'static str, &'static str)> {
    KERNEL
        .iter()
        .find(|(n, a, _, _)| *n == name && *a == arity)
        .map(|(_, _, m, f)| (*m, *f))
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
