//! What the script-running tests (`conformance.rs`, `exunit.rs`) share:
//! finding the scripts, running one as `record.sh` ran Elixir, and
//! reporting how its output differs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The files of `tests/<dir>` with extension `ext`, sorted.
pub fn scripts(dir: &str, ext: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{} cannot be read: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

/// The exit status `script` must end with: its `.status` file, 0 without.
pub fn expected_status(script: &Path) -> i32 {
    std::fs::read_to_string(script.with_extension("status"))
        .map(|s| s.trim().parse().unwrap_or(1))
        .unwrap_or(0)
}

/// Runs `beamlet run [extra...] SCRIPT` as record.sh runs elixir: from the
/// script's directory, by file name, so stack traces name the file alike.
pub fn run(script: &Path, extra: &[&str]) -> Result<Output, String> {
    Command::new(env!("CARGO_BIN_EXE_beamlet"))
        .arg("run")
        .args(extra)
        .arg(script.file_name().unwrap_or(script.as_os_str()))
        .current_dir(script.parent().unwrap_or(Path::new(".")))
        .output()
        .map_err(|e| format!("cannot run beamlet: {e}"))
}

/// `Ok(())` when `got` is `want` (byte for byte) and the run exited with
/// `status`; else the first differing line (or the status), with the start
/// of stderr.
pub fn compare(got: &[u8], want: &[u8], out: &Output, status: i32) -> Result<(), String> {
    if got != want {
        let (got, want) = (String::from_utf8_lossy(got), String::from_utf8_lossy(want));
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
    let code = out.status.code().unwrap_or(-1);
    if code != status {
        return Err(format!(
            "exit status {code}, want {status}; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(())
}
