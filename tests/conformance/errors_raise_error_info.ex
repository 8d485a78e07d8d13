# `raise/1` puts `error_info: %{module: Exception}` in the location of its
# stack trace's top entry (Elixir 1.14 expands it to `:erlang.error/3`);
# `raise/2` does not; `reraise` keeps the trace it is given.
defmodule Custom do
  defexception message: "custom"
end

defmodule Raiser do
  def message, do: raise("x")
  def module, do: raise(ArgumentError)
  def module_message, do: raise(ArgumentError, "m")
  def module_opts, do: raise(ArgumentError, message: "m")
  def user_module, do: raise(Custom)
  def user_message, do: raise(Custom, "c")
  def user_opts, do: raise(Custom, message: "c")
  def dynamic(e), do: raise(e)
  def dynamic2(m), do: raise(m, "dyn")
  def interpolated, do: raise("a #{inspect(1)}")
  def struct, do: raise(%Custom{})
  def erlang, do: :erlang.error(:foo)

  def reraised do
    try do
      module()
    rescue
      e -> reraise e, __STACKTRACE__
    end
  end

  def reraised_new do
    try do
      module_message()
    rescue
      _ -> reraise ArgumentError, [message: "again"], __STACKTRACE__
    end
  end
end

calls = [
  message: [],
  module: [],
  module_message: [],
  module_opts: [],
  user_module: [],
  user_message: [],
  user_opts: [],
  dynamic: [struct(Custom)],
  dynamic: ["s"],
  dynamic: [Custom],
  dynamic2: [Custom],
  dynamic2: [ArgumentError],
  interpolated: [],
  struct: [],
  erlang: [],
  reraised: [],
  reraised_new: []
]

for {f, args} <- calls do
  try do
    apply(Raiser, f, args)
  catch
    kind, e ->
      {m, name, arity, location} = hd(__STACKTRACE__)
      IO.inspect({f, kind, e, {m, name, arity, Keyword.delete(location, :file)}})
  end
end

defmodule Watch do
  def run do
    {pid, ref} = spawn_monitor(fn -> Raiser.message() end)
    receive do
      {:DOWN, ^ref, :process, ^pid, {e, [{_, _, _, location} | _]}} ->
        IO.inspect({e, Keyword.delete(location, :file)})
    end
  end
end

Watch.run()
