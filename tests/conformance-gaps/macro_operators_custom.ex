defmodule Ops do
  defmacro left ~> right do
    quote do: {:arrow, unquote(left), unquote(right)}
  end

  def a <~ b, do: {:back, a, b}

  defmacro left <|> right do
    quote do
      case unquote(left) do
        nil -> unquote(right)
        v -> v
      end
    end
  end

  def left +++ right, do: left ++ right ++ right
end

defmodule OpsUser do
  import Ops
  import Kernel, except: [+: 2]

  def a + b, do: {:plus, a, b}

  def run do
    IO.inspect(1 ~> 2)
    IO.inspect(:a ~> :b ~> :c)
    IO.inspect(1 <~ 2)
    IO.inspect(nil <|> :fallback)
    IO.inspect(:first <|> :fallback)
    IO.inspect([1] +++ [2])
    IO.inspect(1 + 2)
    IO.inspect(Kernel.+(1, 2))
    IO.inspect(quote(do: a ~> b))
    IO.inspect(quote(do: a <|> b <|> c))
  end
end

OpsUser.run()
