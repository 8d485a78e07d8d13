defmodule String do
  def split_at(s, n), do: {String.slice(s, 0, n), String.slice(s, n, String.length(s))}

  @doc "Whether `string` matches `regex`."
  def match?(string, regex) when is_binary(string), do: Regex.match?(regex, string)

  @doc """
  Whether the first `limit` characters of `string` are printable: valid
  UTF-8, no control characters but `\\a\\b\\t\\n\\v\\f\\r\\e` and DEL.
  """
  def printable?(string, limit \\ :infinity)

  def printable?(string, limit)
      when is_binary(string) and (limit == :infinity or (is_integer(limit) and limit >= 0)),
      do: :beamlet.string_printable(string, limit)
end
