# IO's functions on the standard devices: puts, write, binwrite, inspect.
IO.puts("plain")
IO.puts(:stdio, ["char", ?d, 'ata'])
IO.puts(:standard_io, 42)
IO.write("no newline|")
IO.write(:stdio, [?\n])
IO.binwrite(:stdio, ["bin", "write\n"])
IO.binwrite("one arg\n")
IO.inspect(IO.inspect({:ok, [1, 2]}, label: "labeled"))
IO.inspect(:stdio, %{a: 1}, label: :atom_label)
IO.inspect(Enum.to_list(1..30), width: 20)
IO.inspect("string", binaries: :as_binaries)
IO.inspect([1, 2, 3], limit: 2)
IO.puts(IO.iodata_to_binary(["a", ?b, ["c" | "d"]]))
IO.inspect(IO.iodata_length(["ab", ?c, ["de" | "f"]]))
IO.inspect(IO.chardata_to_string([?a, "b", ['c'] | "d"]))
IO.inspect(IO.chardata_to_string("same"))

for f <- [
      fn -> IO.iodata_length([:a]) end,
      fn -> IO.puts(:stdio, {:tuple}) end,
      fn -> IO.read(:stdio, -1) end
    ] do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

IO.inspect(IO.stream(:stdio, :line))
IO.inspect(IO.binstream(:stdio, 3))
IO.warn("to stderr, not compared")
IO.puts(:stderr, "also stderr")
IO.puts("done")
