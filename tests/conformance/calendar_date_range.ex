# Date.Range: Date.range/2,3 with steps both ways, Enum over it, member?, slices, printing, errors
defmodule Main do
  def try_it(fun) do
    IO.inspect(fun.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end

  def run do
    r = Date.range(~D[2024-02-26], ~D[2024-03-02])
    IO.inspect(r)
    IO.inspect(Enum.to_list(r))
    IO.inspect({Enum.count(r), Enum.member?(r, ~D[2024-02-29]), Enum.member?(r, ~D[2024-03-03]), Enum.member?(r, :nope)})
    IO.inspect(Enum.map(r, &Date.day_of_week/1))
    IO.inspect(Enum.filter(r, &(&1.month == 3)))
    IO.inspect({Enum.at(r, 3), Enum.at(r, -1), Enum.take(r, 2), Enum.reverse(r) |> hd()})
    IO.inspect(Enum.slice(r, 1, 2))
    IO.inspect(Enum.zip(r, 1..3))
    IO.inspect(Enum.reduce(r, 0, fn d, acc -> acc + d.day end))
    IO.inspect(for d <- r, Date.day_of_week(d) < 6, do: Date.to_string(d))
    down = Date.range(~D[2024-03-02], ~D[2024-02-26])
    IO.inspect(down)
    IO.inspect({Enum.count(down), Enum.to_list(down) |> Enum.take(3)})
    weekly = Date.range(~D[2023-12-25], ~D[2024-02-05], 7)
    IO.inspect(weekly)
    IO.inspect(Enum.map(weekly, &Date.to_iso8601/1))
    IO.inspect({Enum.count(weekly), Enum.member?(weekly, ~D[2024-01-08]), Enum.member?(weekly, ~D[2024-01-09])})
    back = Date.range(~D[2024-01-31], ~D[2024-01-01], -10)
    IO.inspect({back, Enum.to_list(back), Enum.member?(back, ~D[2024-01-11]), Enum.member?(back, ~D[2024-01-12])})
    empty = Date.range(~D[2024-01-31], ~D[2024-01-01], 3)
    IO.inspect({empty, Enum.to_list(empty), Enum.count(empty), Enum.member?(empty, ~D[2024-01-31])})
    IO.inspect(Date.range(~D[2024-01-01], ~D[2024-01-01]) |> Enum.to_list())
    IO.inspect(Date.range(~N[2024-01-01 10:00:00], ~N[2024-01-03 09:00:00]))
    IO.inspect(Date.range(~D[2024-01-01], ~D[2024-01-10], 3) |> Map.from_struct() |> Map.to_list())
    IO.inspect(Date.range(~D[1999-12-30], ~D[2000-01-02]) == Date.range(~D[1999-12-30], ~D[2000-01-02], 1))
    try_it(fn -> Date.range(~D[2024-01-01], ~D[2024-01-10], 0) end)
    try_it(fn -> Date.range(~D[2024-01-01], ~D[2024-01-10], 1.5) end)
    IO.inspect(Enum.count(Date.range(~D[2000-01-01], ~D[2099-12-31])))
  end
end

Main.run()
