//! What all schedulers share, and the run of a program's main process.

use super::io::SharedIo;
use super::table::{Slot, State, Table};
use super::timers::{TimerEntry, Timers};
use super::{lock, Outcome};
use crate::capture::Captures;
use crate::code::CodeTable;
use crate::ctx::Io;
use crate::process::Process;
use crate::term::Term;
use crossbeam_deque::{Injector, Stealer};
use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::atomic::{fence, AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long an idle scheduler sleeps at most while OS signals are handled
/// (ns): the delay before a signal reaches an idle program. A guess: short
/// enough to feel immediate, long enough to cost nothing.
const SIGNAL_POLL_NS: u64 = 50_000_000;

/// What all schedulers share while a program runs.
pub struct Runtime<'a> {
    pub(super) code: &'a CodeTable,
    pub(super) io: Mutex<&'a mut (dyn Io + Send)>,
    pub(super) table: Table,
    pub(super) names: Mutex<HashMap<Term, Term>>,
    pub(super) injector: Injector<Box<Process>>,
    pub(super) stealers: Vec<Stealer<Box<Process>>>,
    pub(super) sleep: Mutex<()>,
    pub(super) wake: Condvar,
    pub(super) sleepers: AtomicUsize,
    /// Scheduler threads running (the calling thread included).
    pub(super) schedulers: AtomicUsize,
    pub(super) timers: Mutex<Timers>,
    /// Earliest deadline in `timers` (ns since `start`), `u64::MAX` if none.
    pub(super) next_deadline: AtomicU64,
    /// Timers registered and not yet fired or cancelled.
    pub(super) timers_pending: AtomicUsize,
    pub(super) start: Instant,
    pub(super) halt: AtomicBool,
    pub(super) outcome: Mutex<Option<Outcome>>,
    pub(super) main: Term,
    pub(super) next_ref: AtomicU64,
    pub(super) gc_always: bool,
    /// Output captures (`:beamlet.capture_io/2`).
    pub(super) captures: Captures,
    /// Scheduler threads asked for (`System.schedulers_online/0`).
    pub(super) nsched: usize,
    /// Active process aliases: reference id to (owner pid, deactivated by
    /// the first message sent through it).
    pub(super) aliases: Mutex<HashMap<u64, (Term, bool)>>,
}

impl<'a> Runtime<'a> {
    pub(super) fn shared_io(&self) -> SharedIo<'_, 'a> {
        SharedIo {
            io: &self.io,
            captures: &self.captures,
            halt: &self.halt,
        }
    }

    pub(super) fn now(&self) -> u64 {
        self.start.elapsed().as_nanos() as u64
    }

    /// Opens the free slot `index` for a new process; returns the serial of its pid.
    pub(super) fn install(&self, index: u32) -> u32 {
        let slot = self.table.slot(index).expect("an allocated slot");
        slot.named.store(false, Ordering::Relaxed);
        slot.trapping.store(false, Ordering::Relaxed);
        slot.running.store(false, Ordering::Relaxed);
        slot.queue_len.store(0, Ordering::Relaxed);
        let mut ib = lock(&slot.inbox);
        debug_assert_eq!(ib.state, State::Free);
        ib.state = State::Active;
        ib.timed_out = false;
        ib.serial
    }

    pub(super) fn slot_of(&self, pid: Term) -> Option<(&Slot, u32)> {
        let (index, serial) = pid.pid_parts()?;
        Some((self.table.slot(index)?, serial))
    }

    pub(super) fn has_work(&self) -> bool {
        !self.injector.is_empty() || self.stealers.iter().any(|s| !s.is_empty())
    }

    /// Wakes a sleeping scheduler, if any, to take new work.
    pub(super) fn wake_one(&self) {
        fence(Ordering::SeqCst);
        if self.sleepers.load(Ordering::SeqCst) > 0 {
            let _g = lock(&self.sleep);
            self.wake.notify_one();
        }
    }

    /// Stops every scheduler; the first outcome set wins.
    pub(super) fn finish(&self, outcome: Outcome) {
        let mut o = lock(&self.outcome);
        if o.is_none() {
            *o = Some(outcome);
        }
        drop(o);
        self.halt.store(true, Ordering::Release);
        let _g = lock(&self.sleep);
        self.wake.notify_all();
    }

    /// A scheduler found nothing to run: sleep until there is work, a timer
    /// is due, or the program ends.
    pub(super) fn idle(&self) {
        let g = lock(&self.sleep);
        let sleeping = self.sleepers.fetch_add(1, Ordering::SeqCst) + 1;
        fence(Ordering::SeqCst);
        let deadline = self.next_deadline.load(Ordering::Acquire);
        if self.halt.load(Ordering::Acquire) || self.has_work() {
            self.sleepers.fetch_sub(1, Ordering::SeqCst);
            return;
        }
        // A program that handles OS signals may be waiting for one: look for
        // them every 50 ms (the unit of `SIGNAL_POLL`) instead of sleeping.
        let deadline = if crate::signals::handling() {
            deadline.min(self.now().saturating_add(SIGNAL_POLL_NS))
        } else {
            deadline
        };
        if sleeping == self.schedulers.load(Ordering::SeqCst)
            && deadline == u64::MAX
            && self.timers_pending.load(Ordering::SeqCst) == 0
        {
            // Every scheduler is idle, no process is queued and no timer is
            // set: no process can ever run again.
            self.sleepers.fetch_sub(1, Ordering::SeqCst);
            drop(g);
            self.finish(Outcome::Deadlock);
            return;
        }
        let g = if deadline == u64::MAX {
            self.wake.wait(g).unwrap_or_else(|e| e.into_inner())
        } else {
            let wait = Duration::from_nanos(deadline.saturating_sub(self.now()));
            self.wake
                .wait_timeout(g, wait)
                .unwrap_or_else(|e| e.into_inner())
                .0
        };
        self.sleepers.fetch_sub(1, Ordering::SeqCst);
        drop(g);
    }

    /// The deadline `ms` milliseconds from now, in the timers' clock.
    pub(super) fn deadline_in(&self, ms: u64) -> u64 {
        self.now().saturating_add(ms.saturating_mul(1_000_000))
    }

    /// Sets a timer due at `deadline`; returns its id.
    pub(super) fn add_timer(&self, deadline: u64, entry: TimerEntry) -> u64 {
        let id = self.next_ref.fetch_add(1, Ordering::Relaxed);
        self.add_timer_id(id, deadline, entry)
    }

    /// Sets a timer with a reference id taken already.
    pub(super) fn add_timer_id(&self, id: u64, deadline: u64, entry: TimerEntry) -> u64 {
        let mut t = lock(&self.timers);
        self.timers_pending.fetch_add(1, Ordering::SeqCst);
        t.due.push(Reverse((deadline, id)));
        t.entries.insert(id, entry);
        let next = t.due.peek().map_or(u64::MAX, |r| r.0 .0);
        self.next_deadline.store(next, Ordering::Release);
        drop(t);
        if next == deadline {
            // A sleeping scheduler may be waiting for a later deadline.
            let _g = lock(&self.sleep);
            self.wake.notify_one();
        }
        id
    }

    /// Cancels the receive timer `id` of a process a signal woke first, and
    /// drops the cancelled timers at the head of the queue, so an idle
    /// scheduler does not wake up for them.
    pub(super) fn cancel_wake(&self, id: u64) {
        let mut t = lock(&self.timers);
        if t.entries.remove(&id).is_some() {
            self.timers_pending.fetch_sub(1, Ordering::SeqCst);
        }
        while let Some(&Reverse((_, top))) = t.due.peek() {
            if t.entries.contains_key(&top) {
                break;
            }
            t.due.pop();
        }
        let next = t.due.peek().map_or(u64::MAX, |r| r.0 .0);
        self.next_deadline.store(next, Ordering::Release);
    }
}
