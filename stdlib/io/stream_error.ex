defmodule IO.StreamError do
  @moduledoc "Raised when reading a device as a stream fails."
  defexception [:reason, :message]

  @impl true
  def exception(opts) do
    reason = Keyword.fetch!(opts, :reason)
    %IO.StreamError{reason: reason, message: "error during streaming: " <> format_error(reason)}
  end

  # What `:file.format_error/1` says of the reasons a device gives.
  defp format_error(:eacces), do: "permission denied"
  defp format_error(:ebadf), do: "bad file number"
  defp format_error(:eio), do: "I/O error"
  defp format_error(:enoent), do: "no such file or directory"
  defp format_error(:terminated), do: "the file server process is terminated"
  defp format_error(_), do: "unknown POSIX error"
end
