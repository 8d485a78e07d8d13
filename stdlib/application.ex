# Application: the environment of applications (`get_env`, `put_env`, ...)
# and the applications a script has (OTP's and Elixir's, all loaded and
# started, as `elixir script.exs` has them; `:crypto` starts on demand).
# There are no `.app` files: any other application is one that does not
# exist, with OTP's errors for it.
#
# The environment and the started set are global: a process registered as
# `:beamlet_application_env` holds them, started by the first call that
# needs it.
defmodule Application do
  @moduledoc "Functions for applications and their environment."

  @server :beamlet_application_env
  @versions %{
    kernel: '8.5.3',
    stdlib: '4.2',
    compiler: '8.2.3',
    elixir: '1.14.0',
    logger: '1.14.0',
    crypto: '5.1.2',
    ex_unit: '1.14.0',
    iex: '1.14.0',
    eex: '1.14.0',
    mix: '1.14.0'
  }
  @descriptions %{
    kernel: 'ERTS  CXC 138 10',
    stdlib: 'ERTS  CXC 138 10',
    compiler: 'ERTS  CXC 138 10',
    elixir: 'elixir',
    logger: 'logger',
    crypto: 'CRYPTO',
    ex_unit: 'ex_unit',
    iex: 'iex',
    eex: 'eex',
    mix: 'mix'
  }
  @initially [:logger, :elixir, :compiler, :stdlib, :kernel]

  @doc "The callback a module that is an application implements."
  @callback start(start_type :: term, start_args :: term) :: {:ok, pid} | {:ok, pid, term} | {:error, term}
  @callback stop(state :: term) :: term
  @callback prep_stop(state :: term) :: term
  @callback config_change(changed :: keyword, new :: keyword, removed :: [atom]) :: :ok
  @callback start_phase(phase :: term, start_type :: term, phase_args :: term) :: :ok | {:error, term}
  @optional_callbacks start_phase: 3, prep_stop: 1, config_change: 3

  @doc false
  defmacro __using__(opts) do
    quote do
      @behaviour Application

      @doc false
      def stop(_state), do: :ok

      defoverridable stop: 1
      _ = unquote(opts)
    end
  end

  ## Environment

  @doc "The value of `key` in `app`'s environment, or `default`."
  def get_env(app, key, default \\ nil) do
    case fetch_env(app, key) do
      {:ok, value} -> value
      :error -> default
    end
  end

  @doc "`{:ok, value}` of `key` in `app`'s environment, or `:error`."
  def fetch_env(app, key), do: call({:fetch, app, key})

  @doc "The value of `key` in `app`'s environment; raises `ArgumentError` when it is not set."
  def fetch_env!(app, key) do
    case fetch_env(app, key) do
      {:ok, value} ->
        value

      :error ->
        why =
          if loaded?(app),
            do: "because configuration at #{inspect(key)} was not set",
            else: "because the application was not loaded nor configured"

        raise ArgumentError,
              "could not fetch application environment #{inspect(key)} for application #{inspect(app)} #{why}"
    end
  end

  @doc "`app`'s environment, as a keyword list."
  def get_all_env(app), do: call({:all, app})

  @doc "Sets `key` in `app`'s environment."
  def put_env(app, key, value, _opts \\ []), do: call({:put, app, key, value})

  @doc "Sets the environments of several applications: `[app: [key: value]]`."
  def put_all_env(config, _opts \\ []) do
    for {app, env} <- config, {key, value} <- env, do: put_env(app, key, value)
    :ok
  end

  @doc "Removes `key` from `app`'s environment."
  def delete_env(app, key, _opts \\ []), do: call({:delete, app, key})

  @doc "Reads `key` of `app`'s environment at compile time (`default` when unset)."
  defmacro compile_env(app, key_or_path, default \\ nil) do
    quote do
      Application.__compile_env__(unquote(app), unquote(key_or_path), unquote(default))
    end
  end

  @doc "Reads `key` of `app`'s environment at compile time; raises when unset."
  defmacro compile_env!(app, key_or_path) do
    quote do
      Application.__compile_env__!(unquote(app), unquote(key_or_path))
    end
  end

  @doc "The value at `path` (a key or a list of keys) of `app`'s environment, or `default`."
  def compile_env(%Macro.Env{}, app, key_or_path, default), do: __compile_env__(app, key_or_path, default)

  @doc "Like `compile_env/4`, raising when the value is not set."
  def compile_env!(%Macro.Env{}, app, key_or_path), do: __compile_env__!(app, key_or_path)

  @doc false
  def __compile_env__(app, key_or_path, default) do
    case fetch_path(app, key_or_path) do
      {:ok, value} -> value
      :error -> default
    end
  end

  @doc false
  def __compile_env__!(app, key_or_path) do
    case fetch_path(app, key_or_path) do
      {:ok, value} ->
        value

      :error ->
        why =
          if loaded?(app),
            do: "because configuration at #{inspect(key_or_path)} was not set",
            else: "because the application was not loaded nor configured"

        raise ArgumentError,
              "could not fetch application environment #{inspect(key_or_path)} for application #{inspect(app)} #{why}"
    end
  end

  defp fetch_path(app, [key | path]) do
    with {:ok, value} <- fetch_env(app, key), do: dig(value, path)
  end

  defp fetch_path(app, key), do: fetch_env(app, key)

  defp dig(value, []), do: {:ok, value}

  defp dig(value, [key | rest]) do
    case Access.fetch(value, key) do
      {:ok, inner} -> dig(inner, rest)
      :error -> :error
    end
  end

  ## Applications

  @doc "Starts `app` and the applications it needs: `{:ok, started}` or `{:error, {app, reason}}`."
  def ensure_all_started(app, _type \\ :temporary) when is_atom(app) do
    case start(app) do
      :ok -> {:ok, [app]}
      {:error, {:already_started, ^app}} -> {:ok, []}
      {:error, reason} -> {:error, {app, reason}}
    end
  end

  @doc "Starts `app` unless it is started: `:ok` or `{:error, reason}`."
  def ensure_started(app, _type \\ :temporary) when is_atom(app) do
    case start(app) do
      {:error, {:already_started, ^app}} -> :ok
      other -> other
    end
  end

  @doc "Loads `app` unless it is loaded."
  def ensure_loaded(app) when is_atom(app) do
    case load(app) do
      {:error, {:already_loaded, ^app}} -> :ok
      other -> other
    end
  end

  @doc "Starts `app`: `:ok`, or `{:error, reason}`."
  def start(app, _type \\ :temporary) when is_atom(app) do
    cond do
      not Map.has_key?(@versions, app) -> {:error, no_app_file(app)}
      true -> call({:start, app})
    end
  end

  @doc "Stops `app`."
  def stop(app), do: call({:stop, app})

  @doc "Loads `app`'s specification."
  def load(app) when is_atom(app) do
    if Map.has_key?(@versions, app), do: {:error, {:already_loaded, app}}, else: {:error, no_app_file(app)}
  end

  @doc "Unloads `app`."
  def unload(app) when is_atom(app) do
    if Map.has_key?(@versions, app), do: {:error, {:running, app}}, else: {:error, {:not_loaded, app}}
  end

  defp no_app_file(app), do: {'no such file or directory', Atom.to_charlist(app) ++ '.app'}

  defp loaded?(app), do: Map.has_key?(@versions, app)

  @doc "The started applications: `[{app, description, version}]`."
  def started_applications(_timeout \\ 5000) do
    for app <- call(:started), do: {app, @descriptions[app], @versions[app]}
  end

  @doc "The loaded applications: `[{app, description, version}]`."
  def loaded_applications do
    for app <- call(:started), do: {app, @descriptions[app], @versions[app]}
  end

  @doc "`app`'s specification (a keyword list), or nil when it is not loaded."
  def spec(app) when is_atom(app) do
    if loaded?(app),
      do: [description: @descriptions[app], id: [], vsn: @versions[app], modules: [], maxP: :infinity,
           maxT: :infinity, registered: [], included_applications: [], optional_applications: [],
           applications: [], mod: [], start_phases: :undefined],
      else: nil
  end

  @doc "The value of `key` in `app`'s specification, or nil."
  def spec(app, key) when is_atom(app) and is_atom(key) do
    case spec(app) do
      nil -> nil
      spec -> Keyword.get(spec, key)
    end
  end

  @doc "The application `module` belongs to, or nil."
  def get_application(module) when is_atom(module) do
    source =
      if Code.ensure_loaded?(module) and function_exported?(module, :module_info, 1),
        do: Keyword.get(module.module_info(:compile), :source, ''),
        else: ''

    name = Atom.to_string(module)

    cond do
      not List.starts_with?(source, 'stdlib/') -> nil
      String.starts_with?(name, "Elixir.ExUnit") -> :ex_unit
      String.starts_with?(name, "Elixir.Logger") -> :logger
      String.starts_with?(name, "Elixir.") -> :elixir
      true -> :stdlib
    end
  end

  @doc "The directory of `app`."
  def app_dir(app) when is_atom(app) do
    if loaded?(app),
      do: "/usr/lib/elixir/lib/#{app}",
      else: raise(ArgumentError, "unknown application: #{inspect(app)}")
  end

  @doc "A path under `app`'s directory."
  def app_dir(app, path) when is_binary(path), do: Path.join(app_dir(app), path)
  def app_dir(app, path) when is_list(path), do: Path.join([app_dir(app) | path])

  @doc "Text for an error `start/2` or `load/1` returned."
  def format_error(reason) do
    case reason do
      {:already_started, app} -> "already started application #{app}"
      {:not_started, app} -> "not started application #{app}"
      {:not_loaded, app} -> "not loaded application #{app}"
      {:already_loaded, app} -> "already loaded application #{app}"
      {:running, app} -> "application #{app} is still running"
      {'no such file or directory', file} -> "could not find application file: #{file}"
      other -> inspect(other)
    end
  end

  ## The environment process

  defp call(request) do
    pid = server()
    ref = Process.monitor(pid)
    send(pid, {@server, self(), ref, request})

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, _} ->
        call(request)
    end
  end

  defp server do
    :beamlet_singleton.ensure(@server, fn -> serve(%{env: initial_env(), started: @initially}) end)
  end

  # What `elixir` has in the environment of its own applications.
  defp initial_env do
    %{
      elixir: %{
        dbg_callback: {Macro, :dbg, []},
        time_zone_database: Calendar.UTCOnlyTimeZoneDatabase,
        ansi_enabled: false,
        check_endianness: true,
        ansi_syntax_colors: [
          atom: :cyan,
          binary: :default_color,
          boolean: :magenta,
          charlist: :yellow,
          list: :default_color,
          map: :default_color,
          nil: :magenta,
          number: :yellow,
          string: :green,
          tuple: :default_color
        ]
      },
      logger: %{
        backends: [:console],
        console: [],
        compile_time_purge_matching: [],
        sync_threshold: 20,
        discard_threshold: 500,
        truncate: 8096,
        utc_log: false,
        handle_otp_reports: true,
        handle_sasl_reports: false
      },
      kernel: %{logger_level: :notice, net_ticktime: 60, connect_all: true}
    }
  end

  defp serve(state) do
    receive do
      {@server, from, ref, request} ->
        {reply, state} = handle(request, state)
        send(from, {ref, reply})
        serve(state)
    end
  end

  defp handle({:fetch, app, key}, state) do
    {Map.fetch(Map.get(state.env, app, %{}), key), state}
  end

  defp handle({:all, app}, state) do
    {Map.to_list(Map.get(state.env, app, %{})), state}
  end

  defp handle({:put, app, key, value}, state) do
    env = Map.update(state.env, app, %{key => value}, &Map.put(&1, key, value))
    {:ok, %{state | env: env}}
  end

  defp handle({:delete, app, key}, state) do
    env = Map.update(state.env, app, %{}, &Map.delete(&1, key))
    {:ok, %{state | env: env}}
  end

  defp handle({:start, app}, state) do
    if app in state.started,
      do: {{:error, {:already_started, app}}, state},
      else: {:ok, %{state | started: [app | state.started]}}
  end

  defp handle({:stop, app}, state) do
    if app in state.started,
      do: {:ok, %{state | started: List.delete(state.started, app)}},
      else: {{:error, {:not_started, app}}, state}
  end

  defp handle(:started, state), do: {state.started, state}
end
