# compile error: a variable bound in one cond clause's condition is not visible in another clause
defmodule T do
  def f(a) do
    cond do
      (x = a * 2) > 100 -> :big
      true -> x
    end
  end
end
IO.inspect(T.f(3))
