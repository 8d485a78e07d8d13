# :rand's mwc59 niche generator: seeding from an integer (OTP 25's
# mwc59_seed/1), stepping, and the three scramblers.
import Bitwise
for s <- [0, 1, 2, 3, 42, 12345, 1 <<< 40, (1 <<< 58) - 1] do
  IO.inspect({s, :rand.mwc59_seed(s)})
end
cx = :rand.mwc59_seed(2022)
{values, _} =
  Enum.map_reduce(1..8, cx, fn _, cx ->
    cx = :rand.mwc59(cx)
    {{:rand.mwc59_value32(cx), :rand.mwc59_value(cx), :rand.mwc59_float(cx)}, cx}
  end)
Enum.each(values, &IO.inspect/1)
dice = Enum.map_reduce(1..20, :rand.mwc59_seed(7), fn _, cx ->
  cx = :rand.mwc59(cx)
  {rem(:rand.mwc59_value32(cx), 6) + 1, cx}
end)
IO.inspect(elem(dice, 0))
IO.inspect(Enum.uniq(Enum.map(0..999, &:rand.mwc59_seed/1)) |> length())
for bad <- [-1, 1 <<< 58, 1.0, :a] do
  try do
    :rand.mwc59_seed(bad)
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
c = :rand.mwc59_seed()
IO.inspect(is_integer(c) and c >= 1 and c < 0x7FA6502 <<< 32)
