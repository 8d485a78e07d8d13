# OTP 25's :binary module called from Elixir: bytes, parts, copies,
# unsigned integers, hexadecimal, common prefixes and suffixes.
defmodule Show do
  def run(label, fun) do
    result =
      try do
        inspect(fun.())
      rescue
        e -> "** #{inspect(e.__struct__)} #{Exception.message(e)}"
      end

    IO.puts("#{label}: #{result}")
  end
end

defmodule Main do
  import Bitwise

  def run do
    s = &Show.run/2
    s.("at first last", fn -> {:binary.at("abc", 0), :binary.at("abc", 2), :binary.first("xyz"), :binary.last("xyz")} end)
    s.("part/3", fn -> {:binary.part("hello", 1, 3), :binary.part("hello", 5, 0), :binary.part("hello", 5, -2), :binary.part("hello", 0, 5)} end)
    s.("part/2", fn -> {:binary.part("hello", {0, 2}), :binary.part("hello", {3, -3}), :binary.part("", {0, 0})} end)
    s.("part of bits", fn -> {:binary.part(<<1, 2, 3::4>>, 1, 1), binary_part("abc", 1, 2)} end)
    s.("bin_to_list", fn -> {:binary.bin_to_list("abc"), :binary.bin_to_list("abc", {1, 2}), :binary.bin_to_list("abc", 3, -2), :binary.bin_to_list("")} end)
    s.("copy", fn -> {:binary.copy("ab"), :binary.copy("ab", 3), :binary.copy("ab", 0), :binary.copy("", 5)} end)
    s.("list_to_bin", fn -> {:binary.list_to_bin([1, "bc", [?d, ["e"]]]), :binary.list_to_bin([]), :binary.list_to_bin([?a | "b"])} end)
    s.("referenced_byte_size", fn -> {:binary.referenced_byte_size("abc"), :binary.referenced_byte_size(""), :binary.referenced_byte_size(:binary.copy("x", 100))} end)
    for n <- [0, 1, 255, 256, 65535, 1 <<< 32, (1 <<< 64) + 1, 123_456_789_012_345_678_901_234_567_890] do
      s.("unsigned #{n}", fn ->
        big = :binary.encode_unsigned(n)
        little = :binary.encode_unsigned(n, :little)
        {big, little, :binary.decode_unsigned(big), :binary.decode_unsigned(little, :little)}
      end)
    end
    s.("decode_unsigned", fn -> {:binary.decode_unsigned(<<>>), :binary.decode_unsigned(<<0, 0, 1>>), :binary.decode_unsigned(<<0, 0, 1>>, :little), :binary.decode_unsigned(<<1, 0, 0, 0, 0, 0, 0, 0, 0, 0>>)} end)
    s.("encode_hex", fn -> {:binary.encode_hex(""), :binary.encode_hex("abc"), :binary.encode_hex(<<0, 1, 15, 16, 127, 128, 254, 255>>)} end)
    s.("decode_hex", fn -> {:binary.decode_hex(""), :binary.decode_hex("616263"), :binary.decode_hex("0001fF10aB"), :binary.decode_hex(:binary.encode_hex("round trip"))} end)
    s.("longest_common_prefix", fn ->
      {:binary.longest_common_prefix(["abcd", "abce", "abx"]), :binary.longest_common_prefix(["same", "same"]),
       :binary.longest_common_prefix(["", "abc"]), :binary.longest_common_prefix(["only"]), :binary.longest_common_prefix(["abc", "xbc"])}
    end)
    s.("longest_common_suffix", fn ->
      {:binary.longest_common_suffix(["testing", "running", "ing"]), :binary.longest_common_suffix(["abc", "abd"]),
       :binary.longest_common_suffix(["x", ""]), :binary.longest_common_suffix(["tail"]), :binary.longest_common_suffix(["aaa", "aa"])}
    end)
    big = :binary.copy("0123456789", 1000)
    s.("large prefix", fn -> {:binary.longest_common_prefix([big, big <> "x"]), :binary.longest_common_suffix(["x" <> big, big])} end)
    s.("large hex", fn -> hex = :binary.encode_hex(big); {byte_size(hex), :binary.part(hex, 0, 8), :binary.decode_hex(hex) == big} end)
    s.("large copy", fn -> byte_size(:binary.copy(big, 100)) end)
    s.("large unsigned", fn -> n = :binary.decode_unsigned(big); {rem(n, 1000), :binary.encode_unsigned(n) == big} end)
  end
end

Main.run()
