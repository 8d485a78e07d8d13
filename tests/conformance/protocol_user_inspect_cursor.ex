# Inspect impls using less common Inspect.Algebra pieces: nest :cursor and
# :reset, group :inherit, break strings, space/line joins, color with syntax
# colors off, and opts read inside the impl.
defmodule Call do
  defstruct name: "f", args: []

  defimpl Inspect do
    import Inspect.Algebra

    def inspect(%Call{name: n, args: args}, opts) do
      docs = Enum.map(args, &to_doc(&1, opts))
      joined = fold_doc(docs, fn d, acc -> concat([d, ",", break(" "), acc]) end)
      group(concat([color(n, :call, opts), "(", nest(joined, :cursor), ")"]))
    end
  end
end

defmodule Block do
  defstruct lines: []

  defimpl Inspect do
    import Inspect.Algebra

    def inspect(%Block{lines: ls}, opts) do
      body = ls |> Enum.map(&to_doc(&1, opts)) |> Enum.reduce(fn d, acc -> line(acc, d) end)
      concat(["do", nest(concat(line(), body), 2), line(), "end", nest(concat(line(), "# reset"), :reset)])
    end
  end
end

defmodule Pair do
  defstruct [:l, :r]

  defimpl Inspect do
    import Inspect.Algebra

    def inspect(%Pair{l: l, r: r}, opts) do
      inner = group(concat([to_doc(l, opts), break(" <-> "), to_doc(r, opts)]), :inherit)
      group(concat(["<", nest(inner, 1), ">", space("", "!")]))
    end
  end
end

defmodule Main do
  def run do
    c = %Call{name: "compute", args: [1, "two", :three, [4, 5]]}
    IO.inspect(c)
    IO.inspect(c, width: 20)
    IO.inspect(%Call{name: "outer", args: [c, c]}, width: 40)
    IO.inspect(%Call{name: "empty", args: []})
    b = %Block{lines: [c, :x, %Block{lines: ["in"]}]}
    IO.inspect(b)
    IO.inspect([b], width: 10)
    IO.inspect(%Pair{l: 1, r: 2})
    IO.inspect(%Pair{l: Enum.to_list(1..20), r: %Pair{l: :a, r: "bbbbbbbbbbbbbbbbbbbbbbbb"}}, width: 30)
    IO.inspect(%{call: c, pair: %Pair{l: c, r: c}}, width: 50)
  end
end

Main.run()
