defmodule Ex do
  defmacro double(x), do: quote(do: unquote(x) * 2)
  defmacro quad(x), do: quote(do: Ex.double(Ex.double(unquote(x))))
end

defmodule ExUser do
  require Ex

  def run do
    ast = quote(do: Ex.quad(5))
    once = Macro.expand_once(ast, __ENV__)
    IO.puts(Macro.to_string(once))
    full = Macro.expand(ast, __ENV__)
    IO.puts(Macro.to_string(full))
    IO.inspect(Macro.expand(quote(do: not_a_macro(1)), __ENV__))
    IO.inspect(Macro.expand(quote(do: __MODULE__), __ENV__))
    IO.puts(Macro.to_string(Macro.expand_once(quote(do: unless(a, do: b)), __ENV__)))
    IO.inspect(Macro.expand(1, __ENV__))
    IO.inspect(Macro.expand(quote(do: String), __ENV__))
    alias Some.Long.Name
    IO.inspect(Macro.expand(quote(do: Name), __ENV__))
    IO.inspect(Macro.expand(quote(do: Name.Sub), __ENV__))
  end
end

ExUser.run()
