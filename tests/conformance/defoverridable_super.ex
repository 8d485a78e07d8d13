defmodule Base do
  defmacro __using__(_) do
    quote do
      def hello(name), do: "hello #{name}"
      def size(list), do: length(list)
      def untouched, do: :base_untouched
      defoverridable hello: 1, size: 1, untouched: 0
    end
  end
end

defmodule Child do
  use Base
  def hello(name), do: String.upcase(super(name)) <> "!"
  def size([]), do: :empty
  def size(list), do: {:size, super(list)}
end

defmodule Behave do
  @callback run(term) :: term
  defmacro __using__(_) do
    quote do
      @behaviour Behave
      def run(x), do: {:default, x}
      defoverridable Behave
    end
  end
end

defmodule Runner do
  use Behave
  def run(x) when is_integer(x), do: {:custom, super(x * 2)}
  def run(x), do: super(x)
end

IO.puts(Child.hello("sam"))
IO.inspect(Child.size([]))
IO.inspect(Child.size([1, 2, 3]))
IO.inspect(Child.untouched())
IO.inspect(Runner.run(5))
IO.inspect(Runner.run(:a))
