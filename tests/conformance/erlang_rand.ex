# :rand: OTP's exact sequences for every algorithm and seed form
for alg <- [:exsss, :exsp, :exsplus, :exrop, :exro928ss, :exs1024s, :exs1024, :exs64],
    seed <- [{1, 2, 3}, 42, if(alg == :exs64, do: [7], else: [7, 8])] do
  :rand.seed(alg, seed)
  ints = for _ <- 1..6, do: :rand.uniform(1000)
  floats = for _ <- 1..2, do: :rand.uniform()
  IO.puts("#{alg} #{inspect(seed)}: #{inspect(ints)} #{inspect(floats)}")
  IO.puts("  real #{:rand.uniform_real()} big #{:rand.uniform(Bitwise.bsl(1, 80))} pow2 #{:rand.uniform(Bitwise.bsl(1, 70))}")
  IO.puts("  bytes #{inspect(:rand.bytes(10))} normal #{:rand.normal()} #{:rand.normal(10, 4)}")
end
:rand.seed(:exsss, {1, 2, 3})
IO.inspect(:rand.export_seed())
IO.inspect(Enum.map(1..20, fn _ -> :rand.uniform(6) end))
IO.inspect(Enum.map(1..5, fn _ -> :rand.normal() end))
