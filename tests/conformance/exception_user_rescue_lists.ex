# rescue clauses listing several user and built-in exceptions; reraise keeps the struct.
defmodule ParseError, do: defexception([:line, message: "parse error"])
defmodule ValidationError do
  defexception [:field]
  @impl true
  def message(%{field: f}), do: "invalid field #{inspect(f)}"
end
defmodule FatalError, do: defexception(message: "fatal")

defmodule Main do
  def fail(:parse), do: raise(ParseError, line: 3)
  def fail(:valid), do: raise(ValidationError, field: :email)
  def fail(:fatal), do: raise(FatalError)
  def fail(:arith), do: 1 / Process.get(:zero, 0)
  def fail(:key), do: Map.fetch!(%{}, :k)
  def fail(:runtime), do: raise("plain")
  def fail(:throw), do: throw(:thrown)
  def fail(:exit), do: exit(:bye)
  def fail(:ok), do: :fine

  def classify(what) do
    try do
      fail(what)
    rescue
      e in [ParseError, ValidationError] -> {:input, e.__struct__, Exception.message(e)}
      ArithmeticError -> {:math}
      e in [KeyError, RuntimeError] -> {:lookup_or_runtime, Exception.message(e)}
    catch
      :throw, v -> {:caught_throw, v}
      :exit, r -> {:caught_exit, r}
    else
      v -> {:no_error, v}
    end
  end

  def wrap(what) do
    try do
      classify_strict(what)
    rescue
      e in FatalError -> "outer got #{inspect(e)}"
      e -> "outer got other #{inspect(e.__struct__)}"
    end
  end

  def classify_strict(what) do
    try do
      fail(what)
    rescue
      e in [FatalError, ParseError] ->
        IO.puts("  inner saw #{inspect(e.__struct__)}, reraising")
        reraise e, __STACKTRACE__
    end
  end

  def run do
    for w <- [:parse, :valid, :arith, :key, :runtime, :throw, :exit, :ok], do: IO.inspect(classify(w))

    try do
      classify(:fatal)
    rescue
      e -> IO.puts("escaped: " <> Exception.message(e))
    end

    for w <- [:fatal, :parse, :valid], do: IO.puts(wrap(w))

    try do
      reraise ValidationError, [field: :age], []
    rescue
      e -> IO.inspect(e)
    end
    try do
      reraise "as runtime", []
    rescue
      e -> IO.inspect(e)
    end
  end
end

Main.run()
