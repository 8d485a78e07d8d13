defmodule EvalMod do
  def f(x), do: x * 100
end

IO.inspect(Code.eval_string("EvalMod.f(2)"))
IO.inspect(Code.eval_string("[a | b]", a: 1, b: [2, 3]))
IO.inspect(Code.eval_string("case v do {:ok, x} -> x; _ -> :no end", v: {:ok, 9}))
IO.inspect(Code.eval_string("import String; upcase(\"q\")"))
IO.inspect(Code.eval_string("alias String, as: S; S.reverse(\"ab\")") |> elem(0))
IO.inspect(Code.eval_string("fn x -> x + n end.(1)", n: 10) |> elem(0))
IO.inspect(Code.eval_string("for i <- 1..3, do: i * k", k: 2) |> elem(0))
{_, b} = Code.eval_string("new_var = 1; other = new_var + 1")
IO.inspect(Enum.sort(b))
IO.inspect(Code.eval_string("\"interp \#{1 + 1}\"") |> elem(0))
ast = quote do
  x = 1
  y = 2
  x + y + unquote(Macro.var(:z, nil))
end
{r, bind} = Code.eval_quoted(ast, z: 3)
IO.inspect(r)
IO.inspect(Keyword.get(bind, :z))
IO.inspect(Code.eval_string("__MODULE__"))
q = Code.string_to_quoted!("a + b")
IO.inspect(Code.eval_quoted(q, a: 1, b: 2) |> elem(0))
IO.inspect(Code.eval_string(":ok"))
try do
  Code.eval_string("raise \"from eval\"")
rescue
  e -> IO.inspect(e)
end
try do
  Code.string_to_quoted!("1 + (")
rescue
  e -> IO.inspect(e.__struct__)
end
