# :erlang functions the audit added: fun_to_list, error/3, nif_error, send_nosuspend, garbage_collect/2, bump_reductions, iolist_to_iovec, spawn_monitor/2,4 on this node, now/0.
IO.inspect :erlang.fun_to_list(&Enum.map/2)
IO.inspect :erlang.fun_to_list(&:lists.reverse/1)
IO.inspect(try do :erlang.error(:boom, [1, 2], error_info: %{module: :x}) rescue e -> e catch k, v -> {k, v} end)
IO.inspect(try do :erlang.error(:badarg, [1], []) rescue e -> e end)
IO.inspect :erlang.send_nosuspend(self(), :hi)
IO.inspect :erlang.send_nosuspend(self(), :hi, [:noconnect])
IO.inspect :erlang.garbage_collect(self(), [])
IO.inspect :erlang.bump_reductions(10)
IO.inspect :erlang.iolist_to_iovec(["a", ?b, ["c"]])
IO.inspect :erlang.iolist_to_iovec([])
IO.inspect(try do :erlang.iolist_to_iovec(:x) rescue e -> e end)
IO.inspect(try do :erlang.nif_error(:x) rescue e -> e catch k, v -> {k, v} end)
defmodule W do
  def go do
    {pid, ref} = :erlang.spawn_monitor(node(), fn -> :ok end)
    receive do {:DOWN, ^ref, :process, ^pid, r} -> IO.inspect(r) end
    {pid, ref} = :erlang.spawn_monitor(node(), :erlang, :exit, [:bye])
    receive do {:DOWN, ^ref, :process, ^pid, r} -> IO.inspect(r) end
  end
end
W.go()
{a, b, c} = :erlang.now(); IO.inspect({is_integer(a), is_integer(b), is_integer(c)})
f = fn x -> x end
IO.inspect :erlang.fun_to_list(f) |> List.starts_with?('#Fun<')
IO.inspect :erlang.garbage_collect(self(), async: :t)
receive do m -> IO.inspect(m) end
IO.inspect(try do :erlang.fun_to_list(1) rescue e -> e end)
IO.inspect :erlang.iolist_to_iovec([[], ""])
