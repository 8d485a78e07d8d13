d = "hello hello hello"
IO.inspect :zlib.compress(d)
IO.inspect :zlib.gzip(d)
IO.inspect :zlib.zip(d)
IO.inspect :zlib.gunzip(:zlib.gzip(d))
IO.inspect :zlib.uncompress(:zlib.compress(["ab", ?c]))
IO.inspect :zlib.unzip(:zlib.zip(d))
IO.inspect(:zlib.compress(""))
big = String.duplicate("abcdefgh", 50000)
IO.inspect {byte_size(:zlib.compress(big)), :zlib.uncompress(:zlib.compress(big)) == big, :zlib.gunzip(:zlib.gzip(big)) == big, :zlib.unzip(:zlib.zip(big)) == big}
IO.inspect :zlib.gunzip(:zlib.gzip("a") <> :zlib.gzip("b"))
for {f, x} <- [gunzip: :zlib.gzip(d) <> "x", gunzip: :zlib.gzip(d) <> <<0,0>>, unzip: :zlib.zip(d) <> "x", uncompress: "", gunzip: "", unzip: "", uncompress: binary_part(:zlib.compress(d), 0, 8), unzip: binary_part(:zlib.zip(d), 0, 3), uncompress: :zlib.compress(d) <> :zlib.compress(d), gunzip: ["", :zlib.gzip(d)], gunzip: :x, compress: :x, zip: [1, :a], uncompress: "garbage", gunzip: "garbage", unzip: "garbage"] do
  IO.inspect({f, (try do apply(:zlib, f, [x]) rescue e -> e catch k, v -> {k, v} end)})
end
IO.inspect :erlang.binary_to_term(:erlang.term_to_binary(big, compressed: 6)) == big
