defmodule Temp do
  def to_f({:c, c}), do: c * 1.8 + 32
  def to_f({:k, k}), do: (k - 273.15) * 1.8 + 32
end

IO.puts(Temp.to_f({:c, 25}))
IO.puts(Temp.to_f({:c, 100}))
IO.puts(Temp.to_f({:f, 80}))
IO.puts("unreachable")
IO.puts(Temp.to_f({:k, 0}))
