# The process that serves the OS signals a script traps (System.trap_signal/3),
# registered as `:erl_signal_server`, the name OTP gives its own: the VM sends
# it each caught signal as a message, its name (`:sigusr1`; vm/src/signals.rs).
#
# It holds the trapped functions, newest first, as `{signal, id, fun}`. A
# signal runs its functions in that order, in this process; one that raises
# or returns anything but `:ok` is removed (and logged), as Elixir's
# `:gen_event` handlers are. Then comes what OTP's default handler does for
# the three signals it handles itself: `:sigterm` stops the system
# gracefully, `:sigquit` halts it, `:sigusr1` halts it with a slogan (status
# 1). Any other signal whose last function is gone gets the OS's action back.
defmodule :beamlet_signal_server do
  @moduledoc false

  # Signals OTP's own handler acts on: they stay caught once trapped.
  @otp_handled [:sigterm, :sigquit, :sigusr1]

  @doc "Traps `signal` with `fun` under `id`: `{:ok, id}` or `{:error, :already_registered}`."
  def trap(signal, id, fun), do: call({:trap, signal, id, fun})

  @doc "Removes the function trapped under `id`: `:ok` or `{:error, :not_found}`."
  def untrap(signal, id), do: call({:untrap, signal, id})

  defp call(request) do
    pid = :beamlet_singleton.ensure(:erl_signal_server, fn -> loop([]) end)
    ref = Process.monitor(pid)
    send(pid, {:signal_server, self(), ref, request})

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, reason} ->
        exit({reason, {:gen_event, :call, [:erl_signal_server, request]}})
    end
  end

  defp loop(handlers) do
    receive do
      {:signal_server, from, ref, {:trap, signal, id, fun}} ->
        if Enum.any?(handlers, &(key(&1) == {signal, id})) do
          send(from, {ref, {:error, :already_registered}})
          loop(handlers)
        else
          :os.set_signal(signal, :handle)
          send(from, {ref, {:ok, id}})
          loop([{signal, id, fun} | handlers])
        end

      {:signal_server, from, ref, {:untrap, signal, id}} ->
        case Enum.split_with(handlers, &(key(&1) == {signal, id})) do
          {[], _} ->
            send(from, {ref, {:error, :not_found}})
            loop(handlers)

          {_, rest} ->
            restore_default(signal, rest)
            send(from, {ref, :ok})
            loop(rest)
        end

      signal when is_atom(signal) ->
        handlers = run(signal, handlers)
        default_action(signal)
        loop(handlers)

      _other ->
        loop(handlers)
    end
  end

  defp key({signal, id, _fun}), do: {signal, id}

  # Runs the functions trapped for `signal`, newest first; the handlers left.
  defp run(signal, handlers) do
    Enum.flat_map(handlers, fn
      {^signal, id, fun} = handler ->
        case call_handler(fun) do
          :ok ->
            [handler]

          {:error, message} ->
            IO.puts(:stderr, [
              "[error] :gen_event handler {System.SignalHandler, ",
              inspect({signal, id}),
              "} installed in :erl_signal_server terminating\n",
              message
            ])

            []
        end

      handler ->
        [handler]
    end)
    |> tap(&restore_default(signal, &1))
  end

  defp call_handler(fun) do
    case fun.() do
      :ok -> :ok
      other -> {:error, Exception.format(:error, %MatchError{term: other}, [])}
    end
  rescue
    e -> {:error, Exception.format(:error, e, __STACKTRACE__)}
  catch
    kind, reason -> {:error, Exception.format(kind, reason, __STACKTRACE__)}
  end

  # The OS's action comes back for a signal nothing traps any more.
  defp restore_default(signal, handlers) do
    if signal not in @otp_handled and not Enum.any?(handlers, &match?({^signal, _, _}, &1)) do
      :os.set_signal(signal, :default)
    end

    :ok
  end

  defp default_action(:sigterm) do
    IO.puts(:stderr, "[notice] SIGTERM received - shutting down")
    System.stop()
  end

  defp default_action(:sigquit), do: :erlang.halt()
  defp default_action(:sigusr1), do: :erlang.halt('Received SIGUSR1')
  defp default_action(_signal), do: :ok
end
