# IO: printing to standard output and error, inspect with options and labels,
# iodata and chardata.
IO.puts("plain")
IO.puts(:atom)
IO.puts(42)
IO.puts(["io", ?d, ["ata", "!"]])
IO.puts(:stdio, "to stdio")
IO.puts(:stderr, "to stderr (not in stdout)")
IO.write("no newline")
IO.write(:stdio, [" ", "then one\n"])
IO.write(:stderr, "err\n")
IO.inspect([1, 2, 3])
IO.inspect(%{a: 1}, label: "map")
IO.inspect("str", label: :atom_label)
IO.inspect(Enum.to_list(1..30), limit: 5)
IO.inspect("a long string", printable_limit: 4)
IO.inspect([97, 98], charlists: :as_lists)
IO.inspect('ab')
IO.inspect(:stdio, {:tuple, 1}, label: "dev")
IO.inspect(255, base: :hex)
IO.inspect(Enum.to_list(1..40), width: 30)
x = IO.inspect(:returned)
IO.puts(inspect(x))
IO.warn("a warning (stderr)")
IO.puts(IO.iodata_to_binary(["a", [?b, "c"], 100]))
IO.inspect(IO.iodata_length(["ab", [?c, "de"]]))
IO.inspect(IO.chardata_to_string([?h, "ey", [?!]]))
IO.inspect(IO.chardata_to_string("already"))
IO.inspect(IO.chardata_to_string('héllo'))
IO.inspect(IO.iodata_to_binary([]))
IO.puts([])
IO.puts("")

try do
  IO.puts(%{})
rescue
  e -> IO.puts(Exception.format_banner(:error, e))
end

try do
  IO.chardata_to_string(:nope)
rescue
  e -> IO.puts(Exception.format_banner(:error, e))
end

try do
  IO.iodata_to_binary([:bad])
rescue
  e -> IO.puts(Exception.format_banner(:error, e))
end
