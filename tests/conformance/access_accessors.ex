# Access: the accessor functions with get_in/update_in/pop_in/get_and_update_in.
defmodule Main do
  def run do
    list = [1, 2, 3, 4, 5, 6, 7]
    data = %{users: [%{name: "ann", tags: {:a, :b}}, %{name: "bob", tags: {:c, :d}}]}

    IO.inspect(get_in(data, [:users, Access.all(), :name]))
    IO.inspect(get_in(data, [:users, Access.at(1), :name]))
    IO.inspect(get_in(data, [:users, Access.at(-1), :tags, Access.elem(0)]))
    IO.inspect(get_in(data, [:users, Access.at(5), :name]))
    IO.inspect(get_in(data, [:users, Access.filter(&(&1.name == "bob")), :name]))
    IO.inspect(get_in(data, [Access.key(:users), Access.at!(0), Access.key!(:name)]))
    IO.inspect(get_in(%{}, [Access.key(:missing, :dflt)]))
    IO.inspect(update_in(data, [:users, Access.all(), :name], &String.upcase/1))
    IO.inspect(put_in(data, [:users, Access.at(0), :tags, Access.elem(1)], :z))
    IO.inspect(pop_in(data, [:users, Access.all(), :tags]))
    IO.inspect(get_and_update_in(list, [Access.all()], fn x -> if x > 5, do: :pop, else: {x, x * 10} end))

    IO.inspect(get_in(list, [Access.slice(1..3)]))
    IO.inspect(get_in(list, [Access.slice(-2..-1)]))
    IO.inspect(get_in(list, [Access.slice(0..6//3)]))
    IO.inspect(get_in(list, [Access.slice(5..1//1)]))
    IO.inspect(update_in(list, [Access.slice(1..-2//2)], &(-&1)))
    IO.inspect(pop_in(list, [Access.slice(0..2)]))
    IO.inspect(pop_in(list, [Access.filter(&(rem(&1, 2) == 0))]))
    IO.inspect(pop_in(list, [Access.at(-1)]))
    IO.inspect(get_and_update_in(list, [Access.at(10)], &{&1, :never}))
    IO.inspect(get_and_update_in(list, [Access.at!(-7)], &{&1, :first}))
    IO.inspect(update_in(%{a: 1}, [Access.key(:b, 0)], &(&1 + 5)))
    IO.inspect(pop_in(%{a: 1, b: 2}, [Access.key(:a)]))

    for f <- [
          fn -> get_in(list, [Access.at!(7)]) end,
          fn -> get_in(%{}, [Access.at!(0)]) end,
          fn -> get_in(%{}, [Access.at(0)]) end,
          fn -> get_in(%{a: 1}, [Access.all()]) end,
          fn -> get_in(%{a: 1}, [Access.filter(& &1)]) end,
          fn -> get_in(%{a: 1}, [Access.slice(0..1)]) end,
          fn -> get_in([1], [Access.elem(0)]) end,
          fn -> get_in({1}, [Access.elem(3)]) end,
          fn -> get_in(%{a: 1}, [Access.key!(:b)]) end,
          fn -> get_in([a: 1], [Access.key!(:a)]) end,
          fn -> pop_in({1, 2}, [Access.elem(0)]) end,
          fn -> Access.slice(3..1//-1) end,
          fn -> Access.at(:first) end,
          fn -> Access.elem(-1) end,
          fn -> get_and_update_in(list, [Access.all()], fn x -> x end) end
        ] do
      try do
        IO.inspect(f.())
      rescue
        e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
      end
    end
  end
end

Main.run()
