# ExUnit failure reports: the `code:` line prints the assertion with its
# metadata pruned (sigils with `"` whatever their delimiter), as Elixir does.
ExUnit.start(autorun: false, seed: 0)

defmodule SigilCodeTest do
  use ExUnit.Case

  test "word sigils" do
    assert ~w(a b) == ~w(a c)
  end

  test "charlist sigil" do
    assert ~c(ab) == 'ac'
  end

  test "regex sigil" do
    assert "abc" =~ ~r/x/i
  end

  test "sigil in a pattern" do
    assert {:ok, ~w[x]a} = {:ok, [:y]}
  end

  test "no parens kept" do
    m = %{k: 1}
    assert m.k == 2
  end

  test "string sigil and pipe" do
    assert ~s{a b} |> String.split() |> length() == 3
  end

  test "refute with sigil" do
    refute ~w(a) == ["a"]
  end
end

out = ExUnit.CaptureIO.capture_io(fn -> ExUnit.run() end)

out
|> String.split("\n")
|> Enum.reject(&String.starts_with?(&1, "Finished in"))
|> Enum.each(&IO.puts/1)
