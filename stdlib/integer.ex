defmodule Integer do
  def undigits(digits), do: Enum.reduce(digits, 0, fn d, acc -> acc * 10 + d end)
end
