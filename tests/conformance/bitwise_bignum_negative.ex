import Bitwise
big = 1 <<< 100
IO.inspect(big)
IO.inspect(big ||| 1)
IO.inspect(big &&& (big - 1))
IO.inspect(bxor(big, big - 1))
IO.inspect(~~~big)
IO.inspect(big >>> 99)
IO.inspect(big >>> 200)
IO.inspect(-big >>> 98)
IO.inspect(-1 &&& 0xFF)
IO.inspect(-256 ||| 15)
IO.inspect(bxor(-1, 0))
IO.inspect(-5 &&& -3)
IO.inspect(bnot(-1))
IO.inspect(bsl(-3, 3))
IO.inspect(bsr(-3, 1))
IO.inspect(bsl(5, -1))
IO.inspect(0xDEADBEEF &&& 0xFFFF)
IO.inspect((0xDEADBEEF >>> 16) &&& 0xFFFF)
IO.inspect(Integer.to_string(0b1011 ^^^ 0b0110, 2))
IO.inspect(Enum.map(0..4, &(1 <<< &1)))
popcount = fn n -> Enum.count(0..63, fn i -> (n >>> i &&& 1) == 1 end) end
IO.inspect(popcount.(0b1011_0110))
IO.inspect(band(0xFF, 0x0F) |> bor(0x100) |> bsl(1))
for {a, b} <- [{1, 2}, {3, 5}, {-2, 7}] do
  IO.inspect({a &&& b, a ||| b, a ^^^ b})
end
