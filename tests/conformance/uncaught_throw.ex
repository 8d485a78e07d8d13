IO.puts("before throw")
IO.inspect(Enum.map([1, 2], &(&1 * 2)))
try do
  throw(:inner_ok)
catch
  v -> IO.inspect(v, label: "caught")
end
throw({:escaped, 42})
IO.puts("unreachable")
IO.inspect(:also_unreachable)
