# Errors raised in callbacks of Enum, Map and List functions: the library frames.
ExUnit.start(seed: 0)

defmodule Scores do
  def best(list), do: Enum.find_value(list, fn {name, score} -> score > 10 && name end)
  def bump(map, key), do: Map.update(map, key, 1, &(&1 + 1))
  def index(list), do: Enum.into(list, %{}, fn x -> {x.id, x} end)
  def total(list), do: List.foldl(list, 0, fn x, acc -> x + acc end)
  def prefix(list), do: Enum.take_while(list, &(&1 + 1 < 3))
  def member(list), do: Enum.member?(list, 1)
  def size(x), do: Enum.count(x)
  def new(list), do: Map.new(list, fn x -> {x, x * 2} end)
end

defmodule CallbackFramesTest do
  use ExUnit.Case

  test "find_value", do: assert(Scores.best([{"a", nil}]) == "a")
  test "Map.update", do: assert(Scores.bump(%{a: "1"}, :a) == %{a: 2})
  test "Enum.into", do: assert(Scores.index([%{}]) == %{})
  test "List.foldl", do: assert(Scores.total([1, "2"]) == 3)
  test "take_while", do: assert(Scores.prefix([:b]) == [])
  test "member? of a non-enumerable", do: assert(Scores.member(:list))
  test "count of nil", do: assert(Scores.size(nil) == 0)
  test "Map.new", do: assert(Scores.new([:a]) == %{})
end
