//! A panic inside the VM (a bug in a built-in) ends only the process that
//! hit it, with an error the others see; the scheduler threads go on. The
//! panicking built-in is the test-only `:beamlet_test.panic/1` (vm's
//! `test-bifs` feature).

use beamlet::{CaptureIo, JitMode, Vm};

const SCRIPT: &str = r#"
Process.flag(:trap_exit, true)
pid = spawn_link(fn -> :beamlet_test.panic(:boom) end)
receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "linked")
end
{pid, ref} = spawn_monitor(fn -> :beamlet_test.panic(1) end)
receive do
  {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "monitored")
end
IO.inspect(Enum.sum(1..10), label: "still running")
"#;

const EXPECTED: &str = "linked: {:beamlet_internal_error, []}\n\
monitored: {:beamlet_internal_error, []}\n\
still running: 55\n";

fn run(jit: JitMode) {
    let mut vm = Vm::builder()
        .jit(jit)
        .schedulers(2)
        .build()
        .expect("stdlib compiles");
    let mut io = CaptureIo::default();
    let r = vm.run_source_with(SCRIPT, "panic.ex", &[], &mut io);
    let out = String::from_utf8_lossy(&io.out);
    assert!(r.is_ok(), "{jit:?}: {r:?}\nstdout:\n{out}");
    assert_eq!(out, EXPECTED, "{jit:?}");
}

#[test]
fn a_panicking_builtin_ends_only_its_process() {
    run(JitMode::Off);
}

#[test]
fn a_panicking_builtin_ends_only_its_process_from_native_code() {
    run(JitMode::Eager);
}
