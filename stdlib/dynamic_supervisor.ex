# DynamicSupervisor: a supervisor that starts no children itself; they are
# added with start_child/2 and known by pid. One strategy, :one_for_one.
defmodule DynamicSupervisor do
  @behaviour GenServer
  @callback init(init_arg :: term) :: {:ok, map} | :ignore

  defstruct [
    :args,
    :extra_arguments,
    :mod,
    :name,
    :strategy,
    :max_children,
    :max_restarts,
    :max_seconds,
    children: %{},
    restarts: []
  ]

  defmacro __using__(opts) do
    quote location: :keep, bind_quoted: [opts: opts] do
      @behaviour DynamicSupervisor

      @doc false
      def child_spec(arg) do
        default = %{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}, type: :supervisor}
        Supervisor.child_spec(default, unquote(Macro.escape(opts)))
      end

      defoverridable child_spec: 1
    end
  end

  @doc "The child specification of a DynamicSupervisor started with `start_link(options)`."
  def child_spec(options) when is_list(options) do
    id =
      case Keyword.get(options, :name, DynamicSupervisor) do
        name when is_atom(name) -> name
        {:global, name} -> name
        {:via, _module, name} -> name
      end

    %{id: id, start: {DynamicSupervisor, :start_link, [options]}, type: :supervisor}
  end

  @doc "Starts a DynamicSupervisor with `options` (`:strategy`, `:max_children`, `:name`...)."
  def start_link(options) when is_list(options) do
    keys = [:extra_arguments, :max_children, :max_seconds, :max_restarts, :strategy]
    {sup_opts, start_opts} = Keyword.split(options, keys)
    start_link(Supervisor.Default, init(sup_opts), start_opts)
  end

  @doc "Starts a DynamicSupervisor whose flags `module.init(init_arg)` gives."
  def start_link(module, init_arg, opts \\ []) do
    GenServer.start_link(__MODULE__, {module, init_arg, opts[:name]}, opts)
  end

  @doc "The flags of a DynamicSupervisor, with their defaults."
  def init(options) when is_list(options) do
    strategy = Keyword.get(options, :strategy, :one_for_one)
    intensity = Keyword.get(options, :max_restarts, 3)
    period = Keyword.get(options, :max_seconds, 5)
    max_children = Keyword.get(options, :max_children, :infinity)
    extra_arguments = Keyword.get(options, :extra_arguments, [])

    flags = %{
      strategy: strategy,
      intensity: intensity,
      period: period,
      max_children: max_children,
      extra_arguments: extra_arguments
    }

    {:ok, flags}
  end

  @doc "Starts a child: `{:ok, pid}`, `{:ok, pid, info}`, `:ignore` or `{:error, reason}`."
  def start_child(supervisor, {_, _, _, _, _, _} = child_spec) do
    validate_and_start_child(supervisor, child_spec)
  end

  def start_child(supervisor, child_spec) do
    validate_and_start_child(supervisor, Supervisor.child_spec(child_spec, []))
  end

  defp validate_and_start_child(supervisor, child_spec) do
    case validate_child(child_spec) do
      {:ok, child} -> GenServer.call(supervisor, {:start_child, child}, :infinity)
      error -> {:error, error}
    end
  end

  defp validate_child(%{id: _, start: {_, _, _} = start} = child) do
    restart = Map.get(child, :restart, :permanent)
    type = Map.get(child, :type, :worker)
    modules = Map.get(child, :modules, [elem(start, 0)])
    significant = Map.get(child, :significant, false)

    shutdown =
      case type do
        :worker -> Map.get(child, :shutdown, 5000)
        :supervisor -> Map.get(child, :shutdown, :infinity)
        _ -> Map.get(child, :shutdown)
      end

    validate_child(start, restart, shutdown, type, modules, significant)
  end

  defp validate_child({_, start, restart, shutdown, type, modules}) do
    validate_child(start, restart, shutdown, type, modules, false)
  end

  defp validate_child(other), do: {:invalid_child_spec, other}

  defp validate_child(start, restart, shutdown, type, modules, significant) do
    with :ok <- validate_start(start),
         :ok <- validate_restart(restart),
         :ok <- validate_shutdown(shutdown),
         :ok <- validate_type(type),
         :ok <- validate_modules(modules),
         :ok <- validate_significant(significant) do
      {:ok, {start, restart, shutdown, type, modules}}
    end
  end

  defp validate_start({m, f, args}) when is_atom(m) and is_atom(f) and is_list(args), do: :ok
  defp validate_start(mfa), do: {:invalid_mfa, mfa}

  defp validate_type(type) when type in [:supervisor, :worker], do: :ok
  defp validate_type(type), do: {:invalid_child_type, type}

  defp validate_restart(restart) when restart in [:permanent, :temporary, :transient], do: :ok
  defp validate_restart(restart), do: {:invalid_restart_type, restart}

  defp validate_shutdown(shutdown) when is_integer(shutdown) and shutdown > 0, do: :ok
  defp validate_shutdown(shutdown) when shutdown in [:infinity, :brutal_kill], do: :ok
  defp validate_shutdown(shutdown), do: {:invalid_shutdown, shutdown}

  defp validate_significant(false), do: :ok
  defp validate_significant(significant), do: {:invalid_significant, significant}

  defp validate_modules(:dynamic), do: :ok

  defp validate_modules(mods) do
    if is_list(mods) and Enum.all?(mods, &is_atom/1) do
      :ok
    else
      {:invalid_modules, mods}
    end
  end

  @doc "Terminates the child `pid`: `:ok` or `{:error, :not_found}`."
  def terminate_child(supervisor, pid) when is_pid(pid) do
    GenServer.call(supervisor, {:terminate_child, pid}, :infinity)
  end

  @doc "`{:undefined, pid | :restarting, type, modules}` of each child."
  def which_children(supervisor) do
    GenServer.call(supervisor, :which_children, :infinity)
  end

  @doc "Counts of the children: `%{specs:, active:, supervisors:, workers:}`."
  def count_children(supervisor) do
    GenServer.call(supervisor, :count_children, :infinity) |> Map.new()
  end

  @doc "Stops the supervisor and its children."
  def stop(supervisor, reason \\ :normal, timeout \\ :infinity) do
    GenServer.stop(supervisor, reason, timeout)
  end

  ## The server

  @impl true
  def init({mod, init_arg, name}) do
    Process.put(:"$initial_call", {:supervisor, mod, 1})
    Process.flag(:trap_exit, true)

    case mod.init(init_arg) do
      {:ok, flags} when is_map(flags) ->
        name = name || {self(), mod}
        state = %DynamicSupervisor{mod: mod, args: init_arg, name: name}

        case init(state, flags) do
          {:ok, state} -> {:ok, state}
          {:error, reason} -> {:stop, {:supervisor_data, reason}}
        end

      :ignore ->
        :ignore

      other ->
        {:stop, {:bad_return, {mod, :init, other}}}
    end
  end

  defp init(state, flags) do
    extra_arguments = Map.get(flags, :extra_arguments, [])
    max_children = Map.get(flags, :max_children, :infinity)
    max_restarts = Map.get(flags, :intensity, 1)
    max_seconds = Map.get(flags, :period, 5)
    strategy = Map.get(flags, :strategy, :one_for_one)

    with :ok <- validate_strategy(strategy),
         :ok <- validate_restarts(max_restarts),
         :ok <- validate_seconds(max_seconds),
         :ok <- validate_dynamic(max_children),
         :ok <- validate_extra_arguments(extra_arguments) do
      {:ok,
       %{
         state
         | extra_arguments: extra_arguments,
           max_children: max_children,
           max_restarts: max_restarts,
           max_seconds: max_seconds,
           strategy: strategy
       }}
    end
  end

  defp validate_strategy(strategy) when strategy in [:one_for_one], do: :ok
  defp validate_strategy(strategy), do: {:error, {:invalid_strategy, strategy}}

  defp validate_restarts(restart) when is_integer(restart) and restart >= 0, do: :ok
  defp validate_restarts(restart), do: {:error, {:invalid_intensity, restart}}

  defp validate_seconds(seconds) when is_integer(seconds) and seconds > 0, do: :ok
  defp validate_seconds(seconds), do: {:error, {:invalid_period, seconds}}

  defp validate_dynamic(:infinity), do: :ok
  defp validate_dynamic(dynamic) when is_integer(dynamic) and dynamic >= 0, do: :ok
  defp validate_dynamic(dynamic), do: {:error, {:invalid_max_children, dynamic}}

  defp validate_extra_arguments(list) when is_list(list), do: :ok
  defp validate_extra_arguments(extra), do: {:error, {:invalid_extra_arguments, extra}}

  @impl true
  def handle_call(:which_children, _from, state) do
    reply =
      for {pid, child} <- state.children do
        case child do
          {:restarting, {_, _, _, type, modules}} -> {:undefined, :restarting, type, modules}
          {_, _, _, type, modules} -> {:undefined, pid, type, modules}
        end
      end

    {:reply, reply, state}
  end

  def handle_call(:count_children, _from, state) do
    {specs, active, supervisors, workers} =
      Enum.reduce(state.children, {0, 0, 0, 0}, fn {pid, child}, {specs, active, sups, workers} ->
        {type, restarting} =
          case child do
            {:restarting, {_, _, _, type, _}} -> {type, true}
            {_, _, _, type, _} -> {type, false}
          end

        active = if is_pid(pid) and not restarting, do: active + 1, else: active

        case type do
          :supervisor -> {specs + 1, active, sups + 1, workers}
          :worker -> {specs + 1, active, sups, workers + 1}
        end
      end)

    {:reply, [specs: specs, active: active, supervisors: supervisors, workers: workers], state}
  end

  def handle_call({:terminate_child, pid}, _from, state) do
    case Map.fetch(state.children, pid) do
      {:ok, child} ->
        stop_child(pid, child)
        {:reply, :ok, %{state | children: Map.delete(state.children, pid)}}

      :error ->
        {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call({:start_child, child}, _from, state) do
    if state.max_children != :infinity and map_size(state.children) >= state.max_children do
      {:reply, {:error, :max_children}, state}
    else
      {{m, f, args} = mfa, restart, shutdown, type, modules} = child
      args = state.extra_arguments ++ args
      child = {{m, f, args}, restart, shutdown, type, modules}
      _ = mfa

      case start_child(m, f, args) do
        {:ok, pid, info} ->
          {:reply, {:ok, pid, info}, save_child(pid, child, state)}

        {:ok, pid} ->
          {:reply, {:ok, pid}, save_child(pid, child, state)}

        other ->
          {:reply, other, state}
      end
    end
  end

  defp save_child(pid, child, state) do
    %{state | children: Map.put(state.children, pid, child)}
  end

  defp start_child(m, f, a) do
    try do
      apply(m, f, a)
    catch
      :error, reason -> {:error, {reason, __STACKTRACE__}}
      :throw, value -> {:error, {{:nocatch, value}, __STACKTRACE__}}
      :exit, reason -> {:error, reason}
    else
      {:ok, pid, extra} when is_pid(pid) -> {:ok, pid, extra}
      {:ok, pid} when is_pid(pid) -> {:ok, pid}
      :ignore -> :ignore
      {:error, _} = error -> error
      other -> {:error, other}
    end
  end

  @impl true
  def handle_cast(_msg, state), do: {:noreply, state}

  @impl true
  def handle_info({:EXIT, pid, reason}, state) do
    case Map.fetch(state.children, pid) do
      {:ok, child} -> restart_child(pid, child, reason, state)
      :error -> {:noreply, state}
    end
  end

  def handle_info({:"$gen_restart", pid}, state) do
    case Map.fetch(state.children, pid) do
      {:ok, {:restarting, child}} ->
        with {:ok, state} <- add_restart(state),
             {:ok, state} <- restart_child(pid, child, state) do
          {:noreply, state}
        else
          {:shutdown, state} -> {:stop, :shutdown, state}
        end

      _ ->
        {:noreply, state}
    end
  end

  def handle_info(msg, state) do
    :beamlet_logger.error("DynamicSupervisor received unexpected message: #{inspect(msg)}")
    {:noreply, state}
  end

  @impl true
  def code_change(_, %{mod: mod, args: init_arg} = state, _) do
    case mod.init(init_arg) do
      {:ok, flags} when is_map(flags) ->
        case init(state, flags) do
          {:ok, state} -> {:ok, state}
          {:error, reason} -> {:error, {:supervisor_data, reason}}
        end

      :ignore ->
        {:ok, state}

      error ->
        error
    end
  end

  @impl true
  def terminate(_, %{children: children}) do
    Enum.each(children, fn {pid, child} -> stop_child(pid, child) end)
    :ok
  end

  defp stop_child(pid, {:restarting, _}) when is_pid(pid), do: :ok

  defp stop_child(pid, {_, _, shutdown, _, _}), do: :supervisor.shutdown_child(pid, shutdown)

  defp restart_child(pid, child, reason, state) do
    {_, restart, _, _, _} = child

    cond do
      restart == :temporary or
          (restart == :transient and reason in [:normal, :shutdown]) or
          (restart == :transient and match?({:shutdown, _}, reason)) ->
        {:noreply, %{state | children: Map.delete(state.children, pid)}}

      true ->
        case add_restart(state) do
          {:ok, state} ->
            case restart_child(pid, child, state) do
              {:ok, state} -> {:noreply, state}
              {:shutdown, state} -> {:stop, :shutdown, state}
            end

          {:shutdown, state} ->
            {:stop, :shutdown, %{state | children: Map.delete(state.children, pid)}}
        end
    end
  end

  defp restart_child(pid, child, state) do
    {{m, f, args}, _, _, _, _} = child
    children = Map.delete(state.children, pid)

    case start_child(m, f, args) do
      {:ok, new_pid, _} ->
        {:ok, %{state | children: Map.put(children, new_pid, child)}}

      {:ok, new_pid} ->
        {:ok, %{state | children: Map.put(children, new_pid, child)}}

      :ignore ->
        {:ok, %{state | children: children}}

      {:error, _} ->
        send(self(), {:"$gen_restart", pid})
        {:ok, %{state | children: Map.put(children, pid, {:restarting, child})}}
    end
  end

  defp add_restart(state) do
    %{max_seconds: max_seconds, max_restarts: max_restarts, restarts: restarts} = state
    now = System.monotonic_time(:millisecond)
    restarts = Enum.filter([now | restarts], &(now - &1 < max_seconds * 1000))
    state = %{state | restarts: restarts}

    if length(restarts) <= max_restarts do
      {:ok, state}
    else
      {:shutdown, state}
    end
  end
end
