defmodule M1 do
  @foo 1
  Module.register_attribute(__MODULE__, :bar, [])
  Module.register_attribute(__MODULE__, :baz, accumulate: true)
  Module.put_attribute(__MODULE__, :qux, 2)
  _ = @foo
  IO.inspect {Module.has_attribute?(__MODULE__, :foo), Module.has_attribute?(__MODULE__, :bar), Module.has_attribute?(__MODULE__, :baz), Module.has_attribute?(__MODULE__, :qux), Module.has_attribute?(__MODULE__, :nope)}
  IO.inspect Enum.filter(Module.attributes_in(__MODULE__), & &1 in [:foo, :bar, :baz, :qux]) |> Enum.sort
  defp bar(), do: :ok
  def foo(1, 2, 3), do: bar()
  defmacrop macro_bar(), do: 4
  defmacro macro_foo(1, 2, 3), do: macro_bar()
  IO.inspect Module.definitions_in(__MODULE__) |> Enum.sort()
  IO.inspect {Module.definitions_in(__MODULE__, :def), Module.definitions_in(__MODULE__, :defp), Module.definitions_in(__MODULE__, :defmacrop)}
  defoverridable foo: 3
  IO.inspect Module.definitions_in(__MODULE__) |> Enum.sort()
  Module.register_attribute(__MODULE__, :register_example, accumulate: true, persist: true)
  @register_example :it_works
  @register_example :still_works
  Module.register_attribute(__MODULE__, :register_empty_example, accumulate: true, persist: true)
  Module.register_attribute(__MODULE__, :register_unset_example, persist: true)
end
IO.inspect Enum.filter(M1.__info__(:attributes), &match?({:register_example, _}, &1))
IO.inspect List.keyfind(M1.__info__(:attributes), :register_empty_example, 0)
IO.inspect List.keyfind(M1.__info__(:attributes), :register_unset_example, 0)
Foo.Bar
IO.inspect Module.safe_concat(Foo, :Bar)
try do Module.safe_concat(SafeConcatX, Doesnt.ExistX) rescue e -> IO.puts Exception.message(e) end
try do Module.split(:just_an_atom) rescue e -> IO.inspect e end
try do Module.split("Foo") rescue e -> IO.inspect e end
IO.inspect Code.eval_string("__MODULE__.Foo")

r =
  defmodule LoadHooks do
    @on_load :hello
    def hello do
      IO.puts("loading")
      :ok
    end

    def __after_compile__(_env, _bin), do: IO.puts("after compile")
    @after_compile __MODULE__
    1 + 2
  end

IO.inspect({elem(r, 0), elem(r, 1), is_binary(elem(r, 2)), elem(r, 3)})
IO.inspect(Enum.filter(LoadHooks.__info__(:attributes), &match?({:on_load, _}, &1)))
