//! Running built-in functions outside any scheduler: a throwaway process
//! and a [`Sched`] that has no other processes.
//!
//! An embedder uses it to compile and load code before a program runs
//! (`beamlet::Vm` loads the module-definition driver this way): the code
//! may run nested calls (macros), but it cannot start processes, and what
//! it sends goes nowhere.

use crate::atom;
use crate::capture::Captures;
use crate::code::{CodeTable, FunId};
use crate::ctx::{Ctx, Io, Sched};
use crate::heap::Heap;
use crate::process::{Exn, ProcState, Process, Signal};
use crate::term::Term;

/// A scheduler with no processes besides the caller.
pub struct Detached;

impl Sched for Detached {
    fn spawn(
        &self,
        _st: &mut ProcState,
        _fun: Result<FunId, Exn>,
        _args: &[Term],
        _link: bool,
        _monitor: bool,
    ) -> Result<(Term, Option<Term>), Exn> {
        Err(Exn::error(atom::SYSTEM_LIMIT))
    }
    fn send(&self, st: &mut ProcState, to: Term, msg: Term) -> Result<(), Exn> {
        if to == st.pid {
            st.mailbox.push_back(msg);
        }
        Ok(())
    }
    fn signal(&self, _to: Term, _sig: Signal) -> bool {
        false
    }
    fn drain(&self, _st: &mut ProcState) -> Result<bool, (Term, Term)> {
        Ok(false)
    }
    fn make_ref(&self) -> Term {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(1 << 40);
        Term::reference(NEXT.fetch_add(1, Ordering::Relaxed))
    }
    fn whereis(&self, _name: Term) -> Option<Term> {
        None
    }
    fn register(&self, _name: Term, _pid: Term) -> bool {
        false
    }
    fn unregister(&self, _name: Term) -> bool {
        false
    }
    fn alive(&self, _pid: Term) -> bool {
        false
    }
    fn processes(&self) -> Vec<Term> {
        Vec::new()
    }
    fn queue_len(&self, _st: &ProcState, _pid: Term) -> Option<usize> {
        None
    }
    fn send_after(&self, _to: Term, _msg: Term, _ms: u64) -> Term {
        self.make_ref()
    }
    fn cancel_timer(&self, _tref: Term) -> Option<u64> {
        None
    }
    fn read_timer(&self, _tref: Term) -> Option<u64> {
        None
    }
    fn start_timer(&self, _st: &mut ProcState, _to: Term, _msg: Term, _ms: u64) -> Term {
        self.make_ref()
    }
    fn registered(&self) -> Vec<Term> {
        Vec::new()
    }
    fn set_trap_exit(&self, st: &mut ProcState, on: bool) {
        st.trap_exit = on;
    }
    fn halt(&self, _status: i32) {}
    fn schedulers(&self) -> usize {
        1
    }
    fn captures(&self) -> &Captures {
        static CAPTURES: std::sync::OnceLock<Captures> = std::sync::OnceLock::new();
        CAPTURES.get_or_init(Captures::default)
    }
    fn name_of(&self, _pid: Term) -> Option<Term> {
        None
    }
    fn status_of(&self, _pid: Term) -> Option<Term> {
        None
    }
}

/// Runs `f` with a context of its own: a fresh process (pid `<0.0.0>`) on
/// `code`, writing to `io`.
pub fn with_ctx<R>(code: &CodeTable, io: &mut dyn Io, f: impl FnOnce(&mut Ctx) -> R) -> R {
    let mut p = Process::new(Term::pid(0, 0), Heap::new(), 0, 1, &[]);
    let mut ctx = Ctx {
        st: &mut p.st,
        code,
        io,
        rt: &Detached,
    };
    f(&mut ctx)
}
