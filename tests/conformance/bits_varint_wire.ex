# A protobuf-like wire format: LEB128 varints, zigzag, fixed32/64 little-endian,
# length-delimited fields, parsed field by field from one binary.
defmodule Wire do
  import Bitwise

  def varint(n) when n < 128, do: <<n>>
  def varint(n), do: <<1::1, band(n, 127)::7, varint(n >>> 7)::binary>>

  def read_varint(bin), do: read_varint(bin, 0, 0)
  defp read_varint(<<1::1, low::7, rest::binary>>, shift, acc), do: read_varint(rest, shift + 7, acc ||| low <<< shift)
  defp read_varint(<<0::1, low::7, rest::binary>>, shift, acc), do: {acc ||| low <<< shift, rest}
  defp read_varint(<<>>, _, _), do: :truncated

  def zigzag(n) when n >= 0, do: n * 2
  def zigzag(n), do: -n * 2 - 1
  def unzigzag(z) when band(z, 1) == 0, do: z >>> 1
  def unzigzag(z), do: -((z + 1) >>> 1)

  def field(num, {:varint, v}), do: varint(num <<< 3 ||| 0) <> varint(v)
  def field(num, {:sint, v}), do: varint(num <<< 3 ||| 0) <> varint(zigzag(v))
  def field(num, {:fixed64, v}), do: <<varint(num <<< 3 ||| 1)::binary, v::little-64>>
  def field(num, {:bytes, b}), do: <<varint(num <<< 3 ||| 2)::binary, varint(byte_size(b))::binary, b::binary>>
  def field(num, {:fixed32, v}), do: <<varint(num <<< 3 ||| 5)::binary, v::float-little-32>>

  def decode(<<>>), do: []
  def decode(bin) do
    {key, rest} = read_varint(bin)
    {value, rest} = value(band(key, 7), rest)
    [{key >>> 3, value} | decode(rest)]
  end

  defp value(0, rest), do: read_varint(rest)
  defp value(1, <<v::little-64, rest::binary>>), do: {{:fixed64, v}, rest}
  defp value(2, rest) do
    {len, rest} = read_varint(rest)
    <<b::binary-size(len), rest::binary>> = rest
    {{:bytes, b}, rest}
  end
  defp value(5, <<v::float-little-32, rest::binary>>), do: {{:fixed32, v}, rest}
end

defmodule Main do
  import Bitwise

  def run do
    for n <- [0, 1, 127, 128, 300, 16_383, 16_384, 2_097_151, 1 <<< 35, 18_446_744_073_709_551_615] do
      enc = Wire.varint(n)
      {back, ""} = Wire.read_varint(enc)
      IO.puts("#{n} -> #{inspect(enc)} (#{byte_size(enc)} bytes) -> #{back}")
    end
    IO.inspect(for n <- [0, -1, 1, -2, 2, -64, 63, -2_147_483_648], do: {n, Wire.zigzag(n), Wire.unzigzag(Wire.zigzag(n))})
    IO.inspect(Wire.read_varint(<<128, 128>>))

    msg = [
      Wire.field(1, {:varint, 150}),
      Wire.field(2, {:bytes, "testing"}),
      Wire.field(3, {:sint, -3}),
      Wire.field(4, {:fixed64, 0xDEADBEEF}),
      Wire.field(5, {:fixed32, 2.5}),
      Wire.field(16, {:bytes, <<0, 255>>})
    ] |> IO.iodata_to_binary()
    IO.inspect(msg)
    IO.puts(for <<n::4 <- msg>>, into: "", do: <<if(n < 10, do: ?0 + n, else: ?a + n - 10)>>)
    decoded = Wire.decode(msg)
    IO.inspect(decoded)
    {_, z} = List.keyfind(decoded, 3, 0)
    IO.inspect(Wire.unzigzag(z))
    IO.inspect(for <<b <- msg>>, b >= 128, do: b)
    IO.inspect(for <<_::1, low::7 <- Wire.varint(300)>>, do: low)
  end
end

Main.run()
