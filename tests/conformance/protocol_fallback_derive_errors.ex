defprotocol Describe do
  @doc "a description"
  @fallback_to_any true
  def describe(term)
  def tag(term, prefix)
end

defimpl Describe, for: Any do
  def describe(_), do: "something"
  def tag(t, p), do: "#{p}:any:#{inspect(t)}"
end

defimpl Describe, for: [List, Tuple] do
  def describe(x), do: "a collection of #{Enum.count(if is_tuple(x), do: Tuple.to_list(x), else: x)}"
  def tag(_, p), do: p <> ":coll"
end

defimpl Describe, for: BitString do
  def describe(s) when is_binary(s), do: "text #{s}"
  def describe(s), do: "bits #{bit_size(s)}"
  def tag(_, p), do: p <> ":bits"
end

defmodule Car do
  @derive [Describe]
  defstruct [:brand]
end

defmodule Boat do
  defstruct [:name]
  defimpl Describe do
    def describe(%Boat{name: n}), do: "boat #{n}"
    def tag(b, p), do: "#{p}:#{b.name}"
  end
end

defprotocol Strict do
  def go(x)
end

defimpl Strict, for: Map do
  def go(m), do: map_size(m)
end

defmodule Main do
  def run do
    for t <- [[1, 2], {1, 2, 3}, "hi", <<1::3>>, 42, %Car{brand: "x"}, %Boat{name: "b"}, %{a: 1}, :atom, self()] do
      IO.puts(Describe.describe(t))
    end
    IO.puts(Describe.tag([1], "p"))
    IO.puts(Describe.tag(%Boat{name: "n"}, "q"))
    IO.puts(Describe.tag(1.5, "r"))
    IO.inspect(Describe.impl_for([]))
    IO.inspect(Describe.impl_for(%Car{}))
    IO.inspect(Describe.impl_for(%Boat{}))
    IO.inspect(Describe.impl_for(3))
    IO.inspect(Describe.__protocol__(:functions))
    IO.inspect(Describe.__protocol__(:module))
    IO.inspect(Describe.Boat.__impl__(:for))
    IO.inspect(Describe.Boat.__impl__(:protocol))
    IO.inspect(Strict.impl_for(%{}))
    IO.inspect(Strict.impl_for(%Car{}))
    IO.inspect(Strict.impl_for(1))
    IO.inspect(Strict.go(%{a: 1, b: 2}))
    for t <- [1, %Car{}, [1]] do
      try do
        Strict.go(t)
      rescue
        e in Protocol.UndefinedError ->
          IO.puts(Exception.message(e))
          IO.inspect({e.protocol, e.value})
      end
    end
    try do
      Strict.impl_for!(:x)
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
    IO.inspect(Protocol.assert_protocol!(Describe))
    IO.inspect(Protocol.assert_impl!(Describe, Boat))
    try do
      Protocol.assert_protocol!(Car)
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
  end
end

Main.run()
