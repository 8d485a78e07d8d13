# Base: base 16, 32 (standard and extended hex) and 64 (standard and URL-safe)
# encodings, RFC 4648, written with the bit syntax. Decoding walks the input in
# blocks of 8 characters (a whole number of base 32 and base 64 quanta); the
# last 1 to 8 characters are decoded apart, as padding may only be there. So a
# bad character before the last block is reported before a bad length.
defmodule Base do
  @moduledoc "Encoding and decoding of data in base 16, 32 and 64 (RFC 4648)."

  @b64 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  @b64url 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  @b32 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  @b32hex '0123456789ABCDEFGHIJKLMNOPQRSTUV'
  @b16 '0123456789ABCDEF'

  # One encoder (value -> character) and one decoder (character -> value,
  # nil when not in the alphabet) per alphabet and case, as function clauses.
  for {name, alphabet} <- [
        b64: @b64,
        b64url: @b64url,
        b32u: @b32,
        b32l: Enum.map(@b32, &(if &1 in ?A..?Z, do: &1 + 32, else: &1)),
        b32hu: @b32hex,
        b32hl: Enum.map(@b32hex, &(if &1 in ?A..?Z, do: &1 + 32, else: &1)),
        b16u: @b16,
        b16l: Enum.map(@b16, &(if &1 in ?A..?Z, do: &1 + 32, else: &1))
      ] do
    enc = :"enc_#{name}"
    dec = :"dec_#{name}"

    for {char, value} <- Enum.with_index(alphabet) do
      defp unquote(enc)(unquote(value)), do: unquote(char)
      defp unquote(dec)(unquote(char)), do: unquote(value)
    end

    defp unquote(dec)(char), do: bad_char(char)
  end

  # Mixed-case decoders accept both cases.
  defp dec_b16m(c) when c in ?a..?f, do: c - ?a + 10
  defp dec_b16m(c), do: dec_b16u(c)
  defp dec_b32m(c) when c in ?a..?z, do: dec_b32u(c - 32)
  defp dec_b32m(c), do: dec_b32u(c)
  defp dec_b32hm(c) when c in ?a..?v, do: dec_b32hu(c - 32)
  defp dec_b32hm(c), do: dec_b32hu(c)

  defp bad_char(char) do
    raise ArgumentError,
          "non-alphabet character found: #{inspect(<<char>>, binaries: :as_strings)} (byte #{char})"
  end

  ## Base 16

  @doc "Encodes `data` in base 16 (`case: :upper` or `:lower`)."
  def encode16(data, opts \\ []) when is_binary(data) do
    case Keyword.get(opts, :case, :upper) do
      :upper -> for <<h::4, l::4 <- data>>, into: <<>>, do: <<enc_b16u(h), enc_b16u(l)>>
      :lower -> for <<h::4, l::4 <- data>>, into: <<>>, do: <<enc_b16l(h), enc_b16l(l)>>
    end
  end

  @doc "Decodes a base 16 string: `{:ok, data}` or `:error` (`case: :upper`, `:lower` or `:mixed`)."
  def decode16(string, opts \\ []) do
    {:ok, decode16!(string, opts)}
  rescue
    ArgumentError -> :error
  end

  @doc "Decodes a base 16 string, raising `ArgumentError` when it is not one."
  def decode16!(string, opts \\ [])

  def decode16!(string, opts) when is_binary(string) and rem(byte_size(string), 2) == 0 do
    case Keyword.get(opts, :case, :upper) do
      :upper -> for <<h, l <- string>>, into: <<>>, do: <<dec_b16u(h)::4, dec_b16u(l)::4>>
      :lower -> for <<h, l <- string>>, into: <<>>, do: <<dec_b16l(h)::4, dec_b16l(l)::4>>
      :mixed -> for <<h, l <- string>>, into: <<>>, do: <<dec_b16m(h)::4, dec_b16m(l)::4>>
    end
  end

  def decode16!(string, _opts) when is_binary(string) do
    raise ArgumentError,
          "string given to decode has wrong length. An even number of bytes was expected, got: " <>
            "#{byte_size(string)}. Double check your string for unwanted characters or pad it accordingly"
  end

  ## Base 64

  @doc "Encodes `data` in base 64 (`padding: true` adds the `=` padding)."
  def encode64(data, opts \\ []) when is_binary(data) do
    do_encode64(data, :b64, Keyword.get(opts, :padding, true))
  end

  @doc "Encodes `data` in URL- and filename-safe base 64."
  def url_encode64(data, opts \\ []) when is_binary(data) do
    do_encode64(data, :b64url, Keyword.get(opts, :padding, true))
  end

  @doc "Decodes a base 64 string: `{:ok, data}` or `:error` (`ignore: :whitespace`, `padding:`)."
  def decode64(string, opts \\ []) do
    {:ok, decode64!(string, opts)}
  rescue
    ArgumentError -> :error
  end

  @doc "Decodes a base 64 string, raising `ArgumentError` when it is not one."
  def decode64!(string, opts \\ []) when is_binary(string) do
    string = remove_ignored(string, Keyword.get(opts, :ignore))
    do_decode64(string, :b64, Keyword.get(opts, :padding, true))
  end

  @doc "Decodes a URL-safe base 64 string: `{:ok, data}` or `:error`."
  def url_decode64(string, opts \\ []) do
    {:ok, url_decode64!(string, opts)}
  rescue
    ArgumentError -> :error
  end

  @doc "Decodes a URL-safe base 64 string, raising `ArgumentError` when it is not one."
  def url_decode64!(string, opts \\ []) when is_binary(string) do
    string = remove_ignored(string, Keyword.get(opts, :ignore))
    do_decode64(string, :b64url, Keyword.get(opts, :padding, true))
  end

  defp remove_ignored(string, nil), do: string

  defp remove_ignored(string, :whitespace) do
    for <<c <- string>>, c not in [?\s, ?\t, ?\r, ?\n], into: <<>>, do: <<c>>
  end

  defp do_encode64(data, alphabet, pad?) do
    size = byte_size(data)
    whole = size - rem(size, 3)
    <<main::binary-size(whole), rest::binary>> = data
    body = for <<a::6, b::6, c::6, d::6 <- main>>, into: <<>>, do: <<e64(alphabet, a), e64(alphabet, b), e64(alphabet, c), e64(alphabet, d)>>

    case rest do
      <<a::6, b::6, c::4>> ->
        maybe_pad(<<body::binary, e64(alphabet, a), e64(alphabet, b), e64(alphabet, c * 4)>>, pad?, 1)

      <<a::6, b::2>> ->
        maybe_pad(<<body::binary, e64(alphabet, a), e64(alphabet, b * 16)>>, pad?, 2)

      <<>> ->
        maybe_pad(body, pad?, 0)
    end
  end

  defp maybe_pad(body, false, _count), do: body
  defp maybe_pad(body, true, 0), do: body
  defp maybe_pad(body, true, 1), do: body <> "="
  defp maybe_pad(body, true, 2), do: body <> "=="
  defp maybe_pad(body, true, 3), do: body <> "==="
  defp maybe_pad(body, true, 4), do: body <> "===="
  defp maybe_pad(body, true, 6), do: body <> "======"

  defp e64(:b64, v), do: enc_b64(v)
  defp e64(:b64url, v), do: enc_b64url(v)
  defp d64(:b64, c), do: dec_b64(c)
  defp d64(:b64url, c), do: dec_b64url(c)

  defp do_decode64(string, alphabet, pad?) do
    {main, tail} = split_last_block(string)

    main =
      for <<c1, c2, c3, c4 <- main>>, into: <<>> do
        <<d64(alphabet, c1)::6, d64(alphabet, c2)::6, d64(alphabet, c3)::6, d64(alphabet, c4)::6>>
      end

    <<main::binary, decode64_tail(tail, alphabet, pad?)::bits>>
  end

  defp decode64_tail(<<q::binary-size(4), rest::binary>>, alphabet, pad?) when byte_size(rest) > 0 do
    <<decode64_quad(q, alphabet)::bits, decode64_tail(rest, alphabet, pad?)::bits>>
  end

  defp decode64_tail(<<_, _, _, _>> = q, alphabet, _pad?), do: decode64_quad(q, alphabet)
  defp decode64_tail(<<>>, _alphabet, _pad?), do: <<>>

  defp decode64_tail(<<c1, c2>>, a, false), do: take_bits(<<d64(a, c1)::6, d64(a, c2)::6>>, 8)

  defp decode64_tail(<<c1, c2, c3>>, a, false),
    do: take_bits(<<d64(a, c1)::6, d64(a, c2)::6, d64(a, c3)::6>>, 16)

  defp decode64_tail(_tail, _alphabet, _pad?), do: raise(ArgumentError, "incorrect padding")

  defp decode64_quad(<<c1, c2, ?=, ?=>>, a) do
    <<d64(a, c1)::6, d64(a, c2)::6>> |> take_bits(8)
  end

  defp decode64_quad(<<c1, c2, c3, ?=>>, a) do
    <<d64(a, c1)::6, d64(a, c2)::6, d64(a, c3)::6>> |> take_bits(16)
  end

  defp decode64_quad(<<c1, c2, c3, c4>>, a) do
    <<d64(a, c1)::6, d64(a, c2)::6, d64(a, c3)::6, d64(a, c4)::6>>
  end

  defp take_bits(bits, n) do
    <<data::bits-size(n), _::bits>> = bits
    data
  end

  # The input as its whole 8-character blocks but the last, and the last 1 to
  # 8 characters (`""` for an empty input).
  defp split_last_block(string) do
    size = byte_size(string)
    main = max(div(size + 7, 8) - 1, 0) * 8
    <<main::binary-size(main), tail::binary>> = string
    {main, tail}
  end

  ## Base 32

  @doc "Encodes `data` in base 32 (`case: :upper` or `:lower`, `padding: true`)."
  def encode32(data, opts \\ []) when is_binary(data) do
    do_encode32(data, encoding_case(opts, :b32u, :b32l), Keyword.get(opts, :padding, true))
  end

  @doc "Encodes `data` in base 32 with the extended hexadecimal alphabet."
  def hex_encode32(data, opts \\ []) when is_binary(data) do
    do_encode32(data, encoding_case(opts, :b32hu, :b32hl), Keyword.get(opts, :padding, true))
  end

  defp encoding_case(opts, upper, lower) do
    case Keyword.get(opts, :case, :upper) do
      :upper -> upper
      :lower -> lower
    end
  end

  @doc "Decodes a base 32 string: `{:ok, data}` or `:error` (`case:`, `padding:`)."
  def decode32(string, opts \\ []) do
    {:ok, decode32!(string, opts)}
  rescue
    ArgumentError -> :error
  end

  @doc "Decodes a base 32 string, raising `ArgumentError` when it is not one."
  def decode32!(string, opts \\ []) when is_binary(string) do
    alphabet = decoding_case(opts, :b32u, :b32l, :b32m)
    do_decode32(string, alphabet, Keyword.get(opts, :padding, true))
  end

  @doc "Decodes an extended-hex base 32 string: `{:ok, data}` or `:error`."
  def hex_decode32(string, opts \\ []) do
    {:ok, hex_decode32!(string, opts)}
  rescue
    ArgumentError -> :error
  end

  @doc "Decodes an extended-hex base 32 string, raising `ArgumentError` when it is not one."
  def hex_decode32!(string, opts \\ []) when is_binary(string) do
    alphabet = decoding_case(opts, :b32hu, :b32hl, :b32hm)
    do_decode32(string, alphabet, Keyword.get(opts, :padding, true))
  end

  defp decoding_case(opts, upper, lower, mixed) do
    case Keyword.get(opts, :case, :upper) do
      :upper -> upper
      :lower -> lower
      :mixed -> mixed
    end
  end

  defp e32(:b32u, v), do: enc_b32u(v)
  defp e32(:b32l, v), do: enc_b32l(v)
  defp e32(:b32hu, v), do: enc_b32hu(v)
  defp e32(:b32hl, v), do: enc_b32hl(v)

  defp d32(:b32u, c), do: dec_b32u(c)
  defp d32(:b32l, c), do: dec_b32l(c)
  defp d32(:b32m, c), do: dec_b32m(c)
  defp d32(:b32hu, c), do: dec_b32hu(c)
  defp d32(:b32hl, c), do: dec_b32hl(c)
  defp d32(:b32hm, c), do: dec_b32hm(c)

  defp do_encode32(data, a, pad?) do
    size = byte_size(data)
    whole = size - rem(size, 5)
    <<main::binary-size(whole), rest::binary>> = data

    body =
      for <<c1::5, c2::5, c3::5, c4::5, c5::5, c6::5, c7::5, c8::5 <- main>>, into: <<>> do
        <<e32(a, c1), e32(a, c2), e32(a, c3), e32(a, c4), e32(a, c5), e32(a, c6), e32(a, c7), e32(a, c8)>>
      end

    case rest do
      <<c1::5, c2::5, c3::5, c4::5, c5::5, c6::5, c7::2>> ->
        maybe_pad(<<body::binary, e32(a, c1), e32(a, c2), e32(a, c3), e32(a, c4), e32(a, c5), e32(a, c6), e32(a, c7 * 8)>>, pad?, 1)

      <<c1::5, c2::5, c3::5, c4::5, c5::4>> ->
        maybe_pad(<<body::binary, e32(a, c1), e32(a, c2), e32(a, c3), e32(a, c4), e32(a, c5 * 2)>>, pad?, 3)

      <<c1::5, c2::5, c3::5, c4::1>> ->
        maybe_pad(<<body::binary, e32(a, c1), e32(a, c2), e32(a, c3), e32(a, c4 * 16)>>, pad?, 4)

      <<c1::5, c2::3>> ->
        maybe_pad(<<body::binary, e32(a, c1), e32(a, c2 * 4)>>, pad?, 6)

      <<>> ->
        maybe_pad(body, pad?, 0)
    end
  end

  defp do_decode32(string, a, pad?) do
    {main, tail} = split_last_block(string)

    main =
      for <<c1, c2, c3, c4, c5, c6, c7, c8 <- main>>, into: <<>> do
        <<d32(a, c1)::5, d32(a, c2)::5, d32(a, c3)::5, d32(a, c4)::5, d32(a, c5)::5, d32(a, c6)::5,
          d32(a, c7)::5, d32(a, c8)::5>>
      end

    <<main::binary, decode32_tail(tail, a, pad?)::bits>>
  end

  defp decode32_tail(<<>>, _a, _pad?), do: <<>>
  defp decode32_tail(<<_, _, _, _, _, _, _, _>> = block, a, _pad?), do: decode32_block(block, a)

  defp decode32_tail(tail, a, false) when byte_size(tail) in [2, 4, 5, 7] do
    bits = for <<c <- tail>>, into: <<>>, do: <<d32(a, c)::5>>
    take_bits(bits, div(byte_size(tail) * 5, 8) * 8)
  end

  defp decode32_tail(_tail, _a, _pad?), do: raise(ArgumentError, "incorrect padding")

  defp decode32_block(<<c1, c2, "======">>, a) do
    <<d32(a, c1)::5, d32(a, c2)::5>> |> take_bits(8)
  end

  defp decode32_block(<<c1, c2, c3, c4, "====">>, a) do
    <<d32(a, c1)::5, d32(a, c2)::5, d32(a, c3)::5, d32(a, c4)::5>> |> take_bits(16)
  end

  defp decode32_block(<<c1, c2, c3, c4, c5, "===">>, a) do
    <<d32(a, c1)::5, d32(a, c2)::5, d32(a, c3)::5, d32(a, c4)::5, d32(a, c5)::5>> |> take_bits(24)
  end

  defp decode32_block(<<c1, c2, c3, c4, c5, c6, c7, "=">>, a) do
    <<d32(a, c1)::5, d32(a, c2)::5, d32(a, c3)::5, d32(a, c4)::5, d32(a, c5)::5, d32(a, c6)::5,
      d32(a, c7)::5>>
    |> take_bits(32)
  end

  defp decode32_block(<<c1, c2, c3, c4, c5, c6, c7, c8>>, a) do
    <<d32(a, c1)::5, d32(a, c2)::5, d32(a, c3)::5, d32(a, c4)::5, d32(a, c5)::5, d32(a, c6)::5,
      d32(a, c7)::5, d32(a, c8)::5>>
  end
end
