# Erlang/OTP 25's `:application`, written in the language over Elixir's
# `Application` (stdlib/application.ex), which holds the environment and the
# set of started applications. A script's code belongs to no application,
# so the functions that ask about the caller's own application
# (`get_env/1`, `get_key/1`, `get_application/0`, `start_type/0`) answer
# `:undefined`, as they do in `elixir script.exs`. Taking over an
# application from another node (`takeover/2`) and starting from a boot
# script (`start_boot/1,2`) need distribution and release handling, which
# beamlet does not have; they are left out.
defmodule :application do
  @moduledoc false

  @doc "The callbacks of the `application` behaviour."
  def behaviour_info(:callbacks), do: [start: 2, stop: 1]
  def behaviour_info(:optional_callbacks), do: []
  def behaviour_info(_), do: :undefined

  ## The environment

  @doc "`key` in the caller's application's environment: `:undefined` (a script has no application)."
  def get_env(_key), do: :undefined

  @doc "`{:ok, value}` for `key` in `app`'s environment, or `:undefined`."
  def get_env(app, key) do
    if is_atom(app) do
      case Application.fetch_env(app, key) do
        {:ok, value} -> {:ok, value}
        :error -> :undefined
      end
    else
      :undefined
    end
  end

  @doc "The value of `key` in `app`'s environment, or `default`."
  def get_env(app, key, default) do
    case get_env(app, key) do
      {:ok, value} -> value
      :undefined -> default
    end
  end

  @doc "The caller's application's environment: `[]`."
  def get_all_env, do: []

  @doc "`app`'s environment as a list of `{key, value}`."
  def get_all_env(app) when is_atom(app), do: Application.get_all_env(app)
  def get_all_env(_app), do: []

  @doc "Sets `key` to `value` in `app`'s environment."
  def set_env(app, key, value), do: set_env(app, key, value, [])

  @doc "Same as `set_env/3` (`opts`: `:timeout`, `:persistent`)."
  def set_env(app, key, value, opts) when is_atom(app) and is_list(opts) do
    Application.put_env(app, key, value, opts)
  end

  @doc "Sets the environment of several applications: `[{app, [{key, value}]}]`."
  def set_env(config), do: set_env(config, [])

  @doc "Same as `set_env/1` (`opts`: `:timeout`, `:persistent`)."
  def set_env(config, opts) when is_list(config) and is_list(opts) do
    for {app, pairs} <- config, {key, value} <- pairs, do: Application.put_env(app, key, value, opts)
    :ok
  end

  @doc "Removes `key` from `app`'s environment."
  def unset_env(app, key), do: unset_env(app, key, [])

  @doc "Same as `unset_env/2` (`opts`: `:timeout`, `:persistent`)."
  def unset_env(app, key, opts) when is_atom(app) and is_list(opts) do
    Application.delete_env(app, key, opts)
  end

  ## Specifications

  @doc "`key` of the caller's application's specification: `:undefined`."
  def get_key(_key), do: :undefined

  @doc "`{:ok, value}` for `key` of `app`'s specification, or `:undefined`."
  def get_key(app, key) when is_atom(app) and is_atom(key) do
    case Application.spec(app) do
      nil ->
        :undefined

      spec ->
        case Keyword.fetch(spec, key) do
          {:ok, value} -> {:ok, value}
          :error -> :undefined
        end
    end
  end

  def get_key(_app, _key), do: :undefined

  @doc "The caller's application's specification: `:undefined`."
  def get_all_key, do: :undefined

  @doc "`{:ok, spec}` for a loaded `app`, or `:undefined`."
  def get_all_key(app) when is_atom(app) do
    case Application.spec(app) do
      nil -> :undefined
      spec -> {:ok, spec}
    end
  end

  def get_all_key(_app), do: :undefined

  @doc "The caller's application: `:undefined`."
  def get_application, do: :undefined

  @doc "`{:ok, app}` for the application a module belongs to; `:undefined` for a pid or other module."
  def get_application(pid) when is_pid(pid), do: :undefined

  def get_application(module) when is_atom(module) do
    case Application.get_application(module) do
      nil -> :undefined
      app -> {:ok, app}
    end
  end

  @doc "How the caller's application was started: `:undefined`."
  def start_type, do: :undefined

  ## Loading and starting

  @doc "Loads `app`."
  def load(app), do: load(app, [])

  @doc "Loads `app` (the distribution specification is not used)."
  def load(app, _distributed) when is_atom(app), do: Application.load(app)

  @doc "Unloads `app`."
  def unload(app) when is_atom(app), do: Application.unload(app)

  @doc "Starts `app`: `:ok` or `{:error, reason}`."
  def start(app), do: start(app, :temporary)

  @doc "Starts `app` with the restart type `type`."
  def start(app, type) when is_atom(app) and type in [:temporary, :transient, :permanent],
    do: Application.start(app, type)

  @doc "Starts `app` unless it is started."
  def ensure_started(app), do: ensure_started(app, :temporary)

  @doc "Same as `ensure_started/1` with the restart type `type`."
  def ensure_started(app, type) when is_atom(app), do: Application.ensure_started(app, type)

  @doc "Starts `app` and what it needs: `{:ok, started}` or `{:error, {app, reason}}`."
  def ensure_all_started(app), do: ensure_all_started(app, :temporary)

  @doc "Same as `ensure_all_started/1` with the restart type `type`."
  def ensure_all_started(app, type) when is_atom(app), do: Application.ensure_all_started(app, type)

  @doc "Stops `app`."
  def stop(app) when is_atom(app), do: Application.stop(app)

  @doc "Whether `app` may run here: `:ok`, or `{:error, {:not_loaded, app}}`."
  def permit(app, permission) when is_atom(app) and is_boolean(permission) do
    if Application.spec(app) == nil, do: {:error, {:not_loaded, app}}, else: :ok
  end

  @doc "The loaded applications: `[{app, description, version}]`."
  def loaded_applications, do: Application.loaded_applications()

  @doc "The running applications: `[{app, description, version}]`."
  def which_applications, do: Application.started_applications()

  @doc "Same as `which_applications/0` (`timeout` in milliseconds or `:infinity`)."
  def which_applications(timeout) when is_integer(timeout) or timeout == :infinity,
    do: Application.started_applications()
end
