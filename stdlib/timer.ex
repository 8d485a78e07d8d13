# OTP's :timer. A one-shot message to a pid is an :erlang.send_after/3
# timer; everything else (intervals, applies, messages to names) is kept by
# a timer server, a process registered as :timer_server that starts on
# first use. It sets one :erlang.send_after/3 timer to itself per entry.
defmodule :timer do
  @moduledoc false

  @doc "Suspends the caller for `time` ms."
  def sleep(time) do
    receive do
    after
      time -> :ok
    end
  end

  @doc "Sends `msg` to `dest` after `time` ms: `{:ok, tref}` or `{:error, :badarg}`."
  def send_after(time, dest, msg) when is_integer(time) and time >= 0 and is_pid(dest) do
    {:ok, {:send_local, :erlang.send_after(time, dest, msg)}}
  end

  def send_after(time, dest, msg) when is_integer(time) and time >= 0 and is_atom(dest) do
    server_call({:once, time, {:send, dest, msg}})
  end

  def send_after(time, {name, node} = dest, msg)
      when is_integer(time) and time >= 0 and is_atom(name) and is_atom(node) do
    server_call({:once, time, {:send, dest, msg}})
  end

  def send_after(_time, _dest, _msg), do: {:error, :badarg}

  @doc "Sends `msg` to the caller after `time` ms."
  def send_after(time, msg), do: send_after(time, self(), msg)

  @doc "Sends `msg` to `dest` every `time` ms, until cancelled or the caller ends."
  def send_interval(time, dest, msg) when is_integer(time) and time >= 0 and (is_pid(dest) or is_atom(dest)) do
    server_call({:interval, time, self(), {:send, dest, msg}})
  end

  def send_interval(_time, _dest, _msg), do: {:error, :badarg}

  @doc "Sends `msg` to the caller every `time` ms."
  def send_interval(time, msg), do: send_interval(time, self(), msg)

  @doc "Calls `apply(module, function, args)` in a new process after `time` ms."
  def apply_after(time, module, function, args) when is_integer(time) and time >= 0 do
    server_call({:once, time, {:apply, module, function, args}})
  end

  def apply_after(_time, _module, _function, _args), do: {:error, :badarg}

  @doc "Calls `apply(module, function, args)` in a new process every `time` ms."
  def apply_interval(time, module, function, args) when is_integer(time) and time >= 0 do
    server_call({:interval, time, self(), {:apply, module, function, args}})
  end

  def apply_interval(_time, _module, _function, _args), do: {:error, :badarg}

  @doc "Sends the exit signal `reason` to `target` after `time` ms."
  def exit_after(time, target, reason), do: apply_after(time, :erlang, :exit, [target, reason])
  def exit_after(time, reason), do: exit_after(time, self(), reason)

  @doc "Kills `target` after `time` ms."
  def kill_after(time, target), do: exit_after(time, target, :kill)
  def kill_after(time), do: exit_after(time, self(), :kill)

  @doc "Cancels a timer: `{:ok, :cancel}`, or `{:error, :badarg}` for what is not one."
  def cancel({:send_local, ref}) when is_reference(ref) do
    :erlang.cancel_timer(ref)
    {:ok, :cancel}
  end

  def cancel({kind, ref} = tref) when kind in [:once, :interval] and is_reference(ref) do
    case :erlang.whereis(:timer_server) do
      :undefined -> {:ok, :cancel}
      _ -> server_call({:cancel, tref})
    end
  end

  def cancel(_), do: {:error, :badarg}

  @doc "`{microseconds, result}` of calling `fun`."
  def tc(fun) do
    t0 = :erlang.monotonic_time(:microsecond)
    v = fun.()
    {:erlang.monotonic_time(:microsecond) - t0, v}
  end

  def tc(fun, args) do
    t0 = :erlang.monotonic_time(:microsecond)
    v = apply(fun, args)
    {:erlang.monotonic_time(:microsecond) - t0, v}
  end

  def tc(module, function, args) do
    t0 = :erlang.monotonic_time(:microsecond)
    v = apply(module, function, args)
    {:erlang.monotonic_time(:microsecond) - t0, v}
  end

  @doc "Microseconds between two `{mega, secs, micro}` timestamps."
  def now_diff({a2, b2, c2}, {a1, b1, c1}) do
    ((a2 - a1) * 1_000_000 + (b2 - b1)) * 1_000_000 + (c2 - c1)
  end

  def seconds(s), do: 1000 * s
  def minutes(m), do: 1000 * 60 * m
  def hours(h), do: 1000 * 60 * 60 * h
  def hms(h, m, s), do: hours(h) + minutes(m) + seconds(s)

  @doc "Starts the timer server (it also starts on first use)."
  def start() do
    server()
    :ok
  end

  # The server: entries by reference, each `{kind, time, owner, action}`.

  defp server do
    :beamlet_singleton.ensure(:timer_server, fn ->
      Process.flag(:trap_exit, true)
      server_loop(%{})
    end)
  end

  defp server_call(request) do
    pid = server()
    ref = make_ref()
    send(pid, {:timer_request, self(), ref, request})

    receive do
      {^ref, reply} -> reply
    end
  end

  defp server_loop(entries) do
    receive do
      {:timer_request, from, tag, {:once, time, action}} ->
        ref = make_ref()
        tref = :erlang.send_after(time, self(), {:timer_fire, ref})
        send(from, {tag, {:ok, {:once, ref}}})
        server_loop(Map.put(entries, ref, {:once, time, nil, action, tref}))

      {:timer_request, from, tag, {:interval, time, owner, action}} ->
        ref = make_ref()
        Process.link(owner)
        tref = :erlang.send_after(time, self(), {:timer_fire, ref})
        send(from, {tag, {:ok, {:interval, ref}}})
        server_loop(Map.put(entries, ref, {:interval, time, owner, action, tref}))

      {:timer_request, from, tag, {:cancel, {_kind, ref}}} ->
        send(from, {tag, {:ok, :cancel}})

        case Map.fetch(entries, ref) do
          {:ok, {_, _, owner, _, tref}} ->
            :erlang.cancel_timer(tref)
            entries = Map.delete(entries, ref)
            if owner != nil and not owns_interval?(entries, owner), do: Process.unlink(owner)
            server_loop(entries)

          :error ->
            server_loop(entries)
        end

      {:timer_fire, ref} ->
        case Map.fetch(entries, ref) do
          {:ok, {:once, _, _, action, _}} ->
            run(action)
            server_loop(Map.delete(entries, ref))

          {:ok, {:interval, time, owner, action, _}} ->
            run(action)
            tref = :erlang.send_after(time, self(), {:timer_fire, ref})
            server_loop(Map.put(entries, ref, {:interval, time, owner, action, tref}))

          :error ->
            server_loop(entries)
        end

      {:EXIT, pid, _reason} ->
        entries =
          entries
          |> Enum.reject(fn {_ref, {_, _, owner, _, tref}} ->
            owner == pid and :erlang.cancel_timer(tref) != :ignored
          end)
          |> Map.new()

        server_loop(entries)

      _ ->
        server_loop(entries)
    end
  end

  defp owns_interval?(entries, owner) do
    Enum.any?(entries, fn {_ref, {_, _, o, _, _}} -> o == owner end)
  end

  defp run({:send, dest, msg}) do
    try do
      send(dest, msg)
    rescue
      _ -> :ok
    end
  end

  defp run({:apply, m, f, a}) when is_atom(m) and is_atom(f) and is_list(a), do: spawn(m, f, a)
  defp run({:apply, m, f, a}), do: spawn(fn -> apply(m, f, a) end)
end
