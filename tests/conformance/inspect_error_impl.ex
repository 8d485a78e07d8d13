# An Inspect implementation that raises: inspect shows #Inspect.Error<...>
# (the stack trace part differs between VMs, so it is cut off), and with
# safe: false the Inspect.Error is raised.
defmodule Broken do
  defstruct [:a]

  defimpl Inspect do
    def inspect(_struct, _opts), do: raise(ArgumentError, "cannot show this")
  end
end

defmodule Main do
  def cut(text), do: text |> String.split("\n  Stacktrace:") |> hd()

  def run do
    IO.puts(cut(inspect(%Broken{a: 1})))
    IO.puts(cut(inspect([1, %Broken{a: [1, 2]}], pretty: true, width: 20)))

    try do
      inspect(%Broken{a: 1}, safe: false)
    rescue
      e in Inspect.Error -> IO.puts(Exception.message(e))
    end

    e = Inspect.Error.exception(exception: %RuntimeError{message: "x\n"}, stacktrace: [], inspected_struct: "%{a: 1}")
    IO.puts(inspect(e))
    IO.puts(Exception.message(e))
  end
end

Main.run()
