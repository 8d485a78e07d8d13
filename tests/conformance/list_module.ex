# Elixir 1.14's List module: every function, edge cases and error texts.
defmodule Show do
  def run(label, fun) do
    result =
      try do
        inspect(fun.())
      rescue
        e -> "** #{inspect(e.__struct__)} #{Exception.message(e)}"
      end

    IO.puts("#{label}: #{result}")
  end
end

defmodule ByLength do
  def compare(a, b) do
    cond do
      length(a) < length(b) -> :lt
      length(a) > length(b) -> :gt
      true -> :eq
    end
  end
end

defmodule Main do
  def run do
    s = &Show.run/2
    s.("delete", fn -> {List.delete([:a, :b, :b], :b), List.delete([1, 1.0], 1.0), List.delete([], 1)} end)
    s.("delete bad", fn -> List.delete([1 | 2], 3) end)
    s.("duplicate", fn -> {List.duplicate(:x, 3), List.duplicate([1], 0)} end)
    s.("duplicate bad", fn -> List.duplicate(:x, -1) end)
    s.("first last", fn -> {List.first([]), List.first([], :d), List.first([1, 2]), List.last([1, 2, 3]), List.last([], 0)} end)
    s.("first bad", fn -> List.first(:x) end)
    s.("last bad 1", fn -> List.last([1 | 2]) end)
    s.("last bad 2", fn -> List.last([1, 2 | 3]) end)
    s.("last bad 3", fn -> List.last([1 | 2], :d) end)
    s.("flatten/2", fn -> {List.flatten([1, [[2], 3]], [4, [5]]), List.flatten([[]], [])} end)
    s.("flatten/2 bad", fn -> List.flatten([1, [2 | 3]], []) end)
    s.("flatten/2 bad tail", fn -> List.flatten([1], :x) end)
    s.("foldl foldr", fn -> {List.foldl([1, 2, 3], [], &[&1 | &2]), List.foldr([1, 2, 3], [], &[&1 | &2])} end)
    s.("foldl minus", fn -> {List.foldl([1, 2, 3, 4], 0, &(&1 - &2)), List.foldr([1, 2, 3, 4], 0, &(&1 - &2))} end)
    s.("foldl improper", fn -> List.foldl([1 | 2], 0, &(&1 + &2)) end)
    s.("foldr improper", fn -> List.foldr([1 | 2], 0, &(&1 + &2)) end)
    s.("foldl bad fun", fn -> List.foldl([1], 0, :nope) end)
    s.("improper?", fn -> {List.improper?([]), List.improper?([1, 2]), List.improper?([1 | 2])} end)
    s.("improper? bad", fn -> List.improper?(%{}) end)
    s.("insert_at", fn -> for i <- [0, 2, 3, 9, -1, -2, -4, -9], do: List.insert_at([1, 2, 3], i, 0) end)
    s.("insert_at bad", fn -> List.insert_at([1 | 2], 5, 0) end)
    s.("replace_at", fn -> for i <- [0, 2, 3, -1, -3, -4], do: List.replace_at([1, 2, 3], i, 0) end)
    s.("update_at", fn -> for i <- [0, 2, 3, -1, -4], do: List.update_at([1, 2, 3], i, &(&1 * 10)) end)
    s.("update_at bad", fn -> List.update_at([1, 2], 1, :nope) end)
    s.("delete_at", fn -> for i <- [0, 2, 3, -1, -3, -4], do: List.delete_at([1, 2, 3], i) end)
    s.("pop_at", fn -> {List.pop_at([1, 2, 3], 1), List.pop_at([1, 2, 3], -1), List.pop_at([1], 5, :d), List.pop_at([], -1)} end)
    s.("pop_at bad", fn -> List.pop_at(:x, 1) end)
    s.("pop_at bad index", fn -> List.pop_at([1], 1.0) end)
    s.("delete_at negative improper", fn -> List.delete_at([1, 2 | 3], -1) end)
    kw = [a: 1, b: 2, c: 3]
    s.("keyfind", fn -> {List.keyfind(kw, :b, 0), List.keyfind(kw, 3, 1), List.keyfind(kw, :z, 0), List.keyfind(kw, :z, 0, :d), List.keyfind([{1.0, :x}], 1, 0)} end)
    s.("keyfind bad position", fn -> List.keyfind(kw, :a, -1) end)
    s.("keyfind bad list", fn -> List.keyfind(:x, :a, 0) end)
    s.("keyfind improper", fn -> List.keyfind([{:a, 1} | :x], :b, 0) end)
    s.("keyfind!", fn -> List.keyfind!(kw, :c, 0) end)
    s.("keyfind! missing", fn -> List.keyfind!(kw, :z, 1) end)
    s.("keymember?", fn -> {List.keymember?(kw, :a, 0), List.keymember?(kw, :a, 1), List.keymember?([{:x}, :y], :y, 0)} end)
    s.("keymember? bad", fn -> List.keymember?(kw, :a, 1.0) end)
    s.("keyreplace", fn -> {List.keyreplace(kw, :b, 0, {:b, 20}), List.keyreplace(kw, :z, 0, {:z, 0})} end)
    s.("keyreplace bad", fn -> List.keyreplace(kw, :b, 0, :not_a_tuple) end)
    s.("keystore", fn -> {List.keystore(kw, :b, 0, {:b, 20}), List.keystore(kw, :z, 0, {:z, 0})} end)
    s.("keydelete", fn -> {List.keydelete(kw, :b, 0), List.keydelete(kw, 3, 1), List.keydelete(kw, :z, 0)} end)
    s.("keydelete bad", fn -> List.keydelete(kw, :b, -1) end)
    s.("keytake", fn -> {List.keytake(kw, :b, 0), List.keytake(kw, :z, 0)} end)
    s.("keytake bad list", fn -> List.keytake(:x, :b, 0) end)
    pairs = [{2, :a}, {1, :b}, {2.0, :c}, {1, :d}]
    s.("keysort", fn -> {List.keysort(pairs, 0), List.keysort(pairs, 0, :desc), List.keysort(pairs, 1, :desc)} end)
    s.("keysort funs", fn -> {List.keysort(pairs, 0, &</2), List.keysort(pairs, 0, &>/2), List.keysort(pairs, 0, &>=/2)} end)
    words = [{'ccc', 1}, {'a', 2}, {'bb', 3}, {'d', 4}]
    s.("keysort module", fn -> {List.keysort(words, 0, ByLength), List.keysort(words, 0, {:desc, ByLength})} end)
    s.("keysort bad sorter", fn -> List.keysort([], 0, {:bad, ByLength}) end)
    s.("keysort bad position", fn -> List.keysort([{1}, {2}], 3) end)
    s.("keysort bad element", fn -> List.keysort([{1}, :x], 0, :desc) end)
    s.("starts_with?", fn -> {List.starts_with?([1, 2, 3], [1, 2]), List.starts_with?([1], [1, 2]), List.starts_with?([1.0], [1]), List.starts_with?([1 | 2], [])} end)
    s.("starts_with? bad", fn -> List.starts_with?([1, 2], 1) end)
    s.("wrap", fn -> {List.wrap(nil), List.wrap([1]), List.wrap(:a), List.wrap({1})} end)
    s.("zip", fn -> {List.zip([[1, 2, 3], [:a, :b], 'xyz']), List.zip([{1, 2}, [3, 4, 5]]), List.zip([]), List.zip([[1], []])} end)
    s.("zip bad", fn -> List.zip([[1], :x]) end)
    s.("zip improper", fn -> List.zip([[1], [2] | 3]) end)
    s.("ascii_printable?", fn -> {List.ascii_printable?('abc\n\e'), List.ascii_printable?('é'), List.ascii_printable?([?a | ?b]), List.ascii_printable?('ab' ++ [0], 2)} end)
    s.("ascii_printable? bad", fn -> List.ascii_printable?('abc', -1) end)
    s.("to_atom", fn -> {List.to_atom('abc'), List.to_atom([])} end)
    s.("to_atom bad", fn -> List.to_atom([:a]) end)
    s.("to_atom improper", fn -> List.to_atom([?a | ?b]) end)
    s.("to_float", fn -> {List.to_float('1.5'), List.to_float('-2.5e3'), List.to_float('+0.25E-1')} end)
    s.("to_float bad", fn -> List.to_float('1') end)
    s.("to_float not list", fn -> List.to_float(:x) end)
    s.("to_integer/2", fn -> {List.to_integer('ff', 16), List.to_integer('-Zz', 36), List.to_integer('+101', 2)} end)
    s.("to_integer/2 bad text", fn -> List.to_integer('12', 2) end)
    s.("to_integer/2 bad base", fn -> List.to_integer(:x, 37) end)
    s.("to_charlist", fn -> {List.to_charlist([?a, "bé", ['c', [?d]]]), List.to_charlist([?a | "b"]), List.to_charlist(["a", <<0xC3>>, <<0xA9>>])} end)
    s.("to_charlist bad code point", fn -> List.to_charlist(["ab", 0xDFFF]) end)
    s.("to_charlist bad utf8", fn -> List.to_charlist(["a", <<0xFF, ?b>>]) end)
    s.("to_charlist incomplete", fn -> List.to_charlist(["a", <<0xE2, 0x82>>]) end)
    s.("to_charlist bad element", fn -> List.to_charlist([1, :a]) end)
    s.("to_tuple", fn -> {List.to_tuple([]), List.to_tuple([1, [2]])} end)
    s.("myers", fn -> List.myers_difference([1, 2, 3, 4], [1, 4, 2, 3, 5]) end)
    s.("myers rearranged", fn -> List.myers_difference([3, 2, 2, 1, 0, 2], [2, 2, 1, 2, 1, 0, 2]) end)
    s.("myers edges", fn -> {List.myers_difference([], [1]), List.myers_difference([1], []), List.myers_difference([1], [1.0])} end)
    nested = fn a, b -> if is_tuple(a) and is_tuple(b), do: List.myers_difference(Tuple.to_list(a), Tuple.to_list(b)) end
    s.("myers/3", fn -> List.myers_difference([{1, 2}, :x, {3}], [{1, 3}, :y, {3}], nested) end)
    s.("myers bad", fn -> List.myers_difference([1], :x) end)
  end
end

Main.run()
