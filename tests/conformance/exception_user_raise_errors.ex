# Misusing raise: non-exception modules and unknown modules, exception/1 returning the
# wrong thing, and exception structs built, updated and raised by hand.
defmodule NotAnError do
  defstruct [:x]
  def exception(_), do: %NotAnError{x: 1}
end

defmodule BadReturn do
  defexception [:v]
  @impl true
  def exception(v), do: {:not, :a, :struct, v}
end

defmodule Counted do
  defexception count: 0, message: "counted"
  @impl true
  def message(e), do: "#{e.message} x#{e.count}"
end

defmodule Main do
  def try_raise(label, fun) do
    try do
      fun.()
    rescue
      e -> IO.puts("#{label}: #{inspect(e.__struct__)}: #{Exception.message(e)}")
    catch
      kind, v -> IO.puts("#{label}: caught #{kind} #{inspect(v)}")
    end
  end

  def run do
    try_raise("not exception module", fn -> raise NotAnError end)
    try_raise("bad exception/1", fn -> raise BadReturn, 5 end)
    try_raise("unknown module", fn -> raise Process.get(:unset, NoSuchModule) end)
    try_raise("atom", fn -> raise Process.get(:unset, :some_atom) end)

    e = %Counted{}
    try_raise("struct", fn -> raise e end)
    try_raise("updated", fn -> raise %{e | count: 3} end)
    try_raise("kw", fn -> raise Counted, count: 7, message: "again" end)
    try_raise("exception/1", fn -> raise Counted.exception(count: 2) end)
    try_raise("reraise", fn -> reraise %{e | count: 9}, [] end)
    try_raise("reraise kw", fn -> reraise Counted, [count: 1], [] end)
    try_raise("erlang error", fn -> :erlang.error(%{e | count: 4}) end)
    try_raise("throw exc", fn -> throw(e) end)
    try_raise("exit exc", fn -> exit(e) end)
    IO.inspect(Counted.exception([]))
    IO.inspect(Counted.message(%Counted{count: 5}))
    IO.inspect(Map.keys(e) |> Enum.sort())
    IO.inspect(e.__exception__)
  end
end

Main.run()
