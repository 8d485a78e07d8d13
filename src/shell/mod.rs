//! The interactive shell (`beamlet`, `beamlet shell`): the terminal side.
//!
//! The shell itself runs in the VM, written in the language: `IEx.Server`
//! (stdlib/i_ex/server.ex) reads inputs, decides when one is complete and
//! hands it to the evaluator process that holds the session. This side only
//! drives the terminal, through the VM's [`ShellTerminal`] door
//! (`:beamlet_shell`): the server asks for a line and polls for what the user
//! did, so a scheduler never blocks on the keyboard.
//!
//! - `terminal.rs`: the line editor (rustyline) on its own thread, history,
//!   and output printed above the prompt while a line is being edited.
//! - `complete.rs`: Tab, answered by the server (`IEx.Autocomplete`).
//! - this file: the shared state, the [`Io`] the VM prints through, Ctrl-C
//!   during an evaluation (a signal then: the terminal is not in raw mode),
//!   and [`run`].

mod complete;
mod terminal;

use beamlet::{ShellEvent, ShellTerminal};
use std::collections::VecDeque;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex};

/// A completion: how many bytes before the cursor it replaces, the candidates.
type Completion = (usize, Vec<String>);

/// What the terminal thread, the signal thread and the VM share.
pub(crate) struct Shared {
    /// Events for the server's `:beamlet_shell.poll/0`, oldest first.
    events: Mutex<VecDeque<ShellEvent>>,
    /// The answer to a pending completion (`complete.rs` waits on it).
    completion: Mutex<Option<Sender<Completion>>>,
    /// A line is being edited (the terminal is in raw mode).
    reading: AtomicBool,
    /// The prompt and the line being edited, as last drawn.
    line: Mutex<Edited>,
    /// Standard input and output are a terminal.
    tty: bool,
}

/// What the editor shows: the prompt, the text typed, the cursor (a byte index).
#[derive(Default)]
pub(crate) struct Edited {
    prompt: String,
    text: String,
    cursor: usize,
}

impl Shared {
    fn push(&self, ev: ShellEvent) {
        lock(&self.events).push_back(ev);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The VM's output and the shell's terminal, as the VM sees them.
struct ShellIo {
    shared: Arc<Shared>,
    requests: Sender<String>,
    colors: bool,
}

impl ShellIo {
    /// Writes `bytes`; while a line is edited, above it: the line is erased,
    /// the output written (ending with a newline) and the prompt and line
    /// drawn again with the cursor where it was. (rustyline's own external
    /// printer makes the editor stall on pasted input: it waits on the
    /// terminal while keys sit in its buffer.)
    fn print(&mut self, bytes: &[u8], err: bool) {
        if self.shared.tty && self.shared.reading.load(Ordering::SeqCst) {
            let edited = lock(&self.shared.line);
            let mut o = std::io::stdout().lock();
            let mut text = String::from_utf8_lossy(bytes).into_owned();
            if !text.ends_with('\n') {
                text.push('\n');
            }
            let after = edited
                .text
                .get(edited.cursor..)
                .unwrap_or("")
                .chars()
                .count();
            let back = if after > 0 {
                format!("\x1b[{after}D")
            } else {
                String::new()
            };
            let _ = write!(o, "\r\x1b[K{text}{}{}{back}", edited.prompt, edited.text);
            let _ = o.flush();
            return;
        }
        if err {
            let _ = std::io::stdout().flush();
            let mut e = std::io::stderr().lock();
            let _ = e.write_all(bytes);
            let _ = e.flush();
        } else {
            let mut o = std::io::stdout().lock();
            let _ = o.write_all(bytes);
            let _ = o.flush();
        }
    }
}

impl beamlet::Io for ShellIo {
    fn out(&mut self, bytes: &[u8]) {
        self.print(bytes, false);
    }
    fn err(&mut self, bytes: &[u8]) {
        self.print(bytes, true);
    }
    fn shell(&mut self) -> Option<&mut dyn ShellTerminal> {
        Some(self)
    }
}

impl ShellTerminal for ShellIo {
    fn read_line(&mut self, prompt: &str) -> bool {
        self.shared.reading.store(true, Ordering::SeqCst);
        self.requests.send(prompt.to_owned()).is_ok()
    }
    fn poll(&mut self) -> Option<ShellEvent> {
        lock(&self.shared.events).pop_front()
    }
    fn completion(&mut self, start: usize, candidates: Vec<String>) {
        if let Some(tx) = lock(&self.shared.completion).take() {
            let _ = tx.send((start, candidates));
        }
    }
    fn colors(&self) -> bool {
        self.colors
    }
}

/// Ctrl-C while an input is evaluated: the terminal is in cooked mode then,
/// so it arrives as SIGINT; the server kills the evaluator on it.
fn watch_interrupts(shared: Arc<Shared>) {
    use signal_hook::consts::SIGINT;
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT]) else {
        return;
    };
    std::thread::spawn(move || {
        for _ in signals.forever() {
            if !shared.reading.load(Ordering::SeqCst) {
                shared.push(ShellEvent::Interrupt);
            }
        }
    });
}

/// Runs the shell on `vm` until Ctrl-D or `System.halt/0`.
pub fn run(vm: &mut beamlet::Vm) -> Result<(), beamlet::RunError> {
    let shared = Arc::new(Shared {
        events: Mutex::new(VecDeque::new()),
        completion: Mutex::new(None),
        reading: AtomicBool::new(false),
        line: Mutex::new(Edited::default()),
        tty: std::io::stdin().is_terminal() && std::io::stdout().is_terminal(),
    });
    let (requests, incoming): (Sender<String>, Receiver<String>) = std::sync::mpsc::channel();
    // After the editor is made: it installs a SIGINT handler of its own
    // (for the time it edits a line), which ours must not be replaced by.
    terminal::start(shared.clone(), incoming);
    watch_interrupts(shared.clone());
    let mut io = ShellIo {
        shared,
        requests,
        colors: std::io::stdout().is_terminal(),
    };
    vm.run_source_with("IEx.Server.start()", "iex", &[], &mut io)
        .map(|_| ())
}
