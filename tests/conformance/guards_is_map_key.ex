# Kernel.is_map_key/2 takes the map first (the BIF :erlang.is_map_key/2
# takes the key first), in guards and in bodies.
defmodule T do
  def g(x) when is_map(x) and is_map_key(x, :k), do: {1, x}
  def g(_), do: :other
  def v(x) when :erlang.map_get(:k, x) > 1, do: :big
  def v(_), do: :small
end

IO.inspect(T.g(%{k: 1}))
IO.inspect(T.g(%{j: 1}))
IO.inspect(T.g(:k))
IO.inspect(T.v(%{k: 5}))
IO.inspect(T.v(%{k: 1}))
IO.inspect(T.v(%{j: 1}))
IO.inspect(is_map_key(%{k: 1}, :k))
IO.inspect(is_map_key(%{k: 1}, :j))
IO.inspect(:erlang.is_map_key(:k, %{k: 1}))
IO.inspect(:erlang.map_get(:k, %{k: 2}))

try do
  is_map_key(:notmap, :k)
rescue
  e -> IO.inspect(e)
end
