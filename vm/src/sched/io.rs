//! The output all schedulers share.

use super::lock;
use crate::capture::Captures;
use crate::ctx::Io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// Output shared by all schedulers: each write takes the lock. Standard
/// error goes to its capture when one is on (capture.rs); nothing is
/// written once the run has ended (a process of a halted program prints no
/// more, as the BEAM stops at once).
pub(super) struct SharedIo<'a, 'b> {
    pub(super) io: &'a Mutex<Box<dyn Io + Send + 'b>>,
    pub(super) captures: &'a Captures,
    pub(super) halt: &'a AtomicBool,
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
    fn shell(&mut self) -> Option<&mut dyn crate::ctx::ShellTerminal> {
        Some(self)
    }
}

/// The shell's terminal behind the shared lock (each call takes it).
impl crate::ctx::ShellTerminal for SharedIo<'_, '_> {
    fn read_line(&mut self, prompt: &str) -> bool {
        match lock(self.io).shell() {
            Some(t) => t.read_line(prompt),
            None => false,
        }
    }
    fn poll(&mut self) -> Option<crate::ctx::ShellEvent> {
        lock(self.io).shell()?.poll()
    }
    fn completion(&mut self, start: usize, candidates: Vec<String>) {
        if let Some(t) = lock(self.io).shell() {
            t.completion(start, candidates);
        }
    }
    fn colors(&self) -> bool {
        lock(self.io).shell().is_some_and(|t| t.colors())
    }
}
