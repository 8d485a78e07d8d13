IO.inspect(Code.eval_string("1 + 2"))
IO.inspect(Code.eval_string("a * b", a: 6, b: 7))
IO.inspect(Code.eval_string("x = 5; y = x * 2; {x, y}"))
{val, binding} = Code.eval_string("c = a + 1", a: 1)
IO.inspect(val)
IO.inspect(Enum.sort(binding))
IO.inspect(Code.eval_quoted(quote(do: 10 - 3)))
IO.inspect(Code.eval_quoted(quote(do: Enum.map([1, 2], &(&1 * 3)))))
IO.inspect(Code.eval_quoted({:+, [], [{:n, [], nil}, 1]}, n: 41))
IO.inspect(Code.string_to_quoted("foo(1, :a)"))
IO.inspect(Code.string_to_quoted!("x + y * 2"))
IO.inspect(Code.string_to_quoted!("Mod.call([1, 2])"))
IO.inspect(Code.string_to_quoted!("%{a: 1}"))
IO.inspect(Code.string_to_quoted("1 +"))
IO.inspect(Code.string_to_quoted("foo(") |> elem(0))
ast = Code.string_to_quoted!("fn a -> a * 10 end")
{f, _} = Code.eval_quoted(ast)
IO.inspect(f.(4))
IO.inspect(Code.eval_string("defmodule Dyn do\n def hi, do: :dyn_hi\nend\nDyn.hi()") |> elem(0))
IO.inspect(Dyn.hi())
try do
  Code.eval_string("1 / 0")
rescue
  e -> IO.inspect(e)
end
try do
  Code.eval_string("undefined_thing_here + 1")
rescue
  e -> IO.puts(e.__struct__)
end
