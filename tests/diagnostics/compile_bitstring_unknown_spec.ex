# compile error: an unknown segment type
defmodule Packet do
  def header(x), do: <<x::integr>>
end
