# The names stack traces give funs, as OTP's compiler numbers them: one
# count per function, the funs inside a fun before it, `for` generators and
# `&local/1` captures taking numbers too; a script's top level is
# `:elixir_compiler_0.__FILE__/1`.
defmodule Names do
  def top(f) do
    try do
      f.()
    rescue
      _ ->
        {m, n, a, _} = hd(__STACKTRACE__)
        {m, n, a}
    end
  end

  def nested do
    x = fn -> raise "a" end
    y = fn -> fn -> raise "b" end end
    z = fn -> raise "c" end
    [top(x), top(y.()), top(z)]
  end

  def comprehension do
    l = for i <- [1], do: fn -> raise "d#{i}" end
    m = fn -> raise "e" end
    [top(hd(l)), top(m)]
  end

  def two_generators do
    l = for i <- [1], j <- [2], do: fn -> raise "d#{i}#{j}" end
    r = for i <- [1], into: %{}, do: {i, fn -> raise "f" end}
    s = for i <- [1], reduce: [] do
      acc -> [fn -> raise "g#{i}" end | acc]
    end
    m = fn -> raise "e" end
    [top(hd(l)), top(r[1]), top(hd(s)), top(m)]
  end

  def captures do
    f = &fails/1
    g = &(&1 + 1)
    h = &String.upcase/1
    m = fn -> raise "e" end
    [top(fn -> f.(1) end), top(fn -> g.(:a) end), top(fn -> h.(1) end), top(m)]
  end

  def defaults(x \\ 1) do
    m = fn -> raise "e" end
    [top(m), x]
  end

  def in_enum do
    s = Enum.map([1, 2], fn i -> fn -> raise "s#{i}" end end)
    w = with {:ok, v} <- {:ok, fn -> raise "w" end}, do: v
    m = fn -> raise "e" end
    [top(hd(s)), top(w), top(m)]
  end

  def fails(x), do: raise("fails #{x}")

  # A fun's arity in a trace counts the free variables OTP's compiler passes
  # it: not those it folds into constants.
  def arities(p) do
    a = 1
    b = "s"
    c = [a, 2 * a]
    d = {1, :a}
    e = %{a: 1}
    f = 1..3
    g = -a
    h = 'cl'
    i = %{a: p}
    j = {:ok, p}
    k = "a#{1}"
    l = [c | c] ++ [1]

    for {name, f} <- [
          a: fn -> raise "#{inspect(a)}" end,
          b: fn -> raise "#{inspect(b)}" end,
          c: fn -> raise "#{inspect(c)}" end,
          d: fn -> raise "#{inspect(d)}" end,
          e: fn -> raise "#{inspect(e)}" end,
          f: fn -> raise "#{inspect(f)}" end,
          g: fn -> raise "#{inspect(g)}" end,
          h: fn -> raise "#{inspect(h)}" end,
          i: fn -> raise "#{inspect(i)}" end,
          j: fn -> raise "#{inspect(j)}" end,
          k: fn -> raise "#{inspect(k)}" end,
          l: fn -> raise "#{inspect(l)}" end,
          p: fn -> raise "#{inspect(p)}" end,
          ij: fn x -> raise "#{inspect({i, j, x})}" end,
          shadowed: fn p -> raise "#{inspect(p)}" end,
          pinned: fn ^p -> raise "pinned" end
        ] do
      {_, _, arity} =
        if name in [:ij, :shadowed, :pinned], do: top(fn -> f.(p) end), else: top(f)
      {name, arity}
    end
  end
end

IO.inspect(Names.nested())
IO.inspect(Names.comprehension())
IO.inspect(Names.two_generators())
IO.inspect(Names.captures())
IO.inspect(Names.defaults())
IO.inspect(Names.in_enum())
IO.inspect(Names.arities(5))

a = fn -> raise "top a" end
b = fn -> fn -> raise "top b" end end
IO.inspect(Names.top(a))
IO.inspect(Names.top(b.()))
IO.inspect(Names.top(fn -> Enum.map([1], fn _ -> raise "top c" end) end))

try do
  raise "at the top"
rescue
  _ -> IO.inspect(hd(__STACKTRACE__))
end

Process.flag(:trap_exit, true)
pid = spawn_link(fn -> raise "in a process" end)

receive do
  {:EXIT, ^pid, {e, trace}} -> IO.inspect({e, trace})
end
