# Inspect.Algebra: the document terms its functions build, and how format/2
# lays out groups, nests, strict and flex breaks, lines, collapse_lines,
# force_unfit, next_break_fits, no_limit and colors.
defmodule Main do
  import Inspect.Algebra

  def render(doc, width), do: IO.inspect(IO.iodata_to_binary(format(group(doc), width)))

  def run do
    IO.inspect(empty())
    IO.inspect(glue("a", "b"))
    IO.inspect(flex_glue("a", "->", "b"))
    IO.inspect(space("a", "b"))
    IO.inspect(line("a", "b"))
    IO.inspect(concat(["a", "b", "c"]))
    IO.inspect(nest("a", 2))
    IO.inspect(nest("a", 0))
    IO.inspect(nest("a", :cursor, :break))
    IO.inspect(group("a", :inherit))
    IO.inspect(string("olá"))
    IO.inspect(break())
    IO.inspect(flex_break("-"))
    IO.inspect(force_unfit("a"))
    IO.inspect(next_break_fits("a", :disabled))
    IO.inspect(collapse_lines(2))
    IO.inspect(no_limit("a"))
    IO.inspect(fold_doc(["a", "b", "c"], &glue(&1, ",", &2)))
    IO.inspect(color("x", :atom, %Inspect.Opts{syntax_colors: [atom: :red]}))
    IO.inspect(color("x", :atom, %Inspect.Opts{}))
    IO.inspect(to_doc([1, 2], %Inspect.Opts{}))
    IO.inspect(to_doc(%{a: 1}, %Inspect.Opts{}))
    IO.inspect(to_doc({:a}, %Inspect.Opts{}))
    IO.inspect(to_doc(<<1, 2>>, %Inspect.Opts{}))
    IO.inspect(to_doc(1..2, %Inspect.Opts{}))
    IO.inspect(container_doc("[", [1, 2, 3], "]", %Inspect.Opts{limit: 2}, fn i, _ -> Integer.to_string(i) end))

    words = Enum.map(~w(alpha beta gamma delta epsilon zeta eta theta), &string/1)
    render(fold_doc(words, &glue/2), 20)
    render(fold_doc(words, &flex_glue/2), 20)
    render(nest(fold_doc(words, &glue/2), 4), 20)
    render(concat("prefix: ", nest(fold_doc(words, &glue/2), :cursor)), 25)
    render(nest(nest(glue("a", "b"), :reset), 10), 2)
    render(nest(glue("a", "b"), 2, :break), 80)
    render(nest(glue("aaaa", "bbbb"), 2, :break), 5)
    render(glue(group(glue("aaa", "bbb")), group(glue("ccc", "ddd"))), 9)
    render(glue(group(glue("aaa", "bbb"), :inherit), "ccc"), 9)
    render(line(glue("a", "b"), glue("c", "d")), 80)
    render(concat([collapse_lines(2), line(), line(), line(), "x"]), 80)
    render(force_unfit(glue("a", "b")), 80)
    render(next_break_fits(force_unfit(glue("a", "b")), :enabled), 80)
    render(concat(["aaaaaaaaaa", break(), no_limit(glue("bbbbbb", "cccccc"))]), 10)
    render(glue("x", concat(["aaaa", next_break_fits(group(glue("bbbb", "cccccccccccc")), :enabled)])), 10)
    render(glue(string("olá"), string("mundo")), 9)
    render(glue(color("AA", :atom, %Inspect.Opts{syntax_colors: [atom: :cyan]}), "BB"), 3)
    render(fold_doc(words, &glue/2), :infinity)
  end
end

Main.run()
