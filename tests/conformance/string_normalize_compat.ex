# String.normalize/2 as OTP 25 composes: NFC composes each grapheme
# cluster with its first code point as the only starter (a prepended mark
# keeps "e\u0301" apart); NFKC splits the compatibility decomposition into
# clusters again first, so "ǅ" gives "D" and "ž".
samples = [
  "ǅ", "Ǆ", "ǆ", "ﬁ", "Ⅻ", "㎏", "ẛ\u0323", "ｶﾞｷﾞ", "ﾊﾟ", "①", "\u0600e\u0301", "\u0600\u0600e\u0301",
  "a\u0301\u0300", "e\u0301\u0327", "\u0915\u093c", "\u1100\u1161\u11a8", "Å", "Å", "ﬃ", "x\u0304\u0301", "ǈ ǋ ǲ", "㍻", "ℌ"
]

for s <- samples, form <- [:nfc, :nfd, :nfkc, :nfkd] do
  out = String.normalize(s, form)
  IO.puts("#{inspect(s)} #{form} #{inspect(String.codepoints(out), base: :hex)}")
end

IO.inspect(String.equivalent?("ǅ", "Dž"))
IO.inspect(String.normalize("ǅ", :nfkc) == "Dž")
IO.inspect(:unicode.characters_to_nfkc_binary("ǅ") |> String.codepoints())
IO.inspect(:unicode.characters_to_nfkc_list('ǅ'))
