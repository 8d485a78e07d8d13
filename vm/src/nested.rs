//! Synchronous calls into the language from Rust: a built-in function runs
//! a function of the language to completion and gets its result, as the
//! compiler does to expand a macro (Elixir runs macros in the compiling
//! process) or `Code.eval_string` to run what it compiled.
//!
//! [`call`] runs the function on the current thread, in a temporary
//! [`Process`]:
//!
//! - **Same pid.** Its pid is the caller's, so `self()` in the callee is the
//!   caller; it shares the caller's code, output and scheduler (it can spawn,
//!   send and print). The caller's links, monitors, `trap_exit` flag,
//!   `argv` and standard-output destination move into it for the call and
//!   come back after, with any link or monitor the call made; its process
//!   dictionary is copied in and back.
//! - **Own heap.** The arguments are copied into it; the result (or the
//!   exception's reason) is copied back into the caller's heap. The caller's
//!   heap is not collected meanwhile (nothing but the copies touches it), so
//!   terms the calling Rust code holds in locals stay valid (heap.rs,
//!   invariant 3).
//! - **No reduction budget.** It runs until it returns or raises.
//! - **No messages from other processes.** Signals sent to the pid during
//!   the call (messages, exit signals from linked processes) wait in the
//!   caller's inbox and are handled by the caller after the call, as if
//!   they had arrived then. The callee sees only the messages it sends
//!   itself (`send(self(), m)`), and those it does not receive go back to
//!   the caller's mailbox. So a `receive` that finds nothing cannot wait: it
//!   raises a `RuntimeError` there (a `try` in the callee may rescue it),
//!   unless no message could ever match it (a `receive` with only an
//!   `after`, as `Process.sleep/1`): then it waits out its timeout.
//!   (Waiting for other processes would need this thread to run them, or
//!   with one scheduler the sender could never run.)
//! - **Re-entrant.** A callee may call a built-in function that makes
//!   another nested call; each level has its own temporary process. The
//!   levels share one machine stack budget ([`STACK_BUDGET`]): native code
//!   inside them stops at its floor (and the interpreter, which needs no
//!   machine stack of its own, goes on), and a nested call that would start
//!   below it raises `SystemLimitError` instead of overflowing the stack.
//! - It works the same whether the built-in function was called from the
//!   interpreter or from native code (jit/ calls built-in functions
//!   through the dispatch loop's own code).
//!
//! Tests reach it from the language through `bif/testing.rs`
//! (`:beamlet_test.nested_call/3`, `tests/nested.rs` in the root crate).

use crate::atom;
use crate::bif::{self, exception};
use crate::code::FunId;
use crate::ctx::Ctx;
use crate::ctx::DEFAULT_BUDGET;
use crate::heap::Heap;
use crate::interp::{self, Exit};
use crate::process::{Class, Exn, Process, TraceEntry};
use crate::term::Term;
use std::cell::Cell;

/// Machine stack all nested calls on a thread may use together, from where
/// the outermost one began.
pub const STACK_BUDGET: usize = 1 << 20;
/// Stack a nested call needs left below it to start (the interpreter, a
/// built-in function or two, the native code adapter).
const START_MARGIN: usize = 128 << 10;

thread_local! {
    /// Where the outermost nested call on this thread began (a stack
    /// address), 0 when none runs.
    static TOP: Cell<usize> = const { Cell::new(0) };
}

/// The current depth in this thread's machine stack, roughly.
#[inline(never)]
fn stack_here() -> usize {
    let here = 0u8;
    std::hint::black_box(&here) as *const u8 as usize
}

/// Holds this thread's place in the nested calls' stack budget.
struct Level {
    outermost: bool,
}

impl Level {
    fn enter() -> Result<Level, Exn> {
        let here = stack_here();
        let top = TOP.with(|t| t.get());
        if top == 0 {
            TOP.with(|t| t.set(here));
            crate::jit::set_stack_floor(here.saturating_sub(STACK_BUDGET));
            return Ok(Level { outermost: true });
        }
        if here < (top.saturating_sub(STACK_BUDGET)).saturating_add(START_MARGIN) {
            return Err(Exn {
                info: Some(crate::process::ErrorInfo::Message(
                    "nested calls (macros calling the compiler calling macros...) go too deep"
                        .into(),
                )),
                ..Exn::error(atom::SYSTEM_LIMIT)
            });
        }
        Ok(Level { outermost: false })
    }
}

impl Drop for Level {
    fn drop(&mut self) {
        if self.outermost {
            TOP.with(|t| t.set(0));
            crate::jit::set_stack_floor(0);
        }
    }
}

/// Runs function `fun` with `args` (terms of the caller's heap; a closure's
/// free variables follow its arguments) to completion, as the calling
/// process. See the module docs.
pub fn call(ctx: &mut Ctx, fun: FunId, args: &[Term]) -> Result<Term, Exn> {
    let r = call_with(
        ctx,
        fun,
        args.len(),
        |heap, lits| {
            args.iter()
                .map(|&a| heap.adopt(crate::copy::Msg::copy(lits, a)))
                .collect()
        },
        |caller, _, lits, v, _| caller.adopt(crate::copy::Msg::copy(lits, v)),
    )?;
    Ok(r)
}

/// [`call`] with arguments built straight into the temporary process's
/// heap (`build`, given that heap; it must return `nargs` terms) and a
/// result read from there (`finish`, given the caller's heap, the code
/// table, the literals and the result term, which lives until `finish`
/// returns, and whether the temporary heap was collected during the call:
/// if not, a term `build` made that is part of the result still has the
/// address `build` gave it): the compiler passes a macro its quoted
/// arguments and reads its result back this way, with no copy through the
/// caller's heap. An exception's reason is copied into the caller's heap, as [`call`] does.
pub fn call_with<R>(
    ctx: &mut Ctx,
    fun: FunId,
    nargs: usize,
    build: impl FnOnce(&mut Heap, &crate::copy::LiteralArea) -> Vec<Term>,
    finish: impl FnOnce(&mut Heap, &crate::code::CodeTable, &crate::copy::LiteralArea, Term, bool) -> R,
) -> Result<R, Exn> {
    let code = ctx.code;
    let Some(f) = code.get_function(fun) else {
        return Err(Exn::error(atom::BADARG));
    };
    if nargs != (f.arity + f.nfree) as usize {
        return Err(Exn::badarg_at(
            1,
            "the function takes another number of arguments",
        ));
    }
    let _level = Level::enter()?;
    let mut heap = Heap::new();
    heap.set_gc_always(ctx.st.heap.gc_always);
    heap.max = ctx.st.heap.max;
    let (args, dict): (Vec<Term>, Vec<Term>) = code.with_literals(|lits| {
        let args = build(&mut heap, lits);
        let dict = ctx
            .st
            .dict
            .iter()
            .map(|&a| heap.adopt(crate::copy::Msg::copy(lits, a)))
            .collect();
        (args, dict)
    });
    debug_assert_eq!(args.len(), nargs);
    heap.count_as_live();
    let mut p = Process::new(ctx.st.pid, heap, fun, f.nregs, &args);
    let st = &mut p.st;
    st.nested = true;
    std::mem::swap(&mut st.links, &mut ctx.st.links);
    std::mem::swap(&mut st.monitors, &mut ctx.st.monitors);
    std::mem::swap(&mut st.monitored_by, &mut ctx.st.monitored_by);
    std::mem::swap(&mut st.argv, &mut ctx.st.argv);
    st.trap_exit = ctx.st.trap_exit;
    st.dict = dict;
    st.stdout = ctx.st.stdout.clone();
    st.priority = ctx.st.priority;
    st.group_leader = ctx.st.group_leader;

    let r = run(&mut p, ctx);
    let collected = p.st.heap.collections() > 0;

    let st = &mut p.st;
    std::mem::swap(&mut st.links, &mut ctx.st.links);
    std::mem::swap(&mut st.monitors, &mut ctx.st.monitors);
    std::mem::swap(&mut st.monitored_by, &mut ctx.st.monitored_by);
    std::mem::swap(&mut st.argv, &mut ctx.st.argv);
    ctx.st.trap_exit = st.trap_exit;
    ctx.st.stdout = st.stdout.take();
    ctx.st.priority = st.priority;
    ctx.st.group_leader = st.group_leader;
    // Copies into the caller's heap: allocation only, never a collection.
    let caller = &mut *ctx.st;
    code.with_literals(|lits| {
        caller.dict = st
            .dict
            .iter()
            .map(|&t| caller.heap.adopt(crate::copy::Msg::copy(lits, t)))
            .collect();
        for m in st.mailbox.drain(..) {
            let m = caller.heap.adopt(crate::copy::Msg::copy(lits, m));
            caller.mailbox.push_back(m);
        }
        match r {
            Ok(v) => Ok(finish(&mut caller.heap, code, lits, v, collected)),
            Err(mut e) => {
                for t in &mut e.trace {
                    if let Some(a) = t.args {
                        t.args = Some(caller.heap.adopt(crate::copy::Msg::copy(lits, a)));
                    }
                }
                Err(Exn {
                    reason: caller.heap.adopt(crate::copy::Msg::copy(lits, e.reason)),
                    ..e
                })
            }
        }
    })
}

/// Runs the public function `module.name/len(args)`, or the built-in
/// function of that name, as [`call`] does; raises `undef` when neither exists.
pub fn call_mfa(ctx: &mut Ctx, module: Term, name: Term, args: &[Term]) -> Result<Term, Exn> {
    let arity = args.len();
    if let Some(id) = lookup_mfa(ctx, module, name, arity) {
        return call(ctx, id, args);
    }
    if module.is_atom() && name.is_atom() {
        if let Some(b) = bif::lookup(atom::name(module), atom::name(name), arity) {
            return (bif::BIFS[b as usize].f)(ctx, args);
        }
    }
    Err(Exn {
        class: Class::Error,
        reason: atom::UNDEF,
        trace: vec![TraceEntry {
            module,
            name,
            arity: arity as u32,
            file: Term::NIL,
            line: 0,
            args: None,
        }],
        info: None,
    })
}

/// The public function `module.name/arity` (loading its module if
/// needed), as [`call_mfa`] finds it.
pub fn lookup_mfa(ctx: &mut Ctx, module: Term, name: Term, arity: usize) -> Option<FunId> {
    let found = |ctx: &Ctx| {
        ctx.code
            .lookup(module, name, arity as u32)
            .filter(|&id| ctx.code.function(id).public)
    };
    let id = found(ctx);
    // Loaded already counts: another thread may have loaded it since the
    // lookup missed.
    if id.is_none()
        && module.is_atom()
        && (ctx.code.module_loaded(module) || bif::compiler::autoload(ctx, module))
    {
        return found(ctx);
    }
    id
}

/// Runs the temporary process `p` until it returns or raises.
fn run(p: &mut Process, ctx: &mut Ctx) -> Result<Term, Exn> {
    let code = ctx.code;
    loop {
        let mut budget = DEFAULT_BUDGET;
        match interp::run(p, code, &mut *ctx.io, ctx.rt, &mut budget) {
            Exit::Done(v) => return Ok(v),
            Exit::Raised(e) => return Err(e),
            Exit::Yield => {}
            Exit::Wait { timeout } => {
                let cannot_match = receive_has_no_clauses(p, code);
                match timeout {
                    Some(ms) if cannot_match => {
                        std::thread::sleep(std::time::Duration::from_millis(ms));
                        p.timed_out();
                    }
                    _ => {
                        let msg = p.st.heap.str(WAIT_MESSAGE);
                        let mut c = Ctx {
                            st: &mut p.st,
                            code,
                            io: &mut *ctx.io,
                            rt: ctx.rt,
                        };
                        let e = exception::make_exception(
                            &mut c,
                            "Elixir.RuntimeError",
                            &[(atom::MESSAGE, msg)],
                        );
                        interp::raise_at(p, code, Exn::error(e))?;
                    }
                }
            }
            // Only taking in signals can kill a process, and a nested call takes in none.
            Exit::Killed { reason, .. } => {
                return Err(Exn {
                    class: Class::Exit,
                    reason,
                    trace: Vec::new(),
                    info: None,
                })
            }
        }
    }
}

/// What a `receive` that would wait in a nested call raises.
pub const WAIT_MESSAGE: &str = "cannot wait for messages in code run at compile time \
     (a macro, or a call a built-in function makes): messages from other processes \
     are not delivered until it returns";

/// Whether the `receive` that `p` waits in has no clause, only an `after`
/// (`Process.sleep/1`): then no message can end its wait. It loops back to
/// a peek that falls through to "no clause matched" (see interp.rs).
fn receive_has_no_clauses(p: &Process, code: &crate::code::CodeTable) -> bool {
    use crate::code::Op;
    let f = code.function(p.fun);
    let at = p.pc as usize;
    matches!(
        (f.code.get(at), f.code.get(at + 1)),
        (Some(Op::RecvPeek { .. }), Some(Op::RecvNext { to })) if *to as usize == at
    )
}
