orders = [
  %{id: 1, customer: "ana", items: [%{sku: "A1", qty: 2, price: 9.99}, %{sku: "B2", qty: 1, price: 24.5}], status: :shipped},
  %{id: 2, customer: "ben", items: [%{sku: "A1", qty: 5, price: 9.99}], status: :pending},
  %{id: 3, customer: "ana", items: [%{sku: "C3", qty: 1, price: 199.0}, %{sku: "B2", qty: 2, price: 24.5}], status: :shipped},
  %{id: 4, customer: "cy", items: [], status: :cancelled},
  %{id: 5, customer: "ben", items: [%{sku: "D4", qty: 3, price: 4.25}], status: :shipped}
]

total = fn order -> Enum.reduce(order.items, 0, fn i, acc -> acc + i.qty * i.price end) end

orders
|> Enum.filter(&(&1.status == :shipped))
|> Enum.map(&{&1.id, Float.round(total.(&1), 2)})
|> IO.inspect(label: "shipped totals")

by_customer =
  orders
  |> Enum.group_by(& &1.customer, total)
  |> Map.new(fn {c, ts} -> {c, Float.round(Enum.sum(ts) / 1, 2)} end)

IO.inspect(by_customer)

orders
|> Enum.flat_map(& &1.items)
|> Enum.reduce(%{}, fn %{sku: s, qty: q}, acc -> Map.update(acc, s, q, &(&1 + q)) end)
|> Enum.sort_by(fn {_, q} -> -q end)
|> IO.inspect(label: "units")

IO.inspect(Enum.frequencies_by(orders, & &1.status))
IO.inspect(Enum.split_with(orders, &(&1.items == [])) |> then(fn {a, b} -> {length(a), length(b)} end))
IO.inspect(orders |> Enum.map(& &1.id) |> Enum.chunk_every(2))
IO.inspect(orders |> Enum.sort_by(&total.(&1), :desc) |> Enum.map(& &1.id))
IO.inspect(Enum.zip_with([1, 2, 3], [10, 20, 30], &+/2))
IO.inspect(1..10 |> Stream.filter(&(rem(&1, 3) == 0)) |> Stream.map(&(&1 * &1)) |> Enum.to_list())
IO.inspect(Enum.scan(1..5, &+/2))
IO.inspect(Enum.dedup([1, 1, 2, 2, 1]))
IO.inspect(Enum.with_index(~w(a b c), 1))
IO.inspect(Map.new(1..3, &{&1, &1 * &1}))
IO.inspect(for {k, v} <- %{a: 1, b: 2}, into: %{}, do: {v, k})
IO.inspect(get_in(orders, [Access.at(0), :items, Access.at(1), :sku]))
IO.inspect(update_in(hd(orders), [:items, Access.all(), :qty], &(&1 * 10)).items)
IO.inspect(Enum.max_by(orders, &length(&1.items)).id)
IO.inspect(orders |> Enum.map(& &1.customer) |> Enum.uniq() |> Enum.join("|"))
IO.inspect(Keyword.merge([a: 1, b: 2], [b: 3, c: 4]))
IO.puts(inspect(%{nested: %{list: [1, 2, %{deep: true}]}}, pretty: true))
IO.inspect(orders, limit: 2)
