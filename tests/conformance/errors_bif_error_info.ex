# A BIF's frame in a stack trace term carries error_info: %{module: :erl_erts_errors}
# as on the BEAM (its explanation is not in the term); Exception.normalize still
# gives the explanation: in the process that caught it, after :erlang.raise/3,
# and in another process (a GenServer's client, a task's owner).
Logger.configure(level: :none)

defmodule B do
  def run(f) do
    try do
      f.()
    rescue
      e -> IO.inspect({e, hd(__STACKTRACE__)})
    end
  end

  def cases do
    z = String.to_integer("0")
    a = String.to_atom("a")
    run(fn -> div(10, z) end)
    run(fn -> String.to_integer("q") end)
    run(fn -> :erlang.binary_to_atom(1) end)
    run(fn -> hd(Enum.take([1], z)) end)
    run(fn -> Map.fetch!(%{}, a) end)
    run(fn -> apply(:erlang, :+, [1, a]) end)
    run(fn -> abs(a) end)
    run(fn -> tuple_size(a) end)
    run(fn -> Atom.to_string(z) end)
    run(fn -> elem({1}, z + 5) end)
    run(fn -> put_elem({1}, z + 3, :v) end)
  end

  def again do
    try do
      try do
        :erlang.binary_to_atom(z())
      catch
        kind, reason -> :erlang.raise(kind, reason, __STACKTRACE__)
      end
    rescue
      e -> IO.inspect({e, hd(__STACKTRACE__)}, label: "again")
    end
  end

  def z, do: String.to_integer("7")
end

defmodule S do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call({:to_int, s}, _from, st), do: {:reply, String.to_integer(s), st}
end

B.cases()
B.again()

{:ok, pid} = GenServer.start(S, :ok)
try do
  GenServer.call(pid, {:to_int, "x1"})
catch
  :exit, {{reason, [top | _]}, _} ->
    IO.inspect({reason, top})
    IO.puts(Exception.message(Exception.normalize(:error, reason, [top])))
end

Process.flag(:trap_exit, true)
{:ok, sup} = Task.Supervisor.start_link()
t = Task.Supervisor.async_nolink(sup, fn -> :erlang.binary_to_integer("zz", 10) end)
{:exit, {e, [top | _]}} = Task.yield(t, 1000)
IO.inspect({e, top})
