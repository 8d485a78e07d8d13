try do
  line = "oops"
  quote(line: line, do: bar(1, 2, 3))
rescue e -> IO.inspect e
end
try do
  line = true
  quote(line: line, do: bar(1, 2, 3))
rescue e -> IO.inspect e
end
try do
  context = "oops"
  quote(context: context, do: bar)
rescue e -> IO.inspect e
end
try do
  context = nil
  quote(context: context, do: bar)
rescue e -> IO.inspect e
end
x = {:bar, [], [1, 2]}
IO.inspect quote(do: foo.unquote(x))
IO.inspect quote(do: foo.unquote({:bar, [], nil})())
try do
  quote(do: foo.unquote({:bar, [], [1, 2]})(3))
rescue e -> IO.inspect e
end
IO.inspect quote(do: foo.unquote(String))
IO.inspect quote(do: foo.unquote({:__aliases__, [], [:Bar, :Baz]}))
contents = [1, 2, 3]
IO.inspect quote(do: [unquote_splicing(contents) | [1, 2, 3]])
IO.inspect quote(do: [0, unquote_splicing(contents) | t])
IO.inspect quote(do: [0, unquote_splicing(contents) | [9]])
IO.inspect quote(do: [unquote_splicing(contents) | []])
