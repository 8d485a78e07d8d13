defmodule RLE do
  def encode([]), do: []
  def encode([h | t]), do: encode(t, h, 1, [])
  defp encode([], cur, n, acc), do: Enum.reverse([{cur, n} | acc])
  defp encode([cur | t], cur, n, acc), do: encode(t, cur, n + 1, acc)
  defp encode([h | t], cur, n, acc), do: encode(t, h, 1, [{cur, n} | acc])

  def decode(pairs), do: for({c, n} <- pairs, _ <- 1..n, do: c)

  def to_text(pairs), do: pairs |> Enum.map(fn {c, n} -> "#{n}#{[c]}" end) |> Enum.join()
end

input = 'aaabccddddde'
enc = RLE.encode(input)
IO.inspect(enc)
IO.inspect(RLE.decode(enc))
IO.inspect(RLE.decode(enc) == input)
IO.puts(RLE.to_text(enc))
IO.inspect(RLE.encode([1, 1, 2, 3, 3, 3]))
IO.inspect(RLE.encode([]))
IO.inspect(RLE.encode([:x]))
