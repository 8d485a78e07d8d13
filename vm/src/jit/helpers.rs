//! The Rust helpers native code calls (C convention, words in and out), and
//! what they need of [`Ctx`].

use super::{Ctx, Why, MAX_SLOW_EXITS, NEVER};
use crate::code::{FunId, Op, TypeTest};
use crate::interp::{data_op, Flow};
use crate::order;
use crate::process::{Frame, Process};
use crate::term::Term;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The step helper's answers.
pub(super) const STEP_EXIT: u64 = 0;
pub(super) const STEP_NEXT: u64 = 1;
pub(super) const STEP_FAIL: u64 = 2;

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
pub(super) extern "C" fn jit_exit(
    ctx: &mut Ctx,
    fun: u64,
    pc: u64,
    win: *const Term,
    why: u64,
) -> u64 {
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
pub(super) extern "C" fn jit_frame(
    ctx: &mut Ctx,
    fun: u64,
    pc: u64,
    win: *const Term,
    dst: u64,
) -> u64 {
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
pub(super) extern "C" fn jit_enter_slow(ctx: &mut Ctx, fun: u64, pc: u64, win: *const Term) -> u64 {
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
        if ctx.process().st.heap.over_max {
            // Over `max_heap_size`: the scheduler takes it from here.
            ctx.left = 0;
        }
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
pub(super) extern "C" fn jit_step(ctx: &mut Ctx, fun: u64, pc: u64, win: *const Term) -> u64 {
    let (fun, pc) = (fun as FunId, pc as usize);
    let base = ctx.base(win);
    let code = ctx.code;
    let op = code.function(fun).code[pc];
    // SAFETY: as in `Ctx::process`; `io` is the `&mut dyn Io` `Jit::call`
    // was given, likewise borrowed for the whole native call.
    let (p, io) = unsafe { (&mut *ctx.p, &mut *ctx.io) };
    let r = data_op(&mut p.st, code, io, ctx.rt, &mut p.regs, base, op);
    let yield_now = std::mem::take(&mut p.st.yield_now);
    step_outcome(ctx, fun, pc, base, r, yield_now)
}

/// What a step helper returns for the instruction at `pc` of `fun` that
/// gave `r` ([`STEP_NEXT`], [`STEP_FAIL`] or [`STEP_EXIT`]): an error or
/// a signal to handle (`yield_now`) exits before the next instruction.
fn step_outcome(
    ctx: &mut Ctx,
    fun: FunId,
    pc: usize,
    base: usize,
    r: Result<Flow, crate::process::Exn>,
    yield_now: bool,
) -> u64 {
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

/// The operands of an `Op::Bif`, packed in one word for [`jit_bif`].
pub(super) struct BifCall {
    pub(super) bif: u16,
    pub(super) args: u16,
    pub(super) n: u8,
    pub(super) dst: u16,
    /// Whether the instruction has a failure label (a guard's BIF fails
    /// instead of raising).
    pub(super) fails: bool,
}

impl BifCall {
    pub(super) fn pack(&self) -> u64 {
        self.bif as u64
            | (self.args as u64) << 16
            | (self.n as u64) << 32
            | (self.dst as u64) << 40
            | (self.fails as u64) << 56
    }

    fn unpack(w: u64) -> BifCall {
        BifCall {
            bif: w as u16,
            args: (w >> 16) as u16,
            n: (w >> 32) as u8,
            dst: (w >> 40) as u16,
            fails: (w >> 56) & 1 == 1,
        }
    }
}

/// `Op::Bif` at `pc` of `fun`, its operands packed (see [`BifCall`]): as
/// [`jit_step`] runs it, without fetching and decoding the instruction.
pub(super) extern "C" fn jit_bif(
    ctx: &mut Ctx,
    fun: u64,
    pc: u64,
    win: *const Term,
    call: u64,
) -> u64 {
    let (fun, pc) = (fun as FunId, pc as usize);
    let BifCall {
        bif,
        args,
        n,
        dst,
        fails,
    } = BifCall::unpack(call);
    let base = ctx.base(win);
    let code = ctx.code;
    // Only whether there is a failure label matters: the native code jumps.
    let fail = if fails { 0 } else { crate::code::NO_LABEL };
    // SAFETY: as in `jit_step`.
    let (p, io) = unsafe { (&mut *ctx.p, &mut *ctx.io) };
    let r = crate::interp::bif_op(
        &mut p.st,
        code,
        io,
        ctx.rt,
        &mut p.regs,
        base,
        bif,
        args,
        n,
        dst,
        fail,
    );
    let yield_now = std::mem::take(&mut p.st.yield_now);
    step_outcome(ctx, fun, pc, base, r, yield_now)
}

/// A call at `pc` of `fun` found no native code for `callee`: counts the
/// call (which may compile it) and gives its native code, or exits before
/// the call (0).
pub(super) extern "C" fn jit_callee(
    ctx: &mut Ctx,
    fun: u64,
    pc: u64,
    win: *const Term,
    callee: u64,
) -> u64 {
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
pub(super) struct FunCall {
    pub(super) fun_reg: u16,
    pub(super) args: u16,
    pub(super) n: u8,
    pub(super) tail: bool,
}

impl FunCall {
    pub(super) fn pack(&self) -> u64 {
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
/// exports, BIFs and interpreted functions). On success, points the call
/// site's inline cache `cache` at the callee's slot (see `Gen::call_fun`),
/// so the next call of a closure of the same function skips this helper.
pub(super) extern "C" fn jit_fun_target(
    ctx: &mut Ctx,
    fun: u64,
    pc: u64,
    win: *const Term,
    call: u64,
    cache: *const AtomicUsize,
) -> u64 {
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
        // The slot's closure word first, then the cache: native code that
        // reads the cache (on any scheduler) finds the word set. Both are
        // the same at every store, so racing fills agree.
        let slot = &*cf.jit.0;
        slot.fun_word
            .store(Term::small(id as i64).raw(), Ordering::Relaxed);
        // SAFETY: `cache` is the call site's cell, leaked when its code was
        // made (`Gen::call_fun`), so it lives as long as that code.
        unsafe { &*cache }.store(slot as *const _ as usize, Ordering::Release);
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
pub(super) extern "C" fn jit_apply_target(
    ctx: &mut Ctx,
    fun: u64,
    pc: u64,
    win: *const Term,
) -> u64 {
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
    // A denied module: the interpreter raises.
    let callee = (m.is_atom() && f.is_atom() && !code.is_denied(m))
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
pub(super) extern "C" fn jit_dispatch_target(
    ctx: &mut Ctx,
    fun: u64,
    pc: u64,
    win: *const Term,
) -> u64 {
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
pub(super) extern "C" fn jit_compare(x: u64, y: u64) -> i64 {
    order::compare(Term::from_raw(x), Term::from_raw(y)) as i64
}

/// `==` as 0 or 1.
pub(super) extern "C" fn jit_eq(x: u64, y: u64) -> i64 {
    order::eq(Term::from_raw(x), Term::from_raw(y)) as i64
}

/// `===` as 0 or 1.
/// `GetMapValue`: the value of `key` in the map `map`, or `Term::NONE`.
/// `[head | tail]` on the process's heap (`Op::Cons`).
pub(super) extern "C" fn jit_cons(ctx: &mut Ctx, head: u64, tail: u64) -> u64 {
    let t = ctx
        .process()
        .st
        .heap
        .cons(Term::from_raw(head), Term::from_raw(tail));
    ctx.note_allocation();
    t.raw()
}

/// The tuple of the `n` registers from `elems` on (`Op::MakeTuple`).
pub(super) extern "C" fn jit_tuple(ctx: &mut Ctx, elems: *const Term, n: u64) -> u64 {
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
pub(super) extern "C" fn jit_closure(ctx: &mut Ctx, fun: u64, free: *const Term, n: u64) -> u64 {
    // SAFETY: as in `jit_tuple`: `n` registers of the running window.
    let free = unsafe { std::slice::from_raw_parts(free, n as usize) };
    let t = ctx.process().st.heap.closure(fun as FunId, free);
    ctx.note_allocation();
    t.raw()
}

pub(super) extern "C" fn jit_map_get(map: u64, key: u64) -> u64 {
    crate::bif::map::map_find(Term::from_raw(map), Term::from_raw(key))
        .unwrap_or(Term::NONE)
        .raw()
}

pub(super) extern "C" fn jit_exact_eq(x: u64, y: u64) -> i64 {
    order::exact_eq(Term::from_raw(x), Term::from_raw(y)) as i64
}

/// `TypeTest::ALL[ty]` on `x`, as 0 or 1.
pub(super) extern "C" fn jit_is_type(x: u64, ty: u64) -> i64 {
    TypeTest::ALL[ty as usize].holds(Term::from_raw(x)) as i64
}
