//! The host's mailbox: a pid scripts send to, and request-reply with a
//! process (`Vm::request`), so a Rust service is a peer in an actor system.

use crate::error::Error;
use crate::pid::Pid;
use beamlet_vm::sched::{HostBox, WaitError};
use beamlet_vm::value::Value;
use std::time::Duration;

/// A mailbox of the host's ([`crate::Vm::mailbox`]): it has a [`Pid`] that
/// processes send to with `send/2`, and the host takes the messages in the
/// order they came. It takes messages only: linking to its pid or
/// monitoring it acts as if it were gone (`:noproc`).
///
/// `Send` and `Sync`; [`Mailbox::recv`] and [`Mailbox::recv_timeout`] block
/// the calling thread. Dropping it frees its pid: later messages to it are
/// dropped, as messages to a process that ended.
///
/// ```
/// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
/// let mb = vm.mailbox().unwrap();
/// vm.call("Kernel", "send", vec![mb.pid().into(), beamlet::Value::atom("hello")]).unwrap();
/// assert_eq!(mb.recv_timeout(std::time::Duration::from_secs(5)).unwrap(), beamlet::Value::atom("hello"));
/// assert_eq!(mb.try_recv(), None);
/// ```
pub struct Mailbox {
    pub(crate) inner: HostBox,
}

impl Mailbox {
    /// Its pid, to give to processes (it converts into a [`Value`]).
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// let mb = vm.mailbox().unwrap();
    /// assert_eq!(vm.call("Kernel", "is_pid", vec![mb.pid().into()]).unwrap(), beamlet::Value::from(true));
    /// ```
    pub fn pid(&self) -> Pid {
        Pid::from_term(self.inner.pid())
    }

    /// The oldest message, waiting for it as long as it takes
    /// ([`Error::Stopped`] if the VM shuts down meanwhile).
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// let mb = vm.mailbox().unwrap();
    /// vm.call("Process", "send_after", vec![mb.pid().into(), 1.into(), 5.into()]).unwrap();
    /// assert_eq!(mb.recv().unwrap(), beamlet::Value::from(1));
    /// ```
    pub fn recv(&self) -> Result<Value, Error> {
        self.inner.recv(None).map_err(wait_error)
    }

    /// The oldest message, waiting at most `timeout` ([`Error::Timeout`]).
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// let mb = vm.mailbox().unwrap();
    /// assert_eq!(mb.recv_timeout(std::time::Duration::from_millis(5)), Err(beamlet::Error::Timeout));
    /// ```
    pub fn recv_timeout(&self, timeout: Duration) -> Result<Value, Error> {
        self.inner.recv(Some(timeout)).map_err(wait_error)
    }

    /// The oldest message if one is there; never waits.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// let mb = vm.mailbox().unwrap();
    /// assert!(mb.try_recv().is_none());
    /// ```
    pub fn try_recv(&self) -> Option<Value> {
        self.inner.try_recv()
    }

    /// Messages waiting.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// let mb = vm.mailbox().unwrap();
    /// assert_eq!(mb.len(), 0);
    /// assert!(mb.is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.inner.len()
    }

    /// Whether no message waits.
    ///
    /// ```
    /// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
    /// assert!(vm.mailbox().unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }
}

fn wait_error(e: WaitError) -> Error {
    match e {
        WaitError::Timeout => Error::Timeout,
        WaitError::Stopped => Error::Stopped,
    }
}
