# A recursive struct inspected with Inspect.Algebra: nest, group, line, glue,
# container_doc inside container_doc, custom_options and the :limit option.
defmodule Tree do
  defstruct value: nil, children: []

  def leaf(v), do: %Tree{value: v}

  defimpl Inspect do
    import Inspect.Algebra

    def inspect(%Tree{value: v, children: []}, opts) do
      concat(["(", to_doc(v, opts), ")"])
    end

    def inspect(%Tree{value: v, children: kids}, opts) do
      indent = Keyword.get(opts.custom_options, :indent, 2)
      head = concat(["(", to_doc(v, opts)])
      body = container_doc("", kids, ")", opts, &to_doc/2, separator: "", break: :strict)
      group(concat([head, nest(concat([line(), body]), indent)]))
    end
  end
end
defmodule Matrix do
  defstruct rows: []

  defimpl Inspect do
    import Inspect.Algebra

    def inspect(%Matrix{rows: rows}, opts) do
      row_doc = fn row, o -> container_doc("[", row, "]", o, &to_doc/2, separator: "") end
      container_doc("#Matrix<", rows, ">", opts, row_doc, separator: ";")
    end
  end
end

defmodule Main do
  def run do
    small = %Tree{value: 1, children: [Tree.leaf(2), Tree.leaf(3)]}
    IO.inspect(small)
    IO.inspect(Tree.leaf(:only))
    deep = %Tree{value: :root, children: [small, %Tree{value: "s", children: [Tree.leaf(4.5)]}, Tree.leaf(nil)]}
    IO.inspect(deep)
    IO.inspect(deep, width: 20)
    IO.inspect(deep, width: 20, custom_options: [indent: 4])
    IO.inspect(small, width: 5)
    IO.inspect([small, small], width: 30)

    m = %Matrix{rows: [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}
    IO.inspect(m)
    IO.inspect(m, width: 12)
    IO.inspect(m, limit: 2)
    IO.inspect(%Matrix{rows: []})
    IO.inspect(%Matrix{rows: [[]]})
    IO.inspect(%{m: m, t: small}, width: 30)
    IO.puts(inspect(m, pretty: true, width: 10))
    IO.puts("#{inspect(small)} and #{inspect(m)}")
    IO.inspect(Inspect.impl_for(m))
    IO.puts(Inspect.Algebra.format(Inspect.Algebra.to_doc(deep, %Inspect.Opts{width: 25}), 25))
  end
end

Main.run()
