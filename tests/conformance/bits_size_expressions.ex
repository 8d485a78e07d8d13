# binary pattern sizes that are expressions over variables bound by earlier
# segments of the same pattern (function heads, =, case, several splits)
defmodule Packets do
  def f(<<n::8, body::binary-size(n * 2), rest::binary>>), do: {n, body, rest}
  def f(other), do: {:no_match, other}

  def g(<<a::4, b::4, x::size(a + b), _::bits>>), do: {a, b, x}

  def tlv(<<t::8, l::8, v::binary-size(l - 1), rest::binary>>, acc) when l > 0,
    do: tlv(rest, [{t, v} | acc])
  def tlv(<<>>, acc), do: Enum.reverse(acc)
  def tlv(bad, acc), do: {:error, bad, Enum.reverse(acc)}

  def two(<<a::8, x::size(a * 8), b::8, y::binary-size(b + a), z::bits>>), do: {a, x, b, y, z}

  def units(<<n::4, xs::size(n)-unit(4), rest::bits>>), do: {n, xs, rest}
end

IO.inspect(Packets.f(<<2, "abcdz">>))
IO.inspect(Packets.f(<<3, "abcd">>))
IO.inspect(Packets.f(<<0>>))
IO.inspect(Packets.g(<<1::4, 2::4, 0b101::3, 0::5>>))
IO.inspect(Packets.tlv(<<1, 3, "hi", 2, 1, 9, 4>>, []))
IO.inspect(Packets.tlv(<<1, 3, "hi", 2, 5, "ab">>, []))
IO.inspect(Packets.two(<<1, 7, 2, "xyz", 1::1>>))
IO.inspect(Packets.two(<<2, 1, 2, 3, "xyzw", "!">>))
IO.inspect(Packets.units(<<2::4, 0xAB, 0xC::4>>))
<<k::8, v::binary-size(k - 1)>> = <<3, "ab">>
IO.inspect({k, v})
result =
  case <<4, 1, 2, 3, 4, 5, 6>> do
    <<n::8, half::binary-size(div(n, 2)), more::binary-size(n - div(n, 2)), tail::binary>> ->
      {n, half, more, tail}
  end
IO.inspect(result)
try do
  <<k2::8, _::binary-size(k2 * 3)>> = Process.get(:unset, <<2, "abc">>)
  IO.inspect(k2)
rescue
  e in MatchError -> IO.puts(Exception.message(e))
end
m = 2
<<p::8, q::binary-size(p + m)>> = <<1, "abc">>
IO.inspect({p, q})
# binary generators whose sizes come from earlier segments
IO.inspect(for <<n::8, body::binary-size(n + m) <- <<1, "ab", 0, "c", 2, "def", 9>> >>, do: {n, body})
IO.inspect(for <<1, n::8, _skip::size(n * 8) <- <<1, 1, 0, 1, 2, 0, 0, 2, 5>> >>, do: n)
IO.inspect(for <<n::4, x::size(n * 2) <- <<2::4, 5::4, 1::4, 3::2, 0::2>> >>, n > 1, do: {n, x})
IO.inspect(for <<n::8, s::binary-size(n - 1) <- <<3, "ab", 2, "c">> >>, into: "", do: s)
IO.inspect(for <<n::8, s::binary-size(n * 1) <- <<>> >>, do: s)
