defmodule ExUnit.DocTest.Error do
  @moduledoc "Raised when `doctest/2` cannot make tests of a module's documentation."
  defexception [:message]

  @impl true
  def exception(opts) do
    module = Keyword.fetch!(opts, :module)
    message = Keyword.fetch!(opts, :message)

    file =
      case module.__info__(:compile)[:source] do
        nil -> "nofile"
        source -> Path.relative_to_cwd(List.to_string(source))
      end

    %ExUnit.DocTest.Error{message: "#{file}: #{message}"}
  end
end
