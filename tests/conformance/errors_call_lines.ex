# A frame's line is the line of the call itself: a call nested in another call's
# arguments, a call piped on a later line, a multi-line call, as in Elixir.
defmodule L do
  def boom(x), do: raise(ArgumentError, "boom #{inspect(x)}")
  def piped(x) do
    x
    |> Enum.map(&(&1 * 2))
    |> L.boom()
    |> Enum.sum()
  end
  def nested(x) do
    Enum.join(
      L.boom(x),
      ",")
  end
  def remote(x) do
    [x]
    |> Enum.map(& &1)
    |> L.boom()
    |> length()
  end
  def anon(x) do
    f = &L.boom/1
    y =
      [f.(x)]
    y
  end
  def in_tuple(x) do
    {:ok,
     L.boom(x),
     :done}
  end
  def dynamic(m, x) do
    r = [m.boom(
      x)]
    r
  end
  def matched(x) do
    {:ok, y} =
      Map.fetch(x, :a)
    y
  end
  def cond_last(x) do
    cond do
      x == 1 -> :one
      x ==
        2
        ->
        :two
    end
  end
end
calls = [piped: [[1]], nested: [2], remote: [3], anon: [4], in_tuple: [5], dynamic: [L, 6],
  matched: [%{}], cond_last: [3]]
for {f, args} <- calls do
  try do
    apply(L, f, args)
  rescue
    e ->
      frames = for {L, name, arity, loc} <- __STACKTRACE__, do: {name, arity, loc[:line]}
      IO.inspect({f, Exception.message(e), frames})
  end
end
