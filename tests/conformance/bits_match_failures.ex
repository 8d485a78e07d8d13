# Bitstring patterns that fail: case clauses falling through, function
# heads, guards on matched segments, MatchError and CaseClauseError texts.
defmodule Heads do
  def kind(<<0xFF, 0xD8, _::binary>>), do: :jpeg
  def kind(<<0x89, "PNG", _::binary>>), do: :png
  def kind(<<"GIF8", v, ?a, _::binary>>) when v in [?7, ?9], do: {:gif, <<v>>}
  def kind(<<_::binary-size(4), rest::binary>>) when byte_size(rest) > 100, do: :big_unknown
  def kind(bin) when is_binary(bin), do: :unknown

  def exact(<<a::16, b::8>>), do: {a, b}

  def header(<<version::4, flags::4, len::8, _::binary>>) when version == 4 and len > 0, do: {version, flags, len}
  def header(_), do: :invalid
end

defmodule Main do
  def show(label, f) do
    IO.puts(label <> ": " <> inspect(f.()))
  rescue
    e -> IO.puts(label <> ": " <> Exception.format_banner(:error, e))
  end

  def run do
    for b <- [<<0xFF, 0xD8, 1>>, <<0x89, "PNG">>, "GIF89a...", "GIF87a", "GIF88a", :binary.copy("x", 110), "", <<1::3>>] do
      show("kind #{inspect(b, limit: 6)}", fn -> Heads.kind(b) end)
    end
    show("exact ok", fn -> Heads.exact(<<1, 2, 3>>) end)
    show("exact short", fn -> Heads.exact(<<1, 2>>) end)
    show("exact long", fn -> Heads.exact(<<1, 2, 3, 4>>) end)
    show("exact bits", fn -> Heads.exact(<<1, 2, 3, 1::1>>) end)
    show("header", fn -> Enum.map([<<0x45, 5, 0>>, <<0x65, 5>>, <<0x40, 0>>, <<0x4>>], &Heads.header/1) end)
    show("match", fn -> <<x::8, y::8>> = <<1, 2, 3>>; {x, y} end)
    show("match literal", fn -> <<"abc", _::binary>> = "abd"; :ok end)
    show("match float", fn -> <<f::float>> = <<0x7FF0000000000000::64>>; f end)
    show("match utf8", fn -> <<c::utf8>> = <<0xC3>>; c end)
    show("match size", fn -> n = 4; <<_::binary-size(n)>> = "abc"; :ok end)
    show("match not a bitstring", fn -> <<_::8>> = hd([:atom, "x"]); :ok end)
    show("case", fn ->
      case <<3, "ab">> do
        <<n, data::binary-size(n)>> -> {:ok, data}
        <<n, _::binary>> when n > 2 -> {:short, n}
      end
    end)
    show("case clause", fn ->
      case <<1::1>> do
        <<_::binary>> -> :binary
      end
    end)
    show("with", fn ->
      with <<len, rest::binary>> <- <<5, "abc">>,
           <<body::binary-size(len)>> <- rest do
        body
      else
        other -> {:else, other}
      end
    end)
    show("match?", fn -> {match?(<<_, _>>, "ab"), match?(<<_, _>>, "abc"), match?(<<_::bits>>, "x"), match?(<<>>, "")} end)
    show("pin", fn -> magic = "MZ"; <<^magic::binary-size(2), rest::binary>> = "MZxx"; rest end)
    show("pin fail", fn -> magic = "MZ"; <<^magic::binary-size(2), _::binary>> = "PKxx"; :ok end)
    show("fn heads", fn -> f = fn <<1, x>> -> x; <<2, _::binary>> -> :two end; {f.(<<1, 9>>), f.(<<2, 3, 4>>), f.(<<3>>)} end)
  end
end

Main.run()
