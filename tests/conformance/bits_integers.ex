# The bit syntax's integer segments: sizes 1 to 64 and beyond, signed and
# unsigned, big, little and native endian, built and matched back.
defmodule Ints do
  def build(v, n, :big, :unsigned), do: <<v::big-unsigned-size(n)>>
  def build(v, n, :big, :signed), do: <<v::big-signed-size(n)>>
  def build(v, n, :little, :unsigned), do: <<v::little-unsigned-size(n)>>
  def build(v, n, :little, :signed), do: <<v::little-signed-size(n)>>
  def build(v, n, :native, :unsigned), do: <<v::native-unsigned-size(n)>>
  def build(v, n, :native, :signed), do: <<v::native-signed-size(n)>>

  def read(b, n, :big, :unsigned), do: (<<x::big-unsigned-size(n)>> = b; x)
  def read(b, n, :big, :signed), do: (<<x::big-signed-size(n)>> = b; x)
  def read(b, n, :little, :unsigned), do: (<<x::little-unsigned-size(n)>> = b; x)
  def read(b, n, :little, :signed), do: (<<x::little-signed-size(n)>> = b; x)
  def read(b, n, :native, :unsigned), do: (<<x::native-unsigned-size(n)>> = b; x)
  def read(b, n, :native, :signed), do: (<<x::native-signed-size(n)>> = b; x)
end

defmodule Main do
  import Bitwise

  def run do
    for n <- [1, 2, 3, 7, 8, 9, 12, 15, 16, 17, 24, 31, 32, 33, 48, 53, 61, 62, 63, 64, 65, 72, 100, 128] do
      for v <- [1, -1, 5, 300, 1 <<< (n - 1), (1 <<< n) - 1, -(1 <<< (n - 1)), 123_456_789_012_345_678_901_234_567_890] do
        for e <- [:big, :little, :native], s <- [:unsigned, :signed] do
          b = Ints.build(v, n, e, s)
          r = Ints.read(b, n, e, s)
          if n in [1, 9, 17, 63, 64, 65, 100] and v in [-1, 300] and e != :native do
            IO.puts("#{n} #{e} #{s} #{v}: #{inspect(b)} -> #{r}")
          end
          IO.write(if r == v or rem(v - r, 1 <<< n) == 0, do: "", else: "MISMATCH #{n} #{e} #{s} #{v} #{r}\n")
        end
      end
    end

    IO.inspect(<<1, 2, 3>>)
    IO.inspect(<<256, -1, 1.0e3::32>>)
    IO.inspect(<<-1::64, -1::signed-64>>)
    IO.inspect(<<0xFFFF_FFFF_FFFF_FFFF_FF::72>>)
    IO.inspect(<<(-(1 <<< 70))::signed-80>>)
    <<a::4, b::4, c::signed-8, d::little-16, e::size(2)-unit(4)>> = <<0x12, 0xFE, 1, 2, 0xAB>>
    IO.inspect({a, b, c, d, e})
    <<big::unsigned-integer-size(128)>> = :binary.copy(<<255>>, 16)
    IO.inspect(big)
    <<sbig::signed-integer-size(128)>> = :binary.copy(<<255>>, 16)
    IO.inspect(sbig)
    <<l::little-unsigned-96>> = <<1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128>>
    IO.inspect(l)
    <<x::3, y::5, z::size(0)>> = <<0b101_00011>>
    IO.inspect({x, y, z})
    IO.inspect(<<1::size(0), 7::3, 1::5>>)
    IO.inspect(<<1::little-4, 2::little-12>>)
  end
end

Main.run()
