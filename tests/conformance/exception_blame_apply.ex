# apply/3 and term.fun() on something that is no module, no function name or
# no proper argument list: the ArgumentError and what Exception.blame/3 says
defmodule Apply do
  def show(fun) do
    fun.()
  rescue
    e ->
      IO.inspect(e)
      {blamed, _} = Exception.blame(:error, e, __STACKTRACE__)
      IO.puts(Exception.message(blamed))
  end

  def run do
    v = &Process.get(:unset, &1)
    cases = [{Kernel, :+, 123}, {Kernel, :+, [1 | 2]}, {1, :+, 3}, {1, "x", []},
             {:lists, "x", []}, {[], :foo, []}, {1, :f, [1]}, {"m", :f, [1, 2]}]
    for {m, f, a} <- cases do
      show(fn -> apply(v.(m), v.(f), v.(a)) end)
    end
    show(fn -> v.([]).foo() end)
    show(fn -> v.(42).foo(1) end)
    show(fn -> v.({:a}).foo(1, 2) end)
    show(fn -> nil.foo end)
    show(fn -> true.bar end)
    show(fn -> :erlang.apply(v.(Kernel), :+, [1, 2]) |> IO.inspect() end)
    show(fn -> raise ArgumentError, "plain" end)
  end
end

Apply.run()
