# Selective receive across senders: results are gathered in the order we ask for them.
defmodule T do
  def main do
    me = self()
    # workers finish in the reverse of start order (gaps of 50 ms)
    workers = for {name, delay} <- [first: 120, second: 70, third: 20] do
      spawn(fn ->
        Process.sleep(delay)
        send(me, {:done, name, delay})
      end)
    end
    IO.inspect(length(workers), label: "started")
    # wait specifically for :first, although it arrives last
    receive do
      {:done, :first, d} -> IO.puts("first finished after #{d} ms")
    end
    # the two others are already queued, in arrival order
    for _ <- 1..2 do
      receive do
        {:done, name, d} -> IO.puts("queued: #{name} (#{d} ms)")
      end
    end
    # a message that matches nothing does not block later ones
    send(me, {:junk, 1})
    send(me, {:wanted, 2})
    receive do
      {:wanted, v} -> IO.inspect(v, label: "wanted")
    end
    receive do
      m -> IO.inspect(m, label: "junk still there")
    end
  end
end

T.main()
