defmodule Set do
  @moduledoc """
  Elixir 1.14's deprecated `Set`: each function calls the module of its set
  (a struct's own module); anything else raises ArgumentError "unsupported
  set: ...". The two-set functions across two kinds of set go through
  `Enumerable`. Every function is deprecated in Elixir ("Use the MapSet
  module for working with sets").
  """

  @message "Use the MapSet module for working with sets"

  defp target(%module{}) when is_atom(module), do: module
  defp target(other), do: raise(ArgumentError, "unsupported set: #{inspect(other)}")

  @deprecated @message
  def delete(set, value), do: target(set).delete(set, value)
  @deprecated @message
  def empty(set), do: target(set).empty(set)
  @deprecated @message
  def member?(set, value), do: target(set).member?(set, value)
  @deprecated @message
  def put(set, value), do: target(set).put(set, value)
  @deprecated @message
  def size(set), do: target(set).size(set)
  @deprecated @message
  def to_list(set), do: target(set).to_list(set)

  @deprecated @message
  def difference(set1, set2) do
    target1 = target(set1)
    target2 = target(set2)

    if target1 == target2 do
      target1.difference(set1, set2)
    else
      Enumerable.reduce(set2, {:cont, set1}, fn v, acc -> {:cont, target1.delete(acc, v)} end)
      |> elem(1)
    end
  end

  @deprecated @message
  def disjoint?(set1, set2) do
    target1 = target(set1)
    target2 = target(set2)

    if target1 == target2 do
      target1.disjoint?(set1, set2)
    else
      Enumerable.reduce(set2, {:cont, true}, fn member, acc ->
        if target1.member?(set1, member) == false, do: {:cont, acc}, else: {:halt, false}
      end)
      |> elem(1)
    end
  end

  @deprecated @message
  def equal?(set1, set2) do
    target1 = target(set1)
    target2 = target(set2)

    cond do
      target1 == target2 -> target1.equal?(set1, set2)
      target1.size(set1) == target2.size(set2) -> do_subset?(target2, set1, set2)
      true -> false
    end
  end

  @deprecated @message
  def subset?(set1, set2) do
    target1 = target(set1)
    target2 = target(set2)

    if target1 == target2,
      do: target1.subset?(set1, set2),
      else: do_subset?(target2, set1, set2)
  end

  @deprecated @message
  def intersection(set1, set2) do
    target1 = target(set1)
    target2 = target(set2)

    if target1 == target2 do
      target1.intersection(set1, set2)
    else
      Enumerable.reduce(set1, {:cont, target1.new}, fn v, acc ->
        {:cont, if(target2.member?(set2, v), do: target1.put(acc, v), else: acc)}
      end)
      |> elem(1)
    end
  end

  @deprecated @message
  def union(set1, set2) do
    target1 = target(set1)
    target2 = target(set2)

    if target1 == target2 do
      target1.union(set1, set2)
    else
      Enumerable.reduce(set2, {:cont, set1}, fn v, acc -> {:cont, target1.put(acc, v)} end)
      |> elem(1)
    end
  end

  defp do_subset?(target2, set1, set2) do
    Enumerable.reduce(set1, {:cont, true}, fn member, acc ->
      if target2.member?(set2, member) == true, do: {:cont, acc}, else: {:halt, false}
    end)
    |> elem(1)
  end
end
