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
//!
//! Loaded code lives in the [`CodeTable`], which grows while processes run
//! (modules defined, code evaluated, libraries loaded on first use): see its
//! docs for how functions stay put, how names are looked up and redefined,
//! and how the literal area follows.

use crate::bif::BifId;
use crate::copy::{LiteralArea, Msg};
use crate::heap::Heap;
use crate::term::Term;
use std::cell::Cell;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::mem::MaybeUninit;
use std::ops::Range;
use std::sync::atomic::{AtomicPtr, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

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
    /// A binary or a bitstring of any number of bits.
    Bitstring,
}

impl TypeTest {
    /// Every test, in declaration order: `ALL[t as usize] == t`.
    pub const ALL: [TypeTest; 15] = [
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
        TypeTest::Bitstring,
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
            TypeTest::Bitstring => t.is_bitstring(),
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

/// Defines [`Op`] from its list of variants, and with it [`Op::NAMES`],
/// [`Op::name`], [`Op::LAYOUT`] and the serialized form of each instruction
/// (`encode_op`/`decode_op`, used by `image.rs`), so the instruction table
/// has one source (ORDER OP) and a new instruction cannot be left out of
/// the image format. Each variant keeps its `///` line: what it does, in
/// register notation. Operand types are single names (`Reg`, `Label`, ...):
/// `image.rs` encodes each by its type ([`crate::image::Operand`]), BIFs by
/// name, and checks the references (functions, imports, literals, jump
/// tables, labels) by type and field name.
macro_rules! define_op {
    (
        $(#[$meta:meta])*
        pub enum Op {
            $(
                $(#[$doc:meta])*
                $name:ident $({ $($field:ident: $ty:ident),* $(,)? })?
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

        /// Each opcode's number in the serialized form: its position in [`Op::NAMES`].
        #[allow(non_camel_case_types, dead_code, clippy::enum_variant_names)]
        #[repr(u8)]
        enum OpCode {
            $($name),*
        }

        /// [`OpCode`]s as constants, to match on.
        #[allow(non_upper_case_globals)]
        mod opcode {
            $(pub(super) const $name: u8 = super::OpCode::$name as u8;)*
        }

        impl Op {
            /// Every opcode's name, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            /// Every opcode with its operands' names and types, as text: the
            /// image format's fingerprint covers it, so an image made for
            /// another instruction set is refused.
            pub const LAYOUT: &'static str =
                concat!($(stringify!($name $({ $($field: $ty),* })?), ";"),*);

            /// This instruction's opcode name (its entry in [`Op::NAMES`]).
            pub fn name(&self) -> &'static str {
                match self {
                    $(Op::$name { .. } => stringify!($name)),*
                }
            }

            /// Appends this instruction's serialized form to `w`.
            pub(crate) fn encode_op(&self, w: &mut crate::image::Writer) {
                match *self {
                    $(Op::$name $({ $($field),* })? => {
                        w.byte(opcode::$name);
                        $($(crate::image::operand!(put $ty, w, $field);)*)?
                    })*
                }
            }

            /// Reads one instruction written by [`Op::encode_op`].
            pub(crate) fn decode_op(
                r: &mut crate::image::Reader,
            ) -> Result<Op, crate::image::ImageError> {
                let code = r.byte()?;
                match code {
                    $(opcode::$name => Ok(Op::$name $({ $($field: crate::image::operand!(get $ty, r)),* })?),)*
                    _ => Err(r.error(format!("unknown opcode {code}"))),
                }
            }

            /// Checks the operands that index something (functions,
            /// imports, literals, jump tables, labels) against `lim`.
            pub(crate) fn check_op(
                &self,
                lim: &crate::image::Limits,
            ) -> Result<(), String> {
                match *self {
                    $(Op::$name $({ $($field),* })? => {
                        $($(crate::image::operand!(check $field $ty, lim, $field);)*)?
                        Ok(())
                    })*
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
    /// Protocol dispatch (a `defprotocol` function's body): call `R[fun]/n`
    /// of the module implementing protocol `R[protocol]` for `R[args]` (the
    /// first argument), with `R[args..args+n]`; `R[dst] := result`.
    /// `fallback`: the protocol falls back to its `Any` implementation. With
    /// no implementation it calls `R[protocol].impl_for!(R[args])`, which
    /// raises. Each thread caches the callee by protocol, type and function.
    ProtocolCall {
        protocol: Reg,
        fun: Reg,
        args: Reg,
        n: u8,
        fallback: bool,
        dst: Reg,
    },
    /// `apply(R[module], R[fun], R[list])`: call `R[module].R[fun]` with the
    /// elements of the list `R[list]` as arguments (`:erlang.apply/3`);
    /// `R[dst] := result`. Raises `badarg` when `R[list]` is not a proper list.
    ApplyList {
        module: Reg,
        fun: Reg,
        list: Reg,
        dst: Reg,
    },
    /// `apply(R[fun], R[list])`: call the fun `R[fun]` with the elements of
    /// the list `R[list]` (`:erlang.apply/2`); `R[dst] := result`.
    CallFunList { fun: Reg, list: Reg, dst: Reg },
    /// Tail-call form of `ApplyList` (`apply/3` in tail position: no frame
    /// is left, as on the BEAM).
    TailApplyList { module: Reg, fun: Reg, list: Reg },
    /// Tail-call form of `CallFunList`.
    TailCallFunList { fun: Reg, list: Reg },
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
    /// `R[dst] :=` a mark of the mailbox's end, taken just before a call that
    /// makes a new reference (the receive marker optimization: `RecvBind`).
    RecvMark { dst: Reg },
    /// `R[r]` was just made (a fresh reference) after the mark `R[mark]`: a
    /// later receive whose every clause needs it (`RecvUse`) may skip the
    /// messages queued before the mark, which cannot hold it.
    RecvBind { mark: Reg, r: Reg },
    /// Start this receive past the mark bound to `R[r]`, if `R[r]` is the
    /// reference bound last (else look at every message, as always).
    RecvUse { r: Reg },
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
    /// The `index`-th anonymous function of `parent` (`name/arity` of the
    /// enclosing def). `lifted`: how many of its free variables OTP's
    /// compiler would pass it (those whose values it could not fold into
    /// constants), which its frames in stack traces add to its arity.
    Lambda {
        index: u32,
        parent: String,
        lifted: u32,
    },
}

impl Function {
    /// The arity stack traces give the function: a fun's counts the free
    /// variables OTP's compiler passes its lifted function after the
    /// arguments (`anonymous fn/2 in M.f/0` for `fn x -> x + y end`).
    pub fn trace_arity(&self) -> u32 {
        match &self.kind {
            FunKind::Named => self.arity,
            FunKind::Lambda { lifted, .. } => self.arity + lifted,
        }
    }
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
    /// Call count, or native code once compiled (see jit/).
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
    /// Resolved `FunId`, or [`UNRESOLVED`] until first use and again after
    /// the module is redefined. Native code compares it with the function it
    /// was compiled to call before each call (jit/), so it is an atomic at
    /// an address that never changes.
    pub(crate) cache: AtomicU32,
    /// Made by code outside the library to a module the host denies
    /// ([`CodeTable::set_denied`]): never resolves.
    pub denied: bool,
}

/// An import's cache before resolution.
pub(crate) const UNRESOLVED: u32 = u32::MAX;

impl Import {
    pub fn new(module: Term, name: Term, arity: u32) -> Import {
        Import {
            module,
            name,
            arity,
            cache: AtomicU32::new(UNRESOLVED),
            denied: false,
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

/// What [`CodeTable::load`] loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The unit's script function (its top level), if it has one.
    pub script: Option<FunId>,
    /// The `FunId`s the unit's functions got, in the unit's order.
    pub functions: Range<FunId>,
    /// Modules that were loaded already: all their functions were replaced
    /// by this unit's (Elixir warns "redefining module M").
    pub redefined: Vec<Term>,
}

/// Maps keyed by terms (words): FxHash, as SipHash showed in every
/// protocol dispatch and `apply`.
type FxMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;

/// The names of loaded code, behind [`CodeTable::names`].
#[derive(Default)]
struct Names {
    /// Every exported named function, public or private, by `(module, name, arity)`.
    exports: FxMap<(Term, Term, u32), FunId>,
    /// Each loaded module's exported functions, in load order.
    modules: FxMap<Term, Vec<FunId>>,
    /// The imports naming each module: a redefinition clears their caches.
    importers: FxMap<Term, Vec<u32>>,
    /// What `Module.__info__(:struct)` answered, by module (`None`: not a
    /// struct module); loading the module again forgets it. See
    /// [`CodeTable::struct_fields`].
    struct_fields: FxMap<Term, Option<Arc<[Term]>>>,
    /// Protocol dispatch answers by `(protocol, type or struct, fallback
    /// to Any)`; any load forgets them all. See `bif/protocol.rs`.
    protocol_impls: FxMap<(Term, Term, bool), Term>,
}

/// Ids of code tables, for the per-thread literal area caches.
static NEXT_TABLE_ID: AtomicU64 = AtomicU64::new(1);

/// One entry of [`NAME_CACHE`]: an answer of the names table, valid while
/// the table `table` is at `generation`.
#[derive(Clone, Copy)]
struct CachedName {
    table: u64,
    generation: u64,
    key: [u64; 3],
    value: u64,
}

impl CachedName {
    const EMPTY: CachedName = CachedName {
        table: 0,
        generation: 0,
        key: [0; 3],
        value: 0,
    };
}

/// Entries of [`NAME_CACHE`] (a power of two).
const NAME_CACHE_SIZE: usize = 512;

/// What [`CachedName::key`]'s last word carries for a protocol answer (a
/// function's arity is below it).
const PROTOCOL_KEY: u64 = 1 << 40;

/// What [`CachedName::key`]'s last word carries for a dispatch's callee
/// (with the function's name, an atom's word, below bit 40, and its arity
/// and the fallback flag above).
const DISPATCH_KEY: u64 = 1 << 60;

thread_local! {
    /// This thread's answers of the names table for calls by a name known
    /// only at run time (`apply`, `mod.fun(...)`, protocol dispatch): a
    /// direct-mapped cache in front of the names lock, so a warm call by
    /// name reads no lock and no memory other threads write but the
    /// table's generation. An entry made at an older generation is a miss.
    static NAME_CACHE: [Cell<CachedName>; NAME_CACHE_SIZE] =
        const { [const { Cell::new(CachedName::EMPTY) }; NAME_CACHE_SIZE] };
}

/// The [`NAME_CACHE`] key of a dispatch's callee.
#[inline(always)]
fn dispatch_key(protocol: Term, ty: Term, name: Term, arity: u8, fallback: bool) -> [u64; 3] {
    debug_assert!(name.raw() < 1 << 40, "an atom's word");
    let last = DISPATCH_KEY | (fallback as u64) << 48 | (arity as u64) << 40 | name.raw();
    [protocol.raw(), ty.raw(), last]
}

/// The slot of `key` in [`NAME_CACHE`].
#[inline(always)]
fn name_slot(key: [u64; 3]) -> usize {
    let h = (key[0] ^ key[1].rotate_left(21) ^ key[2].rotate_left(42))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 55) as usize & (NAME_CACHE_SIZE - 1)
}

thread_local! {
    /// This thread's copy of a code table's literal area: (table id,
    /// version, area). Sending a message reads it without touching memory
    /// other threads write.
    static LITERALS: Cell<Option<(u64, u64, Arc<LiteralArea>)>> = const { Cell::new(None) };
}

/// All loaded code: functions, exports, imports, literals. It only grows,
/// and it grows while processes run: [`CodeTable::load`] takes `&self`.
///
/// - **Functions and imports** live in append-only vectors ([`AppendVec`]):
///   a loaded function never moves and is never freed while the table
///   lives, so a `&Function` (the interpreter's current function, a `FunId`
///   in a frame, native code's pointers into its JIT slot) stays valid
///   however much is loaded later. Indexing them is lock-free.
/// - **Names** (exports, the functions of each module, which imports name
///   which module) are behind a read-write lock. A call by name resolves
///   once and caches the `FunId` in its [`Import`]; redefining a module
///   (loading one that is loaded already) replaces its exports and clears
///   the caches of every import naming it, under the write lock, so a
///   resolution (under the read lock) never caches a stale answer. Code
///   running inside the old version goes on (its local calls stay in the
///   old code, as on the BEAM); its next call by name finds the new one.
///   Native code bound to an import checks the cache before each such call
///   (jit/).
/// - **Literals**: each unit's literal heap is kept (never collected, never
///   freed) and the [`LiteralArea`] (what message copies leave shared) is
///   replaced by a larger one on each load, published as an `Arc`. Each
///   thread keeps the last one it used ([`CodeTable::with_literals`]).
pub struct CodeTable {
    functions: AppendVec<Function>,
    imports: AppendVec<Import>,
    names: RwLock<Names>,
    /// Literal heaps of loaded units; its lock also makes loads one at a time.
    loader: Mutex<Vec<Heap>>,
    /// Where the literal heaps lie in memory.
    literals: RwLock<Arc<LiteralArea>>,
    /// Bumped after each change of `literals`.
    literals_version: AtomicU64,
    /// Bumped under the names lock whenever an answer of `names` may
    /// change (a load, an unexport, protocol answers forgotten): the
    /// per-thread [`NAME_CACHE`] entries of older generations are stale.
    generation: AtomicU64,
    id: u64,
    /// The native code generator and its setting.
    pub jit: crate::jit::Jit,
    /// The compiler the embedder installed, for the `beamlet_compiler`
    /// built-ins and lazy loading (see bif/compiler.rs).
    compiler: std::sync::OnceLock<Arc<dyn crate::bif::compiler::Compiler>>,
    /// The `:ets` tables of the run (bif/ets.rs).
    pub ets: crate::bif::ets::Tables,
    /// The embedder's native functions (native.rs), set once when the VM
    /// is built.
    natives: std::sync::OnceLock<crate::native::Natives>,
    /// Modules scripts may not call (the embedder's deny-list, see
    /// [`CodeTable::set_denied`]).
    denied: std::sync::OnceLock<std::collections::HashSet<Term>>,
    /// Most entries of a stack trace (the BEAM's `backtrace_depth` system
    /// flag: 8 unless `:erlang.system_flag/2` sets it; ExUnit runs its
    /// tests with 20).
    backtrace_depth: std::sync::atomic::AtomicU32,
}

impl Default for CodeTable {
    fn default() -> CodeTable {
        CodeTable {
            functions: AppendVec::new(),
            imports: AppendVec::new(),
            names: RwLock::default(),
            loader: Mutex::default(),
            literals: RwLock::default(),
            literals_version: AtomicU64::new(0),
            generation: AtomicU64::new(1),
            id: NEXT_TABLE_ID.fetch_add(1, Ordering::Relaxed),
            jit: crate::jit::Jit::default(),
            compiler: std::sync::OnceLock::new(),
            ets: crate::bif::ets::Tables::default(),
            natives: std::sync::OnceLock::new(),
            denied: std::sync::OnceLock::new(),
            backtrace_depth: std::sync::atomic::AtomicU32::new(8),
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic under these locks leaves the data consistent (each update is
    // made whole before it is published): go on.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn read<T>(l: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    l.read().unwrap_or_else(|e| e.into_inner())
}

fn write<T>(l: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(|e| e.into_inner())
}

impl CodeTable {
    pub fn new() -> CodeTable {
        CodeTable::default()
    }

    /// Installs the compiler (once; later calls are ignored).
    pub fn set_compiler(&self, c: Arc<dyn crate::bif::compiler::Compiler>) {
        let _ = self.compiler.set(c);
    }

    /// Installs the embedder's native functions (once; later calls are
    /// ignored).
    pub fn set_natives(&self, natives: crate::native::Natives) {
        let _ = self.natives.set(natives);
    }

    /// The embedder's native functions (empty when none were installed).
    pub fn natives(&self) -> &[crate::native::Native] {
        self.natives.get().map_or(&[], |v| &v[..])
    }

    /// Sets the modules scripts may not call (once, before code loads;
    /// later calls are ignored): a call by name from code outside the
    /// library ([`CodeTable::load_library`]), and any call made at run time
    /// (`apply`, an `&M.f/a` fun, `spawn/3`, whoever makes it: the module
    /// may come from a script), raises `UndefinedFunctionError` saying the
    /// host denies the module.
    pub fn set_denied(&self, modules: impl IntoIterator<Item = Term>) {
        let set: std::collections::HashSet<Term> = modules.into_iter().collect();
        if !set.is_empty() {
            let _ = self.denied.set(set);
        }
    }

    /// Whether `module` is denied to scripts.
    #[inline]
    pub fn is_denied(&self, module: Term) -> bool {
        self.denied.get().is_some_and(|d| d.contains(&module))
    }

    /// [`CodeTable::load`] for a unit of the library: its calls by name
    /// may reach the modules the host denies to scripts.
    pub fn load_library(&self, unit: Unit) -> Loaded {
        self.load_unit(unit, true, true)
    }

    /// The installed compiler, if any.
    pub fn compiler(&self) -> Option<Arc<dyn crate::bif::compiler::Compiler>> {
        self.compiler.get().cloned()
    }

    /// A script's direct calls of built-ins of denied modules (`:os.getenv/1`,
    /// resolved when it was compiled) become calls by name, which
    /// [`Import::denied`] refuses.
    fn deny_builtins(&self, unit: &mut Unit) {
        for f in unit.functions.iter_mut() {
            for op in f.code.iter_mut() {
                if let Op::Bif {
                    bif,
                    args,
                    n,
                    dst,
                    fail: NO_LABEL,
                } = *op
                {
                    let b = &crate::bif::BIFS[bif as usize];
                    let m = crate::atom::intern(b.module);
                    if self.is_denied(m) {
                        let import = unit.imports.len() as u32;
                        unit.imports
                            .push((m, crate::atom::intern(b.name), b.arity as u32));
                        *op = Op::CallExt {
                            import,
                            args,
                            n,
                            dst,
                        };
                    }
                }
            }
        }
    }

    /// Loads a unit and exports its named functions (replacing those of
    /// any module it redefines). Any thread may load while others run code.
    pub fn load(&self, unit: Unit) -> Loaded {
        self.load_unit(unit, true, false)
    }

    /// Loads a unit without exporting anything: its functions are reached
    /// only by the `FunId`s returned (temporary code: a module body being
    /// run, code `Code.eval_string` compiled). Its calls by name resolve as
    /// any code's do.
    pub fn load_private(&self, unit: Unit) -> Loaded {
        self.load_unit(unit, false, false)
    }

    fn load_unit(&self, mut unit: Unit, export: bool, library: bool) -> Loaded {
        let _t = crate::timing::enter(crate::timing::Phase::Load);
        if !library && self.denied.get().is_some() {
            self.deny_builtins(&mut unit);
        }
        let mut heaps = lock(&self.loader);
        // Literals first: no code that refers to them can run before the
        // area knows them.
        let area = read(&self.literals).adding(&unit.literals);
        heaps.push(unit.literals);
        *write(&self.literals) = Arc::new(area);
        self.literals_version.fetch_add(1, Ordering::Release);

        let fbase = self.functions.len() as u32;
        let ibase = self.imports.len() as u32;
        let import_modules: Vec<Term> = unit.imports.iter().map(|i| i.0).collect();
        self.imports
            .extend(unit.imports.into_iter().map(|(m, f, a)| Import {
                denied: !library && self.is_denied(m),
                ..Import::new(m, f, a)
            }));
        let functions = unit.functions.into_iter().map(|mut f| {
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
            f
        });
        let range = self.functions.extend(functions);
        let range = range.start as FunId..range.end as FunId;

        let mut loaded_modules: Vec<Term> = Vec::new();
        let mut redefined = Vec::new();
        {
            let mut names = write(&self.names);
            for (k, m) in import_modules.into_iter().enumerate() {
                names.importers.entry(m).or_default().push(ibase + k as u32);
            }
            for id in range.clone().filter(|_| export) {
                let f = self.function(id);
                if f.kind != FunKind::Named {
                    continue;
                }
                let m = f.module;
                if !loaded_modules.contains(&m) {
                    loaded_modules.push(m);
                    names.struct_fields.remove(&m);
                    if let Some(old) = names.modules.remove(&m) {
                        // A redefinition: the old version's functions stay
                        // (code running in them finishes) but lose their names.
                        for old_id in old {
                            let of = self.function(old_id);
                            names.exports.remove(&(m, of.name, of.arity));
                        }
                        for &i in names.importers.get(&m).into_iter().flatten() {
                            self.import(i).cache.store(UNRESOLVED, Ordering::Release);
                        }
                        redefined.push(m);
                    }
                }
                names.exports.insert((m, f.name, f.arity), id);
                names.modules.entry(m).or_default().push(id);
            }
            if !loaded_modules.is_empty() {
                names.protocol_impls.clear();
                self.generation.fetch_add(1, Ordering::Release);
            }
        }
        if !loaded_modules.is_empty() {
            self.jit.loaded(self, &loaded_modules, &redefined);
        }
        drop(heaps);
        Loaded {
            script: unit.script.map(|s| s + fbase),
            functions: range,
            redefined,
        }
    }

    /// The field names (atoms, in definition order) of struct module
    /// `module`, as remembered by [`CodeTable::remember_struct_fields`]:
    /// `None` when nothing is remembered, `Some(None)` for a module that is
    /// not a struct module.
    pub fn struct_fields(&self, module: Term) -> Option<Option<Arc<[Term]>>> {
        read(&self.names).struct_fields.get(&module).cloned()
    }

    /// Remembers the fields of struct module `module` (`None`: not one)
    /// until the module is loaded again.
    pub fn remember_struct_fields(&self, module: Term, fields: Option<Arc<[Term]>>) {
        write(&self.names).struct_fields.insert(module, fields);
    }

    /// The cached answer of protocol dispatch (see `bif/protocol.rs`).
    pub fn protocol_impl(&self, protocol: Term, key: Term, fallback: bool) -> Option<Term> {
        let key3 = [protocol.raw(), key.raw(), PROTOCOL_KEY | fallback as u64];
        let generation = self.generation.load(Ordering::Acquire);
        if let Some(v) = self.cached_name(key3, generation) {
            return Some(Term::from_raw(v));
        }
        let found = read(&self.names)
            .protocol_impls
            .get(&(protocol, key, fallback))
            .copied()?;
        self.cache_name(key3, generation, found.raw());
        Some(found)
    }

    /// Caches an answer of protocol dispatch until the next load.
    pub fn remember_protocol_impl(&self, protocol: Term, key: Term, fallback: bool, found: Term) {
        write(&self.names)
            .protocol_impls
            .insert((protocol, key, fallback), found);
    }

    /// The table's generation: read it before resolving what
    /// [`CodeTable::remember_dispatch`] is to cache.
    #[inline]
    /// Most entries of a stack trace (`backtrace_depth`).
    pub fn backtrace_depth(&self) -> usize {
        self.backtrace_depth.load(Ordering::Relaxed) as usize
    }

    /// Sets `backtrace_depth`, returning the old value.
    pub fn set_backtrace_depth(&self, depth: u32) -> u32 {
        self.backtrace_depth.swap(depth, Ordering::Relaxed)
    }

    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// The function `ProtocolCall` found for `name/arity` of `protocol`'s
    /// implementation for the type (or struct) `ty`, from this thread's cache.
    #[inline]
    pub fn dispatch_cached(
        &self,
        protocol: Term,
        ty: Term,
        name: Term,
        arity: u8,
        fallback: bool,
    ) -> Option<FunId> {
        let key = dispatch_key(protocol, ty, name, arity, fallback);
        self.cached_name(key, self.generation()).map(|v| v as FunId)
    }

    /// Caches the function a `ProtocolCall` resolved (see
    /// [`CodeTable::dispatch_cached`]); `generation` was read before resolving.
    pub fn remember_dispatch(
        &self,
        (protocol, ty, name, arity, fallback): (Term, Term, Term, u8, bool),
        generation: u64,
        id: FunId,
    ) {
        let key = dispatch_key(protocol, ty, name, arity, fallback);
        self.cache_name(key, generation, id as u64);
    }

    /// This thread's cached answer for `key`, if made at `generation` by
    /// this table.
    #[inline(always)]
    fn cached_name(&self, key: [u64; 3], generation: u64) -> Option<u64> {
        let e = NAME_CACHE.with(|c| c[name_slot(key)].get());
        (e.table == self.id && e.generation == generation && e.key == key).then_some(e.value)
    }

    /// Remembers `value` for `key` in this thread's cache. `generation` was
    /// read before the answer was looked up, so an answer a concurrent
    /// change made stale is never taken for current.
    #[inline]
    fn cache_name(&self, key: [u64; 3], generation: u64, value: u64) {
        let entry = CachedName {
            table: self.id,
            generation,
            key,
            value,
        };
        NAME_CACHE.with(|c| c[name_slot(key)].set(entry));
    }

    /// The function `id`. Every `FunId` the table handed out is valid: a
    /// bad one is a bug, and panics.
    ///
    /// Every way a thread learns a `FunId` synchronizes with the load that
    /// made it (the load's own result; an operand of code reached through a
    /// published function; an export, under the names lock; an import's
    /// cache, release/acquire; a closure in a message, through the inbox's
    /// lock), so the function is always seen here. (Not returning from the
    /// miss keeps the dispatch loop's registers free across the lookup.)
    #[inline(always)]
    pub fn function(&self, id: FunId) -> &Function {
        match self.functions.get_masked(id) {
            Some(f) => f,
            None => missing("function", id),
        }
    }

    /// The function `id`, if one was loaded under it.
    #[inline]
    pub fn get_function(&self, id: FunId) -> Option<&Function> {
        self.functions.get(id as usize)
    }

    /// How many functions were loaded (`FunId`s `0..n` are valid).
    pub fn function_count(&self) -> usize {
        self.functions.len()
    }

    /// Import `i` (an operand of `CallExt`).
    #[inline(always)]
    pub fn import(&self, i: u32) -> &Import {
        match self.imports.get_masked(i) {
            Some(imp) => imp,
            None => missing("import", i),
        }
    }

    /// The function `module.name/arity` (public or private: callers check
    /// `public`). Answered from this thread's cache when it can be (calls
    /// by a name known only at run time make this lookup on every call).
    #[inline]
    pub fn lookup(&self, module: Term, name: Term, arity: u32) -> Option<FunId> {
        let key = [module.raw(), name.raw(), arity as u64];
        let generation = self.generation.load(Ordering::Acquire);
        if let Some(v) = self.cached_name(key, generation) {
            return FunId::try_from(v).ok();
        }
        let found = read(&self.names)
            .exports
            .get(&(module, name, arity))
            .copied();
        self.cache_name(key, generation, found.map_or(u64::MAX, u64::from));
        found
    }

    /// Whether a module of this name is loaded (exported).
    pub fn module_loaded(&self, module: Term) -> bool {
        read(&self.names).modules.contains_key(&module)
    }

    /// Unexports `module` (`:code.delete/1`): its functions stay (code
    /// running in them finishes) but calls by name no longer reach them.
    /// Whether it was loaded.
    pub fn delete_module(&self, module: Term) -> bool {
        let mut names = write(&self.names);
        let Some(old) = names.modules.remove(&module) else {
            return false;
        };
        for id in old {
            let f = self.function(id);
            names.exports.remove(&(module, f.name, f.arity));
        }
        for &i in names.importers.get(&module).into_iter().flatten() {
            self.import(i).cache.store(UNRESOLVED, Ordering::Release);
        }
        names.struct_fields.remove(&module);
        names.protocol_impls.clear();
        self.generation.fetch_add(1, Ordering::Release);
        true
    }

    /// The named functions of `module` as `(name, arity, public)`, in load
    /// order (for `__info__/1`); empty when it is not loaded.
    pub fn module_functions(&self, module: Term) -> Vec<(Term, u32, bool)> {
        let names = read(&self.names);
        let ids = names.modules.get(&module).map_or(&[][..], |v| &v[..]);
        ids.iter()
            .map(|&id| {
                let f = self.function(id);
                (f.name, f.arity, f.public)
            })
            .collect()
    }

    /// Every loaded module, in no particular order.
    pub fn loaded_modules(&self) -> Vec<Term> {
        read(&self.names).modules.keys().copied().collect()
    }

    /// Resolves import `i` to a public function, caching the answer.
    pub fn resolve_import(&self, i: u32) -> Option<FunId> {
        let imp = self.import(i);
        let c = imp.cache.load(Ordering::Acquire);
        if c != UNRESOLVED {
            return Some(c);
        }
        self.resolve_slow(imp)
    }

    #[cold]
    #[inline(never)]
    fn resolve_slow(&self, imp: &Import) -> Option<FunId> {
        if imp.denied {
            return None;
        }
        // Under the read lock: a redefinition (under the write lock) cannot
        // clear the cache between this lookup and the store below.
        let names = read(&self.names);
        let id = *names.exports.get(&(imp.module, imp.name, imp.arity))?;
        if !self.function(id).public {
            return None;
        }
        imp.cache.store(id, Ordering::Release);
        Some(id)
    }

    /// This table's number (unique in the program).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Runs `f` with the literal area: terms there are shared, never copied.
    /// Cheap: each thread keeps the area it last used, and takes the lock
    /// only after a load changed it. An area a little out of date is still
    /// correct for copying (a literal it does not know is copied like any
    /// term), so a load racing with a send costs at most a copy.
    #[inline]
    pub fn with_literals<R>(&self, f: impl FnOnce(&LiteralArea) -> R) -> R {
        let version = self.literals_version.load(Ordering::Acquire);
        LITERALS.with(|cell| {
            // Taken out for the call, so a nested use finds none and reads
            // the lock itself.
            let area = match cell.take() {
                Some((id, v, area)) if id == self.id && v == version => area,
                _ => read(&self.literals).clone(),
            };
            let r = f(&area);
            cell.set(Some((self.id, version, area)));
            r
        })
    }

    /// A copy of `t` (a term of some process's heap) to send elsewhere.
    #[inline]
    pub fn copy_term(&self, t: Term) -> Msg {
        self.with_literals(|lits| Msg::copy(lits, t))
    }
}

#[cold]
#[inline(never)]
fn missing(what: &str, id: u32) -> ! {
    panic!("{what} {id} was never loaded")
}

/// Elements an [`AppendVec`] holds at most: 4,194,304 functions (or imports)
/// per code table, as the BEAM has fixed limits on atoms and exports.
const APPEND_CAP: usize = 1 << 22;

/// An append-only vector whose elements never move: each element is boxed
/// once and freed only with the vector, and a table of pointers to them,
/// reserved whole at creation (zeroed memory the system hands out lazily:
/// 32 MiB of address space, a page of it touched per 512 elements), is
/// never reallocated. Readers index it without a lock (a bounds check and
/// one atomic load); writers append under a mutex.
struct AppendVec<T> {
    slots: Box<[AtomicPtr<T>; APPEND_CAP]>,
    /// Elements appended: `0..len` are (or are being) published.
    len: AtomicUsize,
    /// Held while appending.
    append: Mutex<()>,
    _owns: PhantomData<T>,
}

// SAFETY: the vector owns its elements as a `Vec<Box<T>>` does: sending it
// sends them.
unsafe impl<T: Send> Send for AppendVec<T> {}
// SAFETY: a shared vector hands out `&T` to any thread (so `T: Sync`) and
// lets any thread append a `T` that another thread reads and, at the end,
// drops (so `T: Send`). Appends are serialized by `append`; each element is
// published by a release store of its pointer, read by an acquire load.
unsafe impl<T: Send + Sync> Sync for AppendVec<T> {}

impl<T> AppendVec<T> {
    fn new() -> AppendVec<T> {
        let slots: Box<MaybeUninit<[AtomicPtr<T>; APPEND_CAP]>> = Box::new_zeroed();
        AppendVec {
            // SAFETY: all-zero bytes are a valid `AtomicPtr` (null).
            slots: unsafe { slots.assume_init() },
            len: AtomicUsize::new(0),
            append: Mutex::new(()),
            _owns: PhantomData,
        }
    }

    fn len(&self) -> usize {
        self.len.load(Ordering::Acquire)
    }

    /// Element `i`, or `None` if it was never appended.
    #[inline(always)]
    fn get(&self, i: usize) -> Option<&T> {
        if i >= APPEND_CAP {
            return None;
        }
        self.get_masked(i as u32).or_else(|| self.get_slow(i))
    }

    /// Element `i`, if its slot is seen published; no bounds check: an
    /// index past [`APPEND_CAP`] (never handed out) wraps around (a wrong
    /// element, never an unsafe access). The dispatch loop's indexing.
    #[inline(always)]
    fn get_masked(&self, i: u32) -> Option<&T> {
        let i = i as usize;
        debug_assert!(i < APPEND_CAP, "index {i} was never handed out");
        let p = self.slots[i & (APPEND_CAP - 1)].load(Ordering::Acquire);
        // SAFETY: a non-null slot holds a pointer from `Box::into_raw` of an
        // element fully written before its release store (read by the
        // acquire load above); elements are never written again, moved or
        // freed before the vector.
        (!p.is_null()).then(|| unsafe { &*p })
    }

    /// `get` when slot `i` looked empty: `i` may have come through a
    /// channel that did not synchronize with its append; the lock does.
    #[cold]
    #[inline(never)]
    fn get_slow(&self, i: usize) -> Option<&T> {
        let _g = lock(&self.append);
        let p = self.slots.get(i)?.load(Ordering::Acquire);
        // SAFETY: as in `get_masked`.
        (!p.is_null()).then(|| unsafe { &*p })
    }

    /// Appends `items`; returns their indices.
    fn extend(&self, items: impl IntoIterator<Item = T>) -> Range<usize> {
        let _g = lock(&self.append);
        let start = self.len.load(Ordering::Relaxed);
        let mut n = start;
        for x in items {
            assert!(n < APPEND_CAP, "code table full: {APPEND_CAP} entries");
            let p = Box::into_raw(Box::new(x));
            self.slots[n].store(p, Ordering::Release);
            n += 1;
            self.len.store(n, Ordering::Release);
        }
        start..n
    }
}

impl<T> Drop for AppendVec<T> {
    fn drop(&mut self) {
        for slot in &mut self.slots[..*self.len.get_mut()] {
            let p = *slot.get_mut();
            // SAFETY: `p` came from `Box::into_raw` in `extend` and is freed
            // here once; `&mut self` means nobody can reach it any more.
            drop(unsafe { Box::from_raw(p) });
        }
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

    fn func(module: &str, name: &str, code: Vec<Op>, literals: Vec<Term>) -> Function {
        Function {
            module: crate::atom::intern(module),
            name: crate::atom::intern(name),
            arity: 0,
            nfree: 0,
            nregs: 4,
            code,
            literals,
            kind: FunKind::Named,
            public: true,
            lines: Vec::new(),
            tables: Vec::new(),
            file: Term::NIL,
            jit: Default::default(),
        }
    }

    /// A unit of module `m` whose functions `names` each return their literal.
    fn unit(m: &str, names: &[&str], imports: &[(&str, &str)]) -> Unit {
        let mut literals = Heap::new();
        let functions = names
            .iter()
            .map(|n| {
                let lit = literals.str(&format!("{m}.{n}"));
                let code = vec![Op::Const { dst: 0, lit: 0 }, Op::Return { src: 0 }];
                func(m, n, code, vec![lit])
            })
            .collect();
        let a = crate::atom::intern;
        Unit {
            functions,
            imports: imports.iter().map(|(m, f)| (a(m), a(f), 0)).collect(),
            literals,
            script: None,
        }
    }

    fn returns(code: &CodeTable, id: FunId) -> String {
        let lit = code.function(id).literals[0];
        String::from_utf8(lit.binary_bytes().unwrap().to_vec()).unwrap()
    }

    #[test]
    fn load_while_another_thread_indexes() {
        let code = CodeTable::new();
        const UNITS: usize = 3000;
        const PER: usize = 7;
        let names: Vec<String> = (0..PER).map(|j| format!("f{j}")).collect();
        let names: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
        std::thread::scope(|s| {
            s.spawn(|| {
                for k in 0..UNITS {
                    let l = code.load(unit(&format!("M{k}"), &names, &[]));
                    assert_eq!(l.functions, (k * PER) as u32..((k + 1) * PER) as u32);
                }
            });
            for _ in 0..2 {
                s.spawn(|| {
                    let mut seen = 0;
                    while seen < UNITS * PER {
                        let n = code.function_count();
                        // The new ones, and the first.
                        for id in (seen..n).chain(0..n.min(1)) {
                            let (k, j) = (id / PER, id % PER);
                            assert_eq!(returns(&code, id as FunId), format!("M{k}.f{j}"));
                        }
                        // Exports come after the functions they name.
                        if n > 0 {
                            let k = (n - 1) / PER;
                            let m = crate::atom::intern(&format!("M{k}"));
                            let _ = code.lookup(m, crate::atom::intern("f0"), 0);
                        }
                        seen = n;
                    }
                });
            }
        });
        assert_eq!(code.function_count(), UNITS * PER);
        assert!(code.get_function((UNITS * PER) as FunId).is_none());
    }

    #[test]
    fn append_vec_appends_and_drops() {
        let v: AppendVec<usize> = AppendVec::new();
        let mut expect = 0..0;
        for n in [1, 63, 64, 65, 1000, 5000] {
            let start = v.len();
            let r = v.extend(start..start + n);
            expect = expect.start..expect.end + n;
            assert_eq!(r, start..start + n);
        }
        for i in expect.clone() {
            assert_eq!(v.get(i), Some(&i));
        }
        assert_eq!(v.get(expect.end), None);
        assert_eq!(v.get(APPEND_CAP), None);
        // Elements are dropped with the vector.
        let rc = std::rc::Rc::new(());
        {
            let w: AppendVec<std::rc::Rc<()>> = AppendVec::new();
            w.extend((0..100).map(|_| rc.clone()));
            assert_eq!(std::rc::Rc::strong_count(&rc), 101);
        }
        assert_eq!(std::rc::Rc::strong_count(&rc), 1);
    }

    #[test]
    fn redefinition_replaces_exports_and_invalidates_import_caches() {
        let code = CodeTable::new();
        let a = crate::atom::intern;
        let v1 = code.load(unit("Target", &["value", "old_only"], &[]));
        assert!(v1.redefined.is_empty());
        let caller = code.load(unit(
            "Caller",
            &["run"],
            &[("Target", "value"), ("Target", "old_only")],
        ));
        // The caller's imports are the table's first two.
        assert_eq!(code.resolve_import(0), Some(v1.functions.start));
        assert_eq!(
            returns(&code, code.resolve_import(0).unwrap()),
            "Target.value"
        );
        assert_eq!(code.resolve_import(1), Some(v1.functions.start + 1));

        let v2 = code.load(unit("Target", &["value", "new_only"], &[]));
        assert_eq!(v2.redefined, vec![a("Target")]);
        assert_eq!(code.resolve_import(0), Some(v2.functions.start));
        assert_eq!(code.resolve_import(1), None, "old_only is gone");
        assert_eq!(code.lookup(a("Target"), a("old_only"), 0), None);
        assert_eq!(
            code.lookup(a("Target"), a("new_only"), 0),
            Some(v2.functions.start + 1)
        );
        let fs: Vec<Term> = code
            .module_functions(a("Target"))
            .iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(fs, vec![a("value"), a("new_only")]);
        // The old version's code is still there for whoever runs it.
        assert_eq!(returns(&code, v1.functions.start), "Target.value");
        assert!(code.module_loaded(a("Caller")));
        assert_eq!(caller.functions.len(), 1);
    }

    #[test]
    fn private_loads_are_not_exported() {
        let code = CodeTable::new();
        let a = crate::atom::intern;
        code.load(unit("Lib", &["f"], &[]));
        let p = code.load_private(unit("Temp", &["body"], &[("Lib", "f")]));
        assert!(!code.module_loaded(a("Temp")));
        assert_eq!(code.lookup(a("Temp"), a("body"), 0), None);
        assert!(code.module_functions(a("Temp")).is_empty());
        assert_eq!(returns(&code, p.functions.start), "Temp.body");
        // Its calls by name resolve as any code's do.
        assert_eq!(code.resolve_import(0), code.lookup(a("Lib"), a("f"), 0));
        // A private load of a loaded module's name redefines nothing.
        let q = code.load_private(unit("Lib", &["f"], &[]));
        assert!(q.redefined.is_empty());
        assert_eq!(code.lookup(a("Lib"), a("f"), 0), Some(0));
    }

    #[test]
    fn literals_of_late_units_stay_shared() {
        let code = CodeTable::new();
        let mut ids = Vec::new();
        for k in 0..200 {
            let l = code.load(unit(&format!("L{k}"), &["f"], &[]));
            ids.push(l.functions.start);
        }
        let late = code.function(*ids.last().unwrap()).literals[0];
        let early = code.function(ids[0]).literals[0];
        code.with_literals(|lits| {
            assert!(ids
                .iter()
                .all(|&id| lits.is_literal(code.function(id).literals[0])));
        });
        // A message of literals copies nothing.
        assert_eq!(code.copy_term(late).words(), 0);
        // A collection leaves literals where they are.
        let mut heap = Heap::new();
        let own = heap.tuple(&[late, early]);
        let mut roots = [own, late];
        heap.collect(&mut [&mut roots]);
        assert_eq!(roots[1], late);
        let e = roots[0].tuple_elems().unwrap();
        assert_eq!((e[0], e[1]), (late, early));
        assert_eq!(heap.used_words(), 3, "only the tuple was copied");
        // A message holding a literal copies its own part only.
        let m = code.copy_term(roots[0]);
        assert_eq!(m.words(), 3);
        // Another thread sees the area too, after a load made from a third one.
        std::thread::scope(|s| {
            s.spawn(|| code.load(unit("Later", &["f"], &[])));
        });
        let later = code.function(
            code.lookup(crate::atom::intern("Later"), crate::atom::intern("f"), 0)
                .unwrap(),
        );
        std::thread::scope(|s| {
            s.spawn(|| assert_eq!(code.copy_term(later.literals[0]).words(), 0));
        });
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
