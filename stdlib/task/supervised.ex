defmodule Task.Supervised do
  @moduledoc false
  # The process side of Task: starting a task process (it records its
  # callers, ancestors and initial call, waits to learn where to reply,
  # runs its function, and reports a crash), and the stream of
  # Task.async_stream/3,5 and Task.Supervisor.async_stream/4,6.

  @doc false
  # Spawns a task process for `apply(m, f, a)` (linked when `link` is
  # :link). It first waits for `{:"$task_reply_to", owner, ref}`: the reply
  # goes to the alias `ref` (none when nil).
  def spawn_task(link, owner, initial_call, mfa) do
    callers = [owner | Process.get(:"$callers", [])]
    ancestors = [self() | Process.get(:"$ancestors", [])]
    body = fn -> :proc_lib.init_p_do_apply(__MODULE__, :run, [callers, ancestors, initial_call, mfa]) end
    if link == :link, do: spawn_link(body), else: spawn(body)
  end

  @doc false
  # A supervised task (Task.Supervisor): started by the supervisor, linked
  # to it. An async task (`reply`) waits to learn where to reply; a
  # start_child/3 task (maybe restarted) runs at once.
  def start_link(callers, initial_call, mfa, reply) do
    ancestors = [self() | Process.get(:"$ancestors", [])]
    pid = spawn_link(fn -> :proc_lib.init_p_do_apply(__MODULE__, :run, [callers, ancestors, initial_call, mfa]) end)
    if not reply, do: send(pid, {:"$task_reply_to", nil, nil})
    {:ok, pid}
  end

  @doc false
  # (Run by :proc_lib.init_p_do_apply/3, the bottom frame of a task's stack
  # trace, as in Elixir; reply/3 and invoke_mfa/2 read as Elixir's
  # Task.Supervised.reply/4 and invoke_mfa/2: vm/src/frames.rs.)
  def run(callers, ancestors, initial_call, mfa) do
    Process.put(:"$callers", callers)
    Process.put(:"$ancestors", ancestors)
    Process.put(:"$initial_call", initial_call)

    receive do
      {:"$task_reply_to", _owner, nil} -> invoke_mfa(hd(callers), mfa)
      {:"$task_reply_to", _owner, ref} -> reply(hd(callers), ref, mfa)
    end
  end

  defp reply(owner, ref, mfa) do
    result = invoke_mfa(owner, mfa)
    send(ref, {ref, result})
    :ok
  end

  defp invoke_mfa(owner, {m, f, a} = mfa) do
    try do
      apply(m, f, a)
    catch
      :error, reason ->
        stack = __STACKTRACE__
        report(owner, mfa, :error, reason, stack)
        exit({reason, stack})

      :throw, value ->
        stack = __STACKTRACE__
        report(owner, mfa, :throw, value, stack)
        exit({{:nocatch, value}, stack})

      :exit, reason ->
        stack = __STACKTRACE__

        case reason do
          :normal -> :ok
          :shutdown -> :ok
          {:shutdown, _} -> :ok
          _ -> report(owner, mfa, :exit, reason, stack)
        end

        exit(reason)
    end
  end

  defp report(owner, {m, f, a}, kind, reason, stack) do
    {fun, args} =
      case {m, f, a} do
        {:erlang, :apply, [fun, args]} -> {fun, args}
        _ -> {Function.capture(m, f, length(a)), a}
      end

    :beamlet_logger.crash(
      "Task #{inspect(self())} started from #{inspect(owner)} terminating",
      kind,
      reason,
      stack,
      "Function: #{inspect(fun)}\n    Args: #{inspect(args)}"
    )
  end

  ## async_stream

  @doc false
  # `spawn`: :link (tasks linked to the consumer), :nolink, or
  # {:supervisor, sup} (tasks started as children of a Task.Supervisor).
  def stream(enumerable, fun, options, spawn, _supervisor) do
    max = Keyword.get(options, :max_concurrency, System.schedulers_online())

    unless is_integer(max) and max > 0 do
      raise ArgumentError, ":max_concurrency must be an integer greater than zero"
    end

    config = %{
      fun: fun,
      max: max,
      ordered: Keyword.get(options, :ordered, true),
      timeout: Keyword.get(options, :timeout, 5000),
      on_timeout: Keyword.get(options, :on_timeout, :exit),
      zip: Keyword.get(options, :zip_input_on_exit, false),
      spawn: spawn
    }

    fn acc, reducer ->
      input = fn acc -> Enumerable.reduce(enumerable, acc, fn x, _ -> {:suspend, {:item, x}} end) end

      state = %{
        input: input,
        running: %{},
        buffer: %{},
        queue: [],
        next_in: 0,
        next_out: 0
      }

      reduce(acc, reducer, config, state)
    end
  end

  defp reduce({:halt, acc}, _reducer, config, state) do
    cleanup(config, state)
    {:halted, acc}
  end

  defp reduce({:suspend, acc}, reducer, config, state) do
    {:suspended, acc, &reduce(&1, reducer, config, state)}
  end

  defp reduce({:cont, acc}, reducer, config, state) do
    case next(config, fill(config, state)) do
      {:ok, item, state} -> reduce(reducer.(item, acc), reducer, config, state)
      :done -> {:done, acc}
    end
  end

  # Starts tasks until `max` run or the input ends.
  defp fill(config, %{input: input} = state) do
    if map_size(state.running) < config.max and input != :done do
      case input.({:cont, nil}) do
        {:suspended, {:item, x}, cont} ->
          state = start_task(config, %{state | input: cont}, x)
          fill(config, state)

        _ ->
          fill(config, %{state | input: :done})
      end
    else
      state
    end
  end

  defp start_task(config, state, x) do
    mfa =
      case config.fun do
        {:fun, fun} -> {:erlang, :apply, [fun, [x]]}
        {:mfa, m, f, a} -> {m, f, [x | a]}
      end

    {m, f, a} = mfa
    owner = self()

    pid =
      case config.spawn do
        {:supervisor, sup, link} ->
          case Task.Supervisor.__start_task__(sup, owner, mfa) do
            {:ok, pid} ->
              if link == :link, do: Process.link(pid)
              pid

            {:error, :max_children} ->
              cleanup(config, state)

              raise Task.Supervisor.max_children_message() <>
                      ". When using async_stream or async_stream_nolink, make sure to configure " <>
                      ":max_concurrency to be lower or equal to :max_children and pay attention to " <>
                      "whether other tasks are also spawned under the same task supervisor."
          end

        link -> spawn_task(link, owner, Task.initial_call(m, f, a), mfa)
      end

    ref = :erlang.monitor(:process, pid, alias: :demonitor)
    send(pid, {:"$task_reply_to", owner, ref})

    deadline =
      if config.timeout == :infinity, do: :infinity, else: System.monotonic_time(:millisecond) + config.timeout

    running = Map.put(state.running, ref, {state.next_in, pid, x, deadline})
    %{state | running: running, next_in: state.next_in + 1}
  end

  # The next result to emit, waiting for tasks as needed.
  defp next(config, state) do
    case ready(config, state) do
      {:ok, item, state} ->
        {:ok, item, state}

      :none ->
        if map_size(state.running) == 0 do
          :done
        else
          next(config, fill(config, wait(config, state)))
        end
    end
  end

  defp ready(%{ordered: true}, state) do
    case Map.pop(state.buffer, state.next_out) do
      {nil, _} -> :none
      {item, buffer} -> {:ok, item, %{state | buffer: buffer, next_out: state.next_out + 1}}
    end
  end

  defp ready(%{ordered: false}, state) do
    case state.queue do
      [] -> :none
      [item | rest] -> {:ok, item, %{state | queue: rest}}
    end
  end

  defp store(config, state, index, item) do
    if config.ordered do
      %{state | buffer: Map.put(state.buffer, index, item)}
    else
      %{state | queue: state.queue ++ [item]}
    end
  end

  # Waits for one task to reply, end or time out.
  defp wait(config, state) do
    running = state.running
    now = System.monotonic_time(:millisecond)

    first_deadline =
      Enum.reduce(running, :infinity, fn {_, {_, _, _, d}}, acc -> if d < acc, do: d, else: acc end)

    left = if first_deadline == :infinity, do: :infinity, else: max(first_deadline - now, 0)

    receive do
      {ref, result} when is_reference(ref) and is_map_key(running, ref) ->
        Process.demonitor(ref, [:flush])
        {{index, pid, _, _}, running} = Map.pop(running, ref)
        flush_exit(pid)
        store(config, %{state | running: running}, index, {:ok, result})

      {:DOWN, ref, _, _, reason} when is_map_key(running, ref) ->
        {{index, pid, x, _}, running} = Map.pop(running, ref)
        flush_exit(pid)
        reason = if config.zip, do: {x, reason}, else: reason
        store(config, %{state | running: running}, index, {:exit, reason})
    after
      left -> timed_out(config, state)
    end
  end

  defp timed_out(config, state) do
    now = System.monotonic_time(:millisecond)
    {late, on_time} = Enum.split_with(state.running, fn {_, {_, _, _, d}} -> d != :infinity and d <= now end)

    case config.on_timeout do
      :kill_task ->
        state = %{state | running: Map.new(on_time)}

        late
        |> Enum.sort_by(fn {_, {index, _, _, _}} -> index end)
        |> Enum.reduce(state, fn {ref, {index, pid, x, _}}, state ->
          kill(ref, pid)
          reason = if config.zip, do: {x, :timeout}, else: :timeout
          store(config, state, index, {:exit, reason})
        end)

      _ ->
        cleanup(config, state)
        exit({:timeout, {__MODULE__, :stream, [config.timeout]}})
    end
  end

  defp kill(ref, pid) do
    Process.unlink(pid)
    Process.exit(pid, :kill)
    Process.demonitor(ref, [:flush])
    flush_exit(pid)
  end

  defp flush_exit(pid) do
    receive do
      {:EXIT, ^pid, _} -> :ok
    after
      0 -> :ok
    end
  end

  # Kills the running tasks and closes the input.
  defp cleanup(_config, state) do
    Enum.each(state.running, fn {ref, {_, pid, _, _}} -> kill(ref, pid) end)

    if is_function(state.input, 1) do
      state.input.({:halt, nil})
    end

    :ok
  end
end
