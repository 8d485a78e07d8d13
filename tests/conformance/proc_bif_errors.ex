# Process built-ins given bad arguments raise ArgumentError with the argument explained, as
# Elixir 1.14 prints them (spawn/3 and spawn options too); Process.register's guard; spawn_monitor
# of a fun of another arity; a monitor made by registered name names the process as {name, node}
# in its :DOWN message.
show = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.inspect(e)
  end
end

show.(fn -> Process.exit(:x, :y) end)
show.(fn -> :erlang.exit("pid", :y) end)
show.(fn -> Process.link(:x) end)
show.(fn -> Process.unlink(:x) end)
show.(fn -> Process.monitor(1) end)
show.(fn -> Process.demonitor(:x) end)
show.(fn -> Process.alive?(:x) end)
show.(fn -> Process.info(:x) end)
show.(fn -> Process.info(:x, :links) end)
show.(fn -> Process.flag(:bogus, 1) end)
show.(fn -> Process.flag(:trap_exit, 1) end)
show.(fn -> Process.send_after(self(), :m, -1) end)
show.(fn -> Process.send_after(self(), :m, :x) end)
show.(fn -> Process.cancel_timer(:x) end)
show.(fn -> Process.read_timer(:x) end)
show.(fn -> spawn(:x) end)
show.(fn -> Process.register(self(), "name") end)
show.(fn -> Process.register(self(), nil) end)
show.(fn -> Process.register(self(), :undefined) end)
show.(fn -> Process.unregister(:never_registered) end)
show.(fn -> spawn(:m, "f", []) end)
show.(fn -> spawn(:m, :f, :not_a_list) end)
show.(fn -> spawn_link("m", :f, []) end)
show.(fn -> Process.spawn(:m, :f, [], [:bad]) end)
show.(fn -> Process.spawn(fn -> :ok end, [{:priority, :bogus}]) end)
show.(fn -> :erlang.spawn_opt(fn -> :ok end, :not_a_list) end)

defmodule Monitors do
  # (In a function: OTP 25's compiler fails on these receives at a script's top level.)
  def run do
    try do
      spawn_monitor(fn x -> x end)
    rescue
      e -> IO.inspect(e, label: "spawn_monitor of a fun/1")
    end


    worker = spawn(fn -> receive do: (:stop -> :ok) end)
    Process.register(worker, :worker)
    ref = Process.monitor(:worker)
    send(:worker, :stop)
    receive do
      {:DOWN, ^ref, :process, who, reason} -> IO.inspect({who, reason}, label: "by name")
    end

    ref = Process.monitor(:worker)
    receive do
      {:DOWN, ^ref, :process, who, reason} -> IO.inspect({who, reason}, label: "gone name")
    end

    other = spawn(fn -> receive do: (:stop -> exit(:stopped)) end)
    Process.register(other, :other)
    by_name = Process.monitor({:other, node()})
    by_pid = Process.monitor(other)
    send(other, :stop)
    for _ <- 1..2 do
      receive do
        {:DOWN, ^by_name, :process, who, reason} -> IO.inspect({who, reason}, label: "tuple name")
        {:DOWN, ^by_pid, :process, who, reason} -> IO.inspect({who == other, reason}, label: "pid")
      end
    end
  end
end

Monitors.run()
