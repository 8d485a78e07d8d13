defmodule Q do
  def ctx_var(mod), do: quote(context: mod, do: x)

  defmacro remote(mod, name, arg) do
    quote do: unquote(mod).unquote(name)(unquote(arg))
  end
end

IO.inspect(Q.ctx_var(Some.Module))
IO.inspect(Q.ctx_var(:plain))
list = [1, 2, 3]
IO.inspect(quote(do: [unquote_splicing(list) | rest]))
IO.inspect(quote(do: [0, unquote_splicing(list) | rest]))
IO.inspect(quote(do: [unquote_splicing([:only]) | t]))
name = :dynamic
IO.inspect(quote(do: Mod.unquote(name)(1)))
IO.inspect(quote(do: unquote(name)(1, 2)))
IO.inspect(quote(do: :erlang.unquote(:abs)(-1)))
defmodule User do
  require Q
  def run, do: Q.remote(String, :upcase, "abc")
end

IO.inspect(User.run())
IO.inspect(Code.eval_quoted(quote(do: Kernel.unquote(:+)(1, 2))))
IO.inspect(quote(do: def(f(a) when a > 1, do: a)))
IO.inspect(quote(do: super(1, 2)))
