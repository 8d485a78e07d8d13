//! The CLI with a closed standard error (`beamlet run x.exs 2>&1 | head -1`
//! after `head` has gone): what it cannot print is lost, and the exit status
//! stays the script's, never a panic's 101.

use std::process::{Command, Stdio};

#[test]
fn a_closed_stderr_keeps_the_scripts_exit_status() {
    let dir = std::env::temp_dir().join(format!("beamlet-closed-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let script = dir.join("crash.exs");
    // A linked process that crashes at once kills the script (status 1),
    // whose error report then goes to the closed standard error.
    std::fs::write(
        &script,
        "spawn_link(fn -> raise \"x\" end)\nIO.puts(\"a\")\nIO.puts(\"b\")\n",
    )
    .expect("write script");
    let mut child = Command::new(env!("CARGO_BIN_EXE_beamlet"))
        // One scheduler: the crash comes before the second line, always.
        .args(["--schedulers", "1", "run"])
        .arg(&script)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("beamlet starts");
    // Closing the read end makes every write to standard error fail.
    drop(child.stderr.take());
    let out = child.wait_with_output().expect("beamlet ends");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "a\n");
}
