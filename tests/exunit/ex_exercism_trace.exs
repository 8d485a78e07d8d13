# Exercism's test_helper: exclude :pending, trace mode; a solution with some failures.
defmodule Acronym do
  def abbreviate(string) do
    string
    |> String.split([" ", "-", "_"], trim: true)
    |> Enum.map(&String.first/1)
    |> Enum.join()
    |> String.upcase()
  end
end

ExUnit.start(seed: 0)
ExUnit.configure(exclude: :pending, trace: true)

defmodule AcronymTest do
  use ExUnit.Case

  test "it produces acronyms from title case" do
    assert Acronym.abbreviate("Portable Networking Graphic") === "PNG"
  end

  @tag :pending
  test "it produces acronyms from lower case" do
    assert Acronym.abbreviate("Ruby on Rails") === "ROR"
  end

  @tag :pending
  test "it produces acronyms from inconsistent case" do
    assert Acronym.abbreviate("HyperText Markup Language") === "HTML"
  end

  test "punctuation" do
    assert Acronym.abbreviate("First In, First Out") === "FIFO"
  end

  describe "camel case" do
    test "splits words" do
      assert Acronym.abbreviate("GNU Image Manipulation Program") == "GIMP"
    end

    @tag :skip
    test "skipped" do
      assert false
    end
  end
end
