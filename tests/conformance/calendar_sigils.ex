# calendar sigils: ~D ~T ~N ~U built at compile time, in patterns, printed, compared
defmodule Sig do
  def kind(~D[2020-01-01]), do: :new_year
  def kind(%Date{month: 12, day: 25}), do: :christmas
  def kind(%Date{}), do: :some_day
  def kind(~T[12:00:00]), do: :noon
  def kind(%NaiveDateTime{}), do: :naive
  def kind(%DateTime{time_zone: "Etc/UTC"}), do: :utc
end

defmodule Main do
  def eval(code) do
    try do
      {value, _} = Code.eval_string(code)
      IO.inspect(value)
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end

  def run do
    IO.inspect([~D[2020-01-01], ~T[10:00:00.000], ~N[2020-02-29 23:59:59.5], ~U[2015-01-13 13:00:07.123Z]])
    IO.inspect(%{when: ~D[-0044-03-15], at: ~T[00:00:00], ts: ~N[0000-01-01T00:00:00]})
    IO.puts("#{~D[2020-01-01]} | #{~T[23:59:59.999999]} | #{~N[2020-01-01 10:00:00]} | #{~U[2020-01-01 10:00:00Z]}")
    IO.puts(to_string(~U[2015-01-13 13:00:07+00:00]))
    IO.inspect(Enum.map([~D[2020-01-01], ~D[2021-12-25], ~D[2022-03-04], ~T[12:00:00], ~N[2020-01-01 00:00:00], ~U[2020-01-01 00:00:00Z]], &Sig.kind/1))
    d = ~D[2020-03-04]
    ~D[2020-03-04] = d
    %Date{year: y, month: m} = d
    IO.inspect({y, m})
    IO.inspect(~D[2020-01-01] == %Date{year: 2020, month: 1, day: 1})
    IO.inspect(~T[10:00:00] == ~T[10:00:00.000])
    IO.inspect(~U[2015-01-13 13:00:07.123Z] |> Map.from_struct() |> Map.to_list())
    IO.inspect(~T[23:50:07,0123456])
    IO.inspect(~N[2015-01-23T23:50:07.123+02:30])
  end

  def errors do
    eval(~s{~D[2020-13-01]})
    eval(~s{~D[2020-1-1]})
    eval(~s{~D[2021-02-29]})
    eval(~s{~T[24:00:00]})
    eval(~s{~T[10:00]})
    eval(~s{~N[2020-01-01 10:00]})
    eval(~s{~N[2020-01-01T25:00:00]})
    eval(~s{~U[2015-01-13 13:00]})
    eval(~s{~U[20150113 130007Z]})
    eval(~s{~U[2015-01-13 13:00:07]})
    eval(~s{~U[2015-01-13 13:00:07+00:30]})
    eval(~s{~D[2020-01-01]x})
    eval(~s{~D[2020-01-01 Calendar.ISO]})
    eval(~s{~N[2020-01-01 10:00:00 Calendar.ISO]})
  end
end

Main.run()
Main.errors()
