# Map and Kernel functions applied to structs, and what they keep or lose.
defmodule Item do
  @enforce_keys [:sku]
  defstruct [:sku, qty: 1, price: 0]
end

defmodule Main do
  def run do
    i = %Item{sku: "A1", qty: 3, price: 250}
    IO.inspect(Map.put(i, :qty, 9))
    IO.inspect(Map.put(i, :extra, true))
    IO.inspect(Map.delete(i, :price))
    IO.inspect(Map.delete(i, :__struct__))
    IO.inspect(Map.from_struct(i))
    IO.inspect(Map.from_struct(Item) |> Map.to_list() |> Enum.sort())
    IO.inspect(Map.merge(i, %{qty: 0}))
    IO.inspect(Map.merge(%{qty: 0, note: "x"}, i))
    IO.inspect(Map.update!(i, :qty, &(&1 + 1)))
    IO.inspect(Map.get(i, :price))
    IO.inspect(Map.fetch(i, :sku))
    IO.inspect(Map.fetch(i, :missing))
    IO.inspect(Map.has_key?(i, :__struct__))
    IO.inspect(Map.keys(i) |> Enum.sort())
    IO.inspect(Map.take(i, [:sku, :qty]))
    IO.inspect(Map.drop(i, [:qty]))
    IO.inspect(map_size(i))
    IO.inspect(i.__struct__)
    IO.inspect(is_map(i))
    IO.inspect({is_struct(i), is_struct(i, Item), is_struct(i, Map), is_struct(%{}), is_struct(:x, Item)})
    IO.inspect(is_struct(%{__struct__: "not atom"}))
    IO.inspect(struct(Item, sku: "B", bogus: 1))
    IO.inspect(struct(i, %{price: 1, bogus: 2}))
    IO.inspect(struct(i, [{"qty", 5}, {:qty, 6}]))
    IO.inspect(struct!(i, price: 7))

    for args <- [[qty: 2], [price: 3]] do
      try do
        IO.inspect(struct!(Item, args))
      rescue
        e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
      end
    end

    try do
      Enum.count(i)
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
    IO.inspect(i == %Item{sku: "A1", qty: 3, price: 250})
    IO.inspect(i == %{__struct__: Item, sku: "A1", qty: 3, price: 250})
    IO.inspect(Enum.sort([%Item{sku: "b"}, %Item{sku: "a"}, %{sku: "c"}]))
  end
end

Main.run()
