# compile error: a bodiless head may hold only variables and defaults
defmodule HeadPattern do
  def foo(nil)
  def foo(_), do: :ok
end
