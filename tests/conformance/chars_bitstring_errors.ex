try do
  to_string(<<1::1>>)
rescue e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
try do
  to_charlist(<<1::1>>)
rescue e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
try do
  "#{<<1::1>>}"
rescue e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
