# File: reading, writing, listing and removing files and directories, in a
# directory of its own under System.tmp_dir!/0; errors as File.Error prints them.
base = Path.join(System.tmp_dir!(), "beamlet_rt_file_#{System.pid()}_#{System.unique_integer([:positive])}")
File.rm_rf!(base)
show = fn label, value -> IO.puts("#{label}: #{inspect(value)}") end
rel = fn path -> Path.relative_to(path, base) end

show.("mkdir", File.mkdir(base))
show.("mkdir again", File.mkdir(base))
show.("dir?", File.dir?(base))
show.("regular? dir", File.regular?(base))
a = Path.join(base, "a.txt")
show.("exists? before", File.exists?(a))
show.("write", File.write(a, "hello\n"))
show.("exists? after", File.exists?(a))
show.("regular?", File.regular?(a))
show.("read", File.read(a))
show.("write append", File.write(a, ["more", ?\n], [:append]))
show.("read!", File.read!(a))
show.("write!", File.write!(a, "replaced"))
show.("read again", File.read(a))
show.("read missing", File.read(Path.join(base, "missing")))
show.("read dir", File.read(base))
show.("mkdir_p", File.mkdir_p(Path.join(base, "x/y/z")))
show.("mkdir_p again", File.mkdir_p(Path.join(base, "x/y/z")))
show.("mkdir_p!", File.mkdir_p!(Path.join(base, "x/w")))
File.write!(Path.join(base, "x/y/f.ex"), "")
File.write!(Path.join(base, "x/g.exs"), "")
show.("ls", base |> File.ls() |> then(fn {:ok, l} -> Enum.sort(l) end))
show.("ls!", Enum.sort(File.ls!(Path.join(base, "x"))))
show.("ls missing", File.ls(Path.join(base, "nope")))
show.("wildcard", base |> Path.join("**/*.{ex,exs}") |> Path.wildcard() |> Enum.map(rel))
show.("wildcard *", base |> Path.join("x/*") |> Path.wildcard() |> Enum.map(rel))
show.("wildcard ?", base |> Path.join("?.txt") |> Path.wildcard() |> Enum.map(rel))
show.("rm", File.rm(Path.join(base, "x/g.exs")))
show.("rm missing", File.rm(Path.join(base, "x/g.exs")))
show.("rmdir nonempty", File.rmdir(Path.join(base, "x")))
show.("rmdir", File.rmdir(Path.join(base, "x/w")))
show.("rename", File.rename(a, Path.join(base, "b.txt")))
show.("exists? renamed", {File.exists?(a), File.exists?(Path.join(base, "b.txt"))})
show.("touch", File.touch(Path.join(base, "t")))
show.("touch read", File.read(Path.join(base, "t")))
show.("cd!", File.cd!(base, fn -> File.read("b.txt") end))
show.("cwd unchanged", File.cwd!() != base)
{:ok, removed} = File.rm_rf(Path.join(base, "x"))
show.("rm_rf", removed |> Enum.map(rel) |> Enum.sort())
show.("rm_rf missing", File.rm_rf(Path.join(base, "nothing")))

for fun <- [
      fn -> File.read!(Path.join(base, "missing")) end,
      fn -> File.ls!(Path.join(base, "missing")) end,
      fn -> File.rm!(Path.join(base, "missing")) end,
      fn -> File.mkdir!(base) end,
      fn -> File.rmdir!(Path.join(base, "missing")) end,
      fn -> File.write!(Path.join(base, "no/such/dir"), "x") end,
      fn -> File.cd!(Path.join(base, "missing")) end
    ] do
  try do
    fun.()
  rescue
    e in File.Error ->
      IO.puts(String.replace(Exception.message(e), base, "BASE"))
      show.("fields", {e.reason, e.action})
  end
end

File.rm_rf!(base)
show.("gone", File.exists?(base))
