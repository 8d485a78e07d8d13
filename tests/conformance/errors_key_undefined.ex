try do
  Map.fetch!(%{a: 1}, :z)
rescue
  e in KeyError ->
    IO.puts(Exception.message(e))
    IO.inspect({e.key, e.term})
end

m = %{a: 1}
try do
  %{m | b: 2}
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  m.missing
rescue
  e in KeyError -> IO.puts(Exception.message(e))
end

mod = NoSuchModule
try do
  mod.run()
rescue
  e in UndefinedFunctionError ->
    IO.puts(Exception.message(e))
    IO.inspect({e.module, e.function, e.arity})
end

defmodule Real do
  def here, do: :here
end

real = Real
try do
  real.not_here(1, 2)
rescue
  e -> IO.puts(Exception.message(e))
end
IO.inspect(real.here())
IO.puts("done")
