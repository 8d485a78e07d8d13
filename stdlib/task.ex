# Task: a function run in a process of its own, whose result the owner
# awaits. The task's monitor reference is also an alias of the owner: the
# task replies `{ref, result}` through it, so a reply that comes after the
# owner stopped waiting (a timeout, Task.ignore/1) is dropped.
defmodule Task do
  @enforce_keys [:mfa, :owner, :pid, :ref]
  defstruct [:mfa, :owner, :pid, :ref]

  defmacro __using__(opts) do
    quote location: :keep, bind_quoted: [opts: opts] do
      @doc false
      def child_spec(arg) do
        default = %{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}, restart: :temporary}
        Supervisor.child_spec(default, unquote(Macro.escape(opts)))
      end

      defoverridable child_spec: 1
    end
  end

  @doc "The child specification of a task started with `start_link(arg)`."
  def child_spec(arg) do
    %{id: Task, restart: :temporary, start: {Task, :start_link, [arg]}}
  end

  @doc "Runs `fun` in a new process linked to the caller; await its result with `await/2`."
  def async(fun) when is_function(fun, 0), do: async(:erlang, :apply, [fun, []])

  def async(module, function_name, args) when is_atom(module) and is_atom(function_name) and is_list(args) do
    mfa = {module, function_name, length(args)}
    owner = self()
    pid = Task.Supervised.spawn_task(:link, owner, initial_call(module, function_name, args), {module, function_name, args})
    ref = :erlang.monitor(:process, pid, alias: :demonitor)
    send(pid, {:"$task_reply_to", owner, ref})
    %Task{pid: pid, ref: ref, owner: owner, mfa: mfa}
  end

  @doc false
  def initial_call(:erlang, :apply, [fun, []]) when is_function(fun) do
    {:module, m} = Function.info(fun, :module)
    {:name, n} = Function.info(fun, :name)
    {m, n, 0}
  end

  def initial_call(m, f, a), do: {m, f, length(a)}

  @doc "A task already completed with `result`, not backed by a process."
  def completed(result) do
    ref = make_ref()
    send(self(), {ref, result})
    %Task{pid: nil, ref: ref, owner: self(), mfa: {Task, :completed, 1}}
  end

  @doc "Starts a task not linked to the caller: `{:ok, pid}`."
  def start(fun) when is_function(fun, 0), do: start(:erlang, :apply, [fun, []])

  def start(module, function_name, args) do
    pid = Task.Supervised.spawn_task(:nolink, self(), initial_call(module, function_name, args), {module, function_name, args})
    send(pid, {:"$task_reply_to", nil, nil})
    {:ok, pid}
  end

  @doc "Starts a task linked to the caller: `{:ok, pid}`."
  def start_link(fun) when is_function(fun, 0), do: start_link(:erlang, :apply, [fun, []])

  def start_link(module, function_name, args) do
    pid = Task.Supervised.spawn_task(:link, self(), initial_call(module, function_name, args), {module, function_name, args})
    send(pid, {:"$task_reply_to", nil, nil})
    {:ok, pid}
  end

  defp check_owner(%Task{owner: owner} = task) do
    if owner != self() do
      raise ArgumentError,
            "task #{inspect(task)} must be queried from the owner but was queried from #{inspect(self())}"
    end
  end

  @doc "Waits `timeout` ms for the task's result; exits the caller if the task exits or time runs out."
  def await(task, timeout \\ 5000)

  def await(%Task{owner: owner} = task, _timeout) when owner != self(), do: await_owner(task)

  def await(%Task{ref: ref} = task, timeout) do
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, proc, reason} ->
        await_down(down_reason(reason, proc), [task, timeout])
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        await_timeout(task, timeout)
    end
  end

  # A task queried from another process than its owner: raised from a
  # helper in tail position of each function, read as that function at
  # Elixir's line (vm/src/frames.rs).
  defp await_owner(task), do: raise(ArgumentError, owner_message(task))
  defp yield_owner(task), do: raise(ArgumentError, owner_message(task))
  defp ignore_owner(task), do: raise(ArgumentError, owner_message(task))
  defp shutdown_owner(task), do: raise(ArgumentError, owner_message(task))

  defp owner_message(task),
    do: "task #{inspect(task)} must be queried from the owner but was queried from #{inspect(self())}"

  # await/2's exits, read as Task.await/2 at Elixir's lines (vm/src/frames.rs).
  defp await_down(reason, args), do: exit({reason, {__MODULE__, :await, args}})
  defp await_timeout(task, timeout), do: exit({:timeout, {__MODULE__, :await, [task, timeout]}})

  defp down_reason(:noconnection, proc), do: {:nodedown, monitor_node(proc)}
  defp down_reason(reason, _proc), do: reason

  defp monitor_node(pid) when is_pid(pid), do: node(pid)
  defp monitor_node({_, node}), do: node

  @doc "Waits for every task (within `timeout` ms in all): their results, in order."
  def await_many(tasks, timeout \\ 5000) when is_list(tasks) do
    Enum.each(tasks, &check_owner/1)
    deadline = if timeout == :infinity, do: :infinity, else: System.monotonic_time(:millisecond) + timeout
    refs = Map.new(Enum.with_index(tasks), fn {t, i} -> {t.ref, i} end)
    replies = await_many(tasks, timeout, refs, deadline, %{})
    Enum.map(0..(length(tasks) - 1)//1, &Map.fetch!(replies, &1))
  end

  defp await_many(tasks, timeout, refs, deadline, replies) do
    if map_size(replies) == length(tasks) do
      replies
    else
      left = if deadline == :infinity, do: :infinity, else: max(deadline - System.monotonic_time(:millisecond), 0)

      receive do
        {ref, reply} when is_reference(ref) and is_map_key(refs, ref) ->
          Process.demonitor(ref, [:flush])
          i = Map.fetch!(refs, ref)
          await_many(tasks, timeout, Map.delete(refs, ref), deadline, Map.put(replies, i, reply))

        {:DOWN, ref, _, proc, reason} when is_map_key(refs, ref) ->
          await_many_down(down_reason(reason, proc), [tasks, timeout])
      after
        left ->
          Enum.each(Map.keys(refs), &Process.demonitor(&1, [:flush]))
          await_many_timeout([tasks, timeout])
      end
    end
  end

  # await_many/2's exits, read as Elixir's Task.await_many/5 at its lines
  # (vm/src/frames.rs), under await_many/2.
  defp await_many_down(reason, args), do: exit({reason, {__MODULE__, :await_many, args}})
  defp await_many_timeout(args), do: exit({:timeout, {__MODULE__, :await_many, args}})

  @doc "Waits `timeout` ms: `{:ok, result}`, `{:exit, reason}`, or `nil` (the task runs on)."
  def yield(task, timeout \\ 5000)
  def yield(%Task{owner: owner} = task, _timeout) when owner != self(), do: yield_owner(task)

  def yield(%Task{ref: ref} = task, timeout) do
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, proc, :noconnection} ->
        exit({{:nodedown, monitor_node(proc)}, {__MODULE__, :yield, [task, timeout]}})

      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      timeout -> nil
    end
  end

  @doc "Yields each task within `timeout` ms in all: `[{task, {:ok, r} | {:exit, reason} | nil}]`."
  def yield_many(tasks, timeout \\ 5000) when is_list(tasks) do
    Enum.each(tasks, &check_owner/1)
    deadline = if timeout == :infinity, do: :infinity, else: System.monotonic_time(:millisecond) + timeout
    refs = Map.new(Enum.with_index(tasks), fn {t, i} -> {t.ref, i} end)
    results = yield_many(tasks, timeout, refs, deadline, %{})
    Enum.map(Enum.with_index(tasks), fn {t, i} -> {t, Map.get(results, i)} end)
  end

  defp yield_many(tasks, timeout, refs, deadline, results) do
    if map_size(refs) == 0 do
      results
    else
      left = if deadline == :infinity, do: :infinity, else: max(deadline - System.monotonic_time(:millisecond), 0)

      receive do
        {ref, reply} when is_reference(ref) and is_map_key(refs, ref) ->
          Process.demonitor(ref, [:flush])
          i = Map.fetch!(refs, ref)
          yield_many(tasks, timeout, Map.delete(refs, ref), deadline, Map.put(results, i, {:ok, reply}))

        {:DOWN, ref, _, proc, :noconnection} when is_map_key(refs, ref) ->
          exit({{:nodedown, monitor_node(proc)}, {__MODULE__, :yield_many, [tasks, timeout]}})

        {:DOWN, ref, _, _, reason} when is_map_key(refs, ref) ->
          i = Map.fetch!(refs, ref)
          yield_many(tasks, timeout, Map.delete(refs, ref), deadline, Map.put(results, i, {:exit, reason}))
      after
        left -> results
      end
    end
  end

  @doc "Stops caring about the task: its result or exit if already there, else `nil`; it runs on unlinked."
  def ignore(%Task{owner: owner} = task) when owner != self(), do: ignore_owner(task)

  def ignore(%Task{ref: ref, pid: pid} = task) do
    result =
      receive do
        {^ref, reply} ->
          Process.demonitor(ref, [:flush])
          {:ok, reply}

        {:DOWN, ^ref, _, proc, :noconnection} ->
          exit({{:nodedown, monitor_node(proc)}, {__MODULE__, :ignore, [task]}})

        {:DOWN, ^ref, _, _, reason} ->
          {:exit, reason}
      after
        0 ->
          Process.demonitor(ref, [:flush])
          nil
      end

    if pid, do: Process.unlink(pid)
    result
  end

  @doc "Stops the task (`:shutdown`, then `:kill` after `shutdown` ms, or `:brutal_kill`): its result if it finished, `{:exit, reason}`, or `nil`."
  def shutdown(task, shutdown \\ 5000)

  def shutdown(%Task{pid: nil} = task, _shutdown) do
    raise ArgumentError, "task #{inspect(task)} does not have an associated task process"
  end

  def shutdown(%Task{owner: owner} = task, _shutdown) when owner != self(), do: shutdown_owner(task)

  def shutdown(%Task{pid: pid, ref: ref} = task, shutdown) do
    Process.unlink(pid)
    mon = Process.monitor(pid)

    case shutdown do
      :brutal_kill -> Process.exit(pid, :kill)
      _ -> Process.exit(pid, :shutdown)
    end

    expected = if shutdown == :brutal_kill, do: :killed, else: :shutdown
    timeout = if shutdown == :brutal_kill, do: :infinity, else: shutdown
    result = shutdown_receive(task, ref, mon, shutdown, timeout, expected)
    Process.demonitor(ref, [:flush])
    Process.demonitor(mon, [:flush])
    result
  end

  # `expected`: the reason the exit signal we sent gives (`:shutdown`, or
  # `:killed` for :brutal_kill), which ends the task without a result. A kill
  # after the timeout expects nothing: then the task's end is `{:exit, :killed}`.
  # A reply that arrived with the task's end wins over it.
  defp shutdown_receive(task, ref, mon, shutdown, timeout, expected) do
    receive do
      {^ref, reply} ->
        {:ok, reply}

      {:DOWN, down, _, proc, reason} when down == ref or down == mon ->
        reason = if down == mon and reason == :noproc, do: task_down_reason(ref), else: reason

        receive do
          {^ref, reply} -> {:ok, reply}
        after
          0 ->
            cond do
              reason == :noconnection ->
                exit({{:nodedown, monitor_node(proc)}, {__MODULE__, :shutdown, [task, shutdown]}})

              reason == expected ->
                nil

              true ->
                {:exit, reason}
            end
        end
    after
      timeout ->
        Process.exit(task.pid, :kill)
        shutdown_receive(task, ref, mon, shutdown, :infinity, nil)
    end
  end

  # The task was gone before we monitored it: the reason its own monitor gave.
  defp task_down_reason(ref) do
    receive do
      {:DOWN, ^ref, _, _, reason} -> reason
    after
      0 -> :noproc
    end
  end

  @doc "Runs `fun` on each element in tasks, at most `max_concurrency` at a time: a stream of `{:ok, result}` / `{:exit, reason}`."
  def async_stream(enumerable, fun, options \\ []) when is_function(fun, 1) and is_list(options) do
    Task.Supervised.stream(enumerable, {:fun, fun}, options, :link, nil)
  end

  def async_stream(enumerable, module, function_name, args, options \\ [])
      when is_atom(module) and is_atom(function_name) and is_list(args) and is_list(options) do
    Task.Supervised.stream(enumerable, {:mfa, module, function_name, args}, options, :link, nil)
  end

  @doc false
  def find(tasks, {ref, reply}) when is_reference(ref) do
    Enum.find_value(tasks, fn
      %Task{ref: ^ref} = task ->
        Process.demonitor(ref, [:flush])
        {reply, task}

      %Task{} ->
        nil
    end)
  end

  def find(tasks, {:DOWN, ref, _, proc, reason} = msg) when is_reference(ref) do
    find = fn %Task{ref: task_ref} -> task_ref == ref end

    if Enum.find(tasks, find) do
      exit({down_reason(reason, proc), {__MODULE__, :find, [tasks, msg]}})
    end
  end

  def find(_tasks, _msg), do: nil
end
