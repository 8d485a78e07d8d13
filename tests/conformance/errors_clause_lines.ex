# CaseClauseError and WithClauseError are raised at the line of the case / with, as in Elixir.
defmodule C do
  def f(x) do
    case x do
      1 -> :one
      2 -> :two
    end
  end
  def g(x) do
    cond do
      x == 1 -> :one
      x == 2 ->
        :two
    end
  end
  def h(x) do
    with {:ok, y} <- x,
         true <- y > 0 do
      y
    else
      :error -> :err
    end
  end
end
for {f, a} <- [f: 3, g: 3, h: {:ok, -1}] do
  try do
    apply(C, f, [a])
  rescue
    e -> IO.inspect({e, hd(__STACKTRACE__)})
  end
end
