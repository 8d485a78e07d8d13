# try with else and after: which clauses see which errors, and the order of after blocks.
defmodule StepError do
  defexception [:step]
  @impl true
  def message(e), do: "step #{e.step} failed"
end

defmodule Main do
  def step(n) when n > 2, do: raise(StepError, step: n)
  def step(n), do: {:ok, n}
  def run_step(n) do
    try do
      step(n)
    rescue
      e in StepError -> IO.puts("rescued #{Exception.message(e)}"); :rescued
    else
      {:ok, 0} -> raise StepError, step: 0
      {:ok, 1} -> :one
    after
      IO.puts("after #{n}")
    end
  end

  def nested do
    try do
      try do
        raise StepError, step: :inner
      after
        IO.puts("inner after")
      end
    rescue
      e -> IO.puts("outer rescue: #{Exception.message(e)}")
    after
      IO.puts("outer after")
    end
  end

  def run do
    for n <- [1, 3], do: IO.inspect(run_step(n), label: "result #{n}")
    for n <- [0, 2] do
      try do
        run_step(n)
      rescue
        e -> IO.puts("caller got #{inspect(e.__struct__)}: #{Exception.message(e)}")
      end
    end
    IO.inspect(nested())
    IO.inspect(try(do: :body, after: :ignored))
    r = try do: throw({:early, 5}), catch: ({:early, v} -> v * 2), else: (_ -> :never), after: IO.puts("after throw")
    IO.inspect(r)
    try do
      try(do: exit(:stop), after: IO.puts("after exit"))
    catch
      :exit, reason -> IO.inspect(reason, label: "exit caught")
    end
    IO.inspect(try(do: Process.get(:nothing), else: (nil -> :was_nil; other -> other)))
  end
end

Main.run()
