# An Exercism-style solution and its test file, some tests failing.
defmodule BobBot do
  def hey(input) do
    input = String.trim(input)

    cond do
      input == "" -> "Fine. Be that way!"
      shouting?(input) and question?(input) -> "Calm down, I know what I'm doing!"
      shouting?(input) -> "Whoa, chill out!"
      question?(input) -> "Sure."
      true -> "Whatever."
    end
  end

  defp shouting?(s), do: String.upcase(s) == s and String.downcase(s) != s
  defp question?(s), do: String.ends_with?(s, "?")
end

ExUnit.start(seed: 0)

defmodule BobBotTest do
  use ExUnit.Case

  test "stating something" do
    assert BobBot.hey("Tom-ay-to, tom-aaaah-to.") == "Whatever."
  end

  test "shouting" do
    assert BobBot.hey("WATCH OUT!") == "Whoa, chill out!"
  end

  @tag :task_2
  test "asking a question" do
    assert BobBot.hey("Does this cryogenic chamber make me look fat?") == "Sure"
  end

  test "silence" do
    assert BobBot.hey("   ") == "Fine. Be that way!"
  end

  describe "forceful" do
    test "question" do
      assert BobBot.hey("WHAT'S GOING ON?") == "Calm down, I know what I'm doing!"
    end

    test "numbers" do
      assert BobBot.hey("1, 2, 3") == "Whoa, chill out!"
    end
  end
end
