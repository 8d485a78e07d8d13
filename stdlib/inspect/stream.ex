defimpl Inspect, for: Stream do
  import Inspect.Algebra

  # `#Stream<[enum: 1..3, funs: [#Function<...>]]>`: the enumerable and the
  # stages applied to it, in order.
  def inspect(%{enum: enum, funs: funs}, opts) do
    concat(["#Stream<", to_doc([enum: enum, funs: funs], opts), ">"])
  end
end
