# Sizes taken from earlier segments of the same pattern, from variables
# bound before it, and from expressions; unit(n) with them.
defmodule Sizes do
  def field(<<n, data::binary-size(n), rest::binary>>), do: {data, rest}
  def field(other), do: {:incomplete, other}

  def bits_field(<<n::4, v::size(n), rest::bits>>), do: {n, v, rest}

  def words(<<count::16, ws::binary-size(count)-unit(16), rest::binary>>), do: {count, ws, rest}

  def nested(<<len::8, inner::binary-size(len), tail::binary>>) do
    <<k::8, vlen::8, v::binary-size(vlen)>> = inner
    {k, v, tail}
  end

  def with_guard(<<n, body::binary-size(n)>>) when n > 2, do: {:long, body}
  def with_guard(<<n, body::binary-size(n)>>), do: {:short, body}
  def with_guard(_), do: :bad

  def two(<<a, b, x::size(a)-unit(8), y::size(b)-unit(8)>>), do: {x, y}
  def two(_), do: :nomatch

  def signed(<<n::8, v::signed-size(n)>>), do: v
end

defmodule Main do
  def run do
    IO.inspect(Sizes.field(<<3, "abcdef">>))
    IO.inspect(Sizes.field(<<0, "x">>))
    IO.inspect(Sizes.field(<<9, "short">>))
    IO.inspect(Sizes.field(<<>>))
    IO.inspect(Sizes.bits_field(<<3::4, 5::3, 1::1>>))
    IO.inspect(Sizes.bits_field(<<0::4, 0b1111::4>>))
    IO.inspect(Sizes.words(<<2::16, "abcd", "rest">>))
    IO.inspect(Sizes.nested(<<4, 7, 2, "hi", "tail">>))
    IO.inspect(Enum.map([<<3, "abc">>, <<1, "a">>, <<5, "ab">>], &Sizes.with_guard/1))
    IO.inspect(Sizes.two(<<1, 2, 255, 1, 0>>))
    IO.inspect(Sizes.two(<<1, 2, 255, 1>>))
    IO.inspect(Enum.map([<<4, 0b1111::4>>, <<4, 0b0111::4>>, <<16, -300::16>>], &Sizes.signed/1))
    n = 2
    <<head::binary-size(n), rest::binary>> = "hello"
    IO.inspect({head, rest})
    <<a::size(n * 4), b::size(n)-unit(4), _::binary>> = <<0xAB, 0xCD, 0xEF>>
    IO.inspect({a, b})
    m = %{len: 3}
    <<c::binary-size(m.len), _::binary>> = "abcdef"
    IO.inspect(c)
    sizes = [1, 2, 3]
    IO.inspect(for s <- sizes, do: (<<x::binary-size(s), _::binary>> = "xyz"; x))
    IO.inspect(<<1::size(n)-unit(8)>>)
    len = byte_size("abc")
    IO.inspect(<<len, "abc"::binary, 0::size(len * 8)>>)
    case <<2, "ab", 1, "c">> do
      <<l1, f1::binary-size(l1), l2, f2::binary-size(l2)>> -> IO.inspect({f1, f2})
    end
  end
end

Main.run()
