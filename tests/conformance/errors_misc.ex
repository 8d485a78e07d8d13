attempt = fn label, f ->
  try do
    IO.inspect(f.(), label: label)
  rescue
    e -> IO.puts("#{label}: #{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

one = 1
empty = []
attempt.("and with non-boolean", fn -> one and true end)
attempt.("or with non-boolean", fn -> nil or true end)
attempt.("not with non-boolean", fn -> not one end)
attempt.("&& is fine", fn -> one && :yes end)
attempt.("hd of empty", fn -> hd(empty) end)
attempt.("tl of empty", fn -> tl(empty) end)
attempt.("elem out of range", fn -> elem({1, 2}, 2) end)
attempt.("length of improper", fn -> length([1 | one]) end)
attempt.("string concat non-binary", fn -> "a" <> to_string(one) end)
attempt.("list concat", fn -> [1] ++ one end)
attempt.("div float", fn -> div(one * 1.0, 2) end)
attempt.("tuple_size of list", fn -> tuple_size(empty) end)
attempt.("map access on list", fn -> empty.key end)
attempt.("raise with atom", fn -> raise ArgumentError end)
attempt.("Map.fetch! on nested", fn -> Map.fetch!(%{a: %{}}, :a) |> Map.fetch!(:b) end)
attempt.("put_elem out of range", fn -> put_elem({}, 0, :x) end)
IO.puts("all caught")
