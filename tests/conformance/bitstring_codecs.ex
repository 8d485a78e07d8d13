defmodule Wire do
  # A tiny TLV codec: type::8, len::16, value
  def encode(items), do: for({t, v} <- items, into: <<>>, do: <<t::8, byte_size(v)::16, v::binary>>)

  def decode(<<>>), do: []
  def decode(<<t::8, len::16, v::binary-size(len), rest::binary>>), do: [{t, v} | decode(rest)]
  def decode(_), do: :error

  def varint(n) when n < 128, do: <<0::1, n::7>>
  def varint(n), do: <<1::1, Bitwise.band(n, 127)::7, varint(Bitwise.bsr(n, 7))::binary>>

  def unvarint(<<0::1, n::7, rest::binary>>), do: {n, rest}
  def unvarint(<<1::1, n::7, rest::binary>>) do
    {m, rest} = unvarint(rest)
    {n + Bitwise.bsl(m, 7), rest}
  end

  def hex(bin), do: for(<<c::4 <- bin>>, into: "", do: <<Enum.at(~c"0123456789abcdef", c)>>)
end

defmodule Main do
  def run do
    blob = Wire.encode([{1, "hello"}, {2, ""}, {3, String.duplicate("z", 300)}])
    IO.inspect(byte_size(blob))
    [{1, a}, {2, b}, {3, c}] = Wire.decode(blob)
    IO.inspect({a, b, byte_size(c)})
    IO.inspect(Wire.decode(<<1, 0, 5, "abc">>))
    for n <- [0, 1, 127, 128, 300, 16_384, 2_000_000_000] do
      v = Wire.varint(n)
      {m, ""} = Wire.unvarint(v)
      IO.inspect({n, v, m == n})
    end
    IO.puts(Wire.hex("Elixir"))
    <<r::5, g::6, b::5>> = <<0xF8, 0x1F>>
    IO.inspect({r, g, b})
    IO.inspect(<<r::5, g::6, b::5>> == <<0xF8, 0x1F>>)
    IO.inspect(<<1::size(2)-unit(4), 2::size(1)-unit(8)>>)
    IO.inspect(<<3.5::float-32, -2.25::float-little-64>>)
    <<f1::float-32, f2::float-little-64>> = <<3.5::float-32, -2.25::float-little-64>>
    IO.inspect({f1, f2})
    IO.inspect(<<?é::utf8, ?é::utf16, ?é::utf32-little>>)
    <<x::utf8, y::utf16, z::utf32-little>> = <<?é::utf8, ?é::utf16, ?é::utf32-little>>
    IO.inspect([x, y, z])
    IO.inspect(<<-1::signed-size(12), 4095::size(12)>>)
    <<s::signed-size(12), u::size(12)>> = <<-1::signed-size(12), 4095::size(12)>>
    IO.inspect({s, u})
    IO.inspect(<<1::64-big, 1::64-little>>)
    IO.inspect(<<2 ** 70::128>>)
    <<big::128>> = <<2 ** 70::128>>
    IO.inspect(big)
    bits = for <<b::1 <- <<0b10110000>> >>, do: b
    IO.inspect(bits)
    IO.inspect(for b <- bits, into: <<>>, do: <<b::1>>)
    IO.inspect(String.valid?(<<0xFF>>), label: "valid")
    case <<1, 2, 3>> do
      <<1, rest::bits>> when bit_size(rest) > 8 -> IO.inspect({:long, rest})
      _ -> IO.puts("no")
    end
    IO.inspect(match?(<<_::3>>, <<1::3>>))
    IO.inspect(match?(<<_::binary>>, <<1::3>>))
    IO.inspect(is_binary(<<1::3>>) or is_bitstring(<<1::3>>))
  end
end

Main.run()
