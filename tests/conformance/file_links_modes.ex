# File's links, modes, times, renames and recursive copies.
dir = Path.join(System.tmp_dir!(), "beamlet_file_misc_#{System.pid()}")
File.rm_rf!(dir)
File.mkdir_p!(Path.join(dir, "src/sub/deep"))
p = &Path.join(dir, &1)
rel = fn list -> list |> Enum.map(&Path.relative_to(&1, dir)) |> Enum.sort() end
File.write!(p.("src/a.txt"), "A")
File.write!(p.("src/sub/b.txt"), "BB")
File.write!(p.("src/sub/deep/c.txt"), "CCC")

{:ok, copied} = File.cp_r(p.("src"), p.("dst"))
IO.inspect(rel.(copied))
IO.inspect(File.read!(p.("dst/sub/deep/c.txt")))
File.write!(p.("dst/a.txt"), "changed")
IO.inspect(File.cp_r(p.("src"), p.("dst"), on_conflict: fn _, _ -> false end) |> elem(1) |> rel.())
IO.inspect(File.read!(p.("dst/a.txt")))
IO.inspect(File.cp_r!(p.("src/a.txt"), p.("single.txt")) |> rel.())
IO.inspect(File.cp_r(p.("nope"), p.("x")) |> elem(1))

IO.inspect(File.ln(p.("src/a.txt"), p.("hard.txt")))
IO.inspect(File.stat!(p.("src/a.txt")).links)
IO.inspect(File.ln(p.("src/a.txt"), p.("hard.txt")))
IO.inspect(File.ln_s("src/a.txt", p.("soft.txt")))
IO.inspect(File.read_link(p.("soft.txt")))
IO.inspect(File.read_link!(p.("soft.txt")))
IO.inspect(File.read_link(p.("src/a.txt")))
IO.inspect(File.lstat!(p.("soft.txt")).type)
IO.inspect(File.read!(p.("soft.txt")))

IO.inspect(File.chmod(p.("src/a.txt"), 0o600))
IO.inspect(File.stat!(p.("src/a.txt")).mode |> Integer.to_string(8))
IO.inspect(File.chmod(p.("missing"), 0o600))
IO.inspect(File.touch(p.("touched.txt"), {{2020, 1, 2}, {3, 4, 5}}))
IO.inspect(File.stat!(p.("touched.txt")).mtime)
IO.inspect(File.touch!(p.("touched.txt"), 1_000_000_000))
IO.inspect(File.stat!(p.("touched.txt"), time: :posix).mtime)
IO.inspect(File.touch(p.("no/such/dir/x")))
stat = File.stat!(p.("touched.txt"))
IO.inspect(File.write_stat(p.("src/a.txt"), %{stat | mode: 0o100640}))
IO.inspect(File.stat!(p.("src/a.txt")).mtime)
IO.inspect(File.stat!(p.("src/a.txt")).mode |> Integer.to_string(8))
IO.inspect(File.write_stat(p.("src/a.txt"), %File.Stat{}))

IO.inspect(File.rename!(p.("single.txt"), p.("renamed.txt")))
IO.inspect(File.exists?(p.("renamed.txt")))

for f <- [
      fn -> File.rename!(p.("nope"), p.("x")) end,
      fn -> File.ln!(p.("nope"), p.("x")) end,
      fn -> File.ln_s!("x", p.("soft.txt")) end,
      fn -> File.cp_r!(p.("nope"), p.("x")) end,
      fn -> File.read_link!(p.("src/a.txt")) end,
      fn -> File.chmod!(p.("nope"), 0o644) end,
      fn -> File.touch!(p.("no/such/x")) end,
      fn -> File.write_stat!(p.("nope"), %File.Stat{}) end
    ] do
  try do
    f.()
  rescue
    e -> IO.puts(String.replace(Exception.message(e), dir, "DIR"))
  end
end

File.rm_rf!(dir)
