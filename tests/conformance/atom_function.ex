# Atom.to_string/to_charlist and Function.capture/info/identity
for a <- [:ok, :"héllo wörld", nil, true, Enum, :"with space", :""] do
  IO.inspect({Atom.to_string(a), Atom.to_charlist(a)})
end

defmodule Dummy do
  def zero?(0), do: true
  def zero?(_), do: false
  def three, do: 3
end

f = Function.capture(Dummy, :zero?, 1)
IO.inspect({is_function(f, 1), f.(0), f.(1)})
IO.inspect(Function.capture(Dummy, :three, 0).())
IO.inspect(Function.capture(String, :upcase, 1).("abc"))
IO.inspect(Function.info(&Dummy.zero?/1))
IO.inspect(Function.info(&String.length/1, :arity))
IO.inspect(Function.info(&Dummy.three/0, :type))
IO.inspect(Function.info(fn x -> x end, :arity))
IO.inspect(Function.info(fn x, y -> x + y end, :type))
IO.inspect(Function.info(fn -> 1 end) |> Keyword.keys() |> Enum.sort())
IO.inspect(Enum.map([1, :a, "b"], &Function.identity/1))

for f <- [fn -> Atom.to_string("a") end, fn -> Atom.to_charlist(1) end, fn -> Function.capture(Dummy, :zero?, -1) end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
