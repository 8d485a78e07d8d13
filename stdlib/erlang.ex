# The functions of the `:erlang` module written in the language; the
# others are built-ins (vm/src/bif/).
defmodule :erlang do
  @moduledoc false

  # Another process answers between its time slices: the built-in sends it
  # the request, and the answer comes as a message.
  @doc "Information about `pid`, or `:undefined` if it is not alive."
  def process_info(pid) do
    case info(pid, :all) do
      :undefined -> :undefined
      items -> Enum.reject(items, fn item -> item == {:registered_name, []} end)
    end
  end

  @doc "The item (or the list of items) `spec` of `pid`'s information, or `:undefined`."
  def process_info(pid, spec) do
    if pid == self() and is_list(spec) and :messages in spec do
      take_inbox()
    end

    if pid == self() and spec == :messages do
      take_inbox()
    end

    answer = info(pid, spec)

    if pid == self() and is_list(answer) do
      Enum.map(answer, &own_stacktrace/1)
    else
      own_stacktrace(answer)
    end
  end

  defp info(pid, spec) do
    case :beamlet.process_info(pid, spec) do
      {:wait, tag} ->
        receive do
          {^tag, answer} -> answer
        end

      answer ->
        answer
    end
  end

  # Messages sent to this process and not yet in its mailbox.
  defp take_inbox do
    receive do
    after
      0 -> :ok
    end
  end

  # The stack of the calling process, from Process.info/2 (or this
  # function's caller) down, at most 8 entries as on the BEAM.
  defp own_stacktrace({:current_stacktrace, []}) do
    stack =
      try do
        :erlang.error(:beamlet_stacktrace)
      catch
        :error, :beamlet_stacktrace -> __STACKTRACE__
      end

    stack =
      case Enum.drop_while(stack, fn {m, _, _, _} -> m != Process end) do
        [] -> Enum.drop_while(stack, fn {m, _, _, _} -> m == :erlang end)
        from_info -> from_info
      end

    {:current_stacktrace, Enum.take(stack, 8)}
  end

  defp own_stacktrace(other), do: other
end
