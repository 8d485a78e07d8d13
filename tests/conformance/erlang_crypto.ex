# OTP 25 :crypto as scripts use it: HMAC, PBKDF2, mod_pow, byte helpers, random bytes (sizes only).
IO.inspect :crypto.mod_pow(3, 0, 7)
IO.inspect :crypto.mod_pow(0, 5, 7)
IO.inspect :crypto.mod_pow(5, 3, 1)
IO.inspect :crypto.mod_pow(7, 3, 1000)
IO.inspect :crypto.mod_pow(123456789123456789, 98765, 1000000007)
IO.inspect :crypto.bytes_to_integer(<<1,0>>)
IO.inspect :crypto.bytes_to_integer(<<>>)
IO.inspect :crypto.exor(<<1,2>>, <<3,3>>)
IO.inspect :crypto.exor([1,[2]], "ab")
IO.inspect :crypto.hash_equals(<<1>>, <<1>>)
IO.inspect :crypto.hash_equals(<<1>>, <<2>>)
IO.inspect :crypto.strong_rand_bytes(0)
x = :crypto.rand_uniform(1, 10); IO.inspect x >= 1 and x < 10
IO.inspect :crypto.mac(:hmac, :sha256, "key", "data") |> Base.encode16
IO.inspect :crypto.mac(:hmac, :md5, "key", "data") |> Base.encode16
IO.inspect :crypto.mac(:hmac, :sha, "key", ["da", "ta"]) |> Base.encode16
IO.inspect :crypto.hash(:sha256, "abc") |> Base.encode16
IO.inspect :crypto.pbkdf2_hmac(:sha256, "pw", "salt", 10, 16) |> Base.encode16
IO.inspect :crypto.hash_info(:sha256)
IO.inspect :crypto.macN(:hmac, :sha256, "key", "data", 8) |> Base.encode16
s = :crypto.mac_init(:hmac, :sha, "k"); s = :crypto.mac_update(s, "ab"); s = :crypto.mac_update(s, "c"); IO.inspect :crypto.mac_final(s) |> Base.encode16
IO.inspect :crypto.mac(:hmac, :sha, "k", "abc") |> Base.encode16
for f <- [fn -> :crypto.strong_rand_bytes(-1) end, fn -> :crypto.strong_rand_bytes(:a) end, fn -> :crypto.mod_pow(-2, 3, 5) end, fn -> :crypto.mod_pow(2, -3, 5) end, fn -> :crypto.bytes_to_integer(1) end, fn -> :crypto.exor("ab", "a") end, fn -> :crypto.hash_equals("ab", "a") end, fn -> :crypto.mac(:hmac, :foo, "k", "d") end, fn -> :crypto.rand_uniform(5, 5) end, fn -> :crypto.rand_uniform(5, 2) end, fn -> :crypto.hash_info(:foo) end, fn -> :crypto.mac(:foo, :sha, "k", "d") end] do
  try do IO.inspect f.() rescue e -> IO.puts Exception.message(e) catch k, v -> IO.inspect {k, v} end
end
IO.inspect :crypto.mod_pow(<<1,0>>, 2, <<0,0,7>>)
IO.inspect :crypto.mod_pow(-129, 1, 100000)
IO.inspect :crypto.mod_pow(-128, 1, 100000)
IO.inspect :crypto.mod_pow(-1, 1, 100000)
IO.inspect :crypto.mod_pow(2, 521, 2**600) |> byte_size
x = :crypto.rand_uniform(-5, -2); IO.inspect x in -5..-3
