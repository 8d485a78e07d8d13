# Logger, as Elixir 1.14's default console backend shows it: each event is
# "\n<hh:mm:ss.mmm> [<level>] <message>\n". beamlet writes it to standard
# error (Elixir's console writes to standard output; see
# /work/shared/ELIXIR-NOTES.md: stdout stays the program's own output), or,
# while `ExUnit.CaptureLog` captures, to the capturing devices instead.
#
# The level, module levels and captures are global: a process registered as
# `:beamlet_logger_config` holds them, started by the first call that changes
# them (until then the defaults hold and logging costs no message). The
# metadata, the process level and `disable/1` live in the calling process's
# dictionary. The macros check the level before the message is built, as
# Elixir's do.
defmodule Logger do
  @moduledoc "A logger: levels, metadata, and the `debug`/`info`/... macros."

  @levels [:emergency, :alert, :critical, :error, :warning, :notice, :info, :debug]
  @config :beamlet_logger_config
  @metadata :"$beamlet_logger_metadata"
  @process_level :"$beamlet_logger_level"
  @disabled :"$beamlet_logger_disabled"

  @doc "The levels, most severe first."
  def levels, do: @levels

  for level <- [:emergency, :alert, :critical, :error, :warning, :notice, :info, :debug] do
    @doc "Logs `message_or_fun` at the `#{level}` level with `metadata`."
    defmacro unquote(level)(message_or_fun, metadata \\ []) do
      level = unquote(level)

      quote do
        Logger.__log_macro__(unquote(level), __MODULE__, fn -> unquote(message_or_fun) end, unquote(metadata))
      end
    end
  end

  @doc "Deprecated: `warning/2`."
  defmacro warn(message_or_fun, metadata \\ []) do
    quote do
      Logger.__log_macro__(:warning, __MODULE__, fn -> unquote(message_or_fun) end, unquote(metadata))
    end
  end

  @doc "Logs `message_or_fun` at `level` with `metadata`."
  defmacro log(level, message_or_fun, metadata \\ []) do
    quote do
      Logger.__log_macro__(unquote(level), __MODULE__, fn -> unquote(message_or_fun) end, unquote(metadata))
    end
  end

  @doc false
  # What the macros expand to: `thunk` gives the message only when `level`
  # is enabled for `module` here.
  def __log_macro__(level, module, thunk, metadata) do
    level = normalize(level)

    case enabled_config(level, module) do
      nil -> :ok
      config -> emit(config, level, message(thunk.()), metadata)
    end
  end

  @doc "Logs without a macro (the message is built already)."
  def bare_log(level, message_or_fun, metadata \\ []) do
    level = normalize(level)

    case enabled_config(level, nil) do
      nil -> :ok
      config -> emit(config, level, message(message_or_fun), metadata)
    end
  end

  @doc false
  def __should_log__(level, module) do
    level = normalize(level)
    if enabled_config(level, module), do: level, else: nil
  end

  @doc false
  def __do_log__(level, message_or_fun, _location, metadata) do
    emit(config(), level, message(message_or_fun), metadata)
  end

  @doc false
  # Writes a report at `level` (crash reports of OTP processes,
  # stdlib/beamlet_logger.ex): to standard error as `[level] text`, or to
  # the captures in the console format.
  def __report__(level, text) do
    config = config()

    if allowed?(level, config.level) do
      case config.captures do
        [] -> IO.write(:stderr, ["[", Atom.to_string(level), "] ", text])
        captures -> capture(captures, level, ["\n", timestamp(), " [", Atom.to_string(level), "] ", text])
      end
    end

    :ok
  end

  # The configuration when `level` is to be logged from `module` by this
  # process, else nil.
  defp enabled_config(level, module) do
    if Process.get(@disabled) do
      nil
    else
      config = config()

      min =
        Process.get(@process_level) ||
          (module && Map.get(config.modules, module)) || config.level

      if allowed?(level, min), do: config, else: nil
    end
  end

  defp allowed?(_level, :all), do: true
  defp allowed?(_level, :none), do: false
  defp allowed?(level, min), do: rank(level) <= rank(min)

  defp rank(level) do
    case level do
      :emergency -> 0
      :alert -> 1
      :critical -> 2
      :error -> 3
      :warning -> 4
      :notice -> 5
      :info -> 6
      :debug -> 7
      _ -> raise FunctionClauseError, module: :logger_config, function: :less_or_equal_level, arity: 2
    end
  end

  defp normalize(:warn), do: :warning
  defp normalize(level), do: level

  # The message as chardata (and metadata a function may give with it).
  defp message(fun) when is_function(fun, 0), do: message(fun.())
  defp message({chardata, _metadata}) when is_binary(chardata) or is_list(chardata), do: chardata
  defp message(binary) when is_binary(binary), do: binary
  defp message(%{} = report), do: inspect(Map.to_list(report))

  defp message(list) when is_list(list) do
    if list != [] and Keyword.keyword?(list), do: inspect(list), else: list
  end

  defp message(other), do: to_string(other)

  defp emit(config, level, chardata, _metadata) do
    text = ["\n", timestamp(), " [", Atom.to_string(level), "] ", chardata, "\n"]

    case config.captures do
      [] -> IO.write(:stderr, text)
      captures -> capture(captures, level, text)
    end

    :ok
  end

  defp capture(captures, level, text) do
    for {device, min} <- captures, allowed?(level, min) do
      IO.write(device, text)
    end
  end

  # hh:mm:ss.mmm of the local clock (UTC here).
  defp timestamp do
    ms = rem(System.os_time(:millisecond), 86_400_000)
    {h, m, s} = :calendar.seconds_to_time(div(ms, 1000))
    :io_lib.format('~2..0w:~2..0w:~2..0w.~3..0w', [h, m, s, rem(ms, 1000)])
  end

  ## Configuration

  @doc "The global level."
  def level, do: config().level

  @doc "Compares two levels by severity: `:lt` when `left` is less severe than `right`, `:eq`, `:gt`."
  def compare_levels(left, right) do
    l = rank_or_badarg(normalize(left))
    r = rank_or_badarg(normalize(right))

    cond do
      l == r -> :eq
      l > r -> :lt
      true -> :gt
    end
  end

  defp rank_or_badarg(level) when level in @levels, do: rank(level)
  defp rank_or_badarg(_level), do: :erlang.error(:badarg)

  @doc "Changes the configuration (`level:`; the other keys are accepted and kept)."
  def configure(options) do
    case Keyword.fetch(options, :level) do
      {:ok, level} -> update(fn c -> %{c | level: normalize(level)} end)
      :error -> :ok
    end

    :ok
  end

  @doc "Configures a backend (accepted; the console is the only one)."
  def configure_backend(_backend, _options), do: :ok

  @doc "Adds a backend: the console is there already."
  def add_backend(backend, _options \\ []) do
    if backend == :console, do: {:error, :already_present}, else: {:error, :not_supported}
  end

  @doc "Removes a backend."
  def remove_backend(_backend, _options \\ []), do: :ok

  @doc "Adds a translator (accepted)."
  def add_translator({_module, _function}), do: :ok

  @doc "Removes a translator."
  def remove_translator({_module, _function}), do: :ok

  @doc "Waits until the events logged so far are written: they are, on return."
  def flush, do: :ok

  @doc "Sets the level of the events logged from `module`."
  def put_module_level(module, level) do
    update(fn c -> %{c | modules: Map.put(c.modules, module, normalize(level))} end)
  end

  @doc "The levels set for `module` (or each of a list): `[{module, level}]`."
  def get_module_level(modules) when is_list(modules) do
    levels = config().modules
    for m <- modules, Map.has_key?(levels, m), do: {m, levels[m]}
  end

  def get_module_level(module), do: get_module_level([module])

  @doc "Forgets the level of `module`."
  def delete_module_level(modules) when is_list(modules) do
    update(fn c -> %{c | modules: Map.drop(c.modules, modules)} end)
  end

  def delete_module_level(module), do: delete_module_level([module])

  @doc "Forgets every module level."
  def delete_all_module_levels, do: update(fn c -> %{c | modules: %{}} end)

  @doc "Sets the level of the modules of `application`."
  def put_application_level(application, _level), do: {:error, {:not_loaded, application}}

  @doc "Forgets the level of the modules of `application`."
  def delete_application_level(application), do: {:error, {:not_loaded, application}}

  @doc "Sets the level of the events this process logs."
  def put_process_level(pid, level) when pid == self() do
    Process.put(@process_level, normalize(level))
    :ok
  end

  def put_process_level(_pid, _level), do: :ok

  @doc "The level set for this process, or nil."
  def get_process_level(pid) when pid == self(), do: Process.get(@process_level)
  def get_process_level(_pid), do: nil

  @doc "Forgets this process's level."
  def delete_process_level(pid) when pid == self() do
    Process.delete(@process_level)
    :ok
  end

  def delete_process_level(_pid), do: :ok

  @doc "Lets this process log again."
  def enable(pid) when pid == self() do
    Process.delete(@disabled)
    :ok
  end

  @doc "Stops this process's events."
  def disable(pid) when pid == self() do
    Process.put(@disabled, true)
    :ok
  end

  @doc "Whether this process's events are logged."
  def enabled?(pid) when pid == self(), do: Process.get(@disabled) != true
  def enabled?(_pid), do: true

  ## Metadata

  @doc "This process's metadata."
  def metadata, do: Process.get(@metadata, %{}) |> Map.to_list()

  @doc "Merges `keyword` into this process's metadata (a nil value removes the key)."
  def metadata(keyword) do
    merged =
      Enum.reduce(keyword, Process.get(@metadata, %{}), fn
        {key, nil}, acc -> Map.delete(acc, key)
        {key, value}, acc -> Map.put(acc, key, value)
      end)

    Process.put(@metadata, merged)
    :ok
  end

  @doc "Replaces this process's metadata by `keyword`."
  def reset_metadata(keyword \\ []) do
    Process.put(@metadata, %{})
    metadata(keyword)
  end

  ## The configuration process

  @defaults %{level: :debug, modules: %{}, captures: []}

  @doc false
  def __config__, do: config()

  defp config do
    case Process.whereis(@config) do
      nil -> @defaults
      pid -> call(pid, :get)
    end
  end

  @doc false
  # Adds or removes a capture: `{device, level}`.
  def __capture__(op, capture), do: update(fn c -> %{c | captures: op.(c.captures, capture)} end)

  defp update(fun) do
    call(server(), {:update, fun})
    :ok
  end

  defp server do
    :beamlet_singleton.ensure(@config, fn -> serve(@defaults) end)
  end

  defp call(pid, request) do
    ref = Process.monitor(pid)
    send(pid, {@config, self(), ref, request})

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, _} ->
        @defaults
    end
  end

  defp serve(state) do
    receive do
      {@config, from, ref, :get} ->
        send(from, {ref, state})
        serve(state)

      {@config, from, ref, {:update, fun}} ->
        state = fun.(state)
        send(from, {ref, :ok})
        serve(state)

      # A crash report of a process the VM ended (vm/src/sched.rs).
      {@config, :report, level, text} ->
        if allowed?(level, state.level) do
          case state.captures do
            [] -> IO.write(:stderr, ["[", Atom.to_string(level), "] ", text])
            captures -> capture(captures, level, ["\n", timestamp(), " [", Atom.to_string(level), "] ", text])
          end
        end

        serve(state)
    end
  end
end
