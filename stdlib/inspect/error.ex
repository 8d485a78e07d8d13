defmodule Inspect.Error do
  @moduledoc """
  Raised (with `safe: false`; else shown as `#Inspect.Error<...>`) when an
  `Inspect` implementation raises while inspecting a struct.
  """

  @enforce_keys [:exception_module, :exception_message, :stacktrace, :inspected_struct]
  defexception @enforce_keys

  @impl true
  def exception(arguments) when is_list(arguments) do
    exception = Keyword.fetch!(arguments, :exception)

    %Inspect.Error{
      exception_module: exception.__struct__,
      exception_message: exception |> Exception.message() |> String.trim_trailing("\n"),
      stacktrace: Keyword.fetch!(arguments, :stacktrace),
      inspected_struct: Keyword.fetch!(arguments, :inspected_struct)
    }
  end

  @impl true
  def message(%Inspect.Error{} = error) do
    "got #{Kernel.inspect(error.exception_module)} with message:\n\n" <>
      "    \"\"\"\n" <>
      __pad__(error.exception_message, 4) <>
      "\n    \"\"\"\n\nwhile inspecting:\n\n" <> __pad__(error.inspected_struct, 4) <> "\n"
  end

  @doc false
  # `text` with each line that is not empty indented by `n` spaces.
  def __pad__(text, n) do
    spaces = String.duplicate(" ", n)

    text
    |> String.split("\n")
    |> Enum.map_join("\n", fn
      "" -> ""
      line -> spaces <> line
    end)
  end
end
