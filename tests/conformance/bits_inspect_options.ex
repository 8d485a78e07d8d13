# Inspecting bitstrings of odd sizes and binaries under inspect options:
# base, binaries:, printable_limit, limit, width, and inside containers.
defmodule Main do
  def run do
    samples = [
      <<>>, <<0::1>>, <<1::1>>, <<3::2>>, <<5::3>>, <<255::7>>, <<1::9>>, <<"ab", 1::4>>,
      <<0, 0::1>>, "plain", "tab\there", <<"é", 0>>, <<200, 201>>, <<7::size(17)>>, <<-1::13>>
    ]
    for s <- samples do
      IO.puts("#{bit_size(s)}: #{inspect(s)} | hex #{inspect(s, base: :hex)} | bin #{inspect(s, base: :binary)}")
    end

    IO.puts(inspect("abc", binaries: :as_binaries))
    IO.puts(inspect("abc", binaries: :as_binaries, base: :hex))
    IO.puts(inspect(<<1, 2, 3>>, binaries: :as_strings))
    IO.puts(inspect(<<1, 2, 3>>, base: :octal))
    IO.puts(inspect("abcdefghijklmnop", printable_limit: 5))
    IO.puts(inspect(<<1, 2, 3, 4, 5, 6, 7::3>>, limit: 3))
    IO.puts(inspect(<<1, 2, 3, 4, 5, 6, 7::3>>, limit: 6))
    IO.puts(inspect(<<1, 2, 3, 4, 5, 6, 7::3>>, limit: 7))
    IO.puts(inspect(<<1::3>>, limit: 0))
    IO.puts(inspect(<<:binary.copy(<<255>>, 3)::binary, 1::1>>, width: 5))
    IO.puts(inspect(<<:binary.copy(<<255>>, 30)::binary, 1::1>>, width: 30))
    IO.puts(inspect([<<1::1>>, {<<2::2>>, %{<<3::3>> => <<4::4>>}}]))
    IO.puts(inspect([bits: <<1::5>>, str: "s"], pretty: true, width: 10))
    IO.puts(inspect(<<1::1, "abc">>))
    IO.puts(inspect(<<"abc", 1::1>>))
    abc = "abc"
    IO.puts(inspect(<<abc::bits-size(23)>>))
    IO.puts(inspect(<<abc::binary-size(2)>>))
    IO.puts(inspect(for(<<b::3 <- <<255, 0>> >>, into: <<>>, do: <<b::3>>)))
    IO.puts(inspect(for(<<b::1 <- <<0b1010::4>> >>, do: b)))
    IO.puts(inspect(<<0x41::7>>))
    IO.puts(inspect(<<"a"::utf16>>))
    IO.puts(inspect(<<"a"::utf32-little>>))
    IO.puts(inspect(<<1.5::float-16, 1::1>>))
  end
end

Main.run()
