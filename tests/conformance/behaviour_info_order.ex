# behaviour_info/1 lists callbacks as Elixir does: descending by name and arity.
defmodule Animation do
  @callback init(opts :: keyword) :: {:ok, keyword}
  @callback handle_frame(map, integer, keyword) :: map
end

defmodule Mixed do
  @callback zed(integer) :: :ok
  @callback init(term) :: :ok
  @macrocallback mac(term) :: Macro.t()
  @callback handle(term, term, term) :: :ok
  @callback alpha() :: :ok
  @callback init(term, term) :: :ok
  @optional_callbacks alpha: 0, zed: 1
end

defmodule Letters do
  @callback a() :: :ok
  @callback c() :: :ok
  @callback b() :: :ok
  @optional_callbacks [b: 0]
  @optional_callbacks [a: 0]
end

for m <- [Animation, Mixed, Letters] do
  IO.inspect(m.behaviour_info(:callbacks), label: inspect(m))
  IO.inspect(m.behaviour_info(:optional_callbacks), label: "optional")
end

defmodule Dots do
  @behaviour Animation
  @impl Animation
  def init(opts), do: {:ok, opts}
  @impl Animation
  def handle_frame(dot, frame, _opts), do: Map.put(dot, :frame, frame)
end

IO.inspect(Dots.init(radius: 2))
IO.inspect(Dots.handle_frame(%{x: 1}, 3, []))
IO.inspect(Dots.module_info(:attributes) |> Keyword.get_values(:behaviour))
