# compile error: a literal string segment given a size
defmodule Header do
  def magic, do: <<"abc"::bits-size(23)>>
end
