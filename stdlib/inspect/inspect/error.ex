defimpl Inspect, for: Inspect.Error do
  # `#Inspect.Error<message>`, with the stack trace when there is one.
  def inspect(%Inspect.Error{stacktrace: []} = error, _opts) do
    "#Inspect.Error<\n  " <> Inspect.Error.__pad__(Exception.message(error), 2) <> ">"
  end

  def inspect(%Inspect.Error{stacktrace: stacktrace} = error, _opts) do
    "#Inspect.Error<\n" <>
      Inspect.Error.__pad__(Exception.message(error), 2) <>
      "\n  Stacktrace:\n\n" <> Exception.format_stacktrace(stacktrace) <> "\n>"
  end
end
