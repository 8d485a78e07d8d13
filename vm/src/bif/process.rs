//! Built-in functions of processes: spawn, links, monitors, exit signals,
//! registered names, timers. The work is the scheduler's (sched/); these
//! check arguments and shape results as Elixir does.

use super::{BifResult, Ctx};
use crate::atom;
use crate::code::{CodeTable, FunId};
use crate::ctx::Sched;
use crate::process::{Class, Exn, Frame, InfoItem, InfoRequest, ProcState, Signal, TraceEntry};
use crate::term::Term;

fn badarg() -> Exn {
    Exn::error(atom::BADARG)
}

/// The function a spawned process starts with, and its arguments: a
/// closure of arity 0, or `module.name(args...)`. For `spawn/1` and
/// `spawn_link/1` (`any_arity`), a fun of another arity starts
/// `:erlang.apply(fun, [])`, which ends the new process with `badarity`;
/// `spawn_monitor/1` takes none, as on the BEAM.
fn target(
    ctx: &mut Ctx,
    fun: Term,
    any_arity: bool,
) -> Result<(Result<FunId, Exn>, Vec<Term>), Exn> {
    if let Some((id, free)) = fun.closure_parts() {
        if ctx.code.function(id).arity == 0 {
            return Ok((Ok(id), free.to_vec()));
        }
    } else if let Some((m, f, 0)) = fun.export_parts() {
        return Ok((lookup(ctx, m, f, 0), Vec::new()));
    }
    if !fun.is_fun() || !any_arity {
        return Err(Exn::badarg_at(1, "not a fun"));
    }
    let apply = lookup(ctx, atom::intern("erlang"), atom::intern("apply"), 2);
    Ok((apply, vec![fun, Term::NIL]))
}

fn lookup(ctx: &mut Ctx, m: Term, f: Term, arity: u32) -> Result<FunId, Exn> {
    // A process started in a module the host denies (whoever spawns it:
    // the module, function and arguments may come from a script).
    if ctx.code.is_denied(m) {
        return Err(crate::native::denied(ctx, m, f, arity));
    }
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
                args: None,
            }],
            info: None,
        })
}

fn target3(ctx: &mut Ctx, a: &[Term]) -> Result<(Result<FunId, Exn>, Vec<Term>), Exn> {
    if !a[0].is_atom() {
        return Err(Exn::badarg_at(1, "not an atom"));
    }
    if !a[1].is_atom() {
        return Err(Exn::badarg_at(2, "not an atom"));
    }
    let mut args = Vec::new();
    let mut l = a[2];
    while let Some((h, t)) = l.cons_parts() {
        args.push(h);
        l = t;
    }
    if !l.is_nil() {
        return Err(Exn::badarg_at(3, "not a list"));
    }
    let found = lookup(ctx, a[0], a[1], args.len() as u32);
    if found.is_err() && super::lookup(atom::name(a[0]), atom::name(a[1]), args.len()).is_some() {
        // A built-in has no bytecode to start in: the process runs
        // `:erlang.apply(module, name, args)`, which calls it.
        let apply = lookup(ctx, atom::intern("erlang"), atom::intern("apply"), 3);
        return Ok((apply, vec![a[0], a[1], a[2]]));
    }
    Ok((found, args))
}

fn start(
    ctx: &mut Ctx,
    t: (Result<FunId, Exn>, Vec<Term>),
    link: bool,
    monitor: bool,
) -> BifResult {
    let (fun, args) = t;
    let (pid, mref) = ctx.rt.spawn(ctx.st, fun, &args, link, monitor)?;
    ctx.st.spawned = true;
    Ok(match mref {
        Some(r) => ctx.st.heap.tuple(&[pid, r]),
        None => pid,
    })
}

pub fn spawn1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let t = target(ctx, a[0], true)?;
    start(ctx, t, false, false)
}
pub fn spawn3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let t = target3(ctx, a)?;
    start(ctx, t, false, false)
}
pub fn spawn_link1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let t = target(ctx, a[0], true)?;
    start(ctx, t, true, false)
}
pub fn spawn_link3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let t = target3(ctx, a)?;
    start(ctx, t, true, false)
}
pub fn spawn_monitor1(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let t = target(ctx, a[0], false)?;
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
        return Err(Exn::badarg_at(1, "not a pid"));
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
        return Err(Exn::badarg_at(1, "not a pid"));
    }
    ctx.st.links.retain(|&l| l != pid);
    let me = ctx.st.pid;
    ctx.rt.signal(pid, Signal::Unlink { from: me });
    Ok(atom::TRUE)
}

/// `Process.monitor/1`: a reference; `{:DOWN, ref, :process, pid, :noproc}` at
/// once if the process is gone.
pub fn monitor(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    monitor_as(ctx, a[0], false)
}

/// A monitor of `target`; with `alias`, its reference is an alias of the
/// caller (`alias_ref`), activated by the caller.
fn monitor_as(ctx: &mut Ctx, target: Term, alias: bool) -> BifResult {
    // `{name, node}` on this node is the name.
    let target = match target.tuple_elems() {
        Some([name, node]) if name.is_atom() && atom::name(*node) == "nonode@nohost" => *name,
        _ => target,
    };
    let pid = if target.is_pid() {
        Some(target)
    } else if target.is_atom() {
        ctx.rt.whereis(target)
    } else {
        // The target is `:erlang.monitor/2`'s second argument.
        return Err(Exn::badarg_at(2, "not a pid"));
    };
    let mref = if alias {
        new_alias(ctx)
    } else {
        ctx.rt.make_ref()
    };
    let me = ctx.st.pid;
    let delivered = match pid {
        Some(pid) if pid == me => true,
        Some(pid) => {
            let name = if target.is_atom() { target } else { Term::NIL };
            ctx.rt.signal(
                pid,
                Signal::Monitor {
                    from: me,
                    mref,
                    name,
                },
            )
        }
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
        return Err(Exn::badarg_at(1, "not a reference"));
    }
    unalias_ref(ctx.st, mref);
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
        return Err(Exn::badarg_at(1, "not a pid"));
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

/// `:erlang.yield/0`: lets the other runnable processes run before this
/// one goes on (it goes to the back of its run queue); always `true`.
pub fn yield0(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    ctx.st.yield_now = true;
    Ok(atom::TRUE)
}

/// `:beamlet.process_alive(pid)`, under `:erlang.is_process_alive/1`
/// (stdlib/erlang.ex): whether `pid` is alive, or `{:wait, tag}` when it
/// runs on another scheduler right now. On the BEAM the question is a
/// signal the process answers only between its time slices, so a process
/// that has sent its last reply and is ending is seen dead by the one it
/// replied to; here a running process is asked the same way (an info
/// request, answered `:undefined` by its exit path), and the answer comes
/// as `{tag, answer}`.
pub fn process_alive(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let pid = a[0];
    if !pid.is_pid() {
        return Err(Exn::badarg_at(1, "not a pid"));
    }
    if pid == ctx.st.pid {
        return Ok(atom::TRUE);
    }
    let running = atom::intern("running");
    // A nested call takes in no messages: it reads the state at once.
    if !ctx.rt.alive(pid) || ctx.st.nested || ctx.rt.status_of(pid) != Some(running) {
        return Ok(Term::bool(ctx.rt.alive(pid)));
    }
    let tag = ctx.rt.make_ref();
    let req = InfoRequest {
        from: ctx.st.pid,
        tag,
        items: vec![InfoItem::Status],
        list: false,
        status: running,
    };
    if !ctx.rt.signal(pid, Signal::Info(req)) {
        return Ok(atom::FALSE);
    }
    Ok(ctx.st.heap.tuple(&[atom::intern("wait"), tag]))
}

/// `Process.flag(flag, value)`: the old value. `:trap_exit` and
/// `:priority` are kept; the memory flags are checked and answered with
/// the BEAM's defaults (beamlet sizes heaps itself).
pub fn flag(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (f, v) = (a[0], a[1]);
    let bad_value = || Exn::badarg_at(2, "invalid value for this process flag");
    if !f.is_atom() {
        return Err(Exn::badarg_at(1, "invalid process flag"));
    }
    let non_neg = |v: Term| v.as_small().is_some_and(|n| n >= 0);
    match atom::name(f) {
        "trap_exit" => {
            if !v.is_boolean() {
                return Err(bad_value());
            }
            let old = ctx.st.trap_exit;
            ctx.rt.set_trap_exit(ctx.st, v.is_true());
            Ok(Term::bool(old))
        }
        "priority" => {
            if !v.is_atom() || !["low", "normal", "high", "max"].contains(&atom::name(v)) {
                return Err(bad_value());
            }
            Ok(std::mem::replace(&mut ctx.st.priority, v))
        }
        "min_heap_size" if non_neg(v) => Ok(Term::small(233)),
        "min_bin_vheap_size" if non_neg(v) => Ok(Term::small(46422)),
        "save_calls" if v.as_small().is_some_and(|n| (0..=10000).contains(&n)) => {
            Ok(Term::small(0))
        }
        "sensitive" if v.is_boolean() => Ok(atom::FALSE),
        "message_queue_data" if v.is_atom() && ["on_heap", "off_heap"].contains(&atom::name(v)) => {
            Ok(atom::intern("on_heap"))
        }
        "max_heap_size" => {
            let Some(m) = parse_max_heap(v) else {
                return Err(bad_value());
            };
            let old = std::mem::replace(&mut ctx.st.heap.max, m);
            ctx.st.heap.over_max = false;
            Ok(max_heap_term(&mut ctx.st.heap, old))
        }
        "min_heap_size" | "min_bin_vheap_size" | "save_calls" | "sensitive"
        | "message_queue_data" => Err(bad_value()),
        _ => Err(Exn::badarg_at(1, "invalid process flag")),
    }
}

/// `max_heap_size`'s value: a size, or a map of `size` (required), `kill`
/// and `error_logger` (both `true` when left out). A size is 0 (no limit)
/// or at least the minimum heap size, 233 words; other keys are ignored.
fn parse_max_heap(v: Term) -> Option<crate::heap::MaxHeap> {
    let size = |t: Term| t.as_small().filter(|&n| n == 0 || n >= 233);
    let mut m = crate::heap::MaxHeap::default();
    if let Some(n) = size(v) {
        m.words = n as usize;
        return Some(m);
    }
    if !v.is_map() {
        return None;
    }
    let mut seen_size = false;
    for (k, val) in crate::hamt::pairs(v) {
        match (k.is_atom().then(|| atom::name(k)), val) {
            (Some("size"), _) => {
                m.words = size(val)? as usize;
                seen_size = true;
            }
            (Some("kill"), b) if b.is_boolean() => m.kill = b.is_true(),
            (Some("error_logger"), b) if b.is_boolean() => m.error_logger = b.is_true(),
            (Some("kill" | "error_logger"), _) => return None,
            // Other keys are ignored, as the BEAM does.
            _ => {}
        }
    }
    seen_size.then_some(m)
}

/// `%{error_logger: _, kill: _, size: _}`, as `max_heap_size` reads.
pub fn max_heap_term(h: &mut crate::heap::Heap, m: crate::heap::MaxHeap) -> Term {
    let keys = [
        atom::intern("error_logger"),
        atom::intern("kill"),
        atom::intern("size"),
    ];
    let vals = [
        Term::bool(m.error_logger),
        Term::bool(m.kill),
        Term::small(m.words as i64),
    ];
    h.map_sorted(&keys, &vals)
}

/// `Process.register(pid, name)`: a name that is not an atom, or is `nil`
/// or `:undefined`, matches none of its clauses (Elixir's guard).
pub fn register(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let name = a[1];
    if !name.is_atom() || name == atom::NIL || name == atom::UNDEFINED {
        return Err(Exn {
            class: Class::Error,
            reason: atom::FUNCTION_CLAUSE,
            trace: vec![TraceEntry {
                module: atom::intern("Elixir.Process"),
                name: atom::intern("register"),
                arity: 2,
                file: Term::NIL,
                line: 0,
                args: None,
            }],
            info: None,
        });
    }
    register_as(ctx, a)
}

fn register_as(ctx: &mut Ctx, a: &[Term]) -> BifResult {
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

/// `:erlang.register(name, pid)`: Erlang's argument order.
pub fn erl_register(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    register_as(ctx, &[a[1], a[0]])
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

/// Where a process is in its code: the current function, the next
/// instruction and its callers' frames (for `:current_function` and
/// `:current_stacktrace`). A built-in function cannot see its caller's
/// frames; the scheduler can, between time slices.
pub struct Where<'a> {
    pub fun: FunId,
    pub pc: u32,
    pub frames: &'a [Frame],
}

/// Entries of the stack trace at `at`, innermost first, at most `depth`
/// (the BEAM's `backtrace_depth`, 8), as an exception's trace reads.
fn stack_entries(code: &CodeTable, at: &Where, depth: usize) -> Vec<TraceEntry> {
    crate::interp::trace_entries(code, at.fun, at.pc as usize, at.frames, depth)
}

/// The answer to `:erlang.process_info(pid, items)` about the process of
/// `st`: `{item, value}`, or a list of them when `list`. `at` is where the
/// process is (`None`: it asks about itself from a built-in function, in
/// `Process.info/2`); `status` what it was doing when asked.
pub fn info_answer(
    st: &mut ProcState,
    code: &CodeTable,
    rt: &dyn Sched,
    at: Option<Where>,
    items: &[InfoItem],
    list: bool,
    status: Term,
) -> Term {
    let mut out = Vec::with_capacity(items.len());
    for &item in items {
        let h = &mut st.heap;
        let value = match item {
            InfoItem::CurrentFunction => match &at {
                Some(w) => {
                    let f = code.function(w.fun);
                    let arity = Term::small(f.arity as i64);
                    h.tuple(&[f.module, f.name, arity])
                }
                None => {
                    let m = atom::intern("Elixir.Process");
                    h.tuple(&[m, atom::intern("info"), Term::small(2)])
                }
            },
            InfoItem::CurrentStacktrace => match &at {
                Some(w) => {
                    let entries = stack_entries(code, w, code.backtrace_depth());
                    crate::interp::trace_term(h, &entries, None)
                }
                // Process.info/2 builds its caller's stack itself.
                None => Term::NIL,
            },
            InfoItem::Status => status,
            InfoItem::MessageQueueLen => Term::small(st.mailbox.len() as i64),
            InfoItem::Messages => {
                let ms: Vec<Term> = st.mailbox.iter().copied().collect();
                h.list(&ms)
            }
            InfoItem::Links => h.list(&st.links),
            InfoItem::Monitors => {
                let ms: Vec<Term> = st
                    .monitors
                    .iter()
                    .map(|&(_, pid)| h.tuple(&[atom::PROCESS, pid]))
                    .collect();
                h.list(&ms)
            }
            InfoItem::MonitoredBy => {
                let ps: Vec<Term> = st
                    .monitored_by
                    .iter()
                    .filter(|m| !m.1.is_atom())
                    .map(|&(_, pid)| pid)
                    .collect();
                h.list(&ps)
            }
            InfoItem::TrapExit => Term::bool(st.trap_exit),
            InfoItem::RegisteredName => match rt.name_of(st.pid) {
                Some(n) => n,
                // Erlang answers a lone `:registered_name` with `[]`.
                None if !list => return Term::NIL,
                None => Term::NIL,
            },
            InfoItem::Dictionary => {
                let pairs: Vec<Term> = st
                    .dict
                    .chunks(2)
                    .map(|kv| h.tuple(&[kv[0], kv[1]]))
                    .collect();
                h.list(&pairs)
            }
            InfoItem::HeapSize => Term::small(h.used_words() as i64),
            InfoItem::TotalHeapSize => Term::small(h.capacity_words() as i64),
            InfoItem::StackSize => {
                Term::small(at.as_ref().map_or(1, |w| w.frames.len() + 1) as i64)
            }
            InfoItem::Priority => st.priority,
            InfoItem::ErrorHandler => atom::intern("error_handler"),
            InfoItem::Suspending => Term::NIL,
            InfoItem::GroupLeader => st.group_leader.unwrap_or(st.pid),
            InfoItem::Reductions => Term::small(0),
            InfoItem::Memory => Term::small(8 * h.capacity_words() as i64 + 1000),
            InfoItem::Backtrace => h.str(""),
            InfoItem::InitialCall => {
                let (m, f, a) = st.initial_call;
                if m.is_nil() {
                    let m = atom::intern("erlang");
                    h.tuple(&[m, atom::intern("apply"), Term::small(2)])
                } else {
                    h.tuple(&[m, f, Term::small(a as i64)])
                }
            }
            InfoItem::GarbageCollection => {
                let pairs = [
                    ("max_heap_size", 0),
                    ("min_bin_vheap_size", 46422),
                    ("min_heap_size", 233),
                    ("fullsweep_after", 65535),
                    ("minor_gcs", 0),
                ];
                let max = h.max;
                let items: Vec<Term> = pairs
                    .iter()
                    .map(|&(k, v)| {
                        let v = if k == "max_heap_size" {
                            max_heap_term(h, max)
                        } else {
                            Term::small(v)
                        };
                        h.tuple(&[atom::intern(k), v])
                    })
                    .collect();
                h.list(&items)
            }
        };
        let name = atom::intern(item.name());
        out.push(st.heap.tuple(&[name, value]));
    }
    if list {
        st.heap.list(&out)
    } else {
        out.first().copied().unwrap_or(Term::NIL)
    }
}

/// The items of `:erlang.process_info/2`'s second argument, and whether
/// it was a list; `None` for an unknown item.
fn info_items(spec: Term) -> Option<(Vec<InfoItem>, bool)> {
    if spec.is_atom() {
        return Some((vec![InfoItem::from_name(atom::name(spec))?], false));
    }
    let items = super::list_to_vec(spec)?;
    let items = items
        .into_iter()
        .map(|t| {
            t.is_atom()
                .then(|| InfoItem::from_name(atom::name(t)))
                .flatten()
        })
        .collect::<Option<Vec<_>>>()?;
    Some((items, true))
}

/// The items of `Process.info/1`, in the BEAM's order.
pub const INFO_ALL: &[InfoItem] = &[
    InfoItem::RegisteredName,
    InfoItem::CurrentFunction,
    InfoItem::InitialCall,
    InfoItem::Status,
    InfoItem::MessageQueueLen,
    InfoItem::Links,
    InfoItem::Dictionary,
    InfoItem::TrapExit,
    InfoItem::ErrorHandler,
    InfoItem::Priority,
    InfoItem::GroupLeader,
    InfoItem::TotalHeapSize,
    InfoItem::HeapSize,
    InfoItem::StackSize,
    InfoItem::Reductions,
    InfoItem::GarbageCollection,
    InfoItem::Suspending,
];

/// `:beamlet.process_info(pid, items)`: what `:erlang.process_info/2`
/// answers (`{item, value}`, a list of them, `:undefined` for a process
/// that is gone), or `{:wait, tag}`: the answer will come as the message
/// `{tag, answer}` (the other process answers between its time slices).
/// `items` may be `:all` (the items of `Process.info/1`). Written in
/// Rust: it reads the scheduler's state of other processes.
pub fn process_info(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (pid, spec) = (a[0], a[1]);
    if !pid.is_pid() {
        return Err(Exn::badarg_at(1, "not a pid"));
    }
    let (items, list) = if atom::name(spec) == "all" && spec.is_atom() {
        (INFO_ALL.to_vec(), true)
    } else {
        info_items(spec).ok_or_else(|| Exn::badarg_at(2, "invalid item or item list"))?
    };
    if pid == ctx.st.pid {
        let running = atom::intern("running");
        let mut answer = info_answer(ctx.st, ctx.code, ctx.rt, None, &items, list, running);
        if !list && items == [InfoItem::MessageQueueLen] {
            // Messages still in the inbox count too.
            let n = ctx.rt.queue_len(ctx.st, pid).unwrap_or(0);
            answer = ctx.st.heap.tuple(&[spec, Term::small(n as i64)]);
        }
        return Ok(answer);
    }
    let Some(status) = ctx.rt.status_of(pid) else {
        return Ok(atom::UNDEFINED);
    };
    if !ctx.rt.alive(pid) {
        return Ok(atom::UNDEFINED);
    }
    // What the scheduler knows without asking the process.
    let quick = items.iter().all(|i| {
        matches!(
            i,
            InfoItem::Status
                | InfoItem::MessageQueueLen
                | InfoItem::RegisteredName
                | InfoItem::ErrorHandler
                | InfoItem::Suspending
        )
    });
    if quick {
        let mut out = Vec::new();
        for &item in &items {
            let value = match item {
                InfoItem::Status => status,
                InfoItem::MessageQueueLen => {
                    Term::small(ctx.rt.queue_len(ctx.st, pid).unwrap_or(0) as i64)
                }
                InfoItem::RegisteredName => match ctx.rt.name_of(pid) {
                    Some(n) => n,
                    None if !list => return Ok(Term::NIL),
                    None => Term::NIL,
                },
                InfoItem::ErrorHandler => atom::intern("error_handler"),
                _ => Term::NIL,
            };
            let name = atom::intern(item.name());
            out.push(ctx.st.heap.tuple(&[name, value]));
        }
        return Ok(if list { ctx.st.heap.list(&out) } else { out[0] });
    }
    let tag = ctx.rt.make_ref();
    let req = InfoRequest {
        from: ctx.st.pid,
        tag,
        items,
        list,
        status,
    };
    if !ctx.rt.signal(pid, Signal::Info(req)) {
        return Ok(atom::UNDEFINED);
    }
    Ok(ctx.st.heap.tuple(&[atom::intern("wait"), tag]))
}

/// The index in the process dictionary of the value of `key`.
fn dict_find(st: &ProcState, key: Term) -> Option<usize> {
    st.dict
        .chunks(2)
        .position(|kv| crate::order::exact_eq(kv[0], key))
        .map(|i| 2 * i + 1)
}

/// `:erlang.put(key, value)`: the old value, or `:undefined`.
pub fn dict_put(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    match dict_find(ctx.st, a[0]) {
        Some(i) => Ok(std::mem::replace(&mut ctx.st.dict[i], a[1])),
        None => {
            ctx.st.dict.extend_from_slice(&[a[0], a[1]]);
            Ok(atom::UNDEFINED)
        }
    }
}

/// `:erlang.get(key)`: the value, or `:undefined`.
pub fn dict_get(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    Ok(dict_find(ctx.st, a[0]).map_or(atom::UNDEFINED, |i| ctx.st.dict[i]))
}

/// `:erlang.get()`: every `{key, value}`.
pub fn dict_get_all(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    let st = &mut *ctx.st;
    let pairs: Vec<Term> = st
        .dict
        .chunks(2)
        .map(|kv| st.heap.tuple(&[kv[0], kv[1]]))
        .collect();
    Ok(st.heap.list(&pairs))
}

/// `:erlang.erase(key)`: the old value, or `:undefined`.
pub fn dict_erase(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    match dict_find(ctx.st, a[0]) {
        Some(i) => {
            let v = ctx.st.dict[i];
            ctx.st.dict.drain(i - 1..=i);
            Ok(v)
        }
        None => Ok(atom::UNDEFINED),
    }
}

/// `:erlang.erase()`: every `{key, value}`; the dictionary is emptied.
pub fn dict_erase_all(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let all = dict_get_all(ctx, a)?;
    ctx.st.dict.clear();
    Ok(all)
}

/// `:erlang.get_keys()`.
pub fn dict_keys(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    let keys: Vec<Term> = ctx.st.dict.chunks(2).map(|kv| kv[0]).collect();
    Ok(ctx.st.heap.list(&keys))
}

/// `:erlang.get_keys(value)`: the keys holding `value`.
pub fn dict_keys_of(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let keys: Vec<Term> = ctx
        .st
        .dict
        .chunks(2)
        .filter(|kv| crate::order::exact_eq(kv[1], a[0]))
        .map(|kv| kv[0])
        .collect();
    Ok(ctx.st.heap.list(&keys))
}

/// A timer's time: `:erlang.send_after/3`'s errors for its 1st argument.
fn timeout_ms(t: Term) -> Result<u64, Exn> {
    match t.as_small() {
        Some(ms) if ms >= 0 => Ok(ms as u64),
        _ if t.is_integer() => Err(Exn::badarg_at(1, "out of range")),
        _ => Err(Exn::badarg_at(1, "not an integer")),
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
        return Err(Exn::badarg_at(1, "not a reference"));
    }
    Ok(match ctx.rt.cancel_timer(a[0]) {
        Some(ms) => Term::small(ms as i64),
        None => atom::FALSE,
    })
}

/// `:erlang.read_timer/1`: milliseconds left, or `false`.
pub fn read_timer(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_ref() {
        return Err(Exn::badarg_at(1, "not a reference"));
    }
    Ok(ctx
        .rt
        .read_timer(a[0])
        .map_or(atom::FALSE, |ms| Term::small(ms as i64)))
}

/// `:erlang.start_timer(ms, dest, msg)`: sends `{:timeout, tref, msg}`.
pub fn start_timer(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let (to, msg) = (a[1], a[2]);
    if !to.is_pid() && !to.is_atom() {
        return Err(badarg());
    }
    let ms = timeout_ms(a[0])?;
    Ok(ctx.rt.start_timer(ctx.st, to, msg, ms))
}

/// `Process.registered/0`: every registered name.
pub fn registered(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    let names = ctx.rt.registered();
    Ok(ctx.st.heap.list(&names))
}

/// The kind of alias in a `[alias: kind]` option: `Some(once)`.
fn alias_kind(t: Term) -> Option<bool> {
    match atom::name(t) {
        "explicit_unalias" | "demonitor" => Some(false),
        "reply_demonitor" => Some(true),
        _ => None,
    }
}

/// `:erlang.monitor(:process, pid, opts)`: as `monitor/2`; with
/// `alias: kind` the reference is also an alias of the caller.
pub fn monitor3(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let opts = super::list_to_vec(a[2]).ok_or_else(badarg)?;
    let mut alias = None;
    for o in opts {
        match o.tuple_elems() {
            Some([k, v]) if atom::name(*k) == "alias" && k.is_atom() && v.is_atom() => {
                alias = Some(alias_kind(*v).ok_or_else(badarg)?);
            }
            Some([k, _]) if atom::name(*k) == "tag" && k.is_atom() => {}
            _ => return Err(badarg()),
        }
    }
    if a[0] != atom::PROCESS {
        return Err(badarg());
    }
    let mref = monitor_as(ctx, a[1], alias.is_some())?;
    if let (Some(once), Some(id)) = (alias, mref.ref_value()) {
        ctx.st.aliases.push((id, once));
    }
    Ok(mref)
}

/// `:erlang.alias/0,1`: a reference that delivers to the caller.
pub fn alias(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let mut once = false;
    if let Some(&opts) = a.first() {
        for o in super::list_to_vec(opts).ok_or_else(badarg)? {
            match atom::name(o) {
                "reply" if o.is_atom() => once = true,
                "explicit_unalias" if o.is_atom() => {}
                _ => return Err(badarg()),
            }
        }
    }
    let r = new_alias(ctx);
    if let Some(id) = r.ref_value() {
        ctx.st.aliases.push((id, once));
    }
    Ok(r)
}

/// A fresh reference that names the caller as an alias (not active yet).
fn new_alias(ctx: &mut Ctx) -> Term {
    let n = ctx.rt.make_ref().ref_value().unwrap_or(0);
    let (index, _) = ctx.st.pid.pid_parts().unwrap_or((0, 0));
    crate::process::alias_ref(index, n)
}

/// Deactivates the alias `r` of the process; whether it was active.
fn unalias_ref(st: &mut crate::process::ProcState, r: Term) -> bool {
    if st.aliases.is_empty() {
        return false;
    }
    let Some(id) = r.ref_value() else {
        return false;
    };
    match st.aliases.iter().position(|a| a.0 == id) {
        Some(i) => {
            st.aliases.swap_remove(i);
            true
        }
        None => false,
    }
}

/// `:erlang.unalias/1`: whether the alias was active.
pub fn unalias(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    if !a[0].is_ref() {
        return Err(badarg());
    }
    Ok(Term::bool(unalias_ref(ctx.st, a[0])))
}

/// `:beamlet.demonitor(ref)`: removes the monitor `ref`; whether it was
/// active (`:erlang.demonitor/2`'s `:info`, stdlib/erlang.ex).
pub fn demonitor_found(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    let mref = a[0];
    if !mref.is_ref() {
        return Err(badarg());
    }
    let found = ctx.st.monitors.iter().any(|m| m.0 == mref);
    demonitor(ctx, a)?;
    Ok(Term::bool(found))
}

/// `:beamlet.unreceive(msg)`: puts a message just received back at the
/// head of the mailbox (`:erlang.hibernate/3` waits for a message without
/// taking it). Written in Rust: the mailbox is not reachable otherwise.
pub fn unreceive(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    ctx.st.mailbox.push_front(a[0]);
    ctx.st.recv_scan = 0;
    ctx.st.mailbox_edits = ctx.st.mailbox_edits.wrapping_add(1);
    if let Some((_, m)) = &mut ctx.st.recv_mark {
        *m += 1;
    }
    Ok(atom::TRUE)
}

/// `:erlang.group_leader/0`, `Process.group_leader/0`: the calling process's
/// group leader, or `:user` when its standard output is the real one (the
/// BEAM always has a pid there; `:user` names the standard devices to `:io`).
pub fn group_leader0(ctx: &mut Ctx, _: &[Term]) -> BifResult {
    Ok(ctx.st.group_leader.unwrap_or_else(|| atom::intern("user")))
}

/// `:erlang.group_leader(leader, pid)`: sets the group leader of `pid` (the
/// calling process only: another process's would need a signal) to
/// `leader`, a pid or `:user` (the standard devices).
pub fn group_leader2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    set_group_leader(ctx, a[0], a[1])
}

/// `Process.group_leader(pid, leader)`: `:erlang.group_leader/2` with the
/// arguments the other way round.
pub fn process_group_leader2(ctx: &mut Ctx, a: &[Term]) -> BifResult {
    set_group_leader(ctx, a[1], a[0])
}

fn set_group_leader(ctx: &mut Ctx, leader: Term, pid: Term) -> BifResult {
    if !pid.is_pid() {
        return Err(Exn::badarg_at(2, "not a pid"));
    }
    if pid != ctx.st.pid {
        // Another process: a signal it handles when it next runs.
        if leader.is_pid() && ctx.rt.signal(pid, Signal::GroupLeader { gl: leader }) {
            return Ok(atom::TRUE);
        }
        return Err(Exn::badarg_at(2, "not a live process"));
    }
    if leader.is_pid() {
        ctx.st.group_leader = Some(leader);
    } else if leader == atom::intern("user") {
        ctx.st.group_leader = None;
    } else {
        return Err(Exn::badarg_at(1, "not a pid"));
    }
    Ok(atom::TRUE)
}
