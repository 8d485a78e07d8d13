# Base 32 and extended-hex base 32: case, padding, errors.
for s <- ["", "f", "fo", "foo", "foob", "fooba", "foobar"] do
  IO.puts(
    "#{inspect(s)}: #{Base.encode32(s)} #{Base.encode32(s, case: :lower, padding: false)} " <>
      "#{Base.hex_encode32(s)} #{Base.hex_encode32(s, case: :lower, padding: false)}"
  )
end

IO.inspect(Base.decode32("MZXW6YQ="))
IO.inspect(Base.decode32("mzxw6yq=", case: :lower))
IO.inspect(Base.decode32("mZxW6yQ=", case: :mixed))
IO.inspect(Base.decode32("MZXW6YQ", padding: false))
IO.inspect(Base.decode32("MZXW6YQ=", padding: false))
IO.inspect(Base.decode32("MZXW6YQ"))
IO.inspect(Base.hex_decode32("CPNMUOG="))
IO.inspect(Base.hex_decode32("cpnmuog", case: :lower, padding: false))
IO.inspect(Base.hex_decode32("CO======"))

for {fun, input, opts} <- [
      {:decode32!, "MZXW6", []},
      {:decode32!, "mzxw6===", []},
      {:decode32!, "MZXW6=====", [padding: false]},
      {:decode32!, "MZX=====", []},
      {:decode32!, "MZXW6Y", [padding: false]},
      {:hex_decode32!, "CPN)UOJ1", []},
      {:hex_decode32!, "CPNMUOJ1E8======", [case: :lower]},
      {:hex_decode32!, "CPNMUOG", []}
    ] do
  try do
    apply(Base, fun, [input, opts])
  rescue
    e in ArgumentError -> IO.puts("#{fun} #{inspect(input)}: " <> e.message)
  end
end

data = for n <- 0..63, into: <<>>, do: <<n * 4>>
IO.inspect(Base.decode32!(Base.encode32(data)) == data)
IO.inspect(Base.hex_decode32!(Base.hex_encode32(data, case: :lower), case: :mixed) == data)
