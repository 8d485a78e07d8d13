//! Scheduler stress tests: many processes, many messages, crashes through
//! links and monitors, with 1, 2 and 4 schedulers.
//!
//! Each test runs a program and checks what it prints: every message arrives
//! once and in per-sender order, every `:DOWN`/`:EXIT` is delivered exactly
//! once, nothing hangs. CI runs the short forms; the long forms (the sizes the
//! issue names) run with `cargo test --release --test stress -- --ignored`.

fn run(src: &str, schedulers: usize) -> String {
    let mut vm = beamlet::Vm::builder()
        .schedulers(schedulers)
        .build()
        .expect("the standard library compiles");
    let mut io = beamlet::CaptureIo::default();
    let r = vm.run_source_with(src, "stress.ex", &[], &mut io);
    let out = String::from_utf8_lossy(&io.out).into_owned();
    assert!(
        r.is_ok(),
        "{r:?}\nstdout: {out}\nstderr: {}",
        String::from_utf8_lossy(&io.err)
    );
    out
}

/// `senders` processes each send `n` numbered messages to one receiver, which
/// checks each sender's sequence and counts.
fn fan_in(senders: usize, n: usize, schedulers: usize) {
    let src = format!(
        r#"
defmodule FanIn do
  def sender(to, id, n), do: Enum.each(1..n, fn i -> send(to, {{:m, id, i}}) end)

  def receive_all(0, seen, ok), do: {{seen, ok}}
  def receive_all(left, seen, ok) do
    receive do
      {{:m, id, i}} ->
        last = Map.get(seen, id, 0)
        receive_all(left - 1, Map.put(seen, id, i), ok and i == last + 1)
    end
  end

  def main(senders, n) do
    me = self()
    Enum.each(1..senders, fn id -> spawn(fn -> sender(me, id, n) end) end)
    {{seen, ok}} = receive_all(senders * n, %{{}}, true)
    complete = Enum.all?(Map.values(seen), fn last -> last == n end)
    IO.puts("senders=#{{map_size(seen)}} ordered=#{{ok}} complete=#{{complete}}")
    receive do
      x -> IO.puts("extra message: #{{inspect(x)}}")
    after
      50 -> IO.puts("no extra")
    end
  end
end

FanIn.main({senders}, {n})
"#
    );
    assert_eq!(
        run(&src, schedulers),
        format!("senders={senders} ordered=true complete=true\nno extra\n")
    );
}

#[test]
fn fan_in_short() {
    for s in [1, 2, 4] {
        fan_in(100, 300, s);
    }
}

#[test]
#[ignore]
fn fan_in_long() {
    for s in [1, 2, 4] {
        fan_in(100, 10_000, s);
    }
}

fn spawn_and_finish(n: usize, schedulers: usize) {
    let src = format!(
        r#"
defmodule Many do
  def wait(0, acc), do: acc
  def wait(k, acc) do
    receive do
      {{:done, i}} -> wait(k - 1, acc + i)
    end
  end

  def main(n) do
    me = self()
    Enum.each(1..n, fn i -> spawn(fn -> send(me, {{:done, i}}) end) end)
    IO.puts(wait(n, 0))
  end
end

Many.main({n})
"#
    );
    assert_eq!(run(&src, schedulers), format!("{}\n", n * (n + 1) / 2));
}

#[test]
fn many_processes_short() {
    spawn_and_finish(20_000, 2);
}

#[test]
#[ignore]
fn many_processes_long() {
    for s in [1, 2, 4] {
        spawn_and_finish(1_000_000, s);
    }
}

fn ping_pong(rounds: usize, schedulers: usize) {
    let src = format!(
        r#"
defmodule PP do
  def pong do
    receive do
      {{:ping, from, n}} ->
        send(from, {{:pong, n}})
        pong()
      :stop -> :ok
    end
  end

  def ping(_peer, 0, acc), do: acc
  def ping(peer, n, acc) do
    send(peer, {{:ping, self(), n}})
    receive do
      {{:pong, ^n}} -> ping(peer, n - 1, acc + 1)
    end
  end
end

peers = Enum.map(1..4, fn _ -> spawn(&PP.pong/0) end)
me = self()
Enum.each(peers, fn peer -> spawn(fn -> send(me, {{:count, PP.ping(peer, {rounds}, 0)}}) end) end)
total = Enum.reduce(peers, 0, fn _, acc -> receive do {{:count, c}} -> acc + c end end)
IO.puts(total)
"#
    );
    assert_eq!(run(&src, schedulers), format!("{}\n", 4 * rounds));
}

#[test]
fn ping_pong_across_schedulers() {
    for s in [1, 2, 4] {
        ping_pong(2_000, s);
    }
}

/// Workers linked in chains and monitored; random ones crash. Every monitor
/// fires exactly once, and every trapping supervisor gets one `:EXIT` per child.
fn crashes(groups: usize, schedulers: usize) {
    let src = format!(
        r#"
defmodule Crash do
  def worker(k) do
    receive do
      :go ->
        if rem(k, 3) == 0, do: raise("crash #{{k}}")
        if rem(k, 3) == 1, do: exit(:quit)
        :ok
    end
  end

  # A supervisor of 5 workers: traps exits, counts one :EXIT per worker.
  def supervisor(parent, g) do
    Process.flag(:trap_exit, true)
    pids = Enum.map(1..5, fn i -> spawn_link(fn -> worker(g * 5 + i) end) end)
    Enum.each(pids, fn p -> send(p, :go) end)
    reasons = Enum.map(pids, fn p -> receive do {{:EXIT, ^p, r}} -> kind(r) end end)
    extra = receive do {{:EXIT, _, _}} -> 1 after 20 -> 0 end
    send(parent, {{:sup, g, reasons, extra}})
  end

  def kind({{%RuntimeError{{}}, _}}), do: :raised
  def kind(r), do: r

  # A chain of linked processes: killing the head takes the whole chain down.
  def chain(0), do: idle()
  def chain(n) do
    spawn_link(fn -> chain(n - 1) end)
    idle()
  end

  def idle do
    receive do
      _ -> :ok
    end
  end

  def main(groups) do
    me = self()
    Enum.each(1..groups, fn g -> spawn(fn -> supervisor(me, g) end) end)
    results = Enum.map(1..groups, fn _ -> receive do {{:sup, _, r, extra}} -> {{r, extra}} end end)
    raised = Enum.sum(Enum.map(results, fn {{r, _}} -> Enum.count(r, &(&1 == :raised)) end))
    quit = Enum.sum(Enum.map(results, fn {{r, _}} -> Enum.count(r, &(&1 == :quit)) end))
    normal = Enum.sum(Enum.map(results, fn {{r, _}} -> Enum.count(r, &(&1 == :normal)) end))
    extra = Enum.sum(Enum.map(results, fn {{_, e}} -> e end))
    IO.puts("exits=#{{raised + quit + normal}} extra=#{{extra}}")

    heads = Enum.map(1..groups, fn _ -> spawn(fn -> chain(10) end) end)
    refs = Enum.map(heads, fn h -> Process.monitor(h) end)
    Enum.each(heads, fn h -> Process.exit(h, :kill) end)
    downs = Enum.map(refs, fn r -> receive do {{:DOWN, ^r, :process, _, reason}} -> reason end end)
    extra_down = receive do {{:DOWN, _, _, _, _}} -> 1 after 20 -> 0 end
    IO.puts("downs=#{{length(downs)}} killed=#{{Enum.all?(downs, &(&1 == :killed))}} extra=#{{extra_down}}")
  end
end

Crash.main({groups})
"#
    );
    assert_eq!(
        run(&src, schedulers),
        format!(
            "exits={} extra=0\ndowns={groups} killed=true extra=0\n",
            groups * 5
        )
    );
}

#[test]
fn crashes_through_links_and_monitors() {
    for s in [1, 2, 4] {
        crashes(40, s);
    }
}

#[test]
#[ignore]
fn crashes_long() {
    for s in [1, 2, 4] {
        crashes(2_000, s);
    }
}

/// A process in an endless loop cannot starve a ping responder, even on one scheduler.
#[test]
fn busy_loop_does_not_starve() {
    let src = r#"
defmodule Busy do
  def spin(n), do: spin(n + 1)
  def echo do
    receive do
      {:ping, from} ->
        send(from, :pong)
        echo()
    end
  end
end

spawn(fn -> Busy.spin(0) end)
echo = spawn(&Busy.echo/0)
Enum.each(1..20, fn _ ->
  send(echo, {:ping, self()})
  receive do
    :pong -> :ok
  end
end)
IO.puts("answered")
"#;
    assert_eq!(run(src, 1), "answered\n");
    assert_eq!(run(src, 2), "answered\n");
}

/// The main script ends while other processes still run or wait: the run ends too.
#[test]
fn main_ending_stops_everything() {
    let src = r#"
spawn(fn -> receive do _ -> :ok end end)
defmodule L do
  def loop, do: loop()
end
spawn(&L.loop/0)
IO.puts("bye")
"#;
    assert_eq!(run(src, 2), "bye\n");
}

/// A main process that waits for a message nobody can send is reported, not hung.
#[test]
fn deadlock_is_reported() {
    let mut vm = beamlet::Vm::builder().schedulers(2).build().unwrap();
    let mut io = beamlet::CaptureIo::default();
    let r = vm.run_source_with(
        "spawn(fn -> receive do _ -> :ok end end)\nreceive do x -> x end",
        "dead.ex",
        &[],
        &mut io,
    );
    assert_eq!(r, Err(beamlet::RunError::Deadlock));
}
