# Tasks in tests: awaiting results, a task that raises is reported by its exit.
ExUnit.start(seed: 0)

defmodule Parallel do
  def map(list, f), do: list |> Enum.map(&Task.async(fn -> f.(&1) end)) |> Enum.map(&Task.await/1)
end

defmodule TasksTest do
  use ExUnit.Case

  test "parallel map" do
    assert Parallel.map([1, 2, 3], &(&1 * 2)) == [2, 4, 6]
  end

  test "wrong result" do
    assert Parallel.map([1, 2], &(&1 + 1)) == [1, 2]
  end

  test "Task.async_stream" do
    results = 1..3 |> Task.async_stream(&(&1 * &1)) |> Enum.map(fn {:ok, v} -> v end)
    assert results == [1, 4, 10]
  end
end
