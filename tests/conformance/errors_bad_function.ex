not_fun = :not_a_function
try do
  not_fun.(1)
rescue
  e in BadFunctionError ->
    IO.puts(Exception.message(e))
    IO.inspect(e)
end

num = 42
try do
  num.()
rescue
  e -> IO.puts(Exception.message(e))
end

two = fn a, b -> a + b end
try do
  two.(1)
rescue
  _e in BadArityError -> IO.puts("bad arity caught")
end

try do
  Enum.map([1], "string")
rescue
  e -> IO.puts(inspect(e.__struct__))
end
IO.puts("done")
