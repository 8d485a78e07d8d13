defmodule Bag do
  defstruct items: []

  defimpl Enumerable do
    def count(%Bag{items: i}), do: {:ok, length(i)}
    def member?(%Bag{items: i}, x), do: {:ok, x in i}
    def reduce(%Bag{items: i}, acc, fun), do: Enumerable.List.reduce(i, acc, fun)
    def slice(%Bag{items: i}) do
      size = length(i)
      {:ok, size, fn start, len -> Enum.slice(i, start, len) end}
    end
  end

  defimpl Collectable do
    def into(%Bag{items: i}) do
      fun = fn
        list, {:cont, x} -> [x | list]
        list, :done -> %Bag{items: i ++ Enum.reverse(list)}
        _, :halt -> :ok
      end
      {[], fun}
    end
  end

  defimpl String.Chars do
    def to_string(%Bag{items: i}), do: "Bag(" <> Enum.join(i, ",") <> ")"
  end

  defimpl List.Chars do
    def to_charlist(b), do: String.to_charlist(to_string(b))
  end

  defimpl Inspect do
    import Inspect.Algebra
    def inspect(%Bag{items: i}, opts), do: container_doc("#Bag<", i, ">", opts, &to_doc/2, separator: ",")
  end
end

defmodule Shape do
  defprotocol Area do
    @fallback_to_any true
    def area(s)
  end
end

defmodule Sq do
  defstruct side: 1
end

defimpl Shape.Area, for: Sq do
  def area(%Sq{side: s}), do: s * s
end

defimpl Shape.Area, for: Any do
  def area(_), do: :unknown
end

defimpl Shape.Area, for: [Integer, Float] do
  def area(n), do: n * n
end

defmodule Main do
  def run do
    b = %Bag{items: [3, 1, 2]}
    IO.inspect(Enum.sort(b))
    IO.inspect(Enum.map(b, &(&1 * 10)))
    IO.inspect(Enum.count(b))
    IO.inspect(Enum.member?(b, 2))
    IO.inspect(Enum.slice(b, 1, 2))
    IO.inspect(Enum.at(b, 2))
    IO.inspect(for x <- b, x > 1, do: x)
    IO.inspect(Enum.into([9, 8], b))
    IO.inspect(for x <- [5, 6], into: b, do: x)
    IO.puts("#{b}")
    IO.inspect(to_charlist(b))
    IO.inspect(b)
    IO.inspect([b, %{k: b}], pretty: true, width: 10)
    IO.inspect(Enum.zip(b, [:a, :b, :c]))
    IO.inspect(Shape.Area.area(%Sq{side: 3}))
    IO.inspect(Shape.Area.area(4))
    IO.inspect(Shape.Area.area(1.5))
    IO.inspect(Shape.Area.area("x"))
    IO.inspect(Shape.Area.impl_for(%Sq{}))
    IO.inspect(Shape.Area.impl_for(:a))
    IO.inspect(String.Chars.impl_for(b))
    try do
      to_string({1, 2})
    rescue
      e in Protocol.UndefinedError -> IO.puts(Exception.message(e))
    end
    try do
      Enum.map(%Sq{}, & &1)
    rescue
      e in Protocol.UndefinedError -> IO.puts(Exception.message(e))
    end
  end
end

Main.run()
