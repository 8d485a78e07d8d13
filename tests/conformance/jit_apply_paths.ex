defmodule A do
  def f(x), do: x + 1
end
defmodule L do
  def go(_m, 0, acc), do: acc
  def go(m, i, acc), do: go(m, i - 1, acc + m.f(i))
  def run do
    IO.inspect go(A, 100_000, 0)
    IO.inspect go(:erlang, 0, 0)
    try do
      go(Nope, 10, 0)
    rescue e -> IO.puts(Exception.message(e))
    end
    try do
      go(:not_loaded_mod, 10, 0)
    rescue e -> IO.puts(Exception.message(e))
    end
    try do
      go(String, 10, 0)
    rescue e -> IO.puts(Exception.message(e))
    end
    IO.inspect(for m <- [A, A], do: m.f(1))
    IO.inspect go(Integer, 0, 3)
  end
end
L.run
