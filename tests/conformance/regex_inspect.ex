# inspect of a regex: ~r/.../opts, escaping of / and control characters, list options; source/opts.
IO.inspect ~r/a+/
IO.inspect ~r/a+/imsxuUf
IO.inspect ~r/a\/b/
IO.inspect ~r"a/b"
IO.inspect ~r{a/b}
IO.inspect ~r/\n\t\\d/
IO.inspect ~R/\n#{x}/
IO.inspect Regex.compile!("a/b\n")
IO.inspect Regex.compile!("a\\/b")
IO.inspect Regex.compile!(<<0, 1, 7, 8, 9, 10, 11, 12, 13, 27, 31, 127>>)
IO.inspect Regex.compile!("é€\u00a0\u0085")
IO.inspect Regex.compile!(<<0xFF, 0xFE, ?a>>)
IO.inspect Regex.compile!("\"'\#{x}")
IO.inspect Regex.compile!("a", [:caseless, :multiline])
IO.inspect Regex.compile!("a", [])
IO.inspect Regex.compile!("a", "uumm")
IO.inspect [~r/a/, ~r/b/i]
IO.inspect %{re: ~r/x/}
IO.inspect {~r/a/, 1}, label: "tuple"
IO.puts inspect(~r/long #{String.duplicate("x", 90)}/)
IO.puts "#{inspect(~r/a/u)} and #{inspect(~r/b/)}"
r = ~r/(?<x>a)(b)/i
IO.inspect {Regex.source(r), Regex.opts(r)}
IO.inspect {elem(r.re_pattern, 0), elem(r.re_pattern, 1), elem(r.re_pattern, 2)}
IO.inspect elem(~r/a/u.re_pattern, 2)
IO.inspect elem(~r/a/s.re_pattern, 3)
IO.inspect elem(~r/a/.re_pattern, 3)
IO.inspect Regex.regex?(r)
IO.inspect Regex.regex?("a")
IO.inspect is_struct(r, Regex)
IO.inspect r == ~r/(?<x>a)(b)/i
IO.inspect ~r/a/ == ~r/a/i
IO.inspect match?(%Regex{source: "a"}, ~r/a/)
IO.inspect Map.keys(~r/a/)
