# NaiveDateTime: arithmetic over month, year and leap-day boundaries, diff units, conversions
defmodule Main do
  def try_it(fun) do
    IO.inspect(fun.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end

  def run do
    IO.inspect([NaiveDateTime.new(2024, 2, 29, 12, 0, 0), NaiveDateTime.new(2023, 2, 29, 12, 0, 0), NaiveDateTime.new(2023, 2, 28, 24, 0, 0), NaiveDateTime.new(2000, 1, 1, 0, 0, 0, 7)])
    IO.inspect(NaiveDateTime.new(~D[2010-01-13], ~T[23:00:07.005]))
    try_it(fn -> NaiveDateTime.new!(2023, 13, 1, 0, 0, 0) end)
    n = ~N[2024-02-28 23:30:00.250]
    for {amount, unit} <- [{1, :hour}, {1, :day}, {366, :day}, {-59, :day}, {30, :minute}, {-1, :second}, {750, :millisecond}, {1, :microsecond}] do
      IO.puts("#{n} + #{amount} #{unit} = #{NaiveDateTime.add(n, amount, unit)}")
    end
    IO.inspect(NaiveDateTime.add(~N[1999-12-31 23:59:59], 1))
    IO.inspect(NaiveDateTime.add(~N[2000-03-01 00:00:00], -1))
    try_it(fn -> NaiveDateTime.add(~N[9999-12-31 23:59:59], 1) end)
    try_it(fn -> NaiveDateTime.add(~N[2000-01-01 00:00:00], 1, :week) end)
    a = ~N[2024-03-01 00:00:00]
    b = ~N[2023-02-28 12:00:00.5]
    IO.inspect(Enum.map([:second, :millisecond, :minute, :hour, :day], &NaiveDateTime.diff(a, b, &1)))
    IO.inspect(Enum.map([:second, :day], &NaiveDateTime.diff(b, a, &1)))
    IO.inspect({NaiveDateTime.compare(a, b), NaiveDateTime.compare(b, a), NaiveDateTime.compare(~N[2000-01-01 00:00:00], ~N[2000-01-01 00:00:00.000])})
    IO.inspect(Enum.map([:microsecond, :millisecond, :second], &NaiveDateTime.truncate(~N[2017-11-06 00:23:51.123456], &1)))
    IO.inspect({NaiveDateTime.to_date(n), NaiveDateTime.to_time(n)})
    IO.inspect({NaiveDateTime.to_iso8601(n), NaiveDateTime.to_iso8601(n, :basic), NaiveDateTime.to_string(n)})
    IO.inspect({NaiveDateTime.to_erl(n), NaiveDateTime.from_erl({{2000, 1, 1}, {13, 30, 15}}, {5000, 3})})
    IO.inspect({NaiveDateTime.from_erl({{2000, 2, 30}, {0, 0, 0}}), NaiveDateTime.from_erl({{2000, 2, 3}, {0, 60, 0}})})
    try_it(fn -> NaiveDateTime.from_erl!({{2000, 2, 30}, {0, 0, 0}}) end)
    IO.inspect({NaiveDateTime.to_gregorian_seconds(n), NaiveDateTime.from_gregorian_seconds(63_873_091_800, {250_000, 3})})
    IO.inspect(NaiveDateTime.from_gregorian_seconds(-86_401))
    IO.inspect(NaiveDateTime.from_iso8601("2015-01-23 23:50:07.0123456"))
    IO.inspect(NaiveDateTime.from_iso8601("2015-01-23T23:50:07+01:00"))
    IO.inspect(NaiveDateTime.from_iso8601("2015-01-23T23:50"))
    IO.inspect(NaiveDateTime.from_iso8601("2015-02-29T23:50:00"))
    try_it(fn -> NaiveDateTime.from_iso8601!("2015-01-23 23:50:61") end)
    sorted = Enum.sort([~N[2020-01-01 10:00:00], ~N[2019-01-01 23:00:00], ~N[2020-01-01 09:59:59.9]], NaiveDateTime)
    IO.inspect(sorted)
    IO.inspect(NaiveDateTime.convert(~N[2000-01-01 13:30:15], Calendar.ISO))
    IO.inspect(NaiveDateTime.utc_now() |> Map.keys())
    IO.inspect(elem(NaiveDateTime.utc_now().microsecond, 1))
  end
end

Main.run()
