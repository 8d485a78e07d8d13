defmodule OptionParser.ParseError do
  @moduledoc "Raised by `OptionParser.parse!/2` and `parse_head!/2` for invalid switches."
  defexception [:message]
end
