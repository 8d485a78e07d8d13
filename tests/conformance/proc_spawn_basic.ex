# spawn/1 runs a zero-arity fn in a new process; self/0 differs there.
defmodule T do
  def main do
    me = self()
    IO.inspect(is_pid(me), label: "self is pid")
    pid = spawn(fn -> send(me, {:child_self, self()}) end)
    IO.inspect(is_pid(pid), label: "spawn returns pid")
    IO.inspect(pid == me, label: "child pid == self")
    receive do
      {:child_self, child} ->
        IO.inspect(child == pid, label: "child's self() == spawn result")
        IO.inspect(child != me, label: "child's self() != parent")
    end

    # the child computes and replies; the parent continues meanwhile
    worker = spawn(fn ->
      result = Enum.reduce(1..100, 0, fn x, acc -> x + acc end)
      send(me, {:sum, result})
    end)
    IO.puts("parent keeps going")
    receive do
      {:sum, s} -> IO.puts("sum from child: #{s}")
    end
    IO.inspect(is_pid(worker), label: "worker is pid")

    # two spawns give two distinct pids
    a = spawn(fn -> :ok end)
    b = spawn(fn -> :ok end)
    IO.inspect(a == b, label: "two spawns same pid")
    IO.inspect(self() == me, label: "self() stable")
  end
end

T.main()
IO.puts("done")
