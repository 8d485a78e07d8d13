defmodule Ret do
  defmacro lit_int, do: 42
  defmacro lit_list, do: [1, :two, "three"]
  defmacro lit_kw, do: [a: 1]
  defmacro lit_pair, do: {:ok, :pair}
  defmacro lit_atom, do: :an_atom
  defmacro lit_float, do: 2.5
  defmacro lit_nil, do: nil
  defmacro source(expr), do: Macro.to_string(expr)
  defmacro arg_count(args), do: length(args)
  defmacro ast_of(expr), do: Macro.escape(expr)
  defmacro compile_time_sum(a, b), do: a + b
  defmacro stringify_all(list) do
    Enum.map(list, &Macro.to_string/1)
  end
  defmacro bad_tuple, do: {1, 2, 3}
end

defmodule RetUser do
  require Ret

  def run do
    IO.inspect(Ret.lit_int())
    IO.inspect(Ret.lit_list())
    IO.inspect(Ret.lit_kw())
    IO.inspect(Ret.lit_pair())
    IO.inspect(Ret.lit_atom())
    IO.inspect(Ret.lit_float())
    IO.inspect(Ret.lit_nil())
    IO.inspect(Ret.source(foo(bar, 1 + 2)))
    IO.inspect(Ret.arg_count([a, b, c, d]))
    IO.inspect(Ret.ast_of(x + y))
    IO.inspect(Ret.compile_time_sum(20, 22))
    IO.inspect(Ret.stringify_all([a.b, c(), %{d: 1}]))
  end
end

RetUser.run()
try do
  Code.eval_string("require Ret; Ret.bad_tuple()")
rescue
  e -> IO.puts(Exception.message(e) |> String.split("\n") |> hd())
end
