r =
  try do
    IO.puts("body")
    :body_value
  after
    IO.puts("after runs on success")
  end
IO.inspect(r)

r2 =
  try do
    raise "oops"
  rescue
    e -> {:rescued, Exception.message(e)}
  after
    IO.puts("after runs on error")
  end
IO.inspect(r2)

r3 =
  try do
    throw(:ball)
  catch
    x -> {:caught, x}
  after
    IO.puts("after runs on throw")
  end
IO.inspect(r3)

defmodule Cleanup do
  def run(f) do
    try do
      f.()
    after
      IO.puts("cleanup in Cleanup.run")
    end
  end
end

r4 =
  try do
    Cleanup.run(fn -> raise ArgumentError, "inner" end)
  rescue
    e in ArgumentError -> "outer rescued #{Exception.message(e)}"
  end
IO.puts(r4)

r6 =
  try do
    {:ok, 10}
  rescue
    _ -> :error
  else
    {:ok, n} -> n + 1
    _ -> :other
  after
    IO.puts("after with else")
  end
IO.inspect(r6)
