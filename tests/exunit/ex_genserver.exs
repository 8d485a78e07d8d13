# Testing a GenServer and an Agent; a call that crashes the server.
ExUnit.start(seed: 0)

defmodule KV do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, %{}, name: __MODULE__)
  def put(k, v), do: GenServer.call(__MODULE__, {:put, k, v})
  def get(k), do: GenServer.call(__MODULE__, {:get, k})
  def crash, do: GenServer.call(__MODULE__, :crash)

  @impl true
  def init(state), do: {:ok, state}

  @impl true
  def handle_call({:put, k, v}, _from, s), do: {:reply, :ok, Map.put(s, k, v)}
  def handle_call({:get, k}, _from, s), do: {:reply, Map.get(s, k), s}
end

defmodule KVTest do
  use ExUnit.Case

  setup do
    start_supervised!(KV)
    :ok
  end

  test "put and get" do
    assert KV.put(:a, 1) == :ok
    assert KV.get(:a) == 1
  end

  test "wrong value" do
    KV.put(:a, 1)
    assert KV.get(:a) == 2
  end

  test "agent" do
    {:ok, agent} = Agent.start_link(fn -> [] end)
    Agent.update(agent, &[1 | &1])
    assert Agent.get(agent, & &1) == [1, 2]
  end
end
