# Enum.sort/sort_by with :asc/:desc, modules ({:desc, Date}) and functions; min/max/min_max(_by) with sorters and empty fallbacks.
dates = [~D[2020-03-01], ~D[2019-12-31], ~D[2020-01-15]]
IO.inspect(Enum.sort(dates, Date))
IO.inspect(Enum.sort(dates, {:desc, Date}))
IO.inspect(Enum.sort(dates, {:asc, Date}))
IO.inspect(Enum.sort([3, 1.0, 2, 1, 2.0], :desc))
IO.inspect(Enum.sort([3, 1.0, 2, 1, 2.0], :asc))
IO.inspect(Enum.sort([3, 1.0, 2, 1, 2.0]))
IO.inspect(Enum.sort(%{b: 2, a: 1, c: 0}, fn {_, x}, {_, y} -> x <= y end))
users = [%{name: "Ann", age: 30, born: ~D[1990-05-01]}, %{name: "Bob", age: 25, born: ~D[1995-01-01]}, %{name: "Cy", age: 30, born: ~D[1990-01-01]}]
IO.inspect(Enum.sort_by(users, & &1.age) |> Enum.map(& &1.name))
IO.inspect(Enum.sort_by(users, & &1.age, :desc) |> Enum.map(& &1.name))
IO.inspect(Enum.sort_by(users, & &1.born, Date) |> Enum.map(& &1.name))
IO.inspect(Enum.sort_by(users, & &1.born, {:desc, Date}) |> Enum.map(& &1.name))
IO.inspect(Enum.sort_by(users, &{&1.age, &1.name}) |> Enum.map(& &1.name))
IO.inspect(Enum.sort_by(1..10, &rem(&1, 3)))
IO.inspect({Enum.min(dates, Date), Enum.max(dates, Date)})
IO.inspect({Enum.min([2, 1.0, 1]), Enum.max([1, 2.0, 2])})
IO.inspect({Enum.min([], fn -> :none end), Enum.max([], fn -> :none end)})
IO.inspect(Enum.max([1, 5, 3], &<=/2, fn -> :none end))
IO.inspect({Enum.min_by(users, & &1.age).name, Enum.max_by(users, & &1.age).name})
IO.inspect({Enum.min_by(users, & &1.born, Date).name, Enum.max_by(users, & &1.born, Date).name})
IO.inspect(Enum.min_by([], & &1, fn -> :empty end))
IO.inspect(Enum.max_by([], & &1, &>=/2, fn -> :empty end))
IO.inspect(Enum.min_max([5, 1, 9, 1.0, 9.0]))
IO.inspect(Enum.min_max(1..0//1, fn -> {nil, nil} end))
IO.inspect(Enum.min_max_by(~w(pear fig banana kiwi), &String.length/1))
IO.inspect(Enum.min_max_by(~w(pear fig banana kiwi), &String.length/1, &>/2))
IO.inspect(Enum.min_max_by(dates, & &1, Date))
IO.inspect(Enum.min_max_by([], & &1, fn -> :empty end))

for fun <- [&Enum.min/1, &Enum.max/1, &Enum.min_max/1, &Enum.reduce(&1, fn x, acc -> x + acc end)] do
  try do
    fun.([])
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
