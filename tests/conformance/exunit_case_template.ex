# ExUnit.CaseTemplate: `using` injects code with the `use` options, the
# template's setup_all/setup run first and merge into the test's context;
# `doctest` of a script's module raises ExUnit.DocTest.Error.
ExUnit.start(autorun: false, seed: 0)

defmodule MyHelpers do
  def double(x), do: x * 2
end

defmodule MyCase do
  use ExUnit.CaseTemplate

  using opts do
    quote do
      import MyHelpers
      @moduletag from_template: unquote(Keyword.get(opts, :tag, :none))
    end
  end

  setup_all do
    {:ok, all: :yes}
  end

  setup context do
    {:ok, template_setup: Map.get(context, :all), seen_test: context.test}
  end
end

defmodule PlainCase do
  use ExUnit.CaseTemplate
  setup do
    [plain: true]
  end
end

defmodule TemplateTest do
  use MyCase, async: true, tag: :given

  setup do
    {:ok, own: 1}
  end

  test "helpers imported and contexts merged", context do
    assert double(2) == 4
    assert context.all == :yes
    assert context.template_setup == :yes
    assert context.own == 1
    assert context.from_template == :given
    assert context.async == true
    assert context.seen_test == :"test helpers imported and contexts merged"
  end

  test "failing", %{own: own} do
    assert own == 2
  end
end

defmodule PlainTest do
  use PlainCase
  test "plain", ctx do
    assert ctx.plain
    assert ctx.async == false
  end
end
IO.inspect MyCase.__info__(:functions) |> Enum.sort()
IO.inspect function_exported?(MyCase, :__ex_unit__, 2)

defmodule DocCalc do
  @doc """
      iex> DocCalc.add(1, 2)
      3
  """
  def add(a, b), do: a + b
end

try do
  defmodule DocCalcTest do
    use ExUnit.Case
    doctest DocCalc
  end
rescue
  e in ExUnit.DocTest.Error -> IO.inspect(e)
end

out = ExUnit.CaptureIO.capture_io(fn -> ExUnit.run() end)

out
|> String.split("\n")
|> Enum.reject(&String.starts_with?(&1, "Finished in"))
|> Enum.each(&IO.puts/1)
