//! The instruction set and loaded code.
//!
//! beamlet's bytecode is a register machine. Each function call gets a
//! window of `nregs` registers on the process's register stack; `R[i]` below
//! is register `i` of the current window. Arguments arrive in `R[0..arity]`
//! (a closure's free variables follow its arguments). Labels are instruction
//! indices inside the same function. `spec/bytecode.md` lists every opcode;
//! a test checks it names each variant of [`Op`] (ORDER OP).
//!
//! Tests (`Is*`, `Get*` that can fail) jump to their `fail` label when the
//! test does not hold and fall through otherwise.

use crate::bif::BifId;
use crate::copy::LiteralArea;
use crate::heap::Heap;
use crate::term::Term;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};

pub type Reg = u16;
pub type Label = u32;
/// Index of a function in the code table.
pub type FunId = u32;
/// A `fail` label meaning "raise instead of jumping".
pub const NO_LABEL: Label = u32::MAX;

/// Type tests for [`Op::IsType`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeTest {
    // ORDER: `TypeTest::ALL` lists these in declaration order.
    Integer,
    Float,
    Number,
    Atom,
    Boolean,
    Binary,
    /// `[]` or a cons cell.
    List,
    Cons,
    Nil,
    Tuple,
    Map,
    Fun,
    Pid,
    Ref,
}

impl TypeTest {
    /// Every test, in declaration order: `ALL[t as usize] == t`.
    pub const ALL: [TypeTest; 14] = [
        TypeTest::Integer,
        TypeTest::Float,
        TypeTest::Number,
        TypeTest::Atom,
        TypeTest::Boolean,
        TypeTest::Binary,
        TypeTest::List,
        TypeTest::Cons,
        TypeTest::Nil,
        TypeTest::Tuple,
        TypeTest::Map,
        TypeTest::Fun,
        TypeTest::Pid,
        TypeTest::Ref,
    ];

    /// Whether `t` passes the test. Always inlined: the dispatch loop
    /// runs it for every `IsType`.
    #[inline(always)]
    pub fn holds(self, t: Term) -> bool {
        match self {
            TypeTest::Integer => t.is_integer(),
            TypeTest::Float => t.is_float(),
            TypeTest::Number => t.is_number(),
            TypeTest::Atom => t.is_atom(),
            TypeTest::Boolean => t.is_boolean(),
            TypeTest::Binary => t.is_binary(),
            TypeTest::List => t.is_list(),
            TypeTest::Cons => t.is_cons(),
            TypeTest::Nil => t.is_nil(),
            TypeTest::Tuple => t.is_tuple(),
            TypeTest::Map => t.is_map(),
            TypeTest::Fun => t.is_fun(),
            TypeTest::Pid => t.is_pid(),
            TypeTest::Ref => t.is_ref(),
        }
    }
}

/// Comparisons for [`Op::CmpImm`]. Each value is the set of orderings that
/// satisfy it, one bit per ordering (less, equal, greater from bit 0), so
/// testing one takes a shift instead of a second dispatch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Lt = 0b001,
    Le = 0b011,
    Gt = 0b100,
    Ge = 0b110,
    Eq = 0b010,
    Ne = 0b101,
}

impl CmpOp {
    /// Whether `ord` satisfies the comparison.
    #[inline]
    pub fn holds(self, ord: std::cmp::Ordering) -> bool {
        (self as u8 >> (ord as i8 + 1)) & 1 != 0
    }
}

/// Defines [`Op`] from its list of variants, and with it [`Op::NAMES`] and
/// [`Op::name`], so the instruction table has one source (ORDER OP). Each
/// variant keeps its `///` line: what it does, in register notation.
macro_rules! define_op {
    (
        $(#[$meta:meta])*
        pub enum Op {
            $(
                $(#[$doc:meta])*
                $name:ident $({ $($field:ident: $ty:ty),* $(,)? })?
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub enum Op {
            $(
                $(#[$doc])*
                $name $({ $($field: $ty),* })?
            ),*
        }

        impl Op {
            /// Every opcode's name, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            /// This instruction's opcode name (its entry in [`Op::NAMES`]).
            pub fn name(&self) -> &'static str {
                match self {
                    $(Op::$name { .. } => stringify!($name)),*
                }
            }
        }
    };
}

define_op! {
/// One instruction. ORDER OP: keep `spec/bytecode.md` in step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    /// `R[dst] := R[src]`
    Move { dst: Reg, src: Reg },
    /// `R[dst] := K[lit]` (the function's literal pool)
    Const { dst: Reg, lit: u32 },
    /// Call function `fun` with `R[args..args+n]`; `R[dst] := result`. Costs one reduction.
    Call {
        fun: FunId,
        args: Reg,
        n: u8,
        dst: Reg,
    },
    /// Tail call: replaces the current frame. Costs one reduction.
    TailCall { fun: FunId, args: Reg, n: u8 },
    /// `R[args+n-1] := R[a] + imm`, then `Call`: a call whose last argument is
    /// `x + k` or `x - k` (`fib(n - 1)`), fused to save a dispatch.
    CallAddImm {
        fun: FunId,
        args: Reg,
        n: u8,
        dst: Reg,
        a: Reg,
        imm: i32,
    },
    /// `R[args+n-1] := R[a] + imm`, then `TailCall` (`loop(acc, n - 1)`).
    TailCallAddImm {
        fun: FunId,
        args: Reg,
        n: u8,
        a: Reg,
        imm: i32,
    },
    /// Call the function named by import `import` (module, name, arity), resolved at first use.
    CallExt {
        import: u32,
        args: Reg,
        n: u8,
        dst: Reg,
    },
    /// Tail-call form of `CallExt`.
    TailCallExt { import: u32, args: Reg, n: u8 },
    /// Call the fun in `R[fun]` with `R[args..args+n]`; `R[dst] := result`.
    CallFun {
        fun: Reg,
        args: Reg,
        n: u8,
        dst: Reg,
    },
    /// Tail-call form of `CallFun`.
    TailCallFun { fun: Reg, args: Reg, n: u8 },
    /// Call `R[module].R[fun]` (module and function named at run time) with `R[args..args+n]`; `R[dst] := result`.
    Apply {
        module: Reg,
        fun: Reg,
        args: Reg,
        n: u8,
        dst: Reg,
    },
    /// `R[dst] := bif(R[args..args+n])`; on error jump to `fail`, or raise when `fail == NO_LABEL`.
    Bif {
        bif: BifId,
        args: Reg,
        n: u8,
        dst: Reg,
        fail: Label,
    },
    /// Return `R[src]` to the caller.
    Return { src: Reg },
    /// `if R[a] op imm: return R[src]` (a `CmpImm` whose failure skips just
    /// the `Return` after it, fused: `def f(n) when n < 2, do: n`).
    ReturnIf {
        a: Reg,
        imm: i32,
        op: CmpOp,
        src: Reg,
    },
    /// Return `R[a] + R[b]` (an `Add` and the `Return` of its result, fused).
    AddReturn { a: Reg, b: Reg },
    /// `goto to`
    Jump { to: Label },
    /// `if !(R[r] is ty) goto fail`
    IsType { r: Reg, ty: TypeTest, fail: Label },
    /// `if !(R[r] is a tuple of size arity) goto fail`
    IsTuple { r: Reg, arity: u32, fail: Label },
    /// `if !(R[a] === R[b]) goto fail`
    IsEqExact { a: Reg, b: Reg, fail: Label },
    /// `if R[a] === R[b] goto fail`
    IsNeExact { a: Reg, b: Reg, fail: Label },
    /// `if !(R[a] == R[b]) goto fail`
    IsEq { a: Reg, b: Reg, fail: Label },
    /// `if !(R[a] != R[b]) goto fail`
    IsNe { a: Reg, b: Reg, fail: Label },
    /// `if !(R[a] < R[b]) goto fail`
    IsLt { a: Reg, b: Reg, fail: Label },
    /// `if !(R[a] >= R[b]) goto fail`
    IsGe { a: Reg, b: Reg, fail: Label },
    /// `if !(R[a] op imm) goto fail` (term order; `Eq`/`Ne` are `==`/`!=`)
    CmpImm {
        a: Reg,
        imm: i32,
        op: CmpOp,
        fail: Label,
    },
    /// `if !(R[a] === K[lit]) goto fail`
    IsEqLit { a: Reg, lit: u32, fail: Label },
    /// `if R[r] is nil or false goto fail` (truthiness, for `if`, `&&`, ...)
    IsTruthy { r: Reg, fail: Label },
    /// `R[dst] := element(index, R[src])` (0-based; `R[src]` is known to be a tuple)
    GetElem { dst: Reg, src: Reg, index: u32 },
    /// `R[head], R[tail] := R[src]` (`R[src]` is known to be a cons cell)
    GetList { head: Reg, tail: Reg, src: Reg },
    /// `R[dst] := R[map][R[key]]`, or goto `fail` when the key is absent (`R[map]` is a map)
    GetMapValue {
        dst: Reg,
        map: Reg,
        key: Reg,
        fail: Label,
    },
    /// If the binary `R[src]` starts with the binary `R[prefix]`, `R[rest] :=` the remainder; else goto `fail`
    BinSplitPrefix {
        rest: Reg,
        src: Reg,
        prefix: Reg,
        fail: Label,
    },
    /// `R[dst] := {R[args], ..., R[args+n-1]}`
    MakeTuple { dst: Reg, args: Reg, n: u32 },
    /// `R[dst] := [R[head] | R[tail]]`
    Cons { dst: Reg, head: Reg, tail: Reg },
    /// `R[dst] := %{R[args] => R[args+1], ...}` for `n` pairs (later pairs win)
    MakeMap { dst: Reg, args: Reg, n: u32 },
    /// `R[dst] := %{R[map] | pairs}` (`exact`: every key must exist, else `{:badkey, k}`;
    /// otherwise keys are added as by `Map.put`). Raises `{:badmap, m}` for a non-map.
    MapUpdate {
        dst: Reg,
        map: Reg,
        args: Reg,
        n: u32,
        exact: bool,
    },
    /// `R[dst] :=` a closure of function `fun` over free variables `R[free..free+n]`
    MakeClosure {
        dst: Reg,
        fun: FunId,
        free: Reg,
        n: u32,
    },
    /// `R[dst] := R[a] + R[b]` (fast path for small integers)
    Add { dst: Reg, a: Reg, b: Reg },
    /// `R[dst] := R[a] + imm`
    AddImm { dst: Reg, a: Reg, imm: i32 },
    /// `R[dst] := R[a] - R[b]`
    Sub { dst: Reg, a: Reg, b: Reg },
    /// `R[dst] := R[a] * R[b]`
    Mul { dst: Reg, a: Reg, b: Reg },
    /// Raise `error` with reason `R[reason]` (`erlang:error/1`).
    Error { reason: Reg },
    /// Raise `{:badmatch, R[src]}`.
    Badmatch { src: Reg },
    /// `goto` the label `T[table]` gives `R[r]`, or `fail` when it gives none.
    /// A jump table's keys are immediates (atoms, small integers, `[]`), so
    /// a key matches exactly when the words are equal (`===`).
    SelectLit { r: Reg, table: u32, fail: Label },
    /// Raise `{:case_clause, R[src]}`.
    CaseClause { src: Reg },
    /// Raise `function_clause` for the current function (arguments `R[0..arity]`).
    FunctionClause,
    /// Push an exception handler: on a raise inside, unwind to this frame and
    /// jump to `handler` with `R[kind]`, `R[kind+1]`, `R[kind+2]` := class, reason, stacktrace.
    Try { handler: Label, kind: Reg },
    /// Pop the innermost exception handler (normal exit from a `try` body).
    TryEnd,
    /// Raise again the exception in `R[kind]`, `R[kind+1]`, `R[kind+2]`.
    Reraise { kind: Reg },
    /// `R[dst] :=` the next message not yet looked at in this receive, or goto `empty`.
    RecvPeek { dst: Reg, empty: Label },
    /// As `RecvPeek`, but first skips the messages no clause can match: `K[shapes]`
    /// lists what a message must look like, each an atom (that atom) or
    /// `{arity, tag}` (a tuple of that arity whose first element is `tag`,
    /// any first element if `tag` is `[]`).
    RecvPeekShaped { dst: Reg, empty: Label, shapes: u32 },
    /// The current message matched no clause: leave it and goto `to` (the peek).
    RecvNext { to: Label },
    /// Remove the current message from the mailbox; the receive is over.
    RecvAccept,
    /// No message left to look at: suspend until one arrives (then goto `to`)
    /// or until `R[timeout]` milliseconds pass (`:infinity`: never; then fall through).
    RecvWait { to: Label, timeout: Reg },
}
}

/// How a function came to be.
#[derive(Clone, Debug, PartialEq)]
pub enum FunKind {
    /// A `def`/`defp` (or the script's top level).
    Named,
    /// The `index`-th anonymous function of `parent` (`name/arity` of the enclosing def).
    Lambda { index: u32, parent: String },
}

/// A compiled function.
#[derive(Clone, Debug)]
pub struct Function {
    pub module: Term,
    pub name: Term,
    /// Arguments the caller passes (a closure's free variables come on top).
    pub arity: u32,
    pub nfree: u32,
    pub nregs: u32,
    pub code: Vec<Op>,
    pub literals: Vec<Term>,
    pub kind: FunKind,
    pub public: bool,
    /// `(pc, line)` pairs, sorted by pc: the source line of each instruction run.
    pub lines: Vec<(u32, u32)>,
    /// Jump tables of the function's [`Op::SelectLit`]s (`T[i]`).
    pub tables: Vec<JumpTable>,
    /// The source file, as an atom (`[]` when unknown), for stack traces.
    pub file: Term,
    /// Call count, or native code once compiled (see jit.rs).
    pub jit: crate::jit::Slot,
}

/// Where [`Op::SelectLit`] goes for each of a set of immediate terms.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JumpTable {
    /// `(key, label)` sorted by the key's word, keys distinct.
    pub entries: Vec<(Term, Label)>,
}

impl JumpTable {
    /// A table of `entries` (the first label of a repeated key wins).
    pub fn new(entries: &[(Term, Label)]) -> JumpTable {
        let mut v: Vec<(Term, Label)> = Vec::with_capacity(entries.len());
        for &(k, l) in entries {
            debug_assert!(!k.is_pointer(), "jump table keys are immediates");
            if !v.iter().any(|(x, _)| *x == k) {
                v.push((k, l));
            }
        }
        v.sort_by_key(|(k, _)| k.raw());
        JumpTable { entries: v }
    }

    /// The label for `t`, if it is one of the keys.
    #[inline]
    pub fn lookup(&self, t: Term) -> Option<Label> {
        self.entries
            .binary_search_by_key(&t.raw(), |(k, _)| k.raw())
            .ok()
            .map(|i| self.entries[i].1)
    }
}

/// A call target named by module, function and arity.
#[derive(Debug)]
pub struct Import {
    pub module: Term,
    pub name: Term,
    pub arity: u32,
    /// Resolved `FunId`, or `u32::MAX` until first use.
    cache: AtomicU32,
}

impl Import {
    pub fn new(module: Term, name: Term, arity: u32) -> Import {
        Import {
            module,
            name,
            arity,
            cache: AtomicU32::new(u32::MAX),
        }
    }
}

/// A unit of code ready to load: functions whose `Call`/`MakeClosure`
/// operands index `functions` and whose `CallExt` operands index `imports`.
pub struct Unit {
    pub functions: Vec<Function>,
    pub imports: Vec<(Term, Term, u32)>,
    /// Where the unit's boxed literals live; moved into the literal area on load.
    pub literals: Heap,
    /// Index in `functions` of the script's top level, if any.
    pub script: Option<u32>,
}

/// All loaded code: functions, exports, imports, literals. Append-only.
#[derive(Default)]
pub struct CodeTable {
    pub functions: Vec<Function>,
    exports: HashMap<(Term, Term, u32), FunId>,
    pub imports: Vec<Import>,
    /// Literal heaps of loaded units; never collected, never freed while the VM lives.
    literal_heaps: Vec<Heap>,
    /// Where `literal_heaps` lie in memory.
    literal_area: LiteralArea,
    modules: HashMap<Term, Vec<FunId>>,
    /// The native code generator and its setting.
    pub jit: crate::jit::Jit,
}

impl CodeTable {
    pub fn new() -> CodeTable {
        CodeTable::default()
    }

    /// Loads a unit; returns the `FunId` of its script function, if any.
    pub fn load(&mut self, unit: Unit) -> Option<FunId> {
        let fbase = self.functions.len() as u32;
        let ibase = self.imports.len() as u32;
        for (m, f, a) in unit.imports {
            self.imports.push(Import::new(m, f, a));
        }
        for mut f in unit.functions {
            for op in f.code.iter_mut() {
                match op {
                    Op::Call { fun, .. }
                    | Op::TailCall { fun, .. }
                    | Op::CallAddImm { fun, .. }
                    | Op::TailCallAddImm { fun, .. }
                    | Op::MakeClosure { fun, .. } => *fun += fbase,
                    Op::CallExt { import, .. } | Op::TailCallExt { import, .. } => *import += ibase,
                    _ => {}
                }
            }
            let id = self.functions.len() as u32;
            if f.kind == FunKind::Named {
                self.exports.insert((f.module, f.name, f.arity), id);
                self.modules.entry(f.module).or_default().push(id);
            }
            self.functions.push(f);
        }
        self.literal_heaps.push(unit.literals);
        self.literal_area = LiteralArea::of(&self.literal_heaps);
        unit.script.map(|s| s + fbase)
    }

    /// The function `module.name/arity` (public or private: callers check `public`).
    pub fn lookup(&self, module: Term, name: Term, arity: u32) -> Option<FunId> {
        self.exports.get(&(module, name, arity)).copied()
    }

    pub fn module_loaded(&self, module: Term) -> bool {
        self.modules.contains_key(&module)
    }

    /// Resolves import `i` to a public function, caching the answer.
    pub fn resolve_import(&self, i: u32) -> Option<FunId> {
        let imp = &self.imports[i as usize];
        let c = imp.cache.load(Ordering::Relaxed);
        if c != u32::MAX {
            return Some(c);
        }
        let id = self.lookup(imp.module, imp.name, imp.arity)?;
        if !self.functions[id as usize].public {
            return None;
        }
        imp.cache.store(id, Ordering::Relaxed);
        Some(id)
    }

    /// Where the literals live: terms there are shared, never copied.
    pub fn literals(&self) -> &LiteralArea {
        &self.literal_area
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_tests_are_listed_in_order() {
        for (i, t) in TypeTest::ALL.iter().enumerate() {
            assert_eq!(*t as usize, i);
        }
    }

    #[test]
    fn ops_stay_small() {
        assert!(
            std::mem::size_of::<Op>() <= 16,
            "Op is {} bytes",
            std::mem::size_of::<Op>()
        );
    }
}

/// One instruction as text for listings (`beamlet disasm`): BIFs by name.
pub fn format_op(op: &Op) -> String {
    match op {
        Op::Bif {
            bif,
            args,
            n,
            dst,
            fail,
        } => {
            let b = &crate::bif::BIFS[*bif as usize];
            let fail = if *fail == NO_LABEL {
                String::new()
            } else {
                format!(" else {fail}")
            };
            let m = b.module.strip_prefix("Elixir.").unwrap_or(b.module);
            format!(
                "Bif {m}.{}/{} R{args}..+{n} -> R{dst}{fail}",
                b.name, b.arity
            )
        }
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod spec_tests {
    use super::Op;

    /// The opcodes `spec/bytecode.md` lists: the first cell of each row of
    /// the table under its `| opcode |` header, without its backquotes.
    fn spec_opcodes(spec: &str) -> Vec<&str> {
        spec.lines()
            .skip_while(|l| !l.starts_with("| opcode |"))
            .skip(2) // the header and its `| --- |` line
            .take_while(|l| l.starts_with('|'))
            .filter_map(|l| l.split('|').nth(1))
            .map(|cell| cell.trim().trim_matches('`'))
            .collect()
    }

    /// `spec/bytecode.md` has a row for every opcode, and none for anything
    /// else (ORDER OP).
    #[test]
    fn spec_lists_every_opcode() {
        let spec = include_str!("../../spec/bytecode.md");
        let listed = spec_opcodes(spec);
        for name in Op::NAMES {
            assert!(
                spec.contains(&format!("| `{name}` |")) && listed.contains(name),
                "spec/bytecode.md lacks a row for opcode {name}"
            );
        }
        for (i, name) in listed.iter().enumerate() {
            assert!(
                Op::NAMES.contains(name),
                "spec/bytecode.md lists `{name}`, which is no variant of Op"
            );
            assert!(
                !listed[..i].contains(name),
                "spec/bytecode.md lists {name} twice"
            );
        }
    }

    #[test]
    fn names_follow_the_variants() {
        assert_eq!(Op::NAMES.first(), Some(&"Move"));
        assert_eq!(Op::NAMES.last(), Some(&"RecvWait"));
        assert_eq!(Op::Move { dst: 0, src: 1 }.name(), "Move");
        assert_eq!(Op::FunctionClause.name(), "FunctionClause");
        let call = Op::Call {
            fun: 0,
            args: 0,
            n: 0,
            dst: 0,
        };
        assert_eq!(call.name(), "Call");
        assert!(format!("{call:?}").starts_with(call.name()));
    }
}
