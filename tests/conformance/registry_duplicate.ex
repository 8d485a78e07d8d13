# Registry with duplicate keys over several partitions (pub/sub style)
{:ok, _} = Registry.start_link(keys: :duplicate, name: :topics, partitions: 4)
me = self()
{:ok, _} = Registry.register(:topics, "news", :first)
{:ok, _} = Registry.register(:topics, "news", :second)
{:ok, _} = Registry.register(:topics, "sport", 1)
parent = self()
subscriber = fn topic, value ->
  spawn(fn ->
    {:ok, _} = Registry.register(:topics, topic, value)
    send(parent, :registered)
    receive do
      {:news, msg} -> send(parent, {:got, value, msg})
    end
  end)
end
subs = for v <- [:a, :b, :c], do: subscriber.("news", v)
for _ <- subs, do: (receive do :registered -> :ok end)
IO.inspect(Registry.lookup(:topics, "news") |> Enum.map(&elem(&1, 1)) |> Enum.sort())
IO.inspect(Registry.count(:topics))
IO.inspect(Registry.keys(:topics, me) |> Enum.sort())
IO.inspect(Registry.values(:topics, "news", me) |> Enum.sort())
IO.inspect(Registry.count_match(:topics, "news", :_))
IO.inspect(Registry.match(:topics, "news", :"$1", [{:is_atom, :"$1"}]) |> length())
IO.inspect(Registry.count_select(:topics, [{{"news", :_, :_}, [], [true]}]))
Registry.dispatch(:topics, "news", fn entries ->
  for {pid, _} <- entries, pid != me, do: send(pid, {:news, "hello"})
end)
got = for _ <- subs, do: (receive do {:got, v, msg} -> {v, msg} end)
IO.inspect(Enum.sort(got))
IO.inspect(Registry.dispatch(:topics, "sport", {Enum, :count, []}, parallel: true))
IO.inspect(:ok)
IO.inspect(Registry.dispatch(:topics, "nothing", fn _ -> raise "never" end))
IO.inspect(Registry.unregister_match(:topics, "news", :first))
IO.inspect(Registry.values(:topics, "news", me))
IO.inspect(Registry.keys(:topics, me) |> Enum.sort())
IO.inspect(Registry.unregister(:topics, "news"))
IO.inspect(Registry.keys(:topics, me))
try do
  Registry.update_value(:topics, "sport", & &1)
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  Agent.start_link(fn -> 0 end, name: {:via, Registry, {:topics, "x"}})
rescue
  e -> IO.puts(Exception.message(e))
end
