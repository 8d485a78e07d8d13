# The errors of OTP 25's :binary module as Elixir shows them: which
# arguments are named, with which text, and when only "argument error".
defmodule Show do
  def run(label, fun) do
    result =
      try do
        inspect(fun.())
      rescue
        e -> "** #{inspect(e.__struct__)} " <> String.replace(Exception.message(e), "\n", "|")
      end

    IO.puts("#{label}: #{result}")
  end
end

defmodule Main do
  def run do
    s = &Show.run/2
    bits = <<1::9>>
    s.("at", fn -> :binary.at("ab", 2) end)
    s.("at neg", fn -> :binary.at("ab", -1) end)
    s.("at both", fn -> :binary.at(:x, :y) end)
    s.("at bits", fn -> :binary.at(bits, -1) end)
    s.("first empty", fn -> :binary.first("") end)
    s.("last bits", fn -> :binary.last(bits) end)
    s.("first atom", fn -> :binary.first(:a) end)
    s.("part/3 pos", fn -> :binary.part("ab", 5, 1) end)
    s.("part/3 len", fn -> :binary.part("abc", 1, 3) end)
    s.("part/3 back", fn -> :binary.part("abc", 1, -2) end)
    s.("part/3 types", fn -> :binary.part(:x, :y, :z) end)
    s.("part/3 mixed", fn -> :binary.part("abc", -1, :a) end)
    s.("part/3 mixed 2", fn -> :binary.part("abc", 5, :a) end)
    s.("part/2 past end", fn -> :binary.part("ab", {3, 1}) end)
    s.("part/2 len", fn -> :binary.part("abc", {1, -2}) end)
    s.("part/2 neg", fn -> :binary.part("abc", {-1, 1}) end)
    s.("part/2 tuple", fn -> :binary.part(:x, {1}) end)
    s.("binary_part", fn -> binary_part("ab", 1, 5) end)
    s.("bin_to_list bits", fn -> :binary.bin_to_list(bits, 0, 5) end)
    s.("bin_to_list/2", fn -> :binary.bin_to_list("abc", {4, 0}) end)
    s.("bin_to_list/3", fn -> :binary.bin_to_list(:x, :y, :z) end)
    s.("copy", fn -> :binary.copy("a", -1) end)
    s.("copy both", fn -> :binary.copy(bits, :n) end)
    s.("list_to_bin", fn -> :binary.list_to_bin("abc") end)
    s.("list_to_bin 256", fn -> :binary.list_to_bin([256]) end)
    s.("decode_unsigned", fn -> :binary.decode_unsigned(bits, :middle) end)
    s.("encode_unsigned", fn -> :binary.encode_unsigned(-1, :middle) end)
    s.("encode_unsigned float", fn -> :binary.encode_unsigned(1.0) end)
    s.("encode_hex", fn -> :binary.encode_hex(:a) end)
    s.("decode_hex odd", fn -> :binary.decode_hex("abc") end)
    s.("decode_hex bad", fn -> :binary.decode_hex("a1b2zz") end)
    s.("decode_hex bad 2", fn -> :binary.decode_hex("aaaa-a") end)
    s.("longest_common_prefix", fn -> :binary.longest_common_prefix([]) end)
    s.("longest_common_suffix", fn -> :binary.longest_common_suffix(["a", :b]) end)
    s.("referenced_byte_size", fn -> :binary.referenced_byte_size(:a) end)
    s.("compile_pattern", fn -> :binary.compile_pattern(["a", ""]) end)
    s.("match empty pattern", fn -> :binary.match("abc", "") end)
    s.("match all bad", fn -> :binary.match(:a, [], [:x]) end)
    s.("match option", fn -> :binary.match("abc", "b", [:global]) end)
    s.("match scope", fn -> :binary.match("abc", "b", scope: {0, 5}) end)
    s.("match scope type", fn -> :binary.match("abc", "b", scope: {:a, 1}) end)
    s.("match fake compiled", fn -> :binary.match("abc", {:bm, "b"}) end)
    s.("matches bits", fn -> :binary.matches(bits, "a") end)
    s.("split option", fn -> :binary.split("abc", "b", [:trim, :foo]) end)
    s.("split scope", fn -> :binary.split("abc", "b", scope: {2, 5}) end)
    s.("split not list", fn -> :binary.split("abc", "b", :global) end)
    s.("split bad", fn -> :binary.split(:a, :b, :c) end)
    s.("replace bad", fn -> :binary.replace(:a, :b, :c, :d) end)
    s.("replace replacement", fn -> :binary.replace("abc", "b", ["x"]) end)
    s.("replace bits", fn -> :binary.replace("abc", "b", bits) end)
    s.("replace insert", fn -> :binary.replace("abc", "x", "y", [{:insert_replaced, 2}]) end)
    s.("replace scope", fn -> :binary.replace("abc", "b", "y", [{:scope, {1, 5}}]) end)
    s.("replace improper", fn -> :binary.replace("abc", "b", "y", [:global | :x]) end)
    s.("caught", fn -> try do :binary.at("ab", 9) catch :error, reason -> {:caught, reason} end end)
  end
end

Main.run()
