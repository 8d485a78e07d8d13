defmodule List do
  def first([]), do: nil
  def first([h | _]), do: h
  def last([]), do: nil
  def last([h]), do: h
  def last([_ | t]), do: last(t)
  def wrap(nil), do: []
  def wrap(list) when is_list(list), do: list
  def wrap(x), do: [x]
  def duplicate(x, n), do: dup(x, n, [])
  defp dup(_, 0, acc), do: acc
  defp dup(x, n, acc), do: dup(x, n - 1, [x | acc])
  def delete([], _), do: []
  def delete([x | t], x), do: t
  def delete([h | t], x), do: [h | delete(t, x)]
  def insert_at(list, i, x), do: Enum.take(list, i) ++ [x | Enum.drop(list, i)]
  def zip(lists), do: zip_all(lists)
  defp zip_all(lists) do
    if Enum.any?(lists, fn l -> l == [] end) do
      []
    else
      [List.to_tuple(Enum.map(lists, &hd/1)) | zip_all(Enum.map(lists, &tl/1))]
    end
  end
  def foldl(list, acc, fun), do: Enum.reduce(list, acc, fun)
  def foldr(list, acc, fun), do: Enum.reduce(:lists.reverse(list), acc, fun)
  def keyfind(list, key, pos, default \\ nil) do
    case :lists.keyfind(key, pos + 1, list) do
      false -> default
      t -> t
    end
  end
end
