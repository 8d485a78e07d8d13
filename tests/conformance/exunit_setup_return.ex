# A setup or setup_all callback returning something else than :ok, a keyword list or a map: the
# RuntimeError ExUnit raises, with its library frame (ExUnit.Callbacks.raise_merge_failed!/2 at
# Elixir's file and line); a setup that raises; setup chains in a describe.
ExUnit.start(autorun: false, seed: 0)

defmodule SetupReturnTest do
  use ExUnit.Case

  setup do
    :not_ok
  end

  test "never runs", do: assert(true)
end

defmodule SetupAllReturnTest do
  use ExUnit.Case

  setup_all do
    {:error, :nope}
  end

  test "invalid one", do: assert(true)
  test "invalid two", do: assert(true)
end

defmodule SetupRaiseTest do
  use ExUnit.Case

  setup do
    raise "setup broke"
  end

  test "never runs either", do: assert(true)
end

defmodule SetupChainTest do
  use ExUnit.Case

  describe "chained" do
    setup :first
    setup [:second]

    defp first(_context), do: [value: 10]
    defp second(%{value: v}), do: %{double: v * 2}

    test "sees both", %{value: v, double: d} do
      assert v + d == 30
    end
  end
end

out = ExUnit.CaptureIO.capture_io(fn -> ExUnit.run() end)

out
|> String.split("\n")
|> Enum.reject(&String.starts_with?(&1, "Finished in"))
|> Enum.each(&IO.puts/1)
