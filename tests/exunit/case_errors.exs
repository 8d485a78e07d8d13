# Mistakes in test modules raise while the module's body runs (caught here to print them).
ExUnit.start(seed: 0)

defmodule CaseErrors do
  def report(name, e), do: IO.puts("#{name}: ** (#{inspect(e.__struct__)}) #{Exception.message(e)}")
end

try do
  defmodule DuplicateTest do
    use ExUnit.Case
    test "a", do: :ok
    test "a", do: :ok
  end
  IO.puts("duplicate test: compiled")
rescue
  e -> CaseErrors.report("duplicate test", e)
end

try do
  defmodule DuplicateDescribedTest do
    use ExUnit.Case
    describe "a" do
      test "b", do: :ok
    end
    test "a b", do: :ok
  end
  IO.puts("duplicate test through describe: compiled")
rescue
  e -> CaseErrors.report("duplicate test through describe", e)
end

try do
  defmodule NestedDescribeTest do
    use ExUnit.Case
    describe "a" do
      describe "b" do
      end
    end
  end
  IO.puts("nested describe: compiled")
rescue
  e -> CaseErrors.report("nested describe", e)
end

try do
  defmodule DuplicateDescribeTest do
    use ExUnit.Case
    describe "a", do: :ok
    describe "a", do: :ok
  end
  IO.puts("duplicate describe: compiled")
rescue
  e -> CaseErrors.report("duplicate describe", e)
end

try do
  defmodule DescribeNameTest do
    use ExUnit.Case
    describe :a do
    end
  end
  IO.puts("describe name: compiled")
rescue
  e -> CaseErrors.report("describe name", e)
end

try do
  defmodule SetupAllInDescribeTest do
    use ExUnit.Case
    describe "a" do
      setup_all do
        :ok
      end
    end
  end
  IO.puts("setup_all in describe: compiled")
rescue
  e -> CaseErrors.report("setup_all in describe", e)
end

try do
  defmodule BadCallbackTest do
    use ExUnit.Case
    setup [{BadCallbackTest, :setup}]
  end
  IO.puts("bad setup callback: compiled")
rescue
  e -> CaseErrors.report("bad setup callback", e)
end

try do
  defmodule ReservedTagTest do
    use ExUnit.Case
    @tag file: "other.exs"
    test "a", do: :ok
  end
  IO.puts("reserved tag: compiled")
rescue
  e -> CaseErrors.report("reserved tag", e)
end

try do
  defmodule ReservedModuleTagTest do
    use ExUnit.Case
    @moduletag line: 1
    test "a", do: :ok
  end
  IO.puts("reserved module tag: compiled")
rescue
  e -> CaseErrors.report("reserved module tag", e)
end

try do
  defmodule TagBeforeUseTest do
    @moduletag :early
    use ExUnit.Case
  end
  IO.puts("tag before use: compiled")
rescue
  e -> CaseErrors.report("tag before use", e)
end

try do
  defmodule AtomNameTest do
    use ExUnit.Case
    test :atom_name, do: :ok
  end
  IO.puts("atom test name: compiled")
rescue
  e -> CaseErrors.report("atom test name", e)
end

defmodule CaseErrorsTest do
  use ExUnit.Case

  test "the atom-named test runs" do
    assert AtomNameTest.__ex_unit__().tests |> Enum.map(& &1.name) == [:"test atom_name"]
  end
end
