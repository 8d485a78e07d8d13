# Writing bytes that are not UTF-8 to the standard devices: a bare binary
# goes to standard output as it is, chardata in a list (`IO.puts` adds a
# newline so its item always is) or anything to standard error raises.
IO.write("bare: ")
IO.write(<<0xE9, ?\n>>)
IO.write(:stdio, <<0xFF, ?\n>>)
:io.put_chars(<<0xFE, ?\n>>)
IO.binwrite(<<0xE9, 0xFF, ?\n>>)
IO.write(["split ", <<0xC3>>, <<0xA9>>, "\n"])

attempts = [
  fn -> IO.puts(<<0xE9>>) end,
  fn -> IO.write([<<0xE9>>]) end,
  fn -> IO.write(["a", <<0xFF>>, "b"]) end,
  fn -> IO.puts(:stdio, "ok" <> <<0xFF>>) end,
  fn -> IO.write(:stderr, <<0xFF>>) end,
  fn -> IO.puts(:stderr, <<0xE9>>) end,
  fn -> IO.write(["a", 0x110000]) end,
  fn -> IO.puts([-1]) end,
  fn -> :io.put_chars(:standard_error, <<0xFF>>) end
]

for f <- attempts do
  try do
    f.()
    IO.puts("no error")
  rescue
    e in ArgumentError -> IO.puts(inspect(e.message))
  end
end

IO.puts("end")
IO.puts(<<0xE9, 0xFF>>)
IO.puts("not reached")
