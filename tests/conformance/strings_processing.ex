defmodule Text do
  def word_count(text) do
    text
    |> String.downcase()
    |> String.split()
    |> Enum.reduce(%{}, fn w, acc -> Map.put(acc, w, Map.get(acc, w, 0) + 1) end)
  end

  def palindrome?(s) do
    clean = String.downcase(s)
    clean == String.reverse(clean)
  end

  def csv_sum(line) do
    line |> String.split(",") |> Enum.map(&String.trim/1) |> Enum.map(&String.to_integer/1) |> Enum.sum()
  end

  def banner(title) do
    line = String.duplicate("=", String.length(title) + 4)
    Enum.join([line, "| " <> String.upcase(title) <> " |", line], "\n")
  end
end

IO.inspect(Text.word_count("the cat and The hat and THE bat"))
IO.inspect(Enum.map(["Level", "hello", "Racecar", ""], &Text.palindrome?/1))
IO.inspect(Text.csv_sum("1, 2 ,3,  40"))
IO.puts(Text.banner("report"))
lines = String.split("alpha\nbeta\ngamma", "\n")
Enum.each(Enum.with_index(lines), fn {l, i} -> IO.puts("#{i + 1}: #{l}") end)
IO.inspect(Enum.filter(lines, &String.contains?(&1, "a")))
IO.inspect(Enum.filter(lines, &String.starts_with?(&1, "g")))
