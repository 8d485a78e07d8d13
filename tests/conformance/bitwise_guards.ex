defmodule Flags do
  import Bitwise

  @read 0b001
  @write 0b010
  @exec 0b100

  def perms(mode) when (mode &&& @exec) != 0 and (mode &&& @write) != 0, do: :write_exec
  def perms(mode) when (mode &&& @exec) != 0, do: :exec
  def perms(mode) when (mode ||| @read) == @read, do: :read_or_none
  def perms(_), do: :other

  def odd?(n) when band(n, 1) == 1, do: true
  def odd?(_), do: false

  def shifted(n) when n >>> 4 > 0, do: :big
  def shifted(n) when bsr(n, 2) > 0, do: :medium
  def shifted(_), do: :small

  def flipped(n) when ~~~n == -1, do: :zero
  def flipped(n) when bnot(n) < -100, do: :large
  def flipped(_), do: :rest

  def xor_eq(a, b) when (a ^^^ b) == 0, do: :same
  def xor_eq(a, b) when bxor(a, b) > 0, do: :pos
  def xor_eq(_, _), do: :neg

  def pack(a, b), do: a <<< 8 ||| b
  def unpack(v), do: {v >>> 8, v &&& 0xFF}
  def caseit(v) do
    case v do
      n when (n &&& 3) == 3 -> :low_bits_set
      n when bsl(n, 1) == 8 -> :four
      _ -> :nope
    end
  end
end

IO.inspect(Enum.map([0, 1, 2, 4, 5, 6, 7], &Flags.perms/1))
IO.inspect(Enum.map([1, 2, 3], &Flags.odd?/1))
IO.inspect(Enum.map([1, 5, 20], &Flags.shifted/1))
IO.inspect(Enum.map([0, 5, 500], &Flags.flipped/1))
IO.inspect({Flags.xor_eq(3, 3), Flags.xor_eq(3, 1), Flags.xor_eq(-1, 1)})
IO.inspect(Flags.pack(1, 2))
IO.inspect(Flags.unpack(Flags.pack(200, 17)))
IO.inspect(Enum.map([7, 4, 5], &Flags.caseit/1))
