import Bitwise

IO.inspect(0b1100 &&& 0b1010)
IO.inspect(0b1100 ||| 0b1010)
IO.inspect(0b1100 ^^^ 0b1010)
IO.inspect(1 <<< 10)
IO.inspect(1024 >>> 3)
IO.inspect(~~~0)
IO.inspect(~~~5)
IO.inspect(-8 >>> 1)
IO.inspect(-1 <<< 4)
IO.inspect(5 >>> -1)
IO.inspect(1 <<< 70)
IO.inspect((1 <<< 70) >>> 68)
IO.inspect((1 <<< 64) - 1 &&& 0xFF)
IO.inspect(0xFFFF ^^^ 0xF0F0 ||| 1)
IO.inspect(1 ||| 2 &&& 3)
IO.inspect(band(12, 10))
IO.inspect(bor(12, 10))
IO.inspect(bxor(12, 10))
IO.inspect(bnot(12))
IO.inspect(bsl(3, 2))
IO.inspect(bsr(12, 2))
IO.inspect(Bitwise.band(7, 3))
IO.inspect(Bitwise.bsl(1, 100))
x = 6
try do
  IO.inspect(x &&& 2 == 2)
rescue
  e -> IO.inspect(e)
end
IO.inspect((x &&& 2) == 2)
IO.inspect(Enum.map(0..7, &(&1 &&& 1)))
IO.inspect(Enum.reduce([1, 2, 4, 8], 0, &bor/2))
IO.inspect(Enum.reduce([1, 2, 4, 8], 0, &Bitwise.bxor/2))
try do
  band(1.0, 1)
rescue
  e -> IO.inspect(e)
end
IO.inspect(Bitwise.&&&(6, 3))
