defimpl Inspect, for: MapSet do
  import Inspect.Algebra

  # `MapSet.new([1, 2])`: the elements as a list, in the set's order (a
  # list of codes stays a list: `MapSet.new('a')` is `MapSet.new([97])`).
  def inspect(map_set, opts) do
    list = Inspect.List.inspect(MapSet.to_list(map_set), %{opts | charlists: :as_lists})
    concat(["MapSet.new(", list, ")"])
  end
end
