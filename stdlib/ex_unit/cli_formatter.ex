defmodule ExUnit.CLIFormatter do
  @moduledoc "Prints the suite's progress and results as ExUnit does on a terminal without colours."

  # The runner calls `handle_event/2` for each event, in order, from its own
  # process, and keeps the returned state (the counters for the summary).

  @doc "The initial state for a suite run with `config` (a map)."
  def init(config) do
    %{
      trace: Map.get(config, :trace, false),
      seed: Map.get(config, :seed),
      include: Map.get(config, :include, []),
      exclude: Map.get(config, :exclude, []),
      width: 80,
      test_counter: %{},
      failure_counter: 0,
      skipped_counter: 0,
      excluded_counter: 0,
      invalid_counter: 0
    }
  end

  @doc "Prints what `event` calls for; returns the new state."
  def handle_event({:suite_started, _config}, state) do
    exclude = if state.exclude == [], do: [], else: [ExUnit.Formatter.format_filters(state.exclude, :exclude)]
    include = if state.include == [], do: [], else: [ExUnit.Formatter.format_filters(state.include, :include)]
    filters = exclude ++ include

    if filters != [] do
      Enum.each(filters, &IO.puts/1)
      IO.puts("")
    end

    state
  end

  def handle_event({:module_started, %{name: name, file: file}}, state) do
    if state.trace, do: IO.puts("\n#{inspect(name)} [#{Path.relative_to_cwd(file)}]")
    state
  end

  def handle_event({:test_started, test}, state) do
    if state.trace, do: IO.write("  * #{test.name} [L##{test.tags.line}]")
    state
  end

  def handle_event({:test_finished, %{state: nil} = test}, state) do
    if state.trace, do: IO.puts(trace_result(test, format_time(test))), else: IO.write(".")
    count_test(state, test)
  end

  def handle_event({:test_finished, %{state: {:excluded, _}} = test}, state) do
    if state.trace, do: IO.puts(trace_result(test, "(excluded)"))
    %{count_test(state, test) | excluded_counter: state.excluded_counter + 1}
  end

  def handle_event({:test_finished, %{state: {:skipped, _}} = test}, state) do
    if state.trace, do: IO.puts(trace_result(test, "(skipped)")), else: IO.write("*")
    %{count_test(state, test) | skipped_counter: state.skipped_counter + 1}
  end

  def handle_event({:test_finished, %{state: {:invalid, _}} = test}, state) do
    if state.trace, do: IO.puts(trace_result(test, format_time(test))), else: IO.write("?")
    %{count_test(state, test) | invalid_counter: state.invalid_counter + 1}
  end

  def handle_event({:test_finished, %{state: {:failed, failures}} = test}, state) do
    if state.trace, do: IO.puts(trace_result(test, format_time(test)))
    counter = state.failure_counter + 1
    print_failure(ExUnit.Formatter.format_test_failure(test, failures, counter, state.width), state)
    print_logs(test.logs)
    %{count_test(state, test) | failure_counter: counter}
  end

  # A setup_all failure: its tests were invalid, nothing more to count. A
  # failure of its on_exit callbacks (after the tests ran) fails the tests
  # that had passed.
  def handle_event({:module_finished, %{state: {:failed, failures}} = test_module}, state) do
    counter = state.failure_counter + Enum.count(test_module.tests, fn test -> test.state == nil end)
    formatted = ExUnit.Formatter.format_test_all_failure(test_module, failures, counter, state.width)
    print_failure(formatted, state)
    %{state | failure_counter: counter}
  end

  def handle_event({:module_finished, _test_module}, state), do: state

  def handle_event({:suite_finished, times}, state) do
    IO.puts("\n" <> ExUnit.Formatter.format_times(times))
    IO.puts(summary(state))
    IO.puts("\nRandomized with seed #{state.seed}")
    state
  end

  def handle_event(_event, state), do: state

  defp count_test(state, test) do
    type = Map.get(test.tags, :test_type, :test)
    %{state | test_counter: Map.put(state.test_counter, type, Map.get(state.test_counter, type, 0) + 1)}
  end

  defp trace_result(test, result), do: "\r  * #{test.name} #{result} [L##{test.tags.line}]"

  defp format_time(test), do: "(#{ExUnit.Formatter.format_ms(test.time)}ms)"

  defp print_failure(formatted, state) do
    if state.trace, do: IO.puts(""), else: IO.puts("\n")
    IO.puts(formatted)
  end

  # What a failed test logged while `capture_log` captured it.
  defp print_logs(""), do: nil

  defp print_logs(output) do
    indent = "\n     "
    IO.puts(["     The following output was logged:", indent | String.replace(output, "\n", indent)])
  end

  # `3 tests, 1 failure, 1 excluded, 1 invalid, 1 skipped`.
  defp summary(state) do
    counts =
      state.test_counter
      |> Map.to_list()
      |> Enum.sort()
      |> Enum.map_join("", fn {type, count} -> "#{count} #{pluralize(count, to_string(type))}, " end)

    counts <>
      "#{state.failure_counter} #{pluralize(state.failure_counter, "failure")}" <>
      count_text(state.excluded_counter, "excluded") <>
      count_text(state.invalid_counter, "invalid") <>
      count_text(state.skipped_counter, "skipped")
  end

  defp count_text(0, _word), do: ""
  defp count_text(count, word), do: ", #{count} #{word}"

  defp pluralize(1, word), do: word
  defp pluralize(_count, word), do: ExUnit.plural_rule(word)
end
