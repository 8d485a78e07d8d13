# String.upcase/downcase/capitalize with the :default, :ascii, :greek, :turkic modes
words = ["hello World", "straße", "ǆemal ǅ", "ﬁn ﬃ", "ŉ ΐ ΰ", "İstanbul ıi", "ΣΑΣ ΟΔΟΣ", "ÀÉÎÕÜ àéîõü",
  "ǅa", "ßa", "ԱԲԳ աբգ", "ᏣᎳᎩ", "ꭰꭱ", "\u0345x", "a\u0345", <<?A, 255, ?b>>, "ĳ Ĳ", "ᾳ ᾼ", ""]

for w <- words do
  IO.inspect(w)
  IO.inspect({String.upcase(w), String.downcase(w), String.capitalize(w)})
  IO.inspect({String.upcase(w, :ascii), String.downcase(w, :ascii), String.capitalize(w, :ascii)})
  IO.inspect({String.upcase(w, :turkic), String.downcase(w, :turkic), String.capitalize(w, :turkic)})
  IO.inspect(String.downcase(w, :greek))
end

for s <- ["Σ", "ΣΣ", "Σ ΣΣ", "ΜΕΣ'ΑΠΟ", "ΑΣ'ΤΟΥΣ", "Σ ΣΑΣ Σ", "ΑΣ.Α", "ΑΣ-Α", "AΣ", "ÀΣ", "IΣ", "ΑΣ\u0301", "ΑΣª"] do
  IO.inspect({s, String.downcase(s), String.downcase(s, :greek)})
end

IO.inspect({String.downcase("I\u0307", :turkic), String.downcase("I\u0323\u0307", :turkic), String.downcase("İ")})
IO.inspect(String.capitalize("ΑΣ", :greek))
IO.inspect({String.upcase("istanbul", :turkic), String.capitalize("izmir", :turkic), String.downcase("ISPARTA", :turkic)})
IO.inspect(String.upcase(String.duplicate("abc", 30)))

try do
  String.upcase("a", :klingon)
rescue
  e -> IO.puts(Exception.message(e))
end
