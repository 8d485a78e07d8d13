# OTP's :proc_lib: processes that know how they started (`$initial_call`
# and `$ancestors` in their dictionary) and the synchronous start the
# OTP behaviours use: the starter waits for `init_ack/1,2` from the new
# process, or for its death.
defmodule :proc_lib do
  @moduledoc false

  @doc "Spawns `fun`, recording its ancestors and initial call."
  def spawn(fun) when is_function(fun, 0), do: spawn_opt(fun, [])
  def spawn_link(fun) when is_function(fun, 0), do: spawn_opt(fun, [:link])
  def spawn(m, f, a), do: spawn_opt(m, f, a, [])
  def spawn_link(m, f, a), do: spawn_opt(m, f, a, [:link])

  def spawn_opt(fun, opts) when is_function(fun, 0) do
    ancestors = ancestors()
    {:module, m} = Function.info(fun, :module)
    {:name, f} = Function.info(fun, :name)
    :erlang.spawn_opt(fn -> init_p(ancestors, {m, f, 0}, fun) end, opts)
  end

  def spawn_opt(m, f, a, opts) when is_atom(m) and is_atom(f) and is_list(a) do
    ancestors = ancestors()
    :erlang.spawn_opt(fn -> init_p(ancestors, {m, f, length(a)}, fn -> init_p_do_apply(m, f, a) end) end, opts)
  end

  @doc "Same as `spawn/1`, on `node` (this node only: beamlet is not distributed)."
  def spawn(node, fun) when is_atom(node) and is_function(fun, 0), do: spawn_opt(node, fun, [])

  @doc "Same as `spawn/3`, on `node` (this node only)."
  def spawn(node, m, f, a) when is_atom(node), do: spawn_opt(node, m, f, a, [])

  @doc "Same as `spawn_link/1`, on `node` (this node only)."
  def spawn_link(node, fun) when is_atom(node) and is_function(fun, 0), do: spawn_opt(node, fun, [:link])

  @doc "Same as `spawn_link/3`, on `node` (this node only)."
  def spawn_link(node, m, f, a) when is_atom(node), do: spawn_opt(node, m, f, a, [:link])

  @doc "Same as `spawn_opt/2`, on `node` (this node only)."
  def spawn_opt(node, fun, opts) when is_atom(node) and is_function(fun, 0) do
    if node == node(), do: spawn_opt(fun, opts), else: :erlang.error(:badarg)
  end

  @doc "Same as `spawn_opt/4`, on `node` (this node only)."
  def spawn_opt(node, m, f, a, opts) when is_atom(node) do
    if node == node(), do: spawn_opt(m, f, a, opts), else: :erlang.error(:badarg)
  end

  defp ancestors() do
    me =
      case Process.info(self(), :registered_name) do
        {:registered_name, name} when is_atom(name) and name != [] -> name
        _ -> self()
      end

    case Process.get(:"$ancestors") do
      list when is_list(list) -> [me | list]
      _ -> [me]
    end
  end

  @doc false
  # Runs the process's function: its frame stays at the bottom of a stack
  # trace, as OTP's (which the trace shows at OTP's line, vm/src/frames.rs),
  # since the call is not the last thing it does (no catch: an error goes
  # straight on, and the process ends at once).
  def init_p_do_apply(m, f, a) do
    _ = apply(m, f, a)
    :ok
  end

  defp init_p(ancestors, initial, fun) do
    Process.put(:"$ancestors", ancestors)
    Process.put(:"$initial_call", initial)
    fun.()
  end

  @doc "Starts `apply(m, f, a)` linked and waits for its `init_ack`."
  def start_link(m, f, a, timeout \\ :infinity, spawn_opts \\ []) do
    pid = spawn_opt(m, f, a, [:link | spawn_opts])
    sync_link(pid, timeout)
  end

  @doc "Starts `apply(m, f, a)` and waits for its `init_ack`."
  def start(m, f, a, timeout \\ :infinity, spawn_opts \\ []) do
    {pid, ref} = spawn_opt(m, f, a, [:monitor | spawn_opts])

    receive do
      {:ack, ^pid, return} ->
        Process.demonitor(ref, [:flush])
        return

      {:DOWN, ^ref, :process, ^pid, reason} ->
        {:error, reason}
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        Process.exit(pid, :kill)
        {:error, :timeout}
    end
  end

  @doc "Starts `apply(m, f, a)` monitored: `{return, ref}` once it acknowledges."
  def start_monitor(m, f, a, timeout \\ :infinity, spawn_opts \\ []) do
    {pid, ref} = spawn_opt(m, f, a, [:monitor | spawn_opts])

    receive do
      {:ack, ^pid, return} -> {return, ref}
      {:DOWN, ^ref, :process, ^pid, reason} = down -> send(self(), down); {{:error, reason}, ref}
    after
      timeout ->
        Process.exit(pid, :kill)
        {{:error, :timeout}, ref}
    end
  end

  defp sync_link(pid, timeout) do
    receive do
      {:ack, ^pid, return} ->
        return

      {:EXIT, ^pid, reason} ->
        {:error, reason}
    after
      timeout ->
        Process.unlink(pid)
        Process.exit(pid, :kill)

        receive do
          {:EXIT, ^pid, _} -> :ok
        after
          0 -> :ok
        end

        {:error, :timeout}
    end
  end

  @doc "Tells the starter how the start went."
  def init_ack(return), do: init_ack(starter(), return)

  def init_ack(starter, return) do
    send(starter, {:ack, self(), return})
    :ok
  end

  defp starter() do
    case Process.get(:"$ancestors") do
      [parent | _] when is_pid(parent) -> parent
      [name | _] when is_atom(name) -> Process.whereis(name)
    end
  end

  @doc "The initial call recorded for `process`: `{module, function, arity}`."
  def translate_initial_call(process) when is_pid(process) do
    case Process.info(process, :dictionary) do
      {:dictionary, dict} ->
        case :lists.keyfind(:"$initial_call", 1, dict) do
          {_, {m, f, a}} -> {m, f, a}
          false -> {:proc_lib, :init_p, 5}
        end

      nil ->
        {:proc_lib, :init_p, 5}
    end
  end

  @doc "`{module, function, args}` of the initial call, args as atoms, or `false`."
  def initial_call(process) when is_pid(process) do
    case Process.info(process, :dictionary) do
      {:dictionary, dict} ->
        case :lists.keyfind(:"$initial_call", 1, dict) do
          {_, {m, f, a}} -> {m, f, for(i <- :lists.seq(1, a, 1), do: :"Argument__#{i}")}
          false -> false
        end

      nil ->
        false
    end
  end

  @doc "Waits for a message, then `apply(m, f, a)`."
  def hibernate(m, f, a), do: :erlang.hibernate(m, f, a)

  @doc "Stops a process that handles system messages (an OTP behaviour) with `reason`."
  def stop(process, reason \\ :normal, timeout \\ :infinity) do
    ref = Process.monitor(process)
    send(process, {:system, {self(), ref}, {:terminate, reason}})

    receive do
      {:DOWN, ^ref, _, _, ^reason} ->
        :ok

      {:DOWN, ^ref, _, _, other} ->
        exit(other)
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        Process.exit(process, :kill)
        exit(:timeout)
    end
  end
end
