defimpl Inspect, for: Tuple do
  import Inspect.Algebra

  def inspect(tuple, opts) do
    open = color("{", :tuple, opts)
    sep = color(",", :tuple, opts)
    close = color("}", :tuple, opts)
    container_doc(open, Tuple.to_list(tuple), close, opts, &to_doc/2, separator: sep, break: :flex)
  end
end
