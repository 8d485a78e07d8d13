# Exception.blame/3 hints for undefined functions (a behaviour's callback, a
# macro, close names) and arithmetic errors of built-ins called through funs
defmodule Behaviour do
  @callback callback() :: :ok
  @callback other(integer) :: :ok
  @callback maybe() :: :ok
  @optional_callbacks maybe: 0
end

defmodule Implementation do
  @behaviour Behaviour
  def other(_), do: :ok
  defmacro mac(x), do: x
  def call, do: :ok
end

defmodule Hints do
  import Bitwise

  def blame(fun) do
    fun.()
  rescue
    e ->
      {b, stack} = Exception.blame(:error, e, __STACKTRACE__)
      IO.puts(Exception.message(b))
      case hd(stack) do
        {:erlang, name, args, _} when is_struct(b, ArithmeticError) -> IO.inspect({name, args})
        _ -> :ok
      end
  end

  def run do
    v = &Process.get(:unset, &1)
    for {f, a} <- [callback: [], maybe: [], mac: [1], cal: [], other: [1, 2], nothing_close: []] do
      blame(fn -> apply(v.(Implementation), f, a) end)
    end
    not_fun = &bnot/1
    blame(fn -> not_fun.(v.(:foo)) end)
    blame(fn -> (&bnot(&1)).(v.(:foo)) end)
    blame(fn -> (&band/2).(v.(:foo), 1) end)
    blame(fn -> (&div/2).(1, v.(0)) end)
    blame(fn -> (&rem/2).(v.(1.5), 1) end)
    blame(fn -> abs(v.(:foo)) end)
    blame(fn -> (&abs/1).(v.("1")) end)
  end
end

Hints.run()
