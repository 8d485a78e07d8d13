# A library function given a bad argument (often nil): Elixir's clauses, blamed.
ExUnit.start(seed: 0)

defmodule Words do
  def count(sentence), do: sentence |> String.downcase() |> String.split(" ") |> length()
  def shout(s), do: String.upcase(s)
  def size(s), do: String.length(s)
  def number(s), do: Integer.parse(s)
  def first_word(s), do: s |> String.split() |> List.first()
end

defmodule WordsTest do
  use ExUnit.Case

  test "count nil", do: assert(Words.count(nil) == 0)
  test "shout an atom", do: assert(Words.shout(:hi) == "HI")
  test "size of a number", do: assert(Words.size(12) == 2)
  test "parse nil", do: assert(Words.number(nil) == :error)
  test "slice", do: assert(String.slice(nil, 0, 2) == "")
  test "starts_with?", do: assert(String.starts_with?(nil, "a"))
  test "ok", do: assert(Words.first_word("a b") == "a")
end
