# A test module with aliases, imports, module attributes and helper functions.
ExUnit.start(seed: 0)

defmodule My.Deep.Module do
  def value(x), do: {:value, x}
end

defmodule ModuleAttrsTest do
  use ExUnit.Case
  alias My.Deep.Module, as: Deep
  import Enum, only: [sum: 1]

  @expected {:value, 2}
  @numbers [1, 2, 3]

  defp build(x), do: Deep.value(x)

  test "attribute", do: assert(build(1) == @expected)
  test "import", do: assert(sum(@numbers) == 7)
  test "alias in message", do: assert(Deep.value(1) == %{value: 1})

  test "module name in a value" do
    assert Deep == My.Deep.Other
  end
end
