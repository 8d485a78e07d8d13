m = %{name: "Ada", lang: :elixir, year: 2012}
%{name: name} = m
IO.puts(name)
%{lang: lang, year: year} = m
IO.inspect({lang, year})
%{} = m
IO.puts("empty map pattern matches any map")

greet = fn
  %{name: n, title: t} -> "#{t} #{n}"
  %{name: n} -> "plain #{n}"
  %{} -> "anonymous"
end

IO.puts(greet.(%{name: "Grace", title: "Admiral"}))
IO.puts(greet.(%{name: "Linus"}))
IO.puts(greet.(%{id: 3}))

%{"str" => s, 1 => one} = %{"str" => :string_key, 1 => :int_key, :atom => 3}
IO.inspect({s, one})

%{inner: %{deep: d}} = %{inner: %{deep: [1, 2]}, other: nil}
IO.inspect(d)

IO.inspect(match?(%{a: 1}, %{a: 1, b: 2}))
IO.inspect(match?(%{a: 1}, %{a: 2}))
IO.inspect(match?(%{c: _}, %{a: 1}))
IO.inspect(match?(%{}, [a: 1]))
users = [%{name: "a", admin: true}, %{name: "b", admin: false}, %{name: "c", admin: true}]
for %{name: n, admin: true} <- users, do: IO.puts("admin #{n}")
