# IO.ANSI.format/2 and format_fragment/2 with emit? false drop the sequence names
# without checking them (Elixir only looks a name up when it emits it).
IO.inspect(IO.ANSI.format([:bold, "y"], false))
IO.inspect(IO.ANSI.format_fragment([:no_such_color, "x", [:red, "z"]], false))
IO.inspect(IO.ANSI.format([:red, "a", :bright, "b"], true))
IO.inspect(IO.ANSI.format_fragment([:red, "a"], true))
IO.inspect(IO.ANSI.format(["plain"], true))
IO.inspect(IO.ANSI.format([], true))

for emit <- [true, false] do
  try do
    IO.inspect(IO.ANSI.format([:bold, "y"], emit))
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
