# Child specifications: Supervisor.child_spec/2, init/2, start_child errors.
defmodule W do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
end

defmodule R do
  def r(x), do: x
end

defmodule NoSpec do
end

IO.inspect(Supervisor.child_spec(W, []))
IO.inspect(Supervisor.child_spec({W, 1}, id: :x, restart: :transient, shutdown: 100))
IO.inspect(Supervisor.child_spec(%{id: :m, start: {R, :r, [1]}}, type: :supervisor))
IO.inspect(Supervisor.init([W, {W, 2}], strategy: :one_for_all, max_restarts: 1))

for bad <- [{W, 1}, 1, NoSpec, Missing] do
  try do
    Supervisor.child_spec(bad, if(bad == {W, 1}, do: [bad: 1], else: []))
  rescue
    e in ArgumentError -> IO.puts(e.message |> String.split("\n") |> hd())
  end
end

try do
  Supervisor.init([], [])
rescue
  e in ArgumentError -> IO.puts(e.message)
end

{:ok, sup} = Supervisor.start_link([], strategy: :one_for_one)
IO.inspect(Supervisor.start_child(sup, %{id: :i, start: {R, :r, [:ignore]}}))
IO.inspect(Supervisor.which_children(sup))
IO.inspect(Supervisor.start_child(sup, %{id: :i, start: {R, :r, [:ignore]}}))
IO.inspect(Supervisor.start_child(sup, %{id: :e, start: {R, :r, [{:error, :bad}]}}))
IO.inspect(Supervisor.start_child(sup, %{id: :o, start: {R, :r, [:other]}}))
IO.inspect(Supervisor.start_child(sup, %{id: :t, start: {R, :r, [:ignore]}, restart: :temporary}))
IO.inspect(Supervisor.start_child(sup, %{id: :h}))
IO.inspect(Supervisor.start_child(sup, %{id: :h, start: {R, :r, []}, restart: :sometimes}))
IO.inspect(Supervisor.start_child(sup, %{id: :h, start: {R, :r, []}, shutdown: -1}))
IO.inspect(Supervisor.start_child(sup, %{id: :h, start: {R, :r, []}, type: :other}))
{:ok, pid} = Supervisor.start_child(sup, {W, :x})
IO.inspect(Supervisor.start_child(sup, {W, :y}) == {:error, {:already_started, pid}})
IO.inspect(Supervisor.count_children(sup))
