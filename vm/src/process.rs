//! A process: its heap, register stack, call frames, exception handlers and
//! mailbox. The interpreter (`interp.rs`) runs it; the scheduler moves it
//! between threads. Nothing in here is shared with another process.

use crate::capture::Capture;
use crate::code::{CodeTable, FunId, Reg};
use crate::copy::Msg;
use crate::heap::Heap;
use crate::term::Term;
use std::collections::VecDeque;
use std::sync::Arc;

/// A suspended caller: where to continue when the callee returns.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub fun: FunId,
    /// Instruction to continue at.
    pub pc: u32,
    /// First register of the caller's window.
    pub base: u32,
    /// Caller's register that receives the result.
    pub dst: Reg,
}

/// An active `try`: where a raise inside it lands.
#[derive(Clone, Copy, Debug)]
pub struct Handler {
    /// `frames.len()` when the `try` began.
    pub depth: u32,
    pub fun: FunId,
    pub base: u32,
    pub pc: u32,
    pub kind: Reg,
}

/// The class of an exception, as in Erlang.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Error,
    Throw,
    Exit,
}

/// One entry of a stack trace: module, function, arity, source file (an
/// atom, `[]` if unknown) and line (0 if unknown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TraceEntry {
    pub module: Term,
    pub name: Term,
    pub arity: u32,
    pub file: Term,
    pub line: u32,
    /// The arguments (a list on the process's heap) when known instead of
    /// the arity: a built-in function that raised records them, as the BEAM does.
    pub args: Option<Term>,
}

impl TraceEntry {
    /// The last entry of a trace that is already complete (`reraise`,
    /// `:erlang.raise/3` give the trace to raise with): unwinding removes
    /// it and adds no frames of its own.
    pub const COMPLETE: TraceEntry = TraceEntry {
        module: Term::NIL,
        name: Term::NIL,
        arity: u32::MAX,
        file: Term::NIL,
        line: 0,
        args: None,
    };
}

/// A raised exception on its way to a handler.
#[derive(Clone, Debug)]
pub struct Exn {
    pub class: Class,
    pub reason: Term,
    /// Innermost call first. For `undef`, the first entry is the missing function.
    pub trace: Vec<TraceEntry>,
    /// What the top entry of the stack trace says in its `error_info`.
    pub info: Option<ErrorInfo>,
}

/// The `error_info` a raise puts in the location of its stack trace's top
/// entry (`interp::trace_term` writes it, `exception::error_info_of` reads
/// it back when a trace is raised again).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorInfo {
    /// Extra detail a BIF gives about a `badarg` or `system_limit`:
    /// `%{module: :erl_erts_errors, message: m}`, the message `ArgumentError`
    /// shows.
    Message(String),
    /// `%{module: Exception}`: what Elixir 1.14's `raise` passes to
    /// `:erlang.error/3`, so a raised exception's trace shows it.
    Exception,
    /// A BIF's `%{module: :erl_erts_errors}` read back from a trace term
    /// (raised again): its message, if any, is the process's `bif_message`.
    Bif,
}

impl Exn {
    /// The BIF's explanation its `error_info` carries, if any.
    pub fn info_message(&self) -> Option<&str> {
        match &self.info {
            Some(ErrorInfo::Message(m)) => Some(m),
            _ => None,
        }
    }

    pub fn error(reason: Term) -> Exn {
        Exn {
            class: Class::Error,
            reason,
            trace: Vec::new(),
            info: None,
        }
    }

    /// `badarg` with Erlang's per-argument explanation, e.g. `(1, "not a list")`.
    pub fn badarg_at(position: usize, what: &str) -> Exn {
        Exn::badarg_lines(&[(position, what)])
    }

    /// `badarg` explained argument by argument (Erlang's error_info), e.g.
    /// `[(1, "not a binary"), (2, "not an integer")]`; with no lines, the
    /// plain `badarg` ("argument error").
    pub fn badarg_lines(lines: &[(usize, &str)]) -> Exn {
        let mut info = None;
        if !lines.is_empty() {
            let mut text = String::from("errors were found at the given arguments:\n\n");
            for (position, what) in lines {
                let ordinal = match position {
                    1 => "1st".to_string(),
                    2 => "2nd".to_string(),
                    3 => "3rd".to_string(),
                    n => format!("{n}th"),
                };
                text.push_str(&format!("  * {ordinal} argument: {what}\n"));
            }
            info = Some(ErrorInfo::Message(text));
        }
        Exn {
            class: Class::Error,
            reason: crate::atom::BADARG,
            trace: Vec::new(),
            info,
        }
    }
}

/// What a process's state is between time slices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Ready to run at `pc` of the current function.
    Runnable,
    /// In `receive` with nothing matching: wait for a message (resume at `pc`)
    /// or, when `timeout_pc` is set, until the timeout (resume there).
    Waiting,
    Done,
}

/// What one process sends another, in the order sent (see sched/).
pub enum Signal {
    Message(Msg),
    /// A message sent through the alias `id` (an alias reference names
    /// its owner's slot, `alias_ref`): the receiver keeps it only while it
    /// has the alias active, so no shared table is looked up.
    Alias {
        id: u64,
        msg: Msg,
    },
    /// The `{:DOWN, mref, ...}` message of a monitor the receiver set: kept
    /// only while the receiver still has the monitor (and then removes it),
    /// so none arrives after a `demonitor`, however the two crossed, as on
    /// the BEAM.
    Down {
        mref: Term,
        msg: Msg,
    },
    /// An exit signal: `from` exited (`link`: through a link) or called
    /// `Process.exit(pid, reason)`.
    Exit {
        from: Term,
        reason: Msg,
        link: bool,
    },
    Link {
        from: Term,
    },
    Unlink {
        from: Term,
    },
    /// `from` monitors the receiver under `mref`; by its registered
    /// `name` (an atom, else `[]`): the `:DOWN` message names it as
    /// `{name, node}`, as on the BEAM.
    Monitor {
        from: Term,
        mref: Term,
        name: Term,
    },
    Demonitor {
        mref: Term,
    },
    /// `Process.info/2` of the receiver, asked by another process.
    Info(InfoRequest),
    /// `Process.group_leader(gl, pid)` from another process.
    GroupLeader {
        gl: Term,
    },
}

/// An alias reference has this bit set, its owner's slot index in bits
/// 33..55 and the low 33 bits of a fresh reference number below: a message
/// sent through it goes straight to that slot (`Signal::Alias`), whose
/// process keeps it only if the alias is one of its active ones. (Plain
/// references count up from 1 and never reach this bit.)
const ALIAS_BIT: u64 = 1 << 55;
const ALIAS_LOW: u64 = (1 << 33) - 1;

/// A reference, unique as `n` (a fresh reference number) is, that is an
/// alias of the process in slot `index`.
pub fn alias_ref(index: u32, n: u64) -> Term {
    Term::reference(ALIAS_BIT | (u64::from(index) << 33) | (n & ALIAS_LOW))
}

/// The slot index an alias reference names; `None` for a plain reference.
pub fn alias_index(r: Term) -> Option<u32> {
    let v = r.ref_value()?;
    (v & ALIAS_BIT != 0).then_some(((v & !ALIAS_BIT) >> 33) as u32)
}

/// The parts of a process that built-in functions may touch.
pub struct ProcState {
    pub heap: Heap,
    pub pid: Term,
    /// Messages, oldest first; all live in `heap`.
    pub mailbox: VecDeque<Term>,
    /// Index of the next message `receive` looks at.
    pub recv_scan: usize,
    /// The receive marker (`Op::RecvBind`): the reference made last after a
    /// mark, and the mailbox index before which no message can hold it.
    pub recv_mark: Option<(Term, usize)>,
    /// Bumped whenever a message leaves the mailbox or one is put back at
    /// its head, so a mark taken before such a change is never bound.
    pub mailbox_edits: u32,
    /// Command-line arguments (`System.argv/0`), shared with the processes
    /// it spawns; `System.argv/1` replaces them.
    pub argv: Arc<[String]>,
    /// Linked processes.
    pub links: Vec<Term>,
    /// Processes this one monitors: (reference, pid).
    pub monitors: Vec<(Term, Term)>,
    /// Processes monitoring this one: (reference, pid); a monitor made by
    /// registered name has a second entry, (reference, name), that gives
    /// its `:DOWN` message `{name, node}` instead of the pid.
    pub monitored_by: Vec<(Term, Term)>,
    /// `Process.flag(:trap_exit, true)`: exit signals become `{:EXIT, pid, reason}` messages.
    pub trap_exit: bool,
    /// Set by a built-in function that signalled this very process: the
    /// interpreter stops after it, so the signal takes effect at once.
    pub yield_now: bool,
    /// Set when this process starts another: its next write to standard
    /// output or error yields (bif/io.rs `emit`), so the new process has run
    /// once before the writer goes on, as it would on the BEAM while the
    /// writer waits on its group leader's reply.
    pub spawned: bool,
    /// Signals taken from the inbox and not handled yet (kept to reuse its buffer).
    pub pending: VecDeque<Signal>,
    /// The temporary process of a nested call (nested.rs): it takes in no
    /// signals; they wait in the inbox for the caller, whose pid it shares.
    pub nested: bool,
    /// The process dictionary (`Process.put/2`): keys and values, alternating,
    /// oldest first; all live in `heap` (collection roots).
    pub dict: Vec<Term>,
    /// Where standard output goes: `None` for the real output, or a capture
    /// (capture.rs). A spawned process starts with its parent's.
    pub stdout: Option<Arc<Capture>>,
    /// The group leader (`Process.group_leader/2`): `None` for the standard
    /// devices, or a pid that standard output and input go to through the
    /// IO protocol (a StringIO, as `ExUnit.CaptureIO` sets). Before `stdout`.
    /// A spawned process starts with its parent's.
    pub group_leader: Option<Term>,
    /// `Process.info/2` requests from other processes, answered by the
    /// scheduler when it holds the whole process (sched/).
    pub info_requests: Vec<InfoRequest>,
    /// `Process.flag(:priority, p)`: `:low`, `:normal`, `:high` or `:max`
    /// (recorded and reported; every process gets the same share of time).
    pub priority: Term,
    /// Its active aliases (`:erlang.alias/0`, a monitor's `alias:`
    /// option): (reference id, deactivated by the first message through it).
    pub aliases: Vec<(u64, bool)>,
    /// `Process.info(pid, :initial_call)`: module, name and arity of the
    /// function the process started with (`:erlang.apply/2` for a fun).
    pub initial_call: (Term, Term, u32),
    /// Reductions left to the host's evaluation that started this process
    /// (`None`: no limit; `Config::max_reductions`), shared with every
    /// process it spawned and they spawn, so work moved to another process
    /// still counts. Taken from at the end of each slice.
    pub budget: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
    /// The explanation of the last BIF error this process caught (module,
    /// function, arity, message): a trace term carries only
    /// `error_info: %{module: :erl_erts_errors}`, as on the BEAM, and
    /// `Exception.normalize` finds the message here (bif/exception.rs).
    /// Boxed: a pointer's room in every process, not 48 bytes.
    pub bif_message: Option<Box<(Term, Term, usize, String)>>,
}

/// Another process asks for `items` of this one's `Process.info`: the
/// answer goes to `from` as the message `{tag, answer}`.
#[derive(Clone, Debug)]
pub struct InfoRequest {
    pub from: Term,
    pub tag: Term,
    pub items: Vec<InfoItem>,
    /// Asked with a list of items: the answer is a list.
    pub list: bool,
    /// `:running`, `:runnable` or `:waiting` when it was asked.
    pub status: Term,
}

/// The items `Process.info/2` knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InfoItem {
    CurrentFunction,
    CurrentStacktrace,
    Status,
    MessageQueueLen,
    Messages,
    Links,
    Monitors,
    MonitoredBy,
    TrapExit,
    RegisteredName,
    Dictionary,
    HeapSize,
    TotalHeapSize,
    StackSize,
    Priority,
    ErrorHandler,
    Suspending,
    GroupLeader,
    Reductions,
    Memory,
    Backtrace,
    InitialCall,
    GarbageCollection,
}

impl InfoItem {
    pub const ALL: &'static [(&'static str, InfoItem)] = &[
        ("current_function", InfoItem::CurrentFunction),
        ("current_stacktrace", InfoItem::CurrentStacktrace),
        ("status", InfoItem::Status),
        ("message_queue_len", InfoItem::MessageQueueLen),
        ("messages", InfoItem::Messages),
        ("links", InfoItem::Links),
        ("monitors", InfoItem::Monitors),
        ("monitored_by", InfoItem::MonitoredBy),
        ("trap_exit", InfoItem::TrapExit),
        ("registered_name", InfoItem::RegisteredName),
        ("dictionary", InfoItem::Dictionary),
        ("heap_size", InfoItem::HeapSize),
        ("total_heap_size", InfoItem::TotalHeapSize),
        ("stack_size", InfoItem::StackSize),
        ("priority", InfoItem::Priority),
        ("error_handler", InfoItem::ErrorHandler),
        ("suspending", InfoItem::Suspending),
        ("group_leader", InfoItem::GroupLeader),
        ("reductions", InfoItem::Reductions),
        ("memory", InfoItem::Memory),
        ("backtrace", InfoItem::Backtrace),
        ("initial_call", InfoItem::InitialCall),
        ("garbage_collection", InfoItem::GarbageCollection),
    ];

    pub fn from_name(name: &str) -> Option<InfoItem> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, i)| *i)
    }

    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, i)| *i == self)
            .map_or("", |(n, _)| n)
    }
}

/// Registers a collection leaves the register stack at, at least.
const MIN_REGS: usize = 1024;

pub struct Process {
    /// The register stack. Every register holds a valid term: one written
    /// since the last collection, one that collection kept up to date (the
    /// live windows), or `[]` (a collection clears everything above the live
    /// windows). So a call need not clear its new window, and a register read
    /// before it is written (never by compiled code) is at worst stale.
    pub regs: Vec<Term>,
    pub frames: Vec<Frame>,
    pub handlers: Vec<Handler>,
    /// Current function, next instruction, window base.
    pub fun: FunId,
    pub pc: u32,
    pub base: u32,
    pub status: Status,
    /// For `Waiting` with a timeout: where to continue when it expires.
    pub timeout_pc: Option<u32>,
    /// When the current `receive ... after` gives up: set when it first waits,
    /// so a signal that wakes the process without a matching message does not
    /// restart the timeout.
    pub wait_deadline: Option<std::time::Instant>,
    /// A process spawned to call a function that does not exist fails with
    /// this at its first slice, as on the BEAM.
    pub start_error: Option<Box<Exn>>,
    pub st: ProcState,
}

impl ProcState {
    /// Whether a message through the alias `id` reaches this process: the
    /// alias is active (and then deactivated if it was for one message).
    #[inline]
    pub fn take_alias(&mut self, id: u64) -> bool {
        match self.aliases.iter().position(|a| a.0 == id) {
            Some(i) => {
                if self.aliases[i].1 {
                    self.aliases.swap_remove(i);
                }
                true
            }
            None => false,
        }
    }
}

impl Process {
    /// A process about to call `fun` with `args` (which must already live in `heap`).
    pub fn new(pid: Term, heap: Heap, fun: FunId, nregs: u32, args: &[Term]) -> Process {
        let mut regs = vec![Term::NIL; nregs.max(args.len() as u32) as usize];
        regs[..args.len()].copy_from_slice(args);
        Process {
            regs,
            frames: Vec::new(),
            handlers: Vec::new(),
            fun,
            pc: 0,
            base: 0,
            status: Status::Runnable,
            timeout_pc: None,
            wait_deadline: None,
            start_error: None,
            st: ProcState {
                heap,
                pid,
                mailbox: VecDeque::new(),
                recv_scan: 0,
                recv_mark: None,
                mailbox_edits: 0,
                argv: Arc::from(Vec::new()),
                links: Vec::new(),
                monitors: Vec::new(),
                monitored_by: Vec::new(),
                trap_exit: false,
                yield_now: false,
                spawned: false,
                pending: VecDeque::new(),
                nested: false,
                dict: Vec::new(),
                stdout: None,
                group_leader: None,
                info_requests: Vec::new(),
                priority: crate::atom::intern("normal"),
                aliases: Vec::new(),
                initial_call: (Term::NIL, Term::NIL, 0),
                budget: None,
                bif_message: None,
            },
        }
    }

    /// Collects the heap, with every register of every active window, and the
    /// mailbox, as roots. `top` is one past the last live register. Registers
    /// above it are cleared (they may point into the old heap): a call then
    /// need not clear its new window. With `shrink` (the code, to size the
    /// callers' windows), a register stack that a deep recursion left much
    /// longer than the live windows is cut back, so clearing costs no more
    /// than scanning the roots; never below the end of any caller's window,
    /// which may reach past `top` (its registers above the call's arguments
    /// are dead now, but it writes them again once the call returns).
    pub fn collect(&mut self, top: usize, extra: &mut [Term], shrink: Option<&CodeTable>) {
        let top = top.min(self.regs.len());
        let (a, b) = self.st.mailbox.as_mut_slices();
        self.st
            .heap
            .collect(&mut [&mut self.regs[..top], a, b, &mut self.st.dict, extra]);
        // A collection costs the roots as well as the live data: with a deep
        // stack, allocate at least as much as it holds before the next one.
        let max = self.st.heap.max.words;
        if max != 0 && self.st.heap.live_after_gc + top > max {
            // Over `max_heap_size` (live data and stack, as the BEAM counts).
            self.st.heap.over_max = true;
        }
        let roots = top + self.st.mailbox.len() + self.st.dict.len();
        self.st.heap.at_least_before_gc(roots);
        let keep = (2 * top).max(MIN_REGS);
        if let Some(code) = shrink.filter(|_| self.regs.len() > 2 * keep) {
            let windows = self
                .frames
                .iter()
                .map(|f| f.base as usize + code.function(f.fun).nregs as usize)
                .max()
                .unwrap_or(0);
            self.regs.truncate(keep.max(windows));
        }
        self.regs[top..].fill(Term::NIL);
        if self.st.heap.account.is_some() {
            self.st.heap.set_stack_words(self.stack_words());
        }
    }

    /// Words the register stack and the frames take (for the VM's memory
    /// account, heap.rs invariant 6).
    pub fn stack_words(&self) -> usize {
        self.regs.len() + self.frames.len() * std::mem::size_of::<Frame>() / 8
    }
}
