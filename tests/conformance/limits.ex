IO.inspect Process.flag(:max_heap_size, 50000)
IO.inspect Process.flag(:max_heap_size, %{size: 0, kill: false})
IO.inspect Process.flag(:max_heap_size, %{size: 300000})
IO.inspect Process.flag(:max_heap_size, 0)
{:garbage_collection, gc} = Process.info(self(), :garbage_collection)
IO.inspect gc[:max_heap_size]
IO.inspect(try do Process.flag(:max_heap_size, %{kill: true}) rescue e -> e end)
IO.inspect(try do Process.flag(:max_heap_size, 10) rescue e -> e end)
IO.inspect(try do Process.flag(:max_heap_size, %{size: 1000, foo: 1}) rescue e -> e end)
pid = spawn(fn -> Process.flag(:max_heap_size, %{size: 1000, kill: true, error_logger: false}); Enum.to_list(1..100000) |> length() |> IO.inspect end)
ref = Process.monitor(pid)
receive do {:DOWN, ^ref, :process, _, r} -> IO.inspect(r) end
pid = spawn(fn -> Process.flag(:max_heap_size, %{size: 1000, kill: false, error_logger: false}); Enum.to_list(1..100000) |> length() |> IO.inspect end)
ref = Process.monitor(pid)
receive do {:DOWN, ^ref, :process, _, r} -> IO.inspect(r) end
Process.flag(:trap_exit, true)
pid = spawn_link(fn -> Process.flag(:max_heap_size, 2000); Enum.map(1..100000, &{&1}) |> length() |> IO.inspect end)
receive do {:EXIT, ^pid, r} -> IO.inspect(r) end
IO.puts "still here"
