# reraise/2,3 keep the stacktrace they are given; :erlang.raise/3;
# `rescue e in _`.
defmodule Boom do
  def fail(x), do: raise(ArgumentError, "bad #{x}")
end

defmodule Wrap do
  def run(f) do
    try do
      f.()
    rescue
      e in _ ->
        {:rescued, e.__struct__, Exception.message(e)}
    end
  end
end

IO.inspect(Wrap.run(fn -> Boom.fail(1) end))
IO.inspect(Wrap.run(fn -> raise "plain" end))

trace =
  try do
    Boom.fail(2)
  rescue
    _ -> __STACKTRACE__
  end

[{mod, fun, arity, _} | _] = trace
IO.inspect({mod, fun, arity})

for attempt <- [
      fn -> reraise RuntimeError, [message: "again"], trace end,
      fn -> reraise "as a string", trace end,
      fn -> reraise %KeyError{key: :k, term: %{}}, trace end,
      fn -> reraise ArgumentError, "with message", trace end
    ] do
  try do
    attempt.()
  rescue
    e ->
      [{m, f, a, _} | _] = __STACKTRACE__
      IO.inspect({e.__struct__, Exception.message(e), {m, f, a}})
  end
end

try do
  :erlang.raise(:throw, :thrown, trace)
catch
  kind, value ->
    [{m, f, a, _} | _] = __STACKTRACE__
    IO.inspect({kind, value, {m, f, a}})
end

try do
  :erlang.raise(:exit, :gone, trace)
catch
  kind, value -> IO.inspect({kind, value, length(__STACKTRACE__) == length(trace)})
end
