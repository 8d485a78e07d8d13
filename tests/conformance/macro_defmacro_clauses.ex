defmodule MC do
  defmacro kind(x) when is_integer(x), do: :int_literal
  defmacro kind(x) when is_binary(x), do: :string_literal
  defmacro kind(x) when is_atom(x), do: :atom_literal
  defmacro kind({name, _, ctx}) when is_atom(name) and is_atom(ctx), do: {:variable, name}
  defmacro kind({:+, _, [_, _]}), do: :addition
  defmacro kind(_other), do: :something_else

  defmacro with_default(a, b \\ 10) do
    quote do: unquote(a) + unquote(b)
  end

  defmacrop private_double(x) do
    quote do: unquote(x) * 2
  end

  def use_private(v), do: private_double(v) + 1

  defmacro count_args(args) when is_list(args), do: length(args)
  defmacro count_args(_), do: :not_a_list
end

defmodule MCUser do
  require MC

  def run do
    IO.inspect(MC.kind(1))
    IO.inspect(MC.kind("s"))
    IO.inspect(MC.kind(:a))
    IO.inspect(MC.kind(some_var))
    IO.inspect(MC.kind(1 + 2))
    IO.inspect(MC.kind([1]))
    IO.inspect(MC.kind(f(x)))
    IO.inspect(MC.with_default(1))
    IO.inspect(MC.with_default(1, 2))
    IO.inspect(MC.use_private(20))
    IO.inspect(MC.count_args([a, b, c]))
    IO.inspect(MC.count_args(x))
    IO.inspect(MC.__info__(:macros))
  end
end

MCUser.run()
