# OptionParser.parse/2 with :switches: types, aliases, negation, keep, counters.
opts = [
  switches: [name: :string, count: :integer, ratio: :float, verbose: :count, debug: :boolean, tag: :keep],
  aliases: [n: :name, v: :verbose, d: :debug]
]

for argv <- [
      ["--name", "x", "file"],
      ["--name=x", "--count", "3", "a", "b"],
      ["-n", "joe", "-v", "-v", "--verbose"],
      ["--ratio", "1.5", "--count=-2"],
      ["--debug", "--no-debug"],
      ["--no-debug", "arg"],
      ["--debug=false", "--debug=yes"],
      ["--tag", "a", "--tag", "b", "--tag=c"],
      ["--count", "x", "--ratio", "y"],
      ["--name"],
      ["-dv", "rest"],
      ["--count", "-5", "--", "--name", "z"],
      ["-", "--name", "-"],
      ["-1", "--count", "+7"]
    ] do
  IO.inspect(OptionParser.parse(argv, opts))
end

IO.inspect(OptionParser.parse_head(["--name", "a", "cmd", "--count", "1"], opts))
IO.inspect(OptionParser.parse_head(["--name", "a", "--", "cmd"], opts))
IO.inspect(OptionParser.next(["--name", "a", "b"], opts))
IO.inspect(OptionParser.next(["--count=x"], opts))
IO.inspect(OptionParser.next(["plain"], opts))
IO.inspect(OptionParser.next(["-3ab"], opts))
