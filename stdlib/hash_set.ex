defmodule HashSet do
  @moduledoc """
  Elixir 1.14's deprecated `HashSet`: a struct `%HashSet{size: n, root: node}`
  whose root is a trie of 8-slot tuples indexed by 3 bits of the member's
  `:erlang.phash2/1` at a time. A slot is `[]`, `[member]`, or
  `[member | child]` (a member whose slot continued into a child node). The
  layout is Elixir's, so `to_list/1`, `Enum` and `inspect` give the BEAM's
  order. Every function is deprecated in Elixir ("Use the MapSet module
  instead").
  """

  import Bitwise

  @node_size 8
  @node_template {[], [], [], [], [], [], [], []}

  defstruct size: 0, root: @node_template

  @deprecated "Use the MapSet module instead"
  def new, do: %HashSet{}

  @deprecated "Use the MapSet module instead"
  def union(%HashSet{size: size1} = set1, %HashSet{size: size2} = set2) when size1 <= size2,
    do: fold(set1, set2, &put(&2, &1))

  def union(%HashSet{} = set1, %HashSet{} = set2), do: fold(set2, set1, &put(&2, &1))

  @deprecated "Use the MapSet module instead"
  def intersection(%HashSet{} = set1, %HashSet{} = set2) do
    fold(set1, %HashSet{}, fn v, acc -> if member?(set2, v), do: put(acc, v), else: acc end)
  end

  @deprecated "Use the MapSet module instead"
  def difference(%HashSet{} = set1, %HashSet{} = set2),
    do: fold(set2, set1, &delete(&2, &1))

  @deprecated "Use the MapSet module instead"
  def to_list(set), do: :lists.reverse(fold(set, [], &[&1 | &2]))

  @deprecated "Use the MapSet module instead"
  def equal?(%HashSet{size: size1} = set1, %HashSet{size: size2} = set2) do
    if size1 == size2, do: subset?(set1, set2), else: false
  end

  @deprecated "Use the MapSet module instead"
  def subset?(%HashSet{} = set1, %HashSet{} = set2) do
    reduce(set1, {:cont, true}, fn member, acc ->
      if member?(set2, member) == true, do: {:cont, acc}, else: {:halt, false}
    end)
    |> elem(1)
  end

  @deprecated "Use the MapSet module instead"
  def disjoint?(%HashSet{} = set1, %HashSet{} = set2) do
    reduce(set2, {:cont, true}, fn member, acc ->
      if member?(set1, member) == false, do: {:cont, acc}, else: {:halt, false}
    end)
    |> elem(1)
  end

  @deprecated "Use the MapSet module instead"
  def member?(%HashSet{root: root}, term), do: do_member?(root, term, key_hash(term))

  @deprecated "Use the MapSet module instead"
  def put(%HashSet{root: root, size: size}, term) do
    {root, counter} = do_put(root, term, key_hash(term))
    %HashSet{root: root, size: size + counter}
  end

  @deprecated "Use the MapSet module instead"
  def delete(%HashSet{root: root, size: size} = set, term) do
    case do_delete(root, term, key_hash(term)) do
      {:ok, root} -> %HashSet{root: root, size: size - 1}
      :error -> set
    end
  end

  @deprecated "Use the MapSet module instead"
  def size(%HashSet{size: size}), do: size

  @deprecated "Use the MapSet module instead"
  def reduce(%HashSet{root: root}, acc, fun) do
    do_reduce(root, acc, fun, @node_size, fn
      {:suspend, acc} -> {:suspended, acc, &{:done, elem(&1, 1)}}
      {:halt, acc} -> {:halted, acc}
      {:cont, acc} -> {:done, acc}
    end)
  end

  defp fold(%HashSet{root: root}, acc, fun), do: do_fold(root, acc, fun, @node_size)

  defp do_fold(node, acc, fun, count) when count > 0 do
    acc = do_fold_each(:erlang.element(count, node), acc, fun)
    do_fold(node, acc, fun, count - 1)
  end

  defp do_fold(_node, acc, _fun, 0), do: acc

  defp do_fold_each([], acc, _fun), do: acc
  defp do_fold_each([t], acc, fun), do: fun.(t, acc)
  defp do_fold_each([t | n], acc, fun), do: do_fold(n, fun.(t, acc), fun, @node_size)

  defp do_member?(node, term, hash) do
    case elem(node, hash &&& 7) do
      [] -> false
      [^term | _] -> true
      [_] -> false
      [_ | n] -> do_member?(n, term, hash >>> 3)
    end
  end

  defp do_put(node, term, hash) do
    index = hash &&& 7

    case elem(node, index) do
      [] ->
        {put_elem(node, index, [term]), 1}

      [^term | _] ->
        {node, 0}

      [t] ->
        n = put_elem(@node_template, (hash >>> 3) &&& 7, [term])
        {put_elem(node, index, [t | n]), 1}

      [t | n] ->
        {n, counter} = do_put(n, term, hash >>> 3)
        {put_elem(node, index, [t | n]), counter}
    end
  end

  defp do_delete(node, term, hash) do
    index = hash &&& 7

    case elem(node, index) do
      [] ->
        :error

      [^term] ->
        {:ok, put_elem(node, index, [])}

      [_] ->
        :error

      [^term | n] ->
        {:ok, put_elem(node, index, compact(n))}

      [t | n] ->
        case do_delete(n, term, hash >>> 3) do
          {:ok, @node_template} -> {:ok, put_elem(node, index, [t])}
          {:ok, n} -> {:ok, put_elem(node, index, [t | n])}
          :error -> :error
        end
    end
  end

  # A node whose owning member was deleted: its first used slot's member
  # moves up to take the member's place.
  defp compact(node), do: compact(node, first_used(node, 0))

  defp compact(node, index) do
    case elem(node, index) do
      [t] ->
        case put_elem(node, index, []) do
          @node_template -> [t]
          n -> [t | n]
        end

      [t | n] ->
        [t | put_elem(node, index, compact(n))]
    end
  end

  defp first_used(node, index) do
    if elem(node, index) != [], do: index, else: first_used(node, index + 1)
  end

  defp do_reduce_each(_node, {:halt, acc}, _fun, _next), do: {:halted, acc}

  defp do_reduce_each(node, {:suspend, acc}, fun, next),
    do: {:suspended, acc, &do_reduce_each(node, &1, fun, next)}

  defp do_reduce_each([], acc, _fun, next), do: next.(acc)
  defp do_reduce_each([t], {:cont, acc}, fun, next), do: next.(fun.(t, acc))

  defp do_reduce_each([t | n], {:cont, acc}, fun, next),
    do: do_reduce(n, fun.(t, acc), fun, @node_size, next)

  defp do_reduce(node, acc, fun, count, next) when count > 0 do
    do_reduce_each(
      :erlang.element(count, node),
      acc,
      fun,
      &do_reduce(node, &1, fun, count - 1, next)
    )
  end

  defp do_reduce(_node, acc, _fun, 0, next), do: next.(acc)

  defp key_hash(term), do: :erlang.phash2(term)
end
