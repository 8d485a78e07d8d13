defmodule PlainError do
  defexception message: "plain default"
end

defmodule CodeError do
  defexception [:code, :reason]

  @impl true
  def message(%{code: c, reason: r}), do: "code #{c}: #{r}"
end

defmodule WrapError do
  defexception [:message]

  @impl true
  def exception(value) do
    %WrapError{message: "wrapped: #{inspect(value)}"}
  end
end

defmodule Main do
  def run do
    for f <- [
          fn -> raise PlainError end,
          fn -> raise PlainError, message: "custom" end,
          fn -> raise PlainError, "string msg" end,
          fn -> raise CodeError, code: 404, reason: "missing" end,
          fn -> raise WrapError, {:a, 1} end,
          fn -> raise WrapError, [1, 2] end
        ] do
      try do
        f.()
      rescue
        e in [PlainError, CodeError] ->
          IO.inspect(e)
          IO.puts(Exception.message(e))
        e ->
          IO.puts("other: " <> Exception.message(e))
      end
    end

    IO.inspect(PlainError.exception([]))
    IO.inspect(CodeError.exception(code: 1).code)
    IO.inspect(Exception.exception?(%PlainError{}))
    IO.inspect(Exception.exception?(%{}))
    e = %CodeError{code: 5, reason: "r"}
    IO.inspect(is_exception(e))
    IO.inspect(is_exception(e, CodeError))
    IO.inspect(e.__exception__)
  end
end

Main.run()
