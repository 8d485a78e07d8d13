//! The line editor on its own thread: it reads a line when the server asks
//! for one (after the prompt the server chose), keeps the history across
//! sessions, and tells the printer (mod.rs) what the edited line holds, so
//! output printed meanwhile goes above it and the line is drawn again.

use super::complete::ShellHelper;
use super::{lock, Shared};
use beamlet::ShellEvent;
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::{CompletionType, Config, Editor};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc::Receiver;
use std::sync::Arc;

/// Where the history is kept: `$XDG_DATA_HOME/beamlet/history`, else
/// `$HOME/.local/share/beamlet/history`; `None` without either.
pub fn history_file() -> Option<PathBuf> {
    let data = match std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(std::env::var_os("HOME").filter(|h| !h.is_empty())?)
            .join(".local")
            .join("share"),
    };
    Some(data.join("beamlet").join("history"))
}

/// Starts the editor's thread, reading a line for each prompt `prompts`
/// brings; returns once the editor is made (it sets its own SIGINT
/// handler then, which the caller's must follow).
pub(super) fn start(shared: Arc<Shared>, prompts: Receiver<String>) {
    let (ready, made) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        let config = Config::builder()
            .completion_type(CompletionType::List)
            .auto_add_history(false)
            .max_history_size(1000)
            .map(|b| b.build())
            .unwrap_or_default();
        // Input from a pipe or a file: plain lines, each prompt printed (as iex does).
        let editor = if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
            Editor::with_config(config)
        } else {
            Err(ReadlineError::Eof)
        };
        let mut editor: Editor<ShellHelper, FileHistory> = match editor {
            Ok(e) => e,
            Err(_) => {
                let _ = ready.send(());
                plain_lines(&shared, &prompts);
                return;
            }
        };
        editor.set_helper(Some(ShellHelper::new(shared.clone())));
        let _ = ready.send(());
        let history = history_file();
        if let Some(h) = &history {
            let _ = editor.load_history(h);
        }
        for prompt in prompts.iter() {
            {
                let mut edited = lock(&shared.line);
                edited.prompt = prompt.clone();
                edited.text.clear();
                edited.cursor = 0;
            }
            let ev = match editor.readline(&prompt) {
                Ok(line) => {
                    if !line.trim().is_empty() {
                        let _ = editor.add_history_entry(line.as_str());
                        if let Some(h) = &history {
                            if let Some(dir) = h.parent() {
                                let _ = std::fs::create_dir_all(dir);
                            }
                            let _ = editor.save_history(h);
                        }
                    }
                    ShellEvent::Line(line)
                }
                Err(ReadlineError::Interrupted) => ShellEvent::Interrupt,
                Err(_) => ShellEvent::Eof,
            };
            shared.reading.store(false, Ordering::SeqCst);
            lock(&shared.events).push_back(ev);
        }
    });
    let _ = made.recv();
}

/// Without a line editor: plain lines from standard input.
fn plain_lines(shared: &Shared, prompts: &Receiver<String>) {
    use std::io::{BufRead, Write};
    for prompt in prompts.iter() {
        let _ = write!(std::io::stdout(), "{prompt}");
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        let ev = match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => ShellEvent::Eof,
            Ok(_) => ShellEvent::Line(line.trim_end_matches(['\n', '\r']).to_owned()),
        };
        shared.reading.store(false, Ordering::SeqCst);
        lock(&shared.events).push_back(ev);
    }
}
