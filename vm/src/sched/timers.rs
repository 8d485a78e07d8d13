//! Timers: receive timeouts and `send_after`, in one heap ordered by deadline.

use crate::copy::Msg;
use crate::term::Term;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

pub(super) enum TimerEntry {
    /// End the receive that parked with this epoch.
    Wake { index: u32, epoch: u32 },
    /// `Process.send_after`.
    Send { to: Term, msg: Msg, deadline: u64 },
}

#[derive(Default)]
pub(super) struct Timers {
    /// (deadline in ns since start, id); ids of cancelled timers stay here until due.
    pub(super) due: BinaryHeap<Reverse<(u64, u64)>>,
    pub(super) entries: HashMap<u64, TimerEntry>,
}
