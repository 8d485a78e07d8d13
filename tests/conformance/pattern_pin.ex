expected = :ok
^expected = :ok
IO.puts("pinned atom matched")

n = 3
case {1, 3} do
  {^n, _} -> IO.puts("first is n")
  {_, ^n} -> IO.puts("second is n")
  _ -> IO.puts("no n")
end

key = :name
%{^key => v} = %{name: "Ada", age: 36}
IO.inspect(v)

list = [1, 2]
[^list, other] = [[1, 2], :x]
IO.inspect(other)

f = fn
  ^n -> "got n=#{n}"
  other -> "got other #{other}"
end
IO.puts(f.(3))
IO.puts(f.(4))

x = 10
{x, ^x} = {20, 10}
IO.inspect(x)

check = fn val, target ->
  case val do
    ^target -> :same
    _ -> :different
  end
end
IO.inspect(check.(1, 1))
IO.inspect(check.(1, 1.0))
IO.inspect(check.("a", "a"))
IO.inspect(match?(^n, 3))
IO.inspect(match?(^n, 4))
