defmodule Blame do
  import Bitwise

  def message(arg, fun) do
    try do
      fun.(arg)
    rescue
      e ->
        {blamed, _} = Exception.blame(:error, e, __STACKTRACE__)
        Exception.message(blamed)
    end
  end

  def frame(arg, fun) do
    try do
      fun.(arg)
    rescue
      _ -> hd(__STACKTRACE__) |> elem(2)
    end
  end
end

defmodule Main do
  import Bitwise

  def run do
    IO.puts(Blame.message(0, &div(10, &1)))
    IO.puts(Blame.message(0, &rem(10, &1)))
    IO.puts(Blame.message(:foo, &(+&1)))
    IO.puts(Blame.message(:foo, &(-&1)))
    IO.puts(Blame.message(:foo, &band(&1, 10)))
    IO.puts(Blame.message(:foo, &(&1 ||| 10)))
    IO.puts(Blame.message(:foo, &bxor(&1, 10)))
    IO.puts(Blame.message(:foo, &(10 <<< &1)))
    IO.puts(Blame.message(:foo, &bsr(10, &1)))
    IO.inspect(Blame.frame(0, &div(10, &1)))
    IO.inspect(Blame.frame(:foo, &band(&1, 10)))
    # An exception without a stack trace of operands keeps its message.
    IO.puts(Exception.message(elem(Exception.blame(:error, :badarith, []), 0)))
  end
end

Main.run()
