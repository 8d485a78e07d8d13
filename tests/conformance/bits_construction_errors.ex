# Errors building bitstrings: the ArgumentError texts, segment by segment,
# in a module's functions and at the script's top level. (Sizes come from
# arguments: a bad size the compiler can see makes a plain badarg.)
defmodule Build do
  def sized(n), do: <<1::size(n)>>
  def bin_sized(s, n), do: <<s::binary-size(n)>>
  def float_sized(n), do: <<1.0::float-size(n)>>

  def cases do
    [
      {"size -1", fn -> sized(-1) end},
      {"size atom", fn -> sized(:a) end},
      {"binary size atom", fn -> bin_sized("ab", :a) end},
      {"binary size -1", fn -> bin_sized("ab", -1) end},
      {"size too large", fn -> sized(Integer.pow(2, 70)) end},
      {"float size 8", fn -> float_sized(8) end},
      {"float size atom", fn -> float_sized(:x) end},
      {"integer value", fn -> v = :a; <<v>> end},
      {"second segment", fn -> v = 1.5; <<1, v::16>> end},
      {"integer from string", fn -> v = "7"; <<v::integer>> end},
      {"float value", fn -> v = :a; <<v::float>> end},
      {"float from huge int", fn -> v = Integer.pow(10, 400); <<v::float-32>> end},
      {"binary value", fn -> v = 1; <<v::binary>> end},
      {"bits value", fn -> v = [1]; <<v::bits>> end},
      {"binary of bits", fn -> v = <<1::3>>; <<v::binary>> end},
      {"binary unit 16", fn -> v = "abc"; <<v::binary-unit(16)>> end},
      {"binary too short", fn -> v = "ab"; <<v::binary-size(3)>> end},
      {"bits too short", fn -> v = <<1::3>>; <<v::bits-size(4)>> end},
      {"utf8", fn -> v = -1; <<v::utf8>> end},
      {"utf16 surrogate", fn -> v = 0xDFFF; <<v::utf16>> end},
      {"utf32 atom", fn -> v = :a; <<v::utf32-little>> end},
      {"two bad", fn -> v = :a; w = :b; <<v, w>> end},
      {"concat", fn -> v = :a; "x" <> to_string(v) <> <<v::binary>> end},
      {"ok", fn -> v = "ab"; n = 1; <<v::binary-size(n), 7::3, 1.0::float-16>> end}
    ]
  end
end

defmodule Main do
  def run(cases) do
    for {name, f} <- cases do
      try do
        IO.puts("#{name}: #{inspect(f.())}")
      rescue
        e -> IO.puts("#{name}: #{inspect(e.__struct__)} #{Exception.message(e)}")
      end
    end
  end
end

IO.puts("-- in a module")
Main.run(Build.cases())
IO.puts("-- at the top level")
Main.run([
  {"size -1", fn -> Build.sized(-1) end},
  {"binary size atom", fn -> Build.bin_sized("ab", :a) end},
  {"size too large", fn -> Build.sized(Integer.pow(2, 70)) end},
  {"float size 8", fn -> Build.float_sized(8) end},
  {"concat", fn -> v = :a; "x" <> "y" <> v end},
  {"integer value", fn -> v = :a; <<v>> end},
  {"binary of bits", fn -> v = <<1::3>>; <<v::binary>> end},
  {"utf16 surrogate", fn -> v = 0xDFFF; <<v::utf16>> end}
])
