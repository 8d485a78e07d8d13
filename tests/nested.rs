//! Nested calls (`vm/src/nested.rs`): a built-in function runs a function of
//! the language to completion, as the compiler will run macros. The scripts
//! here reach it through the test-only `:beamlet_test.nested_call/3` and
//! `nested_apply/2` (vm's `test-bifs` feature), under every native code
//! setting and with a collection at every safe point.

use beamlet::{CaptureIo, JitMode, Vm};

const SCRIPT: &str = r#"
defmodule N do
  def double_all(l), do: Enum.map(l, fn {a, b} -> {a * 2, b <> b} end)
  def me, do: self()
  def boom(x), do: raise(ArgumentError, "bad #{x}")
  def wait do
    receive do
      m -> m
    end
  end
  def wait_rescued do
    try do
      receive do
        m -> m
      end
    rescue
      e in RuntimeError -> {:rescued, String.length(e.message) > 0}
    end
  end
  def self_msgs do
    send(self(), :one)
    send(self(), :two)
    receive do
      :one -> :got_one
    end
  end
  def sleepy do
    Process.sleep(5)
    :slept
  end
  def nest(0), do: :bottom
  def nest(n), do: {n, :beamlet_test.nested_call(N, :nest, [n - 1])}
  def deep(0), do: 0
  def deep(n), do: 1 + deep(n - 1)
  def spawner(parent) do
    pid = spawn(fn ->
      receive do
        {:ping, from} -> send(from, :pong)
      end
    end)
    send(pid, {:ping, parent})
    :spawned
  end
  def linker do
    Process.flag(:trap_exit, true)
    spawn_link(fn -> exit(:bye) end)
    :linked
  end
  def loop(0, acc), do: acc
  def loop(n, acc), do: loop(n - 1, acc + :beamlet_test.nested_call(N, :inc, [n]))
  def inc(n), do: n + 1
end

big = for i <- 1..10000, do: {i, "s#{i}"}
out = :beamlet_test.nested_call(N, :double_all, [big])
IO.puts(length(out))
IO.inspect(Enum.at(out, length(out) - 1))
IO.inspect(:beamlet_test.nested_call(N, :me, []) == self())
try do
  :beamlet_test.nested_call(N, :boom, [1])
rescue
  e -> IO.puts("rescued: " <> Exception.message(e))
end
try do
  :beamlet_test.nested_call(N, :wait, [])
rescue
  e in RuntimeError -> IO.puts(e.message)
end
IO.inspect(:beamlet_test.nested_call(N, :wait_rescued, []))
IO.inspect(:beamlet_test.nested_call(N, :self_msgs, []))
receive do
  :two -> IO.puts("two came back")
after
  0 -> IO.puts("two lost")
end
IO.inspect(:beamlet_test.nested_call(N, :sleepy, []))
IO.inspect(:beamlet_test.nested_call(N, :nest, [3]))
IO.inspect(:beamlet_test.nested_call(N, :deep, [100_000]))
IO.inspect(:beamlet_test.nested_call(N, :spawner, [self()]))
receive do
  :pong -> IO.puts("pong")
after
  2000 -> IO.puts("no pong")
end
IO.inspect(:beamlet_test.nested_call(N, :linker, []))
receive do
  {:EXIT, _, r} -> IO.inspect(r)
after
  2000 -> IO.puts("no exit")
end
y = 10
IO.inspect(:beamlet_test.nested_apply(fn x -> x + y end, [1]))
IO.inspect(:beamlet_test.nested_apply(&N.inc/1, [41]))
IO.inspect(N.loop(3000, 0))
try do
  :beamlet_test.nested_call(N, :nest, [1_000_000])
rescue
  e -> IO.puts("too deep: " <> Exception.message(e))
end
try do
  :beamlet_test.nested_call(N, :nope, [])
rescue
  e -> IO.puts(Exception.message(e))
end
:done
"#;

const EXPECTED: &str = r#"10000
{20000, "s10000s10000"}
true
rescued: bad 1
cannot wait for messages in code run at compile time (a macro, or a call a built-in function makes): messages from other processes are not delivered until it returns
{:rescued, true}
:got_one
two came back
:slept
{3, {2, {1, :bottom}}}
100000
:spawned
pong
:linked
:bye
11
42
4504500
too deep: a system limit has been reached
function N.nope/0 is undefined or private
"#;

fn run(jit: JitMode, gc_always: bool) {
    let mut vm = Vm::builder()
        .jit(jit)
        .gc_always(gc_always)
        .build()
        .expect("stdlib compiles");
    // A collection at every call scans the whole stack and copies all that
    // is live each time: keep the recursion shallow and the data small then.
    let (script, expected) = if gc_always {
        (
            SCRIPT
                .replace("[100_000]", "[2_000]")
                .replace("1..10000", "1..1000"),
            EXPECTED.replace("\n100000\n", "\n2000\n").replace(
                "10000\n{20000, \"s10000s10000\"}",
                "1000\n{2000, \"s1000s1000\"}",
            ),
        )
    } else {
        (SCRIPT.to_owned(), EXPECTED.to_owned())
    };
    let mut io = CaptureIo::default();
    let r = vm.run_source_with(&script, "nested.ex", &[], &mut io);
    let out = String::from_utf8_lossy(&io.out);
    assert!(
        r.is_ok(),
        "{jit:?}: {r:?}\nstdout:\n{out}\nstderr:\n{}",
        String::from_utf8_lossy(&io.err)
    );
    assert_eq!(out, expected, "{jit:?}, gc_always {gc_always}");
}

#[test]
fn nested_calls_from_interpreted_code() {
    run(JitMode::Off, false);
}

#[test]
fn nested_calls_from_native_code() {
    run(JitMode::Eager, false);
}

#[test]
fn nested_calls_once_hot() {
    run(JitMode::On, false);
}

#[test]
fn nested_calls_collecting_at_every_safe_point() {
    run(JitMode::Off, true);
    run(JitMode::Eager, true);
}
