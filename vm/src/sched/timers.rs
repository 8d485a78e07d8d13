//! Timers: `send_after` and `start_timer` in one shared heap ordered by
//! deadline; receive timeouts in a heap of each scheduler's own
//! ([`Wakes`], no lock).

use crate::copy::Msg;
use crate::term::Term;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

pub(super) enum TimerEntry {
    /// `Process.send_after`.
    Send { to: Term, msg: Msg, deadline: u64 },
}

#[derive(Default)]
pub(super) struct Timers {
    /// (deadline in ns since start, id); ids of cancelled timers stay here until due.
    pub(super) due: BinaryHeap<Reverse<(u64, u64)>>,
    pub(super) entries: HashMap<u64, TimerEntry>,
}

/// The receive timeouts of the processes one scheduler parked: (deadline in
/// ns since start, slot index, wait epoch), earliest first. A process a
/// signal wakes first leaves its entry here (nothing shared is touched to
/// cancel it): the entry is stale once the slot no longer waits with that
/// epoch, and stale entries are dropped from the head as new ones come and
/// all at once before the scheduler sleeps.
#[derive(Default)]
pub(super) struct Wakes {
    pub(super) due: BinaryHeap<Reverse<(u64, u32, u32)>>,
}
