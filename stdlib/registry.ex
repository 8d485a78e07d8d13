# Registry: a local key-value process registry on ETS, laid out as
# Elixir's: the registry is a supervisor (Registry.Supervisor) owning a
# table named after the registry (metadata and where each partition's
# tables are), over `partitions` Registry.Partition processes, each owning
# a key table and a pid table. Every function reads and writes the tables
# directly from the calling process; the partitions only clean up after
# processes that end. Keys of a unique registry are spread over the
# partitions by key, those of a duplicate registry by pid (so a lookup
# there reads every partition); pid tables always by pid.
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

    Registry.Supervisor.start_link(keys, name, partitions, listeners, meta, compressed)
  end

  @doc false
  def start_link(keys, name, options \\ []) when keys in [:unique, :duplicate] do
    start_link([keys: keys, name: name] ++ options)
  end

  ## Where things are

  defp info!(registry) do
    try do
      :ets.lookup_element(registry, -1, 2)
    catch
      :error, :badarg -> raise ArgumentError, "unknown registry: #{inspect(registry)}"
    end
  end

  defp hash(term, limit), do: :erlang.phash2(term, limit)

  defp key_ets!(registry, partition), do: :ets.lookup_element(registry, partition, 2)
  defp pid_ets!(registry, partition), do: :ets.lookup_element(registry, partition, 3)

  # {kind, partitions, key_ets or nil}
  defp key_info!(registry, key) do
    {kind, partitions, key_ets, _pid_ets, _listeners} = info!(registry)

    cond do
      key_ets -> {kind, partitions, key_ets}
      kind == :unique -> {kind, partitions, key_ets!(registry, hash(key, partitions))}
      true -> {kind, partitions, nil}
    end
  end

  defp key_partition(:unique, key, _pid, partitions), do: hash(key, partitions)
  defp key_partition(:duplicate, _key, pid, partitions), do: hash(pid, partitions)

  # The key and pid tables the caller's entries under `key` go to.
  defp own_tables!(registry, key) do
    {kind, partitions, key_ets, pid_ets, listeners} = info!(registry)
    self = self()
    key_ets = key_ets || key_ets!(registry, key_partition(kind, key, self, partitions))
    {server, pid_ets} = pid_ets || pid_ets!(registry, hash(self, partitions))
    {kind, key_ets, server, pid_ets, listeners}
  end

  defp all_key_ets(registry) do
    case info!(registry) do
      {_kind, 1, key_ets, _, _} -> [key_ets]
      {_kind, partitions, _, _, _} -> for i <- 0..(partitions - 1), do: key_ets!(registry, i)
    end
  end

  defp safe_lookup_second(ets, key) do
    try do
      :ets.lookup_element(ets, key, 2)
    catch
      :error, :badarg -> []
    end
  end

  ## Registering

  @doc "Registers the caller under `key` with `value`: `{:ok, owner}` or `{:error, {:already_registered, pid}}`."
  def register(registry, key, value) when is_atom(registry) do
    {kind, key_ets, server, pid_ets, listeners} = own_tables!(registry, key)
    self = self()
    Process.link(server)
    counter = System.unique_integer()
    true = :ets.insert(pid_ets, {self, key, key_ets, counter})

    case register_key(kind, key_ets, key, {key, {self, value}}) do
      :ok ->
        for listener <- listeners do
          Kernel.send(listener, {:register, registry, key, self, value})
        end

        {:ok, server}

      {:error, _} = error ->
        true = :ets.delete_object(pid_ets, {self, key, key_ets, counter})
        unlink_if_unregistered(server, pid_ets, self)
        error
    end
  end

  defp register_key(:duplicate, key_ets, _key, entry) do
    true = :ets.insert(key_ets, entry)
    :ok
  end

  defp register_key(:unique, key_ets, key, entry) do
    if :ets.insert_new(key_ets, entry) do
      :ok
    else
      case :ets.lookup(key_ets, key) do
        [{^key, {pid, _}} = current] ->
          if pid != self() and not Process.alive?(pid) do
            # Its partition has not cleaned up yet: the entry is stale.
            :ets.delete_object(key_ets, current)
            register_key(:unique, key_ets, key, entry)
          else
            {:error, {:already_registered, pid}}
          end

        [] ->
          register_key(:unique, key_ets, key, entry)
      end
    end
  end

  defp unlink_if_unregistered(server, pid_ets, self) do
    unless :ets.member(pid_ets, self) do
      Process.unlink(server)
    end
  end

  @doc "Removes the caller's entries under `key`."
  def unregister(registry, key) when is_atom(registry) do
    {_kind, key_ets, server, pid_ets, listeners} = own_tables!(registry, key)
    self = self()
    # The key table first: if the caller dies meanwhile, its partition
    # still finds the entry in the pid table and cleans up.
    key_guard = {:"=:=", {:element, 1, :"$_"}, {:const, key}}
    :ets.select_delete(key_ets, [{{:_, {self, :_}}, [key_guard], [true]}])
    delete_pid_entries(pid_ets, self, key, key_ets)
    unlink_if_unregistered(server, pid_ets, self)

    for listener <- listeners do
      Kernel.send(listener, {:unregister, registry, key, self})
    end

    :ok
  end

  @doc "Removes the caller's entries under `key` whose value matches `pattern` and `guards`."
  def unregister_match(registry, key, pattern, guards \\ []) when is_list(guards) do
    {_kind, key_ets, server, pid_ets, listeners} = own_tables!(registry, key)
    self = self()
    key_guard = {:"=:=", {:element, 1, :"$_"}, {:const, key}}
    deleted = :ets.select_delete(key_ets, [{{:_, {self, pattern}}, [key_guard | guards], [true]}])
    left = :ets.select_count(key_ets, [{{:_, {self, :_}}, [key_guard], [true]}])

    # One pid table entry per entry left under the key.
    delete_pid_entries(pid_ets, self, key, key_ets)

    for _ <- 1..left//1 do
      :ets.insert(pid_ets, {self, key, key_ets, System.unique_integer()})
    end

    unlink_if_unregistered(server, pid_ets, self)

    if deleted > 0 do
      for listener <- listeners do
        Kernel.send(listener, {:unregister, registry, key, self})
      end
    end

    :ok
  end

  # The caller's pid table entries under `key` (a key like `:_` is data).
  defp delete_pid_entries(pid_ets, pid, key, key_ets) do
    key_guard = {:"=:=", {:element, 2, :"$_"}, {:const, key}}
    :ets.select_delete(pid_ets, [{{pid, :_, key_ets, :_}, [key_guard], [true]}])
  end

  ## Reading

  @doc "`[{pid, value}]` registered under `key`."
  def lookup(registry, key) when is_atom(registry) do
    case key_info!(registry, key) do
      {:unique, _partitions, key_ets} ->
        case safe_lookup_second(key_ets, key) do
          {pid, _} = pair -> if Process.alive?(pid), do: [pair], else: []
          _ -> []
        end

      {:duplicate, 1, key_ets} ->
        safe_lookup_second(key_ets, key)

      {:duplicate, partitions, _} ->
        for i <- 0..(partitions - 1), pair <- safe_lookup_second(key_ets!(registry, i), key), do: pair
    end
  end

  defp key_tables(registry, key) do
    case key_info!(registry, key) do
      {_kind, _partitions, key_ets} when key_ets != nil -> [key_ets]
      {:duplicate, partitions, nil} -> for i <- 0..(partitions - 1), do: key_ets!(registry, i)
    end
  end

  @doc "`[{pid, value}]` under `key` whose value matches `pattern` and `guards`."
  def match(registry, key, pattern, guards \\ []) when is_atom(registry) and is_list(guards) do
    guards = [{:"=:=", {:element, 1, :"$_"}, {:const, key}} | guards]
    spec = [{{:_, {:_, pattern}}, guards, [{:element, 2, :"$_"}]}]
    for ets <- key_tables(registry, key), pair <- :ets.select(ets, spec), do: pair
  end

  @doc "The number of entries under `key` whose value matches `pattern` and `guards`."
  def count_match(registry, key, pattern, guards \\ []) when is_atom(registry) and is_list(guards) do
    guards = [{:"=:=", {:element, 1, :"$_"}, {:const, key}} | guards]
    spec = [{{:_, {:_, pattern}}, guards, [true]}]

    key_tables(registry, key)
    |> Enum.map(&:ets.select_count(&1, spec))
    |> Enum.sum()
  end

  @doc "The keys `pid` is registered under."
  def keys(registry, pid) when is_atom(registry) and is_pid(pid) do
    {kind, partitions, _, pid_ets, _} = info!(registry)
    {_, pid_ets} = pid_ets || pid_ets!(registry, hash(pid, partitions))

    keys =
      try do
        :ets.select(pid_ets, [{{pid, :"$1", :_, :_}, [], [:"$1"]}])
      catch
        :error, :badarg -> []
      end

    if kind == :unique, do: Enum.uniq(keys), else: keys
  end

  @doc "The values `pid` registered under `key`."
  def values(registry, key, pid) when is_atom(registry) and is_pid(pid) do
    case key_info!(registry, key) do
      {:unique, _partitions, key_ets} ->
        case :ets.lookup(key_ets, key) do
          [{^key, {^pid, value}}] -> [value]
          _ -> []
        end

      {:duplicate, partitions, key_ets} ->
        key_ets = key_ets || key_ets!(registry, hash(pid, partitions))
        spec = [{{:_, {pid, :"$1"}}, [{:"=:=", {:element, 1, :"$_"}, {:const, key}}], [:"$1"]}]
        :ets.select(key_ets, spec)
    end
  end

  @doc "The number of entries."
  def count(registry) when is_atom(registry) do
    registry
    |> all_key_ets()
    |> Enum.map(&:ets.info(&1, :size))
    |> Enum.sum()
  end

  @doc "The results of match specification `spec` over `{key, pid, value}` entries."
  def select(registry, spec) when is_atom(registry) and is_list(spec) do
    spec = group_match_headers(spec, "Registry.select/2")
    for ets <- all_key_ets(registry), result <- :ets.select(ets, spec), do: result
  end

  @doc "The number of entries `spec` selects (its bodies must be `true`)."
  def count_select(registry, spec) when is_atom(registry) and is_list(spec) do
    spec = group_match_headers(spec, "Registry.count_select/2")

    registry
    |> all_key_ets()
    |> Enum.map(&:ets.select_count(&1, spec))
    |> Enum.sum()
  end

  # `{key, pid, value}` heads as the tables hold entries: `{key, {pid, value}}`.
  defp group_match_headers(spec, fun_name) do
    for part <- spec do
      case part do
        {{key, pid, value}, guards, select} when is_list(guards) and is_list(select) ->
          {{key, {pid, value}}, guards, select}

        _ ->
          raise ArgumentError, "invalid match specification in #{fun_name}: #{inspect(spec)}"
      end
    end
  end

  @doc "Calls `mfa_or_fun` with the `[{pid, value}]` entries under `key`, if any."
  def dispatch(registry, key, mfa_or_fun, opts \\ []) when is_atom(registry) and is_list(opts) do
    case key_info!(registry, key) do
      {:unique, _partitions, key_ets} ->
        case safe_lookup_second(key_ets, key) do
          {pid, _} = pair ->
            if Process.alive?(pid), do: apply_non_empty([pair], mfa_or_fun)

          _ ->
            :ok
        end

      {:duplicate, 1, key_ets} ->
        apply_non_empty(safe_lookup_second(key_ets, key), mfa_or_fun)

      {:duplicate, partitions, _} ->
        if Keyword.get(opts, :parallel, false) do
          for i <- 0..(partitions - 1) do
            {_pid, ref} =
              spawn_monitor(fn ->
                apply_non_empty(safe_lookup_second(key_ets!(registry, i), key), mfa_or_fun)
              end)

            ref
          end
          |> Enum.each(fn ref ->
            receive do
              {:DOWN, ^ref, _, _, :normal} -> :ok
              {:DOWN, ^ref, _, _, reason} -> exit(reason)
            end
          end)
        else
          for i <- 0..(partitions - 1) do
            apply_non_empty(safe_lookup_second(key_ets!(registry, i), key), mfa_or_fun)
          end
        end
    end

    :ok
  end

  defp apply_non_empty([], _mfa_or_fun), do: :ok
  defp apply_non_empty(entries, {m, f, a}), do: apply(m, f, [entries | a])
  defp apply_non_empty(entries, fun) when is_function(fun, 1), do: fun.(entries)

  @doc "Updates the caller's value under `key` of a :unique registry: `{new, old}` or `:error`."
  def update_value(registry, key, callback) when is_atom(registry) and is_function(callback, 1) do
    case key_info!(registry, key) do
      {:unique, _partitions, key_ets} ->
        case safe_lookup_second(key_ets, key) do
          {pid, old_value} when pid == self() ->
            new_value = callback.(old_value)
            :ets.insert(key_ets, {key, {pid, new_value}})
            {new_value, old_value}

          _ ->
            :error
        end

      {kind, _, _} ->
        raise ArgumentError, "Registry.update_value/3 is not supported for #{kind} registries"
    end
  end

  ## Metadata

  defp unknown_meta_registry(registry) do
    raise ArgumentError,
          "unknown registry: #{inspect(registry)}. Either the registry name is invalid or " <>
            "the registry is not running, possibly because its application isn't started"
  end

  @doc "The registry's metadata under `key`: `{:ok, value}` or `:error`."
  def meta(registry, key) when is_atom(registry) and (is_atom(key) or is_tuple(key)) do
    try do
      :ets.lookup(registry, key)
    catch
      :error, :badarg -> unknown_meta_registry(registry)
    else
      [{^key, value}] -> {:ok, value}
      _ -> :error
    end
  end

  @doc "Stores metadata `value` under `key`."
  def put_meta(registry, key, value) when is_atom(registry) and (is_atom(key) or is_tuple(key)) do
    try do
      :ets.insert(registry, {key, value})
      :ok
    catch
      :error, :badarg -> unknown_meta_registry(registry)
    end
  end

  @doc "Deletes the metadata under `key`."
  def delete_meta(registry, key) when is_atom(registry) and (is_atom(key) or is_tuple(key)) do
    try do
      :ets.delete(registry, key)
      :ok
    catch
      :error, :badarg -> unknown_meta_registry(registry)
    end
  end

  ## {:via, Registry, {registry, key}} names

  @doc false
  def register_name({registry, key}, pid), do: register_name({registry, key, nil}, pid)

  def register_name({registry, key, value}, pid) when pid == self() do
    case register(registry, key, value) do
      {:ok, _} -> :yes
      {:error, _} -> :no
    end
  end

  @doc false
  def whereis_name({registry, key}), do: whereis(registry, key)
  def whereis_name({registry, key, _value}), do: whereis(registry, key)

  defp whereis(registry, key) do
    case key_info!(registry, key) do
      {:unique, _partitions, key_ets} ->
        case safe_lookup_second(key_ets, key) do
          {pid, _} -> if Process.alive?(pid), do: pid, else: :undefined
          _ -> :undefined
        end

      {kind, _, _} ->
        raise ArgumentError, ":via is not supported for #{kind} registries"
    end
  end

  @doc false
  def unregister_name({registry, key}), do: unregister(registry, key)
  def unregister_name({registry, key, _value}), do: unregister(registry, key)

  @doc false
  def send({registry, key}, msg) do
    case lookup(registry, key) do
      [{pid, _}] -> Kernel.send(pid, msg)
      [] -> :erlang.error(:badarg, [{registry, key}, msg])
    end
  end

  def send({registry, key, _value}, msg), do: Registry.send({registry, key}, msg)
end
