s = "hello"
IO.puts(s <> " " <> "world")
IO.puts("interpolate #{s} and #{1 + 2} and #{:atom} and #{[?a, ?b]}")
IO.puts("nested #{"inner #{s}"}")
IO.puts("tab\tnewline\\n quote\" backslash\\")
IO.puts("multi\nline")
IO.inspect("tab\tnewline\n quote\" backslash\\")
IO.inspect("unicode: héllo ✓")
IO.inspect("\e[0m bell\a null\0 del\d")
IO.inspect("#{1}#{2}")
IO.inspect("\#{not interpolated}")
IO.puts("\u00e9 and \u{1F600}")
IO.inspect(byte_size("héllo"))
IO.inspect("abc" == "abc")
IO.inspect("abc" <> "" == "abc")
IO.inspect(is_binary("x"))
IO.inspect(is_binary('x'))
IO.puts("""
heredoc line 1
  indented line 2
last #{s}
""")
IO.inspect("""
  a
    b
  """)
IO.inspect("quotes \"inside\" #{s}")
IO.inspect("")
IO.puts("")
IO.puts("end")
