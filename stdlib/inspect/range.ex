defimpl Inspect, for: Range do
  import Inspect.Algebra
  import Kernel, except: [inspect: 2]

  # `first..last`, with `//step` unless the step is 1 going up. A range of
  # an old Elixir, made without a step, steps by 1 or -1.
  def inspect(%{first: first, last: last} = range, opts) do
    step =
      case range do
        %{step: step} -> step
        _ -> if last >= first, do: 1, else: -1
      end

    if step == 1 and last >= first do
      concat([to_doc(first, opts), "..", to_doc(last, opts)])
    else
      concat([to_doc(first, opts), "..", to_doc(last, opts), "//", to_doc(step, opts)])
    end
  end
end
