defmodule :supervisor do
  @moduledoc false
  # OTP's supervisor, as the GenServer behind Supervisor: it traps exits,
  # starts the children of its callback module's init/1 in order, restarts
  # them by strategy (:one_for_one, :one_for_all, :rest_for_one) within the
  # restart intensity (at most `intensity` restarts in `period` seconds;
  # past that it shuts down with :shutdown), and stops them in reverse order.
  #
  # State: %{name, module, args, strategy, intensity, period, restarts
  # (monotonic ms of recent restarts), children: newest first}; a child is
  # %{id, pid (a pid, :undefined or :restarting), start, restart, shutdown,
  # type, modules, significant}.
  use GenServer

  @doc false
  def behaviour_info(:callbacks), do: [init: 1, format_status: 2]
  def behaviour_info(:optional_callbacks), do: [format_status: 2]
  def behaviour_info(_), do: :undefined

  ## OTP's API (Supervisor's functions serve the same requests)

  @doc "Starts a supervisor of the callback `module` linked to the caller."
  def start_link(module, args), do: Supervisor.start_link(module, args, [])

  def start_link(sup_name, module, args) do
    name =
      case sup_name do
        {:local, name} when is_atom(name) -> name
        {:global, _} = name -> name
        {:via, _, _} = name -> name
        other -> :erlang.error(:badarg, [other])
      end

    Supervisor.start_link(module, args, name: name)
  end

  @doc "Starts a child from its specification (a map or an old-style tuple)."
  def start_child(sup, spec), do: GenServer.call(sup, {:start_child, spec}, :infinity)

  @doc "Terminates the child `id`."
  def terminate_child(sup, id), do: Supervisor.terminate_child(sup, id)

  @doc "Restarts the terminated child `id`."
  def restart_child(sup, id), do: Supervisor.restart_child(sup, id)

  @doc "Deletes the specification of the terminated child `id`."
  def delete_child(sup, id), do: Supervisor.delete_child(sup, id)

  @doc "`{id, child, type, modules}` of each child."
  def which_children(sup), do: Supervisor.which_children(sup)

  @doc "`[specs: n, active: n, supervisors: n, workers: n]`."
  def count_children(sup), do: GenServer.call(sup, :count_children, :infinity)

  @doc "The specification of the child `id`: `{:ok, spec}` or `{:error, :not_found}`."
  def get_childspec(sup, id), do: GenServer.call(sup, {:get_childspec, id}, :infinity)

  @doc "`:ok` when every specification of `specs` is valid, else `{:error, reason}`."
  def check_childspecs(specs) when is_list(specs) do
    case check_specs(specs, []) do
      {:ok, _} -> :ok
      {:spec_error, reason} -> {:error, reason}
      {:bad_start_spec, _} -> {:error, {:badarg, specs}}
    end
  end

  def check_childspecs(other), do: {:error, {:badarg, other}}

  def init({name, module, args}) do
    Process.put(:"$initial_call", {:supervisor, module, 1})
    Process.flag(:trap_exit, true)

    case module.init(args) do
      {:ok, {flags, specs}} ->
        with {:ok, state} <- flags(flags, name, module, args),
             {:ok, children} <- check_specs(specs, []) do
          case start_all(Enum.reverse(children), []) do
            {:ok, started} ->
              {:ok, %{state | children: started}}

            {:error, started, id, reason} ->
              stop_all(started)
              {:stop, {:shutdown, {:failed_to_start_child, id, reason}}}
          end
        else
          {:error, reason} -> {:stop, {:supervisor_data, reason}}
          {:spec_error, reason} -> {:stop, {:start_spec, reason}}
          {:bad_start_spec, specs} -> {:stop, {:bad_start_spec, specs}}
        end

      :ignore ->
        :ignore

      other ->
        {:stop, {:bad_return, {module, :init, other}}}
    end
  end

  defp flags(flags, name, module, args) when is_map(flags) do
    flags(
      {Map.get(flags, :strategy, :one_for_one), Map.get(flags, :intensity, 1), Map.get(flags, :period, 5)},
      name,
      module,
      args
    )
  end

  defp flags({strategy, intensity, period}, name, module, args) do
    cond do
      strategy not in [:one_for_one, :one_for_all, :rest_for_one, :simple_one_for_one] ->
        {:error, {:invalid_strategy, strategy}}

      not (is_integer(intensity) and intensity >= 0) ->
        {:error, {:invalid_intensity, intensity}}

      not (is_integer(period) and period > 0) ->
        {:error, {:invalid_period, period}}

      true ->
        {:ok,
         %{
           name: name,
           module: module,
           args: args,
           strategy: strategy,
           intensity: intensity,
           period: period,
           restarts: [],
           children: []
         }}
    end
  end

  defp flags(other, _name, _module, _args), do: {:error, {:invalid_type, other}}

  # Child specifications, checked and completed with their defaults;
  # `acc` and the result newest first.
  defp check_specs([], acc), do: {:ok, acc}
  defp check_specs(specs, []) when not is_list(specs), do: {:bad_start_spec, specs}

  defp check_specs([spec | rest], acc) do
    case child(spec) do
      {:ok, child} ->
        if Enum.any?(acc, &(&1.id == child.id)) do
          {:spec_error, {:duplicate_child_name, child.id}}
        else
          check_specs(rest, [child | acc])
        end

      {:error, reason} ->
        {:spec_error, reason}
    end
  end

  @doc false
  def child({id, start, restart, shutdown, type, modules}) do
    child(%{id: id, start: start, restart: restart, shutdown: shutdown, type: type, modules: modules})
  end

  def child(%{} = spec) do
    with {:ok, id} <- fetch(spec, :id, :missing_id),
         {:ok, start} <- fetch(spec, :start, :missing_start),
         :ok <- check(mfa?(start), {:invalid_mfa, start}),
         restart = Map.get(spec, :restart, :permanent),
         :ok <- check(restart in [:permanent, :transient, :temporary], {:invalid_restart_type, restart}),
         type = Map.get(spec, :type, :worker),
         :ok <- check(type in [:worker, :supervisor], {:invalid_child_type, type}),
         shutdown = Map.get(spec, :shutdown, if(type == :worker, do: 5000, else: :infinity)),
         :ok <- check(shutdown?(shutdown), {:invalid_shutdown, shutdown}),
         modules = Map.get(spec, :modules, [elem(start, 0)]),
         :ok <- check(modules?(modules), {:invalid_modules, modules}),
         :ok <- check_each_module(modules),
         significant = Map.get(spec, :significant, false),
         :ok <- check(is_boolean(significant), {:invalid_significant, significant}) do
      {:ok,
       %{
         id: id,
         pid: :undefined,
         start: start,
         restart: restart,
         shutdown: shutdown,
         type: type,
         modules: modules,
         significant: significant
       }}
    end
  end

  def child(other), do: {:error, {:invalid_child_spec, other}}

  defp fetch(spec, key, error) do
    case Map.fetch(spec, key) do
      {:ok, value} -> {:ok, value}
      :error -> {:error, error}
    end
  end

  defp check(true, _error), do: :ok
  defp check(false, error), do: {:error, error}

  defp mfa?({m, f, a}) when is_atom(m) and is_atom(f) and is_list(a), do: true
  defp mfa?(_), do: false

  defp shutdown?(s), do: s in [:brutal_kill, :infinity] or (is_integer(s) and s >= 0)

  defp modules?(:dynamic), do: true
  defp modules?(list), do: is_list(list)

  defp check_each_module(:dynamic), do: :ok

  defp check_each_module(modules) do
    case Enum.find(modules, &(not is_atom(&1))) do
      nil -> :ok
      bad -> {:error, {:invalid_module, bad}}
    end
  end

  # Starts `children` (oldest first); `started` newest first.
  defp start_all([], started), do: {:ok, started}

  defp start_all([child | rest], started) do
    case start(child) do
      {:ok, pid, _info} ->
        start_all(rest, [%{child | pid: pid} | started])

      :ignore ->
        if child.restart == :temporary,
          do: start_all(rest, started),
          else: start_all(rest, [%{child | pid: :undefined} | started])

      {:error, reason} ->
        {:error, started, child.id, reason}
    end
  end

  # `{:ok, pid, info}`, `:ignore` or `{:error, reason}`.
  defp start(%{start: {m, f, a}}) do
    try do
      apply(m, f, a)
    catch
      :error, reason -> {:error, {:EXIT, {reason, __STACKTRACE__}}}
      :exit, reason -> {:error, {:EXIT, reason}}
      :throw, value -> check_start(value)
    else
      result -> check_start(result)
    end
  end

  defp check_start({:ok, pid}) when is_pid(pid), do: {:ok, pid, nil}
  defp check_start({:ok, pid, info}) when is_pid(pid), do: {:ok, pid, info}
  defp check_start(:ignore), do: :ignore
  defp check_start({:error, reason}), do: {:error, reason}
  defp check_start(other), do: {:error, other}

  defp record(child) do
    {:child, :undefined, child.id, child.start, child.restart, child.significant, child.shutdown,
     child.type, child.modules}
  end

  @doc "The callback module of the supervisor `pid`."
  def get_callback_module(pid) do
    case :sys.get_state(pid) do
      %{__struct__: DynamicSupervisor, mod: mod} -> mod
      %{module: mod} -> mod
    end
  end

  ## Requests

  def handle_call({:start_child, spec}, _from, state) do
    case child(spec) do
      {:ok, child} ->
        case Enum.find(state.children, &(&1.id == child.id)) do
          %{pid: pid} when is_pid(pid) ->
            {:reply, {:error, {:already_started, pid}}, state}

          %{} ->
            {:reply, {:error, :already_present}, state}

          nil ->
            case start(child) do
              {:ok, pid, info} ->
                state = %{state | children: [%{child | pid: pid} | state.children]}
                {:reply, if(info == nil, do: {:ok, pid}, else: {:ok, pid, info}), state}

              :ignore when child.restart == :temporary ->
                {:reply, {:ok, :undefined}, state}

              :ignore ->
                {:reply, {:ok, :undefined}, %{state | children: [child | state.children]}}

              {:error, reason} ->
                {:reply, {:error, {reason, record(child)}}, state}
            end
        end

      {:error, reason} ->
        {:reply, {:error, reason}, state}
    end
  end

  def handle_call({:terminate_child, id}, _from, state) do
    case Enum.find(state.children, &(&1.id == id || &1.pid == id)) do
      nil ->
        {:reply, {:error, :not_found}, state}

      child ->
        stop_child(child)

        children =
          if child.restart == :temporary,
            do: Enum.reject(state.children, &(&1.id == child.id)),
            else: replace(state.children, %{child | pid: :undefined})

        {:reply, :ok, %{state | children: children}}
    end
  end

  def handle_call({:restart_child, id}, _from, state) do
    case Enum.find(state.children, &(&1.id == id)) do
      nil ->
        {:reply, {:error, :not_found}, state}

      %{pid: pid} when is_pid(pid) ->
        {:reply, {:error, :running}, state}

      %{pid: :restarting} ->
        {:reply, {:error, :restarting}, state}

      child ->
        case start(child) do
          {:ok, pid, info} ->
            state = %{state | children: replace(state.children, %{child | pid: pid})}
            {:reply, if(info == nil, do: {:ok, pid}, else: {:ok, pid, info}), state}

          :ignore ->
            {:reply, {:ok, :undefined}, state}

          {:error, reason} ->
            {:reply, {:error, reason}, state}
        end
    end
  end

  def handle_call({:delete_child, id}, _from, state) do
    case Enum.find(state.children, &(&1.id == id)) do
      nil -> {:reply, {:error, :not_found}, state}
      %{pid: pid} when is_pid(pid) -> {:reply, {:error, :running}, state}
      %{pid: :restarting} -> {:reply, {:error, :restarting}, state}
      _ -> {:reply, :ok, %{state | children: Enum.reject(state.children, &(&1.id == id))}}
    end
  end

  def handle_call(:which_children, _from, state) do
    list = Enum.map(state.children, fn c -> {c.id, c.pid, c.type, c.modules} end)
    {:reply, list, state}
  end

  def handle_call(:count_children, _from, state) do
    cs = state.children
    active = Enum.count(cs, &is_pid(&1.pid))
    sups = Enum.count(cs, &(&1.type == :supervisor))

    {:reply, [specs: length(cs), active: active, supervisors: sups, workers: length(cs) - sups],
     state}
  end

  def handle_call({:get_childspec, id}, _from, state) do
    case Enum.find(state.children, &(&1.id == id)) do
      nil -> {:reply, {:error, :not_found}, state}
      c -> {:reply, {:ok, Map.delete(c, :pid)}, state}
    end
  end

  def handle_cast({:try_again_restart, id}, state) do
    case Enum.find(state.children, &(&1.id == id)) do
      %{pid: :restarting} = child -> restart(child, state)
      _ -> {:noreply, state}
    end
  end

  def handle_info({:EXIT, pid, reason}, state) do
    case Enum.find(state.children, &(&1.pid == pid)) do
      nil ->
        {:noreply, state}

      child ->
        cond do
          child.restart == :temporary ->
            {:noreply, %{state | children: Enum.reject(state.children, &(&1.id == child.id))}}

          child.restart == :transient and normal?(reason) ->
            {:noreply, %{state | children: replace(state.children, %{child | pid: :undefined})}}

          true ->
            restart(%{child | pid: :undefined}, state)
        end
    end
  end

  def handle_info(_msg, state), do: {:noreply, state}

  def terminate(_reason, state) do
    stop_all(state.children)
    :ok
  end

  defp normal?(:normal), do: true
  defp normal?(:shutdown), do: true
  defp normal?({:shutdown, _}), do: true
  defp normal?(_), do: false

  defp replace(children, child) do
    Enum.map(children, fn c -> if c.id == child.id, do: child, else: c end)
  end

  ## Restarts

  defp restart(child, state) do
    now = System.monotonic_time(:millisecond)
    recent = Enum.filter([now | state.restarts], &(now - &1 < state.period * 1000))
    state = %{state | restarts: recent, children: replace(state.children, child)}

    if length(recent) > state.intensity do
      {:stop, :shutdown, state}
    else
      restart_by(state.strategy, child, state)
    end
  end

  defp restart_by(:one_for_one, child, state) do
    case start(child) do
      {:ok, pid, _} ->
        {:noreply, %{state | children: replace(state.children, %{child | pid: pid})}}

      :ignore ->
        {:noreply, state}

      {:error, _} ->
        try_again(child, state)
    end
  end

  defp restart_by(:one_for_all, child, state) do
    restart_group(state.children, child, state)
  end

  defp restart_by(:rest_for_one, child, state) do
    # The children started after `child` are the ones before it here.
    after_it = Enum.take_while(state.children, &(&1.id != child.id))
    restart_group(after_it ++ [child], child, state)
  end

  defp restart_by(_strategy, child, state), do: restart_by(:one_for_one, child, state)

  # Stops `group` (newest first), then starts it again oldest first;
  # temporary children stopped this way are dropped.
  defp restart_group(group, failed, state) do
    ids = Enum.map(group, & &1.id)

    stopped =
      Enum.map(group, fn c ->
        if is_pid(c.pid) and c.id != failed.id, do: stop_child(c)
        %{c | pid: :undefined}
      end)

    dropped = for c <- stopped, c.restart == :temporary and c.id != failed.id, do: c.id
    children = Enum.reject(state.children, &(&1.id in dropped))
    to_start = Enum.reject(Enum.reverse(stopped), &(&1.id in dropped))

    {children, failed_id} =
      Enum.reduce(to_start, {children, nil}, fn c, {children, failed_id} ->
        if failed_id != nil do
          {replace(children, c), failed_id}
        else
          case start(c) do
            {:ok, pid, _} -> {replace(children, %{c | pid: pid}), nil}
            :ignore -> {replace(children, c), nil}
            {:error, _} -> {replace(children, c), c.id}
          end
        end
      end)

    state = %{state | children: children}
    _ = ids

    case failed_id do
      nil -> {:noreply, state}
      id -> try_again(Enum.find(children, &(&1.id == id)), state)
    end
  end

  defp try_again(child, state) do
    child = %{child | pid: :restarting}
    GenServer.cast(self(), {:try_again_restart, child.id})
    {:noreply, %{state | children: replace(state.children, child)}}
  end

  ## Stopping children

  # Stops the running children of `children` (newest first).
  defp stop_all(children) do
    Enum.each(children, fn c -> if is_pid(c.pid), do: stop_child(c) end)
  end

  defp stop_child(%{pid: pid, shutdown: shutdown}) when is_pid(pid),
    do: shutdown_child(pid, shutdown)

  defp stop_child(_child), do: :ok

  @doc false
  # Stops child `pid` as its `shutdown` says (`:brutal_kill`, `:infinity`, or
  # ms to wait after `:shutdown` before killing), unlinked first and waited
  # for; its exit reason. DynamicSupervisor stops its children so too.
  def shutdown_child(pid, shutdown) do
    ref = Process.monitor(pid)
    Process.unlink(pid)

    receive do
      {:EXIT, ^pid, _} -> :ok
    after
      0 -> :ok
    end

    case shutdown do
      :brutal_kill ->
        Process.exit(pid, :kill)
        await_down(ref)

      :infinity ->
        Process.exit(pid, :shutdown)
        await_down(ref)

      ms ->
        Process.exit(pid, :shutdown)

        receive do
          {:DOWN, ^ref, :process, _, reason} -> reason
        after
          ms ->
            Process.exit(pid, :kill)
            await_down(ref)
        end
    end
  end

  defp await_down(ref) do
    receive do
      {:DOWN, ^ref, :process, _, reason} -> reason
    end
  end
end
