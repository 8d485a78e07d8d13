//! The embedding API: a VM that lives across evaluations, calls, spawns and
//! sends (src/vm.rs over vm/src/sched/host.rs).

use beamlet::{Error, Limits, Pid, SharedOutput, Value, Vm};
use std::sync::Arc;
use std::time::Duration;

fn vm() -> (Vm, SharedOutput) {
    let out = SharedOutput::new();
    let vm = Vm::builder()
        .schedulers(2)
        .output(out.clone())
        .build()
        .expect("the VM starts");
    (vm, out)
}

#[test]
fn eval_returns_the_last_value_and_state_persists() {
    let (vm, out) = vm();
    assert_eq!(vm.eval("1 + 2").unwrap(), Value::from(3));
    assert_eq!(
        vm.eval("%{a: [1, 2.5, \"x\"], b: {:ok, nil}}")
            .unwrap()
            .to_string(),
        "%{a: [1, 2.5, \"x\"], b: {:ok, nil}}"
    );
    vm.eval("defmodule Counter do\n  def start, do: Agent.start_link(fn -> 0 end, name: __MODULE__)\n  def bump, do: Agent.get_and_update(__MODULE__, &{&1 + 1, &1 + 1})\nend\nCounter.start()")
        .unwrap();
    // The agent was linked to the evaluation, which ended normally: it lives on.
    assert_eq!(vm.eval("Counter.bump()").unwrap(), Value::from(1));
    assert_eq!(vm.call("Counter", "bump", vec![]).unwrap(), Value::from(2));
    assert!(vm.whereis("Elixir.Counter").is_some());
    vm.eval("IO.puts(\"printed\")").unwrap();
    assert_eq!(out.take_stdout(), "printed\n");
}

#[test]
fn errors_come_back_as_data() {
    let (vm, out) = vm();
    match vm.eval("raise \"boom\"") {
        Err(Error::Raised {
            banner, exception, ..
        }) => {
            assert_eq!(banner, "** (RuntimeError) boom");
            assert_eq!(
                exception.get(&Value::atom("message")),
                Some(&Value::from("boom"))
            );
        }
        other => panic!("{other:?}"),
    }
    match vm.eval(":erlang.binary_to_atom(1)") {
        Err(Error::Raised { exception, .. }) => assert_eq!(
            exception.get(&Value::atom("__struct__")),
            Some(&Value::atom("Elixir.ArgumentError"))
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        vm.eval("throw(:ball)"),
        Err(Error::Thrown {
            banner: "** (throw) :ball".into(),
            value: Value::atom("ball")
        })
    );
    assert_eq!(
        vm.eval("exit(:bye)"),
        Err(Error::Exit {
            banner: "** (exit) :bye".into(),
            reason: Value::atom("bye")
        })
    );
    match vm.eval("x = \n") {
        Err(Error::Compile(e)) => assert!(e.rendered.contains("nofile"), "{}", e.rendered),
        other => panic!("{other:?}"),
    }
    match vm.eval("spawn_link(fn -> exit(:crash) end)\nProcess.sleep(1000)") {
        Err(Error::Exit { reason, banner }) => {
            assert_eq!(reason, Value::atom("crash"));
            assert!(banner.starts_with("** (EXIT from #PID<0."), "{banner}");
        }
        other => panic!("{other:?}"),
    }
    // Errors of the evaluation are not logged: the host has them.
    assert_eq!(out.take_stderr(), "");
    // The VM goes on.
    assert_eq!(vm.eval(":still_here").unwrap(), Value::atom("still_here"));
}

#[test]
fn load_call_spawn_send_wait() {
    let (vm, out) = vm();
    vm.load(
        "defmodule Acc do\n  def run(total, to) do\n    receive do\n      {:add, n} -> run(total + n, to)\n      :done -> send(to, {:total, total}); total\n    end\n  end\nend\nIO.puts(:top_level_not_run)\n",
        "acc.ex",
    )
    .unwrap();
    assert_eq!(out.take_stdout(), "");
    let pid = vm
        .spawn(
            "Acc",
            "run",
            vec![
                0.into(),
                Value::from(vm.spawn("Process", "sleep", vec![100.into()]).unwrap()),
            ],
        )
        .unwrap();
    assert!(vm.alive(pid));
    for n in 1..=10 {
        assert!(vm.send(pid, Value::tuple([Value::atom("add"), Value::from(n)])));
    }
    let m = vm.monitor(pid).unwrap();
    vm.send(pid, Value::atom("done"));
    assert_eq!(
        m.wait(Some(Duration::from_secs(10))).unwrap(),
        Value::from(55)
    );
    assert!(!vm.alive(pid));
    assert!(!vm.send(pid, Value::atom("late")));
    assert!(matches!(vm.wait(pid, None), Err(Error::Exit { .. })));
    assert_eq!(
        vm.call("Enum", "reverse", vec![Value::from(vec![1, 2, 3])])
            .unwrap(),
        Value::from(vec![3, 2, 1])
    );
    assert_eq!(
        vm.call("String.Chars", "to_string", vec![Value::atom("a")])
            .unwrap(),
        Value::from("a")
    );
    assert_eq!(
        vm.call(":erlang", "+", vec![1.into(), 2.into()]).unwrap(),
        Value::from(3)
    );
    // A pid the script gets from the host is the same process.
    let me = vm
        .spawn("Process", "sleep", vec![Value::atom("infinity")])
        .unwrap();
    let v = vm.call("Process", "alive?", vec![me.into()]).unwrap();
    assert_eq!(v, Value::from(true));
    let m = vm.monitor(me).unwrap();
    vm.exit(me, Value::atom("kill"));
    match m.wait(None) {
        Err(Error::Exit { reason, .. }) => assert_eq!(reason, Value::atom("killed")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn processes_outlive_evaluations_and_timers_persist() {
    let (vm, out) = vm();
    vm.eval("spawn(fn -> Process.register(self(), :later); receive do :go -> IO.puts(\"went\") end end)")
        .unwrap();
    let mut waited = 0;
    while vm.whereis("later").is_none() && waited < 1000 {
        std::thread::sleep(Duration::from_millis(1));
        waited += 1;
    }
    vm.eval("Process.send_after(:later, :go, 20)").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(out.take_stdout(), "went\n");
}

#[test]
fn deadlock_timeout_and_the_vm_stays_usable() {
    let out = SharedOutput::new();
    let vm = Vm::builder()
        .schedulers(1)
        .output(out.clone())
        .limits(Limits {
            timeout: Some(Duration::from_millis(300)),
            ..Default::default()
        })
        .build()
        .unwrap();
    assert_eq!(vm.eval("receive do x -> x end"), Err(Error::Deadlock));
    assert_eq!(vm.eval("Process.sleep(5_000)"), Err(Error::Timeout));
    assert_eq!(
        vm.eval("(fn f -> f.(f) end).(fn f -> f.(f) end)"),
        Err(Error::Timeout)
    );
    assert_eq!(vm.eval("40 + 2").unwrap(), Value::from(42));
    // A server waiting for the host is no deadlock for a monitor.
    let server = vm
        .spawn("Process", "sleep", vec![Value::atom("infinity")])
        .unwrap();
    let m = vm.monitor(server).unwrap();
    assert_eq!(
        m.wait(Some(Duration::from_millis(100))),
        Err(Error::Timeout)
    );
    vm.exit(server, Value::atom("done"));
    match m.wait(Some(Duration::from_secs(5))) {
        Err(Error::Exit { reason, .. }) => assert_eq!(reason, Value::atom("done")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn threads_share_a_vm() {
    let (vm, _) = vm();
    let vm = Arc::new(vm);
    vm.load("defmodule Sq do\n  def sq(x), do: x * x\nend\n", "sq.ex")
        .unwrap();
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let vm = vm.clone();
            std::thread::spawn(move || {
                (0..25)
                    .map(|i| {
                        let v = vm.call("Sq", "sq", vec![Value::from(t * 100 + i)]).unwrap();
                        i64::try_from(v).unwrap()
                    })
                    .sum::<i64>()
            })
        })
        .collect();
    let total: i64 = handles.into_iter().map(|h| h.join().unwrap()).sum();
    let want: i64 = (0..4)
        .flat_map(|t| (0..25).map(move |i| (t * 100 + i) * (t * 100 + i)))
        .sum();
    assert_eq!(total, want);
}

#[test]
fn halt_and_shutdown() {
    let (vm, _) = vm();
    vm.eval("spawn(fn -> Process.sleep(:infinity) end)")
        .unwrap();
    assert_eq!(vm.eval("System.halt(3)"), Err(Error::Halted { status: 3 }));
    assert_eq!(vm.eval("1"), Err(Error::Halted { status: 3 }));
    let (vm2, _) = self::vm();
    let vm = vm2;
    let pid = vm
        .spawn("Process", "sleep", vec![Value::atom("infinity")])
        .unwrap();
    vm.shutdown();
    assert_eq!(vm.eval("1"), Err(Error::Stopped));
    assert!(!vm.send(pid, 1));
    vm.shutdown();
    // Whole-program runs still work on a VM whose runtime stopped.
    let mut vm = vm;
    let mut io = beamlet::CaptureIo::default();
    assert_eq!(
        vm.run_source_with("IO.puts(:x)\n:y", "x.exs", &[], &mut io)
            .unwrap(),
        Value::atom("y")
    );
    assert_eq!(io.out, b"x\n");
    let _: Pid = pid;
}

#[test]
fn host_mailbox_and_request_reply() {
    let (vm, _) = vm();
    let mb = vm.mailbox().unwrap();
    vm.load(
        "defmodule Fwd do\n  def run(to) do\n    receive do\n      :stop -> :ok\n      m -> send(to, {:fwd, m}); run(to)\n    end\n  end\nend\ndefmodule KV do\n  use GenServer\n  def init(m), do: {:ok, m}\n  def handle_call({:get, k}, _from, m), do: {:reply, Map.get(m, k), m}\n  def handle_call({:put, k, v}, _from, m), do: {:reply, :ok, Map.put(m, k, v)}\n  def handle_call(:crash, _from, _m), do: raise \"kv crashed\"\nend\n",
        "fwd.ex",
    )
    .unwrap();
    let fwd = vm.spawn("Fwd", "run", vec![mb.pid().into()]).unwrap();
    for i in 0..100 {
        vm.send(fwd, i);
    }
    for i in 0..100 {
        assert_eq!(
            mb.recv_timeout(Duration::from_secs(5)).unwrap(),
            Value::tuple([Value::atom("fwd"), Value::from(i)])
        );
    }
    assert_eq!(mb.try_recv(), None);
    assert_eq!(
        mb.recv_timeout(Duration::from_millis(10)),
        Err(Error::Timeout)
    );
    // A GenServer answers the host's requests as it answers GenServer.call.
    let kv = vm
        .call(
            "GenServer",
            "start",
            vec![Value::atom("Elixir.KV"), Value::map([])],
        )
        .unwrap();
    let Value::Tuple(t) = kv else { panic!() };
    let kv = Pid::try_from(t[1].clone()).unwrap();
    let d = Duration::from_secs(5);
    let put = Value::tuple([Value::atom("put"), Value::atom("a"), Value::from(1)]);
    assert_eq!(vm.request(kv, put, d).unwrap(), Value::atom("ok"));
    let get = Value::tuple([Value::atom("get"), Value::atom("a")]);
    assert_eq!(vm.request(kv, get.clone(), d).unwrap(), Value::from(1));
    match vm.request(kv, Value::atom("crash"), d) {
        Err(Error::Exit { reason, .. }) => {
            let Value::Tuple(r) = reason else { panic!() };
            assert_eq!(
                r[0].get(&Value::atom("message")),
                Some(&Value::from("kv crashed"))
            );
        }
        other => panic!("{other:?}"),
    }
    match vm.request(kv, get, d) {
        Err(Error::Exit { reason, .. }) => assert_eq!(reason, Value::atom("noproc")),
        other => panic!("{other:?}"),
    }
    // A process that never answers: a timeout, and the VM goes on.
    let mute = vm.spawn("Process", "sleep", vec![10_000.into()]).unwrap();
    assert_eq!(
        vm.request(mute, 1, Duration::from_millis(50)),
        Err(Error::Timeout)
    );
    // The mailbox's pid after it is dropped names no one.
    let pid = mb.pid();
    drop(mb);
    assert!(!vm.send(pid, 1));
    vm.send(fwd, Value::atom("stop"));
}

#[test]
fn max_processes_makes_a_fork_bomb_fail_in_the_script() {
    let out = SharedOutput::new();
    let vm = Vm::builder()
        .schedulers(2)
        .output(out.clone())
        .limits(Limits {
            timeout: Some(Duration::from_secs(10)),
            max_processes: Some(50),
            ..Default::default()
        })
        .build()
        .unwrap();
    let r = vm.eval("for _ <- 1..100, do: spawn(fn -> Process.sleep(:infinity) end)");
    match r {
        Err(Error::Raised { banner, .. }) => {
            assert_eq!(
                banner,
                "** (SystemLimitError) a system limit has been reached"
            )
        }
        other => panic!("{other:?}"),
    }
    // 48 sleepers and the host's pid: one slot left, for an evaluation or a spawn.
    assert_eq!(vm.eval("1"), Ok(Value::from(1)));
    assert!(vm.spawn("Process", "sleep", vec![10_000.into()]).is_ok());
    assert_eq!(
        vm.spawn("Process", "sleep", vec![1.into()]),
        Err(Error::SystemLimit)
    );
    assert_eq!(vm.eval("1"), Err(Error::SystemLimit));
    // A bomb that spawns from each child, in a fresh VM: stopped by the limit.
    let vm = Vm::builder()
        .schedulers(2)
        .output(out.clone())
        .limits(Limits {
            timeout: Some(Duration::from_secs(2)),
            max_processes: Some(200),
            ..Default::default()
        })
        .build()
        .unwrap();
    let r = vm.eval("defmodule Bomb do\n  def go, do: (spawn(&go/0); spawn(&go/0); Process.sleep(:infinity))\nend\nBomb.go()");
    assert!(r.is_err(), "{r:?}");
    // The host is fine; the bomb's processes fill the table until shutdown.
    vm.shutdown();
    let _ = out.take_stderr();
}

#[path = "../examples/embed_worker_pool.rs"]
mod worker_pool;

#[test]
fn the_worker_pool_example_runs() {
    let jobs: Vec<i64> = (0..20).collect();
    let got = worker_pool::run(3, &jobs);
    let fib = |n: i64| -> i64 {
        let (mut a, mut b) = (0, 1);
        for _ in 0..n {
            (a, b) = (b, a + b);
        }
        a
    };
    assert_eq!(got, jobs.iter().map(|&n| fib(n)).collect::<Vec<_>>());
}

#[path = "../examples/embed_pipeline.rs"]
mod pipeline;

#[test]
fn the_pipeline_example_runs() {
    let got = pipeline::run(&["Ab ab", "c"]);
    assert_eq!(got, vec![("ab".to_string(), 6), ("c".to_string(), 1)]);
}

#[path = "../examples/embed_limits.rs"]
mod limits_example;

#[test]
fn the_limits_example_runs() {
    let got = limits_example::run();
    let want = [
        ("endless loop", "stopped: out of reductions"),
        ("memory bomb", "killed: :killed"),
        ("deep recursion", "killed: :killed"),
        (
            "fork bomb",
            "failed: ** (SystemLimitError) a system limit has been reached",
        ),
        (
            "huge binary",
            "failed: ** (SystemLimitError) a system limit has been reached",
        ),
        ("many binaries", "stopped: out of memory"),
        // Fifty processes of 1.6 MB each: none is over its heap limit, but
        // together they are over the VM's 64 MB, so some are killed (with a report).
        ("many hands", "ok: true"),
        ("takes too long", "stopped: out of time"),
        ("a fair request", "ok: 500500"),
    ];
    let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(got, want);
}

/// A write after a spawn lets the new process run first, as the BEAM's
/// group-leader round trip does (bif/io.rs `emit`): a printing child prints
/// next, and a linked child that crashes kills the writer before its next
/// line. One scheduler, so the order is the only one possible.
#[test]
fn a_write_after_a_spawn_lets_the_new_process_run() {
    let out = SharedOutput::new();
    let vm = Vm::builder()
        .schedulers(1)
        .output(out.clone())
        .build()
        .expect("the VM starts");
    vm.eval(
        "spawn(fn -> IO.puts(\"child\") end); IO.puts(\"a\"); IO.puts(\"b\"); Process.sleep(10)",
    )
    .unwrap();
    assert_eq!(out.take_stdout(), "a\nchild\nb\n");
    let r = vm.eval("spawn_link(fn -> raise \"x\" end); IO.puts(\"a\"); IO.puts(\"b\")");
    assert!(matches!(r, Err(Error::Exit { .. })), "{r:?}");
    assert_eq!(out.take_stdout(), "a\n");
}
