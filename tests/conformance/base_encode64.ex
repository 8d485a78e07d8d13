# Base 64 and URL-safe base 64: padding, whitespace, errors.
for s <- ["", "f", "fo", "foo", "foob", "fooba", "foobar", <<251, 255, 254>>] do
  IO.puts("#{inspect(s)}: #{Base.encode64(s)} #{Base.encode64(s, padding: false)} #{Base.url_encode64(s)} #{Base.url_encode64(s, padding: false)}")
end

IO.inspect(Base.decode64("Zm9vYg=="))
IO.inspect(Base.decode64("Zm9vYg"))
IO.inspect(Base.decode64("Zm9vYg", padding: false))
IO.inspect(Base.decode64("Zm9vYg==", padding: false))
IO.inspect(Base.decode64("Zm9vYg=", padding: false))
IO.inspect(Base.decode64("Zm9v\nYmFy", ignore: :whitespace))
IO.inspect(Base.decode64("Zm 9v\tYm\r\nFy", ignore: :whitespace))
IO.inspect(Base.decode64("Zm9v\vYmFy", ignore: :whitespace))
IO.inspect(Base.decode64("Zm9vYmF="))
IO.inspect(Base.url_decode64("-_8="))
IO.inspect(Base.decode64("-_8="))
IO.inspect(Base.url_decode64!("_-8", padding: false))

for {input, opts} <- [
      {"a", []},
      {"a===", []},
      {"Zm9v*", []},
      {"Zm9vYg", []},
      {"Zm9vYm=y", []},
      {"Zm9*Zm9vZm9vZ", []},
      {"Zm9vYg=", [padding: false]},
      {"Zm9vY", [padding: false]},
      {"Zm9v\nYg==", []},
      {"Zm9vYg==)", []}
    ] do
  try do
    Base.decode64!(input, opts)
  rescue
    e in ArgumentError -> IO.puts("#{inspect(input)} #{inspect(opts)}: " <> e.message)
  end
end

data = for n <- 0..99, into: <<>>, do: <<rem(n * 37, 256)>>
IO.puts(Base.encode64(data))
IO.inspect(Base.decode64!(Base.encode64(data)) == data)
IO.inspect(Base.url_decode64!(Base.url_encode64(data, padding: false), padding: false) == data)
