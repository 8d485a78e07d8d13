parse = fn
  "ok" -> {:ok, 1}
  _ -> {:error, :bad}
end

IO.puts("parsing first")
{:ok, a} = parse.("ok")
IO.inspect(a)
IO.puts("parsing second")
{:ok, b} = parse.("nope")
IO.inspect(b)
