defmodule Code.LoadError do
  @moduledoc "Raised when a file given to `Code.require_file/2` and the like cannot be read."
  defexception [:file, :message, :reason]

  @impl true
  def exception(opts) do
    file = Keyword.fetch!(opts, :file)
    reason = Keyword.fetch!(opts, :reason)
    %Code.LoadError{file: file, reason: reason, message: "could not load #{file}. Reason: #{reason}"}
  end
end
