# The frame of a missing function holds its arguments, as on the BEAM.
defmodule M do
  def f, do: :ok
end
for {m, f, a} <- [{M, :g, [1]}, {M, :nope, []}, {Nope, :x, [1, 2]}, {:lists, :nope, [:a]}] do
  try do
    apply(m, f, a)
  rescue
    e -> IO.inspect(hd(__STACKTRACE__)); IO.puts(Exception.message(e))
  end
end
try do
  M.g(1, 2)
rescue
  e -> IO.inspect(hd(__STACKTRACE__)); IO.puts(Exception.message(e))
end
try do
  f = &M.zz/1
  f.(3)
rescue
  e -> IO.inspect(hd(__STACKTRACE__)); IO.puts(Exception.message(e))
end
