//! GC-always mode: conformance scripts run in-process with a collection at every safe point.
//!
//! When the collector runs must never show in a program's behaviour. Each script
//! listed below (chosen among those that pass `tests/conformance.rs` today, for
//! the allocation they do: closures, lists, maps, binaries, bignums, floats,
//! exceptions, messages between processes) runs in a `Vm` with `gc_always = true`, so every call collects;
//! its stdout must still be exactly `NAME.out` and its exit status `NAME.status`.

use std::path::Path;

/// Scripts from `tests/conformance/` (without `.ex`).
const SCRIPTS: &[&str] = &[
    "closures_higher_order",
    "closures_self_recursion",
    "control_for",
    "control_with",
    "enum_more_words",
    "errors_raise_rescue",
    "errors_nested",
    "floats_printing",
    "integers_bignum",
    "maps_functions",
    "program_bank",
    "program_primes",
    "program_quicksort",
    "program_rle",
    "program_tree_map",
    "proc_receive_nested",
    "proc_selective_receive",
    "proc_fifo_multi",
    "proc_link_raise_trap",
    "proc_pool_restart",
    "article_orders",
    "strings_processing",
    "uncaught_raise",
    "jit_paths",
    "bitstring_subbinary",
];

/// Runs one script with a collection at every safe point; `Err` says how it differs from Elixir.
fn check(name: &str, jit: beamlet::JitMode) -> Result<(), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let read = |ext: &str| std::fs::read(dir.join(format!("{name}.{ext}")));
    let source = String::from_utf8(read("ex").map_err(|e| format!("no .ex: {e}"))?)
        .map_err(|e| e.to_string())?;
    let expected = read("out").map_err(|e| format!("no .out: {e}"))?;
    let want_status: i32 = read("status").map_or(0, |s| {
        String::from_utf8_lossy(&s).trim().parse().unwrap_or(1)
    });

    let mut vm = beamlet::Vm::builder()
        .gc_always(true)
        .jit(jit)
        .build()
        .map_err(|e| e.to_string())?;
    let mut io = beamlet::CaptureIo::default();
    let result = vm.run_source_with(&source, &format!("{name}.ex"), &[], &mut io);
    let status = match &result {
        Ok(_) => 0,
        Err(beamlet::RunError::Raised { exit_status, .. }) => *exit_status,
        Err(beamlet::RunError::Halted { exit_status }) => *exit_status,
        Err(e) => return Err(format!("did not finish: {e:?}")),
    };
    if io.out != expected {
        let (got, want) = (
            String::from_utf8_lossy(&io.out),
            String::from_utf8_lossy(&expected),
        );
        let line = got.lines().zip(want.lines()).position(|(a, b)| a != b);
        let line = line.unwrap_or(got.lines().count().min(want.lines().count()));
        return Err(format!(
            "stdout differs at line {}:\n  want: {:?}\n  got:  {:?}\n  result: {result:?}",
            line + 1,
            want.lines().nth(line).unwrap_or("<end>"),
            got.lines().nth(line).unwrap_or("<end>"),
        ));
    }
    if status != want_status {
        return Err(format!(
            "exit status {status}, want {want_status}: {result:?}"
        ));
    }
    Ok(())
}

fn check_all(jit: beamlet::JitMode) {
    let failures: Vec<String> = SCRIPTS
        .iter()
        .filter_map(|name| check(name, jit).err().map(|e| format!("{name}: {e}")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} scripts differ under gc_always ({jit:?}):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn conformance_scripts_behave_the_same_when_collecting_at_every_safe_point() {
    check_all(beamlet::JitMode::Off);
}

/// Native code asks for collections at the next call's entry: with every
/// function compiled at its first call, scripts collect from native code.
#[test]
fn native_code_behaves_the_same_when_collecting_at_every_safe_point() {
    check_all(beamlet::JitMode::Eager);
}
