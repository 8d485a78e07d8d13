# Code under test that prints: the output comes before the test's dot.
ExUnit.start(seed: 0)

defmodule Noisy do
  def run(x) do
    IO.puts("running #{x}")
    IO.inspect(x * 2, label: "double")
  end
end

defmodule PrintingTest do
  use ExUnit.Case

  test "prints and passes" do
    assert Noisy.run(1) == 2
  end

  test "prints and fails" do
    assert Noisy.run(2) == 5
  end

  test "quiet", do: assert(true)
end
