pick = fn x ->
  case x do
    :a -> 1
    :b -> 2
  end
end

try do
  pick.(:c)
rescue
  e in CaseClauseError ->
    IO.puts(Exception.message(e))
    IO.inspect(e)
end

test = fn n ->
  cond do
    n > 10 -> :big
    n > 5 -> :medium
  end
end

IO.inspect(test.(7))
try do
  test.(1)
rescue
  e in CondClauseError ->
    IO.puts(Exception.message(e))
    IO.inspect(e)
end

try do
  with {:ok, x} <- {:ok, 1}, {:ok, y} <- {:error, x} do
    y
  else
    {:wrong, _} -> :no
  end
rescue
  e in WithClauseError -> IO.puts(Exception.message(e))
end

try do
  if pick.({:tuple, "x"}), do: :ok
rescue
  e -> IO.puts(Exception.message(e))
end
IO.puts("done")
