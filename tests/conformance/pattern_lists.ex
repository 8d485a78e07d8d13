[h | t] = [1, 2, 3]
IO.inspect(h)
IO.inspect(t)
[a, b | rest] = [:a, :b, :c, :d]
IO.inspect({a, b, rest})
[x | []] = [:solo]
IO.inspect(x)
[_, _, third | _] = [10, 20, 30, 40, 50]
IO.inspect(third)
[first, second] = [[1, 2], [3, 4]]
IO.inspect({first, second})
[[p | _], [_ | q]] = [[1, 2], [3, 4]]
IO.inspect({p, q})
[c1, c2 | _] = 'hello'
IO.inspect([c1, c2])
IO.inspect(c1)
[z | improper] = [1 | 2]
IO.inspect({z, improper})
IO.inspect([1 | [2 | [3 | []]]])
IO.inspect([1, 2 | [3]])

describe = fn
  [] -> "empty"
  [_] -> "one"
  [_, _] -> "two"
  [a, a | _] -> "starts with a pair of #{inspect(a)}"
  [_ | _] -> "many"
end

Enum.each([[], [1], [1, 2], [3, 3, 3], [1, 2, 3]], fn l -> IO.puts(describe.(l)) end)
'ab' ++ rest2 = 'abcd'
IO.inspect(rest2)
[1, 2] ++ tail = [1, 2, 3, 4]
IO.inspect(tail)
