defmodule Risky do
  def level3(x) when x > 2, do: raise(ArgumentError, "level3 got #{x}")
  def level3(x), do: x * 10
  def level2(x), do: level3(x) + 1
  def level1(x), do: level2(x) + 1

  def safe(x) do
    try do
      {:ok, level1(x)}
    rescue
      e in ArgumentError -> {:error, Exception.message(e)}
    end
  end

  def deep(0), do: raise("bottom reached")
  def deep(n), do: 1 + deep(n - 1)
end

IO.inspect(Risky.safe(1))
IO.inspect(Risky.safe(5))

result =
  try do
    try do
      raise "inner"
    rescue
      e in RuntimeError -> raise ArgumentError, "converted: " <> Exception.message(e)
    end
  rescue
    e in ArgumentError -> Exception.message(e)
  end
IO.puts(result)

r2 =
  try do
    try do
      throw(:deep)
    rescue
      _ -> :wrong_handler
    end
  catch
    :throw, v -> {:outer_catch, v}
  end
IO.inspect(r2)

r3 = try do
  Risky.deep(1000)
rescue
  e -> "deep: " <> Exception.message(e)
end
IO.puts(r3)

results = for x <- [1, 2, 3, 4] do
  try do
    if x == 3, do: raise("three"), else: x
  rescue
    _ -> :failed
  end
end
IO.inspect(results)
