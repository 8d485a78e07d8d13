# Kernel: the path macros put_in/2, update_in/2, get_and_update_in/2, pop_in/1.
defmodule Conf do
  defstruct [:db, :http]
  def defaults, do: %{port: 80}
end

defmodule Main do
  def run do
    users = %{"john" => %{age: 27}, "meg" => %{age: 23}}
    conf = %Conf{db: %Conf{http: 1}, http: [port: 4000, opts: [log: true]]}

    IO.inspect(put_in(users["john"][:age], 28))
    IO.inspect(put_in(users["john"].age, 29))
    IO.inspect(update_in(users["meg"].age, &(&1 + 1)))
    IO.inspect(update_in(users["meg"][:age], &(&1 * 2)))
    IO.inspect(get_and_update_in(users["john"].age, &{&1, &1 + 10}))
    IO.inspect(get_and_update_in(users["john"][:age], fn _ -> :pop end))
    IO.inspect(pop_in(users["john"][:age]))
    IO.inspect(pop_in(users["bob"][:age]))
    IO.inspect(put_in(conf.db.http, 2))
    IO.inspect(update_in(conf.http[:port], &(&1 + 1)))
    IO.inspect(put_in(conf.http[:opts][:log], false))
    IO.inspect(pop_in(conf.http[:opts]))
    IO.inspect(get_and_update_in(conf.db.http, &{&1, :x}))
    IO.inspect(put_in(Conf.defaults().port, 8080))
    IO.inspect(put_in(Conf.defaults()[:host], "localhost"))
    opts = []
    IO.inspect(put_in(opts[:foo], 1))
    IO.inspect(pop_in(opts[:foo][:bar]))

    for f <- [
          fn -> put_in(users["dave"].age, 19) end,
          fn -> put_in(users["meg"].unknown, "value") end,
          fn -> update_in(users["dave"].age, &(&1 + 1)) end,
          fn -> get_and_update_in(users["meg"].unknown, &{&1, &1}) end,
          fn -> pop_in(users.bob[:age]) end,
          fn -> put_in(conf.nope.http, 1) end,
          fn -> get_and_update_in(users["john"][:age], fn v -> v end) end
        ] do
      try do
        IO.inspect(f.())
      rescue
        e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
      end
    end

    for code <- ["put_in(map, 1)", "put_in(map.foo(1, 2)[:bar], 1)", "pop_in(map.foo)", "update_in(Foo.bar(), 1)"] do
      try do
        Code.eval_string(code, map: %{})
      rescue
        e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
      end
    end
  end
end

Main.run()
