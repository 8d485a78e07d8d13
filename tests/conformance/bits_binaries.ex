# binary/bytes and bitstring/bits segments: sizes, units, the rest of a
# subject, and the types' names as Elixir spells them.
defmodule Bins do
  def show(label, f) do
    IO.puts(label <> ": " <> inspect(f.()))
  rescue
    e -> IO.puts(label <> ": ** " <> inspect(e.__struct__) <> " " <> Exception.message(e))
  end

  def take(<<head::binary-size(2), rest::bytes>>), do: {head, rest}
  def take(other), do: {:short, other}

  def bits(<<first::bits-size(3), rest::bitstring>>), do: {first, rest}

  def words(<<w::binary-size(2)-unit(16), rest::binary>>, acc), do: words(rest, [w | acc])
  def words(rest, acc), do: {Enum.reverse(acc), rest}
end

defmodule Main do
  def run do
    s = &Bins.show/2
    x = "hello"
    s.("build", fn -> {<<x::binary>>, <<x::bytes, " ", x::binary-size(2)>>, <<x::bitstring>>, <<x::bits-size(12)>>} end)
    s.("units", fn -> {<<x::binary-size(1)-unit(16)>>, <<x::binary-size(3)-unit(4)>>, <<x::size(2)-unit(8)-binary>>} end)
    s.("nested", fn -> {<<1, <<2, 3>>, 4>>, << <<1::1>>::bits, <<7::3>>::bits >>, <<"a", "b"::binary, ?c>>} end)
    s.("take", fn -> {Bins.take("abcdef"), Bins.take("a"), Bins.take(<<1, 2, 3::4>>)} end)
    s.("bits", fn -> {Bins.bits(<<0b10110000>>), Bins.bits(<<1::3>>), Bins.bits(<<255, 1::2>>)} end)
    s.("words", fn -> Bins.words("abcdefghij", []) end)
    s.("unit match", fn -> <<a::binary-size(3)-unit(4), r::bits>> = "hello"; {a, r} end)
    s.("unit 16", fn -> {match?(<<_::binary-unit(16)>>, "hell"), match?(<<_::binary-unit(16)>>, "hel")} end)
    s.("rest", fn -> <<a, b::binary>> = "xyz"; {a, b, byte_size(b)} end)
    s.("empty rest", fn -> <<a, b::binary>> = "x"; {a, b} end)
    s.("bits rest", fn -> <<a::5, b::bits>> = "xy"; {a, b, bit_size(b)} end)
    s.("binary of bits", fn -> match?(<<_::binary>>, <<1::4>>) end)
    s.("size var", fn -> n = 3; <<h::binary-size(n), _::binary>> = "abcdef"; h end)
    s.("size expr", fn -> n = 1; <<h::binary-size(n * 2), _::binary>> = "abcdef"; h end)
    s.("pin", fn -> p = "ab"; match?(<<^p::binary-size(2), _::binary>>, "abc") end)
    s.("literal prefix", fn -> <<"GET ", path::binary>> = "GET /index"; path end)
    s.("concat", fn -> "a" <> <<1, 2>> end)
    s.("<> rest", fn -> "ab" <> rest = "abcd"; rest end)
    s.("bytes of", fn -> {byte_size(<<1::17>>), bit_size(<<1::17>>), byte_size(""), bit_size(<<>>)} end)
    s.("is_binary", fn -> {is_binary(<<1::8>>), is_binary(<<1::7>>), is_bitstring(<<1::7>>), is_bitstring(:a)} end)
    bad = <<1::12>>
    s.("binary of bits err", fn -> <<bad::binary>> end)
    s.("size larger", fn -> <<x::binary-size(9)>> end)
    s.("not a binary", fn -> y = 42; <<y::binary>> end)
    s.("not a bitstring", fn -> y = :a; <<y::bits>> end)
    s.("list", fn -> y = [1, 2]; <<y::binary>> end)
  end
end

Main.run()
