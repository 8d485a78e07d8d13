defimpl Inspect, for: Float do
  import Inspect.Algebra

  # The shortest text that reads back as the same float, as Elixir prints it
  # (`:beamlet.inspect_fast/3` knows the digits: vm/src/float_fmt.rs).
  def inspect(float, opts), do: color(:beamlet.inspect_fast(float, [], :infinity), :number, opts)
end
