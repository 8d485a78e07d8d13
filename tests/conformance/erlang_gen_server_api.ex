defmodule ErlStyle do
  @behaviour :gen_server
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_call({:add, k}, _from, n), do: {:reply, :ok, n + k}
  def handle_cast({:set, v}, _n), do: {:noreply, v}
end
defmodule ErlSup do
  @behaviour :supervisor
  def init(_) do
    {:ok, {%{strategy: :one_for_one, intensity: 3, period: 5}, [%{id: :w, start: {:gen_server, :start_link, [{:local, :erl_w}, ErlStyle, 1, []]}}]}}
  end
end
defmodule ErlSup2 do
  @behaviour :supervisor
  def init(_), do: {:ok, {{:one_for_all, 1, 5}, [{:w2, {:gen_server, :start_link, [ErlStyle, 2, []]}, :permanent, 5000, :worker, [ErlStyle]}]}}
end
{:ok, pid} = :gen_server.start_link({:local, :es}, ErlStyle, 10, [])
IO.inspect(:gen_server.call(:es, :get))
IO.inspect(:gen_server.call(pid, {:add, 5}, 1000))
:gen_server.cast(:es, {:set, 100})
IO.inspect(:gen_server.call(:es, :get))
IO.inspect(match?({:error, {:already_started, _}}, :gen_server.start({:local, :es}, ErlStyle, 0, [])))
try do
  :gen_server.call(:does_not_exist, :hello)
catch
  :exit, e -> IO.inspect(e)
end
try do
  :gen_server.call(:does_not_exist, :hello, 100)
catch
  :exit, e -> IO.inspect(e)
end
IO.inspect(Exception.format_exit({:noproc, {:gen_server, :call, [:does_not_exist, :hello]}}))
IO.inspect(:gen_server.stop(:es))
try do
  :gen_server.stop(:es)
catch
  :exit, e -> IO.inspect(e)
end
{:ok, sup} = :supervisor.start_link(ErlSup, [])
IO.inspect(:gen_server.call(:erl_w, :get))
IO.inspect(:supervisor.count_children(sup))
IO.inspect(:supervisor.which_children(sup) |> Enum.map(&elem(&1, 0)))
IO.inspect(:supervisor.check_childspecs([%{id: 1, start: {M, :f, []}}]))
IO.inspect(:supervisor.check_childspecs([%{id: 1}]))
IO.inspect(:supervisor.get_childspec(sup, :w) |> elem(0))
{:ok, s2} = :supervisor.start_link({:local, :named_sup}, ErlSup2, [])
IO.inspect(Process.whereis(:named_sup) == s2)
IO.inspect(:supervisor.count_children(:named_sup))
IO.inspect(:supervisor.terminate_child(:named_sup, :w2))
IO.inspect(:supervisor.restart_child(:named_sup, :w2) |> elem(0))
IO.inspect(:supervisor.delete_child(:named_sup, :w2))
IO.inspect(:supervisor.start_child(:named_sup, %{id: :w3, start: {:gen_server, :start_link, [ErlStyle, 3, []]}}) |> elem(0))
IO.inspect(:supervisor.which_children(:named_sup) |> Enum.map(&elem(&1, 0)))
{:ok, {m, ref}} = :gen_server.start_monitor(ErlStyle, 5, [])
IO.inspect({is_pid(m), is_reference(ref)})
r = :gen_server.send_request(m, :get)
IO.inspect(:gen_server.wait_response(r, 1000))
IO.inspect(:gen_server.start_monitor({:local, :named_sup}, ErlStyle, 5, []) |> elem(0))
{:ok, {e, eref}} = :gen_event.start_monitor()
IO.inspect({is_pid(e), is_reference(eref)})
:gen_event.stop(e)
receive do
  {:DOWN, ^eref, :process, ^e, r} -> IO.inspect(r, label: "event manager down")
end
