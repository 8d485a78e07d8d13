# compile error: a list literal as a bitstring segment
defmodule Packet do
  def header, do: <<[1, 2], 0>>
end
