//! Built-in functions of processes: spawn, links, monitors, exit signals,
//! registered names, timers. The work is the scheduler's (sched.rs); these
//! check arguments and shape results as Elixir does.

use super::{BifResult, Ctx};
use crate::atom;
use crate::code::FunId;
use crate::process::{Class, Exn, Signal, TraceEntry};
use crate::term::Term;

fn badarg() -> Exn {
    Exn::error(atom::BADARG)
}

/// The function a spawned process starts with, and its arguments: a
/// closure of arity 0, or `module.name(args...)`.
fn target(ctx: &mut Ctx, fun: Term) -> Result<(Result<FunId, Exn>, Vec<Term>), Exn> {
    if let Some((id, free)) = fun.closure_parts() {
        if ctx.code.function(id).arity != 0 {
            return Err(badarg());
        }
        return Ok((Ok(id), free.to_vec()));
    }
    if let Some((m, f, 0)) = fun.export_parts() {
        return Ok((lookup(ctx, m, f, 0), Vec::new()));
    }
    Err(badarg())
}

fn lookup(ctx: &mut Ctx, m: Term, f: Term, arity: u32) -> Result<FunId, Exn> {
    if m.is_atom() && !ctx.code.module_loaded(m) {
        super::compiler::autoload(ctx, m);
    }
    ctx.code
        .lookup(m, f, arity)
        .filter(|id| ctx.code.function(*id).public)
        .ok_or(Exn {
            class: Class::Error,
            reason: atom::UNDEF,
            trace: vec![TraceEntry {
                module: m,
                name: f,
                arity,
                file: Term::NIL,
                line: 0,
            }],
            info: None,
        })
}

fn target3(ctx: &mut Ctx, a: &[Term]) -> Result<(Result<FunId, Exn>, Vec<Term>), Exn> {
    if !a[0].is_atom() || !a[1].is_atom() {
        return Err(badarg());
    }
    let mut args = Vec::new();
    let mut l = a[2];
    while let Some((h, t)) = l.cons_parts() {
        args.push(h);
        l = t;
    }
    if !l.is_nil() {
        return Err(badarg());
    }
    Ok((lookup(ctx, a[0], a[1], args.len() as u32), args))
}

fn start(
    ctx: &mut Ctx,
    t: (Result<FunId, Exn>, Vec<Term>),
    link: bool,
    monitor: bool,
) -> BifResult {
    let (fun, args) = t;
    let (pid, mref) = ctx.rt.spawn(ctx.st, fun, &args, link, monitor)?;
    Ok(match mref {
        Some(r) => ctx.st.heap.tuple(&[pid, r]),
        None => pid,
    })
}

pub fn spawn1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let t = target(ctx, a[0])?;
    start(ctx, t, false, false)
}
pub fn spawn3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let t = target3(ctx, a)?;
    start(ctx, t, false, false)
}
pub fn spawn_link1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let t = target(ctx, a[0])?;
    start(ctx, t, true, false)
}
pub fn spawn_link3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let t = target3(ctx, a)?;
    start(ctx, t, true, false)
}
pub fn spawn_monitor1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let t = target(ctx, a[0])?;
    start(ctx, t, false, true)
}
pub fn spawn_monitor3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let t = target3(ctx, a)?;
    start(ctx, t, false, true)
}

/// `Process.link/1`: both ways; a dead pid raises `noproc` (or, when trapping
/// exits, sends `{:EXIT, pid, :noproc}`).
pub fn link(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let pid = a[0];
    if !pid.is_pid() {
        return Err(badarg());
    }
    if pid == ctx.st.pid || ctx.st.links.contains(&pid) {
        return Ok(atom::TRUE);
    }
    let me = ctx.st.pid;
    if ctx.rt.signal(pid, Signal::Link { from: me }) {
        ctx.st.links.push(pid);
    } else if ctx.st.trap_exit {
        let m = ctx.st.heap.tuple(&[atom::EXIT_UPPER, pid, atom::NOPROC]);
        ctx.st.mailbox.push_back(m);
    } else {
        return Err(Exn {
            class: Class::Error,
            reason: atom::NOPROC,
            trace: Vec::new(),
            info: None,
        });
    }
    Ok(atom::TRUE)
}

pub fn unlink(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let pid = a[0];
    if !pid.is_pid() {
        return Err(badarg());
    }
    ctx.st.links.retain(|&l| l != pid);
    let me = ctx.st.pid;
    ctx.rt.signal(pid, Signal::Unlink { from: me });
    Ok(atom::TRUE)
}

/// `Process.monitor/1`: a reference; `{:DOWN, ref, :process, pid, :noproc}` at
/// once if the process is gone.
pub fn monitor(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let target = a[0];
    let pid = if target.is_pid() {
        Some(target)
    } else if target.is_atom() {
        ctx.rt.whereis(target)
    } else {
        return Err(badarg());
    };
    let mref = ctx.rt.make_ref();
    let me = ctx.st.pid;
    let delivered = match pid {
        Some(pid) if pid == me => true,
        Some(pid) => ctx.rt.signal(pid, Signal::Monitor { from: me, mref }),
        None => false,
    };
    if delivered {
        ctx.st.monitors.push((mref, pid.unwrap_or(target)));
    } else {
        let who = if target.is_atom() {
            let node = atom::intern("nonode@nohost");
            ctx.st.heap.tuple(&[target, node])
        } else {
            target
        };
        let m = ctx
            .st
            .heap
            .tuple(&[atom::DOWN, mref, atom::PROCESS, who, atom::NOPROC]);
        ctx.st.mailbox.push_back(m);
    }
    Ok(mref)
}

/// `:erlang.monitor(:process, pid)`.
pub fn monitor2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if a[0] != atom::PROCESS {
        return Err(badarg());
    }
    monitor(ctx, &a[1..])
}

pub fn demonitor(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let mref = a[0];
    if !mref.is_ref() {
        return Err(badarg());
    }
    if let Some(i) = ctx.st.monitors.iter().position(|m| m.0 == mref) {
        let (_, pid) = ctx.st.monitors.swap_remove(i);
        if pid == ctx.st.pid {
            ctx.st.monitored_by.retain(|m| m.0 != mref);
        } else {
            ctx.rt.signal(pid, Signal::Demonitor { mref });
        }
    }
    Ok(atom::TRUE)
}

/// `Process.exit/2`: an exit signal to `pid` (to this very process too).
pub fn exit2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (pid, reason) = (a[0], a[1]);
    if !pid.is_pid() {
        return Err(badarg());
    }
    let me = ctx.st.pid;
    let reason = ctx.code.copy_term(reason);
    let sig = Signal::Exit {
        from: me,
        reason,
        link: false,
    };
    if ctx.rt.signal(pid, sig) && pid == me {
        ctx.st.yield_now = true;
    }
    Ok(atom::TRUE)
}

pub fn is_alive(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_pid() {
        return Err(badarg());
    }
    Ok(Term::bool(a[0] == ctx.st.pid || ctx.rt.alive(a[0])))
}

/// `Process.flag(:trap_exit, bool)`: the old value.
pub fn flag(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if atom::name(a[0]) != "trap_exit" || !a[1].is_boolean() {
        return Err(badarg());
    }
    let old = ctx.st.trap_exit;
    ctx.rt.set_trap_exit(ctx.st, a[1].is_true());
    Ok(Term::bool(old))
}

/// `Process.register(pid, name)`.
pub fn register(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (pid, name) = (a[0], a[1]);
    let reserved = [atom::NIL, atom::FALSE, atom::TRUE, atom::UNDEFINED];
    if !pid.is_pid() || !name.is_atom() || reserved.contains(&name) {
        return Err(badarg());
    }
    if ctx.rt.register(name, pid) {
        return Ok(atom::TRUE);
    }
    let show =
        |t| crate::inspect::inspect(&crate::convert::to_value(ctx.code, t), &Default::default());
    let msg = format!(
        "could not register {} with name {} because it is not alive, the name is already taken, or it has already been given another name",
        show(pid),
        show(name)
    );
    let m = ctx.st.heap.str(&msg);
    let e = super::exception::make_exception(ctx, "Elixir.ArgumentError", &[(atom::MESSAGE, m)]);
    Err(Exn::error(e))
}

pub fn unregister(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if a[0].is_atom() && ctx.rt.unregister(a[0]) {
        return Ok(atom::TRUE);
    }
    Err(Exn::badarg_at(1, "not a pid"))
}

/// `Process.whereis/1`: the pid, or `nil`.
pub fn whereis(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_atom() {
        return Err(badarg());
    }
    Ok(ctx.rt.whereis(a[0]).unwrap_or(atom::NIL))
}

/// `:erlang.whereis/1`: the pid, or `:undefined`.
pub fn erl_whereis(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_atom() {
        return Err(badarg());
    }
    Ok(ctx.rt.whereis(a[0]).unwrap_or(atom::UNDEFINED))
}

pub fn list(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    let pids = ctx.rt.processes();
    Ok(ctx.st.heap.list(&pids))
}

/// `Process.info(pid, :message_queue_len)`; `nil` for a dead pid.
pub fn info(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_pid() || atom::name(a[1]) != "message_queue_len" {
        return Err(badarg());
    }
    match ctx.rt.queue_len(ctx.st, a[0]) {
        Some(n) => Ok(ctx.st.heap.tuple(&[a[1], Term::small(n as i64)])),
        None => Ok(atom::NIL),
    }
}

fn timeout_ms(t: Term) -> Result<u64, Exn> {
    match t.as_small() {
        Some(ms) if ms >= 0 => Ok(ms as u64),
        _ => Err(badarg()),
    }
}

/// `Process.send_after(dest, msg, ms)`: a timer reference.
pub fn send_after(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (to, msg) = (a[0], a[1]);
    if !to.is_pid() && !to.is_atom() {
        return Err(badarg());
    }
    let ms = timeout_ms(a[2])?;
    Ok(ctx.rt.send_after(to, msg, ms))
}

/// `:erlang.send_after(ms, dest, msg)`.
pub fn erl_send_after(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    send_after(ctx, &[a[1], a[2], a[0]])
}

/// `Process.cancel_timer/1`: milliseconds that were left, or `false`.
pub fn cancel_timer(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_ref() {
        return Err(badarg());
    }
    Ok(match ctx.rt.cancel_timer(a[0]) {
        Some(ms) => Term::small(ms as i64),
        None => atom::FALSE,
    })
}
