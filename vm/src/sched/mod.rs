//! The scheduler: the process table, signals between processes, run queues
//! with work stealing, and timers.
//!
//! # The runtime's life
//! A [`Runtime`] is what the schedulers share. It lives in one of two ways:
//! - for one program's run ([`run_main`], the CLI's script): its first slot
//!   holds the main process; the calling thread is scheduler 0 and the
//!   others are scoped threads; the main process's end (or a deadlock, or
//!   `System.halt`) stops every scheduler, and the processes still alive are
//!   dropped, as `elixir` halts when its script ends;
//! - kept by a host ([`Host`], in an `Arc`): `Host::start` starts its own
//!   scheduler threads, and the runtime lives until `Host::shutdown` (or the
//!   `Host` is dropped). Any host thread spawns processes, sends them
//!   messages, kills them, and waits for their end through a [`Watch`]
//!   (registered in `Runtime::watchers`; the ending process reports its
//!   [`Outcome`] there instead of logging an error). When every process
//!   waits and no timer is set, the watchers learn it (`Outcome::Deadlock`)
//!   and the schedulers sleep until the host gives them work: a host queues
//!   processes under the sleep lock, so that decision never misses it.
//!
//! # Threads
//! One scheduler thread per core (`Config::schedulers`). Each has a local
//! FIFO run queue of runnable processes; a
//! global injector queue takes work from outside; an idle scheduler steals
//! from the others, spins a moment, and sleeps on a condition variable when
//! nothing is left. A process runs for a time slice of [`DEFAULT_BUDGET`]
//! reductions, then goes to the back of its scheduler's queue. Timers
//! (`Process.send_after`) live in one shared heap ordered by deadline; every
//! scheduler fires the due ones between slices, and an idle scheduler sleeps
//! only until the next deadline. Receive timeouts live in a heap of the
//! parking scheduler's own (`timers::Wakes`), fired and pruned by it alone.
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
//!
//! # Files
//! The arrows run one way: `start.rs`, `host.rs` → `local.rs` and
//! `runtime.rs`; `exit.rs`, `service.rs` → `local.rs` → `runtime.rs` →
//! `table.rs`, `timers.rs`, `io.rs`; all of them → `mod.rs` and the leaf
//! `crate::ctx`.
//! - `mod.rs`: this overview, `Config`, `Outcome`, the table's limits.
//! - `start.rs`: `run_main`, the run of a program: the runtime set up, the
//!   scheduler threads started, stopped when the main process ends.
//! - `host.rs`: `Host`, a runtime a host keeps until it shuts it down:
//!   spawning, sending, killing, watching processes from outside.
//! - `runtime.rs`: `Runtime`, what all schedulers share: the table, names,
//!   queues, timers, watchers; sleeping and waking schedulers; delivering
//!   signals; adding timers.
//! - `table.rs`: the process table (slots, their inboxes and states).
//! - `timers.rs`: the timer entries (`send_after`) and each scheduler's
//!   receive timeouts.
//! - `local.rs`: `Local`, one scheduler thread: run queue and stealing, time
//!   slices, parking in `receive`, handling the signals a process gets,
//!   firing due timers.
//! - `exit.rs`: the process-exit path (`Local::exit`: the name released,
//!   links and monitors fired, watchers told, the slot freed) and the error
//!   banners.
//! - `io.rs`: the output all schedulers share.
//! - `service.rs`: `impl Sched for Local`, the services built-ins call
//!   through the `Sched` trait of `crate::ctx`.

mod exit;
mod host;
mod io;
mod local;
mod runtime;
mod service;
mod start;
mod table;
mod timers;

pub use crate::ctx::{Sched, DEFAULT_BUDGET};
pub use exit::exit_status;
pub use host::{Host, HostBox, SpawnError, WaitError, Watch};
pub use local::Local;
pub use runtime::Runtime;
pub use start::run_main;

use crate::value::Value;
use std::sync::{Mutex, MutexGuard};

const SEG_BITS: u32 = 12;
const SEG_SIZE: usize = 1 << SEG_BITS;
/// 4,194,304 processes at most.
const MAX_SEGS: usize = 1024;
/// The first pid index handed out (the BEAM's first user processes are
/// numbered about this high too; nothing depends on it).
const FIRST_INDEX: u32 = 80;

/// A scheduler thread's builder: named, with a main thread's stack.
fn thread_builder(i: usize) -> std::thread::Builder {
    std::thread::Builder::new()
        .name(format!("beamlet-sched-{i}"))
        // As a main thread's: native code may use 256 KiB of it per call
        // from the interpreter, and compiling runs on it too.
        .stack_size(8 << 20)
}

#[inline]
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
    /// Processes alive at once, at most (host mailboxes and a run's main
    /// process count): a spawn beyond it raises `SystemLimitError`, as the
    /// BEAM's `+P` limit does. Default: the table's size, 4,194,304.
    pub max_processes: usize,
    /// Every process's `max_heap_size` in words (0: none), as
    /// `Process.flag(:max_heap_size, n)` sets it: a process that has more
    /// live words after a collection is killed with reason `:killed`.
    pub max_heap_words: usize,
    /// Reductions each process spawned by a host (an evaluation, a call)
    /// may run (0: no limit): past them it is killed, and its watcher is
    /// told [`Outcome::Budget`].
    pub max_reductions: u64,
    /// Messages a process's mailbox may hold (0: no limit): a message sent
    /// to a process holding that many already is dropped.
    pub max_mailbox: usize,
    /// Bytes all processes together may hold (0: no limit; heap.rs,
    /// `MemAccount`): a process whose growth takes the total past it is
    /// killed with reason `:killed`, its watcher told [`Outcome::Memory`].
    pub max_memory: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            schedulers: std::thread::available_parallelism().map_or(1, |n| n.get()),
            gc_always: false,
            jit: crate::jit::Mode::On,
            max_processes: MAX_SEGS * SEG_SIZE,
            max_heap_words: 0,
            max_reductions: 0,
            max_mailbox: 0,
            max_memory: 0,
        }
    }
}

/// How a process ended: the main process of a run, or one a host watches.
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
        /// How it ended: `Error`/`Throw`/`Exit` for a raise, `Exit` for an
        /// exit signal.
        class: crate::process::Class,
        /// What was raised (for `Error`, the exception as `rescue` sees
        /// it: `:badarg` becomes an `ArgumentError`), thrown, or exited
        /// with, or the reason of the exit signal.
        reason: Value,
    },
    /// It waits in `receive`, and no process can ever run again to send it anything.
    Deadlock,
    /// A process stopped the run (`System.halt/1`, `System.stop/1`) with this status.
    Halted { status: i32 },
    /// It ran past its reductions ([`Config::max_reductions`]) and was killed.
    Budget,
    /// Its growth took the VM's memory past [`Config::max_memory`]; it was killed.
    Memory,
}
