defimpl Inspect, for: Range do
  import Inspect.Algebra
  import Kernel, except: [inspect: 2]

  # `first..last`, with `//step` unless the step is 1 going up.
  def inspect(%Range{first: first, last: last, step: step}, opts) do
    if step == 1 and last >= first do
      concat([to_doc(first, opts), "..", to_doc(last, opts)])
    else
      concat([to_doc(first, opts), "..", to_doc(last, opts), "//", to_doc(step, opts)])
    end
  end

  # A range of an old Elixir, made without a step.
  def inspect(%{__struct__: Range, first: first, last: last} = range, opts) do
    inspect(Map.put(range, :step, if(last >= first, do: 1, else: -1)), opts)
  end
end
