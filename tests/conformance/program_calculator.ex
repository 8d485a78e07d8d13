defmodule Calc do
  def eval({:num, n}, _env), do: n
  def eval({:var, name}, env) do
    case env do
      %{^name => v} -> v
      _ -> raise ArgumentError, "unbound variable #{name}"
    end
  end
  def eval({:add, a, b}, env), do: eval(a, env) + eval(b, env)
  def eval({:sub, a, b}, env), do: eval(a, env) - eval(b, env)
  def eval({:mul, a, b}, env), do: eval(a, env) * eval(b, env)
  def eval({:div, a, b}, env), do: eval(a, env) / eval(b, env)
  def eval({:let, name, val, body}, env), do: eval(body, Map.put(env, name, eval(val, env)))

  def show({:num, n}), do: to_string(n)
  def show({:var, v}), do: to_string(v)
  def show({:let, n, v, b}), do: "let #{n} = #{show(v)} in #{show(b)}"
  def show({op, a, b}), do: "(#{show(a)} #{sym(op)} #{show(b)})"
  defp sym(:add), do: "+"
  defp sym(:sub), do: "-"
  defp sym(:mul), do: "*"
  defp sym(:div), do: "/"
end

exprs = [
  {:add, {:num, 1}, {:mul, {:num, 2}, {:num, 3}}},
  {:div, {:num, 7}, {:num, 2}},
  {:let, :x, {:num, 5}, {:mul, {:var, :x}, {:var, :x}}},
  {:sub, {:var, :y}, {:num, 1}},
  {:div, {:num, 1}, {:num, 0}},
  {:mul, {:num, 1.5}, {:num, 4}}
]

for e <- exprs do
  result =
    try do
      inspect(Calc.eval(e, %{}))
    rescue
      err in ArgumentError -> "error: " <> Exception.message(err)
      err in ArithmeticError -> "arith: " <> Exception.message(err)
    end
  IO.puts("#{Calc.show(e)} => #{result}")
end
