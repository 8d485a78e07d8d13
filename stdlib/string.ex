defmodule String do
  def split_at(s, n), do: {String.slice(s, 0, n), String.slice(s, n, String.length(s))}

  @doc "Whether `string` matches `regex`."
  def match?(string, regex) when is_binary(string), do: Regex.match?(regex, string)
end
