# Logger, as Elixir 1.14's default console backend shows it: each event is
# written in the console's format, "\n$time $metadata[$level] $message\n"
# unless `configure_backend(:console, format: ...)` changed it, to standard
# output, as Elixir's console does, and after the caller's next output, as
# Elixir's (asynchronous) Logger process does: the event goes to the logger
# process (registered as `:beamlet_logger_config`), which writes it; a
# call to that process (`flush/0`, `configure/1`, the end of the script)
# waits for the events sent before it. While `ExUnit.CaptureLog` captures,
# events go to the capturing devices instead, at once. The crash reports of
# OTP processes (stdlib/beamlet_logger.ex) go to standard error, as
# `[level] text` (see /work/shared/ELIXIR-NOTES.md).
#
# The level, module levels, the console's format and captures are global:
# the logger process holds them, started by the first call that changes them
# or logs (until then the defaults hold). The metadata, the process level
# and `disable/1` live in the calling process's dictionary. The macros check
# the level before the message is built, as Elixir's do, and give the
# caller's module, function, file and line as metadata.
defmodule Logger do
  @moduledoc "A logger: levels, metadata, and the `debug`/`info`/... macros."

  @levels [:emergency, :alert, :critical, :error, :warning, :notice, :info, :debug]
  @config :beamlet_logger_config
  @metadata :"$beamlet_logger_metadata"
  @process_level :"$beamlet_logger_level"
  @disabled :"$beamlet_logger_disabled"

  for level <- [:emergency, :alert, :critical, :error, :warning, :notice, :info, :debug] do
    @doc "Logs `message_or_fun` at the `#{level}` level with `metadata`."
    defmacro unquote(level)(message_or_fun, metadata \\ []) do
      level = unquote(level)

      caller = Logger.__caller__(__CALLER__)

      quote do
        Logger.__log_macro__(unquote(level), unquote(caller), fn -> unquote(message_or_fun) end, unquote(metadata))
      end
    end
  end

  @doc "Deprecated: `warning/2`."
  defmacro warn(message_or_fun, metadata \\ []) do
    caller = Logger.__caller__(__CALLER__)

    quote do
      Logger.__log_macro__(:warning, unquote(caller), fn -> unquote(message_or_fun) end, unquote(metadata))
    end
  end

  @doc "Logs `message_or_fun` at `level` with `metadata`."
  defmacro log(level, message_or_fun, metadata \\ []) do
    caller = Logger.__caller__(__CALLER__)

    quote do
      Logger.__log_macro__(unquote(level), unquote(caller), fn -> unquote(message_or_fun) end, unquote(metadata))
    end
  end

  @doc false
  # The caller's module and location metadata, given by the macros: the
  # module, function, file and line inside a function, none elsewhere.
  def __caller__(%Macro.Env{} = env) do
    case env.function do
      {name, arity} -> {env.module, [module: env.module, function: {name, arity}, file: env.file, line: env.line]}
      nil -> {env.module, []}
    end
  end

  @doc false
  # What the macros expand to: `thunk` gives the message only when `level`
  # is enabled for the caller's module here (`caller`: see `__caller__/1`;
  # code compiled before gave the module alone).
  def __log_macro__(level, caller, thunk, metadata) do
    level = normalize(level)
    {module, location} = if is_tuple(caller), do: caller, else: {caller, []}

    case enabled_config(level, module) do
      nil -> :ok
      config -> emit(config, level, thunk.(), location, metadata)
    end
  end

  @doc "Logs without a macro (the message is built already)."
  def bare_log(level, message_or_fun, metadata \\ []) do
    level = normalize(level)

    case enabled_config(level, nil) do
      nil -> :ok
      config -> emit(config, level, message_or_fun, [], metadata)
    end
  end

  @doc false
  def __should_log__(level, module) do
    level = normalize(level)
    if enabled_config(level, module), do: level, else: nil
  end

  @doc false
  def __do_log__(level, message_or_fun, location, metadata) do
    location = if is_map(location), do: Map.to_list(location), else: []
    emit(config(), level, message_or_fun, location, metadata)
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

  # The message as chardata, and the metadata a function may give with it.
  defp message(fun) when is_function(fun, 0), do: message(fun.())
  defp message({chardata, metadata}) when is_binary(chardata) or is_list(chardata), do: {chardata, metadata}
  defp message(binary) when is_binary(binary), do: {binary, []}
  defp message(%{} = report), do: {inspect(Map.to_list(report)), []}

  defp message(list) when is_list(list) do
    if list != [] and Keyword.keyword?(list), do: {inspect(list), []}, else: {list, []}
  end

  defp message(other), do: {to_string(other), []}

  defp emit(config, level, message_or_fun, caller, metadata) do
    {chardata, extra} = message(message_or_fun)

    if (config.console? and allowed?(level, config.console_level)) or config.captures != [] do
      metadata = caller ++ Map.to_list(Map.merge(Process.get(@metadata, %{}), Map.new(metadata ++ extra)))
      text = format(config.format, config.console_metadata, level, chardata, metadata)

      case config.captures do
        [] -> send(server(), {@config, :write, config.console_device, text})
        captures -> capture(captures, level, text)
      end
    end

    :ok
  end

  defp capture(captures, level, text) do
    for {device, min} <- captures, allowed?(level, min) do
      IO.write(device, text)
    end
  end

  # The console's format: "$name" fields and text, as Logger.Formatter.
  @fields ~w(time date message level node metadata levelpad)

  defp compile_format(format) when is_binary(format) do
    Regex.split(~r/(?<head>)\$[a-z]+(?<tail>)/, format, on: [:head, :tail], trim: true)
    |> Enum.map(fn
      "$" <> name = part -> if name in @fields, do: String.to_atom(name), else: raise(ArgumentError, "$#{name} is an invalid format pattern")
      text -> text
    end)
  end

  defp compile_format(other), do: raise(ArgumentError, "invalid format: #{inspect(other)}")

  defp format(pattern, keys, level, chardata, metadata) do
    Enum.map(pattern, fn
      :time -> timestamp()
      :date -> Date.to_iso8601(Date.utc_today())
      :message -> chardata
      :level -> Atom.to_string(level)
      :node -> "nonode@nohost"
      :levelpad -> levelpad(level)
      :metadata -> format_metadata(keys, level, metadata)
      text -> text
    end)
  end

  defp levelpad(level) when level in [:info, :warn], do: " "
  defp levelpad(_level), do: ""

  defp format_metadata([], _level, _metadata), do: ""

  defp format_metadata(:all, level, metadata) do
    metadata = expand_location(Keyword.merge([domain: [:elixir], pid: self()], metadata))
    all = [{:erl_level, level} | Enum.sort(metadata)]
    format_metadata(Enum.map(all, &elem(&1, 0)), level, all)
  end

  defp format_metadata(keys, _level, metadata) do
    metadata = expand_location(Keyword.put_new(metadata, :pid, self()))

    for key <- keys, value = metadata_value(key, Keyword.get(metadata, key)), value != nil do
      [Atom.to_string(key), ?=, value, ?\s]
    end
  end

  # A function's location gives `mfa` too.
  defp expand_location(metadata) do
    case metadata[:function] do
      {_name, _arity} = function -> Keyword.put_new(metadata, :mfa, {metadata[:module], function})
      _ -> metadata
    end
  end

  defp metadata_value(_key, nil), do: nil
  defp metadata_value(:function, {name, arity}), do: "#{name}/#{arity}"
  defp metadata_value(:mfa, {module, {name, arity}}), do: Exception.format_mfa(module, name, arity)
  defp metadata_value(:domain, [head | _] = domain) when is_atom(head), do: Enum.map_join(domain, ".", &Atom.to_string/1)
  defp metadata_value(_key, string) when is_binary(string), do: string
  defp metadata_value(_key, integer) when is_integer(integer), do: Integer.to_string(integer)
  defp metadata_value(_key, float) when is_float(float), do: Float.to_string(float)
  defp metadata_value(_key, pid) when is_pid(pid), do: :erlang.pid_to_list(pid)

  defp metadata_value(_key, atom) when is_atom(atom) do
    case Atom.to_string(atom) do
      "Elixir." <> rest -> rest
      "nil" -> ""
      binary -> binary
    end
  end

  defp metadata_value(_key, ref) when is_reference(ref) do
    '#Ref' ++ rest = :erlang.ref_to_list(ref)
    rest
  end

  defp metadata_value(:file, file) when is_list(file), do: file
  defp metadata_value(_key, list) when is_list(list), do: nil

  defp metadata_value(_key, other) do
    case String.Chars.impl_for(other) do
      nil -> nil
      impl -> impl.to_string(other)
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
      {:ok, level} ->
        level = normalize(level)
        update(fn c -> %{c | level: level} end)

      :error ->
        update(fn c -> c end)
    end

    :ok
  end

  @doc """
  Configures the console backend: `format:` (a string of `$time`,
  `$date`, `$level`, `$levelpad`, `$node`, `$metadata`, `$message` and
  text), `metadata:` (the keys to show, or `:all`), `level:` (the least
  severe level it writes), `device:` (`:user`, the default, is standard
  output; `:standard_error`); other options are accepted.
  """
  def configure_backend(:console, options) when is_list(options) do
    format = Keyword.get(options, :format)
    format = format && compile_format(format)

    update(fn c ->
      c = if format, do: %{c | format: format}, else: c

      c =
        case Keyword.fetch(options, :metadata) do
          {:ok, keys} when is_list(keys) or keys == :all -> %{c | console_metadata: keys}
          _ -> c
        end

      c =
        case Keyword.fetch(options, :device) do
          {:ok, device} when is_atom(device) or is_pid(device) -> %{c | console_device: device}
          _ -> c
        end

      case Keyword.fetch(options, :level) do
        {:ok, level} when level != nil -> %{c | console_level: normalize(level)}
        {:ok, nil} -> %{c | console_level: :all}
        :error -> c
      end
    end)
  end

  def configure_backend(_backend, _options), do: :ok

  @doc "Adds a backend: the console, when it was removed (others are not supported)."
  def add_backend(backend, _options \\ []) do
    flush()

    cond do
      backend != :console -> {:error, :not_supported}
      config().console? -> {:error, :already_present}
      true -> update(fn c -> %{c | console?: true} end) && {:ok, server()}
    end
  end

  @doc "Removes a backend: the console stops writing."
  def remove_backend(backend, _options \\ []) do
    flush()

    if backend == :console and config().console? do
      update(fn c -> %{c | console?: false} end)
    else
      {:error, :not_found}
    end
  end

  @doc "Adds a translator (accepted)."
  def add_translator({_module, _function}), do: :ok

  @doc "Removes a translator."
  def remove_translator({_module, _function}), do: :ok

  @doc "Waits until the events logged so far are written."
  def flush do
    case Process.whereis(@config) do
      nil -> :ok
      pid -> call(pid, :flush)
    end

    :ok
  end

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

  @defaults %{
    level: :debug,
    modules: %{},
    captures: [],
    format: [
      "\n",
      :time,
      " ",
      :metadata,
      "[",
      :level,
      "] ",
      :message,
      "\n"
    ],
    console_metadata: [],
    console_level: :all,
    console_device: :user,
    console?: true
  }

  @doc false
  def __config__, do: config()

  # The configuration is kept in a persistent term, which the logger
  # process writes, so reading it waits for no message (nor for the events
  # the process is writing).
  defp config, do: :persistent_term.get(@config, @defaults)

  @doc false
  # Adds or removes a capture: `{device, level}`.
  def __capture__(op, capture), do: update(fn c -> %{c | captures: op.(c.captures, capture)} end)

  defp update(fun) do
    call(server(), {:update, fun})
    :ok
  end

  defp server do
    :beamlet_singleton.ensure(@config, fn -> serve(config()) end)
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

  defp wait_until(time) do
    if System.monotonic_time(:microsecond) < time, do: wait_until(time), else: :ok
  end

  defp write(device, text) do
    case device do
      :standard_error -> IO.write(:stderr, text)
      :user -> IO.write(:stdio, text)
      other -> IO.write(other, text)
    end
  end

  defp queued_writes do
    receive do
      {@config, :write, device, text} -> [{device, text} | queued_writes()]
    after
      0 -> []
    end
  end

  defp serve(state) do
    receive do
      {@config, from, ref, :get} ->
        send(from, {ref, state})
        serve(state)

      # Events are written a moment after they are logged, as by
      # Elixir's Logger process: after what their process writes next.
      {@config, :write, device, text} ->
        wait_until(System.monotonic_time(:microsecond) + 100)
        write(device, text)
        Enum.each(queued_writes(), fn {device, text} -> write(device, text) end)
        serve(state)

      {@config, from, ref, :flush} ->
        send(from, {ref, :ok})
        serve(state)

      {@config, from, ref, {:update, fun}} ->
        state = fun.(state)
        :persistent_term.put(@config, state)
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
