# :erlang.display/1: erts' own printer on standard output, each term then
# "\r\n": floats as C's %e, binaries as <<"text">> only when ASCII,
# lists of Latin-1 text (tab, newline, return allowed) as "text", atoms
# quoted unless a Latin-1 lowercase letter then letters, digits or _.
terms = [
  1, -5, 12345678901234567890123, 1.5, 0.1, -0.0, 1.0e100, 123.456, 1.0e-300,
  :foo, :Foo, Foo, :"a b", :é, :aé, :"Éa", :ßa, :"a÷", :"a×", :"日本", :and, :"", :"1a",
  :"a@b", :"a.b", :_x, :aB9_, :"a-b", :"a'b", :"a\nb", :"a\\b", :"a\tb", :"a\"b", :"a\x01",
  "abc", <<1, 2, 3>>, <<1::3>>, <<1, 2::4>>, <<"a", 0>>, "é", "", "  ", "~", "a\"b", "a\\b",
  "a\nb", <<128>>, 'abc', 'é', 'a\tb', 'a\rb', 'a\fb', 'a\nb', 'a"b', 'a\\b', 'a\'b', [160, 255],
  [126, 127], [31], [300, 400], [1, 2], [1 | 2], [?a | "b"], [], [[]], [[?a]], {}, {1, :a, "b"},
  {:a, {:b, [:c]}}, %{a: 1, b: [2]}, %{}, %{"k" => 1.0}, [a: 1], %{1 => 2, 3 => 4}, true, nil,
  &Enum.map/2
]

for t <- terms do
  true = :erlang.display(t)
end
