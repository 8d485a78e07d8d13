//! ExUnit conformance: every `tests/exunit/NAME.exs` run by beamlet must
//! print `NAME.out` (real Elixir's stdout, recorded by
//! `tests/exunit/tools/record.sh`) and exit with `NAME.status` (0 when
//! absent), both outputs normalized as `tests/exunit/tools/normalize.py`
//! does (see tests/exunit/README.md). Scripts run in parallel.

mod common;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// `[0-9]+\.[0-9]+` replaced by `T`.
fn times_to_t(line: &str) -> String {
    let b = line.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let mut j = i;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
                let mut k = j + 1;
                while k < b.len() && b[k].is_ascii_digit() {
                    k += 1;
                }
                out.push('T');
                i = k;
                continue;
            }
            out.push_str(&line[i..j]);
            i = j;
            continue;
        }
        let c = line[i..].chars().next().unwrap_or('\u{fffd}');
        out.push(c);
        i += c.len_utf8().max(1);
    }
    out
}

/// Trace mode's `(1.2ms)` becomes `(Tms)`.
fn trace_times(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(p) = rest.find('(') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
        let a = digits(after);
        if a > 0 && after[a..].starts_with('.') {
            let b = digits(&after[a + 1..]);
            if b > 0 && after[a + 1 + b..].starts_with("ms)") {
                out.push_str("(Tms)");
                rest = &after[a + 1 + b + 3..];
                continue;
            }
        }
        out.push('(');
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A frame of ExUnit's own code (`normalize.py`'s INTERNAL).
fn internal(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("       ") else {
        return false;
    };
    if rest.starts_with("(ex_unit ") {
        return true;
    }
    let has_module = |from: usize| {
        rest[from..].match_indices("ExUnit.").any(|(i, _)| {
            let at = from + i;
            let boundary = at == 0 || {
                let c = rest.as_bytes()[at - 1];
                !(c.is_ascii_alphanumeric() || c == b'_')
            };
            let next = rest[at + 7..].bytes().next();
            let word_end = rest[at + 7..]
                .bytes()
                .position(|c| !c.is_ascii_alphabetic())
                .map(|p| rest.as_bytes()[at + 7 + p]);
            boundary && next.is_some_and(|c| c.is_ascii_uppercase()) && word_end == Some(b'.')
        })
    };
    has_module(0)
        || rest
            .find("anonymous fn/")
            .is_some_and(|i| rest[i..].contains(" in ExUnit."))
}

/// `normalize.py`: times become `T`; in `stacktrace:` blocks, ExUnit's own
/// frames and the library frames right below them are dropped.
fn normalize(text: &str) -> String {
    let mut out = String::new();
    let mut in_stack = false;
    let mut dropping = false;
    for line in text.split_inclusive('\n') {
        let mut line = if line.starts_with("Finished in ") {
            times_to_t(line)
        } else {
            line.to_owned()
        };
        line = trace_times(&line);
        if line.trim_end_matches('\n') == "     stacktrace:" {
            in_stack = true;
        } else if in_stack && !line.starts_with("       ") {
            in_stack = false;
        }
        let library = line.starts_with("       (") || line.starts_with("       stdlib/");
        if in_stack && (internal(&line) || (dropping && library)) {
            dropping = true;
            continue;
        }
        dropping = false;
        out.push_str(&line);
    }
    out
}

/// Runs one script; `Ok(())` when its normalized stdout and status match.
fn check(script: &Path) -> Result<(), String> {
    let expected = std::fs::read_to_string(script.with_extension("out"))
        .map_err(|e| format!("no .out: {e}"))?;
    let out = common::run(script, &[])?;
    let got = normalize(&String::from_utf8_lossy(&out.stdout));
    let want = normalize(&expected);
    common::compare(
        got.as_bytes(),
        want.as_bytes(),
        &out,
        common::expected_status(script),
    )
}

#[test]
fn exunit_scripts_match_elixir() {
    let all = common::scripts("exunit", "exs");
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(script) = all.get(i) else { break };
                if let Err(e) = check(script) {
                    let name = script.file_stem().unwrap_or_default().to_string_lossy();
                    failures
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push(format!("{name}: {e}"));
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_else(|p| p.into_inner());
    failures.sort();
    eprintln!(
        "exunit: {} of {} scripts match",
        all.len() - failures.len(),
        all.len()
    );
    assert!(
        failures.is_empty(),
        "{} ExUnit scripts differ from Elixir:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn normalize_matches_normalize_py() {
    let text = [
        "Finished in 0.03 seconds (0.02s on load, 0.00s async, 0.01s sync)",
        "* test a (1.2ms) [L#3]",
        "     stacktrace:",
        "       x.exs:3: (test)",
        "       (ex_unit 1.14.0) lib/ex_unit/runner.ex:500: ExUnit.Runner.exec_test/1",
        "       (stdlib 4.2) timer.erl:235: :timer.tc/1",
        "       stdlib/ex_unit/runner.ex:12: anonymous fn/1 in ExUnit.Runner.run/2",
        "       stdlib/enum.ex:3: Enum.map/2",
        "       x.exs:9: MyExUnit.Helper.f/1",
        "",
    ]
    .join("\n");
    let want = [
        "Finished in T seconds (Ts on load, Ts async, Ts sync)",
        "* test a (Tms) [L#3]",
        "     stacktrace:",
        "       x.exs:3: (test)",
        "       x.exs:9: MyExUnit.Helper.f/1",
        "",
    ]
    .join("\n");
    assert_eq!(normalize(&text), want);
}
