# An Exercism-style solution whose tests all pass.
defmodule RnaTranscription do
  @spec to_rna([char]) :: [char]
  def to_rna(dna), do: Enum.map(dna, &complement/1)

  defp complement(?G), do: ?C
  defp complement(?C), do: ?G
  defp complement(?T), do: ?A
  defp complement(?A), do: ?U
end

ExUnit.start(seed: 0)

defmodule RnaTranscriptionTest do
  use ExUnit.Case

  @tag task_id: 1
  test "transcribes guanine to cytosine" do
    assert RnaTranscription.to_rna('G') == 'C'
  end

  @tag task_id: 1
  test "transcribes cytosine to guanine" do
    assert RnaTranscription.to_rna('C') == 'G'
  end

  test "transcribes all" do
    assert RnaTranscription.to_rna('ACGTGGTCTTAA') == 'UGCACCAGAAUU'
  end

  test "raises on bad input" do
    assert_raise FunctionClauseError, fn -> RnaTranscription.to_rna('X') end
  end
end
