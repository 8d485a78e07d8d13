defmodule BST do
  def new, do: nil
  def insert(nil, k, v), do: %{key: k, val: v, left: nil, right: nil}
  def insert(%{key: k} = n, k, v), do: %{n | val: v}
  def insert(%{key: nk} = n, k, v) when k < nk, do: %{n | left: insert(n.left, k, v)}
  def insert(n, k, v), do: %{n | right: insert(n.right, k, v)}

  def get(nil, _), do: nil
  def get(%{key: k, val: v}, k), do: v
  def get(%{key: nk, left: l}, k) when k < nk, do: get(l, k)
  def get(%{right: r}, k), do: get(r, k)

  def to_list(nil), do: []
  def to_list(%{key: k, val: v, left: l, right: r}), do: to_list(l) ++ [{k, v}] ++ to_list(r)

  def height(nil), do: 0
  def height(n), do: 1 + max(height(n.left), height(n.right))
end

keys = [50, 30, 70, 20, 40, 60, 80, 30]
tree = Enum.reduce(Enum.with_index(keys), BST.new(), fn {k, i}, t -> BST.insert(t, k, i) end)
IO.inspect(BST.to_list(tree))
IO.inspect(BST.get(tree, 40))
IO.inspect(BST.get(tree, 30))
IO.inspect(BST.get(tree, 99))
IO.inspect(BST.height(tree))
small = BST.insert(BST.insert(nil, :b, 1), :a, 2)
IO.inspect(small)
words = BST.to_list(Enum.reduce(["m", "c", "x", "a"], nil, &BST.insert(&2, &1, byte_size(&1))))
IO.inspect(words)
