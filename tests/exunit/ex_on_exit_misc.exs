# on_exit callbacks, start_supervised with an Agent, tmp state between tests.
ExUnit.start(seed: 0)

defmodule Bucket do
  use Agent
  def start_link(initial), do: Agent.start_link(fn -> initial end)
  def get(b), do: Agent.get(b, & &1)
  def put(b, v), do: Agent.update(b, fn l -> [v | l] end)
end

defmodule OnExitMiscTest do
  use ExUnit.Case

  setup do
    bucket = start_supervised!({Bucket, []})
    on_exit(fn -> :ok end)
    %{bucket: bucket}
  end

  test "starts empty", %{bucket: b}, do: assert(Bucket.get(b) == [])

  test "put", %{bucket: b} do
    Bucket.put(b, 1)
    Bucket.put(b, 2)
    assert Bucket.get(b) == [1, 2]
  end

  test "on_exit that fails" do
    on_exit(fn -> raise "cleanup failed" end)
    assert true
  end
end
