defmodule Outer do
  defmodule Inner do
    def who, do: :inner
  end

  defmodule Other do
    def who, do: :other
  end

  alias __MODULE__.Inner, as: In
  def run1, do: {Inner.who(), In.who(), __MODULE__}
end

defmodule Lib.Alpha do
  def id, do: :alpha
end

defmodule Lib.Beta do
  def id, do: :beta
end

defmodule Lib.Gamma.Delta do
  def id, do: :delta
end

defmodule AliasUse do
  alias Lib.{Alpha, Beta}
  alias Lib.Gamma.Delta, as: D
  alias Outer.Inner

  def run do
    {Alpha.id(), Beta.id(), D.id(), Inner.who()}
  end

  def scoped do
    x =
      if true do
        alias Lib.Alpha, as: Scoped
        Scoped.id()
      end
    {x, Scoped}
  end

  def names, do: [Alpha, Beta, D, Inner, Lib.Alpha, Elixir.Lib.Beta]
end

IO.inspect(Outer.run1())
IO.inspect(Outer.Other.who())
IO.inspect(AliasUse.run())
IO.inspect(AliasUse.scoped())
IO.inspect(AliasUse.names())
alias Lib.Gamma.Delta
IO.inspect(Delta.id())
IO.inspect(Module.concat([Lib, "Gamma", :Delta]))
IO.inspect(Module.concat(Lib, Alpha))
IO.inspect(Module.concat(["Elixir.Foo", "Bar"]))
IO.inspect(Module.concat([Foo, :bar]))
IO.inspect(Module.split(Lib.Gamma.Delta))
