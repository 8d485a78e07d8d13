# :rand: functional states, jumps, exported seeds, errors
s = :rand.seed_s(:exrop, 42)
IO.inspect(:rand.export_seed_s(s))
{x, s} = :rand.uniform_s(s)
{n, s} = :rand.uniform_s(1000, s)
{r, s} = :rand.uniform_real_s(s)
{b, s} = :rand.bytes_s(5, s)
{g, s} = :rand.normal_s(5, 2, s)
IO.inspect({x, n, r, b, g})
IO.inspect(:rand.export_seed_s(s))
for alg <- [:exsss, :exsp, :exrop, :exro928ss, :exs1024s] do
  j = :rand.jump(:rand.seed_s(alg, 99))
  {v, _} = :rand.uniform_s(1_000_000, j)
  IO.puts("#{alg} jump: #{v}")
end
IO.inspect(:rand.export_seed_s(:rand.jump(:rand.seed_s(:exsss, {4, 5, 6}))))
:rand.seed(:exsss, 5)
IO.inspect(:rand.jump() |> :rand.export_seed_s())
IO.inspect(:rand.uniform(100))
saved = :rand.export_seed()
a = for _ <- 1..5, do: :rand.uniform(50)
:rand.seed(saved)
IO.inspect({a, for(_ <- 1..5, do: :rand.uniform(50))})
st = :rand.seed(:default, 11)
IO.inspect(:rand.export_seed_s(st))
IO.inspect(:rand.seed_s({:exsplus, [1 | 2]}) |> :rand.uniform_s() |> elem(0))
IO.inspect({:rand.uniform(1), :rand.uniform(Bitwise.bsl(1, 58)), :rand.uniform(Bitwise.bsl(1, 58) + 1)})
IO.inspect(Process.get(:rand_seed) |> :rand.export_seed_s())
Process.delete(:rand_seed)
IO.inspect(:rand.export_seed())
t = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
t.(fn -> :rand.uniform(0) end)
t.(fn -> :rand.uniform(1.5) end)
t.(fn -> :rand.seed(:exsss, []) end)
t.(fn -> :rand.seed(:exsss, [1, 2, 3]) end)
t.(fn -> :rand.seed(:exsss, [:a]) end)
t.(fn -> :rand.seed(:exsss, [0, 0]) end)
t.(fn -> :rand.normal_s(0, 0, :rand.seed_s(:exsss, 1)) end)
