# Stack trace entries of the library's modules are named with their
# application, as in Elixir: "(elixir 1.14.0) MapSet.nope(...)" for a
# missing function, "(stdlib 4.2) ..." for OTP's stdlib modules; a
# script's own modules and :erlang's built-ins have none.
defmodule Mine do
  def f(x), do: x
end

entries = [
  {MapSet, :split_with, [MapSet.new([1]), 2], []},
  {Enum, :map, 2, []},
  {String.Chars, :to_string, [{1}], []},
  {:lists, :nth, 2, []},
  {:erlang, :+, [:a, 1], []},
  {Mine, :f, 1, [file: 'x.ex', line: 3]},
  {Mine, :g, [1], []},
  {ExUnit.Assertions, :assert, 1, []},
  {NotLoaded, :x, 0, []}
]

Enum.each(entries, fn e -> IO.puts(Exception.format_stacktrace_entry(e)) end)

try do
  MapSet.nope(MapSet.new([:a]))
rescue
  e -> IO.puts(Exception.format(:error, e, Enum.take(__STACKTRACE__, 1)))
end
