# String.to_integer/to_float/to_atom/to_existing_atom/to_charlist and their errors
show = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

for s <- ["12", "-0012", "+7", "1_000", " 12", "abc", "", "-", "123456789012345678901234567890"] do
  show.(fn -> String.to_integer(s) end)
end

for {s, base} <- [{"ff", 16}, {"FF", 16}, {"zz", 36}, {"101", 2}, {"12", 2}, {"12", 37}, {"12", 1}, {"-7f", 16}] do
  show.(fn -> String.to_integer(s, base) end)
end

for s <- ["3.0", "1.0e5", "-1.5E-3", "+1.5", "1e5", ".5", "1.", "3", "1.0e400", "0.1e-400", "1.5x"] do
  show.(fn -> String.to_float(s) end)
end

show.(fn -> String.to_atom("héllo wörld") end)
show.(fn -> String.to_atom("") end)
show.(fn -> String.to_atom(<<255>>) end)
show.(fn -> String.to_atom(String.duplicate("a", 256)) end)
show.(fn -> String.to_atom(String.duplicate("é", 255)) |> Atom.to_string() |> String.length() end)
show.(fn -> String.to_existing_atom("ok") end)
show.(fn -> String.to_existing_atom("surely_no_atom_is_called_this_123") end)

show.(fn -> String.to_charlist("æß猫") end)
show.(fn -> String.to_charlist("") end)
show.(fn -> String.to_charlist(<<0xDF, 0xFF>>) end)
show.(fn -> String.to_charlist(<<106, 111, 115, 195>>) end)
show.(fn -> String.to_charlist(<<?a, 0xED, 0xA0, 0x80>>) end)
show.(fn -> String.to_integer(12) end)
