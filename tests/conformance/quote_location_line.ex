defmodule LocMac do
  defmacro show_meta(expr) do
    {_, meta, _} = expr
    line = Keyword.get(meta, :line)
    quote do: unquote(line)
  end

  defmacro keep_def do
    quote location: :keep do
      def kept_fun, do: raise("from kept")
    end
  end

  defmacro plain_def do
    quote do
      def plain_fun, do: raise("from plain")
    end
  end
end

defmodule LocUser do
  require LocMac
  LocMac.keep_def()
  LocMac.plain_def()

  def lines do
    [
      LocMac.show_meta(foo()),
      LocMac.show_meta(bar(1))
    ]
  end
end

IO.inspect(LocUser.lines())
for f <- [&LocUser.kept_fun/0, &LocUser.plain_fun/0] do
  try do
    f.()
  rescue
    e ->
      [{mod, fun, arity, loc} | _] = __STACKTRACE__
      IO.inspect({e.message, mod, fun, arity, Path.basename(to_string(loc[:file])), loc[:line]})
  end
end
