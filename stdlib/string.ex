defmodule String do
  def split_at(s, n), do: {String.slice(s, 0, n), String.slice(s, n, String.length(s))}

  @doc "Whether `string` matches `regex`."
  def match?(string, regex) when is_binary(string), do: Regex.match?(regex, string)

  @doc "`string` without the copies of `to_trim` at its end."
  def trim_trailing(string, to_trim) when is_binary(string) and is_binary(to_trim) do
    size = byte_size(string) - byte_size(to_trim)

    if to_trim != "" and size >= 0 and binary_part(string, size, byte_size(to_trim)) == to_trim do
      trim_trailing(binary_part(string, 0, size), to_trim)
    else
      string
    end
  end

  @doc """
  Whether the first `limit` characters of `string` are printable: valid
  UTF-8, no control characters but `\\a\\b\\t\\n\\v\\f\\r\\e` and DEL.
  """
  def printable?(string, limit \\ :infinity)

  def printable?(string, limit)
      when is_binary(string) and (limit == :infinity or (is_integer(limit) and limit >= 0)),
      do: :beamlet.string_printable(string, limit)
end
