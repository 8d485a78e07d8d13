"Hello, " <> name = "Hello, World"
IO.puts(name)

route = fn
  "/users/" <> id -> "user #{id}"
  "/posts/" <> slug -> "post #{slug}"
  "/" -> "root"
  path -> "unknown #{path}"
end

Enum.each(["/users/42", "/posts/hello-world", "/", "/about", "/users/"], fn p ->
  IO.puts(route.(p))
end)

parse = fn
  "+" <> n -> {:plus, n}
  "-" <> n -> {:minus, n}
  n -> {:none, n}
end

IO.inspect(parse.("+5"))
IO.inspect(parse.("-12"))
IO.inspect(parse.("7"))
IO.inspect(parse.(""))

case "cmd:run:fast" do
  "cmd:" <> rest -> IO.puts("command " <> rest)
  _ -> IO.puts("no command")
end

"key=" <> value = "key=value"
IO.puts(value)
IO.inspect(match?("ab" <> _, "abc"))
IO.inspect(match?("ab" <> _, "a"))
IO.inspect("é" <> rest = "été")
IO.inspect(rest)
