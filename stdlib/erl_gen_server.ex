# OTP 25's `:gen_server` API for Erlang-style callers, over Elixir's
# GenServer (the same process loop and callbacks). The differences are
# Erlang's: names are `{:local, name}`, `{:global, name}` or
# `{:via, module, name}` given before the module, options are an Erlang
# proplist, `call/2,3` exits with `{reason, {:gen_server, :call, args}}`
# (the arguments as given), and `stop/1,3` exits with the bare reason.
defmodule :gen_server do
  @moduledoc false

  def start(module, args, options), do: start_as(:start, nil, module, args, options)
  def start(name, module, args, options), do: start_as(:start, name, module, args, options)
  def start_link(module, args, options), do: start_as(:start_link, nil, module, args, options)

  def start_link(name, module, args, options),
    do: start_as(:start_link, name, module, args, options)

  def start_monitor(module, args, options), do: start_monitor(nil, module, args, options)

  def start_monitor(name, module, args, options) do
    case start_as(:start, name, module, args, options) do
      {:ok, pid} -> {:ok, {pid, Process.monitor(pid)}}
      other -> other
    end
  end

  defp start_as(how, name, module, args, options) when is_atom(module) and is_list(options) do
    options =
      case name do
        nil -> options
        {:local, local} when is_atom(local) -> [{:name, local} | options]
        {:global, _} -> [{:name, name} | options]
        {:via, _, _} -> [{:name, name} | options]
        _ -> :erlang.error(:badarg, [name, module, args, options])
      end

    apply(GenServer, how, [module, args, options])
  end

  def call(server, request), do: call_as(server, request, 5000, [server, request])

  def call(server, request, timeout),
    do: call_as(server, request, timeout, [server, request, timeout])

  defp call_as(server, request, timeout, args) do
    try do
      GenServer.call(server, request, timeout)
    catch
      :exit, {reason, {GenServer, :call, _}} -> exit({reason, {:gen_server, :call, args}})
    end
  end

  def cast(server, request), do: GenServer.cast(server, request)
  def reply(from, reply), do: GenServer.reply(from, reply)
  def abcast(name, request), do: GenServer.abcast(name, request)
  def abcast(nodes, name, request), do: GenServer.abcast(nodes, name, request)
  def multi_call(name, request), do: GenServer.multi_call(name, request)
  def multi_call(nodes, name, request), do: GenServer.multi_call(nodes, name, request)

  def multi_call(nodes, name, request, timeout),
    do: GenServer.multi_call(nodes, name, request, timeout)

  def stop(server), do: stop(server, :normal, :infinity)

  def stop(server, reason, timeout) do
    try do
      GenServer.stop(server, reason, timeout)
    catch
      :exit, {reason, {GenServer, :stop, _}} -> exit(reason)
    end
  end

  def send_request(server, request) do
    case GenServer.whereis(server) do
      pid when is_pid(pid) ->
        ref = :erlang.monitor(:process, pid, alias: :demonitor)
        send(pid, {:"$gen_call", {self(), [:alias | ref]}, request})
        ref

      _ ->
        # No process: the answer is its :DOWN, as for a process gone.
        ref = make_ref()
        send(self(), {:DOWN, ref, :process, server, :noproc})
        ref
    end
  end

  def wait_response(ref, timeout), do: response(ref, timeout, false)
  def receive_response(ref, timeout), do: response(ref, timeout, true)

  defp response(ref, timeout, abandon) do
    receive do
      {[:alias | ^ref], reply} ->
        Process.demonitor(ref, [:flush])
        {:reply, reply}

      {:DOWN, ^ref, _, server, reason} ->
        {:error, {reason, server}}
    after
      timeout ->
        if abandon, do: Process.demonitor(ref, [:flush])
        :timeout
    end
  end

  def check_response({[:alias | ref], reply}, ref) when is_reference(ref) do
    Process.demonitor(ref, [:flush])
    {:reply, reply}
  end

  def check_response({:DOWN, ref, _, server, reason}, ref) when is_reference(ref),
    do: {:error, {reason, server}}

  def check_response(_msg, ref) when is_reference(ref), do: :no_reply
end
