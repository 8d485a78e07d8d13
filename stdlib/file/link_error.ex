defmodule File.LinkError do
  @moduledoc "Raised by `File.ln!/2` and `File.ln_s!/2`."
  defexception [:reason, :existing, :new, action: ""]

  def message(%{action: action, reason: reason, existing: existing, new: new}) do
    why = File.Error.message(%File.Error{reason: reason, action: "", path: ""})
    [_, why] = String.split(why, ": ", parts: 2)
    "could not #{action} from #{inspect(existing)} to #{inspect(new)}: #{why}"
  end
end
