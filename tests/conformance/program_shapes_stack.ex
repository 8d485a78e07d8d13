defprotocol Shape do
  @doc "Area of the shape"
  def area(shape)
  def name(shape)
end

defmodule Circle, do: defstruct(r: 1)
defmodule Rect, do: defstruct(w: 1, h: 1)

defimpl Shape, for: Circle do
  def area(%{r: r}), do: :math.pi() * r * r
  def name(_), do: "circle"
end

defimpl Shape, for: Rect do
  def area(%{w: w, h: h}), do: w * h
  def name(%{w: w, h: w}), do: "square"
  def name(_), do: "rectangle"
end

defmodule Stack do
  defstruct items: []
  def push(%Stack{items: i} = s, x), do: %{s | items: [x | i]}
  def pop(%Stack{items: [h | t]} = s), do: {h, %{s | items: t}}
  def pop(%Stack{items: []}), do: :empty

  defimpl Enumerable do
    def count(s), do: {:ok, length(s.items)}
    def member?(s, x), do: {:ok, x in s.items}
    def reduce(s, acc, fun), do: Enumerable.List.reduce(s.items, acc, fun)
    def slice(_), do: {:error, __MODULE__}
  end

  defimpl Collectable do
    def into(s), do: {s, fn
      acc, {:cont, x} -> Stack.push(acc, x)
      acc, :done -> acc
      _, :halt -> :ok
    end}
  end
end

defmodule Main do
  def run do
    shapes = [%Circle{r: 2}, %Rect{w: 3, h: 4}, %Rect{w: 2, h: 2}]

    for s <- shapes do
      IO.puts("#{Shape.name(s)}: #{Float.round(Shape.area(s) / 1, 2)}")
    end

    IO.inspect(Enum.sort_by(shapes, &Shape.area/1))
    IO.inspect(Shape.impl_for(%Circle{}))
    IO.inspect(Shape.impl_for(42))

    try do
      Shape.area(42)
    rescue
      e in Protocol.UndefinedError -> IO.puts(Exception.message(e))
    end
    s = Enum.into([1, 2, 3], %Stack{})
    IO.inspect(s)
    IO.inspect(Enum.to_list(s))
    IO.inspect(Enum.count(s))
    IO.inspect(Enum.member?(s, 2))
    IO.inspect(Enum.map(s, &(&1 * 10)))
    {top, s2} = Stack.pop(s)
    IO.inspect({top, s2.items})
    IO.inspect(Stack.pop(%Stack{}))
    IO.inspect(%Rect{} == %Rect{w: 1, h: 1})
    IO.inspect(is_struct(s, Stack))
    IO.inspect(Map.get(%Circle{}, :r))
    %Circle{r: radius} = %Circle{r: 9}
    IO.inspect(radius)
    IO.inspect(%{%Rect{} | h: 10})
    IO.inspect(Enum.map([%Circle{}, %Rect{}], &(&1.__struct__)))
  end
end

Main.run()
