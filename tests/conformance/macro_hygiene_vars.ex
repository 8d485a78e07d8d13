defmodule Hyg do
  defmacro set_x(v) do
    quote do
      x = unquote(v)
      x
    end
  end

  defmacro set_caller_x(v) do
    quote do
      var!(x) = unquote(v)
    end
  end

  defmacro read_caller_x do
    quote do: var!(x)
  end

  defmacro ctx_set(v) do
    quote do: var!(shared, Hyg) = unquote(v)
  end

  defmacro ctx_get do
    quote do: var!(shared, Hyg)
  end

  defmacro twice(expr) do
    quote do
      tmp = unquote(expr)
      tmp + tmp
    end
  end
end

defmodule User do
  require Hyg

  def run do
    x = 1
    y = Hyg.set_x(99)
    IO.inspect({x, y}, label: "hygienic")
    Hyg.set_caller_x(5)
    IO.inspect(x, label: "after var!")
    IO.inspect(Hyg.read_caller_x(), label: "read var!")
    Hyg.ctx_set(:hello)
    IO.inspect(Hyg.ctx_get(), label: "ctx var")
    tmp = 10
    IO.inspect(Hyg.twice(tmp + 1), label: "twice")
    IO.inspect(tmp, label: "tmp untouched")
    z = Hyg.twice(Hyg.twice(2))
    IO.inspect(z, label: "nested twice")
  end
end

User.run()
