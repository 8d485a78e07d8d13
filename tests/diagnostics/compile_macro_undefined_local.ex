# A macro's expansion calls a function that the caller's module does not have.
defmodule Gen do
  defmacro call_helper(x) do
    quote do: helper(unquote(x))
  end
end

defmodule UsesGen do
  require Gen
  def f, do: Gen.call_helper(1)
end
