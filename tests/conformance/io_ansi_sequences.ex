# IO.ANSI's sequences, colors and cursor functions.
names = [
  :reset, :bright, :faint, :italic, :underline, :blink_slow, :blink_rapid, :inverse, :reverse,
  :conceal, :crossed_out, :primary_font, :font_1, :font_5, :font_9, :normal, :not_italic,
  :no_underline, :blink_off, :inverse_off, :reverse_off, :black, :red, :green, :yellow, :blue,
  :magenta, :cyan, :white, :default_color, :black_background, :white_background,
  :default_background, :light_black, :light_white, :light_red_background,
  :light_white_background, :framed, :encircled, :overlined, :not_framed_encircled,
  :not_overlined, :home, :clear, :clear_line
]

for name <- names, do: IO.puts("#{name} #{inspect(apply(IO.ANSI, name, []))}")

IO.inspect({IO.ANSI.color(0), IO.ANSI.color(42), IO.ANSI.color(255)})
IO.inspect({IO.ANSI.color(0, 4, 2), IO.ANSI.color(1, 1, 1), IO.ANSI.color(5, 5, 5)})
IO.inspect({IO.ANSI.color_background(42), IO.ANSI.color_background(5, 5, 5)})
IO.inspect({IO.ANSI.cursor(0, 0), IO.ANSI.cursor(11, 12)})
IO.inspect({IO.ANSI.cursor_up(), IO.ANSI.cursor_up(12), IO.ANSI.cursor_down(), IO.ANSI.cursor_down(2)})
IO.inspect({IO.ANSI.cursor_left(), IO.ANSI.cursor_left(3), IO.ANSI.cursor_right(), IO.ANSI.cursor_right(4)})

for f <- [
      fn -> IO.ANSI.color(256) end,
      fn -> IO.ANSI.color(-1) end,
      fn -> IO.ANSI.color(0, 6, 1) end,
      fn -> IO.ANSI.color_background(5, -1, 1) end,
      fn -> IO.ANSI.cursor(-1, 5) end,
      fn -> IO.ANSI.cursor_up(0) end,
      fn -> IO.ANSI.cursor_left(-1) end
    ] do
  try do
    f.()
  rescue
    e in FunctionClauseError -> IO.puts(Exception.message(e))
  end
end
