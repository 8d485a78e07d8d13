defmodule Q do
  @behaviour :gen_statem
  def callback_mode, do: :handle_event_function
  def init(log), do: {:ok, :a, log, [{:next_event, :internal, :first}, {:next_event, :internal, :second}]}
  def handle_event(:internal, x, _s, log), do: {:keep_state, [x | log]}
  def handle_event(:cast, {:hold, x}, :a, _log), do: {:keep_state_and_data, :postpone}
  def handle_event(:cast, {:hold, x}, :b, log), do: {:keep_state, [{:held, x} | log]}
  def handle_event(:cast, :go_b, :a, log), do: {:next_state, :b, [:to_b | log], [{:next_event, :internal, :ins1}, {:next_event, :internal, :ins2}]}
  def handle_event(:cast, :st, _s, log), do: {:keep_state, log, [{:state_timeout, 0, :st0}, {{:timeout, :g}, 0, :g0}, {:timeout, 0, :ev0}]}
  def handle_event(:state_timeout, c, _s, log), do: {:keep_state, [{:state_timeout, c} | log]}
  def handle_event({:timeout, n}, c, _s, log), do: {:keep_state, [{:generic, n, c} | log]}
  def handle_event(:timeout, c, _s, log), do: {:keep_state, [{:event_timeout, c} | log]}
  def handle_event(:cast, :st_change, s, log), do: {:next_state, if(s == :a, do: :b, else: :a), log, [{:state_timeout, 0, :lost}]} |> then(fn {a, b, c, d} -> {a, b, c, d} end)
  def handle_event(:cast, :upd, _s, log), do: {:keep_state, log, [{{:timeout, :u}, 1000, :old}, {{:timeout, :u}, :update, :new}, {{:timeout, :x}, :update, :fresh}]}
  def handle_event(:cast, :cancel, _s, log), do: {:keep_state, log, [{{:timeout, :u}, :cancel}]}
  def handle_event({:call, from}, :log, s, log), do: {:keep_state_and_data, [{:reply, from, {s, Enum.reverse(log)}}]}
  def handle_event({:call, from}, :stop, _s, log), do: {:stop_and_reply, :normal, [{:reply, from, {:bye, length(log)}}]}
  def handle_event({:call, from}, :bad, _s, _log), do: {:reply, from, :oops}
  def handle_event({:call, from}, :badaction, _s, _log), do: {:keep_state_and_data, [{:bogus, from}]}
end
defmodule Main do
  def run do
    {:ok, p} = :gen_statem.start(Q, [], [])
    IO.inspect(:gen_statem.call(p, :log))
    :gen_statem.cast(p, {:hold, 1})
    :gen_statem.cast(p, {:hold, 2})
    :gen_statem.cast(p, :go_b)
    IO.inspect(:gen_statem.call(p, :log))
    :gen_statem.cast(p, :st)
    IO.inspect(:gen_statem.call(p, :log))
    :gen_statem.cast(p, :upd)
    IO.inspect(:gen_statem.call(p, :log))
    :gen_statem.cast(p, :cancel)
    IO.inspect(:sys.get_state(p) |> elem(0))
    IO.inspect(GenServer.call(p, :log) |> elem(0))
    IO.inspect(:gen_statem.call(p, :stop))
    {:ok, p2} = :gen_statem.start(Q, [], [])
    try do
      :gen_statem.call(p2, :bad)
    catch
      :exit, {{reason, _}, {:gen_statem, :call, [_, :bad, :infinity]}} -> IO.inspect(elem(reason, 0))
    end
    {:ok, p3} = :gen_statem.start(Q, [], [])
    try do
      :gen_statem.call(p3, :badaction, 1000)
    catch
      :exit, {{reason, _}, {:gen_statem, :call, [_, _, 1000]}} -> IO.inspect(elem(reason, 0))
    end
    try do
      :gen_statem.call(p3, :log, 100)
    catch
      :exit, {reason, {:gen_statem, :call, [_, :log, 100]}} -> IO.inspect(reason)
    end
  end
end
Main.run()
