# Path.safe_relative/1 and safe_relative_to/2; the deprecated
# Inspect.Algebra.surround/3, surround_many/5,6 and List.Chars.to_char_list/1.
for p <- ["foo", "foo/bar", "foo/../bar", "../foo", "/usr", "foo/./bar", "", ".", "foo/..", "foo/../..",
          "a/b/../../c", "a/../../b", "C:/x", 'foo/bar', "foo//bar/", "./..", "a/b/..", "a/b/../..",
          "a/../b/../..", "~/x", "a/.../b", "//x", ["a", ?/, "b"], "a\\..\\b"] do
  IO.inspect({p, Path.safe_relative(p)})
end

for {p, c} <- [{"foo", "/usr"}, {"../x", "/usr"}, {"/usr/local/foo", "/usr/local"}, {"/usr/foo", "/usr/local"},
               {"foo/../..", "/"}, {"/usr/local/../x", "/usr/local"}, {"/tmp", "/tmp"}, {"/tmp/a/../b", "/tmp"},
               {'x', '/a'}, {"a/b/../c", "rel"}] do
  IO.inspect({p, c, Path.safe_relative_to(p, c)})
end

import Inspect.Algebra
d = surround("[", "a", "]")
IO.inspect(d)
IO.inspect(format(d, 80) |> IO.iodata_to_binary())
o = %Inspect.Opts{}
f = fn x, _ -> to_string(x) end
IO.inspect(surround_many("[", [1, 2, 3], "]", o, f))
IO.inspect(surround_many("[", [1, 2, 3], "]", o, f, ";") |> format(80) |> IO.iodata_to_binary())
IO.inspect(surround_many("<", Enum.to_list(1..40), ">", o, f) |> format(30) |> IO.iodata_to_binary())
IO.inspect({List.Chars.to_char_list(:abc), List.Chars.to_char_list("é"), List.Chars.to_char_list(12)})
