# Structs in guards (is_struct/1,2, is_map_key, map_size), dot access and its
# errors, and structs compared and sorted.
defmodule Temp do
  defstruct degrees: 0, unit: :c
end

defmodule Len do
  defstruct value: 0, unit: :m
end

defmodule Conv do
  def to_c(t) when is_struct(t, Temp) and t.unit == :c, do: t
  def to_c(%Temp{unit: :f, degrees: d}), do: %Temp{degrees: (d - 32) * 5 / 9, unit: :c}
  def to_c(t) when is_struct(t), do: {:not_a_temp, t.__struct__}
  def to_c(t) when is_map(t) and is_map_key(t, :degrees), do: {:plain_map, t.degrees}
  def to_c(_), do: :unknown

  def kind(x) when is_struct(x, Temp) or is_struct(x, Len), do: :measure
  def kind(x) when is_exception(x), do: :exception
  def kind(x) when is_struct(x), do: :struct
  def kind(x) when is_map(x) and map_size(x) == 0, do: :empty_map
  def kind(_), do: :other
end

defmodule Main do
  def run do
    for v <- [%Temp{degrees: 20}, %Temp{degrees: 212, unit: :f}, %Len{}, %{degrees: 5}, 3] do
      IO.inspect(Conv.to_c(v))
    end
    IO.inspect(Enum.map([%Temp{}, %Len{}, %RuntimeError{}, 1..3, %{}, %{a: 1}, nil], &Conv.kind/1))

    t = %Temp{degrees: -4}
    IO.inspect({t.degrees, t.unit, t.__struct__})
    for f <- [fn -> t.kelvin end, fn -> Map.fetch!(t, :kelvin) end, fn -> (fn x -> x.deg end).(%{}) end,
              fn -> (fn x -> x.deg end).([deg: 1]) end] do
      try do
        IO.inspect(f.())
      rescue
        e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
      end
    end

    a = %Temp{degrees: 10}
    b = %Temp{degrees: 10.0}
    IO.inspect({a == b, a === b, a < %Temp{degrees: 11}, %Len{} > %Temp{}})
    IO.inspect(Enum.sort([%Temp{degrees: 3}, %Temp{degrees: 1, unit: :f}, %Temp{degrees: 2}]))
    IO.inspect(Enum.sort_by([%Temp{degrees: 3}, %Temp{degrees: 1}, %Temp{degrees: 2}], & &1.degrees, :desc))
    IO.inspect(Enum.max_by([%Len{value: 3}, %Len{value: 9}, %Len{value: 1}], & &1.value))
    IO.inspect(Enum.uniq([%Temp{}, %Temp{}, %Temp{unit: :f}]))
    IO.inspect(%{%Temp{} => :key_struct}[%Temp{}])
    IO.inspect(match?(%Temp{unit: :c}, t))
    IO.inspect(match?(%{__struct__: Temp}, t))
    IO.inspect(match?(%Len{}, t))
  end
end

Main.run()
