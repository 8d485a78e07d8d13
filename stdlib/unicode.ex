# Erlang/OTP 25's `:unicode` conversions between chardata encodings, written
# in the language: `characters_to_binary/1,2,3` and `characters_to_list/1,2`.
# Chardata is binaries (in the input encoding), code points and lists of
# them; anything else is a badarg. A conversion that meets a code point it
# cannot encode, or bytes that are not UTF-8, stops there and answers
# `{:error, done, rest}` (`{:incomplete, done, rest}` when UTF-8 input ends
# inside a character).
defmodule :unicode do
  @moduledoc false

  @doc "`data` as a UTF-8 binary."
  def characters_to_binary(data), do: characters_to_binary(data, :unicode, :unicode)

  @doc "`data` (its binaries in `in_encoding`) as a UTF-8 binary."
  def characters_to_binary(data, in_encoding), do: characters_to_binary(data, in_encoding, :unicode)

  @doc "`data` (its binaries in `in_encoding`) as a binary in `out_encoding`."
  def characters_to_binary(data, in_encoding, out_encoding) do
    in_encoding = encoding!(in_encoding)
    out_encoding = encoding!(out_encoding)

    if in_encoding == out_encoding and is_binary(data) and in_encoding == :latin1 do
      data
    else
      case walk([data], in_encoding, out_encoding, []) do
        {:ok, acc} -> :erlang.list_to_binary(:lists.reverse(acc))
        {kind, acc, rest} -> {kind, :erlang.list_to_binary(:lists.reverse(acc)), rest}
      end
    end
  end

  @doc "`data` (its binaries in `in_encoding`) as a list of code points."
  def characters_to_list(data, in_encoding \\ :unicode) do
    case characters_to_binary(data, in_encoding, :unicode) do
      binary when is_binary(binary) -> String.to_charlist(binary)
      {kind, done, rest} -> {kind, String.to_charlist(done), rest}
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

  defp encoding!(encoding) when encoding in [:unicode, :utf8], do: :unicode
  defp encoding!(:latin1), do: :latin1
  defp encoding!(_), do: :erlang.error(:badarg)

  # `stack` holds what is left of the enclosing lists; `acc` the output
  # pieces, last first.
  defp walk([], _in, _out, acc), do: {:ok, acc}
  defp walk([[] | stack], in_enc, out, acc), do: walk(stack, in_enc, out, acc)
  defp walk([[head | tail] | stack], in_enc, out, acc), do: walk([head, tail | stack], in_enc, out, acc)

  defp walk([cp | stack], in_enc, out, acc) when is_integer(cp) do
    case encode(cp, out) do
      :error -> {:error, acc, [cp | stack]}
      bytes -> walk(stack, in_enc, out, [bytes | acc])
    end
  end

  defp walk([binary | stack], :latin1, :latin1, acc) when is_binary(binary),
    do: walk(stack, :latin1, :latin1, [binary | acc])

  defp walk([binary | stack], :latin1, :unicode, acc) when is_binary(binary) do
    walk(stack, :latin1, :unicode, [for(<<b <- binary>>, into: <<>>, do: <<b::utf8>>) | acc])
  end

  defp walk([binary | stack], :unicode, out, acc) when is_binary(binary) do
    case utf8(binary, out, []) do
      {:ok, bytes} -> walk(stack, :unicode, out, [bytes | acc])
      {kind, bytes, rest} -> {kind, [bytes | acc], [rest | stack]}
    end
  end

  defp walk(_, _in, _out, _acc), do: :erlang.error(:badarg)

  defp encode(cp, :unicode) when cp in 0..0xD7FF or cp in 0xE000..0x10FFFF, do: <<cp::utf8>>
  defp encode(cp, :latin1) when cp in 0..255, do: <<cp>>
  defp encode(_cp, _out), do: :error

  # A UTF-8 binary re-encoded: `{:ok, iodata}`, or where it stops.
  defp utf8(binary, :unicode, _acc) do
    if String.valid?(binary) do
      {:ok, binary}
    else
      size = valid_prefix(binary, 0)
      <<done::binary-size(size), rest::binary>> = binary
      kind = if incomplete?(rest), do: :incomplete, else: :error
      {kind, done, rest}
    end
  end

  defp utf8(<<cp::utf8, rest::binary>> = binary, :latin1, acc) do
    if cp <= 255, do: utf8(rest, :latin1, [cp | acc]), else: {:error, :lists.reverse(acc), binary}
  end

  defp utf8(<<>>, :latin1, acc), do: {:ok, :lists.reverse(acc)}

  defp utf8(rest, :latin1, acc) do
    kind = if incomplete?(rest), do: :incomplete, else: :error
    {kind, :lists.reverse(acc), rest}
  end

  defp valid_prefix(<<_::utf8, rest::binary>> = binary, size),
    do: valid_prefix(rest, size + byte_size(binary) - byte_size(rest))

  defp valid_prefix(_, size), do: size

  # The start of a character that the end of the input cut off.
  defp incomplete?(<<b, rest::binary>>) when b in 0xC2..0xDF, do: rest == ""
  defp incomplete?(<<b, rest::binary>>) when b in 0xE0..0xEF, do: byte_size(rest) < 2 and continuation?(rest)
  defp incomplete?(<<b, rest::binary>>) when b in 0xF0..0xF4, do: byte_size(rest) < 3 and continuation?(rest)
  defp incomplete?(_), do: false

  defp continuation?(bytes), do: for(<<b <- bytes>>, b not in 0x80..0xBF, do: b) == []
end
