//! The scheduler: the process table, signals between processes, run queues
//! with work stealing, and timers.
//!
//! # Threads
//! One scheduler thread per core (`Config::schedulers`; the calling thread is
//! scheduler 0). Each has a local FIFO run queue of runnable processes; a
//! global injector queue takes work from outside; an idle scheduler steals
//! from the others, and sleeps on a condition variable when nothing is left.
//! A process runs for a time slice of [`DEFAULT_BUDGET`] reductions, then goes
//! to the back of its scheduler's queue. Timers (receive timeouts,
//! `Process.send_after`) live in one shared heap ordered by deadline; every
//! scheduler fires the due ones between slices, and an idle scheduler sleeps
//! only until the next deadline.
//!
//! # Process table
//! A pid is (slot index, serial). A slot is reused after its process exits,
//! with the serial bumped under the slot's inbox lock, so a message to a stale
//! pid is dropped and never reaches the slot's next process.
//!
//! # Signals
//! Everything one process does to another (a message, an exit signal, a link,
//! a monitor) is a [`Signal`] pushed to the target's inbox under the inbox's own
//! lock (no global lock), so signals from one sender arrive in the order sent.
//! Only the target handles them, in order: when it is scheduled in, and when
//! `receive` runs out of messages. Messages are deep-copied by the sender
//! (copy.rs) and adopted into the receiver's heap.
//!
//! # The state machine
//! Each slot's inbox lock guards the slot's state, so a signal and a decision
//! to sleep can never cross:
//!
//! ```text
//!   FREE ──spawn──▶ ACTIVE ◀──── a signal, or its timer ────┐
//!                    │  │                                     │
//!                    │  └── receive finds nothing, inbox ──▶ WAITING
//!                    │      empty: park in the slot          (process in the slot)
//!                    └──exits──▶ EXITING ──▶ FREE (serial bumped)
//! ```
//!
//! - ACTIVE: queued or running; owned by a run queue or a scheduler thread.
//! - Parking: under the lock, if the inbox is empty the process is stored in
//!   its slot as WAITING; otherwise it goes on running. A sender, under the same
//!   lock, pushes its signal and, if the process is WAITING, takes it out and
//!   queues it. So no wake-up is lost, and exactly one party queues a process.
//! - Timeouts: parking bumps the slot's wait epoch; a receive timer remembers
//!   it and wakes the process only if it still waits with that same epoch, so a
//!   stale timer never ends a later receive (nor the slot's next process:
//!   epochs keep counting across reuse).

use crate::atom;
use crate::bif::{exception, Ctx, Io};
use crate::capture::Captures;
use crate::code::{CodeTable, FunId, FunKind};
use crate::convert;
use crate::copy::Msg;
use crate::heap::Heap;
use crate::inspect;
use crate::interp::{self, Exit};
use crate::process::{Class, Exn, ProcState, Process, Signal};
use crate::term::Term;
use crate::value::Value;
use crossbeam_deque::{Injector, Steal, Stealer, Worker};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::sync::atomic::{fence, AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

/// Reductions per time slice, as on the BEAM.
pub const DEFAULT_BUDGET: i64 = 4000;

const SEG_BITS: u32 = 12;
const SEG_SIZE: usize = 1 << SEG_BITS;
/// 4,194,304 processes at most.
const MAX_SEGS: usize = 1024;
/// The first pid index handed out (the BEAM's first user processes are
/// numbered about this high too; nothing depends on it).
const FIRST_INDEX: u32 = 80;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding one of these locks is a bug elsewhere; the data
    // (queues, tables) stays consistent, so go on rather than cascade.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// How to run a program.
#[derive(Clone, Debug)]
pub struct Config {
    /// Scheduler threads (at least 1).
    pub schedulers: usize,
    /// Collect garbage at every safe point (tests).
    pub gc_always: bool,
    /// When hot functions get native code.
    pub jit: crate::jit::Mode,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            schedulers: std::thread::available_parallelism().map_or(1, |n| n.get()),
            gc_always: false,
            jit: crate::jit::Mode::On,
        }
    }
}

/// How the main process ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// It returned this value.
    Returned(Value),
    /// It raised, or an exit signal killed it: the `** (...)` banner, the
    /// stack trace lines, and the status `elixir` would exit with.
    Failed {
        banner: String,
        trace: Vec<String>,
        status: i32,
    },
    /// It waits in `receive`, and no process can ever run again to send it anything.
    Deadlock,
    /// A process stopped the run (`System.halt/1`, `System.stop/1`) with this status.
    Halted { status: i32 },
}

/// Where a slot's process is (see the state machine above).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
enum State {
    #[default]
    Free,
    Active,
    Waiting,
    Exiting,
}

/// A slot's state and inbox, under one lock.
#[derive(Default)]
struct Inbox {
    state: State,
    /// Serial of the slot's current process (or the next one, once it exited).
    serial: u32,
    /// Bumped each time the process parks.
    epoch: u32,
    /// The process, while WAITING.
    parked: Option<Box<Process>>,
    /// Woken by its receive timer rather than by a signal.
    timed_out: bool,
    q: VecDeque<Signal>,
}

#[derive(Default)]
struct Slot {
    inbox: Mutex<Inbox>,
    /// Length of the process's mailbox when it last stopped running.
    queue_len: AtomicU32,
    /// Whether the process is registered under a name.
    named: AtomicBool,
    /// Whether the process traps exits (mirrors `ProcState::trap_exit`).
    trapping: AtomicBool,
    /// Whether a scheduler runs the process now (`Process.info(pid, :status)`).
    running: AtomicBool,
}

impl Inbox {
    /// Whether an exit signal already queued will end the process: then it
    /// counts as gone for later requests (signals from one sender are handled
    /// in order, so `Process.exit(p, :kill)` then `Process.alive?(p)` is false).
    fn doomed(&self, trapping: bool) -> bool {
        self.q.iter().any(|s| match s {
            Signal::Exit {
                reason,
                link: false,
                ..
            } => {
                let r = reason.peek();
                r == atom::KILL || (!trapping && r != atom::NORMAL)
            }
            _ => false,
        })
    }
}

struct Table {
    segs: Box<[OnceLock<Box<[Slot]>>]>,
    next: AtomicU32,
    free: Mutex<Vec<u32>>,
}

impl Table {
    fn new() -> Table {
        Table {
            segs: (0..MAX_SEGS).map(|_| OnceLock::new()).collect(),
            next: AtomicU32::new(FIRST_INDEX),
            free: Mutex::new(Vec::new()),
        }
    }

    fn slot(&self, index: u32) -> Option<&Slot> {
        let seg = self.segs.get((index >> SEG_BITS) as usize)?.get()?;
        seg.get(index as usize & (SEG_SIZE - 1))
    }

    /// A free slot, or `None` when the table is full.
    fn alloc(&self) -> Option<u32> {
        if let Some(i) = lock(&self.free).pop() {
            return Some(i);
        }
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        let seg = (i >> SEG_BITS) as usize;
        if seg >= MAX_SEGS {
            self.next.fetch_sub(1, Ordering::Relaxed);
            return None;
        }
        self.segs[seg].get_or_init(|| (0..SEG_SIZE).map(|_| Slot::default()).collect());
        Some(i)
    }

    fn release(&self, index: u32) {
        lock(&self.free).push(index);
    }

    /// Every slot handed out so far.
    fn indices(&self) -> std::ops::Range<u32> {
        FIRST_INDEX
            ..self
                .next
                .load(Ordering::Relaxed)
                .min((MAX_SEGS * SEG_SIZE) as u32)
    }
}

enum TimerEntry {
    /// End the receive that parked with this epoch.
    Wake { index: u32, epoch: u32 },
    /// `Process.send_after`.
    Send { to: Term, msg: Msg, deadline: u64 },
}

#[derive(Default)]
struct Timers {
    /// (deadline in ns since start, id); ids of cancelled timers stay here until due.
    due: BinaryHeap<Reverse<(u64, u64)>>,
    entries: HashMap<u64, TimerEntry>,
}

/// What all schedulers share while a program runs.
pub struct Runtime<'a> {
    code: &'a CodeTable,
    io: Mutex<&'a mut (dyn Io + Send)>,
    table: Table,
    names: Mutex<HashMap<Term, Term>>,
    injector: Injector<Box<Process>>,
    stealers: Vec<Stealer<Box<Process>>>,
    sleep: Mutex<()>,
    wake: Condvar,
    sleepers: AtomicUsize,
    /// Scheduler threads running (the calling thread included).
    schedulers: AtomicUsize,
    timers: Mutex<Timers>,
    /// Earliest deadline in `timers` (ns since `start`), `u64::MAX` if none.
    next_deadline: AtomicU64,
    /// Timers registered and not yet fired or cancelled.
    timers_pending: AtomicUsize,
    start: Instant,
    halt: AtomicBool,
    outcome: Mutex<Option<Outcome>>,
    main: Term,
    next_ref: AtomicU64,
    gc_always: bool,
    /// Output captures (`:beamlet.capture_io/2`).
    captures: Captures,
    /// Scheduler threads asked for (`System.schedulers_online/0`).
    nsched: usize,
    /// Active process aliases: reference id to (owner pid, deactivated by
    /// the first message sent through it).
    aliases: Mutex<HashMap<u64, (Term, bool)>>,
}

/// Runs `entry` as the main process of a program, with `argv` as its
/// `System.argv()`, until the main process ends. Other processes still alive
/// then are dropped, as `elixir` halts when its script ends.
pub fn run_main(
    code: &CodeTable,
    entry: FunId,
    args: &[Value],
    argv: &[String],
    io: &mut (dyn Io + Send),
    cfg: &Config,
) -> Outcome {
    let n = cfg.schedulers.max(1);
    code.jit.set_mode(cfg.jit);
    let workers: Vec<Worker<Box<Process>>> = (0..n).map(|_| Worker::new_fifo()).collect();
    let table = Table::new();
    let index = table.alloc().expect("an empty table has room");
    let main = Term::pid(index, 0);
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
        schedulers: AtomicUsize::new(1),
        timers: Mutex::new(Timers::default()),
        next_deadline: AtomicU64::new(u64::MAX),
        timers_pending: AtomicUsize::new(0),
        start: Instant::now(),
        halt: AtomicBool::new(false),
        outcome: Mutex::new(None),
        main,
        next_ref: AtomicU64::new(1),
        gc_always: cfg.gc_always,
        captures: Captures::default(),
        nsched: n,
        aliases: Mutex::new(HashMap::new()),
    };
    let mut heap = Heap::new();
    heap.set_gc_always(cfg.gc_always);
    let args: Vec<Term> = args
        .iter()
        .map(|a| convert::from_value(&mut heap, a))
        .collect();
    let mut p = Box::new(Process::new(
        main,
        heap,
        entry,
        code.function(entry).nregs,
        &args,
    ));
    p.st.argv = Arc::from(argv.to_vec());
    let serial = rt.install(index);
    debug_assert_eq!(Term::pid(index, serial), main);
    rt.injector.push(p);
    let rt = &rt;
    std::thread::scope(|s| {
        let mut workers = workers.into_iter().enumerate();
        let (_, first) = workers.next().expect("at least one scheduler");
        for (i, w) in workers {
            // Counted before it starts: an idle count must never exceed it.
            rt.schedulers.fetch_add(1, Ordering::SeqCst);
            let started = std::thread::Builder::new()
                .name(format!("beamlet-sched-{i}"))
                // As a main thread's: native code may use 256 KiB of it per
                // call from the interpreter, and compiling runs on it too.
                .stack_size(8 << 20)
                .spawn_scoped(s, move || Local::new(rt, w, i).run());
            if let Err(e) = started {
                // Run on fewer threads; the unused queue stays empty.
                rt.schedulers.fetch_sub(1, Ordering::SeqCst);
                let msg = format!("warning: cannot start scheduler thread {i}: {e}\n");
                lock(&rt.io).err(msg.as_bytes());
            }
        }
        Local::new(rt, first, 0).run();
    });
    let mut io = lock(&rt.io);
    io.flush();
    drop(io);
    let outcome = lock(&rt.outcome).take();
    outcome.unwrap_or(Outcome::Deadlock)
}

impl<'a> Runtime<'a> {
    fn shared_io(&self) -> SharedIo<'_, 'a> {
        SharedIo {
            io: &self.io,
            captures: &self.captures,
            halt: &self.halt,
        }
    }

    fn now(&self) -> u64 {
        self.start.elapsed().as_nanos() as u64
    }

    /// Opens the free slot `index` for a new process; returns the serial of its pid.
    fn install(&self, index: u32) -> u32 {
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

    fn slot_of(&self, pid: Term) -> Option<(&Slot, u32)> {
        let (index, serial) = pid.pid_parts()?;
        Some((self.table.slot(index)?, serial))
    }

    /// Queues `sig` for the process `to`; gives it back if `to` is gone.
    fn signal(&self, local: &Local, to: Term, sig: Signal) -> Result<(), Signal> {
        let Some((slot, serial)) = self.slot_of(to) else {
            return Err(sig);
        };
        let woken = {
            let mut ib = lock(&slot.inbox);
            let open = matches!(ib.state, State::Active | State::Waiting);
            if !open || ib.serial != serial {
                return Err(sig);
            }
            ib.q.push_back(sig);
            if ib.state == State::Waiting {
                ib.state = State::Active;
                ib.parked.take()
            } else {
                None
            }
        };
        if let Some(p) = woken {
            local.push(p);
        }
        Ok(())
    }

    fn has_work(&self) -> bool {
        !self.injector.is_empty() || self.stealers.iter().any(|s| !s.is_empty())
    }

    /// Wakes a sleeping scheduler, if any, to take new work.
    fn wake_one(&self) {
        fence(Ordering::SeqCst);
        if self.sleepers.load(Ordering::SeqCst) > 0 {
            let _g = lock(&self.sleep);
            self.wake.notify_one();
        }
    }

    /// Stops every scheduler; the first outcome set wins.
    fn finish(&self, outcome: Outcome) {
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
    fn idle(&self) {
        let g = lock(&self.sleep);
        let sleeping = self.sleepers.fetch_add(1, Ordering::SeqCst) + 1;
        fence(Ordering::SeqCst);
        let deadline = self.next_deadline.load(Ordering::Acquire);
        if self.halt.load(Ordering::Acquire) || self.has_work() {
            self.sleepers.fetch_sub(1, Ordering::SeqCst);
            return;
        }
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
    fn deadline_in(&self, ms: u64) -> u64 {
        self.now().saturating_add(ms.saturating_mul(1_000_000))
    }

    /// Sets a timer due at `deadline`; returns its id.
    fn add_timer(&self, deadline: u64, entry: TimerEntry) -> u64 {
        let id = self.next_ref.fetch_add(1, Ordering::Relaxed);
        self.add_timer_id(id, deadline, entry)
    }

    /// Sets a timer with a reference id taken already.
    fn add_timer_id(&self, id: u64, deadline: u64, entry: TimerEntry) -> u64 {
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

    /// Fires the timers that are due.
    fn poll_timers(&self, local: &Local) {
        let now = self.now();
        if now < self.next_deadline.load(Ordering::Acquire) {
            return;
        }
        let mut fired = Vec::new();
        {
            let mut t = lock(&self.timers);
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
            self.next_deadline.store(next, Ordering::Release);
        }
        let n = fired.len();
        for e in fired {
            match e {
                TimerEntry::Wake { index, epoch } => {
                    let Some(slot) = self.table.slot(index) else {
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
                        local.push(p);
                    }
                }
                TimerEntry::Send { to, msg, .. } => {
                    let to = if to.is_atom() {
                        match lock(&self.names).get(&to) {
                            Some(&pid) => pid,
                            None => continue,
                        }
                    } else {
                        to
                    };
                    let _ = self.signal(local, to, Signal::Message(msg));
                }
            }
        }
        self.timers_pending.fetch_sub(n, Ordering::SeqCst);
    }
}

/// One scheduler thread's view: the shared runtime and its own run queue.
pub struct Local<'r, 'a> {
    rt: &'r Runtime<'a>,
    worker: Worker<Box<Process>>,
    index: usize,
}

impl<'r, 'a> Local<'r, 'a> {
    fn new(rt: &'r Runtime<'a>, worker: Worker<Box<Process>>, index: usize) -> Local<'r, 'a> {
        Local { rt, worker, index }
    }

    fn run(&self) {
        let rt = self.rt;
        while !rt.halt.load(Ordering::Acquire) {
            if rt.next_deadline.load(Ordering::Acquire) != u64::MAX {
                rt.poll_timers(self);
            }
            match self.find_work() {
                Some(p) => self.run_slice(p),
                None => rt.idle(),
            }
        }
    }

    fn push(&self, p: Box<Process>) {
        self.worker.push(p);
        // One process queued is the one this scheduler runs next; more is
        // work for an idle scheduler to steal.
        if self.worker.len() > 1 {
            self.rt.wake_one();
        }
    }

    fn find_work(&self) -> Option<Box<Process>> {
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
    fn answer_info(&self, p: &mut Process) {
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
                self.rt.code,
                self,
                Some(at),
                &req.items,
                req.list,
                req.status,
            );
            let reply = p.st.heap.tuple(&[req.tag, answer]);
            let m = self.rt.code.copy_term(reply);
            let _ = self.rt.signal(self, req.from, Signal::Message(m));
        }
    }

    fn slot(&self, p: &Process) -> &'r Slot {
        let (index, _) = p.st.pid.pid_parts().expect("a process has a pid");
        self.rt
            .table
            .slot(index)
            .expect("a live process has a slot")
    }

    fn run_slice(&self, mut p: Box<Process>) {
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
            let exit = match p.start_error.take() {
                Some(e) => Exit::Raised(*e),
                None => {
                    let mut io = rt.shared_io();
                    interp::run(&mut p, rt.code, &mut io, self, &mut budget)
                }
            };
            slot.running.store(false, Ordering::Relaxed);
            self.answer_info(&mut p);
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
                    if p.st.pid == rt.main {
                        let v = convert::to_value(rt.code, v);
                        rt.finish(Outcome::Returned(v));
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
    fn park(&self, mut p: Box<Process>, slot: &Slot, timeout: Option<u64>) -> Option<Box<Process>> {
        let (index, _) = p.st.pid.pid_parts().expect("a process has a pid");
        // The receive's deadline counts from when it first waited.
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
                Some(left.as_nanos().div_ceil(1_000_000) as u64)
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
        if let Some(ms) = timeout {
            self.rt
                .add_timer(self.rt.deadline_in(ms), TimerEntry::Wake { index, epoch });
        }
        None
    }

    /// Moves the signals waiting in `st`'s inbox into the process: messages
    /// to its mailbox, links and monitors to its tables. Returns whether a
    /// message arrived, or the (sender, reason) of an exit signal that kills it.
    /// Takes the signals waiting in the inbox of `slot` (the slot of `st`'s
    /// process) into `st.pending`, and whether a receive timer woke it, in one
    /// critical section.
    fn take_inbox(&self, slot: &Slot, st: &mut ProcState) -> bool {
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
    fn handle_pending(&self, st: &mut ProcState) -> Result<bool, (Term, Term)> {
        let mut got = false;
        while let Some(sig) = st.pending.pop_front() {
            match sig {
                Signal::Message(m) => {
                    let t = st.heap.adopt(m);
                    st.mailbox.push_back(t);
                    got = true;
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
                Signal::Monitor { from, mref } => st.monitored_by.push((mref, from)),
                Signal::Demonitor { mref } => st.monitored_by.retain(|m| m.0 != mref),
                Signal::Info(req) => st.info_requests.push(req),
                Signal::GroupLeader { gl } => st.group_leader = Some(gl),
            }
        }
        Ok(got)
    }

    /// `p` raised past all its handlers.
    fn exit_raised(&self, mut p: Box<Process>, e: Exn) {
        let rt = self.rt;
        let trace_t = interp::trace_term(&mut p.st.heap, &e.trace, e.info.as_deref());
        let lines = exception::format_trace(&e.trace);
        if p.st.pid == rt.main {
            let banner = self.with_ctx(&mut p, |ctx| {
                exception::banner(ctx, e.class, e.reason, trace_t)
            });
            let status = exit_status(e.class, e.reason);
            rt.finish(Outcome::Failed {
                banner,
                trace: lines,
                status,
            });
            let reason = p.st.heap.tuple(&[e.reason, trace_t]);
            return self.exit(p, reason);
        }
        let reason = match e.class {
            Class::Exit => e.reason,
            Class::Error => p.st.heap.tuple(&[e.reason, trace_t]),
            Class::Throw => {
                let nocatch = p.st.heap.tuple(&[atom::NOCATCH, e.reason]);
                p.st.heap.tuple(&[nocatch, trace_t])
            }
        };
        if e.class != Class::Exit {
            let culprit = match e.class {
                Class::Throw => p.st.heap.tuple(&[atom::NOCATCH, e.reason]),
                _ => e.reason,
            };
            let banner = self.with_ctx(&mut p, |ctx| {
                exception::banner(ctx, Class::Error, culprit, trace_t)
            });
            let mut report = format!(
                "[error] Process {} raised an exception\n{banner}\n",
                inspect_pid(p.st.pid)
            );
            for l in lines {
                report.push_str(&l);
                report.push('\n');
            }
            lock(&rt.io).err(report.as_bytes());
        }
        self.exit(p, reason)
    }

    /// An exit signal from `from` kills `p` with `reason`.
    fn exit_killed(&self, mut p: Box<Process>, from: Term, reason: Term) {
        let rt = self.rt;
        if p.st.pid == rt.main {
            let banner = self.with_ctx(&mut p, |ctx| exit_banner(ctx, from, reason));
            let status = if reason == atom::NORMAL { 0 } else { 1 };
            rt.finish(Outcome::Failed {
                banner,
                trace: Vec::new(),
                status,
            });
        }
        self.exit(p, reason)
    }

    fn with_ctx<T>(&self, p: &mut Process, f: impl FnOnce(&mut Ctx) -> T) -> T {
        let mut io = self.rt.shared_io();
        let mut ctx = Ctx {
            st: &mut p.st,
            code: self.rt.code,
            io: &mut io,
            rt: self,
        };
        f(&mut ctx)
    }

    /// `p` ends with `reason`: its name goes, its links and monitors fire,
    /// and its slot is freed.
    fn exit(&self, mut p: Box<Process>, reason: Term) {
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
        if slot.named.load(Ordering::Relaxed) {
            lock(&rt.names).retain(|_, pid| *pid != me);
        }
        if p.st.aliased {
            lock(&rt.aliases).retain(|_, (pid, _)| *pid != me);
        }
        crate::bif::ets::owner_exited(rt.code, self, &mut p.st.heap, me);
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
                    let _ = rt.signal(
                        self,
                        from,
                        Signal::Exit {
                            from: me,
                            reason: Msg::imm(atom::NOPROC),
                            link: true,
                        },
                    );
                }
                Signal::Monitor { from, mref } => {
                    let down = st
                        .heap
                        .tuple(&[atom::DOWN, mref, atom::PROCESS, me, atom::NOPROC]);
                    let m = rt.code.copy_term(down);
                    let _ = rt.signal(self, from, Signal::Message(m));
                }
                // Asked about while it ended: it is gone.
                Signal::Info(req) => {
                    let reply = st.heap.tuple(&[req.tag, atom::UNDEFINED]);
                    let m = rt.code.copy_term(reply);
                    let _ = rt.signal(self, req.from, Signal::Message(m));
                }
                _ => {}
            }
        }
        for &l in &st.links {
            let reason = rt.code.copy_term(reason);
            let _ = rt.signal(
                self,
                l,
                Signal::Exit {
                    from: me,
                    reason,
                    link: true,
                },
            );
        }
        let watchers = std::mem::take(&mut st.monitored_by);
        for (mref, watcher) in watchers {
            let down = st
                .heap
                .tuple(&[atom::DOWN, mref, atom::PROCESS, me, reason]);
            let _ = rt.signal(self, watcher, Signal::Message(rt.code.copy_term(down)));
        }
        drop(p);
        lock(&slot.inbox).state = State::Free;
        rt.table.release(index);
    }
}

/// Output shared by all schedulers: each write takes the lock. Standard
/// error goes to its capture when one is on (capture.rs); nothing is
/// written once the run has ended (a process of a halted program prints no
/// more, as the BEAM stops at once).
struct SharedIo<'a, 'b> {
    io: &'a Mutex<&'b mut (dyn Io + Send)>,
    captures: &'a Captures,
    halt: &'a AtomicBool,
}

impl Io for SharedIo<'_, '_> {
    fn out(&mut self, bytes: &[u8]) {
        let mut io = lock(self.io);
        if !self.halt.load(Ordering::Acquire) {
            io.out(bytes);
        }
    }
    fn err(&mut self, bytes: &[u8]) {
        if self.captures.write_err(bytes) {
            return;
        }
        let mut io = lock(self.io);
        if !self.halt.load(Ordering::Acquire) {
            io.err(bytes);
        }
    }
    fn flush(&mut self) {
        lock(self.io).flush();
    }
}

fn inspect_pid(pid: Term) -> String {
    let (i, s) = pid.pid_parts().unwrap_or((0, 0));
    format!("#PID<0.{i}.{s}>")
}

/// `** (EXIT from #PID<0.96.0>) reason`, as `elixir` reports a script killed
/// by an exit signal.
fn exit_banner(ctx: &mut Ctx, from: Term, reason: Term) -> String {
    let head = format!("** (EXIT from {})", inspect_pid(from));
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

/// What the built-in functions of processes need from the scheduler.
pub trait Sched {
    /// Starts a process calling `fun` with `args` (terms of `st`'s heap), or
    /// one that fails at once with `start_error`.
    fn spawn(
        &self,
        st: &mut ProcState,
        fun: Result<FunId, Exn>,
        args: &[Term],
        link: bool,
        monitor: bool,
    ) -> Result<(Term, Option<Term>), Exn>;
    /// Sends `msg` to the pid or registered name `to`.
    fn send(&self, st: &mut ProcState, to: Term, msg: Term) -> Result<(), Exn>;
    /// Sends a non-message signal; `false` if `to` is gone.
    fn signal(&self, to: Term, sig: Signal) -> bool;
    fn drain(&self, st: &mut ProcState) -> Result<bool, (Term, Term)>;
    fn make_ref(&self) -> Term;
    fn whereis(&self, name: Term) -> Option<Term>;
    /// Registers `pid` as `name`; `false` if the name is taken, the pid is
    /// dead, or it has a name already.
    fn register(&self, name: Term, pid: Term) -> bool;
    fn unregister(&self, name: Term) -> bool;
    fn alive(&self, pid: Term) -> bool;
    fn processes(&self) -> Vec<Term>;
    /// Messages waiting for `pid`, `None` if it is gone.
    fn queue_len(&self, st: &ProcState, pid: Term) -> Option<usize>;
    fn send_after(&self, to: Term, msg: Term, ms: u64) -> Term;
    /// Milliseconds left on timer `tref`, or `None` if it is no longer pending.
    fn cancel_timer(&self, tref: Term) -> Option<u64>;
    /// Milliseconds left on timer `tref` (left running), or `None`.
    fn read_timer(&self, tref: Term) -> Option<u64>;
    /// `:erlang.start_timer/3`: sends `{:timeout, tref, msg}` after `ms`.
    fn start_timer(&self, st: &mut ProcState, to: Term, msg: Term, ms: u64) -> Term;
    /// Every registered name.
    fn registered(&self) -> Vec<Term>;
    /// Makes `alias` (a reference) deliver to `pid`; `once`: only the first
    /// message sent through it.
    fn alias_set(&self, alias: Term, pid: Term, once: bool);
    /// Deactivates `alias`; `false` if it was not active.
    fn alias_clear(&self, alias: Term) -> bool;
    /// Records whether the process `st` traps exits.
    fn set_trap_exit(&self, st: &mut ProcState, on: bool);
    /// Ends the run at once with exit status `status` (`System.halt/1`):
    /// no process runs any further, and nothing more is printed.
    fn halt(&self, status: i32);
    /// Scheduler threads of the run.
    fn schedulers(&self) -> usize;
    /// The output captures of the run (capture.rs).
    fn captures(&self) -> &Captures;
    /// The name `pid` is registered under.
    fn name_of(&self, pid: Term) -> Option<Term>;
    /// What `pid` does now: `:running`, `:runnable` or `:waiting`; `None`
    /// when it is gone.
    fn status_of(&self, pid: Term) -> Option<Term>;
}

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
        let mut heap = Heap::new();
        heap.set_gc_always(rt.gc_always);
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
            // A process alias: delivered while the alias is active.
            let mut aliases = lock(&self.rt.aliases);
            match aliases.get(&id) {
                Some(&(pid, once)) => {
                    if once {
                        aliases.remove(&id);
                    }
                    pid
                }
                None => return Ok(()),
            }
        } else {
            return Err(Exn::badarg_at(1, "invalid destination"));
        };
        if pid == st.pid {
            // Already in this heap: no copy.
            st.mailbox.push_back(msg);
            return Ok(());
        }
        let m = self.rt.code.copy_term(msg);
        let _ = self.rt.signal(self, pid, Signal::Message(m));
        Ok(())
    }

    fn signal(&self, to: Term, sig: Signal) -> bool {
        self.rt.signal(self, to, sig).is_ok()
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
                    && matches!(ib.state, State::Active | State::Waiting)
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
            .filter(|s| matches!(s, Signal::Message(_)))
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
            TimerEntry::Wake { .. } => None,
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

    fn alias_set(&self, alias: Term, pid: Term, once: bool) {
        if let Some(id) = alias.ref_value() {
            lock(&self.rt.aliases).insert(id, (pid, once));
        }
    }

    fn alias_clear(&self, alias: Term) -> bool {
        alias
            .ref_value()
            .is_some_and(|id| lock(&self.rt.aliases).remove(&id).is_some())
    }

    fn cancel_timer(&self, tref: Term) -> Option<u64> {
        let id = tref.ref_value()?;
        let e = lock(&self.rt.timers).entries.remove(&id)?;
        self.rt.timers_pending.fetch_sub(1, Ordering::SeqCst);
        match e {
            TimerEntry::Send { deadline, .. } => {
                Some(deadline.saturating_sub(self.rt.now()) / 1_000_000)
            }
            TimerEntry::Wake { .. } => None,
        }
    }
}
