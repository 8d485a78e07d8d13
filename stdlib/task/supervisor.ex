defmodule Task.Supervisor do
  @moduledoc "A DynamicSupervisor of tasks: tasks started under it, awaited or not."

  @doc "The child specification of a Task.Supervisor started with `start_link(options)`."
  def child_spec(options) when is_list(options) do
    id = Keyword.get(options, :name, Task.Supervisor)
    %{id: id, start: {Task.Supervisor, :start_link, [options]}, type: :supervisor}
  end

  @doc "Starts a task supervisor; `:restart` and `:shutdown` are its tasks' defaults."
  def start_link(options \\ []) do
    {restart, options} = Keyword.pop(options, :restart)
    {shutdown, options} = Keyword.pop(options, :shutdown)
    keys = [:max_children, :max_seconds, :max_restarts]
    {sup_opts, start_opts} = Keyword.split(options, keys)
    defaults = [restart: restart || :temporary, shutdown: shutdown || 5000]
    {:ok, flags} = DynamicSupervisor.init([strategy: :one_for_one] ++ sup_opts)
    DynamicSupervisor.start_link(__MODULE__, {flags, defaults}, start_opts)
  end

  @doc false
  def init({flags, defaults}) do
    Process.put(:"$task_defaults", defaults)
    {:ok, flags}
  end

  @doc "Starts a task under `supervisor`, linked to the caller; await it with Task.await/2."
  def async(supervisor, fun, options \\ []), do: async(supervisor, :erlang, :apply, [fun, []], options)

  def async(supervisor, module, fun, args, options \\ []) do
    do_async(:link, supervisor, {module, fun, args}, options)
  end

  @doc "As async/3, but the task is not linked to the caller."
  def async_nolink(supervisor, fun, options \\ []),
    do: async_nolink(supervisor, :erlang, :apply, [fun, []], options)

  def async_nolink(supervisor, module, fun, args, options \\ []) do
    do_async(:nolink, supervisor, {module, fun, args}, options)
  end

  defp do_async(link, supervisor, {m, f, a} = mfa, options) do
    owner = self()
    shutdown = Keyword.get(options, :shutdown, 5000)

    case start_task(supervisor, owner, mfa, :temporary, shutdown, true) do
      {:ok, pid} ->
        if link == :link, do: Process.link(pid)
        ref = :erlang.monitor(:process, pid, alias: :demonitor)
        send(pid, {:"$task_reply_to", owner, ref})
        %Task{pid: pid, ref: ref, owner: owner, mfa: {m, f, length(a)}}

      {:error, :max_children} ->
        raise max_children_message()

      other ->
        exit({other, {__MODULE__, :async, [supervisor, mfa, options]}})
    end
  end

  @doc "Starts a task under `supervisor` that replies to nobody: `{:ok, pid}`."
  def start_child(supervisor, fun, options \\ []), do: start_child(supervisor, :erlang, :apply, [fun, []], options)

  def start_child(supervisor, module, fun, args, options \\ []) when is_atom(fun) and is_list(args) do
    restart = Keyword.get(options, :restart)
    shutdown = Keyword.get(options, :shutdown)

    start_task(supervisor, self(), {module, fun, args}, restart, shutdown, false)
  end

  defp start_task(supervisor, owner, {m, f, a} = mfa, restart, shutdown, reply) do
    callers = [owner | Process.get(:"$callers", [])]
    initial = Task.initial_call(m, f, a)

    spec = %{
      id: Task.Supervised,
      start: {Task.Supervised, :start_link, [callers, initial, mfa, reply]},
      restart: restart || :temporary,
      shutdown: shutdown || 5000
    }

    DynamicSupervisor.start_child(supervisor, spec)
  end

  @doc false
  def __start_task__(supervisor, owner, mfa) do
    start_task(supervisor, owner, mfa, :temporary, 5000, true)
  end

  @doc false
  def max_children_message do
    "reached the maximum number of tasks for this task supervisor. The maximum number " <>
      "of tasks that are allowed to run at the same time under this supervisor can be " <>
      "configured with the :max_children option passed to Task.Supervisor.start_link/1"
  end

  @doc "Terminates the task `pid` of `supervisor`."
  def terminate_child(supervisor, pid) when is_pid(pid) do
    DynamicSupervisor.terminate_child(supervisor, pid)
  end

  @doc "The pids of the tasks of `supervisor`."
  def children(supervisor) do
    for {_, pid, _, _} <- DynamicSupervisor.which_children(supervisor), is_pid(pid), do: pid
  end

  @doc "Task.async_stream/3 with the tasks started under `supervisor`, linked to the caller."
  def async_stream(supervisor, enumerable, fun, options \\ []) when is_function(fun, 1) do
    Task.Supervised.stream(enumerable, {:fun, fun}, options, {:supervisor, supervisor, :link}, supervisor)
  end

  def async_stream(supervisor, enumerable, module, function, args, options \\ []) do
    Task.Supervised.stream(enumerable, {:mfa, module, function, args}, options, {:supervisor, supervisor, :link}, supervisor)
  end

  @doc "As async_stream/4, the tasks not linked to the caller."
  def async_stream_nolink(supervisor, enumerable, fun, options \\ []) when is_function(fun, 1) do
    Task.Supervised.stream(enumerable, {:fun, fun}, options, {:supervisor, supervisor, :nolink}, supervisor)
  end

  def async_stream_nolink(supervisor, enumerable, module, function, args, options \\ []) do
    Task.Supervised.stream(enumerable, {:mfa, module, function, args}, options, {:supervisor, supervisor, :nolink}, supervisor)
  end
end
