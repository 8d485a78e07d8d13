defimpl Inspect, for: HashSet do
  import Inspect.Algebra

  # `#HashSet<[...]>`: the entries as a list, in the trie's order.
  def inspect(value, opts) do
    concat(["#HashSet<", Inspect.List.inspect(HashSet.to_list(value), opts), ">"])
  end
end
