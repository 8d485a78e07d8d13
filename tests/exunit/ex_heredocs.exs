# Multi-line strings from heredocs in failures; string functions on them.
ExUnit.start(seed: 0)

defmodule Diamond do
  def build(?A), do: "A\n"

  def build(letter) do
    n = letter - ?A
    top = for i <- 0..n, do: row(i, n)
    Enum.join(top ++ Enum.reverse(Enum.drop(top, -1)), "\n") <> "\n"
  end

  defp row(0, n), do: String.duplicate(" ", n) <> "A" <> String.duplicate(" ", n)

  defp row(i, n) do
    outer = String.duplicate(" ", n - i)
    c = <<?A + i>>
    outer <> c <> String.duplicate(" ", 2 * i - 1) <> c <> outer
  end
end

defmodule HeredocsTest do
  use ExUnit.Case

  test "letter A", do: assert(Diamond.build(?A) == "A\n")

  test "letter C" do
    shape = """
      A
     B B
    C   C
     B B
      A
    """

    assert Diamond.build(?C) == shape
  end

  test "wrong expectation" do
    assert Diamond.build(?B) == """
           .A.
           B.B
           .A.
           """
  end

  test "lines" do
    assert String.split(Diamond.build(?B), "\n", trim: true) == [" A ", "B B", " A", ""]
  end
end
