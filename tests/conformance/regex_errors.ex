# Regex.compile errors: PCRE's messages and positions as OTP reports them, compile!, CompileError, bad options.
for src <- ["(", "(a", "a)", "[a", "*", "a**", "a{2,1}", "a{99999}", "\\", "x{1,2}{3}",
            "(?<n>a)(?<n>b)", "\\2(a)", "(?<=a+)b", "(?<=x*)", "(?Q)", "(?", "(?i",
            "[z-a]", "[a-\\d]", "[[:foo:]]", "(?#abc", "\\p{Foo}", "\\x{100}", "(*FOO)",
            "(?<1a>x)", "\\k<x>", "(?P<a>x)(?P=b)", "(?1)", "\\c", "\\L"] do
  IO.inspect {src, Regex.compile(src)}
end
for src <- ["\\i\\j", "[\\d-z]", "[[:alpha:]-]", "a{2,1", "a{,3}", "a{1, 2}", "(?<=a|bc)x", "\\Q(\\E"] do
  {:ok, r} = Regex.compile(src)
  IO.inspect {src, Regex.source(r), Regex.run(r, "ij a-z a{2,1 a{,3} a{1, 2} bcx (")}
end
IO.inspect Regex.compile("\\x{110000}", "u")
IO.inspect Regex.compile(<<255>>, "u")
IO.inspect Regex.compile("a", "iz")
IO.inspect Regex.compile("a", "I")
for {src, opts} <- [{"(", ""}, {"a)b", "i"}, {"a", "z"}, {"[", [:caseless]}] do
  try do
    Regex.compile!(src, opts)
  rescue
    e in Regex.CompileError -> IO.inspect({e.__struct__, Exception.message(e)})
  end
end
for {src, opts} <- [{:x, ""}, {"a", :x}] do
  try do
    Regex.compile(src, opts)
  rescue
    e in FunctionClauseError -> IO.inspect({e.function, e.arity})
  end
end
try do
  Regex.compile("a", [:bogus])
rescue
  e in ArgumentError -> IO.puts(Exception.message(e))
end
try do
  Regex.recompile!(%Regex{source: "a(", re_version: :old})
rescue
  e in Regex.CompileError -> IO.inspect(Exception.message(e))
end
IO.inspect Regex.recompile(%Regex{source: "b)", re_version: :old})
