defmodule Deep.Helper do
  def greet(name), do: "hello #{name}"
  def tag, do: :deep_helper
end

defmodule Other.Helper do
  def tag, do: :other_helper
end

defmodule AliasMacros do
  alias Deep.Helper

  defmacro greet(name) do
    quote do
      Helper.greet(unquote(name))
    end
  end

  defmacro tag do
    quote do: Helper.tag()
  end

  defmacro module_name do
    quote do: __MODULE__
  end

  def show_alias do
    quote do: Helper
  end
end

defmodule AliasUser do
  alias Other.Helper
  require AliasMacros

  def run do
    IO.puts(AliasMacros.greet("bob"))
    IO.inspect(AliasMacros.tag(), label: "macro tag")
    IO.inspect(Helper.tag(), label: "local tag")
    IO.inspect(AliasMacros.module_name(), label: "__MODULE__ in quote")
    IO.inspect(AliasMacros.show_alias())
    IO.inspect(quote(do: Helper))
    IO.inspect(quote(do: Unknown.Mod))
    IO.inspect(quote(do: __MODULE__.Sub))
    IO.inspect(quote(do: Elixir.Foo))
  end
end

AliasUser.run()
