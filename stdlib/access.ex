defmodule Access do
  @moduledoc """
  Elixir 1.14's Access: key-based access to maps, keyword lists and nil
  (`data[key]` compiles to `Access.get/2`), structs through their module's
  `fetch/2`, `get_and_update/3` and `pop/2` (the Access behaviour), and the
  accessor functions (`key/2`, `key!/1`, `elem/1`, `at/1`, `at!/1`, `all/0`,
  `filter/1`, `slice/1`) that `get_in/2`, `put_in/3`, `update_in/3`,
  `get_and_update_in/3` and `pop_in/2` call as
  `fun.(:get | :get_and_update, data, next)`.
  """

  @callback fetch(term :: term, key :: term) :: {:ok, term} | :error
  @callback get_and_update(data, key, (term | nil -> {term, term} | :pop)) :: {term, data}
            when data: term, key: term
  @callback pop(data, key :: term) :: {term, data} when data: term

  @doc "`{:ok, value}` of `key` in `container`, or `:error`."
  def fetch(container, key)

  def fetch(%module{} = container, key) do
    behaviour!(module, :fetch, 2)
    module.fetch(container, key)
  end

  def fetch(map, key) when is_map(map) do
    case map do
      %{^key => value} -> {:ok, value}
      _ -> :error
    end
  end

  def fetch(list, key) when is_list(list) and is_atom(key) do
    case :lists.keyfind(key, 1, list) do
      {_, value} -> {:ok, value}
      false -> :error
    end
  end

  def fetch(list, key) when is_list(list), do: keyword_key!(key)
  def fetch(nil, _key), do: :error

  @doc "The value of `key` in `container`; `KeyError` when it is missing."
  def fetch!(container, key) do
    case fetch(container, key) do
      {:ok, value} -> value
      :error -> raise KeyError, key: key, term: container
    end
  end

  @doc "The value of `key` in `container`, or `default`."
  def get(container, key, default \\ nil)

  def get(%module{} = container, key, default) do
    behaviour!(module, :fetch, 2)

    case module.fetch(container, key) do
      {:ok, value} -> value
      :error -> default
    end
  end

  def get(map, key, default) when is_map(map) do
    case map do
      %{^key => value} -> value
      _ -> default
    end
  end

  def get(list, key, default) when is_list(list) and is_atom(key) do
    case :lists.keyfind(key, 1, list) do
      {_, value} -> value
      false -> default
    end
  end

  def get(list, key, _default) when is_list(list), do: keyword_key!(key)
  def get(nil, _key, default), do: default

  @doc """
  `fun` gets the value of `key` (nil when missing) and returns
  `{get, new_value}` or `:pop`; the result is `{get, updated container}`.
  """
  def get_and_update(container, key, fun)

  def get_and_update(%module{} = container, key, fun) do
    behaviour!(module, :get_and_update, 3)
    module.get_and_update(container, key, fun)
  end

  def get_and_update(map, key, fun) when is_map(map), do: Map.get_and_update(map, key, fun)
  def get_and_update(list, key, fun) when is_list(list), do: Keyword.get_and_update(list, key, fun)

  def get_and_update(nil, key, _fun) do
    raise ArgumentError, "could not put/update key #{inspect(key)} on a nil value"
  end

  @doc "`{value, container without key}`; `{nil, container}` when `key` is missing."
  def pop(container, key)

  def pop(%module{} = container, key) do
    behaviour!(module, :pop, 2)
    module.pop(container, key)
  end

  def pop(map, key) when is_map(map), do: Map.pop(map, key)
  def pop(list, key) when is_list(list), do: Keyword.pop(list, key)
  def pop(nil, key), do: raise(ArgumentError, "could not pop key #{inspect(key)} on a nil value")

  defp keyword_key!(key) do
    raise ArgumentError,
          "the Access calls for keywords expect the key to be an atom, got: " <> inspect(key)
  end

  # A struct's module must implement the callback, else the error says so.
  defp behaviour!(module, function, arity) do
    if not function_exported?(module, function, arity) do
      reason =
        "#{inspect(module)} does not implement the Access behaviour. " <>
          "If you are using get_in/put_in/update_in, you can specify the field " <>
          "to be accessed using Access.key!/1"

      raise UndefinedFunctionError, module: module, function: function, arity: arity, reason: reason
    end
  end

  ## Accessors

  @doc "Accesses `key` of a map or struct, `default` standing for a missing key."
  def key(key, default \\ nil) do
    fn
      :get, data, next ->
        next.(Map.get(data, key, default))

      :get_and_update, data, next ->
        value = Map.get(data, key, default)

        case next.(value) do
          {get, update} -> {get, Map.put(data, key, update)}
          :pop -> {value, Map.delete(data, key)}
        end
    end
  end

  @doc "Accesses `key` of a map or struct; `KeyError` when it is missing."
  def key!(key) do
    fn
      :get, %{} = data, next ->
        next.(Map.fetch!(data, key))

      :get_and_update, %{} = data, next ->
        value = Map.fetch!(data, key)

        case next.(value) do
          {get, update} -> {get, Map.put(data, key, update)}
          :pop -> {value, Map.delete(data, key)}
        end

      _op, data, _next ->
        raise "Access.key!/1 expected a map/struct, got: #{inspect(data)}"
    end
  end

  @doc "Accesses the element at the 0-based `index` of a tuple (which cannot be popped)."
  def elem(index) when is_integer(index) and index >= 0 do
    pos = index + 1

    fn
      :get, data, next when is_tuple(data) ->
        next.(:erlang.element(pos, data))

      :get_and_update, data, next when is_tuple(data) ->
        value = :erlang.element(pos, data)

        case next.(value) do
          {get, update} -> {get, :erlang.setelement(pos, data, update)}
          :pop -> raise "cannot pop data from a tuple"
        end

      _op, data, _next ->
        raise "Access.elem/1 expected a tuple, got: #{inspect(data)}"
    end
  end

  @doc "Accesses every element of a list."
  def all do
    fn
      :get, data, next when is_list(data) ->
        :lists.map(next, data)

      :get_and_update, data, next when is_list(data) ->
        all_update(data, next, [], [])

      _op, data, _next ->
        raise "Access.all/0 expected a list, got: #{inspect(data)}"
    end
  end

  defp all_update([head | rest], next, gets, updates) do
    case next.(head) do
      {get, update} -> all_update(rest, next, [get | gets], [update | updates])
      :pop -> all_update(rest, next, [head | gets], updates)
    end
  end

  defp all_update([], _next, gets, updates), do: {:lists.reverse(gets), :lists.reverse(updates)}

  @doc """
  Accesses the element at `index` of a list (a negative index counts from
  the end); out of bounds it reads nil and changes nothing.
  """
  def at(index) when is_integer(index) do
    fn
      :get, data, next when is_list(data) ->
        next.(Enum.at(data, index))

      :get_and_update, data, next when is_list(data) ->
        at_update(data, index, next, fn -> {nil, data} end)

      _op, data, _next ->
        raise "Access.at/1 expected a list, got: #{inspect(data)}"
    end
  end

  @doc "As `at/1`, but an index out of bounds raises `Enum.OutOfBoundsError`."
  def at!(index) when is_integer(index) do
    fn
      :get, data, next when is_list(data) ->
        case Enum.fetch(data, index) do
          {:ok, value} -> next.(value)
          :error -> raise Enum.OutOfBoundsError
        end

      :get_and_update, data, next when is_list(data) ->
        at_update(data, index, next, fn -> raise Enum.OutOfBoundsError end)

      _op, data, _next ->
        raise "Access.at!/1 expected a list, got: #{inspect(data)}"
    end
  end

  defp at_update(data, index, next, missing) when index < 0 do
    case length(data) + index do
      pos when pos >= 0 -> at_update(data, pos, next, missing)
      _ -> missing.()
    end
  end

  defp at_update(data, index, next, missing) do
    case at_update_list(data, index, next) do
      :missing -> missing.()
      result -> result
    end
  end

  defp at_update_list([head | rest], 0, next) do
    case next.(head) do
      {get, update} -> {get, [update | rest]}
      :pop -> {head, rest}
    end
  end

  defp at_update_list([head | rest], index, next) do
    case at_update_list(rest, index - 1, next) do
      {get, rest} -> {get, [head | rest]}
      :missing -> :missing
    end
  end

  defp at_update_list([], _index, _next), do: :missing

  @doc "Accesses the elements of a list for which `fun` is truthy."
  def filter(fun) when is_function(fun) do
    fn
      :get, data, next when is_list(data) ->
        for element <- data, fun.(element), do: next.(element)

      :get_and_update, data, next when is_list(data) ->
        filter_update(data, fun, next, [], [])

      _op, data, _next ->
        raise "Access.filter/1 expected a list, got: #{inspect(data)}"
    end
  end

  defp filter_update([head | rest], fun, next, gets, updates) do
    if fun.(head) do
      case next.(head) do
        {get, update} -> filter_update(rest, fun, next, [get | gets], [update | updates])
        :pop -> filter_update(rest, fun, next, [head | gets], updates)
      end
    else
      filter_update(rest, fun, next, gets, [head | updates])
    end
  end

  defp filter_update([], _fun, _next, gets, updates),
    do: {:lists.reverse(gets), :lists.reverse(updates)}

  @doc """
  Accesses the elements of a list at the indices of `range` (negative
  ends count from the end, as in `Enum.slice/2`).
  """
  def slice(%Range{step: step} = range) when step > 0 do
    fn
      :get, data, next when is_list(data) ->
        {first, last} = slice_bounds(range, length(data))
        slice_get(data, 0, first, last, step, next)

      :get_and_update, data, next when is_list(data) ->
        {first, last} = slice_bounds(range, length(data))
        slice_update(data, 0, first, last, step, next, [], [])

      _op, data, _next ->
        raise ArgumentError, "Access.slice/1 expected a list, got: #{inspect(data)}"
    end
  end

  def slice(%Range{} = range) do
    raise ArgumentError,
          "Access.slice/1 does not accept ranges with negative steps, got: #{inspect(range)}"
  end

  defp slice_bounds(%Range{first: first, last: last}, count) do
    first = if first < 0, do: first + count, else: first
    last = if last < 0, do: last + count, else: last
    {max(first, 0), last}
  end

  defp slice_get([head | rest], index, first, last, step, next)
       when index >= first and index <= last and rem(index - first, step) == 0,
       do: [next.(head) | slice_get(rest, index + 1, first, last, step, next)]

  defp slice_get([_ | rest], index, first, last, step, next) when index < last,
    do: slice_get(rest, index + 1, first, last, step, next)

  defp slice_get(_list, _index, _first, _last, _step, _next), do: []

  defp slice_update([head | rest], index, first, last, step, next, gets, updates)
       when index >= first and index <= last and rem(index - first, step) == 0 do
    case next.(head) do
      {get, update} ->
        slice_update(rest, index + 1, first, last, step, next, [get | gets], [update | updates])

      :pop ->
        slice_update(rest, index + 1, first, last, step, next, [head | gets], updates)
    end
  end

  defp slice_update([head | rest], index, first, last, step, next, gets, updates),
    do: slice_update(rest, index + 1, first, last, step, next, gets, [head | updates])

  defp slice_update([], _index, _first, _last, _step, _next, gets, updates),
    do: {:lists.reverse(gets), :lists.reverse(updates)}
end
