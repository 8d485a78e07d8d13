# Compile-time checks of a module's definitions and attributes, with
# Elixir's messages (each module is compiled by Code.eval_string).
defmodule Keeper do
  defmacro hello do
    quote location: :keep do
      def hello, do: :world
    end
  end
end

sources = [
  "defmodule T1 do import List, only: [flatten: 1, keyfind: 4, flatten: 1] end",
  "defmodule T2 do import List, except: [flatten: 1, flatten: 1] end",
  "defmodule T3 do import :lists, only: :macros end",
  "defmodule T3b do import :lists, only: :functions end",
  "defmodule T3c do import Enum, only: :macros end",
  "defmodule T4 do def __info__(_), do: [] end",
  "defmodule T5 do def module_info(), do: [] end",
  "defmodule T5b do defp module_info(x), do: x end",
  "defmodule T5c do defmacro __info__(x), do: x end",
  "defmodule T6 do @compile {:inline, foo: 1} end",
  "defmodule T6b do @compile {:inline, [foo: 1]}\n def foo(x, y), do: {x, y} end",
  "defmodule T6c do @compile inline: [foo: 1]\n def foo(x), do: x end",
  "defmodule T7 do @dialyzer {:nowarn_function, {:foo, 1}} end",
  "defmodule T7b do @dialyzer {:no_opaque, {:foo, 1}} end",
  "defmodule T7c do @dialyzer :not_an_option end",
  "defmodule T7d do @dialyzer [:no_return, {:nowarn_function, [foo: 1]}]\n def foo(x), do: x end",
  "defmodule T7e do @dialyzer {:nowarn_function, [foo: 1, bar: 2]}\n def foo(x), do: x end",
  "defmodule T7f do @dialyzer [[:no_return]] end",
  "defmodule T7g do @dialyzer {:no_return, [{:foo, :a}]} end",
  "defmodule T8 do\n @on_load :foo\n defmacro foo, do: :ok\n end",
  "defmodule T8b do\n\n @on_load :foo\n end",
  "defmodule T10, do: (def 1.(hello), do: true)",
  "defmodule T11 do\n defmacro m do\n quote do: unquote_splicing 1\n end\n def c, do: m\n end",
  "defmodule T12 do\n def foo do\n p = &is_ok/1\n p.(:ok)\n end\n defmacro is_ok(a), do: a == :ok\n end",
  "defmodule T13 do\n require Keeper\n defp hello, do: :world\n Keeper.hello()\n end",
  "def foo do end",
  "x = 1\ndefmacro foo(a), do: a",
  "defmodule T14 do\n def f do\n def g, do: 1\n end\n end",
  "defmodule T15 do Module.put_attribute(__MODULE__, :spec, {}) end",
  "defmodule T16 do Module.put_attribute(__MODULE__, :macrocallback, {}) end"
]

for source <- sources do
  try do
    Code.eval_string(source)
    IO.puts("ok")
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
