# The exceptions the VM raises itself are modules too: struct/2, struct!/2,
# apply, function_exported?/3, Code.ensure_loaded?/1, their message/1 and
# blame/2 called by name.
defmodule BuiltinExc do
  def t(f) do
    try do
      IO.inspect(f.())
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end

  def run do
    mods = [ArgumentError, ArithmeticError, BadArityError, BadBooleanError, BadFunctionError,
            BadMapError, BadStructError, CaseClauseError, CondClauseError, Enum.EmptyError,
            Enum.OutOfBoundsError, ErlangError, FunctionClauseError, KeyError, MatchError,
            Protocol.UndefinedError, RuntimeError, SystemLimitError, TryClauseError,
            UndefinedFunctionError, WithClauseError]

    for m <- mods do
      IO.inspect({m, Code.ensure_loaded?(m), function_exported?(m, :exception, 1),
                  function_exported?(m, :message, 1), function_exported?(m, :blame, 2)})
      IO.inspect(m.__struct__())
    end

    t(fn -> struct(RuntimeError, message: "x", other: 1) end)
    t(fn -> struct!(ArgumentError, message: "y") end)
    t(fn -> struct!(RuntimeError, bogus: 1) end)
    t(fn -> apply(RuntimeError, :exception, [[message: "applied"]]) end)
    t(fn -> apply(KeyError, :exception, [[key: :k, term: %{a: 1}]]) |> KeyError.message() end)
    t(fn -> KeyError.message(%KeyError{key: :k, term: [a: 1]}) end)
    t(fn -> RuntimeError.message(%RuntimeError{}) end)
    t(fn -> MatchError.message(%MatchError{term: {1, 2}}) end)
    t(fn -> ArgumentError.blame(%ArgumentError{}, []) end)
    t(fn -> Enum.map([RuntimeError, ArgumentError], & &1.exception("m")) end)

    try do
      Map.fetch!(%{apple: 1}, :aple)
    rescue
      e ->
        {e2, _} = KeyError.blame(e, __STACKTRACE__)
        IO.puts(Exception.message(e2))
    end
  end
end

BuiltinExc.run()
