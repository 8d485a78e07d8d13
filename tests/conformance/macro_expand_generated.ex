# A macro call marked `generated: true` gives an expansion whose every node
# is marked generated too; an unmarked call's expansion is not.
defmodule Ext do
  defmacro oror(left, right), do: quote(do: unquote(left) || unquote(right))
  defmacro count(x), do: quote(do: Enum.count(unquote(x)))
end

defmodule GenUser do
  require Ext

  def gen?({_, meta, _}), do: Keyword.get(meta, :generated, false)

  def run do
    plain = Macro.expand_once(quote(do: Ext.oror(1, false)), __ENV__)
    gen = Macro.expand_once(quote(generated: true, do: Ext.oror(1, false)), __ENV__)
    IO.inspect({elem(plain, 0), gen?(plain)}, label: "plain")
    IO.inspect({elem(gen, 0), gen?(gen)}, label: "generated")

    {{:., dot_meta, [aliases, :count]}, call_meta, [[1]]} =
      Macro.expand_once(quote(generated: true, do: Ext.count([1])), __ENV__)

    IO.inspect(
      [dot_meta[:generated], call_meta[:generated], gen?(aliases)],
      label: "every node"
    )
  end
end

GenUser.run()
