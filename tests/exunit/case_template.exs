ExUnit.start(seed: 0)

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
