defmodule Greeter do
  defmacro __using__(opts) do
    greeting = Keyword.get(opts, :greeting, "Hello")
    punct = Keyword.get(opts, :punct, "!")
    quote do
      def greet(name), do: unquote(greeting) <> ", " <> name <> unquote(punct)
      def greeter_opts, do: unquote(opts)
      import Greeter, only: [shout: 1]
    end
  end

  def shout(s), do: String.upcase(s)
end

defmodule English do
  use Greeter
  def loud(n), do: shout(greet(n))
end

defmodule French do
  use Greeter, greeting: "Bonjour", punct: " !"
end

defmodule Counter do
  defmacro __using__(start) do
    quote do
      @start unquote(start)
      def start, do: @start
      def module, do: __MODULE__
    end
  end
end

defmodule C1 do
  use Counter, 7
end

IO.puts(English.greet("Ann"))
IO.puts(English.loud("ann"))
IO.inspect(English.greeter_opts())
IO.puts(French.greet("Luc"))
IO.inspect(French.greeter_opts())
IO.inspect({C1.start(), C1.module()})
