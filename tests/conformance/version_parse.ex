# Version.parse/1, parse!/1, to_string/1, inspect and String.Chars.
for s <- [
      "1.2.3",
      "0.0.1+sha.0702245",
      "1.4.5-6.7.eight",
      "1.4.5-6-g3318bd5+ignore",
      "1.2.3-0",
      "1.2.3-0a",
      "1.2.3-a-",
      "99999999999999999999.0.0",
      "2.3",
      "2.3.0-",
      "2.3.0+",
      "2.3.0.4",
      "2.3.0-01",
      "02.3.0",
      "1.2.3-a..b",
      "1.2.3-a+b+c",
      " 1.2.3",
      "v1.2.3"
    ] do
  IO.inspect(Version.parse(s), label: s)
end

v = Version.parse!("1.0.0-dev+lol.4")
IO.puts(v)
IO.puts(Version.to_string(v))
IO.puts("#{Version.parse!("1.0.0-rc.0")}")
IO.inspect(%Version{major: 1, minor: 2, patch: 3, build: "b"})
IO.inspect(%{v | major: :x})
IO.inspect(v, structs: false)

try do
  Version.parse!("1.2")
rescue
  e -> IO.inspect(e) && IO.puts(Exception.message(e))
end

try do
  Version.parse(:atom)
rescue
  e -> IO.puts(Exception.message(e))
end
