# A BIF's badarg explanation stays out of the stack trace's frames: the top
# frame is the call that failed; messages of :counters/:atomics/:ets errors.
import Bitwise

defmodule Remote do
  def bad(x), do: x.foo()
  def bad_args(x), do: x.foo(1, 2)

  def show(fun, caller? \\ true) do
    try do
      fun.()
    rescue
      e ->
        [{m, f, a, _} | rest] = __STACKTRACE__
        IO.inspect({e.__struct__, m, f, a})
        IO.puts(Exception.message(e))
        if caller?, do: IO.inspect(match?([{Remote, _, 1, [file: _, line: _]} | _], rest), label: "caller frame next")
    end
  end
end

Remote.show(fn -> Remote.bad(1) end)
Remote.show(fn -> Remote.bad_args("s") end)
Remote.show(fn -> apply(Remote, :bad, [1]) end)
Remote.show(fn -> :erlang.atom_to_binary(String.to_integer("1")) end, false)

# Re-raised with the same trace: the same message.
try do
  try do
    Remote.bad(2)
  catch
    kind, reason -> :erlang.raise(kind, reason, __STACKTRACE__)
  end
rescue
  e -> IO.puts("again: " <> Exception.message(e))
end

for m <- [:counters, :atomics],
    args <- [[123_456_789_123_456_789_123_456_789, []], [1 <<< 61, []], [0, []], [:a, []], [1, :x], [1, [:bad]], [1.0, []]] do
  try do
    IO.inspect(elem(apply(m, :new, args), 0))
  rescue
    e -> IO.puts("#{m} #{inspect(args)}: #{inspect(e.__struct__)} #{Exception.message(e)}")
  end
end

for o <- [[], [:atomics], [:write_concurrency], [:atomics, :atomics], [:write_concurrency, :atomics], [:atomics | :x]] do
  try do
    IO.inspect({o, elem(:counters.new(2, o), 0)})
  rescue
    e -> IO.inspect({o, Exception.message(e)})
  end
end

t = :ets.new(:t, [])

for args <- [[:nope, 1], [:nope, {}], [:nope, [1]], [:nope, [{1}]], [t, 1], [t, [{1}, 2]], [t, [{1} | 2]]],
    fun <- [:insert, :insert_new] do
  try do
    IO.inspect(apply(:ets, fun, args))
  rescue
    e -> IO.puts("#{fun}: #{Exception.message(e)}")
  end
end
