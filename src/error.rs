//! The errors of the embedding API: a compile error rendered, how a program
//! run ended badly (`RunError`), and how an evaluation or a call failed
//! (`Error`).

use beamlet_compiler::diagnostic::Diagnostic;
use beamlet_vm::value::Value;

/// A compile error, rendered as text (file:line:column, the line, a caret, a hint).
///
/// ```
/// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
/// let e = vm.eval("1 +").unwrap_err();
/// assert!(matches!(e, beamlet::Error::Compile(_)));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CompileError {
    /// The diagnostic: message, location, hint.
    pub diagnostic: Diagnostic,
    /// The diagnostic as `beamlet` prints it.
    pub rendered: String,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.rendered)
    }
}

impl std::error::Error for CompileError {}

/// How a program run ([`crate::Vm::run_source`]) ended, other than by returning.
///
/// ```
/// let mut vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
/// let mut io = beamlet::CaptureIo::default();
/// let r = vm.run_source_with("raise \"boom\"", "x.exs", &[], &mut io);
/// assert!(matches!(r, Err(beamlet::RunError::Raised { exit_status: 1, .. })));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum RunError {
    /// The program does not compile.
    Compile(CompileError),
    /// An uncaught exception: the `** (Error) message` banner and stack trace lines.
    Raised {
        banner: String,
        trace: Vec<String>,
        exit_status: i32,
    },
    /// The program waits in `receive` and no other process can ever send to it.
    Deadlock,
    /// The program stopped itself with a non-zero status (`System.halt/1`,
    /// `System.stop/1`, or an `at_exit` hook's `exit({:shutdown, n})`).
    Halted { exit_status: i32 },
}

/// How an evaluation, a load or a call on a running [`crate::Vm`] failed.
/// `Display` prints what `elixir` prints for it (the `** (...)` banner).
///
/// ```
/// let vm = beamlet::Vm::builder().schedulers(1).build().unwrap();
/// match vm.eval("raise ArgumentError, \"no\"") {
///     Err(beamlet::Error::Raised { banner, .. }) => {
///         assert_eq!(banner, "** (ArgumentError) no")
///     }
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The source does not compile.
    Compile(CompileError),
    /// An exception was raised (`raise`, a failed match, a bad argument...)
    /// and not rescued: Elixir's banner (`** (RuntimeError) boom`), the
    /// stack trace lines, and the exception (normalized, as `rescue` sees it).
    Raised {
        banner: String,
        trace: Vec<String>,
        exception: Value,
    },
    /// A value was thrown (`throw/1`) and not caught.
    Thrown { banner: String, value: Value },
    /// The evaluation exited (`exit/1`), or an exit signal killed it (a
    /// linked process crashed, `Process.exit/2`).
    Exit { banner: String, reason: Value },
    /// It ran past the wall-time limit ([`crate::Limits::timeout`]); it was killed.
    Timeout,
    /// It ran past its reductions ([`crate::Limits::reductions`]); it was
    /// killed (its links and monitors see `:killed`).
    Budget,
    /// Its growth took the VM's memory past [`crate::Limits::max_memory`];
    /// it was killed (its links and monitors see `:killed`).
    Memory,
    /// It waits in `receive` and no process can ever send it anything
    /// (it was killed).
    Deadlock,
    /// A process halted the VM (`System.halt/1`) with this status; the VM has stopped.
    Halted { status: i32 },
    /// The process table is full ([`crate::Limits::max_processes`]).
    SystemLimit,
    /// The VM has been shut down.
    Stopped,
    /// A bad argument from the host (a module name that is no atom...).
    BadArgument(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Compile(e) => f.write_str(e.rendered.trim_end()),
            Error::Raised { banner, .. } | Error::Thrown { banner, .. } => f.write_str(banner),
            Error::Exit { banner, .. } => f.write_str(banner),
            Error::Timeout => f.write_str("the evaluation ran out of time"),
            Error::Budget => f.write_str("the evaluation ran out of reductions"),
            Error::Memory => f.write_str("the evaluation took the VM past its memory limit"),
            Error::Deadlock => {
                f.write_str("the evaluation waits for a message no process can send")
            }
            Error::Halted { status } => write!(f, "the VM was halted with status {status}"),
            Error::SystemLimit => f.write_str("a system limit has been reached"),
            Error::Stopped => f.write_str("the VM has been shut down"),
            Error::BadArgument(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}
