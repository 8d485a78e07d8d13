# OTP 25's :filename on Unix names: binaries give binaries, atoms and (deep)
# charlists give charlists; join's `.` and `/` rules, rootname/extension dots, errors.
names = ["/a/b/c.txt", "a/b/", "/", "", "a", ".bashrc", "a.b.c", "/a/b.d/c", "a//b", "//a", ".", "..",
         "a/.", "dir/.x", "a.", "x/..", "a.b/c", 'x/y.erl', :"at/om.ex", ['de', [?e, 'p/'], "x.y"]]
for n <- names do
  r = for f <- [:basename, :dirname, :extension, :rootname, :split, :pathtype, :flatten, :nativename, :validate] do
    try do
      apply(:filename, f, [n])
    rescue
      e -> {e.__struct__, e.function, e.arity}
    end
  end
  IO.inspect({n, r})
end
for {a, b} <- [{"/a/b.txt", ".txt"}, {"/a/b.txt", "txt"}, {"a.txt", 'txt'}, {'a.erl', ".erl"}, {'a.erl', '.erl'},
               {"x.tar.gz", ".gz"}, {"dir/.x", ".x"}, {".x", ".x"}, {"a/b.x/", ".x"}, {"b.x", ".y"}] do
  IO.inspect {a, b, :filename.basename(a, b), :filename.rootname(a, b)}
end
for {a, b} <- [{"a", "b"}, {"a/", "b"}, {"/a", "/b"}, {'a', "b"}, {'a', 'b'}, {"a", ""}, {"", "b"}, {"a//", "b/"},
               {"a", "./b"}, {"a", ".."}, {"a", "/"}, {"a/./.", "."}, {".", "a"}, {"./a", "./b/."}, {"a/.", "b"}] do
  IO.inspect {a, b, :filename.join(a, b), :filename.append(a, b), :filename.absname(b, a), :filename.absname_join(a, b)}
end
IO.inspect {:filename.join(:a, 'b'), :filename.join(["a", "b", 'c']), :filename.join(['/', 'usr', 'bin']), :filename.join(["/a/./", "."])}
IO.inspect {:filename.absname("x") == Path.join(File.cwd!(), "x"), :filename.absname('/x/../y'), :filename.absname('y') == String.to_charlist(Path.join(File.cwd!(), "y"))}
IO.inspect {:filename.validate("a\0b"), :filename.validate(['a', "b"]), :filename.validate(:ok), (try do :filename.validate(1) rescue e -> e.function end)}
IO.inspect {:filename.nativename("/a//b/./c/"), :filename.flatten([:ab, 'c', ["d"]])}
IO.inspect {String.ends_with?(:filename.basedir(:user_cache, "app"), "/app"), :filename.basedir(:site_config, 'app')}
for f <- [fn -> :filename.join([]) end, fn -> :filename.join(1, "a") end, fn -> :filename.basename(123) end,
          fn -> :filename.append(:a, "b") end, fn -> :filename.basedir(:bogus, "app") end] do
  try do
    f.()
  rescue
    e -> IO.inspect(e)
  end
end
IO.inspect {:filename.append(:a, "b"), :filename.append('a', :b), :filename.append('a', ['b', ?c]), :filename.append(['a', 'b'], 'c'), :filename.append("a", "")}
