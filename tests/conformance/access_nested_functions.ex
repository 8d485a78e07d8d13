# Kernel: get_in/2, put_in/3, update_in/3, get_and_update_in/3, pop_in/2 with key lists.
users = %{"john" => %{age: 27, langs: [elixir: 3]}, "meg" => %{age: 23}}

IO.inspect(get_in(users, ["john", :age]))
IO.inspect(get_in(users, ["john", :langs, :elixir]))
IO.inspect(get_in(users, ["dave", :age]))
IO.inspect(get_in(nil, ["john", :age]))
IO.inspect(put_in(users, ["john", :age], 28))
IO.inspect(put_in(users, ["john", :langs, :rust], 1))
IO.inspect(put_in(users, ["dave"], %{age: 40}))
IO.inspect(update_in(users, ["meg", :age], &(&1 + 1)))
IO.inspect(update_in(users, ["john", :langs, :elixir], &(&1 * 2)))
IO.inspect(get_and_update_in(users, ["john", :age], &{&1, &1 + 1}))
IO.inspect(get_and_update_in(users, ["meg", :age], fn _ -> :pop end))
IO.inspect(pop_in(users, ["john", :age]))
IO.inspect(pop_in(users, ["bob", :age]))
IO.inspect(pop_in(users, ["john", :langs, :elixir]))
IO.inspect(pop_in([], [:foo, :bar]))
IO.inspect(pop_in(%{"john" => nil, "meg" => 1}, ["john", :age]))
IO.inspect(put_in([a: [b: 1]], [:a, :b], 2))
IO.inspect(put_in([a: 1, a: 2], [:a], 3))
IO.inspect(update_in([], [:counter], fn nil -> 1 end))

by_index = fn index ->
  fn
    :get, data, next -> next.(Enum.at(data, index))
    :get_and_update, data, next ->
      case next.(Enum.at(data, index)) do
        {get, update} -> {get, List.replace_at(data, index, update)}
        :pop -> {Enum.at(data, index), List.delete_at(data, index)}
      end
  end
end

fruits = %{"fruits" => ["banana", "apple", "orange"]}
IO.inspect(get_in(fruits, ["fruits", by_index.(1)]))
IO.inspect(put_in(fruits, ["fruits", by_index.(0)], "kiwi"))
IO.inspect(pop_in(fruits, ["fruits", by_index.(2)]))

for f <- [
      fn -> get_in(users, []) end,
      fn -> put_in(users, [], 1) end,
      fn -> update_in(users, [], & &1) end,
      fn -> pop_in(users, []) end,
      fn -> pop_in(users, :not_a_list) end,
      fn -> put_in(nil, ["john", :age], 28) end,
      fn -> update_in(nil, ["john"], & &1) end,
      fn -> pop_in(nil, ["john", :age]) end,
      fn -> get_and_update_in(users, ["john", :age], fn v -> v end) end,
      fn -> put_in(users, ["john", :age, :deeper], 1) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
