# modules whose __struct__/0,1 return no struct of their own: the errors of
# %Mod{} (expression and pattern), struct/1,2 and struct!/1
defmodule MissingKey do
  def __struct__, do: %{}
  def __struct__(_), do: %{}
end
defmodule BadType do
  def __struct__, do: :invalid
  def __struct__(_), do: :invalid
end
defmodule BadName do
  def __struct__, do: %{__struct__: InvalidName}
  def __struct__(_), do: %{__struct__: InvalidName}
end
for m <- [MissingKey, BadType, BadName] do
  for src <- ["%#{inspect(m)}{}", "%#{inspect(m)}{} = %{}"] do
    try do
      Code.eval_string(src)
    rescue
      e -> IO.inspect(e.__struct__); IO.puts(Exception.message(e))
    end
  end
  for f <- [fn -> struct(m) end, fn -> struct(m, foo: 1) end, fn -> struct!(m) end] do
    try do
      f.()
    rescue
      e -> IO.inspect(e.__struct__); IO.puts(Exception.message(e))
    end
  end
end
