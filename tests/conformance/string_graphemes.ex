# String: graphemes, code points, length, first/last/at, reverse, invalid UTF-8
samples = ["", "elixir", "noël", "e\u0301te\u0301", "\r\n\r\r\n", "🇦🇧🇨", "👨‍👩‍👧‍👦x",
  "क्षि", "\u1100\u115D\uB4A4", "a\u0300\u0903", "がガちゃ", <<?a, 255, 0x301::utf8, ?b>>,
  <<0xE2, 0x82>> <> "x", "\u0600a", "Ā̀stute"]

for s <- samples do
  IO.inspect(s, label: "string")
  IO.inspect(String.graphemes(s), label: "  graphemes")
  IO.inspect(String.codepoints(s), label: "  codepoints")
  IO.inspect({String.length(s), byte_size(s)}, label: "  length/bytes")
  IO.inspect({String.first(s), String.last(s)}, label: "  first/last")
  IO.inspect({String.at(s, 1), String.at(s, -1), String.at(s, 20), String.at(s, -20)}, label: "  at")
  IO.inspect(String.reverse(s), label: "  reverse")
  IO.inspect(String.next_grapheme(s), label: "  next_grapheme")
  IO.inspect(String.next_codepoint(s), label: "  next_codepoint")
end

IO.inspect(String.next_codepoint(<<0xE2, 0x82, 255, ?b>>))
IO.inspect(String.length(String.duplicate("ab\r\n", 1000)))
IO.inspect(String.reverse(String.reverse("Hello \r\n World")))
IO.inspect(String.graphemes("\u{1F469}\u{1F3FD}\u200D\u{1F692}!"))
IO.inspect(String.length("\u{1F1FA}\u{1F1F8}\u{1F1EB}\u{1F1F7}\u{1F1E9}"))

for f <- [fn -> String.length(:a) end, fn -> String.at("abc", 0.5) end, fn -> String.graphemes(nil) end] do
  try do
    f.()
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
