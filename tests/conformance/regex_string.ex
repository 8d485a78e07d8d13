# String functions taking a regex, =~, inline flags.
IO.inspect String.split("a1b22c", ~r/\d+/)
IO.inspect String.split("a1b22c3", ~r/\d/, trim: true)
IO.inspect String.replace("hello world", ~r/o/, "0")
IO.inspect String.replace("hello world", ~r/(\w+)/, fn w -> String.upcase(w) end)
IO.inspect String.match?("abc", ~r/b/)
IO.inspect "x" =~ ~r/y/
IO.inspect Regex.run(~r/(?i)ABC/, "xabc")
IO.inspect Regex.replace(~r/\s+/, "a   b \t c", " ")
IO.inspect Regex.scan(~r/(?<w>\w)(\d)/, "a1 b2", capture: :all_but_first)
