# String.normalize/2, equivalent?/2, valid?/1, chunk/2, printable?/1,2
forms = [:nfd, :nfc, :nfkd, :nfkc]
for s <- ["ŝ", "ḇravô", "뢴", "êchǭ", "거̄", "ﬀ ﬂ ﬅ", "\u0344", "à֮̀̕b", "ढ़", "Å Ω K", "①²", <<?e, 0x301::utf8, 255, ?e, 0x301::utf8>>, <<15, 216>>, ""] do
  IO.inspect({s, Enum.map(forms, &String.normalize(s, &1))})
  IO.inspect(Enum.map(forms, &byte_size(String.normalize(s, &1))))
end

IO.inspect({String.equivalent?("noël", "noe\u0308l"), String.equivalent?("ELIXIR", "elixir"), String.equivalent?("", "")})
IO.inspect({String.equivalent?("ﬁ", "fi"), String.equivalent?("Å", "A\u030A")})
for s <- ["\u0D15\u0D46\u0D3E", "\u0D46\u0D3E", "\u0600e\u0301x", "\u0600\u1100\u1161", "\u1100\u1161\u11A8"] do
  IO.inspect({String.to_charlist(String.normalize(s, :nfc)), String.to_charlist(String.normalize(s, :nfkc))})
end

for s <- ["afds", "øsdfh", <<0xEF, 0xB7, 0x90>>, <<0xFFFF::16>>, "asd" <> <<0xFFFF::16>>, <<0xED, 0xA0, 0x80>>, <<0xF4, 0x90, 0x80, 0x80>>, <<0xC0, 0x80>>, ""] do
  IO.inspect({s, String.valid?(s)})
end
IO.inspect(String.valid?(:a))

IO.inspect(String.chunk("", :valid))
IO.inspect(String.chunk("ødskfjあ\x11ska", :valid))
IO.inspect(String.chunk(<<"a", 255, "b", 0, 1>>, :valid))
IO.inspect(String.chunk(<<"a", 255, "b", 0, 1>>, :printable))
IO.inspect(String.chunk("abc\u{0FFFF}def", :printable))
IO.inspect(String.chunk("\x06ab\x05cdef\x03\0", :printable))

for s <- ["abc", "abc\x00", "\a\b\t\n\v\f\r\e", "\x7F", <<255>>, "héllo", "\u{0FFFF}", ""] do
  IO.inspect({s, String.printable?(s), String.printable?(s, 2)})
end

try do
  String.normalize("a", :nfx)
rescue
  e -> IO.puts(Exception.message(e))
end
