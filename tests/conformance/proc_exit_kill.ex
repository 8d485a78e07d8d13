# Process.exit(pid, :kill) cannot be trapped; observers see :killed.
defmodule T do
  def main do
    me = self()
    plain = spawn(fn -> receive do _ -> :ok end end)
    ref = Process.monitor(plain)
    IO.inspect(Process.exit(plain, :kill), label: "Process.exit returns")
    receive do
      {:DOWN, ^ref, :process, ^plain, r} -> IO.inspect(r, label: "plain process")
    end

    trapper = spawn(fn ->
      Process.flag(:trap_exit, true)
      send(me, :trapping)
      receive do
        m -> send(me, {:trapper_got, m})
      end
    end)
    receive do
      :trapping -> :ok
    end
    ref2 = Process.monitor(trapper)
    Process.exit(trapper, :kill)
    receive do
      {:DOWN, ^ref2, :process, ^trapper, r} -> IO.inspect(r, label: "trapping process")
    end
    r = receive do
      {:trapper_got, m} -> {:it_got, m}
    after
      0 -> :it_got_nothing
    end
    IO.inspect(r)

    # a linked, trapping parent sees {:EXIT, pid, :killed}
    Process.flag(:trap_exit, true)
    child = spawn_link(fn -> receive do _ -> :ok end end)
    Process.exit(child, :kill)
    receive do
      {:EXIT, ^child, r} -> IO.inspect(r, label: "linked parent saw")
    end
    IO.inspect(Process.alive?(child), label: "alive?")
  end
end

T.main()
