# Depth-limited terms: `~W`, `~P`, `~tP` and `:io_lib.write/2` as OTP 25
# prints them (lists `[1,2|...]`, tuples `{1,...}`, maps, binaries and
# strings `<<"abcd"...>>`, charlists), with `~P`'s line breaking; and the
# float precisions OTP refuses.
terms = [
  [1, 2, 3, 4, 5, 6],
  [1, [2, [3, [4]]]],
  {1, {2, {3}}, 4, 5},
  %{a: [1, 2, 3], b: {"x", 'y'}, c: %{d: <<1, 2, 3>>}},
  [{:ok, "héllo wörld"}, {:error, [1, 2 | 3]}],
  ["abcdefghij", "x", 'chars', <<1, 2, 3::4>>, <<1::3>>, <<200, 201, 202, 203, 204>>],
  %{{1, 2} => [3, 4]},
  {"", [], {}, %{}, <<>>, :atom, 1.5}
]

for t <- terms, d <- [-1, 0, 1, 2, 3, 4, 6] do
  IO.puts("#{d} W: #{:io_lib.format('~W', [t, d])}")
  IO.puts("#{d} P: #{:io_lib.format('~P', [t, d])}")
  IO.puts("#{d} tP: #{:io_lib.format('~tP', [t, d])}")
  IO.puts("#{d} write: #{:io_lib.write(t, d)}")
end

IO.puts(:io_lib.format('~30P|~n', [Enum.to_list(1..40), 20]))
IO.puts(:io_lib.format('~-12W|~12W|~n', [[1, 2, 3], 3, {:a, :b, :c}, 3]))
:io.format("~P~n", [Enum.map(1..40, &{&1, "item#{&1}"}), 30])
IO.puts(:io_lib.format('~p ~tp ~w', ["", "", ""]))

for f <- ['~.0f', '~.0e', '~.1e', '~.2e', '~.0g', '~.1g', '~5.0f', '~.1f'] do
  r =
    try do
      :io_lib.format(f, [2.5]) |> to_string()
    rescue
      e -> inspect(e)
    end

  IO.puts("#{f}: #{r}")
end
