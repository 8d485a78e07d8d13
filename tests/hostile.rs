//! Hostile scripts under limits: each is stopped with the right error, and
//! the VM then answers a normal evaluation.

use beamlet::{Error, Limits, SharedOutput, Value, Vm};
use std::time::{Duration, Instant};

fn vm(limits: Limits) -> (Vm, SharedOutput) {
    let out = SharedOutput::new();
    let vm = Vm::builder()
        .schedulers(2)
        .output(out.clone())
        .limits(Limits {
            timeout: limits.timeout.or(Some(Duration::from_secs(5))),
            ..limits
        })
        .build()
        .expect("the VM starts");
    (vm, out)
}

/// The VM still evaluates normally.
fn still_usable(vm: &Vm) {
    assert_eq!(vm.eval("Enum.sum(1..100)"), Ok(Value::from(5050)));
}

fn killed(r: Result<Value, Error>) {
    match r {
        Err(Error::Exit { reason, .. }) => assert_eq!(reason, Value::Atom("killed".into())),
        other => panic!("{other:?}"),
    }
}

#[test]
fn endless_loop_runs_out_of_reductions() {
    let (vm, _) = vm(Limits {
        reductions: Some(2_000_000),
        ..Default::default()
    });
    let t = Instant::now();
    let r = vm.eval("defmodule Spin do\n  def go(n), do: go(n + 1)\nend\nSpin.go(0)");
    assert_eq!(r, Err(Error::Budget));
    assert!(t.elapsed() < Duration::from_secs(3));
    still_usable(&vm);
    // The budget is per evaluation: a new one starts afresh.
    assert_eq!(
        vm.eval("Enum.sum(1..100_000)"),
        Ok(Value::from(5000050000i64))
    );
}

#[test]
fn work_moved_to_other_processes_draws_on_the_same_budget() {
    let (vm, _) = vm(Limits {
        reductions: Some(2_000_000),
        ..Default::default()
    });
    let base = vm.eval("length(Process.list())");
    // The evaluation returns at once; the loops it left behind are killed
    // once they have spent its budget.
    let r = vm.eval(
        "defmodule Spin2 do\n  def go(n), do: go(n + 1)\nend\n\
         for _ <- 1..4, do: spawn(fn -> Spin2.go(0) end)",
    );
    let Ok(Value::List(pids, _)) = r else {
        panic!("{r:?}")
    };
    assert_eq!(pids.len(), 4);
    let t = Instant::now();
    while vm.eval("length(Process.list())") != base {
        assert!(t.elapsed() < Duration::from_secs(5), "the loops still run");
        std::thread::sleep(Duration::from_millis(20));
    }
    still_usable(&vm);
}

#[test]
fn endless_loop_runs_out_of_time() {
    let (vm, _) = vm(Limits {
        timeout: Some(Duration::from_millis(300)),
        ..Default::default()
    });
    let r = vm.eval("Stream.repeatedly(fn -> :x end) |> Stream.run()");
    assert_eq!(r, Err(Error::Timeout));
    still_usable(&vm);
}

#[test]
fn memory_bomb_is_killed_by_max_heap() {
    let (vm, out) = vm(Limits {
        max_heap_words: Some(1_000_000),
        ..Default::default()
    });
    killed(vm.eval("Enum.reduce(1..100_000_000, [], fn i, acc -> [{i, i} | acc] end)"));
    assert!(out.take_stderr().contains("maximum heap size reached"));
    still_usable(&vm);
}

#[test]
fn deep_recursion_is_killed_by_max_heap() {
    let (vm, out) = vm(Limits {
        max_heap_words: Some(1_000_000),
        ..Default::default()
    });
    let r = vm.eval("defmodule Deep do\n  def go(0), do: 0\n  def go(n), do: 1 + go(n - 1)\nend\nDeep.go(100_000_000)");
    // The stack counts, as on the BEAM.
    killed(r);
    assert!(out.take_stderr().contains("maximum heap size reached"));
    still_usable(&vm);
}

#[test]
fn a_process_over_its_heap_dies_alone() {
    let (vm, out) = vm(Limits {
        max_heap_words: Some(200_000),
        ..Default::default()
    });
    let r = vm.eval(
        "pid = spawn(fn -> Enum.map(1..1_000_000, &{&1}) end)\n\
         ref = Process.monitor(pid)\n\
         receive do {:DOWN, ^ref, :process, _, r} -> r end",
    );
    assert_eq!(r, Ok(Value::Atom("killed".into())));
    assert!(out
        .take_stderr()
        .contains("Context:            maximum heap size reached"));
    still_usable(&vm);
}

/// 64 MiB for the whole VM.
fn memory_capped() -> (Vm, SharedOutput) {
    vm(Limits {
        max_memory: Some(64 << 20),
        ..Default::default()
    })
}

#[test]
fn heap_bomb_hits_the_vm_memory_limit() {
    let (vm, out) = memory_capped();
    let r = vm.eval("Enum.reduce(1..100_000_000, [], fn i, acc -> [{i, i} | acc] end)");
    assert_eq!(r, Err(Error::Memory));
    assert!(out
        .take_stderr()
        .contains("the VM's memory limit was reached"));
    still_usable(&vm);
}

#[test]
fn binary_bomb_hits_the_vm_memory_limit() {
    let (vm, _) = memory_capped();
    // Each binary is under any per-binary limit; together they are not.
    let r = vm.eval("for _ <- 1..1000, do: String.duplicate(\"x\", 1_000_000)");
    assert_eq!(r, Err(Error::Memory));
    still_usable(&vm);
}

#[test]
fn deep_recursion_hits_the_vm_memory_limit() {
    let (vm, _) = memory_capped();
    let r = vm.eval("defmodule DeepM do\n  def go(0), do: 0\n  def go(n), do: 1 + go(n - 1)\nend\nDeepM.go(100_000_000)");
    assert_eq!(r, Err(Error::Memory));
    still_usable(&vm);
}

#[test]
fn many_processes_together_hit_the_vm_memory_limit() {
    // No one process is large (each holds about 2 MB), but 100 of them
    // would hold 200 MB: some are killed, and the script sees which.
    let (vm, out) = memory_capped();
    let r = vm.eval(
        "me = self()\n\
         for i <- 1..100 do\n\
           spawn_monitor(fn -> l = Enum.to_list(1..120_000); send(me, :ready); receive do :stop -> length(l) end end)\n\
         end\n\
         Enum.reduce(1..100, {0, 0}, fn _, {ready, killed} ->\n\
           receive do\n\
             :ready -> {ready + 1, killed}\n\
             {:DOWN, _, :process, _, :killed} -> {ready, killed + 1}\n\
           after 3_000 -> {ready, killed}\n\
           end\n\
         end)",
    );
    let Ok(Value::Tuple(t)) = r else {
        panic!("{r:?}")
    };
    assert!(out
        .take_stderr()
        .contains("the VM's memory limit was reached"));
    match t.as_slice() {
        [Value::Int(ready), Value::Int(killed)] => {
            assert_eq!(ready + killed, 100, "{t:?}");
            assert!(*killed > 0 && *ready > 0, "{t:?}");
        }
        _ => panic!("{t:?}"),
    }
    // Those still alive hold their lists until the VM shuts down.
    vm.shutdown();
}

#[test]
fn memory_is_given_back_when_processes_end() {
    // Many evaluations, each holding over a third of the 64 MB limit at
    // its peak: what one held must be given back when it ends, or the
    // third one fails.
    let (vm, _) = memory_capped();
    for _ in 0..6 {
        let r = vm.eval("length(Enum.map(1..300_000, &{&1}))");
        assert_eq!(r, Ok(Value::from(300_000)));
    }
    still_usable(&vm);
}

#[test]
fn fork_bomb_hits_max_processes() {
    let (vm, out) = vm(Limits {
        timeout: Some(Duration::from_millis(500)),
        max_processes: Some(100),
        ..Default::default()
    });
    let r = vm.eval("defmodule Bomb do\n  def go, do: (spawn(&go/0); spawn(&go/0); Process.sleep(:infinity))\nend\nBomb.go()");
    assert!(r.is_err(), "{r:?}");
    let _ = out.take_stderr();
    vm.shutdown();
}

fn system_limit(r: Result<Value, Error>) {
    match r {
        Err(Error::Raised { banner, .. }) => {
            assert!(banner.starts_with("** (SystemLimitError)"), "{banner}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn huge_binaries_fail_before_allocating() {
    let (vm, _) = vm(Limits {
        max_binary_bytes: Some(16 << 20),
        ..Default::default()
    });
    system_limit(vm.eval("<<0::size(8_000_000_000_000)>>"));
    system_limit(vm.eval(":binary.copy(\"ab\", 1_000_000_000_000)"));
    system_limit(vm.eval("String.duplicate(\"x\", 2_000_000_000)"));
    system_limit(vm.eval(
        "b = :binary.copy(\"x\", 8_388_608)\nEnum.reduce(1..4, b, fn _, acc -> acc <> acc end)",
    ));
    still_usable(&vm);
}

/// The only test of this binary that makes atoms from data: the table is
/// the host process's.
#[test]
fn atom_flood_raises_system_limit() {
    let (vm, _) = vm(Limits {
        timeout: Some(Duration::from_secs(20)),
        ..Default::default()
    });
    system_limit(vm.eval("for i <- 1..2_000_000, do: String.to_atom(\"flood#{i}\")"));
    // The runtime still names its own atoms: modules load, errors print.
    still_usable(&vm);
    assert_eq!(
        vm.eval("defmodule AfterFlood do\n  def hi, do: :hi\nend\nAfterFlood.hi()"),
        Ok(Value::Atom("hi".into()))
    );
}

#[test]
fn mailbox_flood_is_dropped_past_the_limit() {
    let (vm, _) = vm(Limits {
        max_mailbox: Some(1000),
        ..Default::default()
    });
    let r = vm.eval(
        "sink = spawn(fn -> receive do :never -> :ok end end)\n\
         for i <- 1..200_000, do: send(sink, {:flood, i})\n\
         Process.sleep(10)\n\
         {:message_queue_len, n} = Process.info(sink, :message_queue_len)\n\
         Process.exit(sink, :kill)\n\
         n",
    );
    match r {
        // The count is as of the receiver's last slice plus the sends since
        // (`Limits::max_mailbox`): a receiver woken meanwhile lets a few
        // hundred more in on a loaded machine.
        Ok(Value::Int(n)) => assert!((1000..2000).contains(&n), "{n}"),
        other => panic!("{other:?}"),
    }
    still_usable(&vm);
}
