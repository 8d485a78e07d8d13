IO.inspect <<1::3>>
IO.inspect <<97, 1::3>>
b = <<5::4, 255, 1::1>>
IO.inspect b
IO.inspect bit_size(b)
IO.inspect byte_size(b)
IO.inspect is_binary(b)
IO.inspect is_bitstring(b)
<<x::4, rest::bits>> = b
IO.inspect {x, rest}
<<y::8, z::1>> = rest
IO.inspect {y, z}
IO.inspect <<1::1, 0::1, 1::1>> == <<5::3>>
IO.inspect <<1::1>> < <<1>>
s = "hello world"
<<h, t::binary>> = s
IO.inspect {h, t}
<<a::binary-size(5), " ", w::binary>> = s
IO.inspect {a, w}
IO.inspect for <<c::2 <- <<0b11011000>> >>, do: c
IO.inspect <<t::bits, 1::2>>
f = fn <<p::3, _::bits>> -> p end
IO.inspect f.(<<0b10100000>>)
IO.inspect <<-1::signed-16>>
<<n::signed-16>> = <<-2::16>>
IO.inspect n
<<l::little-32>> = <<1, 2, 3, 4>>
IO.inspect l
IO.inspect <<1.5::float-32>>
IO.inspect :erlang.bit_size(<<1::5>>)
IO.inspect inspect(<<1,2,3,4,5::4>>, limit: 3)
