//! OS signals a program handles (`:os.set_signal/2`, under `System.trap_signal/3`).
//!
//! As on the BEAM, a signal set to `:handle` is not acted on where it lands:
//! its handler only marks it pending (an atomic OR, all a signal handler may
//! safely do), and a scheduler, between time slices or while idle, sends it
//! as a message (the signal's name, `:sigusr1`) to the process registered as
//! `:erl_signal_server` (`stdlib/erl_signal_server.ex`), which runs the
//! functions trapped for it. The state is the OS process's, as signal
//! dispositions are: with several VMs in one OS process, the first scheduler
//! to look takes a pending signal.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Signals the BEAM lets `os:set_signal/2` name, with their numbers.
pub const SIGNALS: [(&str, libc::c_int); 10] = [
    ("sighup", libc::SIGHUP),
    ("sigquit", libc::SIGQUIT),
    ("sigabrt", libc::SIGABRT),
    ("sigalrm", libc::SIGALRM),
    ("sigterm", libc::SIGTERM),
    ("sigusr1", libc::SIGUSR1),
    ("sigusr2", libc::SIGUSR2),
    ("sigchld", libc::SIGCHLD),
    ("sigstop", libc::SIGSTOP),
    ("sigtstp", libc::SIGTSTP),
];

/// Signals caught and not yet delivered: bit `n` for signal number `n`.
static PENDING: AtomicU64 = AtomicU64::new(0);
/// Whether any signal was ever set to `:handle`: schedulers then look for
/// pending ones while idle, and an idle program is waiting, not deadlocked.
static HANDLING: AtomicBool = AtomicBool::new(false);

/// What `:os.set_signal/2` does with a signal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disposition {
    /// Caught and delivered to `:erl_signal_server`.
    Handle,
    /// The OS's default action (for most signals, ending the program).
    Default,
    /// Dropped.
    Ignore,
}

extern "C" fn on_signal(sig: libc::c_int) {
    if (0..64).contains(&sig) {
        PENDING.fetch_or(1 << sig, Ordering::SeqCst);
    }
}

/// The number of the signal named `name` (`"sigusr1"`), if the BEAM knows it.
pub fn number(name: &str) -> Option<libc::c_int> {
    SIGNALS.iter().find(|s| s.0 == name).map(|s| s.1)
}

/// The name of signal number `n`.
pub fn name(n: libc::c_int) -> Option<&'static str> {
    SIGNALS.iter().find(|s| s.1 == n).map(|s| s.0)
}

/// Sets what signal `sig` does. Signals the OS will not let a program catch
/// (`SIGSTOP`) keep their action, as on the BEAM, which answers `:ok` for them.
pub fn set(sig: libc::c_int, disposition: Disposition) {
    let handler = match disposition {
        Disposition::Handle => {
            HANDLING.store(true, Ordering::SeqCst);
            on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t
        }
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
    };
    // SAFETY: `sigaction` is given a zeroed, then filled, `sigaction` struct
    // that lives across the call; the handler only does an atomic OR, which
    // is async-signal-safe. A failure (an uncatchable signal) changes nothing.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = handler;
        action.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(sig, &action, std::ptr::null_mut());
    }
}

/// Whether a signal was ever set to be handled.
pub fn handling() -> bool {
    HANDLING.load(Ordering::Relaxed)
}

/// Whether a caught signal waits to be delivered.
#[inline]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed) != 0
}

/// Takes the pending signals: their numbers, lowest first.
pub fn take() -> Vec<libc::c_int> {
    let bits = PENDING.swap(0, Ordering::SeqCst);
    (0..64).filter(|n| bits & (1 << n) != 0).collect()
}
