defmodule Impl do
  def add(a, b), do: a + b
  def greet(name, greeting \\ "hi"), do: "#{greeting} #{name}"
  def list_first([h | _]), do: h
end

defmodule Facade do
  defdelegate add(a, b), to: Impl
  defdelegate sum(a, b), to: Impl, as: :add
  defdelegate greet(name), to: Impl
  defdelegate greet(name, g), to: Impl
  defdelegate first(list), to: Impl, as: :list_first
  defdelegate reverse(l), to: Enum
  defdelegate [upcase(s), downcase(s)], to: String
  defdelegate size(m), to: Kernel, as: :map_size
end

IO.inspect(Facade.add(1, 2))
IO.inspect(Facade.sum(10, 20))
IO.inspect(Facade.greet("ann"))
IO.inspect(Facade.greet("bob", "yo"))
IO.inspect(Facade.first([9, 8]))
IO.inspect(Facade.reverse([1, 2, 3]))
IO.inspect({Facade.upcase("a"), Facade.downcase("B")})
IO.inspect(Facade.size(%{a: 1, b: 2}))
IO.inspect(Facade.__info__(:functions))
try do
  Facade.first([])
rescue
  e -> IO.inspect(e.__struct__)
end
