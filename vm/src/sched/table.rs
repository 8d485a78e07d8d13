//! The process table: slots (a process's state and inbox under one lock),
//! handed out in segments and reused.

use super::{lock, FIRST_INDEX, MAX_SEGS, SEG_BITS, SEG_SIZE};

/// Slots below this index are all handed out once before a released one is
/// reused: the BEAM's 15-bit pid numbers (32,768), so pids grow with time as
/// long as they do there; the table takes at most 8 segments more for it.
const FRESH_FIRST: u32 = FIRST_INDEX + (1 << 15);
use crate::atom;
use crate::process::{Process, Signal};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// Where a slot's process is (see the state machine above).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(super) enum State {
    #[default]
    Free,
    Active,
    Waiting,
    Exiting,
    /// A pid of the host's (`Host`): no process; its inbox queues the
    /// messages sent to it for the host (`HostBox`).
    Host,
}

/// A slot's state and inbox, under one lock.
#[derive(Default)]
pub(super) struct Inbox {
    pub(super) state: State,
    /// Serial of the slot's current process (or the next one, once it exited).
    pub(super) serial: u32,
    /// Bumped each time the process parks.
    pub(super) epoch: u32,
    /// The process, while WAITING.
    pub(super) parked: Option<Box<Process>>,
    /// Woken by its receive timer rather than by a signal.
    pub(super) timed_out: bool,
    pub(super) q: VecDeque<Signal>,
}

#[derive(Default)]
pub(super) struct Slot {
    pub(super) inbox: Mutex<Inbox>,
    /// Length of the process's mailbox when it last stopped running.
    pub(super) queue_len: AtomicU32,
    /// Whether the process is registered under a name.
    pub(super) named: AtomicBool,
    /// Whether the process traps exits (mirrors `ProcState::trap_exit`).
    pub(super) trapping: AtomicBool,
    /// Whether a scheduler runs the process now (`Process.info(pid, :status)`).
    pub(super) running: AtomicBool,
    /// Whether someone waits for the process's end (`Runtime::watch`).
    pub(super) watched: AtomicBool,
}

impl Inbox {
    /// Whether an exit signal already queued will end the process: then it
    /// counts as gone for later requests (signals from one sender are handled
    /// in order, so `Process.exit(p, :kill)` then `Process.alive?(p)` is false).
    pub(super) fn doomed(&self, trapping: bool) -> bool {
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

pub(super) struct Table {
    pub(super) segs: Box<[OnceLock<Box<[Slot]>>]>,
    pub(super) next: AtomicU32,
    /// Released slots, reused oldest first once the fresh ones up to
    /// `FRESH_FIRST` are all handed out.
    pub(super) free: Mutex<VecDeque<u32>>,
    /// Slots handed out and not released, and the most there may be
    /// (`Config::max_processes`).
    pub(super) live: AtomicUsize,
    pub(super) limit: usize,
}

impl Table {
    pub(super) fn new(limit: usize) -> Table {
        Table {
            live: AtomicUsize::new(0),
            limit,
            segs: (0..MAX_SEGS).map(|_| OnceLock::new()).collect(),
            next: AtomicU32::new(FIRST_INDEX),
            free: Mutex::new(VecDeque::new()),
        }
    }

    #[inline]
    pub(super) fn slot(&self, index: u32) -> Option<&Slot> {
        let seg = self.segs.get((index >> SEG_BITS) as usize)?.get()?;
        seg.get(index as usize & (SEG_SIZE - 1))
    }

    /// A free slot, or `None` when the table is full.
    ///
    /// New slots come first, up to `FRESH_FIRST`, then released ones, oldest
    /// first: as on the BEAM, whose process table hands out every pid number
    /// once before it reuses any, a short program's pids grow in the order
    /// the processes were spawned, and terms ordered by pid (a map keyed by
    /// pids, `DynamicSupervisor.which_children/1`) come in that order.
    pub(super) fn alloc(&self) -> Option<u32> {
        if self.live.fetch_add(1, Ordering::Relaxed) >= self.limit {
            self.live.fetch_sub(1, Ordering::Relaxed);
            return None;
        }
        if self.next.load(Ordering::Relaxed) >= FRESH_FIRST {
            if let Some(i) = lock(&self.free).pop_front() {
                return Some(i);
            }
        }
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        let seg = (i >> SEG_BITS) as usize;
        if seg >= MAX_SEGS {
            self.next.fetch_sub(1, Ordering::Relaxed);
            if let Some(i) = lock(&self.free).pop_front() {
                return Some(i);
            }
            self.live.fetch_sub(1, Ordering::Relaxed);
            return None;
        }
        self.segs[seg].get_or_init(|| (0..SEG_SIZE).map(|_| Slot::default()).collect());
        Some(i)
    }

    pub(super) fn release(&self, index: u32) {
        lock(&self.free).push_back(index);
        self.live.fetch_sub(1, Ordering::Relaxed);
    }

    /// Every slot handed out so far.
    pub(super) fn indices(&self) -> std::ops::Range<u32> {
        FIRST_INDEX
            ..self
                .next
                .load(Ordering::Relaxed)
                .min((MAX_SEGS * SEG_SIZE) as u32)
    }
}
