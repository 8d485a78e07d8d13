//! `BEAMLET_TIMINGS=1`: time spent per compilation phase, printed to
//! stderr when the program ends (`report`). Each thread keeps a stack of
//! the phases it is in; time is charged to the innermost one only, so the
//! phases add up (a macro run while expanding counts as `macro`, not as
//! `expand`). Times are the thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`),
//! so a loaded machine does not blur them. Off (one relaxed load per
//! `enter`) unless the variable is set.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::OnceLock;

/// A phase of compiling and running a program.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Phase {
    Parse,
    /// The expander's own work.
    Expand,
    /// Macros running on the VM (nested calls).
    Macro,
    /// Quoted code converted between the compiler's `Value`s and heap terms.
    Convert,
    /// Expanded code back to the AST, desugaring.
    Lower,
    /// Code generation.
    Codegen,
    /// Loading compiled units into the code table.
    Load,
    /// Native compilation of hot functions.
    Jit,
}

const PHASES: [(Phase, &str); 8] = [
    (Phase::Parse, "parse"),
    (Phase::Expand, "expand (expander's own work)"),
    (Phase::Macro, "expand: macros run on the VM"),
    (Phase::Convert, "expand: Value <-> term conversions"),
    (Phase::Lower, "lower + desugar"),
    (Phase::Codegen, "codegen"),
    (Phase::Load, "load"),
    (Phase::Jit, "jit"),
];

static TOTALS: [AtomicU64; 8] = [const { AtomicU64::new(0) }; 8];
static COUNTS: [AtomicU64; 8] = [const { AtomicU64::new(0) }; 8];
static ON: AtomicBool = AtomicBool::new(false);
static START: OnceLock<std::time::Instant> = OnceLock::new();

thread_local! {
    static STACK: RefCell<(Vec<Phase>, Option<u64>)> = const { RefCell::new((Vec::new(), None)) };
}

/// The calling thread's CPU time, in nanoseconds.
fn now() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call's duration.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// The process's CPU time (user + system, all threads), in nanoseconds.
fn process_cpu() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call's duration.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// Reads `BEAMLET_TIMINGS` once, at start.
pub fn init() {
    if std::env::var_os("BEAMLET_TIMINGS").is_some_and(|v| v != "0") {
        ON.store(true, Ordering::Relaxed);
        START.get_or_init(std::time::Instant::now);
    }
}

fn index(p: Phase) -> usize {
    PHASES.iter().position(|(q, _)| *q == p).unwrap_or(0)
}

/// Charges the time since the last switch to the innermost phase.
fn switch(stack: &mut (Vec<Phase>, Option<u64>), now: u64) {
    if let (Some(top), Some(since)) = (stack.0.last(), stack.1) {
        let ns = now.saturating_sub(since);
        TOTALS[index(*top)].fetch_add(ns, Ordering::Relaxed);
    }
    stack.1 = Some(now);
}

/// The current thread is in `p` until the guard drops.
pub struct Guard(bool);

/// Enters phase `p` (a no-op unless timings are on).
pub fn enter(p: Phase) -> Guard {
    if !ON.load(Ordering::Relaxed) {
        return Guard(false);
    }
    STACK.with(|s| {
        let mut s = s.borrow_mut();
        switch(&mut s, now());
        s.0.push(p);
        COUNTS[index(p)].fetch_add(1, Ordering::Relaxed);
    });
    Guard(true)
}

impl Drop for Guard {
    fn drop(&mut self) {
        if self.0 {
            STACK.with(|s| {
                let mut s = s.borrow_mut();
                switch(&mut s, now());
                s.0.pop();
            });
        }
    }
}

/// Prints the totals to stderr (when timings are on).
pub fn report() {
    if !ON.load(Ordering::Relaxed) {
        return;
    }
    let wall = START.get().map_or(0.0, |s| s.elapsed().as_secs_f64() * 1e3);
    let total = process_cpu() as f64 / 1e6;
    let mut out = String::from("beamlet timings (ms of CPU time, exclusive):\n");
    let mut phases = 0.0;
    for (i, (_, name)) in PHASES.iter().enumerate() {
        let ms = TOTALS[i].load(Ordering::Relaxed) as f64 / 1e6;
        phases += ms;
        let n = COUNTS[i].load(Ordering::Relaxed);
        out.push_str(&format!("  {name:<38} {ms:9.2}  ({n} entries)\n"));
    }
    out.push_str(&format!(
        "  {:<38} {:9.2}\n  {:<38} {:9.2}\n  {:<38} {:9.2}\n",
        "everything else (running code, start)",
        total - phases,
        "total CPU (all threads)",
        total,
        "wall",
        wall
    ));
    {
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), "{out}");
    }
}
