# :ets.all/0 lists tables oldest first (erts walks each scheduler's tables in
# the order they were made), a deleted one left out.
before = :ets.all()
parent = self()
for i <- 1..12 do
  if rem(i, 3) == 0 do
    :ets.new(:"main#{i}", [])
  else
    spawn(fn -> :ets.new(:"p#{i}", [:public]); send(parent, :ok); receive do: (:x -> :ok) end)
    receive do: (:ok -> :ok)
  end
end
IO.inspect(Enum.map(:ets.all() -- before, fn t -> :ets.info(t, :name) end))
ts = for i <- 1..4, do: :ets.new(:"late#{i}", [])
:ets.delete(Enum.at(ts, 1))
IO.inspect(Enum.map(:ets.all() -- before, fn t -> :ets.info(t, :name) end))
