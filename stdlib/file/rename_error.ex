defmodule File.RenameError do
  @moduledoc "Raised by `File.rename!/2`."
  defexception [:reason, :source, :destination, on: "", action: ""]

  def message(%{action: action, reason: reason, source: source, destination: destination, on: on}) do
    where = if on == "", do: "", else: ". #{on}"
    why = File.Error.message(%File.Error{reason: reason, action: "", path: ""})
    [_, why] = String.split(why, ": ", parts: 2)
    "could not #{action} from #{inspect(source)} to #{inspect(destination)}#{where}: #{why}"
  end
end
