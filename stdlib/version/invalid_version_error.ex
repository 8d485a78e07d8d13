defmodule Version.InvalidVersionError do
  @moduledoc "Raised when a version string is not a valid version."
  defexception [:version]

  def message(%{version: version}), do: "invalid version: #{inspect(version)}"
end
