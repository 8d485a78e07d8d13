//! What all schedulers share: the process table, names, run queues, timers
//! and the output; sleeping and waking schedulers; delivering signals; the
//! end of watched processes reported to whoever waits for it.

use super::io::SharedIo;
use super::table::{Slot, State, Table};
use super::timers::{TimerEntry, Timers};
use super::{lock, Outcome};
use crate::capture::Captures;
use crate::code::CodeTable;
use crate::ctx::Io;
use crate::heap::{Heap, MemAccount};
use crate::process::{Process, Signal};
use crate::term::Term;
use crossbeam_deque::{Injector, Stealer, Worker};
use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::atomic::{fence, AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long an idle scheduler sleeps at most while OS signals are handled
/// (ns): the delay before a signal reaches an idle program. A guess: short
/// enough to feel immediate, long enough to cost nothing.
const SIGNAL_POLL_NS: u64 = 50_000_000;

/// The loaded code a runtime runs: borrowed for one program's run
/// (`run_main`, whose threads are scoped), shared for a runtime that lives
/// until its host shuts it down (`host.rs`).
pub(super) enum CodeRef<'a> {
    Borrowed(&'a CodeTable),
    Shared(Arc<CodeTable>),
}

impl std::ops::Deref for CodeRef<'_> {
    type Target = CodeTable;
    #[inline(always)]
    fn deref(&self) -> &CodeTable {
        match self {
            CodeRef::Borrowed(c) => c,
            CodeRef::Shared(c) => c,
        }
    }
}

/// One who waits for the end of a process (`Host::watch`, `Host::spawn`).
pub(super) struct Watcher {
    pub(super) to: Sender<Outcome>,
    /// Told `Outcome::Deadlock` when no process can run any more (an
    /// evaluation the host waits for); else it waits on (a monitor of a
    /// server the host may still send to).
    pub(super) deadlock: bool,
}

/// What all schedulers share while the runtime lives. `'a` is the lifetime
/// of the output sink (and of the code, when borrowed): `'static` for a
/// runtime a host keeps (`Host`), shorter for one program's run (`run_main`).
pub struct Runtime<'a> {
    pub(super) code: CodeRef<'a>,
    pub(super) io: Mutex<Box<dyn Io + Send + 'a>>,
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
    /// Receive timeouts in the schedulers' own heaps (`Wakes`), stale ones
    /// included until dropped.
    pub(super) wakes_pending: AtomicUsize,
    pub(super) start: Instant,
    pub(super) halt: AtomicBool,
    pub(super) outcome: Mutex<Option<Outcome>>,
    /// The process whose end ends the run (`run_main`), or `Term::NIL`
    /// for a runtime that lives until its host shuts it down.
    pub(super) main: Term,
    /// Who waits for the end of which process (`Host::watch`): each gets
    /// the process's `Outcome`. A slot's `watched` flag says whether its
    /// process has an entry, so an ending process looks here only then.
    pub(super) watchers: Mutex<HashMap<Term, Vec<Watcher>>>,
    /// The host mailboxes (`HostBox`): slot index to the condition variable
    /// its reader waits on (with the slot's inbox lock).
    pub(super) host_boxes: Mutex<HashMap<u32, Arc<Condvar>>>,
    pub(super) next_ref: AtomicU64,
    pub(super) gc_always: bool,
    /// `Config::max_heap_words`.
    pub(super) max_heap: usize,
    /// `Config::max_reductions`.
    pub(super) max_reductions: u64,
    /// `Config::max_mailbox`.
    pub(super) max_mailbox: usize,
    /// The memory account every process heap charges (`Config::max_memory`).
    pub(super) memory: Option<Arc<MemAccount>>,
    /// Output captures (`:beamlet.capture_io/2`).
    pub(super) captures: Captures,
    /// Scheduler threads asked for (`System.schedulers_online/0`).
    pub(super) nsched: usize,
}

impl<'a> Runtime<'a> {
    /// A runtime with an empty process table. With `main`, its first slot
    /// is taken for the main process (pid `#PID<0.80.0>`), whose end ends
    /// the run. Returns it with the run queues of its `cfg.schedulers` threads.
    pub(super) fn new(
        code: CodeRef<'a>,
        io: Box<dyn Io + Send + 'a>,
        cfg: &super::Config,
        main: bool,
    ) -> (Runtime<'a>, Vec<Worker<Box<Process>>>) {
        let n = cfg.schedulers.max(1);
        code.jit.set_mode(cfg.jit);
        let workers: Vec<Worker<Box<Process>>> = (0..n).map(|_| Worker::new_fifo()).collect();
        let table = Table::new(cfg.max_processes.max(1));
        let main = if main {
            let index = table.alloc().expect("an empty table has room");
            Term::pid(index, 0)
        } else {
            Term::NIL
        };
        let rt = Runtime {
            code,
            io: Mutex::new(io),
            table,
            names: Mutex::new(HashMap::new()),
            injector: Injector::new(),
            stealers: workers.iter().map(|w| w.stealer()).collect(),
            sleep: Mutex::new(()),
            wake: Condvar::new(),
            sleepers: AtomicUsize::new(0),
            schedulers: AtomicUsize::new(0),
            timers: Mutex::new(Timers::default()),
            next_deadline: AtomicU64::new(u64::MAX),
            timers_pending: AtomicUsize::new(0),
            wakes_pending: AtomicUsize::new(0),
            start: Instant::now(),
            halt: AtomicBool::new(false),
            outcome: Mutex::new(None),
            main,
            watchers: Mutex::new(HashMap::new()),
            host_boxes: Mutex::new(HashMap::new()),
            next_ref: AtomicU64::new(1),
            gc_always: cfg.gc_always,
            max_heap: cfg.max_heap_words,
            max_reductions: cfg.max_reductions,
            max_mailbox: cfg.max_mailbox,
            memory: (cfg.max_memory != 0).then(|| Arc::new(MemAccount::new(cfg.max_memory))),
            captures: Captures::default(),
            nsched: n,
        };
        (rt, workers)
    }

    /// A heap for a new process, with the runtime's settings: collection
    /// at every safe point (tests), `max_heap_size`, the memory account.
    pub(super) fn process_heap(&self) -> Heap {
        let mut heap = Heap::new();
        heap.set_gc_always(self.gc_always);
        heap.max.words = self.max_heap;
        heap.set_account(self.memory.clone());
        heap
    }

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
        slot.watched.store(false, Ordering::Relaxed);
        let mut ib = lock(&slot.inbox);
        debug_assert_eq!(ib.state, State::Free);
        ib.state = State::Active;
        ib.timed_out = false;
        ib.serial
    }

    /// Opens the free slot `index` as the host's pid; returns the pid.
    pub(super) fn install_host(&self, index: u32) -> Term {
        let slot = self.table.slot(index).expect("an allocated slot");
        let mut ib = lock(&slot.inbox);
        ib.state = State::Host;
        Term::pid(index, ib.serial)
    }

    pub(super) fn slot_of(&self, pid: Term) -> Option<(&Slot, u32)> {
        let (index, serial) = pid.pid_parts()?;
        Some((self.table.slot(index)?, serial))
    }

    pub(super) fn has_work(&self) -> bool {
        !self.injector.is_empty() || self.stealers.iter().any(|s| !s.is_empty())
    }

    /// A signal to a host mailbox: messages queue for its reader; anything
    /// else (a link, a monitor, an info request) is refused as by a process
    /// that is gone: the host's pid takes messages only.
    #[cold]
    fn deliver_to_host(&self, slot: &Slot, to: Term, sig: Signal) -> Result<(), Signal> {
        // A host's monitors are its own business: their DOWN is a message.
        let sig = match sig {
            Signal::Down { msg, .. } => Signal::Message(msg),
            Signal::Message(_) => sig,
            _ => return Err(sig),
        };
        let (index, serial) = to.pid_parts().expect("a pid");
        let mut ib = lock(&slot.inbox);
        if ib.state != State::Host || ib.serial != serial {
            return Err(sig);
        }
        ib.q.push_back(sig);
        if let Some(cv) = lock(&self.host_boxes).get(&index) {
            cv.notify_all();
        }
        Ok(())
    }

    /// Wakes a sleeping scheduler, if any, to take new work.
    pub(super) fn wake_one(&self) {
        fence(Ordering::SeqCst);
        if self.sleepers.load(Ordering::SeqCst) > 0 {
            // Taking the lock waits for a scheduler deciding to sleep to be
            // asleep (it decides under the lock); notifying after releasing
            // it lets the woken one take the lock without waiting for ours.
            drop(lock(&self.sleep));
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
        {
            // Under the watchers' lock, so no watch is added after this.
            let mut w = lock(&self.watchers);
            self.halt.store(true, Ordering::Release);
            let halted = lock(&self.outcome).clone();
            for (_, watchers) in w.drain() {
                for s in watchers {
                    if let Some(o) = &halted {
                        let _ = s.to.send(o.clone());
                    }
                }
            }
        }
        let g = lock(&self.sleep);
        self.wake.notify_all();
        drop(g);
        self.wake_host_boxes();
    }

    /// Stops every scheduler without an outcome (the host shuts the runtime
    /// down): whoever waits for a process's end is told it never comes.
    pub(super) fn stop(&self) {
        {
            let mut w = lock(&self.watchers);
            self.halt.store(true, Ordering::Release);
            w.clear();
        }
        let _g = lock(&self.sleep);
        self.wake.notify_all();
        drop(_g);
        self.wake_host_boxes();
    }

    /// Wakes every host mailbox reader (the runtime stopped).
    pub(super) fn wake_host_boxes(&self) {
        for (&index, cv) in lock(&self.host_boxes).iter() {
            if let Some(slot) = self.table.slot(index) {
                let _ib = lock(&slot.inbox);
                cv.notify_all();
            }
        }
    }

    /// Registers a watch on the end of `pid`: its `Outcome` goes to `to`
    /// (and `Outcome::Deadlock` when no process can run any more, with
    /// `deadlock`). `false` if the process is gone (or the runtime stopped).
    pub(super) fn watch(&self, pid: Term, to: Sender<Outcome>, deadlock: bool) -> bool {
        let Some((slot, serial)) = self.slot_of(pid) else {
            return false;
        };
        // The inbox lock orders this against the process's exit, which marks
        // the slot EXITING under it and then looks at `watched`.
        let ib = lock(&slot.inbox);
        if ib.serial != serial || !matches!(ib.state, State::Active | State::Waiting) {
            return false;
        }
        let mut w = lock(&self.watchers);
        if self.halt.load(Ordering::Acquire) {
            return false;
        }
        w.entry(pid).or_default().push(Watcher { to, deadlock });
        slot.watched.store(true, Ordering::Release);
        true
    }

    /// Tells those who wait for the end of `pid` how it ended.
    pub(super) fn report_end(&self, pid: Term, outcome: Outcome) {
        if let Some(watchers) = lock(&self.watchers).remove(&pid) {
            for s in watchers {
                let _ = s.to.send(outcome.clone());
            }
        }
    }

    /// Queues `sig` for the process `to` from outside any scheduler (a
    /// host's message or exit signal); `false` if `to` is gone. All under
    /// the sleep lock, so a scheduler deciding that nothing can run
    /// (`idle`) never misses the process it wakes.
    pub(super) fn deliver_external(&self, to: Term, sig: Signal) -> bool {
        let _g = lock(&self.sleep);
        self.deliver(to, sig, |p| {
            self.injector.push(p);
            self.wake.notify_one();
        })
        .is_ok()
    }

    /// Queues `sig` for the process `to`; gives it back if `to` is gone. A
    /// process the signal wakes goes to `push`. (On every message's path:
    /// inlined into the scheduler's own `deliver`.)
    #[inline(always)]
    pub(super) fn deliver(
        &self,
        to: Term,
        sig: Signal,
        push: impl FnOnce(Box<Process>),
    ) -> Result<(), Signal> {
        let Some((slot, serial)) = self.slot_of(to) else {
            return Err(sig);
        };
        let woken = {
            let mut ib = lock(&slot.inbox);
            let open = matches!(ib.state, State::Active | State::Waiting);
            // A message through an alias goes to the slot's process, whatever
            // its serial: only the alias's owner has it active.
            let serial_ok = ib.serial == serial || matches!(sig, Signal::Alias { .. });
            if !open || !serial_ok {
                if ib.state == State::Host && ib.serial == serial {
                    drop(ib);
                    return self.deliver_to_host(slot, to, sig);
                }
                return Err(sig);
            }
            if self.max_mailbox != 0
                && matches!(
                    sig,
                    Signal::Message(_) | Signal::Alias { .. } | Signal::Down { .. }
                )
                && ib.q.len() + slot.queue_len.load(Ordering::Relaxed) as usize >= self.max_mailbox
            {
                // A full mailbox (`Config::max_mailbox`): the message is
                // dropped, as one to a dead process is.
                return Ok(());
            }
            ib.q.push_back(sig);
            if ib.state == State::Waiting {
                // (Its receive timer, if any, is stale from now on.)
                ib.state = State::Active;
                ib.parked.take()
            } else {
                None
            }
        };
        if let Some(p) = woken {
            push(p);
        }
        Ok(())
    }

    /// A scheduler found nothing to run: sleep until there is work, a timer
    /// is due, or the program ends.
    /// `own_deadline`: the earliest receive timeout in the scheduler's own
    /// heap (`u64::MAX`: none).
    pub(super) fn idle(&self, own_deadline: u64) {
        let g = lock(&self.sleep);
        let sleeping = self.sleepers.fetch_add(1, Ordering::SeqCst) + 1;
        fence(Ordering::SeqCst);
        let deadline = self.next_deadline.load(Ordering::Acquire).min(own_deadline);
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
            && self.wakes_pending.load(Ordering::SeqCst) == 0
        {
            // Every scheduler is idle, no process is queued and no timer is
            // set: no process can ever run again (unless a host sends to
            // one; a host queues under the sleep lock held here).
            if self.main != Term::NIL {
                self.sleepers.fetch_sub(1, Ordering::SeqCst);
                drop(g);
                self.finish(Outcome::Deadlock);
                return;
            }
            // A runtime a host keeps goes on: those who wait for a process
            // to end learn that it cannot, and the schedulers sleep until
            // the host gives them work.
            for watchers in lock(&self.watchers).values_mut() {
                watchers.retain(|s| {
                    if s.deadlock {
                        let _ = s.to.send(Outcome::Deadlock);
                    }
                    !s.deadlock
                });
            }
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
    ///
    /// Only scheduler threads set timers, and the one setting it is awake:
    /// it fires due timers between time slices and, when it runs out of
    /// work, sleeps no later than the earliest deadline (`idle` reads
    /// `next_deadline` under the sleep lock). So no sleeping scheduler needs
    /// waking here, even for the earliest deadline; waking one did so at
    /// nearly every receive with a timeout (a `GenServer.call`), and the
    /// woken scheduler stole the process the caller was about to run.
    pub(super) fn add_timer_id(&self, id: u64, deadline: u64, entry: TimerEntry) -> u64 {
        let mut t = lock(&self.timers);
        self.timers_pending.fetch_add(1, Ordering::SeqCst);
        t.due.push(Reverse((deadline, id)));
        t.entries.insert(id, entry);
        let next = t.due.peek().map_or(u64::MAX, |r| r.0 .0);
        self.next_deadline.store(next, Ordering::Release);
        drop(t);
        id
    }
}
