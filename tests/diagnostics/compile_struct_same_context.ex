# compile error: a struct used by the top-level code of the file that defines it
defmodule Point do
  defstruct [:x, :y]
end

IO.inspect(%Point{x: 1, y: 2})
