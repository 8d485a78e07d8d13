defmodule File.CopyError do
  @moduledoc "Raised by `File.cp!/3` and `File.copy!/3`."
  defexception [:reason, :source, :destination, on: "", action: ""]

  def message(%{action: action, reason: reason, source: source, destination: destination, on: on}) do
    where = if on == "", do: "", else: ". #{on}"
    why = File.Error.message(%File.Error{reason: reason, action: "", path: ""})
    # File.Error's message reads `could not  "": <why>`: keep what follows the colon.
    [_, why] = String.split(why, ": ", parts: 2)
    "could not #{action} from #{inspect(source)} to #{inspect(destination)}#{where}: #{why}"
  end
end
