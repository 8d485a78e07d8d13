# The charlist conversions (:erlang.list_to_* and List.to_*) and their arguments
# errors as OTP words them; UnicodeConversionError as a struct of its own; which
# argument Enum.zip and Module.concat complain about.
show = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.inspect(e)
  end
end

for f <- [
      fn -> :erlang.list_to_atom(:a) end,
      fn -> :erlang.list_to_atom([-1]) end,
      fn -> :erlang.list_to_atom([?a | ?b]) end,
      fn -> :erlang.list_to_atom([?a, [?b]]) end,
      fn -> :erlang.list_to_atom([?a, 0xD800]) end,
      fn -> :erlang.list_to_atom(List.duplicate(?a, 256)) end,
      fn -> :erlang.list_to_atom('ok') end,
      fn -> :erlang.list_to_existing_atom('no_such_atom_in_this_script') end,
      fn -> :erlang.list_to_existing_atom([?a | ?b]) end,
      fn -> :erlang.list_to_existing_atom('ok') end,
      fn -> :erlang.list_to_integer('12x') end,
      fn -> :erlang.list_to_integer(:x) end,
      fn -> :erlang.list_to_integer('') end,
      fn -> :erlang.list_to_integer([?1 | ?2]) end,
      fn -> :erlang.list_to_integer([?1, -1]) end,
      fn -> :erlang.list_to_integer([?1, "2"]) end,
      fn -> :erlang.list_to_integer('+12') end,
      fn -> :erlang.list_to_integer('-12') end,
      fn -> :erlang.list_to_integer('ff', 16) end,
      fn -> :erlang.list_to_integer('ff', 37) end,
      fn -> :erlang.list_to_integer(:a, 37) end,
      fn -> :erlang.list_to_integer([?1 | ?2], 10) end,
      fn -> :erlang.list_to_integer('zz', 16) end,
      fn -> :erlang.list_to_float('1') end,
      fn -> :erlang.list_to_float(:a) end,
      fn -> :erlang.list_to_float([?1 | ?2]) end,
      fn -> :erlang.list_to_float(['1.5']) end,
      fn -> :erlang.list_to_float('-1.5e3') end,
      fn -> :erlang.list_to_binary([1, :a]) end,
      fn -> :erlang.iolist_to_binary([1, :a]) end,
      fn -> List.to_atom([1 | 2]) end,
      fn -> List.to_integer([?1, "2"]) end,
      fn -> List.to_integer(' 12') end,
      fn -> List.to_string([-1]) end,
      fn -> List.to_string(["ab", 0x110000]) end,
      fn -> List.to_string([?a, <<0xFF>>]) end,
      fn -> List.to_string([?a, <<0xC3>>]) end,
      fn -> %UnicodeConversionError{encoded: "x", message: "m"} end,
      fn -> UnicodeConversionError.exception(encoded: "a", rest: "b", kind: :invalid) end,
      fn -> UnicodeConversionError.exception(encoded: "a", rest: [300, 1], kind: :invalid) end,
      fn -> raise UnicodeConversionError, encoded: "", rest: <<0xC3>>, kind: :incomplete end,
      fn -> Enum.zip(1, 2) end,
      fn -> Enum.zip([1], 2) end,
      fn -> Enum.zip(1..2, 3) end,
      fn -> Enum.zip_with(:a, [1], &{&1, &2}) end,
      fn -> Module.concat(1, 2) end,
      fn -> Module.concat(Foo, "Bar") end
    ] do
  show.(f)
end

e =
  try do
    List.to_string([?a, -1])
  rescue
    e -> e
  end

IO.puts(Exception.message(e))
IO.inspect(e.__struct__ == UnicodeConversionError and is_exception(e))
