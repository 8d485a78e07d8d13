//! The process-exit path: a process raising past its handlers, killed by an
//! exit signal, or ending; its links and monitors fired, its slot freed; and
//! the error banners `elixir` prints.

use super::local::Local;
use super::table::State;
use super::{lock, Outcome};
use crate::atom;
use crate::bif::exception;
use crate::convert;
use crate::copy::Msg;
use crate::ctx::{Ctx, Sched};
use crate::inspect;
use crate::interp::{self};
use crate::process::{Class, Exn, Process, Signal};
use crate::term::Term;
use std::sync::atomic::Ordering;

impl Local<'_, '_> {
    /// `p` raised past all its handlers.
    pub(super) fn exit_raised(&self, mut p: Box<Process>, e: Exn) {
        let rt = self.rt;
        let trace_t = interp::trace_term(&mut p.st.heap, &e.trace, e.info.as_ref());
        // (Formatted only for a report: it runs library code.)
        let lines = |local: &Self, p: &mut Box<Process>| {
            local.with_ctx(p, |ctx| exception::format_trace_in(ctx, &e.trace))
        };
        let watched = self.watched(&p);
        if watched {
            // Whoever waits for its end reports the error: no log here.
            let banner = self.with_ctx(&mut p, |ctx| {
                exception::banner(ctx, e.class, e.reason, trace_t)
            });
            let status = exit_status(e.class, e.reason);
            let raised = match e.class {
                Class::Error => {
                    self.with_ctx(&mut p, |ctx| exception::normalize(ctx, e.reason, trace_t))
                }
                _ => e.reason,
            };
            let reason = convert::to_value(&rt.code, raised);
            self.report_end(
                p.st.pid,
                Outcome::Failed {
                    banner,
                    trace: lines(self, &mut p),
                    status,
                    class: e.class,
                    reason,
                },
            );
            if p.st.pid == rt.main {
                let reason = p.st.heap.tuple(&[e.reason, trace_t]);
                return self.exit(p, reason);
            }
        }
        let reason = match e.class {
            Class::Exit => e.reason,
            Class::Error => p.st.heap.tuple(&[e.reason, trace_t]),
            Class::Throw => {
                let nocatch = p.st.heap.tuple(&[atom::NOCATCH, e.reason]);
                p.st.heap.tuple(&[nocatch, trace_t])
            }
        };
        if e.class != Class::Exit && !watched {
            let culprit = match e.class {
                Class::Throw => p.st.heap.tuple(&[atom::NOCATCH, e.reason]),
                _ => e.reason,
            };
            let banner = self.with_ctx(&mut p, |ctx| {
                exception::banner(ctx, Class::Error, culprit, trace_t)
            });
            let mut report = format!(
                "Process {} raised an exception\n{banner}\n",
                inspect_pid(p.st.pid)
            );
            for l in lines(self, &mut p) {
                report.push_str(&l);
                report.push('\n');
            }
            // Once Logger has been configured or captures (its process is
            // registered: stdlib/logger.ex), the report goes through it, so
            // its level and ExUnit.CaptureLog apply; else straight out.
            let logger = atom::intern("beamlet_logger_config");
            match self.whereis(logger) {
                Some(pid) => {
                    let text = p.st.heap.binary(report.as_bytes());
                    let msg =
                        p.st.heap
                            .tuple(&[logger, atom::intern("report"), atom::ERROR, text]);
                    let m = rt.code.copy_term(msg);
                    let _ = self.deliver(pid, Signal::Message(m));
                }
                None => {
                    report.insert_str(0, "[error] ");
                    lock(&rt.io).err(report.as_bytes());
                }
            }
        }
        self.exit(p, reason)
    }

    /// `p` had more live words after a collection than its `max_heap_size`:
    /// the report Erlang's error logger prints (when asked for), and
    /// whether to kill it.
    pub(super) fn max_heap_reached(&self, p: &mut Process) -> bool {
        let h = &mut p.st.heap;
        h.over_max = false;
        let m = h.max;
        if m.error_logger {
            let report = format!(
                "[error]      Process:            {} \n     Context:            maximum heap size reached\n     Max Heap Size:      {}\n     Total Heap Size:    {}\n     Kill:               {}\n     Error Logger:       {}\n     Message Queue Len:  {}\n     GC Info:            [heap_size: {}, stack_size: {}]\n",
                inspect_pid(p.st.pid),
                m.words,
                h.used_words() + p.regs.len(),
                m.kill,
                m.error_logger,
                p.st.mailbox.len(),
                h.used_words(),
                p.regs.len(),
            );
            lock(&self.rt.io).err(report.as_bytes());
        }
        m.kill
    }

    /// `p`'s growth took the VM's memory past its limit (heap.rs,
    /// `MemAccount`): killed (links and monitors see `:killed`), with a
    /// report on stderr, its watcher told [`Outcome::Memory`].
    pub(super) fn exit_memory(&self, p: Box<Process>) {
        if let Some(acc) = &self.rt.memory {
            let report = format!(
                "[error] Process {} killed: the VM's memory limit was reached ({} bytes held, limit {}; this process {} words of heap, {} of stack)\n",
                inspect_pid(p.st.pid),
                acc.used(),
                acc.limit(),
                p.st.heap.used_words(),
                p.stack_words(),
            );
            lock(&self.rt.io).err(report.as_bytes());
        }
        if self.watched(&p) {
            self.report_end(p.st.pid, Outcome::Memory);
        }
        self.exit(p, atom::KILLED)
    }

    /// `p` ran past its reductions: killed (links and monitors see
    /// `:killed`), its watcher told [`Outcome::Budget`].
    pub(super) fn exit_budget(&self, p: Box<Process>) {
        if self.watched(&p) {
            self.report_end(p.st.pid, Outcome::Budget);
        }
        self.exit(p, atom::KILLED)
    }

    /// An exit signal from `from` kills `p` with `reason`.
    pub(super) fn exit_killed(&self, mut p: Box<Process>, from: Term, reason: Term) {
        let rt = self.rt;
        if self.watched(&p) {
            let banner = self.with_ctx(&mut p, |ctx| exit_banner(ctx, from, reason));
            // As `elixir` run by a script killed by an exit signal: 1 for
            // any reason, `:normal` (`Process.exit(self(), :normal)`) too.
            let status = 1;
            let r = convert::to_value(&rt.code, reason);
            self.report_end(
                p.st.pid,
                Outcome::Failed {
                    banner,
                    trace: Vec::new(),
                    status,
                    class: Class::Exit,
                    reason: r,
                },
            );
        }
        self.exit(p, reason)
    }

    /// `p` ends with `reason`: its name goes, its links and monitors fire,
    /// and its slot is freed.
    pub(super) fn exit(&self, mut p: Box<Process>, reason: Term) {
        let rt = self.rt;
        let me = p.st.pid;
        let (index, serial) = me.pid_parts().expect("a process has a pid");
        let slot = self.slot(&p);
        let mut left = {
            let mut ib = lock(&slot.inbox);
            ib.state = State::Exiting;
            ib.serial = serial.wrapping_add(1);
            std::mem::take(&mut ib.q)
        };
        // Watched after its end was reported (a watch added while it
        // ended), or its end not reported (`exit` reached another way):
        // those watchers learn the reason.
        let mut ended = self.ending.borrow_mut().take();
        if slot.watched.swap(false, Ordering::AcqRel) && ended.is_none() {
            ended = Some(Outcome::Failed {
                banner: String::new(),
                trace: Vec::new(),
                status: 1,
                class: Class::Exit,
                reason: convert::to_value(&rt.code, reason),
            });
        }
        if slot.named.load(Ordering::Relaxed) {
            lock(&rt.names).retain(|_, pid| *pid != me);
        }
        // Its ETS tables go to their heirs or are deleted.
        crate::bif::ets::owner_exited(&rt.code, self, &mut p.st.heap, me);
        let st = &mut p.st;
        let mut pending = std::mem::take(&mut st.pending);
        pending.append(&mut left);
        pending.extend(
            std::mem::take(&mut st.info_requests)
                .into_iter()
                .map(Signal::Info),
        );
        for sig in pending {
            match sig {
                // Linked or monitored after the signal that ended it: the
                // link or monitor reaches a process that is gone.
                Signal::Link { from } => {
                    let _ = self.deliver(
                        from,
                        Signal::Exit {
                            from: me,
                            reason: Msg::imm(atom::NOPROC),
                            link: true,
                        },
                    );
                }
                Signal::Monitor { from, mref, name } => {
                    let who = if name.is_atom() {
                        st.heap.tuple(&[name, atom::intern("nonode@nohost")])
                    } else {
                        me
                    };
                    let down = st
                        .heap
                        .tuple(&[atom::DOWN, mref, atom::PROCESS, who, atom::NOPROC]);
                    let msg = rt.code.copy_term(down);
                    let _ = self.deliver(from, Signal::Down { mref, msg });
                }
                // Asked about while it ended: it is gone.
                Signal::Info(req) => {
                    let reply = st.heap.tuple(&[req.tag, atom::UNDEFINED]);
                    let m = rt.code.copy_term(reply);
                    let _ = self.deliver(req.from, Signal::Message(m));
                }
                _ => {}
            }
        }
        for &l in &st.links {
            let reason = rt.code.copy_term(reason);
            let _ = self.deliver(
                l,
                Signal::Exit {
                    from: me,
                    reason,
                    link: true,
                },
            );
        }
        let watchers = std::mem::take(&mut st.monitored_by);
        for &(mref, watcher) in &watchers {
            if watcher.is_atom() {
                continue;
            }
            // A monitor made by name: `{name, node}` stands for the process.
            let who = match watchers.iter().find(|w| w.0 == mref && w.1.is_atom()) {
                Some(&(_, name)) => st.heap.tuple(&[name, atom::intern("nonode@nohost")]),
                None => me,
            };
            let down = st
                .heap
                .tuple(&[atom::DOWN, mref, atom::PROCESS, who, reason]);
            let msg = rt.code.copy_term(down);
            let _ = self.deliver(watcher, Signal::Down { mref, msg });
        }
        drop(p);
        lock(&slot.inbox).state = State::Free;
        rt.table.release(index);
        if let Some(o) = ended {
            rt.report_end(me, o);
        }
    }
}

pub(super) fn inspect_pid(pid: Term) -> String {
    let (i, s) = pid.pid_parts().unwrap_or((0, 0));
    format!("#PID<0.{i}.{s}>")
}

/// `** (EXIT from #PID<0.96.0>) reason`, as `elixir` reports a script killed
/// by an exit signal.
pub(super) fn exit_banner(ctx: &mut Ctx, from: Term, reason: Term) -> String {
    let head = format!("** (EXIT from {})", inspect_pid(from));
    // `Exception.format_exit/1`, as Elixir: `normal`, `shutdown: 3`, an
    // exception with its stack trace.
    let text = exception::exception_text(ctx, "format_exit", reason);
    if let Some(t) = text {
        return format!("{head} {t}");
    }
    if let Some([e, trace]) = reason.tuple_elems() {
        if trace.is_list() && (exception::is_exception(*e) || e.is_atom() || e.is_tuple()) {
            let inner = exception::banner(ctx, Class::Error, *e, *trace);
            return format!("{head} an exception was raised:\n    {inner}");
        }
    }
    let v = convert::to_value(ctx.code, reason);
    format!("{head} {}", inspect::inspect(&v, &Default::default()))
}

/// The status `elixir` exits with after an uncaught exception: 1, except for
/// `exit(:normal)`/`exit(:shutdown)` (0) and `exit({:shutdown, n})` (n).
pub fn exit_status(class: Class, reason: Term) -> i32 {
    if class != Class::Exit {
        return 1;
    }
    if reason == atom::NORMAL || atom::name(reason) == "shutdown" {
        return 0;
    }
    if let Some([tag, v]) = reason.tuple_elems() {
        if atom::name(*tag) == "shutdown" {
            return v.as_small().map_or(0, |n| n as i32);
        }
    }
    1
}
