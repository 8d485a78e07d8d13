# compile error: a variable bound in a try's after block is not visible after the try
defmodule T do
  def f do
    try do
      1
    after
      y = 5
      IO.inspect(y)
    end
    y
  end
end
IO.inspect(T.f())
