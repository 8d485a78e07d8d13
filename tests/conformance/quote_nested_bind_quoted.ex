# A quote with bind_quoted inside a macro's quote: its variables take the
# quote's meta (the expansion's counter), so the body sees them.
defmodule NestedBind do
  defmacro twice(arg) do
    quote bind_quoted: [arg: arg] do
      quote bind_quoted: [arg: arg], do: String.duplicate(arg, 2)
    end
  end

  defmacrop inner(arg) do
    quote bind_quoted: [arg: arg] do
      quote bind_quoted: [arg: arg], do: {arg, arg}
    end
  end

  defmacro __using__(_) do
    quote do
      def pair, do: unquote(inner(:x))
    end
  end
end

defmodule UseNestedBind do
  require NestedBind
  use NestedBind
  code = NestedBind.twice("ab")
  IO.inspect(Code.eval_quoted(code) |> elem(0))
end

IO.inspect(UseNestedBind.pair())
