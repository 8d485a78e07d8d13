defmodule URI.Error do
  @moduledoc "Raised by `URI.new!/1` when a string is not a valid URI."
  defexception [:action, :reason, :part]

  def message(%{action: action, reason: reason, part: part}) do
    "cannot #{action} due to reason #{reason}: #{inspect(part)}"
  end
end
