# OTP 25's `:base64` (RFC 4648's standard alphabet, with padding), written
# in the language over Elixir's `Base`. `decode/1` skips whitespace,
# `mime_decode/1` every character outside the alphabet and what follows the
# padding. Data is a binary or a list of bytes; malformed input raises a
# FunctionClauseError, as in OTP (whose errors name its internal functions).
defmodule :base64 do
  @moduledoc false

  @doc "The Base64 text of `data`, a binary."
  def encode(data) when is_binary(data), do: Base.encode64(data)
  def encode(data) when is_list(data), do: Base.encode64(bytes(data))
  def encode(data), do: bad(:encode, [data])

  @doc "The Base64 text of `data`, a charlist."
  def encode_to_string(data) when is_binary(data) or is_list(data), do: String.to_charlist(encode(data))
  def encode_to_string(data), do: bad(:encode_to_string, [data])

  @doc "The bytes `data` encodes (whitespace skipped), a binary."
  def decode(data) when is_binary(data) or is_list(data) do
    text = for <<c <- bytes(data)>>, c not in ' \t\r\n', into: "", do: <<c>>

    case Base.decode64(text) do
      {:ok, bin} -> bin
      :error -> bad(:decode, [data])
    end
  end

  def decode(data), do: bad(:decode, [data])

  @doc "The bytes `data` encodes (whitespace skipped), a charlist."
  def decode_to_string(data) when is_binary(data) or is_list(data), do: :erlang.binary_to_list(decode(data))
  def decode_to_string(data), do: bad(:decode_to_string, [data])

  @doc "The bytes `data` encodes, skipping characters outside the alphabet and what follows the padding."
  def mime_decode(data) when is_binary(data) or is_list(data) do
    text = for <<c <- bytes(data)>>, c in ?A..?Z or c in ?a..?z or c in ?0..?9 or c in '+/=', into: "", do: <<c>>
    [body | rest] = :binary.split(text, "=")
    pads = if rest == [], do: 0, else: 1 + byte_size(hd(rest))
    need = rem(4 - rem(byte_size(body), 4), 4)

    cond do
      rest != [] and String.trim_trailing(hd(rest), "=") != "" -> bad(:mime_decode, [data])
      rem(byte_size(body), 4) == 1 or pads < need -> bad(:mime_decode, [data])
      true -> Base.decode64!(body, padding: false)
    end
  end

  def mime_decode(data), do: bad(:mime_decode, [data])

  @doc "Same as `mime_decode/1`, a charlist."
  def mime_decode_to_string(data) when is_binary(data) or is_list(data),
    do: :erlang.binary_to_list(mime_decode(data))

  def mime_decode_to_string(data), do: bad(:mime_decode_to_string, [data])

  defp bytes(data) when is_binary(data), do: data
  # A list holds bytes only (OTP takes no deeper iodata).
  defp bytes(data) when is_list(data) do
    if Enum.all?(data, &(is_integer(&1) and &1 in 0..255)) do
      :erlang.list_to_binary(data)
    else
      raise ArgumentError, "errors were found at the given arguments:\n\n  * 1st argument: out of range\n"
    end
  end

  defp bad(fun, args) do
    raise FunctionClauseError, module: :base64, function: fun, arity: length(args)
  end
end
