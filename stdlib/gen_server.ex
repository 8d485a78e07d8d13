# GenServer: a server process looping over a callback module's state, in
# the language over spawn, monitors, aliases and selective receive.
#
# The messages are OTP's, so code that talks to a server by hand works:
#   {:"$gen_call", {pid, tag}, request}   a call; the reply is {tag, reply},
#                                         tag being [:alias | ref] (the
#                                         caller's monitor, also an alias)
#   {:"$gen_cast", request}               a cast
#   {:system, from, request}              :sys requests (get_state, suspend...)
# Starting is :proc_lib's synchronous start (stdlib/proc_lib.ex): the new
# process acknowledges with init/1's outcome.
defmodule GenServer do
  @callback init(init_arg :: term) ::
              {:ok, term}
              | {:ok, term, timeout | :hibernate | {:continue, term}}
              | :ignore
              | {:stop, term}
  @callback handle_call(request :: term, from :: {pid, term}, state :: term) :: term
  @callback handle_cast(request :: term, state :: term) :: term
  @callback handle_info(msg :: :timeout | term, state :: term) :: term
  @callback handle_continue(continue_arg :: term, state :: term) :: term
  @callback terminate(reason :: term, state :: term) :: term
  @callback code_change(old_vsn :: term, state :: term, extra :: term) :: {:ok, term} | {:error, term}
  @callback format_status(reason :: :normal | :terminate, pdict_and_state :: list) :: term
  @optional_callbacks code_change: 3,
                      terminate: 2,
                      handle_info: 2,
                      handle_cast: 2,
                      handle_call: 3,
                      format_status: 2,
                      handle_continue: 2

  defmacro __using__(opts) do
    quote location: :keep, bind_quoted: [opts: opts] do
      @behaviour GenServer

      @doc false
      def child_spec(init_arg) do
        default = %{id: __MODULE__, start: {__MODULE__, :start_link, [init_arg]}}
        Supervisor.child_spec(default, unquote(Macro.escape(opts)))
      end

      defoverridable child_spec: 1

      @doc false
      def handle_call(msg, _from, state) do
        GenServer.__default__(:call, __MODULE__, msg, state)
      end

      @doc false
      def handle_info(msg, state) do
        GenServer.__default__(:info, __MODULE__, msg, state)
      end

      @doc false
      def handle_cast(msg, state) do
        GenServer.__default__(:cast, __MODULE__, msg, state)
      end

      @doc false
      def terminate(_reason, _state), do: :ok

      @doc false
      def code_change(_old, state, _extra), do: {:ok, state}

      defoverridable code_change: 3, terminate: 2, handle_info: 2, handle_cast: 2, handle_call: 3
    end
  end

  @doc false
  # The callbacks `use GenServer` defines when the module does not.
  def __default__(kind, module, msg, state) do
    proc =
      case Process.info(self(), :registered_name) do
        {_, []} -> self()
        {_, name} -> name
      end

    case kind do
      :call ->
        raise "attempted to call GenServer #{inspect(proc)} but no handle_call/3 clause was provided"

      :cast ->
        raise "attempted to cast GenServer #{inspect(proc)} but no handle_cast/2 clause was provided"

      :info ->
        :beamlet_logger.error(
          "#{inspect(module)} #{inspect(proc)} received unexpected message in handle_info/2: #{inspect(msg)}"
        )

        {:noreply, state}
    end
  end

  ## Starting

  @doc "Starts a server linked to the caller: `{:ok, pid}`, `:ignore` or `{:error, reason}`."
  def start_link(module, init_arg, options \\ []) when is_atom(module) and is_list(options) do
    do_start(:link, module, init_arg, options)
  end

  @doc "Starts a server not linked to the caller."
  def start(module, init_arg, options \\ []) when is_atom(module) and is_list(options) do
    do_start(:nolink, module, init_arg, options)
  end

  defp do_start(link, module, init_arg, opts) do
    name =
      case Keyword.fetch(opts, :name) do
        :error -> nil
        {:ok, name} when is_atom(name) -> name
        {:ok, {:global, _} = name} -> name
        {:ok, {:via, via, _} = name} when is_atom(via) -> name
        {:ok, other} -> raise ArgumentError, bad_name_message(other)
      end

    timeout = Keyword.get(opts, :timeout, :infinity)
    spawn_opt = Keyword.get(opts, :spawn_opt, [])
    hibernate_after = Keyword.get(opts, :hibernate_after, :infinity)
    starter = self()
    parent = if link == :link, do: starter, else: :self
    args = [starter, parent, name, module, init_arg, hibernate_after]

    # As OTP's :gen, a {:via, mod, term} name is looked up in the caller
    # first (so a module that refuses the name raises here).
    case where(name) do
      pid when is_pid(pid) ->
        {:error, {:already_started, pid}}

      _ ->
        if link == :link do
          :proc_lib.start_link(__MODULE__, :__init_it__, args, timeout, spawn_opt)
        else
          :proc_lib.start(__MODULE__, :__init_it__, args, timeout, spawn_opt)
        end
    end
  end

  defp where({:via, mod, term}), do: mod.whereis_name(term)
  defp where(_name), do: :undefined

  defp bad_name_message(other) do
    """
    expected :name option to be one of the following:

      * nil
      * atom
      * {:global, term}
      * {:via, module, term}

    Got: #{inspect(other)}
    """
  end

  ## Talking to a server

  @doc "Makes a synchronous call to `server` and waits `timeout` ms for its reply."
  def call(server, request, timeout \\ 5000) do
    case whereis(server) do
      nil ->
        call_noproc(server, request, timeout)

      {name, node} = dest when is_atom(name) and is_atom(node) ->
        exit({{:nodedown, node}, {__MODULE__, :call, [dest, request, timeout]}})

      pid when pid == self() ->
        call_self(server, request, timeout)

      pid ->
        case __call__(pid, :"$gen_call", request, timeout) do
          {:ok, reply} -> reply
          {:error, reason} -> call_failed(reason, server, request, timeout)
        end
    end
  end

  # The exits of call/3, each from a function of its own called in tail
  # position: stack traces show it as Elixir's GenServer.call/3 at the line
  # of that exit (vm/src/frames.rs).
  defp call_noproc(server, request, timeout),
    do: exit({:noproc, {__MODULE__, :call, [server, request, timeout]}})

  defp call_self(server, request, timeout),
    do: exit({:calling_self, {__MODULE__, :call, [server, request, timeout]}})

  defp call_failed(reason, server, request, timeout),
    do: exit({reason, {__MODULE__, :call, [server, request, timeout]}})

  @doc "Sends an asynchronous request to `server`: always `:ok`."
  def cast(server, request)

  def cast({:global, name}, request) do
    try do
      :global.send(name, {:"$gen_cast", request})
      :ok
    catch
      _, _ -> :ok
    end
  end

  def cast({:via, mod, name}, request) do
    try do
      mod.send(name, {:"$gen_cast", request})
      :ok
    catch
      _, _ -> :ok
    end
  end

  def cast({name, node}, request) when is_atom(name) and is_atom(node) do
    if node == node(), do: cast(name, request), else: :ok
  end

  def cast(dest, request) when is_atom(dest) or is_pid(dest) do
    try do
      send(dest, {:"$gen_cast", request})
    rescue
      _ -> :ok
    end

    :ok
  end

  @doc "Casts `request` to the servers registered as `name` on every node (here: this one)."
  def abcast(nodes \\ [node()], name, request) when is_list(nodes) and is_atom(name) do
    if node() in nodes, do: cast(name, request)
    :abcast
  end

  @doc "Calls the servers registered as `name` on `nodes`: `{replies, bad_nodes}`."
  def multi_call(nodes \\ [node()], name, request, timeout \\ :infinity)
      when is_list(nodes) and is_atom(name) do
    {here, there} = Enum.split_with(nodes, &(&1 == node()))

    replies =
      case here do
        [] ->
          {[], []}

        _ ->
          case whereis(name) do
            nil ->
              {[], [node()]}

            pid ->
              case __call__(pid, :"$gen_call", request, timeout) do
                {:ok, reply} -> {[{node(), reply}], []}
                {:error, _} -> {[], [node()]}
              end
          end
      end

    {good, bad} = replies
    {good, bad ++ there}
  end

  @doc "Replies to a call whose `from` a callback got."
  def reply({pid, [:alias | ref] = tag}, reply) when is_pid(pid) do
    send(ref, {tag, reply})
    :ok
  end

  def reply({pid, tag}, reply) when is_pid(pid) do
    send(pid, {tag, reply})
    :ok
  end

  @doc "Stops `server` with `reason`, waiting `timeout` for it to terminate."
  def stop(server, reason \\ :normal, timeout \\ :infinity) do
    case whereis(server) do
      nil ->
        stop_noproc(server, reason, timeout)

      pid when pid == self() ->
        exit({:calling_self, {__MODULE__, :stop, [server, reason, timeout]}})

      pid when is_pid(pid) ->
        try do
          :proc_lib.stop(pid, reason, timeout)
        catch
          :exit, error -> exit({error, {__MODULE__, :stop, [server, reason, timeout]}})
        end

      _ ->
        stop_noproc(server, reason, timeout)
    end
  end

  # (As GenServer.stop/3 at Elixir's line, vm/src/frames.rs.)
  defp stop_noproc(server, reason, timeout),
    do: exit({:noproc, {__MODULE__, :stop, [server, reason, timeout]}})

  @doc "The pid (or `{name, node}`) of `server`, or `nil`."
  def whereis(server)
  def whereis(pid) when is_pid(pid), do: pid

  def whereis(name) when is_atom(name) do
    Process.whereis(name)
  end

  def whereis({:global, name}) do
    case :global.whereis_name(name) do
      pid when is_pid(pid) -> pid
      :undefined -> nil
    end
  end

  def whereis({:via, mod, name}) do
    case apply(mod, :whereis_name, [name]) do
      pid when is_pid(pid) -> pid
      :undefined -> nil
    end
  end

  def whereis({name, local}) when is_atom(name) and local == node() do
    Process.whereis(name)
  end

  def whereis({name, node} = server) when is_atom(name) and is_atom(node) do
    server
  end

  def whereis(_), do: nil

  @doc false
  def format_report(report), do: {~c"~p", [report]}

  ## The call protocol (also :sys's requests)

  @doc false
  # Sends `{label, {self(), tag}, request}` to `pid` and waits for the
  # reply: `{:ok, reply}` or `{:error, reason}` (the server's exit reason,
  # or :timeout). The tag holds a monitor that is also an alias: a reply
  # arriving after a timeout is dropped.
  def __call__(pid, label, request, :infinity) do
    # Without a time-out no late reply can come: OTP's :gen tags the call
    # with the bare monitor reference, no alias.
    mref = :erlang.monitor(:process, pid)
    send(pid, {label, {self(), mref}, request})

    receive do
      {^mref, reply} ->
        :erlang.demonitor(mref, [:flush])
        {:ok, reply}

      {:DOWN, ^mref, _, _, reason} ->
        {:error, reason}
    end
  end

  def __call__(pid, label, request, timeout) do
    mref = :erlang.monitor(:process, pid, alias: :demonitor)
    tag = [:alias | mref]
    send(pid, {label, {self(), tag}, request})

    # Every clause pins `mref`, which the VM marked the mailbox for when
    # the monitor was made: the receive skips what was queued before.
    receive do
      {[:alias | ^mref], reply} ->
        # `:erlang.demonitor(mref, [:flush])`, without its option scan.
        :beamlet.demonitor(mref)

        receive do
          {:DOWN, ^mref, _, _, _} -> :ok
        after
          0 -> :ok
        end

        {:ok, reply}

      {:DOWN, ^mref, _, _, reason} ->
        # The monitor is gone, and with it the alias (as the BEAM does).
        :erlang.unalias(mref)
        {:error, reason}
    after
      timeout ->
        :erlang.demonitor(mref, [:flush])
        {:error, :timeout}
    end
  end

  ## The server

  @doc false
  def __init_it__(starter, parent, name, mod, arg, hibernate_after) do
    parent = if parent == :self, do: self(), else: parent
    Process.put(:"$initial_call", {mod, :init, 1})

    case register_name(name) do
      :ok ->
        case try_init(mod, arg) do
          {:ok, {:ok, state}} ->
            :proc_lib.init_ack(starter, {:ok, self()})
            loop(server(parent, name, mod, hibernate_after), state, :infinity)

          {:ok, {:ok, state, extra}} when is_integer(extra) or extra in [:infinity, :hibernate] ->
            :proc_lib.init_ack(starter, {:ok, self()})
            loop(server(parent, name, mod, hibernate_after), state, extra)

          {:ok, {:ok, state, {:continue, _} = continue}} ->
            :proc_lib.init_ack(starter, {:ok, self()})
            loop(server(parent, name, mod, hibernate_after), state, continue)

          {:ok, :ignore} ->
            :gen.init_stop(name, starter, :ignore, :normal)

          {:ok, {:stop, reason}} ->
            :gen.init_stop(name, starter, {:error, reason}, reason)

          {:ok, other} ->
            :gen.init_stop(name, starter, {:error, {:bad_return_value, other}}, {:bad_return_value, other})

          {:exit, reason, kind, raw, stack} ->
            :gen.init_crash(name, starter, reason, kind, raw, stack)
        end

      {:error, pid} ->
        :proc_lib.init_ack(starter, {:error, {:already_started, pid}})
        exit(:normal)
    end
  end

  @doc false
  # `:gen_server.enter_loop/3,4,5`: the calling process (started by
  # :proc_lib) becomes the server of `mod` with `state`.
  def __enter_loop__(mod, name, state, timeout) do
    parent =
      case Process.get(:"$ancestors") do
        [p | _] when is_pid(p) -> p
        [n | _] when is_atom(n) -> Process.whereis(n) || self()
        _ -> self()
      end

    loop(server(parent, name, mod, :infinity), state, timeout)
  end

  defp server(parent, name, mod, hibernate_after) do
    %{parent: parent, name: name, mod: mod, hibernate_after: hibernate_after}
  end

  # Elixir's names (an atom, `{:global, _}`, `{:via, _, _}`), as `:gen` registers them.
  defp register_name(name), do: :gen.register_name(name)
  defp run(fun), do: :gen.run_callback(fun)

  # `extra`: a timeout in ms, :infinity, :hibernate or {:continue, arg}.
  defp loop(s, state, {:continue, arg}) do
    continue(s, state, arg)
  end

  defp loop(s, state, :hibernate), do: loop(s, state, :infinity)

  defp loop(%{hibernate_after: :infinity} = s, state, timeout) do
    receive do
      msg -> handle_msg(s, state, msg)
    after
      timeout -> handle_msg(s, state, :timeout)
    end
  end

  defp loop(%{hibernate_after: after_ms} = s, state, timeout) do
    # Idle for `hibernate_after` ms: hibernate (wait), keeping the timeout.
    if timeout == :infinity or timeout > after_ms do
      receive do
        msg -> handle_msg(s, state, msg)
      after
        after_ms ->
          left = if timeout == :infinity, do: :infinity, else: timeout - after_ms

          receive do
            msg -> handle_msg(s, state, msg)
          after
            left -> handle_msg(s, state, :timeout)
          end
      end
    else
      receive do
        msg -> handle_msg(s, state, msg)
      after
        timeout -> handle_msg(s, state, :timeout)
      end
    end
  end

  defp handle_msg(s, state, {:"$gen_call", from, request} = msg) do
    case try_handle_call(s.mod, request, from, state) do
      {:ok, {:reply, reply, new_state}} ->
        reply(from, reply)
        loop(s, new_state, :infinity)

      {:ok, {:reply, reply, new_state, extra}} when is_integer(extra) or extra in [:infinity, :hibernate] ->
        reply(from, reply)
        loop(s, new_state, extra)

      {:ok, {:reply, reply, new_state, {:continue, _} = extra}} ->
        reply(from, reply)
        loop(s, new_state, extra)

      {:ok, {:stop, reason, reply, new_state}} ->
        try do
          terminate(s, new_state, reason, msg, from, :exit, reason, [])
        after
          reply(from, reply)
        end

      result ->
        noreply(s, state, result, msg, from)
    end
  end

  defp handle_msg(s, state, {:"$gen_cast", request} = msg) do
    dispatch(s, state, :handle_cast, request, msg)
  end

  defp handle_msg(%{parent: parent} = s, state, {:EXIT, parent, reason} = msg) do
    terminate(s, state, reason, msg, nil, :exit, reason, [])
  end

  defp handle_msg(s, state, {:system, from, request}) do
    system(s, state, from, request, false)
  end

  defp handle_msg(s, state, msg) do
    if function_exported?(s.mod, :handle_info, 2) do
      dispatch(s, state, :handle_info, msg, msg)
    else
      :beamlet_logger.error(
        "#{inspect(s.mod)} #{inspect(s.name || self())} received unexpected message in handle_info/2: #{inspect(msg)}"
      )

      loop(s, state, :infinity)
    end
  end

  # Each callback runs in a function of its own (with the function that
  # called it, one for each place OTP's gen_server calls it), which stack
  # traces show as OTP's: :gen_server.try_handle_call/4, try_dispatch/4,
  # handle_msg/6, loop/7, init_it/2, try_terminate/3 (vm/src/frames.rs).
  # Each returns what :gen.run_callback/1 does.
  defp try_init(mod, arg) do
    try do
      {:ok, mod.init(arg)}
    catch
      kind, reason -> :gen.callback_failed(kind, reason, __STACKTRACE__)
    end
  end

  defp try_handle_call(mod, request, from, state) do
    try do
      {:ok, mod.handle_call(request, from, state)}
    catch
      kind, reason -> :gen.callback_failed(kind, reason, __STACKTRACE__)
    end
  end

  defp try_dispatch(mod, fun, msg, state) do
    try do
      {:ok, apply(mod, fun, [msg, state])}
    catch
      kind, reason -> :gen.callback_failed(kind, reason, __STACKTRACE__)
    end
  end

  defp try_terminate(mod, reason, state) do
    try do
      {:ok, mod.terminate(reason, state)}
    catch
      kind, reason -> :gen.callback_failed(kind, reason, __STACKTRACE__)
    end
  end

  # A cast or a message for handle_info/2.
  defp dispatch(s, state, fun, arg, msg) do
    noreply(s, state, try_dispatch(s.mod, fun, arg, state), msg, nil)
  end

  defp continue(s, state, arg) do
    result = try_dispatch(s.mod, :handle_continue, arg, state)
    noreply(s, state, result, {:continue, arg}, nil)
  end

  # The outcome of a callback that replies nothing by itself.
  defp noreply(s, state, result, msg, from) do
    case result do
      {:ok, {:noreply, new_state}} ->
        loop(s, new_state, :infinity)

      {:ok, {:noreply, new_state, extra}} when is_integer(extra) or extra in [:infinity, :hibernate] ->
        loop(s, new_state, extra)

      {:ok, {:noreply, new_state, {:continue, _} = extra}} ->
        loop(s, new_state, extra)

      {:ok, {:stop, reason, new_state}} ->
        terminate(s, new_state, reason, msg, from, :exit, reason, [])

      {:ok, other} ->
        reason = {:bad_return_value, other}
        terminate(s, state, reason, msg, from, :exit, reason, [])

      {:exit, reason, kind, raw, stack} ->
        terminate(s, state, reason, msg, from, kind, raw, stack)
    end
  end

  # Calls terminate/2 (when the module has it), reports an abnormal end,
  # and exits with `reason`.
  defp terminate(s, state, reason, msg, from, kind, raw, stack) do
    {reason, kind, raw, stack} =
      if function_exported?(s.mod, :terminate, 2) do
        case try_terminate(s.mod, reason, state) do
          {:ok, _} -> {reason, kind, raw, stack}
          {:exit, new_reason, kind, raw, stack} -> {new_reason, kind, raw, stack}
        end
      else
        {reason, kind, raw, stack}
      end

    case reason do
      :normal -> :ok
      :shutdown -> :ok
      {:shutdown, _} -> :ok
      _ -> report(s, state, msg, from, kind, raw, stack)
    end

    exit(reason)
  end

  defp report(s, state, msg, from, kind, raw, stack) do
    # As OTP's report: a `{:global, name}` or `{:via, module, name}` shows as `name`.
    who =
      case s.name do
        nil -> inspect(self())
        {:global, name} -> inspect(name)
        {:via, _module, name} -> inspect(name)
        name -> inspect(name)
      end

    last =
      case {msg, from} do
        {{:"$gen_call", _, request}, {pid, _}} ->
          "Last message (from #{inspect(pid)}): #{inspect(request)}\nState: #{inspect(state)}\n" <>
            client_info(pid)

        {{:"$gen_cast", request}, _} ->
          "Last message: {:\"$gen_cast\", #{inspect(request)}}\nState: #{inspect(state)}"

        {nil, _} ->
          "State: #{inspect(state)}"

        _ ->
          "Last message: #{inspect(msg)}\nState: #{inspect(state)}"
      end

    :beamlet_logger.crash("GenServer #{who} terminating", kind, raw, stack, last)
  end

  # As Elixir's Logger translator: where a live client waits (its
  # stack trace: :gen.do_call/4, GenServer.call/3 and its callers).
  defp client_info(pid) do
    case Process.info(pid, :current_stacktrace) do
      {:current_stacktrace, stack} ->
        lines = Enum.map(stack, &["\n    " | Exception.format_stacktrace_entry(&1)])
        IO.iodata_to_binary(["Client ", inspect(pid), " is alive\n" | lines])

      nil ->
        "Client #{inspect(pid)} is dead"
    end
  end

  ## System messages (:sys)

  defp system(s, state, from, request, suspended) do
    case request do
      :get_state ->
        reply(from, state)
        system_continue(s, state, suspended)

      {:replace_state, fun} ->
        case run(fn -> fun.(state) end) do
          {:ok, new_state} ->
            reply(from, new_state)
            system_continue(s, new_state, suspended)

          {:exit, reason, _, _, _} ->
            reply(from, {:error, {:callback_failed, {:gen_server, :system_replace_state}, {:error, reason}}})
            system_continue(s, state, suspended)
        end

      :get_status ->
        status = if suspended, do: :suspended, else: :running

        reply(
          from,
          {:status, self(), {:module, :gen_server},
           [
             Process.get(),
             status,
             s.parent,
             [],
             [
               header: ~c"Status for generic server " ++ to_charlist(inspect(s.name || self())),
               data: [{~c"Status", status}, {~c"Parent", s.parent}, {~c"Logged events", []}],
               data: [{~c"State", state}]
             ]
           ]}
        )

        system_continue(s, state, suspended)

      :suspend ->
        reply(from, :ok)
        system_continue(s, state, true)

      :resume ->
        reply(from, :ok)
        system_continue(s, state, false)

      {:change_code, _module, vsn, extra} ->
        if function_exported?(s.mod, :code_change, 3) do
          case run(fn -> s.mod.code_change(vsn, state, extra) end) do
            {:ok, {:ok, new_state}} ->
              reply(from, :ok)
              system_continue(s, new_state, suspended)

            {:ok, other} ->
              reply(from, {:error, other})
              system_continue(s, state, suspended)

            # As Erlang's `catch`: the reason of an exit, `{reason, stack}` of an error.
            {:exit, reason, _, _, _} ->
              reply(from, {:error, {:EXIT, reason}})
              system_continue(s, state, suspended)
          end
        else
          reply(from, :ok)
          system_continue(s, state, suspended)
        end

      {:terminate, reason} ->
        terminate(s, state, reason, nil, nil, :exit, reason, [])

      :get_modules ->
        reply(from, [s.mod])
        system_continue(s, state, suspended)

      _ ->
        reply(from, {:error, :unknown_system_msg})
        system_continue(s, state, suspended)
    end
  end

  defp system_continue(s, state, false), do: loop(s, state, :infinity)

  # Suspended: only system messages and the parent's exit are handled; the
  # others wait in the mailbox.
  defp system_continue(%{parent: parent} = s, state, true) do
    receive do
      {:system, from, request} -> system(s, state, from, request, true)
      {:EXIT, ^parent, reason} = msg -> terminate(s, state, reason, msg, nil, :exit, reason, [])
    end
  end
end
