defimpl Inspect, for: HashDict do
  import Inspect.Algebra

  # `#HashDict<[...]>`: the entries as a list, in the trie's order.
  def inspect(value, opts) do
    concat(["#HashDict<", Inspect.List.inspect(HashDict.to_list(value), opts), ">"])
  end
end
