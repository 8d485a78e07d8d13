IO.inspect Enum.into([<<1::1>>, <<0::2>>], <<>>)
IO.inspect Enum.into(["a", "b"], "x")
IO.inspect Enum.into([<<1::1>>], <<1::3>>)
IO.inspect for x <- [<<1::1>>, "a"], into: "", do: x
try do
  Enum.into([1], "")
rescue e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
