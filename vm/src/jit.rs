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
//!   [`Frame`]. The interpreter then continues exactly where native code
//!   stopped. An exit happens *before* the instruction has any effect (the
//!   interpreter runs it whole), or after one that raised (the interpreter
//!   raises it there).
//! - **Helpers.** Data instructions (BIF calls, map constructors, binary
//!   matching) run in [`jit_step`], on the dispatch loop's own code
//!   (`interp::data_op`). Those that cannot raise have direct helpers that
//!   skip decoding the instruction again (`jit_cons`, `jit_tuple`,
//!   `jit_closure`, `jit_map_get`), and type tests (`IsType`, `is_list/1`
//!   and the other type-test BIFs) are tested on the word's tag and header
//!   in native code. Allocation never collects; a helper that leaves
//!   the heap wanting a collection zeroes the budget, so the next native
//!   entry calls [`jit_enter_slow`], which collects there (a safe point: the
//!   windows below hold everything live) and restores the budget.
//! - **Loading while running.** Code is loaded while native code runs
//!   (code.rs). A call by name is compiled to call the function its import
//!   resolved to then; it first compares the import's cache (a fixed
//!   address) with that function ([`Gen::check_import`]) and exits before
//!   the call when they differ, as after a redefinition of the callee's
//!   module, so no native code calls an old version by name. The load also
//!   makes the functions bound to the old version, and those left
//!   interpreted because a module they call was missing, count their calls
//!   again to be compiled anew ([`Jit::loaded`]).
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
//! helpers below are the only Rust it calls.

use crate::atom;
use crate::code::{CmpOp, CodeTable, FunId, Function, Op, TypeTest};
use crate::ctx::{Io, Sched};
use crate::interp::{data_op, Flow};
use crate::order;
use crate::process::{Exn, Frame, Process};
use crate::term::{Header, HeaderKind, Term};
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::types::I64;
use cranelift_codegen::ir::{
    AbiParam, Block, FuncRef, InstBuilder, MemFlagsData, SigRef, Signature, UserFuncName, Value,
};
use cranelift_codegen::isa::{CallConv, TargetFrontendConfig};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Switch};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{Linkage, Module};
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::Mutex;

/// Machine stack native calls may use before a call exits to the interpreter
/// (a native activation takes tens of bytes; scheduler threads have megabytes).
pub const NATIVE_STACK: usize = 256 << 10;
/// Exits for slow operands after which a function is no longer entered natively.
pub const MAX_SLOW_EXITS: u32 = 1000;
/// Calls before a function is compiled, by default.
pub const DEFAULT_HOT: usize = 1000;

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

const CTX_LEFT: i32 = 0;
const CTX_REGS_END: i32 = 8;
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
    /// into it: see [`Gen::check_import`].) Code already running stays in
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
        eprintln!("jit: {m}.{n}/{}: {}", f.arity, what());
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

/// Cranelift's module, and what every function's code refers to.
struct Backend {
    module: JITModule,
    fctx: FunctionBuilderContext,
    /// `(ctx, win) -> word`, tail convention.
    sig: Signature,
    /// The platform's C convention, for the helpers.
    host: CallConv,
    adapter: usize,
}

// SAFETY: the backend is only used under `Jit::backend`'s mutex; the raw
// pointers JITModule holds (its code memory) are not tied to a thread.
unsafe impl Send for Backend {}

impl Backend {
    fn new() -> Option<Backend> {
        let mut flags = settings::builder();
        flags.set("opt_level", "speed").ok()?;
        flags.set("use_colocated_libcalls", "false").ok()?;
        flags.set("is_pic", "false").ok()?;
        // Cranelift's tail calls need frame pointers.
        flags.set("preserve_frame_pointers", "true").ok()?;
        // Checking the IR costs more than generating code: in test builds only.
        let verify = if cfg!(debug_assertions) {
            "true"
        } else {
            "false"
        };
        flags.set("enable_verifier", verify).ok()?;
        let isa = cranelift_native::builder()
            .ok()?
            .finish(settings::Flags::new(flags))
            .ok()?;
        let host = isa.default_call_conv();
        let module = JITModule::new(JITBuilder::with_isa(
            isa,
            cranelift_module::default_libcall_names(),
        ));
        let mut sig = Signature::new(CallConv::Tail);
        sig.params.extend([AbiParam::new(I64); 2]);
        sig.returns.push(AbiParam::new(I64));
        let mut b = Backend {
            module,
            fctx: FunctionBuilderContext::new(),
            sig,
            host,
            adapter: 0,
        };
        b.adapter = b.build_adapter()?;
        Some(b)
    }

    /// `extern "C" fn(ctx, fun, win) -> word`: calls native function `fun`.
    fn build_adapter(&mut self) -> Option<usize> {
        let mut sig = Signature::new(self.host);
        sig.params.extend([AbiParam::new(I64); 3]);
        sig.returns.push(AbiParam::new(I64));
        let id = self
            .module
            .declare_function("beamlet_enter", Linkage::Local, &sig)
            .ok()?;
        let mut ctx = self.module.make_context();
        ctx.func.signature = sig;
        {
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut self.fctx);
            let entry = b.create_block();
            b.append_block_params_for_function_params(entry);
            b.switch_to_block(entry);
            let p = b.block_params(entry).to_vec();
            let tail = b.import_signature(self.sig.clone());
            let call = b.ins().call_indirect(tail, p[1], &[p[0], p[2]]);
            let r = b.inst_results(call)[0];
            b.ins().return_(&[r]);
            b.seal_all_blocks();
            b.finalize(self.module.target_config());
        }
        self.module.define_function(id, &mut ctx).ok()?;
        self.module.clear_context(&mut ctx);
        self.module.finalize_definitions().ok()?;
        Some(self.module.get_finalized_function(id) as usize)
    }

    fn compile(&mut self, code: &CodeTable, fid: FunId) -> Option<usize> {
        let f = code.function(fid);
        let id = self.module.declare_anonymous_function(&self.sig).ok()?;
        let mut ctx = self.module.make_context();
        ctx.func.signature = self.sig.clone();
        ctx.func.name = UserFuncName::user(0, fid);
        let self_ref = self.module.declare_func_in_func(id, &mut ctx.func);
        {
            let b = FunctionBuilder::new(&mut ctx.func, &mut self.fctx);
            let mut g = Gen::new(
                b,
                code,
                fid,
                f,
                self_ref,
                &self.sig,
                self.host,
                self.module.target_config(),
            );
            for pc in 0..f.code.len() {
                g.op(pc);
            }
            g.finish();
        }
        let defined = self.module.define_function(id, &mut ctx);
        if let (Ok(dir), Some(cc)) = (std::env::var("BEAMLET_JIT_DUMP"), ctx.compiled_code()) {
            let _ = std::fs::write(format!("{dir}/{fid}.bin"), cc.code_buffer());
        }
        self.module.clear_context(&mut ctx);
        defined.ok()?;
        self.module.finalize_definitions().ok()?;
        Some(self.module.get_finalized_function(id) as usize)
    }
}

/// Why native code exits: counted ([`MAX_SLOW_EXITS`]) or not.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Why {
    /// The budget, the stack, a raise: the interpreter would stop here too.
    Limit = 0,
    /// An operand or callee native code does not handle.
    Slow = 1,
}

/// Translates one function's bytecode into Cranelift IR, instruction by instruction.
struct Gen<'a, 'b> {
    b: FunctionBuilder<'b>,
    code: &'a CodeTable,
    fid: FunId,
    f: &'a Function,
    ctx: Value,
    win: Value,
    /// The entry checks (see [`Gen::entry_checks`]), where a self tail call goes.
    start: Block,
    /// The block of each instruction.
    blocks: Vec<Block>,
    exits: HashMap<(usize, Why), Block>,
    self_ref: FuncRef,
    tail: SigRef,
    /// Helper signatures by parameter count.
    helpers: HashMap<usize, SigRef>,
    host: CallConv,
    frontend: TargetFrontendConfig,
}

impl<'a, 'b> Gen<'a, 'b> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        mut b: FunctionBuilder<'b>,
        code: &'a CodeTable,
        fid: FunId,
        f: &'a Function,
        self_ref: FuncRef,
        sig: &Signature,
        host: CallConv,
        frontend: TargetFrontendConfig,
    ) -> Gen<'a, 'b> {
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        let start = b.create_block();
        let blocks: Vec<Block> = (0..f.code.len()).map(|_| b.create_block()).collect();
        b.switch_to_block(entry);
        let p = b.block_params(entry).to_vec();
        b.ins().jump(start, &[]);
        b.switch_to_block(start);
        let tail = b.import_signature(sig.clone());
        let mut g = Gen {
            b,
            code,
            fid,
            f,
            ctx: p[0],
            win: p[1],
            start,
            blocks,
            exits: HashMap::new(),
            self_ref,
            tail,
            helpers: HashMap::new(),
            host,
            frontend,
        };
        g.entry_checks();
        g
    }

    fn imm(&mut self, v: u64) -> Value {
        self.b.ins().iconst(I64, v as i64)
    }

    fn get(&mut self, r: u16) -> Value {
        self.b
            .ins()
            .load(I64, MemFlagsData::trusted(), self.win, 8 * r as i32)
    }

    fn set(&mut self, r: u16, v: Value) {
        self.b
            .ins()
            .store(MemFlagsData::trusted(), v, self.win, 8 * r as i32);
    }

    /// Calls the Rust helper at `addr` with word arguments; it returns a word.
    fn helper(&mut self, addr: usize, args: &[Value]) -> Value {
        let sig = match self.helpers.get(&args.len()) {
            Some(s) => *s,
            None => {
                let mut sig = Signature::new(self.host);
                sig.params
                    .extend(std::iter::repeat_n(AbiParam::new(I64), args.len()));
                sig.returns.push(AbiParam::new(I64));
                let s = self.b.import_signature(sig);
                self.helpers.insert(args.len(), s);
                s
            }
        };
        let f = self.imm(addr as u64);
        let call = self.b.ins().call_indirect(sig, f, args);
        self.b.inst_results(call)[0]
    }

    /// Calls a helper about instruction `pc` of this function: its
    /// arguments are `(ctx, fun, pc, win, extra...)`.
    fn helper_at(&mut self, addr: usize, pc: usize, extra: &[Value]) -> Value {
        let fid = self.imm(self.fid as u64);
        let pcv = self.imm(pc as u64);
        let mut args = vec![self.ctx, fid, pcv, self.win];
        args.extend_from_slice(extra);
        self.helper(addr, &args)
    }

    /// The block that exits to the interpreter before instruction `pc`
    /// (filled in by [`Gen::finish`]).
    fn exit(&mut self, pc: usize, why: Why) -> Block {
        if let Some(b) = self.exits.get(&(pc, why)) {
            return *b;
        }
        let blk = self.b.create_block();
        self.b.set_cold_block(blk);
        self.exits.insert((pc, why), blk);
        blk
    }

    /// Fills the exit blocks and completes the function.
    fn finish(mut self) {
        let mut exits: Vec<((usize, Why), Block)> = self.exits.drain().collect();
        exits.sort_by_key(|((pc, why), _)| (*pc, *why as u8));
        for ((pc, why), blk) in exits {
            self.b.switch_to_block(blk);
            let whyv = self.imm(why as u64);
            let zero = self.helper_at(jit_exit as *const () as usize, pc, &[whyv]);
            self.b.ins().return_(&[zero]);
        }
        self.b.seal_all_blocks();
        self.b.finalize(self.frontend);
    }

    /// Continues in a new block when `cond` is false, going to `to` when true.
    fn branch_if(&mut self, cond: Value, to: Block) {
        let next = self.b.create_block();
        self.b.ins().brif(cond, to, &[], next, &[]);
        self.b.switch_to_block(next);
    }

    /// Branches to `then` when word `x` passes `test`, else to `els`: on
    /// the tag bits (and the header's kind) for the common tests, by the
    /// `jit_is_type` helper for the others (and for integers that are not
    /// small).
    fn type_test(&mut self, x: Value, test: TypeTest, then: Block, els: Block) {
        let tag = |g: &mut Self, bits: i64| {
            let t = g.b.ins().band_imm_u(x, 0b111);
            g.b.ins().icmp_imm_s(IntCC::Equal, t, bits)
        };
        let boxed_kind = |g: &mut Self, kinds: &[HeaderKind]| {
            let b = tag(g, 0);
            let load = g.b.create_block();
            g.b.ins().brif(b, load, &[], els, &[]);
            g.b.switch_to_block(load);
            let h = g.b.ins().load(I64, MemFlagsData::trusted(), x, 0);
            let low = g.b.ins().band_imm_u(h, 0xff);
            let mut ok = None;
            for &k in kinds {
                let want = Header::new(k, 0).0 & 0xff;
                let c = g.b.ins().icmp_imm_s(IntCC::Equal, low, want as i64);
                ok = Some(match ok {
                    None => c,
                    Some(o) => g.b.ins().bor(o, c),
                });
            }
            ok.expect("at least one kind")
        };
        let ok = match test {
            TypeTest::Cons => tag(self, 0b010),
            TypeTest::Nil => self
                .b
                .ins()
                .icmp_imm_s(IntCC::Equal, x, Term::NIL.raw() as i64),
            TypeTest::List => {
                let c = tag(self, 0b010);
                let n = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::Equal, x, Term::NIL.raw() as i64);
                self.b.ins().bor(c, n)
            }
            TypeTest::Atom => {
                let low = self.b.ins().band_imm_u(x, 0xff);
                let want = atom::TRUE.raw() & 0xff;
                self.b.ins().icmp_imm_s(IntCC::Equal, low, want as i64)
            }
            TypeTest::Boolean => {
                let t = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::Equal, x, atom::TRUE.raw() as i64);
                let f = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::Equal, x, atom::FALSE.raw() as i64);
                self.b.ins().bor(t, f)
            }
            TypeTest::Tuple => boxed_kind(self, &[HeaderKind::Tuple]),
            TypeTest::Map => boxed_kind(self, &[HeaderKind::Map, HeaderKind::HashMap]),
            _ => {
                if matches!(test, TypeTest::Integer | TypeTest::Number) {
                    let small = self.b.ins().band_imm_u(x, 1);
                    self.branch_if(small, then);
                }
                let t = self.imm(test as u64);
                self.helper(jit_is_type as *const () as usize, &[x, t])
            }
        };
        self.b.ins().brif(ok, then, &[], els, &[]);
    }

    /// Whether both words are small integers (as a value to branch on).
    fn both_small(&mut self, x: Value, y: Value) -> Value {
        let a = self.b.ins().band(x, y);
        self.b.ins().band_imm_u(a, 1)
    }

    /// Goes to `then` if `x cc y` in term order, else to `els`: on the
    /// words when both are small integers, else by `order::compare`.
    fn compare(&mut self, x: Value, y: Value, cc: IntCC, then: Block, els: Block) {
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        let s = self.both_small(x, y);
        self.b.ins().brif(s, fast, &[], slow, &[]);
        self.b.switch_to_block(fast);
        let c = self.b.ins().icmp(cc, x, y);
        self.b.ins().brif(c, then, &[], els, &[]);
        self.b.switch_to_block(slow);
        self.b.set_cold_block(slow);
        let o = self.helper(jit_compare as *const () as usize, &[x, y]);
        let c = self.b.ins().icmp_imm_s(cc, o, 0);
        self.b.ins().brif(c, then, &[], els, &[]);
    }

    /// Goes to `then` if the words are equal or else `pred(x, y)` (a helper
    /// returning 0 or 1) holds, else to `els`.
    fn equal(&mut self, x: Value, y: Value, pred: usize, then: Block, els: Block) {
        let differ = self.b.create_block();
        let c = self.b.ins().icmp(IntCC::Equal, x, y);
        self.b.ins().brif(c, then, &[], differ, &[]);
        self.b.switch_to_block(differ);
        let r = self.helper(pred, &[x, y]);
        self.b.ins().brif(r, then, &[], els, &[]);
    }

    /// `x + y` on tagged small integers (`y_word` is `y`'s word minus the
    /// tag, `2*y`): exits to the interpreter at `pc` on overflow or when
    /// `check` is not a small integer.
    fn small_add(&mut self, pc: usize, check: Value, x: Value, y_word: Value, sub: bool) -> Value {
        let slow = self.exit(pc, Why::Slow);
        let bit = self.b.ins().band_imm_u(check, 1);
        let not_small = self.b.ins().icmp_imm_s(IntCC::Equal, bit, 0);
        self.branch_if(not_small, slow);
        let (r, of) = if sub {
            self.b.ins().ssub_overflow(x, y_word)
        } else {
            self.b.ins().sadd_overflow(x, y_word)
        };
        self.branch_if(of, slow);
        r
    }

    /// The checks every entry makes (also a self tail call's), before
    /// instruction 0: a reduction (or, when none is left, the slow path:
    /// a collection a helper asked for, or the end of the slice), room on
    /// the machine stack, room for the window in the register stack. When a
    /// check fails, native code exits before instruction 0 and the
    /// interpreter runs the function.
    fn entry_checks(&mut self) {
        let limit = self.exit(0, Why::Limit);
        let flags = MemFlagsData::trusted();
        let left = self.b.ins().load(I64, flags, self.ctx, CTX_LEFT);
        let out = self
            .b
            .ins()
            .icmp_imm_s(IntCC::SignedLessThanOrEqual, left, 0);
        let slow = self.b.create_block();
        let spend = self.b.create_block();
        let room = self.b.create_block();
        self.b.ins().brif(out, slow, &[], spend, &[]);
        self.b.switch_to_block(slow);
        self.b.set_cold_block(slow);
        let go = self.helper_at(jit_enter_slow as *const () as usize, 0, &[]);
        self.return_if_zero(go);
        self.b.ins().jump(room, &[]);
        self.b.switch_to_block(spend);
        let left = self.b.ins().iadd_imm_s(left, -1);
        self.b.ins().store(flags, left, self.ctx, CTX_LEFT);
        self.b.ins().jump(room, &[]);
        self.b.switch_to_block(room);
        let sp = self.b.ins().get_stack_pointer(I64);
        let floor = self.b.ins().load(I64, flags, self.ctx, CTX_STACK_LIMIT);
        let deep = self.b.ins().icmp(IntCC::UnsignedLessThan, sp, floor);
        self.branch_if(deep, limit);
        let end = self.b.ins().iadd_imm_s(self.win, 8 * self.f.nregs as i64);
        let regs_end = self.b.ins().load(I64, flags, self.ctx, CTX_REGS_END);
        let over = self.b.ins().icmp(IntCC::UnsignedGreaterThan, end, regs_end);
        self.branch_if(over, limit);
        self.b.ins().jump(self.blocks[0], &[]);
    }

    /// Returns `r` (0, an exit) when it is 0, else goes on in a new block.
    fn return_if_zero(&mut self, r: Value) {
        let stop = self.b.create_block();
        self.b.set_cold_block(stop);
        let next = self.b.create_block();
        self.b.ins().brif(r, next, &[], stop, &[]);
        self.b.switch_to_block(stop);
        self.b.ins().return_(&[r]);
        self.b.switch_to_block(next);
    }

    /// A data instruction (see `interp::data_op`), run by the step helper.
    fn data(&mut self, pc: usize, fail: Option<u32>) {
        let r = self.helper_at(jit_step as *const () as usize, pc, &[]);
        self.return_if_zero(r);
        let next = self.blocks[pc + 1];
        match fail {
            Some(l) => {
                let jump = self.b.ins().icmp_imm_s(IntCC::Equal, r, STEP_FAIL as i64);
                self.b
                    .ins()
                    .brif(jump, self.blocks[l as usize], &[], next, &[]);
            }
            None => {
                self.b.ins().jump(next, &[]);
            }
        }
    }

    /// A two-argument arithmetic or comparison BIF (`rem`, `div`, `==`,
    /// `<`...) at `pc`: on the words when both arguments are small integers
    /// (and the division defined and small), else by the built-in itself
    /// through `jit_step`, as any other BIF.
    fn small_int_bif(&mut self, pc: usize, kind: SmallBif, args: u16, dst: u16, fail: Option<u32>) {
        let (x, y) = (self.get(args), self.get(args + 1));
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        let s = self.both_small(x, y);
        self.b.ins().brif(s, fast, &[], slow, &[]);
        self.b.switch_to_block(fast);
        let v = match kind {
            SmallBif::Compare(cc) => {
                // Tagged small integers (2n + 1) order as the integers do.
                let c = self.b.ins().icmp(cc, x, y);
                let t = self.imm(atom::TRUE.raw());
                let f = self.imm(atom::FALSE.raw());
                self.b.ins().select(c, t, f)
            }
            SmallBif::Rem | SmallBif::Div => {
                let xs = self.b.ins().sshr_imm_u(x, 1);
                let ys = self.b.ins().sshr_imm_u(y, 1);
                // A zero divisor raises, and the smallest small integer
                // divided by -1 is not small: both by the built-in.
                let zero = self.b.ins().icmp_imm_s(IntCC::Equal, ys, 0);
                self.branch_if(zero, slow);
                let q = if matches!(kind, SmallBif::Rem) {
                    self.b.ins().srem(xs, ys)
                } else {
                    let minus_one = self.b.ins().icmp_imm_s(IntCC::Equal, ys, -1);
                    self.branch_if(minus_one, slow);
                    self.b.ins().sdiv(xs, ys)
                };
                let q2 = self.b.ins().ishl_imm_u(q, 1);
                self.b.ins().bor_imm_u(q2, 1)
            }
        };
        self.set(dst, v);
        let next = self.blocks[pc + 1];
        self.b.ins().jump(next, &[]);
        self.b.switch_to_block(slow);
        self.data(pc, fail)
    }

    /// `CallFun`/`TailCallFun` at `pc`: the fun helper checks the fun and
    /// sets up the callee's window, or exits.
    fn call_fun(&mut self, pc: usize, args: u16, dst: Option<u16>) {
        // The instruction's operands travel packed in one word, so the
        // helper need not decode the instruction at each call.
        let (fun_reg, from, n, tail) = match self.f.code[pc] {
            Op::CallFun { fun, args, n, .. } => (fun, args, n, false),
            Op::TailCallFun { fun, args, n } => (fun, args, n, true),
            op => unreachable!("not a fun call: {op:?}"),
        };
        let packed = FunCall {
            fun_reg,
            args: from,
            n,
            tail,
        }
        .pack();
        let packed = self.imm(packed);
        let t = self.helper_at(jit_fun_target as *const () as usize, pc, &[packed]);
        self.return_if_zero(t);
        match dst {
            Some(dst) => self.finish_call(pc, Some(t), args, dst),
            None => {
                let argv = [self.ctx, self.win];
                self.b.ins().return_call_indirect(self.tail, t, &argv);
            }
        }
    }

    /// Native call of `fun` with the window at `args`, result in `dst`;
    /// `pre` stores the last argument once the call is sure to happen.
    fn call(&mut self, pc: usize, fun: FunId, args: u16, dst: u16, pre: Option<(u16, Value)>) {
        let target = self.target(pc, fun);
        if let Some((r, v)) = pre {
            self.set(r, v);
        }
        self.finish_call(pc, target, args, dst);
    }

    /// Calls `target` (this function when `None`) with the window at
    /// `args`, and stores the result in `dst`, or turns this activation
    /// into an interpreter frame when the callee exited.
    fn finish_call(&mut self, pc: usize, target: Option<Value>, args: u16, dst: u16) {
        let new_win = self.b.ins().iadd_imm_s(self.win, 8 * args as i64);
        let argv = [self.ctx, new_win];
        let call = match target {
            None => self.b.ins().call(self.self_ref, &argv),
            Some(t) => self.b.ins().call_indirect(self.tail, t, &argv),
        };
        let r = self.b.inst_results(call)[0];
        let unwind = self.b.create_block();
        let ok = self.b.create_block();
        self.b.ins().brif(r, ok, &[], unwind, &[]);
        self.b.switch_to_block(unwind);
        self.b.set_cold_block(unwind);
        let dstv = self.imm(dst as u64);
        let zero = self.helper_at(jit_frame as *const () as usize, pc + 1, &[dstv]);
        self.b.ins().return_(&[zero]);
        self.b.switch_to_block(ok);
        self.set(dst, r);
        self.b.ins().jump(self.blocks[pc + 1], &[]);
    }

    /// Tail call of `fun` with the arguments at `args..args+n`.
    fn tail_call(&mut self, pc: usize, fun: FunId, args: u16, n: u8, pre: Option<(u16, Value)>) {
        let target = self.target(pc, fun);
        if let Some((r, v)) = pre {
            self.set(r, v);
        }
        let vals: Vec<Value> = (0..n as u16).map(|i| self.get(args + i)).collect();
        for (i, v) in vals.into_iter().enumerate() {
            self.set(i as u16, v);
        }
        match target {
            None => {
                self.b.ins().jump(self.start, &[]);
            }
            Some(t) => {
                let argv = [self.ctx, self.win];
                self.b.ins().return_call_indirect(self.tail, t, &argv);
            }
        }
    }

    /// The native code to call for `fun`: `None` for this function itself
    /// (a direct call), else loaded from its slot; when the slot has none
    /// yet, the callee helper counts the call (and may compile), or exits.
    fn target(&mut self, pc: usize, fun: FunId) -> Option<Value> {
        if fun == self.fid {
            return None;
        }
        let slot = &*self.code.function(fun).jit.0 as *const SlotState;
        let addr = self.imm(slot as u64);
        let s = self.b.ins().load(I64, MemFlagsData::trusted(), addr, 0);
        // Native iff neither COUNTING (0) nor NEVER (1).
        let none = self
            .b
            .ins()
            .icmp_imm_u(IntCC::UnsignedLessThanOrEqual, s, NEVER as i64);
        let miss = self.b.create_block();
        self.b.set_cold_block(miss);
        let done = self.b.create_block();
        self.b.append_block_param(done, I64);
        self.b.ins().brif(none, miss, &[], done, &[s.into()]);
        self.b.switch_to_block(miss);
        let callee = self.imm(fun as u64);
        let t = self.helper_at(jit_callee as *const () as usize, pc, &[callee]);
        self.return_if_zero(t);
        self.b.ins().jump(done, &[t.into()]);
        self.b.switch_to_block(done);
        Some(self.b.block_params(done)[0])
    }

    /// Exits to the interpreter before the call at `pc` unless import
    /// `import` still resolves to `fun`, the function this code was
    /// compiled to call: redefining its module clears the import's cache
    /// (code.rs), so native code never calls an old version by name. The
    /// interpreter then resolves the import anew and makes the call.
    fn check_import(&mut self, pc: usize, import: u32, fun: FunId) {
        let stale = self.exit(pc, Why::Limit);
        let cache = &self.code.import(import).cache as *const AtomicU32;
        let addr = self.imm(cache as u64);
        let c = self.b.ins().uload32(MemFlagsData::trusted(), addr, 0);
        let moved = self.b.ins().icmp_imm_s(IntCC::NotEqual, c, fun as i64);
        self.branch_if(moved, stale);
    }

    /// A call by name into a module not loaded when this code was made:
    /// the interpreter makes it (loading the module, which has this
    /// function compiled anew: `Jit::loaded`).
    fn unresolved(&mut self, pc: usize) {
        let exit = self.exit(pc, Why::Limit);
        self.b.ins().jump(exit, &[]);
    }

    fn goto(&mut self, to: u32) {
        self.b.ins().jump(self.blocks[to as usize], &[]);
    }

    fn op(&mut self, pc: usize) {
        self.b.switch_to_block(self.blocks[pc]);
        let next = |g: &Gen| g.blocks.get(pc + 1).copied();
        let op = self.f.code[pc];
        match op {
            Op::Move { dst, src } => {
                let v = self.get(src);
                self.set(dst, v);
            }
            Op::Const { dst, lit } => {
                let v = self.imm(self.f.literals[lit as usize].raw());
                self.set(dst, v);
            }
            Op::Call { fun, args, dst, .. } => return self.call(pc, fun, args, dst, None),
            Op::TailCall { fun, args, n } => return self.tail_call(pc, fun, args, n, None),
            Op::CallExt {
                import, args, dst, ..
            } => {
                let Some(fun) = self.code.resolve_import(import) else {
                    return self.unresolved(pc);
                };
                self.check_import(pc, import, fun);
                return self.call(pc, fun, args, dst, None);
            }
            Op::TailCallExt { import, args, n } => {
                let Some(fun) = self.code.resolve_import(import) else {
                    return self.unresolved(pc);
                };
                self.check_import(pc, import, fun);
                return self.tail_call(pc, fun, args, n, None);
            }
            Op::CallAddImm {
                fun,
                args,
                n,
                dst,
                a,
                imm,
            } => {
                let x = self.get(a);
                let y = self.imm((2 * imm as i64) as u64);
                let v = self.small_add(pc, x, x, y, false);
                return self.call(pc, fun, args, dst, Some((args + n as u16 - 1, v)));
            }
            Op::TailCallAddImm {
                fun,
                args,
                n,
                a,
                imm,
            } => {
                let x = self.get(a);
                let y = self.imm((2 * imm as i64) as u64);
                let v = self.small_add(pc, x, x, y, false);
                return self.tail_call(pc, fun, args, n, Some((args + n as u16 - 1, v)));
            }
            Op::Return { src } => {
                let v = self.get(src);
                self.b.ins().return_(&[v]);
                return;
            }
            Op::ReturnIf { a, imm, op, src } => {
                let ret = self.b.create_block();
                let after = next(self).expect("a ReturnIf is followed");
                let x = self.get(a);
                let y = self.imm(Term::small(imm as i64).raw());
                self.compare(x, y, cc(op), ret, after);
                self.b.switch_to_block(ret);
                let v = self.get(src);
                self.b.ins().return_(&[v]);
                return;
            }
            Op::AddReturn { a, b } => {
                let (x, y) = (self.get(a), self.get(b));
                let both = self.b.ins().band(x, y);
                let y1 = self.b.ins().iadd_imm_s(y, -1);
                let v = self.small_add(pc, both, x, y1, false);
                self.b.ins().return_(&[v]);
                return;
            }
            Op::Jump { to } => return self.goto(to),
            Op::IsType { r, ty, fail } => {
                let x = self.get(r);
                let (then, els) = (next(self).expect("followed"), self.blocks[fail as usize]);
                self.type_test(x, TypeTest::ALL[ty as usize], then, els);
                return;
            }
            Op::IsTuple { r, arity, fail } => {
                let x = self.get(r);
                let fail = self.blocks[fail as usize];
                let tag = self.b.ins().band_imm_u(x, 7);
                self.branch_if(tag, fail);
                let h = self.b.ins().load(I64, MemFlagsData::trusted(), x, 0);
                let want = Header::new(HeaderKind::Tuple, arity as usize).0;
                let ok = self.b.ins().icmp_imm_s(IntCC::Equal, h, want as i64);
                let then = next(self).expect("followed");
                self.b.ins().brif(ok, then, &[], fail, &[]);
                return;
            }
            Op::IsEqExact { a, b, fail } | Op::IsNeExact { a, b, fail } => {
                let (x, y) = (self.get(a), self.get(b));
                let (t, f) = (next(self).expect("followed"), self.blocks[fail as usize]);
                let (eq, ne) = if matches!(op, Op::IsEqExact { .. }) {
                    (t, f)
                } else {
                    (f, t)
                };
                self.equal(x, y, jit_exact_eq as *const () as usize, eq, ne);
                return;
            }
            Op::IsEq { a, b, fail } | Op::IsNe { a, b, fail } => {
                let (x, y) = (self.get(a), self.get(b));
                let (t, f) = (next(self).expect("followed"), self.blocks[fail as usize]);
                let (eq, ne) = if matches!(op, Op::IsEq { .. }) {
                    (t, f)
                } else {
                    (f, t)
                };
                self.equal(x, y, jit_eq as *const () as usize, eq, ne);
                return;
            }
            Op::IsLt { a, b, fail } | Op::IsGe { a, b, fail } => {
                let (x, y) = (self.get(a), self.get(b));
                let c = if matches!(op, Op::IsLt { .. }) {
                    IntCC::SignedLessThan
                } else {
                    IntCC::SignedGreaterThanOrEqual
                };
                let (t, f) = (next(self).expect("followed"), self.blocks[fail as usize]);
                self.compare(x, y, c, t, f);
                return;
            }
            Op::CmpImm { a, imm, op, fail } => {
                let x = self.get(a);
                let y = self.imm(Term::small(imm as i64).raw());
                let (t, f) = (next(self).expect("followed"), self.blocks[fail as usize]);
                self.compare(x, y, cc(op), t, f);
                return;
            }
            Op::IsEqLit { a, lit, fail } => {
                let x = self.get(a);
                let l = self.f.literals[lit as usize];
                let y = self.imm(l.raw());
                let (t, f) = (next(self).expect("followed"), self.blocks[fail as usize]);
                if l.is_pointer() {
                    self.equal(x, y, jit_exact_eq as *const () as usize, t, f);
                } else {
                    let c = self.b.ins().icmp(IntCC::Equal, x, y);
                    self.b.ins().brif(c, t, &[], f, &[]);
                }
                return;
            }
            Op::IsTruthy { r, fail } => {
                let x = self.get(r);
                let fail = self.blocks[fail as usize];
                let nil = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::Equal, x, atom::NIL.raw() as i64);
                self.branch_if(nil, fail);
                let f = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::Equal, x, atom::FALSE.raw() as i64);
                let then = next(self).expect("followed");
                self.b.ins().brif(f, fail, &[], then, &[]);
                return;
            }
            Op::GetElem { dst, src, index } => {
                // As the interpreter: `[]` unless a tuple with that element.
                let x = self.get(src);
                let none = self.b.create_block();
                let done = self.b.create_block();
                self.b.append_block_param(done, I64);
                let tag = self.b.ins().band_imm_u(x, 7);
                self.branch_if(tag, none);
                let h = self.b.ins().load(I64, MemFlagsData::trusted(), x, 0);
                let kind = self.b.ins().band_imm_u(h, 0xff);
                let tuple = Header::new(HeaderKind::Tuple, 0).0 as i64;
                let not_tuple = self.b.ins().icmp_imm_s(IntCC::NotEqual, kind, tuple);
                self.branch_if(not_tuple, none);
                let size = self.b.ins().ushr_imm_u(h, 8);
                let short =
                    self.b
                        .ins()
                        .icmp_imm_s(IntCC::UnsignedLessThanOrEqual, size, index as i64);
                self.branch_if(short, none);
                let e = self
                    .b
                    .ins()
                    .load(I64, MemFlagsData::trusted(), x, 8 * (index as i32 + 1));
                self.b.ins().jump(done, &[e.into()]);
                self.b.switch_to_block(none);
                let nil = self.imm(Term::NIL.raw());
                self.b.ins().jump(done, &[nil.into()]);
                self.b.switch_to_block(done);
                let v = self.b.block_params(done)[0];
                self.set(dst, v);
            }
            Op::GetList { head, tail, src } => {
                let x = self.get(src);
                let none = self.b.create_block();
                let done = self.b.create_block();
                self.b.append_block_param(done, I64);
                self.b.append_block_param(done, I64);
                let tag = self.b.ins().band_imm_u(x, 7);
                let not_cons = self.b.ins().icmp_imm_s(IntCC::NotEqual, tag, 2);
                self.branch_if(not_cons, none);
                let h = self.b.ins().load(I64, MemFlagsData::trusted(), x, -2);
                let t = self.b.ins().load(I64, MemFlagsData::trusted(), x, 6);
                self.b.ins().jump(done, &[h.into(), t.into()]);
                self.b.switch_to_block(none);
                let nil = self.imm(Term::NIL.raw());
                self.b.ins().jump(done, &[nil.into(), nil.into()]);
                self.b.switch_to_block(done);
                let (h, t) = (self.b.block_params(done)[0], self.b.block_params(done)[1]);
                self.set(head, h);
                self.set(tail, t);
            }
            Op::Add { dst, a, b } | Op::Sub { dst, a, b } => {
                let (x, y) = (self.get(a), self.get(b));
                let both = self.b.ins().band(x, y);
                let y1 = self.b.ins().iadd_imm_s(y, -1);
                let v = self.small_add(pc, both, x, y1, matches!(op, Op::Sub { .. }));
                self.set(dst, v);
            }
            Op::AddImm { dst, a, imm } => {
                let x = self.get(a);
                let y = self.imm((2 * imm as i64) as u64);
                let v = self.small_add(pc, x, x, y, false);
                self.set(dst, v);
            }
            Op::Mul { dst, a, b } => {
                // (2x+1)(y) as x * 2y + 1: `x` untagged, `2y` the word minus its tag.
                let slow = self.exit(pc, Why::Slow);
                let (x, y) = (self.get(a), self.get(b));
                let both = self.both_small(x, y);
                let not_small = self.b.ins().icmp_imm_s(IntCC::Equal, both, 0);
                self.branch_if(not_small, slow);
                let xv = self.b.ins().sshr_imm_u(x, 1);
                let y2 = self.b.ins().iadd_imm_s(y, -1);
                let (p, of) = self.b.ins().smul_overflow(xv, y2);
                self.branch_if(of, slow);
                let v = self.b.ins().iadd_imm_s(p, 1);
                self.set(dst, v);
            }
            Op::SelectLit { r, table, fail } => {
                let x = self.get(r);
                let mut sw = Switch::new();
                for &(k, l) in &self.f.tables[table as usize].entries {
                    sw.set_entry(k.raw() as u128, self.blocks[l as usize]);
                }
                let fail = self.blocks[fail as usize];
                sw.emit(&mut self.b, x, fail);
                return;
            }
            Op::Bif {
                bif,
                args,
                n: 2,
                dst,
                fail,
            } if small_bif(bif).is_some() => {
                let fail = (fail != crate::code::NO_LABEL).then_some(fail);
                let kind = small_bif(bif).expect("checked by the guard");
                return self.small_int_bif(pc, kind, args, dst, fail);
            }
            Op::Bif {
                bif,
                args,
                n: 1,
                dst,
                ..
            } if type_bif(bif).is_some() => {
                // `is_list(x)` and the like: the type test on the word, its
                // result as `true` or `false` (they cannot fail).
                let test = type_bif(bif).expect("checked by the guard");
                let x = self.get(args);
                let (yes, no, join) = (
                    self.b.create_block(),
                    self.b.create_block(),
                    self.b.create_block(),
                );
                self.b.append_block_param(join, I64);
                self.type_test(x, test, yes, no);
                for (blk, val) in [(yes, atom::TRUE), (no, atom::FALSE)] {
                    self.b.switch_to_block(blk);
                    let v = self.imm(val.raw());
                    self.b.ins().jump(join, &[v.into()]);
                }
                self.b.switch_to_block(join);
                let v = self.b.block_params(join)[0];
                self.set(dst, v);
            }
            Op::Bif { fail, .. } if fail != crate::code::NO_LABEL => {
                return self.data(pc, Some(fail))
            }
            Op::GetMapValue {
                dst,
                map,
                key,
                fail,
            } => {
                // A lookup allocates nothing and cannot raise (the map
                // register holds a map): a direct call, no interpreter step.
                let m = self.get(map);
                let k = self.get(key);
                let v = self.helper(jit_map_get as *const () as usize, &[m, k]);
                let miss = self
                    .b
                    .ins()
                    .icmp_imm_s(IntCC::Equal, v, Term::NONE.raw() as i64);
                self.branch_if(miss, self.blocks[fail as usize]);
                self.set(dst, v);
            }
            Op::BinSplitPrefix { fail, .. } => return self.data(pc, Some(fail)),
            Op::Cons { dst, head, tail } => {
                // Cannot raise: a direct call, no interpreter step.
                let (h, t) = (self.get(head), self.get(tail));
                let ctx = self.ctx;
                let v = self.helper(jit_cons as *const () as usize, &[ctx, h, t]);
                self.set(dst, v);
            }
            Op::MakeTuple { dst, args, n } => {
                let elems = self.b.ins().iadd_imm_s(self.win, 8 * args as i64);
                let (ctx, n) = (self.ctx, self.imm(n as u64));
                let v = self.helper(jit_tuple as *const () as usize, &[ctx, elems, n]);
                self.set(dst, v);
            }
            Op::MakeClosure { dst, fun, free, n } => {
                let free = self.b.ins().iadd_imm_s(self.win, 8 * free as i64);
                let (ctx, fun, n) = (self.ctx, self.imm(fun as u64), self.imm(n as u64));
                let v = self.helper(jit_closure as *const () as usize, &[ctx, fun, free, n]);
                self.set(dst, v);
            }
            Op::Bif { .. } | Op::MakeMap { .. } | Op::MapUpdate { .. } => {
                return self.data(pc, None)
            }
            Op::CallFun { args, dst, .. } => return self.call_fun(pc, args, Some(dst)),
            Op::Apply { args, dst, .. } => {
                // `mod.fun(args)` with both known only now (protocol
                // dispatch): native when the callee is; else the interpreter
                // runs this instruction (autoload, built-ins, errors).
                let t = self.helper_at(jit_apply_target as *const () as usize, pc, &[]);
                self.return_if_zero(t);
                return self.finish_call(pc, Some(t), args, dst);
            }
            Op::ProtocolCall { args, dst, .. } => {
                // Native when the thread's cache knows the callee and it
                // is native; else the interpreter runs this instruction
                // (resolution, autoload, errors).
                let t = self.helper_at(jit_dispatch_target as *const () as usize, pc, &[]);
                self.return_if_zero(t);
                return self.finish_call(pc, Some(t), args, dst);
            }
            Op::TailCallFun { .. } => return self.call_fun(pc, 0, None),
            Op::Error { .. } | Op::Badmatch { .. } | Op::CaseClause { .. } | Op::FunctionClause => {
                let out = self.exit(pc, Why::Limit);
                self.b.ins().jump(out, &[]);
                return;
            }
            _ => unreachable!("compile checks `supported` first"),
        }
        // Fall through to the next instruction.
        match next(self) {
            Some(n) => {
                self.b.ins().jump(n, &[]);
            }
            None => {
                let out = self.exit(pc + 1, Why::Limit);
                self.b.ins().jump(out, &[]);
            }
        }
    }
}

/// The integer condition that is `op` on words of small integers, and on
/// the `-1/0/1` of `order::compare` against 0.
fn cc(op: CmpOp) -> IntCC {
    match op {
        CmpOp::Lt => IntCC::SignedLessThan,
        CmpOp::Le => IntCC::SignedLessThanOrEqual,
        CmpOp::Gt => IntCC::SignedGreaterThan,
        CmpOp::Ge => IntCC::SignedGreaterThanOrEqual,
        CmpOp::Eq => IntCC::Equal,
        CmpOp::Ne => IntCC::NotEqual,
    }
}

// ---- helpers called by native code (C convention, words in and out) ----

/// The step helper's answers.
const STEP_EXIT: u64 = 0;
const STEP_NEXT: u64 = 1;
const STEP_FAIL: u64 = 2;

impl Ctx<'_> {
    /// The register index of window pointer `win`.
    fn base(&self, win: *const Term) -> usize {
        (win as usize - self.regs as usize) / std::mem::size_of::<Term>()
    }

    /// The process, while native code waits in a helper.
    fn process(&mut self) -> &mut Process {
        // SAFETY: `p` is the process `Jit::call` was given, borrowed
        // mutably for the whole native call; native code is suspended in
        // the helper calling this, and no other reference to it is live.
        unsafe { &mut *self.p }
    }

    /// Records an exit before instruction `pc` of `fun`, window at `base`.
    fn exit_at(&mut self, fun: FunId, pc: usize, base: usize, why: Why) {
        self.exit.fun = fun;
        self.exit.pc = pc as u32;
        self.exit.base = base as u32;
        if why == Why::Slow {
            let slot = &self.code.function(fun).jit.0;
            if slot.slow_exits.fetch_add(1, Ordering::Relaxed) + 1 == MAX_SLOW_EXITS {
                // Callers still holding this code may finish their calls: it
                // stays in memory; it is just not entered again.
                slot.state.store(NEVER, Ordering::Relaxed);
            }
        }
    }

    /// After a helper allocated: a collection, if the heap wants one, at
    /// the next call's entry (by making the budget look spent until then).
    fn note_allocation(&mut self) {
        if !self.gc_wanted && self.process().st.heap.wants_gc() {
            self.gc_wanted = true;
            self.saved_left = self.left;
            self.left = 0;
        }
    }
}

/// Records where the interpreter continues: before instruction `pc` of
/// `fun`, whose window is `win`. Returns 0, for native code to return (a
/// constant 0 would take a register on the fast paths).
extern "C" fn jit_exit(ctx: &mut Ctx, fun: u64, pc: u64, win: *const Term, why: u64) -> u64 {
    let why = if why == Why::Slow as u64 {
        Why::Slow
    } else {
        Why::Limit
    };
    let base = ctx.base(win);
    ctx.exit_at(fun as FunId, pc as usize, base, why);
    0
}

/// Turns a native activation whose callee exited into an interpreter
/// frame (continue at `pc`, result to `dst`). Returns 0.
extern "C" fn jit_frame(ctx: &mut Ctx, fun: u64, pc: u64, win: *const Term, dst: u64) -> u64 {
    let base = ctx.base(win) as u32;
    ctx.process().frames.push(Frame {
        fun: fun as FunId,
        pc: pc as u32,
        base,
        dst: dst as u16,
    });
    0
}

/// The entry of `fun` found no reduction left: collects the heap if a
/// helper asked for it (the budget then comes back), and takes a
/// reduction (1) or exits before instruction 0 (0).
extern "C" fn jit_enter_slow(ctx: &mut Ctx, fun: u64, pc: u64, win: *const Term) -> u64 {
    let base = ctx.base(win);
    if ctx.gc_wanted {
        ctx.gc_wanted = false;
        ctx.left = ctx.saved_left;
        // A safe point: every live term is in a register of the windows
        // below `top`, native callers' included.
        let top = base + ctx.code.function(fun as FunId).nregs as usize;
        // Native callers' windows are not frames the collector could size,
        // so the register stack keeps its length (and native code's
        // `regs_end` stays true).
        ctx.process().collect(top, &mut [], None);
    }
    if ctx.left <= 0 {
        ctx.exit_at(fun as FunId, pc as usize, base, Why::Limit);
        return 0;
    }
    ctx.left -= 1;
    1
}

/// Runs data instruction `pc` of `fun` (see `interp::data_op`): returns
/// [`STEP_NEXT`], [`STEP_FAIL`] (go to its failure label) or [`STEP_EXIT`]
/// (it raised, or a BIF asked the process to yield: the interpreter takes over).
extern "C" fn jit_step(ctx: &mut Ctx, fun: u64, pc: u64, win: *const Term) -> u64 {
    let (fun, pc) = (fun as FunId, pc as usize);
    let base = ctx.base(win);
    let code = ctx.code;
    let op = code.function(fun).code[pc];
    // SAFETY: as in `Ctx::process`; `io` is the `&mut dyn Io` `Jit::call`
    // was given, likewise borrowed for the whole native call.
    let (p, io) = unsafe { (&mut *ctx.p, &mut *ctx.io) };
    let r = data_op(&mut p.st, code, io, ctx.rt, &mut p.regs, base, op);
    let yield_now = std::mem::take(&mut p.st.yield_now);
    ctx.note_allocation();
    match r {
        Ok(_) if yield_now => {
            // As the interpreter: handle the signal before the next instruction.
            ctx.exit_at(fun, pc + 1, base, Why::Limit);
            ctx.exit.yield_now = true;
            STEP_EXIT
        }
        Ok(Flow::Next) => STEP_NEXT,
        Ok(Flow::Jump(_)) => STEP_FAIL,
        Err(e) => {
            ctx.exit_at(fun, pc + 1, base, Why::Limit);
            ctx.exit.raise = Some(Box::new(e));
            STEP_EXIT
        }
    }
}

/// The type-test BIF `bif` is (`is_list/1`...), if it is one.
fn type_bif(bif: crate::bif::BifId) -> Option<TypeTest> {
    use std::sync::OnceLock;
    static TABLE: OnceLock<Vec<(crate::bif::BifId, TypeTest)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        [
            ("is_integer", TypeTest::Integer),
            ("is_float", TypeTest::Float),
            ("is_number", TypeTest::Number),
            ("is_atom", TypeTest::Atom),
            ("is_boolean", TypeTest::Boolean),
            ("is_binary", TypeTest::Binary),
            ("is_list", TypeTest::List),
            ("is_tuple", TypeTest::Tuple),
            ("is_map", TypeTest::Map),
            ("is_function", TypeTest::Fun),
            ("is_pid", TypeTest::Pid),
            ("is_reference", TypeTest::Ref),
            ("is_bitstring", TypeTest::Bitstring),
        ]
        .into_iter()
        .filter_map(|(name, t)| Some((crate::bif::lookup("erlang", name, 1)?, t)))
        .collect()
    });
    table.iter().find(|(id, _)| *id == bif).map(|(_, t)| *t)
}

/// The two-argument BIFs native code computes itself on small integers.
#[derive(Clone, Copy)]
enum SmallBif {
    Rem,
    Div,
    /// A comparison: its result is `true` when the words compare so.
    Compare(IntCC),
}

/// Which [`SmallBif`] the built-in `bif` is, if any.
fn small_bif(bif: crate::bif::BifId) -> Option<SmallBif> {
    use std::sync::OnceLock;
    static TABLE: OnceLock<Vec<(crate::bif::BifId, SmallBif)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        [
            ("rem", SmallBif::Rem),
            ("div", SmallBif::Div),
            ("==", SmallBif::Compare(IntCC::Equal)),
            ("=:=", SmallBif::Compare(IntCC::Equal)),
            ("/=", SmallBif::Compare(IntCC::NotEqual)),
            ("=/=", SmallBif::Compare(IntCC::NotEqual)),
            ("<", SmallBif::Compare(IntCC::SignedLessThan)),
            (">", SmallBif::Compare(IntCC::SignedGreaterThan)),
            ("=<", SmallBif::Compare(IntCC::SignedLessThanOrEqual)),
            (">=", SmallBif::Compare(IntCC::SignedGreaterThanOrEqual)),
        ]
        .into_iter()
        .filter_map(|(name, kind)| Some((crate::bif::lookup("erlang", name, 2)?, kind)))
        .collect()
    });
    table.iter().find(|(id, _)| *id == bif).map(|(_, k)| *k)
}

/// A call at `pc` of `fun` found no native code for `callee`: counts the
/// call (which may compile it) and gives its native code, or exits before
/// the call (0).
extern "C" fn jit_callee(ctx: &mut Ctx, fun: u64, pc: u64, win: *const Term, callee: u64) -> u64 {
    let code = ctx.code;
    let native = code
        .jit
        .native(code, callee as FunId, code.function(callee as FunId));
    if native != 0 {
        return native as u64;
    }
    // A callee that will stay interpreted makes this call a slow one.
    let state = code
        .function(callee as FunId)
        .jit
        .0
        .state
        .load(Ordering::Relaxed);
    let why = if state == NEVER {
        Why::Slow
    } else {
        Why::Limit
    };
    let base = ctx.base(win);
    ctx.exit_at(fun as FunId, pc as usize, base, why);
    0
}

/// A fun call's operands, packed into one word for [`jit_fun_target`].
struct FunCall {
    fun_reg: u16,
    args: u16,
    n: u8,
    tail: bool,
}

impl FunCall {
    fn pack(&self) -> u64 {
        self.fun_reg as u64
            | (self.args as u64) << 16
            | (self.n as u64) << 32
            | (self.tail as u64) << 40
    }

    fn unpack(w: u64) -> FunCall {
        FunCall {
            fun_reg: w as u16,
            args: (w >> 16) as u16,
            n: (w >> 32) as u8,
            tail: (w >> 40) & 1 == 1,
        }
    }
}

/// `CallFun`/`TailCallFun` at `pc` of `fun`: when the fun is a closure of
/// the right arity with native code and its window fits, moves the
/// arguments (tail call) and the free variables into place and gives the
/// native code; otherwise exits before the instruction (0), which the
/// interpreter then runs whole (raising `badfun`/`badarity`, calling
/// exports, BIFs and interpreted functions).
extern "C" fn jit_fun_target(ctx: &mut Ctx, fun: u64, pc: u64, win: *const Term, call: u64) -> u64 {
    let FunCall {
        fun_reg,
        args,
        n,
        tail,
    } = FunCall::unpack(call);
    let base = ctx.base(win);
    let code = ctx.code;
    let (src, n) = (base + args as usize, n as usize);
    let p = ctx.process();
    let fv = p.regs[base + fun_reg as usize];
    let target = fv.closure_parts().and_then(|(id, free)| {
        let cf = code.function(id);
        let to = if tail { base } else { src };
        if cf.arity as usize != n || to + cf.nregs as usize > p.regs.len() {
            return None;
        }
        let native = code.jit.native(code, id, cf);
        if native == 0 {
            return None;
        }
        let regs = &mut p.regs[..];
        if tail {
            // Few words: a loop, not a memmove call (`to` is below `src`).
            for i in 0..n {
                regs[to + i] = regs[src + i];
            }
        }
        for (i, &t) in free.iter().enumerate() {
            regs[to + n + i] = t;
        }
        Some(native)
    });
    match target {
        Some(native) => native as u64,
        None => {
            ctx.exit_at(fun as FunId, pc as usize, base, Why::Limit);
            0
        }
    }
}

/// The native code of `Apply`'s callee, or 0 after handing the
/// instruction to the interpreter (see `jit_fun_target`).
extern "C" fn jit_apply_target(ctx: &mut Ctx, fun: u64, pc: u64, win: *const Term) -> u64 {
    let (fun, pc) = (fun as FunId, pc as usize);
    let base = ctx.base(win);
    let code = ctx.code;
    let Op::Apply {
        module,
        fun: name,
        args,
        n,
        ..
    } = code.function(fun).code[pc]
    else {
        unreachable!("not an apply")
    };
    let (src, n) = (base + args as usize, n as usize);
    let p = ctx.process();
    let (m, f) = (p.regs[base + module as usize], p.regs[base + name as usize]);
    let callee = (m.is_atom() && f.is_atom())
        .then(|| code.lookup(m, f, n as u32))
        .flatten()
        .filter(|id| code.function(*id).public);
    native_callee(ctx, callee, src, (fun, pc, base))
}

/// The native code of `callee` when it has some and its window (from
/// register `src`) fits; else 0, after handing the instruction at `at`
/// (function, pc, base) to the interpreter.
fn native_callee(
    ctx: &mut Ctx,
    callee: Option<FunId>,
    src: usize,
    at: (FunId, usize, usize),
) -> u64 {
    let code = ctx.code;
    let regs = ctx.process().regs.len();
    let target = callee.and_then(|id| {
        let cf = code.function(id);
        if src + cf.nregs as usize > regs {
            return None;
        }
        let native = code.jit.native(code, id, cf);
        (native != 0).then_some(native)
    });
    match target {
        Some(native) => native as u64,
        None => {
            ctx.exit_at(at.0, at.1, at.2, Why::Limit);
            0
        }
    }
}

/// The native code of a `ProtocolCall`'s callee when this thread's cache
/// knows it, or 0 after handing the instruction to the interpreter.
extern "C" fn jit_dispatch_target(ctx: &mut Ctx, fun: u64, pc: u64, win: *const Term) -> u64 {
    let (fun, pc) = (fun as FunId, pc as usize);
    let base = ctx.base(win);
    let code = ctx.code;
    let Op::ProtocolCall {
        protocol,
        fun: name,
        args,
        n,
        fallback,
        ..
    } = code.function(fun).code[pc]
    else {
        unreachable!("not a protocol call")
    };
    let src = base + args as usize;
    let p = ctx.process();
    let (proto, name, data) = (
        p.regs[base + protocol as usize],
        p.regs[base + name as usize],
        p.regs[src],
    );
    let (ty, _) = crate::bif::protocol::dispatch_type(data);
    let callee = code.dispatch_cached(proto, ty, name, n, fallback);
    native_callee(ctx, callee, src, (fun, pc, base))
}

/// `order::compare` as -1, 0 or 1.
extern "C" fn jit_compare(x: u64, y: u64) -> i64 {
    order::compare(Term::from_raw(x), Term::from_raw(y)) as i64
}

/// `==` as 0 or 1.
extern "C" fn jit_eq(x: u64, y: u64) -> i64 {
    order::eq(Term::from_raw(x), Term::from_raw(y)) as i64
}

/// `===` as 0 or 1.
/// `GetMapValue`: the value of `key` in the map `map`, or `Term::NONE`.
/// `[head | tail]` on the process's heap (`Op::Cons`).
extern "C" fn jit_cons(ctx: &mut Ctx, head: u64, tail: u64) -> u64 {
    let t = ctx
        .process()
        .st
        .heap
        .cons(Term::from_raw(head), Term::from_raw(tail));
    ctx.note_allocation();
    t.raw()
}

/// The tuple of the `n` registers from `elems` on (`Op::MakeTuple`).
extern "C" fn jit_tuple(ctx: &mut Ctx, elems: *const Term, n: u64) -> u64 {
    // SAFETY: `elems` is `n` registers of the running function's window,
    // which lies below `regs_end` (checked at entry); native code is
    // suspended in this call, so nothing writes them meanwhile.
    let elems = unsafe { std::slice::from_raw_parts(elems, n as usize) };
    let t = ctx.process().st.heap.tuple(elems);
    ctx.note_allocation();
    t.raw()
}

/// The closure of function `fun` over the `n` registers from `free` on
/// (`Op::MakeClosure`).
extern "C" fn jit_closure(ctx: &mut Ctx, fun: u64, free: *const Term, n: u64) -> u64 {
    // SAFETY: as in `jit_tuple`: `n` registers of the running window.
    let free = unsafe { std::slice::from_raw_parts(free, n as usize) };
    let t = ctx.process().st.heap.closure(fun as FunId, free);
    ctx.note_allocation();
    t.raw()
}

extern "C" fn jit_map_get(map: u64, key: u64) -> u64 {
    crate::bif::map::map_find(Term::from_raw(map), Term::from_raw(key))
        .unwrap_or(Term::NONE)
        .raw()
}

extern "C" fn jit_exact_eq(x: u64, y: u64) -> i64 {
    order::exact_eq(Term::from_raw(x), Term::from_raw(y)) as i64
}

/// `TypeTest::ALL[ty]` on `x`, as 0 or 1.
extern "C" fn jit_is_type(x: u64, ty: u64) -> i64 {
    TypeTest::ALL[ty as usize].holds(Term::from_raw(x)) as i64
}
