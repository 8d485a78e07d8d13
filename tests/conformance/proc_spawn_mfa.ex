# spawn/3 and spawn_link/3 start Mod.fun(args...) in a new process.
defmodule Worker do
  def square(parent, n), do: send(parent, {:square, n, n * n})

  def greet(parent, greeting, name) do
    send(parent, {:greet, "#{greeting}, #{name}!"})
  end

  def no_args_report(parent), do: send(parent, {:none, :called})

  def sum_list(parent, list), do: send(parent, {:sum, Enum.sum(list)})
end

defmodule T do
  def main do
    me = self()
    pid = spawn(Worker, :square, [me, 7])
    IO.inspect(is_pid(pid), label: "spawn/3 pid")
    receive do
      {:square, n, sq} -> IO.puts("#{n} squared is #{sq}")
    end
    spawn(Worker, :greet, [me, "Hello", "BEAM"])
    receive do
      {:greet, text} -> IO.puts(text)
    end
    spawn(Worker, :no_args_report, [me])
    receive do
      {:none, x} -> IO.inspect(x, label: "one-arg fun")
    end
    linked = spawn_link(Worker, :sum_list, [me, [10, 20, 30]])
    IO.inspect(is_pid(linked), label: "spawn_link/3 pid")
    receive do
      {:sum, s} -> IO.puts("sum via spawn_link/3: #{s}")
    end
    mod = Worker
    spawn(mod, :square, [me, 12])
    receive do
      {:square, n, sq} -> IO.puts("module in a variable: #{n} -> #{sq}")
    end
  end
end

T.main()
IO.puts("normal exit of linked child does not hurt")
