# Seeded randomness: :rand with the exsss algorithm gives OTP's numbers; Enum.random/shuffle/take_random draw as Elixir 1.14.
import Bitwise
:rand.seed(:exsss, {1, 2, 3})
IO.inspect(:rand.export_seed())
IO.inspect(for _ <- 1..5, do: :rand.uniform(100))
IO.inspect(:rand.uniform())
:rand.seed(:exsss, 42)
IO.inspect(:rand.export_seed())
IO.inspect(Enum.random(1..1000))
IO.inspect(Enum.random([:a, :b, :c, :d]))
IO.inspect(Enum.random(%{x: 1, y: 2}))
IO.inspect(Enum.random(Stream.map(1..50, & &1)))
IO.inspect(Enum.shuffle(1..10))
IO.inspect(Enum.take_random(1..100, 5))
IO.inspect(Enum.take_random(~w(a b c), 10))
IO.inspect(Enum.take_random(1..300, 130) |> Enum.take(5))
IO.inspect(Enum.take_random([], 3))
IO.inspect(Enum.random(1..10//3))
state = :rand.seed_s(:exsss, {7, 8, 9})
{x, state} = :rand.uniform_s(6, state)
{y, state} = :rand.uniform_s(state)
IO.inspect({x, y, :rand.export_seed_s(state)})
IO.inspect(:rand.uniform(1 <<< 70) > 0)
IO.inspect(:rand.seed(:default, {1, 2, 3}) |> :rand.export_seed_s())
IO.inspect(for _ <- 1..3, do: :rand.uniform(1000))

for fun <- [fn -> Enum.random([]) end, fn -> Enum.random(1..0//1) end, fn -> Enum.take_random([1], -1) end] do
  try do
    fun.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
