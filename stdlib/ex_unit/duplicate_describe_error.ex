defmodule ExUnit.DuplicateDescribeError do
  @moduledoc "Raised when a test module has two describe blocks with the same name."

  defexception [:message]
end
