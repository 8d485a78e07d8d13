defmodule System.EnvError do
  @moduledoc "Raised by `System.fetch_env!/1` when the variable is not set."
  defexception [:env]

  def message(%{env: env}) do
    "could not fetch environment variable #{inspect(env)} because it is not set"
  end
end
