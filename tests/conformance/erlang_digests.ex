# :erlang.md5/crc32/adler32 and :crypto.hash over iodata, streaming forms, errors
hex = fn bin -> bin |> :erlang.binary_to_list() |> Enum.map(&String.pad_leading(Integer.to_string(&1, 16), 2, "0")) |> Enum.join() |> String.downcase() end
for data <- ["", "abc", "The quick brown fox jumps over the lazy dog", ["ab", ?c, ["d" | "e"]], String.duplicate("x", 10_000)] do
  IO.puts(hex.(:erlang.md5(data)))
  IO.inspect({:erlang.crc32(data), :erlang.adler32(data)})
  for alg <- [:md5, :sha, :sha224, :sha256, :sha384, :sha512] do
    IO.puts("#{alg} #{hex.(:crypto.hash(alg, data))}")
  end
end
IO.inspect(:crypto.hash(:sha256, "abc"))
IO.inspect({:erlang.crc32(:erlang.crc32("ab"), "cd"), :erlang.crc32("abcd")})
IO.inspect({:erlang.adler32(:erlang.adler32("ab"), "cd"), :erlang.adler32("abcd")})
s = :crypto.hash_init(:sha) |> :crypto.hash_update("ab") |> :crypto.hash_update(["c"])
IO.inspect(:crypto.hash_final(s) == :crypto.hash(:sha, "abc"))
IO.inspect(:erlang.md5_final(:erlang.md5_update(:erlang.md5_init(), "abc")))
t = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
t.(fn -> :crypto.hash(:foo, "a") end)
t.(fn -> :erlang.md5(:a) end)
t.(fn -> :erlang.crc32(:a) end)
t.(fn -> :erlang.crc32(-1, "a") end)
t.(fn -> :erlang.adler32([1, :x]) end)
