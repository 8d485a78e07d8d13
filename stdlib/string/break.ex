defmodule String.Break do
  @moduledoc false
  # Whitespace handling behind String.split/1, trim_leading/1 and
  # trim_trailing/1 (Elixir's errors name this module).

  def split(string) when is_binary(string), do: :beamlet.string_split_ws(string)

  def split(_string) do
    raise ArgumentError,
          "errors were found at the given arguments:\n\n  * 1st argument: not a binary\n"
  end

  def trim_leading(string) when is_binary(string), do: :beamlet.string_trim_ws(string, :leading)

  def trim_trailing(string) when is_binary(string),
    do: :beamlet.string_trim_ws(string, :trailing)
end
