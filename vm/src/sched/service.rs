//! The scheduler's services to built-in functions (the `Sched` trait).

use super::local::Local;
use super::table::State;
use super::timers::TimerEntry;
use super::{lock, Outcome};
use crate::atom;
use crate::capture::Captures;
use crate::code::{FunId, FunKind};
use crate::ctx::Sched;
use crate::process::{Exn, ProcState, Process, Signal};
use crate::term::Term;
use std::sync::atomic::Ordering;

impl Sched for Local<'_, '_> {
    fn spawn(
        &self,
        st: &mut ProcState,
        fun: Result<FunId, Exn>,
        args: &[Term],
        link: bool,
        monitor: bool,
    ) -> Result<(Term, Option<Term>), Exn> {
        let rt = self.rt;
        let Some(index) = rt.table.alloc() else {
            return Err(Exn::error(atom::SYSTEM_LIMIT));
        };
        // Open from here on: nobody knows the pid before this function returns.
        let serial = rt.install(index);
        let pid = Term::pid(index, serial);
        let mut heap = rt.process_heap();
        let args: Vec<Term> = args
            .iter()
            .map(|&a| heap.adopt(rt.code.copy_term(a)))
            .collect();
        let (fid, start_error) = match fun {
            Ok(f) => (f, None),
            Err(e) => (0, Some(Box::new(e))),
        };
        let nregs = rt.code.get_function(fid).map_or(1, |f| f.nregs);
        let mut p = Box::new(Process::new(pid, heap, fid, nregs, &args));
        p.start_error = start_error;
        p.st.initial_call = match rt.code.get_function(fid) {
            Some(f) if p.start_error.is_none() && !matches!(f.kind, FunKind::Lambda { .. }) => {
                (f.module, f.name, f.arity)
            }
            _ => (atom::intern("erlang"), atom::intern("apply"), 2),
        };
        // Standard output goes where the parent's goes (its group leader).
        p.st.stdout = st.stdout.clone();
        p.st.argv = st.argv.clone();
        p.st.group_leader = st.group_leader;
        // Work moved to a new process counts in the evaluation's budget.
        p.st.budget = st.budget.clone();
        if link {
            p.st.links.push(st.pid);
            st.links.push(pid);
        }
        let mref = monitor.then(|| {
            let r = self.make_ref();
            p.st.monitored_by.push((r, st.pid));
            st.monitors.push((r, pid));
            r
        });
        self.push(p);
        Ok((pid, mref))
    }

    fn send(&self, st: &mut ProcState, to: Term, msg: Term) -> Result<(), Exn> {
        let pid = if to.is_pid() {
            to
        } else if to.is_atom() {
            match self.whereis(to) {
                Some(p) => p,
                None => {
                    return Err(Exn::badarg_at(1, "invalid destination"));
                }
            }
        } else if let Some(id) = to.ref_value() {
            // A process alias: the reference names its owner's slot, whose
            // process takes the message while the alias is active there. A
            // plain reference delivers nowhere.
            let Some(index) = crate::process::alias_index(to) else {
                return Ok(());
            };
            if st.pid.pid_parts().is_some_and(|(i, _)| i == index) {
                // Its own alias: as a message to itself, if active.
                if st.take_alias(id) {
                    let max = self.rt.max_mailbox;
                    if max == 0 || st.mailbox.len() < max {
                        st.mailbox.push_back(msg);
                    }
                }
                return Ok(());
            }
            let m = self.rt.code.copy_term(msg);
            let _ = self.deliver(Term::pid(index, 0), Signal::Alias { id, msg: m });
            return Ok(());
        } else {
            return Err(Exn::badarg_at(1, "invalid destination"));
        };
        if pid == st.pid {
            // Already in this heap: no copy (dropped when the mailbox is
            // full: `Config::max_mailbox`).
            let max = self.rt.max_mailbox;
            if max == 0 || st.mailbox.len() < max {
                st.mailbox.push_back(msg);
            }
            return Ok(());
        }
        let m = self.rt.code.copy_term(msg);
        let _ = self.deliver(pid, Signal::Message(m));
        Ok(())
    }

    fn signal(&self, to: Term, sig: Signal) -> bool {
        self.deliver(to, sig).is_ok()
    }

    fn drain(&self, st: &mut ProcState) -> Result<bool, (Term, Term)> {
        if st.nested {
            // The signals are the caller's: they wait for it in the inbox.
            return Ok(false);
        }
        let (index, _) = st.pid.pid_parts().expect("a process has a pid");
        let slot = self
            .rt
            .table
            .slot(index)
            .expect("a live process has a slot");
        self.take_inbox(slot, st);
        self.handle_pending(st)
    }

    fn make_ref(&self) -> Term {
        Term::reference(self.rt.next_ref.fetch_add(1, Ordering::Relaxed))
    }

    fn whereis(&self, name: Term) -> Option<Term> {
        lock(&self.rt.names).get(&name).copied()
    }

    fn register(&self, name: Term, pid: Term) -> bool {
        let Some((slot, _)) = self.rt.slot_of(pid) else {
            return false;
        };
        let mut names = lock(&self.rt.names);
        if names.contains_key(&name) || names.values().any(|&p| p == pid) || !self.alive(pid) {
            return false;
        }
        names.insert(name, pid);
        slot.named.store(true, Ordering::Relaxed);
        true
    }

    fn unregister(&self, name: Term) -> bool {
        lock(&self.rt.names).remove(&name).is_some()
    }

    fn alive(&self, pid: Term) -> bool {
        match self.rt.slot_of(pid) {
            Some((slot, serial)) => {
                let ib = lock(&slot.inbox);
                ib.serial == serial
                    && matches!(ib.state, State::Active | State::Waiting | State::Host)
                    && !ib.doomed(slot.trapping.load(Ordering::Relaxed))
            }
            None => false,
        }
    }

    fn processes(&self) -> Vec<Term> {
        let t = &self.rt.table;
        t.indices()
            .filter_map(|i| {
                let ib = lock(&t.slot(i)?.inbox);
                matches!(ib.state, State::Active | State::Waiting).then(|| Term::pid(i, ib.serial))
            })
            .collect()
    }

    fn queue_len(&self, st: &ProcState, pid: Term) -> Option<usize> {
        if !self.alive(pid) {
            return None;
        }
        let (slot, _) = self.rt.slot_of(pid)?;
        let queued = lock(&slot.inbox)
            .q
            .iter()
            .filter(|s| {
                matches!(
                    s,
                    Signal::Message(_) | Signal::Alias { .. } | Signal::Down { .. }
                )
            })
            .count();
        if pid == st.pid {
            Some(st.mailbox.len() + queued)
        } else {
            Some(slot.queue_len.load(Ordering::Relaxed) as usize + queued)
        }
    }

    fn send_after(&self, to: Term, msg: Term, ms: u64) -> Term {
        let msg = self.rt.code.copy_term(msg);
        let deadline = self.rt.deadline_in(ms);
        let id = self
            .rt
            .add_timer(deadline, TimerEntry::Send { to, msg, deadline });
        Term::reference(id)
    }

    fn set_trap_exit(&self, st: &mut ProcState, on: bool) {
        st.trap_exit = on;
        if let Some((slot, _)) = self.rt.slot_of(st.pid) {
            slot.trapping.store(on, Ordering::Relaxed);
        }
    }

    fn halt(&self, status: i32) {
        lock(&self.rt.io).flush();
        self.rt.finish(Outcome::Halted { status });
    }

    fn schedulers(&self) -> usize {
        self.rt.nsched
    }

    fn captures(&self) -> &Captures {
        &self.rt.captures
    }

    fn name_of(&self, pid: Term) -> Option<Term> {
        let (slot, _) = self.rt.slot_of(pid)?;
        if !slot.named.load(Ordering::Relaxed) {
            return None;
        }
        lock(&self.rt.names)
            .iter()
            .find(|(_, &p)| p == pid)
            .map(|(&n, _)| n)
    }

    fn status_of(&self, pid: Term) -> Option<Term> {
        let (slot, serial) = self.rt.slot_of(pid)?;
        let ib = lock(&slot.inbox);
        if ib.serial != serial {
            return None;
        }
        Some(match ib.state {
            State::Waiting => atom::intern("waiting"),
            State::Active if slot.running.load(Ordering::Relaxed) => atom::intern("running"),
            State::Active => atom::intern("runnable"),
            _ => return None,
        })
    }

    fn read_timer(&self, tref: Term) -> Option<u64> {
        let id = tref.ref_value()?;
        let t = lock(&self.rt.timers);
        match t.entries.get(&id)? {
            TimerEntry::Send { deadline, .. } => {
                Some(deadline.saturating_sub(self.rt.now()) / 1_000_000)
            }
        }
    }

    fn start_timer(&self, st: &mut ProcState, to: Term, msg: Term, ms: u64) -> Term {
        let id = self.rt.next_ref.fetch_add(1, Ordering::Relaxed);
        let tref = Term::reference(id);
        let m = st.heap.tuple(&[atom::intern("timeout"), tref, msg]);
        let msg = self.rt.code.copy_term(m);
        let deadline = self.rt.deadline_in(ms);
        self.rt
            .add_timer_id(id, deadline, TimerEntry::Send { to, msg, deadline });
        tref
    }

    fn registered(&self) -> Vec<Term> {
        lock(&self.rt.names).keys().copied().collect()
    }

    fn cancel_timer(&self, tref: Term) -> Option<u64> {
        let id = tref.ref_value()?;
        let e = lock(&self.rt.timers).entries.remove(&id)?;
        self.rt.timers_pending.fetch_sub(1, Ordering::SeqCst);
        match e {
            TimerEntry::Send { deadline, .. } => {
                Some(deadline.saturating_sub(self.rt.now()) / 1_000_000)
            }
        }
    }
}
