defmodule ExUnit.AssertionError do
  @moduledoc "Raised to signal an assertion failure."

  @no_value :ex_unit_no_meaningful_value

  defexception left: @no_value,
               right: @no_value,
               message: @no_value,
               expr: @no_value,
               args: @no_value,
               doctest: @no_value,
               context: :==

  @doc "The value of a field that has no meaningful value."
  def no_value, do: @no_value

  @impl true
  def message(exception), do: "\n\n" <> ExUnit.Formatter.format_assertion_error(exception) <> "\n"
end
