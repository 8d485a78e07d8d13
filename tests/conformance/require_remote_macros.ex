defmodule Mac.Lib do
  defmacro unless_nil(v, do: block) do
    quote do
      case unquote(v) do
        nil -> nil
        _ -> unquote(block)
      end
    end
  end

  defmacro my_if(c, clauses) do
    t = Keyword.get(clauses, :do)
    e = Keyword.get(clauses, :else)
    quote do
      case unquote(c) do
        x when x in [false, nil] -> unquote(e)
        _ -> unquote(t)
      end
    end
  end

  def plain(x), do: {:plain, x}
end

defmodule Req1 do
  require Mac.Lib
  def a(v), do: Mac.Lib.unless_nil(v, do: {:got, v})
end

defmodule Req2 do
  require Mac.Lib, as: L
  def b(c) do
    L.my_if c do
      :yes
    else
      :no
    end
  end
  def c(x), do: L.plain(x)
end

defmodule Req3 do
  alias Mac.Lib
  require Lib
  def d(c), do: Lib.my_if(c, do: 1)
end

IO.inspect({Req1.a(nil), Req1.a(3)})
IO.inspect({Req2.b(true), Req2.b(nil), Req2.b(0)})
IO.inspect(Req2.c(:z))
IO.inspect({Req3.d(1), Req3.d(false)})
defmodule Top do
  require Mac.Lib
  def run, do: Mac.Lib.my_if(1 > 0, do: :top, else: :never)
end
IO.inspect(Top.run())
