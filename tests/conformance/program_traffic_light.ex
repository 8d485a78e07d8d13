defmodule TrafficLight do
  @transitions %{green: :yellow, yellow: :red, red: :green}
  @durations %{green: 3, yellow: 1, red: 2}

  def start(initial \\ :red) do
    spawn(fn -> loop(initial, 0) end)
  end

  defp loop(state, ticks) do
    receive do
      {:tick, from} ->
        ticks = ticks + 1
        {state, ticks} =
          if ticks >= @durations[state], do: {@transitions[state], 0}, else: {state, ticks}
        send(from, {:state, state})
        loop(state, ticks)

      {:get, from} ->
        send(from, {:state, state})
        loop(state, ticks)

      :stop ->
        :ok
    end
  end
end

light = TrafficLight.start()
states =
  for _ <- 1..10 do
    send(light, {:tick, self()})
    receive do
      {:state, s} -> s
    end
  end

IO.inspect(states)
IO.inspect(Enum.chunk_by(states, & &1) |> Enum.map(&{hd(&1), length(&1)}))
send(light, :stop)

defmodule Inventory do
  def new, do: %{}
  def add(inv, item, n \\ 1), do: Map.update(inv, item, n, &(&1 + n))
  def remove(inv, item, n \\ 1) do
    case Map.get(inv, item, 0) do
      have when have > n -> {:ok, Map.put(inv, item, have - n)}
      have when have == n -> {:ok, Map.delete(inv, item)}
      have -> {:error, {:not_enough, item, have}}
    end
  end
end

inv = Inventory.new() |> Inventory.add(:apple, 3) |> Inventory.add(:pear) |> Inventory.add(:apple)
IO.inspect(inv)
{:ok, inv} = Inventory.remove(inv, :apple, 4)
IO.inspect(inv)
IO.inspect(Inventory.remove(inv, :pear, 2))

counter = fn -> Enum.reduce(1..3, {0, []}, fn i, {sum, log} -> {sum + i, ["added #{i}" | log]} end) end
{sum, log} = counter.()
IO.puts("sum=#{sum}")
Enum.each(Enum.reverse(log), &IO.puts/1)

ref = make_ref()
send(self(), {ref, :hello})
send(self(), :other)
receive do
  {^ref, msg} -> IO.inspect(msg)
end
IO.inspect(Process.info(self(), :message_queue_len))
receive do
  m -> IO.inspect(m)
end
:timer.sleep(5)
{time, val} = :timer.tc(fn -> Enum.sum(1..1000) end)
IO.inspect({is_integer(time), val})
IO.inspect(Process.get(:missing, :default))
Process.put(:k, 1)
