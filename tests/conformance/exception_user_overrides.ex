# defexception with exception/1 and message/1 overridden; every raise form.
defmodule HttpError do
  defexception [:status, :url, message: nil]

  @impl true
  def exception(opts) when is_list(opts) do
    status = Keyword.get(opts, :status, 500)
    %HttpError{status: status, url: Keyword.get(opts, :url, "/"), message: opts[:message]}
  end

  def exception(status) when is_integer(status), do: %HttpError{status: status, url: "?"}

  @impl true
  def message(%HttpError{message: nil, status: s, url: u}), do: "HTTP #{s} at #{u}"
  def message(%HttpError{message: m, status: s}), do: "#{m} (#{s})"
end
defmodule Timeout do
  defexception message: "timed out", after_ms: 0
end
defmodule Broken do
  defexception [:kind]

  @impl true
  def message(%Broken{kind: :raises}), do: raise("inner failure")
  def message(%Broken{kind: :atom}), do: :not_a_string
  def message(%Broken{}), do: "fine"
end

defmodule Main do
  def attempt(label, fun) do
    try do
      fun.()
    rescue
      e ->
        IO.puts("#{label}: #{inspect(e.__struct__)} | #{Exception.message(e)}")
        IO.inspect(e)
    end
  end

  def run do
    attempt("bare", fn -> raise HttpError end)
    attempt("opts", fn -> raise HttpError, status: 404, url: "/x" end)
    attempt("int", fn -> raise HttpError, 418 end)
    attempt("msg opt", fn -> raise HttpError, message: "gone", status: 410 end)
    attempt("struct", fn -> raise %HttpError{status: 301, url: "/old"} end)
    attempt("timeout", fn -> raise Timeout end)
    attempt("timeout str", fn -> raise Timeout, "slow" end)
    attempt("timeout kw", fn -> raise Timeout, after_ms: 50 end)
    attempt("timeout fn", fn -> raise Timeout.exception(after_ms: 9) end)
    attempt("broken ok", fn -> raise Broken end)

    for kind <- [:raises, :atom] do
      # the first line only: the rest is a stack trace
      IO.puts(hd(:binary.split(Exception.message(%Broken{kind: kind}), "\n")))
    end

    e = HttpError.exception(status: 503)
    IO.inspect(Exception.exception?(e))
    IO.inspect(Exception.exception?(%{__exception__: true}))
    IO.inspect(Exception.exception?(:error))
    IO.inspect({is_exception(e), is_exception(e, HttpError), is_exception(e, Timeout)})
    IO.puts(Exception.format_banner(:error, e))
    IO.puts(Exception.format_banner(:throw, {:ball, 1}))
    IO.puts(Exception.format_banner(:exit, :shutdown))
    IO.puts(Exception.format_banner(:exit, {:bad, [1]}))
    IO.puts(Exception.format_banner(:error, :badarith))
    IO.puts(Exception.format(:error, %Timeout{after_ms: 1}, []))
    IO.puts(Exception.format(:throw, :oops, []))
    IO.inspect(Exception.normalize(:error, :badarg, []))
    IO.inspect(Exception.normalize(:error, e, []))
    IO.inspect(Exception.normalize(:throw, :badarg, []))
  end
end

Main.run()
