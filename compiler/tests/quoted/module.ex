defmodule Example.Counter do
  @moduledoc """
  A counter.

  Counts things.
  """

  use GenServer
  alias Example.{Store, Clock}
  import Enum, only: [map: 2]
  require Logger

  @default 0
  @type state :: %{count: non_neg_integer()}

  defstruct count: @default, name: nil

  @doc "Starts it."
  @spec start_link(keyword) :: GenServer.on_start()
  def start_link(opts \\ []) do
    GenServer.start_link(__MODULE__, opts, name: opts[:name] || __MODULE__)
  end

  @impl true
  def init(opts) do
    {:ok, %__MODULE__{count: Keyword.get(opts, :count, @default)}}
  end

  @impl true
  def handle_call(:get, _from, %{count: c} = state), do: {:reply, c, state}

  def handle_call({:add, n}, _from, state) when is_integer(n) and n >= 0 do
    state = %{state | count: state.count + n}
    Logger.debug("added #{n}, now #{state.count}")
    {:reply, :ok, state}
  end

  defp helper(list) do
    list
    |> map(&(&1 * 2))
    |> Enum.filter(fn x -> rem(x, 3) == 0 end)
    |> Enum.reduce(0, &+/2)
  end

  defmacro twice(expr) do
    quote do
      unquote(expr)
      unquote(expr)
    end
  end

  defimpl String.Chars do
    def to_string(%{count: c}), do: "count: #{c}"
  end
end
