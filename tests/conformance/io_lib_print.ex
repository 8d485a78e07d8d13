# :io_lib.print/4: ~p's layout from a column, within a line length, to a depth.
t = {:config, [name: "server", ports: Enum.to_list(8000..8030), opts: %{a: 1, b: [1, 2, 3], c: "text"}], {:nested, {:deep, {:deeper, [1, 2]}}}}
for {c, l, d} <- [{1, 80, -1}, {10, 80, -1}, {1, 80, 3}, {1, 60, 5}] do
  IO.puts(:io_lib.print(t, c, l, d))
  IO.puts("--")
end
IO.puts(:io_lib.print('text', 1, 80, -1))
IO.puts(:io_lib.print([1, 2, 3], 1, 80, 2))
