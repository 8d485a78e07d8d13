defmodule Rec do
  defmacro my_and(a, b) do
    quote do
      case unquote(a) do
        false -> false
        nil -> nil
        _ -> unquote(b)
      end
    end
  end

  defmacro all([x]), do: x
  defmacro all([x | rest]) do
    quote do: Rec.my_and(unquote(x), Rec.all(unquote(rest)))
  end

  defmacro countdown(0), do: :liftoff
  defmacro countdown(n) when is_integer(n) do
    quote do: [unquote(n) | List.wrap(Rec.countdown(unquote(n - 1)))]
  end

  defmacro unroll(n, do: body) do
    for _ <- 1..n, do: body
  end
end

defmodule RecUser do
  require Rec

  def run do
    IO.inspect(Rec.all([true, 1, :x]))
    IO.inspect(Rec.all([true, nil, :x]))
    IO.inspect(Rec.all([false]))
    IO.inspect(Rec.countdown(3))
    IO.inspect(Rec.unroll(3, do: :hi))
    IO.inspect(Macro.expand_once(quote(do: Rec.countdown(1)), __ENV__) |> Macro.to_string())
  end
end

RecUser.run()
