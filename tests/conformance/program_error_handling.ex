defmodule Parser do
  def parse_int(s) do
    case Integer.parse(s) do
      {n, ""} -> {:ok, n}
      {_, rest} -> {:error, "trailing garbage: #{inspect(rest)}"}
      :error -> {:error, "not a number: #{inspect(s)}"}
    end
  end

  def parse_all(list) do
    Enum.reduce_while(list, {:ok, []}, fn s, {:ok, acc} ->
      case parse_int(s) do
        {:ok, n} -> {:cont, {:ok, [n | acc]}}
        err -> {:halt, err}
      end
    end)
    |> case do
      {:ok, acc} -> {:ok, Enum.reverse(acc)}
      err -> err
    end
  end
end

IO.inspect(Parser.parse_all(["1", "22", "333"]))
IO.inspect(Parser.parse_all(["1", "2x", "3"]))
IO.inspect(Parser.parse_all(["1", "", "3"]))

errors = [
  fn -> 1 / 0 end,
  fn -> hd([]) end,
  fn -> String.to_integer("abc") end,
  fn -> Map.fetch!(%{a: 1}, :b) end,
  fn -> elem({1, 2}, 5) end,
  fn -> raise "custom" end,
  fn -> raise ArgumentError, "bad arg" end,
  fn -> throw(:thrown) end,
  fn -> exit(:exited) end,
  fn -> :erlang.error(:raw) end,
  fn -> List.first(:not_a_list) end,
  fn -> Enum.at(nil, 1) end,
  fn -> String.upcase(nil) end,
  fn -> apply(Kernel, :length, [1]) end,
  fn -> Keyword.fetch!([a: 1], :z) end,
  fn -> <<x::8>> = <<1, 2>>; x end,
  fn -> Integer.parse(12) end,
  fn -> struct!(URI, nope: 1) end
]

for f <- errors do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  catch
    kind, value -> IO.puts("caught #{kind}: #{inspect(value)}")
  end
end

result =
  try do
    raise "x"
  rescue
    _ -> :rescued
  after
    IO.puts("after runs")
  end

IO.inspect(result)
Enum.each(["x", "10", "-3"], fn s -> IO.puts(String.to_integer(s) * 2) end)
