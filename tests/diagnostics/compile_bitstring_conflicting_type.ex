# compile error: a string literal segment given the integer type
defmodule Packet do
  def header, do: <<"GET"::integer, 0>>
end
