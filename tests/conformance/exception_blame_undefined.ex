defmodule Blame do
  def message(arg, fun) do
    try do
      fun.(arg)
    rescue
      e ->
        {blamed, _} = Exception.blame(:error, e, __STACKTRACE__)
        Exception.message(blamed)
    end
  end
end

defmodule Helpers do
  def alpha(x), do: x
  def alpha(x, y), do: {x, y}
  def alpine, do: :ok
end

defmodule Main do
  def run do
    IO.puts(Blame.message(Helpers, & &1.alpha()))
    IO.puts(Blame.message(Helpers, & &1.alpah(1)))
    IO.puts(Blame.message(Helpers, & &1.zzz(1)))
    IO.puts(Blame.message(nil, & &1.foo()))
    IO.puts(Blame.message(DoesNotExist, & &1.foo()))
    IO.puts(Exception.message(%UndefinedFunctionError{module: nil, function: :bar, arity: 3}))

    r =
      try do
        DoesNotExist.for_sure()
      rescue
        x in [ErlangError] -> "rescued: " <> Exception.message(x)
      end

    IO.puts(r)

    r =
      try do
        :erlang.error({:badarg, [1, 2, 3]})
      rescue
        x in [ArgumentError] -> Exception.message(x)
      end

    IO.puts(r)

    r =
      try do
        try do
          :erlang.error(:oops)
        catch
          :exit, _ -> :not_here
        end
      rescue
        x -> {x, hd(__STACKTRACE__) |> elem(1)}
      end

    IO.inspect(r)
  end
end

Main.run()
