# An error in the function given to an Enum function over a list: the library frames
# carry Elixir 1.14's names, files and lines, which ExUnit prints in a failure.
defmodule B do
  def boom(_), do: raise("x")
  def boom(_, _), do: raise("x")
end
l = [1, 2]
cases = [
  map: fn -> Enum.map(l, &B.boom/1) end,
  reduce: fn -> Enum.reduce(l, 0, &B.boom/2) end,
  each: fn -> Enum.each(l, &B.boom/1) end,
  filter: fn -> Enum.filter(l, &B.boom/1) end,
  reject: fn -> Enum.reject(l, &B.boom/1) end,
  flat_map: fn -> Enum.flat_map(l, &B.boom/1) end,
  find: fn -> Enum.find(l, &B.boom/1) end,
  all: fn -> Enum.all?(l, &B.boom/1) end,
  any: fn -> Enum.any?(l, &B.boom/1) end,
  with_index: fn -> Enum.with_index(l) |> Enum.map(&B.boom/1) end,
  for: fn -> for x <- l, do: B.boom(x) end,
  uniq_by: fn -> Enum.uniq_by(l, &B.boom/1) end,
  zip_with: fn -> Enum.zip_with(l, l, &B.boom/2) end,
  map_reduce: fn -> Enum.map_reduce(l, 0, &B.boom/2) end,
]
for {name, f} <- cases do
  try do f.() rescue _ ->
    fr = for {m, f, a, loc} <- __STACKTRACE__, m in [Enum, :lists, Stream, Enumerable, Enumerable.List, Map, Enumerable.Map], do: {m, f, a, loc[:file], loc[:line]}
    IO.inspect({name, fr})
  end
end
