# OTP 25's :base64: encode/decode (whitespace skipped), the _to_string
# variants (charlists), mime_decode (characters outside the alphabet and
# what follows the padding skipped); malformed input raises.
t = fn f ->
  try do
    inspect(f.())
  rescue
    e -> "raised #{inspect(e.__struct__)}"
  end
end

for x <- ["", "f", "fo", "foo", "foob", "hello world", 'chars', <<0, 255, 128>>, "ünï", [104, 105]] do
  IO.puts("#{inspect(x)}: #{t.(fn -> :base64.encode(x) end)} #{t.(fn -> :base64.encode_to_string(x) end)}")
end

for x <- ["", "Zg==", "Zm8=", "Zm9v", "aGVsbG8gd29ybGQ=", 'Zm9v', "Zm9v\n", "Zm 9v", "AP+A", "Zm9", "Zg"] do
  IO.puts("#{inspect(x)}: #{t.(fn -> :base64.decode(x) end)} | #{t.(fn -> :base64.decode_to_string(x) end)}")
  IO.puts("  mime: #{t.(fn -> :base64.mime_decode(x) end)} | #{t.(fn -> :base64.mime_decode_to_string(x) end)}")
end

for x <- ["!!!!", "Zm9v====", "Zm9v!!", "Zm\r\n9v", "Zg==garbage"] do
  IO.puts("mime #{inspect(x)}: #{t.(fn -> :base64.mime_decode(x) end)}")
end

IO.puts(t.(fn -> :base64.encode(123) end))
IO.puts(t.(fn -> :base64.decode(123) end))
IO.puts(t.(fn -> :base64.encode([300]) end))
IO.inspect(:base64.decode(:base64.encode(:crypto.strong_rand_bytes(0))))
