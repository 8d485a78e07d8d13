# `in` with a list literal that has a tail (`[a, b | t]`) is :lists.member/2
# on it: found before the tail, or ArgumentError; :lists.member's own errors;
# guards refuse what is no compile-time list or range, as ArgumentError.
f = & &1
list = [1, 2, 3]
IO.inspect({2 in [1 | list], 3 in [1 | f.([2, 3])], :x in [1, 2 | f.([3, :x])], :x in [1, 2 | f.([3, 4])]})
IO.inspect(1 in [1 | f.(:a)])
IO.inspect(try do :x in [1, 2 | f.({3, 4})] rescue e -> e end)
IO.inspect(try do :x in [1 | f.([2 | 3])] rescue e -> e end)
IO.inspect(try do :lists.member(1, :a) rescue e -> e end)
IO.inspect(try do :lists.member(1, [2 | 3]) rescue e -> e end)
IO.inspect(:lists.member(2, [2 | 3]))
IO.inspect(try do :x in f.({3, 4}) rescue e -> e end)

defmodule InGuards do
  def tab(c) when c in [?\t | ' \n'], do: :space
  def tab(_), do: :other
end

IO.inspect(Enum.map(' a\t\n', &InGuards.tab/1))

for code <- [
      "defmodule E1 do\n def list, do: [1]\n def foo(x) when x in [1 | list()], do: :ok\nend",
      "defmodule E2 do\n def foo(x) when x in [1 | 1..3], do: :ok\nend",
      "defmodule E3 do\n def foo(x) when x in :hello, do: :ok\nend",
      "defmodule E4 do\n def foo(x, y) when x in y, do: :ok\nend",
      "defmodule E5 do\n range = 1..3\n def foo(x) when x in unquote(range), do: :ok\nend",
      "defmodule E6 do\n range = 1..9//2\n def foo(x) when x in unquote(range), do: :ok\nend"
    ] do
  try do
    Code.eval_string(code)
  rescue
    e in ArgumentError -> IO.puts(e.message)
  end
end
