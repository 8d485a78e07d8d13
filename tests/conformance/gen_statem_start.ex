defmodule S do
  @behaviour :gen_statem
  def callback_mode, do: [:state_functions, :state_enter]
  def init(:ok), do: {:ok, :idle, 0}
  def init(:ignore), do: :ignore
  def init(:stop), do: {:stop, :nope}
  def init(:bad), do: :what
  def init(:actions), do: {:ok, :idle, 0, [{:state_timeout, 10, :wake}]}
  def idle(:enter, old, n) do
    IO.puts("enter idle from #{old}")
    {:keep_state, n + 1}
  end
  def idle(:state_timeout, :wake, n) do
    IO.puts("woke")
    {:next_state, :busy, n}
  end
  def idle({:call, f}, :get, n), do: {:keep_state_and_data, {:reply, f, {:idle, n}}}
  def idle({:call, f}, :repeat, n), do: {:repeat_state, n, [{:reply, f, :repeated}]}
  def idle(:cast, :work, n), do: {:next_state, :busy, n}
  def busy(:enter, _old, n) do
    IO.puts("enter busy")
    {:keep_state, n + 10, [{:state_timeout, 5, :done}]}
  end
  def busy(:state_timeout, :done, n), do: {:next_state, :idle, n}
  def busy({:call, f}, :get, n), do: {:keep_state_and_data, [{:reply, f, {:busy, n}}]}
  def busy(:cast, :jump, n), do: {:next_state, :nowhere, n}
end
defmodule Main do
  def run do
    IO.inspect(:gen_statem.start({:local, :sm}, S, :ok, []) |> elem(0))
    IO.inspect(match?({:error, {:already_started, _}}, :gen_statem.start({:local, :sm}, S, :ok, [])))
    IO.inspect(:gen_statem.call(:sm, :get))
    IO.inspect(:gen_statem.call(:sm, :repeat))
    IO.inspect(:gen_statem.call(:sm, :get))
    :gen_statem.cast(:sm, :work)
    IO.inspect(:gen_statem.call(:sm, :get))
    Process.sleep(50)
    IO.inspect(:gen_statem.call(:sm, :get))
    IO.inspect(:sys.get_state(:sm))
    IO.inspect(:gen_statem.stop(:sm))
    IO.inspect(Process.whereis(:sm))
    IO.inspect(:gen_statem.start(S, :ignore, []))
    IO.inspect(:gen_statem.start(S, :stop, []))
    IO.inspect(:gen_statem.start(S, :bad, []))
    {:ok, a} = :gen_statem.start(S, :actions, [])
    Process.sleep(50)
    IO.inspect(:gen_statem.call(a, :get))
    {:ok, b} = :gen_statem.start(S, :ok, [])
    ref = Process.monitor(b)
    :gen_statem.cast(b, :work)
    :gen_statem.cast(b, :jump)
    receive do
      {:DOWN, ^ref, _, _, {reason, _}} -> IO.inspect(reason)
    end
    try do
      :gen_statem.call(:nobody, :x)
    catch
      :exit, e -> IO.inspect(e)
    end
    IO.inspect(:gen_statem.cast(:nobody, :x))
    {:ok, c} = :gen_statem.start(S, :ok, [])
    req = :gen_statem.send_request(c, :get)
    IO.inspect(:gen_statem.wait_response(req, 1000))
    IO.inspect(:gen_statem.stop(c, :shutdown, 1000))
  end
end
Main.run()
