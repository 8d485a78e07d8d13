//! Diagnostics snapshots: every broken program in `tests/diagnostics/` with what beamlet says about it.
//!
//! Each `tests/diagnostics/NAME.ex` opens with a comment saying what is wrong with it
//! (`NAME.elixir.txt` holds what real Elixir 1.14 said, for reference). The snapshot
//! `tests/diagnostics/snapshots/NAME.snap` holds the source, a `---` line and the outcome:
//!
//! - `compile_*` / `syntax_*`: the rendered compile error (`file:line:column`, the source
//!   line, a caret, the message and a hint);
//! - `runtime_*` / `warning_*` (programs Elixir compiles too): what running it prints on
//!   stdout and stderr, and the banner of the uncaught error if it dies.
//!
//! After a deliberate change, regenerate with `cargo insta test --test diagnostics` and
//! review each changed snapshot by eye with `cargo insta review`. Known poor diagnostics
//! are listed in `tests/diagnostics/KNOWN_ISSUES.md`: their snapshots hold today's output.

use std::path::{Path, PathBuf};

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

/// The `.ex` files of `tests/<name>/`, sorted.
fn programs(name: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir(name))
        .unwrap_or_else(|e| panic!("tests/{name} exists: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ex"))
        .collect();
    v.sort();
    v
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// What beamlet makes of one program: the rendered error, or the outcome of running it.
fn outcome(name: &str, source: &str) -> String {
    let file = format!("{name}.ex");
    if name.starts_with("runtime_") || name.starts_with("warning_") {
        return run_outcome(&file, source);
    }
    match beamlet::check(source, &file) {
        Err(e) => e.rendered,
        Ok(_) => "(compiled without error)\n".to_owned(),
    }
}

fn run_outcome(file: &str, source: &str) -> String {
    let mut vm = beamlet::Vm::new().expect("the standard library compiles");
    let mut io = beamlet::CaptureIo::default();
    let result = vm.run_source_with(source, file, &[], &mut io);
    let mut out = format!(
        "stdout:\n{}\nstderr:\n{}\n",
        String::from_utf8_lossy(&io.out),
        String::from_utf8_lossy(&io.err)
    );
    out += &match result {
        Ok(_) => "result: ok\n".to_owned(),
        Err(beamlet::RunError::Compile(e)) => format!("result: compile error\n{}", e.rendered),
        Err(beamlet::RunError::Raised {
            banner,
            trace,
            exit_status,
        }) => {
            format!(
                "result: raised (exit status {exit_status})\n{banner}\n{}",
                trace.iter().map(|l| format!("{l}\n")).collect::<String>()
            )
        }
        Err(beamlet::RunError::Deadlock) => "result: deadlock\n".to_owned(),
        Err(beamlet::RunError::Halted { exit_status }) => {
            format!("result: halted (exit status {exit_status})\n")
        }
    };
    out
}

/// The first-line comment of a program: what is wrong with it.
fn what_is_wrong(source: &str) -> &str {
    source
        .lines()
        .next()
        .unwrap_or("")
        .trim_start_matches('#')
        .trim()
}

#[test]
fn diagnostics_snapshots() {
    let all = programs("diagnostics");
    assert!(
        all.len() >= 50,
        "found only {} programs in tests/diagnostics",
        all.len()
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(dir("diagnostics").join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    for path in all {
        let name = stem(&path);
        let source = std::fs::read_to_string(&path).expect("readable program");
        let rendered = outcome(&name, &source);
        settings.set_description(what_is_wrong(&source));
        settings
            .bind(|| insta::assert_snapshot!(name.as_str(), format!("{source}\n---\n{rendered}")));
    }
}

/// Errors-as-data contract: no input, broken or not, makes the compiler panic.
#[test]
fn compile_never_panics() {
    let mut panicked = Vec::new();
    let mut vm = beamlet::Vm::builder()
        .schedulers(1)
        .build()
        .expect("the VM starts");
    for corpus in ["diagnostics", "conformance"] {
        for path in programs(corpus) {
            let source = std::fs::read_to_string(&path).expect("readable program");
            let file = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let mut io = beamlet::CaptureIo::default();
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                vm.check_with(&source, &file, &mut io)
            }));
            if r.is_err() {
                panicked.push(format!("{corpus}/{file}"));
            }
        }
    }
    assert!(
        panicked.is_empty(),
        "beamlet::check panicked on:\n{}",
        panicked.join("\n")
    );
}

/// Truncating a program anywhere (as an editor does while typing) yields an error, never a panic.
#[test]
fn compile_never_panics_on_prefixes() {
    let mut panicked = Vec::new();
    let mut vm = beamlet::Vm::builder()
        .schedulers(1)
        .build()
        .expect("the VM starts");
    for path in programs("diagnostics") {
        let source = std::fs::read_to_string(&path).expect("readable program");
        let name = stem(&path);
        for (i, _) in source.char_indices().step_by(7) {
            let prefix = &source[..i];
            let mut io = beamlet::CaptureIo::default();
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                vm.check_with(prefix, "prefix.ex", &mut io)
            }));
            if r.is_err() {
                panicked.push(format!("{name} cut at byte {i}"));
            }
        }
    }
    assert!(
        panicked.is_empty(),
        "beamlet::check panicked on:\n{}",
        panicked.join("\n")
    );
}

/// Every module of the library compiles, without warnings.
#[test]
fn library_compiles_without_warnings() {
    let mut vm = beamlet::Vm::builder()
        .schedulers(1)
        .build()
        .expect("the VM starts");
    for lib in beamlet::LIBRARY {
        let name = lib
            .module
            .strip_prefix("Elixir.")
            .map_or(format!(":{}", lib.module), String::from);
        let src = format!("IO.puts(Code.ensure_loaded?({name}))");
        let mut io = beamlet::CaptureIo::default();
        let r = vm.run_source_with(&src, "load.exs", &[], &mut io);
        let err = String::from_utf8_lossy(&io.err);
        assert!(r.is_ok(), "{}: {r:?}\n{err}", lib.file);
        assert_eq!(
            String::from_utf8_lossy(&io.out),
            "true\n",
            "{} loads:\n{err}",
            lib.file
        );
        assert!(err.is_empty(), "{}:\n{err}", lib.file);
    }
}

#[test]
fn warnings_go_to_stderr_and_the_program_runs() {
    let src =
        "defmodule W do\n  defp unused, do: 1\n  def f, do: @never_set\nend\nIO.inspect(W.f())\n";
    let mut vm = beamlet::Vm::new().expect("the standard library compiles");
    let mut io = beamlet::CaptureIo::default();
    vm.run_source_with(src, "w.ex", &[], &mut io)
        .expect("the program runs");
    assert_eq!(String::from_utf8_lossy(&io.out), "nil\n");
    let err = String::from_utf8_lossy(&io.err);
    assert!(
        err.contains("warning: function unused/0 is unused\n --> w.ex:2:3"),
        "{err}"
    );
    assert!(
        err.contains("warning: undefined module attribute @never_set"),
        "{err}"
    );
}
