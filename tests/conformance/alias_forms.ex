# alias forms: results, Erlang modules, nesting from macros
defmodule Definer do
  defmacro __using__(_opts) do
    quote do
      @before_compile unquote(__MODULE__)
    end
  end

  defmacro __before_compile__(_env) do
    quote do
      defmodule Inner do
        defstruct foo: :bar
      end

      defmodule Outer do
        defstruct inner: %Inner{}
      end

      def inner_name, do: Inner
    end
  end
end

defmodule Aliaser do
  defmacro __using__(_opts) do
    quote do
      alias Some.Inner
    end
  end
end

defmodule User do
  use Definer
  use Aliaser

  def aliased, do: Inner
end

IO.inspect(struct(User.Inner, []))
IO.inspect(struct(User.Outer, []))
IO.inspect(User.aliased())
IO.inspect(User.inner_name())

defmodule Top do
  defmodule Elixir do
    def sample, do: :nested_elixir
  end

  def call, do: Top.Elixir.sample()
end

IO.inspect(Top.call())

alias :lists, as: MyList
IO.inspect(MyList.reverse([1, 2, 3]))
IO.inspect(MyList.Bar)
IO.inspect(Elixir.MyList.Bar)

IO.inspect(alias(Map.{Foo, Bar.Baz}))
IO.inspect({Foo, Baz})
IO.inspect(alias(String.Chars))
IO.inspect(require(Integer))
IO.inspect(require(Elixir.{Enum, Map}))
IO.inspect(import(List, only: [flatten: 1]))
