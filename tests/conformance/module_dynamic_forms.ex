# defmodule with a computed name, defdelegate with unquote fragments,
# defstruct's value, %^mod{} patterns, defguard over a local macro.
prefix = "Dyn"

defmodule Module.concat(prefix, Worker) do
  def name, do: __MODULE__
end

IO.inspect(Dyn.Worker.name())

defmodule String.to_atom("Elixir.Dyn.Other") do
  IO.inspect(__MODULE__, label: "in body")
end

defmodule Delegates do
  for {name, target} <- [flat: :flatten, firstof: :first] do
    defdelegate unquote(name)(list), to: List, as: target
  end

  fun = :duplicate
  defdelegate unquote(fun)(elem, n), to: List
end

IO.inspect(Delegates.duplicate(:x, 3))

defmodule User do
  IO.inspect(defstruct(name: "john", age: 0), label: "defstruct")
end

defmodule Match do
  def same?(s, module) do
    case s do
      %^module{} -> {true, s.name}
      _ -> false
    end
  end
end

IO.inspect(Match.same?(struct(User), User))
IO.inspect(Match.same?(struct(User), Other))
IO.inspect(Match.same?(%{name: 1}, User))

defmodule Guards do
  defmacro is_small(x) do
    quote do
      unquote(x) < 10
    end
  end

  defguard is_small_even(x) when is_integer(x) and is_small(x) and rem(x, 2) == 0
  defguard is_tiny_even(x) when is_small_even(x) and x < 4
end

defmodule UseGuards do
  require Guards
  def kind(x) when Guards.is_tiny_even(x), do: :tiny_even
  def kind(x) when Guards.is_small_even(x), do: :small_even
  def kind(_), do: :other

  def outside, do: {Guards.is_small_even(4), Guards.is_small_even(40)}
end

IO.inspect(Enum.map([2, 6, 12, 7, :a], &UseGuards.kind/1))
IO.inspect(UseGuards.outside())

try do
  defmodule "not a module", do: nil
rescue
  e in CompileError -> IO.puts(Exception.message(e) |> String.replace(~s(#{__DIR__}/), ""))
end
