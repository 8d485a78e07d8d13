//! The run of a program: a runtime for its main process, the scheduler
//! threads started (the calling thread is scheduler 0), the main process run
//! until it ends, and everything stopped then.

use super::local::Local;
use super::runtime::{CodeRef, Runtime};
use super::{lock, Config, Outcome};
use crate::code::{CodeTable, FunId};
use crate::convert;
use crate::ctx::Io;
use crate::process::Process;
use crate::term::Term;
use crate::value::Value;
use std::sync::atomic::Ordering;
use std::sync::Arc;

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
    let (rt, workers) = Runtime::new(CodeRef::Borrowed(code), Box::new(io), cfg, true);
    let main = rt.main;
    let (index, _) = main.pid_parts().expect("the main process has a pid");
    let mut heap = rt.process_heap();
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
        rt.schedulers.fetch_add(1, Ordering::SeqCst);
        for (i, w) in workers {
            // Counted before it starts: an idle count must never exceed it.
            rt.schedulers.fetch_add(1, Ordering::SeqCst);
            let started =
                super::thread_builder(i).spawn_scoped(s, move || Local::new(rt, w, i).run());
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
