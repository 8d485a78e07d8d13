# Macro: validate, pipe errors, decompose_call, atoms, expand_literal, struct!, unescape_string
try_it = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e in [ArgumentError, CompileError] -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

IO.inspect(Enum.map([1, :a, "s", {1, 2}, {:foo, [], []}, {:foo, [], 0}, {:foo, 0, []}, [1, {1}], %{}, &Enum.map/2, {:a, [], [{1, 2, 3, 4}]}], &Macro.validate/1))
IO.inspect(Macro.validate(fn -> 1 end) |> elem(0))

for call <- [quote(do: foo), quote(do: foo(1, 2)), quote(do: M.N.foo(1)), quote(do: :m.f()), quote(do: 1.(1)), quote(do: {:a, :b, :c}), quote(do: %{}), quote(do: "s")] do
  IO.inspect(Macro.decompose_call(call))
end

IO.inspect(Macro.pipe(1, quote(do: foo(2, 3)), 0))
IO.inspect(Macro.pipe(1, quote(do: foo(2, 3)), -1))
IO.inspect(Macro.pipe(1, quote(do: foo(2, 3)), -2))
IO.inspect(Macro.pipe(1, quote(do: foo.bar), 0))

for target <- [2, {2, 3}, quote(do: 1 + 1), quote(do: <<1>>), {:unquote, [], []}, quote(do: +1), quote(do: Env), quote(do: 2 && 3), quote(do: fn x -> x end), quote(do: &foo/1), quote(do: not x), quote(do: a..b)] do
  try_it.(fn -> Macro.pipe(1, target, 0) end)
end

for atom <- [:foo, :Foo, Foo.Bar, :foo?, :"foo bar", :foo@bar, :+, :"::", :"^^^", :.., :->, :"//", :when, nil, :"", :"Elixir.foo"] do
  IO.inspect({atom, Macro.classify_atom(atom), Macro.inspect_atom(:literal, atom), Macro.inspect_atom(:key, atom), Macro.inspect_atom(:remote_call, atom)})
end

IO.inspect(for op <- [:+, :.., :"..//", :->, :not, :when, :&, :foo], arity <- 0..3, Macro.operator?(op, arity), do: {op, arity})
IO.inspect(Enum.map([quote(do: Foo), quote(do: {1, 2, 3}), quote(do: %URI{}), quote(do: __MODULE__), quote(do: [a: x])], &Macro.quoted_literal?/1))

alias String, as: S
IO.inspect(Macro.expand_literal(quote(do: {S, S.Foo, %URI{path: S}}), __ENV__))
IO.inspect(Macro.expand_literal(quote(do: {x, S}), __ENV__))
IO.inspect(Macro.struct!(URI, __ENV__) |> Map.keys())

defmodule Shape do
  defstruct sides: 3, name: nil
  IO.inspect(Macro.struct!(Shape, __ENV__))
end

try_it.(fn -> Macro.struct!(String, %{__ENV__ | file: "shape.ex", line: 7}) end)

for string <- [~S"a\nb\tc", ~S"\x41\u00e9\u{1F600}", ~S"\e\s\d\0", "a\\\nb", ~S"\q\\", ~S"\x", ~S"\u{110000}"] do
  try_it.(fn -> Macro.unescape_string(string) end)
end

IO.inspect(Macro.unescape_string(~S"\n\t\x41", fn ?n -> ?N; :hex -> false; _ -> false end))
