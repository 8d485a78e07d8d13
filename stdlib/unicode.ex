# Erlang/OTP 25's `:unicode` module, written in the language: conversions
# of character data between encodings (`characters_to_binary/1,2,3`,
# `characters_to_list/1,2`), byte order marks, and the normalization forms
# (over `String.normalize/2`).
#
# Encodings: `:unicode` (= `:utf8`), `:latin1`, `:utf16`, `:utf32` (big
# endian) and `{:utf16 | :utf32, :big | :little}`. Data that cannot be
# converted gives OTP's `{:error, converted, rest}`, and a binary ending
# in the middle of a character `{:incomplete, converted, rest}`; data that
# is not character data at all raises.
defmodule :unicode do
  @moduledoc false

  @doc "The data as a UTF-8 binary."
  def characters_to_binary(data), do: characters_to_binary(data, :unicode, :unicode)

  @doc "The data, in `in_encoding`, as a UTF-8 binary."
  def characters_to_binary(data, in_enc), do: characters_to_binary(data, in_enc, :unicode)

  @doc "The data, in `in_encoding`, as a binary in `out_encoding`."
  def characters_to_binary(data, in_enc, out_enc) do
    case decode(data, enc(in_enc)) do
      {:ok, cps} ->
        case encode(cps, enc(out_enc), <<>>) do
          {:ok, bin} -> bin
          {:error, bin, rest} -> {:error, bin, List.to_string(rest)}
        end

      {tag, cps, rest} ->
        case encode(cps, enc(out_enc), <<>>) do
          {:ok, bin} -> {tag, bin, rest}
          {:error, bin, _} -> {:error, bin, rest}
        end
    end
  end

  @doc "OTP's inner form of `characters_to_binary/2` (exported, and alike)."
  def characters_to_binary_int(data, in_enc), do: characters_to_binary(data, in_enc, :unicode)

  @doc "OTP's inner form of `characters_to_list/2` (exported, and alike)."
  def characters_to_list_int(data, in_enc), do: characters_to_list(data, in_enc)

  @doc "Whether `binary` is all 7-bit bytes (`false` for anything but a binary)."
  def bin_is_7bit(<<byte, rest::binary>>) when byte < 128, do: bin_is_7bit(rest)
  def bin_is_7bit(<<>>), do: true
  def bin_is_7bit(_), do: false

  @doc "The data as a list of code points."
  def characters_to_list(data), do: characters_to_list(data, :unicode)

  @doc "The data, in `in_encoding`, as a list of code points."
  def characters_to_list(data, in_enc) do
    case decode(data, enc(in_enc)) do
      {:ok, cps} -> cps
      {tag, cps, rest} -> {tag, cps, rest}
    end
  end

  for form <- [:nfd, :nfc, :nfkd, :nfkc] do
    @doc "`data` (UTF-8 chardata) in normalization form #{form}, as a binary."
    def unquote(:"characters_to_#{form}_binary")(data), do: normalize(data, unquote(form))

    @doc "`data` (UTF-8 chardata) in normalization form #{form}, as a list of code points."
    def unquote(:"characters_to_#{form}_list")(data) do
      case normalize(data, unquote(form)) do
        binary when is_binary(binary) -> String.to_charlist(binary)
        {:error, done, rest} -> {:error, String.to_charlist(done), rest}
      end
    end
  end

  # The normalized chardata, or `{:error, normalized, rest}` at the first
  # bytes that are not UTF-8; a bad code point is a badarg.
  defp normalize(data, form) do
    case characters_to_binary(data) do
      binary when is_binary(binary) ->
        :beamlet.string_normalize(binary, form)

      {_kind, done, rest} when is_binary(rest) ->
        {:error, :beamlet.string_normalize(done, form), rest}

      {_kind, done, [rest]} when is_binary(rest) ->
        {:error, :beamlet.string_normalize(done, form), rest}

      {_kind, done, [rest | _] = all} when is_binary(rest) ->
        {:error, :beamlet.string_normalize(done, form), all}

      _ ->
        :erlang.error(:badarg)
    end
  end

  @doc "`{encoding, bom_length}` of the byte order mark `bin` starts with (`{:latin1, 0}` if none)."
  def bom_to_encoding(<<0xEF, 0xBB, 0xBF, _::binary>>), do: {:utf8, 3}
  def bom_to_encoding(<<0x00, 0x00, 0xFE, 0xFF, _::binary>>), do: {{:utf32, :big}, 4}
  def bom_to_encoding(<<0xFF, 0xFE, 0x00, 0x00, _::binary>>), do: {{:utf32, :little}, 4}
  def bom_to_encoding(<<0xFE, 0xFF, _::binary>>), do: {{:utf16, :big}, 2}
  def bom_to_encoding(<<0xFF, 0xFE, _::binary>>), do: {{:utf16, :little}, 2}
  def bom_to_encoding(bin) when is_binary(bin), do: {:latin1, 0}

  @doc "The byte order mark of an encoding."
  def encoding_to_bom(enc) do
    case enc(enc) do
      :utf8 -> <<0xEF, 0xBB, 0xBF>>
      {:utf16, :big} -> <<0xFE, 0xFF>>
      {:utf16, :little} -> <<0xFF, 0xFE>>
      {:utf32, :big} -> <<0x00, 0x00, 0xFE, 0xFF>>
      {:utf32, :little} -> <<0xFF, 0xFE, 0x00, 0x00>>
      :latin1 -> <<>>
    end
  end

  defp enc(e) when e in [:unicode, :utf8], do: :utf8
  defp enc(:latin1), do: :latin1
  defp enc(:utf16), do: {:utf16, :big}
  defp enc(:utf32), do: {:utf32, :big}
  defp enc({e, endian} = x) when e in [:utf16, :utf32] and endian in [:big, :little], do: x
  defp enc(_),
    do: raise(ArgumentError, "errors were found at the given arguments:\n\n  * 2nd argument: not a valid encoding\n")

  # The code points of chardata: {:ok, cps} or {:error | :incomplete, cps, rest}.
  defp decode(data, enc) when is_binary(data), do: decode_bin(data, enc, [])

  defp decode(data, enc) when is_list(data) do
    decode_list(data, enc, [])
  end

  defp decode(_data, _enc), do: not_chardata()

  defp decode_list([], _enc, acc), do: {:ok, :lists.reverse(acc)}

  defp decode_list([c | rest], enc, acc) when is_integer(c) do
    if c >= 0 and c <= 0x10FFFF and (c < 0xD800 or c > 0xDFFF) and (enc != :latin1 or c < 256),
      do: decode_list(rest, enc, [c | acc]),
      else: {:error, :lists.reverse(acc), [c | rest]}
  end

  defp decode_list([b | rest], enc, acc) when is_binary(b) do
    case decode_bin(b, enc, acc) do
      {:ok, cps} -> decode_list(rest, enc, :lists.reverse(cps))
      {tag, cps, bin_rest} -> {tag, cps, [bin_rest | rest]}
    end
  end

  defp decode_list([l | rest], enc, acc) when is_list(l) do
    case decode_list(l, enc, acc) do
      {:ok, cps} -> decode_list(rest, enc, :lists.reverse(cps))
      {tag, cps, inner} -> {tag, cps, [inner | rest]}
    end
  end

  defp decode_list(_, _enc, _acc), do: not_chardata()

  defp decode_bin(<<>>, _enc, acc), do: {:ok, :lists.reverse(acc)}
  defp decode_bin(<<c, rest::binary>>, :latin1, acc), do: decode_bin(rest, :latin1, [c | acc])
  defp decode_bin(<<c::utf8, rest::binary>>, :utf8, acc), do: decode_bin(rest, :utf8, [c | acc])
  defp decode_bin(<<c::utf16, rest::binary>>, {:utf16, :big}, acc), do: decode_bin(rest, {:utf16, :big}, [c | acc])

  defp decode_bin(<<c::utf16-little, rest::binary>>, {:utf16, :little} = e, acc),
    do: decode_bin(rest, e, [c | acc])

  defp decode_bin(<<c::utf32, rest::binary>>, {:utf32, :big} = e, acc), do: decode_bin(rest, e, [c | acc])

  defp decode_bin(<<c::utf32-little, rest::binary>>, {:utf32, :little} = e, acc),
    do: decode_bin(rest, e, [c | acc])

  defp decode_bin(bin, enc, acc) do
    tag = if incomplete?(bin, enc), do: :incomplete, else: :error
    {tag, :lists.reverse(acc), bin}
  end

  # A valid start of a character cut short by the end of the data.
  defp incomplete?(bin, :utf8) do
    case bin do
      <<c, rest::binary>> when c in 0xC2..0xDF -> byte_size(rest) < 1
      <<c, rest::binary>> when c in 0xE0..0xEF -> byte_size(rest) < 2 and continuation?(rest)
      <<c, rest::binary>> when c in 0xF0..0xF4 -> byte_size(rest) < 3 and continuation?(rest)
      _ -> false
    end
  end

  defp incomplete?(bin, {:utf16, _}), do: byte_size(bin) < 4 and byte_size(bin) in [1, 3] or byte_size(bin) == 2
  defp incomplete?(_bin, _enc), do: false

  defp continuation?(<<c, rest::binary>>) when c in 0x80..0xBF, do: continuation?(rest)
  defp continuation?(<<>>), do: true
  defp continuation?(_), do: false

  defp encode([], _enc, acc), do: {:ok, acc}

  defp encode([c | rest] = cps, enc, acc) do
    case enc do
      :utf8 -> encode(rest, enc, <<acc::binary, c::utf8>>)
      :latin1 when c < 256 -> encode(rest, enc, <<acc::binary, c>>)
      :latin1 -> {:error, acc, cps}
      {:utf16, :big} -> encode(rest, enc, <<acc::binary, c::utf16>>)
      {:utf16, :little} -> encode(rest, enc, <<acc::binary, c::utf16-little>>)
      {:utf32, :big} -> encode(rest, enc, <<acc::binary, c::utf32>>)
      {:utf32, :little} -> encode(rest, enc, <<acc::binary, c::utf32-little>>)
    end
  end

  defp not_chardata,
    do:
      raise(
        ArgumentError,
        "errors were found at the given arguments:\n\n  * 1st argument: not valid character data (an iodata term)\n"
      )
end
