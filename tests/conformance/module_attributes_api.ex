defmodule Attrs do
  Module.register_attribute(__MODULE__, :items, accumulate: true)
  @items :first
  @items :second
  @items :third

  def items, do: @items

  Module.put_attribute(__MODULE__, :computed, 6 * 7)
  def computed, do: @computed

  @plain 1
  @plain 2
  def plain, do: @plain

  def read_back, do: unquote(Module.get_attribute(__MODULE__, :plain))

  @doc_like "something"
  Module.put_attribute(__MODULE__, :doc_like, "changed")
  def doc_like, do: @doc_like

  IO.inspect(Module.get_attribute(__MODULE__, :items), label: "during compile")
  IO.inspect(Module.has_attribute?(__MODULE__, :plain), label: "has plain")
  IO.inspect(Module.has_attribute?(__MODULE__, :nope), label: "has nope")
  Module.delete_attribute(__MODULE__, :plain)
  IO.inspect(Module.get_attribute(__MODULE__, :plain), label: "deleted")

  Module.register_attribute(__MODULE__, :kept, persist: true)
  @kept :persisted
end

IO.inspect(Attrs.items())
IO.inspect(Attrs.computed())
IO.inspect(Attrs.plain())
IO.inspect(Attrs.read_back())
IO.inspect(Attrs.doc_like())
IO.inspect(Keyword.get(Attrs.__info__(:attributes), :kept))
