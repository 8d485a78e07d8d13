//! One scheduler thread: its run queue, time slices, parking in `receive`,
//! and the signals a process handles.

use super::runtime::Runtime;
use super::table::{Slot, State};
use super::timers::{TimerEntry, Wakes};
use super::{lock, Outcome};
use crate::atom;
use crate::convert;
use crate::ctx::{Ctx, DEFAULT_BUDGET};
use crate::interp::{self, Exit};
use crate::process::{ProcState, Process, Signal};
use crate::term::Term;
use crossbeam_deque::{Steal, Worker};
use std::cmp::Reverse;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// How long an idle scheduler spins for work before it sleeps: a few
/// message round trips between two processes.
const SPIN_TIME: Duration = Duration::from_micros(50);
/// `spin_loop` hints between two looks at the run queues.
const SPIN_CHECK: u32 = 32;

/// One scheduler thread's view: the shared runtime and its own run queue.
pub struct Local<'r, 'a> {
    pub(super) rt: &'r Runtime<'a>,
    pub(super) worker: Worker<Box<Process>>,
    pub(super) index: usize,
    /// The outcome of the watched process ending now, told to its watchers
    /// once its slot is free (so a host that learns of the end finds it gone).
    pub(super) ending: std::cell::RefCell<Option<Outcome>>,
    /// The receive timeouts of the processes this scheduler parked.
    wakes: std::cell::RefCell<Wakes>,
}

impl<'r, 'a> Local<'r, 'a> {
    pub(super) fn new(
        rt: &'r Runtime<'a>,
        worker: Worker<Box<Process>>,
        index: usize,
    ) -> Local<'r, 'a> {
        Local {
            rt,
            worker,
            index,
            ending: Default::default(),
            wakes: Default::default(),
        }
    }

    pub(super) fn run(&self) {
        let rt = self.rt;
        while !rt.halt.load(Ordering::Acquire) {
            if rt.next_deadline.load(Ordering::Acquire) != u64::MAX {
                self.poll_timers();
            }
            if self.own_deadline() != u64::MAX {
                self.poll_wakes();
            }
            if crate::signals::pending() {
                self.deliver_os_signals();
            }
            match self.find_work() {
                Some(p) => self.run_slice(p),
                None if self.spin() => {}
                None => {
                    self.prune_wakes();
                    rt.idle(self.own_deadline());
                }
            }
        }
    }

    /// Waits a moment for work before going to sleep (as the BEAM's
    /// schedulers busy-wait): processes that hand messages back and forth
    /// make work appear within microseconds, and a scheduler that spins
    /// takes it without the futex wake-up and thread switch that sleeping
    /// costs both sides. Whether work (or a due timer) came.
    fn spin(&self) -> bool {
        let rt = self.rt;
        // (Read at the first check: most spins end before it.)
        let mut start = None;
        let mut rounds = 0u32;
        loop {
            for _ in 0..SPIN_CHECK {
                std::hint::spin_loop();
            }
            if self.work_to_take() || rt.halt.load(Ordering::Acquire) {
                return true;
            }
            rounds += 1;
            if rounds.is_multiple_of(16) {
                if start.get_or_insert_with(Instant::now).elapsed() >= SPIN_TIME {
                    return false;
                }
                let due = rt
                    .next_deadline
                    .load(Ordering::Acquire)
                    .min(self.own_deadline());
                if due <= rt.now() {
                    return true;
                }
                // Shared cores: let another thread have this one a while.
                std::thread::yield_now();
            }
        }
    }

    /// Whether there is work a spinning scheduler should take: in the
    /// injector, or more than one process in another scheduler's queue (a
    /// lone one is what that scheduler runs next, as `push` assumes: taking
    /// it would only move a process, and its heap, between threads).
    fn work_to_take(&self) -> bool {
        let rt = self.rt;
        !rt.injector.is_empty() || rt.stealers.iter().any(|s| s.len() > 1)
    }

    pub(super) fn push(&self, p: Box<Process>) {
        self.worker.push(p);
        // One process queued is the one this scheduler runs next; more is
        // work for an idle scheduler to steal.
        if self.worker.len() > 1 {
            self.rt.wake_one();
        }
    }

    pub(super) fn find_work(&self) -> Option<Box<Process>> {
        if let Some(p) = self.worker.pop() {
            return Some(p);
        }
        loop {
            match self.rt.injector.steal_batch_and_pop(&self.worker) {
                Steal::Success(p) => return Some(p),
                Steal::Retry => continue,
                Steal::Empty => break,
            }
        }
        let n = self.rt.stealers.len();
        for k in 1..n {
            let s = &self.rt.stealers[(self.index + k) % n];
            loop {
                match s.steal() {
                    Steal::Success(p) => return Some(p),
                    Steal::Retry => continue,
                    Steal::Empty => break,
                }
            }
        }
        None
    }

    /// Answers the `Process.info/2` requests other processes sent `p`.
    pub(super) fn answer_info(&self, p: &mut Process) {
        if p.st.info_requests.is_empty() {
            return;
        }
        for req in std::mem::take(&mut p.st.info_requests) {
            let at = crate::bif::process::Where {
                fun: p.fun,
                pc: p.pc,
                frames: &p.frames,
            };
            let answer = crate::bif::process::info_answer(
                &mut p.st,
                &self.rt.code,
                self,
                Some(at),
                &req.items,
                req.list,
                req.status,
            );
            let reply = p.st.heap.tuple(&[req.tag, answer]);
            let m = self.rt.code.copy_term(reply);
            let _ = self.deliver(req.from, Signal::Message(m));
        }
    }

    pub(super) fn slot(&self, p: &Process) -> &'r Slot {
        let (index, _) = p.st.pid.pid_parts().expect("a process has a pid");
        self.rt
            .table
            .slot(index)
            .expect("a live process has a slot")
    }

    pub(super) fn run_slice(&self, mut p: Box<Process>) {
        let rt = self.rt;
        let slot = self.slot(&p);
        if self.take_inbox(slot, &mut p.st) {
            p.timed_out();
        }
        let mut budget = DEFAULT_BUDGET;
        slot.running.store(true, Ordering::Relaxed);
        loop {
            if let Err((from, reason)) = self.handle_pending(&mut p.st) {
                slot.running.store(false, Ordering::Relaxed);
                return self.exit_killed(p, from, reason);
            }
            self.answer_info(&mut p);
            let before = budget;
            let exit = match p.start_error.take() {
                Some(e) => Exit::Raised(*e),
                None => {
                    let mut io = rt.shared_io();
                    // A panic is a bug in the VM (a built-in, the JIT):
                    // it ends this process with an error, never the
                    // scheduler thread (whose loss would hang the others).
                    let run = std::panic::AssertUnwindSafe(|| {
                        interp::run(&mut p, &rt.code, &mut io, self, &mut budget)
                    });
                    std::panic::catch_unwind(run).unwrap_or_else(|_| {
                        Exit::Raised(crate::process::Exn::error(atom::intern(
                            "beamlet_internal_error",
                        )))
                    })
                }
            };
            // A process that ends stays `running` until its exit path
            // marks it exiting: `is_process_alive` waits on a running
            // process, so it never sees one that has ended as alive.
            if matches!(exit, Exit::Yield | Exit::Wait { .. }) {
                slot.running.store(false, Ordering::Relaxed);
            }
            self.answer_info(&mut p);
            if p.st.heap.over_max && matches!(exit, Exit::Yield | Exit::Wait { .. }) {
                if p.st.heap.over_memory {
                    return self.exit_memory(p);
                }
                if self.max_heap_reached(&mut p) {
                    let me = p.st.pid;
                    return self.exit_killed(p, me, atom::KILLED);
                }
            }
            if let Some(left) = &p.st.budget {
                let used = (before - budget.min(before)).max(0) as u64;
                let had = left
                    .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |l| {
                        Some(l.saturating_sub(used))
                    })
                    .unwrap_or(0);
                if used >= had && matches!(exit, Exit::Yield | Exit::Wait { .. }) {
                    return self.exit_budget(p);
                }
            }
            match exit {
                Exit::Yield => {
                    slot.queue_len
                        .store(p.st.mailbox.len() as u32, Ordering::Relaxed);
                    return self.push(p);
                }
                Exit::Wait { timeout } => match self.park(p, slot, timeout) {
                    // Signals came in meanwhile: go on with them, in this slice.
                    Some(back) if budget > 0 => {
                        p = back;
                        slot.running.store(true, Ordering::Relaxed);
                        self.take_inbox(slot, &mut p.st);
                    }
                    Some(back) => return self.push(back),
                    None => return,
                },
                Exit::Done(v) => {
                    if self.watched(&p) {
                        let v = convert::to_value(&rt.code, v);
                        self.report_end(p.st.pid, Outcome::Returned(v));
                    }
                    return self.exit(p, atom::NORMAL);
                }
                Exit::Raised(e) => return self.exit_raised(p, e),
                Exit::Killed { from, reason } => return self.exit_killed(p, from, reason),
            }
        }
    }

    /// Puts `p` to sleep in its slot until a signal arrives (or `timeout` ms
    /// pass), unless signals are waiting already: then gives it back.
    pub(super) fn park(
        &self,
        mut p: Box<Process>,
        slot: &Slot,
        timeout: Option<u64>,
    ) -> Option<Box<Process>> {
        let (index, _) = p.st.pid.pid_parts().expect("a process has a pid");
        // The receive's deadline counts from when it first waited.
        // The deadline in the timers' clock: the millisecond the wait ends,
        // rounded up (one clock read per wait).
        let timeout = match timeout {
            Some(ms) => {
                let now = Instant::now();
                let deadline = *p
                    .wait_deadline
                    .get_or_insert(now + Duration::from_millis(ms));
                let left = deadline.saturating_duration_since(now);
                if left.is_zero() {
                    p.timed_out();
                    return Some(p);
                }
                let left_ms = left.as_nanos().div_ceil(1_000_000) as u64;
                let since_start = now.saturating_duration_since(self.rt.start).as_nanos() as u64;
                Some(since_start.saturating_add(left_ms.saturating_mul(1_000_000)))
            }
            None => None,
        };
        slot.queue_len
            .store(p.st.mailbox.len() as u32, Ordering::Relaxed);
        let epoch = {
            let mut ib = lock(&slot.inbox);
            if !ib.q.is_empty() {
                return Some(p);
            }
            ib.epoch = ib.epoch.wrapping_add(1);
            ib.state = State::Waiting;
            ib.parked = Some(p);
            ib.epoch
        };
        if let Some(deadline) = timeout {
            // (A signal may have woken the process already: the entry is
            // then stale, and fires into nothing.)
            self.add_wake(deadline, index, epoch);
        }
        None
    }

    /// The earliest receive timeout in this scheduler's heap (`u64::MAX`: none).
    #[inline]
    pub(super) fn own_deadline(&self) -> u64 {
        self.wakes.borrow().due.peek().map_or(u64::MAX, |r| r.0 .0)
    }

    /// Whether the receive timeout (`index`, `epoch`) still ends a wait: the
    /// slot's process waits with that epoch.
    fn wake_live(&self, index: u32, epoch: u32) -> bool {
        self.rt.table.slot(index).is_some_and(|slot| {
            let ib = lock(&slot.inbox);
            ib.state == State::Waiting && ib.epoch == epoch
        })
    }

    /// Sets the receive timeout of the wait (`index`, `epoch`), and drops the
    /// stale entries at the head of the heap (the oldest waits: with equal
    /// timeouts, those a reply ended long ago), so the heap stays as small
    /// as the waits that are live.
    fn add_wake(&self, deadline: u64, index: u32, epoch: u32) {
        let mut w = self.wakes.borrow_mut();
        w.due.push(Reverse((deadline, index, epoch)));
        let mut dropped = 0;
        while let Some(&Reverse((_, i, e))) = w.due.peek() {
            if (i, e) == (index, epoch) || self.wake_live(i, e) {
                break;
            }
            w.due.pop();
            dropped += 1;
        }
        if dropped != 1 {
            // (One added, one dropped: the common case leaves the count.)
            self.rt.wakes_pending.fetch_add(1, Ordering::SeqCst);
            self.rt.wakes_pending.fetch_sub(dropped, Ordering::SeqCst);
        }
    }

    /// Drops every stale receive timeout (before the scheduler sleeps: so it
    /// does not wake for them, and a program whose processes all wait with
    /// no live timeout is found deadlocked).
    fn prune_wakes(&self) {
        let mut w = self.wakes.borrow_mut();
        if w.due.is_empty() {
            return;
        }
        let before = w.due.len();
        let mut kept = std::mem::take(&mut w.due).into_vec();
        kept.retain(|&Reverse((_, i, e))| self.wake_live(i, e));
        w.due = kept.into();
        self.rt
            .wakes_pending
            .fetch_sub(before - w.due.len(), Ordering::SeqCst);
    }

    /// Ends the waits whose receive timeout is due.
    pub(super) fn poll_wakes(&self) {
        let now = self.rt.now();
        loop {
            let (index, epoch) = {
                let mut w = self.wakes.borrow_mut();
                match w.due.peek() {
                    Some(&Reverse((d, i, e))) if d <= now => {
                        w.due.pop();
                        (i, e)
                    }
                    _ => break,
                }
            };
            self.rt.wakes_pending.fetch_sub(1, Ordering::SeqCst);
            let Some(slot) = self.rt.table.slot(index) else {
                continue;
            };
            let woken = {
                let mut ib = lock(&slot.inbox);
                if ib.state == State::Waiting && ib.epoch == epoch {
                    ib.state = State::Active;
                    ib.timed_out = true;
                    ib.parked.take()
                } else {
                    None
                }
            };
            if let Some(p) = woken {
                self.push(p);
            }
        }
    }

    /// Moves the signals waiting in `st`'s inbox into the process: messages
    /// to its mailbox, links and monitors to its tables. Returns whether a
    /// message arrived, or the (sender, reason) of an exit signal that kills it.
    /// Takes the signals waiting in the inbox of `slot` (the slot of `st`'s
    /// process) into `st.pending`, and whether a receive timer woke it, in one
    /// critical section.
    pub(super) fn take_inbox(&self, slot: &Slot, st: &mut ProcState) -> bool {
        let mut ib = lock(&slot.inbox);
        if !ib.q.is_empty() {
            debug_assert!(st.pending.is_empty());
            std::mem::swap(&mut ib.q, &mut st.pending);
        }
        std::mem::take(&mut ib.timed_out)
    }

    /// Handles the signals taken from the inbox: messages go to the mailbox,
    /// links and monitors to the process's tables. Returns whether a message
    /// arrived, or the (sender, reason) of an exit signal that ends the process.
    pub(super) fn handle_pending(&self, st: &mut ProcState) -> Result<bool, (Term, Term)> {
        let mut got = false;
        while let Some(sig) = st.pending.pop_front() {
            match sig {
                Signal::Message(m) => {
                    let t = st.heap.adopt(m);
                    st.mailbox.push_back(t);
                    got = true;
                }
                Signal::Down { mref, msg } => {
                    if let Some(i) = st.monitors.iter().position(|m| m.0 == mref) {
                        st.monitors.swap_remove(i);
                        let t = st.heap.adopt(msg);
                        st.mailbox.push_back(t);
                        got = true;
                    }
                }
                Signal::Alias { id, msg } => {
                    if st.take_alias(id) {
                        let t = st.heap.adopt(msg);
                        st.mailbox.push_back(t);
                        got = true;
                    }
                }
                Signal::Exit { from, reason, link } => {
                    if link {
                        match st.links.iter().position(|&l| l == from) {
                            Some(i) => {
                                st.links.swap_remove(i);
                            }
                            None => continue, // unlinked since: ignore
                        }
                    }
                    let r = st.heap.adopt(reason);
                    if !link && r == atom::KILL {
                        return Err((from, atom::KILLED));
                    }
                    if st.trap_exit {
                        let m = st.heap.tuple(&[atom::EXIT_UPPER, from, r]);
                        st.mailbox.push_back(m);
                        got = true;
                    } else if r != atom::NORMAL || from == st.pid {
                        return Err((from, r));
                    }
                }
                Signal::Link { from } => {
                    if !st.links.contains(&from) {
                        st.links.push(from);
                    }
                }
                Signal::Unlink { from } => st.links.retain(|&l| l != from),
                Signal::Monitor { from, mref, name } => {
                    st.monitored_by.push((mref, from));
                    if name.is_atom() {
                        st.monitored_by.push((mref, name));
                    }
                }
                Signal::Demonitor { mref } => st.monitored_by.retain(|m| m.0 != mref),
                Signal::Info(req) => st.info_requests.push(req),
                Signal::GroupLeader { gl } => st.group_leader = Some(gl),
            }
        }
        Ok(got)
    }

    pub(super) fn with_ctx<T>(&self, p: &mut Process, f: impl FnOnce(&mut Ctx) -> T) -> T {
        let mut io = self.rt.shared_io();
        let mut ctx = Ctx {
            st: &mut p.st,
            code: &self.rt.code,
            io: &mut io,
            rt: self,
        };
        f(&mut ctx)
    }

    /// Queues `sig` for the process `to`; gives it back if `to` is gone.
    #[inline]
    pub(super) fn deliver(&self, to: Term, sig: Signal) -> Result<(), Signal> {
        self.rt.deliver(to, sig, |p| self.push(p))
    }

    /// Whether someone waits for the end of `p`: the host (`Host::watch`),
    /// or the run itself when `p` is its main process.
    pub(super) fn watched(&self, p: &Process) -> bool {
        p.st.pid == self.rt.main || self.slot(p).watched.load(Ordering::Acquire)
    }

    /// Reports how the watched process `pid` ended: the main process's end
    /// ends the run; others' goes to their watchers when `exit` has freed
    /// its slot.
    pub(super) fn report_end(&self, pid: Term, outcome: Outcome) {
        if pid == self.rt.main {
            self.rt.finish(outcome);
        } else {
            if let Some((slot, _)) = self.rt.slot_of(pid) {
                slot.watched.store(false, Ordering::Release);
            }
            // Told at the end of `exit`.
            *self.ending.borrow_mut() = Some(outcome);
        }
    }

    /// Sends each caught OS signal (`vm/src/signals.rs`) to the process
    /// registered as `:erl_signal_server`, as its name (`:sigusr1`); a signal
    /// nobody serves is dropped.
    pub(super) fn deliver_os_signals(&self) {
        for n in crate::signals::take() {
            let Some(name) = crate::signals::name(n) else {
                continue;
            };
            let server = lock(&self.rt.names)
                .get(&atom::intern("erl_signal_server"))
                .copied();
            if let Some(to) = server {
                let msg = self.rt.code.copy_term(atom::intern(name));
                let _ = self.deliver(to, Signal::Message(msg));
            }
        }
    }

    /// Fires the timers that are due.
    pub(super) fn poll_timers(&self) {
        let rt = self.rt;
        let now = rt.now();
        if now < rt.next_deadline.load(Ordering::Acquire) {
            return;
        }
        let mut fired = Vec::new();
        {
            let mut t = lock(&rt.timers);
            while let Some(&Reverse((d, id))) = t.due.peek() {
                if d > now {
                    break;
                }
                t.due.pop();
                if let Some(e) = t.entries.remove(&id) {
                    fired.push(e);
                }
            }
            let next = t.due.peek().map_or(u64::MAX, |r| r.0 .0);
            rt.next_deadline.store(next, Ordering::Release);
        }
        let n = fired.len();
        for e in fired {
            match e {
                TimerEntry::Send { to, msg, .. } => {
                    let to = if to.is_atom() {
                        match lock(&rt.names).get(&to) {
                            Some(&pid) => pid,
                            None => continue,
                        }
                    } else {
                        to
                    };
                    let _ = self.deliver(to, Signal::Message(msg));
                }
            }
        }
        rt.timers_pending.fetch_sub(n, Ordering::SeqCst);
    }
}
