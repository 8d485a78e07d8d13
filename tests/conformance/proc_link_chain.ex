# A chain of linked processes dies together; monitors report each death.
defmodule Chain do
  # builds n linked processes; the last one waits for :crash and raises
  def start(parent, 0) do
    send(parent, {:member, 0, self()})
    receive do
      :crash -> raise "chain broken"
    end
  end

  def start(parent, n) do
    send(parent, {:member, n, self()})
    spawn_link(fn -> start(parent, n - 1) end)
    receive do
      _ -> :never
    end
  end
end

defmodule T do
  def main do
    me = self()
    spawn(fn -> Chain.start(me, 4) end)
    members = for _ <- 0..4 do
      receive do
        {:member, n, pid} -> {n, pid}
      end
    end
    members = Enum.sort(members)
    IO.inspect(Enum.map(members, fn {n, _} -> n end), label: "members")
    refs = Map.new(members, fn {n, pid} -> {Process.monitor(pid), n} end)
    {0, last} = hd(members)
    send(last, :crash)
    downs = for _ <- 0..4 do
      receive do
        {:DOWN, ref, :process, _pid, {%RuntimeError{message: m}, _}} -> {Map.fetch!(refs, ref), m}
      end
    end
    Enum.each(Enum.sort(downs), fn {n, m} -> IO.puts("member #{n} died: #{m}") end)
    IO.inspect(Enum.any?(members, fn {_, p} -> Process.alive?(p) end), label: "any alive")
    IO.puts("main not linked, still here")
  end
end

T.main()
