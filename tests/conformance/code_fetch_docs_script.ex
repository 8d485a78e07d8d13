# Code.fetch_docs/1 of a module defined in a script (compiled in memory,
# no .beam file) is {:error, :module_not_found}, as in Elixir, though it
# has @moduledoc and @doc; a library module has its docs, an OTP one none.
defmodule Documented do
  @moduledoc "A documented module."

  @doc "Doubles."
  def double(x), do: x * 2
end

IO.inspect(Code.fetch_docs(Documented))
IO.inspect(Documented.double(2))
IO.inspect(:code.which(Documented))
IO.inspect(Code.fetch_docs(NotAModule))
IO.inspect(Code.fetch_docs(:lists))
{:docs_v1, _, :elixir, "text/markdown", %{"en" => moduledoc}, _, docs} = Code.fetch_docs(Enum)
IO.inspect(is_binary(moduledoc))
IO.inspect(Enum.any?(docs, &match?({{:function, :map, 2}, _, _, _, _}, &1)))

{:module, mod, _, _} =
  Module.create(Created, quote(do: (@moduledoc "made"; def g, do: 2)), Macro.Env.location(__ENV__))

IO.inspect(Code.fetch_docs(mod))
