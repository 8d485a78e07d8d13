# Process functions written in the language; the rest are built-ins
# (vm/src/bif/process.rs): spawn, links, monitors, exit signals, names,
# timers, the dictionary.
defmodule Process do
  # Suspends the calling process (never its scheduler thread) for `ms`
  # milliseconds, or forever with :infinity. `:timer.sleep/1` compiles to this.
  def sleep(ms) when is_integer(ms) and ms >= 0 do
    receive do
    after
      ms -> :ok
    end
  end

  def sleep(:infinity) do
    receive do
    after
      :infinity -> :ok
    end
  end

  @doc "Whether `pid` is alive (see `:erlang.is_process_alive/1`)."
  def alive?(pid), do: :erlang.is_process_alive(pid)

  @doc "Information about `pid` (a keyword list), or `nil` if it is not alive."
  def info(pid) do
    nilify(:erlang.process_info(pid))
  end

  @doc "The item `spec` (or the list of items) of `pid`'s information, or `nil` if it is not alive."
  def info(pid, :registered_name) do
    case :erlang.process_info(pid, :registered_name) do
      :undefined -> nil
      [] -> {:registered_name, []}
      other -> other
    end
  end

  def info(pid, spec) when is_atom(spec) or is_list(spec) do
    nilify(:erlang.process_info(pid, spec))
  end

  @doc "Every `{key, value}` of the process dictionary."
  def get(), do: :erlang.get()

  @doc "The value of `key` in the process dictionary, or `default`."
  def get(key, default \\ nil) do
    case :erlang.get(key) do
      :undefined -> default
      value -> value
    end
  end

  @doc "The keys of the process dictionary."
  def get_keys(), do: :erlang.get_keys()

  @doc "The keys of the process dictionary holding `value`."
  def get_keys(value), do: :erlang.get_keys(value)

  @doc "Stores `value` under `key` in the process dictionary; the old value, or `nil`."
  def put(key, value) do
    nilify(:erlang.put(key, value))
  end

  @doc "Deletes `key` from the process dictionary; its value, or `nil`."
  def delete(key) do
    nilify(:erlang.erase(key))
  end

  @doc "Every registered name."
  def registered(), do: :erlang.registered()

  @doc "Sends `msg` to `dest`; the options (`:noconnect`, `:nosuspend`) matter only between nodes."
  def send(dest, msg, options) when is_list(options) do
    :erlang.send(dest, msg, options)
  end

  @doc "Sends `msg` to `dest` after `time` ms (or at monotonic time `time` with `abs: true`)."
  def send_after(dest, msg, time, opts \\ [])

  def send_after(dest, msg, time, []), do: :erlang.send_after(time, dest, msg)

  def send_after(dest, msg, time, opts) when is_list(opts) do
    :erlang.send_after(time, dest, msg, opts)
  end

  @doc "Cancels the timer `ref`: the milliseconds that were left, or `false`."
  def cancel_timer(ref, options) when is_list(options) do
    :erlang.cancel_timer(ref, options)
  end

  @doc "Milliseconds left on timer `ref`, or `false`."
  def read_timer(ref), do: :erlang.read_timer(ref)

  @doc "Removes the monitor `ref`; `:flush` also drops its `:DOWN` message, `:info` says whether it was active."
  def demonitor(ref, options) when is_list(options) do
    :erlang.demonitor(ref, options)
  end

  @doc "Sets `flag` of process `pid` (only `:save_calls`)."
  def flag(pid, flag, value), do: :erlang.process_flag(pid, flag, value)

  @doc "The group leader of the calling process."
  def group_leader(), do: :erlang.group_leader()

  @doc "Makes `leader` the group leader of `pid`."
  def group_leader(pid, leader), do: :erlang.group_leader(leader, pid)

  @doc "Waits for a message, then calls `apply(mod, fun, args)`; the process ends when it returns."
  def hibernate(mod, fun_name, args), do: :erlang.hibernate(mod, fun_name, args)

  @doc "Spawns `fun` with spawn options (`:link`, `:monitor`, `{:priority, p}`...)."
  def spawn(fun, opts), do: :erlang.spawn_opt(fun, opts)

  @doc "Spawns `apply(mod, fun, args)` with spawn options."
  def spawn(mod, fun, args, opts), do: :erlang.spawn_opt(mod, fun, args, opts)

  defp nilify(:undefined), do: nil
  defp nilify(other), do: other
end
