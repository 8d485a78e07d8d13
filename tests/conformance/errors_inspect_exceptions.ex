show = fn f ->
  try do
    f.()
  rescue
    e ->
      IO.puts(Exception.message(e))
      IO.inspect(e)
  end
end

show.(fn -> raise "boom" end)
show.(fn -> raise ArgumentError, "wrong" end)
show.(fn -> raise ArgumentError end)
show.(fn -> 1 / 0 end)
show.(fn -> Map.fetch!(%{a: 1}, :z) end)
show.(fn -> elem({1}, 5) end)
show.(fn -> hd([]) end)
show.(fn -> {:a, :b} = {:c, :d} end)
show.(fn -> raise RuntimeError, message: "from keyword" end)
IO.puts("done")
