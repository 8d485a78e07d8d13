# Stack traces through OTP's behaviours and Elixir's library read as in
# Elixir 1.14: a GenServer's callbacks under :gen_server's frames, a task's
# under Task.Supervised's, :proc_lib.init_p_do_apply/3 at the bottom, a
# client's exit under GenServer.call/3 or Task.await/2 at Elixir's lines;
# a script's top level under Elixir's compiler frames; at most 8 entries
# (the BEAM's backtrace_depth), consecutive repeats of a return address left
# out; apply/2,3 in tail position leave no frame.
Logger.configure(level: :none)

defmodule S do
  use GenServer
  def init(:crash), do: raise("init")
  def init({:cont, s}), do: {:ok, s, {:continue, :go}}
  def init(s), do: {:ok, s}
  def handle_call(:boom, _from, _s), do: raise("call")
  def handle_call(:slow, _from, s), do: (Process.sleep(300); {:reply, :ok, s})
  def handle_cast(:boom, _s), do: raise("cast")
  def handle_info(:boom, _s), do: raise("info")
  def handle_continue(:go, :crash), do: raise("continue")
  def handle_continue(:go, s), do: {:noreply, s}
  def terminate(_r, :crash_term), do: raise("terminate")
  def terminate(_r, _s), do: :ok
end

defmodule R do
  def show(label, st) do
    IO.puts(label)
    for e <- st, do: IO.puts("  " <> Exception.format_stacktrace_entry(e))
  end

  def wait(pid) do
    receive do
      {:EXIT, ^pid, {_e, st}} when is_list(st) -> st
      {:EXIT, ^pid, r} -> IO.inspect(r, label: "other exit"); []
    after
      1000 -> []
    end
  end

  def f(0), do: raise("deep")
  def f(n), do: 1 + f(n - 1)
  def g(0), do: raise("g")
  def g(n), do: apply(__MODULE__, :g, [n - 1])
  def h(fun), do: apply(fun, [])

  def run do
    Process.flag(:trap_exit, true)
    {:ok, p} = GenServer.start_link(S, :ok)
    try do GenServer.call(p, :boom) catch :exit, _ -> show("client of a crash", __STACKTRACE__) end
    show("handle_call", wait(p))
    {:ok, p} = GenServer.start_link(S, :ok)
    GenServer.cast(p, :boom)
    show("handle_cast", wait(p))
    {:ok, p} = GenServer.start_link(S, :ok)
    send(p, :boom)
    show("handle_info", wait(p))
    {:ok, p} = GenServer.start_link(S, {:cont, :crash})
    show("handle_continue", wait(p))
    GenServer.start_link(S, :crash)
    receive do {:EXIT, _, {_, st}} -> show("init", st) after 500 -> :ok end
    {:ok, p} = GenServer.start_link(S, :crash_term)
    GenServer.cast(p, :boom)
    show("terminate", wait(p))
    try do GenServer.call(:nope, :x) catch :exit, _ -> show("noproc", __STACKTRACE__) end
    try do GenServer.call(self(), :x) catch :exit, _ -> show("calling self", __STACKTRACE__) end
    try do GenServer.stop(:nope) catch :exit, _ -> show("stop noproc", __STACKTRACE__) end
    {:ok, p} = GenServer.start_link(S, :ok)
    try do GenServer.call(p, :slow, 10) catch :exit, _ -> show("call timeout", __STACKTRACE__) end
    {:ok, a} = Agent.start_link(fn -> 1 end)
    try do Agent.get(a, fn _ -> raise "agent" end) catch :exit, _ -> :ok end
    show("agent get", wait(a))
    {:ok, a} = Agent.start_link(fn -> 1 end)
    try do Agent.get_and_update(a, fn _ -> raise "agent" end) catch :exit, _ -> :ok end
    show("agent get_and_update", wait(a))
    {:ok, a} = Agent.start_link(fn -> 1 end)
    try do Agent.update(a, fn _ -> raise "agent" end) catch :exit, _ -> :ok end
    show("agent update", wait(a))
    {:ok, a} = Agent.start_link(fn -> 1 end)
    Agent.cast(a, fn _ -> raise "agent" end)
    show("agent cast", wait(a))
    Agent.start_link(fn -> raise "agent init" end)
    receive do {:EXIT, _, {_, st}} -> show("agent init", st) after 500 -> :ok end
    t = Task.async(fn -> raise "task" end)
    show("task async", wait(t.pid))
    {:ok, t} = Task.start_link(fn -> raise "task" end)
    show("task start_link", wait(t))
    t = Task.async(S, :no_such, [])
    show("task mfa", wait(t.pid))
    t = Task.async(fn -> Process.sleep(300) end)
    try do Task.await(t, 10) catch :exit, _ -> show("await timeout", __STACKTRACE__) end
    {:ok, sup} = Task.Supervisor.start_link()
    t = Task.Supervisor.async_nolink(sup, fn -> exit(:down) end)
    try do Task.await(t) catch :exit, _ -> show("await down", __STACKTRACE__) end
    t = Task.Supervisor.async_nolink(sup, fn -> exit(:down) end)
    try do Task.await_many([t]) catch :exit, _ -> show("await_many down", __STACKTRACE__) end
    t = Task.async(fn -> Process.sleep(300) end)
    try do Task.await_many([t], 10) catch :exit, _ -> show("await_many timeout", __STACKTRACE__) end
    t = Task.Supervisor.async_nolink(sup, fn -> raise "tsup" end)
    ref = t.ref
    receive do {:DOWN, ^ref, _, _, {_, st}} -> show("async_nolink", st) after 1000 -> :ok end
    p = spawn_link(fn -> raise "spawn" end)
    show("spawn", wait(p))
    try do :timer.tc(fn -> raise "tc" end) rescue _ -> show("tc/1", __STACKTRACE__) end
    try do :timer.tc(fn _ -> raise "tc" end, [1]) rescue _ -> show("tc/2", __STACKTRACE__) end
    try do :timer.tc(R, :f, [0]) rescue _ -> show("tc/3", __STACKTRACE__) end
    try do f(30) rescue _ -> show("recursion", __STACKTRACE__) end
    try do g(30) rescue _ -> show("apply in tail position", __STACKTRACE__) end
    try do h(fn -> raise "h" end) rescue _ -> show("apply/2 in tail position", __STACKTRACE__) end
  end
end

R.run()

try do
  R.f(3)
rescue
  _ -> R.show("top level", __STACKTRACE__)
end

defmodule Deep do
  def a(0), do: raise("x")
  def a(n), do: [b(n) | []]
  def b(n), do: [a(n - 1) | []]
end

try do
  Deep.a(20)
rescue
  _ -> IO.inspect(length(__STACKTRACE__), label: "depth")
end

IO.inspect(:erlang.system_flag(:backtrace_depth, 3), label: "old depth")

try do
  Deep.a(20)
rescue
  _ -> IO.inspect(length(__STACKTRACE__), label: "depth")
end
