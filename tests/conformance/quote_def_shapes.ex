defmodule QD do
  def show do
    [
      quote(do: def(f(x), do: x)),
      quote(do: defp(g, do: :g)),
      quote(do: defmacro(m(a), do: a)),
      quote(do: @attr 1),
      quote(do: alias(Foo.Bar)),
      quote(do: import(List, only: [first: 1])),
      quote(do: require(Logger)),
      quote(do: __MODULE__),
      quote(do: __ENV__),
      quote(do: unquote_splicing_not_here)
    ]
  end
end

Enum.each(QD.show(), &IO.inspect/1)
IO.inspect(quote(do: def(f(x), do: x)))
IO.inspect(quote(do: @attr 1))
IO.inspect(quote(do: alias(Foo.Bar)))
IO.inspect(quote(do: super(1)))
IO.inspect(quote(do: __CALLER__))
