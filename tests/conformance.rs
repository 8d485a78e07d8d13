//! Conformance: every `tests/conformance/NAME.ex` must print exactly
//! `NAME.out` (recorded from real Elixir by `tests/conformance/record.sh`)
//! and exit with `NAME.status` (0 when absent).
//!
//! Scripts listed in `tests/conformance/pending.txt` are known gaps: they
//! must still fail (so the list stays honest); when one passes, remove it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn scripts() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/conformance exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ex"))
        .collect();
    v.sort();
    v
}

fn pending() -> Vec<String> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/pending.txt");
    std::fs::read_to_string(p)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Runs one script with `--jit jit`; `Ok(())` when stdout and status match.
fn check(script: &Path, jit: &str) -> Result<(), String> {
    let expected =
        std::fs::read(script.with_extension("out")).map_err(|e| format!("no .out: {e}"))?;
    let status: i32 = std::fs::read_to_string(script.with_extension("status"))
        .map(|s| s.trim().parse().unwrap_or(1))
        .unwrap_or(0);
    let out = Command::new(env!("CARGO_BIN_EXE_beamlet"))
        .arg("run")
        .args(["--jit", jit])
        // Run as record.sh runs elixir: from the script's directory, by file
        // name, so stack traces name the file alike.
        .arg(script.file_name().unwrap_or(script.as_os_str()))
        .current_dir(script.parent().unwrap_or(Path::new(".")))
        .output()
        .map_err(|e| format!("cannot run beamlet: {e}"))?;
    let code = out.status.code().unwrap_or(-1);
    if out.stdout != expected {
        let got = String::from_utf8_lossy(&out.stdout);
        let want = String::from_utf8_lossy(&expected);
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(got.lines().count().min(want.lines().count()));
        return Err(format!(
            "stdout differs at line {}:\n  want: {:?}\n  got:  {:?}\n  stderr: {}",
            line + 1,
            want.lines().nth(line).unwrap_or("<end>"),
            got.lines().nth(line).unwrap_or("<end>"),
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .take(3)
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    if code != status {
        return Err(format!(
            "exit status {code}, want {status}; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(())
}

fn check_all(jit: &str) {
    let pending = pending();
    let mut failures = Vec::new();
    let mut passed = 0;
    let mut still_pending = 0;
    for s in scripts() {
        let name = s
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let r = check(&s, jit);
        let is_pending = pending.contains(&name);
        match (r, is_pending) {
            (Ok(()), false) => passed += 1,
            (Ok(()), true) => {
                failures.push(format!("{name}: passes now; remove it from pending.txt"))
            }
            (Err(e), false) => failures.push(format!("{name}: {e}")),
            (Err(_), true) => still_pending += 1,
        }
    }
    eprintln!("conformance (--jit {jit}): {passed} passed, {still_pending} pending (known gaps)");
    assert!(
        failures.is_empty(),
        "{} conformance failures (--jit {jit}):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// As `beamlet run` runs by default: hot functions get native code.
#[test]
fn conformance_scripts_match_elixir() {
    check_all("on");
}

/// Every function that can be compiled is, at its first call: native code
/// must print what the interpreter prints.
#[test]
fn conformance_scripts_match_elixir_with_native_code_everywhere() {
    check_all("eager");
}

/// The interpreter alone.
#[test]
fn conformance_scripts_match_elixir_interpreted() {
    check_all("off");
}
