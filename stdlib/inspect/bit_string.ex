defimpl Inspect, for: BitString do
  import Inspect.Algebra

  # A printable binary (or any, with `binaries: :as_strings`) in decimal
  # base prints as a string, cut after `printable_limit` characters;
  # anything else as `<<byte, ...>>`, cut after `limit` bytes.
  def inspect(binary, %Inspect.Opts{binaries: bins, base: base} = opts) when is_binary(binary) do
    limit = opts.printable_limit

    if base == :decimal and
         (bins == :as_strings or (bins == :infer and String.printable?(binary, limit))) do
      text =
        case :beamlet.inspect_escape(binary, ?", limit) do
          {escaped, ""} -> "\"" <> escaped <> "\""
          {escaped, _} -> "\"" <> escaped <> "\" <> ..."
        end

      color(text, :string, opts)
    else
      bytes(binary, opts)
    end
  end

  # A bitstring of a size not a multiple of 8: its bytes, then the
  # leftover bits as `v::size(n)`.
  def inspect(bitstring, opts), do: bytes(bitstring, opts)

  defp bytes("", opts), do: color("<<>>", :binary, opts)

  defp bytes(binary, opts) do
    open = color("<<", :binary, opts)
    close = color(">>", :binary, opts)
    group(concat(concat(open, nest(each_byte(binary, opts.limit, opts), 2)), close))
  end

  defp each_byte(_, 0, _opts), do: "..."
  defp each_byte(<<>>, _limit, _opts), do: :doc_nil
  defp each_byte(<<byte>>, _limit, opts), do: Inspect.Integer.inspect(byte, opts)

  defp each_byte(bits, _limit, opts) when bit_size(bits) < 8 do
    size = bit_size(bits)
    <<value::size(size)>> = bits
    concat(Inspect.Integer.inspect(value, opts), "::size(" <> Integer.to_string(size) <> ")")
  end

  defp each_byte(<<byte, rest::bits>>, limit, opts) do
    limit = if limit == :infinity, do: limit, else: limit - 1
    flex_glue(concat(Inspect.Integer.inspect(byte, opts), ","), each_byte(rest, limit, opts))
  end
end
