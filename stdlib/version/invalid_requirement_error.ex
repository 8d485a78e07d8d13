defmodule Version.InvalidRequirementError do
  @moduledoc "Raised when a requirement string is not a valid requirement."
  defexception [:requirement]

  def message(%{requirement: requirement}), do: "invalid requirement: #{inspect(requirement)}"
end
