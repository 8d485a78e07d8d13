//! Native code for hot functions: a baseline JIT over the bytecode, by Cranelift.
//!
//! The interpreter counts the calls of each function (in its [`Slot`]); the
//! call that reaches the threshold ([`Mode`]) compiles it, once, for every
//! scheduler. A function compiles when each of its instructions is one this
//! module translates ([`supported`]: all but `receive`, `try` and `apply`)
//! and so is each function it calls by name; any other function stays
//! interpreted for good.
//!
//! Native code is an accelerator over the interpreter's own state, never a
//! second copy of it:
//!
//! - **Registers** are the process's register stack: native code gets its
//!   window as a pointer (`win` = `&regs[base]`) and keeps every term there
//!   between instructions, so the collector finds every live term where it
//!   always does.
//! - **Frames** are the machine's while native code runs: a call is a native
//!   call, a tail call a native tail call (a jump, for a self tail call).
//! - **Entry checks.** Each native function starts by taking a reduction and
//!   checking that the machine stack has room ([`NATIVE_STACK`] per native
//!   call from the interpreter) and that its window fits the register stack.
//! - **Exits.** Whatever native code does not handle itself (an operand that
//!   is not a small integer, a callee without native code, a failed entry
//!   check, a raise, a BIF asking the process to yield), it leaves to the
//!   interpreter: it records the instruction to run next ([`Exit`]), and each
//!   native caller, as it returns, turns its activation into an interpreter
//!   [`Frame`](crate::process::Frame). The interpreter then continues exactly where native code
//!   stopped. An exit happens *before* the instruction has any effect (the
//!   interpreter runs it whole), or after one that raised (the interpreter
//!   raises it there).
//! - **Helpers.** Data instructions (BIF calls, map constructors, binary
//!   matching) run in [`jit_step`](helpers::jit_step), on the dispatch loop's own code
//!   (`interp::data_op`). Those that cannot raise have direct helpers that
//!   skip decoding the instruction again (`jit_cons`, `jit_tuple`,
//!   `jit_closure`, `jit_map_get`), and type tests (`IsType`, `is_list/1`
//!   and the other type-test BIFs) are tested on the word's tag and header
//!   in native code. Allocation never collects; a helper that leaves
//!   the heap wanting a collection zeroes the budget, so the next native
//!   entry calls [`jit_enter_slow`](helpers::jit_enter_slow), which collects there (a safe point: the
//!   windows below hold everything live) and restores the budget.
//! - **Loading while running.** Code is loaded while native code runs
//!   (code.rs). A call by name is compiled to call the function its import
//!   resolved to then; it first compares the import's cache (a fixed
//!   address) with that function ([`Gen::check_import`](gen::Gen::check_import)) and exits before
//!   the call when they differ, as after a redefinition of the callee's
//!   module, so no native code calls an old version by name. The load also
//!   makes the functions bound to the old version, and those left
//!   interpreted because a module they call was missing, count their calls
//!   again to be compiled anew ([`Jit::loaded`]).
//! - **Fun calls.** Each `CallFun` site has an inline cache: a leaked cell
//!   naming the [`Slot`] of the function whose closure it last called
//!   (filled by [`jit_fun_target`](helpers::jit_fun_target), which also
//!   stores that function's closure word in the slot). A closure of the
//!   cached function whose code is native is called without a helper:
//!   native code checks the header's kind and the closure word, loads the
//!   slot's state, copies the free variables and calls ([`Gen::call_fun`](gen::Gen::call_fun)).
//!
//! A native function is `(ctx, win) -> word` in Cranelift's `tail` calling
//! convention: the result term's word, or 0 (never a term) after an exit.
//! The interpreter calls it through a small adapter in the platform's C
//! convention ([`Jit::call`]).
//!
//! A function whose native code keeps exiting for slow operands (floats,
//! bignums) or interpreted callees stops being entered natively after
//! [`MAX_SLOW_EXITS`] of them.
//!
//! Debugging: `BEAMLET_JIT_LOG=1` tells stderr which functions were compiled
//! and why the others stay interpreted; `BEAMLET_JIT_DUMP=DIR` writes each
//! function's machine code to `DIR/ID.bin` (`objdump -D -b binary -m i386:x86-64`).
//!
//! **Safety.** Generated code is trusted like the interpreter: it reads and
//! writes only its window (checked against the register stack's end at
//! entry), words of terms whose shape it has checked, and its [`Ctx`]. The
//! helpers are the only Rust it calls.
//!
//! # Files
//! - `mod.rs`: this overview; when functions are compiled ([`Slot`],
//!   [`Jit`]: counting calls, what is translatable, reloads); entering
//!   native code ([`Jit::call`], [`Ctx`], [`Exit`]).
//! - `backend.rs`: Cranelift's JIT module and the C-convention adapter.
//! - `gen.rs`: bytecode to Cranelift IR, instruction by instruction.
//! - `helpers.rs`: the Rust functions native code calls.

#[cfg(feature = "jit")]
mod backend;
#[cfg(not(feature = "jit"))]
#[path = "no_backend.rs"]
mod backend;
#[cfg(feature = "jit")]
mod gen;
#[cfg(feature = "jit")]
mod helpers;

use crate::atom;
use crate::code::{CodeTable, FunId, Function, Op};
use crate::ctx::{Io, Sched};
use crate::process::{Exn, Process};
use crate::term::Term;
use backend::Backend;
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

/// Machine stack native calls may use before a call exits to the interpreter
/// (a native activation takes tens of bytes; scheduler threads have megabytes).
pub const NATIVE_STACK: usize = 256 << 10;
/// Exits for slow operands after which a function is no longer entered natively.
pub const MAX_SLOW_EXITS: u32 = 1000;
/// Calls before a function is compiled, by default. Compiling one takes
/// about 4M instructions (1 ms), which a few thousand calls of a short
/// library function do not win back: at 1,000, compiling benches' 3,164-line
/// ExUnit file compiled ten of them (`Enum.reduce/3`, `Module.get_attribute/2`,
/// called 1,000 to 3,000 times by the compiler's own code), 41M instructions
/// for about 4M saved; the benchmarks' hot loops run the same either way.
pub const DEFAULT_HOT: usize = 10_000;

/// A slot's state before its function is compiled (its calls are counted apart).
const COUNTING: usize = 0;
/// The function stays interpreted. Any other state is native code's address.
const NEVER: usize = 1;

/// When native code is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Never: everything is interpreted.
    Off,
    /// For functions called [`DEFAULT_HOT`] times.
    On,
    /// For every function at its first call (tests: native code runs everywhere it can).
    Eager,
}

/// A function's JIT state: its call count, or its native code. Boxed, so
/// native code can load it from a fixed address however the function table grows.
#[derive(Debug, Default)]
pub struct Slot(Box<SlotState>);

#[derive(Debug, Default)]
struct SlotState {
    /// [`COUNTING`], [`NEVER`], or the native code's address.
    state: AtomicUsize,
    /// Calls counted while `COUNTING`.
    calls: AtomicU32,
    slow_exits: AtomicU32,
    /// The word a closure of this function holds after its header (its id
    /// as a small integer), once a fun call's inline cache names this slot
    /// (see `Gen::call_fun`): 0 until then.
    #[cfg_attr(not(feature = "jit"), allow(dead_code))] // used by the helpers
    fun_word: AtomicU64,
}

/// Where native code loads a slot's state and closure word (see `Gen::call_fun`).
#[cfg_attr(not(feature = "jit"), allow(dead_code))]
const SLOT_STATE: i32 = std::mem::offset_of!(SlotState, state) as i32;
#[cfg_attr(not(feature = "jit"), allow(dead_code))]
const SLOT_FUN_WORD: i32 = std::mem::offset_of!(SlotState, fun_word) as i32;

impl Slot {
    /// The address of the state word native code loads (the box never moves).
    #[cfg_attr(not(feature = "jit"), allow(dead_code))] // used by the code generator
    pub(crate) fn state_addr(&self) -> *const AtomicUsize {
        &self.0.state
    }
}

impl Clone for Slot {
    /// A copy of a function is a new function: it starts uncounted.
    fn clone(&self) -> Slot {
        Slot::default()
    }
}

/// The code generator, shared by all schedulers of a [`CodeTable`].
pub struct Jit {
    /// Calls that make a function hot (0: never; each function's first
    /// call then marks it interpreted).
    hot: AtomicUsize,
    /// The C-convention adapter `(ctx, fun, win) -> word`, once the backend exists.
    adapter: AtomicUsize,
    /// Held while compiling, and while loads reset functions (see [`Jit::loaded`]).
    backend: Mutex<Compiler>,
}

/// What compiling needs and remembers, under one lock.
#[derive(Default)]
struct Compiler {
    backend: Option<Backend>,
    /// Native functions by the modules they call by name: each bound its
    /// calls to the functions those imports resolved to when it compiled.
    bound: HashMap<Term, Vec<FunId>>,
    /// Functions left interpreted because a module they (or a function they
    /// call) call by name was not loaded yet.
    waiting: HashMap<Term, Vec<FunId>>,
}

impl Default for Jit {
    fn default() -> Jit {
        Jit {
            hot: AtomicUsize::new(DEFAULT_HOT),
            adapter: AtomicUsize::new(0),
            backend: Mutex::new(Compiler::default()),
        }
    }
}

thread_local! {
    /// A machine stack address below which native code on this thread calls
    /// no further (0: none): nested calls (nested.rs) set it, so the native
    /// code inside all of them shares one budget.
    static STACK_FLOOR: Cell<usize> = const { Cell::new(0) };
}

thread_local! {
    /// Above 0 while this thread runs code at compile time (a macro):
    /// calls are not counted toward making a function hot then, since
    /// such code runs a few thousand times at most and compiling it costs
    /// more than it saves (5% of the instructions of a 300-test file).
    static SUSPENDED: Cell<u32> = const { Cell::new(0) };
}

/// While the guard lives, calls on this thread do not count toward native
/// compilation (functions already compiled still run natively).
pub fn suspend() -> Suspended {
    SUSPENDED.with(|s| s.set(s.get() + 1));
    Suspended(())
}

/// See [`suspend`].
pub struct Suspended(());

impl Drop for Suspended {
    fn drop(&mut self) {
        SUSPENDED.with(|s| s.set(s.get() - 1));
    }
}

/// Sets this thread's [`STACK_FLOOR`] (0 to clear it).
pub(crate) fn set_stack_floor(addr: usize) {
    STACK_FLOOR.with(|f| f.set(addr));
}

/// What native code shares with the interpreter during one native call.
/// `repr(C)`: generated code reads the first three fields at fixed offsets.
#[repr(C)]
pub struct Ctx<'a> {
    /// Reductions left in the slice (offset 0); 0 while a collection is pending.
    left: i64,
    /// One past the last register (offset 8): every window must end below.
    regs_end: *const Term,
    /// The machine stack pointer below which native code calls no further (offset 16).
    stack_limit: usize,
    /// `left` when a helper asked for a collection (then `gc_wanted`).
    saved_left: i64,
    gc_wanted: bool,
    /// The first register: `base = (win - regs) / 8`.
    regs: *const Term,
    /// The running process. Native code and helpers take turns with it:
    /// while a helper runs, native code is suspended in the call.
    p: *mut Process,
    code: &'a CodeTable,
    io: *mut (dyn Io + 'a),
    rt: &'a dyn Sched,
    exit: Exit,
}

#[cfg_attr(not(feature = "jit"), allow(dead_code))] // used by the code generator
const CTX_LEFT: i32 = 0;
#[cfg_attr(not(feature = "jit"), allow(dead_code))] // used by the code generator
const CTX_REGS_END: i32 = 8;
#[cfg_attr(not(feature = "jit"), allow(dead_code))] // used by the code generator
const CTX_STACK_LIMIT: i32 = 16;

/// Where the interpreter continues after native code exited.
#[derive(Debug, Default)]
pub struct Exit {
    pub fun: FunId,
    /// The next instruction to run.
    pub pc: u32,
    pub base: u32,
    /// Instruction `pc - 1` raised this: raise it there.
    pub raise: Option<Box<Exn>>,
    /// A BIF signalled the process: yield before going on.
    pub yield_now: bool,
}

impl Jit {
    /// Sets when functions are compiled. Functions already compiled stay so.
    pub fn set_mode(&self, mode: Mode) {
        let hot = match mode {
            Mode::Off => 0,
            Mode::On => DEFAULT_HOT,
            Mode::Eager => 1,
        };
        self.hot.store(hot, Ordering::Relaxed);
    }

    /// Whether `f` has native code now (it may lose it again: see [`Jit::loaded`]).
    pub fn has_native(&self, f: &Function) -> bool {
        f.jit.0.state.load(Ordering::Relaxed) > NEVER
    }

    /// The native code of function `id` (`f`), if it has some: counts the
    /// call, and compiles the function on the call that makes it hot.
    #[inline(always)]
    pub fn native(&self, code: &CodeTable, id: FunId, f: &Function) -> usize {
        let s = f.jit.0.state.load(Ordering::Relaxed);
        if s == NEVER {
            return 0;
        }
        if s != COUNTING {
            return s;
        }
        self.count(code, id)
    }

    /// Counts a call of `id`, which has no native code yet. Out of line,
    /// and with few arguments: the dispatch loop's registers are precious.
    #[inline(never)]
    fn count(&self, code: &CodeTable, id: FunId) -> usize {
        if SUSPENDED.with(|s| s.get()) > 0 {
            return 0;
        }
        let calls = &code.function(id).jit.0.calls;
        let n = calls.load(Ordering::Relaxed) as usize + 1;
        if n < self.hot.load(Ordering::Relaxed) {
            // Racy across schedulers, and that is fine: a count only
            // decides when to compile.
            calls.store(n as u32, Ordering::Relaxed);
            return 0;
        }
        self.compile(code, id)
    }

    /// Compiles `id` (and gives its native code), or marks it to stay interpreted.
    #[cold]
    #[inline(never)]
    fn compile(&self, code: &CodeTable, id: FunId) -> usize {
        let _t = crate::timing::enter(crate::timing::Phase::Jit);
        let slot = &code.function(id).jit.0;
        let mut guard = self.backend.lock().unwrap_or_else(|e| e.into_inner());
        let compiler = &mut *guard;
        let s = slot.state.load(Ordering::Relaxed);
        if s != COUNTING {
            // Another scheduler got here first.
            return if s == NEVER { 0 } else { s };
        }
        if self.hot.load(Ordering::Relaxed) == 0 || !compilable(code, id) {
            if self.hot.load(Ordering::Relaxed) != 0 {
                // Compiled again once the modules it misses are loaded.
                for m in unresolved_modules(code, id) {
                    let w = compiler.waiting.entry(m).or_default();
                    if !w.contains(&id) {
                        w.push(id);
                    }
                }
            }
            slot.state.store(NEVER, Ordering::Relaxed);
            log(code, id, || {
                let f = code.function(id);
                let op = f
                    .code
                    .iter()
                    .find(|op| !supported(std::slice::from_ref(op)));
                let why = op.map_or_else(
                    || {
                        // The first callee that stays interpreted, and why.
                        let callee = f
                            .code
                            .iter()
                            .filter_map(|op| callee(code, op))
                            .find(|c| !supported(&code.function(*c).code));
                        match callee {
                            Some(c) => {
                                let cf = code.function(c);
                                let op = cf
                                    .code
                                    .iter()
                                    .find(|op| !supported(std::slice::from_ref(op)));
                                format!(
                                    "calls {}.{}/{}, which has {op:?}",
                                    atom::name(cf.module),
                                    atom::name(cf.name),
                                    cf.arity
                                )
                            }
                            None => "calls one that is".to_owned(),
                        }
                    },
                    |op| format!("{op:?}"),
                );
                format!("interpreted ({why})")
            });
            return 0;
        }
        if compiler.backend.is_none() {
            match Backend::new() {
                Some(b) => {
                    self.adapter.store(b.adapter, Ordering::Release);
                    compiler.backend = Some(b);
                }
                None => {
                    // No backend for this machine: interpret everything.
                    self.hot.store(0, Ordering::Relaxed);
                    slot.state.store(NEVER, Ordering::Relaxed);
                    return 0;
                }
            }
        }
        let b = compiler.backend.as_mut().expect("created above");
        // A code generator failure (an error, or a panic) costs the
        // function its native code, never the program.
        let compiled =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| b.compile(code, id)));
        let s = compiled.ok().flatten().unwrap_or(NEVER);
        log(code, id, || {
            (if s == NEVER { "failed" } else { "native" }).to_owned()
        });
        if s != NEVER {
            // Calls into modules not loaded yet exit; compiled again once
            // they are.
            for m in unresolved_modules(code, id) {
                let w = compiler.waiting.entry(m).or_default();
                if !w.contains(&id) {
                    w.push(id);
                }
            }
            for m in code.function(id).code.iter().filter_map(|op| match *op {
                Op::CallExt { import, .. } | Op::TailCallExt { import, .. } => {
                    Some(code.import(import).module)
                }
                _ => None,
            }) {
                let b = compiler.bound.entry(m).or_default();
                if !b.contains(&id) {
                    b.push(id);
                }
            }
        }
        slot.state.store(s, Ordering::Release);
        if s == NEVER {
            0
        } else {
            s
        }
    }

    /// Modules were loaded (`redefined`: some of them replaced old
    /// versions): functions left interpreted for want of them, and native
    /// functions bound to the old versions, count their calls again, to be
    /// compiled anew against what is loaded now. (Until then, native code
    /// bound to an old version exits to the interpreter before each call
    /// into it: see [`Gen::check_import`](gen::Gen::check_import).) Code already running stays in
    /// memory and finishes.
    pub(crate) fn loaded(&self, code: &CodeTable, modules: &[Term], redefined: &[Term]) {
        let mut compiler = self.backend.lock().unwrap_or_else(|e| e.into_inner());
        let mut again = Vec::new();
        for m in modules {
            again.extend(compiler.waiting.remove(m).unwrap_or_default());
        }
        for m in redefined {
            again.extend(compiler.bound.remove(m).unwrap_or_default());
        }
        for id in again {
            let slot = &code.function(id).jit.0;
            slot.calls.store(0, Ordering::Relaxed);
            slot.slow_exits.store(0, Ordering::Relaxed);
            slot.state.store(COUNTING, Ordering::Release);
        }
    }

    /// Runs the native code `native` of a function whose window starts at
    /// register `base` of `p`, with `left` reductions. Returns the function's
    /// result, or where the interpreter continues: then the frames of the
    /// native callers are on `p.frames`, outermost first.
    #[allow(clippy::too_many_arguments)]
    pub fn call(
        &self,
        code: &CodeTable,
        native: usize,
        p: &mut Process,
        io: &mut dyn Io,
        rt: &dyn Sched,
        base: usize,
        left: &mut i64,
    ) -> Result<Term, Exit> {
        let start = p.frames.len();
        let range = p.regs.as_mut_ptr_range();
        let mut ctx = Ctx {
            left: *left,
            regs_end: range.end,
            stack_limit: 0,
            saved_left: 0,
            gc_wanted: false,
            regs: range.start,
            p,
            code,
            io,
            rt,
            exit: Exit::default(),
        };
        // About here is the top of the machine stack native code may use
        // (inside nested calls, no more than what they all may use).
        ctx.stack_limit = (&ctx as *const Ctx as usize)
            .saturating_sub(NATIVE_STACK)
            .max(STACK_FLOOR.with(|f| f.get()));
        let adapter = self.adapter.load(Ordering::Acquire);
        debug_assert!(adapter != 0, "native code exists, so the adapter does");
        // SAFETY: `adapter` is the adapter Backend::new compiled, of type
        // `extern "C" fn(*mut Ctx, usize, *mut Term) -> u64`; `native` is a
        // native function of this module's ABI; the window `base..` lies in
        // the register stack (the interpreter sized it for the callee); `ctx`
        // and the process it points to stay valid for the call, and nothing
        // but native code and its helpers touches the process meanwhile.
        let r = unsafe {
            let f: extern "C" fn(*mut Ctx, usize, *mut Term) -> u64 = std::mem::transmute(adapter);
            f(&mut ctx, native, range.start.add(base))
        };
        *left = if ctx.gc_wanted {
            ctx.saved_left
        } else {
            ctx.left
        };
        if r != 0 {
            Ok(Term::from_raw(r))
        } else {
            p.frames[start..].reverse();
            Err(ctx.exit)
        }
    }
}

/// With `BEAMLET_JIT_LOG` set, tells stderr what became of function `id`.
fn log(code: &CodeTable, id: FunId, what: impl FnOnce() -> String) {
    if std::env::var_os("BEAMLET_JIT_LOG").is_some() {
        let f = code.function(id);
        let (m, n) = (atom::name(f.module), atom::name(f.name));
        // Not eprintln!: a closed stderr must not panic a scheduler thread.
        let line = format!("jit: {m}.{n}/{}: {}\n", f.arity, what());
        let _ = std::io::Write::write_all(&mut std::io::stderr(), line.as_bytes());
    }
}

/// Whether every instruction of `ops` is one native code handles.
fn supported(ops: &[Op]) -> bool {
    ops.iter().all(|op| match *op {
        Op::Move { .. }
        | Op::Const { .. }
        | Op::Call { .. }
        | Op::TailCall { .. }
        | Op::CallAddImm { .. }
        | Op::TailCallAddImm { .. }
        | Op::Return { .. }
        | Op::ReturnIf { .. }
        | Op::AddReturn { .. }
        | Op::Jump { .. }
        | Op::IsType { .. }
        | Op::IsTuple { .. }
        | Op::IsEqExact { .. }
        | Op::IsNeExact { .. }
        | Op::IsEq { .. }
        | Op::IsNe { .. }
        | Op::IsLt { .. }
        | Op::IsGe { .. }
        | Op::CmpImm { .. }
        | Op::IsEqLit { .. }
        | Op::IsTruthy { .. }
        | Op::GetElem { .. }
        | Op::GetList { .. }
        | Op::Add { .. }
        | Op::AddImm { .. }
        | Op::Sub { .. }
        | Op::Mul { .. }
        | Op::SelectLit { .. }
        | Op::Error { .. }
        | Op::Badmatch { .. }
        | Op::CaseClause { .. }
        | Op::FunctionClause
        | Op::Bif { .. }
        | Op::GetMapValue { .. }
        | Op::BinSplitPrefix { .. }
        | Op::MakeTuple { .. }
        | Op::Cons { .. }
        | Op::MakeMap { .. }
        | Op::MapUpdate { .. }
        | Op::MakeClosure { .. }
        | Op::CallFun { .. }
        | Op::TailCallFun { .. }
        | Op::Apply { .. }
        | Op::ProtocolCall { .. } => true,
        // A call into a module not loaded yet exits to the interpreter
        // (which loads it); the function is compiled anew once it is.
        Op::CallExt { .. } | Op::TailCallExt { .. } => true,
        _ => false,
    })
}

/// The function a call instruction calls by name, if `op` is one.
fn callee(code: &CodeTable, op: &Op) -> Option<FunId> {
    match *op {
        Op::Call { fun, .. }
        | Op::TailCall { fun, .. }
        | Op::CallAddImm { fun, .. }
        | Op::TailCallAddImm { fun, .. } => Some(fun),
        Op::CallExt { import, .. } | Op::TailCallExt { import, .. } => code.resolve_import(import),
        _ => None,
    }
}

/// The modules that functions `id` calls by name, or the functions it calls
/// by name call by name, that are not loaded (or lack the function).
fn unresolved_modules(code: &CodeTable, id: FunId) -> Vec<Term> {
    let f = code.function(id);
    let mut out = Vec::new();
    let callees = f.code.iter().filter_map(|op| callee(code, op));
    for g in std::iter::once(id).chain(callees) {
        for op in &code.function(g).code {
            if let Op::CallExt { import, .. } | Op::TailCallExt { import, .. } = *op {
                if code.resolve_import(import).is_none() {
                    let m = code.import(import).module;
                    if !out.contains(&m) {
                        out.push(m);
                    }
                }
            }
        }
    }
    out
}

/// Whether `id` is worth compiling: it and the functions it calls by name
/// are all translatable (a call to an interpreted function would exit each time).
fn compilable(code: &CodeTable, id: FunId) -> bool {
    let f = code.function(id);
    supported(&f.code)
        && f.code
            .iter()
            .filter_map(|op| callee(code, op))
            .all(|c| supported(&code.function(c).code))
}

/// Why native code exits: counted ([`MAX_SLOW_EXITS`]) or not.
#[cfg_attr(not(feature = "jit"), allow(dead_code))] // used by the code generator
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Why {
    /// The budget, the stack, a raise: the interpreter would stop here too.
    Limit = 0,
    /// An operand or callee native code does not handle.
    Slow = 1,
}
