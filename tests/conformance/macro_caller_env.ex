defmodule Info do
  defmacro where do
    mod = __CALLER__.module
    fun = __CALLER__.function
    line = __CALLER__.line
    file = Path.basename(__CALLER__.file)
    ctx = __CALLER__.context
    quote do
      {unquote(mod), unquote(fun), unquote(line), unquote(file), unquote(ctx)}
    end
  end

  defmacro own_env do
    m = __ENV__.module
    f = __ENV__.function
    quote do: {unquote(m), unquote(f)}
  end

  defmacro in_guard(x) do
    case __CALLER__.context do
      :guard -> quote(do: is_integer(unquote(x)))
      nil -> quote(do: {:runtime, unquote(x)})
    end
  end
end

defmodule Place do
  require Info

  def a, do: Info.where()
  def b(x), do: Info.where() |> Tuple.append(x)
  def c, do: Info.own_env()
  def d(x) when Info.in_guard(x), do: :guarded
  def d(_), do: :fallthrough
  def e(x), do: Info.in_guard(x)

  def env do
    e = __ENV__
    {e.module, e.function, e.line, Path.basename(e.file), e.context}
  end
end

IO.inspect(Place.a())
IO.inspect(Place.b(:arg))
IO.inspect(Place.c())
IO.inspect(Place.d(1))
IO.inspect(Place.d(:x))
IO.inspect(Place.e(5))
IO.inspect(Place.env())
IO.inspect({__ENV__.module, __ENV__.function, __ENV__.line})
IO.inspect(__MODULE__)
IO.inspect(Path.basename(__ENV__.file))
