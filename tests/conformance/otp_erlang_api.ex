# OTP's :gen_server and :supervisor called the Erlang way: {:local, name},
# call/2,3 exit reasons, stop/1,3, init/1 results and child specs rejected.
defmodule S do
  use GenServer
  def init(x), do: {:ok, x}
  def handle_call(:get, _f, s), do: {:reply, s, s}
  def handle_cast({:set, v}, _s), do: {:noreply, v}
end

defmodule Sup do
  def start_link(fun), do: :supervisor.start_link(__MODULE__, fun)
  def init(fun), do: fun.()
end

IO.inspect(:gen_server.start({:local, :s1}, S, 1, []) |> elem(0))
IO.inspect(:gen_server.call(:s1, :get))
IO.inspect(:gen_server.cast(:s1, {:set, 2}))
IO.inspect(:gen_server.call(:s1, :get, 1000))
IO.inspect(:gen_server.start({:local, :s1}, S, 1, []) |> elem(0))
{:ok, p} = :gen_server.start_link(S, 5, [])
IO.inspect(:gen_server.call(p, :get))
reason = try do: :gen_server.call(:nope, :x), catch: (:exit, r -> r)
IO.inspect(reason)
IO.inspect(try(do: :gen_server.call(:nope, :x, 10), catch: (:exit, r -> r)))
IO.puts(Exception.format_exit(reason))
IO.inspect(:gen_server.stop(:s1))
IO.inspect(try(do: :gen_server.stop(:s1), catch: (:exit, r -> r)))
IO.inspect(:gen_server.start({:global, :g1}, S, 3, []) |> elem(0))
IO.inspect(:gen_server.call({:global, :g1}, :get))
IO.inspect(:gen_server.stop({:global, :g1}, :normal, :infinity))
ref = :gen_server.send_request(p, :get)
IO.inspect(:gen_server.wait_response(ref, 1000))

Process.flag(:trap_exit, true)
m = {:m, :f, []}

returns = [
  :foo,
  :ignore,
  {:ok, {:foo, []}},
  {:ok, {{:foo, 1, 1}, []}},
  {:ok, {{:one_for_one, :foo, 1}, []}},
  {:ok, {{:one_for_one, 1, :foo}, []}},
  {:ok, {{:simple_one_for_one, 1, 1}, :foo}},
  {:ok, {{:one_for_one, 1, 1}, [:foo]}},
  {:ok, {{:one_for_one, 1, 1}, [{:child, :foo, :temporary, 1, :worker, []}]}},
  {:ok, {{:one_for_one, 1, 1}, [{:child, m, :foo, 1, :worker, []}]}},
  {:ok, {{:one_for_one, 1, 1}, [{:child, m, :temporary, :foo, :worker, []}]}},
  {:ok, {{:one_for_one, 1, 1}, [{:child, m, :temporary, 1, :foo, []}]}},
  {:ok, {{:one_for_one, 1, 1}, [{:child, m, :temporary, 1, :worker, :foo}]}},
  {:ok, {{:one_for_one, 1, 1}, [{:child, m, :temporary, 1, :worker, [{:foo}]}]}},
  {:ok, {{:one_for_one, 1, 1}, [{:child, m, :permanent, 1, :worker, []}, {:child, m, :permanent, 1, :worker, []}]}},
  {:ok, {{:one_for_one, 1, 1}, [{:child, {Kernel, :exit, [:foo]}, :temporary, 1, :worker, []}]}},
  {:ok, {%{strategy: :one_for_all}, []}}
]

for r <- returns do
  case Sup.start_link(fn -> r end) do
    {:error, reason} -> IO.puts(Exception.format_exit(reason))
    {:ok, pid} -> IO.inspect({:supervisor.count_children(pid), :supervisor.which_children(pid)})
    other -> IO.inspect(other)
  end
end

IO.inspect(:supervisor.check_childspecs([{:c, m, :permanent, 1, :worker, []}]))
IO.inspect(:supervisor.check_childspecs([:bad]))
