//! The interface between the scheduler and what runs on it: what a built-in
//! function may touch (`Ctx`), where output goes (`Io`), and the scheduler's
//! services to built-ins (`Sched`). A leaf: it imports none of the
//! interpreter, the built-ins or the scheduler, which all import it.

use crate::capture::Captures;
use crate::code::{CodeTable, FunId};
use crate::process::{Exn, ProcState, Signal};
use crate::term::Term;

/// Reductions per time slice, as on the BEAM.
pub const DEFAULT_BUDGET: i64 = 4000;

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

/// Where a process's output goes.
pub trait Io {
    fn out(&mut self, bytes: &[u8]);
    fn err(&mut self, bytes: &[u8]);
    fn flush(&mut self) {}
    /// The interactive shell's terminal (the CLI's line editor), when this
    /// output has one: see [`ShellTerminal`]. Scripts have none.
    fn shell(&mut self) -> Option<&mut dyn ShellTerminal> {
        None
    }
}

/// What the shell's terminal tells the shell server (`:beamlet_shell.poll/0`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShellEvent {
    /// A line typed (without its newline).
    Line(String),
    /// Ctrl-D on an empty line, or the end of standard input.
    Eof,
    /// Ctrl-C: at the prompt, or while an input is evaluated.
    Interrupt,
    /// Tab: the text before the cursor, to complete (answered by
    /// [`ShellTerminal::completion`]).
    Complete(String),
}

/// The terminal side of the interactive shell, which the shell server
/// (`IEx.Server`, in the language) drives: it never blocks a scheduler;
/// the server asks for a line, then polls for what the user did.
pub trait ShellTerminal {
    /// Starts reading a line after `prompt`; `false` when there is no
    /// terminal after all (a script's output seen through a shared lock).
    fn read_line(&mut self, prompt: &str) -> bool;
    /// What happened since the last poll, if anything.
    fn poll(&mut self) -> Option<ShellEvent>;
    /// The answer to the last [`ShellEvent::Complete`]: the text the
    /// completion replaces starts `start` bytes back from the cursor;
    /// `candidates` are the replacements.
    fn completion(&mut self, start: usize, candidates: Vec<String>);
    /// Whether output goes to a terminal (results print in color then).
    fn colors(&self) -> bool;
}

/// A borrowed sink is a sink (`run_main` takes one for the run).
impl<T: Io + ?Sized> Io for &mut T {
    fn out(&mut self, bytes: &[u8]) {
        (**self).out(bytes)
    }
    fn err(&mut self, bytes: &[u8]) {
        (**self).err(bytes)
    }
    fn flush(&mut self) {
        (**self).flush()
    }
    fn shell(&mut self) -> Option<&mut dyn ShellTerminal> {
        (**self).shell()
    }
}

/// What a BIF may touch.
pub struct Ctx<'a> {
    pub st: &'a mut ProcState,
    pub code: &'a CodeTable,
    pub io: &'a mut dyn Io,
    /// The scheduler, for spawning and signalling other processes.
    pub rt: &'a dyn Sched,
}
