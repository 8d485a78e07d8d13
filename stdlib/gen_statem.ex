# OTP's :gen_statem, in the language: a state machine process with the
# callback modes :state_functions (`Module.state(type, content, data)`)
# and :handle_event_function (`Module.handle_event(type, content, state,
# data)`), optional state enter calls, postponed events, inserted events
# (`:next_event`), the three kinds of time-outs (event, state, generic
# `{:timeout, name}`), replies from any state, callback module changes,
# `:sys` requests, and the start/call/cast/stop protocol of `:gen` (the
# same messages as GenServer, so GenServer.call/cast also reach one).
#
# A transition, as OTP 25 documents it: the replies of the actions are
# sent in order; the state enter call runs when the state changed (or
# on :repeat_state), adding its own actions; a state change cancels the
# running state time-out and puts the postponed events back in front of
# the queue (in arrival order), after the inserted events; then the
# time-outs of the actions start (a time of 0 queues the time-out event
# at once, behind the queued events); last the event time-out, which is
# only started when no event is queued, and which any event cancels.
defmodule :gen_statem do
  @moduledoc false

  @doc false
  def behaviour_info(:callbacks) do
    [
      init: 1,
      callback_mode: 0,
      state_name: 3,
      handle_event: 4,
      terminate: 3,
      code_change: 4,
      format_status: 2,
      format_status: 1
    ]
  end

  def behaviour_info(:optional_callbacks) do
    [format_status: 1, format_status: 2, terminate: 3, code_change: 4, state_name: 3, handle_event: 4]
  end

  def behaviour_info(_), do: :undefined

  ## Starting

  @doc "Starts a state machine linked to the caller: `{:ok, pid}`, `:ignore` or `{:error, reason}`."
  def start_link(module, args, opts), do: do_start(:link, nil, module, args, opts)
  def start_link(name, module, args, opts), do: do_start(:link, check_name(name), module, args, opts)

  @doc "Starts a state machine not linked to the caller."
  def start(module, args, opts), do: do_start(:nolink, nil, module, args, opts)
  def start(name, module, args, opts), do: do_start(:nolink, check_name(name), module, args, opts)

  @doc "Starts a state machine monitored by the caller: `{:ok, {pid, ref}}`, ..."
  def start_monitor(module, args, opts), do: do_start(:monitor, nil, module, args, opts)
  def start_monitor(name, module, args, opts), do: do_start(:monitor, check_name(name), module, args, opts)

  defp check_name({:local, name} = n) when is_atom(name), do: n
  defp check_name({:global, _} = n), do: n
  defp check_name({:via, mod, _} = n) when is_atom(mod), do: n
  defp check_name(other), do: :erlang.error(:badarg, [other])

  defp do_start(how, name, module, args, opts) when is_atom(module) and is_list(opts) do
    timeout = :proplists.get_value(:timeout, opts, :infinity)
    spawn_opt = :proplists.get_value(:spawn_opt, opts, [])
    starter = self()
    parent = if how == :link, do: starter, else: :self
    init_args = [starter, parent, name, module, args, opts]

    case where(name) do
      pid when is_pid(pid) ->
        {:error, {:already_started, pid}}

      _ ->
        case how do
          :link -> :proc_lib.start_link(__MODULE__, :__init_it__, init_args, timeout, spawn_opt)
          :nolink -> :proc_lib.start(__MODULE__, :__init_it__, init_args, timeout, spawn_opt)
          :monitor -> :proc_lib.start_monitor(__MODULE__, :__init_it__, init_args, timeout, spawn_opt) |> :gen_statem.__monitored__()
        end
    end
  end

  @doc false
  # What the monitored starts of the OTP behaviours return, from
  # :proc_lib.start_monitor's `{result, ref}`: `{:ok, {pid, ref}}`, or
  # the error (the monitor dropped), as OTP's :gen does.
  def __monitored__({{:ok, pid}, ref}), do: {:ok, {pid, ref}}

  def __monitored__({other, ref}) do
    Process.demonitor(ref, [:flush])
    other
  end

  defp where({:local, name}), do: Process.whereis(name)
  defp where({:global, name}), do: :global.whereis_name(name)
  defp where({:via, mod, name}), do: mod.whereis_name(name)
  defp where(nil), do: nil

  ## Talking to a state machine

  @doc "Stops `server` with `reason`, waiting `timeout` ms."
  def stop(server, reason \\ :normal, timeout \\ :infinity) do
    case whereis(server) do
      pid when is_pid(pid) -> :proc_lib.stop(pid, reason, timeout)
      _ -> exit(:noproc)
    end
  end

  @doc "Sends `request` as a `{:call, from}` event and waits for the reply."
  def call(server, request, timeout \\ :infinity) do
    wait =
      case timeout do
        {:dirty_timeout, t} -> t
        {:clean_timeout, t} -> t
        t -> t
      end

    case whereis(server) do
      pid when is_pid(pid) ->
        case GenServer.__call__(pid, :"$gen_call", request, wait) do
          {:ok, reply} -> reply
          {:error, reason} -> exit({reason, {__MODULE__, :call, [server, request, timeout]}})
        end

      _ ->
        exit({:noproc, {__MODULE__, :call, [server, request, timeout]}})
    end
  end

  @doc "Sends `msg` as a `:cast` event; always `:ok`."
  def cast(server, msg) do
    case whereis(server) do
      pid when is_pid(pid) -> send(pid, {:"$gen_cast", msg})
      _ -> :ok
    end

    :ok
  end

  @doc "Sends the reply of a `{:reply, from, reply}` action, or of a list of them."
  def reply({:reply, from, reply}), do: reply(from, reply)
  def reply(replies) when is_list(replies), do: Enum.each(replies, &reply/1)

  def reply(from, reply), do: GenServer.reply(from, reply)

  @doc "Sends `request` as a call without waiting: a request id for `wait_response/2` and friends."
  def send_request(server, request), do: :gen.send_request(server, :"$gen_call", request)

  @doc "Waits `timeout` ms for the reply to `request_id`: `{:reply, r}`, `{:error, {reason, server}}` or `:timeout`."
  def wait_response(request_id, timeout \\ :infinity), do: :gen.wait_response(request_id, timeout)

  @doc "As `wait_response/2`, but a time-out abandons the request."
  def receive_response(request_id, timeout \\ :infinity), do: :gen.receive_response(request_id, timeout)

  @doc "Whether `msg` answers `request_id`: `{:reply, r}`, `{:error, {reason, server}}` or `:no_reply`."
  def check_response(msg, request_id), do: :gen.check_response(msg, request_id)

  defp whereis(process), do: :gen.whereis(process)

  @doc "Makes the calling process (started by :proc_lib) a state machine."
  def enter_loop(module, opts, state, data), do: enter_loop(module, opts, state, data, :self, [])

  def enter_loop(module, opts, state, data, actions) when is_list(actions),
    do: enter_loop(module, opts, state, data, :self, actions)

  def enter_loop(module, opts, state, data, server_name), do: enter_loop(module, opts, state, data, server_name, [])

  def enter_loop(module, opts, state, data, server_name, actions) do
    name =
      case server_name do
        :self -> nil
        {:local, _} = n -> n
        {:global, _} = n -> n
        {:via, _, _} = n -> n
        other -> :erlang.error(:badarg, [other])
      end

    parent =
      case Process.get(:"$ancestors") do
        [p | _] when is_pid(p) -> p
        [n | _] when is_atom(n) -> Process.whereis(n) || self()
        _ -> self()
      end

    s = new_server(parent, name, module, opts)
    start_machine(s, state, data, actions)
  end

  ## The process

  @doc false
  def __init_it__(starter, parent, name, module, args, opts) do
    parent = if parent == :self, do: self(), else: parent
    Process.put(:"$initial_call", {module, :init, 1})

    case register_name(name) do
      :ok ->
        s = new_server(parent, name, module, opts)

        case run(fn -> module.init(args) end) do
          {:ok, {:ok, state, data}} ->
            start_machine(%{s | ack: starter}, state, data, [])

          {:ok, {:ok, state, data, actions}} ->
            start_machine(%{s | ack: starter}, state, data, actions)

          {:ok, :ignore} ->
            :gen.init_stop(name, starter, :ignore, :normal)

          {:ok, {:stop, reason}} ->
            :gen.init_stop(name, starter, {:error, reason}, reason)

          {:ok, other} ->
            reason = {:bad_return_from_init, other}
            :gen.init_stop(name, starter, {:error, reason}, reason)

          {:exit, reason, kind, raw, stack} ->
            :gen.init_crash(name, starter, reason, kind, raw, stack)
        end

      {:error, pid} ->
        :proc_lib.init_ack(starter, {:error, {:already_started, pid}})
        exit(:normal)
    end
  end

  defp new_server(parent, name, module, opts) do
    %{
      parent: parent,
      name: name,
      mod: module,
      stack: [],
      mode: nil,
      enter: false,
      hibernate_after: :proplists.get_value(:hibernate_after, opts, :infinity),
      state: :undefined,
      data: :undefined,
      # Events to handle before the mailbox, in order.
      queue: [],
      # Postponed events, newest first.
      postponed: [],
      # type (:timeout, :state_timeout, {:timeout, name}) => {tref | :t0, content}
      timers: %{},
      # The starter, until it is told `{:ok, pid}`: after the first state
      # enter call, which so prints before the starter goes on (as it
      # happens on the BEAM, where the starter needs a moment to resume).
      ack: nil
    }
  end

  defp register_name(name), do: :gen.register_name(name)

  defp run(fun), do: :gen.run_callback(fun)

  # Asks the callback module its mode (again after a module change).
  defp callback_mode(s) do
    case run(fn -> s.mod.callback_mode() end) do
      {:ok, mode} ->
        case parse_mode(List.wrap(mode), nil, false) do
          {:ok, m, enter} -> %{s | mode: m, enter: enter}
          :error -> terminate(s, {{:bad_callback_mode, mode}, []}, nil, :error, {:bad_callback_mode, mode}, [])
        end

      {:exit, reason, kind, raw, stack} ->
        terminate(s, reason, nil, kind, raw, stack)
    end
  end

  defp parse_mode([], nil, _), do: :error
  defp parse_mode([], mode, enter), do: {:ok, mode, enter}
  defp parse_mode([:state_enter | rest], mode, _), do: parse_mode(rest, mode, true)

  defp parse_mode([m | rest], nil, enter) when m in [:state_functions, :handle_event_function],
    do: parse_mode(rest, m, enter)

  defp parse_mode(_, _, _), do: :error

  # The first state: init's actions, then the state enter call with the
  # state as its own old state.
  defp start_machine(s, state, data, actions) do
    s = callback_mode(%{s | state: state, data: data})

    case parse_actions(List.wrap(actions), :init, new_trans()) do
      {:ok, t} ->
        send_replies(t)
        transition(s, state, data, t, nil, true, :init)

      {:bad, action} ->
        reason = {:bad_action_from_state_function, action}
        terminate(s, {reason, []}, nil, :error, reason, [])
    end
  end

  defp new_trans, do: %{postpone: false, timeouts: [], replies: [], events: [], mods: []}

  ## The event loop

  defp loop(%{queue: [event | rest]} = s) do
    s = %{s | queue: rest}

    case event do
      {:"$t0", type} ->
        case Map.fetch(s.timers, type) do
          {:ok, {:t0, content}} ->
            s = %{s | timers: Map.delete(s.timers, type)}
            handle_event(cancel_event_timeout(s, type), {timeout_event_type(type), content})

          _ ->
            loop(s)
        end

      _ ->
        handle_event(cancel_event_timeout(s, nil), event)
    end
  end

  defp loop(%{parent: parent} = s) do
    receive do
      {:system, from, request} ->
        system(s, from, request, false)

      {:EXIT, ^parent, reason} = msg ->
        terminate(s, reason, {:info, msg}, :exit, reason, [])

      msg ->
        case classify(s, msg) do
          {:timer, type, content} ->
            s = %{s | timers: Map.delete(s.timers, type)}
            handle_event(cancel_event_timeout(s, type), {timeout_event_type(type), content})

          event ->
            handle_event(cancel_event_timeout(s, nil), event)
        end
    end
  end

  defp classify(s, msg) do
    case msg do
      {:"$gen_call", from, request} ->
        {{:call, from}, request}

      {:"$gen_cast", request} ->
        {:cast, request}

      {:timeout, tref, type} ->
        case Map.fetch(s.timers, type) do
          {:ok, {^tref, content}} -> {:timer, type, content}
          _ -> {:info, msg}
        end

      _ ->
        {:info, msg}
    end
  end

  defp timeout_event_type(:timeout), do: :timeout
  defp timeout_event_type(:state_timeout), do: :state_timeout
  defp timeout_event_type({:timeout, _} = t), do: t

  # Any event cancels the event time-out (unless it is that time-out).
  defp cancel_event_timeout(s, :timeout), do: s
  defp cancel_event_timeout(s, _), do: cancel_timer(s, :timeout)

  defp cancel_timer(s, type) do
    case Map.fetch(s.timers, type) do
      {:ok, {:t0, _}} ->
        %{s | timers: Map.delete(s.timers, type)}

      {:ok, {tref, _}} ->
        :erlang.cancel_timer(tref)

        receive do
          {:timeout, ^tref, _} -> :ok
        after
          0 -> :ok
        end

        %{s | timers: Map.delete(s.timers, type)}

      :error ->
        s
    end
  end

  defp handle_event(s, {type, content} = event) do
    state = s.state
    data = s.data

    result =
      case s.mode do
        :state_functions when is_atom(state) ->
          run(fn -> apply(s.mod, state, [type, content, data]) end)

        :state_functions ->
          {:exit, {:badarg, []}, :error, :badarg, []}

        :handle_event_function ->
          run(fn -> s.mod.handle_event(type, content, state, data) end)
      end

    case result do
      {:ok, r} -> result(s, r, event, false)
      {:exit, reason, kind, raw, stack} -> terminate(s, reason, event, kind, raw, stack)
    end
  end

  # The result of a state callback (`enter`: of a state enter call).
  defp result(s, r, event, enter) do
    case r do
      {:next_state, ns, nd} -> next(s, ns, nd, [], event, enter, r, false)
      {:next_state, ns, nd, actions} -> next(s, ns, nd, actions, event, enter, r, false)
      {:keep_state, nd} -> next(s, s.state, nd, [], event, enter, r, false)
      {:keep_state, nd, actions} -> next(s, s.state, nd, actions, event, enter, r, false)
      :keep_state_and_data -> next(s, s.state, s.data, [], event, enter, r, false)
      {:keep_state_and_data, actions} -> next(s, s.state, s.data, actions, event, enter, r, false)
      {:repeat_state, nd} -> next(s, s.state, nd, [], event, enter, r, true)
      {:repeat_state, nd, actions} -> next(s, s.state, nd, actions, event, enter, r, true)
      :repeat_state_and_data -> next(s, s.state, s.data, [], event, enter, r, true)
      {:repeat_state_and_data, actions} -> next(s, s.state, s.data, actions, event, enter, r, true)
      {:stop, reason} -> terminate(s, reason, event, :exit, reason, [])
      {:stop, reason, nd} -> terminate(%{s | data: nd}, reason, event, :exit, reason, [])
      {:stop_and_reply, reason, replies} -> stop_and_reply(s, reason, replies, event)
      {:stop_and_reply, reason, replies, nd} -> stop_and_reply(%{s | data: nd}, reason, replies, event)
      _ -> bad_return(s, r, event, enter)
    end
  end

  defp bad_return(s, r, event, enter) do
    reason =
      if enter,
        do: {:bad_state_enter_return_from_state_function, r},
        else: {:bad_return_from_state_function, r}

    terminate(s, {reason, []}, event, :error, reason, [])
  end

  defp stop_and_reply(s, reason, replies, event) do
    case parse_actions(List.wrap(replies), :stop, new_trans()) do
      {:ok, t} ->
        send_replies(t)
        terminate(s, reason, event, :exit, reason, [])

      {:bad, action} ->
        reason = {:bad_action_from_state_function, action}
        terminate(s, {reason, []}, event, :error, reason, [])
    end
  end

  defp next(s, ns, nd, actions, event, enter, r, repeat) do
    cond do
      enter and ns != s.state ->
        bad_return(s, r, event, true)

      true ->
        case parse_actions(List.wrap(actions), if(enter, do: :enter, else: :event), new_trans()) do
          {:ok, t} ->
            send_replies(t)

            if enter do
              {:enter_done, %{s | data: nd}, t, repeat}
            else
              transition(s, ns, nd, t, event, repeat, :event)
            end

          {:bad, action} ->
            reason =
              if enter,
                do: {:bad_state_enter_action_from_state_function, action},
                else: {:bad_action_from_state_function, action}

            terminate(%{s | data: nd}, {reason, []}, event, :error, reason, [])
        end
    end
  end

  defp send_replies(t) do
    Enum.each(Enum.reverse(t.replies), fn {from, reply} -> GenServer.reply(from, reply) end)
  end

  # Collects the actions into a transition (lists newest first).
  # `where`: :init, :event, :enter (no postpone, no next_event) or :stop
  # (replies only).
  defp parse_actions([], _where, t), do: {:ok, t}

  defp parse_actions([action | rest], where, t) do
    case action(action, where, t) do
      {:ok, t} -> parse_actions(rest, where, t)
      :bad -> {:bad, action}
    end
  end

  defp parse_actions(_improper, _where, _t), do: {:bad, :improper_list}

  defp action({:reply, from, reply}, _where, t), do: {:ok, %{t | replies: [{from, reply} | t.replies]}}
  defp action(_, :stop, _t), do: :bad
  defp action(:postpone, :event, t), do: {:ok, %{t | postpone: true}}
  defp action({:postpone, b}, :event, t) when is_boolean(b), do: {:ok, %{t | postpone: b}}
  defp action(:hibernate, _where, t), do: {:ok, t}
  defp action({:hibernate, b}, _where, t) when is_boolean(b), do: {:ok, t}

  defp action({:next_event, type, content}, where, t) when where in [:init, :event] do
    if event_type?(type), do: {:ok, %{t | events: [{type, content} | t.events]}}, else: :bad
  end

  defp action({:change_callback_module, m}, where, t) when is_atom(m) and where != :enter,
    do: {:ok, %{t | mods: [{:change, m} | t.mods]}}

  defp action({:push_callback_module, m}, where, t) when is_atom(m) and where != :enter,
    do: {:ok, %{t | mods: [{:push, m} | t.mods]}}

  defp action(:pop_callback_module, where, t) when where != :enter, do: {:ok, %{t | mods: [:pop | t.mods]}}

  defp action(time, _where, t) when is_integer(time) and time >= 0,
    do: {:ok, %{t | timeouts: [{:timeout, time, time, []} | t.timeouts]}}

  defp action(:infinity, _where, t),
    do: {:ok, %{t | timeouts: [{:timeout, :infinity, :infinity, []} | t.timeouts]}}

  defp action({type, time, content}, where, t), do: action({type, time, content, []}, where, t)

  defp action({type, :cancel}, _where, t) do
    if timer_type?(type), do: {:ok, %{t | timeouts: [{type, :cancel} | t.timeouts]}}, else: :bad
  end

  defp action({type, :update, content, []}, _where, t) do
    if timer_type?(type), do: {:ok, %{t | timeouts: [{type, :update, content} | t.timeouts]}}, else: :bad
  end

  defp action({type, time, content, opts}, _where, t) when is_list(opts) do
    cond do
      not timer_type?(type) -> :bad
      not valid_time?(time, opts) -> :bad
      true -> {:ok, %{t | timeouts: [{type, time, content, opts} | t.timeouts]}}
    end
  end

  defp action(_, _, _), do: :bad

  defp timer_type?(:timeout), do: true
  defp timer_type?(:state_timeout), do: true
  defp timer_type?({:timeout, _}), do: true
  defp timer_type?(_), do: false

  defp valid_time?(:infinity, _), do: true

  defp valid_time?(time, opts) when is_integer(time) do
    if :proplists.get_value(:abs, opts, false) == true, do: true, else: time >= 0
  end

  defp valid_time?(_, _), do: false

  defp event_type?({:call, {pid, _}}) when is_pid(pid), do: true
  defp event_type?(t) when t in [:cast, :info, :timeout, :state_timeout, :internal], do: true
  defp event_type?({:timeout, _}), do: true
  defp event_type?(_), do: false

  # Carries out a transition to `ns`/`nd` with the actions `t`.
  defp transition(s, ns, nd, t, event, repeat, origin) do
    s = change_modules(s, Enum.reverse(t.mods))
    changed = origin == :init or ns != s.state
    old = if origin == :init, do: ns, else: s.state
    before = s
    s = %{s | state: ns, data: nd}

    # The state enter call, which may add its own time-outs.
    {s, t} =
      if s.enter and (changed or repeat) do
        enter_call(s, old, t, before)
      else
        {s, t}
      end

    postponed =
      if t.postpone and event != nil, do: [event | s.postponed], else: s.postponed

    s =
      if changed and origin != :init do
        s = cancel_timer(s, :state_timeout)
        %{s | queue: Enum.reverse(t.events) ++ Enum.reverse(postponed) ++ s.queue, postponed: []}
      else
        %{s | queue: Enum.reverse(t.events) ++ s.queue, postponed: postponed}
      end

    # The last action for a time-out type wins (`t.timeouts` is newest
    # first); the event time-out is started last.
    {last, _} =
      Enum.reduce(t.timeouts, {[], %{}}, fn action, {acc, seen} ->
        type = elem(action, 0)
        if Map.has_key?(seen, type), do: {acc, seen}, else: {[action | acc], Map.put(seen, type, true)}
      end)

    {event_timeout, others} =
      Enum.reduce(last, {nil, []}, fn
        {:timeout, _, _, _} = et, {_, acc} -> {et, acc}
        {:timeout, :update, _} = et, {_, acc} -> {et, acc}
        other, {et, acc} -> {et, [other | acc]}
      end)

    s = Enum.reduce(Enum.reverse(others), s, &set_timer(&2, &1))

    s =
      case event_timeout do
        {:timeout, :infinity, _, _} -> s
        {:timeout, _, _, _} = et when s.queue == [] -> set_timer(s, et)
        {:timeout, :update, _} = et when s.queue == [] -> set_timer(s, et)
        _ -> s
      end

    loop(ack(s))
  end

  # `before`: the machine as it was before the transition, which a
  # raising enter call terminates in (as OTP does).
  defp enter_call(s, old, t, before) do
    result =
      case s.mode do
        :state_functions when is_atom(s.state) ->
          run(fn -> apply(s.mod, s.state, [:enter, old, s.data]) end)

        :state_functions ->
          {:exit, {:badarg, []}, :error, :badarg, []}

        :handle_event_function ->
          run(fn -> s.mod.handle_event(:enter, old, s.state, s.data) end)
      end

    case result do
      {:ok, r} ->
        case result(s, r, {:enter, old}, true) do
          {:enter_done, s, et, true} ->
            enter_call(s, s.state, merge(t, et), before)

          {:enter_done, s, et, false} ->
            {s, merge(t, et)}
        end

      {:exit, reason, kind, raw, stack} ->
        terminate(before, reason, {:enter, old}, kind, raw, stack)
    end
  end

  defp merge(t, et), do: %{t | timeouts: et.timeouts ++ t.timeouts}

  defp change_modules(s, []), do: s

  defp change_modules(s, mods) do
    s =
      Enum.reduce(mods, s, fn
        {:change, m}, s -> %{s | mod: m}
        {:push, m}, s -> %{s | mod: m, stack: [s.mod | s.stack]}
        :pop, %{stack: [m | rest]} = s -> %{s | mod: m, stack: rest}
        :pop, s -> terminate(s, {:bad_action_from_state_function, :pop_callback_module}, nil, :exit, :badarg, [])
      end)

    callback_mode(s)
  end

  defp set_timer(s, {type, :cancel}), do: cancel_timer(s, type)

  defp set_timer(s, {type, :update, content}) do
    case Map.fetch(s.timers, type) do
      {:ok, {tref, _}} ->
        %{s | timers: Map.put(s.timers, type, {tref, content})}

      :error ->
        %{s | timers: Map.put(s.timers, type, {:t0, content}), queue: s.queue ++ [{:"$t0", type}]}
    end
  end

  defp set_timer(s, {type, :infinity, _content, _opts}), do: cancel_timer(s, type)

  defp set_timer(s, {type, time, content, opts}) do
    s = cancel_timer(s, type)
    abs = :proplists.get_value(:abs, opts, false) == true

    if time == 0 and not abs do
      %{s | timers: Map.put(s.timers, type, {:t0, content}), queue: s.queue ++ [{:"$t0", type}]}
    else
      tref = :erlang.start_timer(time, self(), type, abs: abs)
      %{s | timers: Map.put(s.timers, type, {tref, content})}
    end
  end

  ## Ending

  defp ack(%{ack: nil} = s), do: s

  defp ack(%{ack: starter} = s) do
    :proc_lib.init_ack(starter, {:ok, self()})
    %{s | ack: nil}
  end

  defp terminate(s, reason, event, kind, raw, stack) do
    s = ack(s)
    {reason, kind, raw, stack} =
      if function_exported?(s.mod, :terminate, 3) do
        # terminate/3 gets the raw reason of an error (the process then
        # exits with `{reason, stacktrace}`), as OTP's gen_statem does.
        arg = if kind == :error, do: raw, else: reason

        case run(fn -> s.mod.terminate(arg, s.state, s.data) end) do
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
      _ -> report(s, event, kind, raw, stack)
    end

    exit(reason)
  end

  defp report(s, event, kind, raw, stack) do
    who = if s.name == nil, do: inspect(self()), else: inspect(elem(s.name, tuple_size(s.name) - 1))

    last =
      case event do
        nil -> "State: #{inspect({s.state, s.data})}"
        _ -> "Last event: #{inspect(event)}\nState: #{inspect({s.state, s.data})}"
      end

    :beamlet_logger.crash(":gen_statem #{who} terminating", kind, raw, stack, last)
  end

  ## System messages (:sys)

  defp system(s, from, request, suspended) do
    case request do
      :get_state ->
        GenServer.reply(from, {s.state, s.data})
        system_continue(s, suspended)

      {:replace_state, fun} ->
        case run(fn -> fun.({s.state, s.data}) end) do
          {:ok, {state, data} = new} ->
            GenServer.reply(from, new)
            system_continue(%{s | state: state, data: data}, suspended)

          {:ok, other} ->
            GenServer.reply(from, {:error, {:callback_failed, {:gen_statem, :system_replace_state}, {:error, {:badmatch, other}}}})
            system_continue(s, suspended)

          {:exit, reason, _, _, _} ->
            GenServer.reply(from, {:error, {:callback_failed, {:gen_statem, :system_replace_state}, {:error, reason}}})
            system_continue(s, suspended)
        end

      :get_status ->
        status = if suspended, do: :suspended, else: :running
        header = ~c"Status for state machine " ++ to_charlist(inspect(if s.name, do: elem(s.name, tuple_size(s.name) - 1), else: self()))

        GenServer.reply(
          from,
          {:status, self(), {:module, :gen_statem},
           [
             Process.get(),
             status,
             s.parent,
             [],
             [
               header: header,
               data: [{~c"Status", status}, {~c"Parent", s.parent}, {~c"Modules", [s.mod | s.stack]},
                      {~c"Time-outs", {map_size(s.timers), Enum.map(s.timers, fn {type, {_, c}} -> {type, c} end)}},
                      {~c"Logged Events", []}, {~c"Postponed", Enum.reverse(s.postponed)}],
               data: [{~c"State", {s.state, s.data}}]
             ]
           ]}
        )

        system_continue(s, suspended)

      :suspend ->
        GenServer.reply(from, :ok)
        system_continue(s, true)

      :resume ->
        GenServer.reply(from, :ok)
        system_continue(s, false)

      {:change_code, _module, vsn, extra} ->
        if function_exported?(s.mod, :code_change, 4) do
          case run(fn -> s.mod.code_change(vsn, s.state, s.data, extra) end) do
            {:ok, {:ok, state, data}} ->
              GenServer.reply(from, :ok)
              system_continue(%{s | state: state, data: data}, suspended)

            {:ok, other} ->
              GenServer.reply(from, other)
              system_continue(s, suspended)

            {:exit, reason, _, _, _} ->
              GenServer.reply(from, {:error, reason})
              system_continue(s, suspended)
          end
        else
          GenServer.reply(from, :ok)
          system_continue(s, suspended)
        end

      {:terminate, reason} ->
        terminate(s, reason, nil, :exit, reason, [])

      :get_modules ->
        GenServer.reply(from, [s.mod])
        system_continue(s, suspended)

      _ ->
        GenServer.reply(from, {:error, :unknown_system_msg})
        system_continue(s, suspended)
    end
  end

  defp system_continue(s, false), do: loop(s)

  defp system_continue(%{parent: parent} = s, true) do
    receive do
      {:system, from, request} -> system(s, from, request, true)
      {:EXIT, ^parent, reason} = msg -> terminate(s, reason, {:info, msg}, :exit, reason, [])
    end
  end
end
