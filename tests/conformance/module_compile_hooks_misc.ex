# Module state around compilation: read-only during @after_compile, the
# "already compiled" messages, @file, @on_load of a private function, the
# reserved name Elixir, make_overridable's checks.
defmodule ReadsInAfterCompile do
  @after_compile __MODULE__
  @foo 42

  def __after_compile__(env, _bytecode) do
    IO.inspect(Module.get_attribute(env.module, :foo), label: "foo in after_compile")
    IO.inspect(Module.open?(env.module), label: "open?")

    try do
      Module.put_attribute(env.module, :bar, 1)
    rescue
      e -> IO.puts(Exception.message(e))
    end
  end
end

IO.inspect(Module.open?(ReadsInAfterCompile), label: "open? after")

for f <- [
      fn -> Module.get_attribute(Enum, :x) end,
      fn -> Module.put_attribute(Enum, :x, 1) end,
      fn -> Module.register_attribute(Enum, :x, []) end,
      fn -> Module.delete_attribute(Enum, :x) end,
      fn -> Module.has_attribute?(Enum, :x) end,
      fn -> Module.defines?(Enum, {:x, 1}) end,
      fn -> Module.defines?(Enum, {:x, 1}, :def) end,
      fn -> Module.definitions_in(Enum) end,
      fn -> Module.definitions_in(Enum, :def) end,
      fn -> Module.attributes_in(Enum) end,
      fn -> Module.overridables_in(Enum) end,
      fn -> Module.make_overridable(Enum, x: 1) end
    ] do
  try do
    f.()
  rescue
    e -> IO.puts(Exception.message(e))
  end
end

defmodule WithFile do
  @file "sample.ex"
  def a, do: Path.basename(__ENV__.file)
  def b, do: Path.basename(__ENV__.file)
  @file {"other.ex", 10}
  def c, do: Path.basename(__ENV__.file)
end

IO.inspect({WithFile.a(), WithFile.b(), WithFile.c()})

for code <- [
      "defmodule BadFile do\n @file :oops\n def f, do: 1\nend",
      "defmodule Elixir do\nend",
      "defmodule MO do\n Module.make_overridable(__MODULE__, [:foo])\nend",
      "defmodule MO do\n Module.make_overridable(__MODULE__, [{:foo, 256}])\nend",
      "defmodule MO do\n Module.make_overridable(__MODULE__, [{:foo, 1}])\nend"
    ] do
  try do
    Code.eval_string(code)
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

Process.register(self(), :on_load_conformance)

defmodule OnLoadPrivate do
  @on_load :setup

  defp setup do
    send(:on_load_conformance, :loaded)
    :ok
  end
end

receive do
  :loaded -> IO.puts("on_load ran")
after
  1000 -> IO.puts("on_load did not run")
end
