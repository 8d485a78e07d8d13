# Base 16: both cases, decoding cases, errors.
for s <- ["", "f", "fo", "foo", "foobar", <<0, 255, 16, 171>>] do
  IO.puts("#{inspect(s)} -> #{Base.encode16(s)} / #{Base.encode16(s, case: :lower)}")
end

IO.inspect(Base.decode16("666F6F"))
IO.inspect(Base.decode16("666f6f", case: :lower))
IO.inspect(Base.decode16("666F6f", case: :mixed))
IO.inspect(Base.decode16("666f6f"))
IO.inspect(Base.decode16("666F6"))
IO.inspect(Base.decode16(""))
IO.inspect(Base.decode16!("00FFAB"))

for {input, opts} <- [{"abc", []}, {"zz", []}, {"ab", []}, {"AB", [case: :lower]}, {<<200, 200>>, []}, {"012" <> <<0>>, []}] do
  try do
    Base.decode16!(input, opts)
  rescue
    e in ArgumentError -> IO.puts("#{inspect(input)}: " <> e.message)
  end
end

try do
  Base.encode16("a", case: :title)
rescue
  e -> IO.inspect(e)
end

try do
  Base.encode16(:atom)
rescue
  e -> IO.puts(Exception.message(e))
end

data = for n <- 0..255, into: <<>>, do: <<n>>
IO.puts(Base.encode16(data) |> binary_part(0, 40))
IO.inspect(Base.decode16!(Base.encode16(data)) == data)
IO.inspect(Base.decode16!(Base.encode16(data, case: :lower), case: :mixed) == data)
