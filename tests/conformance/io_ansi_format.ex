# IO.ANSI.format/2 and format_fragment/2 on chardata of every shape.
show = fn data -> IO.inspect(IO.chardata_to_string(data)) end

show.(IO.ANSI.format(:green, true))
show.(IO.ANSI.format(:green, false))
show.(IO.ANSI.format("Hello, world!", true))
show.(IO.ANSI.format([], true))
show.(IO.ANSI.format([:red, :bright], true))
show.(IO.ANSI.format(["Hello", ?,, 32, :red, "world!"], true))
show.(IO.ANSI.format(["Hello", ?,, 32, :red, "world!"], false))
show.(IO.ANSI.format(["Hello, ", ["nested", 32, :red, "world!"]], true))
show.(IO.ANSI.format(["Hello, ", :red, "world" | "!"], true))
show.(IO.ANSI.format([["Hello, " | :red], "world!" | :green], true))
show.(IO.ANSI.format([:red, "x", :reset], true))
show.(IO.ANSI.format([:home, :clear, :clear_line, "x"], true))
show.(IO.ANSI.format('charlist', true))
show.(IO.ANSI.format_fragment([:red, "Hello!"], true))
show.(IO.ANSI.format_fragment([:red, "Hello!"], false))
IO.inspect(IO.ANSI.format([:red, "x" | "y"], true))
IO.inspect(IO.ANSI.format(["a", :blue], false))
IO.inspect(IO.ANSI.format([:underline, :light_cyan_background, "z"], true))

for bad <- [[:brigh, "Hello!"], ["Hello!", nil], [:cursor, "x"], [:color, "x"]] do
  try do
    IO.ANSI.format(bad, true)
  rescue
    e in ArgumentError -> IO.puts(e.message)
  end
end

IO.inspect(IO.ANSI.enabled?())
IO.inspect(IO.ANSI.syntax_colors())
