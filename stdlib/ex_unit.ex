defmodule ExUnit do
  @moduledoc "Unit testing: `start/1` sets ExUnit up (and runs the suite at exit), `run/0` runs it now."

  @defaults [
    assert_receive_timeout: 100,
    autorun: true,
    capture_log: false,
    colors: [],
    exclude: [],
    exit_status: 2,
    formatters: [ExUnit.CLIFormatter],
    include: [],
    max_cases: 1,
    max_failures: :infinity,
    refute_receive_timeout: 100,
    slowest: 0,
    stacktrace_depth: 20,
    timeout: 60_000,
    trace: false
  ]

  @doc "Starts ExUnit; with `autorun: true` (the default) the suite runs when the script ends."
  def start(options \\ []) do
    ExUnit.Server.ensure_started(@defaults)
    configure(options)

    if Keyword.get(configuration(), :autorun) do
      configure(autorun: false)
      System.at_exit(&at_exit/1)
    end

    :ok
  end

  # Runs the suite only when the script itself ended well, then exits with
  # the configured status (2) when a test failed or was invalid.
  defp at_exit(0) do
    load_us = ExUnit.Server.load_time()
    %{failures: failures} = run_suite(load_us)

    if failures > 0 do
      exit({:shutdown, Keyword.get(configuration(), :exit_status)})
    end
  end

  defp at_exit(_status), do: :ok

  @doc "Merges `options` into the configuration."
  def configure(options) do
    ExUnit.Server.call({:configure, options})
  end

  @doc "The configuration, a keyword list."
  def configuration do
    config = ExUnit.Server.call(:configuration)

    if Keyword.has_key?(config, :seed) do
      config
    else
      config ++ [seed: rem(abs(System.monotonic_time(:microsecond)), 1_000_000)]
    end
  end

  @doc "Runs the test modules defined so far (and `additional_modules`); returns the counts."
  def run(additional_modules \\ []) do
    Enum.each(additional_modules, fn module -> ExUnit.Server.add_module(module) end)
    run_suite(nil)
  end

  defp run_suite(load_us) do
    config = configuration()
    configure(seed: Keyword.get(config, :seed))
    result = ExUnit.Runner.run(config, load_us)
    Enum.each(Keyword.get(config, :after_suite, []), fn fun -> fun.(result) end)
    result
  end

  @doc "Registers `fun` to be called with the suite's result after the suite runs."
  def after_suite(fun) when is_function(fun, 1) do
    callbacks = Keyword.get(configuration(), :after_suite, [])
    configure(after_suite: [fun | callbacks])
  end

  @doc "The plural of `word` (`test` gives `tests`)."
  def plural_rule(word) when is_binary(word) do
    rules = Keyword.get(configuration(), :plural_rules, %{})
    Map.get(rules, word, word <> "s")
  end

  @doc "Registers the plural of `word`."
  def plural_rule(word, pluralization) when is_binary(word) and is_binary(pluralization) do
    rules = Keyword.get(configuration(), :plural_rules, %{})
    configure(plural_rules: Map.put(rules, word, pluralization))
  end

  @doc "The test supervisor of the calling test process: `{:ok, pid}` or `:error`."
  def fetch_test_supervisor do
    ExUnit.Server.call({:fetch_supervisor, self()})
  end
end
