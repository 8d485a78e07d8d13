# The reports OTP processes write when they end abnormally (a GenServer
# terminating, a task crashing), on standard error, shaped like the lines
# Elixir's Logger prints: `[error] ` and the report. They go through
# `Logger.__report__/2`, so Logger's level and ExUnit.CaptureLog apply.
defmodule :beamlet_logger do
  @moduledoc false

  @doc "Writes `[error] message`."
  def error(message) do
    Logger.__report__(:error, [message, ?\n])
    :ok
  end

  @doc "Writes a crash report: `header`, the reason (an exception, or `** (stop) reason`) and its stack trace, then `extra` lines."
  def crash(header, kind, reason, stacktrace, extra \\ nil) do
    banner =
      case kind do
        :error ->
          Exception.format_banner(:error, reason, stacktrace) <> "\n" <> stack(stacktrace)

        :throw ->
          Exception.format_banner(:throw, reason, stacktrace) <> "\n" <> stack(stacktrace)

        :exit ->
          "** (stop) " <> Exception.format_exit(reason) <> "\n" <> stack(stacktrace)
      end

    tail = if extra == nil, do: "", else: extra <> "\n"
    Logger.__report__(:error, [header, ?\n, banner, tail])
    :ok
  end

  defp stack([]), do: ""
  defp stack(stacktrace), do: Exception.format_stacktrace(stacktrace)
end
