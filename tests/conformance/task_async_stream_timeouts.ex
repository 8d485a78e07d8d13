# Task.async_stream with timeouts, on_timeout, ordering and max_concurrency.
work = fn
  n when rem(n, 3) == 0 -> Process.sleep(200); {:slow, n}
  n -> Process.sleep(n); {:fast, n}
end

r = Task.async_stream(1..7, work, timeout: 80, on_timeout: :kill_task) |> Enum.to_list()
IO.inspect(r, label: "kill_task")

r =
  try do
    Task.async_stream([1, 3], work, timeout: 50) |> Enum.to_list()
  catch
    :exit, {reason, {Task.Supervised, :stream, [t]}} -> {:exited, reason, t}
  end
IO.inspect(r, label: "exit on timeout")

r = Task.async_stream([30, 1, 15, 5], fn n -> Process.sleep(n); n end, ordered: false, max_concurrency: 4) |> Enum.to_list()
IO.inspect(Enum.sort(r), label: "unordered")
r = Task.async_stream([30, 1, 15, 5], fn n -> Process.sleep(n); n * 2 end, max_concurrency: 2) |> Enum.to_list()
IO.inspect(r, label: "ordered")

parent = self()
r =
  1..6
  |> Task.async_stream(fn n -> send(parent, {:running, n}); n end, max_concurrency: 1)
  |> Enum.map(fn {:ok, n} -> n end)
IO.inspect(r, label: "max_concurrency 1")
order = for _ <- 1..6, do: (receive do {:running, n} -> n end)
IO.inspect(order, label: "start order")

s = Task.async_stream(1..10, &(&1 * &1), zip_input_on_exit: true)
IO.inspect(Enum.take(s, 3), label: "take 3")
r = Task.async_stream([:ok, :skip], fn x -> x end, timeout: :infinity) |> Enum.to_list()
IO.inspect(r, label: "infinity")
r = Task.async_stream([100, 1], fn n -> Process.sleep(n); n end, timeout: 50, on_timeout: :kill_task, zip_input_on_exit: true) |> Enum.to_list()
IO.inspect(r, label: "zip_input_on_exit")
