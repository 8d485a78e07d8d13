# GenServer.call exit reasons: timeout, noproc, calling_self, crashes, bad returns.
defmodule Slow do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(:slow, _from, s), do: (Process.sleep(200); {:reply, :late, s})
  def handle_call(:crash, _from, _s), do: raise("boom")
  def handle_call(:bad, _from, _s), do: :not_a_reply
  def handle_call(:stop, _from, s), do: {:stop, :normal, :stopping, s}
  def handle_call(:self, _from, s), do: {:reply, catch_exit(fn -> GenServer.call(self(), :x) end), s}
  defp catch_exit(f), do: (try do f.() catch :exit, r -> r end)
end

defmodule Run do
  def exit_of(fun) do
    try do
      fun.()
    catch
      :exit, reason -> reason
    end
  end

  def main do
    {:ok, pid} = GenServer.start(Slow, :s)
    {:timeout, {GenServer, :call, [^pid, :slow, 50]}} = exit_of(fn -> GenServer.call(pid, :slow, 50) end)
    IO.puts("timeout exit")
    {:calling_self, {GenServer, :call, [_, :x, 5000]}} = GenServer.call(pid, :self)
    IO.puts("calling self")
    IO.inspect(exit_of(fn -> GenServer.call(:nobody, :x) end))
    IO.inspect(exit_of(fn -> GenServer.call(nil, :x, 1000) end))
    IO.inspect(exit_of(fn -> GenServer.call({:srv, :other@host}, :x) end))
    {{%RuntimeError{message: msg}, _stack}, {GenServer, :call, [_, :crash, 5000]}} =
      exit_of(fn -> GenServer.call(pid, :crash) end)
    IO.inspect(msg)
    IO.inspect(Process.alive?(pid))
    {:ok, pid} = GenServer.start(Slow, :s)
    {{:bad_return_value, :not_a_reply}, _} = exit_of(fn -> GenServer.call(pid, :bad) end)
    IO.puts("bad return")
    {:ok, pid} = GenServer.start(Slow, :s)
    IO.inspect(GenServer.call(pid, :stop))
    Process.sleep(10)
    IO.inspect(Process.alive?(pid))
    {:noproc, {GenServer, :call, [^pid, :x, 5000]}} = exit_of(fn -> GenServer.call(pid, :x) end)
    IO.puts("noproc after stop")
    {:noproc, {GenServer, :stop, [^pid, :normal, :infinity]}} = exit_of(fn -> GenServer.stop(pid) end)
    IO.puts("stop of a dead server")
  end
end

Run.main()
