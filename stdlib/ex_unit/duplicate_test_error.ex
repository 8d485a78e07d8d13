defmodule ExUnit.DuplicateTestError do
  @moduledoc "Raised when a test module defines two tests with the same name."

  defexception [:message]
end
