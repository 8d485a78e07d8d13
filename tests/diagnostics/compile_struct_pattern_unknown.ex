# compile error: a struct pattern naming a module that defines no struct
defmodule Shapes do
  def area(%Circle{r: r}), do: 3 * r * r
end
