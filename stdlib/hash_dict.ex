defmodule HashDict do
  @moduledoc """
  Elixir 1.14's deprecated `HashDict`: a struct `%HashDict{size: n, root: node}`
  whose root is a trie of 8-slot tuples indexed by 3 bits of the key's
  `:erlang.phash2/1` at a time. A slot is `[]`, an entry `[key | value]`, or
  `{key, value, child}` (an entry whose slot continued into a child node).
  The layout is Elixir's, so `to_list/1`, `Enum` and `inspect` give the
  BEAM's order (the slots are walked from the last to the first, each entry
  before its child). Every function is deprecated in Elixir ("Use maps and
  the Map module instead").
  """

  import Bitwise

  @node_size 8
  @node_template {[], [], [], [], [], [], [], []}

  defstruct size: 0, root: @node_template

  @deprecated "Use maps and the Map module instead"
  def new, do: %HashDict{}

  @deprecated "Use maps and the Map module instead"
  def put(%HashDict{root: root, size: size}, key, value) do
    {root, counter} = do_put(root, key, value, key_hash(key))
    %HashDict{root: root, size: size + counter}
  end

  @deprecated "Use maps and the Map module instead"
  def update!(%HashDict{root: root, size: size} = dict, key, fun) when is_function(fun, 1) do
    {root, counter} =
      do_update(root, key, fn -> raise KeyError, key: key, term: dict end, fun, key_hash(key))

    %HashDict{root: root, size: size + counter}
  end

  @deprecated "Use maps and the Map module instead"
  def update(%HashDict{root: root, size: size}, key, default, fun) when is_function(fun, 1) do
    {root, counter} = do_update(root, key, fn -> default end, fun, key_hash(key))
    %HashDict{root: root, size: size + counter}
  end

  @deprecated "Use maps and the Map module instead"
  def fetch(%HashDict{root: root}, key), do: do_fetch(root, key, key_hash(key))

  @deprecated "Use maps and the Map module instead"
  def fetch!(dict, key) do
    case fetch(dict, key) do
      {:ok, value} -> value
      :error -> raise KeyError, key: key, term: dict
    end
  end

  @deprecated "Use maps and the Map module instead"
  def get(dict, key, default \\ nil) do
    case fetch(dict, key) do
      {:ok, value} -> value
      :error -> default
    end
  end

  @deprecated "Use maps and the Map module instead"
  def get_lazy(dict, key, fun) when is_function(fun, 0) do
    case fetch(dict, key) do
      {:ok, value} -> value
      :error -> fun.()
    end
  end

  @deprecated "Use maps and the Map module instead"
  def get_and_update(dict, key, fun) do
    {get, new_value} = fun.(get(dict, key))
    {get, put(dict, key, new_value)}
  end

  @deprecated "Use maps and the Map module instead"
  def has_key?(dict, key), do: match?({:ok, _}, fetch(dict, key))

  @deprecated "Use maps and the Map module instead"
  def put_new(dict, key, value) do
    if has_key?(dict, key), do: dict, else: put(dict, key, value)
  end

  @deprecated "Use maps and the Map module instead"
  def put_new_lazy(dict, key, fun) when is_function(fun, 0) do
    if has_key?(dict, key), do: dict, else: put(dict, key, fun.())
  end

  @deprecated "Use maps and the Map module instead"
  def delete(dict, key) do
    case dict_delete(dict, key) do
      {dict, _value} -> dict
      :error -> dict
    end
  end

  @deprecated "Use maps and the Map module instead"
  def pop(dict, key, default \\ nil) do
    case dict_delete(dict, key) do
      {dict, value} -> {value, dict}
      :error -> {default, dict}
    end
  end

  @deprecated "Use maps and the Map module instead"
  def pop_lazy(dict, key, fun) when is_function(fun, 0) do
    case fetch(dict, key) do
      {:ok, value} -> {value, delete(dict, key)}
      :error -> {fun.(), dict}
    end
  end

  @deprecated "Use maps and the Map module instead"
  def size(%HashDict{size: size}), do: size

  @deprecated "Use maps and the Map module instead"
  def to_list(dict), do: fold(dict, [], &[&1 | &2])

  @deprecated "Use maps and the Map module instead"
  def keys(dict), do: fold(dict, [], fn {k, _}, acc -> [k | acc] end)

  @deprecated "Use maps and the Map module instead"
  def values(dict), do: fold(dict, [], fn {_, v}, acc -> [v | acc] end)

  @deprecated "Use maps and the Map module instead"
  def equal?(dict1, dict2) do
    if size(dict1) == size(dict2) do
      reduce(dict1, {:cont, true}, fn {k, v}, _acc ->
        case fetch(dict2, k) do
          {:ok, ^v} -> {:cont, true}
          _ -> {:halt, false}
        end
      end)
      |> elem(1)
    else
      false
    end
  end

  @deprecated "Use maps and the Map module instead"
  def merge(dict1, dict2, fun \\ fn _k, _v1, v2 -> v2 end) do
    if size(dict1) < size(dict2) do
      reduce(dict1, {:cont, dict2}, fn {k, v1}, acc ->
        {:cont, update(acc, k, v1, &fun.(k, v1, &1))}
      end)
    else
      reduce(dict2, {:cont, dict1}, fn {k, v2}, acc ->
        {:cont, update(acc, k, v2, &fun.(k, &1, v2))}
      end)
    end
    |> elem(1)
  end

  @deprecated "Use maps and the Map module instead"
  def take(dict, keys) do
    Enum.reduce(keys, new(), fn key, acc ->
      case fetch(dict, key) do
        {:ok, value} -> put(acc, key, value)
        :error -> acc
      end
    end)
  end

  @deprecated "Use maps and the Map module instead"
  def drop(dict, keys), do: Enum.reduce(keys, dict, &delete(&2, &1))

  @deprecated "Use maps and the Map module instead"
  def split(dict, keys) do
    Enum.reduce(keys, {new(), dict}, fn key, {inc, exc} = acc ->
      case fetch(exc, key) do
        {:ok, value} -> {put(inc, key, value), delete(exc, key)}
        :error -> acc
      end
    end)
  end

  @deprecated "Use maps and the Map module instead"
  def reduce(%HashDict{root: root}, acc, fun) do
    do_reduce(root, acc, fun, @node_size, fn
      {:suspend, acc} -> {:suspended, acc, &{:done, elem(&1, 1)}}
      {:halt, acc} -> {:halted, acc}
      {:cont, acc} -> {:done, acc}
    end)
  end

  @doc false
  def dict_delete(%HashDict{root: root, size: size}, key) do
    case do_delete(root, key, key_hash(key)) do
      {root, value} -> {%HashDict{root: root, size: size - 1}, value}
      :error -> :error
    end
  end

  # The pairs in reduce order, consed onto `acc` by `fun` and reversed.
  defp fold(dict, acc, fun) do
    {:done, list} = reduce(dict, {:cont, acc}, fn pair, acc -> {:cont, fun.(pair, acc)} end)
    :lists.reverse(list)
  end

  defp do_fetch(node, key, hash) do
    case elem(node, hash &&& 7) do
      [^key | v] -> {:ok, v}
      {^key, v, _} -> {:ok, v}
      {_, _, n} -> do_fetch(n, key, hash >>> 3)
      _ -> :error
    end
  end

  defp do_put(node, key, value, hash) do
    index = hash &&& 7

    case elem(node, index) do
      [] ->
        {put_elem(node, index, [key | value]), 1}

      [^key | _] ->
        {put_elem(node, index, [key | value]), 0}

      [k | v] ->
        n = put_elem(@node_template, (hash >>> 3) &&& 7, [key | value])
        {put_elem(node, index, {k, v, n}), 1}

      {^key, _, n} ->
        {put_elem(node, index, {key, value, n}), 0}

      {k, v, n} ->
        {n, counter} = do_put(n, key, value, hash >>> 3)
        {put_elem(node, index, {k, v, n}), counter}
    end
  end

  defp do_update(node, key, default, fun, hash) do
    index = hash &&& 7

    case elem(node, index) do
      [] ->
        {put_elem(node, index, [key | default.()]), 1}

      [^key | value] ->
        {put_elem(node, index, [key | fun.(value)]), 0}

      [k | v] ->
        n = put_elem(@node_template, (hash >>> 3) &&& 7, [key | default.()])
        {put_elem(node, index, {k, v, n}), 1}

      {^key, value, n} ->
        {put_elem(node, index, {key, fun.(value), n}), 0}

      {k, v, n} ->
        {n, counter} = do_update(n, key, default, fun, hash >>> 3)
        {put_elem(node, index, {k, v, n}), counter}
    end
  end

  defp do_delete(node, key, hash) do
    index = hash &&& 7

    case elem(node, index) do
      [] ->
        :error

      [^key | value] ->
        {put_elem(node, index, []), value}

      [_ | _] ->
        :error

      {^key, value, n} ->
        {put_elem(node, index, compact(n)), value}

      {k, v, n} ->
        case do_delete(n, key, hash >>> 3) do
          {@node_template, value} -> {put_elem(node, index, [k | v]), value}
          {n, value} -> {put_elem(node, index, {k, v, n}), value}
          :error -> :error
        end
    end
  end

  # A node whose owning entry was deleted: its first used slot's entry
  # moves up to take the entry's place.
  defp compact(node), do: compact(node, first_used(node, 0))

  defp compact(node, index) do
    case elem(node, index) do
      [k | v] ->
        case put_elem(node, index, []) do
          @node_template -> [k | v]
          n -> {k, v, n}
        end

      {k, v, n} ->
        {k, v, put_elem(node, index, compact(n))}
    end
  end

  defp first_used(node, index) do
    if elem(node, index) != [], do: index, else: first_used(node, index + 1)
  end

  defp do_reduce_each(_node, {:halt, acc}, _fun, _next), do: {:halted, acc}

  defp do_reduce_each(node, {:suspend, acc}, fun, next),
    do: {:suspended, acc, &do_reduce_each(node, &1, fun, next)}

  defp do_reduce_each([], acc, _fun, next), do: next.(acc)
  defp do_reduce_each([k | v], {:cont, acc}, fun, next), do: next.(fun.({k, v}, acc))

  defp do_reduce_each({k, v, n}, {:cont, acc}, fun, next),
    do: do_reduce(n, fun.({k, v}, acc), fun, @node_size, next)

  defp do_reduce(node, acc, fun, count, next) when count > 0 do
    do_reduce_each(
      :erlang.element(count, node),
      acc,
      fun,
      &do_reduce(node, &1, fun, count - 1, next)
    )
  end

  defp do_reduce(_node, acc, _fun, 0, next), do: next.(acc)

  defp key_hash(key), do: :erlang.phash2(key)
end
