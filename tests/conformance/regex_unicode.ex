# Unicode: \w \d \s ASCII without u (the BEAM's :re), Unicode classes and properties with u, caseless, bytes vs characters.
s = "naïve café ÀÉ 42 ٣"
IO.inspect Regex.scan(~r/\w+/, s)
IO.inspect Regex.scan(~r/\w+/u, s)
IO.inspect Regex.scan(~r/\d/, s)
IO.inspect Regex.scan(~r/\d/u, s)
IO.inspect Regex.scan(~r/[[:alpha:]]+/, "añb")
IO.inspect Regex.scan(~r/[[:alpha:]]+/u, "añb")
IO.inspect Regex.match?(~r/\s/, "\u00a0")
IO.inspect Regex.match?(~r/\s/u, "\u00a0")
IO.inspect Regex.match?(~r/[[:space:]]/u, "\u00a0")
IO.inspect Regex.match?(~r/é/i, "É")
IO.inspect Regex.match?(~r/é/iu, "É")
IO.inspect Regex.match?(~r/\p{Lu}/u, "£")
IO.inspect Regex.match?(~r/\p{Lu}/u, "Ä")
IO.inspect Regex.run(~r/\p{Latin}+$/u, "olá")
IO.inspect Regex.run(~r/\p{Greek}+/u, "abc αβγ")
IO.inspect Regex.run(~r/\P{L}+/u, "abc123déf")
IO.inspect Regex.run(~r/\X/u, "e\u0301x")
IO.inspect Regex.run(~r/^.$/u, "€")
IO.inspect Regex.run(~r/^...$/, "€")
IO.inspect Regex.run(~r/<.>/, <<?<, 255, ?>>>)
IO.inspect Regex.run(~r/\x{20AC}/u, "a€", return: :index)
IO.inspect Regex.run(~r/\xe9/, <<0xE9>>)
IO.inspect Regex.run(~r/[à-ü]+/u, "xàéüz")
IO.inspect Regex.run(~r/\bcafé\b/u, "un café noir")
IO.inspect Regex.scan(~r/\b\w/u, "élan vital")
IO.inspect String.length(Regex.replace(~r/./u, "日本語", "ab"))
IO.inspect Regex.split(~r/\s/u, "a\u2003b c")
IO.inspect Regex.split(~r/\s/, "a\u2003b c")
IO.inspect Regex.match?(~r/^\w+$/u, "日本語")
IO.inspect Regex.match?(~r/^\w+$/, "日本語")
try do
  Regex.run(~r/a/u, <<255, ?a>>)
rescue
  e in ArgumentError -> IO.inspect(e)
end
try do
  Regex.match?(~r/a/u, <<0xC3>>)
rescue
  e in ArgumentError -> IO.inspect(e)
end
IO.inspect Regex.match?(~r/a/, <<255, ?a>>)
