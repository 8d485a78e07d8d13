# Bitstrings whose size is not a multiple of 8: building, matching,
# comparing, inspecting, as map keys, bit_size and byte_size.
defmodule NonByte do
  def flags(<<a::1, b::1, c::1, rest::bits>>), do: {a, b, c, rest}

  def count_ones(<<>>), do: 0
  def count_ones(<<b::1, rest::bits>>), do: b + count_ones(rest)

  def reverse_bits(<<>>), do: <<>>
  def reverse_bits(<<b::1, rest::bits>>), do: <<reverse_bits(rest)::bits, b::1>>
end

defmodule Main do
  def run do
    bits = [<<>>, <<1::1>>, <<0::1>>, <<5::3>>, <<255, 1::1>>, <<1::7>>, <<1, 2, 3::2>>, <<0::15>>, <<1::1, 0::64>>]
    for b <- bits do
      IO.puts("#{inspect(b)} bit_size=#{bit_size(b)} byte_size=#{byte_size(b)} binary?=#{is_binary(b)} bitstring?=#{is_bitstring(b)}")
    end
    IO.inspect(Enum.sort(bits))
    IO.inspect({<<1::1>> < <<1>>, <<1::1>> > <<0>>, <<1, 1::1>> > <<1>>, <<2::3>> == <<1::1, 0::2>>, <<0::1>> == <<0::2>>})
    IO.inspect({<<5::3>> === <<5::3>>, <<1::1>> < "a", <<>> < <<0::1>>})
    m = %{<<1::1>> => :one_bit, <<1::2>> => :two_bits, <<1>> => :byte, <<128::8>> => :high}
    IO.inspect(m)
    IO.inspect({m[<<1::1>>], m[<<1::2>>], m[<<1::3>>], Map.get(m, <<0b10000000>>)})
    IO.inspect(NonByte.flags(<<0b101::3, 0b11::2>>))
    IO.inspect(NonByte.count_ones(<<0xFF, 0b1011::4>>))
    IO.inspect(NonByte.reverse_bits(<<0b1100_0101, 0b01::2>>))
    IO.inspect(<<1::1, 0::1, 1::1>>, base: :binary)
    IO.inspect(<<255, 7::3>>, base: :hex)
    IO.inspect(<<1, 2, 3, 4, 5, 6::4>>, limit: 3)
    IO.inspect([<<1::1>>, {<<3::2>>}], label: "nested")
    IO.puts(inspect(<<"abc", 1::1>>))
    x = <<"abc", 1::1>>
    <<text::binary-size(3), flag::1>> = x
    IO.inspect({text, flag})
    IO.inspect(<<x::bits, x::bits>>)
    IO.inspect(:erlang.bitstring_to_list(<<1, 2, 3::3>>))
    IO.inspect(:erlang.list_to_bitstring([1, <<2::4>>]))
    IO.inspect({is_binary(<<x::bits, 0::7>>), bit_size(<<x::bits, 0::7>>)})
    IO.inspect(for <<b::1 <- <<0b1010::4>> >>, do: b)
    IO.inspect(inspect(<<1::1>>) <> " " <> to_string(bit_size(<<1::1>>)))
  end
end

Main.run()
