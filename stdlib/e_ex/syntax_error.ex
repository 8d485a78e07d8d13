# The error a malformed EEx template raises.
defmodule EEx.SyntaxError do
  defexception [:message, :file, :line, :column]
end
