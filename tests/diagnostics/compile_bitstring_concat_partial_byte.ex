# compile error: a literal bitstring of 1 bit given to <>, which needs a binary
defmodule Flags do
  def tag(name), do: name <> <<1::1>>
end
