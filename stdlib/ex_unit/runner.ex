defmodule ExUnit.Runner do
  @moduledoc "Runs the loaded test modules, each test in a process of its own, and reports to the formatter."

  # Order: async modules, then sync ones, each group newest module first;
  # inside a module the tests are shuffled by the seed (seed 0 keeps the
  # definition order) and the excluded and skipped ones are reported first.
  # A module's setup_all runs in a process that lives until its tests are
  # done; each test runs its setup callbacks and itself in a new process;
  # on_exit callbacks run afterwards in yet another process.

  @doc "Runs the suite; returns `%{total:, failures:, excluded:, skipped:}` (failures count invalid tests)."
  def run(config, load_us) do
    config = Map.new(config)
    # As ExUnit.Filters.normalize/2: an include wins over the same exclude.
    include = config.include |> List.wrap() |> Enum.uniq()
    exclude = config.exclude |> List.wrap() |> Enum.uniq() |> Kernel.--(include)
    config = %{config | include: include, exclude: exclude}
    config = if config.trace, do: %{config | timeout: :infinity}, else: config
    # As Elixir's runner: stack traces of :stacktrace_depth entries (20) from here on.
    :erlang.system_flag(:backtrace_depth, config.stacktrace_depth)
    {async, sync} = ExUnit.Server.call(:take_modules)
    started = now()
    state = event(ExUnit.CLIFormatter.init(config), {:suite_started, config})
    state = run_modules(config, async, state)
    async_us = if async == [], do: nil, else: now() - started
    state = run_modules(config, sync, state)
    state = event(state, {:suite_finished, %{run: now() - started, async: async_us, load: load_us}})

    %{
      total: Enum.sum(Map.values(state.test_counter)),
      failures: state.failure_counter + state.invalid_counter,
      excluded: state.excluded_counter,
      skipped: state.skipped_counter
    }
  end

  defp event(state, event), do: ExUnit.CLIFormatter.handle_event(event, state)

  defp now, do: System.monotonic_time(:microsecond)

  defp run_modules(config, modules, state) do
    Enum.reduce(modules, state, fn module, state -> run_module(config, module, state) end)
  end

  defp run_module(config, module, state) do
    test_module = module.__ex_unit__()
    state = event(state, {:module_started, test_module})

    {filtered, to_run} =
      test_module.tests
      |> shuffle(config.seed)
      |> Enum.map(fn test -> filter(test, config, test_module.tests) end)
      |> Enum.split_with(fn test -> test.state != nil end)

    state = Enum.reduce(filtered, state, &report/2)

    {test_module, tests, state} =
      if to_run == [], do: {test_module, [], state}, else: run_tests(config, test_module, to_run, state)

    event(state, {:module_finished, %{test_module | tests: filtered ++ tests}})
  end

  defp report(test, state), do: state |> event({:test_started, test}) |> event({:test_finished, test})

  defp run_tests(config, %{name: module} = test_module, tests, state) do
    parent = self()

    {pid, ref} =
      spawn_monitor(fn ->
        ExUnit.Server.cast({:register_test, self()})

        result =
          try do
            {:ok, module.__ex_unit__(:setup_all, %{module: module, case: module})}
          catch
            kind, reason -> {:error, failure(kind, reason, __STACKTRACE__)}
          end

        send(parent, {self(), :setup_all, result})

        receive do
          {^parent, :stop} -> exit(:shutdown)
        end
      end)

    result =
      receive do
        {^pid, :setup_all, result} -> result
        {:DOWN, ^ref, _, _, reason} -> {:error, {{:EXIT, pid}, reason, []}}
      end

    {test_module, tests, state} =
      case result do
        {:ok, context} ->
          {tests, state} =
            Enum.reduce(tests, {[], state}, fn test, {done, state} ->
              state = event(state, {:test_started, test})
              test = run_test(config, test, context)
              {[test | done], event(state, {:test_finished, test})}
            end)

          {test_module, Enum.reverse(tests), state}

        {:error, failure} ->
          tests = Enum.map(tests, fn test -> %{test | state: {:invalid, test_module}} end)
          state = Enum.reduce(tests, state, &report/2)
          {%{test_module | state: {:failed, [failure]}}, tests, state}
      end

    send(pid, {self(), :stop})
    wait_down(ref)
    on_exit = finish_process(pid)
    {%{test_module | state: test_module.state || on_exit}, tests, state}
  end

  defp run_test(config, %{module: module, name: name, tags: tags} = test, context) do
    parent = self()
    timeout = if config.timeout == :infinity, do: :infinity, else: Map.get(tags, :timeout, config.timeout)
    context = tags |> Map.merge(context) |> Map.put(:test, name)

    # `@tag capture_log: true` (or a level; `capture_log:` of the
    # configuration by default): what the test logs is captured rather than
    # written out, and shown if the test fails.
    capture =
      case Map.get(tags, :capture_log, Map.get(config, :capture_log, false)) do
        false ->
          nil

        option ->
          {:ok, device} = StringIO.open("")
          level = if is_list(option), do: Keyword.get(option, :level, :all), else: :all
          c = {device, level}
          Logger.__capture__(fn captures, c -> captures ++ [c] end, c)
          c
      end

    test = run_test_process(config, test, context, timeout, parent)

    if capture do
      Logger.__capture__(fn captures, c -> List.delete(captures, c) end, capture)
      {:ok, {_input, logs}} = StringIO.close(elem(capture, 0))
      %{test | logs: logs}
    else
      test
    end
  end

  defp run_test_process(config, %{module: module, name: name, tags: tags} = test, context, timeout, parent) do
    {pid, ref} =
      spawn_monitor(fn -> test_process(parent, module, name, context) end)

    {state, time} =
      receive do
        {^pid, :test_finished, state, time} ->
          wait_down(ref)
          {state, time}

        {:DOWN, ^ref, _, _, reason} ->
          {{:failed, [{{:EXIT, pid}, reason, []}]}, 0}
      after
        timeout ->
          stack = current_stacktrace(pid)
          Process.exit(pid, :kill)
          wait_down(ref)
          error = ExUnit.TimeoutError.exception(timeout: timeout, type: to_string(Map.get(tags, :test_type, :test)))
          {{:failed, [{:error, error, stack}]}, timeout * 1000}
      end

    # The on_exit callbacks run whether the test passed or not.
    on_exit = finish_process(pid)
    %{test | state: state || on_exit, time: time}
  end

  # The test's process. Its frames below the test's read as Elixir's
  # (vm/src/frames.rs): exec_test/3 as ExUnit.Runner.exec_test/1, under
  # :timer.tc/1, under test_process/4 as the closure of Elixir's
  # spawn_test_monitor/4 (ExUnit shows them when the test's own frame is
  # not in the trace).
  defp test_process(parent, module, name, context) do
    ExUnit.Server.cast({:register_test, self()})
    {time, state} = :timer.tc(fn -> exec_test(module, name, context) end)
    send(parent, {self(), :test_finished, state, time})
    exit(:shutdown)
  end

  defp exec_test(module, name, context) do
    try do
      context = module.__ex_unit__(:setup, context)
      apply(module, name, [context])
      nil
    catch
      kind, reason -> {:failed, [failure(kind, reason, __STACKTRACE__)]}
    end
  end

  defp wait_down(ref) do
    receive do
      {:DOWN, ^ref, _, _, _} -> :ok
    end
  end

  defp current_stacktrace(pid) do
    try do
      case Process.info(pid, :current_stacktrace) do
        # Whole, as Elixir's runner shows it (down to its own frames).
        {:current_stacktrace, stack} -> stack
        _ -> []
      end
    rescue
      _ -> []
    end
  end

  # After the test (or setup_all) process `pid` ended: stops the supervisor
  # of its start_supervised/2 children, if any (it is linked to the test
  # process, which has exited), then runs its on_exit callbacks; nil, or
  # {:failed, [failure]} for the first callback that failed.
  defp finish_process(pid) do
    {sup, callbacks} = ExUnit.Server.call({:take_test, pid})
    stop_supervisor(sup)
    run_on_exit(callbacks)
  end

  defp stop_supervisor(nil), do: :ok

  defp stop_supervisor(sup) do
    ref = Process.monitor(sup)
    Process.exit(sup, :shutdown)
    wait_down(ref)
  end

  # Runs on_exit callbacks, newest first, in a new process.
  defp run_on_exit(callbacks) do
    case callbacks do
      [] ->
        nil

      callbacks ->
        parent = self()

        {runner, ref} =
          spawn_monitor(fn ->
            result = Enum.reduce(callbacks, nil, fn {_key, callback}, acc -> run_callback(callback, acc) end)
            send(parent, {self(), :on_exit, result})
          end)

        receive do
          {^runner, :on_exit, result} ->
            wait_down(ref)
            if result, do: {:failed, [result]}, else: nil

          {:DOWN, ^ref, _, _, reason} ->
            {:failed, [{{:EXIT, runner}, reason, []}]}
        end
    end
  end

  defp run_callback(callback, acc) do
    try do
      callback.()
      acc
    catch
      kind, reason -> acc || failure(kind, reason, __STACKTRACE__)
    end
  end

  defp failure(kind, reason, stack), do: {kind, Exception.normalize(kind, reason, stack), prune(stack)}

  # Drops ExUnit.Assertions' own frames, and everything from the runner down.
  defp prune([{ExUnit.Assertions, _, _, _} | stack]), do: prune(stack)
  defp prune([{ExUnit.Case, _, _, _} | stack]), do: prune(stack)
  defp prune([{ExUnit.Runner, _, _, _} | _]), do: []
  defp prune([entry | stack]), do: [entry | prune(stack)]
  defp prune([]), do: []

  # ---- filters ----

  defp filter(test, config, tests) do
    tags = Map.merge(test.tags, %{test: test.name, module: test.module})
    tags = line_tag(tags, config, tests)
    skip? = not Enum.any?(config.include, fn filter -> matches(filter, %{skip: true}) end)

    state =
      case Map.fetch(tags, :skip) do
        {:ok, reason} when is_binary(reason) and skip? ->
          {:skipped, reason}

        {:ok, true} when skip? ->
          {:skipped, "due to skip tag"}

        _ ->
          excluded = first_match(config.exclude, tags)

          if excluded && not Enum.any?(config.include, fn filter -> matches(filter, tags) end),
            do: {:excluded, "due to #{excluded} filter"},
            else: nil
      end

    %{test | state: state}
  end

  # A `line: "N"` filter (`beamlet test file:N`) selects the test defined
  # closest before line N, or the tests of a describe block at line N: the
  # test's line tag reads "N" when it is one of them.
  defp line_tag(tags, config, tests) do
    lines =
      for {:line, value} <- config.include ++ config.exclude,
          {n, ""} <- [Integer.parse(to_string(value))],
          do: n

    Enum.find_value(lines, tags, fn n ->
      closest =
        Enum.reduce(tests, nil, fn t, best ->
          line = t.tags.line
          if line <= n and (best == nil or line > best), do: line, else: best
        end)

      if tags.line == closest or Map.get(tags, :describe_line) == n,
        do: Map.put(tags, :line, Integer.to_string(n))
    end)
  end

  defp first_match([], _tags), do: nil
  defp first_match([filter | filters], tags), do: matches(filter, tags) || first_match(filters, tags)

  # The filter's key when `tags` match it: `key` (present at all) or `{key, value}`.
  defp matches({key, value}, tags) do
    case Map.fetch(tags, key) do
      {:ok, ^value} -> key
      {:ok, tag} -> if is_binary(value) and chars?(tag) and to_string(tag) == value, do: key, else: nil
      :error -> nil
    end
  end

  defp matches(key, tags) when is_atom(key), do: if(Map.has_key?(tags, key), do: key, else: nil)

  defp chars?(term), do: is_atom(term) or is_number(term) or is_binary(term)

  # ---- shuffling ----

  # `tests` comes newest first; seed 0 gives the definition order, another
  # seed the order Elixir's Enum.shuffle/1 gives after
  # `:rand.seed(:exs1024, {seed, seed, seed})`.
  defp shuffle(tests, 0), do: Enum.reverse(tests)

  defp shuffle(tests, seed) do
    {keyed, _state} =
      Enum.reduce(tests, {[], rand_seed(seed)}, fn test, {acc, state} ->
        {x, state} = rand_next(state)
        {[{x / 18_446_744_073_709_551_616, test} | acc], state}
      end)

    keyed
    |> Enum.sort(fn {a, _}, {b, _} -> a >= b end)
    |> Enum.map(fn {_, test} -> test end)
  end

  # The xorshift1024* generator (:rand's exs1024), seeded from a triple
  # through xorshift64* as :rand does; 64-bit arithmetic on integers.
  @mask64 0xFFFFFFFFFFFFFFFF
  @mask21 0x1FFFFF

  defp rand_seed(seed) do
    b1 = :erlang.band((:erlang.band(seed, @mask21) + 1) * 2_097_131, @mask21)
    b2 = :erlang.band((:erlang.band(seed, @mask21) + 1) * 2_097_133, @mask21)
    b3 = :erlang.band((:erlang.band(seed, @mask21) + 1) * 2_097_143, @mask21)
    x = :erlang.bor(:erlang.bor(:erlang.bsl(b1, 43), :erlang.bsl(b2, 22)), :erlang.bor(:erlang.bsl(b3, 1), 1))
    {seed_list(16, x, []), []}
  end

  defp seed_list(0, _x, acc), do: acc

  defp seed_list(n, x, acc) do
    x1 = :erlang.bxor(x, :erlang.bsr(x, 12))
    x2 = :erlang.bxor(x1, :erlang.band(:erlang.bsl(x1, 25), @mask64))
    x3 = :erlang.bxor(x2, :erlang.bsr(x2, 27))
    seed_list(n - 1, x3, [:erlang.band(x3 * 2_685_821_657_736_338_717, @mask64) | acc])
  end

  defp rand_next({[s0, s1 | rest], used}) do
    s11 = :erlang.bxor(s1, :erlang.band(:erlang.bsl(s1, 31), @mask64))
    s12 = :erlang.bxor(s11, :erlang.bsr(s11, 11))
    s01 = :erlang.bxor(s0, :erlang.bsr(s0, 30))
    next = :erlang.bxor(s01, s12)
    {:erlang.band(next * 1_181_783_497_276_652_981, @mask64), {[next | rest], [s0 | used]}}
  end

  defp rand_next({[s], used}), do: rand_next({[s | Enum.reverse(used)], []})
end
