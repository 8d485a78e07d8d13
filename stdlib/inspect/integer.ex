defimpl Inspect, for: Integer do
  import Inspect.Algebra

  def inspect(integer, %Inspect.Opts{base: base} = opts) do
    text =
      case base do
        :decimal -> Integer.to_string(integer)
        :binary -> prefixed(integer, 2, "0b")
        :octal -> prefixed(integer, 8, "0o")
        :hex -> prefixed(integer, 16, "0x")
      end

    color(text, :number, opts)
  end

  # The prefix goes after the sign: -0x64.
  defp prefixed(integer, radix, prefix) when integer < 0,
    do: "-" <> prefix <> Integer.to_string(-integer, radix)

  defp prefixed(integer, radix, prefix), do: prefix <> Integer.to_string(integer, radix)
end
