IO.inspect <<1, 2, 3>>
IO.inspect <<1, 2, 3>> == "\x01\x02\x03"
x = 300
IO.inspect <<x::16>>
IO.inspect <<x::16-little>>
IO.inspect <<x::size(16)-big-unsigned>>
IO.inspect <<-1::8-signed>>
IO.inspect <<"abc", "def">>
IO.inspect <<"é"::utf8>>
IO.inspect <<233::utf8, 0x1F600::utf8>>
IO.inspect <<1.5::float>>
IO.inspect <<1.5::float-32>>
IO.inspect <<1::4, 15::4>>
s = "hello"
IO.inspect <<s::binary, " world">>
IO.inspect <<s::binary-size(2)>>
<<a, b, rest::binary>> = "hello"
IO.inspect {a, b, rest}
<<n::16, m::little-16>> = <<1, 2, 3, 4>>
IO.inspect {n, m}
<<len, data::binary-size(len), tail::binary>> = <<3, "abcdef">>
IO.inspect {len, data, tail}
<<"foo", rest2::binary>> = "foobar"
IO.inspect rest2
<<c::utf8, r::binary>> = "été"
IO.inspect {c, r}
<<f::float>> = <<1.5::float>>
IO.inspect f
<<sx::signed-8>> = <<255>>
IO.inspect sx
case "abc" do
  <<"x", _::binary>> -> IO.puts "x"
  <<"a", z::binary>> -> IO.puts "a then #{z}"
end
defmodule M do
  def count(<<>>, n), do: n
  def count(<<_::utf8, rest::binary>>, n), do: count(rest, n + 1)
  def first(<<h::size(8), _::binary>>), do: h
  def first(_), do: :none
end
IO.inspect M.count("héllo", 0)
IO.inspect M.first("A")
IO.inspect M.first("")
IO.inspect for <<ch <- "abc">>, do: ch + 1
IO.inspect for <<r::8, g::8, b::8 <- <<1,2,3,4,5,6>> >>, do: {r, g, b}
IO.inspect for <<ch <- "abc">>, into: "", do: <<ch - 32>>
IO.inspect <<1, 2>> <> <<3>>
big = Integer.pow(2, 70)
IO.inspect <<big::80>>
<<bb::80>> = <<big::80>>
IO.inspect bb == big
IO.inspect <<0::size(0)>>
y = 2
IO.inspect <<7::size(y)-unit(4)>>
