IO.inspect :io.printable_range()
for l <- [[], 'abc', [?a, 0], [?a, 300], [?\n, ?\e, ?\d], [?a | ?b], 'héllo', [?a, [?b]], [8364], [-1], [0x10FFFF], [0xD800], [160, 255], [127], [7,8], :x, [0xFFFE], [0xFFFF], [0xE000], [0xDFFF], [0x110000], [[?a|?b]], [[],[[]]], [?a, "b"], [?a, [?b, [300]]], [?a, [?b, [255]]]] do
  IO.inspect {l, :io_lib.printable_list(l), :io_lib.printable_latin1_list(l), :io_lib.printable_unicode_list(l), :io_lib.char_list(l), :io_lib.deep_char_list(l), :io_lib.latin1_char_list(l), :io_lib.deep_latin1_char_list(l), :io_lib.deep_unicode_char_list(l)}
end
for c <- [?a, ?\n, ?\\, ?', ?", 0, 7, 127, 160, 255, ?\s, ?\t, 31, 8, 9, 11, 12, 13, 27, 32, 126, 128, 159] do
  IO.inspect {c, :io_lib.write_char(c), :io_lib.write_latin1_char(c), :io_lib.write_unicode_char(c), :io_lib.write_char_as_latin1(c)}
end
for c <- [256, 8364, 0x10FFFF], do: IO.inspect {c, :io_lib.write_char(c), :io_lib.write_unicode_char(c), :io_lib.write_char_as_latin1(c)}
for s <- ['abc', 'a"b', 'a\'b\\', [8364, ?\n], [0, 1, 127, 200], [0, 1, 127, 200, 159, 8364, 27, 11]] do
  IO.inspect {s, :io_lib.write_string(s), :io_lib.write_string(s, ?'), :io_lib.write_unicode_string(s), :io_lib.write_string_as_latin1(s), :io_lib.write_string_as_latin1(s, ?')}
end
for s <- ['abc', 'a"b', [0, 1, 127, 200]], do: IO.inspect {:io_lib.write_latin1_string(s), :io_lib.write_latin1_string(s, ?')}
IO.inspect :io_lib.chars_length([?a, [?b, "cd"]])
IO.inspect :io_lib.chars_length(["héllo", 8364])
IO.inspect :io_lib.indentation([?a, ?\n, ?b, ?\t], 3)
IO.inspect :io_lib.indentation([?a, [?\t, ?b], [?x]], 0)
IO.inspect {:io_lib.quote_atom(:abc, 'abc'), :io_lib.quote_atom(:"A b", 'A b'), :io_lib.quote_atom(:case, 'case')}
IO.inspect {:io_lib.write_atom_as_latin1(:"é"), :io_lib.write_atom_as_latin1(:"€"), :io_lib.write_atom_as_latin1(:ok), :io_lib.write_atom_as_latin1(:Ok)}
for f <- [fn -> :io_lib.write_latin1_char(256) end, fn -> :io_lib.write_latin1_string([97, 8364]) end, fn -> :io_lib.write_char(-1) end] do
  IO.inspect(try do f.() rescue e -> e.__struct__ end)
end
