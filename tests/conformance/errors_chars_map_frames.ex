# Frames of a value without String.Chars (interpolation, to_string/1,
# Enum.join/1,2 of a list), of a list that is not chardata, and of a
# callback raising in Enum.map/2 over a range, Enum.sort_by/2 and
# Enum.map_join/3, as Exception.format shows them.
defmodule Shape do
  def area({:square, s}) when s > 0, do: s * s
  def area(other), do: raise(ArgumentError, "no area for #{inspect(other)}")
end

defmodule Show do
  def run(label, fun) do
    try do
      fun.()
      IO.puts("#{label}: ok")
    rescue
      e -> IO.puts("#{label}:\n" <> Exception.format(:error, e, __STACKTRACE__))
    end
  end
end

Show.run("interpolate map", fn -> IO.puts("value: #{%{a: 1}}") end)
Show.run("to_string tuple", fn -> "x" <> to_string({1, 2}) end)
Show.run("interpolate in map/2", fn -> Enum.map([1, 2], &("#{&1}" <> to_string(%{x: &1}))) end)
Show.run("bitstring", fn -> IO.puts("#{<<1::3>>}") end)
Show.run("list of tuples", fn -> IO.puts("#{[1, {2}]}") end)
Show.run("String.Chars.to_string", fn -> String.Chars.to_string(%{}) end)
Show.run("to_charlist", fn -> IO.inspect(to_charlist({1})) end)
Show.run("join", fn -> IO.puts(Enum.join([1, {2}])) end)
Show.run("join comma", fn -> IO.puts(Enum.join([1, {2}], ", ")) end)
Show.run("join one", fn -> IO.puts(Enum.join([{2}], ", ")) end)
Show.run("join fine", fn -> IO.puts(Enum.join([1, :a, "b", 2.5, 'cd'], "|")) end)
Show.run("map range", fn -> Enum.map(1..5, &Shape.area({:square, 3 - &1})) end)
Show.run("map range fn", fn -> Enum.map(1..3, fn x -> 10 / (x - 2) end) end)
Show.run("map range down", fn -> IO.inspect(Enum.map(5..1//-2, &(&1 * 2))) end)
Show.run("map range empty", fn -> IO.inspect(Enum.map(1..0//1, &(&1 * 2))) end)
Show.run("map list", fn -> Enum.map([{:square, 1}, :circle], &Shape.area/1) end)
Show.run("each range", fn -> Enum.each(1..3, fn x -> if x == 2, do: raise("two") end) end)
Show.run("reduce range", fn -> Enum.reduce(1..3, 0, fn x, acc -> if x == 3, do: raise("boom"), else: acc + x end) end)
Show.run("sort_by", fn -> Enum.sort_by([3, 1, :x], fn x -> -x end) end)
Show.run("map_join middle", fn -> Enum.map_join([1, 2, 3], ", ", fn x -> if x == 2, do: {x}, else: x end) end)
Show.run("map_join last", fn -> Enum.map_join([1, {2}], ", ", & &1) end)
Show.run("map_join first", fn -> Enum.map_join([{1}, 2, 3], "", & &1) end)
Show.run("map_join fine", fn -> IO.puts(Enum.map_join([1, 2, 3], "-", &(&1 * 10))) end)
Show.run("map_intersperse", fn -> Enum.map_intersperse([1, 2, 0], :sep, &div(10, &1)) end)
