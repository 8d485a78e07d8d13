# utf8, utf16 and utf32 segments, big and little endian: building from
# code points and strings, matching, and what is not a character.
defmodule Utf do
  def show(label, f) do
    IO.puts(label <> ": " <> inspect(f.()))
  rescue
    e -> IO.puts(label <> ": ** " <> inspect(e.__struct__) <> " " <> Exception.message(e))
  end

  def chars8(<<c::utf8, rest::binary>>, acc), do: chars8(rest, [c | acc])
  def chars8(<<>>, acc), do: Enum.reverse(acc)
  def chars8(rest, acc), do: {:invalid, Enum.reverse(acc), rest}

  def chars16(<<c::utf16-little, rest::binary>>, acc), do: chars16(rest, [c | acc])
  def chars16(rest, acc), do: {Enum.reverse(acc), rest}

  def chars32(<<c::utf32, rest::binary>>, acc), do: chars32(rest, [c | acc])
  def chars32(rest, acc), do: {Enum.reverse(acc), rest}
end

defmodule Main do
  def run do
    s = &Utf.show/2
    cps = [?a, 0xE9, 0x20AC, 0x1F600, 0x10FFFF, 0]
    for c <- cps do
      s.("U+#{Integer.to_string(c, 16)}", fn ->
        {<<c::utf8>>, <<c::utf16>>, <<c::utf16-little>>, <<c::utf32>>, <<c::utf32-little>>, <<c::utf16-native>>}
      end)
    end
    s.("strings", fn -> {<<"hé€"::utf8>>, <<"hé€"::utf16>>, <<"h€"::utf32-little>>, <<"ab"::utf16-big>>} end)
    s.("chars8", fn -> Utf.chars8("añ€😀", []) end)
    s.("chars8 bad", fn -> Utf.chars8(<<?a, 0xFF, ?b>>, []) end)
    s.("chars8 overlong", fn -> Utf.chars8(<<0xC0, 0x80>>, []) end)
    s.("chars8 surrogate", fn -> Utf.chars8(<<0xED, 0xA0, 0x80>>, []) end)
    s.("chars8 truncated", fn -> Utf.chars8(<<?a, 0xE2, 0x82>>, []) end)
    s.("chars16", fn -> Utf.chars16(<<"a😀b"::utf16-little, 0xD800::16-little>>, []) end)
    s.("chars16 lone low", fn -> Utf.chars16(<<0xDC00::16-little, ?x::16-little>>, []) end)
    s.("chars32", fn -> Utf.chars32(<<"x€"::utf32, 0x110000::32, 1::32>>, []) end)
    s.("chars32 surrogate", fn -> Utf.chars32(<<0xD800::32>>, []) end)
    s.("mixed", fn -> <<a::utf8, b::utf16, c::utf32-little>> = <<"é"::utf8, "€"::utf16, "😀"::utf32-little>>; {a, b, c} end)
    s.("prefix", fn -> <<"é"::utf8, rest::binary>> = "éa"; rest end)
    s.("off byte", fn -> <<_::1, c::utf8, _::3, d::utf16-little, _::bits>> = <<1::1, "é", 0::3, "€"::utf16-little, 0::4>>; {c, d} end)
    s.("off byte built", fn -> <<1::1, 0x20AC::utf8, 0x1F600::utf32, 0::7>> end)
    s.("case", fn ->
      for b <- ["€x", <<0x20AC::utf16, ?x>>, <<0xFF>>] do
        case b do
          <<c::utf8, _::binary>> -> {:utf8, c}
          <<c::utf16, _::binary>> -> {:utf16, c}
          _ -> :other
        end
      end
    end)
    for bad <- [-1, 0xD800, 0x110000, :a] do
      s.("utf8 #{inspect(bad)}", fn -> <<bad::utf8>> end)
      s.("utf16 #{inspect(bad)}", fn -> <<bad::utf16>> end)
      s.("utf32 #{inspect(bad)}", fn -> <<bad::utf32>> end)
    end
  end
end

Main.run()
