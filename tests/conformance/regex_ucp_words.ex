# Word characters under Regex's `u` modifier as OTP 25's PCRE 8.44 reads
# them: letters, digits and `_`, not combining marks nor connector
# punctuation other than `_` (\w, \W, \b, \B, [:word:], [:^word:]).
combining = "e\u0301te caf\u0301e"
IO.inspect(Regex.scan(~r/\w+/u, combining))
IO.inspect(Regex.scan(~r/\b\w+\b/u, combining))
IO.inspect(Regex.scan(~r/\W+/u, combining))
IO.inspect(Regex.scan(~r/[\w]+/u, "e\u0301te‿x"))
IO.inspect(Regex.scan(~r/[^\W\d]+/u, "e\u0301te‿x1y_z"))
IO.inspect(Regex.scan(~r/[[:word:]]+/u, "e\u0301te‿x"))
IO.inspect(Regex.scan(~r/[[:alnum:]]+/u, "e\u0301te‿x"))
IO.inspect(Regex.scan(~r/[[:^word:]]+/u, "e\u0301te‿x"))
IO.inspect(Regex.scan(~r/\Bt/u, "e\u0301te"))
IO.inspect(Regex.scan(~r/\Bt/u, "ette"))
IO.inspect(Regex.scan(~r/[[:alpha:]]+/u, "e\u0301te"))
IO.inspect(Regex.scan(~r/[[:punct:]]+/u, "a‿b_c!d"))
IO.inspect(Regex.scan(~r/\s+/u, "a\u00a0b\u2003c\u200bd\u0085e"))
IO.inspect(Regex.scan(~r/\d+/u, "1٣2𝟘"))
IO.inspect(String.split("héllo wörld e\u0301te", ~r/\W+/u))
IO.inspect(Regex.replace(~r/\b(\w)/u, "élan vital über", fn _, c -> String.upcase(c) end))
IO.inspect(Regex.scan(~r/\w+/u, "naïve café über straße"))
IO.inspect(Regex.scan(~r/\b\w/u, "hello wörld ünter"))
IO.inspect(Regex.match?(~r/^\w+$/u, "日本語"))
IO.inspect(Regex.match?(~r/^\w+$/u, "a\u0308"))
IO.inspect(Regex.scan(~r/\Q\w\E|\w/u, "\\w a"))
IO.inspect(Regex.scan(~r/[\b]/u, "a\bb"))
IO.inspect(Regex.run(~r/(?<word>\w+)\W+(?<rest>.*)/u, "e\u0301te, done"))
IO.inspect(Regex.named_captures(~r/(?<word>\w+)\W+(?<rest>.*)/u, "e\u0301te, done"))
# Without `u`, bytes are read as Latin-1.
IO.inspect(Regex.scan(~r/\w+/, "e\u0301te"))
IO.inspect(Regex.source(~r/\b\w+\b/u))
# \p{Xwd} is PCRE 8's word class too, with or without `u`; a script
# property (\p{Greek}) is the character's Script, not its Script_Extensions
# (the combining acute U+0301 is Inherited, not Greek).
mixed = "aé\u0301 αβ\u0301 ж\u0483 漢\u3005 a‿_1"
IO.inspect(Regex.scan(~r/\p{Xwd}+/u, mixed))
IO.inspect(Regex.scan(~r/\P{Xwd}+/u, mixed))
IO.inspect(Regex.scan(~r/[\p{Xwd}]+/u, mixed))
IO.inspect(Regex.scan(~r/[^\p{Xwd}\s]+/u, mixed))
IO.inspect(Regex.scan(~r/\p{Greek}+/u, mixed))
IO.inspect(Regex.scan(~r/\p{^Greek}+/u, mixed))
IO.inspect(Regex.scan(~r/[\p{Latin}]+/u, mixed))
IO.inspect(Regex.scan(~r/\p{Cyrillic}+/u, mixed))
IO.inspect(Regex.scan(~r/\p{Han}+/u, mixed))
IO.inspect(Regex.scan(~r/\p{Inherited}+/u, mixed))
IO.inspect(Regex.scan(~r/\p{Lu}|\p{Ll}+/u, "AbC dé"))
