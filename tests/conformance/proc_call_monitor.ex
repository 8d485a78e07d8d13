# A robust call: monitor the server so a crash during the call is reported, not waited out.
defmodule Server do
  def start, do: spawn(fn -> loop(%{}) end)

  defp loop(store) do
    receive do
      {:call, from, ref, {:put, k, v}} ->
        send(from, {ref, :ok})
        loop(Map.put(store, k, v))
      {:call, from, ref, {:get, k}} ->
        send(from, {ref, Map.get(store, k)})
        loop(store)
      {:call, _from, _ref, {:divide, k, d}} ->
        # crashes the server when d is 0, before replying
        _ = div(Map.fetch!(store, k), d)
        loop(store)
      {:call, _from, _ref, :hang} ->
        receive do
          :never -> :ok
        end
    end
  end

  def call(pid, req, timeout \\ 300) do
    ref = Process.monitor(pid)
    send(pid, {:call, self(), ref, req})
    receive do
      {^ref, reply} ->
        Process.demonitor(ref)
        {:ok, reply}
      {:DOWN, ^ref, :process, ^pid, {reason, _stack}} -> {:error, {:server_died, reason}}
      {:DOWN, ^ref, :process, ^pid, reason} -> {:error, {:server_died, reason}}
    after
      timeout ->
        Process.demonitor(ref)
        {:error, :timeout}
    end
  end
end

defmodule T do
  def main do
    s = Server.start()
    IO.inspect(Server.call(s, {:put, :x, 10}), label: "put")
    IO.inspect(Server.call(s, {:get, :x}), label: "get")
    IO.inspect(Server.call(s, {:get, :missing}), label: "get missing")
    IO.inspect(Server.call(s, {:divide, :x, 0}), label: "divide by zero")
    IO.inspect(Process.alive?(s), label: "server alive")
    IO.inspect(Server.call(s, {:get, :x}), label: "call to dead server")
    s2 = Server.start()
    IO.inspect(Server.call(s2, :hang, 50), label: "hanging server")
    IO.inspect(Server.call(s2, {:get, :x}, 50), label: "still hanging")
    # the kill signal is handled before the monitor request that call/3 sends next
    # (signals between two processes keep their order), so the reason is :noproc
    Process.exit(s2, :kill)
    IO.inspect(Server.call(s2, {:get, :x}), label: "after kill")
  end
end

T.main()
