//! A runtime a host keeps: started once, it lives until `Host::shutdown`
//! (or the `Host` is dropped). Its scheduler threads, process table, names,
//! timers and loaded code persist while any host thread spawns processes,
//! sends them messages, kills them and waits for their end.

use super::local::Local;
use super::runtime::{CodeRef, Runtime};
use super::table::State;
use super::{lock, Config, Outcome};
use crate::atom;
use crate::code::{CodeTable, FunId};
use crate::convert;
use crate::ctx::Io;
use crate::heap::Heap;
use crate::process::{Process, Signal};
use crate::term::Term;
use crate::value::Value;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// The host's handle on a runtime that lives until it is shut down.
///
/// `Send` and `Sync`: any thread may use it at once. Nothing here blocks
/// for long but [`Watch::wait`] and [`Host::shutdown`] (which waits for the
/// scheduler threads to stop: each stops at the end of its current time slice).
pub struct Host {
    rt: Arc<Runtime<'static>>,
    threads: Mutex<Vec<JoinHandle<()>>>,
    /// The host's own pid: the sender of the exit signals it sends.
    pid: Term,
}

/// Why a process could not be spawned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpawnError {
    /// The process table is full (`:system_limit` on the BEAM).
    SystemLimit,
    /// The runtime has stopped (shut down, or a script halted it).
    Stopped,
}

/// Why [`Watch::wait`] returned without an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitError {
    /// The time given passed first; the process goes on.
    Timeout,
    /// The runtime stopped (shut down) before the process ended.
    Stopped,
}

/// A wait for the end of one process ([`Host::watch`]). `Send`, not `Sync`.
pub struct Watch {
    rx: Receiver<Outcome>,
}

impl Watch {
    /// Blocks until the process ends (or `timeout` passes: `None` waits for
    /// ever). Its outcome: the value it returned, or how it failed;
    /// [`Outcome::Deadlock`] (for a watch from [`Host::spawn`] only) if
    /// every process waits and nothing can wake the watched one but the
    /// host; [`Outcome::Halted`] if a process halted the runtime (`System.halt/1`).
    pub fn wait(&self, timeout: Option<Duration>) -> Result<Outcome, WaitError> {
        match timeout {
            None => self.rx.recv().map_err(|_| WaitError::Stopped),
            Some(t) => self.rx.recv_timeout(t).map_err(|e| match e {
                RecvTimeoutError::Timeout => WaitError::Timeout,
                RecvTimeoutError::Disconnected => WaitError::Stopped,
            }),
        }
    }
}

impl Host {
    /// Starts a runtime on `cfg.schedulers` threads of its own, running
    /// `code`, printing to `io`.
    pub fn start(code: Arc<CodeTable>, io: Box<dyn Io + Send>, cfg: &Config) -> Host {
        let (rt, workers) = Runtime::new(CodeRef::Shared(code), io, cfg, false);
        let index = rt.table.alloc().expect("an empty table has room");
        let pid = rt.install_host(index);
        let rt = Arc::new(rt);
        let mut threads = Vec::new();
        for (i, w) in workers.into_iter().enumerate() {
            rt.schedulers.fetch_add(1, Ordering::SeqCst);
            let shared = rt.clone();
            let started = super::thread_builder(i).spawn(move || Local::new(&shared, w, i).run());
            match started {
                Ok(t) => threads.push(t),
                Err(e) => {
                    rt.schedulers.fetch_sub(1, Ordering::SeqCst);
                    let msg = format!("warning: cannot start scheduler thread {i}: {e}\n");
                    lock(&rt.io).err(msg.as_bytes());
                }
            }
        }
        if threads.is_empty() {
            // No thread at all: nothing would ever run.
            rt.stop();
        }
        Host {
            rt,
            threads: Mutex::new(threads),
            pid,
        }
    }

    /// The host's own pid, the sender of the exit signals [`Host::exit`] sends.
    pub fn pid(&self) -> Term {
        self.pid
    }

    /// The loaded code.
    pub fn code(&self) -> &CodeTable {
        &self.rt.code
    }

    /// Starts a process calling `entry` with `args`. With `watch`, also
    /// returns a [`Watch`] on its end, registered before it can end, which
    /// is told [`Outcome::Deadlock`] if the process waits when no process
    /// can run any more (an evaluation the host waits for).
    pub fn spawn(
        &self,
        entry: FunId,
        args: &[Value],
        watch: bool,
    ) -> Result<(Term, Option<Watch>), SpawnError> {
        let rt = &self.rt;
        if rt.halt.load(Ordering::Acquire) {
            return Err(SpawnError::Stopped);
        }
        let Some(index) = rt.table.alloc() else {
            return Err(SpawnError::SystemLimit);
        };
        let serial = rt.install(index);
        let pid = Term::pid(index, serial);
        let mut heap = rt.process_heap();
        let args: Vec<Term> = args
            .iter()
            .map(|a| convert::from_value(&mut heap, a))
            .collect();
        let f = rt.code.function(entry);
        let mut p = Box::new(Process::new(pid, heap, entry, f.nregs, &args));
        p.st.initial_call = (f.module, f.name, f.arity);
        if rt.max_reductions != 0 {
            p.st.budget = Some(Arc::new(AtomicU64::new(rt.max_reductions)));
        }
        // The watch and the queueing under the sleep lock: a scheduler
        // deciding that nothing can run (`Runtime::idle`) sees both or neither.
        let sleep = lock(&rt.sleep);
        let w = if watch {
            let (tx, rx) = channel();
            if !rt.watch(pid, tx, true) {
                // Stopped meanwhile: the process never runs.
                drop(sleep);
                drop(p);
                lock(&rt.table.slot(index).expect("allocated").inbox).state = State::Free;
                rt.table.release(index);
                return Err(SpawnError::Stopped);
            }
            Some(Watch { rx })
        } else {
            None
        };
        rt.injector.push(p);
        rt.wake.notify_one();
        drop(sleep);
        Ok((pid, w))
    }

    /// A wait for the end of `pid`; `None` if it is gone already. Not told
    /// of deadlocks: the host may still send to the process.
    pub fn watch(&self, pid: Term) -> Option<Watch> {
        let (tx, rx) = channel();
        self.rt.watch(pid, tx, false).then_some(Watch { rx })
    }

    /// Sends `msg` to `to`, a pid or a registered name (an atom), as `send/2`
    /// does: the message is built in a fragment the receiver adopts. `false`
    /// if no such process (a message to a dead pid is dropped, as on the BEAM).
    pub fn send(&self, to: Term, msg: &Value) -> bool {
        let Some(pid) = self.resolve(to) else {
            return false;
        };
        let m = self.message(msg);
        self.rt.deliver_external(pid, Signal::Message(m))
    }

    /// Sends the exit signal `reason` to `pid` from the host, as
    /// `Process.exit/2` does (`:kill` kills even a process trapping exits).
    pub fn exit(&self, pid: Term, reason: &Value) -> bool {
        let Some(pid) = self.resolve(pid) else {
            return false;
        };
        let reason = self.message(reason);
        let sig = Signal::Exit {
            from: self.pid,
            reason,
            link: false,
        };
        self.rt.deliver_external(pid, sig)
    }

    /// The pid registered as `name`.
    pub fn whereis(&self, name: &str) -> Option<Term> {
        lock(&self.rt.names).get(&atom::intern(name)).copied()
    }

    /// Whether `pid` is a live process.
    pub fn alive(&self, pid: Term) -> bool {
        self.rt.slot_of(pid).is_some_and(|(slot, serial)| {
            let ib = lock(&slot.inbox);
            ib.serial == serial && matches!(ib.state, State::Active | State::Waiting)
        })
    }

    /// Processes alive now.
    pub fn process_count(&self) -> usize {
        let t = &self.rt.table;
        t.indices()
            .filter(|&i| {
                t.slot(i)
                    .is_some_and(|s| matches!(lock(&s.inbox).state, State::Active | State::Waiting))
            })
            .count()
    }

    /// Whether the runtime still runs (not shut down, not halted by a script).
    pub fn is_running(&self) -> bool {
        !self.rt.halt.load(Ordering::Acquire)
    }

    /// How a script stopped the runtime (`System.halt/1`), if one did.
    pub fn halted(&self) -> Option<Outcome> {
        lock(&self.rt.outcome).clone()
    }

    /// Stops every process and joins the scheduler threads; then flushes the
    /// output. Waits for each thread's current time slice to end. Idempotent.
    pub fn shutdown(&self) {
        self.rt.stop();
        let threads = std::mem::take(&mut *lock(&self.threads));
        for t in threads {
            let _ = t.join();
        }
        lock(&self.rt.io).flush();
    }

    /// A mailbox of the host's own, with a pid processes can send to.
    pub fn mailbox(&self) -> Result<HostBox, SpawnError> {
        let rt = &self.rt;
        if rt.halt.load(Ordering::Acquire) {
            return Err(SpawnError::Stopped);
        }
        let Some(index) = rt.table.alloc() else {
            return Err(SpawnError::SystemLimit);
        };
        let cv = Arc::new(Condvar::new());
        lock(&rt.host_boxes).insert(index, cv.clone());
        let pid = rt.install_host(index);
        Ok(HostBox {
            rt: rt.clone(),
            pid,
            index,
            cv,
        })
    }

    /// A new reference (`make_ref/0`), unique in this runtime.
    pub fn make_ref(&self) -> Term {
        Term::reference(self.rt.next_ref.fetch_add(1, Ordering::Relaxed))
    }

    /// Monitors `pid` from the host mailbox `from` with reference `mref`:
    /// when `pid` ends, `{:DOWN, mref, :process, pid, reason}` arrives
    /// there. `false` if `pid` is gone already.
    pub fn monitor(&self, from: &HostBox, pid: Term, mref: Term) -> bool {
        self.rt.deliver_external(
            pid,
            Signal::Monitor {
                from: from.pid,
                mref,
                name: Term::NIL,
            },
        )
    }

    /// Removes the monitor `mref` from `pid`.
    pub fn demonitor(&self, pid: Term, mref: Term) {
        self.rt.deliver_external(pid, Signal::Demonitor { mref });
    }

    fn resolve(&self, to: Term) -> Option<Term> {
        if to.is_atom() {
            lock(&self.rt.names).get(&to).copied()
        } else {
            to.is_pid().then_some(to)
        }
    }

    /// `v` as a message: built on a scratch heap, copied into a fragment.
    fn message(&self, v: &Value) -> crate::copy::Msg {
        let mut heap = Heap::new();
        let t = convert::from_value(&mut heap, v);
        self.rt.code.copy_term(t)
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// A mailbox of the host's ([`Host::mailbox`]): a pid with no process, whose
/// messages the host takes. `Send` and `Sync`; [`HostBox::recv`] blocks.
/// Dropping it frees its pid: later messages to it are dropped.
pub struct HostBox {
    rt: Arc<Runtime<'static>>,
    pid: Term,
    index: u32,
    cv: Arc<Condvar>,
}

impl HostBox {
    /// Its pid.
    pub fn pid(&self) -> Term {
        self.pid
    }

    /// The oldest message, waiting for one at most `timeout` (`None`: for
    /// ever). `Err(Timeout)` if none came, `Err(Stopped)` once the runtime
    /// has stopped.
    pub fn recv(&self, timeout: Option<Duration>) -> Result<Value, WaitError> {
        let slot = self.rt.table.slot(self.index).expect("an allocated slot");
        let deadline = timeout.map(|t| std::time::Instant::now() + t);
        let mut ib = lock(&slot.inbox);
        loop {
            if let Some(Signal::Message(m)) = ib.q.pop_front() {
                drop(ib);
                let mut heap = Heap::new();
                let t = heap.adopt(m);
                return Ok(convert::to_value(&self.rt.code, t));
            }
            if self.rt.halt.load(Ordering::Acquire) {
                return Err(WaitError::Stopped);
            }
            ib = match deadline {
                None => self.cv.wait(ib).unwrap_or_else(|e| e.into_inner()),
                Some(d) => {
                    let left = d.saturating_duration_since(std::time::Instant::now());
                    if left.is_zero() {
                        return Err(WaitError::Timeout);
                    }
                    self.cv
                        .wait_timeout(ib, left)
                        .unwrap_or_else(|e| e.into_inner())
                        .0
                }
            };
        }
    }

    /// The oldest message, if one is there (never waits).
    pub fn try_recv(&self) -> Option<Value> {
        self.recv(Some(Duration::ZERO)).ok()
    }

    /// Messages waiting.
    pub fn len(&self) -> usize {
        let slot = self.rt.table.slot(self.index).expect("an allocated slot");
        lock(&slot.inbox).q.len()
    }

    /// Whether no message waits.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Drop for HostBox {
    fn drop(&mut self) {
        let slot = self.rt.table.slot(self.index).expect("an allocated slot");
        let left = {
            let mut ib = lock(&slot.inbox);
            ib.state = State::Free;
            ib.serial = ib.serial.wrapping_add(1);
            std::mem::take(&mut ib.q)
        };
        drop(left);
        lock(&self.rt.host_boxes).remove(&self.index);
        self.rt.table.release(self.index);
    }
}
