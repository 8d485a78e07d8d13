defmodule Regex.CompileError do
  @moduledoc "Raised when a regular expression does not compile."
  defexception message: "regex could not be compiled"
end
