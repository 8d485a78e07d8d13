# The shapes of functions, pids and references (their numbers differ between
# VMs, so only the shapes are printed), and inspect_fun / custom_options.
defmodule Nested do
  defstruct nested: nil

  defimpl Inspect do
    import Inspect.Algebra

    def inspect(%Nested{nested: nested}, opts) do
      indent = Keyword.get(opts.custom_options, :indent, 2)
      level = Keyword.get(opts.custom_options, :level, 1)
      inner = Kernel.inspect(nested, custom_options: [level: level + 1, indent: indent + 2])

      concat(
        nest(line("#Nested[##{level}/#{indent}]<", inner), indent),
        nest(line("", ">"), indent - 2)
      )
    end
  end
end

defmodule Main do
  def shape(text), do: Regex.replace(~r/\d+/, text, "N")

  def run do
    IO.puts(shape(inspect(self())))
    IO.puts(shape(inspect(make_ref())))
    IO.puts(shape(inspect(fn x -> x end)) |> String.slice(0, 11))
    IO.puts(shape(inspect([self(), make_ref()])))
    IO.puts(shape(inspect({:pid, self()}, pretty: true)))

    fun = fn
      integer, _opts when is_integer(integer) -> "<#{integer}>"
      term, opts -> Inspect.inspect(term, opts)
    end

    IO.puts(inspect(1000, inspect_fun: fun))
    IO.puts(inspect([1, {2, "x"}, %{3 => 4}], inspect_fun: fun))
    IO.puts(inspect(%Nested{nested: %Nested{nested: 42}}))
  end
end

Main.run()
