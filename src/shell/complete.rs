//! Tab completion: the text before the cursor goes to the shell server,
//! which answers from the VM's modules and the session's variables
//! (`IEx.Autocomplete`); `Enum.red<TAB>` lists `reduce/2 reduce/3
//! reduce_while/3` and completes `reduce`.

use super::{lock, Shared};
use beamlet::ShellEvent;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::CmdKind;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};
use std::sync::Arc;
use std::time::Duration;

/// How long Tab waits for the server's answer (it polls every 10 ms; a
/// server busy elsewhere gets no completion rather than a stuck editor).
const ANSWER_WAIT: Duration = Duration::from_secs(3);

pub(super) struct ShellHelper {
    shared: Arc<Shared>,
}

impl ShellHelper {
    pub(super) fn new(shared: Arc<Shared>) -> ShellHelper {
        ShellHelper { shared }
    }
}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let (tx, rx) = std::sync::mpsc::channel();
        *lock(&self.shared.completion) = Some(tx);
        self.shared.push(ShellEvent::Complete(before.to_owned()));
        let Ok((back, candidates)) = rx.recv_timeout(ANSWER_WAIT) else {
            return Ok((pos, vec![]));
        };
        let start = pos.saturating_sub(back);
        let start = if before.is_char_boundary(start) {
            start
        } else {
            pos
        };
        let pairs = candidates
            .into_iter()
            .map(|display| {
                // A function completes to its name; the list shows the arity.
                let replacement = match display.rsplit_once('/') {
                    Some((name, arity)) if arity.chars().all(|c| c.is_ascii_digit()) => {
                        name.to_owned()
                    }
                    _ => display.clone(),
                };
                Pair {
                    display,
                    replacement,
                }
            })
            .collect::<Vec<_>>();
        // Several arities of one function: complete the name once.
        let mut pairs = pairs;
        if pairs.len() > 1 && pairs.iter().all(|p| p.replacement == pairs[0].replacement) {
            let only = pairs[0].replacement.clone();
            if only != before[start..] {
                pairs = vec![Pair {
                    display: only.clone(),
                    replacement: only,
                }];
            }
        }
        Ok((start, pairs))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;
}
/// Not a highlighter: it records the line each time the editor draws it
/// (so output printed meanwhile can draw it again, mod.rs).
impl Highlighter for ShellHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> std::borrow::Cow<'l, str> {
        let mut edited = lock(&self.shared.line);
        edited.text.clear();
        edited.text.push_str(line);
        edited.cursor = pos;
        std::borrow::Cow::Borrowed(line)
    }
    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        true
    }
}
impl Validator for ShellHelper {}
impl Helper for ShellHelper {}
