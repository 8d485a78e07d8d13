# Agent failures: a raising function kills the agent, a timeout exits the caller.
defmodule Run do
  def exit_of(fun) do
    try do
      fun.()
    catch
      :exit, reason -> reason
    end
  end

  def main do
    {:ok, a} = Agent.start(fn -> :state end)
    {{%RuntimeError{message: m}, _}, {GenServer, :call, [^a, {:get, _}, 5000]}} =
      exit_of(fn -> Agent.get(a, fn _ -> raise "oops" end) end)
    IO.inspect(m)
    IO.inspect(Process.alive?(a))
    {:ok, b} = Agent.start(fn -> 0 end)
    {:timeout, {GenServer, :call, [^b, {:get, _}, 10]}} =
      exit_of(fn -> Agent.get(b, fn s -> Process.sleep(100); s end, 10) end)
    IO.puts("timeout")
    Process.sleep(150)
    IO.inspect(Agent.get(b, & &1))
    {:ok, c} = Agent.start(fn -> 0 end)
    {{:bad_return_value, :nope}, _} = exit_of(fn -> Agent.get_and_update(c, fn _ -> :nope end) end)
    IO.puts("bad return")
    {:noproc, {GenServer, :call, [:no_agent, {:get, _}, 5000]}} = exit_of(fn -> Agent.get(:no_agent, & &1) end)
    IO.puts("noproc")
    {:error, {%ArgumentError{}, _}} = Agent.start(fn -> raise ArgumentError end)
    IO.puts("init raised")
    Process.flag(:trap_exit, true)
    {:ok, d} = Agent.start_link(fn -> 0 end)
    Agent.stop(d, :shutdown)
    receive do: ({:EXIT, ^d, r} -> IO.inspect(r, label: "exit"))
  end
end

Run.main()
