# compile error: a literal <<>> segment given a size
defmodule Frame do
  def frame(x), do: <<(<<1, 2>>)::binary-size(2), x::binary>>
end
