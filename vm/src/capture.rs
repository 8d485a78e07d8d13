//! Output capture (`:beamlet.capture_io/2`, `:beamlet.release_io/1`).
//! `ExUnit.CaptureIO` uses it for standard error only; its standard output
//! capture is a StringIO made the process's group leader
//! ([`crate::process::ProcState::group_leader`], which comes before `stdout`
//! below), so it shares StringIO's implementation of the IO protocol.
//!
//! - **Standard output** is per process, like Erlang's group leader: each
//!   process has a destination ([`crate::process::ProcState::stdout`]),
//!   `None` for the real output or a [`Capture`]. A spawned process starts
//!   with its parent's. Capturing gives the calling process a new capture
//!   whose `prev` is its destination before.
//! - **Standard error** is global: the runtime's [`Captures::stderr`] is
//!   the innermost capture, or `None`.
//! - A released capture keeps its place in the chain: a process still
//!   writing to it (it outlived the captured function) writes to the first
//!   capture before it that is still on, or to the real output.
//! - A capture also holds the input that reads from standard input
//!   (`IO.gets/1`, `IO.read/2`) take, for the processes writing to it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// One capture: a buffer, its input, and the destination it took over from.
pub struct Capture {
    state: Mutex<State>,
    /// Where output went before this capture (and goes after it is released).
    pub prev: Option<Arc<Capture>>,
}

struct State {
    out: Vec<u8>,
    input: Vec<u8>,
    /// Bytes of `input` read so far.
    pos: usize,
    released: bool,
}

impl Capture {
    pub fn new(input: &[u8], prev: Option<Arc<Capture>>) -> Arc<Capture> {
        Arc::new(Capture {
            state: Mutex::new(State {
                out: Vec::new(),
                input: input.to_vec(),
                pos: 0,
                released: false,
            }),
            prev,
        })
    }

    pub fn is_released(&self) -> bool {
        lock(&self.state).released
    }

    /// Ends the capture: returns what was written to it.
    pub fn release(&self) -> Vec<u8> {
        let mut s = lock(&self.state);
        s.released = true;
        std::mem::take(&mut s.out)
    }

    /// Appends `bytes` unless the capture was released; whether it took them.
    fn write(&self, bytes: &[u8]) -> bool {
        let mut s = lock(&self.state);
        if s.released {
            return false;
        }
        s.out.extend_from_slice(bytes);
        true
    }

    /// The next line of the input (with its `\n`), `None` at its end.
    pub fn read_line(&self) -> Option<Vec<u8>> {
        let mut s = lock(&self.state);
        if s.pos >= s.input.len() {
            return None;
        }
        let rest = &s.input[s.pos..];
        let n = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        let line = rest[..n].to_vec();
        s.pos += n;
        Some(line)
    }

    /// Up to `count` characters (UTF-8 sequences) of the input, `None` at its end.
    pub fn read_chars(&self, count: usize) -> Option<Vec<u8>> {
        let mut s = lock(&self.state);
        if s.pos >= s.input.len() {
            return None;
        }
        let rest = &s.input[s.pos..];
        let n = utf8_prefix_len(rest, count);
        let chars = rest[..n].to_vec();
        s.pos += n;
        Some(chars)
    }
}

/// Bytes taken by the first `count` characters of `bytes` (a byte that does
/// not start a valid UTF-8 sequence counts as one character).
pub fn utf8_prefix_len(bytes: &[u8], count: usize) -> usize {
    let mut i = 0;
    for _ in 0..count {
        if i >= bytes.len() {
            break;
        }
        let w = match bytes[i] {
            b if b < 0x80 => 1,
            b if b >> 5 == 0b110 => 2,
            b if b >> 4 == 0b1110 => 3,
            b if b >> 3 == 0b11110 => 4,
            _ => 1,
        };
        i = (i + w).min(bytes.len());
    }
    i
}

/// The capture that output sent to `dest` lands in: `dest` or the first
/// one before it still on; `None` for the real output.
pub fn live(dest: &Option<Arc<Capture>>) -> Option<Arc<Capture>> {
    let mut d = dest.clone();
    while let Some(c) = d {
        if !c.is_released() {
            return Some(c);
        }
        d = c.prev.clone();
    }
    None
}

/// Writes `bytes` to the first capture of the chain from `dest` that is
/// still on; `false` when none is (the bytes go to the real output).
pub fn write(dest: &Option<Arc<Capture>>, bytes: &[u8]) -> bool {
    let mut d = dest.as_ref();
    while let Some(c) = d {
        if c.write(bytes) {
            return true;
        }
        d = c.prev.as_ref();
    }
    false
}

/// The captures of a run: each by the number of the reference naming it,
/// and the innermost capture of standard error.
#[derive(Default)]
pub struct Captures {
    table: Mutex<HashMap<u64, (Arc<Capture>, bool)>>,
    stderr: Mutex<Option<Arc<Capture>>>,
}

impl Captures {
    /// Records `c` under `id`; `stderr`: it captures standard error.
    pub fn add(&self, id: u64, c: Arc<Capture>, stderr: bool) {
        if stderr {
            *lock(&self.stderr) = Some(c.clone());
        }
        lock(&self.table).insert(id, (c, stderr));
    }

    /// The innermost capture of standard error (still on or not).
    pub fn stderr(&self) -> Option<Arc<Capture>> {
        lock(&self.stderr).clone()
    }

    /// Ends capture `id`: its output, and whether it captured standard
    /// error; `None` if there is no such capture (or it was released).
    pub fn release(&self, id: u64) -> Option<(Arc<Capture>, Vec<u8>, bool)> {
        let (c, stderr) = lock(&self.table).remove(&id)?;
        let out = c.release();
        if stderr {
            let mut top = lock(&self.stderr);
            *top = live(&top.clone());
        }
        Some((c, out, stderr))
    }

    /// Writes to standard error's capture; `false` when none is on.
    pub fn write_err(&self, bytes: &[u8]) -> bool {
        let top = self.stderr();
        top.is_some() && write(&top, bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn released_capture_writes_to_the_one_before() {
        let outer = Capture::new(b"", None);
        let inner = Capture::new(b"", Some(outer.clone()));
        let dest = Some(inner.clone());
        assert!(write(&dest, b"a"));
        assert_eq!(inner.release(), b"a");
        assert!(write(&dest, b"b"));
        assert_eq!(outer.release(), b"b");
        assert!(!write(&dest, b"c"));
    }

    #[test]
    fn input_reads_lines_and_chars() {
        let c = Capture::new("ab\nçd".as_bytes(), None);
        assert_eq!(c.read_line().as_deref(), Some(&b"ab\n"[..]));
        assert_eq!(c.read_chars(1).as_deref(), Some("ç".as_bytes()));
        assert_eq!(c.read_line().as_deref(), Some(&b"d"[..]));
        assert_eq!(c.read_line(), None);
    }
}
