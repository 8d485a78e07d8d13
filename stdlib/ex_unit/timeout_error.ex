defmodule ExUnit.TimeoutError do
  @moduledoc "The failure of a test that ran longer than its timeout."

  defexception [:timeout, :type]

  @impl true
  def message(%{timeout: timeout, type: type}) do
    """
    #{type} timed out after #{timeout}ms. You can change the timeout:

      1. per test by setting "@tag timeout: x" (accepts :infinity)
      2. per test module by setting "@moduletag timeout: x" (accepts :infinity)
      3. globally via "ExUnit.start(timeout: x)" configuration
      4. by running "mix test --timeout x" which sets timeout
      5. or by running "mix test --trace" which sets timeout to infinity
         (useful when using IEx.pry/0)

    where "x" is the timeout given as integer in milliseconds (defaults to 60_000).
    """
  end
end
