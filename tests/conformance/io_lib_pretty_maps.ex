data = %{users: [%{name: "ann", roles: [:admin, :dev], meta: %{age: 31, langs: ["elixir", "erlang", "rust"]}}, %{name: "bob", roles: [], meta: %{}}], total: 2}
for d <- [1, 2, 3, 4, 5, 6, 8, 20] do
  :io.format("~P~n", [data, d])
end
:io.format("~p~n", [data])
big = Map.new(1..12, fn i -> {i, String.duplicate("x", i)} end)
:io.format("~p~n", [big])
:io.format("~P~n", [big, 5])
:io.format("~P~n", [[big, {big}], 4])
:io.format("~W~n", [big, 5])
:io.format("~p~n", [Map.new(1..30, fn i -> {i, i} end)])
:io.format("~p~n", [%{a: 1, b: [1, 2, 3], c: "str", d: {1, 2}, e: 1111111111111, f: 22222222222222, g: 3333333333333}])
:io.format("~p~n", [%{a: %{x: 1}, b: [1, 2, 3], c: "str", d: {1, 2}, e: 1111111111111, f: 22222222222222, g: 3333333333333}])
:io.format("~p~n", [%{{:tuple, :key} => "v", [1, 2] => :list_key, "a long binary key that takes room" => "and a long value that takes more room"}])
IO.puts(:io_lib.format("~P", [%{a: %{b: %{c: 1}}}, 3]))
:io.format("~40p~n", [%{alpha: 1, beta: 2, gamma: 3, delta: 4, epsilon: 5, zeta: 6, eta: 7}])
