# File.stream!: lines and bytes, encodings, counting, collecting into a file.
dir = Path.join(System.tmp_dir!(), "beamlet_file_streams_#{System.pid()}")
File.rm_rf!(dir)
File.mkdir_p!(dir)
path = Path.join(dir, "data.txt")
File.write!(path, "alpha\r\nbeta\ngamma delta\nlast")

stream = File.stream!(path)
IO.inspect(%{stream | path: "data.txt"})
IO.inspect(Enum.to_list(stream))
IO.inspect(Enum.count(stream))
IO.inspect(stream |> Stream.map(&String.trim_trailing/1) |> Enum.map(&String.upcase/1))
IO.inspect(File.stream!(path, [], 4) |> Enum.to_list())
IO.inspect(Enum.count(File.stream!(path, [], 4)))
IO.inspect(File.stream!(path, [:utf8], :line) |> Enum.take(2))
IO.inspect(%{File.stream!(path, [:utf8]) | path: "data.txt"})
IO.inspect(%{File.stream!(path, [read_ahead: false], 10) | path: "data.txt"})
IO.inspect(stream |> Enum.take(1))
IO.inspect(stream |> Stream.with_index() |> Enum.map(fn {l, i} -> {i, byte_size(l)} end))

words =
  File.stream!(path)
  |> Stream.flat_map(&String.split/1)
  |> Enum.frequencies_by(&String.length/1)

IO.inspect(words)

out = Path.join(dir, "out.txt")
result = ["one\n", "two\n", "three\n"] |> Stream.map(&String.upcase/1) |> Enum.into(File.stream!(out))
IO.inspect(result.line_or_bytes)
IO.inspect(File.read!(out))
Enum.into(["four\n"], File.stream!(out, [:append]))
IO.inspect(File.read!(out))
File.stream!(path) |> Stream.map(&String.reverse/1) |> Stream.into(File.stream!(out)) |> Stream.run()
IO.inspect(File.read!(out))

File.write!(path, <<0xEF, 0xBB, 0xBF>> <> "bom line\nnext\n")
IO.inspect(File.stream!(path) |> Enum.to_list())
IO.inspect(File.stream!(path, [:trim_bom]) |> Enum.to_list())
File.write!(path, "héllo wörld\nçà\n")
IO.inspect(File.stream!(path, [:utf8], 3) |> Enum.to_list())
IO.inspect(File.stream!(path, [], 3) |> Enum.to_list())

try do
  Enum.to_list(File.stream!(Path.join(dir, "missing.txt")))
rescue
  e -> IO.puts(Exception.message(e) |> String.replace(dir, "DIR"))
end

File.rm_rf!(dir)
