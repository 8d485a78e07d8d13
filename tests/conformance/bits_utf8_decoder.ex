# A hand-written UTF-8 / UTF-16 codec with bit patterns, checked against the
# ::utf8 and ::utf16 segments; invalid input is reported, not raised.
defmodule Codec do
  import Bitwise

  def decode8(<<0::1, c::7, rest::binary>>), do: [c | decode8(rest)]
  def decode8(<<0b110::3, a::5, 0b10::2, b::6, rest::binary>>), do: [a <<< 6 ||| b | decode8(rest)]
  def decode8(<<0b1110::4, a::4, 0b10::2, b::6, 0b10::2, c::6, rest::binary>>),
    do: [a <<< 12 ||| b <<< 6 ||| c | decode8(rest)]
  def decode8(<<0b11110::5, a::3, 0b10::2, b::6, 0b10::2, c::6, 0b10::2, d::6, rest::binary>>),
    do: [a <<< 18 ||| b <<< 12 ||| c <<< 6 ||| d | decode8(rest)]
  def decode8(<<>>), do: []
  def decode8(<<bad, _::binary>>), do: [{:invalid, bad}]

  def encode16(cp) when cp < 0x10000, do: <<cp::16>>
  def encode16(cp) do
    v = cp - 0x10000
    <<0b110110::6, v >>> 10::10, 0b110111::6, band(v, 0x3FF)::10>>
  end

  def builtin8(bin), do: for(<<c::utf8 <- bin>>, do: c)
  def builtin16(bin), do: for(<<c::utf16 <- bin>>, do: c)

  def first(<<c::utf8, rest::binary>>), do: {:ok, c, byte_size(rest)}
  def first(<<b, _::binary>>), do: {:error, b}
  def first(<<>>), do: :empty
end

defmodule Main do
  def run do
    for s <- ["abc", "héllo", "€uro", "𝄞 clef", "日本語", "a\u00A0b", ""] do
      mine = Codec.decode8(s)
      IO.puts("#{inspect(s)} #{byte_size(s)} bytes: #{inspect(mine)} same=#{mine == Codec.builtin8(s)}")
      u16 = for c <- mine, into: <<>>, do: Codec.encode16(c)
      builtin = for c <- mine, into: <<>>, do: <<c::utf16>>
      IO.puts("  utf16 #{inspect(u16, base: :hex)} same=#{u16 == builtin} back=#{inspect(Codec.builtin16(u16))}")
    end
    IO.inspect(Codec.decode8(<<"ok", 0xFF, "x">>))
    IO.inspect(Codec.decode8(<<0xE2, 0x82>>))
    IO.inspect(for s <- ["é", <<0xC3>>, <<0x80>>, "", <<0xF0, 0x9F, 0x98, 0x80>>], do: Codec.first(s))
    IO.inspect(<<0x1F600::utf8>>)
    IO.inspect(<<0x1F600::utf16>>, base: :hex)
    IO.inspect(<<0x1F600::utf16-little>>, base: :hex)
    IO.inspect(<<0x1F600::utf32>>, base: :hex)
    <<a::utf16-little, b::utf32-little>> = <<0x263A::utf16-little, 0x1D11E::utf32-little>>
    IO.inspect({a, b})
    IO.inspect(match?(<<_::utf8>>, <<0xED, 0xA0, 0x80>>))
    IO.inspect(match?(<<_::utf32>>, <<0, 0x11, 0, 0>>))
    IO.inspect(for <<c::utf8 <- "añb">>, c > 127, into: "", do: <<c::utf8, c::utf8>>)
  end
end

Main.run()
