# IO.ANSI: the ANSI escape sequences (SGR attributes, colors, cursor moves)
# and `format/2`, which turns chardata holding sequence names (atoms) into
# chardata holding the sequences.
defmodule IO.ANSI do
  @moduledoc "Functionality to render ANSI escape sequences."

  # name => SGR parameter; each is a function returning "\e[<n>m".
  @sgr [
         reset: 0,
         bright: 1,
         faint: 2,
         italic: 3,
         underline: 4,
         blink_slow: 5,
         blink_rapid: 6,
         inverse: 7,
         reverse: 7,
         conceal: 8,
         crossed_out: 9,
         primary_font: 10
       ] ++
         for(n <- 1..9, do: {:"font_#{n}", n + 10}) ++
         [
           normal: 22,
           not_italic: 23,
           no_underline: 24,
           blink_off: 25,
           inverse_off: 27,
           reverse_off: 27
         ] ++
         Enum.flat_map(
           Enum.with_index([:black, :red, :green, :yellow, :blue, :magenta, :cyan, :white]),
           fn {color, i} ->
             [
               {color, 30 + i},
               {:"#{color}_background", 40 + i},
               {:"light_#{color}", 90 + i},
               {:"light_#{color}_background", 100 + i}
             ]
           end
         ) ++
         [
           default_color: 39,
           default_background: 49,
           framed: 51,
           encircled: 52,
           overlined: 53,
           not_framed_encircled: 54,
           not_overlined: 55
         ]

  @other [home: "\e[H", clear: "\e[2J", clear_line: "\e[2K"]

  for {name, code} <- @sgr do
    @doc "Sends the ANSI sequence `\\e[#{code}m`."
    def unquote(name)(), do: unquote("\e[#{code}m")
  end

  @doc "Sends the cursor home."
  def home, do: "\e[H"

  @doc "Clears the screen."
  def clear, do: "\e[2J"

  @doc "Clears the line."
  def clear_line, do: "\e[2K"

  @doc "Whether ANSI escapes are enabled (the `:ansi_enabled` setting of `:elixir`; off here)."
  def enabled?, do: false

  @doc "The colors `inspect` uses when `syntax_colors:` is on."
  def syntax_colors do
    [
      atom: :cyan,
      binary: :default_color,
      boolean: :magenta,
      charlist: :yellow,
      list: :default_color,
      map: :default_color,
      nil: :magenta,
      number: :yellow,
      string: :green,
      tuple: :default_color
    ]
  end

  @doc "Sets the foreground to one of the 256 colors (`0..255`)."
  def color(code) when code in 0..255, do: "\e[38;5;#{code}m"

  @doc "Sets the foreground to the RGB color `r`, `g`, `b` (each `0..5`)."
  def color(r, g, b) when r in 0..5 and g in 0..5 and b in 0..5, do: color(16 + 36 * r + 6 * g + b)

  @doc "Sets the background to one of the 256 colors (`0..255`)."
  def color_background(code) when code in 0..255, do: "\e[48;5;#{code}m"

  @doc "Sets the background to the RGB color `r`, `g`, `b` (each `0..5`)."
  def color_background(r, g, b) when r in 0..5 and g in 0..5 and b in 0..5,
    do: color_background(16 + 36 * r + 6 * g + b)

  @doc "Moves the cursor to `line`, `column`."
  def cursor(line, column) when is_integer(line) and line >= 0 and is_integer(column) and column >= 0,
    do: "\e[#{line};#{column}H"

  @doc "Moves the cursor up `lines` lines."
  def cursor_up(lines \\ 1) when is_integer(lines) and lines > 0, do: "\e[#{lines}A"

  @doc "Moves the cursor down `lines` lines."
  def cursor_down(lines \\ 1) when is_integer(lines) and lines > 0, do: "\e[#{lines}B"

  @doc "Moves the cursor right `columns` columns."
  def cursor_right(columns \\ 1) when is_integer(columns) and columns > 0, do: "\e[#{columns}C"

  @doc "Moves the cursor left `columns` columns."
  def cursor_left(columns \\ 1) when is_integer(columns) and columns > 0, do: "\e[#{columns}D"

  @doc """
  Turns `chardata` holding sequence names (atoms) into chardata with the
  sequences (or without them when `emit?` is false), with a reset at the end
  when a sequence was emitted.
  """
  def format(chardata, emit? \\ enabled?()) when is_boolean(emit?) do
    do_format(chardata, [], [], emit?, :maybe)
  end

  @doc "Like `format/2`, without the reset at the end."
  def format_fragment(chardata, emit? \\ enabled?()) when is_boolean(emit?) do
    do_format(chardata, [], [], emit?, false)
  end

  # `rest` holds the tails of the lists being walked; `reset` is `:maybe`
  # (format/2, nothing emitted yet), `true` (format/2, something emitted)
  # or `false` (format_fragment/2).
  # As in Elixir, a sequence name is only checked when it is emitted.
  defp do_format([term | tail], rest, acc, true, reset) when is_atom(term) do
    do_format(tail, rest, [acc | sequence(term)], true, reset && true)
  end

  defp do_format([term | tail], rest, acc, false, reset) when is_atom(term) do
    do_format(tail, rest, acc, false, reset && false)
  end

  defp do_format([term | tail], rest, acc, emit?, reset) when is_list(term) do
    do_format(term, [tail | rest], acc, emit?, reset)
  end

  defp do_format([term | tail], rest, acc, emit?, reset) do
    do_format(tail, rest, [acc, term], emit?, reset)
  end

  # An improper list's tail.
  defp do_format(term, rest, acc, emit?, reset) when not is_list(term) do
    do_format([term], rest, acc, emit?, reset)
  end

  defp do_format([], [next | rest], acc, emit?, reset), do: do_format(next, rest, acc, emit?, reset)
  defp do_format([], [], acc, true, true), do: [acc | "\e[0m"]
  defp do_format([], [], acc, _emit?, _reset), do: acc

  for {name, code} <- @sgr do
    defp sequence(unquote(name)), do: unquote("\e[#{code}m")
  end

  for {name, code} <- @other do
    defp sequence(unquote(name)), do: unquote(code)
  end

  defp sequence(other) do
    raise ArgumentError, "invalid ANSI sequence specification: #{inspect(other)}"
  end
end
