//! The interactive shell as a user meets it: `beamlet` in a real terminal
//! (a tmux pane, driven by keys), one session per test. Each test waits for
//! what the screen must show (no fixed sleeps), with generous timeouts.
//! Skipped, with a note, where tmux is not installed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long a test waits for the screen to show something.
const WAIT: Duration = Duration::from_secs(30);

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A shell in a tmux pane of its own tmux server (so tests never meet).
struct Pane {
    socket: String,
    dir: PathBuf,
}

fn tmux_present() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

impl Pane {
    /// Starts `beamlet` in a fresh directory (with `files` written in it)
    /// and a fresh `HOME`, and waits for the first prompt.
    fn start(files: &[(&str, &str)]) -> Option<Pane> {
        if !tmux_present() {
            eprintln!("tmux is not installed: the shell's terminal tests are skipped");
            return None;
        }
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let socket = format!("beamlet-shell-test-{}-{n}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("home")).expect("a temporary directory");
        for (name, text) in files {
            std::fs::write(dir.join(name), text).expect("a file written");
        }
        let pane = Pane { socket, dir };
        pane.launch();
        pane.wait_for("beamlet(1)> ");
        Some(pane)
    }

    fn launch(&self) {
        let cmd = format!(
            "cd {} && HOME={} XDG_DATA_HOME= TERM=xterm {} ; sleep 600",
            self.dir.display(),
            self.dir.join("home").display(),
            env!("CARGO_BIN_EXE_beamlet")
        );
        let ok = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "new-session",
                "-d",
                "-x",
                "120",
                "-y",
                "50",
            ])
            .arg(cmd)
            .status()
            .expect("tmux runs");
        assert!(ok.success(), "tmux started a session");
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// What the pane shows, with its scrollback.
    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-S", "-1000"])
    }

    /// Types `text`, then Enter.
    fn line(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
        self.tmux(&["send-keys", "Enter"]);
    }

    /// Presses keys by tmux's names (`C-c`, `Tab`).
    fn keys(&self, keys: &str) {
        self.tmux(&["send-keys", keys]);
    }

    /// Waits until the screen shows `needle`; the screen then.
    fn wait_for(&self, needle: &str) -> String {
        self.wait_count(needle, 1)
    }

    /// Waits until the screen shows `needle` `count` times.
    fn wait_count(&self, needle: &str, count: usize) -> String {
        // tmux drops the spaces that end a line (a prompt's).
        let needle = needle.trim_end_matches(' ');
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.matches(needle).count() >= count {
                return screen;
            }
            if start.elapsed() > WAIT {
                panic!("the screen never showed {needle:?} ({count} times); it shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn home(&self) -> &Path {
        &self.dir
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn multi_line_input_waits_for_the_end_of_the_expression() {
    let Some(p) = Pane::start(&[]) else { return };
    p.line("[1,");
    p.wait_for("...(1)> ");
    p.line("2]");
    p.wait_for("[1, 2]");
    p.line("defmodule Twice do");
    p.wait_for("...(2)> ");
    p.line("def of(x), do: x * 2");
    p.line("end");
    p.wait_for("beamlet(3)> ");
    p.line("Twice.of(21)");
    p.wait_for("42");
    p.line("\"open");
    p.wait_for("...(4)> ");
    p.line("string\"");
    p.wait_for("\"open\\nstring\"");
}

#[test]
fn an_error_then_a_working_input_with_the_bindings_kept() {
    let Some(p) = Pane::start(&[]) else { return };
    p.line("x = 40");
    p.wait_for("beamlet(2)> ");
    p.line("raise \"boom\"");
    p.wait_for("** (RuntimeError) boom");
    p.line("x + 2");
    let screen = p.wait_for("42");
    assert!(screen.contains("beamlet(2)> x + 2"), "{screen}");
    p.line("import Enum");
    p.line("map([1, 2], &(&1 * 1000 + x))");
    p.wait_for("[1040, 2040]");
    p.line("v(4)");
    p.wait_count("[1040, 2040]", 2);
}

#[test]
fn ctrl_c_interrupts_an_endless_loop_and_the_session_goes_on() {
    let Some(p) = Pane::start(&[]) else { return };
    p.line("x = 7");
    p.wait_for("beamlet(2)> ");
    p.line("Stream.repeatedly(fn -> :ok end) |> Stream.run()");
    p.wait_for("Stream.run()\n");
    std::thread::sleep(Duration::from_millis(300));
    p.keys("C-c");
    p.wait_for("** (EXIT) interrupted");
    p.line("x + 1");
    p.wait_for("8\n");
}

#[test]
fn tab_completes_functions_modules_and_variables() {
    let Some(p) = Pane::start(&[]) else { return };
    p.tmux(&["send-keys", "-l", "Enum.red"]);
    p.keys("Tab");
    p.wait_for("Enum.reduce");
    p.keys("Tab");
    p.wait_for("reduce_while/3");
    p.keys("C-u");
    p.line("my_value = 5");
    p.wait_for("beamlet(2)> ");
    p.tmux(&["send-keys", "-l", "my_va"]);
    p.keys("Tab");
    p.wait_for("my_value");
    p.keys("Enter");
    p.wait_for("beamlet(3)> ");
    p.tmux(&["send-keys", "-l", "StringI"]);
    p.keys("Tab");
    p.wait_for("StringIO");
}

#[test]
fn a_spawned_process_outlives_its_input_and_prints_above_the_prompt() {
    let Some(p) = Pane::start(&[]) else { return };
    p.line("pid = spawn(fn -> receive do :go -> IO.puts(\"got go\") end end)");
    p.wait_for("beamlet(2)> ");
    p.line("Process.alive?(pid)");
    p.wait_for("true");
    p.line("send(pid, :go)");
    p.wait_for("got go");
    p.line("spawn(fn -> Process.sleep(300); IO.puts(\"printed later\") end)");
    p.wait_for("printed later");
    p.line("send(self(), :hi)");
    p.line("flush()");
    p.wait_for(":ok");
}

#[test]
fn h_prints_the_documentation_of_a_function() {
    let Some(p) = Pane::start(&[]) else { return };
    p.line("h Enum.map");
    p.wait_for("def map(");
    p.line("h Enum.nope");
    p.wait_for("No documentation for Enum.nope was found");
}

#[test]
fn the_startup_file_runs_and_history_is_saved() {
    let Some(p) = Pane::start(&[(".beamlet.exs", "greeting = :hello_from_dot\n")]) else {
        return;
    };
    p.line("greeting");
    p.wait_for(":hello_from_dot");
    p.keys("C-d");
    let history = p.home().join("home/.local/share/beamlet/history");
    let start = Instant::now();
    while !history.exists() && start.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(50));
    }
    let saved = std::fs::read_to_string(&history).expect("the history is saved");
    assert!(saved.contains("greeting"), "{saved}");
}
