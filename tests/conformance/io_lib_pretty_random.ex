# `~p`/`~P`/`~tp` layouts of seeded random terms (nested lists, tagged and
# plain tuples, small maps, keyword lists, strings, charlists, binaries of
# bytes, floats) in several line lengths and columns: io_lib_pretty's
# rules all at once (atomic items filling lines, TInd, binaries broken
# over lines, `...` after cut terms, last-item depths).
defmodule Gen do
  def term(0), do: leaf()

  def term(d) do
    case :rand.uniform(9) do
      1 -> Enum.map(1..:rand.uniform(6), fn _ -> term(d - 1) end)
      2 -> List.to_tuple([Enum.random([:ok, :error, :tag, :a_longer_tag, :x]) | Enum.map(1..:rand.uniform(5), fn _ -> term(d - 1) end)])
      3 -> List.to_tuple(Enum.map(1..:rand.uniform(4), fn _ -> term(d - 1) end))
      4 -> Map.new(1..:rand.uniform(4), fn i -> {Enum.random([:"k#{i}", "s#{i}", i]), term(d - 1)} end)
      5 -> Enum.map(1..:rand.uniform(8), fn i -> {:"key#{i}", term(d - 1)} end)
      _ -> leaf()
    end
  end

  def leaf do
    case :rand.uniform(8) do
      1 -> Enum.random([:rand.uniform(100_000), "héllo wörld", 'ünï', <<200, 201>>])
      2 -> String.duplicate("s", :rand.uniform(30))
      3 -> Enum.random([:atom, :another_atom, nil, true])
      4 -> 'chars'
      5 -> Float.round(:rand.uniform() * 1000, 3)
      6 -> :binary.copy(<<1, 2>>, :rand.uniform(20))
      7 -> []
      _ -> {}
    end
  end
end

:rand.seed(:exsss, {11, 12, 13})

for i <- 1..60 do
  t = Gen.term(Enum.random(2..5))
  w = Enum.random([12, 20, 33, 40, 60, 80])
  IO.puts("--- #{i} w=#{w}")
  :io.format("~#{w}p~n", [t])
  if rem(i, 2) == 0, do: :io.format("~#{w}.5tp~n", [t])
  if rem(i, 3) == 0, do: :io.format("~#{w}P~n", [t, Enum.random(2..6)])
end
