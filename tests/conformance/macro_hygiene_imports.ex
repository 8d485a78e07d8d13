defmodule Helpers do
  def helper(x), do: {:helper, x}
end

defmodule ImpMac do
  import Helpers

  defmacro call_helper(v) do
    quote do: helper(unquote(v))
  end

  defmacro uses_length(l) do
    quote do: length(unquote(l))
  end

  defmacro defines_alias do
    quote do
      alias Helpers, as: H
      H.helper(:aliased)
    end
  end
end

defmodule ImpUser do
  require ImpMac
  import Kernel, except: [length: 1]

  def length(_), do: :my_length

  def run do
    IO.inspect(ImpMac.call_helper(1))
    IO.inspect(ImpMac.uses_length([1, 2, 3]))
    IO.inspect(length([1, 2, 3]))
    IO.inspect(ImpMac.defines_alias())
  end
end

ImpUser.run()
q = quote(do: length([1]))
IO.inspect(q)
