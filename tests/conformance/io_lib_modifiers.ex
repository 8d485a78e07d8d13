# :io_lib.format control sequences at their edges: `~c` with a field
# width and a precision, `~s` whose precision is above or equal to its
# width, `~F.Pp` (line length F from column P), `~0p` (no line breaks),
# the `l` modifier (lists and binaries as integers, also with `t`), and
# `~P`'s `...` after a cut tuple or map.
show = fn fmt, args ->
  text =
    try do
      inspect(IO.iodata_to_binary(:io_lib.format(String.to_charlist(fmt), args)))
    rescue
      ArgumentError -> "ArgumentError"
    end

  IO.puts("#{fmt} #{inspect(args)} => #{text}")
end

for fmt <- ~w(~c ~5c ~.3c ~5.2c ~-5.2c ~5.5c ~2.5c ~5.2.*c ~tc ~3tc), do: show.(fmt, [?a])
show.("~5.2tc", [0x65E5])
show.("~3c", [256 + ?b])

for fmt <- ~w(~s ~8s ~-8s ~.3s ~8.3s ~-8.3s ~6.6s ~-6.6s ~3.6s ~8.16s ~6.6.*s ~*.*s) do
  args = if String.contains?(fmt, "*.*"), do: [6, 6, "abc"], else: ["abc"]
  show.(fmt, args)
end

show.("~6.6ts", ['ünï'])
show.("~*.*ts", [6, 6, :"ato m"])

for fmt <- ~w(~p ~5p ~5.2p ~8.16p ~0p ~0.5p ~12.3p ~*.*p), do: show.(fmt, if(String.contains?(fmt, "*"), do: [6, 6, [1, 2, 3]], else: [[1, 2, 3]]))
show.("~0p", [Enum.to_list(1..40)])
show.("~0tp", [["héllo", 'ünï', "日本"]])

for fmt <- ~w(~lp ~lw ~tlp ~ltp ~12.3lp ~0lp ~w ~p) do
  show.(fmt, [["hi", 'hi', {'abc', "é"}]])
end

show.("~P", [%{a: 1, b: 2, c: 3}, 2])
show.("~12P", [%{a: 1, b: 2}, 2])
show.("~12.3P", [%{a: 1, b: 2}, 2])
show.("~3.1P", [%{a: 1, b: 2}, 2])
show.("~0P", [Enum.to_list(1..40), 5])
show.("~30P", [{:alpha, :beta, :gamma, :delta}, 3])
show.("~8P", [[:alpha, :beta, :gamma, :delta], 3])
show.("~10P", [{[1, 2, 3], {4, 5, 6}, [7]}, 3])
