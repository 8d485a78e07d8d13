# Version.compare/2, match?/3 and requirements.
pairs = [
  {"1.0.1", "1.0.0"},
  {"1.0.0", "1.0.0-dev"},
  {"1.0.0-a.b", "1.0.0-a"},
  {"1.0.0-a", "1.0.0-0"},
  {"1.0.0-1", "1.0.0-a"},
  {"1.0.0-10", "1.0.0-9"},
  {"1.0.0-B", "1.0.0-a"},
  {"1.5.0-rc.0", "1.5.0-rc0"},
  {"1.0.0+a", "1.0.0+b"}
]

for {a, b} <- pairs, do: IO.puts("#{a} vs #{b}: #{Version.compare(a, b)}")

checks = [
  {"2.3.0", "2.3.0"},
  {"0.9.3", "== 0.9.3+dev"},
  {"2.4.0", "> 2.3.0"},
  {"1.2.3-alpha.1", "> 1.2.3-alpha"},
  {"0.10.2-dev", "< 0.10.2"},
  {"3.2.0", "~> 3.0"},
  {"4.0.0", "~> 3.0"},
  {"3.0.2", "~> 3.0.0"},
  {"3.1.0", "~> 3.0.0"},
  {"2.2.0-dev", "~> 2.1.0"},
  {"1.11.0-dev", "~> 1.11-dev"},
  {"0.1.5", "< 0.2.0 and >= 0.1.0 or >= 0.7.0"},
  {"0.3.0", "< 0.2.0 and >= 0.1.0 or >= 0.7.0"},
  {"0.7.5", ">= 0.7.0 or < 0.2.0 and >= 0.1.0"}
]

for {v, r} <- checks, do: IO.puts("#{v} ~ #{r}: #{Version.match?(v, r)}")

for {v, r} <- [{"1.1.0-beta", "~> 1.0"}, {"1.0.1-beta", "~> 1.0.0-beta"}, {"1.1.0-beta", ">= 1.0.0"}, {"2.0.0-dev", "< 2.0.0"}] do
  IO.puts("#{v} ~ #{r}: #{Version.match?(v, r, allow_pre: true)} #{Version.match?(v, r, allow_pre: false)}")
end

{:ok, req} = Version.parse_requirement("~>   1.2    or 2.0.0")
IO.inspect(req)
IO.puts(req)
IO.inspect(Version.compile_requirement(req) == req)
IO.inspect(Version.match?(Version.parse!("1.3.0"), req))

for r <- ["1 . 2 . 3", "== >= 1.2.3", "1.2.3 and or 4.5.6", ">= 1", "1.2.3 >=", "", "~> 1.0.0.0", "> 1.0", "~> 1.0+build"] do
  IO.inspect(Version.parse_requirement(r), label: inspect(r))
end

for f <- [fn -> Version.compare("1.0", "1.0.0") end, fn -> Version.match?("2.3.0", "2.3") end, fn -> Version.match?("foo", "2.3.0") end] do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
