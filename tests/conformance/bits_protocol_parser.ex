# A length-prefixed binary protocol: frames of a type byte, a 16-bit
# length and a payload; TLV fields inside; parsing a stream that arrives
# in pieces, with incomplete and malformed frames.
defmodule Frame do
  @ping 1
  @data 2
  @kv 3

  def encode({:ping, n}), do: frame(@ping, <<n::32>>)
  def encode({:data, bin}), do: frame(@data, bin)
  def encode({:kv, pairs}), do: frame(@kv, for({k, v} <- pairs, into: <<>>, do: tlv(k, v)))

  defp frame(type, payload), do: <<type, byte_size(payload)::16, payload::binary>>
  defp tlv(k, v) when is_integer(v), do: <<?i, byte_size(k), k::binary, 8, v::signed-64>>
  defp tlv(k, v) when is_binary(v), do: <<?s, byte_size(k), k::binary, byte_size(v), v::binary>>

  def decode(<<type, len::16, payload::binary-size(len), rest::binary>>) do
    {decode_payload(type, payload), rest}
  end

  def decode(<<_type, len::16, partial::binary>>) when byte_size(partial) < len, do: {:more, len - byte_size(partial)}
  def decode(short) when byte_size(short) < 3, do: {:more, 3 - byte_size(short)}

  defp decode_payload(@ping, <<n::32>>), do: {:ping, n}
  defp decode_payload(@data, bin), do: {:data, bin}
  defp decode_payload(@kv, fields), do: {:kv, fields(fields, [])}
  defp decode_payload(type, payload), do: {:unknown, type, payload}

  defp fields(<<?i, kl, k::binary-size(kl), 8, v::signed-64, rest::binary>>, acc), do: fields(rest, [{k, v} | acc])
  defp fields(<<?s, kl, k::binary-size(kl), vl, v::binary-size(vl), rest::binary>>, acc), do: fields(rest, [{k, v} | acc])
  defp fields(<<>>, acc), do: Enum.reverse(acc)
  defp fields(bad, acc), do: Enum.reverse([{:malformed, bad} | acc])

  def stream(chunks), do: stream(chunks, <<>>, [])
  defp stream([], buffer, acc), do: {Enum.reverse(acc), buffer}
  defp stream([chunk | rest], buffer, acc), do: drain(rest, buffer <> chunk, acc)

  defp drain(chunks, buffer, acc) do
    case decode(buffer) do
      {:more, _} -> stream(chunks, buffer, acc)
      {msg, left} -> drain(chunks, left, [msg | acc])
    end
  end
end

defmodule Main do
  def run do
    msgs = [{:ping, 42}, {:data, "hello"}, {:kv, [{"id", -7}, {"name", "ada"}]}, {:data, ""}]
    wire = Enum.map(msgs, &Frame.encode/1)
    Enum.each(wire, &IO.inspect/1)
    all = IO.iodata_to_binary(wire)
    IO.inspect(byte_size(all))
    IO.inspect(Frame.stream([all]))
    pieces = for <<chunk::binary-size(5) <- all>>, do: chunk
    tail = binary_part(all, 5 * length(pieces), rem(byte_size(all), 5))
    IO.inspect(Frame.stream(pieces ++ [tail]))
    IO.inspect(Frame.stream(pieces))
    IO.inspect(Frame.decode(<<2, 0, 10, "abc">>))
    IO.inspect(Frame.decode(<<2, 0>>))
    IO.inspect(Frame.decode(<<9, 0, 2, 1, 2>>))
    IO.inspect(Frame.decode(<<3, 0, 4, ?i, 9, "ab">>))
    try do
      Frame.encode({:kv, [{"x", 1.5}]})
    rescue
      e -> IO.puts(Exception.format_banner(:error, e))
    end
  end
end

Main.run()
