defmodule :gen do
  @moduledoc """
  What OTP's behaviours share (as OTP's own `gen` module): finding a process
  by name, registering an Erlang-style name (`{:local, name}`, `{:global,
  term}`, `{:via, module, term}`), and asynchronous requests answered
  through a monitor alias (`send_request/3` and the functions that wait for,
  receive or check the reply). `:gen_statem`, `:gen_event` and `:gen_server`
  use it.
  """

  @doc "The pid of `process` (a pid, a local name, `{:global, _}`, `{:via, _, _}`, `{name, node()}`), or `nil`."
  def whereis(pid) when is_pid(pid), do: pid
  def whereis(name) when is_atom(name), do: Process.whereis(name)
  def whereis({:global, name}), do: maybe_pid(:global.whereis_name(name))
  def whereis({:via, mod, name}), do: maybe_pid(mod.whereis_name(name))
  def whereis({name, node}) when is_atom(name) and node == node(), do: Process.whereis(name)
  def whereis(_), do: nil

  defp maybe_pid(pid) when is_pid(pid), do: pid
  defp maybe_pid(_), do: nil

  @doc """
  Registers the calling process under `name` (`nil` for none, OTP's forms, or
  an atom as GenServer's local name): `:ok` or `{:error, pid}` of the process
  holding it.
  """
  def register_name(nil), do: :ok
  def register_name(name) when is_atom(name), do: register_name({:local, name})

  def register_name({:local, name}) do
    try do
      Process.register(self(), name)
      :ok
    rescue
      ArgumentError -> {:error, Process.whereis(name)}
    end
  end

  def register_name({:global, term}) do
    case :global.register_name(term, self()) do
      :yes -> :ok
      :no -> {:error, :global.whereis_name(term)}
    end
  end

  def register_name({:via, mod, term}) do
    case mod.register_name(term, self()) do
      :yes -> :ok
      :no -> {:error, mod.whereis_name(term)}
    end
  end

  @doc "Takes `name` (as `register_name/1` gives it) from the calling process."
  def unregister_name(nil), do: :ok
  def unregister_name(name) when is_atom(name), do: unregister_name({:local, name})

  def unregister_name({:local, name}) do
    try do
      Process.unregister(name)
    rescue
      _ -> :ok
    end

    :ok
  end

  def unregister_name({:global, term}), do: :global.unregister_name(term)
  def unregister_name({:via, mod, term}), do: mod.unregister_name(term)

  @doc """
  Ends a behaviour's start that did not succeed: gives up `name`, answers
  the starter with `ack` and exits with `reason`.
  """
  def init_stop(name, starter, ack, reason) do
    unregister_name(name)
    :proc_lib.init_ack(starter, ack)
    exit(reason)
  end

  @doc """
  Ends a behaviour's start whose `init` raised or exited: as `init_stop/4`
  with `{:error, reason}`. Nothing is logged: OTP's report of it is a
  :proc_lib crash report, which Elixir's Logger leaves out unless asked for
  SASL reports.
  """
  def init_crash(name, starter, reason, _kind, _raw, _stack) do
    unregister_name(name)
    :proc_lib.init_ack(starter, {:error, reason})
    exit(reason)
  end

  @doc """
  Sends `{label, from, request}` to `process` without waiting; the request id
  (a monitor alias) for `wait_response/2` and friends. A process not found
  gives a request whose answer is `{:error, {:noproc, process}}`.
  """
  def send_request(process, label, request) do
    case whereis(process) do
      pid when is_pid(pid) ->
        mref = :erlang.monitor(:process, pid, alias: :demonitor)
        send(pid, {label, {self(), [:alias | mref]}, request})
        mref

      _ ->
        mref = make_ref()
        send(self(), {:DOWN, mref, :process, process, :noproc})
        mref
    end
  end

  @doc "Waits `timeout` ms for the reply to `request_id`: `{:reply, r}`, `{:error, {reason, process}}` or `:timeout`."
  def wait_response(request_id, timeout) do
    receive do
      {[:alias | ^request_id], reply} ->
        :erlang.demonitor(request_id, [:flush])
        {:reply, reply}

      {:DOWN, ^request_id, _, object, reason} ->
        {:error, {reason, object}}
    after
      timeout -> :timeout
    end
  end

  @doc "As `wait_response/2`, but a time-out abandons the request."
  def receive_response(request_id, timeout) do
    case wait_response(request_id, timeout) do
      :timeout ->
        :erlang.demonitor(request_id, [:flush])

        receive do
          {[:alias | ^request_id], reply} -> {:reply, reply}
        after
          0 -> :timeout
        end

      other ->
        other
    end
  end

  @doc "Whether `msg` answers `request_id`: `{:reply, r}`, `{:error, {reason, process}}` or `:no_reply`."
  def check_response(msg, request_id) do
    case msg do
      {[:alias | ^request_id], reply} ->
        :erlang.demonitor(request_id, [:flush])
        {:reply, reply}

      {:DOWN, ^request_id, _, object, reason} ->
        {:error, {reason, object}}

      _ ->
        :no_reply
    end
  end

  @doc """
  Runs a behaviour's callback: `{:ok, result}` (a throw is a result, as in
  OTP), or `{:exit, reason, kind, raw_reason, stacktrace}`.
  """
  def run_callback(fun) do
    try do
      {:ok, fun.()}
    catch
      kind, reason -> callback_failed(kind, reason, __STACKTRACE__)
    end
  end

  @doc "What `run_callback/1` returns for a callback that raised, threw or exited."
  def callback_failed(:throw, value, _stack), do: {:ok, value}
  def callback_failed(:error, reason, stack), do: {:exit, {reason, stack}, :error, reason, stack}
  def callback_failed(:exit, reason, stack), do: {:exit, reason, :exit, reason, stack}
end
