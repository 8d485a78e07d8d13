# Erlang/OTP 25's `:timer` module, written in the language over the
# process primitives: `tc/1,2,3`, `sleep/1`, the unit helpers (`seconds`,
# `minutes`, `hours`, `hms`, `now_diff`), and the timers (`send_after`,
# `send_interval`, `apply_after`, `apply_interval`, `exit_after`,
# `kill_after`, `cancel`). A one-shot message is the VM's own timer
# (`{:send_local, ref}`, as OTP 25); the others run in a small process of
# their own (`{:once | :interval, ref}`), which `cancel/1` stops.
defmodule :timer do
  @moduledoc false

  @doc "`{microseconds, result}` of calling `fun`."
  def tc(fun) do
    t0 = :erlang.monotonic_time(:microsecond)
    v = fun.()
    {:erlang.monotonic_time(:microsecond) - t0, v}
  end

  @doc "`{microseconds, result}` of applying `fun` to `args`."
  def tc(fun, args) do
    t0 = :erlang.monotonic_time(:microsecond)
    v = apply(fun, args)
    {:erlang.monotonic_time(:microsecond) - t0, v}
  end

  @doc "`{microseconds, result}` of `apply(module, fun, args)`."
  def tc(module, fun, args) do
    t0 = :erlang.monotonic_time(:microsecond)
    v = apply(module, fun, args)
    {:erlang.monotonic_time(:microsecond) - t0, v}
  end

  @doc "Waits `ms` milliseconds (or forever for `:infinity`); `:ok`."
  def sleep(ms), do: Process.sleep(ms)

  @doc "Milliseconds in `n` seconds."
  def seconds(n), do: 1000 * n
  @doc "Milliseconds in `n` minutes."
  def minutes(n), do: 60 * seconds(n)
  @doc "Milliseconds in `n` hours."
  def hours(n), do: 60 * minutes(n)
  @doc "Milliseconds in `h` hours, `m` minutes and `s` seconds."
  def hms(h, m, s), do: hours(h) + minutes(m) + seconds(s)

  @doc "Microseconds from the timestamp `t1` back to `t2` (`{mega, sec, micro}` each)."
  def now_diff({a2, b2, c2}, {a1, b1, c1}), do: ((a2 - a1) * 1_000_000 + (b2 - b1)) * 1_000_000 + (c2 - c1)

  @doc "Sends `msg` to `dest` after `time` ms: `{:ok, tref}`."
  def send_after(time, dest, msg) when is_integer(time) and time >= 0 do
    {:ok, {:send_local, :erlang.send_after(time, dest, msg)}}
  end

  def send_after(_time, _dest, _msg), do: {:error, :badarg}

  @doc "Sends `msg` to the caller after `time` ms."
  def send_after(time, msg), do: send_after(time, self(), msg)

  @doc "Applies `module.fun(args)` in a new process after `time` ms: `{:ok, tref}`."
  def apply_after(time, m, f, a) when is_integer(time) and time >= 0 do
    start(:once, time, fn -> spawn(fn -> apply(m, f, a) end) end, nil)
  end

  def apply_after(_time, _m, _f, _a), do: {:error, :badarg}

  @doc "Sends `msg` to `pid` every `time` ms, while `pid` lives: `{:ok, tref}`."
  def send_interval(time, pid, msg) when is_integer(time) and time >= 0 do
    start(:interval, time, fn -> send(pid, msg) end, pid)
  end

  def send_interval(_time, _pid, _msg), do: {:error, :badarg}

  @doc "Sends `msg` to the caller every `time` ms."
  def send_interval(time, msg), do: send_interval(time, self(), msg)

  @doc "Applies `module.fun(args)` every `time` ms, while the caller lives."
  def apply_interval(time, m, f, a) when is_integer(time) and time >= 0 do
    start(:interval, time, fn -> spawn(fn -> apply(m, f, a) end) end, self())
  end

  def apply_interval(_time, _m, _f, _a), do: {:error, :badarg}

  @doc "Sends the exit signal `reason` to `pid` after `time` ms."
  def exit_after(time, pid, reason), do: start(:once, time, fn -> Process.exit(pid, reason) end, nil)

  @doc "Exits the caller with `reason` after `time` ms."
  def exit_after(time, reason), do: exit_after(time, self(), reason)

  @doc "Kills `pid` after `time` ms."
  def kill_after(time, pid), do: exit_after(time, pid, :kill)

  @doc "Kills the caller after `time` ms."
  def kill_after(time), do: exit_after(time, self(), :kill)

  @doc "Cancels a timer: `{:ok, :cancel}`, or `{:error, :badarg}` for what is not one."
  def cancel({:send_local, ref}) when is_reference(ref) do
    :erlang.cancel_timer(ref)
    {:ok, :cancel}
  end

  def cancel({kind, ref}) when kind in [:once, :interval] and is_reference(ref) do
    case :erlang.get({:beamlet_timer, ref}) do
      pid when is_pid(pid) ->
        :erlang.erase({:beamlet_timer, ref})
        send(pid, {:beamlet_timer_cancel, ref})

      _ ->
        :ok
    end

    {:ok, :cancel}
  end

  def cancel(_), do: {:error, :badarg}

  # A process that runs `action` after `time` ms (once, or every `time`
  # ms while `owner` lives).
  defp start(kind, time, action, owner) do
    ref = make_ref()

    pid =
      spawn(fn ->
        if owner, do: Process.monitor(owner)
        loop(kind, time, action, ref)
      end)

    :erlang.put({:beamlet_timer, ref}, pid)
    {:ok, {kind, ref}}
  end

  defp loop(kind, time, action, ref) do
    receive do
      {:beamlet_timer_cancel, ^ref} -> :ok
      {:DOWN, _, :process, _, _} -> :ok
    after
      time ->
        action.()
        if kind == :interval, do: loop(kind, time, action, ref)
    end
  end
end
