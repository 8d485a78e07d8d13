name = "Ada"
n = 3
IO.puts("Hello #{name}, you have #{n} new #{if n == 1, do: "message", else: "messages"}")
IO.puts("list: #{inspect([1, 2, 3])} map: #{inspect(%{a: 1})}")
IO.puts("tuple via inspect: #{inspect({:ok, "s"})}")
IO.puts("float #{1.5} int #{-2} big #{10 ** 25}")
IO.puts("atom #{:ok} bool #{true} nil [#{nil}]")
IO.puts("charlist #{'xyz'} iolist #{["a", ?b]}")
IO.puts("expr #{Enum.sum([1, 2, 3]) * 2}")
IO.puts("nested #{"level #{"two #{n + 1}"}"}")
IO.puts("#{name}#{name}")
IO.puts("escaped \#{name} and \\#{name}")
IO.puts("multi
line #{name}")
s = "#{n}"
IO.inspect(s)
IO.inspect(is_binary("#{1}"))
IO.inspect("a" <> "#{:b}" <> "c")
try do
  IO.puts("tuple #{{1, 2}}")
rescue
  e -> IO.puts("interpolating a tuple: #{inspect(e.__struct__)}")
end
try do
  IO.puts("map #{%{a: 1}}")
rescue
  e -> IO.puts(Exception.message(e))
end
