# Sizes read from earlier segments of the same pattern, combined with units;
# a bit-packed array of fixed-width fields; size/unit in construction.
defmodule Packed do
  # header: count (8 bits), width (4 bits), then count fields of width bits, then padding
  def pack(values, width) do
    body = for v <- values, into: <<>>, do: <<v::size(width)>>
    pad = rem(8 - rem(4 + bit_size(body), 8), 8)
    <<length(values)::8, width::4, body::bits, 0::size(pad)>>
  end

  def unpack(<<count::8, width::4, rest::bits>>) do
    len = count * width
    <<body::bits-size(len), _pad::bits>> = rest
    for <<v::size(width) <- body>>, do: v
  end

  def blocks(<<n::4, unit_sel::4, rest::binary>>) do
    case unit_sel do
      0 -> <<b::binary-size(n), tail::binary>> = rest; {:bytes, b, tail}
      1 -> <<b::size(n)-unit(16), tail::binary>> = rest; {:words, b, tail}
      2 -> <<b::size(n)-unit(4), tail::bits>> = rest; {:nibbles, b, tail}
    end
  end

  def lv(<<len::size(2)-unit(4), data::binary-size(len), rest::bits>>), do: {data, rest}
  def lv(other), do: {:short, other}
end

defmodule Main do
  def run do
    for {vals, w} <- [{[1, 2, 3], 2}, {[5, 0, 7, 7, 1], 3}, {[1000, 2000], 11}, {[], 5}, {[1], 1}] do
      p = Packed.pack(vals, w)
      IO.puts("#{inspect(vals)} w=#{w}: #{inspect(p)} (#{bit_size(p)} bits) -> #{inspect(Packed.unpack(p))}")
    end
    IO.inspect(Packed.blocks(<<3::4, 0::4, "abcdef">>))
    IO.inspect(Packed.blocks(<<2::4, 1::4, 1, 2, 3, 4, 5>>))
    IO.inspect(Packed.blocks(<<3::4, 2::4, 0xABC::12, 0xD::4>>))
    IO.inspect(Packed.lv(<<3, "abcz">>))
    IO.inspect(Packed.lv(<<9, "abc">>))
    n = 3
    IO.inspect(<<7::size(n)-unit(2)>>)
    IO.inspect(<<1::size(2)-unit(8)-little>>)
    IO.inspect(<<-1::signed-size(n)-unit(3)>>)
    IO.inspect(<<0.5::float-size(4)-unit(16)>>)
    bin = "abcdefgh"
    IO.inspect(<<bin::binary-size(n)-unit(16)>>)
    IO.inspect(<<bin::bits-size(n)>>)
    <<a::size(n)-unit(8), rest::binary>> = bin
    IO.inspect({a, rest})
    <<x::size(n), y::size(x), z::bits>> = <<0b101_01011, 0b0000_0001>>
    IO.inspect({x, y, z})
  end
end

Main.run()
