defmodule H do
  @behaviour :gen_event
  def init(:raise), do: raise("init boom")
  def init(:err), do: {:error, :nope}
  def init(:weird), do: :weird
  def init({:swap_in, x}), do: (IO.inspect(x, label: "swap init"); {:ok, :swapped})
  def init(s), do: {:ok, s}
  def handle_event(:crash, _s), do: raise("ev boom")
  def handle_event(:bad, _s), do: :bad_ret
  def handle_event(:remove, _s), do: :remove_handler
  def handle_event(:swap, s), do: {:swap_handler, :a1, s, {H, :new}, :a2}
  def handle_event(e, s), do: (IO.inspect({e, s}, label: "event"); {:ok, s})
  def handle_call(:crash, _s), do: exit(:call_exit)
  def handle_call(:rm, s), do: {:remove_handler, {:removed, s}}
  def handle_call(r, s), do: {:ok, {r, s}, s}
  def handle_info(i, s), do: (IO.inspect({i, s}, label: "info"); {:ok, s})
  def terminate({:error, {:EXIT, {e, st}}}, s) when is_list(st), do: (IO.inspect({e, s}, label: "terminate crash"); {:term_result, s})
  def terminate(a, s), do: (IO.inspect({a, s}, label: "terminate"); {:term_result, s})
end
{:ok, m} = :gen_event.start()
IO.inspect(:gen_event.add_handler(m, H, 1))
IO.inspect(:gen_event.add_handler(m, H, 2))
IO.inspect(:gen_event.add_handler(m, {H, :b}, 3))
IO.inspect(:gen_event.add_handler(m, {H, :c}, :raise) |> elem(0))
IO.inspect(:gen_event.add_handler(m, {H, :d}, :err))
IO.inspect(:gen_event.add_handler(m, {H, :e}, :weird))
IO.inspect(:gen_event.which_handlers(m))
IO.inspect(:gen_event.notify(m, :hello))
IO.inspect(:gen_event.sync_notify(m, :crash))
IO.inspect(:gen_event.which_handlers(m))
IO.inspect(:gen_event.add_handler(m, H, 1))
IO.inspect(:gen_event.call(m, H, :q))
IO.inspect(:gen_event.call(m, {H, :zz}, :q))
IO.inspect(:gen_event.call(m, H, :crash))
IO.inspect(:gen_event.which_handlers(m))
IO.inspect(:gen_event.add_handler(m, H, 5))
IO.inspect(:gen_event.sync_notify(m, :bad))
IO.inspect(:gen_event.add_handler(m, H, 6))
IO.inspect(:gen_event.call(m, H, :rm))
IO.inspect(:gen_event.add_handler(m, H, 7))
send(m, :info_msg)
IO.inspect(:gen_event.sync_notify(m, :swap))
IO.inspect(:gen_event.which_handlers(m))
IO.inspect(:gen_event.swap_handler(m, {{H, :new}, :x1}, {{H, :n2}, :x2}))
IO.inspect(:gen_event.swap_handler(m, {{H, :nope}, :x1}, {{H, :n3}, :x2}))
IO.inspect(:gen_event.which_handlers(m))
IO.inspect(:gen_event.sync_notify(m, :remove))
IO.inspect(:gen_event.delete_handler(m, {H, :b}, :bye))
IO.inspect(:gen_event.delete_handler(m, {H, :b}, :bye))
IO.inspect(:gen_event.which_handlers(m))
IO.inspect(:gen_event.add_handler(m, {H, :z}, 9))
IO.inspect(:gen_event.stop(m))
IO.inspect(:gen_event.start({:local, :em}) |> elem(0))
IO.inspect(:gen_event.start({:local, :em}) |> elem(0))
IO.inspect(:gen_event.add_sup_handler(:em, {H, :s}, 1))
IO.inspect(:gen_event.sync_notify(:em, :remove))
receive do m -> IO.inspect(m) after 100 -> IO.puts("none") end
IO.inspect(:gen_event.add_sup_handler(:em, {H, :s}, 1))
IO.inspect(:gen_event.delete_handler(:em, {H, :s}, :x))
receive do m -> IO.inspect(m) after 100 -> IO.puts("none") end
IO.inspect(:gen_event.stop(:em))
try do
  :gen_event.notify(:nobody, :x)
rescue e -> IO.inspect(e)
catch k, e -> IO.inspect({k, e})
end
try do
  :gen_event.call(:nobody, H, :x)
catch k, e -> IO.inspect({k, e})
end
try do
  :gen_event.sync_notify(:nobody, :x)
catch k, e -> IO.inspect({k, e})
end
try do
  :gen_event.which_handlers(:nobody)
catch k, e -> IO.inspect({k, e})
end
