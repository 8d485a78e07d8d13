# :erlang's operators and checks by name (append, subtract, xor, size,
# is_record), posix-time conversions and checksum combination, with OTP 25's
# error texts.
import Bitwise
IO.inspect(:erlang.append([1, 2], [3]))
IO.inspect(:erlang.append([1], 2))
IO.inspect(:erlang.subtract([1, 2, 3, 2], [2]))
IO.inspect(:erlang.xor(true, false))
IO.inspect(:erlang.xor(true, true))
IO.inspect(:erlang.size({1, 2, 3}))
IO.inspect(:erlang.size("abcd"))
IO.inspect(:erlang.size(<<1::4>>))
IO.inspect(:erlang.is_record({:user, 1}, :user))
IO.inspect(:erlang.is_record({:user, 1}, :user, 2))
IO.inspect(:erlang.is_record({:user, 1}, :user, 3))
IO.inspect(:erlang.is_record({}, :user))
IO.inspect(:erlang.is_record(5, :user))
IO.inspect(:erlang.universaltime_to_posixtime({{2022, 1, 2}, {3, 4, 5}}))
IO.inspect(:erlang.posixtime_to_universaltime(1641092645))
IO.inspect(:erlang.posixtime_to_universaltime(-1))
IO.inspect(:erlang.function_exported(Enum, :map, 2))
IO.inspect(:erlang.function_exported(Enum, :nope, 2))
IO.inspect(:erlang.adler32_combine(:erlang.adler32("abc"), :erlang.adler32("defg"), 4) == :erlang.adler32("abcdefg"))
IO.inspect(:erlang.adler32_combine(:erlang.adler32("abc"), :erlang.adler32("defg"), 4))
IO.inspect(:erlang.crc32_combine(:erlang.crc32("abc"), :erlang.crc32("defg"), 4) == :erlang.crc32("abcdefg"))
errs = [fn -> :erlang.append(1, []) end, fn -> :erlang.subtract(1, []) end, fn -> :erlang.subtract([], 1) end, fn -> :erlang.xor(1, true) end,
          fn -> :erlang.size([1]) end, fn -> :erlang.is_record({:a}, 1) end, fn -> :erlang.is_record({:a}, 1, 1) end, fn -> :erlang.is_record({:a}, :a, :b) end,
          fn -> :erlang.universaltime_to_posixtime(1) end, fn -> :erlang.posixtime_to_universaltime(:a) end,
          fn -> :erlang.function_exported(1, :a, 1) end, fn -> :erlang.adler32_combine(-1, 1, 1) end, fn -> :erlang.crc32_combine(1, 1, :a) end,
          fn -> :erlang.adler32_combine(1, 1, 1.0) end]
for f <- errs do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.inspect(Exception.message(e))
  end
end
IO.inspect(:erlang.crc32_combine(123456, 654321, 1000))
IO.inspect(:erlang.crc32_combine(0xFFFFFFFF, 0, 0))
IO.inspect(:erlang.adler32_combine(65520 * 65536 + 65520, 65520, 100000))
data = :binary.copy("The quick brown fox ", 300)
for n <- [0, 1, 7, 1000, 5999, 6000] do
  <<a::binary-size(n), b::binary>> = data
  IO.inspect({n, :erlang.crc32_combine(:erlang.crc32(a), :erlang.crc32(b), byte_size(b)) == :erlang.crc32(data),
    :erlang.adler32_combine(:erlang.adler32(a), :erlang.adler32(b), byte_size(b)) == :erlang.adler32(data)})
end
IO.inspect(:erlang.crc32_combine(1, 2, (1 <<< 32) - 1))
IO.inspect(:erlang.adler32_combine(1, 2, (1 <<< 32) - 1))
for a <- [{1, 2, -1}, {1, 2, 1 <<< 32}, {1 <<< 32, 1, 1}, {1, -1, 1}] do
  try do
    apply(:erlang, :crc32_combine, Tuple.to_list(a))
  rescue
    e -> IO.inspect(Exception.message(e))
  end
end
for t <- [0, 86399, 951782400, 4102444800, -11676096000, -1] do
  u = :erlang.posixtime_to_universaltime(t)
  IO.inspect({t, u, :erlang.universaltime_to_posixtime(u)})
end
IO.inspect(:erlang.universaltime_to_posixtime({{2024, 2, 29}, {23, 59, 59}}))
IO.inspect(Enum.map([{1599, 12, 31}, {1600, 1, 1}, {2023, 2, 29}], fn d -> try do :erlang.universaltime_to_posixtime({d, {0, 0, 0}}) rescue _ -> :badarg end end))
