# Kernel functions called as Kernel.f, through apply/3 and as &Kernel.f/n.
defmodule M do
  def run do
    IO.inspect(Kernel.**(2, 10))
    IO.inspect(apply(Kernel, :**, [2.0, 3]))
    IO.inspect((&Kernel.**/2).(3, 3))
    IO.inspect(Kernel.apply(fn x -> x + 1 end, [1]))
    IO.inspect(apply(Kernel, :apply, [List, :first, [[1, 2]]]))
    IO.inspect((&Kernel.apply/3).(Enum, :sum, [[1, 2]]))
    IO.inspect((&Kernel.apply/2).(&Kernel.+/2, [1, 2]))
    IO.inspect(Kernel.binary_part("hello", 1, 2))
    IO.inspect(apply(Kernel, :binary_part, ["hello", 5, -2]))
    IO.inspect((&Kernel.bit_size/1).(<<1::3>>))
    IO.inspect({Kernel.ceil(1.2), apply(Kernel, :floor, [-1.2]), Kernel.ceil(3), (&Kernel.floor/1).(-0.5)})
    IO.inspect(Enum.map([1, <<1::1>>, "a"], &Kernel.is_bitstring/1))
    IO.inspect(Enum.map([true, nil, false], &Kernel.is_boolean/1))
    IO.inspect({apply(Kernel, :is_pid, [self()]), apply(Kernel, :is_port, [self()]), is_port(1)})
    IO.inspect(apply(Kernel, :is_reference, [make_ref()]))
    IO.inspect(try do apply(Kernel, :throw, [:x]) catch v -> {:caught, v} end)
    IO.inspect(try do Kernel.throw(:y) catch v -> {:caught, v} end)
    IO.inspect(try do (&Kernel.throw/1).(:z) catch v -> {:caught, v} end)
    {p, r} = apply(Kernel, :spawn_monitor, [fn -> :ok end])
    receive do {:DOWN, ^r, _, ^p, why} -> IO.inspect(why) end
    {p, r} = Kernel.spawn_monitor(Kernel, :exit, [:bye])
    receive do {:DOWN, ^r, _, ^p, why} -> IO.inspect(why) end
    me = self()
    Kernel.spawn(fn -> send(me, :one) end)
    receive do m -> IO.inspect(m) end
    apply(Kernel, :spawn, [Kernel, :send, [me, :two]])
    receive do m -> IO.inspect(m) end
    (&Kernel.spawn_link/3).(Kernel, :send, [me, :three])
    receive do m -> IO.inspect(m) end
    IO.inspect(is_pid(Kernel.spawn_link(fn -> :ok end)))
    for f <- [
          fn -> Kernel.ceil(:a) end,
          fn -> apply(Kernel, :floor, ["1"]) end,
          fn -> apply(Kernel, :**, [:a, 2]) end,
          fn -> :a ** 2 end,
          fn -> Kernel.binary_part("ab", 1, 5) end,
          fn -> apply(Kernel, :bit_size, [:a]) end,
          fn -> 0 ** -1 end,
          fn -> 10.0 ** 400 end,
          fn -> (-8.0) ** 0.5 end
        ] do
      try do
        IO.inspect(f.())
      rescue
        e -> IO.puts(Exception.format_banner(:error, e))
      end
    end
  end
end

M.run()
