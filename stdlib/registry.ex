# Registry: a local key-value process registry. beamlet has no ETS, so the
# entries live in the registry's first partition process
# (Registry.Partition, registered as :"<name>.PIDPartition0"), which every
# function asks; the registry itself is a Supervisor of its `partitions`
# partition processes. A partition links to each registering process and
# removes its entries when it ends.
defmodule Registry do
  @doc "The child specification of a registry started with `start_link(options)`."
  def child_spec(options) do
    %{
      id: Keyword.get(options, :name, Registry),
      start: {Registry, :start_link, [options]},
      type: :supervisor
    }
  end

  @doc "Starts a registry: `keys:` (:unique or :duplicate) and `name:` are required."
  def start_link(options) do
    keys = Keyword.get(options, :keys)

    unless keys in [:unique, :duplicate] do
      raise ArgumentError,
            "expected :keys to be given and be one of :unique or :duplicate, got: #{inspect(keys)}"
    end

    name =
      case Keyword.fetch(options, :name) do
        {:ok, name} when is_atom(name) -> name
        {:ok, other} -> raise ArgumentError, "expected :name to be an atom, got: #{inspect(other)}"
        :error -> raise ArgumentError, "expected :name option to be present"
      end

    meta = Keyword.get(options, :meta, [])

    unless Keyword.keyword?(meta) do
      raise ArgumentError, "expected :meta to be a keyword list, got: #{inspect(meta)}"
    end

    partitions = Keyword.get(options, :partitions, 1)

    unless is_integer(partitions) and partitions >= 1 do
      raise ArgumentError,
            "expected :partitions to be a positive integer, got: #{inspect(partitions)}"
    end

    listeners = Keyword.get(options, :listeners, [])

    unless is_list(listeners) and Enum.all?(listeners, &is_atom/1) do
      raise ArgumentError,
            "expected :listeners to be a list of named processes, got: #{inspect(listeners)}"
    end

    compressed = Keyword.get(options, :compressed, false)

    unless is_boolean(compressed) do
      raise ArgumentError, "expected :compressed to be a boolean, got: #{inspect(compressed)}"
    end

    children =
      for i <- 0..(partitions - 1) do
        arg = {name, keys, i, partitions, listeners, meta}
        %{id: i, start: {Registry.Partition, :start_link, [Registry.Partition.name(name, i), arg]}}
      end

    Supervisor.start_link(children, strategy: :one_for_all, name: name)
  end

  defp call(registry, request) when is_atom(registry) do
    case Process.whereis(Registry.Partition.name(registry, 0)) do
      nil -> raise ArgumentError, "unknown registry: #{inspect(registry)}"
      pid -> GenServer.call(pid, request, :infinity)
    end
  end

  defp call(registry, _request) do
    raise ArgumentError, "unknown registry: #{inspect(registry)}"
  end

  defp kind(registry), do: call(registry, :kind)

  @doc "Registers the caller under `key` with `value`: `{:ok, owner}` or `{:error, {:already_registered, pid}}`."
  def register(registry, key, value) do
    call(registry, {:register, self(), key, value})
  end

  @doc "Removes the caller's entries under `key`."
  def unregister(registry, key) do
    call(registry, {:unregister, self(), key, :_, []})
  end

  @doc "Removes the caller's entries under `key` whose value matches `pattern` and `guards`."
  def unregister_match(registry, key, pattern, guards \\ []) when is_list(guards) do
    call(registry, {:unregister, self(), key, pattern, guards})
  end

  @doc "`[{pid, value}]` registered under `key`."
  def lookup(registry, key) do
    call(registry, {:lookup, key})
  end

  @doc "`[{pid, value}]` under `key` whose value matches `pattern` and `guards`."
  def match(registry, key, pattern, guards \\ []) when is_list(guards) do
    call(registry, {:lookup, key})
    |> Enum.filter(fn {_pid, value} -> Registry.MatchSpec.match?(pattern, guards, value) end)
  end

  @doc "The number of entries under `key` whose value matches `pattern` and `guards`."
  def count_match(registry, key, pattern, guards \\ []) when is_list(guards) do
    length(match(registry, key, pattern, guards))
  end

  @doc "The keys `pid` is registered under."
  def keys(registry, pid) when is_pid(pid) do
    call(registry, {:keys, pid})
  end

  @doc "The values `pid` registered under `key`."
  def values(registry, key, pid) when is_pid(pid) do
    for {^pid, value} <- lookup(registry, key), do: value
  end

  @doc "The number of entries."
  def count(registry) do
    length(call(registry, :entries))
  end

  @doc "The results of match specification `spec` over `{key, pid, value}` entries."
  def select(registry, spec) when is_list(spec) do
    entries = call(registry, :entries)
    Registry.MatchSpec.select(spec, entries, "Registry.select/2")
  end

  @doc "The number of entries `spec` selects (its bodies must be `true`)."
  def count_select(registry, spec) when is_list(spec) do
    entries = call(registry, :entries)

    Registry.MatchSpec.select(spec, entries, "Registry.count_select/2")
    |> Enum.count(&(&1 == true))
  end

  @doc "Calls `mfa_or_fun` with the `[{pid, value}]` entries under `key`, if any."
  def dispatch(registry, key, mfa_or_fun, _opts \\ []) do
    case lookup(registry, key) do
      [] ->
        :ok

      entries ->
        case mfa_or_fun do
          {m, f, a} -> apply(m, f, [entries | a])
          fun when is_function(fun, 1) -> fun.(entries)
        end

        :ok
    end
  end

  @doc "Updates the caller's value under `key` of a :unique registry: `{new, old}` or `:error`."
  def update_value(registry, key, callback) when is_function(callback, 1) do
    case kind(registry) do
      :duplicate ->
        raise ArgumentError, "Registry.update_value/3 is not supported for duplicate registries"

      :unique ->
        case call(registry, {:lookup, key}) do
          [{pid, old}] when pid == self() ->
            new = callback.(old)
            call(registry, {:update, self(), key, new})
            {new, old}

          _ ->
            :error
        end
    end
  end

  @doc "The registry's metadata under `key`: `{:ok, value}` or `:error`."
  def meta(registry, key) when is_atom(key) or is_tuple(key) do
    call(registry, {:meta, key})
  end

  @doc "Stores metadata `value` under `key`."
  def put_meta(registry, key, value) when is_atom(key) or is_tuple(key) do
    call(registry, {:put_meta, key, value})
  end

  @doc "Deletes the metadata under `key`."
  def delete_meta(registry, key) when is_atom(key) or is_tuple(key) do
    call(registry, {:delete_meta, key})
  end

  ## {:via, Registry, {registry, key}} names

  @doc false
  def register_name({registry, key}, pid), do: register_name({registry, key, nil}, pid)

  def register_name({registry, key, value}, pid) when pid == self() do
    if kind(registry) == :duplicate do
      raise ArgumentError, ":via is not supported for duplicate registries"
    end

    case register(registry, key, value) do
      {:ok, _} -> :yes
      {:error, _} -> :no
    end
  end

  @doc false
  def whereis_name({registry, key}), do: whereis_name({registry, key, nil})

  def whereis_name({registry, key, _value}) do
    case lookup(registry, key) do
      [{pid, _}] -> pid
      _ -> :undefined
    end
  end

  @doc false
  def unregister_name({registry, key}), do: unregister(registry, key)
  def unregister_name({registry, key, _value}), do: unregister(registry, key)

  @doc false
  def send({registry, key}, msg) do
    case lookup(registry, key) do
      [{pid, _}] -> Kernel.send(pid, msg)
      _ -> :erlang.error(:badarg, [{registry, key}, msg])
    end
  end

  def send({registry, key, _value}, msg), do: Registry.send({registry, key}, msg)

  @doc false
  def __unregister__(registry, key, pid) do
    call(registry, {:unregister, pid, key, :_, []})
  end
end
