# OTP's :gen_event, in the language: an event manager process holding a
# list of handlers (a callback module, or `{module, id}`), newest first;
# every event goes to each handler in that order. A handler that raises
# or returns something unexpected is removed (its terminate/2 gets
# `{:error, {:EXIT, reason}}` or `{:error, value}`) and reported, and the
# manager carries on. A supervised handler (`add_sup_handler/3`) links
# its owner to the manager: the owner gets `{:gen_event_EXIT, handler,
# reason}` when the handler goes, and the handler goes when its owner
# dies. Requests to the manager use their own label (`:"$gen_event"`);
# `:sys` requests are handled as for the other behaviours.
defmodule :gen_event do
  @moduledoc false

  @doc false
  def behaviour_info(:callbacks) do
    [
      init: 1,
      handle_event: 2,
      handle_call: 2,
      handle_info: 2,
      terminate: 2,
      code_change: 3,
      format_status: 2,
      format_status: 1
    ]
  end

  def behaviour_info(:optional_callbacks) do
    [handle_info: 2, terminate: 2, code_change: 3, format_status: 2, format_status: 1]
  end

  def behaviour_info(_), do: :undefined

  ## Starting

  @doc "Starts an event manager linked to the caller: `{:ok, pid}` or `{:error, reason}`."
  def start_link(), do: do_start(:link, nil, [])
  def start_link(opts) when is_list(opts), do: do_start(:link, nil, opts)
  def start_link(name), do: do_start(:link, check_name(name), [])
  def start_link(name, opts), do: do_start(:link, check_name(name), opts)

  @doc "Starts an event manager not linked to the caller."
  def start(), do: do_start(:nolink, nil, [])
  def start(opts) when is_list(opts), do: do_start(:nolink, nil, opts)
  def start(name), do: do_start(:nolink, check_name(name), [])
  def start(name, opts), do: do_start(:nolink, check_name(name), opts)

  @doc "Starts an event manager monitored by the caller: `{:ok, {pid, ref}}`."
  def start_monitor(), do: do_start(:monitor, nil, [])
  def start_monitor(opts) when is_list(opts), do: do_start(:monitor, nil, opts)
  def start_monitor(name), do: do_start(:monitor, check_name(name), [])
  def start_monitor(name, opts), do: do_start(:monitor, check_name(name), opts)

  defp check_name({:local, name} = n) when is_atom(name), do: n
  defp check_name({:global, _} = n), do: n
  defp check_name({:via, mod, _} = n) when is_atom(mod), do: n
  defp check_name(other), do: :erlang.error(:badarg, [other])

  defp do_start(how, name, opts) when is_list(opts) do
    timeout = :proplists.get_value(:timeout, opts, :infinity)
    spawn_opt = :proplists.get_value(:spawn_opt, opts, [])
    starter = self()
    parent = if how == :link, do: starter, else: :self
    args = [starter, parent, name]

    case where(name) do
      pid when is_pid(pid) ->
        {:error, {:already_started, pid}}

      _ ->
        case how do
          :link -> :proc_lib.start_link(__MODULE__, :__init_it__, args, timeout, spawn_opt)
          :nolink -> :proc_lib.start(__MODULE__, :__init_it__, args, timeout, spawn_opt)
          :monitor -> :proc_lib.start_monitor(__MODULE__, :__init_it__, args, timeout, spawn_opt) |> :gen_statem.__monitored__()
        end
    end
  end

  defp where({:local, name}), do: Process.whereis(name)
  defp where({:global, name}), do: :global.whereis_name(name)
  defp where({:via, mod, name}), do: mod.whereis_name(name)
  defp where(nil), do: nil

  ## Requests

  @doc "Adds a handler: `:ok`, `{:error, reason}`, `{:EXIT, reason}` or what its init/1 returned."
  def add_handler(manager, handler, args), do: rpc(manager, {:add_handler, handler, args, nil})

  @doc "Adds a handler supervised by the caller."
  def add_sup_handler(manager, handler, args), do: rpc(manager, {:add_handler, handler, args, self()})

  @doc "Sends `event` to every handler, without waiting; `:ok`."
  def notify(manager, event) do
    send(dest(manager), {:"$gen_event_notify", event})
    :ok
  end

  @doc "Sends `event` to every handler and waits until all have handled it; `:ok`."
  def sync_notify(manager, event), do: rpc(manager, {:sync_notify, event})

  @doc "Calls `handler` with `request`: its reply, `{:error, :bad_module}` or `{:error, {:EXIT, reason}}`."
  def call(manager, handler, request, timeout \\ 5000) do
    case whereis(manager) do
      pid when is_pid(pid) ->
        case GenServer.__call__(pid, :"$gen_event", {:call, handler, request}, timeout) do
          {:ok, reply} -> reply
          {:error, reason} -> exit({reason, {__MODULE__, :call, [manager, handler, request]}})
        end

      _ ->
        exit({:noproc, {__MODULE__, :call, [manager, handler, request]}})
    end
  end

  @doc "Removes `handler`, calling its terminate/2 with `args`: what terminate/2 returned, or `{:error, :module_not_found}`."
  def delete_handler(manager, handler, args), do: rpc(manager, {:delete_handler, handler, args})

  @doc "Replaces `handler1` by `handler2`, whose init/1 gets `{args2, result of handler1's terminate/2}`."
  def swap_handler(manager, {handler1, args1}, {handler2, args2}),
    do: rpc(manager, {:swap_handler, handler1, args1, handler2, args2, nil})

  @doc "As `swap_handler/3`, the new handler supervised by the caller."
  def swap_sup_handler(manager, {handler1, args1}, {handler2, args2}),
    do: rpc(manager, {:swap_handler, handler1, args1, handler2, args2, self()})

  @doc "The handlers of `manager`, newest first."
  def which_handlers(manager), do: rpc(manager, :which_handlers)

  @doc "Stops `manager`: every handler's terminate/2 gets `:stop`."
  def stop(manager, reason \\ :normal, timeout \\ :infinity) do
    case whereis(manager) do
      pid when is_pid(pid) -> :proc_lib.stop(pid, reason, timeout)
      _ -> exit(:noproc)
    end
  end

  @doc "Sends a call to `handler` without waiting: a request id for `wait_response/2` and friends."
  def send_request(manager, handler, request),
    do: :gen.send_request(manager, :"$gen_event", {:call, handler, request})

  @doc "Waits `timeout` ms for the reply to `request_id`: `{:reply, r}`, `{:error, {reason, manager}}` or `:timeout`."
  def wait_response(request_id, timeout \\ :infinity), do: :gen.wait_response(request_id, timeout)

  @doc "As `wait_response/2`, but a time-out abandons the request."
  def receive_response(request_id, timeout \\ :infinity), do: :gen.receive_response(request_id, timeout)

  @doc "Whether `msg` answers `request_id`: `{:reply, r}`, `{:error, {reason, manager}}` or `:no_reply`."
  def check_response(msg, request_id), do: :gen.check_response(msg, request_id)

  defp rpc(manager, request) do
    case whereis(manager) do
      pid when is_pid(pid) ->
        case GenServer.__call__(pid, :"$gen_event", request, :infinity) do
          {:ok, reply} -> reply
          {:error, reason} -> exit(reason)
        end

      _ ->
        exit(:noproc)
    end
  end

  # Where `notify/2` sends: a pid or a name (an unregistered name raises,
  # as `send/2` does).
  defp dest({:global, name}), do: :global.whereis_name(name) |> or_name({:global, name})
  defp dest({:via, mod, name}), do: mod.whereis_name(name) |> or_name({:via, mod, name})
  defp dest(other), do: other

  defp or_name(pid, _name) when is_pid(pid), do: pid
  defp or_name(_, name), do: :erlang.error(:badarg, [name])

  defp whereis(process), do: :gen.whereis(process)

  ## The manager

  @doc false
  def __init_it__(starter, parent, name) do
    parent = if parent == :self, do: self(), else: parent
    Process.put(:"$initial_call", {:gen_event, :init_it, 6})

    case register_name(name) do
      :ok ->
        Process.flag(:trap_exit, true)
        :proc_lib.init_ack(starter, {:ok, self()})
        loop(%{parent: parent, name: name}, [])

      {:error, pid} ->
        :proc_lib.init_ack(starter, {:error, {:already_started, pid}})
        exit(:normal)
    end
  end

  defp register_name(name), do: :gen.register_name(name)

  # A handler: %{id: module or {module, id}, mod, state, sup: owner pid or nil}.
  defp loop(s, handlers) do
    parent = s.parent

    receive do
      {:"$gen_event_notify", event} ->
        loop(s, notify_all(s, handlers, event, :handle_event))

      {:"$gen_event", from, request} ->
        {reply, handlers} = request(s, handlers, request)
        GenServer.reply(from, reply)
        loop(s, handlers)

      {:system, from, request} ->
        system(s, handlers, from, request, false)

      {:EXIT, ^parent, reason} ->
        terminate_all(s, handlers, reason)

      {:EXIT, pid, reason} = msg ->
        {gone, kept} = Enum.split_with(handlers, &(&1.sup == pid))
        Enum.each(gone, &call_terminate(&1, {:stop, reason}))
        loop(s, notify_all(s, kept, msg, :handle_info))

      msg ->
        loop(s, notify_all(s, handlers, msg, :handle_info))
    end
  end

  defp request(s, handlers, request) do
    case request do
      {:add_handler, id, args, sup} ->
        add(handlers, id, args, sup)

      {:sync_notify, event} ->
        {:ok, notify_all(s, handlers, event, :handle_event)}

      {:call, id, query} ->
        call_handler(s, handlers, id, query)

      {:delete_handler, id, args} ->
        case take(handlers, id) do
          {nil, _} ->
            {{:error, :module_not_found}, handlers}

          {h, rest} ->
            result = call_terminate(h, args)
            sup_exit(h, :normal)
            {result, rest}
        end

      {:swap_handler, id1, args1, id2, args2, sup} ->
        swap(handlers, id1, args1, id2, args2, sup)

      :which_handlers ->
        {Enum.map(handlers, & &1.id), handlers}
    end
  end

  defp handler_mod({mod, _id}), do: mod
  defp handler_mod(mod), do: mod

  defp add(handlers, id, args, sup) do
    mod = handler_mod(id)

    case run(fn -> mod.init(args) end) do
      {:ok, {:ok, state}} -> {:ok, [new_handler(id, state, sup) | handlers]}
      {:ok, {:ok, state, :hibernate}} -> {:ok, [new_handler(id, state, sup) | handlers]}
      {:ok, {:error, _} = error} -> {error, handlers}
      {:ok, other} -> {other, handlers}
      {:exit, reason, _kind, _raw, _stack} -> {{:EXIT, reason}, handlers}
    end
  end

  defp new_handler(id, state, sup) do
    if sup != nil, do: Process.link(sup)
    %{id: id, mod: handler_mod(id), state: state, sup: sup}
  end

  defp take(handlers, id) do
    case Enum.split_while(handlers, &(&1.id != id)) do
      {_, []} -> {nil, handlers}
      {before, [h | rest]} -> {h, before ++ rest}
    end
  end

  defp swap(handlers, id1, args1, id2, args2, sup) do
    {result1, handlers, old} =
      case take(handlers, id1) do
        {nil, _} -> {:error, handlers, nil}
        {h, rest} -> {call_terminate(h, args1), rest, h}
      end

    case add(handlers, id2, {args2, result1}, sup || (old && old.sup)) do
      {:ok, new} ->
        if old, do: sup_exit(old, {:swapped, id2, sup || old.sup})
        {:ok, new}

      {error, handlers} ->
        if old, do: sup_exit(old, :normal)
        {error, handlers}
    end
  end

  # Sends `event` (or an info message) to each handler, newest first;
  # the handlers that fail are dropped.
  defp notify_all(s, handlers, event, callback) do
    Enum.flat_map(handlers, fn h ->
      if callback == :handle_info and not function_exported?(h.mod, :handle_info, 2) do
        [h]
      else
        result = run(fn -> apply(h.mod, callback, [event, h.state]) end)

        case handler_result(s, h, result, event, false) do
          {:keep, kept, _reply} -> kept
          :removed -> []
        end
      end
    end)
  end

  defp call_handler(s, handlers, id, query) do
    case Enum.split_while(handlers, &(&1.id != id)) do
      {_, []} ->
        {{:error, :bad_module}, handlers}

      {before, [h | rest]} ->
        result = run(fn -> h.mod.handle_call(query, h.state) end)

        case handler_result(s, h, result, query, true) do
          {:keep, h2, reply} -> {reply, before ++ h2 ++ rest}
          {:removed, reply} -> {reply, before ++ rest}
          :removed -> {{:error, error_of(result)}, before ++ rest}
        end
    end
  end

  defp error_of({:exit, reason, _, _, _}), do: {:EXIT, reason}
  defp error_of({:ok, value}), do: value

  # What a handler's callback returned: `{:keep, [handler...], reply}`
  # (a swap can leave none, or a new one), `{:removed, reply}` or
  # `:removed`.
  defp handler_result(s, h, result, event, call?) do
    case {call?, result} do
      {false, {:ok, {:ok, state}}} ->
        {:keep, [%{h | state: state}], nil}

      {false, {:ok, {:ok, state, :hibernate}}} ->
        {:keep, [%{h | state: state}], nil}

      {true, {:ok, {:ok, reply, state}}} ->
        {:keep, [%{h | state: state}], reply}

      {true, {:ok, {:ok, reply, state, :hibernate}}} ->
        {:keep, [%{h | state: state}], reply}

      {false, {:ok, :remove_handler}} ->
        call_terminate(h, :remove_handler)
        sup_exit(h, :normal)
        :removed

      {true, {:ok, {:remove_handler, reply}}} ->
        call_terminate(h, :remove_handler)
        sup_exit(h, :normal)
        {:removed, reply}

      {false, {:ok, {:swap_handler, args1, state, id2, args2}}} ->
        swapped(%{h | state: state}, args1, id2, args2, nil)

      {true, {:ok, {:swap_handler, reply, args1, state, id2, args2}}} ->
        {:keep, new, nil} = swapped(%{h | state: state}, args1, id2, args2, nil)
        {:keep, new, reply}

      {_, {:ok, other}} ->
        call_terminate(h, {:error, other})
        sup_exit(h, other)
        :removed

      {_, {:exit, reason, kind, raw, stack}} ->
        call_terminate(h, {:error, {:EXIT, reason}})
        report(s, h, event, kind, raw, stack)
        sup_exit(h, {:EXIT, reason})
        :removed
    end
  end

  defp swapped(h, args1, id2, args2, _sup) do
    result1 = call_terminate(h, args1)

    case add([], id2, {args2, result1}, h.sup) do
      {:ok, [new]} ->
        sup_exit(h, {:swapped, id2, h.sup})
        {:keep, [new], nil}

      {_error, []} ->
        sup_exit(h, :normal)
        {:keep, [], nil}
    end
  end

  defp call_terminate(h, arg) do
    if function_exported?(h.mod, :terminate, 2) do
      case run(fn -> h.mod.terminate(arg, h.state) end) do
        {:ok, result} -> result
        {:exit, reason, _, _, _} -> {:EXIT, reason}
      end
    else
      :ok
    end
  end

  defp sup_exit(%{sup: nil}, _reason), do: :ok

  defp sup_exit(%{sup: pid, id: id}, reason) do
    Process.unlink(pid)
    send(pid, {:gen_event_EXIT, id, reason})
  end

  defp report(s, h, event, kind, raw, stack) do
    who = if s.name == nil, do: inspect(self()), else: inspect(elem(s.name, tuple_size(s.name) - 1))

    :beamlet_logger.crash(
      ":gen_event handler #{inspect(h.id)} installed in #{who} terminating",
      kind,
      raw,
      stack,
      "Last message: #{inspect(event)}\nState: #{inspect(h.state)}"
    )
  end

  defp terminate_all(_s, handlers, reason) do
    Enum.each(handlers, fn h ->
      call_terminate(h, :stop)
      sup_exit(h, :shutdown)
    end)

    exit(reason)
  end

  # Runs a callback: `{:ok, result}` (a throw is a result, as in OTP), or
  # `{:exit, reason, kind, raw_reason, stacktrace}`.
  defp run(fun), do: :gen.run_callback(fun)

  ## System messages (:sys)

  defp system(s, handlers, from, request, suspended) do
    case request do
      :get_state ->
        GenServer.reply(from, Enum.map(handlers, &state_tuple/1))
        system_continue(s, handlers, suspended)

      {:replace_state, fun} ->
        handlers =
          Enum.map(handlers, fn h ->
            case run(fn -> fun.(state_tuple(h)) end) do
              {:ok, {_mod, _id, state}} -> %{h | state: state}
              _ -> h
            end
          end)

        GenServer.reply(from, Enum.map(handlers, &state_tuple/1))
        system_continue(s, handlers, suspended)

      :get_status ->
        status = if suspended, do: :suspended, else: :running

        GenServer.reply(
          from,
          {:status, self(), {:module, :gen_event},
           [Process.get(), status, s.parent, [], [header: ~c"Status for event handler", data: [{~c"Status", status}], items: {~c"Installed handlers", Enum.map(handlers, &state_tuple/1)}]]}
        )

        system_continue(s, handlers, suspended)

      :suspend ->
        GenServer.reply(from, :ok)
        system_continue(s, handlers, true)

      :resume ->
        GenServer.reply(from, :ok)
        system_continue(s, handlers, false)

      {:change_code, module, vsn, extra} ->
        handlers =
          Enum.map(handlers, fn h ->
            if h.mod == module and function_exported?(module, :code_change, 3) do
              case run(fn -> module.code_change(vsn, h.state, extra) end) do
                {:ok, {:ok, state}} -> %{h | state: state}
                _ -> h
              end
            else
              h
            end
          end)

        GenServer.reply(from, :ok)
        system_continue(s, handlers, suspended)

      {:terminate, reason} ->
        terminate_all(s, handlers, reason)

      :get_modules ->
        GenServer.reply(from, :dynamic)
        system_continue(s, handlers, suspended)

      _ ->
        GenServer.reply(from, {:error, :unknown_system_msg})
        system_continue(s, handlers, suspended)
    end
  end

  defp state_tuple(%{id: {mod, id}, state: state}), do: {mod, id, state}
  defp state_tuple(%{id: mod, state: state}), do: {mod, false, state}

  defp system_continue(s, handlers, false), do: loop(s, handlers)

  defp system_continue(%{parent: parent} = s, handlers, true) do
    receive do
      {:system, from, request} -> system(s, handlers, from, request, true)
      {:EXIT, ^parent, reason} -> terminate_all(s, handlers, reason)
    end
  end
end
