//! Conformance: every `tests/conformance/NAME.ex` must print exactly
//! `NAME.out` (recorded from real Elixir by `tests/conformance/record.sh`)
//! and exit with `NAME.status` (0 when absent).
//!
//! Scripts listed in `tests/conformance/pending.txt` are known gaps: they
//! must still fail (so the list stays honest); when one passes, remove it.

mod common;

use std::path::Path;

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
    let out = common::run(script, &["--jit", jit])?;
    common::compare(
        &out.stdout,
        &expected,
        &out,
        common::expected_status(script),
    )
}

fn check_all(jit: &str) {
    let pending = pending();
    let mut failures = Vec::new();
    let mut passed = 0;
    let mut still_pending = 0;
    for s in common::scripts("conformance", "ex") {
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
