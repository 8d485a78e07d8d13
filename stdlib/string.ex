defmodule String do
  def split_at(s, n), do: {String.slice(s, 0, n), String.slice(s, n, String.length(s))}
end
