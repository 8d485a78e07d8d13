# OptionParser.split/1 and to_argv/2.
for line <- [
      ~S[],
      ~S[foo],
      ~S[  foo   bar  ],
      ~S[foo\ bar],
      ~S[foo" bar"],
      ~S[foo\" bar\"],
      ~S[foo "\ bar\""],
      ~S[foo '\"bar"\'\ '],
      ~S[a\\b 'c\'d' "e'f"],
      "tab\there  new\nline"
    ] do
  IO.inspect(OptionParser.split(line))
end

for bad <- ["a 'b", ~S[a "b\" c]] do
  try do
    OptionParser.split(bad)
  rescue
    e -> IO.puts(Exception.message(e))
  end
end

IO.inspect(OptionParser.to_argv(foo_bar: "baz", count: 3, ratio: 1.5, on: true, off: false, gone: nil))
IO.inspect(OptionParser.to_argv([verbose: 3], switches: [verbose: :count]))
IO.inspect(OptionParser.to_argv(%{a: :atom}))
{opts, [], []} = OptionParser.parse(["--v", "--v", "--name", "x"], switches: [v: :count, name: :string])
IO.inspect(opts)
IO.inspect(OptionParser.to_argv(opts, switches: [v: :count]))
