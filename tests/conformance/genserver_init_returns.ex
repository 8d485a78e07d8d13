# GenServer init/1 results: ok, ok with timeout / continue, ignore, stop, bad, raise.
defmodule Init do
  use GenServer
  def init(:ok), do: {:ok, :state}
  def init(:timeout), do: {:ok, :waiting, 10}
  def init(:continue), do: {:ok, [:init], {:continue, :more}}
  def init(:ignore), do: :ignore
  def init(:stop), do: {:stop, :no_way}
  def init(:bad), do: :what
  def init(:raise), do: raise(ArgumentError, "bad init")
  def init(:exit), do: exit(:init_exit)
  def init({:throw, v}), do: throw(v)

  def handle_continue(:more, s), do: {:noreply, [:continued | s]}
  def handle_info(:timeout, s), do: {:noreply, {:timed_out, s}}
  def handle_call(:state, _from, s), do: {:reply, s, s}
end

show = fn arg ->
  case GenServer.start(Init, arg) do
    {:ok, pid} -> IO.inspect({arg, :ok, is_pid(pid)})
    {:error, {%ArgumentError{message: m}, _stack}} -> IO.inspect({arg, :error, m})
    other -> IO.inspect({arg, other})
  end
end

Enum.each([:ok, :ignore, :stop, :bad, :raise, :exit, {:throw, {:ok, :thrown}}, {:throw, :ignore}], show)
{:ok, pid} = GenServer.start(Init, :timeout)
Process.sleep(50)
IO.inspect(GenServer.call(pid, :state))
{:ok, pid} = GenServer.start(Init, :continue)
IO.inspect(GenServer.call(pid, :state))
Process.flag(:trap_exit, true)
IO.inspect(GenServer.start_link(Init, :stop))
receive do: ({:EXIT, _, reason} -> IO.inspect(reason, label: "exit"))
IO.inspect(GenServer.start_link(Init, :ignore))
receive do: ({:EXIT, _, reason} -> IO.inspect(reason, label: "exit"))
