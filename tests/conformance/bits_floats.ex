# Float segments: 16, 32 and 64 bits, big, little and native endian, built
# from floats and integers and matched back; what a float match refuses.
defmodule Floats do
  def show(label, f) do
    IO.puts(label <> ": " <> inspect(f.()))
  rescue
    e -> IO.puts(label <> ": ** " <> inspect(e.__struct__) <> " " <> Exception.message(e))
  end

  def half(<<f::float-16>>), do: {:half, f}
  def half(other), do: {:not_a_half, other}

  def decode(<<f::float-32-little, rest::binary>>), do: {f, rest}
  def decode(_), do: :short
end

defmodule Main do
  import Bitwise

  def run do
    s = &Floats.show/2
    for f <- [0.0, 1.5, -2.25, 3.0e10, 1.0e-5, 65504.0, 0.1, 1.0e300] do
      s.("#{f}", fn -> {<<f::float>>, <<f::float-32>>, <<f::float-16>>, <<f::float-little-32>>} end)
    end
    s.("ints", fn -> {<<1::float>>, <<-3::float-32>>, <<2::float-16-little>>, <<1.0::native-float-32>>} end)
    s.("size", fn -> {<<1.0::size(32)-float>>, <<2.5::float-size(16)>>, <<1.0::float-size(4)-unit(16)>>} end)
    s.("round 32", fn -> <<x::float-32>> = <<0.1::float-32>>; x end)
    s.("round 16", fn -> <<x::float-16>> = <<0.1::float-16>>; x end)
    s.("round 16 big", fn -> <<x::float-16>> = <<1.0e5::float-16>>; x end)
    s.("64", fn -> <<a::float, b::float-little>> = <<1.25::float, 1.25::float-little>>; {a, b} end)
    s.("16 values", fn -> for <<h::float-16 <- <<0x3C00::16, 0xC000::16, 0x7BFF::16, 0x0001::16, 0x3555::16>> >>, do: h end)
    s.("32 values", fn -> for <<h::float-32 <- <<0x3F800000::32, 0x00000001::32, 0x7F7FFFFF::32>> >>, do: h end)
    s.("16 little", fn -> <<h::float-little-16>> = <<1.5::float-little-16>>; {h, <<1.5::float-little-16>>, <<-0.0::float-16>>} end)
    s.("tiny", fn -> {<<5.0e-324::float-32>>, <<1.0e-8::float-16>>, <<6.0e-8::float-16>>, <<65519.0::float-16>>, <<65520.0::float-16>>} end)
    s.("half", fn -> {Floats.half(<<0x4248::16>>), Floats.half(<<0x7C00::16>>), Floats.half(<<1, 2, 3>>)} end)
    s.("nan 32", fn -> match?(<<_::float-32>>, <<0x7FC00000::32>>) end)
    s.("inf 64", fn -> match?(<<_::float>>, <<0x7FF0000000000000::64>>) end)
    s.("decode", fn -> {Floats.decode(<<1.5::float-32-little, "rest">>), Floats.decode(<<1, 2>>)} end)
    s.("case", fn ->
      case <<2.0::float-32, 7>> do
        <<x::float-64>> -> {:sixty_four, x}
        <<x::float-32, n>> -> {:thirty_two, x, n}
      end
    end)
    n = 8
    s.("bad size", fn -> <<1.5::float-size(n)>> end)
    a = :atom
    b = "1.0"
    s.("bad value", fn -> <<a::float>> end)
    s.("bad value 2", fn -> <<b::float>> end)
    big = 1.0e10
    huge = 1.0e300
    s.("too big 16", fn -> <<big::float-16>> end)
    s.("too big 32", fn -> <<huge::float-32>> end)
    s.("big int", fn -> <<(1 <<< 1100)::float>> end)
  end
end

Main.run()
