defimpl Inspect, for: Date.Range do
  import Inspect.Algebra

  # `Date.range(~D[2000-01-01], ~D[2000-01-31])`, with the step unless it is 1.
  def inspect(%Date.Range{first: first, last: last, step: 1}, opts) do
    concat(["Date.range(", to_doc(first, opts), ", ", to_doc(last, opts), ")"])
  end

  def inspect(%Date.Range{first: first, last: last, step: step}, opts) do
    concat(["Date.range(", to_doc(first, opts), ", ", to_doc(last, opts), ", ", to_doc(step, opts), ")"])
  end
end
