# Date: construction, arithmetic across leap years and month ends, weeks, eras, ordering
defmodule Main do
  def try_it(fun) do
    IO.inspect(fun.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end

  def run do
    IO.inspect({Date.new(2000, 2, 29), Date.new(1900, 2, 29), Date.new(2024, 4, 31)})
    try_it(fn -> Date.new!(2023, 2, 29) end)
    try_it(fn -> Date.new("2000", 1, 1) end)
    for {d, n} <- [{~D[2000-02-28], 1}, {~D[1900-02-28], 1}, {~D[2024-01-31], 30}, {~D[2023-12-31], 1}, {~D[2020-03-01], -1}, {~D[2000-01-01], 366}, {~D[0000-01-01], -1}] do
      IO.puts("#{d} + #{n} = #{Date.add(d, n)}")
    end
    IO.inspect(Date.diff(~D[2024-03-01], ~D[2023-03-01]))
    IO.inspect(Date.diff(~D[2023-03-01], ~D[2024-03-01]))
    IO.inspect(Date.diff(~D[2000-01-01], ~N[1999-12-31 23:59:59]))
    try_it(fn -> Date.add(~D[9999-12-31], 1) end)
    for d <- [~D[2024-02-10], ~D[2023-02-10], ~D[1900-02-01], ~D[2000-12-31], ~N[2021-04-15 10:00:00]] do
      IO.inspect({Date.beginning_of_month(d), Date.end_of_month(d), Date.days_in_month(d), Date.leap_year?(d)})
    end
    d = ~D[2020-07-11]
    IO.inspect({Date.day_of_week(d), Date.day_of_week(d, :sunday), Date.day_of_week(d, :saturday)})
    IO.inspect({Date.beginning_of_week(d), Date.end_of_week(d)})
    IO.inspect({Date.beginning_of_week(d, :sunday), Date.end_of_week(d, :sunday)})
    IO.inspect({Date.beginning_of_week(~D[2020-07-06]), Date.end_of_week(~D[2020-07-12])})
    try_it(fn -> Date.day_of_week(d, :someday) end)
    IO.inspect(Enum.map([~D[2020-01-01], ~D[2020-12-31], ~D[2021-12-31], ~D[2020-06-30]], &{Date.day_of_year(&1), Date.quarter_of_year(&1)}))
    IO.inspect(Enum.map([~D[2020-01-01], ~D[0001-01-01], ~D[0000-12-31], ~D[-0001-01-01]], &{Date.year_of_era(&1), Date.day_of_era(&1)}))
    IO.inspect({Date.to_gregorian_days(~D[2000-01-01]), Date.from_gregorian_days(0), Date.from_gregorian_days(-1)})
    IO.inspect({Date.to_erl(~D[2020-05-06]), Date.from_erl({2020, 5, 6}), Date.from_erl({2020, 5, 32})})
    try_it(fn -> Date.from_erl!({2020, 2, 30}) end)
    IO.inspect({Date.months_in_year(~D[2020-01-01]), Date.convert(~D[2020-01-01], Calendar.ISO)})
    IO.inspect(Date.compare(~D[2020-01-01], ~D[2019-12-31]))
    IO.inspect(Date.compare(~D[2020-01-01], ~N[2020-01-01 23:59:59]))
    IO.inspect(Date.compare(~D[2019-12-31], ~D[2020-01-01]))
    dates = [~D[2020-01-10], ~D[2019-05-01], ~D[2020-01-02], ~D[2019-12-31]]
    IO.inspect(Enum.sort(dates, Date))
    IO.inspect(Enum.sort(dates, {:desc, Date}))
    IO.inspect({Enum.min(dates, Date), Enum.max(dates, Date)})
    IO.inspect(Enum.sort_by([%{d: ~D[2020-01-02]}, %{d: ~D[2020-01-01]}], & &1.d, Date))
    IO.inspect({Date.to_iso8601(~D[2020-01-02]), Date.to_iso8601(~D[2020-01-02], :basic), Date.to_string(~N[-0012-01-02 00:00:00])})
    IO.inspect(Date.utc_today() |> Map.keys())
    IO.inspect(Date.utc_today().year > 2020)
  end
end

Main.run()
