defmodule First do
  # calls a module defined further down; fine because it only runs later
  def run, do: "First -> " <> Second.hello()
  def local_later, do: helper() * 2
  defp helper, do: 21
end

defmodule Second do
  def hello, do: "Second.hello via #{Third.name()}"
end

defmodule Third do
  def name, do: inspect(__MODULE__)
end

IO.puts(First.run())
IO.puts(First.local_later())

defmodule Outer do
  def who, do: :outer
  defmodule Inner do
    def who, do: :inner
    def full, do: __MODULE__
  end
  def call_inner, do: Outer.Inner.who()
end

IO.inspect(Outer.who())
IO.inspect(Outer.Inner.who())
IO.inspect(Outer.Inner.full())
IO.inspect(Outer.call_inner())
defmodule Tiny, do: def(x, do: 1)
IO.inspect(Tiny.x())
