# OTP's :gen_server API, over GenServer (stdlib/gen_server.ex), which
# speaks the same protocol: Erlang-style names (`{:local, name}`), and
# the exits of `call/2,3` naming `:gen_server` with the arguments given
# (`{:noproc, {:gen_server, :call, [server, request]}}`).
defmodule :gen_server do
  @moduledoc false

  @doc false
  def behaviour_info(:callbacks) do
    [
      init: 1,
      handle_call: 3,
      handle_cast: 2,
      handle_info: 2,
      handle_continue: 2,
      terminate: 2,
      code_change: 3,
      format_status: 1,
      format_status: 2
    ]
  end

  def behaviour_info(:optional_callbacks) do
    [handle_info: 2, handle_continue: 2, terminate: 2, code_change: 3, format_status: 1, format_status: 2]
  end

  def behaviour_info(_), do: :undefined

  @doc "Starts a server not linked to the caller."
  def start(module, args, opts), do: GenServer.start(module, args, opts(opts))
  def start(name, module, args, opts), do: GenServer.start(module, args, [{:name, name(name)} | opts(opts)])

  @doc "Starts a server linked to the caller."
  def start_link(module, args, opts), do: GenServer.start_link(module, args, opts(opts))
  def start_link(name, module, args, opts), do: GenServer.start_link(module, args, [{:name, name(name)} | opts(opts)])

  @doc "Starts a server monitored by the caller: `{:ok, {pid, ref}}`, ..."
  def start_monitor(module, args, opts), do: monitor_start(nil, module, args, opts(opts))
  def start_monitor(name, module, args, opts), do: monitor_start(name(name), module, args, opts(opts))

  defp monitor_start(name, module, args, opts) do
    case name && GenServer.whereis(name) do
      pid when is_pid(pid) ->
        {:error, {:already_started, pid}}

      _ ->
        timeout = Keyword.get(opts, :timeout, :infinity)
        hibernate_after = Keyword.get(opts, :hibernate_after, :infinity)
        init_args = [self(), :self, name, module, args, hibernate_after]

        :proc_lib.start_monitor(GenServer, :__init_it__, init_args, timeout, Keyword.get(opts, :spawn_opt, []))
        |> :gen_statem.__monitored__()
    end
  end

  defp name({:local, name}) when is_atom(name), do: name
  defp name({:global, _} = name), do: name
  defp name({:via, _, _} = name), do: name
  defp name(other), do: :erlang.error(:badarg, [other])

  # Erlang's options are a proplist; only the 2-tuples carry over.
  defp opts(opts) when is_list(opts), do: for({k, v} <- opts, is_atom(k), do: {k, v})

  @doc "Calls `server` and waits 5 seconds for the reply."
  def call(server, request), do: do_call(server, request, 5000, [server, request])

  @doc "Calls `server` and waits `timeout` ms for the reply."
  def call(server, request, timeout), do: do_call(server, request, timeout, [server, request, timeout])

  defp do_call(server, request, timeout, args) do
    GenServer.call(server, request, timeout)
  catch
    :exit, {reason, {GenServer, :call, _}} -> exit({reason, {:gen_server, :call, args}})
  end

  @doc "Sends `request` to `server` without waiting; `:ok`."
  def cast(server, request), do: GenServer.cast(server, request)

  @doc "Replies to a call."
  def reply(from, reply), do: GenServer.reply(from, reply)

  @doc "Stops `server` with `reason`."
  def stop(server), do: stop(server, :normal, :infinity)

  def stop(server, reason, timeout) do
    GenServer.stop(server, reason, timeout)
  catch
    :exit, {reason, {GenServer, :stop, _}} -> exit(reason)
  end

  @doc "Casts `request` to the server registered as `name` on `nodes`; `:abcast`."
  def abcast(name, request), do: GenServer.abcast([node()], name, request)
  def abcast(nodes, name, request), do: GenServer.abcast(nodes, name, request)

  @doc "Calls the server registered as `name` on `nodes`: `{replies, bad_nodes}`."
  def multi_call(name, request), do: GenServer.multi_call([node()], name, request)
  def multi_call(nodes, name, request), do: GenServer.multi_call(nodes, name, request)
  def multi_call(nodes, name, request, timeout), do: GenServer.multi_call(nodes, name, request, timeout)

  @doc "Makes the calling process (started by :proc_lib) the server of `module` with `state`."
  def enter_loop(module, opts, state), do: enter_loop(module, opts, state, :self, :infinity)

  def enter_loop(module, opts, state, name_or_timeout)
      when is_integer(name_or_timeout) or name_or_timeout in [:infinity, :hibernate] or
             (is_tuple(name_or_timeout) and elem(name_or_timeout, 0) == :continue),
      do: enter_loop(module, opts, state, :self, name_or_timeout)

  def enter_loop(module, opts, state, server_name), do: enter_loop(module, opts, state, server_name, :infinity)

  def enter_loop(module, _opts, state, server_name, timeout) do
    name = if server_name == :self, do: nil, else: name(server_name)
    GenServer.__enter_loop__(module, name, state, timeout)
  end

  @doc "Sends `request` as a call without waiting: a request id for `wait_response/2`."
  def send_request(server, request), do: :gen.send_request(server, :"$gen_call", request)

  @doc "Waits `timeout` ms for the reply to `request_id`."
  def wait_response(request_id, timeout), do: :gen.wait_response(request_id, timeout)

  @doc "As `wait_response/2`, but a time-out abandons the request."
  def receive_response(request_id, timeout), do: :gen.receive_response(request_id, timeout)

  @doc "Whether `msg` answers `request_id`: `{:reply, r}`, `{:error, {reason, server}}` or `:no_reply`."
  def check_response(msg, request_id), do: :gen.check_response(msg, request_id)
end
