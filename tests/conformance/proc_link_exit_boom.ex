# exit(reason) inside a linked child: the reason travels over the link.
defmodule T do
  def main do
    Process.flag(:trap_exit, true)
    p = spawn_link(fn -> exit(:boom) end)
    receive do
      {:EXIT, ^p, r} -> IO.inspect(r, label: "exit(:boom)")
    end
    p2 = spawn_link(fn -> exit({:error, "disk full", 42}) end)
    receive do
      {:EXIT, ^p2, r} -> IO.inspect(r, label: "exit(tuple)")
    end
    p3 = spawn_link(fn -> throw(:thrown) end)
    receive do
      {:EXIT, ^p3, {r, _}} -> IO.inspect(r, label: "uncaught throw")
    end
    # exit caught inside the child does not end it
    me = self()
    p4 = spawn_link(fn ->
      r = try do
        exit(:caught_inside)
      catch
        :exit, why -> why
      end
      send(me, {:child_caught, r})
    end)
    receive do
      {:child_caught, r} -> IO.inspect(r, label: "child caught")
    end
    receive do
      {:EXIT, ^p4, r} -> IO.inspect(r, label: "then exited")
    end
    # a non-trapping middle process dies with the child's reason
    me = self()
    middle = spawn(fn ->
      spawn_link(fn -> exit(:boom) end)
      receive do
        _ -> send(me, :middle_survived)
      end
    end)
    ref = Process.monitor(middle)
    receive do
      {:DOWN, ^ref, :process, ^middle, r} -> IO.inspect(r, label: "middle died with")
      :middle_survived -> IO.puts("wrong: middle survived")
    end
  end
end

T.main()
