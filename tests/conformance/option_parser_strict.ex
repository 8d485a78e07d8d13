# OptionParser with :strict, parse!/2 errors, bad configurations.
opts = [strict: [source: :string, docs_bar: :string, count: :integer, flag: :boolean], aliases: [s: :source]]

for argv <- [
      ["--source", "lib", "--flag"],
      ["x", "--src"],
      ["y", "--doc-bar"],
      ["-s", "x", "-q"],
      ["--count", "x"],
      ["--count"],
      ["--flag=maybe"],
      ["--no-flag", "--no-source"],
      ["--docs_bar", "z"],
      ["--source", "a", "--count", "nope", "--unknown"]
    ] do
  IO.inspect(OptionParser.parse(argv, opts))

  try do
    IO.inspect(OptionParser.parse!(argv, opts))
  rescue
    e in OptionParser.ParseError -> IO.puts("ParseError: " <> e.message)
  end
end

try do
  OptionParser.parse_head!(["--count", "lib", "file"], strict: [count: :integer])
rescue
  e in OptionParser.ParseError -> IO.puts(e.message)
end

try do
  OptionParser.parse(["--a"], switches: [a: :string], strict: [a: :string])
rescue
  e in ArgumentError -> IO.puts(e.message)
end

try do
  OptionParser.parse(["--a"], switches: [a: [:integer, :bad, :worse]])
rescue
  e in ArgumentError -> IO.puts(e.message)
end
