# raise/reraise with a module, message or value known only at run time
defmodule Counted do
  defexception count: 0, message: "counted"
end

defmodule Custom do
  defexception [:code]
  def exception(opts), do: %Custom{code: Keyword.get(opts, :code, 0) * 10}
  def message(e), do: "custom #{e.code}"
end

defmodule Dyn do
  def show(fun) do
    try do
      fun.()
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end

  def run do
    for v <- [Counted, Custom, RuntimeError, "plain", %Counted{count: 9}, 42, {:error, :x},
              %{message: "m"}, [1], NoSuchModule, :lists] do
      show(fn -> raise Process.get(:unset, v) end)
    end
    for {m, a} <- [{Counted, [count: 2]}, {Counted, "msg"}, {Custom, [code: 4]},
                   {ArgumentError, "bad"}, {KeyError, [key: :k]}, {NoSuchModule, []}, {42, []}] do
      show(fn -> raise Process.get(:unset, m), a end)
    end
    show(fn -> reraise Process.get(:unset, 42), [] end)
    show(fn -> reraise Process.get(:unset, Custom), [code: 7], [] end)
    show(fn -> reraise Process.get(:unset, "again"), [] end)
    IO.inspect(Counted.exception(nope: 1, count: 3, __struct__: Foo, __exception__: false))
    show(fn -> Counted.exception(Process.get(:unset, 5)) end)
    show(fn -> Counted.exception(Process.get(:unset, [:x])) end)
    show(fn -> Counted.exception(Process.get(:unset, %{count: 1})) end)
  end
end

Dyn.run()
IO.puts(Exception.format_banner(:error, :function_clause, [{M, :f, [1], []}]))
IO.puts(Exception.format_banner(:error, :undef, [{M, :f, [1, 2], []}]))
IO.puts(Exception.format_banner(:error, :undef, [{:lists, :nope, [], []}]))
IO.inspect(Exception.normalize(:error, :function_clause, [{M, :f, [:a, :b, :c], [line: 1]}]))
IO.inspect(Exception.normalize(:error, :undef, [{M, :g, 2, []}]))
e = %FunctionClauseError{module: M, function: :"-run/0-fun-1-", arity: 1}
IO.puts(Exception.message(e))
e = %UndefinedFunctionError{module: M, function: :"-f/2-inlined-0-", arity: 3}
IO.puts(Exception.message(e))
