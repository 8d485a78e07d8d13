//! The run of a program: the runtime set up, the scheduler threads started,
//! the main process run until it ends.

//! What all schedulers share, and the run of a program's main process.

use super::local::Local;
use super::runtime::Runtime;
use super::table::Table;
use super::timers::Timers;
use super::{lock, Config, Outcome};
use crate::capture::Captures;
use crate::code::{CodeTable, FunId};
use crate::convert;
use crate::ctx::Io;
use crate::heap::Heap;
use crate::process::Process;
use crate::term::Term;
use crate::value::Value;
use crossbeam_deque::{Injector, Worker};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Instant;

/// Runs `entry` as the main process of a program, with `argv` as its
/// `System.argv()`, until the main process ends. Other processes still alive
/// then are dropped, as `elixir` halts when its script ends.
pub fn run_main(
    code: &CodeTable,
    entry: FunId,
    args: &[Value],
    argv: &[String],
    io: &mut (dyn Io + Send),
    cfg: &Config,
) -> Outcome {
    let n = cfg.schedulers.max(1);
    code.jit.set_mode(cfg.jit);
    let workers: Vec<Worker<Box<Process>>> = (0..n).map(|_| Worker::new_fifo()).collect();
    let table = Table::new();
    let index = table.alloc().expect("an empty table has room");
    let main = Term::pid(index, 0);
    let rt = Runtime {
        code,
        io: Mutex::new(io),
        table,
        names: Mutex::new(HashMap::new()),
        injector: Injector::new(),
        stealers: workers.iter().map(|w| w.stealer()).collect(),
        sleep: Mutex::new(()),
        wake: Condvar::new(),
        sleepers: AtomicUsize::new(0),
        schedulers: AtomicUsize::new(1),
        timers: Mutex::new(Timers::default()),
        next_deadline: AtomicU64::new(u64::MAX),
        timers_pending: AtomicUsize::new(0),
        start: Instant::now(),
        halt: AtomicBool::new(false),
        outcome: Mutex::new(None),
        main,
        next_ref: AtomicU64::new(1),
        gc_always: cfg.gc_always,
        captures: Captures::default(),
        nsched: n,
        aliases: Mutex::new(HashMap::new()),
    };
    let mut heap = Heap::new();
    heap.set_gc_always(cfg.gc_always);
    let args: Vec<Term> = args
        .iter()
        .map(|a| convert::from_value(&mut heap, a))
        .collect();
    let mut p = Box::new(Process::new(
        main,
        heap,
        entry,
        code.function(entry).nregs,
        &args,
    ));
    p.st.argv = Arc::from(argv.to_vec());
    let serial = rt.install(index);
    debug_assert_eq!(Term::pid(index, serial), main);
    rt.injector.push(p);
    let rt = &rt;
    std::thread::scope(|s| {
        let mut workers = workers.into_iter().enumerate();
        let (_, first) = workers.next().expect("at least one scheduler");
        for (i, w) in workers {
            // Counted before it starts: an idle count must never exceed it.
            rt.schedulers.fetch_add(1, Ordering::SeqCst);
            let started = std::thread::Builder::new()
                .name(format!("beamlet-sched-{i}"))
                // As a main thread's: native code may use 256 KiB of it per
                // call from the interpreter, and compiling runs on it too.
                .stack_size(8 << 20)
                .spawn_scoped(s, move || Local::new(rt, w, i).run());
            if let Err(e) = started {
                // Run on fewer threads; the unused queue stays empty.
                rt.schedulers.fetch_sub(1, Ordering::SeqCst);
                let msg = format!("warning: cannot start scheduler thread {i}: {e}\n");
                lock(&rt.io).err(msg.as_bytes());
            }
        }
        Local::new(rt, first, 0).run();
    });
    let mut io = lock(&rt.io);
    io.flush();
    drop(io);
    let outcome = lock(&rt.outcome).take();
    outcome.unwrap_or(Outcome::Deadlock)
}
