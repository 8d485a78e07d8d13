//! The lowering of an open module's stored clauses, on a thread of its own.
//!
//! Each clause a module body stores is lowered at once
//! ([`super::finish::lower_clause`]) so that its expanded tree is freed.
//! That work (lowering, packing the body for `Module.get_definition/3`,
//! freeing the tree) needs nothing of the module but its literal heap, so
//! it is handed to a thread of the module's own while the body goes on
//! expanding the next definitions (the store keeps the clause as
//! [`ClauseForm::Pending`]). Whatever reads the clauses' forms first waits
//! for that thread and puts its results in place
//! ([`ModuleState::settle`](super::state::ModuleState::settle)): compiling
//! the module or its macros, `Module.get_definition/3`. The result is the
//! same as lowering in place, whenever the thread runs. With one CPU, and
//! for a module's first few clauses (a small module's, for which a thread
//! costs more than it saves), the clauses are lowered in place.

use super::finish::lower_clause;
use super::state::{ClauseForm, StoredClause};
use crate::lower::Kept;
use crate::quoted::LineIndex;
use beamlet_vm::value::Value;
use rustc_hash::FxHashMap;
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;

/// A clause for the thread: its ticket, its patterns and guard (copies:
/// the store keeps them), its body, the definition its `super` calls.
struct Job {
    ticket: usize,
    clause: StoredClause,
    body: Value,
    hidden: Option<String>,
}

/// The forms the thread made, by ticket, and the heap it lowered into.
type Done = (Kept, Vec<(usize, ClauseForm)>);

struct Worker {
    jobs: Sender<Job>,
    thread: JoinHandle<Done>,
}

/// The module's lowering: its literal heap, held here or by its thread.
#[derive(Default)]
pub struct Lowering {
    /// `None` while a thread holds it.
    kept: Option<Kept>,
    worker: Option<Worker>,
    next_ticket: usize,
    /// Clauses stored so far.
    stored: usize,
    /// The module's file's text (the thread's spans).
    source: Option<Arc<str>>,
}

impl std::fmt::Debug for Lowering {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lowering")
            .field("busy", &self.worker.is_some())
            .field("next_ticket", &self.next_ticket)
            .finish()
    }
}

/// The clauses of a module lowered in place before its thread starts.
const IN_PLACE: usize = 4;

/// Whether a second CPU can lower while the module body runs.
pub(super) fn threaded() -> bool {
    static MANY: OnceLock<bool> = OnceLock::new();
    *MANY.get_or_init(|| std::thread::available_parallelism().is_ok_and(|n| n.get() > 1))
}

impl Lowering {
    /// A lowering that goes on with `kept`.
    pub fn resume(kept: Kept) -> Lowering {
        Lowering {
            kept: Some(kept),
            ..Default::default()
        }
    }

    /// The form of a clause being stored (its `body` given apart): lowered
    /// in place, or [`ClauseForm::Pending`] on the module's thread.
    /// `source`: the module's file's text.
    pub fn lower(
        &mut self,
        source: Option<&Arc<str>>,
        c: &StoredClause,
        body: Value,
        hidden: Option<&str>,
    ) -> ClauseForm {
        if c.has_super && hidden.is_none() {
            return ClauseForm::Expanded(body);
        }
        if self.source.is_none() {
            self.source = source.cloned();
        }
        // A small module's few clauses are lowered in place: a thread
        // costs more than they do.
        self.stored += 1;
        if self.worker.is_none() && self.stored > IN_PLACE && threaded() {
            self.spawn();
        }
        if let Some(w) = &self.worker {
            let ticket = self.next_ticket;
            self.next_ticket += 1;
            let clause = StoredClause {
                form: ClauseForm::Expanded(crate::quoted::nil()),
                ..c.clone()
            };
            let hidden = hidden.map(str::to_owned);
            // A send fails only if the thread panicked: the clause stays
            // pending, and compiling the module reports it.
            let _ = w.jobs.send(Job {
                ticket,
                clause,
                body,
                hidden,
            });
            return ClauseForm::Pending(ticket);
        }
        let kept = self.kept.get_or_insert_with(Kept::default);
        lower_clause(kept, self.source.as_deref(), c, body, hidden)
    }

    /// Starts the thread, handing it the literal heap (once it runs: if
    /// it cannot start, the clauses are lowered in place).
    fn spawn(&mut self) {
        let (jobs, inbox) = channel::<Job>();
        let (give, handed) = channel::<Kept>();
        let source = self.source.clone();
        let spawned = std::thread::Builder::new()
            .name("beamlet-lower".into())
            .spawn(move || {
                let mut kept = handed.recv().unwrap_or_default();
                let mut done = Vec::new();
                for job in inbox {
                    let form = lower_clause(
                        &mut kept,
                        source.as_deref(),
                        &job.clause,
                        job.body,
                        job.hidden.as_deref(),
                    );
                    done.push((job.ticket, form));
                }
                (kept, done)
            });
        if let Ok(thread) = spawned {
            let _ = give.send(self.kept.take().unwrap_or_default());
            self.worker = Some(Worker { jobs, thread });
        }
    }

    /// Waits for the thread to lower every clause handed to it; returns the
    /// forms it made, by ticket (none if no thread ran), the heap back here.
    pub fn finish(&mut self) -> FxHashMap<usize, ClauseForm> {
        let Some(w) = self.worker.take() else {
            return FxHashMap::default();
        };
        drop(w.jobs);
        match w.thread.join() {
            Ok((kept, done)) => {
                self.kept = Some(kept);
                done.into_iter().collect()
            }
            // A panic while lowering (a bug): the pending clauses stay
            // pending and compiling the module reports it.
            Err(_) => FxHashMap::default(),
        }
    }

    /// The literal heap, taken (after [`Lowering::finish`]).
    pub fn take(&mut self) -> Kept {
        self.kept.take().unwrap_or_default()
    }

    /// The line index built for the module's file, if any (after
    /// [`Lowering::finish`]).
    pub fn lines(&self) -> Option<Arc<LineIndex>> {
        self.kept.as_ref().and_then(|k| k.lines.clone())
    }
}
