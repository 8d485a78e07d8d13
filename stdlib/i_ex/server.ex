defmodule IEx.Server do
  @moduledoc """
  The shell's server: the process that reads inputs and hands them to the
  evaluator.

  It asks the terminal (`:beamlet_shell`, the CLI's line editor) for a line,
  then polls it every few milliseconds while it waits in `receive` for the
  evaluator, so no scheduler is ever blocked on the keyboard. It decides
  when an input is complete (the parser stops at the end of the input:
  an open `do`, bracket, string, heredoc or trailing operator), counts
  inputs, and keeps the session as the evaluator last reported it, to start
  a new evaluator with it after Ctrl-C or a crash.
  """

  # How often (ms) the server asks the terminal what the user did.
  @poll_ms 10

  @doc "Runs the shell until Ctrl-D; `opts`: `:dot_iex` (a file evaluated first)."
  def start(opts \\ []) do
    Process.register(self(), IEx.Server)
    Process.flag(:trap_exit, true)
    IO.puts("Interactive Elixir (1.14.0) on beamlet - press Ctrl+D to exit (type h() ENTER for help)")
    session = new_session()
    state = %{counter: 1, buffer: "", session: session, evaluator: nil, ref: nil}
    state = spawn_evaluator(state)

    state =
      case Keyword.get(opts, :dot_iex, ".beamlet.exs") do
        path when is_binary(path) ->
          if File.regular?(path), do: dot_iex(state, path), else: state

        _ ->
          state
      end

    loop(state)
  end

  defp new_session do
    env = Code.env_for_eval(file: "iex")
    {_, _, env} = Code.eval_quoted_with_env(quote(do: import(IEx.Helpers)), [], env)
    %{binding: [], env: env, history: []}
  end

  defp spawn_evaluator(state) do
    server = self()
    session = state.session
    pid = spawn(fn -> IEx.Evaluator.init(server, session) end)
    ref = Process.monitor(pid)
    %{state | evaluator: pid, ref: ref}
  end

  defp dot_iex(state, path) do
    send(state.evaluator, {:"$iex_eval", self(), File.read!(path), 0, path})
    wait_eval(state, false)
  end

  defp prompt(state) do
    if state.buffer == "",
      do: "beamlet(#{state.counter})> ",
      else: "...(#{state.counter})> "
  end

  defp loop(state) do
    if :beamlet_shell.read_line(prompt(state)) do
      wait_input(state)
    else
      case IO.gets(prompt(state)) do
        line when is_binary(line) -> handle_line(state, String.trim_trailing(line, "\n"))
        _ -> :ok
      end
    end
  end

  defp wait_input(state) do
    case :beamlet_shell.poll() do
      :none ->
        receive do
          msg -> wait_input(handle_info(state, msg))
        after
          @poll_ms -> wait_input(state)
        end

      {:line, line} ->
        handle_line(state, line)

      :eof ->
        IO.write("\n")
        :ok

      :interrupt ->
        loop(%{state | buffer: ""})

      {:complete, text} ->
        names = Enum.map(state.session.binding, fn {k, _} -> k end)
        {start, candidates} = IEx.Autocomplete.complete(text, names)
        :beamlet_shell.completion(start, candidates)
        wait_input(state)
    end
  end

  defp handle_line(state, line) do
    cond do
      String.trim(line) == "#iex:break" ->
        if state.buffer != "" do
          IO.puts("** (TokenMissingError) iex:#{state.counter}: incomplete expression\n")
        end

        loop(%{state | buffer: ""})

      state.buffer == "" and String.trim(line) == "" ->
        loop(state)

      true ->
        code = state.buffer <> line <> "\n"

        case Code.string_to_quoted(code) do
          {:error, {_, _, ""}} ->
            loop(%{state | buffer: code})

          _ ->
            send(state.evaluator, {:"$iex_eval", self(), code, state.counter, "iex"})
            wait_eval(%{state | buffer: ""}, true)
        end
    end
  end

  # Waits for the evaluator; Ctrl-C kills it. `looping`: back to the prompt after.
  defp wait_eval(state, looping) do
    case :beamlet_shell.poll() do
      :interrupt ->
        Process.demonitor(state.ref, [:flush])
        Process.exit(state.evaluator, :kill)
        IO.puts("** (EXIT) interrupted")
        state = spawn_evaluator(state)
        if looping, do: loop(state), else: state

      {:complete, _} ->
        :beamlet_shell.completion(0, [])
        wait_eval(state, looping)

      _ ->
        pid = state.evaluator
        ref = state.ref

        receive do
          {:"$iex_done", ^pid, session, counted} ->
            counter = if counted, do: state.counter + 1, else: state.counter
            state = %{state | session: session, counter: counter}
            if looping, do: loop(state), else: state

          {:DOWN, ^ref, :process, ^pid, reason} ->
            state = evaluator_down(state, reason)
            if looping, do: loop(state), else: state

          {:"$iex_respawn", ^pid} ->
            state = respawn(state)
            if looping, do: loop(state), else: state
        after
          @poll_ms -> wait_eval(state, looping)
        end
    end
  end

  defp handle_info(state, msg) do
    pid = state.evaluator
    ref = state.ref

    case msg do
      {:DOWN, ^ref, :process, ^pid, reason} -> evaluator_down(state, reason)
      {:"$iex_respawn", ^pid} -> respawn(state)
      _ -> state
    end
  end

  defp respawn(state) do
    Process.demonitor(state.ref, [:flush])
    Process.exit(state.evaluator, :kill)
    IO.puts("\nInteractive Elixir (1.14.0) on beamlet - press Ctrl+D to exit (type h() ENTER for help)")
    spawn_evaluator(%{state | session: new_session(), counter: 1, buffer: ""})
  end

  # The evaluator died between inputs or during one (a linked process
  # crashed): report it as iex does, and go on with the session's bindings.
  defp evaluator_down(state, reason) do
    IO.puts(
      "** (EXIT from #{inspect(state.evaluator)}) shell process exited with reason: " <>
        Exception.format_exit(reason)
    )

    spawn_evaluator(state)
  end
end
