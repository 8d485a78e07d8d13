defmodule IEx.Evaluator do
  @moduledoc """
  The shell's evaluator: the process each input runs in (its `self()`),
  holding the session: the binding, the `Macro.Env` (aliases, imports and
  requires made at the prompt carry on) and the results `v/1` reads (in its
  process dictionary). After each input it reports the session to the
  server (`IEx.Server`), which starts a new evaluator with it when this one
  dies.
  """

  @doc false
  def init(server, session) do
    Process.put(:"$iex_history", session.history)
    Process.put(:"$iex_server", server)
    loop(server, session)
  end

  defp loop(server, session) do
    receive do
      {:"$iex_eval", ^server, code, counter, file} ->
        {session, counted} = eval(code, counter, file, session)
        send(server, {:"$iex_done", self(), session, counted})
        loop(server, session)
    end
  end

  defp eval(code, counter, file, session) do
    line = if counter > 0, do: counter, else: 1

    try do
      env = %{session.env | file: file, line: line}
      {fun, env} = :beamlet_compiler.eval_string_env(code, session.binding, env)
      {value, binding} = fun.(session.binding)

      if counter > 0 do
        unless value == IEx.dont_display_result() do
          IO.puts(IEx.color(:eval_result, inspect(value, IEx.inspect_opts())))
        end

        size = IEx.configuration()[:history_size]
        history = Enum.take([{counter, value} | session.history], size)
        Process.put(:"$iex_history", history)
        {%{session | binding: binding, env: %{env | file: "iex"}, history: history}, true}
      else
        {%{session | binding: binding, env: %{env | file: "iex"}}, false}
      end
    catch
      kind, reason ->
        print_error(kind, reason, __STACKTRACE__)
        {session, false}
    end
  end

  @doc false
  def print_error(kind, reason, stacktrace) do
    {reason, stacktrace} =
      case kind do
        :error -> {Exception.normalize(:error, reason, stacktrace), stacktrace}
        _ -> {reason, stacktrace}
      end

    banner = Exception.format_banner(kind, reason, stacktrace)
    trace = prune(stacktrace)

    # As iex: the banner, then the user's frames (a blank line when none).
    rest =
      case trace do
        [] -> "\n"
        _ -> IEx.color(:stack_info, Exception.format_stacktrace(trace))
      end

    IO.write(IEx.color(:eval_error, banner) <> "\n" <> rest)
  end

  # The shell's own frames (the evaluation machinery) are not the user's.
  defp prune(stacktrace) do
    stacktrace
    |> Enum.reject(&match?({:erlang, :error_info, 0, _}, &1))
    |> Enum.take_while(fn
      {IEx.Evaluator, _, _, _} -> false
      {Code, _, _, _} -> false
      {:elixir_module, _, _, _} -> false
      {:__script__, _, _, _} -> false
      {:elixir_compiler_0, _, _, _} -> false
      _ -> true
    end)
  end
end
