defmodule H do
  @behaviour :gen_event
  def init(s), do: {:ok, s}
  def handle_event(:crash, _s), do: exit(:ev_exit)
  def handle_event(:bad, _s), do: :bad_ret
  def handle_event(e, s), do: (IO.inspect({e, s}, label: "event"); {:ok, s})
  def handle_call(:state, s), do: {:ok, s, s}
  def handle_call(:swap, s), do: {:swap_handler, :swapped_reply, :t_args, s, {H, :new}, :i_args}
  def terminate(a, s), do: (IO.inspect({a, s}, label: "terminate"); :t_result)
end
defmodule NoInfo do
  def init(s), do: {:ok, s}
  def handle_event(e, s), do: (IO.inspect(e, label: "noinfo event"); {:ok, s})
end
defmodule Main do
  def flush do
    receive do
      {:gen_event_EXIT, h, r} -> IO.inspect({:gen_event_EXIT, h, (with {:swapped, n, p} when is_pid(p) <- r, do: {:swapped, n, p == self()})}); flush()
    after 50 -> :ok
    end
  end
  def run do
    {:ok, m} = :gen_event.start_link()
    :ok = :gen_event.add_sup_handler(m, {H, 1}, :s1)
    :ok = :gen_event.add_sup_handler(m, {H, 2}, :s2)
    :ok = :gen_event.add_handler(m, NoInfo, nil)
    send(m, :raw_info)
    :gen_event.sync_notify(m, :crash)
    flush()
    :ok = :gen_event.add_sup_handler(m, {H, 3}, :s3)
    :gen_event.sync_notify(m, :bad)
    flush()
    :ok = :gen_event.add_sup_handler(m, {H, 4}, :s4)
    IO.inspect(:gen_event.call(m, {H, 4}, :swap))
    flush()
    IO.inspect(:gen_event.which_handlers(m))
    IO.inspect(:gen_event.swap_sup_handler(m, {{H, :new}, :a}, {{H, 5}, :b}))
    flush()
    IO.inspect(:gen_event.call(m, {H, 5}, :state))
    IO.inspect(:sys.get_state(m))
    me = self()
    owner = spawn(fn -> :ok = :gen_event.add_sup_handler(m, {H, 6}, :s6); send(me, :added); receive do :die -> exit(:owner_gone) end end)
    receive do :added -> :ok end
    IO.inspect(length(:gen_event.which_handlers(m)))
    send(owner, :die)
    Process.sleep(50)
    IO.inspect(:gen_event.which_handlers(m))
    IO.inspect(:gen_event.call(m, {H, 5}, :state, 1000))
    req = :gen_event.send_request(m, {H, 5}, :state)
    IO.inspect(:gen_event.wait_response(req, 1000))
    IO.inspect(:gen_event.stop(m))
    flush()
  end
end
Main.run()
