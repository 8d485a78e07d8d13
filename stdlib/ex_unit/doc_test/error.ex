defmodule ExUnit.DocTest.Error do
  @moduledoc "Raised when `doctest/2` cannot make tests of a module's documentation."
  defexception [:message]

  @impl true
  def exception(opts) do
    module = Keyword.fetch!(opts, :module)
    message = Keyword.fetch!(opts, :message)

    %ExUnit.DocTest.Error{message: "#{ExUnit.DocTest.__source__(module)}: #{message}"}
  end
end
