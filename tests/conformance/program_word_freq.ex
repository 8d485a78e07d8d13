defmodule WordFreq do
  @text """
  The quick brown fox jumps over the lazy dog. The dog barks!
  A fox, a dog, and a cat walk into a bar; the bartender says "What?"
  """

  def run do
    words =
      @text
      |> String.downcase()
      |> String.split(~r/[^a-z']+/, trim: true)

    IO.puts("Total words: #{length(words)}")
    IO.puts("Unique words: #{words |> Enum.uniq() |> length()}")

    words
    |> Enum.frequencies()
    |> Enum.sort_by(fn {w, c} -> {-c, w} end)
    |> Enum.take(5)
    |> Enum.each(fn {w, c} ->
      IO.puts(String.pad_trailing(w, 10) <> String.duplicate("*", c) <> " (#{c})")
    end)

    longest = Enum.max_by(words, &String.length/1)
    IO.puts("Longest: #{longest}")
    IO.inspect(Enum.group_by(words, &String.first/1) |> Map.take(["a", "t"]))
    :io.format("~-8s|~5.2f|~3..0B~n", ['left', 3.14159, 7])
    IO.puts(:io_lib.format("~p and ~w", [[1, 2], {:a, "b"}]))
    IO.inspect(String.split("a,b,,c", ",") |> Enum.reject(&(&1 == "")))
    IO.puts(Enum.map_join(1..5, ", ", &Integer.to_string/1))
  end
end

WordFreq.run()
