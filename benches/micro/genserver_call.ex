# GenServer.call round trip: one client, 200,000 sequential calls to a
# server that answers at once, timed inside the script with :timer.tc (after
# 10,000 warm-up calls), so startup and compilation are left out.
defmodule S do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:ping, _from, n), do: {:reply, n, n + 1}
end
{:ok, pid} = GenServer.start_link(S, 0)
n = 200_000
loop = fn _f, 0 -> :ok; f, k -> GenServer.call(pid, :ping); f.(f, k - 1) end
loop.(loop, 10_000)
{us, :ok} = :timer.tc(fn -> loop.(loop, n) end)
IO.puts("GenServer.call round trip: #{div(us * 1000, n)} ns")
